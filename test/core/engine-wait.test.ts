/**
 * The engine prices each start it tries by what it adds to the family's cost, not by working
 * the family's cost out again: a start between two of the family's conferences also shortens
 * the wait between them, and must be priced so.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Conference } from '../../src/core/schedule/types';
import { DAY, problem, win } from './schedproblem';

const kept = (id: string, teacherEmail: string, start: number): Conference => ({
  studentIds: [id],
  familyId: 'garcia',
  teacherEmail,
  date: DAY,
  start,
  end: start + 20,
  fixed: true,
  rank: 0,
});

describe('buildSchedule', () => {
  it('puts a sibling into the hour the family already waits between two kept conferences', () => {
    // Ana's conference is kept at 4:00 PM and Cy's at 5:20 PM, with two other teachers, so the
    // Garcias have an hour between them; Ben's teacher is free from 2:00 to 7:00. Between them
    // Ben leaves the family 30 minutes of waiting in all (the hour less his 20-minute conference
    // and two 5-minute walks); before 4:00 or after 5:40 the family would wait at least 55
    // minutes (the hour between Ana and Cy less one walk).
    const ana = kept('ana', 'a@s', 960);
    const cy = kept('cy', 'c@s', 1040);
    const p = problem({
      windows: [win('a@s', 960, 980), win('b@s', 840, 1140), win('c@s', 1040, 1060)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
        { id: 'cy', name: 'Cy', teacherEmail: 'c@s', familyId: 'garcia' },
      ],
      families: [{ id: 'garcia', name: 'Garcia', availability: null, interpreter: '' }],
      fixed: [ana, cy],
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'))!;
    expect(ben.start).toBeGreaterThanOrEqual(ana.end + 5);
    expect(ben.end + 5).toBeLessThanOrEqual(cy.start);
    expect(s.quality.waiting).toEqual([cy.start - ana.end - 20 - 2 * 5]);
  });
});
