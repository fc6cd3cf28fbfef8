/**
 * The waiting list: every student the schedule could not place, with the reason, and which of
 * the addresses listed with the student were told. Pure: the workspace writes the sheet and sends
 * the notices (workspace/waitlist.ts).
 *
 * The Told cell is the truth of who was told, one entry per address, separated by "; ":
 * "2026-11-02 09:00 to ana@x.example", "refused ana@x.example: <why>", or an entry ending in
 * UNCONFIRMED when a run was cut off while sending it. An address named in any entry is never
 * sent the notice again. A Told cell belongs to its row's Round: a student waitlisted again in a
 * new round starts with an empty one and is told again.
 */
import { familyIds } from './familyshown';
import { contactsOf, type RosterResult } from './roster';
import { addressLanguage, addressLanguages } from './recipients';
import { inRound } from './rounds';
import { cleanText } from './normalize';

export const WAITLIST_SHEET = 'Waitlist';
export const WAITLIST_HEADER = [
  'Student ID',
  'Student',
  'Teacher',
  'Family ID',
  'Reason',
  'Told',
  'Round',
];
export const NO_EMAIL = 'no email on the Roster: tell the family by phone or letter';
export const UNCONFIRMED = '(unconfirmed: cut off while sending, check with the family)';

export interface WaitlistEntry {
  studentId: string;
  student: string;
  teacher: string;
  familyId: string;
  reason: string;
  told: string;
  /** The round whose build listed the student ('' on a sheet written before the column). */
  round: string;
}

/** One notice to one address, naming only the waitlisted children whose rows list it. */
export interface WaitlistNotice {
  to: string;
  studentIds: string[];
  language: string;
  /** Every child it names waits for a window offering the family's way to meet, not a time. */
  waitsForWay: boolean;
}

/**
 * Whether a Waitlist reason says the family waits for its way to meet (the schedule's "asked to
 * meet in person, and Ms. X has no in person time"), so its notice must not blame its times.
 */
export function waitsForWayToMeet(reason: string): boolean {
  return / asked to meet (in person|online), and .+ has no \1 time\./.test(reason);
}

/**
 * The Told cells a build in `round` keeps, by Student ID: only those of rows listed in that round.
 * Another round's Told (told it was waiting, or placed through a freed time) says nothing of this
 * round's wait. A row with no Round, written before the column, is kept: telling twice is worse.
 */
export function toldThisRound(entries: WaitlistEntry[], round: string): Map<string, string> {
  return new Map(entries.filter((e) => inRound(e.round, round)).map((e) => [e.studentId, e.told]));
}

/**
 * The waiting list after a build in `round`: the unplaced students in Roster order, each keeping
 * what its Told cell said before (a student placed since drops off the list).
 */
export function waitlistEntries(
  unplaced: { studentId: string; reason: string }[],
  roster: RosterResult,
  previousTold: Map<string, string>,
  round: string,
): WaitlistEntry[] {
  const reasons = new Map(unplaced.map((u) => [u.studentId, u.reason]));
  const ids = familyIds(roster.families);
  return roster.students
    .filter((s) => reasons.has(s.id))
    .map((s) => ({
      studentId: s.id,
      student: `${s.firstName} ${s.lastName}`.trim(),
      teacher: s.teacher,
      familyId: ids.shown(s.familyId),
      reason: reasons.get(s.id)!,
      told: previousTold.get(s.id) ?? '',
      round,
    }));
}

/** The Waitlist's grid after a build, in the sheet's own layout: see `waitlistGrid`. */
export interface WaitlistGrid {
  /** The header as people left it, with any WAITLIST_HEADER column they removed at the end. */
  header: string[];
  /** The rows below the header, as many as the sheet held at least (blank rows at the end). */
  rows: unknown[][];
  /** Whether each column is one of WAITLIST_HEADER (the build's), by index. */
  built: boolean[];
}

/**
 * The Waitlist after a build, written into the sheet as people left it (`values` as read, header
 * first): the build's columns found by header wherever people moved them, one they removed put
 * back at the end; each listed student's row keeps the cells of people's own columns (and of a
 * note beside the table) it had; a row people typed without a Student ID stays, below the list.
 * Only the build's cells get new values; a student placed since drops off with its row.
 */
