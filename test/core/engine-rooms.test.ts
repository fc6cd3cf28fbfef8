/**
 * Whether a time is free, as families and teachers see it: the teacher's room, the family's
 * other conferences, the interpreters of its language. Small schools where the one right
 * answer is plain; every schedule is judged by the independent checker first.
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

const spanish = (id: string) => ({ ...plainFamily(id), interpreter: 'es' });

describe('buildSchedule: interpreters', () => {
  it('keeps the one interpreter busy through two kept Spanish conferences, however they are listed', () => {
    // One Spanish interpreter. The Garcias' conference with Ms. A is kept at 3:00 PM and the
    // Diazes' with Ms. C at 3:30 (listed first), 20 minutes each. The Lees, Spanish too, need
    // Mr. B, who is there until 4:00: the ten minutes between the two are too short, and a
    // conference after 3:50 would end after 4:00.
    const p = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960), win('c@s', 900, 960)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
        { id: 'cy', name: 'Cy', teacherEmail: 'c@s', familyId: 'diaz' },
      ],
      families: [spanish('garcia'), spanish('lee'), spanish('diaz')],
      interpreters: { es: 1 },
      fixed: [
        keptConference('cy', 'diaz', 'c@s', 930, 950),
        keptConference('ana', 'garcia', 'a@s', 900, 920),
      ],
    });
    const s = scheduled(p);
    expect(s.conferences.map((c) => c.familyId)).toEqual(['garcia', 'diaz']);
    expect(s.unplaced).toEqual([
      {
        studentId: 'ben',
        reason:
          'No es interpreter is free when b has room (1 at once). Add interpreters in Settings, or a window at another time.',
      },
    ]);
  });

  it('gives each language and each evening its own interpreters', () => {
    // One Spanish and one Vietnamese interpreter. The Garcias (Spanish) and the Trans
    // (Vietnamese) can come on Tuesday at 3:00 PM only, the Diazes (Spanish) on Wednesday at
    // 3:00 PM only: all three are seen, since no interpreter is needed twice at once.
    const WEDNESDAY = '2026-11-18';
    const onlyAtThree = (id: string, interpreter: string, date: string) => ({
      ...plainFamily(id),
      interpreter,
      availability: [{ date, start: 900, end: 920, rank: 1 }],
    });
    const p = problem({
      windows: [
        win('a@s', 900, 960),
        win('b@s', 900, 960),
        { ...win('c@s', 900, 960), date: WEDNESDAY },
      ],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'tran' },
        { id: 'cy', name: 'Cy', teacherEmail: 'c@s', familyId: 'diaz' },
      ],
      families: [
        onlyAtThree('garcia', 'es', DAY),
        onlyAtThree('tran', 'vi', DAY),
        onlyAtThree('diaz', 'es', WEDNESDAY),
      ],
      interpreters: { es: 1, vi: 1 },
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.familyId, c.date, c.start])).toEqual([
      ['garcia', DAY, 900],
      ['tran', DAY, 900],
      ['diaz', WEDNESDAY, 900],
    ]);
  });

  it('never gives the one interpreter two families at once while the search moves Spanish families about', () => {
    // One Spanish interpreter; three Spanish families with Ms. A and Mr. B, 3:00 to 5:00 PM.
    // The Lopezes can come from 4:20 to 4:40 only, with a child in each class: both of their
    // conferences would need the interpreter in those 20 minutes, so one of their children is
    // left out. The Garcias' and Diazes' three conferences fit around them, one at a time.
    const p = problem({
      windows: [win('a@s', 900, 1020), win('b@s', 900, 1020)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lopez' },
        { id: 'bea', name: 'Bea', teacherEmail: 'a@s', familyId: 'lopez' },
        { id: 'cy', name: 'Cy', teacherEmail: 'a@s', familyId: 'diaz' },
        { id: 'cora', name: 'Cora', teacherEmail: 'b@s', familyId: 'diaz' },
      ],
      families: [
        spanish('garcia'),
        { ...spanish('lopez'), availability: [{ date: DAY, start: 980, end: 1000, rank: 1 }] },
        spanish('diaz'),
      ],
      interpreters: { es: 1 },
      seed: 13,
    });
    const s = scheduled(p);
    expect(s.unplaced).toHaveLength(1);
    expect(['ben', 'bea']).toContain(s.unplaced[0]!.studentId);
    expect(s.unplaced[0]!.reason).toMatch(/^No es interpreter is free/);
    expect(s.conferences.map((c) => c.familyId).sort()).toEqual([
      'diaz',
      'diaz',
      'garcia',
      'lopez',
    ]);
  });
});

describe('buildSchedule: two interpreters', () => {
  /** The Garcias' (Ms. A) and Diazes' (Ms. C) Spanish conferences kept, and the Lees free 3:10 to 3:30 only. */
  const school = (diazStart: number) =>
    problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960), win('c@s', 900, 960)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
        { id: 'cy', name: 'Cy', teacherEmail: 'c@s', familyId: 'diaz' },
      ],
      families: [
        spanish('garcia'),
        { ...spanish('lee'), availability: [{ date: DAY, start: 910, end: 930, rank: 1 }] },
        spanish('diaz'),
      ],
      interpreters: { es: 2 },
      fixed: [
        keptConference('ana', 'garcia', 'a@s', 900, 920),
        keptConference('cy', 'diaz', 'c@s', diazStart, diazStart + 20),
      ],
    });

  it('sees a third Spanish family across two kept ones that follow each other: two at once at most', () => {
    // The Garcias 3:00 to 3:20, the Diazes 3:20 to 3:40, the Lees 3:10 to 3:30: the Lees
    // overlap both, but only one of them at a time.
    const s = scheduled(school(920));
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.find((c) => c.familyId === 'lee')?.start).toBe(910);
  });

  it('refuses a third Spanish family at the minute a kept one starts during it, the other still on', () => {
    // The Garcias 3:00 to 3:20, the Diazes 3:15 to 3:35: from 3:15 to 3:20 both interpreters are
    // taken, inside the Lees' only time, 3:10 to 3:30.
    const s = scheduled(school(915));
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
    expect(s.unplaced[0]!.reason).toMatch(/^No es interpreter is free/);
  });
});

describe('buildSchedule: a language with no interpreters counted', () => {
  it('places a family asking for Vietnamese when the Settings count Spanish interpreters only', () => {
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [{ id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'tran' }],
      families: [{ ...plainFamily('tran'), interpreter: 'vi' }],
      interpreters: { es: 1 },
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => c.familyId)).toEqual(['tran']);
  });
});

describe('buildSchedule: a family’s own conferences', () => {
  it('sees a family in one room right up to its kept conference in the next when the rooms need no walk', () => {
    // No time to walk between rooms (the Settings say 0 minutes). The Lees' conference with
    // Mr. B is kept at 3:20 PM; Ms. A is there from 3:00 to 3:20 only. Bea's conference with her
    // ends as Ben's begins: nothing clashes.
    const kept = keptConference('ben', 'lee', 'b@s', 920, 940);
    const p = problem({
      windows: [win('a@s', 900, 920), win('b@s', 900, 960)],
      bufferMinutes: 0,
      students: [
        { id: 'bea', name: 'Bea', teacherEmail: 'a@s', familyId: 'lee' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
      ],
      families: [plainFamily('lee')],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.studentIds, c.teacherEmail, c.start, c.end])).toEqual([
      [['bea'], 'a@s', 900, 920],
      [['ben'], 'b@s', 920, 940],
    ]);
  });
});
