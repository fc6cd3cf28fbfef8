/**
 * Calendar invitations as a sync: the Schedule sheet is the truth, and each chunk
 * brings the conference events in line with it. The plan comes from core/invites.ts; this module
 * makes the Calendar calls and writes back Event ID, Status and Invite Sent at the end of each
 * chunk, only in the cells it computed (a Locked box or Status a person sets meanwhile stays), and
 * a fingerprint per conference in document properties, so a row that did not change costs no
 * Calendar call at all.
 *
 * Resumable at any service call: an event is created with its conference named in the
 * description, then hidden guest list, tag and guests are set. A chunk marks itself "open"
 * before creating; the next chunk, finding the mark (the last one was cut off before writing the
 * sheet), searches the round's days once and adopts the events it finds by tag or reference
 * instead of creating them again.
 *
 * Families are invited through createEvent's guests (documented to send the invitation); a guest
 * added later to an existing event is also emailed by the add-on (addGuest may not notify).
 * Cancelling deletes the event: guests of an event created with sendInvites
 * get the cancellation (the REST equivalent is events.delete with sendUpdates=all).
 */
import { UserError } from '../core/errors';
import { escapeHtml } from '../core/templates';
import {
  CONFERENCE_TAG,
  diffEvent,
  familyAnswer,
  hasChanges,
  placeFinder,
  planSync,
  readInviteRows,
  referenceOf,
  statusAfterAnswer,
  statusAfterSend,
  type EventSpec,
  type InviteRow,
  type InviteSheet,
  type SpecContext,
  type SyncedRecord,
  guestAnswersDue,
} from '../core/invites';
import { cellBlocks, rowsNow } from '../core/blocks';
import { rowsAsTheyAre } from './write';
import { cleanText } from '../core/normalize';
import { cellValue } from '../core/cells';
import { inRound } from '../core/rounds';
import { parseTeachers } from '../core/teachers';
import type { Settings, StepState } from '../shared/api';
import { cellWallClock, readSettings, readSheet, schoolZone } from './data';
import { dayIn, instantIn } from '../core/zone';
import { type ChunkResult, type JobContext, type JobSpec, QUOTA_RENEWS } from './jobs';
import { documentProperties, parseJson, PROP } from './props';
import { ensureTranslations, storedTemplates } from './messages';
import { accountEmail, runnerEmail } from './owners';
import { addressLanguage, rosterContacts, rowAddresses } from '../core/recipients';
import { parseRoster, type RosterResult } from '../core/roster';
import { standInGuest } from '../core/standin';
import { familyIds } from '../core/familyshown';
import { standInsWithAddresses } from './standin';
import { plural, step, type StepContext } from './steps';
import { invitesStep } from '../core/steps';

const RECORD_PREFIX = 'slc:invite:';
const CALENDAR_PROP = 'slc:invites:calendar';
const MAKING_PROP = 'slc:invites:calendar-making';
const OPEN_PROP = 'slc:invites:open';
const ANSWERS_PROP = 'slc:invites:answers';
const DAY_MS = 24 * 60 * 60 * 1000;

type Calendar = GoogleAppsScript.Calendar.Calendar;
type CalendarEvent = GoogleAppsScript.Calendar.CalendarEvent;

function syncedRecords(props: Record<string, string>): Map<string, SyncedRecord> {
  const out = new Map<string, SyncedRecord>();
  for (const [key, value] of Object.entries(props)) {
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const record = parseJson<SyncedRecord>(value);
    if (record?.e) out.set(key.slice(RECORD_PREFIX.length), record);
  }
  return out;
}

interface Reading {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /**
   * The Schedule's number formats over the range read, for the chunk's write (see Writer.flush);
   * empty when the sidebar's reader gave the values.
   */
  formats: string[][];
  invites: InviteSheet;
  settings: Settings;
  ctx: SpecContext;
  props: Record<string, string>;
  synced: Map<string, SyncedRecord>;
}

