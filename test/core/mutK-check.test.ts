/**
 * The independent checker on the rules its first tests left out: siblings joined in one
 * conference, a contact several families share, the changeover between families in one room,
 * conferences people kept as they are, and the edges where a rule stops (ends meeting starts,
 * a window's or an availability's last minute). Each schedule breaks one rule, or none.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import type { Conference, Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

/** A 20-minute conference of one family with one teacher on the conference day. */
const meeting = (
  studentIds: string[],
  familyId: string,
  teacherEmail: string,
  start: number,
  fixed = false,
): Conference => ({
  ...keptConference(studentIds[0]!, familyId, teacherEmail, start, start + 20),
  studentIds,
  fixed,
});

/**
 * Ms. A and Mr. B, 3:00 to 5:00 PM, a room of one each, a 5-minute walk: the Garcias (Ana and
 * Cleo with Ms. A, Ben with Mr. B), the Lees (Lily with Ms. A), the Khans (Kai with Mr. B).
 */
function school(over: Partial<Problem> = {}): Problem {
  const student = (id: string, teacherEmail: string, familyId: string, contacts?: string[]) => ({
    id,
    name: id,
    teacherEmail,
    familyId,
    ...(contacts ? { contacts } : {}),
  });
  return problem({
    windows: [win('a@s', 900, 1020), win('b@s', 900, 1020)],
    students: [
      student('ana', 'a@s', 'garcia', ['mom@x', 'dad@x']),
      student('cleo', 'a@s', 'garcia', ['mom@x', 'dad@x']),
      student('ben', 'b@s', 'garcia', ['mom@x', 'dad@x']),
      student('lily', 'a@s', 'lee'),
      student('kai', 'b@s', 'khan'),
    ],
    families: ['garcia', 'lee', 'khan'].map(plainFamily),
    ...over,
  });
}

const check = (p: Problem, conferences: Conference[]) =>
  checkSchedule(p, { conferences, unplaced: [] });

/** The Garcias' three children seen one after another, then the Lees and the Khans. */
const garciasThenOthers = (): Conference[] => [
  meeting(['ana'], 'garcia', 'a@s', 900),
  meeting(['cleo'], 'garcia', 'a@s', 920),
  meeting(['ben'], 'garcia', 'b@s', 945),
  meeting(['lily'], 'lee', 'a@s', 970),
  meeting(['kai'], 'khan', 'b@s', 970),
];

/** The same with Kai's conference starting at `start`. */
const withKaiAt = (start: number): Conference[] =>
  garciasThenOthers().map((c) =>
    c.familyId === 'khan' ? meeting(['kai'], 'khan', 'b@s', start) : c,
  );

/** The Lees and the Khans both need an interpreter in `language`; the school counts Urdu's. */
const bothNeed = (language: string): Problem =>
  school({
    families: [
      plainFamily('garcia'),
      { ...plainFamily('lee'), interpreter: language },
      { ...plainFamily('khan'), interpreter: language },
    ],
    interpreters: { ur: 1 },
  });