export function waitlistGrid(values: readonly unknown[][], entries: WaitlistEntry[]): WaitlistGrid {
  const [first = [], ...old] = values;
  const header = first.map((h) => cleanText(h));
  header.push(...WAITLIST_HEADER.filter((h) => !header.includes(h)));
  const width = header.length;
  const at = WAITLIST_HEADER.map((h) => header.indexOf(h));
  const idAt = at[0]!;
  const fill = (r: readonly unknown[]) =>
    Array.from({ length: width }, (_, c) => (c < r.length ? r[c] : ''));
  const byId = new Map<string, readonly unknown[]>();
  for (const r of old) {
    const id = cleanText(r[idAt]);
    if (id && !byId.has(id)) byId.set(id, r);
  }
  const listed = entries.map((e) => {
    const row = fill(byId.get(e.studentId) ?? []);
    const cells = [e.studentId, e.student, e.teacher, e.familyId, e.reason, e.told, e.round];
    cells.forEach((v, i) => (row[at[i]!] = v));
    return row;
  });
  const typed = old
    .filter((r) => !cleanText(r[idAt]) && r.some((v) => cleanText(v) !== ''))
    .map(fill);
  const rows = [...listed, ...typed];
  while (rows.length < old.length) rows.push(fill([]));
  const built = header.map((h) => WAITLIST_HEADER.includes(h));
  return { header, rows, built };
}

/** The addresses a Told cell names (told, refused or unconfirmed): none of them is sent again. */
export function addressesTold(told: string): Set<string> {
  const out = new Set<string>();
  const entry = /(?:\bto|^refused|; refused) ([^\s;:]+@[^\s;:]+)/g;
  for (let m = entry.exec(told); m; m = entry.exec(told)) out.add(m[1]!.toLowerCase());
  return out;
}

/** Whether a Told cell says the student was placed (through a freed time it accepted). */
export function placedFromWaitlist(told: string): boolean {
  return /(?:^|; )placed \S/.test(told);
}

/**
 * The Told cell with one more entry. The "no email" mark gives way to it, unless `keepNoEmail`:
 * a note the office acts on by phone (a freed time) leaves the mark that the family is still to
 * be told it waits.
 */
export function addTold(told: string, entry: string, keepNoEmail = false): string {
  const clean = entry.replace(/;/g, ',');
  return told && (told !== NO_EMAIL || keepNoEmail) ? `${told}; ${clean}` : clean;
}

/** addTold, unless the cell already holds that entry (a note written again after a cut). */
export function addToldOnce(told: string, entry: string, keepNoEmail = false): string {
  return told.includes(entry.replace(/;/g, ',')) ? told : addTold(told, entry, keepNoEmail);
}

/**
 * The notices still to send: for each address listed with a waitlisted student and not yet
 * named in that student's Told cell, one notice naming the waitlisted children listed with it,
 * in its own Roster rows' language (else its family's). A student whose row lists no address is marked NO_EMAIL instead;
 * one placed through a freed time is not told anything.
 */
export function waitlistNotices(
  entries: WaitlistEntry[],
  roster: RosterResult,
  defaultLanguage: string,
): { notices: WaitlistNotice[]; noEmail: string[] } {
  const students = new Map(roster.students.map((s) => [s.id, s]));
  const families = new Map(roster.families.map((f) => [f.id, f]));
  // Each address in its own Roster rows' language: a family's two households may read two.
  const languages = addressLanguages(roster.students);
  const byAddress = new Map<string, WaitlistNotice>();
  const noEmail: string[] = [];
  for (const e of entries) {
    const s = students.get(e.studentId);
    // Placed through a freed time since the Waitlist was built: invited, not waiting.
    if (!s || placedFromWaitlist(e.told)) continue;
    const family = families.get(s.familyId);
    const addresses = contactsOf(s, family).filter(Boolean);
    if (addresses.length === 0) {
      if (!e.told) noEmail.push(e.studentId);
      continue;
    }
    const told = addressesTold(e.told);
    for (const to of addresses) {
      if (told.has(to.toLowerCase())) continue;
      const notice = byAddress.get(to) ?? {
        to,
        studentIds: [],
        language: addressLanguage(languages, to, family?.language || s.language, defaultLanguage),
        waitsForWay: true,
      };
      notice.studentIds.push(s.id);
      notice.waitsForWay &&= waitsForWayToMeet(e.reason);
      byAddress.set(to, notice);
    }
  }
  return { notices: [...byAddress.values()], noEmail };
}
