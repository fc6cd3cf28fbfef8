/**
 * The scheduling engine: a greedy construction (hardest families first, each family's
 * conferences placed together) followed by a large-neighbourhood search (remove a few related
 * families, put them back in another order, keep the result when it is no worse). Seeded, so the
 * same input gives the same schedule.
 *
 * Time model: each teacher window is cut into cells of (conference + buffer) minutes, each
 * holding up to `capacity` conferences at once. A conference occupies the cells it overlaps, so
 * two conferences in different cells never overlap in time. Interpreters and families are
 * checked on real time intervals.
 */
import { seeded } from '../random';
import type {
  Conference,
  Problem,
  Quality,
  SchedFamily,
  Schedule,
  TeacherWindow,
  Unplaced,
} from './types';

export const WEIGHTS = {
  unplaced: 10_000,
  rank: 30,
  /** A family whose conferences fall on different days. */
  splitDays: 200,
  /** Per minute a family waits between its conferences (beyond the buffer). */
  waitMinute: 1,
  /** Per extra block of an interpreted language on a day. */
  languageBlock: 15,
  /** Per idle minute between a teacher's first and last conference of a day. */
  idleMinute: 0.05,
};

interface Cell {
  /** "teacher|date" */
  day: string;
  teacher: string;
  date: string;
  start: number;
  window: number;
  capacity: number;
  used: number;
}

interface Unit {
  key: number;
  familyId: string;
  teacher: string;
  studentIds: string[];
  len: number;
  /** Cells a conference of this unit occupies. */
  need: number;
  /** Static candidates: first cell index and the availability rank it meets. */
  candidates: { cell: number; rank: number }[];
}

interface Placement {
  unit: number;
  /** -1 for a fixed conference. */
  cell: number;
  cells: number[];
  teacher: string;
  date: string;
  start: number;
  end: number;
  rank: number;
  fixed: boolean;
  studentIds: string[];
}

export interface EngineOptions {
  /** Local-search iterations; default scales with the number of families. */
  iterations?: number;
}

