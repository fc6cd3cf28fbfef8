/**
 * The Follow-ups sheet and its owners' emails. FOLLOWUPS_JOB lists every follow-up request from
 * the questionnaire answers (core/followups.ts), keeping what people changed, and emails each
 * owner their new requests: one email per owner listing them all, and at most one per owner per
 * hour (a request arriving within the hour waits for the next run).
 *
 * Before an owner is emailed, their rows are written "sending <time>" in Owner Told; after, the
 * time. A run cut off in between leaves "sending": that owner is never emailed those rows twice.
 */
import { inRound } from '../core/rounds';
import { cleanText, nameKey, parseYesNo } from '../core/normalize';
import { listEmail } from '../core/teacherday';
import {
  FOLLOWUP_HEADER,
  FOLLOWUPS_SHEET,
  addTimeChanges,
  overdue,
  requestChildren,
  syncFollowUps,
  untoldByOwner,
  type FollowUp,
  type FollowUpAnswer,
  type FollowUpConference,
} from '../core/followups';
import { conferencesAskingForChange } from '../core/availability';
import { familyIds } from '../core/familyshown';
import {
  readAvailability,
  readScheduleSheet,
  withRosterFamilies,
  type ExistingRow,
} from '../core/schedule/sheet';
import type { WallClockOf } from '../core/normalize';
import { AVAILABILITY, FEEDBACK } from '../core/schema';
import { readTable } from '../core/table';
import { parseTeachers, teacherEmailCell } from '../core/teachers';
import { paperHouseholds, type RosterResult } from '../core/roster';
import type { FollowUpStatus, FollowUpsView, Problem, Settings } from '../shared/api';
import { UserError } from '../core/errors';
import { readSettings, readSheet, schoolZone, sheetValues, spreadsheetZone } from './data';
import { putBackHeaders, writeColumnByHeader } from './write';
import { dayIn, secondsStampIn, stampIn, wallClockIn } from '../core/zone';
import type { ChunkResult, JobSpec } from './jobs';
import { failureText, mailFailure, mailOne, rosterForMessages } from './mailer';
import { documentProperties } from './props';
import { plural } from './steps';
import { writePlainSheet } from './plainsheet';
import { PLAIN_TEXT, splitList } from '../core/cells';
import { formatDay } from '../core/templates';
import { phoneAbout } from '../core/reminders';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HOUR_MS = 3600_000;
const lastToldKey = (email: string) => `slc:followups:told:${email.toLowerCase()}`;
const FIELDS: (keyof FollowUp)[] = [
  'request',
  'studentIds',
  'familyId',
  'familyPhone',
  'owner',
  'ownerEmail',
  'kind',
  'asked',
  'askedOn',
  'status',
  'due',
  'ownerTold',
];

function stamp(value: unknown, tz: string, withTime: boolean): string {
  if (!(value instanceof Date)) return cleanText(value);
  return withTime ? secondsStampIn(value, tz) : dayIn(value, tz);
}

/** The Follow-ups sheet as it is: its requests, each with its row, and where each field's column is. */
interface FollowUpsSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  rows: FollowUp[];
  /** Sheet row of each of rows. */
  at: number[];
  /** 1-based column of each of FIELDS (0 for one people removed, when not repaired). */
  columns: number[];
  width: number;
}

/** The sheet read; with repair (the job), a column people removed is put back first. */
function readFollowUpsSheet(ss: Spreadsheet, repair = true): FollowUpsSheet | null {
  const sheet = ss.getSheetByName(FOLLOWUPS_SHEET);
  if (!sheet) return null;
  const values = sheetValues(sheet);
  const [header = [], ...rest] = values;
  const tz = spreadsheetZone(ss);
  const columns = FOLLOWUP_HEADER.map((h) => header.map((x) => cleanText(x)).indexOf(h) + 1);
  // A column people removed comes back at the end, header only: without Request and Owner Told
  // the job could not know which requests it listed and told.
  const missing = repair ? FOLLOWUP_HEADER.filter((_, i) => columns[i] === 0) : [];
  putBackHeaders(sheet, header.length, missing).forEach(
    (column, i) => (columns[FOLLOWUP_HEADER.indexOf(missing[i]!)] = column),
  );
  const found = rest.flatMap((r, i) => (cleanText(r[columns[0]! - 1]) ? [{ r, row: i + 2 }] : []));
  return {
    sheet,
    rows: found.map(({ r }) => {
      const f = {} as FollowUp;
      FIELDS.forEach((field, i) => {
        f[field] = columns[i] ? stamp(r[columns[i]! - 1], tz, false) : '';
      });
      return f;
    }),
    at: found.map(({ row }) => row),
    columns,
    width: header.length + missing.length,
  };
}

