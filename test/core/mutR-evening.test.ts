/**
 * The evening planner (src/core/schedule/evening.ts) on small one-evening schools whose teachers'
 * windows open at different times (3:00 to 3:15 PM) and leave little or no place to spare. Each
 * school is the smallest of 4,500 random ones where a changed planner (a survivor of the
 * mutation run, named at each test) did worse for someone than the planner: it gave up where
 * the planner places everyone, broke a rule, saw fewer families back to back, or kept families
 * or teachers waiting longer. The evening written out for each is a valid one with everyone in
 * it, checked here by the independent checker; the planner must do as well on each seed given
 * (the school's own and others: the fixtures do not rest on one draw).
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { planBlocks } from '../../src/core/schedule/evening';
import type { Problem, Schedule, SchedStudent } from '../../src/core/schedule/types';
import { backToBack, idleMinutes, plainFamily, planned, problem, win } from './schedproblem';

/** 3:00 PM is 900; '3:25' → 925. */
const at = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h! + 12) * 60 + m!;
};

/** Students as `id:teacher:family`; each teacher's one window, from and to. */
function school(
  students: string[],
  windows: Record<string, [string, string]>,
  minutes: { conference: number; walk: number; changeover: number },
  seed: number,
): Problem {
  const list: SchedStudent[] = students.map((x) => {
    const [id, t, familyId] = x.split(':') as [string, string, string];
    return { id, name: id, teacherEmail: `${t}@s`, familyId };
  });
  return problem({
    windows: Object.entries(windows).map(([t, [from, to]]) => win(`${t}@s`, at(from), at(to))),
    students: list,
    families: [...new Set(list.map((s) => s.familyId))].map(plainFamily),
    conferenceMinutes: minutes.conference,
    bufferMinutes: minutes.walk,
    changeoverMinutes: minutes.changeover,
    seed,
  });
}

/** Minutes families wait between their conferences beyond the walk (or the changeover). */
function familyWait(p: Problem, s: Schedule): number {
  const byFamily = new Map<string, Schedule['conferences']>();
  for (const c of s.conferences) byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c]);
  let total = 0;
  for (const list of byFamily.values()) {
    const sorted = [...list].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) {
      const same = sorted[i]!.teacherEmail === sorted[i - 1]!.teacherEmail;
      total +=
        sorted[i]!.start -
        sorted[i - 1]!.end -
        (same ? (p.changeoverMinutes ?? 0) : p.bufferMinutes);
    }
  }
  return total;
}

const quality = (p: Problem, s: Schedule) => ({
  backToBack: backToBack(p, s),
  idle: idleMinutes(p, s),
  familyWait: familyWait(p, s),
});

/**
 * The evening written out by hand keeps every rule with everyone in it; the planner's, for each
 * seed, does too, with at least as many families back to back, and teachers and families waiting
 * no longer.
 */
function expectAsGoodAs(p: Problem, byHand: Record<string, string>, seeds: number[]) {
  const witness = planned(p, new Map(Object.entries(byHand).map(([id, t]) => [id, at(t)])));
  expect(checkSchedule(p, witness)).toEqual([]);
  expect(witness.conferences).toHaveLength(p.students.length);
  const want = quality(p, witness);
  for (const seed of seeds) {
    const plan = planBlocks({ ...p, seed });
    expect([seed, plan === null]).toEqual([seed, false]);
    const s = planned(p, plan!.start);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.conferences).toHaveLength(p.students.length);
    const got = quality(p, s);
    expect([
      seed,
      got.backToBack >= want.backToBack,
      got.idle <= want.idle,
      got.familyWait <= want.familyWait,
    ]).toEqual([seed, true, true, true]);
  }
  return want;
}

