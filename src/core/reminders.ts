/**
 * Which reminders are due, for whom, now. Pure: "now" arrives as the wall clock in the school's
 * time zone (yyyy-MM-dd and minutes after midnight), and the Schedule rows as read.
 *
 * Rules:
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
 * - Each message has one recipient and names only the children listed with that address on the
 *   Roster (core/recipients.ts); what is due is still decided per family and day. A Reminders
 *   Sent entry without an address ("48h 2026-11-08 09:00") covers every address of its row; one
 *   with an address ("48h 2026-11-08 09:00 to a@x.org") only that one, written when a unit was
 *   reminded in part (a run stopped between two of its addresses).
 * - A message MailApp refuses ("48h refused to a@x.org: Invalid email") is not tried again for
 *   that window. One the day's quota stopped ("48h waiting for quota since ...") goes out on the
 *   next run with quota, while its window lasts; once its window has passed it is marked missed
 *   ("48h missed: ..."), for a person to see, and the family gets the next window's reminder.
 * - Arithmetic is on the school's wall clock (48 h = two calendar days at the same time), which
 *   is how families read "two days before", also across a daylight-saving change.
 */
import type { Meet } from './meeting';
import { cleanText } from './normalize';
import { byRecipient, type Pupil } from './recipients';
import type { RosterResult } from './roster';

export const REMINDABLE_STATUSES = new Set(['scheduled', 'invited', 'accepted', 'tentative']);

/** Added to a Reminders Sent mark when a run was cut off while sending that reminder. */
export const UNCONFIRMED_MARK = 'unconfirmed: cut off while sending, check with the family';

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
  /** The video link of the teacher's window, when the conference may be joined online. */
  videoLink?: string;
  /** In person, online or either, as the Schedule's Mode says (blank: the room and any link). */
  mode?: Meet;
  date: string | null;
  start: number | null;
  end: number | null;
  emails: string[];
  language: string;
  interpreter: boolean;
  status: string;
  /** The Reminders Sent cell as read. */
  sent: string;
  /**
   * The row's children with the addresses allowed to read about each (the disclosure rule);
   * without it, every child of the Students cell is listed with every address of the row.
   */
  pupils?: Pupil[];
}

/** The row's children and who may read about them. */
export function pupilsOf(c: ReminderConference): Pupil[] {
  return (
    c.pupils ??
    c.students
      .split(/\s*[,;]\s*/)
      .filter(Boolean)
      .map((name) => ({ name, lastName: '', emails: c.emails }))
  );
}

/** One email: one address, and the unit's conferences that name its children (only those). */
export interface ReminderMessage {
  to: string;
  conferences: (ReminderConference & { pupils: Pupil[] })[];
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
  /** Every address still to remind, lower-cased, once: one message each. */
  emails: string[];
  /** The unit's conferences, earliest first. */
  conferences: ReminderConference[];
  /** One per address, in the order of `emails`. */
  messages: ReminderMessage[];
}

const DAY = 1440;

/** Minutes since 1970-01-01 00:00 on the wall clock (no zone involved). */
export function wallMinutes(date: string, minutes: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 60000 / DAY) * DAY + minutes;
}

export type MarkKind = 'sent' | 'waiting' | 'refused' | 'missed';

/** One entry of a Reminders Sent cell. */
export interface Mark {
  hours: number;
  kind: MarkKind;
  /** The one address it covers, or null for every address of the row. */
  to: string | null;
  text: string;
}

function entries(cell: string): string[] {
  return cleanText(cell)
    .split(/\s*;\s*/)
    .filter(Boolean);
}

const join = (list: string[]) => list.join('; ');

/** The entries of a Reminders Sent cell ("48h 2026-11-08 09:00; 2h refused to a@x.org: ..."). */
export function parseMarks(cell: string): Mark[] {
  const out: Mark[] = [];
  for (const text of entries(cell)) {
    const m = /(?:^|\s)(\d{1,4})h\b/.exec(text);
    if (!m) continue;
    const to = /\bto ([^\s:;]+@[^\s:;]+)/.exec(text)?.[1]?.toLowerCase() ?? null;
    const kind: MarkKind = /\bwaiting for quota\b/.test(text)
      ? 'waiting'
      : /\brefused\b/.test(text)
        ? 'refused'
        : /\bmissed\b/.test(text)
          ? 'missed'
          : 'sent';
    out.push({ hours: Number(m[1]), kind, to, text });
  }
  return out;
}

