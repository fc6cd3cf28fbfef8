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

/**
 * The Kims' evening: Ana's conference with Ms. A kept at 3:00 PM, Dan's with Mr. D at 4:00 PM,
 * listed in the order given; Ben (Mr. B) can come at 2:35 PM (3:00 follows with the walk) or at
 * 4:25 PM (right after Dan's, with the walk), at the ranks given. No one else is coming.
 */
function evening(early: number, late: number, kept: ('ana' | 'dan')[]) {
  const conference = {
    ana: keptConference('ana', 'kim', 'a@s', 900, 920),
    dan: keptConference('dan', 'kim', 'd@s', 960, 980),
  };
  return problem({
    windows: [win('a@s', 900, 920), win('d@s', 960, 980), win('b@s', 875, 1010)],
    students: [pupil('ana', 'kim', 'a@s'), pupil('dan', 'kim', 'd@s'), pupil('ben', 'kim', 'b@s')],
    families: [
      {
        ...plainFamily('kim'),
        availability: [
          { date: DAY, start: 875, end: 895, rank: early },
          { date: DAY, start: 985, end: 1005, rank: late },
        ],
      },
    ],
    fixed: kept.map((k) => conference[k]),
  });
}

describe('buildSchedule: a sibling beside two kept conferences listed out of time order', () => {
  it.each([
    [
      'right after the family’s later kept conference, not at his second before both (Dan’s listed first)',
      evening(2, 1, ['dan', 'ana']),
      985,
    ],
    [
      'right before the family’s earlier kept conference, not at his second after both (Ana’s listed first)',
      evening(1, 2, ['ana', 'dan']),
      875,
    ],
  ])('sees Ben at his first choice %s', (_, p, start) => {
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'));
    expect([ben?.start, ben?.rank]).toEqual([start, 1]);
  });
});
