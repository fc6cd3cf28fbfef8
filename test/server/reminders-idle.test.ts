/**
 * The hourly reminder run when nothing is due: a few calls, not the whole Schedule run. And
 * whatever changes what is due (a time moved by hand, the reminder hours, invitations, a rebuilt
 * schedule, a new round), every reminder still goes out within the hour its window opens.
 */
import { openSchool } from '../../preview/school';
import type { SettingsView } from '../../src/shared/api';
import { EST, ok, run } from './calls';

type School = ReturnType<typeof openSchool>;

const HOUR = 3600_000;
/** The round's days are in November: Eastern Standard Time. */

function remindersOn(): School {
  const s = openSchool({ students: 18, days: ['2026-11-17'] });
  run(s, 'setup');
  run(s, 'schedule');
  expect(ok<boolean>(s.bundle.callFromClient('setReminders', [true]))).toBe(true);
  return s;
}

/** The trigger runs of the next hour of the clock. */
function nextHour(s: School) {
  const before = s.emulator.ws.reports.length;
  s.emulator.triggers.advanceTo(s.emulator.ws.clock.now() + HOUR);
  return s.emulator.ws.reports.slice(before).filter((r) => r.entry.startsWith('sendDueReminders'));
}

function schedule(s: School) {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const col = (name: string) => (header as string[]).indexOf(name);
  return { rows, col, sheet: s.emulator.spreadsheet.sheetByName('Schedule')! };
}

const wall = (d: Date, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', ...o }).format(d);

/** When a row's conference starts, in ms. */
function startOf(row: unknown[], col: (name: string) => number): number {
  const day = wall(row[col('Date')] as Date, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = wall(row[col('Start')] as Date, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return EST(day, time);
}

describe('the hourly reminder run', () => {
  it('with nothing due makes at most five service calls, once a whole run has looked', () => {
    const s = remindersOn();
    const [first] = nextHour(s);
    // The first hour reads the Schedule whole (settings, lock, time zone): the yardstick.
    expect(first!.calls).toBeGreaterThan(5);
    for (let h = 0; h < 24; h++) {
      const runs = nextHour(s);
      expect(runs).toHaveLength(1);
      expect(runs[0]!.calls).toBeLessThanOrEqual(5);
      expect(runs[0]!.error).toBeUndefined();
    }
    expect(s.emulator.mail.sent).toHaveLength(0);
  });

  /** The first conference with an address moves, in the sheet, to another day. */
  const moveFirstRowTo = (day: string) => (s: School) => {
    const { sheet, rows, col } = schedule(s);
    const i = rows.findIndex((r) => String(r[col('Emails')]).trim());
    sheet.put(i + 2, col('Date') + 1, { v: new Date(EST(day, '00:00')) });
  };
  const saveSettings = (change: Record<string, unknown>) => (s: School) => {
    const view = ok<SettingsView>(s.bundle.callFromClient('getSettings', []));
    ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, ...change }]));
  };

  describe.each([
    { change: 'nothing', hours: [48, 2], make: () => {} },
    {
      change: 'a conference moved by hand to an earlier day',
      hours: [48, 2],
      make: moveFirstRowTo('2026-11-10'),
    },
    {
      change: 'reminder hours changed in Settings',
      hours: [72, 2],
      make: saveSettings({ reminderHoursBefore: [72, 2] }),
    },
    { change: 'the invitations sent', hours: [48, 2], make: (s: School) => void run(s, 'invites') },
    {
      change: 'the schedule built again',
      hours: [48, 2],
      make: (s: School) => void run(s, 'schedule'),
    },
    {
      change: 'a new round named in Settings',
      hours: [48, 2],
      make: saveSettings({ roundName: 'Spring conferences' }),
    },
  ])('after $change', ({ hours, make }) => {
    it('reminds every family with an address within the hour its family’s window opens, once', () => {
      const s = remindersOn();
      nextHour(s);
      nextHour(s);
      make(s);
      for (let t = s.emulator.ws.clock.now(); t < EST('2026-11-18', '00:00'); t += HOUR)
        nextHour(s);

      const { rows, col } = schedule(s);
      // A family's reminder for a day counts from its first conference that day (siblings).
      const familyDay = (row: unknown[]) =>
        `${String(row[col('Family ID')])} ${wall(row[col('Date')] as Date, { dateStyle: 'short' })}`;
      const firstStart = new Map<string, number>();
      for (const row of rows) {
        const key = familyDay(row);
        firstStart.set(key, Math.min(firstStart.get(key) ?? Infinity, startOf(row, col)));
      }
      let reminded = 0;
      for (const row of rows) {
        if (!String(row[col('Emails')]).trim()) continue;
        const start = firstStart.get(familyDay(row))!;
        const marks = [...String(row[col('Reminders Sent')]).matchAll(/(\d+)h (\S+ \d\d:\d\d)/g)];
        expect(marks.map((m) => Number(m[1]))).toEqual(hours);
        for (const [, h, at] of marks) {
          const sentAt = EST(at!.slice(0, 10), at!.slice(11));
          const opens = start - Number(h) * HOUR;
          expect(sentAt).toBeGreaterThanOrEqual(opens);
          expect(sentAt).toBeLessThan(opens + HOUR);
        }
        reminded++;
      }
      expect(reminded).toBeGreaterThan(5);
    });
  });
});
