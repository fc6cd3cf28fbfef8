/**
 * Scheduling problems shared by the engine's tests and the evening planner's: windows, a
 * problem with defaults, the one-evening school of unbroken blocks, and a random one-evening
 * school for property tests. Plus what a plan means to the people in it: the schedule it stands
 * for, the families seen back to back, the minutes teachers sit idle.
 */
import fc from 'fast-check';
import type {
  Conference,
  Problem,
  Schedule,
  SchedFamily,
  SchedStudent,
  TeacherWindow,
} from '../../src/core/schedule/types';

export const DAY = '2026-11-17';

export const win = (
  teacherEmail: string,
  start: number,
  end: number,
  capacity = 1,
): TeacherWindow => ({
  teacherEmail,
  teacher: teacherEmail.split('@')[0]!,
  date: DAY,
  start,
  end,
  room: teacherEmail,
  capacity,
  videoLink: '',
});

export function problem(over: Partial<Problem>): Problem {
  return {
    windows: [],
    students: [],
    families: [],
    interpreters: {},
    conferenceMinutes: 20,
    bufferMinutes: 5,
    mergeSiblings: false,
    fixed: [],
    seed: 1,
    ...over,
  };
}

/** A conference kept as it is (locked or invited) on DAY, for one student with one teacher. */
export const keptConference = (
  studentId: string,
  familyId: string,
  teacherEmail: string,
  start: number,
  end: number,
): Conference => ({
  studentIds: [studentId],
  familyId,
  teacherEmail,
  date: DAY,
  start,
  end,
  fixed: true,
  rank: 0,
});

export const plainFamily = (id: string): SchedFamily => ({
  id,
  name: id,
  availability: null,
  interpreter: '',
});

/**
 * Ms. A and Mr. B, 3:00 to 4:53 PM (time for eleven 10-minute conferences one after another),
 * eight families with a child in each class and two families of one per teacher: twenty
 * conferences. With a 5-minute walk between rooms, A seeing families at 3:00, 3:10, … and B at
 * 3:15, 3:25, … lets every family see both teachers back to back with no teacher ever waiting.
 */
export function evening(): Problem {
  const students: SchedStudent[] = [];
  const families: SchedFamily[] = [];
  for (let i = 0; i < 8; i++) {
    families.push(plainFamily(`pair${i}`));
    students.push({ id: `a${i}`, name: '', teacherEmail: 'a@s', familyId: `pair${i}` });
    students.push({ id: `b${i}`, name: '', teacherEmail: 'b@s', familyId: `pair${i}` });
  }
  for (const t of ['a', 'b'])
    for (let i = 0; i < 2; i++) {
      families.push(plainFamily(`${t}-only${i}`));
      students.push({
        id: `${t}x${i}`,
        name: '',
        teacherEmail: `${t}@s`,
        familyId: `${t}-only${i}`,
      });
    }
  return problem({
    windows: [win('a@s', 900, 1013), win('b@s', 900, 1013)],
    students,
    families,
    conferenceMinutes: 10,
    changeoverMinutes: 0,
    seed: 3,
  });
}

/**
 * Ms. A and Mr. B, 3:00 to 4:05 PM, 10-minute conferences: two families have a child with each,
 * Mr. B has three more children from two families. Seeing one family at 3:00 with B and 3:15
 * with A, the other at 3:05 with A and 3:20 with B, fills both days without a pause, and three
 * families (the two pairs and B's siblings) see their teachers back to back.
 */
export function twoPairsEvening(): Problem {
  const b = (id: string, familyId: string) => ({ id, name: id, teacherEmail: 'b@s', familyId });
  const a = (id: string, familyId: string) => ({ id, name: id, teacherEmail: 'a@s', familyId });
  return {
    ...evening(),
    windows: [win('a@s', 900, 965), win('b@s', 900, 965)],
    students: [b('s0', 'f0'), a('s1', 'f0'), a('s2', 'f2'), b('s3', 'f2')].concat([
      b('s4', 'f4'),
      b('s5', 'f5'),
      b('s6', 'f5'),
    ]),
    families: ['f0', 'f2', 'f4', 'f5'].map(plainFamily),
    seed: 294,
  };
}

