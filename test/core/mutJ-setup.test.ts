/**
 * How the engine reads a school before it places anyone, as people see the result: a teacher's
 * rows for two evenings in any order, a conference kept by hand just outside a window, a contact
 * two families share. Small schools where one answer is plainly right; every schedule is judged
 * by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Conference, Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

const WEDNESDAY = '2026-11-18';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

/**
 * Ms. A's window from 3:00 to 4:00 PM for `capacity` families at once, ten minutes between
 * families, the conference `kept` of the Fks, and the Lees, who can come for twenty minutes from
 * `leesFrom` only.
 */
const keptAndLees = (kept: Conference, capacity: number, leesFrom: number): Problem =>
  problem({
    windows: [win('a@s', 900, 960, capacity)],
    changeoverMinutes: 10,
    students: [
      { id: 'k', name: 'K', teacherEmail: 'a@s', familyId: 'fk' },
      { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'lee' },
    ],
    families: [
      plainFamily('fk'),
      {
        ...plainFamily('lee'),
        availability: [{ date: DAY, start: leesFrom, end: leesFrom + 20, rank: 1 }],
      },
    ],
    fixed: [kept],
  });

describe('buildSchedule: a teacher’s rows on the Teachers sheet, as people list them', () => {
  it('puts a sibling right before the family’s kept conference on the evening it is, whatever order the rows of two evenings come in', () => {
    // Ms. A's rows: Tuesday 3:00 to 4:00 PM, Wednesday 3:20 to 4:00 PM, Tuesday 4:10 to 4:50 PM.
    // The Lees' conference with Mr. B is kept on Tuesday at 4:55 PM. Ms. A seeing Lily at 4:30,
    // the walk, then Mr. B at 4:55: the family waits not a minute.
    const kept = keptConference('leo', 'lee', 'b@s', 1015, 1035);
    const p = problem({
      windows: [
        win('a@s', 900, 960),
        { ...win('a@s', 920, 960), date: WEDNESDAY },
        win('a@s', 970, 1010),
        win('b@s', 1015, 1035),
      ],
      students: [
        { id: 'lily', name: 'Lily', teacherEmail: 'a@s', familyId: 'lee' },
        { id: 'leo', name: 'Leo', teacherEmail: 'b@s', familyId: 'lee' },
      ],
      families: [plainFamily('lee')],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    const lily = s.conferences.find((c) => c.studentIds.includes('lily'))!;
    expect([lily.date, lily.start]).toEqual([DAY, 990]);
    expect(s.quality.waiting).toEqual([0]);
  });
});

describe('buildSchedule: a conference kept by hand outside the teacher’s window', () => {
  it('lets no changeover run into a conference kept to start one minute before the changeover ends', () => {
    // Ms. A's window is 3:00 to 4:00 PM, with ten minutes between families; a conference moved
    // by hand to 4:09 PM is kept. The Lees can come from 3:40 only: their conference would end
    // at 4:00 and the changeover run to 4:10, a minute into the kept one.
    const kept = keptConference('k', 'fk', 'a@s', 969, 989);
    const p = keptAndLees(kept, 1, 940);
    const s = scheduled(p);
    expect(s.conferences).toEqual([kept]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
  });

  it('lets no changeover run into a conference kept from the minute a room for two closes', () => {
    // Ms. A's room holds two families from 3:00 to 4:00 PM, with ten minutes between families; a
    // conference moved by hand to 4:00 PM is kept. The Lees can come from 3:40 only: the
    // changeover after them would run ten minutes into the kept conference, outside the window.
    const kept = keptConference('k', 'fk', 'a@s', 960, 980);
    const p = keptAndLees(kept, 2, 940);
    const s = scheduled(p);
    expect(s.conferences).toEqual([kept]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
  });
});

describe('buildSchedule: whom the construction places first, with the search off', () => {
  /** One teacher, 3:00 to `end` PM, with the given families, each with one child of hers. */
  const oneTeacher = (end: number, families: SchedFamily[], more: Partial<Problem> = {}) =>
    problem({
      windows: [win('a@s', 900, end)],
      students: families.map((f) => ({
        id: f.id,
        name: f.id,
        teacherEmail: 'a@s',
        familyId: f.id,
      })),
      families,
      ...more,
    });

  it('places the family that can come at one time only before families that can come any time', () => {
    // Ms. A has three places, 3:00, 3:20 and 3:40 PM; the Zhous can come at 3:00 only, the
    // Adamses and the Bakers any time. Had either taken 3:00 first, the Zhous would wait.
    const p = oneTeacher(960, [
      plainFamily('adams'),
      plainFamily('baker'),
      { ...plainFamily('zhou'), availability: [{ date: DAY, start: 900, end: 920, rank: 1 }] },
    ]);
    const s = buildSchedule(p, { iterations: 0 });
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.find((c) => c.familyId === 'zhou')!.start).toBe(900);
  });

  it('places a family that needs an interpreter before one with as few times that needs none', () => {
    // One Spanish interpreter, busy with a conference kept with Mr. B from 3:00 to 3:20 PM. Ms.
    // A sees families at 3:00 and 3:20: the Zamoras (Spanish) can only have 3:20; the Abbotts
    // would rather come at 3:20 but can come at 3:00. Placing the Abbotts first would leave the
    // Zamoras out.
    const kept = keptConference('kid', 'ruiz', 'b@s', 900, 920);
    const zamora = { ...plainFamily('zamora'), interpreter: 'es' };
    const abbott = {
      ...plainFamily('abbott'),
      availability: [
        { date: DAY, start: 920, end: 940, rank: 1 },
        { date: DAY, start: 900, end: 920, rank: 2 },
      ],
    };
    const p = problem({
      windows: [win('a@s', 900, 940), win('b@s', 900, 920)],
      students: [
        { id: 'zoe', name: 'Zoe', teacherEmail: 'a@s', familyId: 'zamora' },
        { id: 'al', name: 'Al', teacherEmail: 'a@s', familyId: 'abbott' },
        { id: 'kid', name: 'Kid', teacherEmail: 'b@s', familyId: 'ruiz' },
      ],
      families: [zamora, abbott, { ...plainFamily('ruiz'), interpreter: 'es' }],
      interpreters: { es: 1 },
      fixed: [kept],
    });
    const s = buildSchedule(p, { iterations: 0 });
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    const at = Object.fromEntries(s.conferences.map((c) => [c.familyId, c.start]));
    expect(at).toEqual({ zamora: 920, abbott: 900, ruiz: 900 });
  });
});

describe('buildSchedule: kept conferences and merged siblings', () => {
  it('seats a second family beside a conference kept at the start of a room for two', () => {
    // Ms. A's room holds two families from 3:00 to 4:00 PM; a conference at 3:00 is kept. The
    // Lees can come at 3:00 only: the room's second place is theirs.
    const kept = keptConference('k', 'fk', 'a@s', 900, 920);
    const p = keptAndLees(kept, 2, 900);
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.familyId, c.start])).toEqual([
      ['fk', 900],
      ['lee', 900],
    ]);
  });

  it('gives siblings whose rows list different people a conference each, not one together', () => {
    // Two children of one family with Ms. A: one row lists their mother, the other their father
    // (parents who come apart). Merged, each parent would be invited to the other's child.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      mergeSiblings: true,
      students: [
        { id: 'x', name: 'X', teacherEmail: 'a@s', familyId: 'F', contacts: ['mum@f'] },
        { id: 'y', name: 'Y', teacherEmail: 'a@s', familyId: 'F', contacts: ['dad@f'] },
      ],
      families: [{ ...plainFamily('F'), contacts: ['mum@f', 'dad@f'] }],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => c.studentIds).sort()).toEqual([['x'], ['y']]);
  });
});
