/**
 * A teacher's evening as one unbroken block. When every teacher has one room for one family per
 * day and nobody gives availability, each teacher's conferences can follow each other with no
 * pause, and a family sees two teachers back to back (the second conference starting the buffer
 * after the first ends) only when the two teachers' days are offset by that much. So each
 * teacher's day gets a phase (its start times modulo the pitch between conferences), chosen so
 * that as many sibling families as possible have teachers whose phases fit; a teacher whose
 * families need two different phases changes phase once, at the cost of one short pause. The
 * conferences are then laid on those start times in time order: a sibling family is started only
 * where its next teacher has the start it needs still free, and reserves it.
 *
 * Pure: it returns, per student, a start time, or null when the problem is not of this kind or
 * the plan could not place everyone (the engine then builds the schedule its usual way).
 */
import { seeded } from '../random';
import { START_STEP } from '../../shared/windows';
import type { Problem } from './types';

/** Sibling families with more students than this are not planned as chains. */
const MAX_CHAIN = 4;

/** Waits beyond the buffer tried for a sibling family that cannot be back to back. */
const SHORT_WAITS = [5, 10, 15, 20];

/** What a family none of whose conferences has a start yet counts as, against the nearest. */
const NOT_NEAR = 24 * 60;

export interface BlockPlan {
  /** Student id → start (minutes), all on the problem's one date per teacher. */
  start: Map<string, number>;
}

interface TeacherDay {
  teacher: string;
  date: string;
  start: number;
  end: number;
  students: string[];
}

