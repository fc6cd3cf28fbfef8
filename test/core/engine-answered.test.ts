/**
 * Who waits when a teacher has more students than places: a family that answered the
 * availability form keeps a place before one that gave no times (that family can take any time
 * that frees up; the answering one told the school when it can come). Every schedule is judged
 * by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

/** A family that answered: each time it can come (a 20-minute place) with its choice. */
const answered = (id: string, times: [number, number][]): SchedFamily => ({
  id,
  name: id,
  availability: times.map(([start, rank]) => ({ date: DAY, start, end: start + 20, rank })),
  interpreter: '',
});

/**
 * Ms. A has six 20-minute places, 3:00 to 5:00 PM (900 to 1020), and ten students, one per
 * family. Six families answered the form; each could take some of the six times, and together
 * they can fill all six (by hand: Baker 3:00, Flores 3:20, Ito 3:40, Garcia 4:00, Clark
 * 4:20, Evans 4:40). Four families gave no times.
 */
function school(seed: number): Problem {
  const families = [
    plainFamily('abbott'),
    answered('baker', [
      [900, 3],
      [920, 2],
      [940, 3],
      [960, 3],
    ]),
    answered('clark', [
      [920, 3],
      [980, 1],
    ]),
    plainFamily('davis'),
    answered('evans', [
      [920, 2],
      [960, 1],
      [980, 2],
      [1000, 2],
    ]),
    answered('flores', [
      [920, 2],
      [940, 3],
      [960, 2],
      [980, 2],
      [1000, 1],
    ]),
    answered('garcia', [
      [920, 1],
      [960, 3],
      [980, 1],
    ]),
    plainFamily('hill'),
    answered('ito', [
      [900, 3],
      [940, 1],
    ]),
    plainFamily('jones'),
  ];
  return problem({
    seed,
    windows: [win('a@s', 900, 1020)],
    students: families.map((f) => ({ id: f.id, name: f.id, teacherEmail: 'a@s', familyId: f.id })),
    families,
  });
}

describe('a teacher with more students than places', () => {
  it.each(Array.from({ length: 300 }, (_, i) => i + 1))(
    'places every family that answered the form when they can all fit, and the families that gave no times wait (seed %i)',
    (seed) => {
      const p = school(seed);
      const s = buildSchedule(p);
      expect(checkSchedule(p, s)).toEqual([]);
      expect(s.conferences.map((c) => c.familyId).sort()).toEqual([
        'baker',
        'clark',
        'evans',
        'flores',
        'garcia',
        'ito',
      ]);
      expect(s.unplaced.map((u) => u.studentId).sort()).toEqual([
        'abbott',
        'davis',
        'hill',
        'jones',
      ]);
    },
  );
});