/** The reminder hours a Reminders Sent cell records as sent ("48h 2026-11-08 09:00; 2h ..."). */
export function sentHours(cell: string): Set<number> {
  return new Set(
    parseMarks(cell)
      .filter((m) => m.kind === 'sent')
      .map((m) => m.hours),
  );
}

/**
 * Whether `to` has had this window's reminder for this row, or a later window's: sent, sent
 * but unconfirmed, refused or missed (never tried again in that window). Waiting is not done.
 */
export function reminded(cell: string, hours: number, to: string): boolean {
  return parseMarks(cell).some(
    (m) => m.kind !== 'waiting' && m.hours <= hours && (m.to === null || m.to === to),
  );
}

/** The cell after recording a reminder: the old marks kept, the new one appended. */
export function markSent(cell: string, hours: number, at: string): string {
  return join([...entries(cell), `${hours}h ${at}`]);
}

/** The cell after recording a reminder sent to one address of the row. */
export function markSentTo(cell: string, hours: number, at: string, to: string): string {
  return markSent(cell, hours, `${at} to ${to}`);
}

/** A reason on one line that cannot end the entry (MailApp's message, as given). */
function reasonText(reason: string): string {
  return cleanText(reason.replace(/[;\r\n]+/g, ', ')).slice(0, 200);
}

/** The cell after MailApp refused this window's reminder to one address. */
export function markRefused(cell: string, hours: number, to: string, reason: string): string {
  return join([...entries(cell), `${hours}h refused to ${to}: ${reasonText(reason)}`]);
}

/** The cell with this window's reminder waiting for the next day's quota (once). */
export function markWaiting(cell: string, hours: number, at: string): string {
  if (parseMarks(cell).some((m) => m.kind === 'waiting' && m.hours === hours))
    return cleanText(cell);
  return join([...entries(cell), `${hours}h waiting for quota since ${at}`]);
}

export const MISSED_TEXT = 'missed: its time passed while it waited for the daily email quota';

/** The cell without its waiting entry for `hours`; with `missed`, marked missed instead. */
export function settleWaiting(cell: string, hours: number, missed = false): string {
  const waiting = new Set(
    parseMarks(cell)
      .filter((m) => m.kind === 'waiting' && m.hours === hours)
      .map((m) => m.text),
  );
  if (!waiting.size) return cleanText(cell);
  const kept = entries(cell).filter((e) => !waiting.has(e));
  return join(missed ? [...kept, `${hours}h ${MISSED_TEXT}`] : kept);
}

/**
 * One entry instead of one per address, when this run reminded every address of the row: the
 * cell reads as before ("48h 2026-11-08 09:00") whatever the number of guardians.
 */
export function collapseSent(cell: string, hours: number, at: string, emails: string[]): string {
  const own = new Set(emails.map((e) => `${hours}h ${at} to ${e}`));
  const list = entries(cell);
  if (!own.size || ![...own].every((e) => list.includes(e))) return cleanText(cell);
  const first = list.findIndex((e) => own.has(e));
  const rest = list.filter((e) => !own.has(e));
  rest.splice(first, 0, `${hours}h ${at}`);
  return join(rest);
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
    // Each child's addresses that have not had this window's reminder about that row.
    const pending = list.map((c) => ({
      ...c,
      pupils: pupilsOf(c).map((p) => ({
        ...p,
        emails: p.emails.map((e) => e.toLowerCase()).filter((e) => !reminded(c.sent, hours, e)),
      })),
    }));
    const messages = byRecipient(pending).map(({ to, items }) => ({ to, conferences: items }));
    if (messages.length === 0) continue;
    out.push({
      hours,
      familyKey: first.familyKey,
      date: first.date!,
      language: first.language,
      emails: messages.map((m) => m.to),
      conferences: list,
      messages,
    });
  }
  return out.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.conferences[0]!.start! - b.conferences[0]!.start! ||
      a.conferences[0]!.row - b.conferences[0]!.row,
  );
}

/**
 * Each unit (one family, one day) with its start and a test for whether the window of a given
 * reminder has passed by `now`: the conference began, or a later window opened.
 */
