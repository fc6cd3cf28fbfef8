/**
 * What families and teachers see of the engine's choices, on small schools where the right
 * choice is plain: a family's first choice honoured, a sibling beside a kept conference, a
 * teacher's two rows for one afternoon, the Schedule in time order. Every schedule is judged by
 * the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

describe('buildSchedule: what families and teachers see', () => {
  it('gives a family its first choice when the teacher is free then, though an earlier second choice fits too', () => {
    // The Garcias would rather come at 4:00 PM; 3:00 PM is their second choice. Ms. A is free
    // all afternoon.
    const p = problem({
      windows: [win('a@s', 900, 1080)],
      students: [{ id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' }],
      families: [
        {
          id: 'garcia',
          name: 'Garcia',
          availability: [
            { date: DAY, start: 900, end: 920, rank: 2 },
            { date: DAY, start: 960, end: 980, rank: 1 },
          ],
          interpreter: '',
        },
      ],
    });
    const s = scheduled(p);
    expect(s.conferences.map((c) => [c.start, c.rank])).toEqual([[960, 1]]);
    expect(s.quality.rankMet).toEqual({ first: 1, other: 0, none: 0 });
  });

  it('puts a sibling right after the family’s kept conference with another teacher, the walk between', () => {
    // Ana's conference with Ms. A, 3:00 to 3:20 PM, is kept (invited already); Ben's with
    // Mr. B is to be made. The Garcias need five minutes to walk between rooms.
    const kept = keptConference('ana', 'garcia', 'a@s', 900, 920);
    const p = problem({
      windows: [win('a@s', 900, 1000), win('b@s', 900, 1000)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [plainFamily('garcia')],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences).toContainEqual(kept);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'))!;
    expect(ben.start).toBe(925);
    expect(s.quality.siblingsBackToBack).toBe(1);
  });

  it('hosts as many families at once as the larger of a teacher’s two rows for the same hours', () => {
    // Ms. A is listed twice for 3:00 to 4:00 PM, once for two families at once and once for
    // one: her room holds two, so six 20-minute conferences fit, not three.
    const p = problem({
      windows: [win('a@s', 900, 960, 2), win('a@s', 900, 960, 1)],
      students: [1, 2, 3, 4, 5, 6].map((i) => ({
        id: `s${i}`,
        name: '',
        teacherEmail: 'a@s',
        familyId: `f${i}`,
      })),
      families: [1, 2, 3, 4, 5, 6].map((i) => plainFamily(`f${i}`)),
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences).toHaveLength(6);
  });

  it('gives merged triplets one conference twice as long, not three times', () => {
    const p = problem({
      windows: [win('a@s', 900, 1100)],
      mergeSiblings: true,
      students: ['x', 'y', 'z'].map((id) => ({
        id,
        name: id,
        teacherEmail: 'a@s',
        familyId: 'lopez',
      })),
      families: [plainFamily('lopez')],
    });
    const s = scheduled(p);
    expect(s.conferences.map((c) => [c.studentIds.length, c.end - c.start])).toEqual([[3, 40]]);
  });

  it('merges siblings whose rows list the same people in another order or twice', () => {
    const p = problem({
      windows: [win('a@s', 900, 1100)],
      mergeSiblings: true,
      students: [
        { id: 'x', name: 'X', teacherEmail: 'a@s', familyId: 'F', contacts: ['mum@f', 'dad@f'] },
        {
          id: 'y',
          name: 'Y',
          teacherEmail: 'a@s',
          familyId: 'F',
          contacts: ['dad@f', 'mum@f', 'dad@f'],
        },
      ],
      families: [{ ...plainFamily('F'), contacts: ['mum@f', 'dad@f'] }],
    });
    const s = scheduled(p);
    expect(s.conferences.map((c) => c.studentIds)).toEqual([['x', 'y']]);
  });

  it('lets no changeover run into a conference kept just after the window', () => {
    // Ms. A's window is 3:00 to 4:00 PM and she needs ten minutes between families; a
    // conference moved by hand to 4:05 PM is kept. The Lees can come at 3:40 only: their
    // conference would end at 4:00 and the changeover run to 4:10.
    const kept = keptConference('k', 'fk', 'a@s', 965, 985);
    const p = problem({
      windows: [win('a@s', 900, 960)],
      changeoverMinutes: 10,
      students: [
        { id: 'k', name: 'K', teacherEmail: 'a@s', familyId: 'fk' },
        { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'lee' },
      ],
      families: [
        plainFamily('fk'),
        {
          ...plainFamily('lee'),
          availability: [{ date: DAY, start: 940, end: 960, rank: 1 }],
        },
      ],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.conferences).toEqual([kept]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
  });

  it('keeps the interpreter of a long kept conference busy until it ends', () => {
    // A Spanish conference kept from 3:00 to 4:00 PM with Ms. A (an hour, set by hand); one
    // Spanish interpreter. The Lees, Spanish too, can come to Mr. B from 3:40 to 4:15 PM: they
    // cannot have the interpreter before 4:00, and a conference from 4:00 would end at 4:20.
    const kept = keptConference('ana', 'garcia', 'a@s', 900, 960);
    const p = problem({
      windows: [win('a@s', 900, 1020), win('b@s', 900, 1020)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
      ],
      families: [
        { ...plainFamily('garcia'), interpreter: 'es' },
        {
          ...plainFamily('lee'),
          interpreter: 'es',
          availability: [{ date: DAY, start: 940, end: 975, rank: 1 }],
        },
      ],
      interpreters: { es: 1 },
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.conferences).toEqual([kept]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
  });

  it('refuses a third Spanish family whose time overlaps both of the two interpreters’ families', () => {
    // Two Spanish interpreters. Three Spanish-speaking families with three teachers, each able
    // to come at one time only: 3:00, 3:10 and 3:05 PM (20 minutes each). At 3:10 all three
    // would need an interpreter.
    const only = (id: string, start: number) => ({
      ...plainFamily(id),
      interpreter: 'es',
      availability: [{ date: DAY, start, end: start + 20, rank: 1 }],
    });
    const p = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960), win('c@s', 900, 960)],
      students: [
        { id: 'sa', name: '', teacherEmail: 'a@s', familyId: 'a-three' },
        { id: 'sb', name: '', teacherEmail: 'b@s', familyId: 'b-ten-past' },
        { id: 'sc', name: '', teacherEmail: 'c@s', familyId: 'c-five-past' },
      ],
      families: [only('a-three', 900), only('b-ten-past', 910), only('c-five-past', 905)],
      interpreters: { es: 2 },
    });
    const s = scheduled(p);
    expect(s.conferences).toHaveLength(2);
    expect(s.unplaced).toHaveLength(1);
  });

  it('sees a family at the same hour on two evenings, one child each evening', () => {
    // Ana's teacher is there on Tuesday, Ben's on Wednesday, both at 3:00 PM only.
    const p = problem({
      windows: [win('a@s', 900, 920), { ...win('b@s', 900, 920), date: '2026-11-18' }],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [plainFamily('garcia')],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.date, c.start])).toEqual([
      [DAY, 900],
      ['2026-11-18', 900],
    ]);
  });

  it('sees twins with one teacher one right after the other, with no walk between', () => {
    // Not merged; Ms. A needs no changeover; her window holds exactly two conferences.
    const p = problem({
      windows: [win('a@s', 900, 940)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'cleo', name: 'Cleo', teacherEmail: 'a@s', familyId: 'garcia' },
      ],
      families: [plainFamily('garcia')],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => c.start)).toEqual([900, 920]);
  });

  it('sees as many families as an hour holds when their times overlap, the one way there is', () => {
    // Ms. A, 3:00 to 4:00 PM: three 20-minute conferences at most. The Ruizes can come 3:00 to
    // 3:25, the Lees 3:15 to 4:00, the Garcias 3:30 to 3:55, the Kims 3:35 to 4:10. Three are
    // seen only as Ruiz 3:00, Lee 3:20, Kim 3:40: any schedule with the Garcias has room for
    // one more family at most. Placing the families one by one, the hardest first, is not
    // enough; the search after it finds this.
    const times = { ruiz: [900, 925], lee: [915, 960], garcia: [930, 955], kim: [935, 970] };
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: Object.keys(times).map((f) => ({
        id: f,
        name: f,
        teacherEmail: 'a@s',
        familyId: f,
      })),
      families: Object.entries(times).map(([f, [start, end]]) => ({
        ...plainFamily(f),
        availability: [{ date: DAY, start: start!, end: end!, rank: 1 }],
      })),
    });
    const s = scheduled(p);
    expect(s.conferences.map((c) => [c.familyId, c.start])).toEqual([
      ['ruiz', 900],
      ['lee', 920],
      ['kim', 940],
    ]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['garcia']);
  });

  it('keeps a conference moved to a day its teacher has no window, taking no one else’s place', () => {
    // Ms. Z's conference with Kai was moved by hand to Wednesday, when she has no window; it is
    // kept. Ms. A and Mr. B see families on Tuesday, Mr. B three from 3:00 to 4:00 PM.
    const kept = { ...keptConference('kai', 'fz', 'z@s', 900, 920), date: '2026-11-18' };
    const p = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960)],
      students: [
        { id: 'kai', name: 'Kai', teacherEmail: 'z@s', familyId: 'fz' },
        ...[1, 2, 3].map((i) => ({
          id: `b${i}`,
          name: '',
          teacherEmail: 'b@s',
          familyId: `f${i}`,
        })),
      ],
      families: ['fz', 'f1', 'f2', 'f3'].map(plainFamily),
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences).toContainEqual(kept);
    expect(s.conferences.filter((c) => c.teacherEmail === 'b@s').map((c) => c.start)).toEqual([
      900, 920, 940,
    ]);
  });

  it('lists the conferences by day, then start, then teacher, as the Schedule sheet shows them', () => {
    // Two evenings, two teachers, families listed in no particular order.
    const p = problem({
      windows: [
        win('b@s', 900, 960),
        { ...win('a@s', 900, 960), date: '2026-11-18' },
        win('a@s', 900, 960),
      ],
      students: [
        { id: 's1', name: '', teacherEmail: 'b@s', familyId: 'f1' },
        { id: 's2', name: '', teacherEmail: 'a@s', familyId: 'f2' },
        { id: 's3', name: '', teacherEmail: 'a@s', familyId: 'f3' },
        { id: 's4', name: '', teacherEmail: 'b@s', familyId: 'f4' },
        { id: 's5', name: '', teacherEmail: 'a@s', familyId: 'f5' },
        { id: 's6', name: '', teacherEmail: 'a@s', familyId: 'f6' },
        { id: 's7', name: '', teacherEmail: 'b@s', familyId: 'f7' },
      ],
      families: [7, 3, 5, 1, 6, 2, 4].map((i) => ({
        ...plainFamily(`f${i}`),
        availability: [
          { date: i % 2 ? DAY : '2026-11-18', start: 900, end: 960, rank: 1 },
          { date: DAY, start: 900, end: 960, rank: 2 },
        ],
      })),
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    const rows = s.conferences.map((c) => `${c.date} ${c.start} ${c.teacherEmail}`);
    const inOrder = [...rows].sort();
    expect(rows).toEqual(inOrder);
  });

  it('calls a family without a name “this family” in the reason it is left out', () => {
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [{ id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'f1' }],
      families: [
        {
          id: 'f1',
          name: '',
          availability: [{ date: DAY, start: 1000, end: 1060, rank: 1 }],
          interpreter: '',
        },
      ],
    });
    expect(scheduled(p).unplaced).toEqual([
      {
        studentId: 'ana',
        reason:
          "This family's availability misses every window of a. Ask the family for another time, or add a window that suits them.",
      },
    ]);
  });
});

describe('buildSchedule: the Teachers sheet as people fill it', () => {
  it('fills a teacher’s evening and afternoon listed latest first, one family at a time in each', () => {
    // Ms. A's rows are in no order: 5:00 to 5:40 PM first, then 3:00 to 3:40 PM. Four
    // students: two conferences in each window, never two at once.
    const p = problem({
      windows: [win('a@s', 1020, 1060), win('a@s', 900, 940)],
      students: [1, 2, 3, 4].map((i) => ({
        id: `s${i}`,
        name: '',
        teacherEmail: 'a@s',
        familyId: `f${i}`,
      })),
      families: [1, 2, 3, 4].map((i) => plainFamily(`f${i}`)),
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => c.start)).toEqual([900, 920, 1020, 1040]);
  });

  it('ignores a row whose end comes before its start, and says why the student waits', () => {
    // Ms. A's only row says 4:00 to 3:00 PM.
    const p = problem({
      windows: [win('a@s', 960, 900)],
      students: [{ id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' }],
      families: [plainFamily('garcia')],
    });
    expect(scheduled(p).unplaced).toEqual([
      { studentId: 'ana', reason: "a's windows are too short for a 20-minute conference." },
    ]);
  });
});