/** Everything a plan needs, in a handful of reads: the Schedule and Teachers sheets, the properties. */
function readAll(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props: Record<string, string>,
  /** The school's day (null: today, in the school's zone). */
  givenToday: string | null,
  read?: (name: string) => unknown[][] | null,
): Reading | null {
  const sheet = ss.getSheetByName('Schedule');
  if (!sheet) return null;
  const settings = readSettings(ss, props[PROP.settings] ?? null);
  const today = givenToday ?? dayIn(new Date(), schoolZone(ss, settings));
  const wall = cellWallClock(ss);
  // The sidebar's overview passes its reader: each sheet read once for all the steps. A sync
  // reads the formats with the values, over the one data range, for the cells it writes back.
  const range = read ? null : sheet.getDataRange();
  const values = range ? range.getValues() : (read?.('Schedule') ?? []);
  const formats = range ? range.getNumberFormats() : [];
  const teacherValues = read ? read('Teachers') : readSheet(ss, 'Teachers');
  // Who is listed with which child: the only addresses an invitation may go to.
  let roster: RosterResult | null | undefined;
  const school = (): RosterResult | null => {
    if (roster !== undefined) return roster;
    const rosterValues = read ? read('Roster') : readSheet(ss, 'Roster');
    const options = { defaultLanguage: settings.defaultLanguage };
    return (roster = rosterValues ? parseRoster(rosterValues, null, options) : null);
  };
  const windows = teacherValues
    ? parseTeachers(teacherValues, wall, { today, round: settings.roundName }).windows
    : [];
  const ctx: SpecContext = {
    settings,
    // With no reply-to in Settings, the invitation names the calendar owner's address (the
    // events are theirs), not the school's name, which a family cannot reply to; never the
    // address of whoever clicks, which would make every event differ for a second editor.
    organizer: calendarRecord(props)?.owner,
    // The texts as edited and translated in the sidebar (translations made by the sync itself).
    templates: storedTemplates(props),
    placeOf: placeFinder(windows),
    standInOf: standInGuests(ss, settings, school, read),
  };
  return {
    ss,
    sheet,
    formats,
    invites: heldToRoster(
      readInviteRows(values, wall),
      school(),
      ctx.standInOf,
      settings.defaultLanguage,
    ),
    settings,
    ctx,
    props,
    synced: syncedRecords(props),
  };
}

/**
 * The rows with each Emails cell held to the Roster: a row's guests are the addresses typed there
 * that the Roster lists on every one of its children's rows; the others are kept apart, never
 * invited, for the warning (but for the family's stand-in adult, whom the event adds as such).
 * Without a Roster, nobody is listed with any child.
 */
function heldToRoster(
  invites: InviteSheet,
  roster: RosterResult | null,
  standInOf: SpecContext['standInOf'],
  defaultLanguage: string,
): InviteSheet {
  const contacts = rosterContacts(roster?.students ?? []);
  const rows = invites.rows.map((r): InviteRow => {
    const { listed, unlisted } = rowAddresses(r.studentIds, r.emails, contacts);
    const standIn = standInOf?.(r);
    // The guests' households' languages, each guest's own Roster rows' (else the row's), in
    // the guests' order: more than one, and the event is written in each (core/invites.ts).
    const languages = [
      ...new Set(
        listed.map((e) => addressLanguage(contacts.languages, e, r.language, defaultLanguage)),
      ),
    ];
    return {
      ...r,
      emails: listed,
      unlisted: unlisted.filter((u) => u.address !== standIn),
      ...(languages.length > 1 || (languages[0] && languages[0] !== (r.language || defaultLanguage))
        ? { languages }
        : {}),
    };
  });
  return { ...invites, rows };
}

/**
 * Each conference's stand-in guest, from the Availability sheet (the family's answer for the
 * round) and the Roster (whom the answering guardian is listed with). Clearing the answer takes
 * them off the event at the next sync, as any guest who is no longer wanted.
 */
function standInGuests(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  school: () => RosterResult | null,
  read?: (name: string) => unknown[][] | null,
): (r: InviteRow) => string | null {
  const sheet = read ?? ((name: string) => readSheet(ss, name));
  const { standIns } = standInsWithAddresses(ss, settings.roundName, school, sheet);
  if (![...standIns.values()].some((s) => s.email)) return () => null;
  const contacts = rosterContacts(school()?.students ?? []).byStudent;
  // The Schedule shows the Roster's Family ID; the stand-ins are kept by the family's id.
  const ids = familyIds(school()?.families ?? []);
  return (r) =>
    standInGuest(
      { ...r, familyId: ids.read(r.familyId) },
      standIns,
      (id) => contacts.get(id)?.emails ?? [],
    );
}

