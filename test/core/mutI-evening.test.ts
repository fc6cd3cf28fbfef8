/**
 * The evening planner (src/core/schedule/evening.ts) against evenings written out by hand: for
 * each small school below, a schedule is given that the independent checker accepts, with
 * everyone in it, so many families seeing their teachers back to back and so many minutes of
 * teachers sitting idle. The planner must do as well: every student placed, every rule kept, at
 * least as many families back to back, and teachers waiting no longer.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { planBlocks } from '../../src/core/schedule/evening';
import type { Problem, SchedStudent } from '../../src/core/schedule/types';
import {
  backToBack,
  evening,
  idleMinutes,
  plainFamily,
  planned,
  problem,
  win,
} from './schedproblem';

/** 3:00 PM is 900; '3:25' → 925. */
const at = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h! + 12) * 60 + m!;
};

/** Students as `id:teacher:family`, each teacher's window 3:00 PM to the end given. */
function school(
  students: string[],
  ends: Record<string, string>,
  minutes: { conference: number; walk: number; changeover: number },
  seed = 1,
): Problem {
  const list: SchedStudent[] = students.map((x) => {
    const [id, t, familyId] = x.split(':') as [string, string, string];
    return { id, name: id, teacherEmail: `${t}@s`, familyId };
  });
  return problem({
    windows: Object.entries(ends).map(([t, end]) => win(`${t}@s`, 900, at(end))),
    students: list,
    families: [...new Set(list.map((s) => s.familyId))].map(plainFamily),
    conferenceMinutes: minutes.conference,
    bufferMinutes: minutes.walk,
    changeoverMinutes: minutes.changeover,
    seed,
  });
}

/**
 * The evening written out by hand is a valid one with everyone in it; the planner's, for each
 * seed given, keeps every rule, places everyone, and is at least as good for families and
 * teachers.
 */
function expectAsGoodAs(p: Problem, byHand: Record<string, string>, seeds: number[]) {
  const witness = planned(p, new Map(Object.entries(byHand).map(([id, t]) => [id, at(t)])));
  expect(checkSchedule(p, witness)).toEqual([]);
  expect(witness.conferences).toHaveLength(p.students.length);
  const want = { backToBack: backToBack(p, witness), idle: idleMinutes(p, witness) };
  for (const seed of seeds) {
    const plan = planBlocks({ ...p, seed });
    expect(plan).not.toBeNull();
    const s = planned(p, plan!.start);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.conferences).toHaveLength(p.students.length);
    const got = { backToBack: backToBack(p, s), idle: idleMinutes(p, s) };
    expect([seed, got.backToBack >= want.backToBack, got.idle <= want.idle]).toEqual([
      seed,
      true,
      true,
    ]);
  }
  return want;
}

