/**
 * Freed times and the waiting list: which cancelled or declined conferences free a time, which
 * waitlisted families a freed time fits (first listed first), and the accept token a family's
 * own link carries.
 */
import fc from 'fast-check';
import { checkSchedule } from '../../src/core/schedule/check';
import type { Conference, Problem, SchedFamily } from '../../src/core/schedule/types';
import {
  fittingFamilies,
  freedTimes,
  offerCounts,
  offerToken,
  readOfferToken,
} from '../../src/core/waitoffers';
import { checkProperty } from './property';

const row = (conferenceId: string, status: string, start: number, round = 'Fall') => ({
  conferenceId,
  round,
  status,
  teacher: 'Ms. Lee',
  date: '2026-11-17',
  start,
  end: start + 20,
  row: 2,
});

describe('freedTimes', () => {
  it('frees the time of this round’s cancelled and declined conferences only', () => {
    const freed = freedTimes(
      [
        row('C-1', 'cancelled', 960),
        row('C-2', 'declined', 980),
        row('C-3', 'accepted', 1000),
        row('C-4', 'no-show', 1020),
        row('C-5', 'cancelled', 1040, 'Spring'),
        { ...row('C-6', 'cancelled', 1060), date: null },
      ],
      'Fall',
    );
    expect(freed.map((f) => [f.conferenceId, f.start, f.end])).toEqual([
      ['C-1', 960, 980],
      ['C-2', 980, 1000],
    ]);
  });

  it('offers nobody a time that has begun or gone by', () => {
    const rows = [
      { ...row('C-1', 'cancelled', 960), date: '2026-11-16' },
      row('C-2', 'cancelled', 960),
      row('C-3', 'cancelled', 1000),
      { ...row('C-4', 'declined', 900), date: '2026-11-18' },
    ];
    const ids = (minutes: number) =>
      freedTimes(rows, 'Fall', { date: '2026-11-17', minutes }).map((f) => f.conferenceId);
    expect(ids(959)).toEqual(['C-2', 'C-3', 'C-4']);
    expect(ids(960)).toEqual(['C-3', 'C-4']);
    expect(ids(1000)).toEqual(['C-4']);
  });
});

const LEE = 'lee@school.example';
const PARK = 'park@school.example';
const freed = { teacherEmail: LEE, date: '2026-11-17', start: 1000, end: 1020 };

function family(id: string, extra: Partial<SchedFamily> = {}): SchedFamily {
  return {
    id,
    name: id,
    availability: null,
    interpreter: '',
    contacts: [`${id}@x.example`],
    ...extra,
  };
}

