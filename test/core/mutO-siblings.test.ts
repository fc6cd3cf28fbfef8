/**
 * How the engine fits a family's children together, as the family sees it: the child whose
 * teacher has the fewest times is placed first whatever order the roster lists the children in,
 * the others fitted around it, back to back. Each schedule is judged by the independent checker
 * first; what is expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { backToBack, problem, win } from './schedproblem';
import { anyTime, pupil } from './placedschool';

/** The engine's schedule (the search off, or as usual), the checker finding nothing wrong, no one left out. */
function scheduled(p: Problem, iterations: number | undefined) {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

/** Each conference as "teacher start-end", in time order. */
const times = (s: ReturnType<typeof scheduled>) =>
  s.conferences.map((c) => `${c.teacherEmail} ${c.start}-${c.end}`);

describe('buildSchedule: the child with the fewest times placed first, whatever the roster’s order', () => {
  // Ms. A is there 3:00 to 3:20 PM only; Mr. B 3:00 to 4:40 PM; 20-minute conferences and a
  // 5-minute walk. The roster lists Mai (Mr. B's) before Ben (Ms. A's). Ben must be seen at
  // 3:00, so Mai is seen at 3:25, right after.
  it('fits the child listed first around the one time the other child’s teacher has', () => {
    const p = problem({
      windows: [win('a@s', 900, 920), win('b@s', 900, 1000)],
      students: [pupil('mai', 'lee', 'b@s'), pupil('ben', 'lee', 'a@s')],
      families: [anyTime('lee')],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(times(s)).toEqual(['a@s 900-920', 'b@s 925-945']);
      expect(backToBack(p, s)).toBe(1);
    }
  });
});