export function buildSchedule(
  problem: Problem,
  options: EngineOptions = {},
): Schedule & { quality: Quality } {
  const L = problem.conferenceMinutes;
  const B = problem.bufferMinutes;
  const step = L + B;
  const random = seeded(problem.seed);
  const families = new Map<string, SchedFamily>(problem.families.map((f) => [f.id, f]));
  /** Per family, the other families that share one of its contacts (who is then in both). */
  const sharing = new Map<string, string[]>();
  const familiesOfContact = new Map<string, string[]>();
  for (const f of problem.families)
    for (const c of new Set(f.contacts ?? []))
      familiesOfContact.set(c, [...(familiesOfContact.get(c) ?? []), f.id]);
  for (const list of familiesOfContact.values())
    for (const f of list)
      for (const g of list)
        if (f !== g && !(sharing.get(f) ?? []).includes(g))
          sharing.set(f, [...(sharing.get(f) ?? []), g]);

  // Cells, by teacher, in time order.
  const cells: Cell[] = [];
  const cellsByTeacher = new Map<string, number[]>();
  const windows: TeacherWindow[] = [...problem.windows].sort(
    (a, b) =>
      a.teacherEmail.localeCompare(b.teacherEmail) ||
      a.date.localeCompare(b.date) ||
      a.start - b.start,
  );
  windows.forEach((w, wi) => {
    for (let s = w.start; s + L <= w.end; s += step) {
      const list = cellsByTeacher.get(w.teacherEmail) ?? [];
      list.push(cells.length);
      cellsByTeacher.set(w.teacherEmail, list);
      cells.push({
        day: `${w.teacherEmail}|${w.date}`,
        teacher: w.teacherEmail,
        date: w.date,
        start: s,
        window: wi,
        capacity: w.capacity,
        used: 0,
      });
    }
  });

  /** Places used and offered per teacher and day (for spreading a teacher's load over days). */
  const dayLoad = new Map<string, { used: number; capacity: number }>();
  for (const c of cells) {
    const k = `${c.teacher}|${c.date}`;
    const d = dayLoad.get(k) ?? { used: 0, capacity: 0 };
    d.capacity += c.capacity;
    dayLoad.set(k, d);
  }
  const useCell = (i: number, delta: number) => {
    const c = cells[i]!;
    c.used += delta;
    dayLoad.get(c.day)!.used += delta;
  };

  // Fixed conferences hold their cells, their family's time and their interpreter.
  const fixedStudents = new Set(problem.fixed.flatMap((c) => c.studentIds));
  const placementsByFamily = new Map<string, Placement[]>();
  const interp = new Map<string, { start: number; end: number }[]>();
  const interpKey = (lang: string, date: string) => `${lang}|${date}`;
  const addTo = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const removeFrom = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    const i = list ? list.indexOf(v) : -1;
    if (i >= 0) list!.splice(i, 1);
  };
  for (const c of problem.fixed) {
    const held = (cellsByTeacher.get(c.teacherEmail) ?? []).filter(
      (i) =>
        cells[i]!.date === c.date && cells[i]!.start < c.end && c.start < cells[i]!.start + step,
    );
    for (const i of held) useCell(i, 1);
    const p: Placement = {
      unit: -1,
      cell: -1,
      cells: held,
      teacher: c.teacherEmail,
      date: c.date,
      start: c.start,
      end: c.end,
      rank: c.rank,
      fixed: true,
      studentIds: c.studentIds,
    };
    addTo(placementsByFamily, c.familyId, p);
    const lang = families.get(c.familyId)?.interpreter ?? '';
    if (lang) addTo(interp, interpKey(lang, c.date), { start: c.start, end: c.end });
  }

  // Units: one per student, or one per same-teacher sibling group when merging.
  const units: Unit[] = [];
  const groups = new Map<string, string[]>();
  for (const s of problem.students) {
    if (fixedStudents.has(s.id)) continue;
    // Siblings merge only when the same people are listed for each of them.
    const people = [...new Set(s.contacts ?? [])].sort().join(';');
    const key = problem.mergeSiblings ? `${s.familyId}|${s.teacherEmail}|${people}` : `${s.id}`;
    addTo(groups, key, s.id);
  }
  const studentById = new Map(problem.students.map((s) => [s.id, s]));
  for (const ids of groups.values()) {
    const s = studentById.get(ids[0]!)!;
    const len = Math.min(2, ids.length) * L;
    const family = families.get(s.familyId);
    const candidates: Unit['candidates'] = [];
    for (const ci of cellsByTeacher.get(s.teacherEmail) ?? []) {
      const cell = cells[ci]!;
      const need = Math.ceil((len + B) / step);
      const last = cells[ci + need - 1];
      if (!last || last.window !== cell.window || cell.start + len > windows[cell.window]!.end)
        continue;
      let rank = 0;
      if (family?.availability) {
        const fits = family.availability.filter(
          (a) => a.date === cell.date && a.start <= cell.start && cell.start + len <= a.end,
        );
        if (fits.length === 0) continue;
        rank = Math.min(...fits.map((a) => a.rank));
      }
      candidates.push({ cell: ci, rank });
    }
    units.push({
      key: units.length,
      familyId: s.familyId,
      teacher: s.teacherEmail,
      studentIds: ids,
      len,
      need: Math.ceil((len + B) / step),
      candidates,
    });
  }
  const unitsByFamily = new Map<string, Unit[]>();
  for (const u of units) addTo(unitsByFamily, u.familyId, u);
  const placement: (Placement | null)[] = units.map(() => null);
  /** Non-fixed placements per teacher and day, and the families in each cell. */
  const byTeacherDay = new Map<string, Placement[]>();
  const cellFamilies: Map<string, number>[] = cells.map(() => new Map());

  const cellsOf = (u: Unit, first: number) => {
    const out: number[] = [];
    for (let i = 0; i < u.need; i++) out.push(first + i);
    return out;
  };

  function interpreterFree(lang: string, date: string, start: number, end: number): boolean {
    const limit = problem.interpreters[lang];
    if (!lang || limit === undefined) return true;
    const list = (interp.get(interpKey(lang, date)) ?? []).filter(
      (x) => x.start < end && start < x.end,
    );
    if (list.length < limit) return true;
    const points = [start, ...list.map((x) => x.start).filter((t) => t > start && t < end)];
    return points.every((t) => list.filter((x) => x.start <= t && t < x.end).length < limit);
  }

  function feasible(u: Unit, first: number): boolean {
    for (let i = first; i < first + u.need; i++)
      if (cells[i]!.used >= cells[i]!.capacity) return false;
    const c = cells[first]!;
    const start = c.start;
    const end = start + u.len;
    // The family, and anyone of it who also comes for another family, is in one place at a time.
    for (const f of [u.familyId, ...(sharing.get(u.familyId) ?? [])])
      for (const p of placementsByFamily.get(f) ?? []) {
        if (p.date !== c.date) continue;
        if (p.start < end && start < p.end) return false;
        if (p.teacher !== u.teacher) {
          const gap = p.start >= end ? p.start - end : start - p.end;
          if (gap < B) return false;
        }
      }
    return interpreterFree(families.get(u.familyId)?.interpreter ?? '', c.date, start, end);
  }

  function place(u: Unit, first: number, rank: number): void {
    const c = cells[first]!;
    const cs = cellsOf(u, first);
    for (const i of cs) useCell(i, 1);
    const p: Placement = {
      unit: u.key,
      cell: first,
      cells: cs,
      teacher: u.teacher,
      date: c.date,
      start: c.start,
      end: c.start + u.len,
      rank,
      fixed: false,
      studentIds: u.studentIds,
    };
    placement[u.key] = p;
    addTo(placementsByFamily, u.familyId, p);
    addTo(byTeacherDay, c.day, p);
    for (const i of cs)
      cellFamilies[i]!.set(u.familyId, (cellFamilies[i]!.get(u.familyId) ?? 0) + 1);
    const lang = families.get(u.familyId)?.interpreter ?? '';
    if (lang) addTo(interp, interpKey(lang, c.date), p);
  }

  function unplace(u: Unit): void {
    const p = placement[u.key];
    if (!p) return;
    for (const i of p.cells) useCell(i, -1);
    placement[u.key] = null;
    removeFrom(placementsByFamily, u.familyId, p);
    removeFrom(byTeacherDay, cells[p.cell]!.day, p);
    for (const i of p.cells) {
      const n = (cellFamilies[i]!.get(u.familyId) ?? 1) - 1;
      if (n <= 0) cellFamilies[i]!.delete(u.familyId);
      else cellFamilies[i]!.set(u.familyId, n);
    }
    const lang = families.get(u.familyId)?.interpreter ?? '';
    if (lang) removeFrom(interp, interpKey(lang, p.date), p);
  }

  /** Cost of one family's placements: ranks, days, waiting. */
  function familyCost(familyId: string): number {
    const list = placementsByFamily.get(familyId) ?? [];
    let cost = 0;
    for (const p of list) if (p.rank > 1) cost += WEIGHTS.rank * (p.rank - 1);
    if (list.length > 1) {
      const days = new Set(list.map((p) => p.date));
      if (days.size > 1) cost += WEIGHTS.splitDays * (days.size - 1);
      for (const d of days) {
        const sorted = list.filter((p) => p.date === d).sort((a, b) => a.start - b.start);
        for (let i = 1; i < sorted.length; i++) {
          const gap = sorted[i]!.start - sorted[i - 1]!.end;
          const expected = sorted[i]!.teacher === sorted[i - 1]!.teacher ? 0 : B;
          cost += WEIGHTS.waitMinute * Math.max(0, gap - expected);
        }
      }
    }
    return cost;
  }

  /** A small bias that spreads a teacher's load over days and packs each day from its start. */
  function cellBias(first: number): number {
    const c = cells[first]!;
    const load = dayLoad.get(c.day)!;
    const dayUsed = load.used;
    const dayCells = load.capacity;
    const prev = cells[first - 1];
    const adjacent =
      (prev && prev.window === c.window && prev.used > 0) || c.start === windows[c.window]!.start;
    return 3 * (dayUsed / Math.max(1, dayCells)) + (adjacent ? 0 : 1) + c.used * 0.5;
  }

  /** Places a family's unplaced units together; returns how many could not be placed. */
  function insertFamily(familyId: string): number {
    const todo = (unitsByFamily.get(familyId) ?? [])
      .filter((u) => !placement[u.key])
      .sort((a, b) => a.candidates.length - b.candidates.length);
    if (todo.length === 0) return 0;
    const [anchor, ...rest] = todo;
    if (rest.length === 0 && (placementsByFamily.get(familyId) ?? []).length === 0) {
      // One conference and nothing else of the family's to fit around: no need to try each.
      let pick: { cell: number; rank: number; cost: number } | null = null;
      for (const c of anchor!.candidates) {
        if (!feasible(anchor!, c.cell)) continue;
        const cost =
          (c.rank > 1 ? WEIGHTS.rank * (c.rank - 1) : 0) + cellBias(c.cell) + random() * 1e-6;
        if (!pick || cost < pick.cost) pick = { cell: c.cell, rank: c.rank, cost };
      }
      if (!pick) return 1;
      place(anchor!, pick.cell, pick.rank);
      return 0;
    }
    let best: { cost: number; picks: [Unit, number, number][] } | null = null;
    const anchorOptions = anchor!.candidates.filter((c) => feasible(anchor!, c.cell));
    for (const option of anchorOptions) {
      place(anchor!, option.cell, option.rank);
      const picks: [Unit, number, number][] = [[anchor!, option.cell, option.rank]];
      let missing = 0;
      for (const u of rest) {
        let pick: { cell: number; rank: number; cost: number } | null = null;
        for (const c of u.candidates) {
          if (!feasible(u, c.cell)) continue;
          place(u, c.cell, c.rank);
          const cost = familyCost(familyId) + cellBias(c.cell);
          unplace(u);
          if (!pick || cost < pick.cost) pick = { cell: c.cell, rank: c.rank, cost };
        }
        if (pick) {
          place(u, pick.cell, pick.rank);
          picks.push([u, pick.cell, pick.rank]);
        } else missing++;
      }
      const cost =
        missing * WEIGHTS.unplaced +
        familyCost(familyId) +
        picks.reduce((n, [, cell]) => n + cellBias(cell), 0) +
        random() * 1e-6;
      for (const [u] of picks) unplace(u);
      if (!best || cost < best.cost) best = { cost, picks };
    }
    if (!best) {
      // The anchor has nowhere to go; still place the others.
      let missing = 1;
      for (const u of rest) {
        const c = u.candidates.find((x) => feasible(u, x.cell));
        if (c) place(u, c.cell, c.rank);
        else missing++;
      }
      return missing;
    }
    for (const [u, cell, rank] of best.picks) place(u, cell, rank);
    return todo.length - best.picks.length;
  }

  /** Interpreted languages in blocks: a cost per gap in a language's day. */
  function languageCost(key: string): number {
    const sorted = [...(interp.get(key) ?? [])].sort((a, b) => a.start - b.start);
    let cost = 0;
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.start - sorted[i - 1]!.end > step) cost += WEIGHTS.languageBlock;
    return cost;
  }

  /** A teacher's idle minutes between the first and last conference of a day. */
  function idleCost(key: string): number {
    const list = byTeacherDay.get(key) ?? [];
    if (list.length === 0) return 0;
    let first = Infinity;
    let last = -Infinity;
    const busy = new Set<number>();
    for (const p of list) {
      first = Math.min(first, p.start);
      last = Math.max(last, p.end);
      for (const i of p.cells) busy.add(i);
    }
    return WEIGHTS.idleMinute * Math.max(0, last - first - busy.size * step);
  }

  /** The cost of what a set of families touches: their own, their teachers' days, their languages' days. */
  function localCost(
    familySet: Iterable<string>,
    teacherDays: Set<string>,
    languageDays: Set<string>,
  ): number {
    let cost = 0;
    for (const f of familySet) {
      for (const u of unitsByFamily.get(f) ?? [])
        if (!placement[u.key]) cost += WEIGHTS.unplaced * u.studentIds.length;
      cost += familyCost(f);
    }
    for (const k of teacherDays) cost += idleCost(k);
    for (const k of languageDays) cost += languageCost(k);
    return cost;
  }

  function totalCost(): number {
    return localCost(unitsByFamily.keys(), new Set(byTeacherDay.keys()), new Set(interp.keys()));
  }

  // Construction: hardest families first.
  const familyIds = [...unitsByFamily.keys()];
  const difficulty = (f: string) => {
    const us = unitsByFamily.get(f)!;
    const minCandidates = Math.min(...us.map((u) => u.candidates.length));
    return minCandidates - us.length * 3 - (families.get(f)?.interpreter ? 5 : 0);
  };
  familyIds.sort((a, b) => difficulty(a) - difficulty(b) || a.localeCompare(b));
  for (const f of familyIds) insertFamily(f);

  // Large-neighbourhood search: remove a few related families, put them back, keep if no worse.
  let cost = totalCost();
  const iterations = options.iterations ?? Math.min(4000, 60 + familyIds.length * 2);
  const keysOf = (f: string, teacherDays: Set<string>, languageDays: Set<string>) => {
    const lang = families.get(f)?.interpreter ?? '';
    for (const p of placementsByFamily.get(f) ?? []) {
      if (p.fixed) continue;
      teacherDays.add(`${p.teacher}|${p.date}`);
      if (lang) languageDays.add(interpKey(lang, p.date));
    }
  };
  let sinceImprovement = 0;
  let lastUnplaced: Unit[] = [];
  for (let it = 0; it < iterations && familyIds.length > 0; it++) {
    const chosen = new Set<string>();
    const unplacedUnits =
      it % 8 === 0 || lastUnplaced.length > 0
        ? units.filter((u) => !placement[u.key] && u.candidates.length > 0)
        : lastUnplaced;
    lastUnplaced = unplacedUnits;
    if (unplacedUnits.length === 0 && sinceImprovement > Math.max(200, familyIds.length / 2)) break;
    if (unplacedUnits.length > 0 && random() < 0.6) {
      const u = unplacedUnits[Math.floor(random() * unplacedUnits.length)]!;
      chosen.add(u.familyId);
      const cands = u.candidates;
      for (let k = 0; k < 3 && cands.length > 0; k++)
        for (const f of cellFamilies[cands[Math.floor(random() * cands.length)]!.cell]!.keys())
          chosen.add(f);
    } else {
      const f = familyIds[Math.floor(random() * familyIds.length)]!;
      chosen.add(f);
      const p = (placementsByFamily.get(f) ?? []).find((x) => !x.fixed);
      const related = p ? (byTeacherDay.get(`${p.teacher}|${p.date}`) ?? []) : [];
      for (let k = 0; k < 3 && related.length > 0; k++)
        chosen.add(units[related[Math.floor(random() * related.length)]!.unit]!.familyId);
    }
    const teacherDays = new Set<string>();
    const languageDays = new Set<string>();
    for (const f of chosen) keysOf(f, teacherDays, languageDays);
    const before = localCost(chosen, teacherDays, languageDays);
    const removed: [Unit, Placement][] = [];
    for (const f of chosen)
      for (const u of unitsByFamily.get(f) ?? []) {
        const p = placement[u.key];
        if (p) {
          removed.push([u, p]);
          unplace(u);
        }
      }
    const order = [...chosen].sort(() => random() - 0.5);
    for (const f of order) insertFamily(f);
    for (const f of chosen) keysOf(f, teacherDays, languageDays);
    const after = localCost(chosen, teacherDays, languageDays);
    // Costs outside the touched families and days did not change.
    if (after <= before) {
      if (after < before - 1e-9) sinceImprovement = 0;
      else sinceImprovement++;
      cost += after - before;
    } else {
      sinceImprovement++;
      for (const f of chosen) for (const u of unitsByFamily.get(f) ?? []) unplace(u);
      for (const [u, p] of removed) place(u, p.cell, p.rank);
    }
  }
  cost = totalCost();

  // Output, with a reason for everyone not placed.
  const conferences: Conference[] = [];
  for (const [familyId, list] of placementsByFamily) {
    for (const p of list)
      conferences.push({
        studentIds: p.studentIds,
        familyId,
        teacherEmail: p.teacher,
        date: p.date,
        start: p.start,
        end: p.end,
        fixed: p.fixed,
        rank: p.rank,
      });
  }
  conferences.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.start - b.start ||
      a.teacherEmail.localeCompare(b.teacherEmail),
  );
  const unplaced: Unplaced[] = [];
  for (const u of units) {
    if (placement[u.key]) continue;
    const reason = explain(u);
    for (const id of u.studentIds) unplaced.push({ studentId: id, reason });
  }

  function explain(u: Unit): string {
    const family = families.get(u.familyId);
    const teacherWindows = problem.windows.filter((w) => w.teacherEmail === u.teacher);
    const teacherName = teacherWindows[0]?.teacher ?? u.teacher;
    const familyName = family?.name ? `the ${family.name} family` : 'this family';
    if (teacherWindows.length === 0)
      return `${teacherName} has no windows on the Teachers sheet. Add their conference times.`;
    const places = (cellsByTeacher.get(u.teacher) ?? []).reduce(
      (n, i) => n + cells[i]!.capacity,
      0,
    );
    const demand =
      units
        .filter((x) => x.teacher === u.teacher)
        .reduce((n, x) => n + Math.ceil((x.len + B) / step), 0) +
      problem.fixed.filter((c) => c.teacherEmail === u.teacher).length;
    if (u.candidates.length === 0) {
      if (family?.availability)
        return `${familyName}'s availability misses every window of ${teacherName}. Ask the family for another time, or add a window that suits them.`;
      return `${teacherName}'s windows are too short for a ${u.len}-minute conference.`;
    }
    if (demand > places)
      return `${teacherName}'s windows are full: ${demand} conferences for ${places} places. Add a window or raise the capacity (families at once).`;
    const freeCells = u.candidates.filter((c) =>
      cellsOf(u, c.cell).every((i) => cells[i]!.used < cells[i]!.capacity),
    );
    if (freeCells.length === 0)
      return `Every time that suits ${familyName} with ${teacherName} is taken. Ask the family for more times, or add a window.`;
    const lang = family?.interpreter ?? '';
    if (lang && problem.interpreters[lang] !== undefined) {
      const withoutInterp = freeCells.some((c) => {
        const cell = cells[c.cell]!;
        return !interpreterFree(lang, cell.date, cell.start, cell.start + u.len);
      });
      if (withoutInterp)
        return `No ${lang} interpreter is free when ${teacherName} has room (${problem.interpreters[lang]} at once). Add interpreters in Settings, or a window at another time.`;
    }
    const shared = (sharing.get(u.familyId) ?? []).length
      ? ' (or those of a contact it shares with another family)'
      : '';
    return `The times ${teacherName} has left clash with ${familyName}'s other conferences${shared}. Move a sibling's conference, or add a window.`;
  }

  return { conferences, unplaced, quality: measure(problem, { conferences, unplaced }, cost) };
}