/**
 * A random school of one evening, each teacher with one room and one window holding their
 * students with a few places to spare, families of one to several children, nobody giving times.
 */
export const oneEveningSchool: fc.Arbitrary<Problem> = fc
  .record({
    teachers: fc.integer({ min: 1, max: 5 }),
    students: fc.integer({ min: 1, max: 30 }),
    len: fc.constantFrom(10, 15, 20),
    buffer: fc.constantFrom(0, 5, 10),
    changeover: fc.constantFrom(0, 5),
    siblingRate: fc.double({ min: 0, max: 0.8, noNaN: true }),
    spare: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
  })
  .map((x) => {
    let r = x.seed;
    const rnd = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
    const students: SchedStudent[] = [];
    const families: SchedFamily[] = [];
    for (let i = 0; i < x.students; i++) {
      const sibling = families.length > 0 && rnd() < x.siblingRate;
      const f = sibling ? families[families.length - 1]! : plainFamily(`f${i}`);
      if (!sibling) families.push(f);
      const t = Math.floor(rnd() * x.teachers);
      students.push({ id: `s${i}`, name: '', teacherEmail: `t${t}@s`, familyId: f.id });
    }
    // Each window holds its teacher's students with a few places to spare.
    const pitch = Math.ceil((x.len + x.changeover) / 5) * 5;
    const windows: TeacherWindow[] = [];
    for (let t = 0; t < x.teachers; t++) {
      const n = students.filter((s) => s.teacherEmail === `t${t}@s`).length + x.spare;
      windows.push(win(`t${t}@s`, 900, 900 + (n - 1) * pitch + x.len));
    }
    return problem({
      windows,
      students,
      families,
      conferenceMinutes: x.len,
      bufferMinutes: x.buffer,
      changeoverMinutes: x.changeover,
      seed: x.seed,
    });
  });

/** Start times per student as the schedule they stand for: each student alone with their teacher. */
export function planned(p: Problem, start: Map<string, number>): Schedule {
  const of = new Map(p.students.map((s) => [s.id, s]));
  const conferences = [...start].map(([id, at]) => ({
    studentIds: [id],
    familyId: of.get(id)!.familyId,
    teacherEmail: of.get(id)!.teacherEmail,
    date: p.windows.find((w) => w.teacherEmail === of.get(id)!.teacherEmail)!.date,
    start: at,
    end: at + p.conferenceMinutes,
    fixed: false,
    rank: 0,
  }));
  return { conferences, unplaced: [] };
}

/** Families with several conferences that follow each other with only the walk (or changeover) between. */
export function backToBack(p: Problem, s: Schedule): number {
  const byFamily = new Map<string, Conference[]>();
  for (const c of s.conferences) byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c]);
  return [...byFamily.values()].filter((list) => {
    const sorted = [...list].sort((x, y) => x.start - y.start);
    const gap = (i: number) =>
      sorted[i - 1]!.teacherEmail === sorted[i]!.teacherEmail
        ? (p.changeoverMinutes ?? 0)
        : p.bufferMinutes;
    return (
      sorted.length > 1 &&
      sorted.every((c, i) => i === 0 || c.start === sorted[i - 1]!.end + gap(i))
    );
  }).length;
}

/** Minutes teachers sit with nobody between their first and last conference (beyond the changeover). */
export function idleMinutes(p: Problem, s: Schedule): number {
  let total = 0;
  for (const teacher of new Set(p.windows.map((w) => w.teacherEmail))) {
    const mine = s.conferences
      .filter((c) => c.teacherEmail === teacher)
      .sort((x, y) => x.start - y.start);
    for (let i = 1; i < mine.length; i++)
      total += mine[i]!.start - mine[i - 1]!.end - (p.changeoverMinutes ?? 0);
  }
  return total;
}