describe('planBlocks against an evening written out by hand', () => {
  it('twins with one teacher and a brother with another, a 10-minute walk: back to back, nobody waiting', () => {
    // 15-minute conferences, a 10-minute walk, a 5-minute changeover. The brother with B at
    // 3:00, the twins with A at 3:25 and 3:45; A's other family at 3:05.
    const p = school(
      ['s0:a:tw', 's1:b:tw', 's2:a:tw', 's3:a:f3'],
      { a: '4:35', b: '3:55' },
      { conference: 15, walk: 10, changeover: 5 },
    );
    const want = expectAsGoodAs(p, { s1: '3:00', s3: '3:05', s0: '3:25', s2: '3:45' }, [1, 2, 3]);
    expect(want).toEqual({ backToBack: 1, idle: 0 });
  });

  it('a family with two children with A and one with B, and one with three with B: both back to back, nobody waiting', () => {
    // 20-minute conferences, no walk, a 5-minute changeover. A sees the second family's child at
    // 3:05, then the first family's two at 3:30 and 3:55, who see B at 4:15; B sees the three
    // children of one family from 3:00, one after another.
    const p = school(
      [
        's0:a:f0',
        's1:a:f0',
        's2:b:f0',
        's3:b:f3',
        's4:b:f3',
        's5:a:f3',
        's6:b:f6',
        's7:b:f7',
        's8:b:f7',
        's9:b:f7',
      ],
      { a: '4:35', b: '6:15' },
      { conference: 20, walk: 0, changeover: 5 },
      664322,
    );
    const byHand = {
      s7: '3:00',
      s5: '3:05',
      s9: '3:25',
      s0: '3:30',
      s8: '3:50',
      s1: '3:55',
      s2: '4:15',
      s6: '4:40',
      s3: '5:05',
      s4: '5:30',
    };
    const want = expectAsGoodAs(p, byHand, [664322]);
    expect(want).toEqual({ backToBack: 2, idle: 0 });
  });

  it('fills a window that starts five minutes past the hour from its first minute, with a changeover', () => {
    // 20-minute conferences and a 5-minute changeover: 3:05 to 4:20 holds three only at 3:05,
    // 3:30 and 3:55.
    const p = school(
      ['x:a:x', 'y:a:y', 'z:a:z'],
      { a: '4:20' },
      { conference: 20, walk: 5, changeover: 5 },
    );
    const late = { ...p, windows: [{ ...p.windows[0]!, start: at('3:05') }] };
    expectAsGoodAs(late, { x: '3:05', y: '3:30', z: '3:55' }, [1, 2]);
  });

  it('plans the same evening whatever order the Teachers rows come in', () => {
    const p = evening();
    for (const seed of [1, 2, 3]) {
      const plan = planBlocks({ ...p, seed })!;
      const reversed = planBlocks({ ...p, windows: [...p.windows].reverse(), seed })!;
      expect([...reversed.start].sort()).toEqual([...plan.start].sort());
    }
  });

  it('a family of four with three teachers sees them one after another, nobody waiting, beside a teacher with no one', () => {
    // 10-minute conferences, no walk, a 5-minute changeover. The family of four sees A at 3:00,
    // D at 3:10, C at 3:20 and A again at 3:30; Mr. B has a window and no one in it.
    const p = school(
      ['s0:a:f0', 's1:c:f0', 's2:a:f0', 's3:d:f0', 's4:a:f4', 's5:c:f5', 's6:d:f5'],
      { a: '4:10', b: '3:25', c: '3:55', d: '3:55' },
      { conference: 10, walk: 0, changeover: 5 },
      587988,
    );
    const byHand = {
      s0: '3:00',
      s5: '3:05',
      s3: '3:10',
      s4: '3:15',
      s1: '3:20',
      s6: '3:25',
      s2: '3:30',
    };
    expect(expectAsGoodAs(p, byHand, [587988])).toEqual({ backToBack: 1, idle: 0 });
  });

  it('five brothers and sisters in one class are seen one after another', () => {
    const p = school(
      ['s0:a:f0', 's1:a:f0', 's2:a:f0', 's3:a:f0', 's4:a:f0'],
      { a: '4:15' },
      { conference: 10, walk: 5, changeover: 5 },
      844088,
    );
    const byHand = { s0: '3:00', s1: '3:15', s2: '3:30', s3: '3:45', s4: '4:00' };
    expect(expectAsGoodAs(p, byHand, [844088, 1, 2])).toEqual({ backToBack: 1, idle: 0 });
  });

  it('five families across four teachers: four back to back, nobody waiting', () => {
    // 20-minute conferences, a 10-minute walk. Four of the families see their second teacher 30
    // minutes after the first began; no teacher has a gap. Getting there takes the choice of
    // each teacher's start times more than one round over the teachers.
    const p = school(
      [
        'p0a:d:p0',
        'p0b:b:p0',
        'p1a:a:p1',
        'p1b:b:p1',
        'p2a:b:p2',
        'p2b:d:p2',
        'p3a:d:p3',
        'p3b:c:p3',
        'p4a:d:p4',
        'p4b:c:p4',
      ],
      { a: '4:00', b: '4:40', c: '4:20', d: '5:00' },
      { conference: 20, walk: 10, changeover: 0 },
      996566,
    );
    const byHand = {
      p1a: '3:00',
      p3a: '3:00',
      p0b: '3:10',
      p4b: '3:10',
      p2b: '3:20',
      p1b: '3:30',
      p3b: '3:30',
      p0a: '3:40',
      p2a: '3:50',
      p4a: '4:00',
    };
    expect(expectAsGoodAs(p, byHand, [996566])).toEqual({ backToBack: 4, idle: 0 });
  });

  it('three families across three teachers, 15-minute conferences and no walk: everyone placed, one back to back, nobody waiting', () => {
    const p = school(
      ['p0a:c:p0', 'p0b:a:p0', 'p1a:c:p1', 'p1b:b:p1', 'p2a:a:p2', 'p2b:c:p2'],
      { a: '4:15', b: '3:55', c: '4:35' },
      { conference: 15, walk: 0, changeover: 5 },
      3,
    );
    const byHand = { p0a: '3:00', p2a: '3:05', p1b: '3:05', p2b: '3:20', p0b: '3:25', p1a: '3:40' };
    expect(expectAsGoodAs(p, byHand, [3])).toEqual({ backToBack: 1, idle: 0 });
  });

  it('eighteen children of five families with three teachers: two families back to back, teachers idle 30 minutes in all at most', () => {
    const p = school(
      [
        's0:c:f0',
        's1:c:f0',
        's2:b:f0',
        's3:b:f3',
        's4:c:f3',
        's5:a:f3',
        's6:c:f6',
        's7:b:f7',
        's8:b:f7',
        's9:b:f7',
        's10:a:f7',
        's11:b:f11',
        's12:a:f11',
        's13:c:f11',
        's14:c:f11',
        's15:b:f11',
        's16:b:f11',
        's17:c:f11',
      ],
      { a: '4:00', b: '4:50', c: '4:40' },
      { conference: 10, walk: 0, changeover: 0 },
      633482,
    );
    const byHand = {
      s10: '3:00',
      s3: '3:00',
      s6: '3:00',
      s5: '3:10',
      s9: '3:10',
      s0: '3:10',
      s12: '3:20',
      s8: '3:20',
      s4: '3:20',
      s7: '3:30',
      s1: '3:30',
      s11: '3:40',
      s2: '3:50',
      s13: '3:50',
      s15: '4:00',
      s16: '4:10',
      s14: '4:20',
      s17: '4:30',
    };
    expect(expectAsGoodAs(p, byHand, [633482])).toEqual({ backToBack: 2, idle: 30 });
  });

  it('a ring of three families (A and B, B and C, C and A), 20-minute conferences and a 10-minute walk: all three back to back, one teacher pausing 10 minutes', () => {
    const p = school(
      [
        'p0a:c:p0',
        'p0b:b:p0',
        'p1a:a:p1',
        'p1b:b:p1',
        'p2a:c:p2',
        'p2b:a:p2',
        'o00:a:o00',
        'o10:b:o10',
        'o20:c:o20',
      ],
      { a: '4:20', b: '4:20', c: '4:20' },
      { conference: 20, walk: 10, changeover: 0 },
      393078,
    );
    const byHand = {
      p1b: '3:00',
      o20: '3:00',
      p2b: '3:10',
      o10: '3:20',
      p0a: '3:20',
      p1a: '3:30',
      p2a: '3:40',
      o00: '3:50',
      p0b: '3:50',
    };
    expect(expectAsGoodAs(p, byHand, [393078])).toEqual({ backToBack: 3, idle: 10 });
  });

  it('never plans a conference past the end of a window too short for back to back', () => {
    // Three families each with a child with A and one with B, 10-minute conferences and a
    // 5-minute walk: A's and B's half hours hold three conferences each only from 3:00, where
    // no family can see both (C has a window and no one). Declined, or planned within the
    // windows, never past them.
    const p = school(
      ['p0a:a:p0', 'p0b:b:p0', 'p1a:a:p1', 'p1b:b:p1', 'p2a:a:p2', 'p2b:b:p2'],
      { a: '3:30', b: '3:30', c: '3:10' },
      { conference: 10, walk: 5, changeover: 0 },
      156459,
    );
    for (const seed of [156459, 1, 2]) {
      const plan = planBlocks({ ...p, seed });
      const broken = plan ? checkSchedule(p, planned(p, plan.start)) : [];
      expect(broken).toEqual([]);
    }
  });

  it('twins with E and their sister with B, beside a family with D and E, in short windows and a 10-minute walk: everyone placed', () => {
    const p = school(
      ['s0:d:f0', 's1:e:f0', 's2:e:f2', 's3:e:f2', 's4:b:f2'],
      { a: '3:20', b: '3:30', c: '3:20', d: '3:30', e: '3:50' },
      { conference: 10, walk: 10, changeover: 0 },
      250398,
    );
    const byHand = { s4: '3:00', s0: '3:00', s1: '3:20', s2: '3:30', s3: '3:40' };
    expect(expectAsGoodAs(p, byHand, [250398])).toEqual({ backToBack: 1, idle: 0 });
  });

  it('families in a ring across three teachers, one of whom changes her start times once: everyone placed, four back to back, 5 minutes idle', () => {
    const p = school(
      [
        'p0a:a:p0',
        'p0b:b:p0',
        'p1a:c:p1',
        'p1b:a:p1',
        'p2a:a:p2',
        'p2b:b:p2',
        'p3a:b:p3',
        'p3b:c:p3',
        'p4a:c:p4',
        'p4b:b:p4',
      ],
      { a: '3:40', b: '3:50', c: '3:40' },
      { conference: 10, walk: 5, changeover: 0 },
      58852,
    );
    const byHand = {
      p0b: '3:00',
      p2a: '3:05',
      p1a: '3:05',
      p4b: '3:10',
      p0a: '3:15',
      p3b: '3:15',
      p2b: '3:20',
      p4a: '3:25',
      p1b: '3:30',
      p3a: '3:30',
    };
    expect(expectAsGoodAs(p, byHand, [58852])).toEqual({ backToBack: 4, idle: 5 });
  });
});
