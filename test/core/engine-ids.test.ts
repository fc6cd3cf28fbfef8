/**
 * Whatever a Family ID or a teacher's email reads like, the engine schedules the family under
 * that id: it keeps ids, emails and dates as V8 keeps property names (so that it compares them
 * by address), and an id such as `__proto__`, `constructor` or `0` means something else as a
 * property name. Every schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { keptConference, plainFamily, problem, win } from './schedproblem';

describe('buildSchedule: ids that mean something else as property names', () => {
  // Two children of the family "__proto__", one with Ms. A (email "constructor@s") and one
  // with Mr. B; one child each of the families "0" and "constructor"; the family "toString"
  // has a conference kept with Mr. B at 3:00 PM.
  const p: Problem = problem({
    windows: [win('constructor@s', 900, 1020), win('b@s', 900, 1020)],
    students: [
      { id: 's1', name: 'Ada', teacherEmail: 'constructor@s', familyId: '__proto__' },
      { id: 's2', name: 'Ben', teacherEmail: 'b@s', familyId: '__proto__' },
      { id: 's3', name: 'Cy', teacherEmail: 'constructor@s', familyId: '0' },
      { id: 's4', name: 'Di', teacherEmail: 'b@s', familyId: 'constructor' },
      { id: 's5', name: 'Ed', teacherEmail: 'b@s', familyId: 'toString' },
    ],
    families: ['__proto__', '0', 'constructor', 'toString'].map(plainFamily),
    fixed: [keptConference('s5', 'toString', 'b@s', 900, 920)],
  });
  const schedule = buildSchedule(p);

  it('gives a schedule the checker finds nothing wrong with', () => {
    expect(checkSchedule(p, schedule)).toEqual([]);
  });

  it('gives each student a conference under their own family id and teacher', () => {
    const who = schedule.conferences
      .flatMap((c) => c.studentIds.map((id) => `${id} ${c.familyId} ${c.teacherEmail}`))
      .sort();
    expect(who).toEqual([
      's1 __proto__ constructor@s',
      's2 __proto__ b@s',
      's3 0 constructor@s',
      's4 constructor b@s',
      's5 toString b@s',
    ]);
    expect(schedule.unplaced).toEqual([]);
  });

  it('keeps the "__proto__" family as one family: its two conferences back to back', () => {
    expect(schedule.quality.siblingFamilies).toBe(1);
    expect(schedule.quality.siblingsBackToBack).toBe(1);
  });
});
