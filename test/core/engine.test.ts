/**
 * The engine on small examples where one wrong rule would show, each schedule judged by the
 * independent checker (test/core/check.test.ts shows the checker catches each rule broken).
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { planBlocks } from '../../src/core/schedule/evening';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, evening, oneEveningSchool, problem, twoPairsEvening, win } from './schedproblem';

describe('buildSchedule', () => {
  it('never puts a family in two rooms at once when it can come for one conference only', () => {
    // The Garcias can come from 3:00 to 3:20 PM: time for Ana with Ms. A or Ben with Mr. B, not both.
    const p = problem({
      windows: [win('a@s', 900, 1020), win('b@s', 900, 1020)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [
        {
          id: 'garcia',
          name: 'Garcia',
          availability: [{ date: DAY, start: 900, end: 920, rank: 1 }],
          interpreter: '',
        },
      ],
    });
    for (const seed of [1, 2, 3]) {
      const r = buildSchedule({ ...p, seed });
      expect(checkSchedule(p, r)).toEqual([]);
      expect(r.conferences).toHaveLength(1);
      expect(r.unplaced).toHaveLength(1);
    }
  });

  it('never gives a family two conferences at once in one room that holds two families', () => {
    // Twins with Ms. A, not merged; her room holds two families at once; the Garcias can come
    // from 3:00 to 3:20 PM only.
    const p = problem({
      windows: [win('a@s', 900, 1020, 2)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'cleo', name: 'Cleo', teacherEmail: 'a@s', familyId: 'garcia' },
      ],
      families: [
        {
          id: 'garcia',
          name: 'Garcia',
          availability: [{ date: DAY, start: 900, end: 920, rank: 1 }],
          interpreter: '',
        },
      ],
    });
    for (const seed of [1, 2, 3]) {
      const r = buildSchedule({ ...p, seed });
      expect(checkSchedule(p, r)).toEqual([]);
      expect(r.conferences).toHaveLength(1);
      expect(r.unplaced.map((u) => u.studentId)).toHaveLength(1);
      expect(r.unplaced[0]!.reason).toBe(
        "The times a has left clash with the Garcia family's other conferences. Move a sibling's conference, or add a window.",
      );
    }
  });

  it('writes the reason a family’s times miss every window as a sentence, capital first', () => {
    // The Garcias can come only at 9:00 AM; Ms. A's window is 3:00 to 5:00 PM.
    const p = problem({
      windows: [win('a@s', 900, 1020)],
      students: [{ id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' }],
      families: [
        {
          id: 'garcia',
          name: 'Garcia',
          availability: [{ date: DAY, start: 540, end: 600, rank: 1 }],
          interpreter: '',
        },
      ],
    });
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced[0]!.reason).toBe(
      "The Garcia family's availability misses every window of a. Ask the family for another time, or add a window that suits them.",
    );
  });

  it('leaves the buffer between rooms when the rooms’ times do not line up', () => {
    // Mr. B starts at 3:22 PM, two minutes after Ana's 3:00 PM conference with Ms. A would end:
    // too close to walk between rooms (five minutes).
    const p = problem({
      windows: [win('a@s', 900, 1020), win('b@s', 922, 1020)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [
        {
          id: 'garcia',
          name: 'Garcia',
          availability: [{ date: DAY, start: 900, end: 1000, rank: 1 }],
          interpreter: '',
        },
      ],
    });
    for (const seed of [1, 2, 3]) {
      const r = buildSchedule({ ...p, seed });
      expect(checkSchedule(p, r)).toEqual([]);
      expect(r.unplaced).toEqual([]);
      const [first, second] = [...r.conferences].sort((x, y) => x.start - y.start);
      expect(second!.start - first!.end).toBeGreaterThanOrEqual(5);
    }
  });

  it('puts a sibling right beside the one time the other can have, not at the first time that fits', () => {
    // Ana's teacher has one place, 4:00–4:20 PM; Ben's is free from 2:00 to 6:00. Ben fits at
    // many times near Ana's, the earliest an hour before it: the Garcias should not wait at all.
    const p = problem({
      windows: [win('a@s', 960, 980), win('b@s', 840, 1080)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'garcia' },
      ],
      families: [{ id: 'garcia', name: 'Garcia', availability: null, interpreter: '' }],
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    const ana = s.conferences.find((c) => c.studentIds.includes('ana'))!;
    const ben = s.conferences.find((c) => c.studentIds.includes('ben'))!;
    expect(ana.start).toBe(960);
    // Back to back: Ben's ends one buffer before Ana's starts, or starts one buffer after it ends.
    expect([ana.start - 5 - 20, ana.end + 5]).toContain(ben.start);
    expect(s.quality.waiting).toEqual([0]);
  });

  it('gives the same schedule whatever was scheduled before it in the same process', () => {
    // Two schools with the same family IDs: in the second, the Garcias and the Lees share a
    // caseworker, who cannot be in two rooms at once, and Spanish has one interpreter.
    const family = (id: string, contacts: string[], interpreter = '') => ({
      id,
      name: id,
      availability: null,
      interpreter,
      contacts,
    });
    const students = [
      { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
      { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
      { id: 'cy', name: 'Cy', teacherEmail: 'a@s', familyId: 'ruiz' },
    ];
    const plain = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960)],
      students,
      families: [family('garcia', ['g@x']), family('lee', ['l@x']), family('ruiz', ['r@x'])],
    });
    const shared = problem({
      windows: [win('a@s', 900, 960), win('b@s', 900, 960)],
      students,
      families: [
        family('garcia', ['g@x', 'case@x'], 'es'),
        family('lee', ['l@x', 'case@x'], 'es'),
        family('ruiz', ['r@x']),
      ],
      interpreters: { es: 1 },
    });
    const alone = JSON.stringify(buildSchedule(plain));
    expect(checkSchedule(shared, buildSchedule(shared))).toEqual([]);
    expect(JSON.stringify(buildSchedule(plain))).toBe(alone);
  });

  it('closes a teacher’s later gap when the first cannot close without a family walking too fast', () => {
    // Ms. A and Mr. B, 3:00 to 4:05 PM, 10-minute conferences, 5 minutes to walk between rooms.
    // Two families have a child with each: whoever sees a family second starts 15 minutes after
    // the first started, so each teacher's day has a 5-minute wait there. Mr. B's three other
    // families come for him alone: they follow on without a gap.
    const b = (id: string, familyId: string) => ({ id, name: id, teacherEmail: 'b@s', familyId });
    const p = problem({
      windows: [win('a@s', 900, 965), win('b@s', 900, 965)],
      conferenceMinutes: 10,
      students: [
        b('s0', 'f0'),
        { id: 's1', name: 's1', teacherEmail: 'a@s', familyId: 'f0' },
        { id: 's2', name: 's2', teacherEmail: 'a@s', familyId: 'f2' },
        b('s3', 'f2'),
        b('s4', 'f4'),
        b('s5', 'f5'),
        b('s6', 'f5'),
      ],
      // f4 says when it can come (any time that evening): with a family's times given, the
      // evening is not planned as unbroken blocks first (engine-evening.test.ts), so this shows
      // the compaction after the search.
      families: ['f0', 'f2', 'f4', 'f5'].map((id) => ({
        id,
        name: id,
        availability: id === 'f4' ? [{ date: DAY, start: 900, end: 965, rank: 1 }] : null,
        interpreter: '',
      })),
      seed: 294,
    });
    const r = buildSchedule(p, { iterations: 0 });
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
    const mrB = r.conferences
      .filter((c) => c.teacherEmail === 'b@s')
      .sort((x, y) => x.start - y.start);
    const gaps = mrB.slice(1).map((c, i) => c.start - mrB[i]!.end);
    expect(gaps.filter((g) => g > 0)).toEqual([5]);
  });
});

// Teachers’ evenings as unbroken blocks (src/core/schedule/evening.ts), seen through the engine.

describe('teachers’ evenings as unbroken blocks', () => {
  it('sees every family with a child in each class back to back, and no teacher waits', () => {
    const p = evening();
    for (const seed of [1, 2, 3]) {
      const r = buildSchedule({ ...p, seed });
      expect(checkSchedule(p, r)).toEqual([]);
      expect(r.unplaced).toEqual([]);
      expect(r.quality.siblingsBackToBack).toBe(8);
      expect(r.quality.idleMinutes).toBe(0);
    }
  });

  it('needs no teacher to wait where two families each see both teachers', () => {
    const p = twoPairsEvening();
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
    expect(r.quality.idleMinutes).toBe(0);
    expect(r.quality.siblingsBackToBack).toBe(3);
  });

  it('leaves problems it was not made for to the engine’s usual construction', () => {
    const p = evening();
    const withTimes: Problem = {
      ...p,
      families: p.families.map((f, i) =>
        i === 0 ? { ...f, availability: [{ date: DAY, start: 900, end: 960, rank: 1 }] } : f,
      ),
    };
    // What the planner declines (test/core/evening.test.ts), here one family giving its times.
    expect(planBlocks(withTimes)).toBeNull();
    // Each such problem still gets a schedule the checker accepts.
    const r = buildSchedule(withTimes);
    expect(checkSchedule(withTimes, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
  });

  it('makes schedules the checker accepts on one-evening schools, everyone placed when planned, the same each time (property)', () => {
    checkProperty(
      fc.property(oneEveningSchool, (p) => {
        const s = buildSchedule(p);
        expect(checkSchedule(p, s)).toEqual([]);
        // A plan places everyone (a family of four with two teachers and a long walk may not
        // fit at all: the engine then says why, as before).
        if (planBlocks(p)) expect(s.unplaced).toEqual([]);
        expect(JSON.stringify(buildSchedule(p))).toBe(JSON.stringify(s));
      }),
      {
        numRuns: 25,
        pastFailures: [
          {
            seed: 2146868120,
            // fast-check's path to the shrunk case, found by replaying the seed on the engine
            // and property of 4a76ecf: the replay runs that case, not the seed's first cases.
            path: '6:1:2:2:1:2:16:4:3:7:3:3:3:5:3:3:5:4:4:4:8:7:5:3:3:3:3:4:3:5:5:3:21:7:6:3:3:5:3:3:4:6:4:8:3:3:3:5:3:4:3:3:3:6:3:3:3:14:4:4:4:6:6:3:3:3:3:4:7:3:3:3:4:5:4:3:3:7:4:6:3',
            found: 'two teachers, a family of four and a 10-minute walk: no room for all four',
          },
        ],
      },
    );
  });
});
