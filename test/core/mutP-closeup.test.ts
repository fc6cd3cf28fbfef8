/**
 * A teacher's day closed up on small schools where the families' times leave one way to see
 * everyone with nobody idle: the block of conferences on one side of an idle stretch slides
 * across it, a chain of conferences that follow one another moving together, whichever side the
 * stretch is on. Each schedule is judged by the independent checker first; the idle minutes are
 * counted by the tests' own helper (between a teacher's first and last conference of the day,
 * beyond the changeover), and what is expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, idleMinutes, plainFamily, problem, win } from './schedproblem';
import { pupil } from './placedschool';

/** A family that can come, as a first choice, from `start` to `end` on DAY. */
const canCome = (id: string, start: number, end: number): SchedFamily => ({
  ...plainFamily(id),
  availability: [{ date: DAY, start, end, rank: 1 }],
});

/** The engine's schedule (without the search when told), checked and with everyone placed. */
function scheduled(p: Problem, iterations?: number) {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

const startOf = (s: ReturnType<typeof buildSchedule>, familyId: string) =>
  s.conferences.find((c) => c.familyId === familyId)!.start;

describe('buildSchedule: a teacher’s day closed up, a block at a time', () => {
  it('sees two families any time before the one who can come only at 3:55 PM, so Ms. A is never idle', () => {
    // Ms. A is there 3:10 to 5:10 PM, 20-minute conferences. The Garcias can come only at
    // 3:55, the Kims from 4:10 to 4:40 (a start from 4:10 to 4:20); the Lees and the Parks any
    // time. Four conferences with nobody idle: the Garcias at 3:55, the Kims right after at
    // 4:15, and the Lees and the Parks back to back around them.
    const p = problem({
      windows: [win('a@s', 910, 1030)],
      students: ['garcia', 'kim', 'lee', 'park'].map((id) => pupil(id)),
      families: [
        canCome('garcia', 955, 975),
        canCome('kim', 970, 1000),
        plainFamily('lee'),
        plainFamily('park'),
      ],
      seed: 16,
    });
    const s = scheduled(p);
    expect(startOf(s, 'garcia')).toBe(955);
    expect(idleMinutes(p, s)).toBe(0);
    expect(s.quality.idleMinutes).toBe(0);
  });

  it('slides the families before an idle stretch later, together, when the one after it can come only then', () => {
    // Ms. A is there 3:00 to 4:40 PM, 20-minute conferences and 5 minutes between families.
    // The Ngs can come only at 4:00; the Lees from 3:05 to 4:05, the Parks any time. Seen with
    // nobody idle, the two others come back to back before the Ngs: at 3:10 and 3:35. Without
    // the search (as on an evening planned in blocks) this is the closing up alone.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      students: ['lee', 'ng', 'park'].map((id) => pupil(id)),
      families: [canCome('lee', 905, 965), canCome('ng', 960, 980), plainFamily('park')],
      changeoverMinutes: 5,
      seed: 19,
    });
    const s = scheduled(p, 0);
    expect(startOf(s, 'ng')).toBe(960);
    expect(s.conferences.map((c) => c.start).sort()).toEqual([910, 935, 960]);
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('sees two families back to back where their hours overlap, the later one moved up to the first', () => {
    // Mr. B is there 3:10 to 5:10 PM, 20-minute conferences. The Lees can come from 4:15 on;
    // the Kims from 4:35 as a first choice, 4:05 to 4:45 as a second. Both fit between 4:15
    // and 5:10 one after the other: Mr. B sees them back to back. Without the search (as on an
    // evening planned in blocks), the closing up alone.
    const p = problem({
      windows: [win('b@s', 910, 1030)],
      students: [pupil('kim', 'kim', 'b@s'), pupil('lee', 'lee', 'b@s')],
      families: [
        {
          ...plainFamily('kim'),
          availability: [
            { date: DAY, start: 995, end: 1035, rank: 1 },
            { date: DAY, start: 965, end: 1005, rank: 2 },
          ],
        },
        canCome('lee', 975, 1095),
      ],
      seed: 20,
    });
    const s = scheduled(p, 0);
    expect(idleMinutes(p, s)).toBe(0);
    expect(s.quality.idleMinutes).toBe(0);
  });
});
