/**
 * A teacher's day the search must lay again whole to hold as many as it can: families whose
 * only times fall between the places others hold. Each school is written out by hand with the
 * best count worked out below it; the independent checker judges every schedule first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

const times = (...list: [number, number, number][]) =>
  list.map(([start, end, rank]) => ({ date: DAY, start, end, rank }));

/** One student per family, each with the teacher given. */
function school(
  windows: ReturnType<typeof win>[],
  families: [SchedFamily, string][],
  changeoverMinutes: number,
): Problem {
  return problem({
    windows,
    changeoverMinutes,
    families: families.map(([f]) => f),
    students: families.map(([f, teacher]) => ({
      id: f.id,
      name: f.id,
      teacherEmail: teacher,
      familyId: f.id,
    })),
  });
}

function placedOn(p: Problem, seed: number): string[] {
  const s = buildSchedule({ ...p, seed });
  expect(checkSchedule(p, s)).toEqual([]);
  return s.conferences.map((c) => c.familyId).sort();
}

describe('the search lays a teacher’s day again whole', () => {
  it('seats four where the day has four places, leaving out the family whose times fall between them', () => {
    // Ms. A, 3:00 to 4:20 PM, 20-minute conferences back to back: four places. The Diazes can
    // start only between 3:05 and 3:15, so seating them leaves room for three. Four are seen as
    // Ortiz 3:00 (3:00–3:45 is one of their times), a family with no times 3:20, Chen 3:40 (their
    // only time is 3:35–4:20) and another without times 4:00; the Diazes and one family without
    // times wait.
    const p = school(
      [win('a@s', 900, 980)],
      [
        [{ ...plainFamily('ortiz'), availability: times([900, 945, 2], [940, 975, 3]) }, 'a@s'],
        [plainFamily('baker'), 'a@s'],
        [{ ...plainFamily('chen'), availability: times([935, 980, 1]) }, 'a@s'],
        [{ ...plainFamily('diaz'), availability: times([905, 935, 2]) }, 'a@s'],
        [plainFamily('evans'), 'a@s'],
        [plainFamily('fox'), 'a@s'],
      ],
      0,
    );
    for (const seed of [1, 2, 3, 4, 5]) {
      const seen = placedOn(p, seed);
      expect(seen).toHaveLength(4);
      expect(seen).toEqual(expect.arrayContaining(['chen', 'ortiz']));
    }
  });

  it('seats three with a changeover where one starts off the quarter hours, rather than two on them', () => {
    // Mr. B, 3:00 to 4:25 PM, 20-minute conferences and 5 minutes between: three places at
    // most. Nobody can start at 3:00. Lee 3:05 (3:05–3:45), Kim 3:30 or 3:35 (3:20–4:00), Roy
    // 3:55 (3:40–4:15, or 4:00–4:25): three seen, Ann (3:10–3:55) waiting. Starting anyone at
    // 3:25, the quarter-hour grid's second place, leaves room for two.
    const p = school(
      [win('b@s', 900, 985)],
      [
        [{ ...plainFamily('ann'), availability: times([925, 955, 3], [910, 955, 3]) }, 'b@s'],
        [{ ...plainFamily('kim'), availability: times([920, 960, 1]) }, 'b@s'],
        [{ ...plainFamily('roy'), availability: times([940, 975, 3], [960, 985, 1]) }, 'b@s'],
        [{ ...plainFamily('lee'), availability: times([905, 945, 1], [910, 950, 3]) }, 'b@s'],
      ],
      5,
    );
    for (const seed of [1, 2, 3, 4, 5]) expect(placedOn(p, seed)).toHaveLength(3);
  });
});
