/**
 * The teachers' day-before emails: each teacher, the day before their conference day, gets one
 * email at the address on the Teachers sheet listing their own conferences in time order
 * (core/teacherday.ts). Run by the 'teachers' job, the day before each conference day.
 *
 * Each email is recorded in document properties under its teacher and day: "sending <time>"
 * before MailApp is called, "sent <time>" after. A run cut off in between finds "sending" and
 * never sends that email again (the job's warning names it, to check with the teacher).
 */
import { modeCell } from '../core/meeting';
import { inRound } from '../core/rounds';
import { cleanText, languageName, nameKey, scheduleLanguage, parseYesNo } from '../core/normalize';
import { readScheduleSheet, withRosterFamilies } from '../core/schedule/sheet';
import {
  dayChangeMessage,
  dayChanges,
  dayDigest,
  teacherDayMessage,
  teacherDaysDue,
  teacherDayKey,
  teacherSeenKey,
  type DayDigest,
  type TeacherConference,
} from '../core/teacherday';
import { parseTeachers, teacherEmailCell } from '../core/teachers';
import type { Problem, Settings } from '../shared/api';
import { cellWallClock, readSettings, readSheet, schoolZone } from './data';
import { dayIn, stampIn } from '../core/zone';
import type { ChunkResult, JobSpec } from './jobs';
import { failureText, mailFailure, mailOne, rosterForMessages, sendJournaled } from './mailer';
import { documentProperties, parseJson } from './props';
import { plural } from './steps';
import { standInsForRound } from './standin';

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
    const tz = schoolZone(ss, settings);
    const wall = cellWallClock(ss);
    const now = ctx.now();
    const days = {
      today: dayIn(now, tz),
      tomorrow: dayIn(now.getTime() + 24 * 3600_000, tz),
    };
    const values = readSheet(ss, 'Schedule') ?? [];
    // The day's rows' Family IDs are read back once the Roster is read (withRosterFamilies).
    const schedule = readScheduleSheet(values, wall, []);
    const near = schedule.rows.filter(
      (r) =>
        inRound(r.round, settings.roundName) && (r.date === days.today || r.date === days.tomorrow),
    );
    const done = (message: string, problems: Problem[] = []): ChunkResult<TeacherDayState> => ({
      state,
      done: true,
      processed: state.sent,
      total: state.sent,
      message,
      problems,
    });
    if (near.length === 0) return done('No teacher has conferences today or tomorrow.');
    const teacherValues = readSheet(ss, 'Teachers') ?? [];
    const teachers = parseTeachers(teacherValues, wall).teachers;
    const emails = new Map(teachers.map((t) => [nameKey(t.name), t.email]));
    const props = documentProperties();
    const recorded = props.getProperties();
    const roster = rosterForMessages(ss, settings, recorded);
    const rows = withRosterFamilies(near, roster?.families ?? []);
    const guardians = new Map(
      (roster?.students ?? []).map((s) => [s.id, s.guardians.map((g) => g.name || g.email)]),
    );
    // Who is coming: the adult a family named instead of its guardians, else its guardians.
    const standIn = standInsForRound(ss, settings.roundName, () => roster);
    const at = (r: unknown[], h: string) => r[(schedule.columns.get(h) ?? 0) - 1];
    const conferences: TeacherConference[] = rows.map((r) => {
      const language = scheduleLanguage(at(r.values, 'Language'));
      return {
        conferenceId: r.conferenceId,
        teacher: r.teacher,
        date: r.date,
        start: r.start,
        end: r.end,
        room: cleanText(at(r.values, 'Room')),
        mode: modeCell(at(r.values, 'Mode')),
        students: cleanText(at(r.values, 'Students')),
        coming: standIn.has(r.familyId)
          ? [standIn.get(r.familyId)!]
          : [...new Set(r.studentIds.flatMap((id) => guardians.get(id) ?? []))],
        language: language && language !== settings.defaultLanguage ? languageName(language) : '',
        interpreter: parseYesNo(at(r.values, 'Interpreter')) === true,
        status: r.status || 'scheduled',
        notes: cleanText(at(r.values, 'Notes')),
      };
    });
    const { due, noEmail } = teacherDaysDue(
      conferences,
      (name) => emails.get(nameKey(name)),
      days,
      (k) => k in recorded,
    );
    const problems: Problem[] = noEmail.map((t) => ({
      severity: 'warning',
      where: teacherEmailCell(teacherValues, t),
      message: `${t} has conferences but no email on the Teachers sheet, so no day-before email went to them. Add their address.`,
    }));
    const unconfirmed = Object.keys(recorded).filter(
      (k) =>
        (k.startsWith('slc:teacherday:') && recorded[k]!.startsWith('sending')) ||
        (k.startsWith('slc:teacherseen:') &&
          (parseJson<Seen>(recorded[k])?.note ?? '').startsWith('sending')),
    );
    for (const k of unconfirmed)
      problems.push({
        severity: 'warning',
        message: `The ${k.startsWith('slc:teacherseen:') ? '"what changed" note' : 'day-before email'} to ${k.replace(/^slc:teacher(day|seen):/, '').replace('|', ' for ')} may not have gone out (the run was cut off while sending it). It is not sent again; check with the teacher.`,
      });
    const stamp = stampIn(now, tz);
    const run = sendJournaled(
      due.map((day) => ({
        key: teacherDayKey(day.email, day.date),
        to: day.email,
        message: teacherDayMessage(day, settings.schoolName),
        refused: (why): Problem => ({
          severity: 'warning',
          message: `Google refused the day-before email to ${day.teacher} (${why}). Check the address on the Teachers sheet.`,
        }),
        // What the email tells, kept with it: a later change is what differs from this.
        alsoRecord: {
          [teacherSeenKey(day.email, day.date)]: JSON.stringify({
            told: dayDigest(day.conferences),
            note: '',
          }),
        },
      })),
      stamp,
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
    const notes = sendChangeNotes(conferences, emails, days, recorded, {
      stamp,
      quota: run.quota,
      settings,
      outOfTime: ctx.outOfTime,
    });
    problems.push(...notes.problems);
    const total = state.sent + sent;
    return done(
      (total
        ? `Sent ${plural(total, "teacher's day email")}, one to each teacher with conferences tomorrow.`
        : "No teacher's day email is due now.") +
        (notes.sent
          ? ` ${plural(notes.sent, '"what changed" note')} sent to teachers whose day changed since.`
          : ''),
      problems,
    );
  },
};

