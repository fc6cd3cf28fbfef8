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
});
