/**
 * The scheduling engine: a greedy construction (hardest families first, each family's
 * conferences placed together) followed by a large-neighbourhood search (remove a few related
 * families, put them back in another order, keep the result when it is no worse). Seeded, so the
 * same input gives the same schedule.
 *
 * Time model: conferences start every five minutes from a window's start, anywhere a whole
 * conference fits. Each teacher day is a minute-by-minute count of the places held (a conference
 * holds one from its start until the teacher's changeover after it has passed) against the
 * families the windows host at once, so a window holds as many conferences as its length and the
 * changeover allow. The family's buffer applies only between rooms. Interpreters and families are
 * checked on real time intervals.
 */
import { suits } from '../meeting';
import { nextRandom } from '../random';
import { planBlocks } from './evening';
import { conferencesInWindow, START_STEP } from '../../shared/windows';
import type {
  Conference,
  Problem,
  Quality,
  SchedFamily,
  Schedule,
  TeacherWindow,
  Unplaced,
} from './types';

/** localeCompare's order, from one collator rather than one made per comparison. */
const collate = new Intl.Collator().compare;

/** The limit of a minute outside every window: only a changeover runs there. */
const OPEN = 0x7fff;

export { conferencesInWindow, START_STEP };

/** Students per place from which a teacher has hardly a place to spare. */
const TIGHT = 0.9;

/** Minutes from a family's other conferences within which a start counts as near. */
const NEAR = 60;

/** Starts of a family's first conference around which its others are fitted. */
const ANCHOR_STARTS = 10;

/**
 * Once the search has gone STALL tries without a better schedule while more than the surplus is
 * left out, every WHOLE_DAY-th try to make room for a unit left out lays its teacher's whole day
 * again (see `packDay`); so does every WHOLE_DAY-th try once only the surplus is left out while a
 * family that answered the availability form is among those left out (only a day laid again in
 * another order may seat it in place of a family that gave no times). Never on the benchmark's
 * instances: their schedules are the same with it.
 */
const WHOLE_DAY = 3;
const STALL = 20;

export const WEIGHTS = {
  unplaced: 10_000,
  /**
   * More per student left out whose family answered the availability form: when a teacher has
   * more students than places, a family that gave no times waits before one that did (it can
   * take any time that frees up). More than any rank costs, far less than a place.
   */
  answeredWaits: 100,
  rank: 30,
  /** A family whose conferences fall on different days. */
  splitDays: 200,
  /** Per minute a family waits between its conferences (beyond the buffer). */
  waitMinute: 1,
  /** Per extra block of an interpreted language on a day. */
  languageBlock: 15,
  /** A start off the packing grid (see Day.offGrid), for a teacher with places to spare… */
  offGrid: 0.3,
  /** …and for one with hardly any (more than a family's short wait, less than a rank). */
  offGridTight: 25,
  /** Per idle minute between a teacher's first and last conference of a day. */
  idleMinute: 0.5,
};

/** One teacher's conference day: every window of theirs on that date, minute by minute. */
interface Day {
  teacher: string;
  date: string;
  /** The minute index 0 stands for. */
  origin: number;
  /** Per minute: places held (by a conference or the changeover after it). */
  used: Int16Array;
  /** Per minute: places the windows offer then (see OPEN for the minutes outside them). */
  limit: Int16Array;
  /** Conferences the day's windows hold, for spreading a teacher's load over days. */
  places: number;
  /**
   * What a start off the day's packing grid (the window's start plus whole conferences and
   * changeovers) costs: a lot when the teacher has hardly a place to spare, since each such
   * start can leave minutes no conference fits in.
   */
  offGrid: number;
  /** Conferences placed by the engine that day. */
  placements: Placement[];
  /** Conferences of the day kept as they are (locked, invited). */
  fixed: Placement[];
  /** Per interpreted language, its conferences that date (the lists of `interp`, found once). */
  languages: Map<string, Interval[]>;
}

interface Interval {
  start: number;
  end: number;
}

interface Candidate {
  day: number;
  start: number;
  /** The availability rank it meets (0 when the family gave none). */
  rank: number;
  windowStart: number;
  windowEnd: number;
  /** Whether it is on the window's packing grid (see Day.offGrid). */
  onGrid: boolean;
}

interface Unit {
  key: number;
  familyId: string;
  /** Its family's conferences and units (the search reads them for every start it tries). */
  family: Family;
  teacher: string;
  studentIds: string[];
  len: number;
  /**
   * Every start that fits the teacher's windows and the family's availability, in time order;
   * the same list (never changed) for each unit asking the same of the same teacher.
   */
  candidates: Candidate[];
  /** The least rank cost any candidate has: nothing the search does can beat it. */
  bestRankCost: number;
  /** What leaving the unit out costs (see WEIGHTS.answeredWaits). */
  missCost: number;
  /** Whether its family answered the availability form (gave times). */
  answered: boolean;
  /** The family's interpreted language, or ''. */
  language: string;
  /** The teacher's day on each date, looked up once rather than per start tried. */
  dayOn: Map<string, number>;
  /**
   * The unit's one placement, rewritten each time it is placed: the construction and the search
   * place and take back units hundreds of thousands of times, and a new object each time kept
   * the garbage collector busy.
   */
  slot: Placement;
  /** The start it is placed at, or was last (to put it back after a move). */
  at: Candidate | null;
}

/**
 * A family as the search sees it. Its lists are reached from each of its units, not looked up
 * by the family's id in a Map: the search reads them for every start it tries, and each lookup
 * was code compiled again in every function it was inlined into.
 */
interface Family {
  id: string;
  /** Its conferences, kept and placed. */
  placed: Placement[];
  /** Its units (none when all its conferences are kept). */
  units: Unit[];
  /** The other families that share one of its contacts (who is then in both). */
  sharing: Family[];
  /** Its interpreted language, or ''. */
  language: string;
  /** Whether it ever had a conference: the schedule lists families in that order. */
  listed: boolean;
}

/** Where and when a conference is, as the family's costs see it. */
interface Slot {
  teacher: string;
  date: string;
  start: number;
  end: number;
  rank: number;
}

interface Placement extends Slot {
  unit: number;
  /** -1 when the teacher has no window that day (a kept conference). */
  day: number;
  fixed: boolean;
  studentIds: string[];
  /**
   * The interpreted language's conferences that date (see languageList), when it is a unit's
   * with an interpreter: kept here by place, so that taking it out and the search's costs find
   * the list without a lookup.
   */
  interpreted: Interval[] | null;
}

/** Where a unit was before a move, to put it back (its placement is rewritten meanwhile). */
interface Was {
  unit: Unit;
  at: Candidate;
}

const wasOf = (u: Unit): Was => ({ unit: u, at: u.at! });

export interface EngineOptions {
  /** Local-search iterations; default scales with the number of families. */
  iterations?: number;
}

/**
 * The state of one call of buildSchedule. It lives here, not in closures made by each call, so
 * that V8 optimises the search's functions once per process: closures made again on a second
 * call were optimised again, which made the second call slower than the first.
 */
let L = 0;
let B = 0;
let C = 0;
let pitch = 0;
/** The generator's state, set from each problem's seed (one generator for the process). */
const randomState = new Uint32Array(1);
const random = () => nextRandom(randomState);
let interpreters: Record<string, number> = {};
let families = new Map<string, SchedFamily>();
/** The search's families by id (see Family), for setting up; and in the order first placed. */
let familyById = new Map<string, Family>();
let listed: Family[] = [];
let days: Day[] = [];
/** The longest conference there is, kept or placed (a merged pair is twice as long). */
let longest = 0;
let interp = new Map<string, Interval[]>();
let units: Unit[] = [];
/** The families with units, in the order of their first unit. */
let withUnits: Family[] = [];
let placement: (Placement | null)[] = [];
/**
 * The anchor's best starts (insertFamily), cheapest first. Kept here, like the other scratch
 * lists of insertFamily below, so that trying a family allocates nothing.
 */