/** A teacher's day as last told (the day-before email, then each note), and the last note's journal. */
interface Seen {
  told: DayDigest;
  /** "sending <time>" before a note is sent, "sent <time>" after. */
  note: string;
}

/**
 * The "what changed" notes: a teacher whose day-before email went out, and whose day has since
 * changed (a conference moved, cancelled, declined or added), gets a short note listing the
 * changes. Before sending, the new day is recorded with "sending"; cut off there, the day already
 * matches and the note is never sent twice.
 */
function sendChangeNotes(
  conferences: TeacherConference[],
  emails: Map<string, string>,
  days: { today: string; tomorrow: string },
  recorded: Record<string, string>,
  run: { stamp: string; quota: number; settings: Settings; outOfTime: () => boolean },
): { sent: number; problems: Problem[] } {
  const props = documentProperties();
  const problems: Problem[] = [];
  let { quota } = run;
  let sent = 0;
  for (const [key, value] of Object.entries(recorded)) {
    if (!key.startsWith('slc:teacherseen:')) continue;
    const [email = '', date = ''] = key.replace('slc:teacherseen:', '').split('|');
    if (date !== days.today && date !== days.tomorrow) continue;
    const seen = parseJson<Seen>(value);
    if (!seen) continue;
    const mine = conferences.filter(
      (c) => c.date === date && (emails.get(nameKey(c.teacher)) ?? '').toLowerCase() === email,
    );
    const now = dayDigest(mine);
    const changes = dayChanges(seen.told, now);
    if (changes.length === 0) continue;
    if (run.outOfTime() || quota < 1) break;
    props.setProperty(key, JSON.stringify({ told: now, note: `sending ${run.stamp}` }));
    try {
      mailOne(
        email,
        dayChangeMessage(mine[0]?.teacher ?? email, date, changes, run.settings.schoolName),
        run.settings,
      );
    } catch (e) {
      const failure = mailFailure(e);
      if (failure !== 'refused') {
        props.setProperty(key, value);
        if (failure === 'quota') break;
        throw e;
      }
      props.setProperty(key, JSON.stringify({ told: now, note: `refused: ${failureText(e)}` }));
      problems.push({
        severity: 'warning',
        message: `Google refused the "what changed" note to ${email} (${failureText(e)}). Tell them their day on ${date} changed.`,
      });
      continue;
    }
    props.setProperty(key, JSON.stringify({ told: now, note: `sent ${run.stamp}` }));
    quota--;
    sent++;
  }
  return { sent, problems };
}
