/**
 * How the engine fits a family with several children: it places the child with the fewest
 * free times first (the anchor), tries the anchor at its best few starts with the other
 * children fitted around each, and keeps the option the family is best served by. What a
 * family sees is its children's conferences back to back, at the times it asked for first, and
 * none of them left out while a time for them was free. Each schedule is judged by the
 * independent checker first; what is expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem, iterations?: number) {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

const pupil = (id: string, teacher: string, familyId: string) => ({
  id,
  name: id,
  teacherEmail: `${teacher}@s`,
  familyId,
});

/** A family's times, each [start, end, rank] on DAY. */
const gave = (id: string, times: [number, number, number][]): SchedFamily => ({
  ...plainFamily(id),
  availability: times.map(([start, end, rank]) => ({ date: DAY, start, end, rank })),
});

/** Each conference of a family as "teacher start-end", in time order. */
const timesOf = (
  s: { conferences: { familyId: string; teacherEmail: string; start: number; end: number }[] },
  family: string,
) =>
  s.conferences
    .filter((c) => c.familyId === family)
    .sort((x, y) => x.start - y.start)
    .map((c) => `${c.teacherEmail} ${c.start}-${c.end}`);

describe('buildSchedule: a family with several children', () => {
  it('fits a sibling around the one time a child’s teacher has, back to back', () => {
    // Ms. A is there 3:00 to 3:20 PM only; Mr. B 3:00 to 4:40 PM; 20-minute conferences and a
    // 5-minute walk. The Lees' Ben must be seen at 3:00, so Mai is seen at 3:25, right after.
    const p = problem({
      windows: [win('a@s', 900, 920), win('b@s', 900, 1000)],
      students: [pupil('ben', 'a', 'lee'), pupil('mai', 'b', 'lee')],
      families: [plainFamily('lee')],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(timesOf(s, 'lee')).toEqual(['a@s 900-920', 'b@s 925-945']);
      expect(s.quality.siblingsBackToBack).toBe(1);
    }
  });

  it('gives both children the family’s first choice rather than its second', () => {
    // The Lees would rather come 4:00 to 5:00 PM (first choice) than 3:00 to 4:00 (second);
    // Ms. A and Mr. B are both there 3:00 to 5:00. Both conferences fall in the first choice,
    // back to back.
    const p = problem({
      windows: [win('a@s', 900, 1020), win('b@s', 900, 1020)],
      students: [pupil('ben', 'a', 'lee'), pupil('mai', 'b', 'lee')],
      families: [
        gave('lee', [
          [960, 1020, 1],
          [900, 960, 2],
        ]),
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.conferences.map((c) => c.rank)).toEqual([1, 1]);
      expect(s.conferences.every((c) => c.start >= 960)).toBe(true);
      expect(s.quality.rankMet).toEqual({ first: 2, other: 0, none: 0 });
      expect(s.quality.siblingsBackToBack).toBe(1);
    }
  });

  it('finds the family’s first choice late in a long evening, past many starts of its second', () => {
    // Ms. A and Mr. B are both there 3:00 to 6:00 PM. The Lees' second choice is 3:00 to
    // 5:20 PM (dozens of starts), their first 5:20 to 6:00: room for one 20-minute conference
    // and not two with the walk between. The best the family can have is one child in the
    // first choice, the other right before, back to back.
    const p = problem({
      windows: [win('a@s', 900, 1080), win('b@s', 900, 1080)],
      students: [pupil('ben', 'a', 'lee'), pupil('mai', 'b', 'lee')],
      families: [
        gave('lee', [
          [900, 1040, 2],
          [1040, 1080, 1],
        ]),
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.quality.rankMet).toEqual({ first: 1, other: 1, none: 0 });
      expect(s.quality.siblingsBackToBack).toBe(1);
      expect(s.quality.waiting).toEqual([0]);
    }
  });

  it('does not put a child where it would take the only time a sibling has left', () => {
    // Mr. B's evening is kept for the Kims (3:00 to 3:40 PM) and the Parks (4:00 to 4:40): the
    // Lees' Mai can only be seen 3:40 to 4:00. Ben's teacher, Ms. A, is there 3:00 to 3:40; his
    // conference ending at 3:40 would leave no walk to Mr. B's room, so it ends by 3:35 and
    // both are seen.
    const p = problem({
      windows: [win('a@s', 900, 940), win('b@s', 900, 1000)],
      students: [
        pupil('ben', 'a', 'lee'),
        pupil('mai', 'b', 'lee'),
        pupil('kim', 'b', 'kim'),
        pupil('park', 'b', 'park'),
      ],
      families: ['lee', 'kim', 'park'].map(plainFamily),
      fixed: [
        keptConference('kim', 'kim', 'b@s', 900, 940),
        keptConference('park', 'park', 'b@s', 960, 1000),
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.unplaced).toEqual([]);
      expect(timesOf(s, 'lee')).toContain('b@s 940-960');
      const ben = s.conferences.find((c) => c.studentIds.includes('ben'))!;
      expect(ben.end).toBeLessThanOrEqual(935);
    }
  });

  it('still sees the other children when one child’s teacher has no place left', () => {
    // Ms. A's one place, 3:00 to 3:20 PM, is kept for the Kims: the Lees' Ben cannot be seen
    // and is told why; his sister Mai is still seen by Mr. B.
    const p = problem({
      windows: [win('a@s', 900, 920), win('b@s', 900, 1000)],
      students: [pupil('ben', 'a', 'lee'), pupil('mai', 'b', 'lee'), pupil('kim', 'a', 'kim')],
      families: [plainFamily('lee'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 900, 920)],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
      expect(s.unplaced[0]!.reason).toMatch(/^a's windows are full: 2 conferences for 1 place\./);
      expect(timesOf(s, 'lee')).toHaveLength(1);
      expect(timesOf(s, 'lee')[0]).toMatch(/^b@s /);
    }
  });

  it('gives a family its second choice before its third when its first is taken', () => {
    // Ms. A is there 3:00 to 4:00 PM and sees the Kims at 3:20 (kept). The Lees' first choice
    // is 3:20, their second 3:00, their third 3:40: they are seen at 3:00.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [pupil('ben', 'a', 'lee'), pupil('kim', 'a', 'kim')],
      families: [
        gave('lee', [
          [920, 940, 1],
          [900, 920, 2],
          [940, 960, 3],
        ]),
        plainFamily('kim'),
      ],
      fixed: [keptConference('kim', 'kim', 'a@s', 920, 940)],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(timesOf(s, 'lee')).toEqual(['a@s 900-920']);
    }
  });
});