/** The Invites step: counts from the sheet and the fingerprints, without a Calendar call. */
export function invitesState(context: StepContext): StepState {
  if (context.conferences === 0 || !context.present.has('Schedule')) {
    return step('invites', {
      status: 'todo',
      headline: 'No invitations sent.',
      next: 'Build the schedule first.',
    });
  }
  const reading = readAll(context.ss, context.props, context.today, context.read);
  if (!reading)
    return step('invites', {
      status: 'todo',
      headline: 'No invitations sent.',
      next: 'Build the schedule first.',
    });
  return invitesStep({
    invites: reading.invites,
    roundName: reading.settings.roundName,
    plan: planSync(reading.invites, reading.settings.roundName, reading.synced, reading.ctx),
    calendarName: reading.settings.calendarName,
    answersDue: guestAnswersDue(reading.props[ANSWERS_PROP], reading.synced.size, Date.now()),
  });
}

/** The document's conference calendar, as recorded when it was made. */
interface CalendarRecord {
  id: string;
  name: string;
  /** The account that made it (lower-cased); missing in records kept before owners were. */
  owner?: string;
}

function calendarRecord(props: Record<string, string>): CalendarRecord | null {
  const saved = parseJson<CalendarRecord>(props[CALENDAR_PROP]);
  return saved?.id ? saved : null;
}

/** What a second editor is told when the document's calendar is not theirs to change. */
function notYourCalendar(owner: string | undefined, me: string, why: 'hidden' | 'read-only') {
  const you = me ? `your account (${me})` : 'your account';
  const ask = owner ? `Ask ${owner}` : 'Ask whoever sent the invitations';
  const them = owner ? 'let them' : 'let that person';
  const whose = owner
    ? `The conference calendar belongs to ${owner}`
    : 'The conference calendar was made from another account';
  const state =
    why === 'read-only'
      ? `${you} may see its events but not change them`
      : owner
        ? `${you} cannot open it`
        : `${you} cannot open it (or it was deleted)`;
  return new UserError(
    `${whose}, and ${state}. Nothing was sent or changed. ${ask} to share it with you with 'Make changes to events', or ${them} send the invites.`,
  );
}

function calendarBy(id: string, me: string, owner: string | undefined): Calendar | null {
  const calendar = CalendarApp.getCalendarById(id);
  if (calendar || owner === me) return calendar;
  // A calendar shared with this account is found by ID only once it is in the account's list:
  // subscribing adds it, and fails when it was not shared (or is gone).
  try {
    return CalendarApp.subscribeToCalendar(id);
  } catch {
    return null;
  }
}

/**
 * The calendar the invitations go on: the document's, found by the ID it recorded, never by
 * name or by account, so every editor works on the same events. Made once, by whoever sends
 * first (recorded as its owner); made again only when its owner finds it gone. Another editor
 * who cannot reach it is told whose it is. Null when Google asked us to slow down for longer
 * than this chunk's budget: nothing was made, and the next chunk makes it.
 */
function conferenceCalendar(
  settings: Settings,
  props: Record<string, string>,
  backoff: Backoff,
): { calendar: Calendar; owner: string | undefined; replaced: boolean } | null {
  const saved = calendarRecord(props);
  // With no calendar yet, this account makes it and is its owner: an error reading its address
  // stops the run here (nothing made), so no invitation goes out naming no one to reply to.
  const me = saved ? runnerEmail() : accountEmail();
  if (saved) {
    const calendar = calendarBy(saved.id, me, saved.owner);
    if (calendar) {
      if (!saved.owner && me && calendar.isOwnedByMe()) {
        documentProperties().setProperty(CALENDAR_PROP, JSON.stringify({ ...saved, owner: me }));
        return { calendar, owner: me, replaced: false };
      }
      return { calendar, owner: saved.owner, replaced: false };
    }
    if (saved.owner !== me) throw notYourCalendar(saved.owner, me, 'hidden');
  }
  const calendar = madeBefore(props, me) ?? newCalendar(settings, me, backoff);
  if (!calendar) return null;
  const record: CalendarRecord = { id: calendar.getId(), name: settings.calendarName, owner: me };
  documentProperties().setProperty(CALENDAR_PROP, JSON.stringify(record));
  documentProperties().deleteProperty(MAKING_PROP);
  return { calendar, owner: me, replaced: saved !== null };
}

