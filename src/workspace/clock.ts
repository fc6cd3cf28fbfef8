/**
 * The hourly reminders when Google runs the time-driven trigger without its document.
 *
 * A clock trigger is reported to get null from SpreadsheetApp.getActiveSpreadsheet()
 * (docs/EMULATOR.md row 17), and Google's reference gives null for the document's properties
 * and lock outside a document. The add-on keeps its settings, templates and send journal in the
 * document's properties and serialises every writer on the document's lock, so reaching the
 * sheet by openById (which would also need the broader `spreadsheets` scope) would still not be
 * enough to send reminders safely. Instead the trigger remembers, in its owner's user properties,
 * which spreadsheet it serves and when reminder windows open there; run without its document, it
 * emails its owner once per opened window (and once when the daily email quota renews with
 * reminders held back for it) to open the spreadsheet and click "Send due reminders now". Run
 * with its document, it sends the reminders itself, as before.
 */
import { parseMarks, REMINDABLE_STATUSES, wallMinutes, windowCloses } from '../core/reminders';
import type { Settings } from '../shared/api';
import { dayIn, minutesIn } from '../core/zone';
import { readSettings, schoolZone } from './data';
import {
  type ClockRecord,
  deleteClockRecord,
  noteUntold,
  readClockRecord,
  writeClockRecord,
} from './clockrecord';
import { readConferences, reminderTrigger } from './reminders';
import { rememberedRenewal } from './mailquota';

/** Enough for a round's distinct reminder times (a 5-minute grid over several days). */
const MAX_OPENINGS = 400;

function wallNowMinutes(timeZone: string): number {
  const now = new Date();
  return wallMinutes(dayIn(now, timeZone), minutesIn(now, timeZone)) ?? 0;
}

/**
 * Records, for the reminder trigger with this unique ID, the spreadsheet it serves and the
 * upcoming times a reminder window opens there. Called where the document is at hand: when the
 * trigger is turned on, after each run that had its document, and after a schedule or a send.
 */
export function rememberDocument(
  uid: string,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
): void {
  const timeZone = schoolZone(ss, settings);
  const now = wallNowMinutes(timeZone);
  const opens = new Set<number>();
  /** The first window already open whose reminder has not gone (nor been tried) yet. */
  let unsent = Infinity;
  /** Whether a reminder waits for the quota to renew while its window is open. */
  let waiting = false;
  for (const c of readConferences(ss, settings).conferences) {
    if (!REMINDABLE_STATUSES.has(c.status) || !c.date || c.start === null || !c.emails.length)
      continue;
    const marks = parseMarks(c.sent);
    const start = wallMinutes(c.date, c.start);
    if (start === null) continue;
    for (const hours of settings.reminderHoursBefore) {
      const at = start - hours * 60;
      if (at > now) opens.add(at);
      // Open but not sent (reminders turned on late, or a send cut off before it began): the
      // owner is still to be told, so the window stays ahead of what they were told.
      else if (now < start && !marks.some((m) => m.hours <= hours)) {
        opens.add(at);
        unsent = Math.min(unsent, at);
      }
      // Held back for the quota to renew: the owner is told when it does, or at once if it has.
      else if (
        now < windowCloses(start, hours, settings.reminderHoursBefore) &&
        marks.some((m) => m.hours === hours && m.kind === 'waiting')
      )
        waiting = true;
    }
  }
  const before = readClockRecord(uid);
  const renewal = waiting ? rememberedRenewal() : null;
  if (renewal !== null) {
    const at = wallMinutes(
      dayIn(new Date(renewal), timeZone),
      minutesIn(new Date(renewal), timeZone),
    );
    // Once told of it (or of anything since), a renewal is not told again.
    if (at !== null && at > (before?.told ?? 0)) {
      opens.add(at);
      if (at <= now) unsent = Math.min(unsent, at);
    }
  }
  const record: ClockRecord = {
    spreadsheetId: ss.getId(),
    name: ss.getName(),
    url: ss.getUrl(),
    timeZone,
    opens: [...opens].sort((a, b) => a - b).slice(0, MAX_OPENINGS),
    told: Math.min(Math.max(before?.told ?? 0, now), unsent - 1),
    ...(before?.withoutDocument ? { withoutDocument: true } : {}),
  };
  writeClockRecord(uid, record);
}

/** Forgets what a removed reminder trigger served. */
export function forgetDocument(uid: string): void {
  deleteClockRecord(uid);
}

/** The reminder trigger of this user in this spreadsheet, refreshed in what it remembers. */
export function refreshReminderRecord(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings?: Settings,
): void {
  const mine = reminderTrigger(ss);
  // The settings are read only when there is a trigger to remember them for.
  if (mine) rememberDocument(mine.getUniqueId(), ss, settings ?? readSettings(ss));
}

/**
 * The trigger ran without its document: when a reminder window has opened since the owner was
 * last told, one email to the owner (the trigger runs as them) saying where to send them from.
 * Each email goes to one recipient, so a send stopped by the daily quota leaves none for this
 * one: it fails, and is tried again each hour until the quota renews. The first such run is also remembered, so the Reminders step stops promising that reminders
 * go out on their own. Answers whether it wrote the email.
 */
export function tellOwnerRemindersDue(uid: string | undefined): boolean {
  if (!uid) return false;
  const record = readClockRecord(uid);
  if (!record) return false;
  const now = wallNowMinutes(record.timeZone);
  const opened = record.opens.filter((at) => at > record.told && at <= now);
  if (!opened.length) {
    if (!record.withoutDocument) writeClockRecord(uid, { ...record, withoutDocument: true });
    return false;
  }
  try {
    tellOwner(record);
  } catch (e) {
    // The day's quota is spent: the reminders could not go either. The owner's next send marks
    // those whose time passed meanwhile as missed (src/workspace/reminders.ts).
    if (/too many times for one day/i.test(String((e as Error)?.message ?? e)))
      noteUntold(record.spreadsheetId, record.told);
    throw e;
  }
  writeClockRecord(uid, {
    ...record,
    told: now,
    opens: record.opens.filter((at) => at > now),
    withoutDocument: true,
  });
  return true;
}

function tellOwner(record: ClockRecord): void {
  MailApp.sendEmail({
    to: Session.getEffectiveUser().getEmail(),
    subject: `Conference reminders are due: ${record.name}`,
    body: [
      `Reminders to families are due in "${record.name}".`,
      '',
      'Google ran the hourly reminders without opening the spreadsheet, so the add-on could not send them itself.',
      `Open the spreadsheet: ${record.url}`,
      'Then Extensions → Student-Led Conferences → Open → Reminders → "Send due reminders now".',
      '',
      'You get this email once each time reminders fall due; each family is reminded once, whoever sends.',
    ].join('\n'),
  });
}
