/**
 * How the engine reads a school before it places anyone, as people see the result: a teacher's
 * rows for two evenings in any order, a conference kept by hand just outside a window, a contact
 * two families share. Small schools where one answer is plainly right; every schedule is judged
 * by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

const WEDNESDAY = '2026-11-18';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

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
    const p = problem({
      windows: [win('a@s', 900, 960)],
      changeoverMinutes: 10,
      students: [
        { id: 'k', name: 'K', teacherEmail: 'a@s', familyId: 'fk' },
        { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'lee' },
      ],
      families: [
        plainFamily('fk'),
        { ...plainFamily('lee'), availability: [{ date: DAY, start: 940, end: 960, rank: 1 }] },
      ],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.conferences).toEqual([kept]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
  });

  it('lets no changeover run into a conference kept from the minute a room for two closes', () => {
    // Ms. A's room holds two families from 3:00 to 4:00 PM, with ten minutes between families; a
    // conference moved by hand to 4:00 PM is kept. The Lees can come from 3:40 only: the
    // changeover after them would run ten minutes into the kept conference, outside the window.
    const kept = keptConference('k', 'fk', 'a@s', 960, 980);
    const p = problem({
      windows: [win('a@s', 900, 960, 2)],
      changeoverMinutes: 10,
      students: [
        { id: 'k', name: 'K', teacherEmail: 'a@s', familyId: 'fk' },
        { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'lee' },
      ],
      families: [
        plainFamily('fk'),
        { ...plainFamily('lee'), availability: [{ date: DAY, start: 940, end: 960, rank: 1 }] },
      ],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.conferences).toEqual([kept]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['ben']);
  });
});
