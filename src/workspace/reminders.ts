/**
 * Reminder emails: which are due comes from core/reminders.ts; this module reads the
 * Schedule once, sends with MailApp (script.send_mail scope; never GmailApp), and records each
 * sent reminder in the Reminders Sent column, written back to its own cells once per chunk.
 *
 * The truth is the Reminders Sent cell: a run that stops (time budget, daily quota, an error
 * from Google) records what it sent before it ends, and the next run (the hourly trigger, or
 * the button) sends only what is still due. The daily quota is read once per chunk
 * (MailApp.getRemainingDailyQuota: recipients left today) and a message that would go over it
 * is not attempted.
 *
 * Families without an email address get a printable letter on the Letters sheet and are on its
 * phone list (Phone from the Roster).
 */
import { unkeyedRows } from '../core/blocks';
import { phoneScript } from '../core/phonescript';
import { FORM_TEXTS, type FormTexts } from '../core/formtexts';
import { keptFormTexts } from './formtexts';
import { textCell } from '../core/cells';
import { UserError } from '../core/errors';
import { cleanText, normalizeEmail, scheduleLanguage, parseYesNo } from '../core/normalize';
import {
  channelCounts,
  collapseSent,
  dueReminders,
  wallMinutes,
  markRefused,
  markSent,
  markSentTo,
  markWaiting,
  markMissed,
  missedUntried,
  planForQuota,
  missedWhileWaiting,
  familyPhones,
  parseMarks,
  UNCONFIRMED_MARK,
  pupilsOf,
  reminderTally,
  reminderUnits,
  settleWaiting,
  type ReminderConference,
  type ReminderMessage,
  type WallNow,
} from '../core/reminders';
import {
  addressLanguage,
  greetingName,
  rosterContacts,
  rowPupils,
  scheduleUnlisted,
  studentNames,
} from '../core/recipients';
import { documentProperties, forgetRemindersIdle, parseJson, PROP } from './props';
import { type IdleMark, nextWindowOpening, nothingDueYet, scheduleDigest } from '../core/idle';
import { readScheduleSheet } from '../core/schedule/sheet';
import { paperFamilies, type RosterResult } from '../core/roster';
import { splitList } from '../core/cells';
import { joinNames, renderMessage, type MessageFields, type TemplateSet } from '../core/templates';
import type { Problem, Settings, StepState } from '../shared/api';
import { cellWallClock, readSettings, readSheet, schoolZone } from './data';
import { dayIn, instantIn, minutesIn, stampIn } from '../core/zone';
import { placeFinder } from '../core/invites';
import { modeCell, placeFor } from '../core/meeting';
import { parseTeachers } from '../core/teachers';
import { type ChunkResult, type JobContext, type JobSpec, QUOTA_RENEWS } from './jobs';
import { failureText, mailFailure, mailOne, rosterForMessages } from './mailer';
import { ensureTranslations, storedTemplates } from './messages';
import { plural, step, type StepContext } from './steps';
import { remindersStep } from '../core/steps';
import { utf8Bytes } from '../core/bytes';
import { recordTriggerOwner, runnerEmail, triggerOwner } from './owners';
import { forgetUntold, readClockRecord, readUntold } from './clockrecord';
import { writeColumnByKey } from './write';
import { standInAddresses, standInsWithAddresses } from './standin';
import { standInMayBeDue, withStandIns } from '../core/standin';
import { quotaClock } from './mailquota';

/** The top-level function the hourly trigger calls (exported by src/server/main.ts). */
export const REMINDER_HANDLER = 'sendDueReminders';
export const LETTERS_SHEET = 'Letters';
/**
 * The journal is written to the sheet before it would pass this many bytes: a property value
 * holds at most 9 KB (https://developers.google.com/apps-script/guides/services/quotas), and the
 * reminder being sent and one long cell must still fit beside the marks.
 */
export const JOURNAL_BYTES = 6000;
const REMINDER_JOURNAL = 'slc:reminders:journal';

interface Journal {
  /** Marks (conference ID, the cell's text) sent but not yet written to the sheet. */
  marks: [string, string][];
  /** The reminder being sent: recorded first, so a cut-off never sends it twice. */
  sending: { ids: string[]; hours: number; at: string; to?: string } | null;
}

export interface ScheduleRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  conferences: ReminderConference[];
  /** Column of Reminders Sent (1-based), or 0 when missing. */
  sentColumn: number;
  /** Column of Conference ID (1-based), or 0 when missing: marks find their rows by it. */
  idColumn: number;
  /** The sheet's values as read (to read them again with the Roster's contacts, not the sheet). */
  values: unknown[][];
  /** Read with the Roster: each address typed in an Emails cell it does not list with the children. */
  unlisted: Problem[];
  /** Read with the Roster: each address's own language (recipients.ts addressLanguages). */
  languages?: Map<string, string>;
}

