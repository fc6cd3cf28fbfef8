/**
 * What a family with several children notices of the engine's costs, on one evening: all its
 * conferences one after another with only the walk between rooms (or the changeover in one),
 * however many children and whichever order the rooms come in; and a wait, when there must be
 * one, as short as the teachers' hours allow. Every schedule is judged by the independent checker
 * first; what is expected comes from the fixture's hours.
 */
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, backToBack, keptConference, plainFamily, problem, win } from './schedproblem';
import { anyTime, pupil, scheduled } from './placedschool';

const TEACHERS = ['a@s', 'b@s', 'c@s', 'd@s'];

/**
 * The Garcias with a child in each of the first `n` classes, every teacher free 3:00 to 6:20 PM,
 * and two families of one child (with Mr. B and Ms. A) who can come any time too.
 */
function garcias(n: number): Problem {
  const classes = TEACHERS.slice(0, n);
  return problem({
    windows: classes.map((t) => win(t, 900, 1100)),
    students: [
      ...classes.map((t) => pupil(`garcia-${t}`, 'garcia', t)),
      pupil('xu', 'xu', 'b@s'),
      pupil('yo', 'yo', 'a@s'),
    ],
    families: [anyTime('garcia'), anyTime('xu'), anyTime('yo')],
  });
}

/** The Garcias' conferences in time order, each as [teacher, start, end]. */
const garciaDay = (s: ReturnType<typeof buildSchedule>) =>
  s.conferences
    .filter((c) => c.familyId === 'garcia')
    .sort((x, y) => x.start - y.start)
    .map((c) => [c.teacherEmail, c.start, c.end] as const);

describe('buildSchedule: a family’s evening', () => {
  it.each([3, 4])(
    'sees a family with a child in each of %i classes back to back, walking between rooms',
    (n) => {
      const p = garcias(n);
      const s = scheduled(p);
      const day = garciaDay(s);
      expect(new Set(day.map(([t]) => t)).size).toBe(n);
      // Each conference starts when the one before ends and the family has walked (5 minutes).
      for (let i = 1; i < day.length; i++)
        expect(day[i]![1]).toBe(day[i - 1]![2] + p.bufferMinutes);
      expect(s.quality.waiting).toEqual([0]);
      expect(backToBack(p, s)).toBe(1);
    },
  );

  it('sees twins in one class and their brother in another back to back, the changeover between the twins', () => {
    const p = problem({
      windows: [win('a@s', 900, 1100), win('b@s', 900, 1100)],
      changeoverMinutes: 5,
      students: [
        pupil('tia', 'garcia', 'a@s'),
        pupil('teo', 'garcia', 'a@s'),
        pupil('ben', 'garcia', 'b@s'),
        pupil('zoe', 'zhang', 'b@s'),
      ],
      families: [anyTime('garcia'), anyTime('zhang')],
    });
    const s = scheduled(p);
    const day = garciaDay(s);
    expect(day).toHaveLength(3);
    for (let i = 1; i < day.length; i++) {
      const gap = day[i]![0] === day[i - 1]![0] ? 5 : p.bufferMinutes;
      expect(day[i]![1]).toBe(day[i - 1]![2] + gap);
    }
    expect(s.quality.waiting).toEqual([0]);
  });
});

