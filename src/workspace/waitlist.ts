/**
 * The Waitlist sheet and its notices. The schedule build writes the sheet (one row per student it
 * could not place, with the reason and the round, keeping each Told cell of that round, and the
 * sheet's layout, columns and rows as people left them); WAITLIST_JOB tells each address
 * listed with a waitlisted student, in the family's language, that no time fitted yet and what
 * happens next, one recipient per email and naming only the waitlisted children listed with that
 * address. No invitation goes to a waitlisted student: it has no Schedule row.
 *
 * Resumable like the reminders: before each email the journal (document properties) names the
 * Told cells not yet written and the address being sent; a run cut off anywhere records that
 * address as told, unconfirmed, and never sends it twice.
 */
import { joinNames, renderMessage } from '../core/templates';
import type { RosterResult } from '../core/roster';
import {
  addTold,
  addToldOnce,
  NO_EMAIL,
  toldThisRound,
  UNCONFIRMED,
  WAITLIST_HEADER,
  WAITLIST_SHEET,
  waitlistEntries,
  waitlistGrid,
  waitlistNotices,
  type WaitlistEntry,
  type WaitlistNotice,
} from '../core/waitlist';
import { cleanText } from '../core/normalize';
import type { Problem, Settings } from '../shared/api';
import { readSettings, schoolZone } from './data';
import { stampIn } from '../core/zone';
import { type ChunkResult, type JobSpec } from './jobs';
import { failureText, FLUSH_EVERY, mailFailure, mailOne, rosterForMessages } from './mailer';
import { ensureTranslations, storedTemplates } from './messages';
import { documentProperties, parseJson } from './props';
import { messageSettings } from './reminders';
import { plural } from './steps';
import { writePlainSheet } from './plainsheet';
import { ensureRows, putBackHeaders, writeColumnByHeader, writeGrid } from './write';
import { cellValue, PLAIN_TEXT, textFormat } from '../core/cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const JOURNAL = 'slc:waitlist:journal';

interface Journal {
  /** Told cells (Student ID, text) changed but not yet written to the sheet. */
  told: [string, string][];
  sending: { to: string; ids: string[]; at: string } | null;
}

/** The Waitlist sheet as read, its rows as entries, and its Told column (0: none). */
interface WaitlistRows {
  values: unknown[][];
  entries: WaitlistEntry[];
  toldColumn: number;
}

