/**
 * Reminder emails (issue 7): which are due comes from core/reminders.ts; this module reads the
 * Schedule once, sends with MailApp (script.send_mail scope; never GmailApp), and records each
 * sent reminder in the Reminders Sent column, written back as one block per chunk.
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
import { PLAIN_TEXT, textCell } from '../core/cells';
import { UserError } from '../core/errors';
import { cleanText, normalizeEmail, normalizeLanguage, parseYesNo } from '../core/normalize';
import {
  channelCounts,
  dueReminders,
  markSent,
  reminderTally,
  reminderUnits,
  type DueReminder,
  type ReminderConference,
  type WallNow,
} from '../core/reminders';
import { documentProperties, parseJson } from './props';
import { readScheduleSheet } from '../core/schedule/sheet';
import type { RosterResult } from '../core/roster';
import { splitList } from '../core/cells';
import {
  joinNames,
  renderMessage,
  type MessageFields,
  type RenderedMessage,
  type TemplateSet,
} from '../core/templates';
import type { Problem, Settings, StepState } from '../shared/api';
import { readSchool, readSettings, wallClockIn } from './data';
import { type ChunkResult, type JobContext, type JobSpec, QUOTA_RENEWS } from './jobs';
import { ensureTranslations, storedTemplates } from './messages';
import { plural, step, type StepContext } from './steps';
import { recordTriggerOwner, runnerEmail, triggerOwner } from './owners';

/** The top-level function the hourly trigger calls (exported by src/server/main.ts). */
export const REMINDER_HANDLER = 'sendDueReminders';
export const LETTERS_SHEET = 'Letters';
/** Sent reminders are written back at least this often (one block write each time). */
export const FLUSH_EVERY = 10;
const REMINDER_JOURNAL = 'slc:reminders:journal';
/** Added to a Reminders Sent mark when a run was cut off while sending that reminder. */
export const UNCONFIRMED_MARK = 'unconfirmed: cut off while sending, check with the family';

interface Journal {
  /** Marks (conference ID, the cell's text) sent but not yet written to the sheet. */
  marks: [string, string][];
  /** The reminder being sent: recorded first, so a cut-off never sends it twice. */
  sending: { ids: string[]; hours: number; at: string } | null;
}

export interface ScheduleRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  conferences: ReminderConference[];
  /** Column of Reminders Sent (1-based), or 0 when missing. */
  sentColumn: number;
}

/** The Schedule in one read, as reminders see it. */
export function readConferences(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  alreadyRead?: unknown[][] | null,
): ScheduleRead {
  const sheet = alreadyRead === undefined ? ss.getSheetByName('Schedule') : null;
  if (alreadyRead === undefined && (!sheet || sheet.getLastRow() < 2))
    return { sheet, conferences: [], sentColumn: 0 };
  const values =
    alreadyRead === undefined ? sheet!.getDataRange().getValues() : (alreadyRead ?? []);
  if (values.length < 2) return { sheet, conferences: [], sentColumn: 0 };
  const read = readScheduleSheet(values, wallClockIn(ss.getSpreadsheetTimeZone()));
  const col = (name: string) => read.columns.get(name);
  const cell = (r: unknown[], name: string) => {
    const c = col(name);
    return c ? r[c - 1] : '';
  };
  const conferences = read.rows.map((r): ReminderConference => {
    const emails = splitList(cell(r.values, 'Emails'))
      .map((e) => normalizeEmail(e))
      .filter((e): e is string => e !== null);
    return {
      row: r.row,
      conferenceId: r.conferenceId,
      familyKey: r.familyId || [...emails].sort().join(';') || `row ${r.row}`,
      family: cleanText(cell(r.values, 'Family')),
      students: cleanText(cell(r.values, 'Students')),
      teacher: r.teacher,
      room: cleanText(cell(r.values, 'Room')),
      date: r.date,
      start: r.start,
      end: r.end,
      emails,
      language: normalizeLanguage(cell(r.values, 'Language')) || settings.defaultLanguage,
      interpreter: parseYesNo(cell(r.values, 'Interpreter')) === true,
      status: r.status,
      sent: cleanText(cell(r.values, 'Reminders Sent')),
    };
  });
  return { sheet, conferences, sentColumn: col('Reminders Sent') ?? 0 };
}