/**
 * The Schedule in one read, as reminders see it. With the Roster (null: there is none), each
 * row's children carry the addresses typed on the row that the Roster lists with them (the
 * disclosure rule); without it (undefined: a count that sends nothing), the row's.
 */
export function readConferences(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  alreadyRead?: unknown[][] | null,
  roster?: RosterResult | null,
  /** The stand-in adult's address by family: typed on its rows, not warned of. */
  standInOf?: (familyId: string) => string,
): ScheduleRead {
  const contacts = roster === undefined ? null : rosterContacts(roster?.students ?? []);
  const sheet = alreadyRead === undefined ? ss.getSheetByName('Schedule') : null;
  const none = { conferences: [], sentColumn: 0, idColumn: 0, unlisted: [] };
  if (alreadyRead === undefined && !sheet) return { sheet, ...none, values: [] };
  // An empty sheet's data range is its one blank cell (docs/EMULATOR.md row 56): no size asked.
  const values =
    alreadyRead === undefined ? sheet!.getDataRange().getValues() : (alreadyRead ?? []);
  if (values.length < 2) return { sheet, ...none, values };
  const read = readScheduleSheet(values, cellWallClock(ss), roster?.families ?? []);
  const unlisted = contacts
    ? scheduleUnlisted(read, settings.roundName, contacts, 'sent no reminder', standInOf)
    : [];
  const col = (name: string) => read.columns.get(name);
  const cell = (r: unknown[], name: string) => {
    const c = col(name);
    return c ? r[c - 1] : '';
  };
  const conferences = read.rows.map((r): ReminderConference => {
    const emails = splitList(cell(r.values, 'Emails'))
      .map((e) => normalizeEmail(e))
      .filter((e): e is string => e !== null);
    const students = cleanText(cell(r.values, 'Students'));
    const pupils = rowPupils(
      r.studentIds,
      studentNames(students, r.studentIds.length),
      emails,
      contacts,
    );
    return {
      row: r.row,
      conferenceId: r.conferenceId,
      familyKey: r.familyId || [...emails].sort().join(';') || `row ${r.row}`,
      family: cleanText(cell(r.values, 'Family')),
      students,
      pupils,
      teacher: r.teacher,
      room: cleanText(cell(r.values, 'Room')),
      mode: modeCell(cell(r.values, 'Mode')),
      date: r.date,
      start: r.start,
      end: r.end,
      emails: [...new Set(pupils.flatMap((p) => p.emails))],
      language: scheduleLanguage(cell(r.values, 'Language')) || settings.defaultLanguage,
      interpreter: parseYesNo(cell(r.values, 'Interpreter')) === true,
      status: r.status,
      sent: cleanText(cell(r.values, 'Reminders Sent')),
    };
  });
  return {
    sheet,
    conferences,
    sentColumn: col('Reminders Sent') ?? 0,
    idColumn: col('Conference ID') ?? 0,
    values,
    unlisted,
    ...(contacts?.languages ? { languages: contacts.languages } : {}),
  };
}

/**
 * The fields of one message about a family's conferences on one day (siblings: several): the
 * children named are each row's pupils (for one recipient, only those listed with them), and
 * the greeting comes from their surnames.
 */
export function unitFields(
  list: ReminderConference[],
  settings: Settings,
  language: string,
): MessageFields {
  const first = list[0]!;
  const distinct = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  const pupils = list.flatMap((c) => pupilsOf(c));
  const students = distinct(pupils.map((p) => p.name));
  const samePlace = list.every(
    (c) => c.room === first.room && (c.videoLink ?? '') === (first.videoLink ?? ''),
  );
  return {
    school: settings.schoolName,
    family: greetingName(pupils, language, first.family),
    students: joinNames(students, language),
    children: students.length,
    teacher: joinNames(distinct(list.map((c) => c.teacher)), language),
    date: first.date ?? '',
    start: first.start ?? 0,
    end: Math.max(...list.map((c) => c.end ?? c.start ?? 0)),
    // One place for all: said once. Several: the school here, each place under its conference.
    room: samePlace ? first.room : '',
    videoLink: samePlace ? (first.videoLink ?? '') : '',
    link: '',
    replyTo: settings.replyTo,
    round: settings.roundName,
    interpreter: list.some((c) => c.interpreter),
    conferences: list.map((c) => ({
      students: pupilsOf(c)
        .map((p) => p.name)
        .join(', '),
      teacher: c.teacher,
      start: c.start ?? 0,
      end: c.end ?? 0,
      room: c.room,
      videoLink: c.videoLink ?? '',
    })),
  };
}