const topStarts: Candidate[] = [];
let topCosts = new Float64Array(0);
/** The starts of the option being tried and of the best one so far, by index in the family. */
let tried: (Candidate | null)[] = [];
let kept: (Candidate | null)[] = [];

export function buildSchedule(
  problem: Problem,
  options: EngineOptions = {},
): Schedule & { quality: Quality } {
  interpreters = problem.interpreters;
  L = problem.conferenceMinutes;
  B = problem.bufferMinutes;
  C = problem.changeoverMinutes ?? 0;
  pitch = Math.ceil((L + C) / START_STEP) * START_STEP;
  randomState[0] = problem.seed >>> 0;
  families = new Map(problem.families.map((f) => [internal(f.id), f]));
  familyById = new Map();
  listed = [];
  const sharing = new Map<string, string[]>();
  const familiesOfContact = new Map<string, string[]>();
  for (const f of problem.families)
    for (const c of new Set(f.contacts ?? []))
      familiesOfContact.set(c, [...(familiesOfContact.get(c) ?? []), internal(f.id)]);
  for (const list of familiesOfContact.values())
    for (const f of list)
      for (const g of list)
        if (f !== g && !(sharing.get(f) ?? []).includes(g))
          sharing.set(f, [...(sharing.get(f) ?? []), g]);
  for (const [f, others] of sharing) familyOf(f).sharing = others.map(familyOf);

  // Teacher days, each with its windows in time order.
  const windows: TeacherWindow[] = [...problem.windows].sort(
    (a, b) =>
      collate(a.teacherEmail, b.teacherEmail) || collate(a.date, b.date) || a.start - b.start,
  );
  days = [];
  const dayIndex = new Map<string, number>();
  const windowsOfDay = new Map<number, TeacherWindow[]>();
  for (const w of windows) {
    if (w.end <= w.start) continue;
    const key = dayKey(w.teacherEmail, w.date);
    if (!dayIndex.has(key)) {
      dayIndex.set(key, days.length);
      days.push({
        teacher: internal(w.teacherEmail),
        date: internal(w.date),
        origin: w.start,
        used: new Int16Array(0),
        limit: new Int16Array(0),
        places: 0,
        offGrid: 0,
        placements: objectList(),
        fixed: objectList(),
        languages: new Map(),
      });
    }
    const d = dayIndex.get(key)!;
    addTo(windowsOfDay, d, w);
    days[d]!.places += Math.max(0, w.capacity) * conferencesInWindow(w, L, C);
  }
  days.forEach((d, i) => {
    const ws = windowsOfDay.get(i)!;
    const end = Math.max(...ws.map((w) => w.end)) + C + 1;
    d.used = new Int16Array(end - d.origin);
    // Outside the windows only a changeover can run (no conference starts there), so it holds
    // no one up; overlapping windows of one teacher offer the larger capacity, not the sum.
    d.limit = new Int16Array(end - d.origin).fill(OPEN);
    const inside = new Uint8Array(end - d.origin);
    for (const w of ws)
      for (let m = w.start - d.origin; m < w.end - d.origin; m++) {
        d.limit[m] = inside[m] ? Math.max(d.limit[m]!, w.capacity) : w.capacity;
        inside[m] = 1;
      }
  });

  longest = Math.max(2 * L, ...problem.fixed.map((c) => c.end - c.start));
  // Kept conferences hold their teacher's places, their family's time and their interpreter.
  const fixedStudents = new Set(problem.fixed.flatMap((c) => c.studentIds));
  interp = new Map();
  for (const c of problem.fixed) {
    const d = dayIndex.get(dayKey(c.teacherEmail, c.date)) ?? -1;
    const p: Placement = {
      unit: -1,
      day: d,
      teacher: internal(c.teacherEmail),
      date: internal(c.date),
      start: c.start,
      end: c.end,
      rank: c.rank,
      fixed: true,
      studentIds: c.studentIds,
      interpreted: null,
    };
    if (d >= 0) {
      const day = days[d]!;
      hold(day, c.start, c.end, 1);
      day.fixed.push(p);
      // Kept outside the windows (moved by hand): no changeover may run into its start either.
      const m = c.start - day.origin;
      if (m >= 0 && m < day.limit.length && day.limit[m] === OPEN) day.limit[m] = 0;
    }
    addPlacement(familyOf(internal(c.familyId)), p);
    const lang = languageOf(c.familyId);
    if (lang) addInterpreted(interpKey(lang, c.date), { start: c.start, end: c.end });
  }

  // Units: one per student, or one per same-teacher sibling group when merging.
  units = [];
  const groups = new Map<string, string[]>();
  for (const s of problem.students) {
    if (fixedStudents.has(s.id)) continue;
    // Siblings merge only when the same people are listed for each of them.
    const key = problem.mergeSiblings
      ? `${s.familyId}|${s.teacherEmail}|${[...new Set(s.contacts ?? [])].sort().join(';')}`
      : `${s.id}`;
    addTo(groups, key, s.id);
  }
  const studentById = new Map(problem.students.map((s) => [s.id, s]));
  // Each teacher's windows with a place, in time order, and their days.
  const windowsOf = new Map<string, { w: TeacherWindow; day: number }[]>();
  for (const w of windows) {
    if (w.capacity < 1) continue;
    const day = dayIndex.get(dayKey(w.teacherEmail, w.date));
    if (day !== undefined) addTo(windowsOf, w.teacherEmail, { w, day });
  }
  // Units of one teacher asking the same (length, way to meet, availability) have the same
  // starts: one list for all of them, read and never changed. Made per unit, school-600 had
  // 43,860 start objects where 4,478 serve (600 lists, 93 of them different), all copied by the
  // garbage collector while young, and scanned from ten times the memory.
  const startsFor = new Map<string, Starts>();
  for (const ids of groups.values()) {
    const s = studentById.get(ids[0]!)!;
    const len = Math.min(2, ids.length) * L;
    const family = families.get(s.familyId);
    const availability =
      s.availability !== undefined ? s.availability : (family?.availability ?? null);
    const asked = `${s.teacherEmail}\n${len}\n${family?.meet ?? ''}\n${availabilityKey(availability)}`;
    let starts = startsFor.get(asked);
    if (!starts) {
      const candidates = startsOf(
        windowsOf.get(s.teacherEmail) ?? NONE,
        len,
        availability,
        family?.meet,
      );
      const dayOn = new Map<string, number>();
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        dayOn.set(days[c.day]!.date, c.day);
      }
      const bestRankCost = candidates.reduce((m, c) => Math.min(m, rankCost(c.rank)), Infinity);
      starts = { candidates, dayOn, bestRankCost };
      startsFor.set(asked, starts);
    }
    const key = units.length;
    const teacher = internal(s.teacherEmail);
    const familyId = internal(s.familyId);
    units.push({
      key,
      familyId,
      family: familyOf(familyId),
      teacher,
      studentIds: ids,
      len,
      candidates: starts.candidates,
      bestRankCost: starts.bestRankCost,
      missCost: (WEIGHTS.unplaced + (availability ? WEIGHTS.answeredWaits : 0)) * ids.length,
      answered: availability !== null,
      language: languageOf(s.familyId),
      dayOn: starts.dayOn,
      slot: {
        unit: key,
        day: -1,
        teacher,
        date: '',
        start: 0,
        end: 0,
        rank: 0,
        fixed: false,
        studentIds: ids,
        interpreted: null,
      },
      at: null,
    });
  }
  const demand = new Map<string, number>();
  for (const u of units) demand.set(u.teacher, (demand.get(u.teacher) ?? 0) + u.len / L);
  for (const c of problem.fixed) demand.set(c.teacherEmail, (demand.get(c.teacherEmail) ?? 0) + 1);
  const placesOf = new Map<string, number>();
  for (const d of days) placesOf.set(d.teacher, (placesOf.get(d.teacher) ?? 0) + d.places);
  for (const d of days)
    d.offGrid =
      (demand.get(d.teacher) ?? 0) >= TIGHT * (placesOf.get(d.teacher) ?? 0)
        ? WEIGHTS.offGridTight
        : WEIGHTS.offGrid;
  withUnits = [];
  for (const u of units) {
    if (u.family.units.length === 0) withUnits.push(u.family);
    u.family.units.push(u);
  }
  placement = units.map(() => null);

  // A plan of teachers' days as unbroken blocks, where the problem allows one (see evening.ts);
  // the construction then only places whoever the plan left out.
  const plan = planBlocks(problem);
  if (plan)
    for (const u of units) {
      const at = plan.start.get(u.studentIds[0]!);
      const c = u.candidates.find((x) => x.start === at);
      if (c && feasible(u, c)) place(u, c);
    }

  // Construction: hardest families first.
  const familyIds = withUnits.slice();
  const difficulty = new Map<Family, number>();
  for (const f of familyIds) {
    const us = f.units;
    let minCandidates = Infinity;
    for (const u of us) minCandidates = Math.min(minCandidates, u.candidates.length);
    difficulty.set(f, minCandidates - us.length * 3 * 5 - (f.language ? 25 : 0));
  }
  familyIds.sort((a, b) => difficulty.get(a)! - difficulty.get(b)! || collate(a.id, b.id));
  construct(familyIds);

  // No schedule costs less than every unit at its best rank, and the units with no start at
  // all unplaced: the search stops when it gets there.
  const bound = units.reduce(
    (n, u) => n + (u.candidates.length === 0 ? u.missCost : u.bestRankCost),
    0,
  );

  // A teacher with more students than places leaves that many out whatever the search does
  // (places as counted for the reasons: an upper bound on the conferences a day holds).
  const asked = new Map<string, number>();
  for (const u of units)
    if (u.candidates.length > 0) asked.set(u.teacher, (asked.get(u.teacher) ?? 0) + u.len / L);
  let surplus = 0;
  for (const [teacher, n] of asked) surplus += Math.max(0, n - (placesOf.get(teacher) ?? 0));
  // The units with a start at all, in key order: the search looks among them for those left out.
  const searchable = units.filter((u) => u.candidates.length > 0);

  // Large-neighbourhood search, then the teachers' days closed up. Each in a function of its
  // own: V8 optimises a long loop by compiling the whole function around it, and compiling this
  // one whole cost more than the search saved. A planned day is left to the compaction: the
  // search would trade a teacher's pauses for a sibling's shorter wait (on the one-evening
  // benchmark, 143 of 151 sibling families back to back but 140 idle minutes instead of 132 and
  // 40).
  // A planned day is searched only when the plan and the construction left out a student some
  // search could place (the plan knows no contact two families share: a caseworker's, a phone
  // number's), and only until none is.
  const searches = Math.min(4000, Math.max(200, 60 + familyIds.length * 2));
  const iterations =
    options.iterations ??
    (!plan ? searches : unplacedPlaces(leftOut(searchable)) > surplus ? searches : 0);
  search(familyIds, iterations, bound, surplus, searchable, plan !== null);
  compact();
  const cost = totalCost();

  // Output, with a reason for everyone not placed.
  const conferences: Conference[] = [];
  for (const f of listed) {
    for (const p of f.placed)
      conferences.push({
        studentIds: p.studentIds,
        familyId: f.id,
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
      collate(a.date, b.date) || a.start - b.start || collate(a.teacherEmail, b.teacherEmail),
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
    const refused = (problem.refusedWindows ?? []).filter((r) => r.teacherEmail === u.teacher);
    const teacherName =
      teacherWindows[0]?.teacher ??
      refused[0]?.teacher ??
      problem.students.find((s) => s.teacherEmail === u.teacher && s.teacher)?.teacher ??
      u.teacher;
    const familyName = family?.name ? `the ${family.name} family` : 'this family';
    // A reason is read as a sentence on the Waitlist sheet and in the sidebar: capital first.
    const FamilyName = familyName.charAt(0).toUpperCase() + familyName.slice(1);
    if (teacherWindows.length === 0 && refused.length > 0)
      return `${teacherName}'s conference times could not be read: see Teachers ${refused.length > 1 ? 'rows' : 'row'} ${refused.map((r) => r.row).join(', ')}.`;
    if (teacherWindows.length === 0)
      return `${teacherName} has no windows on the Teachers sheet. Add their conference times.`;
    // A refused window (reversed, unreadable) is often the real bottleneck: the reason says so.
    const unread = refused.length
      ? ` Teachers ${refused.length > 1 ? 'rows' : 'row'} ${refused.map((r) => r.row).join(', ')} could not be read, so ${refused.length > 1 ? 'their times are' : 'its time is'} not counted: fix ${refused.length > 1 ? 'them' : 'it'} first.`
      : '';
    const places = days.filter((d) => d.teacher === u.teacher).reduce((n, d) => n + d.places, 0);
    const demand =
      units.filter((x) => x.teacher === u.teacher).reduce((n, x) => n + x.len / L, 0) +
      problem.fixed.filter((c) => c.teacherEmail === u.teacher).length;
    if (u.candidates.length === 0) {
      const meet = family?.meet;
      if (meet && !teacherWindows.some((w) => suits(w.mode, meet)))
        return `${FamilyName} asked to meet ${meet}, and ${teacherName} has no ${meet} time. Ask the family whether another way suits them, or add a window that offers it.`;
      if (u.answered)
        return `${FamilyName}'s availability misses every window of ${teacherName}. Ask the family for another time, or add a window that suits them.${unread}`;
      return `${teacherName}'s windows are too short for a ${u.len}-minute conference.${unread}`;
    }
    if (demand > places)
      return `${teacherName}'s windows are full: ${demand} ${demand === 1 ? 'conference' : 'conferences'} for ${places} ${places === 1 ? 'place' : 'places'}.${unread || ' Add a window or raise the capacity (families at once).'}`;
    const free = u.candidates.filter((c) => roomFree(days[c.day]!, c.start, c.start + u.len));
    if (free.length === 0)
      return `Every time that suits ${familyName} with ${teacherName} is taken. Ask the family for more times, or add a window.${unread}`;
    const lang = family?.interpreter ?? '';
    if (lang && problem.interpreters[lang] !== undefined) {
      const withoutInterp = free.some(
        (c) => !interpreterFree(lang, days[c.day]!.date, c.start, c.start + u.len),
      );
      if (withoutInterp)
        return `No ${lang} interpreter is free when ${teacherName} has room (${problem.interpreters[lang]} at once). Add interpreters in Settings, or a window at another time.`;
    }
    const shared = u.family.sharing.length
      ? ' (or those of a contact it shares with another family)'
      : '';
    return `The times ${teacherName} has left clash with ${familyName}'s other conferences${shared}. Move a sibling's conference, or add a window.`;
  }

  return { conferences, unplaced, quality: measure(problem, { conferences, unplaced }, cost) };
}

/** A unit's starts, shared by the units asking the same of the same teacher (see Unit). */
interface Starts {
  candidates: Candidate[];
  dayOn: Map<string, number>;
  bestRankCost: number;
}

/** The family's availability as a key: no availability (any time) and an empty list differ. */
const availabilityKey = (availability: SchedFamily['availability']) =>
  availability
    ? `+${availability.map((a) => `${a.date} ${a.start} ${a.end} ${a.rank}`).join(';')}`
    : '-';

/** Every start of a conference `len` long in the windows the family's availability and way to meet allow. */
function startsOf(
  windows: { w: TeacherWindow; day: number }[],
  len: number,
  availability: SchedFamily['availability'],
  meet: SchedFamily['meet'],
): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < windows.length; i++) {
    const { w, day } = windows[i]!;
    // Only windows offering the way the family asked to meet.
    if (!suits(w.mode, meet)) continue;
    for (let start = w.start; start + len <= w.end; start += START_STEP) {
      let rank = 0;
      if (availability) {
        rank = Infinity;
        for (let k = 0; k < availability.length; k++) {
          const a = availability[k]!;
          if (a.date === w.date && a.start <= start && start + len <= a.end)
            rank = Math.min(rank, a.rank);
        }
        if (rank === Infinity) continue;
      }
      candidates.push({
        day,
        start,
        rank,
        windowStart: w.start,
        windowEnd: w.end,
        onGrid: (start - w.start) % pitch === 0,
      });
    }
  }
  return candidates;
}

