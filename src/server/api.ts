/**
 * The functions the sidebar calls (google.script.run). Each one checks its arguments, runs,
 * and answers with a Result envelope: a UserError becomes { ok: false, error } with its cell
 * reference intact (a thrown Error would reach the sidebar as a bare message). Anything else is
 * a bug or a Google outage: it is logged and answered with a sentence that says nothing was lost.
 */
import { UserError } from '../core/errors';
import {
  type ApiError,
  ATTENDANCE,
  type Attendance,
  type CellRef,
  type CheckIn,
  type CheckInConference,
  FOLLOWUP_MARKS,
  type FollowUpStatus,
  type FollowUpsView,
  JOBS,
  type JobName,
  type JobProgress,
  type Overview,
  type Problem,
  type Result,
  type SchedulePreview,
  type ServerApi,
  type Settings,
  type SettingsView,
} from '../shared/api';
import {
  openedOnce,
  QUOTA_RENEWS,
  runChunk,
  type JobSpec,
  withDocumentLock,
} from '../workspace/jobs';
import { buildOverview } from '../workspace/overview';
import {
  readSchool,
  readSettings,
  saveSettings,
  schoolZone,
  spreadsheetZone,
} from '../workspace/data';
import { forgetRemindersIdle } from '../workspace/props';
import { dayIn } from '../core/zone';
import { isLanguageCode, LANGUAGE_NAMES, languageName } from '../core/normalize';
import { SETUP_JOB } from '../workspace/setup';
import { planSchedule, SCHEDULE_JOB } from '../workspace/schedule';
import { VIEWS_JOB } from '../workspace/views';
import { INVITES_JOB } from '../workspace/invites';
import { REMINDERS_JOB } from '../workspace/reminders';
import { ASK_AGAIN_JOB, ASK_JOB } from '../workspace/ask';
import { FORMS_JOB, QUESTIONNAIRE_JOB } from '../workspace/forms';
import { SUMMARY_JOB } from '../workspace/summary';
import { roundPackets } from '../workspace/packets';
import { paperLetters } from '../workspace/letters';
import { WAITLIST_JOB } from '../workspace/waitlist';
import { NOSHOW_OFFER_JOB } from '../workspace/noshow';
import { WAITLIST_OFFER_JOB } from '../workspace/waitoffers';
import { TEACHER_DAY_JOB } from '../workspace/teacherday';
import { FOLLOWUPS_JOB, openFollowUps, setFollowUpStatus } from '../workspace/followups';
import { checkInView, markAttendance } from '../workspace/checkin';
import { roundStudentLinks, STUDENT_FORMS_JOB } from '../workspace/studentforms';
import { PREP_NUDGE_JOB } from '../workspace/prepnudge';
import { args, v } from './validate';
import {
  MESSAGE_KIND_NAMES,
  type MessageKindName,
  type Packet,
  type PaperLetter,
  type StudentLink,
  type MessageTemplate,
  type TemplatePreview,
  type TemplateView,
} from '../shared/api';
import { saveTemplate } from '../workspace/messages';
import { previewFor, templateView } from '../workspace/templatepanel';
import {
  nothingToRemindYet,
  REMINDERS_JOB as REMINDERS,
  reminderTrigger,
  setReminderTrigger,
} from '../workspace/reminders';
import { forgetDocument, refreshReminderRecord, tellOwnerRemindersDue } from '../workspace/clock';

// --- Messages, languages and reminders ---
const messageKind = v.oneOf(MESSAGE_KIND_NAMES);
const languageCode: (value: unknown, name: string) => string = (value, name) => {
  if (isLanguageCode(value)) return value;
  throw new UserError(
    `The add-on received an invalid ${name} (expected a language code the add-on knows). Reload the sidebar and try again.`,
  );
};
const messageTemplate = v.object<{ subject: string; body: string }>({
  subject: v.text(250, 'one line'),
  body: v.text(5000, 'lines'),
});
const onOff = (value: unknown, name: string): boolean => {
  if (typeof value === 'boolean') return value;
  throw new UserError(
    `The add-on received an invalid ${name} (expected true or false). Reload the sidebar and try again.`,
  );
};

/**
 * A trigger's chunk may use most of the six minutes: nobody waits for its progress bar (the
 * sidebar's chunks stop at 45 s to keep it moving). The margin covers the send in progress and
 * the write-back of what was sent.
 */
export const TRIGGER_BUDGET_MS = 4 * 60_000;

/**
 * The hourly trigger's work: one chunk of the reminders job, as the trigger's user. Run without
 * its spreadsheet (docs/EMULATOR.md row 17), it can only tell its owner that reminders are due
 * (src/workspace/clock.ts).
 */
