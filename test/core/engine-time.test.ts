import fc from 'fast-check';
import { checkProperty } from './property';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule, conferencesInWindow } from '../../src/core/schedule/engine';
import type {
  Conference,
  Problem,
  SchedFamily,
  SchedStudent,
  TeacherWindow,
} from '../../src/core/schedule/types';

const DAY = '2026-11-17';
const win = (teacherEmail: string, start: number, end: number, capacity = 1): TeacherWindow => ({
  teacherEmail,
  teacher: teacherEmail.split('@')[0]!,
  date: DAY,
  start,
  end,
  room: '1',
  capacity,
  videoLink: '',
});
/** `n` families of one student each, all with teacher a@s. */
const oneTeacher = (n: number, over: Partial<Problem>): Problem => ({
  windows: [],
  students: Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    name: '',
    teacherEmail: 'a@s',
    familyId: `f${i}`,
  })),
  families: Array.from({ length: n }, (_, i) => ({
    id: `f${i}`,
    name: `F${i}`,
    availability: null,
    interpreter: '',
  })),
  interpreters: {},
  conferenceMinutes: 25,
  bufferMinutes: 5,
  mergeSiblings: false,
  fixed: [],
  seed: 1,
  ...over,
});
const at = (id: string, start: number, end = start + 20): Conference => ({
  studentIds: [id],
  familyId: `f${id}`,
  teacherEmail: 'a@s',
  date: DAY,
  start,
  end,
  fixed: false,
  rank: 0,
});

describe('the engine’s time model', () => {
  it('fits nine 25-minute conferences in a 240-minute window when the teacher needs no changeover, the buffer being the family’s', () => {
    const p = oneTeacher(10, { windows: [win('a@s', 480, 720)] });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.conferences).toHaveLength(9);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]!.reason).toContain('10 conferences for 9 places');
  });

  it('keeps a teacher’s own conferences the changeover apart', () => {
    const p = oneTeacher(10, { windows: [win('a@s', 480, 720)], changeoverMinutes: 5 });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.conferences).toHaveLength(8);
    const starts = r.conferences.map((c) => c.start).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(30);
  });

  it('counts the conferences a window holds on the five-minute grid', () => {
    expect(conferencesInWindow({ start: 480, end: 720 }, 25, 0)).toBe(9);
    expect(conferencesInWindow({ start: 480, end: 720 }, 25, 5)).toBe(8);
    expect(conferencesInWindow({ start: 480, end: 720 }, 25, 3)).toBe(8);
    expect(conferencesInWindow({ start: 480, end: 500 }, 25, 0)).toBe(0);
  });

  it('leaves a simultaneous room’s place free only a changeover after a family left', () => {
    // Capacity 2, 20-minute conferences, changeover 10: four places in 900–950, not six.
    const p = oneTeacher(6, {
      windows: [win('a@s', 900, 950, 2)],
      conferenceMinutes: 20,
      changeoverMinutes: 10,
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.conferences).toHaveLength(4);
  });
});

describe('the checker and the changeover', () => {
  const students: SchedStudent[] = ['1', '2', '3'].map((id) => ({
    id,
    name: '',
    teacherEmail: 'a@s',
    familyId: `f${id}`,
  }));
  const families: SchedFamily[] = ['1', '2', '3'].map((id) => ({
    id: `f${id}`,
    name: '',
    availability: null,
    interpreter: '',
  }));
  const problem = (capacity: number): Problem => ({
    windows: [win('a@s', 900, 1000, capacity)],
    students,
    families,
    interpreters: {},
    conferenceMinutes: 20,
    bufferMinutes: 0,
    changeoverMinutes: 5,
    mergeSiblings: false,
    fixed: [],
    seed: 1,
  });

  it('reports a teacher’s next conference starting inside the changeover, in a room for one family', () => {
    const p = problem(1);
    const tooSoon = checkSchedule(p, {
      conferences: [at('1', 900), at('2', 920), at('3', 945)],
      unplaced: [],
    });
    expect(tooSoon).toHaveLength(1);
    expect(tooSoon[0]).toMatch(/920-940\).*within the 5-minute changeover/);
    expect(
      checkSchedule(p, { conferences: [at('1', 900), at('2', 925), at('3', 950)], unplaced: [] }),
    ).toEqual([]);
  });

  it('reports a third family in a room for two before the first family’s place is free again', () => {
    const p = problem(2);
    expect(
      checkSchedule(p, {
        conferences: [at('1', 900), at('2', 900), at('3', 920)],
        unplaced: [],
      }).join('\n'),
    ).toMatch(/changeover after another conference \(3 places held, capacity 2\)/);
    expect(
      checkSchedule(p, { conferences: [at('1', 900), at('2', 900), at('3', 925)], unplaced: [] }),
    ).toEqual([]);
  });

  it('reports a conference that runs into a kept conference starting after it', () => {
    const p = { ...problem(1), fixed: [{ ...at('2', 910), fixed: true }] };
    expect(
      checkSchedule(p, {
        conferences: [at('1', 900), { ...at('2', 910), fixed: true }],
        unplaced: [{ studentId: '3', reason: 'full' }],
      }).join('\n'),
    ).toMatch(/hosts 2 families at once/);
  });
});

