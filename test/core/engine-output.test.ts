/**
 * What the engine hands back, as the Waitlist sheet and the sidebar show it: a reason for each
 * student left out that points at the Teachers rows it could not read, whichever the reason,
 * and the teacher named as people know them. Each school is small enough that only one reason
 * can be the cause; every schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

/** Who is left out and why, the schedule first judged by the independent checker. */
function leftOut(p: Problem): { studentId: string; reason: string }[] {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s.unplaced;
}

/** Ms. A's rows on the Teachers sheet that could not be read (a reversed time, say). */
const refusedRows = (...rows: number[]) =>
  rows.map((row) => ({ teacherEmail: 'a@s', teacher: 'a', row }));

const ana = { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' };

/** The Garcias, who can come for twenty minutes from `start` only. */
const garcias = (start: number, more: Partial<SchedFamily> = {}): SchedFamily => ({
  id: 'garcia',
  name: 'Garcia',
  availability: [{ date: DAY, start, end: start + 20, rank: 1 }],
  interpreter: '',
  ...more,
});

/**
 * Ms. A's window from 3:00 PM to `end`, and a kept conference of the Ruizes at 3:00 PM, the one
 * time the Garcias can come.
 */
const keptAtThree = (end: number, more: Partial<Problem> = {}): Problem =>
  problem({
    windows: [win('a@s', 900, end)],
    students: [ana, { id: 'cy', name: 'Cy', teacherEmail: 'a@s', familyId: 'ruiz' }],
    families: [garcias(900), plainFamily('ruiz')],
    fixed: [keptConference('cy', 'ruiz', 'a@s', 900, 920)],
    ...more,
  });

/** What the Garcias are told when every time that suits them is taken. */
const taken =
  'Every time that suits the Garcia family with a is taken. Ask the family for more times, or add a window.';

describe('buildSchedule: the Teachers rows it could not read, in the reason a student waits', () => {
  it('names both unread rows after saying the windows it read are too short', () => {
    // Ms. A's one readable window is fifteen minutes; rows 4 and 6 of hers were refused.
    const p = problem({
      windows: [win('a@s', 900, 915)],
      refusedWindows: refusedRows(4, 6),
      students: [ana],
      families: [plainFamily('garcia')],
    });
    expect(leftOut(p)).toEqual([
      {
        studentId: 'ana',
        reason:
          "a's windows are too short for a 20-minute conference. Teachers rows 4, 6 could not be read, so their times are not counted: fix them first.",
      },
    ]);
  });

  it('names the one unread row after saying the family’s times miss every window', () => {
    // The Garcias can come at 5:00 PM only; Ms. A's readable window ends at 4:00 PM.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      refusedWindows: refusedRows(4),
      students: [ana],
      families: [garcias(1020)],
    });
    expect(leftOut(p)).toEqual([
      {
        studentId: 'ana',
        reason:
          "The Garcia family's availability misses every window of a. Ask the family for another time, or add a window that suits them. Teachers row 4 could not be read, so its time is not counted: fix it first.",
      },
    ]);
  });

  it('names the unread row after saying every time that suits the family is taken', () => {
    // A kept conference holds 3:00 PM, the one time the Garcias can come; Ms. A has room later.
    const p = keptAtThree(960, { refusedWindows: refusedRows(7) });
    expect(leftOut(p)).toEqual([
      {
        studentId: 'ana',
        reason: `${taken} Teachers row 7 could not be read, so its time is not counted: fix it first.`,
      },
    ]);
  });

  it('asks for the unread rows to be fixed, not for a window, when the windows read are full', () => {
    // Ms. A's readable window holds two 20-minute conferences; three students are hers.
    const ids = ['s1', 's2', 's3'];
    const p = problem({
      windows: [win('a@s', 900, 945)],
      refusedWindows: refusedRows(3, 5),
      students: ids.map((id) => ({ id, name: id, teacherEmail: 'a@s', familyId: `f${id}` })),
      families: ids.map((id) => plainFamily(`f${id}`)),
    });
    expect(leftOut(p).map((u) => u.reason)).toEqual([
      "a's windows are full: 3 conferences for 2 places. Teachers rows 3, 5 could not be read, so their times are not counted: fix them first.",
    ]);
  });
});

