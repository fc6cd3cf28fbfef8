/**
 * A teacher's day closed up after the search: the engine slides a block of conferences across
 * an idle stretch, forwards or backwards, whichever the families' times allow. What a teacher
 * sees is an afternoon without a wait in it; what a family sees is its conference at a time it
 * gave. Every schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

/** A family that can come, as a first choice, from `start` to `end` on DAY. */
const canCome = (id: string, start: number, end: number) => ({
  ...plainFamily(id),
  availability: [{ date: DAY, start, end, rank: 1 }],
});

const startsOf = (s: { conferences: { familyId: string; start: number }[] }) =>
  Object.fromEntries(s.conferences.map((c) => [c.familyId, c.start]));

describe('buildSchedule: a teacher’s day closed up', () => {
  it('moves an earlier family later when the family after the wait can come only then', () => {
    // Ms. A is there from 3:00 to 4:00 PM, 20-minute conferences. The Lees can come any time;
    // the Ngs only at 3:40. Seeing the Lees at 3:00 would leave Ms. A waiting from 3:20 to
    // 3:40, and the Ngs cannot come earlier: the Lees' conference moves to 3:20.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [
        { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'lee' },
        { id: 'mai', name: 'Mai', teacherEmail: 'a@s', familyId: 'ng' },
      ],
      families: [canCome('lee', 900, 960), canCome('ng', 940, 960)],
    });
    const s = scheduled(p);
    expect(startsOf(s)).toEqual({ lee: 920, ng: 940 });
    expect(s.quality.idleMinutes).toBe(0);
  });

  it('closes one idle stretch after another until the teacher’s day has none', () => {
    // Ms. A is there from 3:00 to 6:00 PM, 20-minute conferences. The Lees can come from
    // 5:20, the Ngs from 4:20 to 5:00; the Parks and the Ortizes any time. Placed one family
    // at a time, the day has more than one idle stretch; closed up, the four follow on from
    // 4:20 to 5:40 and Ms. A never waits. Without the search (as on an evening planned in
    // blocks, where it does not run), this is the closing up alone.
    const p = problem({
      windows: [win('a@s', 900, 1080)],
      students: [
        { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'lee' },
        { id: 'mai', name: 'Mai', teacherEmail: 'a@s', familyId: 'ng' },
        { id: 'jin', name: 'Jin', teacherEmail: 'a@s', familyId: 'park' },
        { id: 'eva', name: 'Eva', teacherEmail: 'a@s', familyId: 'ortiz' },
      ],
      families: [
        canCome('lee', 1040, 1100),
        canCome('ng', 980, 1020),
        plainFamily('park'),
        plainFamily('ortiz'),
      ],
      seed: 65,
    });
    const s = buildSchedule(p, { iterations: 0 });
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    const starts = s.conferences.map((c) => c.start);
    expect(starts).toEqual([980, 1000, 1020, 1040]);
    expect(s.quality.idleMinutes).toBe(0);
    expect(startsOf(s).lee).toBe(1040);
  });
});