/** Quality figures of any schedule (the engine's or another's). */
export function measure(problem: Problem, schedule: Schedule, cost = 0): Quality {
  const families = new Map(problem.families.map((f) => [f.id, f]));
  const byFamily = new Map<string, Conference[]>();
  for (const c of schedule.conferences)
    byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c]);
  const rankMet = { first: 0, other: 0, none: 0 };
  for (const c of schedule.conferences) {
    if (!families.get(c.familyId)?.availability) rankMet.none++;
    else if (c.rank === 1) rankMet.first++;
    else rankMet.other++;
  }
  const studentsPerFamily = new Map<string, number>();
  for (const s of problem.students)
    studentsPerFamily.set(s.familyId, (studentsPerFamily.get(s.familyId) ?? 0) + 1);
  let siblingFamilies = 0;
  let backToBack = 0;
  const waiting: number[] = [];
  for (const [f, n] of studentsPerFamily) {
    if (n < 2) continue;
    siblingFamilies++;
    const list = (byFamily.get(f) ?? []).sort(
      (a, b) => a.date.localeCompare(b.date) || a.start - b.start,
    );
    const placed = list.reduce((k, c) => k + c.studentIds.length, 0);
    if (list.length === 0 || placed < n) continue;
    if (list.length === 1) {
      backToBack++;
      waiting.push(0);
      continue;
    }
    const sameDay = list.every((c) => c.date === list[0]!.date);
    let wait = 0;
    let tight = sameDay;
    for (let i = 1; i < list.length; i++) {
      const gap = list[i]!.start - list[i - 1]!.end;
      const expected =
        list[i]!.teacherEmail === list[i - 1]!.teacherEmail ? 0 : problem.bufferMinutes;
      if (list[i]!.date !== list[i - 1]!.date || gap > expected) tight = false;
      if (list[i]!.date === list[i - 1]!.date) wait += Math.max(0, gap - expected);
    }
    if (tight) backToBack++;
    if (sameDay) waiting.push(wait);
  }
  const placedStudents = schedule.conferences.reduce((n, c) => n + c.studentIds.length, 0);
  return {
    placed: placedStudents,
    students: problem.students.length,
    rankMet,
    siblingFamilies,
    siblingsBackToBack: backToBack,
    waiting,
    cost,
  };
}