/** The units of `list` whose family answered the availability form. */
function answeredOnly(list: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of list) if (u.answered) out.push(u);
  return out;
}

/** The units of `list` not placed, in its order. */
function leftOut(list: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of list) if (!placement[u.key]) out.push(u);
  return out;
}

/**
 * Large-neighbourhood search: remove a few related families, put them back, keep if no worse.
 * Stops at `bound` (nothing costs less) or after `iterations`.
 */
function search(
  familyIds: Family[],
  iterations: number,
  bound: number,
  surplus: number,
  searchable: Unit[],
  /** Stop as soon as only the surplus is left out (a planned day keeps its plan otherwise). */
  untilPlaced = false,
): void {
  let cost = totalCost();
  let sinceImprovement = 0;
  let lastUnplaced: Unit[] = [];
  wholeTries = 0;
  // The loop calls a function per step: V8 compiles a loop that runs long while it runs, and
  // compiled with everything it calls the loop was the largest piece of code compiled.
  for (let it = 0; it < iterations && familyIds.length > 0 && cost > bound + 1e-9; it++) {
    const left = it % 8 === 0 || lastUnplaced.length > 0 ? leftOut(searchable) : lastUnplaced;
    lastUnplaced = left;
    // Once only the surplus is left out, no search places more: it goes on for the rest, and
    // for a family that answered the form left out where one that gave no times may be placed.
    const atSurplus = unplacedPlaces(left) <= surplus;
    const unplacedUnits = atSurplus ? answeredOnly(left) : left;
    if (atSurplus && (untilPlaced || sinceImprovement > Math.max(200, familyIds.length / 2))) break;
    // Not while only the surplus is left out: then no day holds more than it does.
    const whole =
      (atSurplus ? unplacedUnits.length > 0 : sinceImprovement >= STALL) &&
      it % WHOLE_DAY === WHOLE_DAY - 1;
    if (!reinsert(neighbourhood(unplacedUnits, atSurplus, familyIds, whole ? left : null)))
      sinceImprovement++;
    else {
      if (moveAfter < moveBefore - 1e-9) sinceImprovement = 0;
      else sinceImprovement++;
      cost += moveAfter - moveBefore;
    }
  }
}