/**
 * Settings as messages use them: with no reply-to address in Settings, replies go to the
 * sending account, so that is the address the text names. Read once, before anything is sent.
 */
export function messageSettings(settings: Settings): Settings {
  return settings.replyTo
    ? settings
    : { ...settings, replyTo: Session.getEffectiveUser().getEmail() };
}

export function wallNow(date: Date, timeZone: string): WallNow {
  return { date: dayIn(date, timeZone), minutes: minutesIn(date, timeZone) };
}

/** One reminder to one address, naming only the children listed with it. */
function sendReminder(
  message: ReminderMessage,
  language: string,
  settings: Settings,
  forText: Settings,
  stored: Record<string, TemplateSet>,
): void {
  mailOne(
    message.to,
    renderMessage('reminder', language, unitFields(message.conferences, forText, language), stored),
    settings,
  );
}

/**
 * Writes the given Reminders Sent cells (row as read → text) to the rows holding their Conference
 * IDs now (a person may sort or delete rows while reminders go out), each run of adjacent rows as
 * one block and no row between them. Each block is retried once: failing to record mail that went
 * out would send it again on the next run. Answers the rows read whose conference is gone.
 */
function writeSentColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  read: ScheduleRead,
  cells: ReadonlyMap<number, string>,
  idOf: (row: number) => string,
): number[] {
  // No format call: a mark starts "<n>h", which Sheets reads as no number, date or formula, but a
  // cell keeps what a person typed before the marks ("=see notes"), and a column whose format was
  // cleared would read that as a formula and lose the marks after it: such text gets the
  // apostrophe that keeps it text.
  return writeColumnByKey(sheet, read.sentColumn, read.idColumn, cells, idOf, (range, values) => {
    const asText = values.map((r) => r.map((v) => (typeof v === 'string' ? textCell(v) : v)));
    const write = () => range.setValues(asText);
    try {
      write();
    } catch {
      Utilities.sleep(1000);
      write();
    }
  });
}

export interface RemindersState {
  sent: number;
  /** Messages MailApp refused in this job's earlier chunks. */
  refused?: number;
}

/** The Schedule as already read, each row's children listed with their own addresses (the Roster's). */
function withContacts(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  read: ScheduleRead,
  roster: RosterResult | null,
  standInOf: (familyId: string) => string,
): ScheduleRead {
  const again = readConferences(ss, settings, read.values, roster, standInOf);
  // Read again from all the Schedule's values: only the rows already kept (a row whose Conference
  // ID is blank or repeated was left out, and is not reminded).
  const kept = new Set(read.conferences.map((c) => c.row));
  // Each conference's video link, from its teacher's window: a reminder carries it (and an
  // in-person conference only its room).
  const teachers = readSheet(ss, 'Teachers');
  const placeOf = placeFinder(teachers ? parseTeachers(teachers, cellWallClock(ss)).windows : []);
  const conferences = again.conferences
    .filter((c) => kept.has(c.row))
    .map((c) => {
      const link = c.date && c.start !== null ? placeOf(c.teacher, c.date, c.start)?.videoLink : '';
      return { ...c, ...placeFor(c.mode, c.room, link ?? '') };
    });
  return { ...again, conferences, sheet: read.sheet };
}

