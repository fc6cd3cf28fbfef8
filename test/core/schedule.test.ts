import fc from 'fast-check';
import { checkProperty } from './property';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { problem } from './schedproblem';
import type {
  Conference,
  Problem,
  SchedFamily,
  SchedStudent,
  TeacherWindow,
} from '../../src/core/schedule/types';

const base = (over: Partial<Problem> = {}): Problem => problem(over);
const win = (
  teacherEmail: string,
  date: string,
  start: number,
  end: number,
  capacity = 1,
): TeacherWindow => ({
  teacherEmail,
  teacher: teacherEmail.split('@')[0]!,
  date,
  start,
  end,
  room: '1',
  capacity,
  videoLink: '',
});

describe('the scheduler', () => {
  it('places every student when there is room, inside windows, back to back when the teacher needs no changeover', () => {
    const p = base({
      windows: [win('a@s', '2026-11-17', 900, 1000)],
      students: [1, 2, 3, 4].map((i) => ({
        id: `s${i}`,
        name: `S${i}`,
        teacherEmail: 'a@s',
        familyId: `f${i}`,
      })),
      families: [1, 2, 3, 4].map((i) => ({
        id: `f${i}`,
        name: `F${i}`,
        availability: null,
        interpreter: '',
      })),
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
    expect(r.conferences.map((c) => c.start).sort((a, b) => a - b)).toEqual([900, 920, 940, 960]);
  });

  it('hosts several families at once in a simultaneous room', () => {
    const p = base({
      windows: [win('a@s', '2026-11-17', 900, 950, 3)],
      students: [1, 2, 3, 4, 5, 6].map((i) => ({
        id: `s${i}`,
        name: '',
        teacherEmail: 'a@s',
        familyId: `f${i}`,
      })),
      families: [1, 2, 3, 4, 5, 6].map((i) => ({
        id: `f${i}`,
        name: '',
        availability: null,
        interpreter: '',
      })),
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
  });

  it('puts siblings with different teachers back to back on one day, buffer between rooms', () => {
    const p = base({
      windows: [
        win('a@s', '2026-11-17', 900, 1100),
        win('b@s', '2026-11-17', 900, 1100),
        win('a@s', '2026-11-18', 900, 1100),
        win('b@s', '2026-11-18', 900, 1100),
      ],
      students: [
        { id: 'x', name: '', teacherEmail: 'a@s', familyId: 'F' },
        { id: 'y', name: '', teacherEmail: 'b@s', familyId: 'F' },
      ],
      families: [{ id: 'F', name: 'Lopez', availability: null, interpreter: '' }],
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    const [c1, c2] = r.conferences;
    expect(c1!.date).toBe(c2!.date);
    expect(c2!.start - c1!.end).toBe(5);
    expect(r.quality.siblingsBackToBack).toBe(1);
  });

  it('gives same-teacher siblings one longer conference when the settings say so, two otherwise', () => {
    const twins = {
      windows: [win('a@s', '2026-11-17', 900, 1100)],
      students: [
        { id: 'x', name: '', teacherEmail: 'a@s', familyId: 'F' },
        { id: 'y', name: '', teacherEmail: 'a@s', familyId: 'F' },
      ],
      families: [{ id: 'F', name: 'Lopez', availability: null, interpreter: '' }],
    };
    const merged = base({ ...twins, mergeSiblings: true });
    const one = buildSchedule(merged);
    expect(checkSchedule(merged, one)).toEqual([]);
    expect(one.conferences).toHaveLength(1);
    expect(one.conferences[0]!.studentIds.sort()).toEqual(['x', 'y']);
    expect(one.conferences[0]!.end - one.conferences[0]!.start).toBe(40);
    const separate = base(twins);
    const two = buildSchedule(separate);
    expect(checkSchedule(separate, two)).toEqual([]);
    expect(two.conferences.map((c) => c.studentIds)).toEqual(
      expect.arrayContaining([['x'], ['y']]),
    );
    expect(two.conferences.map((c) => c.end - c.start)).toEqual([20, 20]);
  });

  it('gives a reason naming the bottleneck to every student it cannot place', () => {
    const p = base({
      windows: [win('a@s', '2026-11-17', 900, 950)],
      students: [1, 2, 3]
        .map((i) => ({ id: `s${i}`, name: '', teacherEmail: 'a@s', familyId: `f${i}` }))
        .concat([{ id: 'z', name: '', teacherEmail: 'ghost@s', familyId: 'fz' }]),
      families: [1, 2, 3]
        .map(
          (i) =>
            ({ id: `f${i}`, name: `F${i}`, availability: null, interpreter: '' }) as SchedFamily,
        )
        .concat([{ id: 'fz', name: 'Z', availability: null, interpreter: '' }]),
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toHaveLength(2);
    expect(r.unplaced.find((u) => u.studentId === 'z')!.reason).toContain('has no windows');
    expect(r.unplaced.find((u) => u.studentId !== 'z')!.reason).toBe(
      "a's windows are full: 3 conferences for 2 places. Add a window or raise the capacity (families at once).",
    );
  });

  it('never moves a fixed conference and respects interpreter capacity', () => {
    const fixed: Conference = {
      studentIds: ['s1'],
      familyId: 'f1',
      teacherEmail: 'a@s',
      date: '2026-11-17',
      start: 925,
      end: 945,
      fixed: true,
      rank: 0,
    };
    const p = base({
      windows: [win('a@s', '2026-11-17', 900, 1000, 2), win('b@s', '2026-11-17', 900, 1000, 2)],
      students: [1, 2, 3, 4].map((i) => ({
        id: `s${i}`,
        name: '',
        teacherEmail: i % 2 ? 'a@s' : 'b@s',
        familyId: `f${i}`,
      })),
      families: [1, 2, 3, 4].map((i) => ({
        id: `f${i}`,
        name: '',
        availability: null,
        interpreter: 'es',
      })),
      interpreters: { es: 1 },
      fixed: [fixed],
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.conferences.find((c) => c.studentIds[0] === 's1')).toEqual(fixed);
    expect(r.unplaced).toEqual([]);
  });

  it('is deterministic for a given seed', () => {
    const p = base({
      windows: [win('a@s', '2026-11-17', 900, 1200, 2), win('b@s', '2026-11-17', 900, 1200)],
      students: Array.from({ length: 12 }, (_, i) => ({
        id: `s${i}`,
        name: '',
        teacherEmail: i % 2 ? 'a@s' : 'b@s',
        familyId: `f${i % 7}`,
      })),
      families: Array.from({ length: 7 }, (_, i) => ({
        id: `f${i}`,
        name: '',
        availability: null,
        interpreter: i % 3 ? '' : 'es',
      })),
      interpreters: { es: 1 },
    });
    expect(JSON.stringify(buildSchedule(p))).toBe(JSON.stringify(buildSchedule(p)));
  });

  it('makes only schedules the independent checker accepts, on random instances (property)', () => {
    const instance = fc.record({
      teachers: fc.integer({ min: 1, max: 4 }),
      days: fc.integer({ min: 1, max: 2 }),
      students: fc.integer({ min: 1, max: 40 }),
      capacity: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
      len: fc.constantFrom(15, 20, 25),
      buffer: fc.constantFrom(0, 5, 10),
      siblingRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
      availRate: fc.double({ min: 0, max: 1, noNaN: true }),
      interp: fc.integer({ min: 0, max: 2 }),
      merge: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1e6 }),
      fixedCount: fc.integer({ min: 0, max: 2 }),
    });
    checkProperty(
      fc.property(instance, (x) => {
        const dates = ['2026-11-17', '2026-11-18'].slice(0, x.days);
        const windows: TeacherWindow[] = [];
        for (let t = 0; t < x.teachers; t++)
          for (const d of dates)
            windows.push(win(`t${t}@s`, d, 900 + t * 10, 1080 - t * 15, x.capacity[t]!));
        const students: SchedStudent[] = [];
        const families: SchedFamily[] = [];
        let r = x.seed;
        const rnd = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let i = 0; i < x.students; i++) {
          const sibling = families.length > 0 && rnd() < x.siblingRate;
          const fam = sibling
            ? families[Math.floor(rnd() * families.length)]!
            : {
                id: `f${i}`,
                name: `F${i}`,
                availability:
                  rnd() < x.availRate
                    ? [
                        {
                          date: dates[Math.floor(rnd() * dates.length)]!,
                          start: 900 + Math.floor(rnd() * 6) * 20,
                          end: 1080,
                          rank: 1,
                        },
                        { date: dates[0]!, start: 960, end: 1040, rank: 2 },
                      ]
                    : null,
                interpreter: rnd() < 0.3 ? 'es' : '',
              };
          if (!sibling) families.push(fam);
          students.push({
            id: `s${i}`,
            name: '',
            teacherEmail: `t${Math.floor(rnd() * x.teachers)}@s`,
            familyId: fam.id,
          });
        }
        const p = base({
          windows,
          students,
          families,
          conferenceMinutes: x.len,
          bufferMinutes: x.buffer,
          mergeSiblings: x.merge,
          seed: x.seed,
          interpreters: x.interp ? { es: x.interp } : {},
          iterations: undefined,
        } as Partial<Problem>);
        // Fix a couple of conferences from a first run, as if invited, then reschedule around them.
        const first = buildSchedule(p, { iterations: 20 });
        const fixed = first.conferences.slice(0, x.fixedCount).map((c) => ({ ...c, fixed: true }));
        const q = { ...p, fixed };
        const second = buildSchedule(q, { iterations: 30 });
        expect(checkSchedule(p, first)).toEqual([]);
        expect(checkSchedule(q, second)).toEqual([]);
        expect(second.quality.placed).toBeGreaterThanOrEqual(
          Math.min(
            first.quality.placed,
            fixed.reduce((n, c) => n + c.studentIds.length, 0),
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('the checker catches a broken schedule (it is not a rubber stamp)', () => {
    const p = base({
      windows: [win('a@s', '2026-11-17', 900, 1000)],
      students: [
        { id: 's1', name: '', teacherEmail: 'a@s', familyId: 'f1' },
        { id: 's2', name: '', teacherEmail: 'a@s', familyId: 'f2' },
      ],
      families: [
        {
          id: 'f1',
          name: '',
          availability: [{ date: '2026-11-17', start: 950, end: 1000, rank: 1 }],
          interpreter: '',
        },
        { id: 'f2', name: '', availability: null, interpreter: '' },
      ],
    });
    const c = (id: string, fam: string, start: number): Conference => ({
      studentIds: [id],
      familyId: fam,
      teacherEmail: 'a@s',
      date: '2026-11-17',
      start,
      end: start + 20,
      fixed: false,
      rank: 1,
    });
    expect(
      checkSchedule(p, {
        conferences: [c('s1', 'f1', 900), c('s2', 'f2', 910)],
        unplaced: [],
      }).join('\n'),
    ).toMatch(/availability[\s\S]*at once/);
    expect(
      checkSchedule(p, { conferences: [c('s1', 'f1', 990)], unplaced: [] }).join('\n'),
    ).toMatch(/outside every window[\s\S]*s2 is neither placed/);
  });
});