/** The requests on the Follow-ups sheet as they are (nothing repaired), in sheet order. */
export function readFollowUps(ss: Spreadsheet): FollowUp[] {
  return readFollowUpsSheet(ss, false)?.rows ?? [];
}

/**
 * New requests below the last row as it is when written (a row a person added since the read
 * stays), each field in the sheet's own column for it (people may have moved, added or removed
 * columns): the rows people have, and their cells, are never written.
 */
function appendFollowUps(sheet: FollowUpsSheet, added: FollowUp[]): number[] {
  const rows = added.map((f) => {
    const row = Array.from({ length: sheet.width }, () => '');
    FIELDS.forEach((k, i) => (row[sheet.columns[i]! - 1] = f[k]));
    return row;
  });
  const first = sheet.sheet.getLastRow() + 1;
  const range = sheet.sheet.getRange(first, 1, rows.length, sheet.width);
  range.setNumberFormat(PLAIN_TEXT).setValues(rows);
  return added.map((_, i) => first + i);
}

/**
 * One owner's Owner Told cells, each found by its Request in the sheet as it is just before the
 * write (the run holds the document lock), so a sort or a row deleted while owners are emailed
 * puts no mark on another request; the mark is the run's record of what it told, so a misplaced
 * one would email an owner twice or never. Only those cells are written.
 */
function writeOwnerTold(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  requests: ReadonlySet<string>,
  told: string,
): void {
  writeColumnByHeader(
    sheet,
    'Request',
    'Owner Told',
    new Map([...requests].map((r) => [r, told])),
    (range, values) => range.setNumberFormat(PLAIN_TEXT).setValues(values),
  );
}

/** This round's conferences whose family now asks for another time (its availability answer). */
function timeChanges(
  ss: Spreadsheet,
  settings: Settings,
  roster: RosterResult | null,
  conferences: ExistingRow[],
  wall: WallClockOf,
): (FollowUpConference & { date: string })[] {
  if (!roster) return [];
  const round = settings.roundName;
  const read = readAvailability(readSheet(ss, AVAILABILITY.name), roster, wall, round);
  const ids = familyIds(roster.families);
  const phoneOf = phoneAbout(roster);
  return conferencesAskingForChange(
    conferences.filter((r) => inRound(r.round, round)),
    read.byFamily,
    { times: read.paper, households: paperHouseholds(roster) },
  ).map((r) => ({
    conferenceId: r.conferenceId,
    teacher: r.teacher,
    familyId: ids.shown(r.familyId),
    familyPhone: phoneOf(r.familyId, r.studentIds),
    studentIds: r.studentIds,
    date: r.date!,
  }));
}

/** What each kind of request reads as in the owner's email ("… asked on Tuesday for …"). */
const ASKED_FOR: Record<string, string> = {
  'follow-up meeting': 'a follow-up meeting',
  'private talk': 'a private talk with you',
  'change of time': 'a change of time',
  contact: 'to be contacted',
};

/**
 * The owner's email: each request's students by name, when the Roster lists them with the owner
 * (by teacher name or address), else by Student ID only, so an owner people put in the host
 * teacher's place is not told the names of children not theirs.
 */
function ownerMessage(
  owner: string,
  ownerEmail: string,
  rows: FollowUp[],
  roster: RosterResult | null,
  settings: Settings,
) {
  const students = new Map((roster?.students ?? []).map((s) => [s.id, s]));
  const named = (id: string) => {
    const s = students.get(id);
    const theirs =
      s &&
      (nameKey(s.teacher) === nameKey(owner) ||
        s.teacherEmail.toLowerCase() === ownerEmail.toLowerCase());
    return theirs ? `${[s.firstName, s.lastName].filter(Boolean).join(' ')} (${id})` : id;
  };
  return listEmail({
    subject: `Follow-up requests for you: ${rows.length}`,
    to: owner,
    lead: `${plural(rows.length, 'new follow-up request')} from families of your conferences:`,
    lines: rows.map((f) => {
      const ids = splitList(f.studentIds);
      const phone = f.familyPhone ? `, no email: phone ${f.familyPhone}` : '';
      return `${ids.length === 1 ? 'Student' : 'Students'} ${ids.map(named).join(', ')} (family ${f.familyId}${phone}) asked on ${formatDay(f.askedOn.slice(0, 10), 'en')} for ${ASKED_FOR[f.kind] ?? `a ${f.kind}`}${f.asked ? `: ${f.asked}` : ''}. Due ${formatDay(f.due, 'en')}.`;
    }),
    close: `Set each one's Status (new, contacted, done) on the ${FOLLOWUPS_SHEET} sheet.`,
    school: settings.schoolName,
  });
}