/** The Waitlist sheet's rows as entries (header found by name), or [] without the sheet. */
export function readWaitlist(
  ss: Spreadsheet,
): WaitlistRows & { sheet: GoogleAppsScript.Spreadsheet.Sheet | null } {
  const sheet = ss.getSheetByName(WAITLIST_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return { sheet, values: [], entries: [], toldColumn: 0 };
  return { sheet, ...waitlistRows(sheet.getDataRange().getValues()) };
}

function waitlistRows(values: unknown[][]): WaitlistRows {
  const [header, ...rows] = values;
  const at = (name: string) => (header ?? []).map((h) => cleanText(h)).indexOf(name);
  const cell = (r: unknown[], name: string) => (at(name) >= 0 ? cleanText(r[at(name)]) : '');
  return {
    values,
    entries: rows
      .filter((r) => cell(r, 'Student ID'))
      .map((r) => ({
        studentId: cell(r, 'Student ID'),
        student: cell(r, 'Student'),
        teacher: cell(r, 'Teacher'),
        familyId: cell(r, 'Family ID'),
        reason: cell(r, 'Reason'),
        told: cell(r, 'Told'),
        round: cell(r, 'Round'),
      })),
    toldColumn: at('Told') + 1,
  };
}

/**
 * These students' Told cells (Student ID → text), on the rows the sheet holds them in as it is
 * just before the write, and no other cell: a Reason corrected, a row sorted or added by hand
 * while families are told stays. A Told column people removed comes back past their cells.
 */
function writeTold(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  told: ReadonlyMap<string, string>,
): void {
  writeColumnByHeader(sheet, 'Student ID', 'Told', told, (range, values) =>
    writeGrid(range, values),
  );
}

function writeWaitlist(
  ss: Spreadsheet,
  entries: WaitlistEntry[],
  sheet?: GoogleAppsScript.Spreadsheet.Sheet | null,
): void {
  writePlainSheet(
    ss,
    WAITLIST_SHEET,
    WAITLIST_HEADER,
    entries.map((e) => [e.studentId, e.student, e.teacher, e.familyId, e.reason, e.told, e.round]),
    sheet,
  );
}

/** One more entry in these students' Told cells (written only when one of them is listed). */
export function addToTold(ss: Spreadsheet, studentIds: string[], entry: string): void {
  addNotesToTold(ss, [{ studentIds, entry }]);
}

/**
 * Several entries at once, in one read and one write (an entry a student's cell already holds
 * is not added again); `keepNoEmail` as in addTold.
 */
export function addNotesToTold(
  ss: Spreadsheet,
  notes: { studentIds: string[]; entry: string; keepNoEmail?: boolean }[],
): void {
  if (notes.length === 0) return;
  const read = readWaitlist(ss);
  const told = new Map<string, string>();
  for (const e of read.entries) {
    let cell = e.told;
    for (const n of notes)
      if (n.studentIds.includes(e.studentId)) cell = addToldOnce(cell, n.entry, n.keepNoEmail);
    if (cell !== e.told) told.set(e.studentId, cell);
  }
  if (read.sheet) writeTold(read.sheet, told);
}

/**
 * After a build in `round`: the Waitlist sheet lists exactly the students the schedule could not
 * place, each keeping its Told cell when its row was of this round. Written only when something
 * changed.
 */
export function recordWaitlist(
  ss: Spreadsheet,
  unplaced: { studentId: string; reason: string }[],
  roster: RosterResult,
  round: string,
): number {
  const { sheet, values, entries: before } = readWaitlist(ss);
  const entries = waitlistEntries(unplaced, roster, toldThisRound(before, round), round);
  if (sheet && JSON.stringify(before) === JSON.stringify(entries)) return entries.length;
  if (!sheet && entries.length === 0) return 0;
  if (sheet && values.length > 1) rewriteWaitlist(sheet, values, entries);
  else writeWaitlist(ss, entries, sheet);
  return entries.length;
}

/**
 * The rows below the header written in the sheet's own layout (core `waitlistGrid`): people's
 * columns, notes and typed rows are kept, not rewritten from the parsed entries. The build's
 * cells are plain text; people's cells keep the formats their cells have.
 */
function rewriteWaitlist(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  values: unknown[][],
  entries: WaitlistEntry[],
): void {
  const grid = waitlistGrid(values, entries);
  const width = values[0]!.length;
  putBackHeaders(sheet, width, grid.header.slice(width));
  if (grid.rows.length === 0) return;
  ensureRows(sheet, grid.rows.length + 1);
  const range = sheet.getRange(2, 1, grid.rows.length, grid.header.length);
  const held = range.getNumberFormats();
  const formats = grid.rows.map((r, i) =>
    r.map((v, c) => (grid.built[c] ? textFormat(v, PLAIN_TEXT) : held[i]![c]!)),
  );
  range
    .setNumberFormats(formats)
    .setValues(grid.rows.map((r, i) => r.map((v, c) => cellValue(v, formats[i]![c]))));
}

function noticeMessage(
  notice: WaitlistNotice,
  roster: RosterResult,
  settings: Settings,
  stored: ReturnType<typeof storedTemplates>,
) {
  const students = roster.students.filter((s) => notice.studentIds.includes(s.id));
  const lastNames = [...new Set(students.map((s) => s.lastName).filter(Boolean))];
  const firstNames = students.map((s) => s.firstName || s.id);
  return renderMessage(
    'waitlist',
    notice.language,
    {
      school: settings.schoolName,
      family: joinNames(lastNames, notice.language),
      students: joinNames(firstNames, notice.language),
      children: students.length,
      teacher: joinNames([...new Set(students.map((s) => s.teacher))], notice.language),
      date: '',
      start: 0,
      end: 0,
      room: '',
      videoLink: '',
      link: '',
      replyTo: settings.replyTo,
      round: settings.roundName,
      interpreter: false,
      waitsForWay: notice.waitsForWay,
    },
    stored,
  );
}

interface WaitlistState {
  sent: number;
}

export const WAITLIST_JOB: JobSpec<WaitlistState> = {
  name: 'waitlist',
  label: 'telling waitlisted families',
  start: () => ({ sent: 0 }),
  step(state, ctx): ChunkResult<WaitlistState> {
    const ss = ctx.spreadsheet();
    const settings = readSettings(ss);
    const props = documentProperties();
    const journal = parseJson<Journal>(props.getProperty(JOURNAL));
    const read = readWaitlist(ss);
    const { entries } = read;
    const told = new Map(entries.map((e) => [e.studentId, e.told]));
    const changed = new Map<string, string>(journal?.told ?? []);
    const current = (id: string) => changed.get(id) ?? told.get(id) ?? '';
    if (journal?.sending)
      for (const id of journal.sending.ids)
        changed.set(
          id,
          addTold(current(id), `${journal.sending.at} to ${journal.sending.to} ${UNCONFIRMED}`),
        );
    let journaled = journal !== null;
    const flush = () => {
      if (read.sheet) writeTold(read.sheet, changed);
      for (const [id, text] of changed) told.set(id, text);
      changed.clear();
      if (journaled) props.deleteProperty(JOURNAL);
      journaled = false;
    };
    const roster = entries.length ? rosterForMessages(ss, settings, props.getProperties()) : null;
    const { notices, noEmail } = roster
      ? waitlistNotices(
          entries.map((e) => ({ ...e, told: current(e.studentId) })),
          roster,
          settings.defaultLanguage,
        )
      : { notices: [], noEmail: [] };
    for (const id of noEmail) changed.set(id, NO_EMAIL);
    const problems: Problem[] = [];
    // Where the Told column is: one people removed comes back past the data read (writeTold).
    const toldHeader = {
      sheet: WAITLIST_SHEET,
      row: 1,
      column: read.toldColumn || (read.values[0]?.length ?? 0) + 1,
    };
    if (noEmail.length)
      problems.push({
        severity: 'warning',
        where: toldHeader,
        message: `${plural(noEmail.length, 'waitlisted student')} ${noEmail.length === 1 ? 'has' : 'have'} no email on the Roster: tell the family by phone or letter.`,
      });
    if (notices.length === 0 || !roster) {
      flush();
      return {
        state,
        done: true,
        processed: state.sent,
        total: state.sent,
        message: entries.length
          ? `Every waitlisted family with an email has been told (${plural(state.sent, 'notice')} sent now).`
          : 'Nobody is on the waiting list.',
        problems,
      };
    }
    const { stored } = ensureTranslations(
      notices.map((n) => n.language),
      storedTemplates(),
    );
    const forText = messageSettings(settings);
    const at = stampIn(ctx.now(), schoolZone(ss, settings));
    let quota = MailApp.getRemainingDailyQuota();
    let sent = 0;
    let refused = 0;
    let stopped: 'quota' | 'time' | null = null;
    try {
      for (const notice of notices) {
        if (ctx.outOfTime()) {
          stopped = 'time';
          break;
        }
        if (quota < 1) {
          stopped = 'quota';
          break;
        }
        journaled = true;
        props.setProperty(
          JOURNAL,
          JSON.stringify({
            told: [...changed],
            sending: { to: notice.to, ids: notice.studentIds, at },
          } satisfies Journal),
        );
        try {
          mailOne(notice.to, noticeMessage(notice, roster, forText, stored), settings);
        } catch (e) {
          props.setProperty(
            JOURNAL,
            JSON.stringify({ told: [...changed], sending: null } satisfies Journal),
          );
          const failure = mailFailure(e);
          if (failure === 'quota') {
            stopped = 'quota';
            break;
          }
          if (failure === 'other') throw e;
          refused++;
          for (const id of notice.studentIds)
            changed.set(id, addTold(current(id), `refused ${notice.to}: ${failureText(e)}`));
          continue;
        }
        quota--;
        sent++;
        for (const id of notice.studentIds)
          changed.set(id, addTold(current(id), `${at} to ${notice.to}`));
        if (sent % FLUSH_EVERY === 0) flush();
      }
    } finally {
      flush();
    }
    if (refused)
      problems.push({
        severity: 'warning',
        where: toldHeader,
        message: `Google refused ${plural(refused, 'notice')} (the reason is in Told): fix the address and tell those families yourself; the others were sent.`,
      });
    const total = state.sent + sent;
    const left = notices.length - sent - refused;
    return {
      state: { sent: total },
      done: stopped !== 'time',
      processed: total,
      total: total + left,
      message:
        stopped === 'quota'
          ? `Told ${plural(total, 'address', 'addresses')}; stopped at the daily email limit with ${left} still to tell.`
          : stopped === 'time'
            ? `Told ${plural(total, 'address', 'addresses')}, ${left} to go.`
            : `Told ${plural(total, 'address', 'addresses')} on the waiting list, one email each.`,
      problems,
    };
  },
};
