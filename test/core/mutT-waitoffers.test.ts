/**
 * A freed time and the waiting list, on every small case of one evening: the families
 * `fittingFamilies` offers the time to are exactly those the schedule's checker accepts there
 * (the independent rules of src/core/schedule/check.ts). The cases are laid out in full, not
 * drawn at random, so each edge (a conference ending as the freed time starts, one starting as
 * it ends, the buffer between rooms to the minute, an interpreter busy at the freed start or
 * only later in it) is met on every run. Also: an offer's token typed with spaces, the records
 * an offer leaves, and the notes a coordinator reads on the Waitlist. Written for the
 * survivors of mutation run mutT-1 (issue 23).
 */
import { checkSchedule } from '../../src/core/schedule/check';
import type { Conference, Problem, SchedFamily } from '../../src/core/schedule/types';
import {
  fittingFamilies,
  freedTimes,
  goneKey,
  offerCounts,
  offerKey,
  offerToken,
  phoneGoneNote,
  phoneOffer,
  phoneOfferNote,
  placedNote,
  readOfferToken,
} from '../../src/core/waitoffers';

const DAY = '2026-11-17';
const LEE = 'lee@school.example';
const TEACHERS = [LEE, 'park@school.example', 'kim@school.example', 'orr@school.example'];
const [, PARK, KIM] = TEACHERS as [string, string, string, string];
const BUFFER = 10;
// 4:40 to 5:00 PM with Ms. Lee, freed by a cancellation.
const freed = { teacherEmail: LEE, date: DAY, start: 1000, end: 1020 };

interface Booking {
  family: string;
  teacher: string;
  start: number;
}

interface Case {
  /** The waitlisted family B: the language it needs an interpreter in, its guardians' addresses. */
  interpreter: string;
  contacts: string[];
  availability: SchedFamily['availability'];
  bookings: Booking[];
  /** Spanish interpreters on the evening. */
  limit: number;
}

/** B is waitlisted with Ms. Lee; B2 is B's other child; H and H2 need Spanish, V Vietnamese; G shares B's guardian. */
function familiesOf(c: Case): SchedFamily[] {
  const plain = (id: string, extra: Partial<SchedFamily> = {}): SchedFamily => ({
    id,
    name: id,
    availability: null,
    interpreter: '',
    contacts: [`${id.toLowerCase()}@x.example`],
    ...extra,
  });
  return [
    plain('B', { interpreter: c.interpreter, contacts: c.contacts, availability: c.availability }),
    plain('H', { interpreter: 'es' }),
    plain('H2', { interpreter: 'es' }),
    plain('V', { interpreter: 'vi' }),
    plain('G', { contacts: ['z@x.example', 'b@x.example'] }),
  ];
}

const studentOf = (family: string) => `S-${family}${family === 'B' ? '2' : ''}`;

function problemOf(c: Case): Problem {
  return {
    windows: TEACHERS.map((teacherEmail) => ({
      teacherEmail,
      teacher: teacherEmail,
      date: DAY,
      start: 900,
      end: 1200,
      room: teacherEmail,
      capacity: 1,
      videoLink: '',
    })),
    students: [
      { id: 'S-B', name: 'Bea', teacherEmail: LEE, familyId: 'B' },
      ...c.bookings.map((b) => ({
        id: studentOf(b.family),
        name: b.family,
        teacherEmail: b.teacher,
        familyId: b.family,
      })),
    ],
    families: familiesOf(c),
    interpreters: { es: c.limit, vi: 1 },
    conferenceMinutes: 20,
    bufferMinutes: BUFFER,
    mergeSiblings: true,
    fixed: [],
    seed: 1,
  } as Problem;
}

const booked = (c: Case): Conference[] =>
  c.bookings.map((b) => ({
    studentIds: [studentOf(b.family)],
    familyId: b.family,
    teacherEmail: b.teacher,
    date: DAY,
    start: b.start,
    end: b.start + 20,
    fixed: false,
    rank: 0,
  }));