/**
 * The families one step of the search takes out and puts back. With `whole` (the units left
 * out), a try to make room for one of them takes its teacher's whole day (`wholeDay`).
 */
function neighbourhood(
  unplacedUnits: Unit[],
  atSurplus: boolean,
  familyIds: Family[],
  whole: Unit[] | null,
): Family[] {
  const chosen: Family[] = objectList();
  if (unplacedUnits.length > 0 && random() < 0.6) {
    // Make room for a unit left out: free the time around one of its starts, so the
    // conferences there can shift along the teacher's day.
    const u = pickOne(unplacedUnits);
    addOnce(chosen, u.family);
    // The families it shares a contact with (a caseworker, a phone number) may have to move
    // for it, wherever they are.
    for (const g of u.family.sharing) addOnce(chosen, g);
    for (let k = 0; k < 2; k++) {
      const c = pickOne(u.candidates);
      if (whole) {
        // The teacher's whole day, and every unit left out that could be seen that day: a
        // day whose starts were taken in the wrong order (a family whose only time falls
        // between two others' holding a place each side) is laid again in a new one.
        wholeDay = c.day;
        const day = days[c.day]!;
        for (const p of day.placements) if (!p.fixed) addOnce(chosen, units[p.unit]!.family);
        for (const v of whole)
          if (v.teacher === u.teacher && v.candidates.some((x) => x.day === c.day))
            addOnce(chosen, v.family);
        break;
      }
      const from = c.start - L - C;
      const to = c.start + u.len + C + L + C;
      const day = days[c.day]!;
      for (const p of day.placements)
        if (p.start < to && from < p.end) addOnce(chosen, units[p.unit]!.family);
      // Only families that gave no times may make way now: one of them, anywhere that day,
      // goes back in too, so the time it holds can pass along to the family left out.
      if (atSurplus) {
        const quiet = day.placements.filter((p) => !units[p.unit]!.answered);
        if (quiet.length > 0) addOnce(chosen, units[pickOne(quiet).unit]!.family);
      }
    }
  } else {
    const f = pickOne(familyIds);
    addOnce(chosen, f);
    const p = f.placed.find((x) => !x.fixed);
    const d = p ? days[p.day]! : null;
    const gap = d && random() < 0.5 ? idleGap(d) : null;
    if (gap) {
      // Close a gap in this teacher's day: the conferences around it may all shift.
      const from = gap.start - 2 * pitch;
      const to = gap.end + 2 * pitch;
      for (const q of d!.placements)
        if (q.start < to && from < q.end) addOnce(chosen, units[q.unit]!.family);
    } else
      for (let k = 0; k < 3 && d && d.placements.length > 0; k++)
        addOnce(chosen, units[pickOne(d.placements).unit]!.family);
  }
  return chosen;
}

/** What the families a step of the search touched cost before it and after (see reinsert). */
let moveBefore = 0;
let moveAfter = 0;
/** The day a step took whole (see neighbourhood), else -1; and how many such steps this search made. */
let wholeDay = -1;
let wholeTries = 0;

/**
 * Takes the chosen families out and puts them back in a random order; keeps the result when it
 * costs no more (the costs in moveBefore and moveAfter), else puts everything back as it was.
 */
function reinsert(chosen: Family[]): boolean {
  // Its lists are walked by index, not with for…of: V8 wraps each for…of in a try/finally that
  // closes the iterator, and compiled every call in such a loop with the paths out of it (see
  // localCost). Same steps, fewer instructions in a first call.
  const teacherDays: number[] = [];
  const languageDays: Interval[][] = objectList();
  for (let i = 0; i < chosen.length; i++) keysOf(chosen[i]!, teacherDays, languageDays);
  const before = localCost(chosen, teacherDays, languageDays);
  const removed: Was[] = [];
  for (let i = 0; i < chosen.length; i++)
    for (let k = 0; k < chosen[i]!.units.length; k++) {
      const u = chosen[i]!.units[k]!;
      const p = placement[u.key];
      if (p) {
        removed.push(wasOf(u));
        unplace(u);
      }
    }
  const order = chosen.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // Swapped through a local: a destructuring swap walks an iterator too.
    const f = order[i]!;
    order[i] = order[j]!;
    order[j] = f;
  }
  const packing = wholeDay;
  wholeDay = -1;
  // Every other whole day is packed (the most it holds); the rest go back as any step's
  // families do, each at its best start in a random order, which packing does not weigh.
  if (packing >= 0 && (wholeTries++ & 1) === 0) packDay(order, packing, (wholeTries & 2) === 0);
  else for (let i = 0; i < order.length; i++) insertFamily(order[i]!);
  for (let i = 0; i < chosen.length; i++) keysOf(chosen[i]!, teacherDays, languageDays);
  const after = localCost(chosen, teacherDays, languageDays);
  moveBefore = before;
  moveAfter = after;
  // Costs outside the touched families and days did not change.
  if (after <= before) return true;
  for (let i = 0; i < chosen.length; i++)
    for (let k = 0; k < chosen[i]!.units.length; k++) unplace(chosen[i]!.units[k]!);
  for (let i = 0; i < removed.length; i++) place(removed[i]!.unit, removed[i]!.at);
  return false;
}

