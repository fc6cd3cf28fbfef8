/**
 * The exact reference: the scheduling problem as an integer linear programme, solved by HiGHS
 * (the `highs` npm package, WebAssembly; a devDependency, never bundled). Same discretisation
 * as the engine (conference starts on each window's grid), hard rules written independently:
 * one conference per student, teacher capacity per cell, a family never in two places at once
 * and with its buffer between rooms, interpreters per language at every start time.
 *
 * Objective (maximised), used to compare the engine with the optimum:
 *   1000 per student placed − 30 per preference rank below first − 200 per extra day a
 *   family with siblings has to come.
 */
import highsLoader from 'highs';
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
  cell: string;
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
}

export async function solveExact(problem: Problem, timeLimitSeconds = 60): Promise<IlpResult> {
  const L = problem.conferenceMinutes;
  const B = problem.bufferMinutes;
  const step = L + B;
  const vars: Var[] = [];
  const families = new Map(problem.families.map((f) => [f.id, f]));
  for (const s of problem.students) {
    const fam = families.get(s.familyId)!;
    for (const w of problem.windows.filter((x) => x.teacherEmail === s.teacherEmail)) {
      for (let t = w.start; t + L <= w.end; t += step) {
        let rank = 0;
        if (fam.availability) {
          const fits = fam.availability.filter(
            (a) => a.date === w.date && a.start <= t && t + L <= a.end,
          );
          if (fits.length === 0) continue;
          rank = Math.min(...fits.map((a) => a.rank));
        }
        vars.push({
          name: `x${vars.length}`,
          student: s.id,
          family: s.familyId,
          teacher: s.teacherEmail,
          date: w.date,
          start: t,
          end: t + L,
          rank,
          cell: `${w.teacherEmail}|${w.date}|${t}|${w.capacity}`,
        });
      }
    }
  }
  const lines: string[] = [];
  const objective: string[] = [];
  for (const v of vars)
    objective.push(`+ ${SCORE.placed - (v.rank > 1 ? SCORE.rank * (v.rank - 1) : 0)} ${v.name}`);
  const constraints: string[] = [];
  let n = 0;
  const add = (terms: string[], rhs: string) => {
    if (terms.length > 0) constraints.push(` c${n++}: ${terms.join(' ')} ${rhs}`);
  };
  const group = <K>(key: (v: Var) => K) => {
    const m = new Map<K, Var[]>();
    for (const v of vars) m.set(key(v), [...(m.get(key(v)) ?? []), v]);
    return m;
  };
  for (const list of group((v) => v.student).values())
    add(
      list.map((v) => `+ ${v.name}`),
      '<= 1',
    );
  for (const [cell, list] of group((v) => v.cell))
    add(
      list.map((v) => `+ ${v.name}`),
      `<= ${cell.split('|')[3]}`,
    );
  // Families: conflicting pairs of different students.
  const sibling = new Set<string>();
  for (const list of group((v) => v.family).values()) {
    const students = new Set(list.map((v) => v.student));
    if (students.size < 2) continue;
    sibling.add(list[0]!.family);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.student === b.student || a.date !== b.date) continue;
        const overlap = a.start < b.end && b.start < a.end;
        const gap = a.start >= b.end ? a.start - b.end : b.start - a.end;
        if (overlap || (a.teacher !== b.teacher && gap < B))
          add([`+ ${a.name}`, `+ ${b.name}`], '<= 1');
      }
    }
  }
  // Interpreters: at every start time, conferences of the language running then.
  for (const [lang, limit] of Object.entries(problem.interpreters)) {
    const inLang = vars.filter((v) => families.get(v.family)!.interpreter === lang);
    const points = new Set(inLang.map((v) => `${v.date}|${v.start}`));
    for (const p of points) {
      const [date, t] = p.split('|');
      const running = inLang.filter(
        (v) => v.date === date && v.start <= Number(t) && Number(t) < v.end,
      );
      if (running.length > limit)
        add(
          running.map((v) => `+ ${v.name}`),
          `<= ${limit}`,
        );
    }
  }
  // Days a sibling family comes: y_f_d >= x for each of its conferences that day.
  const dayVars: string[] = [];
  for (const f of sibling) {
    const dates = new Set(vars.filter((v) => v.family === f).map((v) => v.date));
    let k = 0;
    for (const d of dates) {
      const y = `y_${dayVars.length}`;
      dayVars.push(y);
      objective.push(`- ${SCORE.extraDay} ${y}`);
      for (const v of vars.filter((x) => x.family === f && x.date === d))
        add([`+ ${v.name}`, `- ${y}`], '<= 0');
      k++;
    }
    void k;
  }
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
  };
}