/** What the checker finds wrong with the evening, B's child placed at the freed time or not. */
function broken(c: Case, placed: boolean): string[] {
  const conferences = [
    ...booked(c),
    ...(placed ? [{ ...freed, studentIds: ['S-B'], familyId: 'B', fixed: false, rank: 0 }] : []),
  ];
  return checkSchedule(problemOf(c), {
    conferences,
    unplaced: placed ? [] : [{ studentId: 'S-B', reason: 'waitlisted' }],
  });
}

function offered(c: Case): boolean {
  const problem = problemOf(c);
  return fittingFamilies({
    freed,
    waitlist: ['S-B'],
    students: problem.students,
    families: problem.families,
    booked: booked(c),
    bufferMinutes: BUFFER,
    interpreters: problem.interpreters,
  }).some((f) => f.familyId === 'B');
}

/** The cases where the offer and the checker disagree, each described for the failure message. */
function disagreements(cases: Case[]): string[] {
  let judged = 0;
  const out: string[] = [];
  for (const c of cases) {
    if (broken(c, false).length > 0) continue; // the evening must be valid before the offer
    judged++;
    const fits = broken(c, true).length === 0;
    if (offered(c) !== fits)
      out.push(
        `${fits ? 'not offered, though it fits' : 'offered, though it breaks a rule'}: ${JSON.stringify(c)}`,
      );
  }
  // The layouts are meant to reach both answers; a fixture that made every case invalid would pass.
  expect(judged).toBeGreaterThan(cases.length / 3);
  // The first few, and how many: a broken rule can disagree on hundreds of cases.
  return out.length > 5 ? [...out.slice(0, 5), `and ${out.length - 5} more`] : out;
}

const starts = (from: number, to: number, step: number) =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

describe('fittingFamilies against the checker, every case of a small evening', () => {
  it('one other conference that evening: the family’s own, a shared guardian’s, or one needing an interpreter, at every start around the freed time', () => {
    const cases: Case[] = [];
    const layouts: Booking[] = [
      ...['B', 'H', 'V', 'G'].flatMap((family) =>
        starts(950, 1060, 5).map((start) => ({ family, teacher: PARK, start })),
      ),
      // B's other child with Ms. Lee herself: no walk between rooms (her freed room is free).
      ...starts(950, 1060, 5)
        .filter((start) => start + 20 <= 1000 || start >= 1020)
        .map((start) => ({ family: 'B', teacher: LEE, start })),
    ];
    for (const b of layouts)
      for (const interpreter of ['', 'es'])
        for (const contacts of [['b@x.example'], []])
          for (const limit of [1, 2])
            cases.push({ interpreter, contacts, availability: null, bookings: [b], limit });
    expect(disagreements(cases)).toEqual([]);
  });

  it('two conferences needing interpreters: one or two Spanish interpreters, busy at the freed start or only later in the freed time', () => {
    const cases: Case[] = [];
    for (const second of ['H2', 'V'])
      for (const a of starts(960, 1060, 10))
        for (const b of starts(960, 1060, 10))
          for (const limit of [1, 2])
            cases.push({
              interpreter: 'es',
              contacts: ['b@x.example'],
              availability: null,
              bookings: [
                { family: 'H', teacher: PARK, start: a },
                { family: second, teacher: KIM, start: b },
              ],
              limit,
            });
    expect(disagreements(cases)).toEqual([]);
  });

  it('the family’s availability: a time covering the freed one to the minute, or a few minutes short at either end', () => {
    const cases: Case[] = [
      [1000, 1020],
      [995, 1025],
      [1005, 1030],
      [990, 1015],
      [1000, 1060],
    ].map(([start, end]) => ({
      interpreter: '',
      contacts: ['b@x.example'],
      availability: [{ date: DAY, start: start!, end: end!, rank: 1 }],
      bookings: [],
      limit: 1,
    }));
    expect(disagreements(cases)).toEqual([]);
    expect(cases.map(offered)).toEqual([true, true, false, false, true]);
  });
});