export function sendDueRemindersFromTrigger(triggerUid?: string): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (!ss) {
      tellOwnerRemindersDue(triggerUid);
      return;
    }
    // Most hours nothing falls due: a few calls decide that, without the lock or the Roster.
    if (nothingToRemindYet(ss)) return;
    runChunk(REMINDERS, { via: 'trigger', budgetMs: TRIGGER_BUDGET_MS, spreadsheet: () => ss });
  } catch (e) {
    // A trigger has nobody to answer: log it (Apps Script's executions page shows it), try next hour.
    console.error(toApiError(e).message);
  }
}

function toApiError(e: unknown): ApiError {
  if (e instanceof UserError)
    return e.where ? { message: e.message, where: e.where } : { message: e.message };
  // Duck-typed: errors thrown by Google's services need not share this script's Error realm.
  const text =
    typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
      ? (e as Error).message
      : String(e);
  console.error(text);
  if (/too many times for one day/i.test(text)) {
    return {
      message: `Google's daily limit was reached (${text}). Everything done so far is saved. ${QUOTA_RENEWS}: continue then.`,
    };
  }
  if (/too many calendars or calendar events in a short time/i.test(text)) {
    return {
      message: `Google asked us to slow down (${text}). Everything done so far is saved; try again in a few minutes and it continues where it stopped.`,
    };
  }
  return {
    message: `Something went wrong in Google's services: ${text}. Nothing done so far was lost; try again.`,
  };
}