function runReminders(state: RemindersState, ctx: JobContext): ChunkResult<RemindersState> {
  const ss = ctx.spreadsheet();
  const settings = readSettings(ss);
  const tz = schoolZone(ss, settings);
  const now = ctx.now();
  const wall = wallNow(now, tz);
  // The Roster (who is listed with which child) is read only when something may be due or a
  // letter is to be written: most hourly runs find nothing to do, and read the Schedule only.
  let roster: RosterResult | null | undefined;
  const school = () =>
    roster === undefined
      ? (roster = rosterForMessages(ss, settings, documentProperties().getProperties()))
      : roster;
  let read = readConferences(ss, settings);
  // A row no write could find again (its Conference ID blank or repeated) is not reminded.
  const unkeyed = unkeyedRows(read.conferences, 'Schedule', read.idColumn, 'reminded');
  read = { ...read, conferences: read.conferences.filter((c) => !unkeyed.rows.has(c.row)) };
  const at = stampIn(now, tz);
  // The journal (written before each email) names marks a cut-off run could not write to the
  // sheet, and the email it was sending when cut off. MailApp cannot tell whether that one
  // left, so it is recorded as sent, "unconfirmed", and never repeated: no one gets a
  // reminder twice, and the step shows the family to check with.
  const props = documentProperties();
  const journal = parseJson<Journal>(props.getProperty(REMINDER_JOURNAL));
  const rowOf = new Map(read.conferences.map((c) => [c.conferenceId, c.row]));
  const sentCells = new Map<number, string>(read.conferences.map((c) => [c.row, c.sent]));
  let touched: number[] = [];
  /** Rows whose Reminders Sent cell this run wrote (the sheet now holds sentCells' text). */
  const written = new Set<number>();
  /** Whether the journal property may hold something to drop once the marks are written. */
  let journaled = journal !== null;
  const setCell = (row: number, text: string) => {
    if (text === (sentCells.get(row) ?? '')) return;
    sentCells.set(row, text);
    touched.push(row);
  };
  if (journal) {
    for (const [id, text] of journal.marks) {
      const row = rowOf.get(id);
      if (row) setCell(row, text);
    }
    const sending = journal.sending;
    for (const id of sending?.ids ?? []) {
      const row = rowOf.get(id);
      if (!row || !sending) continue;
      const to = sending.to ? ` to ${sending.to}` : '';
      setCell(
        row,
        markSent(sentCells.get(row) ?? '', sending.hours, `${sending.at}${to} ${UNCONFIRMED_MARK}`),
      );
    }
  }
  const current = (list: ReminderConference[]) =>
    list.map((c) => ({ ...c, sent: sentCells.get(c.row) ?? c.sent }));
  // A reminder that waited for the quota past its window is marked missed, for a person to see.
  for (const m of missedWhileWaiting(current(read.conferences), settings.reminderHoursBefore, wall))
    setCell(m.row, settleWaiting(sentCells.get(m.row) ?? '', m.hours, true));
  // Those the hourly trigger, without its spreadsheet, could not even tell its owner about.
  const untold = readUntold(ss.getId());
  if (untold !== null)
    for (const m of missedUntried(
      current(read.conferences),
      settings.reminderHoursBefore,
      wall,
      untold,
    ))
      setCell(m.row, markMissed(sentCells.get(m.row) ?? '', m.hours));
  let due = dueReminders(current(read.conferences), settings.reminderHoursBefore, wall);
  const problems: Problem[] = [...unkeyed.problems];
  if (
    due.length > 0 ||
    read.conferences.some((c) => c.emails.length === 0) ||
    standInMayBeDue(current(read.conferences), settings.reminderHoursBefore, wall)
  ) {
    // Who is told about which child, and the surnames letters greet by, come from the Roster's
    // rows: read it, and look again, with the stand-in adults families named on the form.
    const standIns = standInsWithAddresses(ss, settings.roundName, school);
    const standInOf = (id: string) => standIns.standIns.get(id)?.email ?? '';
    read = withContacts(ss, settings, read, school(), standInOf);
    problems.push(...read.unlisted, ...standIns.problems);
    read = { ...read, conferences: withStandIns(read.conferences, standIns.standIns) };
    due = dueReminders(current(read.conferences), settings.reminderHoursBefore, wall);
  }
  const letters = writeLetters(ss, settings, read.conferences, school);
  if (letters)
    problems.push({
      severity: 'warning',
      message: `${plural(letters, 'family', 'families')} without email: print their letters from the Letters sheet, and call them (phone list at its end).`,
      where: { sheet: LETTERS_SHEET, row: 1, column: 1 },
    });
  if (due.length > 0 && read.sheet && !read.sentColumn) {
    throw new UserError(
      'The Schedule sheet has no "Reminders Sent" column, where sent reminders are recorded, so none was sent. Run Set up to add it back.',
      { sheet: 'Schedule', row: 1, column: 1 },
    );
  }
  const sheet = read.sheet;
  const sentColumn = read.sentColumn;
  const idOf = new Map(read.conferences.map((c) => [c.row, c.conferenceId]));
  /**
   * Marks whose row could not be found when written (deleted, or its Conference ID blank or on
   * two rows just then), by Conference ID: kept in the journal, so a row that comes back (an
   * Undo) gets its mark from the next run's replay and is not reminded again.
   */
  const kept = new Map<string, string>();
  /**
   * Writes the marks not yet written to their cells of the Reminders Sent column, each on the row
   * holding its conference now. A mark whose row is not found stays in the journal (`kept`); one
   * whose conference is still gone at the next run is dropped then: no run sees that row.
   */
  const flush = () => {
    if (touched.length && sheet && sentColumn) {
      const cells = new Map(touched.map((r) => [r, sentCells.get(r) ?? '']));
      const lost = writeSentColumn(sheet, read, cells, (r) => idOf.get(r) ?? '');
      for (const r of cells.keys()) if (!lost.includes(r)) written.add(r);
      for (const r of lost) {
        const id = idOf.get(r) ?? '';
        const entry: [string, string] = [id, cells.get(r) ?? ''];
        // Half the journal at most, so the email being sent always fits beside them.
        if (id && utf8Bytes(JSON.stringify([...kept, entry])) <= JOURNAL_BYTES / 2)
          kept.set(...entry);
      }
    }
    touched = [];
    if (kept.size) {
      props.setProperty(
        REMINDER_JOURNAL,
        JSON.stringify({ marks: [...kept], sending: null } satisfies Journal),
      );
      journaled = true;
    } else if (journaled) {
      props.deleteProperty(REMINDER_JOURNAL);
      journaled = false;
    }
  };
  if (due.length === 0 || !sheet || !sentColumn) {
    if (journal || touched.length) flush();
    if (due.length === 0) rememberIdle(props, read, sentCells, written, settings, now, tz);
    return {
      state,
      done: true,
      processed: state.sent,
      total: state.sent,
      message: state.sent
        ? `Sent ${plural(state.sent, 'reminder email')}; none is due now.`
        : 'No reminder is due now.',
      problems,
    };
  }
  // Each address in its own Roster rows' language: a family's two households may read two.
  const languageTo = (to: string, conference: string) =>
    addressLanguage(read.languages, to, conference, settings.defaultLanguage);
  const { stored, fellBack } = ensureTranslations(
    due.flatMap((d) => [d.language, ...d.messages.map((m) => languageTo(m.to, d.language))]),
    storedTemplates(),
  );
  for (const language of fellBack)
    problems.push({
      severity: 'warning',
      message: `The reminder could not be translated into "${language}" with its fields intact, so those families get it in English. Write the text in the sidebar's Templates to fix this.`,
    });

  /** The marks sent but not yet written to the sheet, as the journal names them. */
  const journalMarks = () => {
    const marks = new Map(kept);
    for (const row of touched) marks.set(idOf.get(row) ?? '', sentCells.get(row) ?? '');
    return [...marks];
  };
  const forText = messageSettings(settings);
  // Until this run completes, the hourly runs do the whole run.
  forgetRemindersIdle();
  let quota = MailApp.getRemainingDailyQuota();
  // A quota short of what falls due before it renews goes to the reminders that cannot wait;
  // those whose window stays open past the renewal wait for it, marked so.
  const quotaDay = quotaClock(now.getTime(), quota);
  const renewal = wallNow(new Date(quotaDay.renewsAt), tz);
  const renewsAt = wallMinutes(renewal.date, renewal.minutes) ?? Number.MAX_SAFE_INTEGER;
  const plan = planForQuota(
    due,
    current(read.conferences),
    settings.reminderHoursBefore,
    wall,
    quota,
    renewsAt,
    toldByEmail(ss),
  );
  due = plan.send;
  let firstSendAt: number | null = null;
  let sentNow = 0;
  let refusedNow = 0;
  let unitsDone = 0;
  let stopped: 'quota' | 'time' | null = null;
  try {
    for (const d of due) {
      if (ctx.outOfTime()) {
        stopped = 'time';
        break;
      }
      for (const message of d.messages) {
        // Each message has one recipient: it costs one of the day's recipients.
        if (quota < 1) {
          stopped = 'quota';
          break;
        }
        const ids = message.conferences.map((c) => c.conferenceId);
        const sending = { ids, hours: d.hours, at, to: message.to };
        let marks = journalMarks();
        let entry = JSON.stringify({ marks, sending } satisfies Journal);
        // The sheet is written only when the journal grows too big for its property: until
        // then the journal alone records what went out, whatever call a cut-off falls on.
        if (utf8Bytes(entry) > JOURNAL_BYTES && marks.length) {
          flush();
          marks = journalMarks();
          entry = JSON.stringify({ marks, sending } satisfies Journal);
        }
        journaled = true;
        props.setProperty(REMINDER_JOURNAL, entry);
        try {
          sendReminder(message, languageTo(message.to, d.language), settings, forText, stored);
        } catch (e) {
          // MailApp raised: this one did not go out, so it is not "being sent" any more.
          props.setProperty(
            REMINDER_JOURNAL,
            JSON.stringify({ marks, sending: null } satisfies Journal),
          );
          const failure = mailFailure(e);
          if (failure === 'quota') {
            quota = 0;
            stopped = 'quota';
            break;
          }
          if (failure === 'other') throw e;
          // Refused for good (a bad address, a body over the limit): flagged on its rows and
          // not tried again in this window; the others go on.
          refusedNow++;
          for (const c of message.conferences)
            setCell(
              c.row,
              markRefused(sentCells.get(c.row) ?? '', d.hours, message.to, failureText(e)),
            );
          continue;
        }
        quota--;
        sentNow++;
        firstSendAt ??= ctx.now().getTime();
        for (const c of message.conferences)
          setCell(c.row, markSentTo(sentCells.get(c.row) ?? '', d.hours, at, message.to));
      }
      if (stopped) break;
      // The whole unit reminded: a row every address of which had it in this run reads as
      // before, one entry; a waiting mark for this window is settled.
      for (const c of d.conferences)
        setCell(
          c.row,
          settleWaiting(collapseSent(sentCells.get(c.row) ?? '', d.hours, at, c.emails), d.hours),
        );
      unitsDone++;
    }
    // The day's quota is spent, or kept for the reminders that cannot wait: what is still due
    // waits, marked so, for the next run with quota.
    if (!stopped && plan.held.length) stopped = 'quota';
    if (stopped === 'quota')
      for (const d of [...due.slice(unitsDone), ...plan.held])
        for (const c of d.conferences)
          setCell(c.row, markWaiting(sentCells.get(c.row) ?? '', d.hours, at));
  } finally {
    // Whatever else stopped the loop (quota, time, an error from Google), what went out is
    // recorded before this execution ends.
    flush();
    // A run that held everything back sent nothing, yet its quota day must be known: it is when
    // the owner is told the held reminders can go (src/workspace/clock.ts).
    if (firstSendAt !== null || stopped === 'quota')
      quotaDay.sent(firstSendAt ?? now.getTime(), quota);
  }
  if (untold !== null) forgetUntold(ss.getId());
  const total = state.sent + sentNow;
  const refused = (state.refused ?? 0) + refusedNow;
  const waiting = [...due.slice(unitsDone), ...(stopped === 'quota' ? plan.held : [])];
  const left = waiting.reduce((n, d) => n + d.messages.length, 0);
  const refusedText = refused
    ? ` ${plural(refused, 'reminder')} refused by Google, flagged on the Schedule.`
    : '';
  if (refusedNow)
    problems.push({
      severity: 'warning',
      where: { sheet: 'Schedule', row: 1, column: sentColumn },
      message: `Google refused ${plural(refusedNow, 'reminder')} (the reason is in Reminders Sent): fix the address or the text and tell those families yourself; the others were sent.`,
    });
  const next = { sent: total, refused };
  if (stopped === 'quota') {
    problems.unshift({
      severity: 'warning',
      message: `Google's daily email limit ${quota > 0 ? 'will not cover every reminder before it renews' : 'is reached'}: ${plural(waiting.length, 'family', 'families')} still to remind, marked "waiting for quota" on the Schedule.${quota > 0 ? ' Their time lasts past the renewal, so the quota left goes to the reminders that cannot wait.' : ''} Everything sent is recorded. ${QUOTA_RENEWS}; the next run with quota (the hourly reminders, or this button) continues.`,
    });
    return {
      state: next,
      done: true,
      processed: total,
      total: total + left,
      message: `Sent ${plural(total, 'reminder email')}; stopped at the daily email limit with ${left} still due.${refusedText}`,
      problems,
    };
  }
  if (stopped === 'time')
    return {
      state: next,
      done: false,
      processed: total,
      total: total + left,
      message: `Sent ${plural(total, 'reminder email')}, ${left} to go.${refusedText}`,
      problems,
    };
  rememberIdle(props, read, sentCells, written, settings, now, tz);
  return {
    state: next,
    done: true,
    processed: total,
    total,
    message: `Sent ${plural(total, 'reminder email')}, one to each address.${refusedText}`,
    problems,
  };
}

