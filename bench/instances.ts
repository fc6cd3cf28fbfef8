/**
 * Instance generator for the scheduler benchmark: elementary (one host teacher per student,
 * siblings across grades) and middle school (more students per teacher), with sibling rates
 * around a third of families, availability patterns (none, evenings only, ranked windows),
 * capacities 1–4 and interpreted languages.
 */
import type { Problem, SchedFamily, SchedStudent, TeacherWindow } from '../src/core/schedule/types';
import { seeded as rng } from '../src/core/random';
import { sampleProblem } from './school';

export interface InstanceSpec {
  name: string;
  students: number;
  teachers: number;
  days: number;
  /** Share of families with two or more students. */
  siblingRate: number;
  /** Share of families who give availability. */
  availabilityRate: number;
  capacities: number[];
  interpreterRate: number;
  interpreters: Record<string, number>;
  /** Spare places per student (1.1 = 10% more places than students). */
  slack: number;
  seed: number;
  conferenceMinutes?: number;
  bufferMinutes?: number;
  changeoverMinutes?: number;
  /**
   * How windows are sized: 'cells' (default) as many (conference + buffer) blocks as the
   * teacher's students need, the way schools used to cut them; 'tight' just long enough for that
   * many conferences a changeover apart, plus a few minutes off the five-minute grid.
   */
  windows?: 'cells' | 'tight';
}

export function makeInstance(spec: InstanceSpec): Problem {
  const r = rng(spec.seed);
  const L = spec.conferenceMinutes ?? 25;
  const B = spec.bufferMinutes ?? 5;
  const step = L + B;
  const changeover = spec.changeoverMinutes ?? 0;
  const pitch = Math.ceil((L + changeover) / 5) * 5;
  const dates = ['2026-11-17', '2026-11-18', '2026-11-19'].slice(0, spec.days);
  const students: SchedStudent[] = [];
  const families: SchedFamily[] = [];
  let i = 0;
  while (students.length < spec.students) {
    const id = `f${i++}`;
    const size = r() < spec.siblingRate ? (r() < 0.8 ? 2 : 3) : 1;
    let availability: SchedFamily['availability'] = null;
    if (r() < spec.availabilityRate) {
      const pattern = r();
      const day = Math.floor(r() * dates.length);
      const w = day === 0 ? { start: 15 * 60, end: 20 * 60 } : { start: 8 * 60, end: 12 * 60 };
      const span = w.end - w.start;
      if (pattern < 0.4)
        availability = [{ date: dates[day]!, start: w.start, end: w.end, rank: 1 }];
      else {
        const a = w.start + Math.floor((r() * span) / 2 / step) * step;
        availability = [
          { date: dates[day]!, start: a, end: Math.min(w.end, a + span / 2), rank: 1 },
          { date: dates[(day + 1) % dates.length]!, start: 0, end: 24 * 60, rank: 2 },
        ];
      }
    }
    const lang = r() < spec.interpreterRate ? (r() < 0.75 ? 'es' : 'vi') : '';
    families.push({ id, name: `Family ${id}`, availability, interpreter: lang });
    for (let k = 0; k < size && students.length < spec.students; k++) {
      students.push({
        id: `s${students.length}`,
        name: '',
        teacherEmail: `t${Math.floor(r() * spec.teachers)}@school.example`,
        familyId: id,
      });
    }
  }
  const load = Array.from(
    { length: spec.teachers },
    (_, t) => students.filter((s) => s.teacherEmail === `t${t}@school.example`).length,
  );
  const windows: TeacherWindow[] = [];
  for (let t = 0; t < spec.teachers; t++) {
    const capacity = spec.capacities[t % spec.capacities.length]!;
    const cellsNeeded = Math.ceil((load[t]! * spec.slack) / capacity);
    const perDay = Math.ceil(cellsNeeded / spec.days);
    dates.forEach((date, d) => {
      // First day an afternoon-evening window, other days mornings.
      const start = d === 0 ? 15 * 60 : 8 * 60;
      windows.push({
        teacherEmail: `t${t}@school.example`,
        teacher: `Teacher ${t}`,
        date,
        start,
        end:
          spec.windows === 'tight' ? start + (perDay - 1) * pitch + L + 3 : start + perDay * step,
        room: String(100 + t),
        capacity,
        videoLink: '',
      });
    });
  }
  return {
    windows,
    students,
    families,
    interpreters: spec.interpreters,
    conferenceMinutes: L,
    bufferMinutes: B,
    changeoverMinutes: changeover,
    mergeSiblings: false,
    fixed: [],
    seed: spec.seed,
  };
}