describe('planBlocks on evenings whose windows open at different times', () => {
  it('a teacher with a 20-minute window between others: the one-phase fallback and the starts in time order', () => {
    // Kills (each applied by hand, this test failing): the one-phase fallback never taken
    // (`if (times.length < …)` as `false`, its block emptied), its loop given no start or one past
    // the window (`s + L <= day.end` as `false`, `<`, `>`), run for fewer or more (`true`,
    // `<=`, `>=`), its refusal `true`, `<=`, `>=`, `false`; the slots not sorted by time
    // (the sort dropped, `a.time + b.time`, `&&`); the shuffle drawing one past the end.
    const p = school(
      [
        's0:t1:f0',
        's1:t0:f0',
        's2:t3:f1',
        's3:t0:f1',
        's4:t3:f1',
        's5:t3:f2',
        's6:t1:f2',
        's7:t3:f3',
        's8:t1:f3',
      ],
      { t0: ['3:15', '3:35'], t1: ['3:10', '3:55'], t3: ['3:05', '4:05'] },
      { conference: 10, walk: 5, changeover: 0 },
      445,
    );
    const byHand = {
      s7: '3:05',
      s0: '3:10',
      s3: '3:15',
      s5: '3:15',
      s8: '3:20',
      s1: '3:25',
      s6: '3:30',
      s2: '3:35',
      s4: '3:45',
    };
    expect(expectAsGoodAs(p, byHand, [445, 446, 447, 1, 2, 3])).toEqual({
      backToBack: 3,
      idle: 10,
      familyWait: 5,
    });
  });

  it('no teacher given a second phase that gains no family', () => {
    // Kills `gain > 0` as `gain >= 0` (166): a change of phase for no gain makes a family look
    // back to back in it, so the planner no longer tries it a few minutes apart, and gives up.
    const p = school(
      [
        's0:t0:f0',
        's1:t2:f1',
        's2:t3:f2',
        's3:t2:f2',
        's4:t0:f2',
        's5:t0:f3',
        's6:t1:f3',
        's7:t2:f4',
      ],
      { t0: ['3:05', '4:30'], t1: ['3:15', '3:40'], t2: ['3:05', '4:20'], t3: ['3:05', '3:50'] },
      { conference: 15, walk: 5, changeover: 0 },
      11946824,
    );
    const byHand = {
      s0: '3:05',
      s1: '3:05',
      s2: '3:05',
      s6: '3:15',
      s7: '3:20',
      s5: '3:35',
      s3: '3:35',
      s4: '3:55',
    };
    expectAsGoodAs(p, byHand, [11946824, 11946825, 11946826, 1, 2, 3]);
  });

  it('a teacher who changes phase counts as late only the families the first phase does not fit, and starts chains largest first', () => {
    // Kills the `late` count's `!chainFits` made `chainFits` (191), and `bySize`'s sort dropped
    // or reversed (237): the family of three (f1) is then started after a pair and waits.
    const p = school(
      [
        's0:t1:f0',
        's1:t3:f0',
        's2:t1:f1',
        's3:t3:f1',
        's4:t2:f1',
        's5:t2:f2',
        's6:t3:f2',
        's7:t1:f3',
        's8:t2:f3',
        's9:t2:f4',
      ],
      { t1: ['3:00', '4:25'], t2: ['3:05', '4:40'], t3: ['3:05', '4:40'] },
      { conference: 20, walk: 10, changeover: 0 },
      9753261,
    );
    const byHand = {
      s8: '3:05',
      s6: '3:05',
      s2: '3:15',
      s9: '3:25',
      s1: '3:25',
      s7: '3:35',
      s5: '3:45',
      s3: '3:45',
      s0: '3:55',
      s4: '4:15',
    };
    expectAsGoodAs(p, byHand, [9753261, 9753262, 9753263, 1, 2, 3]);
  });

  it('a window whose last start ends it exactly', () => {
    // Kills the first start-times loop's `s + L <= day.end` as `<` (195): the teacher's last
    // start, ending as the window ends, is lost, and the planner gives up.
    const p = school(
      [
        's0:t1:f0',
        's1:t2:f1',
        's2:t3:f1',
        's3:t3:f2',
        's4:t0:f2',
        's5:t2:f2',
        's6:t0:f3',
        's7:t1:f3',
        's8:t1:f4',
        's9:t0:f4',
        's10:t3:f4',
        's11:t2:f5',
        's12:t0:f5',
      ],
      {
        t0: ['3:00', '4:35'],
        t1: ['3:10', '4:20'],
        t2: ['3:15', '4:40'],
        t3: ['3:00', '4:20'],
      },
      { conference: 15, walk: 10, changeover: 5 },
      2444024,
    );
    const byHand = {
      s10: '3:00',
      s6: '3:05',
      s0: '3:10',
      s1: '3:15',
      s3: '3:20',
      s9: '3:25',
      s7: '3:30',
      s11: '3:35',
      s2: '3:40',
      s4: '3:45',
      s8: '3:50',
      s12: '4:20',
      s5: '4:10',
    };
    expectAsGoodAs(p, byHand, [2444024, 2444025, 2444026, 1, 2, 3]);
  });

  it('a family free for a conference that ends, with the changeover, before its next one', () => {
    // Kills `familyFree`'s `time + L + gap <= at` as `false` (257): a child can then be seen
    // only after the family's other conferences, and the planner gives up.
    const p = school(
      ['s0:t1:f0', 's1:t2:f1', 's2:t1:f1', 's3:t0:f1', 's4:t2:f2', 's5:t0:f2', 's6:t0:f2'],
      { t0: ['3:15', '5:15'], t1: ['3:05', '4:15'], t2: ['3:00', '3:50'] },
      { conference: 20, walk: 0, changeover: 5 },
      1002766,
    );
    const byHand = {
      s4: '3:00',
      s0: '3:05',
      s6: '3:20',
      s1: '3:25',
      s5: '3:45',
      s3: '4:10',
      s2: '3:45',
    };
    expectAsGoodAs(p, byHand, [1002766, 1002767, 1002768, 1, 2, 3]);
  });

  it('at a start nobody’s chain takes, the child whose family is nearest is seen', () => {
    // Kills the distance to a family's other conferences dropped or miscounted (319–323: the
    // loop emptied, `Math.max`, `slot.time + at`, `cost < best` as `true` or `<=`): the family
    // of three then waits longer between its conferences (on 4,500 random schools these changed
    // planners did better as often as worse: this school is one where the nearest is right).
    const p = school(
      [
        's0:t2:f0',
        's1:t1:f0',
        's2:t1:f1',
        's3:t1:f1',
        's4:t0:f1',
        's5:t1:f2',
        's6:t0:f2',
        's7:t1:f2',
        's8:t0:f2',
      ],
      { t0: ['3:10', '4:40'], t1: ['3:15', '5:10'], t2: ['3:10', '3:30'] },
      { conference: 15, walk: 0, changeover: 5 },
      1369,
    );
    const byHand = {
      s6: '3:10',
      s0: '3:10',
      s2: '3:15',
      s4: '3:30',
      s1: '3:35',
      s8: '3:50',
      s3: '3:55',
      s5: '4:15',
      s7: '4:35',
    };
    expect(expectAsGoodAs(p, byHand, [1369, 1])).toEqual({
      backToBack: 0,
      idle: 0,
      familyWait: 50,
    });
  });

  it('whoever the starts left is seen only where the teacher is free, changeover included', () => {
    // Kills the last pass's teacher-free test `time + L + C` as `time + L - C` (335): a
    // conference then starts in the changeover after another, which the checker refuses.
    const p = school(
      [
        's0:t0:f0',
        's1:t1:f0',
        's2:t1:f1',
        's3:t1:f1',
        's4:t0:f1',
        's5:t1:f2',
        's6:t0:f2',
        's7:t1:f3',
        's8:t0:f3',
      ],
      { t0: ['3:10', '5:10'], t1: ['3:00', '5:25'] },
      { conference: 15, walk: 0, changeover: 5 },
      703,
    );
    const byHand = {
      s1: '3:00',
      s7: '3:20',
      s0: '3:25',
      s5: '3:40',
      s8: '3:45',
      s2: '4:00',
      s6: '4:05',
      s3: '4:20',
      s4: '4:35',
    };
    expectAsGoodAs(p, byHand, [703, 704, 705, 1, 2, 3]);
  });

  it('whoever the starts left is kept out of the changeover before another conference', () => {
    // Kills the last pass's teacher-free test `at + L + C` as `at + L - C` (335).
    const p = school(
      ['s0:t3:f0', 's1:t2:f0', 's2:t1:f1', 's3:t3:f1'],
      { t1: ['3:05', '3:30'], t2: ['3:00', '3:40'], t3: ['3:10', '3:50'] },
      { conference: 10, walk: 10, changeover: 5 },
      852,
    );
    expectAsGoodAs(p, { s1: '3:00', s2: '3:05', s0: '3:25', s3: '3:40' }, [852, 853, 854, 1, 2, 3]);
  });

  it('whoever the starts left is never seen past their teacher’s window', () => {
    // Kills the last pass's window loop `time + L <= day.end` as `time - L` (345): a conference
    // then runs past the window. Here the planner gives up (the engine plans the evening); a
    // plan it gives must keep every rule.
    const p = school(
      ['s0:t3:f0', 's1:t4:f0', 's2:t3:f0'],
      {
        t0: ['3:00', '3:20'],
        t1: ['3:00', '3:20'],
        t2: ['3:00', '3:20'],
        t3: ['3:00', '4:10'],
        t4: ['3:00', '3:45'],
      },
      { conference: 20, walk: 0, changeover: 5 },
      231253,
    );
    for (const seed of [231253, 231254, 231255, 1, 2, 3]) {
      const plan = planBlocks({ ...p, seed });
      if (plan) expect([seed, checkSchedule(p, planned(p, plan.start))]).toEqual([seed, []]);
    }
  });
});

