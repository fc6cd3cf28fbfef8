/**
 * Calendar invitations, planned: the Schedule sheet is the truth, and each conference's event is
 * brought in line with its row. Given the rows as read, what was last synced (a fingerprint per
 * conference) and, for an event that must change, what it holds now, this decides create /
 * update (which fields) / cancel / nothing. The shell (workspace/invites.ts) makes the calls.
 * Pure: instants come in as a function of (date, minutes).
 */
import type { Problem, Settings } from '../shared/api';
import { splitList } from './cells';
import { describeCell } from './errors';
import {
  cleanText,
  normalizeEmail,
  scheduleLanguage,
  parseYesNo,
  type WallClockOf,
} from './normalize';
import { modeCell, placeFor, type Meet } from './meeting';
import { inRound } from './rounds';
import { unlistedWarning, type Unlisted } from './recipients';
import { readScheduleSheet, UNKNOWN_TEACHER, type ExistingRow } from './schedule/sheet';
import type { TeacherWindow } from './schedule/types';
import { joinNames, renderMessage, type TemplateSet } from './templates';

/** The tag every conference event carries (CalendarEvent.setTag), valued with the conference ID. */
export const CONFERENCE_TAG = 'slc-conference';
/** The description's last line names the conference too: set at creation, so an event cut off before its tag is still recognised. */
export const REFERENCE_PREFIX = 'Ref. ';

/** Guests' answers are read back at most this often (each check reads every event once). */
export const ANSWERS_EVERY_MS = 60 * 60 * 1000;

/**
 * Whether guests' answers are due to be read back: there are synced events, and the last check
 * (an ISO instant; missing or unreadable: never) is at least ANSWERS_EVERY_MS before `now`.
 */
export function guestAnswersDue(
  lastCheck: string | undefined,
  synced: number,
  now: number,
): boolean {
  if (synced === 0) return false;
  const last = Date.parse(lastCheck ?? '');
  return Number.isNaN(last) || now - last >= ANSWERS_EVERY_MS;
}

/** Statuses a guest's answer may replace (attended, no-show and cancelled are people's own). */
const ANSWERABLE = new Set(['', 'scheduled', 'invited', 'accepted', 'declined', 'tentative']);

/** A Schedule row as the invitations read it: the scheduler's fields plus who and where. */
export interface InviteRow extends Pick<
  ExistingRow,
  'row' | 'conferenceId' | 'round' | 'date' | 'start' | 'end' | 'teacher' | 'status' | 'familyId'
> {
  /** The row's Student IDs, to tell whom a stand-in adult may read about. */
  studentIds: string[];
  room: string;
  /** In person, online or either, as the Schedule's Mode says (blank: the room and any link). */
  mode?: Meet;
  students: string[];
  family: string;
  /** The guests the Emails cell names: once held to the Roster, only those listed with every child. */
  emails: string[];
  /** Addresses typed in the Emails cell the Roster does not list with every child: never invited. */
  unlisted?: Unlisted[];
  badEmails: string[];
  language: string;
  /**
   * The guests' households' languages when they read more than one (each guest's own Roster
   * rows'), in the guests' order: the event is then written in each (eventLanguages).
   */
  languages?: string[];
  interpreter: boolean;
  eventId: string;
}

export interface InviteSheet {
  rows: InviteRow[];
  /** Column positions (1-based) by header. */
  columns: Map<string, number>;
}

/** A cell's text as people read it (the Schedule's text columns are plain text: no marker to strip). */
function shown(value: unknown): string {
  return cleanText(value);
}