export const FOLLOWUPS_JOB: JobSpec<{ told: number }> = {
  name: 'followups',
  label: 'listing follow-up requests',
  start: () => ({ told: 0 }),
  step(state, ctx): ChunkResult<{ told: number }> {
    const ss = ctx.spreadsheet();
    const settings = readSettings(ss);
    // An answer's time keys its request as the Feedback cell shows it (the spreadsheet's zone,
    // as keys were always written); Asked On, Due and now are on the school's clock.
    const cells = spreadsheetZone(ss);
    const wall = wallClockIn(cells);
    const tz = schoolZone(ss, settings);
    const feedbackValues = readSheet(ss, FEEDBACK.name) ?? [];
    const answers: FollowUpAnswer[] =
      feedbackValues.length > 1
        ? readTable(FEEDBACK, feedbackValues).rows.map((r) => ({
            conferenceId: cleanText(r.get('Conference ID')),
            answered: stamp(r.get('Answered'), cells, true),
            answeredAtSchool: stamp(r.get('Answered'), tz, true),
            followUp: parseYesNo(r.get('Follow-up')) === true,
            privateTalk: parseYesNo(r.get('Private Talk')) === true,
            followUpWhen: cleanText(r.get('Follow-up When')),
            comments: cleanText(r.get('Comments')),
            flag: cleanText(r.get('Flag')),
          }))
        : [];
    // Its rows' Family IDs are read back below, once the Roster is read (withRosterFamilies).
    const schedule = readScheduleSheet(readSheet(ss, 'Schedule') ?? [], wall, []);
    const teacherValues = readSheet(ss, 'Teachers') ?? [];
    const teachers = parseTeachers(teacherValues, wall).teachers;
    const props = documentProperties();
    // Read once: the ids the document keeps codes for, when each owner was last told.
    const recorded = props.getProperties();
    const roster = rosterForMessages(ss, settings, recorded);
    const conferences = withRosterFamilies(schedule.rows, roster?.families ?? []);
    // The Follow-ups sheet and the owners' emails show the Family ID as people read it.
    const ids = familyIds(roster?.families ?? []);
    // A family no email reaches is called: its own phone, and no other family's, goes with it.
    const paperPhones = phoneAbout(roster);
    const emails = new Map(teachers.map((t) => [nameKey(t.name), t.email]));
    const sheet = readFollowUpsSheet(ss);
    const existing = sheet?.rows ?? [];
    const emailOf = (teacher: string) => emails.get(nameKey(teacher)) ?? '';
    const fromAnswers = syncFollowUps(
      existing,
      answers,
      conferences.map((r) => ({
        conferenceId: r.conferenceId,
        teacher: r.teacher,
        familyId: ids.shown(r.familyId),
        familyPhone: paperPhones(r.familyId, r.studentIds),
        studentIds: r.studentIds,
      })),
      emailOf,
    );
    const rows = addTimeChanges(
      fromAnswers,
      timeChanges(ss, settings, roster, conferences, wall),
      emailOf,
      secondsStampIn(ctx.now(), tz),
    );
    const added = rows.length - existing.length;
    let rowOf: number[];
    let target: GoogleAppsScript.Spreadsheet.Sheet;
    if (!sheet) {
      target = writePlainSheet(
        ss,
        FOLLOWUPS_SHEET,
        FOLLOWUP_HEADER,
        rows.map((f) => FIELDS.map((k) => f[k])),
      );
      rowOf = rows.map((_, i) => i + 2);
    } else {
      target = sheet.sheet;
      rowOf = [
        ...sheet.at,
        ...(added > 0 ? appendFollowUps(sheet, rows.slice(existing.length)) : []),
      ];
    }
    // One problem per owner without an address: at their Email cell on the Teachers sheet when
    // they are on it, else at the request's Owner Email cell.
    const unreachable = rows.filter((f) => !f.ownerEmail && !f.ownerTold);
    const problems: Problem[] = [...new Set(unreachable.map((f) => nameKey(f.owner)))].map(
      (key) => {
        const mine = unreachable.filter((f) => nameKey(f.owner) === key);
        const f = mine[0]!;
        const onTeachers = f.owner ? teacherEmailCell(teacherValues, f.owner) : null;
        const where =
          onTeachers && onTeachers.row <= teacherValues.length
            ? onTeachers
            : {
                sheet: FOLLOWUPS_SHEET,
                row: rowOf[rows.indexOf(f)]!,
                column: sheet ? sheet.columns[FIELDS.indexOf('ownerEmail')]! : 5,
              };
        return {
          severity: 'warning',
          where,
          message: `${f.owner || 'A request with no owner'} has no email${where.sheet === 'Teachers' ? ' on the Teachers sheet' : ''}, so ${plural(mine.length, 'follow-up request')} went untold. Add the email here (or write an Owner Email on the ${FOLLOWUPS_SHEET} sheet).`,
        };
      },
    );
    const now = ctx.now();
    const at = stampIn(now, tz);
    let told = 0;
    let waiting = 0;
    const owners = untoldByOwner(rows);
    // Read once: the day's email left.
    let quota = owners.size ? MailApp.getRemainingDailyQuota() : 0;
    for (const [email, mine] of owners) {
      const last = Number(recorded[lastToldKey(email)] ?? 0);
      if (now.getTime() - last < HOUR_MS) {
        waiting++;
        continue;
      }
      if (ctx.outOfTime() || quota < 1) break;
      const requests = new Set(mine.map((f) => f.request));
      const mark = (text: string) => writeOwnerTold(target, requests, text);
      mark(`sending ${at}`);
      try {
        mailOne(email, ownerMessage(mine[0]!.owner, email, mine, roster, settings), settings);
      } catch (e) {
        if (mailFailure(e) === 'refused') {
          mark(`refused: ${failureText(e)}`);
          continue;
        }
        mark('');
        throw e;
      }
      props.setProperty(lastToldKey(email), String(now.getTime()));
      mark(at);
      quota--;
      told++;
    }
    return {
      state: { told: state.told + told },
      done: true,
      processed: rows.length,
      total: rows.length,
      message: `${plural(rows.length, 'follow-up request')} listed (${added} new); ${plural(told, 'owner')} emailed${waiting ? `, ${waiting} already emailed within the hour (their new requests go in the next email)` : ''}.`,
      problems,
    };
  },
};

