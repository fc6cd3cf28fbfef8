/**
 * How the engine fits a family's children together, as the family sees it: the child whose
 * teacher has the fewest times is placed first whatever order the roster lists the children in,
 * the others fitted around it, back to back. Each schedule is judged by the independent checker
 * first; what is expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, backToBack, problem, win } from './schedproblem';
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

describe('buildSchedule: the family’s first choice found among many starts of its child fitted first', () => {
  // Ms. A and Mr. B are both there 3:00 to 6:00 PM. The Lees' first choice, 4:40 to 5:00 PM,
  // holds one 20-minute conference; the rest of the evening is their second. The best they can
  // have is one child in the first choice and the other right beside it.
  it.each([
    ['in the middle of the evening', 1000],
    ['late in the evening', 1040],
    ['early in the evening', 920],
  ])('gives one child the first choice when it holds one conference %s', (_, first) => {
    const p = problem({
      windows: [win('a@s', 900, 1080), win('b@s', 900, 1080)],
      students: [pupil('ben', 'lee', 'a@s'), pupil('mai', 'lee', 'b@s')],
      families: [
        {
          ...anyTime('lee'),
          availability: [
            { date: DAY, start: 900, end: first, rank: 2 },
            { date: DAY, start: first, end: first + 20, rank: 1 },
            { date: DAY, start: first + 20, end: 1080, rank: 2 },
          ],
        },
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.conferences.find((c) => c.rank === 1)?.start).toBe(first);
      expect(s.quality.rankMet).toEqual({ first: 1, other: 1, none: 0 });
      expect(backToBack(p, s)).toBe(1);
    }
  });
});

describe('buildSchedule: a family of two on an empty evening', () => {
  // Ms. A and Mr. B are both there 3:00 to 6:00 PM with no one else; the Lees can come any time.
  // The first child is seen when the window opens, the second right after the walk: neither
  // teacher's evening has a hole before its first family, and the family does not wait.
  it('sees the first child when the windows open and the second right after', () => {
    const p = problem({
      windows: [win('a@s', 900, 1080), win('b@s', 900, 1080)],
      students: [pupil('ben', 'lee', 'a@s'), pupil('mai', 'lee', 'b@s')],
      families: [anyTime('lee')],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.conferences[0]!.start).toBe(900);
      expect(s.conferences[1]!.start).toBe(900 + 20 + 5);
    }
  });
});

describe('buildSchedule: a window that opens off the hour', () => {
  // Ms. A is there 3:05 to 4:45 PM; one family. Its conference starts when her window opens,
  // not ten minutes later with a hole no one can use before it.
  it('starts the only conference when the window opens at 3:05 PM', () => {
    const p = problem({
      windows: [win('a@s', 905, 1005)],
      students: [pupil('ana')],
      families: [anyTime('ana')],
    });
    for (const iterations of [0, undefined])
      expect(scheduled(p, iterations).conferences.map((c) => c.start)).toEqual([905]);
  });
});