export function readInviteRows(values: unknown[][], wall: WallClockOf): InviteSheet {
  // The caller reads each row's Family ID back through the Roster (workspace/invites.ts).
  const sheet = readScheduleSheet(values, wall, []);
  const cell = (values: unknown[], header: string) => {
    const at = sheet.columns.get(header);
    return at ? shown(values[at - 1]) : '';
  };
  const rows = sheet.rows.map((r): InviteRow => {
    const listed = splitList(cell(r.values, 'Emails'));
    const emails: string[] = [];
    const badEmails: string[] = [];
    for (const e of listed) {
      const ok = normalizeEmail(e);
      if (ok) {
        if (!emails.includes(ok)) emails.push(ok);
      } else badEmails.push(e);
    }
    return {
      row: r.row,
      conferenceId: r.conferenceId,
      round: r.round,
      date: r.date,
      start: r.start,
      end: r.end,
      teacher: shown(r.teacher),
      room: cell(r.values, 'Room'),
      mode: modeCell(cell(r.values, 'Mode')),
      students: cell(r.values, 'Students')
        .split(/\s*,\s*/)
        .filter(Boolean),
      family: cell(r.values, 'Family'),
      emails,
      badEmails,
      language: scheduleLanguage(cell(r.values, 'Language')),
      interpreter: parseYesNo(cell(r.values, 'Interpreter')) === true,
      status: r.status,
      familyId: r.familyId,
      studentIds: r.studentIds,
      eventId: cleanText(cell(r.values, 'Event ID')),
    };
  });
  return { rows, columns: sheet.columns };
}

/** What a conference's event should be. Times are wall-clock in the school's zone. */
export interface EventSpec {
  conferenceId: string;
  title: string;
  description: string;
  location: string;
  date: string;
  start: number;
  end: number;
  timeZone: string;
  /** Lower-case, sorted: the family's guardians (and the teacher when asked). */
  guests: string[];
  /**
   * Guests on no Roster row of this conference (the stand-in adult the family named): added after
   * the guest list is hidden, never in the invitation Google sends at creation, which may list
   * every guest (docs/EMULATOR.md row 35), and told by the add-on's own email.
   */
  laterGuests?: string[];
}

export interface TeacherPlace {
  email: string;
  videoLink: string;
}

/**
 * The host teacher's window holding a conference that starts at `start` on `date`, found by the
 * teacher's name or email as the Schedule writes it: the teacher's address and video link; outside
 * all of that teacher's windows, their address alone.
 */
export function placeFinder(
  windows: TeacherWindow[],
): (teacher: string, date: string, start: number) => TeacherPlace | undefined {
  return (teacher, date, start) => {
    const name = teacher.toLowerCase();
    const theirs = windows.filter(
      (x) => x.teacher.toLowerCase() === name || x.teacherEmail === name,
    );
    const w = theirs.find((x) => x.date === date && x.start <= start && start < x.end);
    if (w) return { email: w.teacherEmail, videoLink: w.videoLink ?? '' };
    // Moved by hand outside their hours: still the teacher's conference, but no window's link.
    return theirs[0] && { email: theirs[0].teacherEmail, videoLink: '' };
  };
}

export interface SpecContext {
  /** The document's settings as saved (an empty reply-to stays empty). */
  settings: Settings;
  /**
   * Named for replies when Settings has no reply-to: the conference calendar's owner, as the
   * document records it (never simply whoever runs the sync). It is left out of fingerprints.
   */
  organizer?: string;
  /** Edited and translated texts, by language (the sidebar's Templates); built-in ones otherwise. */
  templates?: Record<string, TemplateSet>;
  /** The host teacher's window holding this conference (for the teacher's email and video link). */
  placeOf(teacher: string, date: string, start: number): TeacherPlace | undefined;
  /** The stand-in adult invited beside the family, when the family named one (src/core/standin.ts). */
  standInOf?(r: InviteRow): string | null;
}

function where(sheet: InviteSheet, row: number, header: string) {
  return { sheet: 'Schedule', row, column: sheet.columns.get(header) ?? 1 };
}

/** The line between the parts of an event written in several languages. */
export const LANGUAGE_RULE = '* * *';

/**
 * The languages a conference's event is written in: the row's language alone, or, when its
 * guests' households read several (InviteRow.languages), each of them, the school's default
 * first when it is among them, else in the guests' order.
 */
