/**
 * The Follow-ups sheet and its owners' emails. FOLLOWUPS_JOB lists every follow-up request from
 * the questionnaire answers (core/followups.ts), keeping what people changed, and emails each
 * owner their new requests: one email per owner listing them all, and at most one per owner per
 * hour (a request arriving within the hour waits for the next run).
 *
 * Before an owner is emailed, their rows are written "sending <time>" in Owner Told; after, the
 * time. A run cut off in between leaves "sending": that owner is never emailed those rows twice.
 */
import { cleanText, nameKey, parseYesNo } from '../core/normalize';
import { listEmail } from '../core/teacherday';
import {
  FOLLOWUP_HEADER,
  FOLLOWUPS_SHEET,
  syncFollowUps,
  untoldByOwner,
  type FollowUp,
  type FollowUpAnswer,
} from '../core/followups';
import { FEEDBACK } from '../core/schema';
import { readScheduleSheet } from '../core/schedule/sheet';
import { readTable } from '../core/table';
import { parseTeachers } from '../core/teachers';
import type { Problem, Settings } from '../shared/api';
import { readSettings, readSheet, spreadsheetZone } from './data';
import { dayIn, secondsStampIn, stampIn, wallClockIn } from '../core/zone';
import type { ChunkResult, JobSpec } from './jobs';
import { failureText, mailFailure, mailOne } from './mailer';
import { documentProperties } from './props';
import { plural } from './steps';
import { writePlainSheet } from './plainsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HOUR_MS = 3600_000;
const lastToldKey = (email: string) => `slc:followups:told:${email.toLowerCase()}`;
const FIELDS: (keyof FollowUp)[] = [
  'request',
  'studentIds',
  'familyId',
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

export function readFollowUps(ss: Spreadsheet): FollowUp[] {
  const values = readSheet(ss, FOLLOWUPS_SHEET) ?? [];
  const [header, ...rows] = values;
  const tz = spreadsheetZone(ss);
  const at = FOLLOWUP_HEADER.map((h) => (header ?? []).map((x) => cleanText(x)).indexOf(h));
  return rows
    .filter((r) => cleanText(r[at[0]!]))
    .map((r) => {
      const f = {} as FollowUp;
      FIELDS.forEach((field, i) => {
        f[field] = at[i]! < 0 ? '' : stamp(r[at[i]!], tz, false);
      });
      return f;
    });
}

function writeFollowUps(ss: Spreadsheet, rows: FollowUp[]): void {
  writePlainSheet(
    ss,
    FOLLOWUPS_SHEET,
    FOLLOWUP_HEADER,
    rows.map((f) => FIELDS.map((k) => f[k])),
  );
}

function ownerMessage(owner: string, rows: FollowUp[], settings: Settings) {
  return listEmail({
    subject: `Follow-up requests for you: ${rows.length}`,
    to: owner,
    lead: `${plural(rows.length, 'new follow-up request')} from families of your conferences:`,
    lines: rows.map(
      (f) =>
        `Students ${f.studentIds} (family ${f.familyId}) asked on ${f.askedOn.slice(0, 10)} for a ${f.kind}${f.asked ? `: ${f.asked}` : ''}. Due ${f.due}.`,
    ),
    close: `Set each one's Status (new, contacted, done) on the ${FOLLOWUPS_SHEET} sheet.`,
    school: settings.schoolName,
  });
}

export const FOLLOWUPS_JOB: JobSpec<{ told: number }> = {
  name: 'followups',
  label: 'listing follow-up requests',
  start: () => ({ told: 0 }),
  step(state, ctx): ChunkResult<{ told: number }> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = readSettings(ss);
    const tz = spreadsheetZone(ss);
    const wall = wallClockIn(tz);
    const feedbackValues = readSheet(ss, FEEDBACK.name) ?? [];
    const answers: FollowUpAnswer[] =
      feedbackValues.length > 1
        ? readTable(FEEDBACK, feedbackValues).rows.map((r) => ({
            conferenceId: cleanText(r.get('Conference ID')),
            answered: stamp(r.get('Answered'), tz, true),
            followUp: parseYesNo(r.get('Follow-up')) === true,
            followUpWhen: cleanText(r.get('Follow-up When')),
            comments: cleanText(r.get('Comments')),
            flag: cleanText(r.get('Flag')),
          }))
        : [];
    const schedule = readScheduleSheet(readSheet(ss, 'Schedule') ?? [], wall);
    const teachers = parseTeachers(readSheet(ss, 'Teachers') ?? [], wall).teachers;
    const emails = new Map(teachers.map((t) => [nameKey(t.name), t.email]));
    const existing = readFollowUps(ss);
    let rows = syncFollowUps(
      existing,
      answers,
      schedule.rows.map((r) => ({
        conferenceId: r.conferenceId,
        teacher: r.teacher,
        familyId: r.familyId,
        studentIds: r.studentIds,
      })),
      (teacher) => emails.get(nameKey(teacher)) ?? '',
    );
    const added = rows.length - existing.length;
    if (added > 0 || !ss.getSheetByName(FOLLOWUPS_SHEET)) writeFollowUps(ss, rows);
    const problems: Problem[] = rows
      .filter((f) => !f.ownerEmail && !f.ownerTold)
      .map((f) => ({
        severity: 'warning',
        where: { sheet: FOLLOWUPS_SHEET, row: rows.indexOf(f) + 2, column: 5 },
        message: `${f.owner || 'This request'} has no email on the Teachers sheet, so the owner was not told. Add one, or write the Owner Email here.`,
      }));
    const props = documentProperties();
    const now = ctx.now();
    const at = stampIn(now, tz);
    let told = 0;
    let waiting = 0;
    const owners = untoldByOwner(rows);
    // Read once each: when each owner was last told, and the day's email left.
    const recorded = owners.size ? props.getProperties() : {};
    let quota = owners.size ? MailApp.getRemainingDailyQuota() : 0;
    for (const [email, mine] of owners) {
      const last = Number(recorded[lastToldKey(email)] ?? 0);
      if (now.getTime() - last < HOUR_MS) {
        waiting++;
        continue;
      }
      if (ctx.outOfTime() || quota < 1) break;
      const keys = new Set(mine.map((f) => f.request));
      const mark = (text: string) => {
        rows = rows.map((f) => (keys.has(f.request) ? { ...f, ownerTold: text } : f));
        writeFollowUps(ss, rows);
      };
      mark(`sending ${at}`);
      try {
        mailOne(email, ownerMessage(mine[0]!.owner, mine, settings), settings);
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