/**
 * After a complete run: the next moment a reminder window opens and a digest of the Schedule as
 * this run leaves it (its Reminders Sent cells included), so the hourly runs before that moment
 * stop early while the Schedule is unchanged (src/core/idle.ts). A reminder waiting for the
 * daily quota leaves no mark: every hour tries again.
 */
function rememberIdle(
  props: GoogleAppsScript.Properties.Properties,
  read: ScheduleRead,
  sentCells: Map<number, string>,
  written: Set<number>,
  settings: Settings,
  now: Date,
  timeZone: string,
): void {
  const current = read.conferences.map((c) => ({ ...c, sent: sentCells.get(c.row) ?? c.sent }));
  if (current.some((c) => parseMarks(c.sent).some((m) => m.kind === 'waiting'))) return;
  const values = read.values.map((r, i) =>
    read.sentColumn && written.has(i + 1)
      ? r.map((v, c) => (c === read.sentColumn - 1 ? (sentCells.get(i + 1) ?? '') : v))
      : r,
  );
  const nowAt = wallMinutes(dayIn(now, timeZone), minutesIn(now, timeZone)) ?? 0;
  const opening = nextWindowOpening(current, settings.reminderHoursBefore, nowAt);
  const next =
    opening === null
      ? Number.MAX_SAFE_INTEGER
      : instantIn(
          new Date(Math.floor(opening / 1440) * 86_400_000).toISOString().slice(0, 10),
          opening % 1440,
          timeZone,
        ).getTime();
  const mark: IdleMark = { next, digest: scheduleDigest(values) };
  props.setProperty(PROP.remindersIdle, JSON.stringify(mark));
}

