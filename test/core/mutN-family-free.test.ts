/**
 * A family is in one place at a time: never at two teachers at once, and with the walk between
 * rooms (the buffer) between conferences in different rooms, around the conferences it already
 * has kept as well as those the engine places. Small schools where the right answer is plain;
 * every schedule is judged by the independent checker, and what is expected comes from the
 * fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, Schedule } from '../../src/core/schedule/types';
import { keptConference, plainFamily, problem, win } from './schedproblem';
import { pupil } from './placedschool';

/** The family's conferences in time order, each as [teacher, start, end]. */
const dayOf = (s: Schedule, familyId: string) =>
  s.conferences
    .filter((c) => c.familyId === familyId)
    .sort((x, y) => x.start - y.start)
    .map((c) => [c.teacherEmail, c.start, c.end] as const);

/** Each pair of the family's conferences apart, with the walk between different rooms. */
function apart(p: Problem, day: ReturnType<typeof dayOf>) {
  for (let i = 1; i < day.length; i++) {
    const [teacher, start] = day[i]!;
    const [before, , end] = day[i - 1]!;
    expect(start).toBeGreaterThanOrEqual(end + (teacher === before ? 0 : p.bufferMinutes));
  }
}

describe('buildSchedule: a family in one place at a time', () => {
  it.each([1, 2, 3])(
    'places two children around their sister’s kept conference, neither at its time nor within the walk of it (seed %i)',
    (seed) => {
      // Ana's conference with Ms. A is kept at 3:00 PM; Ben (Mr. B) and Cy (Mr. C) can be seen
      // any time from 3:00 to 4:00 PM. No one else is coming.
      const p = problem({
        windows: [win('a@s', 900, 920), win('b@s', 900, 1000), win('c@s', 900, 1000)],
        students: [
          pupil('ana', 'garcia', 'a@s'),
          pupil('ben', 'garcia', 'b@s'),
          pupil('cy', 'garcia', 'c@s'),
        ],
        families: [plainFamily('garcia')],
        fixed: [keptConference('ana', 'garcia', 'a@s', 900, 920)],
        seed,
      });
      const s = buildSchedule(p);
      expect(checkSchedule(p, s)).toEqual([]);
      expect(s.unplaced).toEqual([]);
      const day = dayOf(s, 'garcia');
      expect(day).toHaveLength(3);
      expect(day[0]).toEqual(['a@s', 900, 920]);
      apart(p, day);
    },
  );
});