function expose<T>(body: () => T): Result<T> {
  try {
    return { ok: true, value: body() };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/** Every API function: the shared signature, but the arguments arrive unchecked. */
type Exposed = { [K in keyof ServerApi]: (...a: unknown[]) => Result<ReturnType<ServerApi[K]>> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const JOB_SPECS: Record<JobName, JobSpec<any>> = {
  setup: SETUP_JOB,
  schedule: SCHEDULE_JOB,
  views: VIEWS_JOB,
  invites: INVITES_JOB,
  reminders: REMINDERS_JOB,
  forms: FORMS_JOB,
  ask: ASK_JOB,
  'ask-again': ASK_AGAIN_JOB,
  questionnaire: QUESTIONNAIRE_JOB,
  summary: SUMMARY_JOB,
  waitlist: WAITLIST_JOB,
  teachers: TEACHER_DAY_JOB,
  followups: FOLLOWUPS_JOB,
  'student-forms': STUDENT_FORMS_JOB,
  'prep-nudge': PREP_NUDGE_JOB,
  'noshow-offer': NOSHOW_OFFER_JOB,
  'waitlist-offer': WAITLIST_OFFER_JOB,
};

const cellRef = v.object<{
  sheet: string;
  row: number;
  column: number;
  numRows: number | undefined;
  numColumns: number | undefined;
}>({
  sheet: v.string(100),
  row: v.integer(1, 10_000_000),
  column: v.integer(1, 18_278),
  numRows: v.optional(v.integer(1, 10_000_000)),
  numColumns: v.optional(v.integer(1, 18_278)),
});

function selectCell(where: CellRef): CellRef {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(where.sheet);
  if (!sheet)
    throw new UserError(
      `There is no sheet named "${where.sheet}" any more. Run Set up to create it again.`,
    );
  const numRows = where.numRows ?? 1;
  const numColumns = where.numColumns ?? 1;
  if (
    where.row + numRows - 1 > sheet.getMaxRows() ||
    where.column + numColumns - 1 > sheet.getMaxColumns()
  ) {
    throw new UserError(
      `${where.sheet} no longer reaches row ${where.row}, column ${where.column}; the sheet may have changed since the check. Run the check again.`,
    );
  }
  sheet.getRange(where.row, where.column, numRows, numColumns).activate();
  return { sheet: where.sheet, row: where.row, column: where.column, numRows, numColumns };
}

const COMMON_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Toronto',
  'America/Mexico_City',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
  'UTC',
];

function settingsView(): SettingsView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const zones = [...new Set([settings.timeZone, spreadsheetZone(ss), ...COMMON_ZONES])];
  return {
    settings,
    languages: Object.keys(LANGUAGE_NAMES).map((code) => ({ code, name: languageName(code) })),
    timeZones: zones,
  };
}

export const api: Exposed = {
  getOverview: (...a): Result<Overview> =>
    expose(() => {
      args(a);
      return buildOverview();
    }),
  selectCell: (...a): Result<CellRef> =>
    expose(() => {
      const [where] = args<[CellRef]>(a, ['cell', cellRef]);
      return selectCell(where);
    }),
  getProblems: (...a): Result<Problem[]> =>
    expose(() => {
      const [step] = args<['roster' | 'days']>(a, ['step', v.oneOf(['roster', 'days'] as const)]);
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const settings = readSettings(ss);
      const data = readSchool(ss, settings, dayIn(new Date(), schoolZone(ss, settings)));
      return (step === 'roster' ? data.roster?.problems : data.teachers?.problems) ?? [];
    }),
  previewSchedule: (...a): Result<SchedulePreview> =>
    expose(() => {
      args(a);
      return planSchedule().preview;
    }),
  getPackets: (...a): Result<Packet[]> =>
    expose(() => {
      args(a);
      return roundPackets();
    }),
  getPaperLetters: (...a): Result<PaperLetter[]> =>
    expose(() => {
      args(a);
      return paperLetters();
    }),
  getStudentLinks: (...a): Result<StudentLink[]> =>
    expose(() => {
      args(a);
      return roundStudentLinks();
    }),
  getSettings: (...a): Result<SettingsView> =>
    expose(() => {
      args(a);
      return settingsView();
    }),
  saveSettings: (...a): Result<Settings> =>
    expose(() => {
      if (a.length !== 1 || typeof a[0] !== 'object' || a[0] === null || Array.isArray(a[0]))
        throw new UserError(
          'The add-on received invalid settings. Reload the sidebar and try again.',
        );
      return withDocumentLock('settings', 'saving the settings', 'sidebar', () =>
        saveSettings(a[0] as Record<string, unknown>),
      );
    }),
  getTemplate: (...a): Result<TemplateView> =>
    expose(() => {
      const [kind, language] = args<[MessageKindName, string]>(
        a,
        ['kind', messageKind],
        ['language', languageCode],
      );
      return templateView(kind, language);
    }),
  previewTemplate: (...a): Result<TemplatePreview> =>
    expose(() => {
      const [kind, language, template, conferenceId] = args<
        [MessageKindName, string, MessageTemplate, string]
      >(
        a,
        ['kind', messageKind],
        ['language', languageCode],
        ['template', messageTemplate],
        ['conference', v.string(100)],
      );
      return previewFor(kind, language, template, conferenceId);
    }),
  saveTemplate: (...a): Result<MessageTemplate> =>
    expose(() => {
      const [kind, language, template] = args<[MessageKindName, string, MessageTemplate]>(
        a,
        ['kind', messageKind],
        ['language', languageCode],
        ['template', messageTemplate],
      );
      return withDocumentLock('templates', 'saving a message template', 'sidebar', () =>
        saveTemplate(kind, language, template),
      );
    }),
  setReminders: (...a): Result<boolean> =>
    expose(() => {
      const [on] = args<[boolean]>(a, ['on', onOff]);
      return withDocumentLock('reminders-trigger', 'turning reminders on or off', 'sidebar', () => {
        const ss = SpreadsheetApp.getActiveSpreadsheet();
        const before = reminderTrigger(ss)?.getUniqueId();
        const result = setReminderTrigger(on);
        forgetRemindersIdle();
        if (on) refreshReminderRecord(ss, readSettings(ss));
        else if (before) forgetDocument(before);
        return result;
      });
    }),
  getCheckIn: (...a): Result<CheckIn> =>
    expose(() => {
      const [teacher, day] = args<[string, string | undefined]>(
        a,
        ['teacher', v.string(200)],
        ['day', v.optional(v.string(10))],
      );
      return checkInView(teacher, day);
    }),
  markAttendance: (...a): Result<CheckInConference> =>
    expose(() => {
      const [conferenceId, status] = args<[string, Attendance]>(
        a,
        ['conference', v.string(100)],
        ['attendance', v.oneOf(ATTENDANCE)],
      );
      return withDocumentLock('check-in', 'marking attendance', 'sidebar', () =>
        markAttendance(conferenceId, status),
      );
    }),
  getFollowUps: (...a): Result<FollowUpsView> =>
    expose(() => {
      args(a);
      return openFollowUps();
    }),
  setFollowUpStatus: (...a): Result<FollowUpsView> =>
    expose(() => {
      const [request, status] = args<[string, FollowUpStatus]>(
        a,
        ['request', v.string(200)],
        ['status', v.oneOf(FOLLOWUP_MARKS)],
      );
      return withDocumentLock('followup-status', 'closing a follow-up request', 'sidebar', () => {
        setFollowUpStatus(request, status);
        return openFollowUps();
      });
    }),
  runJob: (...a): Result<JobProgress> =>
    expose(() => {
      const [job] = args<[JobName]>(a, ['operation', v.oneOf(JOBS)]);
      const spreadsheet = openedOnce();
      const progress = runChunk(JOB_SPECS[job], { spreadsheet });
      // New conference times, or reminders just sent: what the hourly trigger remembers follows.
      if (progress.done && (job === 'schedule' || job === 'reminders')) {
        refreshReminderRecord(spreadsheet());
      }
      return progress;
    }),
};