describe('buildSchedule: a sibling among the family’s kept conferences', () => {
  it('fits a sibling into the gap between two of the family’s kept conferences, so the family does not wait', () => {
    // Ana's conferences with Ms. A at 3:00 PM and Mr. C at 3:50 PM are kept; Ben's teacher,
    // Mr. B, is free 3:00 to 4:35 PM. Ben at 3:25 fills the family's gap.
    const p = problem({
      windows: [win('a@s', 900, 920), win('b@s', 900, 995), win('c@s', 950, 970)],
      students: [
        pupil('ana', 'garcia', 'a@s'),
        pupil('ben', 'garcia', 'b@s'),
        pupil('cy', 'garcia', 'c@s'),
      ],
      families: [plainFamily('garcia')],
      fixed: [
        keptConference('ana', 'garcia', 'a@s', 900, 920),
        keptConference('cy', 'garcia', 'c@s', 950, 970),
      ],
    });
    const s = scheduled(p);
    expect(garciaDay(s)).toEqual([
      ['a@s', 900, 920],
      ['b@s', 920 + p.bufferMinutes, 920 + p.bufferMinutes + 20],
      ['c@s', 950, 970],
    ]);
    expect(s.quality.waiting).toEqual([0]);
  });

  it.each([
    ['Ben’s', false],
    ['Ben’s and, after it, Cy’s', true],
  ])(
    'keeps a sibling right before the family’s kept conferences (%s), though the teacher then sits idle: closing her day up would make the family wait longer',
    (_, withCy) => {
      // The Kims can come to Ms. A from 3:00 to 3:20 PM only; Ben's conference with Mr. B at
      // 4:40 PM is kept (and Cy's with Mr. C right after it). Ana (Ms. A's) at 4:15 PM reaches
      // Mr. B's room on time; at 3:20, right after the Kims, the Garcias would wait 55 minutes
      // for Mr. B, for the sake of 55 idle minutes of Ms. A's.
      const cy = keptConference('cy', 'garcia', 'c@s', 1025, 1045);
      const p = problem({
        windows: [win('a@s', 900, 1000), win('b@s', 1000, 1020), win('c@s', 1025, 1045)],
        students: [
          pupil('kim', 'kim', 'a@s'),
          pupil('ana', 'garcia', 'a@s'),
          pupil('ben', 'garcia', 'b@s'),
          ...(withCy ? [pupil('cy', 'garcia', 'c@s')] : []),
        ],
        families: [
          { ...plainFamily('kim'), availability: [{ date: DAY, start: 900, end: 920, rank: 1 }] },
          plainFamily('garcia'),
        ],
        fixed: [keptConference('ben', 'garcia', 'b@s', 1000, 1020), ...(withCy ? [cy] : [])],
      });
      const s = scheduled(p);
      expect(garciaDay(s)).toEqual([
        ['a@s', 1000 - p.bufferMinutes - 20, 1000 - p.bufferMinutes],
        ['b@s', 1000, 1020],
        ...(withCy ? [['c@s', cy.start, cy.end]] : []),
      ]);
      expect(s.quality.waiting).toEqual([0]);
    },
  );

  /**
   * Ben's teacher, Mr. B, is free all afternoon; the Garcias' two other conferences are kept.
   * Ben's first choice is outside the hour between them, his second inside it: seeing him in
   * the gap would spare the family its 25-minute wait for a second choice, which the engine
   * weighs as more (a rank costs 30 minutes' wait).
   */
  function benAround(kept: [number, string][], firstChoice: [number, number]) {
    return problem({
      windows: [win('a@s', 900, 1100), win('b@s', 900, 1100), win('c@s', 900, 1100)],
      students: [
        pupil('ana', 'garcia', 'a@s'),
        pupil('ben', 'garcia', 'b@s'),
        pupil('cy', 'garcia', 'c@s'),
      ],
      families: [
        {
          ...plainFamily('garcia'),
          availability: [
            { date: DAY, start: firstChoice[0], end: firstChoice[1], rank: 1 },
            { date: DAY, start: 900, end: 1100, rank: 2 },
          ],
        },
      ],
      fixed: kept.map(([start, who]) =>
        keptConference(who, 'garcia', `${who[0]}@s`, start, start + 20),
      ),
    });
  }

  it('sees a sibling at his first choice right after the family’s last kept conference, rather than at his second in the gap before it', () => {
    // Ana's conference at 3:00 PM and Cy's at 3:50 are kept; Ben's first choice is from 4:15.
    const p = benAround(
      [
        [900, 'ana'],
        [950, 'cy'],
      ],
      [975, 1100],
    );
    const s = scheduled(p);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'))!;
    expect(ben.start).toBe(970 + p.bufferMinutes);
    expect(s.quality.rankMet.first).toBe(1);
  });

  it('sees a sibling at his first choice right before the family’s first kept conference, rather than at his second in the gap after it', () => {
    // Cy's conference at 4:40 PM and Ana's at 3:50 are kept; Ben's first choice ends at 3:45.
    const p = benAround(
      [
        [1000, 'cy'],
        [950, 'ana'],
      ],
      [900, 945],
    );
    const s = scheduled(p);
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'))!;
    expect(ben.end).toBe(950 - p.bufferMinutes);
    expect(s.quality.rankMet.first).toBe(1);
  });
});