/**
 * Marked before the calendar is made, so a run cut off before its ID was kept finds it. Making a
 * calendar counts against Calendar's short-term limit like an event (docs/EMULATOR.md row 32).
 */
function newCalendar(settings: Settings, me: string, backoff: Backoff): Calendar | null {
  const making = { owner: me, name: settings.calendarName };
  documentProperties().setProperty(MAKING_PROP, JSON.stringify(making));
  const made = backoff.run(() =>
    CalendarApp.createCalendar(settings.calendarName, { timeZone: settings.timeZone }),
  );
  return made === 'later' ? null : made.value;
}

/**
 * The calendar this account was making when its run was cut off (the document's mark says so):
 * its own, by the name it was given. Only then is a calendar looked up by name.
 */
function madeBefore(props: Record<string, string>, me: string): Calendar | null {
  const making = parseJson<{ owner: string; name: string }>(props[MAKING_PROP]);
  if (!making || making.owner !== me) return null;
  return CalendarApp.getCalendarsByName(making.name).find((c) => c.isOwnedByMe()) ?? null;
}

function isNotAllowed(e: unknown): boolean {
  return /^Action not allowed/i.test(String((e as { message?: unknown })?.message ?? e));
}

/** The end follows the start by the conference's length (one parse per event). */
function instantsOf(spec: EventSpec): { start: Date; end: Date } {
  const start = instantIn(spec.date, spec.start, spec.timeZone);
  return { start, end: new Date(start.getTime() + (spec.end - spec.start) * 60_000) };
}

function messageOf(e: unknown): string {
  return String((e as { message?: unknown })?.message ?? e);
}

/** The daily limit ("Service invoked too many times for one day: calendar."): stop for today. */
function isQuotaError(e: unknown): boolean {
  return /too many times for one day/i.test(messageOf(e));
}

/**
 * Calendar's short-term limit: "You have been creating or deleting too many calendars or
 * calendar events in a short time. Please try again later." (docs/EMULATOR.md row 32). It passes
 * after a pause, so the sync waits and tries again instead of failing.
 */
export function isRateLimitError(e: unknown): boolean {
  return /too many calendars or calendar events in a short time/i.test(messageOf(e));
}

/** The first pause after Google asks us to slow down; each further one doubles, up to the last. */
export const FIRST_PAUSE_MS = 2_000;
export const LONGEST_PAUSE_MS = 32_000;

/**
 * Runs one create or delete. When Google asks us to slow down it sleeps (2 s, 4 s, 8 s, ...,
 * never past the chunk's budget) and tries again; when the budget is spent it gives up for this
 * chunk ('later'), nothing having been written, and the next chunk carries on.
 */
class Backoff {
  private pause = 0;
  /** Set once Google asked us to slow down in this chunk. */
  slowedDown = false;

  constructor(private readonly job: JobContext) {}

  run<T>(write: () => T): { value: T } | 'later' {
    for (;;) {
      try {
        const value = write();
        this.pause = Math.max(0, this.pause / 2);
        return { value };
      } catch (e) {
        if (!isRateLimitError(e)) throw e;
        this.slowedDown = true;
        this.pause = Math.min(this.pause ? this.pause * 2 : FIRST_PAUSE_MS, LONGEST_PAUSE_MS);
        const wait = Math.min(this.pause, this.job.remainingMs());
        if (wait <= 0) return 'later';
        Utilities.sleep(wait);
        if (this.job.outOfTime()) return 'later';
      }
    }
  }
}

interface FoundEvent {
  event: CalendarEvent;
  tagged: boolean;
}

/** One search over the round's days: each conference's event by tag (or, untagged, by the description's reference). */
function eventsByConference(
  calendar: Calendar,
  rows: InviteRow[],
  timeZone: string,
): Map<string, FoundEvent> {
  const dates = rows
    .map((r) => r.date)
    .filter((d): d is string => !!d)
    .sort();
  const out = new Map<string, FoundEvent>();
  if (dates.length === 0) return out;
  const from = instantIn(dates[0]!, 0, timeZone);
  const to = new Date(instantIn(dates[dates.length - 1]!, 0, timeZone).getTime() + DAY_MS);
  for (const event of calendar.getEvents(from, to)) {
    const tag = event.getTag(CONFERENCE_TAG);
    const id = tag ?? referenceOf(event.getDescription());
    if (id && !out.has(id)) out.set(id, { event, tagged: tag !== null });
  }
  return out;
}

