/**
 * Nudging the students who have not prepared for the round (or, once their conference is over,
 * not reflected on it): each one whose Roster row gives their own school account (Student Email)
 * gets one email with their own prep (or reflection) link, at most once a
 * school day, however often the button is pressed and by however many editors. Nothing goes to a
 * family's address.
 *
 * Each email is recorded in document properties under its round, student and day: "sending"
 * before MailApp is called, "sent" after. A run cut off in between finds "sending" and never
 * sends that email again that day (the step's warning names the student, to check).
 */
import { UserError } from '../core/errors';
import { isPrepared, prepForRound, readStudentPrep } from '../core/prep';
import { STUDENT_PREP } from '../core/schema';
import { readReflections } from '../core/goals';
import { inRound } from '../core/rounds';
import { attendedBefore, nothingAhead } from '../core/questionnaire';
import { readScheduleSheet } from '../core/schedule/sheet';
import { REFLECTIONS, SCHEDULE } from '../core/schema';
import {
  type StudentFormKind,
  prepNudgeKey,
  prepNudgeMessage,
  STUDENT_CODE_PREFIX,
  studentLinks,
} from '../core/studentforms';
import { ensureFamilyCodes } from './forms';
import { recordPending } from './responses';
import type { Problem } from '../shared/api';
import { cellWallClock, readSettings, readSheet, schoolZone } from './data';
import { dayIn, stampIn } from '../core/zone';
import type { ChunkResult, JobSpec } from './jobs';
import { rosterForMessages, sendJournaled } from './mailer';
import { documentProperties } from './props';
import { plural } from './steps';

interface NudgeState {
  sent: number;
}

export const PREP_NUDGE_JOB: JobSpec<NudgeState> = {
  name: 'prep-nudge',
  label: 'emailing the prep link to students who have not prepared',
  start: () => ({ sent: 0 }),
  step(state, ctx): ChunkResult<NudgeState> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = readSettings(ss);
    const round = settings.roundName;
    const tz = schoolZone(ss, settings);
    const now = ctx.now();
    const day = dayIn(now, tz);
    const props = documentProperties();
    let recorded = props.getProperties();
    const students = rosterForMessages(ss, settings, recorded)?.students ?? [];
    // A student added to the Roster since the prep form was made gets their code now.
    const ids = students.map((s) => s.id);
    if (ensureFamilyCodes(ids, recorded, STUDENT_CODE_PREFIX)) recorded = props.getProperties();
    const links = new Map(
      studentLinks(
        recorded,
        round,
        students.map((s) => ({
          id: s.id,
          name: s.firstName,
          teacher: s.teacher,
          language: s.language,
          email: s.email ?? '',
        })),
      ).map((l) => [l.studentId, l]),
    );
    if (links.size === 0)
      throw new UserError(
        `There is no ${round} student prep form yet: create it first, then nudge the students.`,
      );
    // An answer whose trigger could not record it (another editor's job held the document)
    // counts: the student who prepared (or reflected) is not nudged.
    recordPending(recorded, { locked: true });
    const prep = prepForRound(readStudentPrep(readSheet(ss, STUDENT_PREP.name)), round);
    // A student whose conference this round was held (marked attended) is asked to reflect
    // instead, until they have; one whose conference did not happen is still asked to prepare.
    // Students, rounds and dates: no Family ID is read.
    const schedule = readScheduleSheet(readSheet(ss, SCHEDULE.name) ?? [], cellWallClock(ss), []);
    const over = new Set(
      schedule.rows.filter((r) => attendedBefore(r, round, day)).flatMap((r) => r.studentIds),
    );
    const reflected = new Set(
      readReflections(readSheet(ss, REFLECTIONS.name))
        .filter((r) => inRound(r.round, round))
        .map((r) => r.studentId),
    );
    // Nothing ahead (a no-show, declined or moved conference, no new time yet): no prep email.
    const missed = nothingAhead(schedule.rows, round, day);
    const kindOf = (id: string): StudentFormKind => (over.has(id) ? 'reflection' : 'prep');
    const linkOf = (id: string) =>
      kindOf(id) === 'prep' ? links.get(id)?.link : links.get(id)?.reflectionLink;
    const notReady = students.filter((s) =>
      over.has(s.id) ? !reflected.has(s.id) : !isPrepared(prep.get(s.id)) && !missed.has(s.id),
    );
    const noEmail = notReady.filter((s) => !s.email).length;
    const due = notReady.filter(
      (s) => s.email && linkOf(s.id) && !(prepNudgeKey(round, s.id, day) in recorded),
    );
    const problems: Problem[] = Object.keys(recorded)
      .filter((k) => k.startsWith(`slc:prep-nudge:${round}|`) && k.endsWith(`|${day}`))
      .filter((k) => recorded[k]!.startsWith('sending'))
      .map((k) => ({
        severity: 'warning',
        message: `The prep or reflection link email to student ${k.split('|')[1]} may not have gone out (the run was cut off while sending it). It is not sent again today; check with the student.`,
      }));
    const run = sendJournaled(
      due.map((s) => ({
        key: prepNudgeKey(round, s.id, day),
        to: s.email!,
        message: prepNudgeMessage(
          { firstName: s.firstName, language: s.language, link: linkOf(s.id)! },
          round,
          settings.schoolName,
          kindOf(s.id),
        ),
        refused: (why): Problem => ({
          severity: 'warning',
          where: { sheet: 'Roster', row: s.row, column: 1 },
          message: `Google refused the prep or reflection link email to ${s.firstName} ${s.lastName} (${why}). Check their Student Email on the Roster.`,
        }),
      })),
      stampIn(now, tz),
      settings,
      ctx.outOfTime,
    );
    const total = state.sent + run.sent;
    const waiting = run.waiting
      ? [
          `Google's daily email limit is reached: ${plural(run.waiting, 'student')} wait for the next nudge.`,
        ]
      : [];
    const paper = noEmail
      ? ` ${plural(noEmail, 'student')} not prepared (or, after the conference, not reflected) have no Student Email: hand them their slip from Print student prep links.`
      : '';
    const said = total
      ? `Emailed ${plural(total, 'student')} their own prep link (or, after their conference, their reflection link).`
      : `No student is due a prep or reflection link email now (${plural(notReady.length, 'student')} not ready; each is emailed at most once a day).`;
    return {
      state: { sent: total },
      done: !run.outOfTime,
      processed: total,
      total: run.outOfTime ? state.sent + due.length : total,
      message: run.outOfTime ? `${said} More to go…` : said + paper,
      problems: [
        ...waiting.map((message): Problem => ({ severity: 'warning', message })),
        ...problems,
        ...run.problems,
      ],
    };
  },
};