/**
 * A teacher's day laid again to hold as many as it can: the families seen only there, each at its
 * earliest start still free, the one whose last start that day comes first going first (as one
 * packs conferences of one length between their earliest and latest starts) or, on alternate
 * packed tries (`byLastStart` false), in the drawn order, those that answered the form before
 * those that gave no times (a family with two separate times fits where the other order fails);
 * the others as usual. The search's other steps then trade starts for choices and idle minutes,
 * never a place.
 */
function packDay(order: Family[], day: number, byLastStart: boolean): void {
  const lastStart = new Map<Family, number>();
  const rest: Family[] = [];
  for (const f of order) {
    const own = f.units;
    let last = -1;
    if (own.length === 1) for (const c of own[0]!.candidates) if (c.day === day) last = c.start;
    if (last < 0) rest.push(f);
    else lastStart.set(f, last);
  }
  const packed = [...lastStart.keys()];
  if (byLastStart) packed.sort((a, b) => lastStart.get(a)! - lastStart.get(b)!);
  else packed.sort((a, b) => quietness(a) - quietness(b));
  for (const f of packed) {
    const u = f.units[0]!;
    const c = u.candidates.find((x) => x.day === day && feasible(u, x));
    if (c) place(u, c);
    else rest.push(f);
  }
  for (const f of rest) insertFamily(f);
}

/** 1 for a family that gave no times (it can go anywhere, so it is seated last), else 0. */
const quietness = (f: Family) => (f.units[0]!.answered ? 0 : 1);

/**
 * Compaction: close the gaps in teachers' days by sliding the block of conferences on one side
 * of a gap towards the other, kept when nothing costs more (a sibling's wait included).
 */
function compact(): void {
  for (let pass = 0; pass < 3; pass++) {
    let closed = 0;
    for (const d of days)
      for (const gap of idleGaps(d)) {
        // The day's other gaps have moved: the next pass finds them again.
        if (closeGap(d, gap)) {
          closed++;
          break;
        }
      }
    if (closed === 0) break;
  }
}

/**
 * Slides the conferences on one side of a gap into it: the whole gap when they can start there,
 * else as far as they can (a family that cannot come earlier, a conference kept where it was),
 * the largest shift first.
 */
function closeGap(d: Day, gap: { start: number; end: number }): boolean {
  const whole = Math.floor((gap.end - gap.start) / START_STEP) * START_STEP;
  for (let shift = whole; shift > 0; shift -= START_STEP)
    if (slideBlock(d, gap, shift) || slideBlock(d, gap, -shift)) return true;
  return false;
}

/** Places the families in the order given (its own function for the same reason as search). */
function construct(familyIds: Family[]): void {
  for (const f of familyIds) insertFamily(f);
}

const unplacedPlaces = (list: Unit[]) => list.reduce((n, u) => n + u.len / L, 0);

const pickOne = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

/** Adds `x` to a short list of distinct values (a Set's order, without its iterators). */
const addOnce = <T>(list: T[], x: T) => {
  if (!list.includes(x)) list.push(x);
};

const languageOf = (familyId: string) => families.get(familyId)?.interpreter ?? '';

/** The search's family of an id, made when first asked for. */
function familyOf(id: string): Family {
  let f = familyById.get(id);
  if (!f) {
    f = {
      id,
      placed: objectList(),
      units: objectList(),
      sharing: NONE,
      language: languageOf(id),
      listed: false,
    };
    familyById.set(id, f);
  }
  return f;
}

/** Adds a conference to its family's, listing the family when it is its first. */
function addPlacement(f: Family, p: Placement): void {
  if (!f.listed) {
    f.listed = true;
    listed.push(f);
  }
  f.placed.push(p);
}

const addTo = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** Removes `v` from the list, keeping the order (without splice's array of what it removed). */
const removeFrom = <V>(list: V[] | undefined, v: V) => {
  const i = list ? list.indexOf(v) : -1;
  if (i < 0) return;
  for (let j = i + 1; j < list!.length; j++) list![j - 1] = list![j]!;
  list!.pop();
};

/** Puts `v` at index i of the list, moving the rest up one. */
const insertAt = <V>(list: V[], i: number, v: V) => {
  list.push(v);
  for (let j = list.length - 1; j > i; j--) list[j] = list[j - 1]!;
  list[i] = v;
};

const dayKey = (teacher: string, date: string) => `${teacher}|${date}`;

/**
 * The one string V8 keeps for a property name with this text ("internalized"): two such strings
 * compare by address, and a Map finds one by address. The dates, teachers and family ids the
 * search compares hundreds of thousands of times were, as read from the sheets, compared
 * character by character.
 */
const internal = (text: string): string => Object.keys({ [text]: 0 })[0]!;

/** Holds (delta 1) or frees (-1) the teacher's places from `start` to the changeover's end. */
const hold = (d: Day, start: number, end: number, delta: number) => {
  // The day's arrays in locals: until V8 has optimised this loop, each `d.used` is a lookup.
  const used = d.used;
  const from = Math.max(0, start - d.origin);
  const to = Math.min(used.length, end + C - d.origin);
  for (let m = from; m < to; m++) used[m] = used[m]! + delta;
};

/** Whether the teacher has a place from `start` until the changeover after `end`. */
const roomFree = (d: Day, start: number, end: number) => {
  const used = d.used;
  const limit = d.limit;
  const to = end + C - d.origin;
  for (let m = start - d.origin; m < to; m++) if (used[m]! >= limit[m]!) return false;
  return true;
};

const interpKey = (lang: string, date: string) => `${lang}|${date}`;

/**
 * An empty list already of the kind V8 gives a list of objects: code optimised for the lists
 * of placements is thrown away (deoptimised) when it meets a list of another kind, as a fresh
 * `[]` is until something is pushed into it.
 */
function objectList<T>(): T[] {
  const list = [null] as unknown as T[];
  list.pop();
  return list;
}

const NONE: never[] = objectList();

/** Keeps each language's day in start order, for the interpreter check and the blocks. */
const addInterpreted = (key: string, x: Interval) => {
  const list = interp.get(key);
  if (!list) return void interp.set(key, [x]);
  insertInterval(list, x);
};

const insertInterval = (list: Interval[], x: Interval) => {
  let i = list.length;
  while (i > 0 && list[i - 1]!.start > x.start) i--;
  insertAt(list, i, x);
};

function interpreterFree(lang: string, date: string, start: number, end: number): boolean {
  return interpreterFreeIn(lang, interp.get(interpKey(lang, date)) ?? NONE, start, end);
}

/** The day's list of a language's conferences, made when first asked for. */
function languageList(d: Day, lang: string): Interval[] {
  let list = d.languages.get(lang);
  if (!list) {
    const key = interpKey(lang, d.date);
    list = interp.get(key);
    if (!list) interp.set(key, (list = objectList()));
    d.languages.set(lang, list);
  }
  return list;
}

/** Whether an interpreter of `lang` is free from start to end, given its conferences that day. */
function interpreterFreeIn(lang: string, all: Interval[], start: number, end: number): boolean {
  const limit = interpreters[lang];
  if (!lang || limit === undefined) return true;
  // The list is in start order and nothing in it is longer than `longest`.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start <= start - longest) lo = mid + 1;
    else hi = mid;
  }
  let overlapping = 0;
  for (let i = lo; i < all.length; i++) {
    const x = all[i]!;
    if (x.start >= end) break;
    if (start < x.end) overlapping++;
  }
  if (overlapping < limit) return true;
  // As many as the limit meet the time, though perhaps never all at once: count those under way
  // at each moment the number can rise, its start and each of theirs that falls inside it. No
  // list is made for it: on district-2000 this path ran often enough that its lists kept the
  // garbage collector busy.
  for (let j = lo - 1; j < all.length; j++) {
    const t = j < lo ? start : all[j]!.start;
    if (t >= end) break;
    if (j >= lo && t <= start) continue;
    let under = 0;
    for (let i = lo; i < all.length && all[i]!.start <= t; i++) if (t < all[i]!.end) under++;
    if (under >= limit) return false;
  }
  return true;
}

