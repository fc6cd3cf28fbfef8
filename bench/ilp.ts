/**
 * The exact reference: the scheduling problem as an integer linear programme, solved by HiGHS
 * (the `highs` npm package, WebAssembly; a devDependency, never bundled). Same time model as the
 * engine (a conference may start every five minutes from its window's start), hard rules written
 * independently of it:
 *
 * - one conference per student;
 * - the teacher's room: at each start time, the conferences holding a place (from their start
 *   until the changeover after their end) are at most the window's capacity;
 * - a family (and a contact two families share) is never in two places at once: two of its
 *   conferences with the same teacher do not overlap; with different teachers they are at least
 *   the buffer apart. Both are written as cliques: intervals that meet share a start time, so
 *   "at most one of these covers this start" says it for every pair at once;
 * - interpreters per language at every start time;
 * - kept conferences and merged siblings are not modelled (the instances have none).
 *
 * Objective (maximised), used to compare the engine with the optimum:
 *   1000 per student placed − 30 per preference rank below first − 200 per extra day a
 *   family with siblings has to come.
 */
import highsLoader from 'highs';
import { START_STEP } from '../src/core/schedule/engine';
import type { Problem, Schedule } from '../src/core/schedule/types';

export const SCORE = { placed: 1000, rank: 30, extraDay: 200 };

interface Var {
  name: string;
  student: string;
  family: string;
  teacher: string;
  date: string;
  start: number;
  end: number;
  rank: number;
}

export function score(problem: Problem, schedule: Schedule): number {
  let total = 0;
  const days = new Map<string, Set<string>>();
  for (const c of schedule.conferences) {
    total += SCORE.placed * c.studentIds.length - (c.rank > 1 ? SCORE.rank * (c.rank - 1) : 0);
    days.set(c.familyId, (days.get(c.familyId) ?? new Set()).add(c.date));
  }
  for (const d of days.values()) total -= SCORE.extraDay * (d.size - 1);
  void problem;
  return total;
}

export interface IlpResult {
  status: string;
  optimal: boolean;
  objective: number;
  bound: number;
  schedule: Schedule;
  seconds: number;
  /** Binary variables and constraints of the model, for the benchmark's table. */
  variables: number;
  constraints: number;
}

