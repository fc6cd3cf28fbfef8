/**
 * The demo's reminders: turns the hourly reminders on as the sidebar does, then moves
 * the emulator's clock to the end of the last conference day; the emulator fires the hourly
 * trigger (the bundle's sendDueReminders) each hour on the way, as Apps Script would, and at 5 PM
 * the day before each conference day sends the teachers' day-before emails (the teachers job). Writes
 * outbox.json: every message the emulator's MailApp sent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import type { JobProgress, Result, SettingsView } from '../src/shared/api';
import { dayIn, instantIn } from '../src/core/zone';
import { runJobToEnd } from './events';

function ok<T>(result: unknown, what: string): T {
  const r = result as Result<T>;
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value;
}

export function remindThroughTheRound(
  emulator: Emulator,
  bundle: Bundle,
  out: string,
): { emails: number; recipients: number; families: number } {
  const schedule = emulator.spreadsheet.sheetByName('Schedule');
  // The flow's earlier steps build the schedule; built here only if nothing has yet.
  if (!schedule || schedule.lastRow() < 2)
    ok<JobProgress>(bundle.callFromClient('runJob', ['schedule']), 'Building the schedule');
  const values = emulator.spreadsheet.sheetByName('Schedule')!.values();
  const dateCol = values[0]!.indexOf('Date');
  const days = [
    ...new Set(
      values.slice(1).map((r) => (r[dateCol] instanceof Date ? (r[dateCol] as Date).getTime() : 0)),
    ),
  ].sort((a, b) => a - b);
  const last = Math.max(0, ...days);
  ok<boolean>(bundle.callFromClient('setReminders', [true]), 'Turning reminders on');
  const before = emulator.mail.sent.length;
  // At 5 PM the day before each conference day, on the school's clock (Settings' zone), the
  // teachers' day-before emails are sent. A Date cell's day is read in the spreadsheet's zone.
  const { timeZone } = ok<SettingsView>(
    bundle.callFromClient('getSettings', []),
    'Settings',
  ).settings;
  for (const day of days.filter((d) => d > 0)) {
    const dayBefore = dayIn(day - 12 * 3600_000, emulator.spreadsheet.timeZone);
    const eve = instantIn(dayBefore, 17 * 60, timeZone).getTime();
    if (eve > emulator.ws.clock.now()) emulator.triggers.advanceTo(eve);
    runJobToEnd(bundle, 'teachers');
  }
  if (last > 0) emulator.triggers.advanceTo(last + 36 * 3600_000);
  const sent = emulator.mail.sent.slice(before);
  writeFileSync(
    join(out, 'outbox.json'),
    JSON.stringify(
      sent.map((m) => ({
        to: m.to,
        subject: m.subject,
        text: m.body,
        html: m.htmlBody,
        name: m.name,
        replyTo: m.replyTo,
        sentAt: m.sentAt,
      })),
      null,
      2,
    ) + '\n',
  );
  return {
    emails: sent.length,
    recipients: sent.reduce((n, m) => n + m.to.length, 0),
    families: new Set(sent.map((m) => [...m.to].sort().join(','))).size,
  };
}
