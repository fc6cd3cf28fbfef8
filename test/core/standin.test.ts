/**
 * The stand-in adult a family names: read from Availability rows (the last answer of the round,
 * an address that is not one reported at its cell), and listed beside only the children the
 * answering guardian is listed with. Expected values are read off the fixtures below.
 */
import { availabilityFamilies } from '../../src/core/availabilityfamily';
import type { ReminderConference } from '../../src/core/reminders';
import { standInGuest, standInMayBeDue, standInsOf, withStandIns } from '../../src/core/standin';
import type { TableRow } from '../../src/core/table';

const HEADER = ['Family ID', 'Email', 'Who Comes', 'Who Comes Email', 'Round'];

/** Availability rows as readTable gives them, from row 2 on. */
const rows = (...values: string[][]): TableRow[] =>
  values.map((v, i) => ({
    row: i + 2,
    get: (h: string) => v[HEADER.indexOf(h)] ?? '',
    where: (h: string) => ({ sheet: 'Availability', row: i + 2, column: HEADER.indexOf(h) + 1 }),
  }));

/** Families F-1 (Pat and X answer for it) and F-2 (Rosa), as the Roster gives them. */
const familyOf = availabilityFamilies([
  {
    id: 'F-1',
    contacts: [
      { name: 'Pat', email: 'pat@a.example' },
      { name: 'X', email: 'x@c.example' },
    ],
  },
  { id: 'F-2', contacts: [{ name: 'Rosa', email: 'rosa@l.example' }] },
]);

const conference = (over: Partial<ReminderConference>): ReminderConference => ({
  row: 2,
  conferenceId: 'C1',
  familyKey: 'F-1',
  family: 'Adams',
  students: 'Amy Adams, Ben Baker',
  teacher: 'Ms. Rivera',
  room: '101',
  date: '2026-11-17',
  start: 900,
  end: 925,
  emails: ['pat@a.example', 'x@c.example'],
  language: 'en',
  interpreter: false,
  status: 'scheduled',
  sent: '',
  pupils: [
    { name: 'Amy Adams', lastName: 'Adams', emails: ['pat@a.example', 'x@c.example'] },
    { name: 'Ben Baker', lastName: 'Baker', emails: ['pat@a.example'] },
  ],
  ...over,
});

describe('standin', () => {
  describe('standInsOf', () => {
    it('takes the family’s last answer of the round, its address lower-cased', () => {
      const { standIns, problems } = standInsOf(
        rows(
          ['F-1', 'X@C.example', 'Grandma June', 'june@old.example', 'Fall'],
          ['F-1', 'X@C.example', 'Grandma June', ' June@Grand.Example ', 'Fall'],
          ['F-1', 'x@c.example', 'Uncle Tom', 'tom@spring.example', 'Spring'],
        ),
        'Fall',
        familyOf,
      );
      expect(standIns.get('F-1')).toEqual({
        name: 'Grandma June',
        email: 'june@grand.example',
        answeredBy: 'x@c.example',
      });
      expect(problems).toEqual([]);
    });

    it('reports an address that is not one at its cell, once per family, and keeps no address', () => {
      const { standIns, problems } = standInsOf(
        rows(
          ['F-2', 'rosa@l.example', 'Tío Juan', 'juan at tio', 'Fall'],
          ['F-2', 'rosa@l.example', 'Tío Juan', 'juan at tio', 'Fall'],
        ),
        'Fall',
        familyOf,
      );
      expect(standIns.get('F-2')!.email).toBe('');
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(
        /^Availability, row 3, column D \(Who Comes Email\): "juan at tio" is not an email address/,
      );
      expect(problems[0]!.where).toEqual({ sheet: 'Availability', row: 3, column: 4 });
    });
  });

  describe('withStandIns', () => {
    const june = { name: 'June', email: 'june@g.example', answeredBy: 'x@c.example' };

    it('lists the stand-in with the children the answering guardian is listed with, only those', () => {
      const [c] = withStandIns([conference({})], new Map([['F-1', june]]));
      expect(c!.pupils!.map((p) => [p.name, p.emails.includes('june@g.example')])).toEqual([
        ['Amy Adams', true],
        ['Ben Baker', false],
      ]);
      expect(c!.emails).toContain('june@g.example');
    });

    it('changes nothing without an address, for another family, or for an address already listed', () => {
      const base = conference({});
      expect(withStandIns([base], new Map([['F-1', { ...june, email: '' }]]))[0]).toBe(base);
      expect(withStandIns([base], new Map([['F-9', june]]))[0]).toBe(base);
      const listed = { ...june, email: 'pat@a.example', answeredBy: 'pat@a.example' };
      expect(withStandIns([base], new Map([['F-1', listed]]))[0]).toBe(base);
    });
  });

  describe('standInMayBeDue', () => {
    const now = { date: '2026-11-16', minutes: 900 };
    it('is true in a reminder window until the row reads as reminded in full', () => {
      expect(standInMayBeDue([conference({})], [48, 2], now)).toBe(true);
      const perAddress =
        '48h 2026-11-16 14:00 to pat@a.example; 48h 2026-11-16 14:00 to x@c.example';
      expect(standInMayBeDue([conference({ sent: perAddress })], [48, 2], now)).toBe(true);
      expect(standInMayBeDue([conference({ sent: '48h 2026-11-16 14:00' })], [48, 2], now)).toBe(
        false,
      );
      expect(standInMayBeDue([conference({})], [48, 2], { date: '2026-11-10', minutes: 0 })).toBe(
        false,
      );
    });
  });

  describe('standInGuest', () => {
    const june = { name: 'June', email: 'june@g.example', answeredBy: 'x@c.example' };
    const listed: Record<string, string[]> = {
      S1: ['pat@a.example', 'X@C.example'],
      S2: ['pat@a.example'],
    };
    const guest = (studentIds: string[]) =>
      standInGuest(
        { familyId: 'F-1', studentIds },
        new Map([['F-1', june]]),
        (id) => listed[id] ?? [],
      );

    it('invites the stand-in to a conference whose every child the answerer is listed with', () => {
      expect(guest(['S1'])).toBe('june@g.example');
    });

    it('does not invite them to one naming a child the answerer is not listed with', () => {
      expect(guest(['S2'])).toBeNull();
      expect(guest(['S1', 'S2'])).toBeNull();
    });
  });
});