/**
 * The hourly run's first look: true when the last complete run's mark says no reminder window
 * opens before now and the Schedule is exactly as it left it. At most four calls (the mark, the
 * sheet, its values); anything missing, unreadable or changed answers false: do the whole run.
 */
export function nothingToRemindYet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const mark = parseJson<IdleMark>(documentProperties().getProperty(PROP.remindersIdle));
  const now = Date.now();
  if (!mark || !(now < mark.next)) return false;
  const sheet = ss.getSheetByName('Schedule');
  return nothingDueYet(mark, now, scheduleDigest(sheet ? sheet.getDataRange().getValues() : null));
}

export const REMINDERS_JOB: JobSpec<RemindersState> = {
  name: 'reminders',
  label: 'sending reminders',
  start: () => ({ sent: 0 }),
  step: runReminders,
};

/** The hourly trigger, when installed by this user in this document. */
export function reminderTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Script.Trigger | null {
  return (
    ScriptApp.getUserTriggers(ss).find((t) => t.getHandlerFunction() === REMINDER_HANDLER) ?? null
  );
}

/**
 * Whether this user's hourly trigger, run by Google without this spreadsheet, emails this user
 * when reminders fall due (src/workspace/clock.ts): those emails spend the quota the reminders
 * are sent from. Not when it is another editor's trigger (their quota is theirs).
 */
