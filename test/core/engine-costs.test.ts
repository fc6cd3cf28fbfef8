/**
 * What a family's costs make the engine choose, on small schools where the right choice is plain:
 * one evening rather than two, no wait between siblings, a teacher's day without holes. Every
 * schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, TeacherWindow } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

const NEXT_DAY = '2026-11-18';

const onNextDay = (w: TeacherWindow): TeacherWindow => ({ ...w, date: NEXT_DAY });

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

/** Each student's conference as [student, date, start]. */
const times = (s: ReturnType<typeof buildSchedule>) =>
  s.conferences
    .flatMap((c) => c.studentIds.map((id) => [id, c.date, c.start] as const))
    .sort((a, b) => a[0].localeCompare(b[0]));

/**
 * Ms. A there both evenings, 3:00 to 4:00 PM, and the Lees in her class, who can come the second
 * evening only; the Garcias' other teachers there the second evening only, 3:00 to 5:00 PM. The
 * Garcias have a child with Ms. A and one with each of the others.
 */
function bothEvenings(others: string[]): Problem {
  const child = (teacherEmail: string) => ({
    id: `garcia-${teacherEmail}`,
    name: teacherEmail,
    teacherEmail,
    familyId: 'garcia',
  });
  return problem({
    windows: [
      win('a@s', 900, 960),
      onNextDay(win('a@s', 900, 960)),
      ...others.map((t) => onNextDay(win(t, 900, 1100))),
    ],
    students: [
      ...['a@s', ...others].map(child),
      { id: 'lia', name: 'Lia', teacherEmail: 'a@s', familyId: 'lee' },
    ],
    families: [
      plainFamily('garcia'),
      {
        ...plainFamily('lee'),
        availability: [{ date: NEXT_DAY, start: 900, end: 960, rank: 1 }],
      },
    ],
  });
}

describe('buildSchedule: what a family’s costs choose', () => {
  it('sees a sibling the evening of the family’s kept conference, though the family waits, rather than bringing it back another evening', () => {
    // Ana's conference is kept the second evening at 3:00 PM. Mr. B is free from 3:00 PM the
    // first evening, and from 4:20 PM only the second: the Garcias would rather wait an hour
    // than come again.
    const p = problem({
      windows: [
        onNextDay(win('a@s', 900, 920)),
        win('b@s', 900, 1000),
        onNextDay(win('b@s', 1000, 1100)),
      ],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [plainFamily('garcia')],
      fixed: [{ ...keptConference('ana', 'garcia', 'a@s', 900, 920), date: NEXT_DAY }],
    });
    const s = scheduled(p);
    expect(times(s)).toEqual([
      ['ana', NEXT_DAY, 900],
      ['ben', NEXT_DAY, 1000],
    ]);
    expect(s.quality.waiting).toEqual([1000 - 920 - 5]);
  });

  it('keeps a family to one evening though the teacher’s other evening is emptier', () => {
    // Ms. A's first evening is empty; the Garcias come the second, to both teachers.
    const s = scheduled(bothEvenings(['b@s']));
    expect(s.conferences.map((c) => c.date)).toEqual([NEXT_DAY, NEXT_DAY, NEXT_DAY]);
    expect(s.quality.siblingsBackToBack).toBe(1);
  });

  it('counts a family’s wait in one room from the changeover, not the walk between rooms', () => {
    // Ana's conference with Ms. A is kept at 3:00 PM; Ben is in her class too. The Garcias
    // would rather come at 3:55 PM or later, but can at 3:20. Ms. A needs no changeover and
    // families need 15 minutes between rooms: Ben right after Ana costs them their second
    // choice; at 3:55 they would wait 35 minutes in her room, worse.
    const p = problem({
      windows: [win('a@s', 900, 1100)],
      bufferMinutes: 15,
      changeoverMinutes: 0,
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'a@s', familyId: 'garcia' },
      ],
      families: [
        {
          ...plainFamily('garcia'),
          availability: [
            { date: DAY, start: 900, end: 940, rank: 2 },
            { date: DAY, start: 955, end: 1100, rank: 1 },
          ],
        },
      ],
      fixed: [keptConference('ana', 'garcia', 'a@s', 900, 920)],
    });
    const s = scheduled(p);
    expect(times(s)).toEqual([
      ['ana', DAY, 900],
      ['ben', DAY, 920],
    ]);
    expect(s.quality.siblingsBackToBack).toBe(1);
  });

  it('sees both siblings at the family’s first choice when both teachers are free then', () => {
    // The Garcias would rather come from 3:00 to 4:00 PM than from 4:40 on; both teachers are
    // free all afternoon.
    const p = problem({
      windows: [win('a@s', 900, 1100), win('b@s', 900, 1100)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [
        {
          ...plainFamily('garcia'),
          availability: [
            { date: DAY, start: 900, end: 960, rank: 1 },
            { date: DAY, start: 1000, end: 1100, rank: 2 },
          ],
        },
      ],
    });
    const s = scheduled(p);
    expect(s.quality.rankMet).toEqual({ first: 2, other: 0, none: 0 });
    expect(s.quality.siblingsBackToBack).toBe(1);
  });

  it('puts a sibling right before the family’s kept conference with another teacher, the walk between', () => {
    // Ana's conference with Ms. A is kept at 4:00 PM; Mr. B is free from 3:00 to 4:00 PM.
    const p = problem({
      windows: [win('a@s', 1000, 1020), win('b@s', 900, 1000)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [plainFamily('garcia')],
      fixed: [keptConference('ana', 'garcia', 'a@s', 1000, 1020)],
    });
    const s = scheduled(p);
    expect(times(s)).toEqual([
      ['ana', DAY, 1000],
      ['ben', DAY, 1000 - 5 - 20],
    ]);
  });

  it('keeps a family of three children to the one evening all three teachers are there', () => {
    const s = scheduled(bothEvenings(['b@s', 'c@s']));
    expect(s.conferences.map((c) => c.date)).toEqual([NEXT_DAY, NEXT_DAY, NEXT_DAY, NEXT_DAY]);
  });
});