function unitsAt(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
): { list: ReminderConference[]; startAt: number; passed: (hours: number) => boolean }[] {
  const nowAt = wallMinutes(now.date, now.minutes);
  if (nowAt === null) return [];
  const out = [];
  for (const list of reminderUnits(conferences).values()) {
    const startAt = wallMinutes(list[0]!.date!, list[0]!.start!);
    if (startAt === null) continue;
    const current = windowAt(startAt - nowAt, hoursBefore);
    const passed = (hours: number) => startAt <= nowAt || (current !== null && current < hours);
    out.push({ list, startAt, passed });
  }
  return out;
}

/**
 * Reminders that waited for the daily quota past their window (the next window has begun, or
 * the conference): each is marked missed, not sent late as the wrong message.
 */
export function missedWhileWaiting(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
): { row: number; hours: number }[] {
  const out: { row: number; hours: number }[] = [];
  for (const { list, passed } of unitsAt(conferences, hoursBefore, now))
    for (const c of list)
      for (const m of parseMarks(c.sent))
        if (m.kind === 'waiting' && passed(m.hours)) out.push({ row: c.row, hours: m.hours });
  return out;
}

/**
 * Reminders whose window opened after `since` (wall minutes) and has passed without any entry:
 * nobody tried to send them. The hourly trigger, run without its spreadsheet, could not even
 * tell its owner they were due (the daily email quota was spent), so they are marked missed
 * like those that waited for the quota.
 */
export function missedUntried(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
  since: number,
): { row: number; hours: number }[] {
  const out: { row: number; hours: number }[] = [];
  for (const { list, startAt, passed } of unitsAt(conferences, hoursBefore, now))
    for (const hours of hoursBefore) {
      if (startAt - hours * 60 <= since || !passed(hours)) continue;
      for (const c of list)
        if (!parseMarks(c.sent).some((m) => m.hours <= hours)) out.push({ row: c.row, hours });
    }
  return out;
}

