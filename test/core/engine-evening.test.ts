/**
 * Teachers' evenings as unbroken blocks (src/core/schedule/evening.ts), seen through the engine:
 * each schedule judged by the independent checker.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { planBlocks } from '../../src/core/schedule/evening';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type {
  Problem,
  SchedFamily,
  SchedStudent,
  TeacherWindow,
} from '../../src/core/schedule/types';

const DAY = '2026-11-17';

const win = (teacherEmail: string, start: number, end: number): TeacherWindow => ({
  teacherEmail,
  teacher: teacherEmail,
  date: DAY,
  start,
  end,
  room: teacherEmail,
  capacity: 1,
  videoLink: '',
});

const family = (id: string): SchedFamily => ({ id, name: id, availability: null, interpreter: '' });

/**
 * Ms. A and Mr. B, 3:00 to 4:53 PM (time for eleven 10-minute conferences one after another),
 * eight families with a child in each class and two families of one per teacher: twenty
 * conferences. With a 5-minute walk between rooms, A seeing families at 3:00, 3:10, … and B at
 * 3:15, 3:25, … lets every family see both teachers back to back with no teacher ever waiting.
 */
function evening(): Problem {
  const students: SchedStudent[] = [];
  const families: SchedFamily[] = [];
  for (let i = 0; i < 8; i++) {
    families.push(family(`pair${i}`));
    students.push({ id: `a${i}`, name: '', teacherEmail: 'a@s', familyId: `pair${i}` });
    students.push({ id: `b${i}`, name: '', teacherEmail: 'b@s', familyId: `pair${i}` });
  }
  for (const t of ['a', 'b'])
    for (let i = 0; i < 2; i++) {
      families.push(family(`${t}-only${i}`));
      students.push({
        id: `${t}x${i}`,
        name: '',
        teacherEmail: `${t}@s`,
        familyId: `${t}-only${i}`,
      });
    }
  return {
    windows: [win('a@s', 900, 1013), win('b@s', 900, 1013)],
    students,
    families,
    interpreters: {},
    conferenceMinutes: 10,
    bufferMinutes: 5,
    changeoverMinutes: 0,
    mergeSiblings: false,
    fixed: [],
    seed: 3,
  };
}

describe('teachers’ evenings as unbroken blocks', () => {
  it('sees every family with a child in each class back to back, and no teacher waits', () => {
    const p = evening();
    for (const seed of [1, 2, 3]) {
      const r = buildSchedule({ ...p, seed });
      expect(checkSchedule(p, r)).toEqual([]);
      expect(r.unplaced).toEqual([]);
      expect(r.quality.siblingsBackToBack).toBe(8);
      expect(r.quality.idleMinutes).toBe(0);
    }
  });

  it('needs no teacher to wait where two families each see both teachers', () => {
    // Ms. A and Mr. B, 3:00 to 4:05 PM: two families have a child with each, Mr. B has three more
    // children from two families. Seeing one family at 3:00 with B and 3:15 with A, the other at
    // 3:05 with A and 3:20 with B, fills both days without a pause.
    const b = (id: string, familyId: string) => ({ id, name: id, teacherEmail: 'b@s', familyId });
    const a = (id: string, familyId: string) => ({ id, name: id, teacherEmail: 'a@s', familyId });
    const p: Problem = {
      ...evening(),
      windows: [win('a@s', 900, 965), win('b@s', 900, 965)],
      students: [b('s0', 'f0'), a('s1', 'f0'), a('s2', 'f2'), b('s3', 'f2')].concat([
        b('s4', 'f4'),
        b('s5', 'f5'),
        b('s6', 'f5'),
      ]),
      families: ['f0', 'f2', 'f4', 'f5'].map(family),
      seed: 294,
    };
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
    expect(r.quality.idleMinutes).toBe(0);
    expect(r.quality.siblingsBackToBack).toBe(3);
  });

  it('leaves problems it was not made for to the engine’s usual construction', () => {
    const p = evening();
    expect(planBlocks(p)).not.toBeNull();
    const withTimes: Problem = {
      ...p,
      families: p.families.map((f, i) =>
        i === 0 ? { ...f, availability: [{ date: DAY, start: 900, end: 960, rank: 1 }] } : f,
      ),
    };
    expect(planBlocks(withTimes)).toBeNull();
    expect(planBlocks({ ...p, windows: p.windows.map((w) => ({ ...w, capacity: 2 })) })).toBeNull();
    expect(
      planBlocks({ ...p, windows: [...p.windows, { ...p.windows[0]!, date: '2026-11-18' }] }),
    ).toBeNull();
    // Each such problem still gets a schedule the checker accepts.
    const r = buildSchedule(withTimes);
    expect(checkSchedule(withTimes, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
  });

  it('places everyone on one-evening schools the checker accepts, the same each time (property)', () => {
    const instance = fc.record({
      teachers: fc.integer({ min: 1, max: 5 }),
      students: fc.integer({ min: 1, max: 30 }),
      len: fc.constantFrom(10, 15, 20),
      buffer: fc.constantFrom(0, 5, 10),
      changeover: fc.constantFrom(0, 5),
      siblingRate: fc.double({ min: 0, max: 0.8, noNaN: true }),
      spare: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 1, max: 1e6 }),
    });
    checkProperty(
      fc.property(instance, (x) => {
        let r = x.seed;
        const rnd = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
        const students: SchedStudent[] = [];
        const families: SchedFamily[] = [];
        for (let i = 0; i < x.students; i++) {
          const sibling = families.length > 0 && rnd() < x.siblingRate;
          const f = sibling ? families[families.length - 1]! : family(`f${i}`);
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
        const p: Problem = {
          windows,
          students,
          families,
          interpreters: {},
          conferenceMinutes: x.len,
          bufferMinutes: x.buffer,
          changeoverMinutes: x.changeover,
          mergeSiblings: false,
          fixed: [],
          seed: x.seed,
        };
        const s = buildSchedule(p);
        expect(checkSchedule(p, s)).toEqual([]);
        expect(s.unplaced).toEqual([]);
        expect(JSON.stringify(buildSchedule(p))).toBe(JSON.stringify(s));
      }),
      { numRuns: 25 },
    );
  });
});