function toldByEmail(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const mine = reminderTrigger(ss);
  return mine ? readClockRecord(mine.getUniqueId())?.withoutDocument === true : false;
}

/**
 * Who the hourly reminders run as, or null when they are off. Apps Script shows a user only
 * their own triggers, so another editor's is known from what the document recorded. For one's
 * own trigger, also whether Google has run it without this spreadsheet (then it can only email
 * its owner when reminders fall due; src/workspace/clock.ts): that is remembered in the owner's
 * user properties, which nobody else can read.
 */
export function remindersRunBy(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props?: Record<string, string>,
): { owner: string; mine: boolean; withoutDocument: boolean } | null {
  const me = runnerEmail();
  const mine = reminderTrigger(ss);
  if (mine)
    return {
      owner: me,
      mine: true,
      withoutDocument: readClockRecord(mine.getUniqueId())?.withoutDocument === true,
    };
  const owner = triggerOwner('reminders', props);
  return owner && owner !== me ? { owner, mine: false, withoutDocument: false } : null;
}

/**
 * Turns the hourly reminders on or off: one trigger for the document, whoever clicks. An Editor
 * add-on may have one time-driven trigger per user per document, and each user sees only their
 * own, so the one who installed it is recorded in the document; another editor is told whose it
 * is instead of adding a second (every family would be reminded twice).
 */
export function setReminderTrigger(on: boolean): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const me = runnerEmail();
  const existing = reminderTrigger(ss);
  const owner = triggerOwner('reminders');
  if (!existing && owner && owner !== me)
    throw new UserError(
      on
        ? `Hourly reminders are already on: they run from ${owner}'s account (Google runs a trigger as the person who turned it on). Nothing was changed; that one trigger reminds every family.`
        : `Hourly reminders run from ${owner}'s account, and only that account can turn them off. Nothing was changed; ask ${owner} to turn them off in the Reminders step.`,
    );
  if (on && !existing) ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyHours(1).create();
  if (!on && existing) ScriptApp.deleteTrigger(existing);
  if (on && owner !== me) recordTriggerOwner('reminders', me);
  if (!on && owner) recordTriggerOwner('reminders', null);
  return on;
}

/**
 * The Letters sheet: one block per family without email, in its language, and a phone list with
 * a script for each call.
 */
