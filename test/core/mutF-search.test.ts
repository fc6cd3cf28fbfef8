/**
 * What the search after the construction does for families, judged against the best schedule
 * there is: on schools of one or two teachers and four to seven families of one child, every way
 * of seating them is tried (`best` and `leastCost` below, which know nothing of the engine), and
 * the engine's schedule must place as many students, and as many from families that answered the
 * availability form, as the best one, and give choices and idle minutes costing no more. Every
 * schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule, WEIGHTS } from '../../src/core/schedule/engine';
import type {
  Problem,
  Schedule,
  SchedFamily,
  SchedStudent,
  TeacherWindow,
} from '../../src/core/schedule/types';
import { DAY, idleMinutes, plainFamily, problem, win } from './schedproblem';

/** A small random school, the same for the same number (its own generator, not the engine's). */
function school(n: number): Problem {
  let r = (n * 7919 + 13) >>> 0;
  const pick = (k: number) => {
    r = (Math.imul(r, 1103515245) + 12345) >>> 0;
    return Math.floor((r / 4294967296) * k);
  };
  const teachers = 1 + pick(2);
  const changeoverMinutes = [0, 5][pick(2)]!;
  const windows: TeacherWindow[] = [];
  for (let t = 0; t < teachers; t++) windows.push(win(`t${t}@s`, 900, 960 + 5 * pick(6)));
  const students: SchedStudent[] = [];
  const families: SchedFamily[] = [];
  for (let f = 0, count = 4 + pick(4); f < count; f++) {
    const w = windows[pick(teachers)]!;
    // Three families in four answer the form: one or two times, each a first to third choice.
    const availability =
      pick(4) < 3
        ? Array.from({ length: 1 + pick(2) }, () => {
            const start = w.start + 5 * pick((w.end - w.start - 20) / 5 + 1);
            const end = Math.min(w.end, start + 20 + 5 * pick(6));
            return { date: DAY, start, end, rank: 1 + pick(3) };
          })
        : null;
    families.push({ id: `f${f}`, name: `f${f}`, availability, interpreter: '' });
    students.push({ id: `s${f}`, name: `s${f}`, teacherEmail: w.teacherEmail, familyId: `f${f}` });
  }
  return problem({ windows, students, families, changeoverMinutes, seed: 1 + pick(1e6) });
}

/** Students placed, and of them those whose family answered the form. */
interface Seen {
  placed: number;
  answered: number;
}

const better = (a: Seen, b: Seen) =>
  a.placed > b.placed || (a.placed === b.placed && a.answered > b.answered);

/**
 * The best any schedule does, by trying every way: each teacher (one room, one window) sees a
 * family at a 5-minute step from the window's start, inside one of its times, the next no
 * sooner than the changeover after.
 */
function best(p: Problem): Seen {
  const total: Seen = { placed: 0, answered: 0 };
  const step = p.conferenceMinutes + (p.changeoverMinutes ?? 0);
  for (const w of p.windows) {
    const mine = p.students
      .filter((s) => s.teacherEmail === w.teacherEmail)
      .map((s) => p.families.find((f) => f.id === s.familyId)!.availability);
    const memo = new Map<string, Seen>();
    const from = (t: number, seated: number): Seen => {
      if (t + p.conferenceMinutes > w.end) return { placed: 0, answered: 0 };
      const key = `${t} ${seated}`;
      const known = memo.get(key);
      if (known) return known;
      let top = from(t + 5, seated);
      mine.forEach((times, i) => {
        if (seated & (1 << i)) return;
        if (times && !times.some((a) => a.start <= t && t + p.conferenceMinutes <= a.end)) return;
        const rest = from(t + step, seated | (1 << i));
        const here = { placed: rest.placed + 1, answered: rest.answered + (times ? 1 : 0) };
        if (better(here, top)) top = here;
      });
      memo.set(key, top);
      return top;
    };
    const seen = from(w.start, 0);
    total.placed += seen.placed;
    total.answered += seen.answered;
  }
  return total;
}

/** What the engine's schedule gives (after the checker found nothing wrong with it). */
function seen(p: Problem, iterations?: number): Seen {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  const answered = s.conferences.filter(
    (c) => p.families.find((f) => f.id === c.familyId)!.availability,
  ).length;
  return { placed: s.conferences.length, answered };
}

/**
 * The schools below are numbers of `school` among the first 700 where the construction alone
 * falls short of the best schedule (each test checks that it does) and the search reaches the
 * best on the school's seed and on the next two: schools the search gets right reliably, not by
 * a lucky draw. On some others it does not (one is below, by hand).
 *
 * Where the construction leaves out a student some schedule places: the first 20 of 140
 * (5 more where the search does not, on all three seeds).
 */
const placedBySearch = [
  3, 4, 11, 17, 19, 24, 25, 27, 35, 40, 65, 67, 69, 70, 81, 82, 87, 89, 93, 97,
];