describe('buildSchedule: only the teacher’s own rows and conferences, in the reason a student waits', () => {
  it('says nothing of another teacher’s unread row', () => {
    // Mr. B's row 9 could not be read; Ms. A's one window is fifteen minutes.
    const p = problem({
      windows: [win('a@s', 900, 915), win('b@s', 900, 960)],
      refusedWindows: [{ teacherEmail: 'b@s', teacher: 'b', row: 9 }],
      students: [ana],
      families: [plainFamily('garcia')],
    });
    expect(leftOut(p)).toEqual([
      { studentId: 'ana', reason: "a's windows are too short for a 20-minute conference." },
    ]);
  });

  it('counts only the teacher’s own kept conferences when it says the windows are full', () => {
    // Ms. A, 3:00 to 3:45 PM: two places, three students. Mr. B has two kept conferences.
    const ids = ['s1', 's2', 's3'];
    const p = problem({
      windows: [win('a@s', 900, 945), win('b@s', 900, 960)],
      students: [
        ...ids.map((id) => ({ id, name: id, teacherEmail: 'a@s', familyId: `f${id}` })),
        { id: 'k1', name: 'k1', teacherEmail: 'b@s', familyId: 'fk1' },
        { id: 'k2', name: 'k2', teacherEmail: 'b@s', familyId: 'fk2' },
      ],
      families: ['fs1', 'fs2', 'fs3', 'fk1', 'fk2'].map(plainFamily),
      fixed: [
        keptConference('k1', 'fk1', 'b@s', 900, 920),
        keptConference('k2', 'fk2', 'b@s', 920, 940),
      ],
    });
    expect(leftOut(p).map((u) => u.reason)).toEqual([
      "a's windows are full: 3 conferences for 2 places. Add a window or raise the capacity (families at once).",
    ]);
  });
});

describe('buildSchedule: a family with an interpreter left out for another cause', () => {
  it('blames the family’s other conference, not the interpreters, when one is free', () => {
    // The Garcias need a Spanish interpreter (two at once) and can come 3:00 to 3:20 PM only,
    // for Ana with Ms. A and Ben with Mr. B: they cannot be in both rooms.
    const p = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960)],
      students: [ana, { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' }],
      families: [garcias(900, { interpreter: 'es' })],
      interpreters: { es: 2 },
    });
    const out = leftOut(p);
    expect(out).toHaveLength(1);
    const teacher = out[0]!.studentId === 'ana' ? 'a' : 'b';
    expect(out[0]!.reason).toBe(
      `The times ${teacher} has left clash with the Garcia family's other conferences. Move a sibling's conference, or add a window.`,
    );
  });
});

describe('buildSchedule: a teacher with exactly as many places as conferences', () => {
  it('says the one time that suits the family is taken, not that the windows are full', () => {
    // Ms. A, 3:00 to 3:40 PM: two places, and two conferences are hers. The kept one holds
    // 3:00 PM; 3:20 PM stays free for no one.
    expect(leftOut(keptAtThree(940))).toEqual([{ studentId: 'ana', reason: taken }]);
  });
});

describe('buildSchedule: the teacher and the way to meet, in the reason a student waits', () => {
  it('names a teacher with no window by the first Roster row that gives a name', () => {
    // Mr. Bad has no row on the Teachers sheet; Ana's Roster row leaves his name blank, Ben's
    // gives it. Cy, listed first, is Ms. Avery's.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [
        { id: 'cy', name: 'Cy', teacherEmail: 'a@s', teacher: 'Ms. Avery', familyId: 'ruiz' },
        { id: 'ana', name: 'Ana', teacherEmail: 'bad@s', teacher: '', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'bad@s', teacher: 'Mr. Bad', familyId: 'lee' },
      ],
      families: [plainFamily('garcia'), plainFamily('lee'), plainFamily('ruiz')],
    });
    const reason = 'Mr. Bad has no windows on the Teachers sheet. Add their conference times.';
    expect(leftOut(p)).toEqual([
      { studentId: 'ana', reason },
      { studentId: 'ben', reason },
    ]);
  });

  it('blames the family’s times, not the way to meet, when the teacher offers that way too', () => {
    // The Garcias asked to meet online and can come at 5:00 PM only. Ms. A is in her room from
    // 3:00 to 4:00 PM and online from 4:00 to 4:30 PM.
    const p = problem({
      windows: [
        { ...win('a@s', 900, 960), mode: 'in person' },
        { ...win('a@s', 960, 990), mode: 'online' },
      ],
      students: [ana],
      families: [garcias(1020, { meet: 'online' })],
    });
    expect(leftOut(p)).toEqual([
      {
        studentId: 'ana',
        reason:
          "The Garcia family's availability misses every window of a. Ask the family for another time, or add a window that suits them.",
      },
    ]);
  });
});