describe('freedTimes', () => {
  it('offers no time from a cancelled row whose end is its start, or before it', () => {
    const row = (conferenceId: string, start: number, end: number) => ({
      conferenceId,
      round: 'Fall',
      status: 'cancelled',
      teacher: 'Ms. Lee',
      date: DAY,
      start,
      end,
      row: 2,
    });
    const ids = freedTimes(
      [row('C-1', 960, 960), row('C-2', 980, 970), row('C-3', 1000, 1005)],
      'Fall',
    ).map((f) => f.conferenceId);
    expect(ids).toEqual(['C-3']);
  });
});

describe('an offer’s token and records', () => {
  it('reads a token the office typed with spaces around it', () => {
    expect(readOfferToken(`  ${offerToken('C0FFEE12', 'C-AB12')} `)).toEqual({
      code: 'c0ffee12',
      conferenceId: 'C-AB12',
    });
  });

  it('keys an offer as the records already written have it: the address in lower case, a phone offer by Family ID', () => {
    // The key of the records test/core/waitoffers.test.ts gives offerCounts.
    expect(offerKey('Fall', 'C-1', 'Ana@Example.org')).toBe(
      'slc:wait-offer:Fall|C-1|ana@example.org',
    );
    expect(offerKey('Fall', 'C-1', phoneOffer('F-7'))).toContain('|C-1|phone:');
    const props = {
      [offerKey('Fall', 'C-1', 'Ana@Example.org')]: 'sent',
      [offerKey('Fall', 'C-2', 'ben@example.org')]: 'sent',
      [offerKey('Fall', 'C-3', 'cy@example.org')]: 'sent',
      'slc:wait-taken:Fall|C-1': 'F-2',
      'slc:wait-taken:Fall|C-2': 'F-3',
    };
    // Two times taken: only the offer of the third is still out.
    expect(offerCounts(props, 'Fall')).toEqual({ offers: 1, accepted: 2 });
    // The "time is gone" email is recorded once per address, whatever its case.
    expect(goneKey('Fall', 'C-1', 'Ana@Example.org')).toBe(
      goneKey('Fall', 'C-1', 'ana@example.org'),
    );
    expect(goneKey('Fall', 'C-1', 'Ana@Example.org')).toContain('ana@example.org');
    expect(goneKey('Fall', 'C-1', 'ana@example.org')).not.toBe(
      offerKey('Fall', 'C-1', 'ana@example.org'),
    );
  });
});

describe('the Waitlist notes about a family without email', () => {
  it('names the time, the teacher, whom to call and the code to type; without a phone, says so', () => {
    const note = phoneOfferNote('Tue 11/17', '4:40 PM', 'Ms. Lee', '555-0101', 'abc123-accept-C-1');
    for (const part of ['Tue 11/17', '4:40 PM', 'Ms. Lee', '555-0101', 'abc123-accept-C-1'])
      expect(note).toContain(part);
    expect(note).not.toContain(';');
    const noPhone = phoneOfferNote(
      'Tue 11/17',
      '4:40 PM',
      'Ms. Lee',
      undefined,
      'abc123-accept-C-1',
    );
    expect(noPhone).toContain('no phone');
    expect(noPhone).toContain('abc123-accept-C-1');
    const gone = phoneGoneNote('Tue 11/17', '4:40 PM', 'Ms. Lee');
    for (const part of ['Tue 11/17', '4:40 PM', 'Ms. Lee', 'waiting list'])
      expect(gone).toContain(part);
    const placed = placedNote('11/16 9:05 AM', 'Tue 11/17', '4:40 PM', 'Ms. Lee');
    for (const part of ['11/16 9:05 AM', 'Tue 11/17', '4:40 PM', 'Ms. Lee'])
      expect(placed).toContain(part);
  });
});