function snapshotOf(event: CalendarEvent) {
  return {
    title: event.getTitle(),
    description: event.getDescription(),
    location: event.getLocation(),
    start: event.getStartTime().getTime(),
    end: event.getEndTime().getTime(),
    guests: event.getGuestList().map((g) => g.getEmail()),
    guestsCanSeeGuests: event.guestsCanSeeGuests(),
    tag: event.getTag(CONFERENCE_TAG),
  };
}

/**
 * Makes an event what the spec says, changing only what differs: null when nothing changed,
 * else the guests it added (each to be told by email; see tellAddedGuest).
 */
function reconcile(event: CalendarEvent, spec: EventSpec): string[] | null {
  const instants = instantsOf(spec);
  const changes = diffEvent(snapshotOf(event), spec, {
    start: instants.start.getTime(),
    end: instants.end.getTime(),
  });
  if (!hasChanges(changes)) return null;
  // Hidden first: a guest added next must not see the others.
  if (changes.hideGuests) event.setGuestsCanSeeGuests(false);
  if (changes.tag) event.setTag(CONFERENCE_TAG, spec.conferenceId);
  if (changes.title !== undefined) event.setTitle(changes.title);
  if (changes.description !== undefined) event.setDescription(changes.description);
  if (changes.location !== undefined) event.setLocation(changes.location);
  if (changes.time) event.setTime(instants.start, instants.end);
  for (const g of changes.removeGuests) event.removeGuest(g);
  for (const g of changes.addGuests) event.addGuest(g);
  return changes.addGuests;
}

/**
 * The event with that ID if it is still on the calendar, else null. Whether getEventById finds
 * an event once someone deleted it is not written down (docs/EMULATOR.md row 37): if it does,
 * changes to it would be lost on an event nobody sees. So an event it finds is trusted only when
 * the calendar also lists it at its time, as it lists every live event and no deleted one.
 */
function liveEventById(calendar: Calendar, eventId: string): CalendarEvent | null {
  const event = calendar.getEventById(eventId);
  if (!event) return null;
  const listed = calendar.getEvents(event.getStartTime(), event.getEndTime());
  return listed.some((e) => e.getId() === eventId) ? event : null;
}

/**
 * Makes a conference's event; null when Google asked us to slow down and the chunk ran out of
 * time waiting (nothing was made: only the createEvent call is repeated, never the rest).
 *
 * The family is named in createEvent's `guests` with `sendInvites: true`, the one way Google
 * documents to email guests an invitation: an `addGuest` on an existing event is reported not to
 * notify the guest (docs/EMULATOR.md rows 33-34). The guest list is hidden right after; the
 * creation-time invitation names only this conference's guests (one family, and the host
 * teacher when asked), never another family.
 */
function createEvent(calendar: Calendar, spec: EventSpec, backoff: Backoff): CalendarEvent | null {
  const { start, end } = instantsOf(spec);
  const later = new Set(spec.laterGuests ?? []);
  const made = backoff.run(() =>
    calendar.createEvent(spec.title, start, end, {
      description: spec.description,
      location: spec.location,
      guests: spec.guests.filter((g) => !later.has(g)).join(','),
      sendInvites: true,
    }),
  );
  if (made === 'later') return null;
  const event = made.value;
  event.setGuestsCanSeeGuests(false);
  event.setTag(CONFERENCE_TAG, spec.conferenceId);
  // The stand-in adult only once the list is hidden: the creation-time invitation may list
  // every guest, and they are on no Roster row of this conference.
  for (const g of later) event.addGuest(g);
  return event;
}

/**
 * Tells a guest added to an existing event (a new guardian address) by email, from the user's
 * account: Google may add them without an invitation (docs/EMULATOR.md row 34). Only their
 * address; the text is the invitation's. False when the daily email limit left it unsent.
 */
