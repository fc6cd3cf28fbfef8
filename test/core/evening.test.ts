/**
 * The evening planner (src/core/schedule/evening.ts) on its own, before the engine checks and
 * completes its plan: which schools it plans, and that what it plans keeps every hard rule
 * (judged by the independent checker), has everyone in it, and is what families and teachers
 * were promised: siblings back to back, teachers never waiting.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { checkSchedule } from '../../src/core/schedule/check';
import { planBlocks } from '../../src/core/schedule/evening';
import type { Problem, SchedStudent, TeacherWindow } from '../../src/core/schedule/types';
import {
  DAY,
  backToBack,
  evening,
  idleMinutes,
  oneEveningSchool,
  plainFamily,
  planned,
  problem,
  twoPairsEvening,
  win,
} from './schedproblem';

describe('planBlocks', () => {
  it('plans the evening where each family with a child in both classes sees A and B back to back, nobody waiting', () => {
    const p = evening();
    for (const seed of [1, 2, 3]) {
      const plan = planBlocks({ ...p, seed })!;
      const s = planned(p, plan.start);
      expect(checkSchedule(p, s)).toEqual([]);
      expect(backToBack(p, s)).toBe(8);
      expect(idleMinutes(p, s)).toBe(0);
    }
  });

  it('plans two families who each see both teachers so that neither teacher waits', () => {
    const p = twoPairsEvening();
    for (const seed of [294, 1, 2, 3]) {
      const s = planned(p, planBlocks({ ...p, seed })!.start);
      expect(checkSchedule(p, s)).toEqual([]);
      expect(idleMinutes(p, s)).toBe(0);
      expect(backToBack(p, s)).toBe(3);
    }
  });

  const student = (id: string, t: string, familyId: string) => ({
    id,
    name: id,
    teacherEmail: `${t}@s`,
    familyId,
  });
  const school = (teachers: string[], students: SchedStudent[], minutes: number, end: number) =>
    problem({
      windows: teachers.map((t) => win(`${t}@s`, 900, end)),
      students,
      families: [...new Set(students.map((s) => s.familyId))].map(plainFamily),
      conferenceMinutes: minutes,
      bufferMinutes: 5,
      changeoverMinutes: 0,
    });
  /** Families seen back to back in the plan of each seed, or null for a seed with no plan. */
  const backToBackEach = (p: Problem) =>
    [1, 2, 3, 4, 5, 6].map((seed) => {
      const plan = planBlocks({ ...p, seed });
      if (!plan) return null;
      const s = planned(p, plan.start);
      expect(checkSchedule(p, s)).toEqual([]);
      return backToBack(p, s);
    });

  it('plans three families in a ring of three teachers (A and B, B and C, C and A) all back to back', () => {
    // 20-minute conferences and a 5-minute walk: a family sees its second teacher 25 minutes
    // after its first. A at 3:05 and 3:25, B at 3:00 and 3:25, C at 3:00 and 3:30 (or the like)
    // does it for all three; no one phase per teacher can, as going round the ring adds up to an
    // odd number of 5-minute shifts where a 20-minute pitch needs an even one.
    const p = school(
      ['a', 'b', 'c'],
      [
        student('ab-a', 'a', 'ab'),
        student('ab-b', 'b', 'ab'),
        student('bc-b', 'b', 'bc'),
        student('bc-c', 'c', 'bc'),
        student('ca-c', 'c', 'ca'),
        student('ca-a', 'a', 'ca'),
      ],
      20,
      960,
    );
    expect(backToBackEach(p)).toEqual([3, 3, 3, 3, 3, 3]);
    // 10-minute conferences (two phases, the ring again odd), with two families of one per class.
    const alone = ['a', 'b', 'c'].flatMap((t) =>
      [0, 1].map((i) => student(`${t}${i}`, t, `${t}${i}`)),
    );
    const short = school(['a', 'b', 'c'], [...p.students, ...alone], 10, 960);
    expect(backToBackEach(short)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('plans a family with a child in each of three classes to see the three back to back, and its teachers free then', () => {
    // 15-minute conferences and a 5-minute walk, with two families of one in each class: the
    // family sees one teacher after another, each 20 minutes after the last began.
    const trio = ['a', 'b', 'c'].map((t) => student(`trio-${t}`, t, 'trio'));
    const alone = ['a', 'b', 'c'].flatMap((t) =>
      [0, 1].map((i) => student(`${t}${i}`, t, `${t}${i}`)),
    );
    const p = school(['a', 'b', 'c'], [...trio, ...alone], 15, 1020);
    expect(backToBackEach(p)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('plans twins in one class and their brother in another back to back, nobody waiting, with or without a changeover', () => {
    // Say the brother with B at 3:00, the twins with A at 3:15 and 3:25 (10-minute conferences,
    // a 5-minute walk, no changeover), and A's two families of one around them.
    const family = [student('tw1', 'a', 'tw'), student('tw2', 'a', 'tw'), student('br', 'b', 'tw')];
    const alone = ['a', 'b'].flatMap((t) => [0, 1].map((i) => student(`${t}${i}`, t, `${t}${i}`)));
    const p = school(['a', 'b'], [...family, ...alone], 10, 1000);
    const variants = [
      p,
      { ...p, changeoverMinutes: 5 },
      {
        ...p,
        changeoverMinutes: 5,
        conferenceMinutes: 20,
        windows: [win('a@s', 900, 1100), win('b@s', 900, 1100)],
      },
    ];
    for (const q of variants)
      for (const seed of [1, 2, 3]) {
        const s = planned(q, planBlocks({ ...q, seed })!.start);
        expect(checkSchedule(q, s)).toEqual([]);
        expect([backToBack(q, s), idleMinutes(q, s)]).toEqual([1, 0]);
      }
  });

  it('lets the seed, not the order of the Roster, decide which family comes first', () => {
    const p = evening();
    const first = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => {
        const start = planBlocks({ ...p, seed })!.start;
        return [...start].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))[0]![0];
      }),
    );
    expect(first.size).toBeGreaterThan(1);
  });

  it("fills a teacher's window from its first minute to its last, wherever it starts", () => {
    const alone = ['x0', 'x1', 'x2'].map((id) => student(id, 'a', id));
    const starts = (minutes: number, start: number, end: number) => {
      const p = { ...school(['a'], alone, minutes, end), windows: [win('a@s', start, end)] };
      return [...planBlocks(p)!.start.values()].sort((x, y) => x - y);
    };
    // Three 10-minute conferences in 3:00 to 3:30; three of 15 minutes in 3:05 to 3:50.
    expect(starts(10, 900, 930)).toEqual([900, 910, 920]);
    expect(starts(15, 905, 950)).toEqual([905, 920, 935]);
  });

  it('declines a school it cannot plan as one unbroken block per teacher', () => {
    const p = evening();
    const [a, b] = [p.windows[0]!, p.windows[1]!];
    const windows = (...list: TeacherWindow[]) => planBlocks({ ...p, windows: list });
    expect(windows(a, b)).not.toBeNull();
    // A family that gives its times; one person listed for two families (each family's own
    // guardians are no obstacle); rooms for two families; teachers on different evenings.
    const withTimes = p.families.map((f, i) =>
      i === 0 ? { ...f, availability: [{ date: DAY, start: 900, end: 960, rank: 1 }] } : f,
    );
    expect(planBlocks({ ...p, families: withTimes })).toBeNull();
    const guardians = p.families.map((f) => ({ ...f, contacts: [`${f.id}@home`] }));
    expect(planBlocks({ ...p, families: guardians })).not.toBeNull();
    const shared = guardians.map((f, i) => (i < 2 ? { ...f, contacts: ['case@x'] } : f));
    expect(planBlocks({ ...p, families: shared })).toBeNull();
    expect(windows({ ...a, capacity: 2 }, b)).toBeNull();
    expect(windows(a, { ...b, date: '2026-11-18' })).toBeNull();
    // A teacher with two windows that evening; a window that ends as it starts, or starts off
    // the five-minute grid; a student whose teacher has no window.
    expect(windows(a, b, { ...a, start: 1100, end: 1100 + a.end - a.start })).toBeNull();
    expect(windows({ ...a, end: a.start }, b)).toBeNull();
    expect(windows({ ...a, start: a.start + 2 }, b)).toBeNull();
    expect(windows(a)).toBeNull();
    // A kept conference; 12-minute conferences; a 3-minute walk between rooms.
    const kept = { studentIds: ['a0'], familyId: 'pair0', teacherEmail: 'a@s', date: DAY };
    const fixed = [{ ...kept, start: 900, end: 910, fixed: true, rank: 0 }];
    expect(planBlocks({ ...p, fixed })).toBeNull();
    const long = [a, b].map((w) => ({ ...w, end: w.end + 120 }));
    expect(planBlocks({ ...p, windows: long, conferenceMinutes: 15 })).not.toBeNull();
    expect(planBlocks({ ...p, windows: long, conferenceMinutes: 12 })).toBeNull();
    expect(planBlocks({ ...p, bufferMinutes: 3 })).toBeNull();
  });

  it('plans families needing an interpreter only when the school does not count its interpreters', () => {
    const p = evening();
    const spanish = p.families.map((f) => ({ ...f, interpreter: 'es' }));
    expect(planBlocks({ ...p, families: spanish })).not.toBeNull();
    expect(planBlocks({ ...p, families: spanish, interpreters: { es: 1 } })).toBeNull();
    // One family in need of a counted interpreter is enough to decline.
    const oneSpanish = p.families.map((f, i) => (i === 0 ? { ...f, interpreter: 'es' } : f));
    expect(planBlocks({ ...p, families: oneSpanish, interpreters: { es: 1 } })).toBeNull();
  });

  it('declines twins with one teacher when siblings are merged into one conference, not otherwise', () => {
    const p = evening();
    const twins = p.students.map((s) => (s.id === 'b0' ? { ...s, teacherEmail: 'a@s' } : s));
    const roomy = [{ ...p.windows[0]!, end: p.windows[0]!.end + 20 }, p.windows[1]!];
    expect(planBlocks({ ...p, mergeSiblings: true })).not.toBeNull();
    expect(planBlocks({ ...p, windows: roomy, students: twins, mergeSiblings: true })).toBeNull();
    const plan = planBlocks({ ...p, windows: roomy, students: twins })!;
    const s = planned({ ...p, windows: roomy, students: twins }, plan.start);
    expect(checkSchedule({ ...p, windows: roomy, students: twins }, s)).toEqual([]);
  });

  it('plans only what keeps every rule, with everyone in it (property)', () => {
    checkProperty(
      fc.property(oneEveningSchool, (p) => {
        const plan = planBlocks(p);
        if (plan) expect(checkSchedule(p, planned(p, plan.start))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