describe('planBlocks on the schools a second search found (the survivors left after the first)', () => {
  it('families of two to four only are started as chains, and those that fit back to back in neither phase a few minutes apart first', () => {
    // Kills `bySize`'s filter made `true` for families of one or of more than four (`>= 2` as
    // `true`, `<= MAX_CHAIN` as `true`, `||`, the filter dropped) and the unfit set emptied or
    // made every family (its filter `{}`, `true`, the fit test `true`): the family of four (f5)
    // then waits 15 minutes more. Of 4,500 random schools, this is the one where they differ.
    const p = school(
      [
        's0:t3:f0',
        's1:t1:f0',
        's2:t1:f0',
        's3:t1:f1',
        's4:t0:f1',
        's5:t2:f2',
        's6:t0:f3',
        's7:t2:f3',
        's8:t3:f3',
        's9:t1:f4',
        's10:t2:f4',
        's11:t1:f5',
        's12:t1:f5',
        's13:t1:f5',
        's14:t2:f5',
      ],
      { t0: ['3:00', '4:05'], t1: ['3:10', '4:55'], t2: ['3:00', '4:05'], t3: ['3:15', '4:10'] },
      { conference: 10, walk: 0, changeover: 5 },
      11653821,
    );
    const byHand = {
      s4: '3:00',
      s7: '3:00',
      s3: '3:10',
      s6: '3:15',
      s14: '3:15',
      s0: '3:15',
      s13: '3:25',
      s5: '3:30',
      s8: '3:30',
      s12: '3:40',
      s10: '3:45',
      s11: '3:55',
      s9: '4:10',
      s1: '4:25',
      s2: '4:40',
    };
    expectAsGoodAs(p, byHand, [11653821, 11653822, 11653823, 1, 2, 3]);
  });

  it('a family of five is not started as a chain', () => {
    // Kills `sizeOf(id) <= MAX_CHAIN` made `true` (236) and the filter's `||`: the family of
    // five (f0) is then laid as a chain and another family waits 20 minutes more. On 4,500
    // random schools these changed planners did better on two and worse on two.
    const p = school(
      [
        's0:t1:f0',
        's1:t0:f0',
        's2:t0:f0',
        's3:t1:f0',
        's4:t1:f0',
        's5:t0:f5',
        's6:t0:f6',
        's7:t1:f6',
        's8:t1:f6',
        's9:t0:f6',
        's10:t1:f6',
      ],
      { t0: ['3:00', '5:50'], t1: ['3:00', '6:15'] },
      { conference: 20, walk: 0, changeover: 5 },
      297253,
    );
    const byHand = {
      s5: '3:00',
      s0: '3:00',
      s1: '3:25',
      s7: '3:25',
      s2: '3:50',
      s8: '3:50',
      s6: '4:15',
      s3: '4:15',
      s9: '4:40',
      s4: '4:40',
      s10: '5:05',
    };
    expectAsGoodAs(p, byHand, [297253, 297254, 297255, 1, 2, 3]);
  });

  it('a family free for a conference that ends, walk included, just as its next one starts', () => {
    // Kills `familyFree`'s `time + L + gap <= at` as `<` (257): the planner gives up.
    const p = school(
      [
        's0:t0:f0',
        's1:t0:f0',
        's2:t0:f1',
        's3:t2:f2',
        's4:t1:f2',
        's5:t0:f3',
        's6:t1:f3',
        's7:t2:f3',
      ],
      { t0: ['3:05', '4:45'], t1: ['3:10', '3:50'], t2: ['3:00', '4:30'] },
      { conference: 15, walk: 10, changeover: 5 },
      4146609,
    );
    const byHand = {
      s3: '3:00',
      s0: '3:05',
      s6: '3:15',
      s1: '3:25',
      s4: '3:35',
      s2: '3:45',
      s5: '4:05',
      s7: '3:40',
    };
    expectAsGoodAs(p, byHand, [4146609, 4146610, 4146611, 1, 2, 3]);
  });

  it('whoever the starts left may be seen before a conference of the teacher’s that starts later', () => {
    // Kills the last pass's teacher-free test `at < time + L + C` made `true` (335): only the
    // times after all of the teacher's conferences are then free, and the planner gives up.
    const p = school(
      [
        's0:t1:f0',
        's1:t0:f0',
        's2:t0:f1',
        's3:t3:f2',
        's4:t3:f2',
        's5:t2:f2',
        's6:t2:f2',
        's7:t1:f3',
        's8:t2:f3',
        's9:t1:f4',
        's10:t0:f4',
        's11:t2:f5',
        's12:t1:f5',
        's13:t3:f6',
        's14:t1:f6',
        's15:t1:f7',
        's16:t1:f7',
        's17:t0:f7',
      ],
      { t0: ['3:15', '4:40'], t1: ['3:15', '6:10'], t2: ['3:10', '4:40'], t3: ['3:00', '4:20'] },
      { conference: 15, walk: 0, changeover: 5 },
      1473,
    );
    const byHand = {
      s13: '3:00',
      s11: '3:10',
      s14: '3:15',
      s2: '3:20',
      s3: '3:20',
      s8: '3:30',
      s12: '3:35',
      s17: '3:40',
      s4: '3:40',
      s7: '3:55',
      s10: '4:00',
      s16: '4:15',
      s1: '4:20',
      s5: '4:25',
      s9: '4:35',
      s15: '4:55',
      s0: '5:15',
      s6: '4:05',
    };
    expectAsGoodAs(p, byHand, [1473, 1474, 1475, 1, 2, 3]);
  });
});