/**
 * Where the construction places as many as it can but leaves out a family that answered the
 * form where one that gave no times could wait instead: all 36 (5 more where the
 * search does not, on all three seeds).
 */
const answeredBySearch = [
  28, 44, 60, 91, 104, 111, 137, 146, 161, 199, 201, 214, 239, 241, 242, 277, 279, 292, 337, 407,
  412, 418, 471, 478, 488, 490, 528, 534, 545, 592, 599, 621, 624, 639, 644, 695,
];

/** A family's choice for a conference at `start` (0 when it gave no times, Infinity outside them). */
function choice(times: SchedFamily['availability'], start: number, length: number): number {
  if (!times) return 0;
  return Math.min(
    ...times.filter((a) => a.start <= start && start + length <= a.end).map((a) => a.rank),
  );
}

/**
 * What a schedule costs by the engine's own weights, here only: a student left out (more when
 * the family answered), a conference at a family's second or third choice, and a teacher's idle
 * minutes (families of one child on one evening have no wait and no second evening).
 */
const leftOut = (times: SchedFamily['availability']) =>
  WEIGHTS.unplaced + (times ? WEIGHTS.answeredWaits : 0);
const choiceCost = (rank: number) => (rank > 1 ? WEIGHTS.rank * (rank - 1) : 0);

function costOf(p: Problem, s: Schedule): number {
  let cost = WEIGHTS.idleMinute * idleMinutes(p, s);
  for (const student of p.students) {
    const times = p.families.find((f) => f.id === student.familyId)!.availability;
    const c = s.conferences.find((x) => x.studentIds.includes(student.id));
    cost += c ? choiceCost(choice(times, c.start, p.conferenceMinutes)) : leftOut(times);
  }
  return cost;
}

/** The least any schedule costs, by trying every order of each teacher's families and every start. */
function leastCost(p: Problem): number {
  const length = p.conferenceMinutes;
  let total = 0;
  for (const w of p.windows) {
    const mine = p.students
      .filter((s) => s.teacherEmail === w.teacherEmail)
      .map((s) => p.families.find((f) => f.id === s.familyId)!.availability);
    const memo = new Map<string, number>();
    // The least the rest of the day costs, the room free from `free`, `seated` already seen.
    const rest = (free: number, seated: number, started: boolean): number => {
      const key = `${free} ${seated} ${started}`;
      const known = memo.get(key);
      if (known !== undefined) return known;
      let least = 0;
      mine.forEach((times, i) => {
        if (!(seated & (1 << i))) least += leftOut(times);
      });
      for (let start = free; start + length <= w.end; start += 5)
        mine.forEach((times, i) => {
          const rank = choice(times, start, length);
          if (seated & (1 << i) || rank === Infinity) return;
          const idle = started ? WEIGHTS.idleMinute * (start - free) : 0;
          const next = start + length + (p.changeoverMinutes ?? 0);
          least = Math.min(least, choiceCost(rank) + idle + rest(next, seated | (1 << i), true));
        });
      memo.set(key, least);
      return least;
    };
    total += rest(w.start, 0, false);
  }
  return total;
}

/**
 * Where the construction and the compaction place everyone they can but give a family a later
 * choice, or a teacher idle minutes, that the best schedule does not, and the search finds the
 * best: the first 20 of 334 (of the 1,200 schools, 36 more where
 * it does not on all three seeds).
 */
const improvedBySearch = [
  0, 1, 2, 8, 10, 12, 13, 15, 21, 23, 26, 36, 42, 46, 48, 51, 55, 63, 73, 76,
];

/**
 * Schools where the engine reaches the best schedule only through a step of the search that
 * rarely decides: a stalled teacher's whole day laid again, packed with the family whose last
 * start comes first seated first (87); the teacher's day packed only on every other such try,
 * and the day taken whole forgotten after the try (87, 1111, 639); a move that leaves the cost
 * as it was kept, not undone (161, 639); the compaction going on to the day's next gap once it
 * has closed one (92). And where a family that answered the form is left out once only the
 * surplus is: the whole day laid again then too (161), packed on alternate tries in the drawn
 * order rather than by last start (639, 87 the other way), the families that gave no times
 * seated after those that answered (161). Found by running engines with each of those steps
 * changed against this one on the 1,200 schools: each change misses the best schedule on at
 * least one of them.
 */
const reachedByRareSteps = [87, 92, 161, 639, 1111];

