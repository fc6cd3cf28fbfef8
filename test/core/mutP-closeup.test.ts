/**
 * A teacher's day closed up on small schools where the families' times leave one way to see
 * everyone with nobody idle: the block of conferences on one side of an idle stretch slides
 * across it, a chain of conferences that follow one another moving together, whichever side the
 * stretch is on. Each schedule is judged by the independent checker first; the idle minutes are
 * counted by the tests' own helper (between a teacher's first and last conference of the day,
 * beyond the changeover), and what is expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, idleMinutes, keptConference, plainFamily, problem, win } from './schedproblem';
import { pupil } from './placedschool';

/** A family that can come, as a first choice, from `start` to `end` on DAY. */
const canCome = (id: string, start: number, end: number): SchedFamily => ({
  ...plainFamily(id),
  availability: [{ date: DAY, start, end, rank: 1 }],
});

/** The engine's schedule (without the search when told), checked and with everyone placed. */
function scheduled(p: Problem, iterations?: number) {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

const startOf = (s: ReturnType<typeof buildSchedule>, familyId: string) =>
  s.conferences.find((c) => c.familyId === familyId)!.start;

/** Minutes a teacher sits idle on each evening (by date), counted as the README defines them. */
function idleByDate(p: Problem, s: ReturnType<typeof buildSchedule>) {
  const dates = [...new Set(s.conferences.map((c) => c.date))].sort();
  return Object.fromEntries(
    dates.map((date) => [
      date,
      idleMinutes(p, { ...s, conferences: s.conferences.filter((c) => c.date === date) }),
    ]),
  );
}

describe('buildSchedule: a teacher’s day closed up, a block at a time', () => {
  it('sees two families any time before the one who can come only at 3:55 PM, so Ms. A is never idle', () => {
    // Ms. A is there 3:10 to 5:10 PM, 20-minute conferences. The Garcias can come only at
    // 3:55, the Kims from 4:10 to 4:40 (a start from 4:10 to 4:20); the Lees and the Parks any
    // time. Four conferences with nobody idle: the Garcias at 3:55, the Kims right after at
    // 4:15, and the Lees and the Parks back to back around them.
    const p = problem({
      windows: [win('a@s', 910, 1030)],
      students: ['garcia', 'kim', 'lee', 'park'].map((id) => pupil(id)),
      families: [
        canCome('garcia', 955, 975),
        canCome('kim', 970, 1000),
        plainFamily('lee'),
        plainFamily('park'),
      ],
      seed: 16,
    });
    const s = scheduled(p);
    expect(startOf(s, 'garcia')).toBe(955);
    expect(idleMinutes(p, s)).toBe(0);
    expect(s.quality.idleMinutes).toBe(0);
  });

  it('slides the families before an idle stretch later, together, when the one after it can come only then', () => {
    // Ms. A is there 3:00 to 4:40 PM, 20-minute conferences and 5 minutes between families.
    // The Ngs can come only at 4:00; the Lees from 3:05 to 4:05, the Parks any time. Seen with
    // nobody idle, the two others come back to back before the Ngs: at 3:10 and 3:35. Without
    // the search (as on an evening planned in blocks) this is the closing up alone.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      students: ['lee', 'ng', 'park'].map((id) => pupil(id)),
      families: [canCome('lee', 905, 965), canCome('ng', 960, 980), plainFamily('park')],
      changeoverMinutes: 5,
      seed: 19,
    });
    const s = scheduled(p, 0);
    expect(startOf(s, 'ng')).toBe(960);
    expect(s.conferences.map((c) => c.start).sort()).toEqual([910, 935, 960]);
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('sees two families back to back where their hours overlap, the later one moved up to the first', () => {
    // Mr. B is there 3:10 to 5:10 PM, 20-minute conferences. The Lees can come from 4:15 on;
    // the Kims from 4:35 as a first choice, 4:05 to 4:45 as a second. Both fit between 4:15
    // and 5:10 one after the other: Mr. B sees them back to back. Without the search (as on an
    // evening planned in blocks), the closing up alone.
    const p = problem({
      windows: [win('b@s', 910, 1030)],
      students: [pupil('kim', 'kim', 'b@s'), pupil('lee', 'lee', 'b@s')],
      families: [
        {
          ...plainFamily('kim'),
          availability: [
            { date: DAY, start: 995, end: 1035, rank: 1 },
            { date: DAY, start: 965, end: 1005, rank: 2 },
          ],
        },
        canCome('lee', 975, 1095),
      ],
      seed: 20,
    });
    const s = scheduled(p, 0);
    expect(idleMinutes(p, s)).toBe(0);
    expect(s.quality.idleMinutes).toBe(0);
  });

  it('closes a teacher’s idle stretch within the evening it is on, when she has two', () => {
    // Ms. A is there 3:00 to 4:40 PM on the 17th and 3:00 to 4:20 PM on the 18th, 20-minute
    // conferences. The Garcias' conference is kept at 3:45 PM on the 17th; the Lees can come
    // 3:55 to 4:55 PM on the 18th (a start at 3:55 or 4:00); the Ngs have two children with Ms. A
    // and need the school's one Spanish interpreter, any time. Each evening can be seen with
    // nobody idle: the Ngs' two conferences back to back, on either evening, beside the others.
    const NEXT = '2026-11-18';
    const p = problem({
      windows: [win('a@s', 900, 1000), { ...win('a@s', 900, 980), date: NEXT }],
      students: [
        pupil('gia', 'garcia'),
        pupil('lu', 'lee'),
        pupil('nam', 'ng'),
        pupil('noa', 'ng'),
      ],
      families: [
        plainFamily('garcia'),
        { ...plainFamily('lee'), availability: [{ date: NEXT, start: 955, end: 1015, rank: 1 }] },
        { ...plainFamily('ng'), interpreter: 'Spanish' },
      ],
      interpreters: { Spanish: 1 },
      fixed: [keptConference('gia', 'garcia', 'a@s', 945, 965)],
      seed: 16,
    });
    const s = scheduled(p, 0);
    expect(idleByDate(p, s)).toEqual(
      Object.fromEntries([...new Set(s.conferences.map((c) => c.date))].sort().map((d) => [d, 0])),
    );
    expect(s.quality.idleMinutes).toBe(0);
  });
});

describe('buildSchedule: what the closing up weighs', () => {
  it('sees a family that can come any time right before one that can come only late, not an hour earlier', () => {
    // Ms. A is there 3:00 to 5:00 PM, 20-minute conferences and 5 minutes between families.
    // The Garcias can come from 4:20 (a start from 4:20 to 4:40), the Lees any time. Seen with
    // nobody idle, the Lees come right before the Garcias, their changeover ending as the
    // Garcias arrive; both are placed.
    const p = problem({
      windows: [win('a@s', 900, 1020)],
      students: [pupil('gia', 'garcia'), pupil('lu', 'lee')],
      families: [canCome('garcia', 980, 1040), plainFamily('lee')],
      changeoverMinutes: 5,
      seed: 73,
    });
    const s = scheduled(p, 0);
    expect(startOf(s, 'lee') + 20 + 5).toBe(startOf(s, 'garcia'));
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('sees a child right after a sibling’s kept conference, rather than close the teacher’s day by making the family wait', () => {
    // Ms. A is there 3:00 to 4:50 PM, 20-minute conferences. The Garcias' first conference is
    // kept at 3:00 PM; their second child can come any time, as can the Parks; the Lees only
    // at 4:30. Ms. A is idle half an hour whatever the order (three conferences before 4:30
    // leave 30 minutes of 90), so the Garcias' second conference follows their first at 3:20
    // with no wait.
    const p = problem({
      windows: [win('a@s', 900, 1010)],
      students: [
        pupil('gia', 'garcia'),
        pupil('gus', 'garcia'),
        pupil('lu', 'lee'),
        pupil('pat', 'park'),
      ],
      families: [plainFamily('garcia'), canCome('lee', 990, 1030), plainFamily('park')],
      fixed: [keptConference('gia', 'garcia', 'a@s', 900, 920)],
      seed: 49,
    });
    const s = scheduled(p);
    const gus = s.conferences.find((c) => c.studentIds.includes('gus'))!;
    expect(gus.start).toBe(920);
    expect(s.quality.waiting).toEqual([0]);
    expect(idleMinutes(p, s)).toBe(30);
  });

  it('gives two of three families their first choice when the third can have its second', () => {
    // Ms. A is there 3:00 to 5:00 PM, 20-minute conferences. The Garcias can come only at 3:25;
    // the Lees from 4:35 (a start at 4:35 or 4:40) as a first choice, 3:25 to 5:25 as a second;
    // the Ngs 3:10 to 3:50 as a first (which the Garcias' 3:25 overlaps whatever the start), 4:20
    // to 5:20 as a second. The Garcias and the Lees get their first choice, the Ngs their second.
    const p = problem({
      windows: [win('a@s', 900, 1020)],
      students: [pupil('gia', 'garcia'), pupil('lu', 'lee'), pupil('nam', 'ng')],
      families: [
        canCome('garcia', 925, 945),
        {
          ...plainFamily('lee'),
          availability: [
            { date: DAY, start: 995, end: 1025, rank: 1 },
            { date: DAY, start: 925, end: 1045, rank: 2 },
          ],
        },
        {
          ...plainFamily('ng'),
          availability: [
            { date: DAY, start: 910, end: 950, rank: 1 },
            { date: DAY, start: 980, end: 1040, rank: 2 },
          ],
        },
      ],
      seed: 33,
    });
    const s = scheduled(p);
    const rank = Object.fromEntries(s.conferences.map((c) => [c.familyId, c.rank]));
    expect(rank).toEqual({ garcia: 1, lee: 1, ng: 2 });
    expect(s.quality.rankMet).toEqual({ first: 2, other: 1, none: 0 });
  });
});