function tellAddedGuest(address: string, spec: EventSpec, settings: Settings): boolean {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: address,
    subject: spec.title,
    body: spec.description,
    htmlBody: escapeHtml(spec.description).replace(/\n/g, '<br>'),
  };
  if (settings.senderName) options.name = settings.senderName;
  if (settings.replyTo) options.replyTo = settings.replyTo;
  try {
    MailApp.sendEmail(options);
    return true;
  } catch (e) {
    if (isQuotaError(e)) return false;
    throw e;
  }
}

interface RowWrite {
  eventId?: string;
  status?: string;
  inviteSent?: Date;
}

/**
 * Collects a chunk's results and writes them at once: one setValues per block of the cells it
 * computed (see core/blocks.ts), one setProperties.
 */
class Writer {
  readonly rows = new Map<number, RowWrite>();
  /** Each written row's Conference ID and Status as the chunk read them (see flush). */
  private readonly read = new Map<number, { key: string; status: string }>();
  readonly records: Record<string, string> = {};
  readonly forget: string[] = [];
  open = false;
  answersAt: Date | null = null;

  constructor(private readonly reading: Reading) {}

  row(r: InviteRow, write: RowWrite): void {
    this.rows.set(r.row, { ...this.rows.get(r.row), ...write });
    this.read.set(r.row, { key: r.conferenceId, status: r.status });
  }

  record(conferenceId: string, record: SyncedRecord | null): void {
    if (record) this.records[RECORD_PREFIX + conferenceId] = JSON.stringify(record);
    else this.forget.push(RECORD_PREFIX + conferenceId);
  }

  markOpen(): void {
    if (this.open) return;
    documentProperties().setProperty(OPEN_PROP, new Date().toISOString());
    this.open = true;
  }

  /**
   * Writes what the chunk did. `finished`: the chunk ended without an error; only then is the
   * "event being made" mark cleared. After a failure (a service error after createEvent, before
   * the event's ID was kept) the next run must look for the event it may have made, by tag or
   * by the reference in its description, instead of making a second one.
   */
  flush(finished: boolean): void {
    const { sheet, invites, formats } = this.reading;
    if (this.rows.size > 0) {
      const headers = ['Status', 'Event ID', 'Invite Sent', 'Conference ID'] as const;
      const cols = headers.map((h) => invites.columns.get(h));
      if (cols.some((c) => c === undefined))
        throw new UserError(
          'The Schedule sheet lacks a Status, Event ID, Invite Sent or Conference ID column. Run Set up to add it.',
          { sheet: 'Schedule', row: 1, column: 1 },
        );
      const [status, eventId, sent, key] = cols as number[];
      // Each row found again by its Conference ID in the sheet as it is now: a person may have
      // sorted or deleted rows while the chunk ran. A row gone is left to the next run, which
      // cancels the event of a conference no longer on the Schedule.
      const now = rowsAsTheyAre(sheet, Math.max(...(cols as number[])));
      const meant = new Map([...this.read].map(([row, r]) => [row, r.key]));
      const { at } = rowsNow(
        meant,
        now.map((r) => r[key! - 1]),
        2,
      );
      // Each cell written safely for its format as the chunk read it: as is in a plain-text
      // cell (set-up makes these columns plain text), with the text marker elsewhere (an event
      // ID may start with "-").
      // Only the cells this chunk computed: the Locked box between them, and the rows between
      // the first and last written, may have been edited since the chunk read the sheet.
      const cells = new Map<number, Map<number, unknown>>();
      for (const [row, w] of this.rows) {
        const to = at.get(row);
        if (to === undefined) continue;
        const line = new Map<number, unknown>();
        const put = (column: number, value: unknown) =>
          line.set(column, cellValue(value, formats[row - 1]?.[column - 1]));
        // A Status a person typed since the chunk read it (cancelled, attended, no-show) is
        // theirs: an event made meanwhile for a cancelled conference is the next run's to cancel.
        const typed =
          cleanText(now[to - 2]?.[status! - 1]).toLowerCase() !== this.read.get(row)!.status;
        if (w.status !== undefined && !typed) put(status!, w.status);
        if (w.eventId !== undefined) put(eventId!, w.eventId);
        if (w.inviteSent !== undefined) put(sent!, w.inviteSent);
        if (line.size > 0) cells.set(to, line);
      }
      for (const b of cellBlocks(cells))
        sheet.getRange(b.row, b.column, b.values.length, b.values[0]!.length).setValues(b.values);
    }
    const props = documentProperties();
    const changed: Record<string, string> = { ...this.records };
    if (this.answersAt) changed[ANSWERS_PROP] = this.answersAt.toISOString();
    if (Object.keys(changed).length > 0) props.setProperties(changed);
    for (const key of this.forget) props.deleteProperty(key);
    if (finished && (this.open || this.reading.props[OPEN_PROP])) props.deleteProperty(OPEN_PROP);
  }
}