export function lettersFor(
  conferences: ReminderConference[],
  settings: Settings,
  stored: Record<string, TemplateSet>,
  phoneOf: (familyKey: string) => string,
  formTexts: Record<string, FormTexts> = FORM_TEXTS,
): string[][] {
  const rows: string[][] = [];
  const phones: string[][] = [];
  for (const list of reminderUnits(conferences.filter((c) => c.emails.length === 0)).values()) {
    const first = list[0]!;
    const message = renderMessage(
      'letter',
      first.language,
      unitFields(list, settings, first.language),
      stored,
    );
    // The office's label is the household's own: its children's surnames and names as on its
    // rows. A paper household joined to a family with email shares that family's Family cell
    // (its surname), which would name the other household on paper posted to this one.
    const pupils = list.flatMap((c) => pupilsOf(c));
    const label = greetingName(pupils, 'en', first.family);
    const children = [...new Set(pupils.map((p) => p.name).filter(Boolean))].join(', ');
    rows.push([`${label} (${children || first.students})`, message.subject]);
    for (const line of message.text.split('\n')) rows.push(['', line]);
    rows.push(['', '']);
    phones.push([label, phoneOf(first.familyKey) || '(no phone on the Roster)']);
    // What to say and ask on the call, in the family's language: its letter's subject, then the
    // questionnaire's questions (the family already has its time, so no times are offered).
    for (const line of phoneScript({
      language: first.language,
      say: [message.subject],
      choices: [],
      texts: formTexts,
    }))
      phones.push(['', line]);
  }
  if (phones.length) rows.push(['Phone list: families without email', ''], ...phones);
  return rows.map((r) => r.map((v) => textCell(v)));
}

/**
 * Rewrites the Letters sheet when the families without email (or their letters) changed: one
 * block per family in its language, then the phone list. Created when first needed; nothing is
 * written when it is already up to date. Answers how many families get a letter.
 */
function writeLetters(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  conferences: ReminderConference[],
  roster: () => RosterResult | null,
): number {
  let without = conferences.filter((c) => c.emails.length === 0);
  if (!reminderUnits(without).size) return 0;
  const phones = familyPhones(roster());
  // A household on paper in a family whose households read different languages gets its letter
  // in its own rows' language (paperFamilies), not the family's; every other family's follows
  // the Schedule's Language as before.
  const spoken = new Set((roster()?.families ?? []).filter((f) => f.languages).map((f) => f.id));
  if (spoken.size) {
    const own = new Map(
      paperFamilies(roster()!)
        .filter((f) => spoken.has(f.id))
        .map((f) => [f.id, f.language || settings.defaultLanguage]),
    );
    without = without.map((c) =>
      own.has(c.familyKey) ? { ...c, language: own.get(c.familyKey)! } : c,
    );
  }
  const stored = storedTemplates();
  // The phone script asks a family its translated form's questions when the school has them.
  const formTexts = settings.translateForms
    ? keptFormTexts(
        ss,
        without.map((c) => c.language),
      )
    : FORM_TEXTS;
  const rows = lettersFor(without, settings, stored, (key) => phones.get(key) ?? '', formTexts);
  const families = new Set([...reminderUnits(without).values()].map((l) => l[0]!.familyKey)).size;
  const sheet = ss.getSheetByName(LETTERS_SHEET) ?? ss.insertSheet(LETTERS_SHEET);
  const old = sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : [];
  const same =
    old.length === rows.length &&
    old.every(
      (r, i) =>
        String(r[0]) === rows[i]![0]!.replace(/^'/, '') &&
        String(r[1]) === rows[i]![1]!.replace(/^'/, ''),
    );
  if (same) return families;
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  return families;
}

/** The sidebar's Reminders step: channels, reminders sent and due, the trigger, the action. */
export function remindersState(ctx: StepContext): StepState {
  if (!ctx.data || ctx.conferences === 0)
    return step('reminders', {
      status: 'todo',
      headline: 'No conferences to remind yet.',
      next: 'Build the schedule first.',
    });
  // The overview's one read of the Schedule (sheet null: the step only counts, never writes).
  const roster = ctx.data.roster;
  const read = readConferences(
    ctx.ss,
    ctx.settings,
    ctx.read('Schedule'),
    roster,
    standInAddresses(ctx.ss, ctx.settings.roundName, () => roster, ctx.read),
  );
  const phones = familyPhones(ctx.data.roster);
  // A row whose Conference ID is blank or repeated is not reminded (runReminders): named here
  // too, and left out of the counts, so the step is not Done while it waits for a person.
  const unkeyed = unkeyedRows(read.conferences, 'Schedule', read.idColumn, 'reminded');
  const conferences = read.conferences.filter((c) => !unkeyed.rows.has(c.row));
  return remindersStep({
    conferences,
    sentColumn: read.sentColumn,
    channels: channelCounts(read.conferences, (key) => phones.get(key) ?? ''),
    tally: reminderTally(
      conferences,
      ctx.settings.reminderHoursBefore,
      wallNow(new Date(), schoolZone(ctx.ss, ctx.settings)),
    ),
    hoursBefore: ctx.settings.reminderHoursBefore,
    runBy: remindersRunBy(ctx.ss, ctx.props),
    unlisted: read.unlisted,
    unkeyed: unkeyed.problems,
  });
}