export async function solveExact(problem: Problem, timeLimitSeconds = 60): Promise<IlpResult> {
  if (problem.fixed.length > 0 || problem.mergeSiblings)
    throw new Error('The exact model has no kept conferences and no merged siblings.');
  const L = problem.conferenceMinutes;
  const B = problem.bufferMinutes;
  const C = problem.changeoverMinutes ?? 0;
  const vars: Var[] = [];
  const families = new Map(problem.families.map((f) => [f.id, f]));
  for (const s of problem.students) {
    const fam = families.get(s.familyId)!;
    for (const w of problem.windows.filter((x) => x.teacherEmail === s.teacherEmail)) {
      if (w.capacity < 1) continue;
      for (let t = w.start; t + L <= w.end; t += START_STEP) {
        let rank = 0;
        if (fam.availability) {
          const fits = fam.availability.filter(
            (a) => a.date === w.date && a.start <= t && t + L <= a.end,
          );
          if (fits.length === 0) continue;
          rank = Math.min(...fits.map((a) => a.rank));
        }
        // Two windows of one teacher may overlap: one variable per start time.
        if (vars.some((v) => v.student === s.id && v.date === w.date && v.start === t)) continue;
        vars.push({
          name: `x${vars.length}`,
          student: s.id,
          family: s.familyId,
          teacher: s.teacherEmail,
          date: w.date,
          start: t,
          end: t + L,
          rank,
        });
      }
    }
  }
  const objective: string[] = [];
  for (const v of vars)
    objective.push(`+ ${SCORE.placed - (v.rank > 1 ? SCORE.rank * (v.rank - 1) : 0)} ${v.name}`);
  const constraints: string[] = [];
  let n = 0;
  const add = (terms: string[], rhs: string) => {
    if (terms.length > 0) constraints.push(` c${n++}: ${terms.join(' ')} ${rhs}`);
  };
  const group = <K>(list: Var[], key: (v: Var) => K) => {
    const m = new Map<K, Var[]>();
    for (const v of list) m.set(key(v), [...(m.get(key(v)) ?? []), v]);
    return m;
  };
  /** At each start time of `list`, at most `limit(t)` of `list` cover it ([start, start+reach(v))). */
  const cliques = (list: Var[], reach: (v: Var) => number, limit: (t: number) => number) => {
    for (const t of new Set(list.map((v) => v.start))) {
      const covering = list.filter((v) => v.start <= t && t < v.start + reach(v));
      if (covering.length > limit(t))
        add(
          covering.map((v) => `+ ${v.name}`),
          `<= ${limit(t)}`,
        );
    }
  };
  for (const list of group(vars, (v) => v.student).values())
    add(
      list.map((v) => `+ ${v.name}`),
      '<= 1',
    );
  // The teacher's room, changeover included.
  for (const list of group(vars, (v) => `${v.teacher}|${v.date}`).values()) {
    const windows = problem.windows.filter(
      (w) => w.teacherEmail === list[0]!.teacher && w.date === list[0]!.date,
    );
    cliques(
      list,
      () => L + C,
      (t) =>
        Math.max(0, ...windows.filter((w) => w.start <= t && t < w.end).map((w) => w.capacity)),
    );
  }
  // Families, and families sharing a contact: per pair of their students, per day.
  const people = (f: string) => new Set(families.get(f)?.contacts ?? []);
  const together = (f: string, g: string) =>
    f === g || [...people(f)].some((c) => people(g).has(c));
  const byStudent = group(vars, (v) => v.student);
  const students = [...byStudent.keys()];
  const sibling = new Set<string>();
  for (let i = 0; i < students.length; i++)
    for (let j = i + 1; j < students.length; j++) {
      const a = byStudent.get(students[i]!)!;
      const b = byStudent.get(students[j]!)!;
      if (!together(a[0]!.family, b[0]!.family)) continue;
      if (a[0]!.family === b[0]!.family) sibling.add(a[0]!.family);
      const sameTeacher = a[0]!.teacher === b[0]!.teacher;
      for (const list of group([...a, ...b], (v) => v.date).values())
        cliques(
          list,
          () => (sameTeacher ? L : L + B),
          () => 1,
        );
    }
  // Interpreters: at every start time, conferences of the language running then.
  for (const [lang, limit] of Object.entries(problem.interpreters)) {
    const inLang = vars.filter((v) => families.get(v.family)!.interpreter === lang);
    for (const list of group(inLang, (v) => v.date).values())
      cliques(
        list,
        () => L,
        () => limit,
      );
  }
  // Days a sibling family comes: y_f_d >= x for each of its conferences that day.
  const dayVars: string[] = [];
  for (const f of sibling) {
    for (const list of group(
      vars.filter((v) => v.family === f),
      (v) => v.date,
    ).values()) {
      const y = `y_${dayVars.length}`;
      dayVars.push(y);
      objective.push(`- ${SCORE.extraDay} ${y}`);
      for (const v of list) add([`+ ${v.name}`, `- ${y}`], '<= 0');
    }
  }
  const lines: string[] = [];
  lines.push(
    'Maximize',
    ` obj: ${objective.join(' ') || '0 x0'}`,
    'Subject To',
    ...constraints,
    'Binary',
    ...vars.map((v) => ` ${v.name}`),
    ...dayVars.map((y) => ` ${y}`),
    'End',
  );
  const highs = await highsLoader();
  const t0 = performance.now();
  const result = highs.solve(lines.join('\n'), { time_limit: timeLimitSeconds, mip_rel_gap: 0 });
  const seconds = (performance.now() - t0) / 1000;
  const chosen = vars.filter(
    (v) => ((result.Columns as Record<string, { Primal: number }>)[v.name]?.Primal ?? 0) > 0.5,
  );
  // Each family with siblings pays for its days beyond the first: the constant it was spared.
  const objectiveValue = result.ObjectiveValue + SCORE.extraDay * sibling.size;
  const schedule: Schedule = {
    conferences: chosen.map((v) => ({
      studentIds: [v.student],
      familyId: v.family,
      teacherEmail: v.teacher,
      date: v.date,
      start: v.start,
      end: v.end,
      fixed: false,
      rank: v.rank,
    })),
    unplaced: problem.students
      .filter((s) => !chosen.some((v) => v.student === s.id))
      .map((s) => ({ studentId: s.id, reason: 'not placed by the ILP' })),
  };
  const info = (result as unknown as { Info?: { mip_dual_bound?: number } }).Info;
  return {
    status: result.Status,
    optimal: result.Status === 'Optimal',
    objective: objectiveValue,
    bound: (info?.mip_dual_bound ?? result.ObjectiveValue) + SCORE.extraDay * sibling.size,
    schedule,
    seconds,
    variables: vars.length + dayVars.length,
    constraints: constraints.length,
  };
}