/** The family (and anyone of it who also comes for another family) fits this time. */
function familyFree(u: Unit, date: string, start: number, end: number): boolean {
  // The family itself first, then the others, through one call: V8 threw the optimised check
  // away when a family sharing a contact first came to a second call it had never seen made.
  const others = u.family.sharing;
  for (let i = -1; i < others.length; i++) {
    const f = i < 0 ? u.family : others[i]!;
    if (!clear(f.placed, u, date, start, end)) return false;
  }
  return true;
}

/** None of `list` is at the time, nor within the buffer of it in another room. */
function clear(
  list: Placement[] | undefined,
  u: Unit,
  date: string,
  start: number,
  end: number,
): boolean {
  if (!list) return true;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.date === date && clashes(p, u.teacher, start, end)) return false;
  }
  return true;
}

/** A conference of the family's that day is at the time, or within the buffer in another room. */
function clashes(p: Placement, teacher: string, start: number, end: number): boolean {
  if (p.start < end && start < p.end) return true;
  return p.teacher !== teacher && (p.start >= end ? p.start - end : start - p.end) < B;
}

function feasible(u: Unit, c: Candidate): boolean {
  const d = days[c.day]!;
  const end = c.start + u.len;
  return (
    roomFree(d, c.start, end) &&
    familyFree(u, d.date, c.start, end) &&
    (!u.language || interpreterFreeIn(u.language, languageList(d, u.language), c.start, end))
  );
}

/**
 * One function places a unit, whether it is tried somewhere or put back where it was: V8
 * compiled each function that placed it again, and inlined into each of their callers.
 */
function place(u: Unit, c: Candidate): void {
  const d = days[c.day]!;
  hold(d, c.start, c.start + u.len, 1);
  const p = u.slot;
  p.day = c.day;
  p.date = d.date;
  p.start = c.start;
  p.end = c.start + u.len;
  p.rank = c.rank;
  u.at = c;
  placement[u.key] = p;
  addPlacement(u.family, p);
  d.placements.push(p);
  if (u.language) {
    p.interpreted = languageList(d, u.language);
    insertInterval(p.interpreted, p);
  }
}

function unplace(u: Unit): void {
  const p = placement[u.key];
  if (!p) return;
  const d = days[p.day]!;
  hold(d, p.start, p.end, -1);
  placement[u.key] = null;
  removeFrom(u.family.placed, p);
  removeFrom(d.placements, p);
  if (p.interpreted) removeFrom(p.interpreted, p);
}

/** Cost of one family's placements (`family.placed`): ranks, days, waiting. */
function familyCost(placed: Placement[]): number {
  let cost = 0;
  let dates = 0;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    cost += rankCost(p.rank);
    // Count each date once, at its first conference in the list.
    let firstOfDate = true;
    // The conference just before this one on its date: the family waits between them.
    let before: Slot | null = null;
    for (let j = 0; j < placed.length; j++) {
      if (j === i) continue;
      const q = placed[j]!;
      if (q.date !== p.date) continue;
      if (j < i) firstOfDate = false;
      if (
        (q.start < p.start || (q.start === p.start && j < i)) &&
        (!before || q.start > before.start)
      )
        before = q;
    }
    if (firstOfDate) dates++;
    if (before) cost += waitBetween(before.teacher, before.end, p.teacher, p.start);
  }
  return cost + WEIGHTS.splitDays * Math.max(0, dates - 1);
}

/**
 * What one more conference adds to the cost of a family's placements (familyCost), for
 * every start tried, so in one pass over a few conferences: its rank, its wait after the
 * conference before it, the next one's wait after it instead, and a day more on a new date.
 * Infinity when it clashes with one of them (see clear): such a start never fits, and is
 * dropped here before its holes are measured.
 */
function addedCost(
  placed: Placement[],
  teacher: string,
  date: string,
  start: number,
  end: number,
  rank: number,
): number {
  // Ties go to the first in the list, as in familyCost. Every comparison and wait below is
  // worked out whichever conferences there are (NOTHING_BEFORE and NOTHING_AFTER stand for
  // none): V8 threw the optimised scan away when a comparison or a call it had never seen made
  // first came (a family with conferences both before and after the start).
  let before = NOTHING_BEFORE;
  let next = NOTHING_AFTER;
  let newDate = true;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    if (p.date !== date) continue;
    newDate = false;
    if (clashes(p, teacher, start, end)) return Infinity;
    const earlier = p.start <= start;
    const later = p.start > before.start;
    const sooner = p.start < next.start;
    if (earlier) {
      if (later) before = p;
    } else if (sooner) next = p;
  }
  const cost = rankCost(rank);
  const dayMore = cost + WEIGHTS.splitDays;
  const onNewDate = placed.length > 0 ? dayMore : cost;
  if (newDate) return onNewDate;
  const toStart = waitBetween(before.teacher, before.end, teacher, start);
  const toNext = waitBetween(teacher, end, next.teacher, next.start);
  const across = waitBetween(before.teacher, before.end, next.teacher, next.start);
  const hasBefore = before !== NOTHING_BEFORE;
  const waitBefore = hasBefore ? toStart : 0;
  const withNext = waitBefore + toNext;
  const between = withNext - across;
  const wait = next === NOTHING_AFTER ? waitBefore : hasBefore ? between : withNext;
  return cost + wait;
}

/** No conference before a start (addedCost): its waits come out infinite and are not used. */
const NOTHING_BEFORE: Slot = { teacher: '', date: '', start: -Infinity, end: -Infinity, rank: 0 };
/** No conference after a start (addedCost). */
const NOTHING_AFTER: Slot = { teacher: '', date: '', start: Infinity, end: Infinity, rank: 0 };

/** A family's wait between two conferences of a day beyond the changeover or the buffer. */
function waitBetween(teacher: string, end: number, nextTeacher: string, nextStart: number): number {
  return WEIGHTS.waitMinute * Math.max(0, nextStart - end - (teacher === nextTeacher ? C : B));
}

/**
 * A small bias towards starts that leave no hole a conference cannot use (next to a
 * neighbour or a window's edge), that spread a teacher's load over days, and that keep the
 * families of a simultaneous room apart in time.
 */
function startBias(c: Candidate, len: number): number {
  const d = days[c.day]!;
  return dayBias(d, d.used[c.start - d.origin]!) + edgeBias(c, len);
}

/** edgeBias's last part: what a start off the packing grid costs. */
function offGridBias(c: Candidate, d: Day): number {
  return c.onGrid ? 0 : d.offGrid;
}

function dayBias(d: Day, level: number): number {
  return (3 * (d.placements.length + d.fixed.length)) / Math.max(1, d.places) + 0.5 * level;
}

/**
 * What the minutes a start leaves free beside it cost. Between it and a neighbour they are
 * the teacher's idle time (when the room is otherwise empty); up to a window's edge they are
 * a place lost only when the teacher has hardly any to spare; a long stretch may still be
 * used by another conference.
 */
function edgeBias(c: Candidate, len: number): number {
  const d = days[c.day]!;
  const from = c.start - d.origin;
  const to = c.start + len + C - d.origin;
  const level = d.used[from]!;
  const reach = L + C;
  const tight = d.offGrid > 1;
  const used = d.used;
  // Minutes to the window's edge on each side.
  const before = c.start - c.windowStart;
  const after = c.windowEnd - (c.start + len + C);
  let left = 0;
  if (before > 0 && used[from - 1]! <= level) {
    // Walk the minutes, not the hole's length: one sum less per minute.
    const stop = from - 1 - Math.min(reach, before);
    let m = from - 2;
    while (m > stop && used[m]! <= level) m--;
    const hole = from - 1 - m;
    // Each comparison and the idle cost worked out whatever the hole: V8 threw the optimised scan
    // away when a comparison it had never seen made first came (a short hole beside a neighbour).
    const idle = idleBeside(level, hole);
    const long = hole >= reach;
    const inside = hole < before;
    left = long ? 1 : inside ? idle : tight ? 2 : 0.2;
  }
  let right = 0;
  if (after > 0 && used[to]! <= level) {
    const stop = to + Math.min(reach, after);
    let m = to + 1;
    while (m < stop && used[m]! <= level) m++;
    const hole = m - to;
    const idle = idleBeside(level, hole);
    const long = hole >= reach;
    const inside = hole < after;
    right = long ? 0.5 : inside ? idle : tight ? 1.5 : 0.1;
  }
  return left + right + offGridBias(c, d);
}

