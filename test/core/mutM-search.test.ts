/**
 * What the search after the construction gives the families of small schools whose best
 * schedule is worked out by hand under each fixture: who is seen, at which choice, in which
 * order. The independent checker judges every schedule first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule, type EngineOptions } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

const times = (...list: [number, number, number][]) =>
  list.map(([start, end, rank]) => ({ date: DAY, start, end, rank }));

const withTimes = (id: string, ...list: [number, number, number][]): SchedFamily => ({
  ...plainFamily(id),
  availability: times(...list),
});

/** One child per family, each with the teacher given. */
function school(windows: ReturnType<typeof win>[], families: [SchedFamily, string][]): Problem {
  return problem({
    windows,
    changeoverMinutes: 0,
    families: families.map(([f]) => f),
    students: families.map(([f, teacher]) => ({
      id: f.id,
      name: f.id,
      teacherEmail: teacher,
      familyId: f.id,
    })),
  });
}

/** Each family's start, after the checker found nothing wrong with the schedule. */
function startsOf(p: Problem, seed: number, options: EngineOptions = {}): Record<string, number> {
  const s = buildSchedule({ ...p, seed }, options);
  expect(checkSchedule(p, s)).toEqual([]);
  return Object.fromEntries(s.conferences.map((c) => [c.familyId, c.start]));
}

describe('the search lays a stalled teacher’s day again whole', () => {
  // Ms. A, 3:00 to 4:15 PM, 20-minute conferences back to back. Gil can come 3:15 to 4:05,
  // Fern 3:30 to 4:15, Hana 3:25 to 3:45 (first choice) or 3:45 to 4:15 (second). Nobody can
  // start before 3:15, so three fit only as 3:15, 3:35 and 3:55; only Gil can start at 3:15,
  // then only Fern at 3:35 (Hana's starts are 3:25 and 3:45 on), and Hana at 3:55, her second
  // choice. Seated first at her first choice, 3:25, Hana leaves room for one more.
  const p = school(
    [win('a@s', 900, 975)],
    [
      [withTimes('fern', [930, 975, 1]), 'a@s'],
      [withTimes('gil', [915, 965, 1]), 'a@s'],
      [withTimes('hana', [925, 945, 1], [945, 975, 2]), 'a@s'],
    ],
  );

  it('leaves a family out without the search (the hardest first: Hana at her first choice)', () => {
    expect(Object.keys(startsOf(p, 1, { iterations: 0 }))).toHaveLength(2);
  });

  it.each([1, 2, 3, 4, 5])('sees all three, Hana at her second choice (seed %i)', (seed) => {
    expect(startsOf(p, seed)).toEqual({ gil: 915, fern: 935, hana: 955 });
  });
});
