/**
 * A teacher's idle minutes as the engine weighs them: the minutes with nobody in the room
 * between the first and last conference of her day, a conference kept where it was (already
 * sent) counted as one of hers. Each schedule is judged by the independent checker first; the
 * idle minutes are counted by the tests' own helper, and what is expected comes from the
 * fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { DAY, idleMinutes, keptConference, plainFamily, problem, win } from './schedproblem';
import { pupil } from './placedschool';

describe('buildSchedule: a teacher’s idle minutes after a kept conference', () => {
  it('sees a family right after a kept conference rather than leave the teacher idle after it', () => {
    // Ms. A is there 3:00 to 5:10 PM, 20-minute conferences. The Garcias' conference is kept
    // at 3:00. The Lees have two children with her and can come any time to 5:00; the Parks from
    // 4:30 as a first choice (3:45 to 4:45 as a second). Everyone at a first choice, the
    // Parks come at 4:30 at the earliest, so between the Garcias' end at 3:20 and 4:30 Ms. A
    // has 70 minutes of which the Lees fill 40: she waits 30 minutes, no more.
    const p = problem({
      windows: [win('a@s', 900, 1030)],
      students: [
        pupil('gia', 'garcia'),
        pupil('lu', 'lee'),
        pupil('lea', 'lee'),
        pupil('pat', 'park'),
      ],
      families: [
        plainFamily('garcia'),
        { ...plainFamily('lee'), availability: [{ date: DAY, start: 900, end: 1020, rank: 1 }] },
        {
          ...plainFamily('park'),
          availability: [
            { date: DAY, start: 990, end: 1030, rank: 1 },
            { date: DAY, start: 945, end: 1005, rank: 2 },
          ],
        },
      ],
      fixed: [keptConference('gia', 'garcia', 'a@s', 900, 920)],
      seed: 37,
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    expect(s.quality.rankMet.other).toBe(0);
    expect(s.quality.waiting).toEqual([0]);
    expect(idleMinutes(p, s)).toBe(990 - 920 - 2 * 20);
    expect(s.quality.idleMinutes).toBe(30);
  });
});