describe('fittingFamilies', () => {
  const students = [
    { id: 'S1', name: 'Amy', teacherEmail: PARK, familyId: 'A' },
    { id: 'S2', name: 'Ben', teacherEmail: LEE, familyId: 'B' },
    { id: 'S3', name: 'Cara', teacherEmail: LEE, familyId: 'C' },
    { id: 'S4', name: 'Dan', teacherEmail: LEE, familyId: 'D' },
    { id: 'S5', name: 'Eve', teacherEmail: LEE, familyId: 'E' },
    { id: 'S6', name: 'Fay', teacherEmail: LEE, familyId: 'E' },
  ];
  const base = {
    freed,
    students,
    bufferMinutes: 10,
    interpreters: {} as Record<string, number>,
    booked: [] as Conference[],
  };

  it('offers the time to families of the freed teacher’s waitlisted children, first listed first, siblings together', () => {
    const fit = fittingFamilies({
      ...base,
      waitlist: ['S5', 'S1', 'S3', 'S6'],
      families: ['A', 'C', 'E'].map((id) => family(id)),
    });
    expect(fit).toEqual([
      { familyId: 'E', studentIds: ['S5', 'S6'] },
      { familyId: 'C', studentIds: ['S3'] },
    ]);
  });

  it('offers a time in a room only to families who come in, and one online only to families who join online', () => {
    const families = [
      family('B', { meet: 'online' }),
      family('C', { meet: 'in person' }),
      family('D', { meet: 'either' }),
      family('E'),
    ];
    const offered = (mode: 'in person' | 'online' | 'either') =>
      fittingFamilies({
        ...base,
        freed: { ...freed, mode },
        waitlist: ['S2', 'S3', 'S4', 'S5'],
        families,
      }).map((f) => f.familyId);
    expect(offered('in person')).toEqual(['C', 'D', 'E']);
    expect(offered('online')).toEqual(['B', 'D', 'E']);
    expect(offered('either')).toEqual(['B', 'C', 'D', 'E']);
  });

  it('leaves out a family whose availability that day does not cover the time', () => {
    const fit = fittingFamilies({
      ...base,
      waitlist: ['S2', 'S3', 'S4'],
      families: [
        family('B', { availability: [{ date: '2026-11-17', start: 1005, end: 1100, rank: 1 }] }),
        family('C', { availability: [{ date: '2026-11-18', start: 900, end: 1100, rank: 1 }] }),
        family('D', { availability: [{ date: '2026-11-17', start: 990, end: 1020, rank: 2 }] }),
      ],
    });
    expect(fit.map((f) => f.familyId)).toEqual(['D']);
  });

  it('leaves out a family already elsewhere then or within the buffer between rooms, and one sharing a guardian who is', () => {
    const at = (familyId: string, start: number, teacherEmail = PARK): Conference => ({
      studentIds: ['X'],
      familyId,
      teacherEmail,
      date: '2026-11-17',
      start,
      end: start + 20,
      fixed: true,
      rank: 0,
    });
    const fit = fittingFamilies({
      ...base,
      waitlist: ['S2', 'S3', 'S4', 'S5'],
      families: [
        family('B'),
        family('C'),
        family('D'),
        family('E'),
        family('G', { contacts: ['D@x.example'] }),
      ],
      // B's other conference ends 5 minutes before, in another room; C's just before, with Ms. Lee;
      // D's guardian is also G's, booked at the same time; E is booked on another day.
      booked: [
        at('B', 975),
        at('C', 980, LEE),
        at('G', 1000),
        { ...at('E', 1000), date: '2026-11-18' },
      ],
    });
    expect(fit.map((f) => f.familyId)).toEqual(['C', 'E']);
  });

  it('leaves out a family needing an interpreter when every interpreter of that language is busy then', () => {
    const fit = fittingFamilies({
      ...base,
      waitlist: ['S2', 'S3'],
      families: [
        family('B', { interpreter: 'es' }),
        family('C', { interpreter: 'vi' }),
        family('H', { interpreter: 'es' }),
      ],
      interpreters: { es: 1, vi: 1 },
      booked: [{ familyId: 'H', teacherEmail: PARK, date: '2026-11-17', start: 1010, end: 1030 }],
    });
    expect(fit.map((f) => f.familyId)).toEqual(['C']);
  });

  it('every family offered a freed time can take it: the checker accepts the schedule with it placed there', () => {
    const minutes = fc.integer({ min: 0, max: 11 }).map((k) => 960 + 10 * k);
    const arbFamily = fc.record({
      availability: fc.option(
        fc.array(
          fc.record({
            day: fc.constantFrom('2026-11-17', '2026-11-18'),
            start: minutes,
            len: fc.integer({ min: 1, max: 8 }),
          }),
          { maxLength: 2 },
        ),
      ),
      interpreter: fc.constantFrom('', '', 'es'),
      guardian: fc.integer({ min: 0, max: 5 }),
    });
    const arbBooking = fc.record({
      family: fc.integer({ min: 0, max: 5 }),
      teacher: fc.constantFrom(LEE, PARK),
      day: fc.constantFrom('2026-11-17', '2026-11-18'),
      start: minutes,
    });
    checkProperty(
      fc.property(
        fc.array(arbFamily, { minLength: 6, maxLength: 6 }),
        fc.array(arbBooking, { maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 20 }),
        (specs, bookings, limit, buffer) => {
          const families: SchedFamily[] = specs.map((f, i) => ({
            id: `F${i}`,
            name: `F${i}`,
            availability:
              f.availability?.map((a) => ({
                date: a.day,
                start: a.start,
                end: a.start + 10 * a.len,
                rank: 1,
              })) ?? null,
            interpreter: f.interpreter,
            contacts: [`g${f.guardian}@x.example`],
          }));
          // Families 0-2 are waitlisted with Ms. Lee; 3-5 have conferences (each once, in turn).
          const students = families.map((f, i) => ({
            id: `S${i}`,
            name: f.id,
            teacherEmail: i < 3 ? LEE : PARK,
            familyId: f.id,
          }));
          const booked: Conference[] = [];
          const bookedStudents = new Set<number>();
          for (const b of bookings) {
            const owner = 3 + (b.family % 3);
            if (bookedStudents.has(owner)) continue;
            const c: Conference = {
              studentIds: [`S${owner}`],
              familyId: `F${owner}`,
              teacherEmail: PARK,
              date: b.day,
              start: b.start,
              end: b.start + 20,
              fixed: false,
              rank: 0,
            };
            const problem = problemOf(families, students, [...booked, c], limit, buffer);
            if (
              checkSchedule(problem, {
                conferences: [...booked, c],
                unplaced: unplacedOf(students, [...booked, c]),
              }).length === 0
            ) {
              booked.push(c);
              bookedStudents.add(owner);
            }
          }
          const fit = fittingFamilies({
            freed,
            waitlist: ['S0', 'S1', 'S2'],
            students,
            families,
            booked,
            bufferMinutes: buffer,
            interpreters: { es: limit },
          });
          // What the checker says with this family's children placed at the freed time.
          const brokenWith = (familyId: string, studentIds: string[]) => {
            const all: Conference[] = [
              ...booked,
              { ...freed, studentIds, familyId, fixed: false, rank: 0 },
            ];
            const problem = problemOf(families, students, all, limit, buffer);
            return checkSchedule(problem, {
              conferences: all,
              unplaced: unplacedOf(students, all),
            });
          };
          for (const f of fit) expect(brokenWith(f.familyId, f.studentIds)).toEqual([]);
          // And every waitlisted family left out would break a rule there.
          for (const s of students.slice(0, 3))
            if (!fit.some((f) => f.familyId === s.familyId))
              expect(brokenWith(s.familyId, [s.id])).not.toEqual([]);
        },
      ),
    );
  });
});

