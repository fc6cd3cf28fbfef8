/**
 * A sibling's place beside the family's kept conferences, when they are listed out of time
 * order: his wait is counted from the conference right before him (or to the one right after),
 * whichever order the Schedule sheet lists the kept ones in. Judged by the independent checker;
 * what is expected comes from the fixture's hours and the family's choices.
 */
import { buildSchedule } from '../../src/core/schedule/engine';
import { checkSchedule } from '../../src/core/schedule/check';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';
import { pupil } from './placedschool';

describe('buildSchedule: a sibling beside two kept conferences listed out of time order', () => {
  it('sees Ben at his first choice right after the family’s later kept conference, not at his second before both', () => {
    // Ana's conference with Ms. A is kept at 3:00 PM and Dan's with Mr. D at 4:00 PM, Dan's
    // listed first. Ben (Mr. B) can come at 2:35 PM (second choice: 3:00 follows with the walk)
    // or at 4:25 PM (first choice: right after Dan's, with the walk). No one else is coming.
    const p = problem({
      windows: [win('a@s', 900, 920), win('d@s', 960, 980), win('b@s', 875, 1010)],
      students: [
        pupil('ana', 'kim', 'a@s'),
        pupil('dan', 'kim', 'd@s'),
        pupil('ben', 'kim', 'b@s'),
      ],
      families: [
        {
          ...plainFamily('kim'),
          availability: [
            { date: DAY, start: 875, end: 895, rank: 2 },
            { date: DAY, start: 985, end: 1005, rank: 1 },
          ],
        },
      ],
      fixed: [
        keptConference('dan', 'kim', 'd@s', 960, 980),
        keptConference('ana', 'kim', 'a@s', 900, 920),
      ],
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'));
    expect([ben?.start, ben?.rank]).toEqual([985, 1]);
  });
  it('sees Ben at his first choice right before the family’s earlier kept conference, not at his second after both', () => {
    // The same evening with the choices the other way round and Ana's conference listed first:
    // Ben can come at 2:35 PM (first choice) or at 4:25 PM (second).
    const p = problem({
      windows: [win('a@s', 900, 920), win('d@s', 960, 980), win('b@s', 875, 1010)],
      students: [
        pupil('ana', 'kim', 'a@s'),
        pupil('dan', 'kim', 'd@s'),
        pupil('ben', 'kim', 'b@s'),
      ],
      families: [
        {
          ...plainFamily('kim'),
          availability: [
            { date: DAY, start: 875, end: 895, rank: 1 },
            { date: DAY, start: 985, end: 1005, rank: 2 },
          ],
        },
      ],
      fixed: [
        keptConference('ana', 'kim', 'a@s', 900, 920),
        keptConference('dan', 'kim', 'd@s', 960, 980),
      ],
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'));
    expect([ben?.start, ben?.rank]).toEqual([875, 1]);
  });
});
