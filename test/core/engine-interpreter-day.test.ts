/**
 * An interpreter's evening in one block: the engine counts each stretch of more than a
 * conference and a walk between two conferences of a language as a cost, so an interpreted
 * family is seen beside the language's other conferences when the teachers' times allow.
 * What the interpreter sees is one block of conferences rather than an hour to wait between
 * two. Each schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { keptConference, plainFamily, problem, win } from './schedproblem';

const spanish = (id: string) => ({ ...plainFamily(id), interpreter: 'es' });

describe('buildSchedule: an interpreter’s evening', () => {
  it('sees a Spanish family right after the kept Spanish conference, not an hour later', () => {
    // One Spanish interpreter. The Garcias' conference with Ms. A is kept at 3:00 to 3:20 PM.
    // Mr. B sees the Diazes (Spanish too) 3:45 to 4:05 or 4:45 to 5:05 PM: at 3:45 the
    // interpreter walks from Ms. A's room (5 minutes) and has a 20-minute wait, no longer
    // than a conference and the walk, so the evening is one block. Both places are equally
    // good for Mr. B; which the engine tries first depends on the seed, so several are run.
    for (let seed = 1; seed <= 8; seed++) {
      const p = problem({
        windows: [win('a@s', 900, 920), win('b@s', 945, 965), win('b@s', 1005, 1025)],
        students: [
          { id: 'g', name: 'Gabi', teacherEmail: 'a@s', familyId: 'garcia' },
          { id: 'd', name: 'Dani', teacherEmail: 'b@s', familyId: 'diaz' },
        ],
        families: [spanish('garcia'), spanish('diaz')],
        fixed: [keptConference('g', 'garcia', 'a@s', 900, 920)],
        interpreters: { es: 1 },
        seed,
      });
      const s = buildSchedule(p);
      expect(checkSchedule(p, s)).toEqual([]);
      const diaz = s.conferences.find((c) => c.familyId === 'diaz');
      expect({ seed, start: diaz?.start }).toEqual({ seed, start: 945 });
    }
  });
});
