/**
 * When the hourly reminder run may stop early: only before the next window opens, and only while
 * the Schedule is exactly as the last complete run left it.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { nextWindowOpening, nothingDueYet, scheduleDigest } from '../../src/core/idle';
import { wallMinutes, type ReminderConference } from '../../src/core/reminders';

const conference = (over: Partial<ReminderConference>): ReminderConference => ({
  row: 2,
  conferenceId: 'C1',
  familyKey: 'F1',
  family: 'Lee',
  students: 'Ana Lee',
  teacher: 'Ms. Rivera',
  room: '101',
  date: '2026-11-17',
  start: 15 * 60,
  end: 15 * 60 + 20,
  emails: ['lee@example.com'],
  language: 'en',
  interpreter: false,
  status: 'scheduled',
  sent: '',
  ...over,
});

const at = (day: string, hhmm: string) =>
  wallMinutes(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)))!;

describe('idle', () => {
  describe('nextWindowOpening', () => {
    it('is the earliest opening still ahead: 48 hours, then 2 hours before', () => {
      const list = [conference({})];
      expect(nextWindowOpening(list, [48, 2], at('2026-11-02', '09:00'))).toBe(
        at('2026-11-15', '15:00'),
      );
      expect(nextWindowOpening(list, [48, 2], at('2026-11-15', '15:00'))).toBe(
        at('2026-11-17', '13:00'),
      );
      expect(nextWindowOpening(list, [48, 2], at('2026-11-17', '13:00'))).toBeNull();
    });

    it("counts from a family's first conference of the day, even when only a later one has an address", () => {
      const list = [
        conference({ row: 2, start: 15 * 60, emails: [] }),
        conference({ row: 3, conferenceId: 'C2', start: 17 * 60 }),
      ];
      expect(nextWindowOpening(list, [2], at('2026-11-17', '09:00'))).toBe(
        at('2026-11-17', '13:00'),
      );
    });

    it('leaves out cancelled conferences and families without an address', () => {
      const list = [
        conference({ status: 'cancelled' }),
        conference({ row: 3, familyKey: 'F2', emails: [], start: 16 * 60 }),
      ];
      expect(nextWindowOpening(list, [48, 2], at('2026-11-02', '09:00'))).toBeNull();
    });
  });

  describe('scheduleDigest', () => {
    const sheet = (): unknown[][] => [
      ['Conference ID', 'Date', 'Start', 'Status', 'Reminders Sent'],
      [
        'C1',
        new Date(Date.UTC(2026, 10, 17, 5)),
        new Date(Date.UTC(1899, 11, 30, 20)),
        'scheduled',
        '',
      ],
      [
        'C2',
        new Date(Date.UTC(2026, 10, 17, 5)),
        new Date(Date.UTC(1899, 11, 30, 21)),
        'invited',
        '48h 2026-11-15 15:00',
      ],
    ];

    it('is the same for the same values, and reads a sheet without conferences alike', () => {
      expect(scheduleDigest(sheet())).toBe(scheduleDigest(sheet()));
      expect(scheduleDigest(null)).toBe(scheduleDigest([]));
      expect(scheduleDigest([sheet()[0]!])).toBe(scheduleDigest(null));
    });

    it('changes when any one cell changes: a date, a time, a status, a mark', () => {
      checkProperty(
        fc.property(
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 0, max: 4 }),
          fc.oneof(fc.string(), fc.date({ noInvalidDate: true })),
          (r, c, value) => {
            const before = sheet();
            const after = sheet();
            after[r]![c] = value;
            const same =
              value instanceof Date
                ? before[r]![c] instanceof Date &&
                  (before[r]![c] as Date).getTime() === value.getTime()
                : !(before[r]![c] instanceof Date) && String(before[r]![c]) === value;
            expect(scheduleDigest(after) === scheduleDigest(before)).toBe(same);
          },
        ),
      );
    });

    it('tells a row moved from one column to the next', () => {
      expect(
        scheduleDigest([
          ['a', 'b'],
          ['c', ''],
        ]),
      ).not.toBe(
        scheduleDigest([
          ['a', 'b'],
          ['', 'c'],
        ]),
      );
      expect(
        scheduleDigest([
          ['a', 'b'],
          ['c', 'd'],
        ]),
      ).not.toBe(scheduleDigest([['a', 'b', 'c', 'd']]));
    });
  });

  describe('nothingDueYet', () => {
    const digest = 'd';
    it('stops only before the moment and with the same Schedule', () => {
      expect(nothingDueYet({ next: 100, digest }, 99, digest)).toBe(true);
      expect(nothingDueYet({ next: 100, digest }, 100, digest)).toBe(false);
      expect(nothingDueYet({ next: 100, digest }, 99, 'other')).toBe(false);
      expect(nothingDueYet(null, 99, digest)).toBe(false);
      expect(nothingDueYet({ digest } as never, 99, digest)).toBe(false);
    });
  });
});