/** The open requests (status not done), each owner's in the order asked, for the sidebar. */
export function openFollowUps(): FollowUpsView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const today = dayIn(new Date(), schoolZone(ss, settings));
  const rows = readFollowUps(ss);
  const late = new Set(overdue(rows, today).map((f) => f.request));
  const open = rows.filter((f) => f.status !== 'done');
  // The children's names only, as every editor reads them on the Roster: no family id is used.
  const roster = open.length ? rosterForMessages(ss, settings, {}) : null;
  const full = (s: { firstName: string; lastName: string }) =>
    [s.firstName, s.lastName].filter(Boolean).join(' ');
  // Two students of one school may share a name: theirs carries the Student ID, as the owners'
  // emails write it.
  const shared = new Map<string, number>();
  for (const s of roster?.students ?? []) shared.set(full(s), (shared.get(full(s)) ?? 0) + 1);
  const names = new Map(
    (roster?.students ?? []).map((s) => [
      s.id,
      shared.get(full(s))! > 1 ? `${full(s)} (${s.id})` : full(s),
    ]),
  );
  return {
    today,
    requests: open
      .map((f) => ({
        request: f.request,
        owner: f.owner || '(no owner)',
        studentIds: f.studentIds,
        students: requestChildren(splitList(f.studentIds), (id) => names.get(id) ?? ''),
        kind: f.kind,
        asked: f.asked,
        due: f.due,
        status: f.status || 'new',
        overdue: late.has(f.request),
      }))
      .sort((a, b) => a.owner.localeCompare(b.owner)),
  };
}

/**
 * Writes one request's Status cell and no other cell. The cell is found by its Request again in
 * the sheet as it is just before the write, as the Owner Told marks are: the document lock does
 * not stop a person sorting the sheet, and a status written by row would close another request.
 */
export function setFollowUpStatus(request: string, status: FollowUpStatus): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = readFollowUpsSheet(ss, false);
  const listed = sheet?.rows.some((f) => f.request === request) ?? false;
  const column = sheet?.columns[FIELDS.indexOf('status')] ?? 0;
  const gone = (why: string) =>
    new UserError(
      `That follow-up request is no longer on the ${FOLLOWUPS_SHEET} sheet${why}. Nothing was changed; reload the list.`,
    );
  if (!sheet || !listed || !column)
    throw gone(sheet && !column ? ' (it has no Status column)' : '');
  const held = writeColumnByHeader(
    sheet.sheet,
    'Request',
    'Status',
    new Map([[request, status]]),
    (range, values) => range.setValues(values),
  );
  if (held === 0) throw gone('');
}