export function eventLanguages(
  r: Pick<InviteRow, 'language' | 'languages'>,
  defaultLanguage: string,
): string[] {
  const all = r.languages?.length ? r.languages : [r.language || defaultLanguage];
  return all.includes(defaultLanguage)
    ? [defaultLanguage, ...all.filter((l) => l !== defaultLanguage)]
    : all;
}

/** The event a row asks for, or the problem that keeps it from being sent. */
export function desiredEvent(
  sheet: InviteSheet,
  r: InviteRow,
  ctx: SpecContext,
): { spec: EventSpec } | { problem: Problem } {
  const problem = (header: string, text: string) => {
    const at = where(sheet, r.row, header);
    return {
      problem: {
        severity: 'error' as const,
        where: at,
        message: `${describeCell(at, header)}: ${text}`,
      },
    };
  };
  if (!r.conferenceId)
    return problem(
      'Conference ID',
      'this conference has no ID, so it cannot be invited. Rebuild the schedule to give it one.',
    );
  if (!r.date) return problem('Date', 'no readable date; the invitation waits until there is one.');
  if (r.start === null)
    return problem('Start', 'no readable start time; the invitation waits until it is fixed.');
  if (r.end === null || r.end <= r.start)
    return problem('End', 'not a time after the start; the invitation waits until it is fixed.');
  if (r.badEmails.length > 0)
    return problem(
      'Emails',
      `"${r.badEmails.join('; ')}" is not an email address. Fix it; the invitation waits until then.`,
    );
  if (r.emails.length === 0)
    return problem(
      'Emails',
      'no guardian email the Roster lists with these children to update its invitation with. Add one on the Roster and rebuild, or type here one the Roster lists.',
    );
  const { settings } = ctx;
  const place = ctx.placeOf(r.teacher, r.date, r.start);
  const { room, videoLink } = placeFor(
    r.mode,
    /^video call$/i.test(r.room) ? '' : r.room,
    place?.videoLink ?? '',
  );
  // One event per conference; for guests of two households reading two languages, its title and
  // description are each written whole in every one of them, one after the other.
  const messages = eventLanguages(r, settings.defaultLanguage).map((language) =>
    renderMessage(
      'invite',
      language,
      {
        school: settings.schoolName,
        family: r.family,
        students: joinNames(r.students, language),
        children: r.students.length,
        teacher: r.teacher,
        date: r.date!,
        start: r.start!,
        end: r.end!,
        room,
        videoLink,
        link: '',
        replyTo: settings.replyTo || ctx.organizer || settings.schoolName,
        round: r.round || settings.roundName,
        interpreter: r.interpreter,
      },
      ctx.templates ?? {},
    ),
  );
  const message = {
    subject: messages.map((m) => m.subject).join(' / '),
    text: messages.map((m) => m.text).join(`\n\n${LANGUAGE_RULE}\n\n`),
  };
  const guests = [...r.emails];
  const standIn = ctx.standInOf?.(r);
  const later = standIn && !guests.includes(standIn) ? [standIn] : [];
  guests.push(...later);
  if (settings.inviteTeachers && place?.email && !guests.includes(place.email.toLowerCase()))
    guests.push(place.email.toLowerCase());
  return {
    spec: {
      conferenceId: r.conferenceId,
      title: message.subject,
      description: `${message.text}\n\n${REFERENCE_PREFIX}${r.conferenceId}`,
      location: room || videoLink,
      date: r.date,
      start: r.start,
      end: r.end,
      timeZone: settings.timeZone,
      guests: guests.sort(),
      ...(later.length ? { laterGuests: later } : {}),
    },
  };
}

/** The conference an event's description names (its last line), or null. */
export function referenceOf(description: string): string | null {
  const m = new RegExp(`(?:^|\\n)${REFERENCE_PREFIX.replace('.', '\\.')}(\\S+)\\s*$`).exec(
    description,
  );
  return m ? m[1]! : null;
}

