/**
 * The independent checker, fed hand-written schedules that each break exactly one hard rule: it
 * must report that rule once and nothing else. A checker that let one through would pass every
 * schedule the engine makes, right or wrong.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { DAY, win } from './schedproblem';
import type {
  Conference,
  Problem,
  Schedule,
  SchedFamily,
  SchedStudent,
} from '../../src/core/schedule/types';

const student = (id: string, teacherEmail: string, familyId: string): SchedStudent => ({
  id,
  name: id,
  teacherEmail,
  familyId,
});

const family = (id: string, over: Partial<SchedFamily> = {}): SchedFamily => ({
  id,
  name: id,
  availability: null,
  interpreter: '',
  ...over,
});

/** A 20-minute conference on the conference day. */
const conf = (
  studentIds: string[],
  familyId: string,
  teacherEmail: string,
  start: number,
  over: Partial<Conference> = {},
): Conference => ({
  studentIds,
  familyId,
  teacherEmail,
  date: DAY,
  start,
  end: start + 20,
  fixed: false,
  rank: 0,
  ...over,
});

/**
 * Two teachers, 3:00 to 5:00 PM, one family at a time; the Garcias (Ana with Ms. A, Ben with
 * Mr. B), the Lees (Lily with Ms. A) and the Khans (Kai with Mr. B), who need an Urdu
 * interpreter; one interpreter per language; 5 minutes to walk between rooms.
 */
function school(over: Partial<Problem> = {}): Problem {
  return {
    windows: [win('a@s', 900, 1020), win('b@s', 900, 1020)],
    students: [
      student('ana', 'a@s', 'garcia'),
      student('ben', 'b@s', 'garcia'),
      student('lily', 'a@s', 'lee'),
      student('kai', 'b@s', 'khan'),
    ],
    families: [
      family('garcia'),
      family('lee', { interpreter: 'ur' }),
      family('khan', { interpreter: 'ur' }),
    ],
    interpreters: { ur: 1 },
    conferenceMinutes: 20,
    bufferMinutes: 5,
    mergeSiblings: false,
    fixed: [],
    seed: 1,
    ...over,
  };
}

/** A schedule that keeps every rule: Ana, then Ben five minutes later next door; Lily, then Kai. */
const VALID: Conference[] = [
  conf(['ana'], 'garcia', 'a@s', 900),
  conf(['ben'], 'garcia', 'b@s', 925),
  conf(['lily'], 'lee', 'a@s', 950),
  conf(['kai'], 'khan', 'b@s', 975),
];

/** The valid schedule with the conference of `studentId` replaced (or dropped when null). */
function withChange(studentId: string, replacement: Conference | null): Schedule {
  const conferences = VALID.flatMap((c) =>
    c.studentIds.includes(studentId) ? (replacement ? [replacement] : []) : [c],
  );
  return { conferences, unplaced: [] };
}