/** The cell with this window's reminder marked missed (it was never tried). */
export function markMissed(cell: string, hours: number): string {
  return join([...entries(cell), `${hours}h ${MISSED_TEXT}`]);
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

/**
 * Units (family, day) whose reminders are still ahead or due, those already reminded, and the
 * reminder times that passed with nothing sent or tried for a family with an address (hourly
 * reminders off, nobody pressing Send): one per family, day and reminder time, none counted once
 * a later reminder of that day went (or was tried).
 */
export function reminderTally(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
): { sent: number; due: number; upcoming: number; lapsed: number } {
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
  let lapsed = 0;
  for (const { list, passed } of unitsAt(conferences, hoursBefore, now)) {
    if (!list.some((c) => c.emails.length > 0)) continue;
    const marked = list.flatMap((c) => parseMarks(c.sent).map((m) => m.hours));
    for (const hours of hoursBefore) if (passed(hours) && !marked.some((h) => h <= hours)) lapsed++;
  }
  return { sent, due: dueReminders(conferences, hoursBefore, now).length, upcoming, lapsed };
}

/** When this window's reminder can no longer go (wall minutes): the next window opens, or the conference begins. */
export function windowCloses(startAt: number, hours: number, hoursBefore: number[]): number {
  const later = hoursBefore.filter((h) => h > 0 && h < hours);
  return startAt - (later.length ? Math.max(...later) : 0) * 60;
}

/** What a run sends now against a short daily quota, and what it holds back until the quota renews. */
export interface QuotaPlan {
  send: DueReminder[];
  held: DueReminder[];
}

/**
 * Planning against MailApp's daily quota (`quota` recipients left; the quota renews at
 * `renewsAt`, wall minutes). When the quota covers what is due now and what will fall due and
 * close before the renewal, everything due goes, in the usual order. When it does not, the
 * reminders whose window closes soonest go first; a reminder whose window stays open past the
 * renewal is held back (it goes after the renewal) unless the quota left over, once the
 * reminders that close before the renewal (due now or opening later) are counted, covers it
 * (or covers some of its addresses: those go, the others wait). With `ownerNotices` (the hourly
 * trigger runs without its spreadsheet and emails the sender, from the same quota, each time a
 * window opens: src/workspace/clock.ts), each of those windows that open and close before the
 * renewal also needs that email, or nobody sends its reminders: one more recipient per opening
 * minute, at most one per hourly run. Openings whose reminders can wait for the renewal are not
 * counted: their email, if the quota stops it, costs no reminder.
 */
export function planForQuota(
  due: DueReminder[],
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
  quota: number,
  renewsAt: number,
  ownerNotices = false,
): QuotaPlan {
  const nowAt = wallMinutes(now.date, now.minutes);
  if (nowAt === null) return { send: due, held: [] };
  const closes = (d: DueReminder) =>
    windowCloses(wallMinutes(d.date, d.conferences[0]!.start!)!, d.hours, hoursBefore);
  // Reminders not yet due whose window opens and closes before the renewal: they need this quota.
  let reserve = 0;
  const openings = new Set<number>();
  for (const list of reminderUnits(conferences).values()) {
    const startAt = wallMinutes(list[0]!.date!, list[0]!.start!);
    if (startAt === null) continue;
    for (const hours of new Set(hoursBefore.filter((h) => h > 0))) {
      const opens = startAt - hours * 60;
      if (
        opens <= nowAt ||
        opens >= renewsAt ||
        windowCloses(startAt, hours, hoursBefore) > renewsAt
      )
        continue;
      openings.add(opens);
      const to = new Set(
        list.flatMap((c) =>
          pupilsOf(c).flatMap((p) =>
            p.emails.map((e) => e.toLowerCase()).filter((e) => !reminded(c.sent, hours, e)),
          ),
        ),
      );
      reserve += to.size;
    }
  }
  if (ownerNotices) reserve += Math.min(openings.size, Math.ceil((renewsAt - nowAt) / 60));
  const cost = (list: DueReminder[]) => list.reduce((n, d) => n + d.messages.length, 0);
  if (cost(due) + reserve <= quota) return { send: due, held: [] };
  const order = due
    .map((d, i) => ({ d, i, closes: closes(d) }))
    .sort((a, b) => a.closes - b.closes || a.i - b.i);
  const urgent = order.filter((o) => o.closes <= renewsAt).map((o) => o.d);
  let left = quota - cost(urgent) - reserve;
  const send = [...urgent];
  const held: DueReminder[] = [];
  // One address at a time: a family's second guardian may wait while the first is reminded.
  const part = (d: DueReminder, from: number, to?: number): DueReminder => ({
    ...d,
    emails: d.emails.slice(from, to),
    messages: d.messages.slice(from, to),
  });
  for (const { d, closes: at } of order) {
    if (at <= renewsAt) continue;
    const fit = Math.max(0, Math.min(left, d.messages.length));
    if (fit === d.messages.length) send.push(d);
    else if (fit === 0) held.push(d);
    else {
      send.push(part(d, 0, fit));
      held.push(part(d, fit));
    }
    left -= fit;
  }
  return { send, held };
}

/**
 * The number to phone about a conference (its Family ID and students), as the phone list has it:
 * its family's paper number (familyPhones, withoutEmail) only when none of its students' rows
 * lists an address. A conference of a family's emailed household is not phoned at the number of
 * the family's other, paper, household.
 */
export function phoneAbout(
  roster: RosterResult | null | undefined,
): (familyId: string, studentIds: string[]) => string {
  const phones = familyPhones(roster, true);
  const emailed = new Set(
    (roster?.students ?? []).filter((s) => s.guardians.length > 0).map((s) => s.id),
  );
  return (familyId, studentIds) =>
    studentIds.some((id) => emailed.has(id)) ? '' : (phones.get(familyId) ?? '');
}

/**
 * Phone numbers by family (the Family ID on the Schedule): the Roster's number for each family
 * that has one of its own (a shared number, such as the office's, is none).
 */
export function familyPhones(
  roster: RosterResult | null | undefined,
  /** Only the families no email reaches, those of the phone list. */
  withoutEmail = false,
): Map<string, string> {
  const phones = new Map<string, string>();
  for (const f of roster?.families ?? []) {
    // In a family with email, the number of its rows that list no address (theirs is the
    // household phoned; the others are emailed): never the other household's number.
    const phone = !f.contacts.some((c) => c.email)
      ? f.phone
      : f.paperPhone !== undefined
        ? f.paperPhone
        : withoutEmail
          ? ''
          : f.phone;
    if (phone) phones.set(f.id, phone);
  }
  return phones;
}
