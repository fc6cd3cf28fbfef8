/**
 * The starts a family is offered: what its availability allows, to the minute at both ends of
 * a window and of each time it gave, on the day it gave, and ranked by its best choice where
 * two of its times overlap. Every schedule is judged by the independent checker first; the
 * expected starts are read off the fixture (a 20-minute conference, starts every 5 minutes).
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Interval, Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

const ana = { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' };
const garcia = (availability: Interval[]): SchedFamily => ({
  ...plainFamily('garcia'),
  availability,
});
const at = (start: number, end: number, rank = 1, date = DAY): Interval => ({
  date,
  start,
  end,
  rank,
});

/** Ana's one conference with Ms. A, who is free 3:00 to 4:00 PM, for the Garcias' times. */
const anaWith = (availability: Interval[], windows = [win('a@s', 900, 960)]) =>
  scheduled(problem({ windows, students: [ana], families: [garcia(availability)] }));

describe("buildSchedule: the starts a family's times allow", () => {
  it('places a family whose only time is the last 20 minutes of the window', () => {
    const s = anaWith([at(940, 960)]);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.start, c.end])).toEqual([[940, 960]]);
  });

  it('places a family whose only time is the first 20 minutes of the window', () => {
    const s = anaWith([at(900, 920)]);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.start, c.end])).toEqual([[900, 920]]);
  });

  it('places a family whose time is exactly one conference long inside the window', () => {
    const s = anaWith([at(925, 945)]);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.start, c.end])).toEqual([[925, 945]]);
  });

  it('honours a first choice that lies inside a wider second choice', () => {
    // The Garcias can come any time from 3:00 to 4:00 PM, but 3:40 to 4:00 PM suits them best.
    const s = anaWith([at(900, 960, 2), at(940, 960, 1)]);
    expect(s.conferences.map((c) => [c.start, c.rank])).toEqual([[940, 1]]);
  });

  it('honours a first choice given after a wider second choice, whichever order they come in', () => {
    const s = anaWith([at(940, 960, 1), at(900, 960, 2)]);
    expect(s.conferences.map((c) => [c.start, c.rank])).toEqual([[940, 1]]);
  });

  it("places a family on the day it gave, not at the same hour of another day's window", () => {
    // Ms. A is free 3:00 to 4:00 PM on the 17th and the 18th; the Garcias can come on the 18th.
    const other = '2026-11-18';
    const s = anaWith(
      [at(900, 960, 1, other)],
      [win('a@s', 900, 960), { ...win('a@s', 900, 960), date: other }],
    );
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => c.date)).toEqual([other]);
  });
});