/**
 * The best start for one unit given what is placed (null when none fits). Beside the
 * family's other conferences first: a start further away makes the family wait at least
 * that long, so it is looked for only when nothing near fits.
 */
function bestStart(u: Unit): Candidate | null {
  const placed = u.family.placed;
  // The family's cost without the start, once: each start adds to it (see addedCost).
  const own = familyCost(placed);
  let best: Candidate | null = null;
  let bestCost = Infinity;
  // The unit's fields in locals: until V8 has optimised the loop, each `u.len` is a lookup.
  const list = u.candidates;
  const len = u.len;
  const teacher = u.teacher;
  // Index k < placed.length: the stretch near the family's k-th conference; then, when nothing
  // near fits, all of them. One scan for both, and in this function rather than one it calls:
  // V8 compiled the scan again for each place it was called from.
  for (let k = 0; k <= placed.length; k++) {
    let from = 0;
    let to = list.length;
    if (k < placed.length) {
      const p = placed[k]!;
      // The unit's starts are in time order, day by day: find the stretch near p.
      const day = u.dayOn.get(p.date);
      if (day === undefined) continue;
      // Each sum and comparison worked out whatever the others give: V8 optimised this function
      // before a start's day first matched p's, and threw its code away when one did (a sum or
      // comparison it had never seen made).
      const first = p.start - NEAR - len;
      const last = p.end + NEAR;
      let hi = list.length;
      while (from < hi) {
        const mid = (from + hi) >> 1;
        const next = mid + 1;
        const c = list[mid]!;
        const dayBefore = c.day < day;
        const sameDay = c.day === day;
        const early = c.start < first;
        if (dayBefore || (sameDay && early)) from = next;
        else hi = mid;
      }
      to = from;
      while (to < list.length && list[to]!.day === day && list[to]!.start < last) to++;
    } else if (best) break;
    // The cheapest start from `from` to `to` that fits and beats the one found so far. One path
    // for a family with conferences and one without (whose own cost is 0 and each start's just
    // its rank): V8 threw its optimised code away when the second kind first came.
    for (let i = from; i < to; i++) {
      const c = list[i]!;
      const d = days[c.day]!;
      const m = c.start - d.origin;
      const level = d.used[m]!;
      if (level >= d.limit[m]!) continue;
      // Cheap parts first: most starts are ruled out before the holes are measured.
      let cost = dayBias(d, level) + random() * 1e-6;
      cost += own + addedCost(placed, teacher, d.date, c.start, c.start + len, c.rank);
      if (cost >= bestCost) continue;
      // edgeBias is at least its grid part (the holes add to it): most starts off the grid lose
      // on that alone, before their holes are measured.
      if (cost + offGridBias(c, d) >= bestCost) continue;
      cost += edgeBias(c, len);
      if (cost >= bestCost) continue;
      if (!feasible(u, c)) continue;
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

/** Places a family's unplaced units together, as many as fit (what is left is seen by the caller). */
function insertFamily(f: Family): void {
  // The family's unplaced units, those with the fewest starts first (a family has a few).
  const todo: Unit[] = [];
  for (const u of f.units) {
    if (placement[u.key]) continue;
    let i = todo.length;
    while (i > 0 && todo[i - 1]!.candidates.length > u.candidates.length) i--;
    insertAt(todo, i, u);
  }
  if (todo.length === 0) return;
  if (todo.length === 1) {
    // One conference to fit around what the family already has.
    const pick = bestStart(todo[0]!);
    if (pick) place(todo[0]!, pick);
    return;
  }
  // Three functions rather than one: V8 compiles each on its own, and compiles again only the
  // one whose rare path (an anchor with nowhere to go) first comes after it was optimised.
  const options = anchorStarts(todo[0]!);
  if (options > 0) placeBestOption(f, todo, options);
  else placeWithoutAnchor(todo);
}

/**
 * The siblings are fitted around the anchor's best few starts only: trying every start
 * multiplies the work by the number of starts and rarely finds a better fit. Leaves them in
 * topStarts, cheapest first, and returns how many there are.
 */
function anchorStarts(anchor: Unit): number {
  if (topCosts.length !== ANCHOR_STARTS) topCosts = new Float64Array(ANCHOR_STARTS);
  let topLength = 0;
  const list = anchor.candidates;
  const len = anchor.len;
  for (let k = 0; k < list.length; k++) {
    const c = list[k]!;
    const d = days[c.day]!;
    const m = c.start - d.origin;
    const level = d.used[m]!;
    if (level >= d.limit[m]!) continue;
    // The holes beside a start cost nothing or more, and adding to a sum never lowers it (in
    // floating point too): a start whose rank, day and grid part alone lose is dropped before
    // they are measured, with the same result.
    const full = topLength === ANCHOR_STARTS;
    const rank = rankCost(c.rank);
    // startBias's sum, with its day part worked out once.
    const day = dayBias(d, level);
    if (full && rank + (day + offGridBias(c, d)) >= topCosts[ANCHOR_STARTS - 1]!) continue;
    const cost = rank + (day + edgeBias(c, len));
    if (full && cost >= topCosts[ANCHOR_STARTS - 1]!) continue;
    if (!feasible(anchor, c)) continue;
    let i = Math.min(topLength, ANCHOR_STARTS - 1);
    while (i > 0 && topCosts[i - 1]! > cost) i--;
    // Insert at i; when the list is full its last falls off.
    for (let j = Math.min(topLength, ANCHOR_STARTS - 1); j > i; j--) {
      topStarts[j] = topStarts[j - 1]!;
      topCosts[j] = topCosts[j - 1]!;
    }
    topStarts[i] = c;
    topCosts[i] = cost;
    topLength = Math.min(topLength + 1, ANCHOR_STARTS);
  }
  return topLength;
}

/**
 * Tries the anchor (todo[0]) at each of its best starts with the others fitted around it, and
 * places the cheapest option; returns how many could not be placed.
 */
function placeBestOption(family: Family, todo: Unit[], options: number): void {
  // The starts of the best option so far, by the index of the unit in todo (null: unplaced).
  let best = false;
  let bestCost = Infinity;
  for (let t = 0; t < options; t++) {
    let cost = 0;
    // The anchor at this option, then each of the others at its best start around it (one
    // place and one startBias for both: V8 compiled each call again into this function).
    for (let k = 0; k < todo.length; k++) {
      const u = todo[k]!;
      const pick = k === 0 ? topStarts[t]! : bestStart(u);
      tried[k] = pick;
      if (pick) {
        place(u, pick);
        cost += startBias(pick, u.len);
      } else cost += u.missCost;
    }
    cost += familyCost(family.placed) + random() * 1e-6;
    for (let k = 0; k < todo.length; k++) unplace(todo[k]!);
    if (!best || cost < bestCost) {
      best = true;
      bestCost = cost;
      const swap = kept;
      kept = tried;
      tried = swap;
    }
  }
  for (let k = 0; k < todo.length; k++) {
    const c = kept[k]!;
    if (c) place(todo[k]!, c);
  }
}

/** The anchor (todo[0]) has nowhere to go; still places the others. */
function placeWithoutAnchor(todo: Unit[]): void {
  for (let k = 1; k < todo.length; k++) {
    const pick = bestStart(todo[k]!);
    if (pick) place(todo[k]!, pick);
  }
}

/** Interpreted languages in blocks: a cost per gap in a language's day (its list, in start order). */
function languageCost(sorted: Interval[]): number {
  let cost = 0;
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.start - sorted[i - 1]!.end > L + B) cost += WEIGHTS.languageBlock;
  return cost;
}

/** A teacher's minutes with no family between the first and last conference of a day. */
function idleMinutes(d: Day): number {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < d.placements.length; i++) {
    first = Math.min(first, d.placements[i]!.start);
    last = Math.max(last, d.placements[i]!.end);
  }
  for (let i = 0; i < d.fixed.length; i++) {
    first = Math.min(first, d.fixed[i]!.start);
    last = Math.max(last, d.fixed[i]!.end);
  }
  let idle = 0;
  const to = Math.min(d.used.length, last - d.origin);
  for (let m = Math.max(0, first - d.origin); m < to; m++) if (d.used[m] === 0) idle++;
  return idle;
}

/** The longest stretch of a teacher's day with nobody in the room between two conferences. */
function idleGap(d: Day): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const gap of idleGaps(d))
    if (!best || gap.end - gap.start > best.end - best.start) best = gap;
  return best;
}