describe('checkSchedule, siblings in one conference', () => {
  const joined = (p: Problem, ids: string[]) =>
    check(p, [
      meeting(ids, 'garcia', 'a@s', 900),
      meeting(['ben'], 'garcia', 'b@s', 945),
      meeting(['lily'], 'lee', 'a@s', 970),
      meeting(['kai'], 'khan', 'b@s', 970),
    ]);

  it('accepts siblings joined whose rows list the same people, in any order or twice', () => {
    const p = school();
    p.students[1] = { ...p.students[1]!, contacts: ['dad@x', 'mom@x', 'dad@x'] };
    expect(joined(p, ['ana', 'cleo'])).toEqual([]);
  });

  it('refuses siblings joined whose rows list different people: one invitation cannot suit both', () => {
    const p = school();
    // Cleo's row lists her mother only: her father is not her contact.
    p.students[1] = { ...p.students[1]!, contacts: ['mom@x'] };
    const errors = joined(p, ['ana', 'cleo']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('joins students whose rows list different contacts');
  });

  it('refuses three siblings joined when only the last lists different people', () => {
    const p = school({
      students: [
        ...school().students,
        { id: 'dan', name: 'dan', teacherEmail: 'a@s', familyId: 'garcia', contacts: ['dad@x'] },
      ],
    });
    const errors = joined(p, ['ana', 'cleo', 'dan']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('ana+cleo+dan with a@s');
    expect(errors[0]).toContain('joins students whose rows list different contacts');
  });
});

describe('checkSchedule, a contact several families share', () => {
  /** A caseworker comes for both the Lees and the Khans. */
  const shared = (): Problem =>
    school({
      families: [
        plainFamily('garcia'),
        { ...plainFamily('lee'), contacts: ['lee@x', 'case@x'] },
        { ...plainFamily('khan'), contacts: ['case@x', 'khan@x'] },
      ],
    });

  it('accepts the two families seen one after the other with the walk between rooms', () => {
    // Lily with Ms. A 4:10 to 4:30 PM; Kai with Mr. B from 4:35 PM.
    expect(check(shared(), withKaiAt(995))).toEqual([]);
  });

  it('refuses the contact in two rooms at once', () => {
    const errors = check(shared(), withKaiAt(980));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('contact case@x in two places at once');
  });

  it('refuses the contact without the walk between rooms', () => {
    // Lily's conference ends at 4:30 PM; Kai's starts at 4:32 PM.
    const errors = check(shared(), withKaiAt(992));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('contact case@x has 2 min between rooms (buffer 5)');
  });

  it('lets two families that share no one meet at the same time', () => {
    const p = school({
      families: [
        plainFamily('garcia'),
        { ...plainFamily('lee'), contacts: ['lee@x'] },
        { ...plainFamily('khan'), contacts: ['khan@x'] },
      ],
    });
    expect(check(p, withKaiAt(970))).toEqual([]);
  });
});

describe('checkSchedule, the changeover between conferences in one room', () => {
  /** Ms. A sees Ana at 3:00 PM and Lily at `lily`; Cleo at 4:00 PM; Mr. B, Kai then Ben. */
  const withLily = (p: Problem, lily: number) =>
    check(p, [
      meeting(['ana'], 'garcia', 'a@s', 900),
      meeting(['lily'], 'lee', 'a@s', lily),
      meeting(['cleo'], 'garcia', 'a@s', 960),
      meeting(['kai'], 'khan', 'b@s', 900),
      meeting(['ben'], 'garcia', 'b@s', 985),
    ]);

  it('accepts the next conference once the changeover has passed', () => {
    expect(withLily(school({ changeoverMinutes: 10 }), 930)).toEqual([]);
  });

  it('refuses the next conference within the changeover, saying it is the changeover', () => {
    const errors = withLily(school({ changeoverMinutes: 10 }), 925);
    expect(errors).toEqual([
      expect.stringContaining(
        'a@s starts it within the 10-minute changeover after another conference (2 places held, capacity 1)',
      ),
    ]);
    expect(errors[0]).toContain('conference 1 (lily');
    // Straight after Ana, with no changeover at all: still the changeover, not two at once.
    expect(withLily(school({ changeoverMinutes: 10 }), 920)).toEqual([
      expect.stringContaining('a@s starts it within the 10-minute changeover'),
    ]);
  });

  it('holds a place in a room for two until the changeover after its conference has passed', () => {
    // Ms. A's room holds two families: Ana 3:00 to 3:20 PM, Lily 3:10 to 3:30 PM, then Cleo.
    const p = school({
      changeoverMinutes: 10,
      windows: [win('a@s', 900, 1020, 2), win('b@s', 900, 1020)],
    });
    const withCleo = (cleo: number) =>
      check(p, [
        meeting(['ana'], 'garcia', 'a@s', 900),
        meeting(['lily'], 'lee', 'a@s', 910),
        meeting(['cleo'], 'garcia', 'a@s', cleo),
        meeting(['kai'], 'khan', 'b@s', 900),
        meeting(['ben'], 'garcia', 'b@s', 985),
      ]);
    // At 3:30 PM Ana's changeover is over: Lily's place and Cleo's are the two held.
    expect(withCleo(930)).toEqual([]);
    expect(withCleo(925)).toEqual([
      expect.stringContaining(
        'a@s starts it within the 10-minute changeover after another conference (3 places held, capacity 2)',
      ),
    ]);
  });
});

describe('checkSchedule, conferences kept as people left them', () => {
  it('lets two kept conferences clash with each other: the schedule did not make it', () => {
    const kept = [
      meeting(['ana'], 'garcia', 'a@s', 900, true),
      meeting(['lily'], 'lee', 'a@s', 910, true),
    ];
    const errors = check(school({ fixed: kept }), [
      ...kept,
      meeting(['cleo'], 'garcia', 'a@s', 940),
      meeting(['ben'], 'garcia', 'b@s', 965),
      meeting(['kai'], 'khan', 'b@s', 990),
    ]);
    expect(errors).toEqual([]);
  });

  it('refuses a new conference placed on top of a kept one', () => {
    const kept = [meeting(['lily'], 'lee', 'a@s', 910, true)];
    const errors = check(school({ fixed: kept }), [
      meeting(['ana'], 'garcia', 'a@s', 900),
      ...kept,
      meeting(['cleo'], 'garcia', 'a@s', 940),
      meeting(['ben'], 'garcia', 'b@s', 965),
      meeting(['kai'], 'khan', 'b@s', 990),
    ]);
    expect(errors).toEqual([expect.stringContaining('a@s hosts 2 families at once (capacity 1)')]);
  });

  it('names both siblings of a kept joint conference the schedule dropped', () => {
    const kept = [meeting(['ana', 'cleo'], 'garcia', 'a@s', 900, true)];
    const errors = check(school({ fixed: kept }), garciasThenOthers());
    expect(errors).toEqual(['fixed conference of ana+cleo is missing']);
  });

  it('keeps a kept conference where it was even outside the teacher’s windows now', () => {
    // Mr. B's hours were cut to end at 4:10 PM after Kai's family was invited for 4:30.
    const kept = [meeting(['kai'], 'khan', 'b@s', 990, true)];
    const p = school({ fixed: kept, windows: [win('a@s', 900, 1020), win('b@s', 900, 970)] });
    const conferences = [...garciasThenOthers().filter((c) => c.familyId !== 'khan'), ...kept];
    expect(check(p, conferences)).toEqual([]);
  });
});

describe('checkSchedule, where each rule stops', () => {
  it('accepts siblings next door back to back when there is no walk to make', () => {
    const p = school({ bufferMinutes: 0 });
    const conferences = garciasThenOthers().map((c) =>
      c.studentIds[0] === 'ben' ? meeting(['ben'], 'garcia', 'b@s', 940) : c,
    );
    expect(check(p, conferences)).toEqual([]);
  });

  it('accepts conferences that fill a window and the family’s availability to the minute', () => {
    const families: SchedFamily[] = [
      plainFamily('garcia'),
      plainFamily('lee'),
      { ...plainFamily('khan'), availability: [{ date: DAY, start: 1000, end: 1020, rank: 1 }] },
    ];
    expect(check(school({ families }), withKaiAt(1000))).toEqual([]);
  });

  it('counts an interpreter free again when the conference before ends', () => {
    // One Urdu interpreter: Lily with Ms. A 4:10 to 4:30 PM, then Kai with Mr. B from 4:30.
    expect(check(bothNeed('ur'), withKaiAt(990))).toEqual([]);
    expect(check(bothNeed('ur'), withKaiAt(989))).toEqual([
      expect.stringContaining('2 ur conferences at once (interpreters 1)'),
    ]);
  });

  it('does not limit a language the school has no count of interpreters for', () => {
    expect(check(bothNeed('so'), garciasThenOthers())).toEqual([]);
  });

  it('lets a family who asked to meet online into a window offering either way', () => {
    const p = school({
      windows: [win('a@s', 900, 1020), { ...win('b@s', 900, 1020), mode: 'either' }],
      families: [
        plainFamily('garcia'),
        plainFamily('lee'),
        { ...plainFamily('khan'), meet: 'online' },
      ],
    });
    expect(check(p, garciasThenOthers())).toEqual([]);
  });
});