describe('every schedule the engine makes passes the checker (property)', () => {
  it('on random small problems with buffers, changeovers, simultaneous rooms and kept conferences', () => {
    const instance = fc.record({
      teachers: fc.integer({ min: 1, max: 3 }),
      days: fc.integer({ min: 1, max: 2 }),
      students: fc.integer({ min: 1, max: 30 }),
      capacity: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
      len: fc.constantFrom(10, 15, 20, 25),
      buffer: fc.constantFrom(0, 5, 10),
      changeover: fc.constantFrom(0, 0, 3, 5, 10),
      offset: fc.integer({ min: 0, max: 12 }),
      siblingRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
      availRate: fc.double({ min: 0, max: 1, noNaN: true }),
      interp: fc.integer({ min: 0, max: 2 }),
      merge: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1e6 }),
      fixedCount: fc.integer({ min: 0, max: 2 }),
    });
    const property = fc.property(instance, (x) => {
      const dates = ['2026-11-17', '2026-11-18'].slice(0, x.days);
      const windows: TeacherWindow[] = [];
      for (let t = 0; t < x.teachers; t++)
        for (const d of dates) {
          // Windows off the five-minute grid and of uneven lengths, some split in two.
          const start = 900 + t * 7 + x.offset;
          windows.push({ ...win(`t${t}@s`, start, start + 95 + t * 11, x.capacity[t]!), date: d });
          if (t === 1) windows.push({ ...win(`t${t}@s`, 1030, 1090, 1), date: d });
        }
      const students: SchedStudent[] = [];
      const families: SchedFamily[] = [];
      let r = x.seed;
      const rnd = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let i = 0; i < x.students; i++) {
        const sibling = families.length > 0 && rnd() < x.siblingRate;
        const fam: SchedFamily = sibling
          ? families[Math.floor(rnd() * families.length)]!
          : {
              id: `f${i}`,
              name: `F${i}`,
              availability:
                rnd() < x.availRate
                  ? [
                      {
                        date: dates[Math.floor(rnd() * dates.length)]!,
                        start: 900 + Math.floor(rnd() * 6) * 13,
                        end: 1090,
                        rank: 1,
                      },
                      { date: dates[0]!, start: 960, end: 1040, rank: 2 },
                    ]
                  : null,
              interpreter: rnd() < 0.3 ? 'es' : '',
              contacts: rnd() < 0.15 ? ['caseworker@a.org'] : [],
            };
        if (!sibling) families.push(fam);
        students.push({
          id: `s${i}`,
          name: '',
          teacherEmail: `t${Math.floor(rnd() * x.teachers)}@s`,
          familyId: fam.id,
        });
      }
      const p: Problem = {
        windows,
        students,
        families,
        interpreters: x.interp ? { es: x.interp } : {},
        conferenceMinutes: x.len,
        bufferMinutes: x.buffer,
        changeoverMinutes: x.changeover,
        mergeSiblings: x.merge,
        fixed: [],
        seed: x.seed,
      };
      const first = buildSchedule(p, { iterations: 20 });
      expect(checkSchedule(p, first)).toEqual([]);
      // Keep a couple of conferences, as if invited, and schedule the rest around them.
      const fixed = first.conferences.slice(0, x.fixedCount).map((c) => ({ ...c, fixed: true }));
      const q = { ...p, fixed };
      const second = buildSchedule(q, { iterations: 30 });
      expect(checkSchedule(q, second)).toEqual([]);
      expect(JSON.stringify(buildSchedule(q, { iterations: 30 }))).toBe(JSON.stringify(second));
    });
    checkProperty(property, { numRuns: 120 });
  });
});
