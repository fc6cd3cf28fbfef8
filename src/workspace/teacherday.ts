/**
 * The teachers' day-before emails: each teacher, the day before their conference day, gets one
 * email at the address on the Teachers sheet listing their own conferences in time order
 * (core/teacherday.ts). Run by the 'teachers' job, the day before each conference day.
 *
 * Each email is recorded in document properties under its teacher and day: "sending <time>"
 * before MailApp is called, "sent <time>" after. A run cut off in between finds "sending" and
 * never sends that email again (the job's warning names it, to check with the teacher).
 */
import { cleanText, languageName, nameKey, normalizeLanguage, parseYesNo } from '../core/normalize';
import { readScheduleSheet } from '../core/schedule/sheet';
import {
  teacherDayMessage,
  teacherDaysDue,
  teacherDayKey,
  type TeacherConference,
} from '../core/teacherday';
import { parseTeachers } from '../core/teachers';
import type { Problem } from '../shared/api';
import { readSettings, readSheet, spreadsheetZone } from './data';
import { dayIn, stampIn, wallClockIn } from '../core/zone';
import type { ChunkResult, JobSpec } from './jobs';
import { rosterForMessages, sendJournaled } from './mailer';
import { documentProperties } from './props';
import { plural } from './steps';

interface TeacherDayState {
  sent: number;
}

export const TEACHER_DAY_JOB: JobSpec<TeacherDayState> = {
  name: 'teachers',
  label: "sending the teachers' day-before emails",
  start: () => ({ sent: 0 }),
  step(state, ctx): ChunkResult<TeacherDayState> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = readSettings(ss);
    const tz = spreadsheetZone(ss);
    const wall = wallClockIn(tz);
    const now = ctx.now();
    const days = {
      today: dayIn(now, tz),
      tomorrow: dayIn(now.getTime() + 24 * 3600_000, tz),
    };
    const values = readSheet(ss, 'Schedule') ?? [];
    const schedule = readScheduleSheet(values, wall);
    const rows = schedule.rows.filter(
      (r) => r.round === settings.roundName && (r.date === days.today || r.date === days.tomorrow),
    );
    const done = (message: string, problems: Problem[] = []): ChunkResult<TeacherDayState> => ({
      state,
      done: true,
      processed: state.sent,
      total: state.sent,
      message,
      problems,
    });
    if (rows.length === 0) return done('No teacher has conferences today or tomorrow.');
    const teachers = parseTeachers(readSheet(ss, 'Teachers') ?? [], wall).teachers;
    const emails = new Map(teachers.map((t) => [nameKey(t.name), t.email]));
    const roster = rosterForMessages(ss, settings);
    const guardians = new Map(
      (roster?.students ?? []).map((s) => [s.id, s.guardians.map((g) => g.name || g.email)]),
    );
    const at = (r: unknown[], h: string) => r[(schedule.columns.get(h) ?? 0) - 1];
    const conferences: TeacherConference[] = rows.map((r) => {
      const language = normalizeLanguage(at(r.values, 'Language'));
      return {
        conferenceId: r.conferenceId,
        teacher: r.teacher,
        date: r.date,
        start: r.start,
        end: r.end,
        room: cleanText(at(r.values, 'Room')),
        students: cleanText(at(r.values, 'Students')),
        coming: [...new Set(r.studentIds.flatMap((id) => guardians.get(id) ?? []))],
        language: language && language !== settings.defaultLanguage ? languageName(language) : '',
        interpreter: parseYesNo(at(r.values, 'Interpreter')) === true,
        status: r.status || 'scheduled',
        notes: cleanText(at(r.values, 'Notes')),
      };
    });
    const props = documentProperties();
    const recorded = props.getProperties();
    const { due, noEmail } = teacherDaysDue(
      conferences,
      (name) => emails.get(nameKey(name)),
      days,
      (k) => k in recorded,
    );
    const problems: Problem[] = noEmail.map((t) => ({
      severity: 'warning',
      where: { sheet: 'Teachers', row: 1, column: 1 },
      message: `${t} has conferences but no email on the Teachers sheet, so no day-before email went to them. Add their address.`,
    }));
    const unconfirmed = Object.keys(recorded).filter(
      (k) => k.startsWith('slc:teacherday:') && recorded[k]!.startsWith('sending'),
    );
    for (const k of unconfirmed)
      problems.push({
        severity: 'warning',
        message: `The day-before email to ${k.replace('slc:teacherday:', '').replace('|', ' for ')} may not have gone out (the run was cut off while sending it). It is not sent again; check with the teacher.`,
      });
    const run = sendJournaled(
      due.map((day) => ({
        key: teacherDayKey(day.email, day.date),
        to: day.email,
        message: teacherDayMessage(day, settings.schoolName),
        refused: (why): Problem => ({
          severity: 'warning',
          message: `Google refused the day-before email to ${day.teacher} (${why}). Check the address on the Teachers sheet.`,
        }),
      })),
      stampIn(now, tz),
      settings,
      ctx.outOfTime,
    );
    problems.push(...run.problems);
    const sent = run.sent;
    if (run.outOfTime)
      return {
        state: { sent: state.sent + sent },
        done: false,
        processed: state.sent + sent,
        total: state.sent + due.length,
        message: `Sent ${plural(state.sent + sent, "teacher's day email")}, more to go.`,
        problems,
      };
    if (run.waiting)
      problems.unshift({
        severity: 'warning',
        message: `Google's daily email limit is reached: ${plural(run.waiting, "teacher's day email")} wait for the next run.`,
      });
    const total = state.sent + sent;
    return done(
      total
        ? `Sent ${plural(total, "teacher's day email")}, one to each teacher with conferences tomorrow.`
        : "No teacher's day email is due now.",
      problems,
    );
  },
};
