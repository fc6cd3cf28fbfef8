/**
 * The sidebar's picture of the round: one state per step, from as few reads as possible
 * (the sheet list, each sheet's last row, the document properties).
 */
import { inRound } from '../core/rounds';
import { prepForRound, readStudentPrep } from '../core/prep';
import { SHEETS, STUDENT_PREP } from '../core/schema';
import {
  ADDON_TITLE,
  type JobName,
  type Overview,
  type Problem,
  type StepState,
} from '../shared/api';
import { unfinishedJobs } from './jobs';
import { cellWallClock, readSchool, readSettings, schoolZone, spreadsheetZone } from './data';
import { dayIn } from '../core/zone';
import { readScheduleSheet, scheduleRowProblems } from '../core/schedule/sheet';
import { familyIds } from '../core/familyshown';
import type { RosterResult } from '../core/roster';
import { documentProperties, PROP } from './props';
import { invitesState } from './invites';
import { availabilityState, questionnaireState } from './forms';
import { remindersState } from './reminders';
import { summaryState } from './summary';
import type { StepContext } from './steps';
import {
  asShown,
  daysStep,
  rosterStep,
  scheduleNotBuilt,
  scheduleStep,
  setupStep,
  waitsForSetup,
} from '../core/steps';
import { sheetMemo } from './reads';
import { readFormsState } from '../core/formlinks';
import { readStudentFormsState } from '../core/studentforms';
import { ASKED_PREFIX } from '../core/ask';
import { freedTimes, offerCounts, takenKey } from '../core/waitoffers';
import { schoolNow } from './waitoffers';
import { rosterContacts, scheduleUnlisted } from '../core/recipients';
import { standInAddresses } from './standin';
import { recordPending } from './responses';

type ScheduleRows = ReturnType<typeof readScheduleSheet>;

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
  let props = documentProperties().getProperties();
  // Answers whose trigger could not record them (another editor's job held the document) are
  // recorded first: a student who prepared counts as ready.
  if (recordPending(props, { locked: false })) props = documentProperties().getProperties();
  const present = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const missing = SHEETS.filter((s) => !present.has(s.name)).map((s) => s.name);
  const rows = (name: string) => {
    const sheet = present.get(name);
    return sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
  };
  const ready = missing.length === 0;
  const conferences = ready ? rows('Schedule') : 0;
  const settings = readSettings(ss, props[PROP.settings] ?? null);
  const today = dayIn(new Date(), schoolZone(ss, settings));
  const read = sheetMemo(ss, new Set(present.keys())).read;
  // Only the conferences' rounds and dates are read here, no Family ID.
  const schedule = ready ? readScheduleSheet(read('Schedule') ?? [], cellWallClock(ss), []) : null;
  // Once the conference days are over, their dates are in the past: that is the round done.
  const held = new Set(
    (schedule?.rows ?? []).flatMap((r) =>
      inRound(r.round, settings.roundName) && r.date ? [r.date] : [],
    ),
  );
  const data = ready ? readSchool(ss, settings, today, read, props, held) : null;

  /** Addresses typed on the Schedule the Roster does not list with the children (the Family ID cells resolved for the stand-ins). */
  const unlistedOnSchedule = (rows: ScheduleRows, roster: RosterResult): Problem[] => {
    const ids = familyIds(roster.families);
    const standIn = standInAddresses(ss, settings.roundName, () => roster, read);
    return scheduleUnlisted(
      rows,
      settings.roundName,
      rosterContacts(roster.students),
      'not invited or emailed',
      (shown) => standIn(ids.read(shown)),
    );
  };
  const scheduleState = (): StepState => {
    const inputsReady = !!data?.roster?.students.length && !!data.teachers?.windows.length;
    const before = scheduleNotBuilt(
      conferences,
      inputsReady,
      !!readStudentFormsState(props).prep?.[settings.roundName],
    );
    if (before) return before;
    const rows = schedule?.rows ?? [];
    return scheduleStep({
      students: data!.roster!.students,
      rows,
      roundName: settings.roundName,
      // Cancelled and declined conferences whose time no waitlisted family has taken yet.
      freedToOffer: freedTimes(rows, settings.roundName, schoolNow(ss, settings)).filter(
        (f) => !(takenKey(settings.roundName, f.conferenceId) in props),
      ).length,
      offers: offerCounts(props, settings.roundName),
      prep: prepForRound(readStudentPrep(read(STUDENT_PREP.name)), settings.roundName),
      prepForm: !!readStudentFormsState(props).prep?.[settings.roundName],
      rowProblems: schedule
        ? scheduleRowProblems(schedule, settings.roundName, data?.teachers?.windows ?? [])
        : [],
      unlisted: schedule ? unlistedOnSchedule(schedule, data!.roster!) : [],
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
    setupStep(missing, SHEETS.length),
    data ? rosterStep(data.roster) : waitsForSetup('roster'),
    data
      ? daysStep(data.teachers, settings, {
          conferences,
          availabilityForm: !!readFormsState(props).availability,
          asked: Object.keys(props).some((k) => k.startsWith(ASKED_PREFIX)),
        })
      : waitsForSetup('days'),
    availabilityState(later),
    scheduleState(),
    invitesState(later),
    remindersState(later),
    questionnaireState(later),
    summaryState(later),
  ];
  const unfinished = unfinishedJobs(props, JOB_LABELS);
  return {
    title: ADDON_TITLE,
    schoolName: settings.schoolName,
    timeZone: settings.timeZone,
    steps: asShown(
      steps,
      { spreadsheet: spreadsheetZone(ss), school: settings.timeZone },
      unfinished,
    ),
    unfinished,
  };
}