/** What each error is about, in the words a reader of the checker's messages would use. */
const KINDS: [string, RegExp][] = [
  ['family in two places', /in two places at once/],
  ['buffer between rooms', /min between rooms/],
  ['interpreters', /conferences at once \(interpreters/],
  ['capacity', /families at once \(capacity/],
  ['outside window', /outside every window/],
  ['outside availability', /outside family .*'s availability/],
  ['way to meet', /but family .* asked to meet/],
  ['fixed moved', /is fixed but was moved/],
  ['fixed missing', /fixed conference of .* is missing/],
  ['student twice', /also in conference/],
  ['wrong teacher', /'s teacher is/],
  ['not in family', /is not in family/],
  ['unknown student', /unknown student/],
  ['no student', /has no student/],
  ['ends before start', /ends before it starts/],
  ['neither placed nor unplaced', /is neither placed nor given a reason/],
  ['placed and unplaced', /is placed and also listed as unplaced/],
  ['unplaced without reason', /is unplaced without a reason/],
];

function kinds(errors: string[]): string[] {
  return errors.map((e) => {
    const kind = KINDS.find(([, pattern]) => pattern.test(e));
    return kind ? kind[0] : `unrecognised: ${e}`;
  });
}

describe('checkSchedule', () => {
  it('accepts a schedule that keeps every rule', () => {
    expect(checkSchedule(school(), { conferences: VALID, unplaced: [] })).toEqual([]);
  });

  it('accepts the same schedule listed in any order', () => {
    expect(checkSchedule(school(), { conferences: [...VALID].reverse(), unplaced: [] })).toEqual(
      [],
    );
  });

  it('accepts siblings with the same teacher back to back, with no buffer (same room)', () => {
    const p = school({
      students: [...school().students, student('cleo', 'a@s', 'garcia')],
    });
    // Ana then Cleo with Ms. A from 3:00 PM, then Ben next door after the walk (listed out of order).
    const errors = checkSchedule(p, {
      conferences: [
        conf(['cleo'], 'garcia', 'a@s', 920),
        conf(['ana'], 'garcia', 'a@s', 900),
        conf(['ben'], 'garcia', 'b@s', 945),
        conf(['lily'], 'lee', 'a@s', 950),
        conf(['kai'], 'khan', 'b@s', 975),
      ],
      unplaced: [],
    });
    expect(errors).toEqual([]);
  });

  it('accepts siblings in different rooms at the same time of day on different days', () => {
    const p = school({
      windows: [...school().windows, { ...win('b@s', 900, 1020), date: '2026-11-18' }],
    });
    const errors = checkSchedule(
      p,
      withChange('ben', conf(['ben'], 'garcia', 'b@s', 910, { date: '2026-11-18' })),
    );
    expect(errors).toEqual([]);
  });

  it('accepts a student left out with a reason', () => {
    const schedule = withChange('kai', null);
    schedule.unplaced.push({ studentId: 'kai', reason: "Mr. B's windows are full." });
    expect(checkSchedule(school(), schedule)).toEqual([]);
  });

  describe('reports exactly one error for a schedule that breaks one rule', () => {
    it('a family in two rooms at once (siblings with different teachers at the same time)', () => {
      const errors = checkSchedule(
        school(),
        withChange('ben', conf(['ben'], 'garcia', 'b@s', 910)),
      );
      expect(kinds(errors)).toEqual(['family in two places']);
      expect(errors[0]).toContain('family garcia');
    });

    it('a family in two conferences at once in one shared room (same teacher, room for two)', () => {
      const p = school({
        windows: [win('a@s', 900, 1020, 2), win('b@s', 900, 1020)],
        students: [...school().students, student('cleo', 'a@s', 'garcia')],
      });
      const errors = checkSchedule(p, {
        conferences: [...VALID, conf(['cleo'], 'garcia', 'a@s', 900)],
        unplaced: [],
      });
      expect(kinds(errors)).toEqual(['family in two places']);
    });

    it('a family with less than the buffer to walk between rooms', () => {
      // Ana ends at 3:20 PM; Ben starts with Mr. B at 3:22 PM: two minutes, five needed.
      const errors = checkSchedule(
        school(),
        withChange('ben', conf(['ben'], 'garcia', 'b@s', 922)),
      );
      expect(kinds(errors)).toEqual(['buffer between rooms']);
      expect(errors[0]).toContain('has 2 min between rooms (buffer 5)');
    });

    it('the buffer applies before as well as after a conference in the other room', () => {
      // Ben first (3:00 PM with Mr. B), then Ana at 3:22 PM; listed the other way round.
      const errors = checkSchedule(school(), {
        conferences: [
          conf(['ana'], 'garcia', 'a@s', 922),
          conf(['ben'], 'garcia', 'b@s', 900),
          conf(['lily'], 'lee', 'a@s', 950),
          conf(['kai'], 'khan', 'b@s', 975),
        ],
        unplaced: [],
      });
      expect(kinds(errors)).toEqual(['buffer between rooms']);
    });

    it('more families needing an interpreter at once than there are interpreters', () => {
      // Lily (Urdu) with Ms. A from 3:50 PM; Kai (Urdu) with Mr. B from 4:00 PM: two at once.
      const errors = checkSchedule(school(), withChange('kai', conf(['kai'], 'khan', 'b@s', 960)));
      expect(kinds(errors)).toEqual(['interpreters']);
      expect(errors[0]).toContain('2 ur conferences at once (interpreters 1)');
    });

    it('more families at once than a teacher’s room holds', () => {
      const errors = checkSchedule(school(), withChange('lily', conf(['lily'], 'lee', 'a@s', 910)));
      expect(kinds(errors)).toEqual(['capacity']);
      expect(errors[0]).toContain('a@s hosts 2 families at once (capacity 1)');
    });

    it('more families at once than the room holds in that window, whatever other windows hold', () => {
      // Ms. A: one family at a time until 4:00 PM, three after; Mr. B the other way round.
      const p = school({
        windows: [
          win('a@s', 900, 960),
          win('a@s', 960, 1020, 3),
          win('b@s', 900, 960, 3),
          win('b@s', 960, 1020),
        ],
        students: [
          student('s1', 'a@s', 'f1'),
          student('s2', 'a@s', 'f2'),
          student('s3', 'b@s', 'f3'),
          student('s4', 'b@s', 'f4'),
        ],
        families: ['f1', 'f2', 'f3', 'f4'].map((id) => family(id)),
      });
      const errors = checkSchedule(p, {
        conferences: [
          conf(['s1'], 'f1', 'a@s', 900),
          conf(['s2'], 'f2', 'a@s', 910),
          conf(['s3'], 'f3', 'b@s', 960),
          conf(['s4'], 'f4', 'b@s', 960),
        ],
        unplaced: [],
      });
      // Mr. B's two start together at 4:00 PM: each is said to be one too many.
      expect(kinds(errors)).toEqual(['capacity', 'capacity', 'capacity']);
      expect(errors[0]).toContain('a@s hosts 2 families at once (capacity 1)');
      expect(errors[1]).toContain('b@s hosts 2 families at once (capacity 1)');
    });

    it('a conference outside every window of its teacher', () => {
      // Mr. B's window ends at 5:00 PM; Kai's conference runs to 5:10 PM.
      const errors = checkSchedule(school(), withChange('kai', conf(['kai'], 'khan', 'b@s', 1010)));
      expect(kinds(errors)).toEqual(['outside window']);
    });

    it('a conference in another teacher’s window only', () => {
      // Ms. A stays until 5:30 PM; Mr. B leaves at 5:00 PM. Kai with Mr. B at 5:05 PM.
      const p = school({ windows: [win('a@s', 900, 1050), win('b@s', 900, 1020)] });
      const errors = checkSchedule(p, withChange('kai', conf(['kai'], 'khan', 'b@s', 1025)));
      // Outside his windows, he has no room then either: both are said, each once.
      expect(kinds(errors)).toEqual(['outside window', 'capacity']);
    });

    it('a conference starting before the window opens', () => {
      const errors = checkSchedule(
        school(),
        withChange('ana', conf(['ana'], 'garcia', 'a@s', 890)),
      );
      expect(kinds(errors)).toEqual(['outside window', 'capacity']);
    });

    it('a conference on a day the teacher has no window', () => {
      const errors = checkSchedule(
        school(),
        withChange('kai', conf(['kai'], 'khan', 'b@s', 975, { date: '2026-11-18' })),
      );
      // A day without a window has no room either: both are said, each once.
      expect(kinds(errors)).toEqual(['outside window', 'capacity']);
    });

    it('an online family in a window that is in person only', () => {
      const p = school({
        windows: [{ ...win('a@s', 900, 1020), mode: 'in person' }, win('b@s', 900, 1020)],
        families: [
          family('garcia'),
          family('lee', { interpreter: 'ur', meet: 'online' }),
          family('khan', { interpreter: 'ur' }),
        ],
      });
      const errors = checkSchedule(p, { conferences: VALID, unplaced: [] });
      expect(kinds(errors)).toEqual(['way to meet']);
      expect(errors[0]).toContain('is in person but family lee asked to meet online');
    });

    it('an in-person family in a window that is online only, but either way is anywhere', () => {
      const online = { ...win('b@s', 900, 1020), mode: 'online' as const };
      const families = (khan: SchedFamily['meet']) => [
        family('garcia', { meet: 'either' }),
        family('lee', { interpreter: 'ur' }),
        family('khan', { interpreter: 'ur', meet: khan }),
      ];
      const p = (khan: SchedFamily['meet']) =>
        school({ windows: [win('a@s', 900, 1020), online], families: families(khan) });
      expect(kinds(checkSchedule(p('in person'), { conferences: VALID, unplaced: [] }))).toEqual([
        'way to meet',
      ]);
      expect(checkSchedule(p('online'), { conferences: VALID, unplaced: [] })).toEqual([]);
    });

    it('a conference outside the family’s availability', () => {
      const p = school({
        families: [
          family('garcia'),
          family('lee', { interpreter: 'ur' }),
          family('khan', {
            interpreter: 'ur',
            availability: [{ date: DAY, start: 900, end: 960, rank: 1 }],
          }),
        ],
      });
      const errors = checkSchedule(p, { conferences: VALID, unplaced: [] });
      expect(kinds(errors)).toEqual(['outside availability']);
      expect(errors[0]).toContain("family khan's availability");
    });

    it('a conference at a time the family gave, but on another day', () => {
      const p = school({
        families: [
          family('garcia'),
          family('lee', { interpreter: 'ur' }),
          family('khan', {
            interpreter: 'ur',
            availability: [{ date: '2026-11-18', start: 900, end: 1020, rank: 1 }],
          }),
        ],
      });
      expect(kinds(checkSchedule(p, { conferences: VALID, unplaced: [] }))).toEqual([
        'outside availability',
      ]);
    });

    it('a fixed (invited) conference moved to another time', () => {
      const invited = conf(['lily'], 'lee', 'a@s', 950, { fixed: true });
      const errors = checkSchedule(
        school({ fixed: [invited] }),
        withChange('lily', { ...invited, start: 925, end: 945 }),
      );
      expect(kinds(errors)).toEqual(['fixed moved']);
    });

    it('a fixed conference moved to the same time on another day', () => {
      const p = school({
        windows: [...school().windows, { ...win('a@s', 900, 1020), date: '2026-11-18' }],
      });
      const invited = conf(['lily'], 'lee', 'a@s', 950, { fixed: true });
      const errors = checkSchedule(
        { ...p, fixed: [invited] },
        withChange('lily', { ...invited, date: '2026-11-18' }),
      );
      expect(kinds(errors)).toEqual(['fixed moved']);
    });

    it('a fixed conference given to another teacher', () => {
      // Invited with Ms. A at 4:15 PM; the schedule has it with Mr. B at that time.
      const kept = conf(['kai'], 'khan', 'b@s', 975, { fixed: true });
      expect(checkSchedule(school({ fixed: [kept] }), withChange('kai', kept))).toEqual([]);
      const invited = { ...kept, teacherEmail: 'a@s' };
      const errors = checkSchedule(school({ fixed: [invited] }), withChange('kai', kept));
      expect(kinds(errors)).toEqual(['fixed moved']);
    });

    it('a fixed conference the schedule dropped and placed afresh', () => {
      const invited = conf(['lily'], 'lee', 'a@s', 950, { fixed: true });
      const errors = checkSchedule(school({ fixed: [invited] }), {
        conferences: VALID,
        unplaced: [],
      });
      expect(kinds(errors)).toEqual(['fixed missing']);
      // Another fixed conference kept does not stand in for it.
      const kept = conf(['ana'], 'garcia', 'a@s', 900, { fixed: true });
      const both = checkSchedule(school({ fixed: [invited, kept] }), withChange('ana', kept));
      expect(kinds(both)).toEqual(['fixed missing']);
      expect(both[0]).toBe('fixed conference of lily is missing');
    });

    it('a student in two conferences', () => {
      const errors = checkSchedule(school(), {
        conferences: [...VALID, conf(['ana'], 'garcia', 'a@s', 975)],
        unplaced: [],
      });
      expect(kinds(errors)).toEqual(['student twice']);
      expect(errors[0]).toContain('student ana also in');
    });

    it('a student with a teacher who is not theirs', () => {
      // Lily belongs to Ms. A; the schedule puts her with Mr. B, in a free slot of his.
      const errors = checkSchedule(school(), withChange('lily', conf(['lily'], 'lee', 'b@s', 950)));
      expect(kinds(errors)).toEqual(['wrong teacher']);
      expect(errors[0]).toContain("lily's teacher is a@s");
    });

    it('a student in a conference of a family that is not theirs', () => {
      const errors = checkSchedule(school(), withChange('ana', conf(['ana'], 'lee', 'a@s', 900)));
      expect(kinds(errors)).toEqual(['not in family']);
      expect(errors[0]).toContain('ana is not in family lee');
    });

    it('a student the roster does not have', () => {
      const errors = checkSchedule(school(), {
        conferences: [...VALID, conf(['ghost'], 'garcia', 'a@s', 975)],
        unplaced: [],
      });
      expect(kinds(errors)).toEqual(['unknown student']);
      expect(errors[0]).toContain('unknown student ghost');
    });

    it('a conference with no student', () => {
      const errors = checkSchedule(school(), {
        conferences: [...VALID, conf([], 'garcia', 'a@s', 975)],
        unplaced: [],
      });
      expect(kinds(errors)).toEqual(['no student']);
    });

    it('a conference that ends before it starts', () => {
      const errors = checkSchedule(
        school(),
        withChange('kai', conf(['kai'], 'khan', 'b@s', 975, { end: 975 })),
      );
      expect(kinds(errors)).toEqual(['ends before start']);
    });

    it('a student neither placed nor given a reason', () => {
      expect(kinds(checkSchedule(school(), withChange('kai', null)))).toEqual([
        'neither placed nor unplaced',
      ]);
    });

    it('a student placed and also listed as unplaced', () => {
      const errors = checkSchedule(school(), {
        conferences: VALID,
        unplaced: [{ studentId: 'kai', reason: 'No room.' }],
      });
      expect(kinds(errors)).toEqual(['placed and unplaced']);
    });

    it('a student left out with a blank reason', () => {
      const schedule = withChange('kai', null);
      schedule.unplaced.push({ studentId: 'kai', reason: '  ' });
      expect(kinds(checkSchedule(school(), schedule))).toEqual(['unplaced without reason']);
    });
  });
});
