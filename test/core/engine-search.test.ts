/**
 * What the search after the construction gives families, on small schools where placing the
 * families one by one, the hardest first, leaves someone out whom a better plan has room for.
 * Every schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily, SchedStudent } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

/**
 * Ms. A, 3:00 to 4:00 PM: three 20-minute conferences at most. The Ruizes can come 3:00 to 3:25,
 * the Lees 3:15 to 4:00, the Garcias 3:30 to 3:55, the Kims 3:35 to 4:10: three are seen only
 * as Ruiz 3:00, Lee 3:20, Kim 3:40, which the construction alone does not find.
 */
const overlapping = { ruiz: [900, 925], lee: [915, 960], garcia: [930, 955], kim: [935, 970] };

function msAsHour(): { students: SchedStudent[]; families: SchedFamily[] } {
  return {
    students: Object.keys(overlapping).map((f) => ({
      id: f,
      name: f,
      teacherEmail: 'a@s',
      familyId: f,
    })),
    families: Object.entries(overlapping).map(([f, [start, end]]) => ({
      ...plainFamily(f),
      availability: [{ date: DAY, start: start!, end: end!, rank: 1 }],
    })),
  };
}

/** Who Ms. A sees and when. */
const msAs = (s: ReturnType<typeof buildSchedule>) =>
  s.conferences.filter((c) => c.teacherEmail === 'a@s').map((c) => [c.familyId, c.start]);

describe('buildSchedule: the search after the construction', () => {
  it('still finds the one way to see three overlapping families in a school of thirty families', () => {
    // Ms. A's four families as above, and twenty-six more, each with its own teacher free all
    // afternoon: a larger school gives the search more turns, not fewer.
    const hour = msAsHour();
    const others = Array.from({ length: 26 }, (_, i) => `o${i}`);
    const p = problem({
      windows: [win('a@s', 900, 960), ...others.map((o) => win(`${o}@s`, 900, 960))],
      students: [
        ...hour.students,
        ...others.map((o) => ({ id: o, name: o, teacherEmail: `${o}@s`, familyId: o })),
      ],
      families: [...hour.families, ...others.map(plainFamily)],
    });
    const s = scheduled(p);
    expect(msAs(s)).toEqual([
      ['ruiz', 900],
      ['lee', 920],
      ['kim', 940],
    ]);
    expect(s.unplaced.map((u) => u.studentId)).toEqual(['garcia']);
  });

  it('finds it though another student of the school can be placed nowhere, and says why', () => {
    // Mr. B's one window is fifteen minutes: his student Zoe waits whatever the search does.
    const hour = msAsHour();
    const p = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 915)],
      students: [
        { id: 'zoe', name: 'Zoe', teacherEmail: 'b@s', familyId: 'young' },
        ...hour.students,
      ],
      families: [plainFamily('young'), ...hour.families],
    });
    const s = scheduled(p);
    expect(msAs(s)).toEqual([
      ['ruiz', 900],
      ['lee', 920],
      ['kim', 940],
    ]);
    expect(s.unplaced).toEqual([
      { studentId: 'zoe', reason: "b's windows are too short for a 20-minute conference." },
      {
        studentId: 'garcia',
        reason:
          "a's windows are full: 4 conferences for 3 places. Add a window or raise the capacity (families at once).",
      },
    ]);
  });
});