/** The fields of one message about a family's conferences on one day (siblings: several). */
export function unitFields(
  list: ReminderConference[],
  settings: Settings,
  language: string,
): MessageFields {
  const first = list[0]!;
  const distinct = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  const students = distinct(list.flatMap((c) => c.students.split(/\s*[,;]\s*/)));
  return {
    school: settings.schoolName,
    family: first.family,
    students: joinNames(students, language),
    teacher: joinNames(distinct(list.map((c) => c.teacher)), language),
    date: first.date ?? '',
    start: first.start ?? 0,
    end: Math.max(...list.map((c) => c.end ?? c.start ?? 0)),
    room: distinct(list.map((c) => c.room)).join(', '),
    videoLink: '',
    link: '',
    replyTo: settings.replyTo,
    round: settings.roundName,
    interpreter: list.some((c) => c.interpreter),
    conferences: list.map((c) => ({
      students: c.students,
      teacher: c.teacher,
      start: c.start ?? 0,
      end: c.end ?? 0,
      room: c.room,
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
  const [day, hh, mm] = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd HH mm').split(' ');
  return { date: day!, minutes: Number(hh) * 60 + Number(mm) };
}

/**
 * One message to one family's own addresses, nobody else's, from the user's account.
 * MailApp.sendEmail(message): to is comma-separated; name is the sender's display name (the
 * account's own name when omitted); replyTo overrides the reply address
 * (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)).
 */
export function mailFamily(emails: string[], message: RenderedMessage, settings: Settings): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: emails.join(','),
    subject: message.subject,
    body: message.text,
    htmlBody: message.html,
  };
  if (settings.senderName) options.name = settings.senderName;
  if (settings.replyTo) options.replyTo = settings.replyTo;
  MailApp.sendEmail(options);
}

function sendReminder(
  due: DueReminder,
  settings: Settings,
  forText: Settings,
  stored: Record<string, TemplateSet>,
): void {
  mailFamily(
    due.emails,
    renderMessage(
      'reminder',
      due.language,
      unitFields(due.conferences, forText, due.language),
      stored,
    ),
    settings,
  );
}

/**
 * Writes the Reminders Sent cells of rows from..to as one block. Retried once: failing to record
 * mail that went out would send it again on the next run.
 */
function writeSentColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  from: number,
  cells: string[],
): void {
  // The add-on's own text column: made plain text and written as is (no marker to show).
  const block = cells.map((c) => [c]);
  const write = () =>
    sheet.getRange(from, column, cells.length, 1).setNumberFormat(PLAIN_TEXT).setValues(block);
  try {
    write();
  } catch {
    Utilities.sleep(1000);
    write();
  }
}

export interface RemindersState {
  sent: number;
}

function runReminders(state: RemindersState, ctx: JobContext): ChunkResult<RemindersState> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const tz = ss.getSpreadsheetTimeZone();
  const now = ctx.now();
  const read = readConferences(ss, settings);
  const at = Utilities.formatDate(now, tz, 'yyyy-MM-dd HH:mm');
  // The journal (written before each email) names marks a cut-off run could not write to the
  // sheet, and the email it was sending when cut off. MailApp cannot tell whether that one
  // left, so it is recorded as sent, "unconfirmed", and never repeated: no family gets a
  // reminder twice, and the step shows the family to check with.
  const props = documentProperties();
  const journal = parseJson<Journal>(props.getProperty(REMINDER_JOURNAL));
  const rowOf = new Map(read.conferences.map((c) => [c.conferenceId, c.row]));
  const sentCells = new Map<number, string>(read.conferences.map((c) => [c.row, c.sent]));
  let touched: number[] = [];
  if (journal) {
    for (const [id, text] of journal.marks) {
      const row = rowOf.get(id);
      if (row) {
        sentCells.set(row, text);
        touched.push(row);
      }
    }
    for (const id of journal.sending?.ids ?? []) {
      const row = rowOf.get(id);
      if (row) {
        sentCells.set(
          row,
          markSent(
            sentCells.get(row) ?? '',
            journal.sending!.hours,
            `${journal.sending!.at} ${UNCONFIRMED_MARK}`,
          ),
        );
        touched.push(row);
      }
    }
  }
  const conferences = journal
    ? read.conferences.map((c) => ({ ...c, sent: sentCells.get(c.row) ?? c.sent }))
    : read.conferences;
  const due = dueReminders(conferences, settings.reminderHoursBefore, wallNow(now, tz));
  const problems: Problem[] = [];
  const letters = writeLetters(ss, settings, read.conferences);
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
  if (due.length === 0 || !read.sheet || !read.sentColumn) {
    if (journal && read.sheet && read.sentColumn && touched.length) {
      const from = Math.min(...touched);
      const to = Math.max(...touched);
      const cells: string[] = [];
      for (let r = from; r <= to; r++) cells.push(sentCells.get(r) ?? '');
      writeSentColumn(read.sheet, read.sentColumn, from, cells);
    }
    if (journal) props.deleteProperty(REMINDER_JOURNAL);
    return {
      state,
      done: true,
      processed: state.sent,
      total: state.sent,
      message: state.sent
        ? `Sent ${plural(state.sent, 'reminder')}; none is due now.`
        : 'No reminder is due now.',
      problems,
    };
  }
  const { stored, fellBack } = ensureTranslations(
    due.map((d) => d.language),
    storedTemplates(),
  );
  for (const language of fellBack)
    problems.push({
      severity: 'warning',
      message: `The reminder could not be translated into "${language}" with its fields intact, so those families get it in English. Write the text in the sidebar's Templates to fix this.`,
    });

  const sheet = read.sheet;
  const sentColumn = read.sentColumn;
  /** Writes the marks not yet written, as one block of the Reminders Sent column. */
  const flush = () => {
    if (!touched.length) {
      props.deleteProperty(REMINDER_JOURNAL);
      return;
    }
    const from = Math.min(...touched);
    const to = Math.max(...touched);
    const cells: string[] = [];
    for (let r = from; r <= to; r++) cells.push(sentCells.get(r) ?? '');
    writeSentColumn(sheet, sentColumn, from, cells);
    touched = [];
    props.deleteProperty(REMINDER_JOURNAL);
  };
  const idOf = new Map(read.conferences.map((c) => [c.row, c.conferenceId]));
  const forText = messageSettings(settings);
  let quota = MailApp.getRemainingDailyQuota();
  let sentNow = 0;
  let stopped: 'quota' | 'time' | null = null;
  try {
    for (const d of due) {
      if (ctx.outOfTime()) {
        stopped = 'time';
        break;
      }
      if (d.emails.length > quota) {
        stopped = 'quota';
        break;
      }
      const marks = [...new Set(touched)].map((row): [string, string] => [
        idOf.get(row) ?? '',
        sentCells.get(row) ?? '',
      ]);
      props.setProperty(
        REMINDER_JOURNAL,
        JSON.stringify({
          marks,
          sending: { ids: d.conferences.map((c) => c.conferenceId), hours: d.hours, at },
        } satisfies Journal),
      );
      try {
        sendReminder(d, settings, forText, stored);
      } catch (e) {
        // MailApp raised: this one did not go out, so it is not "being sent" any more.
        props.setProperty(
          REMINDER_JOURNAL,
          JSON.stringify({ marks, sending: null } satisfies Journal),
        );
        throw e;
      }
      quota -= d.emails.length;
      sentNow++;
      for (const c of d.conferences) {
        sentCells.set(c.row, markSent(sentCells.get(c.row) ?? '', d.hours, at));
        touched.push(c.row);
      }
      // Recorded every FLUSH_EVERY messages too: should Apps Script cut the execution off (no
      // finally runs then), at most that many could go out again on the next run.
      if (sentNow % FLUSH_EVERY === 0) flush();
    }
  } finally {
    // Whatever else stopped the loop (quota, time, an error from Google), what went out is
    // recorded before this execution ends.
    flush();
  }
  const total = state.sent + sentNow;
  const left = due.length - sentNow;
  if (stopped === 'quota') {
    problems.push({
      severity: 'warning',
      message: `Google's daily email limit is reached: ${plural(left, 'family', 'families')} still to remind. Everything sent is recorded. ${QUOTA_RENEWS}; the next run after that (the hourly reminders, or this button) continues.`,
    });
    return {
      state: { sent: total },
      done: true,
      processed: total,
      total: total + left,
      message: `Sent ${plural(total, 'reminder')}; stopped at the daily email limit with ${left} still due.`,
      problems,
    };
  }
  if (stopped === 'time')
    return {
      state: { sent: total },
      done: false,
      processed: total,
      total: total + left,
      message: `Sent ${plural(total, 'reminder')}, ${left} to go.`,
      problems,
    };
  return {
    state: { sent: total },
    done: true,
    processed: total,
    total,
    message: `Sent ${plural(total, 'reminder')}, each family once.`,
    problems,
  };
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
 * Who the hourly reminders run as, or null when they are off. Apps Script shows a user only
 * their own triggers, so another editor's is known from what the document recorded.
 */
export function remindersRunBy(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props?: Record<string, string>,
): { owner: string; mine: boolean } | null {
  const me = runnerEmail();
  if (reminderTrigger(ss)) return { owner: me, mine: true };
  const owner = triggerOwner('reminders', props);
  return owner && owner !== me ? { owner, mine: false } : null;
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

/** The Letters sheet: one block per family without email, in its language, and a phone list. */
export function lettersFor(
  conferences: ReminderConference[],
  settings: Settings,
  stored: Record<string, TemplateSet>,
  phoneOf: (familyKey: string) => string,
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
    rows.push([`${first.family} (${first.students})`, message.subject]);
    for (const line of message.text.split('\n')) rows.push(['', line]);
    rows.push(['', '']);
    phones.push([first.family, phoneOf(first.familyKey) || '(no phone on the Roster)']);
  }
  if (phones.length) rows.push(['Phone list: families without email', ''], ...phones);
  return rows.map((r) => r.map((v) => textCell(v)));
}

/** Phone numbers by family (the Family ID on the Schedule): the first student's Phone on the Roster. */
function familyPhones(roster: RosterResult | null | undefined): Map<string, string> {
  const phones = new Map<string, string>();
  const byStudent = new Map((roster?.students ?? []).map((s) => [s.id, s.phone]));
  for (const f of roster?.families ?? []) {
    const phone = f.studentIds.map((id) => byStudent.get(id)).find(Boolean);
    if (phone) phones.set(f.id, phone);
  }
  return phones;
}

function rosterPhones(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
): Map<string, string> {
  const today = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  return familyPhones(readSchool(ss, settings, today).roster);
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
): number {
  const without = conferences.filter((c) => c.emails.length === 0);
  if (!reminderUnits(without).size) return 0;
  const phones = rosterPhones(ss, settings);
  const stored = storedTemplates();
  const rows = lettersFor(without, settings, stored, (key) => phones.get(key) ?? '');
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
export function remindersStep(ctx: StepContext): StepState {
  if (!ctx.data || ctx.conferences === 0)
    return step('reminders', {
      status: 'todo',
      headline: 'No conferences to remind yet.',
      next: 'Build the schedule first.',
    });
  // The overview's one read of the Schedule (sheet null: the step only counts, never writes).
  const read = readConferences(ctx.ss, ctx.settings, ctx.read('Schedule'));
  const phones = familyPhones(ctx.data.roster);
  const channels = channelCounts(read.conferences, (key) => phones.get(key) ?? '');
  const tally = reminderTally(
    read.conferences,
    ctx.settings.reminderHoursBefore,
    wallNow(new Date(), ctx.ss.getSpreadsheetTimeZone()),
  );
  const runBy = remindersRunBy(ctx.ss, ctx.props);
  const on = runBy !== null;
  const hours = ctx.settings.reminderHoursBefore.map((h) => `${h} h`).join(' and ');
  const unconfirmed = read.conferences
    .filter((c) => c.sent.includes(UNCONFIRMED_MARK))
    .map((c): Problem => ({
      severity: 'warning',
      where: { sheet: 'Schedule', row: c.row, column: read.sentColumn || 1 },
      message: `${c.family || c.familyKey}: a reminder may not have gone out (the run was cut off while sending it). It is not sent again; check with the family.`,
    }));
  return step('reminders', {
    status: unconfirmed.length
      ? 'attention'
      : tally.due > 0
        ? 'ready'
        : on || tally.upcoming === 0
          ? 'done'
          : 'ready',
    problems: unconfirmed.slice(0, 25),
    problemCount: unconfirmed.length,
    headline: `${plural(channels.families, 'family', 'families')}: ${channels.email} by email, ${channels.letter} by letter (${channels.phone} also by phone). Reminders go ${hours} before. Hourly reminders are ${!runBy ? 'off' : runBy.mine ? 'on' : `on, from ${runBy.owner}'s account`}.`,
    counts: [
      { label: 'by email', value: channels.email },
      { label: 'by letter', value: channels.letter },
      { label: 'by phone', value: channels.phone },
      { label: 'families', value: channels.families },
      { label: 'reminders sent', value: tally.sent },
      { label: 'due now', value: tally.due },
    ],
    next:
      tally.due > 0
        ? `${plural(tally.due, 'reminder')} due now: send them, or let the hourly reminders do it.`
        : on
          ? 'Reminders go out on their own, every hour as they fall due.'
          : 'Turn on hourly reminders so each family is reminded on time.',
    action: { job: 'reminders', label: 'Send due reminders now' },
  });
}