/** Orders of 0..n-1 (n ≤ MAX_CHAIN). */
function permutations(n: number): number[][] {
  if (n <= 1) return [[0]];
  const out: number[][] = [];
  for (const p of permutations(n - 1))
    for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

export function planBlocks(problem: Problem): BlockPlan | null {
  const L = problem.conferenceMinutes;
  const B = problem.bufferMinutes;
  const C = problem.changeoverMinutes ?? 0;
  const pitch = Math.ceil((L + C) / START_STEP) * START_STEP;
  if (problem.fixed.length > 0 || L % START_STEP !== 0 || B % START_STEP !== 0) return null;
  if (problem.families.some((f) => f.availability !== null)) return null;
  // A contact listed for two families would tie their times together.
  const familyOfContact = new Map<string, string>();
  for (const f of problem.families)
    for (const c of f.contacts ?? []) {
      if ((familyOfContact.get(c) ?? f.id) !== f.id) return null;
      familyOfContact.set(c, f.id);
    }
  if (
    problem.families.some((f) => f.interpreter && problem.interpreters[f.interpreter] !== undefined)
  )
    return null;
  // One window a day per teacher, rooms for one family.
  const dayOf = new Map<string, TeacherDay>();
  const datesOf = new Map<string, number>();
  for (const w of problem.windows) {
    // Start times on the five-minute grid, as the engine's are.
    if (w.capacity !== 1 || w.end <= w.start || w.start % START_STEP !== 0) return null;
    if (dayOf.has(w.teacherEmail)) return null;
    dayOf.set(w.teacherEmail, {
      teacher: w.teacherEmail,
      date: w.date,
      start: w.start,
      end: w.end,
      students: [],
    });
    // Stryker disable next-line ArithmeticOperator: only how many dates there are is read
    datesOf.set(w.date, (datesOf.get(w.date) ?? 0) + 1);
  }
  // One evening for everyone: a family's conferences all fall on it.
  if (datesOf.size !== 1) return null;
  const family = new Map<string, string[]>();
  for (const s of problem.students) {
    const day = dayOf.get(s.teacherEmail);
    if (!day) return null;
    day.students.push(s.id);
    family.set(s.familyId, [...(family.get(s.familyId) ?? []), s.id]);
  }
  const teacherOf = new Map(problem.students.map((s) => [s.id, s.teacherEmail]));
  const familyOf = new Map(problem.students.map((s) => [s.id, s.familyId]));
  if (problem.mergeSiblings)
    for (const ids of family.values())
      if (new Set(ids.map((id) => teacherOf.get(id))).size < ids.length) return null;

  const teachers = [...dayOf.keys()].sort();
  const index = new Map(teachers.map((t, i) => [t, i]));
  // Stryker disable next-line ArithmeticOperator: phases past pitch repeat, never win a tie
  const phases = pitch / START_STEP;
  /** Whether a conference at phase a, then one at phase b (same teacher or not), follow tightly. */
  const follows = (a: number, b: number, same: boolean) => {
    const d = (b - a) * START_STEP - (same ? L + C : L + B);
    return ((d % pitch) + pitch) % pitch === 0;
  };
  const chains = [...family.values()]
    .filter((ids) => ids.length >= 2 && ids.length <= MAX_CHAIN)
    .map((ids) => ids.map((id) => index.get(teacherOf.get(id)!)!));
  const orders = new Map<number, number[][]>();
  for (let n = 2; n <= MAX_CHAIN; n++) orders.set(n, permutations(n));
  const chainFits = (ts: number[], phase: (t: number) => number) =>
    orders
      .get(ts.length)!
      .some((o) =>
        o.every(
          (k, i) =>
            i === 0 || follows(phase(ts[o[i - 1]!]!), phase(ts[k]!), ts[o[i - 1]!] === ts[k]),
        ),
      );

  // Phases: a local search over teachers for the most sibling families that fit, from each
  // teacher's day starting at the window's start (kept unless another phase fits more).
  const random = seeded(problem.seed);
  const phase = teachers.map((t) => (dayOf.get(t)!.start % pitch) / START_STEP);
  const byTeacher: number[][] = teachers.map(() => []);
  chains.forEach((ts, i) => new Set(ts).forEach((t) => byTeacher[t]!.push(i)));
  const fitting = (p: number[], list: number[]) =>
    list.reduce((n, i) => n + (chainFits(chains[i]!, (t) => p[t]!) ? 1 : 0), 0);
  for (let improved = true; improved;) {
    improved = false;
    for (let t = 0; t < teachers.length; t++) {
      const was = phase[t]!;
      let best = was;
      let bestScore = fitting(phase, byTeacher[t]!);
      for (let q = 0; q < phases; q++) {
        if (q === was) continue;
        phase[t] = q;
        const score = fitting(phase, byTeacher[t]!);
        if (score > bestScore) {
          best = q;
          bestScore = score;
          improved = true;
        }
      }
      phase[t] = best;
    }
  }

  // A second phase for the teachers whose change lets more families fit than its pause costs.
  const later = [...phase];
  const fitsEither = (i: number) =>
    chainFits(chains[i]!, (t) => phase[t]!) || chainFits(chains[i]!, (t) => later[t]!);
  const changed = new Set<number>();
  for (;;) {
    let best: { t: number; q: number; gain: number } | null = null;
    for (let t = 0; t < teachers.length; t++) {
      if (changed.has(t)) continue;
      const list = byTeacher[t]!;
      const before = list.filter(fitsEither).length;
      for (let q = 0; q < phases; q++) {
        if (q === phase[t]) continue;
        later[t] = q;
        const gain = list.filter(fitsEither).length - before;
        later[t] = phase[t]!;
        if (gain > 0 && (!best || gain > best.gain)) best = { t, q, gain };
      }
    }
    if (!best) break;
    later[best.t] = best.q;
    changed.add(best.t);
  }

  // Start times per teacher: from the first start of its phase, one pitch apart; a teacher who
  // changes phase does so where the families needing the first phase have had their share.
  const slots: { teacher: number; time: number }[] = [];
  for (let t = 0; t < teachers.length; t++) {
    const day = dayOf.get(teachers[t]!)!;
    const first = (p: number, from: number) => {
      let s = from;
      while ((((s - p * START_STEP) % pitch) + pitch) % pitch !== 0) s += START_STEP;
      return s;
    };
    const times: number[] = [];
    let s = first(phase[t]!, day.start);
    let switchAt = Infinity;
    if (changed.has(t)) {
      const list = byTeacher[t]!;
      const early = list.filter((i) => chainFits(chains[i]!, (x) => phase[x]!)).length;
      const late = list.filter(
        (i) => !chainFits(chains[i]!, (x) => phase[x]!) && fitsEither(i),
      ).length;
      switchAt = Math.round((day.students.length * early) / Math.max(1, early + late));
    }
    while (s + L <= day.end && times.length < day.students.length) {
      times.push(s);
      s += pitch;
      if (times.length === switchAt) s = first(later[t]!, s);
    }
    if (times.length < day.students.length) {
      // The change does not leave room for everyone: keep one phase.
      times.length = 0;
      s = first(phase[t]!, day.start);
      changed.delete(t);
      while (s + L <= day.end && times.length < day.students.length) {
        times.push(s);
        s += pitch;
      }
      if (times.length < day.students.length) return null;
    }
    for (const time of times) slots.push({ teacher: t, time });
  }
  slots.sort((a, b) => a.time - b.time || a.teacher - b.teacher);

  // Lay the conferences on those starts in time order.
  const taken = new Map<string, string>();
  const slotKey = (t: number, time: number) => `${t}|${time}`;
  const hasSlot = new Set(slots.map((x) => slotKey(x.teacher, x.time)));
  const start = new Map<string, number>();
  const left: Set<string>[] = teachers.map(() => new Set());
  for (const s of problem.students) left[index.get(s.teacherEmail)!]!.add(s.id);
  const familyIds = [...family.keys()];
  for (let i = familyIds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [familyIds[i], familyIds[j]] = [familyIds[j]!, familyIds[i]!];
  }
  const rankOf = new Map(familyIds.map((f, i) => [f, i]));
  const sizeOf = (id: string) => family.get(familyOf.get(id)!)!.length;
  // Each teacher's students in the families' (shuffled) order, and for starting chains the
  // largest families first; both looked at minus whoever is placed.
  const byRank = left.map((ids) =>
    [...ids].sort((a, b) => rankOf.get(familyOf.get(a)!)! - rankOf.get(familyOf.get(b)!)!),
  );
  const bySize = byRank.map((ids) =>
    ids
      .filter((id) => sizeOf(id) >= 2 && sizeOf(id) <= MAX_CHAIN)
      .sort((a, b) => sizeOf(b) - sizeOf(a)),
  );
  /** Families that fit back to back in neither phase. */
  const unfit = new Set(
    [...family.entries()]
      .filter(([, ids]) => {
        // Stryker disable next-line BooleanLiteral: read for families of 2 to 4 only
        if (ids.length < 2 || ids.length > MAX_CHAIN) return false;
        const ts = ids.map((x) => index.get(teacherOf.get(x)!)!);
        return !(chainFits(ts, (t) => phase[t]!) || chainFits(ts, (t) => later[t]!));
      })
      .map(([f]) => f),
  );
  /** Families whose conferences have been given starts as a chain. */
  const chained = new Set<string>();
  /** Whether a family is free from `time` for a conference with teacher t. */
  const familyFree = (f: string, t: number, time: number) =>
    family.get(f)!.every((id) => {
      const at = start.get(id);
      if (at === undefined) return true;
      const gap = index.get(teacherOf.get(id)!) === t ? C : B;
      return at + L + gap <= time || time + L + gap <= at;
    });
  const place = (id: string, time: number) => {
    start.set(id, time);
    left[index.get(teacherOf.get(id)!)!]!.delete(id);
  };
  /** Starts a sibling family here and reserves its next teachers' starts; returns who starts. */
  const startChain = (
    slot: { teacher: number; time: number },
    delays: number[],
    onlyUnfit: boolean,
  ): string | null => {
    const unstarted = bySize[slot.teacher]!.filter((id) =>
      family.get(familyOf.get(id)!)!.every((x) => !start.has(x)),
    );
    for (const delay of delays)
      for (const id of unstarted) {
        const ids = family.get(familyOf.get(id)!)!;
        if (onlyUnfit && !unfit.has(familyOf.get(id)!)) continue;
        const others = ids.filter((x) => x !== id);
        for (const o of orders.get(others.length) ?? [[0]]) {
          let time = slot.time;
          let prev = slot.teacher;
          const keys: [string, string][] = [];
          for (const k of o) {
            const t = index.get(teacherOf.get(others[k]!)!)!;
            time += L + (t === prev ? C : B) + delay;
            const sk = slotKey(t, time);
            // Stryker disable next-line ArrowFunction: a chain's times only grow
            if (!hasSlot.has(sk) || taken.has(sk) || keys.some(([x]) => x === sk)) break;
            keys.push([sk, others[k]!]);
            prev = t;
          }
          if (keys.length === others.length) {
            for (const [sk, x] of keys) taken.set(sk, x);
            chained.add(familyOf.get(id)!);
            return id;
          }
        }
      }
    return null;
  };
  for (const slot of slots) {
    const key = slotKey(slot.teacher, slot.time);
    const reserved = taken.get(key);
    if (reserved !== undefined) {
      place(reserved, slot.time);
      continue;
    }
    const mine = byRank[slot.teacher]!.filter((id) => !start.has(id));
    // A sibling family not started yet whose next teachers have the starts it needs free (one
    // that fits nowhere back to back a few minutes later); then a family of one; then any sibling
    // family a few minutes apart; then anyone free, nearest their other conferences.
    let chosen: string | null = startChain(slot, [0], false);
    chosen ??= startChain(slot, SHORT_WAITS, true);
    chosen ??= mine.find((id) => sizeOf(id) === 1) ?? null;
    chosen ??= startChain(slot, SHORT_WAITS, false);
    if (!chosen) {
      let best = Infinity;
      for (const id of mine) {
        const f = familyOf.get(id)!;
        if (chained.has(f) || !familyFree(f, slot.teacher, slot.time)) continue;
        let cost = NOT_NEAR;
        for (const x of family.get(f)!) {
          const at = start.get(x);
          if (at !== undefined) cost = Math.min(cost, Math.abs(slot.time - at));
        }
        if (cost < best) {
          best = cost;
          chosen = id;
        }
      }
    }
    if (chosen) place(chosen, slot.time);
  }
  // Anyone left goes where their teacher and family are both free, nearest the teacher's block.
  const teacherFree = (t: number, time: number) => {
    for (const id of dayOf.get(teachers[t]!)!.students) {
      const at = start.get(id);
      if (at !== undefined && at < time + L + C && time < at + L + C) return false;
    }
    return true;
  };
  for (let t = 0; t < teachers.length; t++)
    for (const id of [...left[t]!]) {
      const day = dayOf.get(teachers[t]!)!;
      let best: number | null = null;
      let bestDistance = Infinity;
      const placed = day.students.map((x) => start.get(x)).filter((x) => x !== undefined);
      for (let time = day.start; time + L <= day.end; time += START_STEP) {
        if (!teacherFree(t, time) || !familyFree(familyOf.get(id)!, t, time)) continue;
        const distance = Math.min(...placed.map((x) => Math.abs(x - time)));
        if (distance < bestDistance) {
          best = time;
          bestDistance = distance;
        }
      }
      if (best === null) return null;
      place(id, best);
    }
  return { start };
}
