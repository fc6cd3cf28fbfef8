/**
 * Where a family's next conference goes once one is fixed: beside it, within the hour, before a
 * start further away is considered. A start an hour away at the family's first choice is taken
 * only when nothing near fits. Each schedule is judged by the independent checker first; what is
 * expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, backToBack, plainFamily, problem, win } from './schedproblem';
import { pupil } from './placedschool';

/** The engine's schedule (the search off, or as usual), the checker finding nothing wrong, no one left out. */
function scheduled(p: Problem, iterations: number | undefined) {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

/** A family's times, each [start, end, rank] on DAY. */
const gave = (id: string, times: [number, number, number][]): SchedFamily => ({
  ...plainFamily(id),
  availability: times.map(([start, end, rank]) => ({ date: DAY, start, end, rank })),
});

/** Each conference of the Lees as "teacher start-end rank", in time order. */
const lees = (s: ReturnType<typeof scheduled>) =>
  s.conferences
    .filter((c) => c.familyId === 'lee')
    .map((c) => `${c.teacherEmail} ${c.start}-${c.end} ${c.rank}`);

/** Ben with Ms. A in her one window, Mai with Mr. B all evening (3:00 to 6:20 PM), the Lees' times given. */
const leesWith = (a: [number, number], times: [number, number, number][]) =>
  problem({
    windows: [win('a@s', ...a), win('b@s', 900, 1100)],
    students: [pupil('ben', 'lee', 'a@s'), pupil('mai', 'lee', 'b@s')],
    families: [gave('lee', times)],
  });

describe('buildSchedule: a sibling seen near the family’s other conference', () => {
  // Ms. A is there 3:00 to 3:20 PM only, so Ben is seen then. Mr. B is there all evening. The
  // Lees' first choice is 4:20 to 6:20 PM, their fourth 3:00 to 4:00 (the second and third are
  // morning hours no teacher has). Mai is seen at 3:25, right after Ben, at the fourth choice,
  // not at 4:20 after a 55-minute wait, an hour after Ben's conference ends.
  it('sees the second child right after the first, not at the first choice an hour after', () => {
    const p = leesWith(
      [900, 920],
      [
        [980, 1100, 1],
        [800, 820, 2],
        [820, 840, 3],
        [900, 960, 4],
      ],
    );
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(lees(s)).toEqual(['a@s 900-920 4', 'b@s 925-945 4']);
      expect(backToBack(p, s)).toBe(1);
    }
  });

  // The same on the second of Mr. B's two evenings, the Lees free on both: Ms. A is there on
  // the 18th only. Mai is seen on the 18th right after Ben, not on the 17th (a second trip).
  it('sees the second child right after the first on the evening the first is seen, when the teacher has two', () => {
    const next = '2026-11-18';
    const on18 = (w: ReturnType<typeof win>) => ({ ...w, date: next });
    const times: [number, number, number][] = [
      [980, 1100, 1],
      [800, 820, 2],
      [820, 840, 3],
      [900, 960, 4],
    ];
    const p = problem({
      windows: [on18(win('a@s', 900, 920)), win('b@s', 900, 1100), on18(win('b@s', 900, 1100))],
      students: [pupil('ben', 'lee', 'a@s'), pupil('mai', 'lee', 'b@s')],
      families: [
        {
          ...plainFamily('lee'),
          availability: [DAY, next].flatMap((date) =>
            times.map(([start, end, rank]) => ({ date, start, end, rank })),
          ),
        },
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(s.conferences.map((c) => c.date)).toEqual([next, next]);
      expect(lees(s)).toEqual(['a@s 900-920 4', 'b@s 925-945 4']);
    }
  });

  // Ms. A is there on the 17th only, 5:20 to 5:40 PM; Mr. B 3:00 to 3:40 PM on the 17th and all
  // evening on the 18th. The Lees can come any time either evening. Mai is seen on the 17th at
  // 3:20, so the family comes once and waits 95 minutes, rather than coming back on the 18th.
  it('sees both children the evening one must come, though they wait between, rather than on two evenings', () => {
    const next = '2026-11-18';
    const p = problem({
      windows: [
        win('a@s', 1040, 1060),
        win('b@s', 900, 940),
        { ...win('b@s', 900, 1100), date: next },
      ],
      students: [pupil('ben', 'lee', 'a@s'), pupil('mai', 'lee', 'b@s')],
      families: [
        {
          ...plainFamily('lee'),
          availability: [DAY, next].map((date) => ({ date, start: 900, end: 1100, rank: 1 })),
        },
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(lees(s)).toEqual(['b@s 920-940 1', 'a@s 1040-1060 1']);
      expect(s.conferences.map((c) => c.date)).toEqual([DAY, DAY]);
    }
  });

  // The same the other way round: Ms. A is there 5:20 to 5:40 PM only. The Lees' first choice
  // is 3:00 to 4:15 PM, their fourth 4:15 to 6:20. Mai's last start in the first choice, 3:55,
  // ends an hour and five minutes before Ben's: she is seen right beside him instead, at the
  // fourth choice (before him or after him: either way the family does not wait).
  it('sees the first child beside the second, not at the first choice more than an hour before', () => {
    const p = leesWith(
      [1040, 1060],
      [
        [900, 975, 1],
        [800, 820, 2],
        [820, 840, 3],
        [975, 1100, 4],
      ],
    );
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(lees(s)).toContain('a@s 1040-1060 4');
      expect(s.conferences.map((c) => c.rank)).toEqual([4, 4]);
      expect(backToBack(p, s)).toBe(1);
    }
  });

  // With the first choice reaching to 4:20 PM, Mai's last start in it, 4:00, ends within the hour
  // before Ben's 5:20: near enough, and the family's first choice is met.
  it('gives the first child the family’s first choice when it ends within the hour before the second', () => {
    const p = leesWith(
      [1040, 1060],
      [
        [900, 980, 1],
        [800, 820, 2],
        [820, 840, 3],
        [980, 1100, 4],
      ],
    );
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      expect(lees(s)).toEqual(['b@s 960-980 1', 'a@s 1040-1060 4']);
    }
  });
  // Ms. A is there on the 17th only, 3:00 to 3:20 PM; Mr. B on the 18th only, 9:00 to 9:20 AM;
  // Ms. C on the 17th 2:00 to 4:40 PM and on the 18th 8:00 AM to noon (more starts on the 18th).
  // The Lees' first choice is the 17th's afternoon, their second the 18th's morning. Cy is seen
  // on the 17th beside Ben, at the first choice: the family comes both days either way, and the
  // 18th's morning, beside Mai, is only their second. (Looking for the 17th's stretch among Ms.
  // C's starts by their time alone, not their day first, landed among the 18th's earlier starts
  // and saw only Mai's stretch: Cy on the 18th at the second choice.)
  it('looks beside each of the family’s conferences on two days, not only the last day’s', () => {
    const next = '2026-11-18';
    const p = problem({
      windows: [
        win('a@s', 900, 920),
        { ...win('b@s', 540, 560), date: next },
        win('c@s', 840, 1000),
        { ...win('c@s', 480, 720), date: next },
      ],
      students: [pupil('ben', 'lee', 'a@s'), pupil('mai', 'lee', 'b@s'), pupil('cy', 'lee', 'c@s')],
      families: [
        {
          ...plainFamily('lee'),
          availability: [
            { date: DAY, start: 840, end: 1000, rank: 1 },
            { date: next, start: 480, end: 720, rank: 2 },
          ],
        },
      ],
    });
    for (const iterations of [0, undefined]) {
      const s = scheduled(p, iterations);
      const cy = s.conferences.find((c) => c.studentIds.includes('cy'))!;
      expect([cy.date, cy.rank]).toEqual([DAY, 1]);
    }
  });
});
