/**
 * The sidebar's picture of the round: one state per step, from as few reads as possible
 * (the sheet list, each sheet's last row, the document properties).
 */
import { inRound } from '../core/rounds';
import { conferencesInWindow } from '../shared/windows';
import { prepForRound, readinessByTeacher, readStudentPrep } from '../core/prep';
import { SHEETS, STUDENT_PREP } from '../core/schema';
import { ADDON_TITLE, type JobName, type Overview, type StepState } from '../shared/api';
import { unfinishedJobs } from './jobs';
import { readSchool, readSettings, spreadsheetZone } from './data';
import { dayIn, wallClockIn, zoneWarning } from '../core/zone';
import { readScheduleSheet } from '../core/schedule/sheet';
import { documentProperties, PROP } from './props';
import type { Problem } from '../shared/api';
import { invitesStep } from './invites';
import { availabilityStep, questionnaireStep } from './forms';
import { remindersStep } from './reminders';
import { summaryStep } from './summary';
import { plural, step, type StepContext } from './steps';
import { sheetMemo } from './reads';
import { readFormsState } from '../core/formlinks';
import { readStudentFormsState } from '../core/studentforms';
import { ASKED_PREFIX } from './ask';
import { freedTimes, offerCounts, takenKey } from '../core/waitoffers';
import { schoolNow } from './waitoffers';

/** The sidebar shows this many problems per step; the count says how many there are. */
export const PROBLEMS_SHOWN = 25;

function errorsFirst(problems: Problem[]): Problem[] {
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
}

export const JOB_LABELS: Record<JobName, string> = {
  setup: 'Setting up the sheets',
  schedule: 'Building the schedule',
  views: "Making the teachers' print views",
  invites: 'Sending the invitations',
  reminders: 'Sending reminders',
  forms: 'Creating the forms',
  ask: 'Asking families when they can come',
  'ask-again': 'Asking families again',
  questionnaire: 'Sending the questionnaire',
  summary: 'Rebuilding the summary',
  waitlist: 'Telling waitlisted families',
  teachers: "Sending the teachers' day-before emails",
  followups: 'Listing follow-up requests',
  'student-forms': 'Creating the student prep form',
  'prep-nudge': 'Emailing students their prep link',
  'noshow-offer': 'Offering another time to families who did not come',
  'waitlist-offer': 'Offering freed times to the waiting list',
};