function problemOf(
  families: SchedFamily[],
  students: Problem['students'],
  conferences: Conference[],
  limit: number,
  buffer: number,
): Problem {
  return {
    windows: [LEE, PARK].flatMap((teacherEmail) =>
      ['2026-11-17', '2026-11-18'].map((date) => ({
        teacherEmail,
        teacher: teacherEmail,
        date,
        start: 900,
        end: 1200,
        room: teacherEmail,
        capacity: 6,
        videoLink: '',
      })),
    ),
    students,
    families,
    interpreters: { es: limit },
    conferenceMinutes: 20,
    bufferMinutes: buffer,
    mergeSiblings: true,
    fixed: [],
    seed: 1,
  } satisfies Problem & { fixed: Conference[] } as Problem;
}

function unplacedOf(students: Problem['students'], conferences: Conference[]) {
  const placed = new Set(conferences.flatMap((c) => c.studentIds));
  return students
    .filter((s) => !placed.has(s.id))
    .map((s) => ({ studentId: s.id, reason: 'waitlisted' }));
}

describe('offer tokens', () => {
  it('reads back the family code and freed conference from the token its link carries, and nothing from a plain code', () => {
    expect(readOfferToken(offerToken('c0ffee12', 'C-AB12'))).toEqual({
      code: 'c0ffee12',
      conferenceId: 'C-AB12',
    });
    expect(readOfferToken('c0ffee12')).toBeNull();
    expect(readOfferToken('-accept-C-1')).toBeNull();
  });
});

describe('the offers a coordinator sees as still open', () => {
  it('leaves out the offers of a freed time a family took, and counts each time taken once', () => {
    // Two freed times: C-1 offered to two families by email and one to call, C-2 to one family.
    // A family took C-1. Another round's offer and taken time do not count.
    const props = {
      'slc:wait-offer:Fall|C-1|ana@example.org': 'sent',
      'slc:wait-offer:Fall|C-1|ben@example.org': 'sent',
      'slc:wait-offer:Fall|C-1|phone:F-7': 'noted',
      'slc:wait-offer:Fall|C-2|ana@example.org': 'sent',
      'slc:wait-taken:Fall|C-1': 'F-2',
      'slc:wait-offer:Spring|C-9|ana@example.org': 'sent',
      'slc:wait-taken:Spring|C-9': 'F-3',
    };
    expect(offerCounts(props, 'Fall')).toEqual({ offers: 1, accepted: 1 });
    expect(offerCounts(props, 'Spring')).toEqual({ offers: 0, accepted: 1 });
    // A Family ID with a "|" in it (an offer to call) still matches its taken time.
    expect(
      offerCounts(
        { 'slc:wait-offer:Fall|C-1|phone:F|7': 'noted', 'slc:wait-taken:Fall|C-1': 'F|7' },
        'Fall',
      ),
    ).toEqual({ offers: 0, accepted: 1 });
    // A conference ID with a "|" in it still matches its own offers.
    expect(
      offerCounts(
        { 'slc:wait-offer:Fall|C|1|x@example.org': 'sent', 'slc:wait-taken:Fall|C|1': 'F' },
        'Fall',
      ),
    ).toEqual({ offers: 0, accepted: 1 });
  });
});