/**
 * Every stretch of a teacher's day with nobody in the room between two conferences, those kept
 * where they were (a conference already sent) included: the teacher waits after them too.
 */
function idleGaps(d: Day): { start: number; end: number }[] {
  let first = Infinity;
  let last = -Infinity;
  for (const list of [d.placements, d.fixed])
    for (const p of list) {
      first = Math.min(first, p.start);
      last = Math.max(last, p.end);
    }
  const gaps: { start: number; end: number }[] = [];
  let open = -1;
  const to = Math.min(d.used.length, last - d.origin);
  for (let m = Math.max(0, first - d.origin); m <= to; m++) {
    const free = m < to && d.used[m] === 0;
    if (free && open < 0) open = m;
    if (!free && open >= 0) {
      gaps.push({ start: open + d.origin, end: m + d.origin });
      open = -1;
    }
  }
  return gaps;
}

/**
 * Moves the conferences that touch a gap on one side (after it when `shift` is positive,
 * before it otherwise) by `shift` minutes towards it, the whole block up to the next gap;
 * undone unless the families and days it touches cost less.
 */
function slideBlock(d: Day, gap: { start: number; end: number }, shift: number): boolean {
  const sorted = [...d.placements].sort((a, b) => a.start - b.start);
  const block: Placement[] = [];
  if (shift > 0) {
    let reach = gap.end;
    for (const p of sorted)
      if (p.start >= gap.end && p.start <= reach) {
        block.push(p);
        reach = Math.max(reach, p.end + C);
      }
  } else {
    let reach = gap.start;
    for (const p of [...sorted].reverse())
      if (p.end + C <= gap.start && p.end + C >= reach) {
        block.push(p);
        reach = Math.min(reach, p.start);
      }
  }
  if (block.length === 0) return false;
  const chosen: Family[] = objectList();
  for (const p of block) addOnce(chosen, units[p.unit]!.family);
  const teacherDays: number[] = [];
  const languageDays: Interval[][] = objectList();
  for (const f of chosen) keysOf(f, teacherDays, languageDays);
  const before = localCost(chosen, teacherDays, languageDays);
  // Families come first: a teacher's day closes up only where no family waits longer for it.
  const familyBefore = new Map(chosen.map((f) => [f, familyCost(f.placed)]));
  const moved: Was[] = [];
  let ok = true;
  for (const p of block) {
    const u = units[p.unit]!;
    unplace(u);
    moved.push(wasOf(u));
    const target = p.start - shift;
    const c = u.candidates.find((x) => x.day === p.day && x.start === target);
    if (!c || !feasible(u, c)) {
      ok = false;
      break;
    }
    place(u, c);
  }
  if (
    ok &&
    localCost(chosen, teacherDays, languageDays) < before - 1e-9 &&
    chosen.every((f) => familyCost(f.placed) <= familyBefore.get(f)!)
  )
    return true;
  for (const was of moved) unplace(was.unit);
  for (const was of moved) place(was.unit, was.at);
  return false;
}

/**
 * The cost of what a set of families touches: their own, their teachers' days, their languages'
 * days. Its lists and idleMinutes's are walked by index (see reinsert): with for…of in these three
 * functions school-600's first call ran about 1,550 million instructions, by index 1,460
 * (cachegrind, node --single-threaded); the second call about 800 million either way.
 */
function localCost(familySet: Family[], teacherDays: number[], languageDays: Interval[][]): number {
  let cost = 0;
  for (let i = 0; i < familySet.length; i++) {
    const f = familySet[i]!;
    for (let k = 0; k < f.units.length; k++)
      if (!placement[f.units[k]!.key]) cost += f.units[k]!.missCost;
    cost += familyCost(f.placed);
  }
  for (let i = 0; i < teacherDays.length; i++)
    cost += WEIGHTS.idleMinute * idleMinutes(days[teacherDays[i]!]!);
  for (let i = 0; i < languageDays.length; i++) cost += languageCost(languageDays[i]!);
  return cost;
}

function totalCost(): number {
  return localCost(
    withUnits,
    days.map((_, i) => i),
    [...interp.values()],
  );
}

function keysOf(f: Family, teacherDays: number[], languageDays: Interval[][]): void {
  for (const p of f.placed) {
    if (p.fixed) continue;
    // Not through addOnce: a list of numbers there as well as of objects slows both down.
    if (!teacherDays.includes(p.day)) teacherDays.push(p.day);
    if (p.interpreted) addOnce(languageDays, p.interpreted);
  }
}

/** Free minutes between a start and its neighbour: idle only when the room is otherwise empty. */
function idleBeside(level: number, minutes: number): number {
  return level === 0 ? WEIGHTS.idleMinute * minutes : 1;
}

function rankCost(rank: number): number {
  return rank > 1 ? WEIGHTS.rank * (rank - 1) : 0;
}

/** Quality figures of any schedule (the engine's or another's). */
export function measure(problem: Problem, schedule: Schedule, cost = 0): Quality {
  const families = new Map(problem.families.map((f) => [f.id, f]));
  const students = new Map(problem.students.map((s) => [s.id, s]));
  const byFamily = new Map<string, Conference[]>();
  for (const c of schedule.conferences)
    byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c]);
  const rankMet = { first: 0, other: 0, none: 0 };
  for (const c of schedule.conferences) {
    const first = students.get(c.studentIds[0]!);
    const times =
      first?.availability !== undefined
        ? first.availability
        : families.get(c.familyId)?.availability;
    if (!times) rankMet.none++;
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
        list[i]!.teacherEmail === list[i - 1]!.teacherEmail
          ? (problem.changeoverMinutes ?? 0)
          : problem.bufferMinutes;
      if (list[i]!.date !== list[i - 1]!.date || gap > expected) tight = false;
      if (list[i]!.date === list[i - 1]!.date) wait += Math.max(0, gap - expected);
    }
    if (tight) backToBack++;
    if (sameDay) waiting.push(wait);
  }
  const placedStudents = schedule.conferences.reduce((n, c) => n + c.studentIds.length, 0);
  // A teacher is idle when no conference, nor the changeover after one, holds their room.
  const changeover = problem.changeoverMinutes ?? 0;
  const byTeacherDay = new Map<string, Conference[]>();
  for (const c of schedule.conferences) {
    const key = `${c.teacherEmail}|${c.date}`;
    byTeacherDay.set(key, [...(byTeacherDay.get(key) ?? []), c]);
  }
  let idleMinutes = 0;
  for (const list of byTeacherDay.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    let reached = sorted[0]!.start;
    for (const c of sorted) {
      if (c.start > reached) idleMinutes += c.start - reached;
      reached = Math.max(reached, c.end + changeover);
    }
  }
  return {
    placed: placedStudents,
    students: problem.students.length,
    rankMet,
    siblingFamilies,
    siblingsBackToBack: backToBack,
    waiting,
    idleMinutes,
    cost,
  };
}
