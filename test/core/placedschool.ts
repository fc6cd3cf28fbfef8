/**
 * Helpers of the engine's tests of where conferences go: a schedule the checker accepts with
 * everyone placed, a family that gave times (so the evening is not planned as unbroken blocks,
 * see evening.ts), a student of one teacher.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, plainFamily } from './schedproblem';

/** The engine's schedule, after the checker has found nothing wrong with it and no one left out. */
export function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

/** A family that can come any time from 3:00 to 6:20 PM on DAY. */
export const anyTime = (id: string): SchedFamily => ({
  ...plainFamily(id),
  availability: [{ date: DAY, start: 900, end: 1100, rank: 1 }],
});

/** A student of Ms. A's (or the teacher named), alone in their family unless one is named. */
export const pupil = (id: string, familyId = id, teacherEmail = 'a@s') => ({
  id,
  name: id,
  teacherEmail,
  familyId,
});