/** A short digest of everything the family sees: equal fingerprints need no Calendar call. */
export function fingerprint(spec: EventSpec): string {
  const text = JSON.stringify([
    spec.title,
    spec.description,
    spec.location,
    spec.date,
    spec.start,
    spec.end,
    spec.timeZone,
    spec.guests,
  ]);
  // Two 32-bit FNV-1a hashes with different offsets, in one pass: 64 bits, ample for one conference's versions.
  let a = 0x811c9dc5;
  let b = 0x01234567;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The fingerprint a row is compared by: the same for every editor who runs the sync. An address
 * that stands in for an empty reply-to is the calendar owner's, which is not the row's: the
 * fingerprint is taken of the event as it would read without it, so who owns (or runs) the
 * calendar never makes every event look changed.
 */
function fingerprintOf(sheet: InviteSheet, r: InviteRow, ctx: SpecContext, spec: EventSpec) {
  if (ctx.settings.replyTo || !ctx.organizer) return fingerprint(spec);
  const plain = desiredEvent(sheet, r, { ...ctx, organizer: undefined });
  return fingerprint('spec' in plain ? plain.spec : spec);
}

/** What was last synced for a conference (kept in document properties). */
export interface SyncedRecord {
  /** Event ID. */
  e: string;
  /** Fingerprint of the spec it was synced to. */
  f: string;
}

/** An event to bring in line: `fingerprint` is what is kept once it is (see fingerprintOf). */
interface EventWork {
  conferenceId: string;
  row: InviteRow;
  spec: EventSpec;
  fingerprint: string;
}

export type SyncAction =
  | ({ kind: 'create' } & EventWork)
  | ({ kind: 'update'; eventId: string } & EventWork)
  | ({ kind: 'relink'; eventId: string } & EventWork)
  | { kind: 'cancel'; conferenceId: string; row: InviteRow | null; eventId: string };

export interface SyncPlan {
  actions: SyncAction[];
  /** Rows whose event is as the sheet says. */
  upToDate: InviteRow[];
  problems: Problem[];
  /** This round's rows without an email address: families reached by printed letter, not invited. */
  byLetter: InviteRow[];
}

/**
 * Compares the round's rows with what was last synced. A conference no longer on the sheet (in
 * any round) whose event was made is cancelled; rows of other rounds are left alone.
 */
export function planSync(
  sheet: InviteSheet,
  round: string,
  synced: Map<string, SyncedRecord>,
  ctx: SpecContext,
): SyncPlan {
  const actions: SyncAction[] = [];
  const upToDate: InviteRow[] = [];
  const problems: Problem[] = [];
  const byLetter: InviteRow[] = [];
  const seen = new Set<string>();
  for (const r of sheet.rows) {
    if (r.conferenceId) {
      if (seen.has(r.conferenceId)) {
        const at = where(sheet, r.row, 'Conference ID');
        problems.push({
          severity: 'error',
          where: at,
          message: `${describeCell(at, 'Conference ID')}: ${r.conferenceId} is on two rows; only the first is invited. Give this one a new ID by rebuilding, or delete it.`,
        });
        continue;
      }
      seen.add(r.conferenceId);
    }
    if (!inRound(r.round, round)) continue;
    const record = r.conferenceId ? synced.get(r.conferenceId) : undefined;
    if (r.status === 'cancelled') {
      const eventId = r.eventId || record?.e;
      if (eventId) actions.push({ kind: 'cancel', conferenceId: r.conferenceId, row: r, eventId });
      continue;
    }
    for (const u of r.unlisted ?? [])
      problems.push(unlistedWarning(where(sheet, r.row, 'Emails'), u, 'not invited'));
    // A family without email (the Roster gave a phone only) is reached by its printed letter:
    // no event to make. (One whose event exists and whose address went is a problem below.)
    if (r.emails.length === 0 && r.badEmails.length === 0 && !record && !r.eventId) {
      byLetter.push(r);
      continue;
    }
    const desired = desiredEvent(sheet, r, ctx);
    if ('problem' in desired) {
      problems.push(desired.problem);
      continue;
    }
    const { spec } = desired;
    // Sent all the same (the family still meets the student), but no teacher is on it.
    if (r.teacher && !ctx.placeOf(r.teacher, r.date ?? '', r.start ?? 0)) {
      const at = where(sheet, r.row, 'Teacher');
      problems.push({
        severity: 'warning',
        where: at,
        message: `${describeCell(at, 'Teacher')}: "${r.teacher}" ${UNKNOWN_TEACHER}`,
      });
    }
    const fp = fingerprintOf(sheet, r, ctx, spec);
    const work = { conferenceId: r.conferenceId, row: r, spec, fingerprint: fp };
    if (!r.eventId && !record) actions.push({ kind: 'create', ...work });
    else if (record && (!r.eventId || r.eventId === record.e) && record.f === fp) {
      if (r.eventId) upToDate.push(r);
      else actions.push({ kind: 'relink', ...work, eventId: record.e });
    } else actions.push({ kind: 'update', ...work, eventId: r.eventId || record!.e });
  }
  for (const [conferenceId, record] of synced) {
    if (!seen.has(conferenceId))
      actions.push({ kind: 'cancel', conferenceId, row: null, eventId: record.e });
  }
  return { actions, upToDate, problems, byLetter };
}

/** An event as Calendar holds it now. */
export interface EventSnapshot {
  title: string;
  description: string;
  location: string;
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  guests: string[];
  guestsCanSeeGuests: boolean;
  tag: string | null;
}

export interface EventChanges {
  title?: string;
  description?: string;
  location?: string;
  time?: { start: number; end: number };
  addGuests: string[];
  removeGuests: string[];
  hideGuests: boolean;
  tag: boolean;
}

/** The smallest set of changes that makes the event what the spec says. */
export function diffEvent(
  now: EventSnapshot,
  spec: EventSpec,
  instants: { start: number; end: number },
): EventChanges {
  const have = new Set(now.guests.map((g) => g.toLowerCase()));
  const want = new Set(spec.guests);
  return {
    title: now.title !== spec.title ? spec.title : undefined,
    description: now.description !== spec.description ? spec.description : undefined,
    location: now.location !== spec.location ? spec.location : undefined,
    time: now.start !== instants.start || now.end !== instants.end ? instants : undefined,
    addGuests: spec.guests.filter((g) => !have.has(g)),
    removeGuests: now.guests.filter((g) => !want.has(g.toLowerCase())),
    hideGuests: now.guestsCanSeeGuests,
    tag: now.tag !== spec.conferenceId,
  };
}

export function hasChanges(c: EventChanges): boolean {
  return (
    c.title !== undefined ||
    c.description !== undefined ||
    c.location !== undefined ||
    c.time !== undefined ||
    c.addGuests.length > 0 ||
    c.removeGuests.length > 0 ||
    c.hideGuests ||
    c.tag
  );
}

/** The family's answer from its guardians' GuestStatus values (YES, MAYBE, NO, INVITED): anyone coming wins. */
export function familyAnswer(
  guests: { email: string; status: string }[],
  family: string[],
): 'accepted' | 'tentative' | 'declined' | null {
  const mine = guests.filter((g) => family.includes(g.email.toLowerCase())).map((g) => g.status);
  if (mine.includes('YES')) return 'accepted';
  if (mine.includes('MAYBE')) return 'tentative';
  if (mine.includes('NO')) return 'declined';
  return null;
}

/** Status after an answer: only the invitation's own statuses change. */
export function statusAfterAnswer(
  current: string,
  answer: ReturnType<typeof familyAnswer>,
): string {
  if (!answer || !ANSWERABLE.has(current)) return current;
  return answer;
}

/** Status once the invitation went out. */
export function statusAfterSend(current: string): string {
  return current === '' || current === 'scheduled' ? 'invited' : current;
}