export const SUITE: InstanceSpec[] = [
  {
    name: 'elementary-200',
    students: 200,
    teachers: 10,
    days: 2,
    siblingRate: 0.33,
    availabilityRate: 0.4,
    capacities: [1, 2],
    interpreterRate: 0.15,
    interpreters: { es: 4, vi: 2 },
    slack: 1.15,
    seed: 1,
  },
  {
    name: 'elementary-500',
    students: 500,
    teachers: 24,
    days: 2,
    siblingRate: 0.33,
    availabilityRate: 0.5,
    capacities: [1, 2, 3],
    interpreterRate: 0.2,
    interpreters: { es: 8, vi: 3 },
    slack: 1.1,
    seed: 2,
  },
  {
    name: 'middle-1000',
    students: 1000,
    teachers: 40,
    days: 2,
    siblingRate: 0.3,
    availabilityRate: 0.3,
    capacities: [2, 3, 4],
    interpreterRate: 0.15,
    interpreters: { es: 12, vi: 4 },
    slack: 1.1,
    seed: 3,
  },
  {
    name: 'district-2000',
    students: 2000,
    teachers: 80,
    days: 2,
    siblingRate: 0.33,
    availabilityRate: 0.3,
    capacities: [1, 2, 3, 4],
    interpreterRate: 0.15,
    interpreters: { es: 20, vi: 6 },
    slack: 1.1,
    seed: 4,
  },
  {
    name: 'tight-300',
    students: 300,
    teachers: 12,
    days: 2,
    siblingRate: 0.35,
    availabilityRate: 0.6,
    capacities: [1, 2],
    interpreterRate: 0.25,
    interpreters: { es: 4, vi: 2 },
    slack: 1.0,
    seed: 5,
  },
  {
    name: 'high-3000',
    students: 3000,
    teachers: 100,
    days: 3,
    siblingRate: 0.33,
    availabilityRate: 0.3,
    capacities: [1, 2, 3, 4],
    interpreterRate: 0.15,
    interpreters: { es: 25, vi: 8 },
    slack: 1.1,
    seed: 6,
  },
  {
    // One evening, rooms for one family, 10-minute conferences, nobody giving availability: a
    // teacher's evening should be one block.
    name: 'evening-600',
    students: 600,
    teachers: 24,
    days: 1,
    siblingRate: 0.33,
    availabilityRate: 0,
    capacities: [1],
    interpreterRate: 0,
    interpreters: {},
    slack: 1.1,
    seed: 7,
    conferenceMinutes: 10,
    windows: 'tight',
  },
];

/** Small schools HiGHS can solve exactly, of every kind the engine meets. */
export function smallInstances(seeds: number[]): InstanceSpec[] {
  const out: InstanceSpec[] = [];
  for (const seed of seeds) {
    const base = {
      days: 2,
      siblingRate: 0.35,
      availabilityRate: 0.5,
      interpreterRate: 0.25,
      seed,
    };
    out.push(
      {
        ...base,
        name: `small-40-s${seed}`,
        students: 40,
        teachers: 3,
        capacities: [1, 2],
        interpreters: { es: 1, vi: 1 },
        slack: 1.0,
      },
      {
        ...base,
        name: `tight-50-s${seed}`,
        students: 50,
        teachers: 3,
        capacities: [1, 2],
        interpreters: { es: 1, vi: 1 },
        slack: 0.95,
        windows: 'tight',
        seed: seed + 100,
      },
      {
        ...base,
        name: `changeover-50-s${seed}`,
        students: 50,
        teachers: 4,
        capacities: [1, 2, 1, 3],
        interpreters: { es: 2, vi: 1 },
        slack: 0.95,
        windows: 'tight',
        changeoverMinutes: 5,
        seed: seed + 200,
      },
      {
        ...base,
        name: `evening-60-s${seed}`,
        students: 60,
        teachers: 4,
        days: 1,
        capacities: [1],
        availabilityRate: 0.3,
        interpreters: { es: 2 },
        slack: 1.0,
        windows: 'tight',
        conferenceMinutes: 15,
        seed: seed + 300,
      },
    );
  }
  return out;
}

/** A scale instance by name: one of SUITE, or school-600 (the sample school, 24 teachers). */
export function scaleProblem(name: string): Problem {
  if (name === 'school-600') return sampleProblem(600, 24);
  const spec = SUITE.find((s) => s.name === name);
  if (!spec) throw new Error(`No benchmark instance is called ${name}.`);
  return makeInstance(spec);
}