interface InvitesState {
  /** Actions the run found at its start (for progress). */
  total: number;
  /** True when nothing had been synced when the run began: its events' answers are all fresh. */
  fresh: boolean;
  answersChecked: boolean;
  created: number;
  updated: number;
  cancelled: number;
}

function summary(s: InvitesState): string {
  const parts = [
    s.created && `${plural(s.created, 'invitation')} sent`,
    s.updated && `${plural(s.updated, 'event')} updated`,
    s.cancelled && `${plural(s.cancelled, 'event')} cancelled`,
  ].filter(Boolean);
  return parts.length
    ? `${parts.join(', ')}.`
    : 'Every event already matched the Schedule; nothing was sent.';
}

function syncChunk(state: InvitesState, job: JobContext): ChunkResult<InvitesState> {
  const ss = job.spreadsheet();
  const props = documentProperties().getProperties();
  const reading = readAll(ss, props, null);
  if (!reading)
    throw new UserError('There is no Schedule sheet. Run Set up, then build the schedule.');
  const { settings, invites, synced } = reading;
  // Families in a language without built-in texts: translated once (LanguageApp), then kept.
  const languages = invites.rows
    .filter((r) => inRound(r.round, settings.roundName))
    .flatMap((r) => r.languages ?? [r.language || settings.defaultLanguage]);
  reading.ctx.templates = ensureTranslations(languages, reading.ctx.templates ?? {}).stored;
  let plan = planSync(invites, settings.roundName, synced, reading.ctx);
  // A run that began with nothing synced made every event it knows: a family's answer to one
  // is read by the next check (the run's end stamps the time), not by listing the events this
  // run just made in its next chunk.
  const due =
    !state.fresh &&
    !state.answersChecked &&
    guestAnswersDue(props[ANSWERS_PROP], synced.size, job.now().getTime());
  const resumeAfterCut = Boolean(props[OPEN_PROP]);
  const calendarWork = plan.actions.some((a) => a.kind !== 'relink') || due || resumeAfterCut;
  const writer = new Writer(reading);
  const round = invites.rows.filter((r) => inRound(r.round, settings.roundName));
  let quotaHit = false;
  /** Guests added to an existing event whom the daily email limit left untold. */
  const untold: string[] = [];
  const backoff = new Backoff(job);
  let done = 0;
  let ended = false;
  if (state.total === 0) state.total = plan.actions.length;
  let owner: string | undefined;
  /** Google kept asking us to slow down while the calendar was being made. */
  let calendarLater = false;
  try {
    const place = calendarWork ? conferenceCalendar(settings, props, backoff) : null;
    calendarLater = calendarWork && !place;
    const calendar = place?.calendar ?? null;
    owner = place?.owner;
    // A calendar made again (its owner deleted the old one) holds none of the events the
    // fingerprints speak of: every conference is invited anew.
    if (place?.replaced) synced.clear();
    if (place && (place.replaced || owner !== reading.ctx.organizer)) {
      // The calendar was just made (or its owner just learnt): the texts name its owner.
      reading.ctx.organizer = owner;
      plan = planSync(invites, settings.roundName, synced, reading.ctx);
    }
    const found =
      calendar && (due || resumeAfterCut)
        ? eventsByConference(calendar, round, settings.timeZone)
        : new Map<string, FoundEvent>();
    if (due && calendar) {
      const byId = new Map(round.map((r) => [r.conferenceId, r]));
      for (const [conferenceId, { event }] of found) {
        const r = byId.get(conferenceId);
        if (!r) continue;
        const answer = familyAnswer(
          event
            .getGuestList()
            .map((g) => ({ email: g.getEmail(), status: String(g.getGuestStatus()) })),
          r.emails,
        );
        const next = statusAfterAnswer(r.status, answer);
        if (next !== r.status) writer.row(r, { status: next });
      }
      writer.answersAt = job.now();
      state.answersChecked = true;
    }
    for (const action of plan.actions) {
      if (calendarLater || job.outOfTime()) break;
      if (action.kind === 'relink') {
        writer.row(action.row, { eventId: action.eventId });
      } else if (action.kind === 'cancel') {
        const event = calendar!.getEventById(action.eventId);
        if (event && backoff.run(() => event.deleteEvent()) === 'later') break;
        if (action.row) writer.row(action.row, { eventId: '' });
        writer.record(action.conferenceId, null);
        state.cancelled++;
      } else {
        const adopt =
          found.get(action.conferenceId)?.event ??
          (action.kind === 'update' ? liveEventById(calendar!, action.eventId) : null);
        let event: CalendarEvent;
        let changed = true;
        if (adopt) {
          event = adopt;
          const added = reconcile(event, action.spec);
          changed = added !== null;
          // Guardians only: a host teacher added when "Invite teachers" is turned on has the
          // event in their calendar, and one email per conference would spend the day's quota.
          const family = new Set([
            ...action.row.emails.map((e) => e.toLowerCase()),
            ...(action.spec.laterGuests ?? []),
          ]);
          for (const g of (added ?? []).filter((a) => family.has(a)))
            if (!tellAddedGuest(g, action.spec, reading.settings)) untold.push(g);
        } else {
          writer.markOpen();
          let made: CalendarEvent | null;
          try {
            made = createEvent(calendar!, action.spec, backoff);
          } catch (e) {
            if (!isQuotaError(e)) throw e;
            quotaHit = true;
            break;
          }
          if (!made) break;
          event = made;
          for (const g of action.spec.laterGuests ?? [])
            if (!tellAddedGuest(g, action.spec, reading.settings)) untold.push(g);
        }
        const eventId = event.getId();
        writer.row(action.row, {
          eventId,
          ...(changed || action.kind === 'create'
            ? { status: statusAfterSend(action.row.status), inviteSent: job.now() }
            : {}),
        });
        writer.record(action.conferenceId, { e: eventId, f: action.fingerprint });
        if (action.kind === 'create' || !adopt) state.created++;
        else if (changed) state.updated++;
      }
      done++;
    }
    if (state.fresh && done === plan.actions.length) writer.answersAt = job.now();
    ended = true;
  } catch (e) {
    // A share without "Make changes to events": Calendar refuses the first change.
    if (isNotAllowed(e)) throw notYourCalendar(owner, runnerEmail(), 'read-only');
    throw e;
  } finally {
    writer.flush(ended);
  }
  const left = plan.actions.length - done;
  if (quotaHit) {
    throw new UserError(
      `Google's daily limit for creating Calendar events was reached after ${plural(state.created, 'invitation')} in this run; ${plural(left, 'conference')} still to invite, and everything done is saved. ${QUOTA_RENEWS}; send invites again then and it continues where it stopped, sending nothing twice.`,
    );
  }
  const finished = left === 0;
  const total = Math.max(state.total, done);
  const processed = Math.max(0, total - left);
  return {
    state,
    done: finished,
    processed,
    total,
    message: finished
      ? summary(state)
      : `${summary(state)} ${plural(left, 'conference')} to go.${backoff.slowedDown ? ' Google asked us to slow down; continuing.' : ''}`,
    problems: untold.length
      ? [
          ...plan.problems,
          {
            severity: 'warning' as const,
            message: `${plural(untold.length, 'guardian')} added to an existing event could not be emailed today (the daily email limit): ${untold.join(', ')}. The event is in their calendar, but Google may not have told them: let them know.`,
            where: { sheet: 'Schedule', row: 1, column: 1 },
          },
        ]
      : plan.problems,
  };
}

export const INVITES_JOB: JobSpec<InvitesState> = {
  name: 'invites',
  label: 'sending the invitations',
  start: () => {
    const props = documentProperties().getProperties();
    const synced = syncedRecords(props);
    return {
      total: 0,
      fresh: synced.size === 0,
      answersChecked: false,
      created: 0,
      updated: 0,
      cancelled: 0,
    };
  },
  step: syncChunk,
};