export function buildOverview(): Overview {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const present = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const missing = SHEETS.filter((s) => !present.has(s.name)).map((s) => s.name);
  const rows = (name: string) => {
    const sheet = present.get(name);
    return sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
  };
  const ready = missing.length === 0;
  const conferences = ready ? rows('Schedule') : 0;
  const props = documentProperties().getProperties();
  const settings = readSettings(ss, props[PROP.settings] ?? null);
  const today = dayIn(new Date(), spreadsheetZone(ss));
  const read = sheetMemo(ss, new Set(present.keys())).read;
  const schedule = ready
    ? readScheduleSheet(read('Schedule') ?? [], wallClockIn(spreadsheetZone(ss)))
    : null;
  // Once the conference days are over, their dates are in the past: that is the round done.
  const held = new Set(
    (schedule?.rows ?? []).flatMap((r) =>
      inRound(r.round, settings.roundName) && r.date ? [r.date] : [],
    ),
  );
  const data = ready ? readSchool(ss, settings, today, read, props, held) : null;

  const rosterStep = (): StepState => {
    if (!data)
      return step('roster', {
        status: 'todo',
        headline: 'Waits for set-up.',
        next: 'Set up the sheets first.',
      });
    const r = data.roster;
    if (!r || r.rowsRead === 0) {
      return step('roster', {
        status: 'ready',
        headline: 'The Roster sheet is empty.',
        next: 'Paste your student export into the Roster sheet, headers in row 1. Column names such as "Student Name", "Homeroom" and "Parent Email" are understood.',
      });
    }
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    const warnings = r.problems.length - errors;
    const byLetter = r.families.filter((f) => f.contacts.length === 0).length;
    const letterNote = byLetter
      ? ` ${plural(byLetter, 'family', 'families')} without email ${byLetter === 1 ? 'gets' : 'get'} a printed letter (Letters sheet) and ${byLetter === 1 ? 'is' : 'are'} on the phone list instead of emails and invitations.`
      : '';
    return step('roster', {
      status: errors > 0 ? 'attention' : 'done',
      headline:
        errors > 0
          ? `${plural(r.students.length, 'student')} ready; ${plural(r.rowsRejected, 'row')} cannot be imported yet.`
          : `${plural(r.students.length, 'student')} in ${plural(r.families.length, 'family', 'families')}, ready to schedule.`,
      counts: [
        { label: 'students', value: r.students.length },
        { label: 'families', value: r.families.length },
        { label: 'families with siblings', value: r.siblingFamilies },
        { label: 'needing an interpreter', value: r.families.filter((f) => f.interpreter).length },
        { label: 'families by letter and phone', value: byLetter },
        { label: 'rows not imported', value: r.rowsRejected },
        { label: 'warnings', value: warnings },
      ],
      problems: errorsFirst(r.problems).slice(0, PROBLEMS_SHOWN),
      problemCount: r.problems.length,
      next:
        errors > 0
          ? 'Fix the rows listed (click one to go to its cell), then check again. Rows with problems are left out until fixed; nothing in your sheet is changed.'
          : `Check the conference days next.${letterNote}`,
    });
  };

  const daysStep = (): StepState => {
    if (!data)
      return step('days', {
        status: 'todo',
        headline: 'Waits for set-up.',
        next: 'Set up the sheets first.',
      });
    const t = data.teachers;
    if (!t || t.rowsRead === 0) {
      return step('days', {
        status: 'ready',
        headline: 'No teacher windows yet.',
        next: 'On the Teachers sheet, add one row per teacher, day and time window (with room and how many families at once).',
      });
    }
    const errors = t.problems.filter((p) => p.severity === 'error').length;
    const days = [...new Set(t.windows.map((w) => w.date))].sort();
    const places = t.windows.reduce(
      (n, w) =>
        n +
        w.capacity *
          conferencesInWindow(w, settings.conferenceMinutes, settings.changeoverMinutes ?? 0),
      0,
    );
    return step('days', {
      status: errors > 0 ? 'attention' : 'done',
      headline: `${plural(t.teachers.length, 'teacher')}, ${plural(t.windows.length, 'window')} on ${plural(days.length, 'day')}${days.length ? ` (${days.join(', ')})` : ''}.`,
      counts: [
        { label: 'teachers', value: t.teachers.length },
        { label: 'windows', value: t.windows.length },
        { label: `places of ${settings.conferenceMinutes} min`, value: places },
      ],
      problems: errorsFirst(t.problems).slice(0, PROBLEMS_SHOWN),
      problemCount: t.problems.length,
      next:
        errors > 0
          ? 'Fix the windows listed, then check again.'
          : conferences === 0 && !readFormsState(props).availability
            ? 'Ask the families when they can come next (step 4, Family availability): create the family forms, email each family its link and give them a few days before you build the schedule.'
            : conferences === 0 && !Object.keys(props).some((k) => k.startsWith(ASKED_PREFIX))
              ? 'Ask the families when they can come (step 4, Family availability) and give them a few days, then build the schedule.'
              : 'Build the schedule next.',
    });
  };

  const scheduleStep = (): StepState => {
    const rosterOk = data?.roster && data.roster.students.length > 0;
    const daysOk = data?.teachers && data.teachers.windows.length > 0;
    if (!rosterOk || !daysOk) {
      return step('schedule', {
        status: 'todo',
        headline:
          conferences === 0
            ? 'No conferences scheduled yet.'
            : `${plural(conferences, 'row')} on the Schedule.`,
        next: 'Import the roster and the teachers’ windows first.',
      });
    }
    if (conferences === 0) {
      return step('schedule', {
        status: 'ready',
        headline: 'No conferences scheduled yet.',
        next: 'Preview the schedule to see who fits where and why anyone does not, then build it. Nothing is written until you build.',
        action: { job: 'schedule', label: 'Build the schedule' },
      });
    }
    const thisRound = (schedule?.rows ?? []).filter(
      (r) => inRound(r.round, settings.roundName) && r.status !== 'cancelled',
    );
    const placed = new Set(thisRound.flatMap((r) => r.studentIds));
    const waiting = data!.roster!.students.filter((s) => !placed.has(s.id));
    // Cancelled and declined conferences whose time no waitlisted family has taken yet.
    const freedToOffer = freedTimes(schedule?.rows ?? [], settings.roundName, schoolNow(ss)).filter(
      (f) => !(takenKey(settings.roundName, f.conferenceId) in props),
    ).length;
    const { offers, accepted } = offerCounts(props, settings.roundName);
    // Once students prepare this round (the Student Prep sheet), each teacher's "18 of 25 ready".
    const prep = prepForRound(readStudentPrep(read(STUDENT_PREP.name)), settings.roundName);
    const prepForm = !!readStudentFormsState(props).prep?.[settings.roundName];
    const readiness =
      prep.size > 0 || prepForm
        ? readinessByTeacher(data!.roster!.students, prep).map((t) => ({
            label: `${t.teacher}: ready to lead (of ${t.total})`,
            value: t.ready,
          }))
        : [];
    return step('schedule', {
      status: waiting.length > 0 ? 'attention' : 'done',
      headline: `${plural(thisRound.length, 'conference')} in the ${settings.roundName} round${waiting.length ? `; ${plural(waiting.length, 'student')} not placed yet` : ', every student placed'}.`,
      counts: [
        { label: 'conferences', value: thisRound.length },
        { label: 'students placed', value: data!.roster!.students.length - waiting.length },
        { label: 'not placed yet', value: waiting.length },
        ...(offers > 0
          ? [
              { label: 'freed-time offers out', value: offers },
              { label: 'accepted from the waiting list', value: accepted },
            ]
          : []),
        ...readiness,
      ],
      problems: waiting.slice(0, 5).map((s) => ({
        severity: 'warning' as const,
        message: `${s.firstName} ${s.lastName} (${s.teacher}) has no conference yet. Preview the schedule to see why.`,
        where: { sheet: 'Roster', row: s.row, column: 1 },
      })),
      problemCount: waiting.length,
      next: 'Edit the Schedule sheet freely: move times, tick Locked to keep a conference, mark attendance. Rebuilding keeps locked and invited conferences and your notes.',
      action: { job: 'schedule', label: 'Rebuild the schedule' },
      more: [
        { job: 'views', label: 'Make print views (a tab per teacher)' },
        ...(waiting.length > 0
          ? [{ job: 'waitlist', label: 'Tell the waitlisted families' } as const]
          : []),
        ...(freedToOffer > 0 && waiting.length > 0
          ? [
              {
                job: 'waitlist-offer',
                label: `Offer freed times to the waiting list (${freedToOffer})`,
              } as const,
            ]
          : []),
        prepForm
          ? { job: 'prep-nudge', label: 'Email the prep link to students not ready' }
          : { job: 'student-forms', label: 'Create the student prep form' },
      ],
    });
  };

  const later: StepContext = {
    ss,
    present,
    settings,
    props,
    data,
    conferences,
    schedule,
    read,
    today,
  };
  const steps: StepState[] = [
    ready
      ? step('setup', {
          status: 'done',
          headline: `All ${SHEETS.length} sheets are in place.`,
          next: 'Run it again any time: it only adds what is missing.',
          action: { job: 'setup', label: 'Check the sheets again' },
        })
      : step('setup', {
          status: 'ready',
          headline: `${plural(missing.length, 'sheet')} to create: ${missing.join(', ')}.`,
          next: 'Create the sheets the add-on works from. Nothing you already have is changed.',
          action: { job: 'setup', label: 'Set up the sheets' },
        }),
    rosterStep(),
    daysStep(),
    availabilityStep(later),
    scheduleStep(),
    invitesStep(later),
    remindersStep(later),
    questionnaireStep(later),
    summaryStep(later),
  ];
  // A zone the runtime lacks is worked out in UTC; the first step says so, naming the zone.
  const zoneProblems = [...new Set([spreadsheetZone(ss), settings.timeZone])].flatMap((zone) => {
    const message = zone ? zoneWarning(zone) : null;
    return message ? [{ message, severity: 'warning' as const }] : [];
  });
  if (zoneProblems.length > 0) {
    const first = steps[0]!;
    first.problems = [...zoneProblems, ...first.problems];
    first.problemCount += zoneProblems.length;
  }
  const unfinished = unfinishedJobs(props, JOB_LABELS);
  for (const u of unfinished) {
    const s = steps.find((x) => x.action?.job === u.job);
    if (s) {
      s.status = 'working';
      s.headline = u.message;
      s.action = { job: u.job, label: 'Continue' };
    }
  }
  return {
    title: ADDON_TITLE,
    schoolName: settings.schoolName,
    timeZone: settings.timeZone,
    steps,
    unfinished,
  };
}
