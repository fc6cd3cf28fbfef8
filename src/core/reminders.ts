/**
 * Which reminders are due, for whom, now. Pure: "now" arrives as the wall clock in the school's
 * time zone (yyyy-MM-dd and minutes after midnight), and the Schedule rows as read.
 *
 * Rules (issue 7):
 * - A conference with status scheduled, invited, accepted or tentative is remindable; declined,
 *   cancelled, attended and no-show conferences get nothing.
 * - A family's conferences on one day are one unit (siblings): one message per family, per day,
 *   per reminder, listing every conference that day, to that family's addresses only. The
 *   reminder times count back from the family's first conference of the day.
 * - Reminder times (e.g. [48, 2] hours) cut the time before a conference into windows:
 *   (2 h, 48 h] belongs to the 48 h reminder, (0, 2 h] to the 2 h one. At any moment only the
 *   reminder whose window we are in may go out. A reminder discovered after its window has
 *   passed (the 48 h reminder found only 1 h before, because the trigger was off) is never sent
 *   late as the wrong message: the family gets the reminder of the window it is in (here 2 h),
 *   once. A sent reminder is recorded on every row of the unit ("48h 2026-11-08 09:00"); a unit
 *   that already has this window's mark, or a later window's, is skipped.
 * - Arithmetic is on the school's wall clock (48 h = two calendar days at the same time), which
 *   is how families read "two days before", also across a daylight-saving change.
 */
import { cleanText } from './normalize';

export const REMINDABLE_STATUSES = new Set(['scheduled', 'invited', 'accepted', 'tentative']);

export interface ReminderConference {
  /** Row on the Schedule sheet (1-based). */
  row: number;
  conferenceId: string;
  /** Family ID, or the row's addresses when it has none. */
  familyKey: string;
  family: string;
  students: string;
  teacher: string;
  room: string;
  date: string | null;
  start: number | null;
  end: number | null;
  emails: string[];
  language: string;
  interpreter: boolean;
  status: string;
  /** The Reminders Sent cell as read. */
  sent: string;
}

export interface WallNow {
  /** yyyy-MM-dd in the school's zone. */
  date: string;
  /** Minutes after midnight. */
  minutes: number;
}

export interface DueReminder {
  hours: number;
  familyKey: string;
  date: string;
  language: string;
  /** Every address of the unit, lower-cased, once. */
  emails: string[];
  /** The unit's conferences, earliest first. */
  conferences: ReminderConference[];
}

const DAY = 1440;

/** Minutes since 1970-01-01 00:00 on the wall clock (no zone involved). */
export function wallMinutes(date: string, minutes: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 60000 / DAY) * DAY + minutes;
}

/** The reminder hours recorded in a Reminders Sent cell ("48h 2026-11-08 09:00; 2h ..."). */
export function sentHours(cell: string): Set<number> {
  const out = new Set<number>();
  for (const m of cell.match(/(^|[;\s])(\d{1,4})h\b/g) ?? [])
    out.add(Number(m.replace(/[^\d]/g, '')));
  return out;
}

/** The cell after recording a reminder: the old marks kept, the new one appended. */
export function markSent(cell: string, hours: number, at: string): string {
  const mark = `${hours}h ${at}`;
  const old = cleanText(cell);
  return old ? `${old}; ${mark}` : mark;
}

/** The window a moment `minutesBefore` a conference falls in, or null (passed, or too early). */
export function windowAt(minutesBefore: number, hoursBefore: number[]): number | null {
  if (minutesBefore <= 0) return null;
  const sorted = [...new Set(hoursBefore)].filter((h) => h > 0).sort((a, b) => a - b);
  for (const h of sorted) if (minutesBefore <= h * 60) return h;
  return null;
}

function remindable(c: ReminderConference): boolean {
  return REMINDABLE_STATUSES.has(c.status) && c.date !== null && c.start !== null;
}

/** Conferences that get reminders grouped into units: one family, one day. */
export function reminderUnits(
  conferences: ReminderConference[],
): Map<string, ReminderConference[]> {
  const units = new Map<string, ReminderConference[]>();
  for (const c of conferences) {
    if (!remindable(c)) continue;
    const key = `${c.familyKey}\u0000${c.date}`;
    const list = units.get(key) ?? [];
    list.push(c);
    units.set(key, list);
  }
  for (const list of units.values()) list.sort((a, b) => a.start! - b.start! || a.row - b.row);
  return units;
}

/** The reminders due now, one per family and day, earliest conference first. */
export function dueReminders(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
): DueReminder[] {
  const nowAt = wallMinutes(now.date, now.minutes);
  if (nowAt === null) return [];
  const out: DueReminder[] = [];
  for (const list of reminderUnits(conferences).values()) {
    const first = list[0]!;
    const startAt = wallMinutes(first.date!, first.start!);
    if (startAt === null) continue;
    const hours = windowAt(startAt - nowAt, hoursBefore);
    if (hours === null) continue;
    const already = list.some((c) => [...sentHours(c.sent)].some((h) => h <= hours));
    if (already) continue;
    const emails = [...new Set(list.flatMap((c) => c.emails.map((e) => e.toLowerCase())))];
    if (emails.length === 0) continue;
    out.push({
      hours,
      familyKey: first.familyKey,
      date: first.date!,
      language: first.language,
      emails,
      conferences: list,
    });
  }
  return out.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.conferences[0]!.start! - b.conferences[0]!.start! ||
      a.conferences[0]!.row - b.conferences[0]!.row,
  );
}

export interface ChannelCounts {
  /** Families reached by email (at least one address). */
  email: number;
  /** Families without an address: a printed letter. */
  letter: number;
  /** Families without an address that have a phone number: also on the phone list. */
  phone: number;
  /** Every family with a remindable conference. */
  families: number;
}

/** How many families each channel reaches; email + letter = families. */
export function channelCounts(
  conferences: ReminderConference[],
  phoneOf: (familyKey: string) => string,
): ChannelCounts {
  const byFamily = new Map<string, boolean>();
  for (const c of conferences) {
    if (!remindable(c)) continue;
    byFamily.set(c.familyKey, (byFamily.get(c.familyKey) ?? false) || c.emails.length > 0);
  }
  let email = 0;
  let letter = 0;
  let phone = 0;
  for (const [key, hasEmail] of byFamily) {
    if (hasEmail) email++;
    else {
      letter++;
      if (phoneOf(key)) phone++;
    }
  }
  return { email, letter, phone, families: byFamily.size };
}

/** Units (family, day) whose reminders are still ahead or due, and those already reminded. */
export function reminderTally(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
): { sent: number; due: number; upcoming: number } {
  const nowAt = wallMinutes(now.date, now.minutes) ?? 0;
  let upcoming = 0;
  // What was sent stays counted once the conference is marked attended or no-show: one per
  // family, day and reminder time, whatever each row's Status says now.
  const sentByUnit = new Map<string, Set<number>>();
  for (const c of conferences) {
    const key = `${c.familyKey}\u0000${c.date}`;
    for (const h of sentHours(c.sent))
      sentByUnit.set(key, (sentByUnit.get(key) ?? new Set()).add(h));
  }
  const sent = [...sentByUnit.values()].reduce((n, hours) => n + hours.size, 0);
  for (const list of reminderUnits(conferences).values()) {
    const startAt = wallMinutes(list[0]!.date!, list[0]!.start!) ?? 0;
    if (startAt > nowAt && list.some((c) => c.emails.length > 0)) upcoming++;
  }
  return { sent, due: dueReminders(conferences, hoursBefore, now).length, upcoming };
}