describe('the search after the construction, against the best schedule there is', () => {
  it('places every student some schedule has room for, where the construction alone leaves one out', () => {
    for (const n of placedBySearch) {
      const p = school(n);
      const top = best(p);
      expect([n, seen(p, 0).placed < top.placed]).toEqual([n, true]);
      expect([n, seen(p)]).toEqual([n, top]);
    }
  });

  it('gives families their first choices and teachers no idle minutes as far as the best schedule does, where the construction alone does not', () => {
    for (const n of improvedBySearch) {
      const p = school(n);
      const least = leastCost(p);
      expect([n, seen(p, 0)]).toEqual([n, best(p)]);
      const alone = costOf(p, buildSchedule(p, { iterations: 0 }));
      expect([n, alone > least]).toEqual([n, true]);
      const s = buildSchedule(p);
      expect(checkSchedule(p, s)).toEqual([]);
      expect([n, costOf(p, s)]).toEqual([n, least]);
    }
  });

  it('reaches the best schedule where only a rare step of the search or the compaction gets it right', () => {
    for (const n of reachedByRareSteps) {
      const p = school(n);
      const s = buildSchedule(p);
      expect(checkSchedule(p, s)).toEqual([]);
      expect([n, costOf(p, s)]).toEqual([n, leastCost(p)]);
      expect([n, seen(p)]).toEqual([n, best(p)]);
    }
  });

  it('places a family that answered the form before one that gave no times, where the construction alone does not', () => {
    for (const n of answeredBySearch) {
      const p = school(n);
      const top = best(p);
      const alone = seen(p, 0);
      expect([n, alone.placed, alone.answered < top.answered]).toEqual([n, top.placed, true]);
      expect([n, seen(p)]).toEqual([n, top]);
    }
  });
});

describe('the search, where a try around one start is not enough', () => {
  // Of the first 1,200 schools of `school`, the engine as it stood at ab4fd14 left out a student,
  // or a family that answered, whom the best schedule places on 167 (on the school's own seed).
  // This is one of them, by hand; the search now lays a stalled teacher's whole day again.
  const times = (...list: [number, number, number][]) =>
    list.map(([start, end, rank]) => ({ date: DAY, start, end, rank }));
  const families: SchedFamily[] = [
    { ...plainFamily('ortiz'), availability: times([900, 945, 2], [940, 975, 3]) },
    plainFamily('baker'),
    { ...plainFamily('chen'), availability: times([935, 980, 1]) },
    { ...plainFamily('diaz'), availability: times([905, 935, 2]) },
    plainFamily('evans'),
    plainFamily('fox'),
  ];

  // Ms. A, 3:00 to 4:20 PM, 20-minute conferences one after another: four places, at 3:00,
  // 3:20, 3:40 and 4:00. The Diazes can start only between 3:05 and 3:15, so seating them
  // leaves room for three. Four are seen as Ortiz 3:00, a family without times 3:20, Chen
  // 3:40 and another 4:00, the Diazes and one family without times waiting. The engine at
  // ab4fd14 seated Diaz 3:05, Ortiz 3:25 and Chen 3:45 on every seed tried (1 to 30, and with
  // 4,000 turns of the search): a try takes out the families around one start, and seating
  // four here needs the whole day taken out and put back in one order.
  it('seats four where the day has four places, leaving out the family whose times fall between them', () => {
    const p = problem({
      windows: [win('a@s', 900, 980)],
      changeoverMinutes: 0,
      students: families.map((f) => ({
        id: f.id,
        name: f.id,
        teacherEmail: 'a@s',
        familyId: f.id,
      })),
      families,
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.conferences).toHaveLength(4);
  });
});

describe('the search, for a family left out by a contact it shares', () => {
  // Ms. A has one place, 3:00 to 3:20 PM; Mr. B is there 3:00 to 4:20. The Xus have Xi with
  // Ms. A; the Youngs have Yo and Ya with Mr. B. Both families list the same caseworker, who
  // comes to every conference of each. The Youngs, with two children, are seated first, at
  // 3:00 and 3:20, which leaves the caseworker no time for Xi's only place. The search moves
  // the Youngs after Xi and the caseworker's five-minute walk (3:40 and 4:00 on these seeds),
  // though they are in another room than the one Xi waits for.
  const sharing = (seed: number) =>
    problem({
      seed,
      windows: [win('a@s', 900, 920), win('b@s', 900, 980)],
      students: [
        { id: 'xi', name: 'Xi', teacherEmail: 'a@s', familyId: 'xu' },
        { id: 'yo', name: 'Yo', teacherEmail: 'b@s', familyId: 'young' },
        { id: 'ya', name: 'Ya', teacherEmail: 'b@s', familyId: 'young' },
      ],
      families: [
        { ...plainFamily('xu'), contacts: ['caseworker@district'] },
        { ...plainFamily('young'), contacts: ['caseworker@district'] },
      ],
    });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seats Xi at 3:00 and the Youngs after him (seed %i)',
    (seed) => {
      const p = sharing(seed);
      expect(buildSchedule(p, { iterations: 0 }).unplaced.map((u) => u.studentId)).toEqual(['xi']);
      const s = buildSchedule(p);
      expect(checkSchedule(p, s)).toEqual([]);
      expect(s.unplaced).toEqual([]);
      const at = new Map(s.conferences.map((c) => [c.studentIds[0], c.start]));
      expect(at.get('xi')).toBe(900);
      expect(Math.min(at.get('yo')!, at.get('ya')!)).toBeGreaterThanOrEqual(925);
    },
  );
});
