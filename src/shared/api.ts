/**
 * What crosses google.script.run, shared by the server and the sidebar: one TypeScript type for
 * the whole API. Only plain JSON crosses: Apps Script refuses Date arguments and turns a result
 * holding a Date into null (https://developers.google.com/apps-script/guides/html/reference/run),
 * so times travel as ISO strings or as minutes.
 */
export const ADDON_TITLE = 'Student-Led Conferences';

/** The steps of the sidebar, in the order a school works through a round. */
export const STEPS = [
  { id: 'setup', title: 'Set up' },
  { id: 'roster', title: 'Roster' },
  { id: 'days', title: 'Conference days' },
  { id: 'availability', title: 'Family availability' },
  { id: 'schedule', title: 'Schedule' },
  { id: 'invites', title: 'Invites' },
  { id: 'reminders', title: 'Reminders' },
  { id: 'questionnaire', title: 'Questionnaire' },
  { id: 'summary', title: 'Summary' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

/** A place in the spreadsheet a person can be sent to (rows and columns from 1). */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
  numRows?: number;
  numColumns?: number;
}

/** Something the user should fix, with where. */
export interface Problem {
  message: string;
  where?: CellRef;
  severity: 'error' | 'warning';
}

/**
 * done: nothing left to do; ready: can be done now; todo: waits for an earlier step;
 * attention: problems to fix; working: an operation is part-way through.
 */
export type StepStatus = 'todo' | 'ready' | 'done' | 'attention' | 'working';

export interface StepAction {
  job: JobName;
  label: string;
}

export interface StepState {
  id: StepId;
  title: string;
  status: StepStatus;
  /** One sentence: where this step stands. */
  headline: string;
  counts: { label: string; value: number }[];
  /** The first problems (the sidebar shows a few; problemCount says how many there are). */
  problems: Problem[];
  problemCount: number;
  /** How many of them are errors, where the step knows (the others are warnings to check). */
  errorCount?: number;
  /** What to do next, in words. */
  next: string;
  action?: StepAction;
  /** Further operations the step offers (e.g. the teachers' print views). */
  more?: StepAction[];
}

export interface Overview {
  title: string;
  schoolName: string;
  timeZone: string;
  steps: StepState[];
  /** An operation left part-way (the sidebar was closed, or it stopped for quota). */
  unfinished: JobProgress[];
}

/**
 * The operations that may run longer than one execution: set-up, building the schedule,
 * syncing Calendar invitations, sending due reminders, creating the forms, asking families when
 * they can come, sending the questionnaire, rebuilding the Summary.
 */
export const JOBS = [
  'setup',
  'schedule',
  'views',
  'invites',
  'reminders',
  'forms',
  'ask',
  'ask-again',
  'questionnaire',
  'summary',
  'waitlist',
  'teachers',
  'followups',
  'student-forms',
  'prep-nudge',
  'noshow-offer',
  'waitlist-offer',
] as const;
export type JobName = (typeof JOBS)[number];

export interface JobProgress {
  job: JobName;
  label: string;
  done: boolean;
  processed: number;
  total: number;
  /** What happened or is happening, in words. */
  message: string;
  problems: Problem[];
}

/** Errors reach the sidebar as a sentence and, when it is about a cell, where. */
export interface ApiError {
  message: string;
  where?: CellRef;
}

/** Every API function returns this envelope, so a user-facing error keeps its cell reference. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What a schedule build would do, shown before anything is written. */
export interface SchedulePreview {
  students: number;
  placed: number;
  conferences: number;
  /** Locked or invited conferences kept as they were. */
  kept: number;
  unplaced: { studentId: string; name: string; teacher: string; reason: string; where?: CellRef }[];
  siblingFamilies: number;
  siblingsBackToBack: number;
  firstChoice: number;
  withPreferences: number;
  meanWaitMinutes: number;
  maxWaitMinutes: number;
  perTeacher: { teacher: string; conferences: number; places: number }[];
  /** The first few conferences, as a taste. */
  sample: { date: string; time: string; teacher: string; students: string }[];
  problems: Problem[];
}

/** The round's settings (validated on the server by core/settings.ts). */
export interface Settings {
  schoolName: string;
  /** IANA zone, e.g. America/New_York; defaults to the spreadsheet's. */
  timeZone: string;
  roundName: string;
  conferenceMinutes: number;
  /** A family's minutes between conferences in different rooms. */
  bufferMinutes: number;
  /** A teacher's minutes between their own conferences (0 when missing). */
  changeoverMinutes?: number;
  /** Reminders go this many hours before each conference. */
  reminderHoursBefore: number[];
  senderName: string;
  replyTo: string;
  defaultLanguage: string;
  /** Interpreters available at once, per language code. */
  interpreters: Record<string, number>;
  /** The calendar invitations go on; the add-on creates it once, by this name, when missing. */
  calendarName: string;
  /** Invite the host teacher too (as a guest beside the family). */
  inviteTeachers: boolean;
  /** Siblings with the same teacher share one longer conference instead of back-to-back ones. */
  mergeSameTeacherSiblings: boolean;
  /**
   * What an availability response does: 'next-build' waits for the next "Build schedule";
   * 'at-once' places the family straight away (first come, first served) and invites them.
   */
  placeResponses: 'next-build' | 'at-once';
  /**
   * Families whose language has no form written by hand get the forms machine-translated once
   * (kept on the Form Texts sheet, where the school can correct them) instead of the English ones.
   */
  translateForms: boolean;
}

export interface SettingsView {
  settings: Settings;
  /** Languages the add-on knows: code and English name. */
  languages: { code: string; name: string }[];
  /** Time zones to offer (the spreadsheet's first). */
  timeZones: string[];
}

/** The server API: name → (arguments) → result. The sidebar's typed wrapper is built on it. */
export interface ServerApi {
  getOverview(): Overview;
  /** Selects a range in the sheet so the user sees the cell a message is about. */
  selectCell(where: CellRef): CellRef;
  /** Runs one time-budgeted chunk of an operation; call again until done. */
  runJob(job: JobName): JobProgress;
  /** Every problem a step found (the overview carries only the first few). */
  getProblems(step: 'roster' | 'days'): Problem[];
  /** What "Build schedule" would do, without writing anything. */
  previewSchedule(): SchedulePreview;
  getSettings(): SettingsView;
  /** Saves all settings at once, or fails naming every field that is wrong. */
  saveSettings(settings: Settings): Settings;
  // --- Messages, languages and reminders ---
  /** A template as families would get it (edited, translated or built in), with what to preview it on. */
  getTemplate(kind: MessageKindName, language: string): TemplateView;
  /** Renders a template (saved or not) for a real family on the Schedule; unknown fields listed. */
  previewTemplate(
    kind: MessageKindName,
    language: string,
    template: MessageTemplate,
    conferenceId: string,
  ): TemplatePreview;
  /** Saves an edited template; refused, naming them, when it uses fields that do not exist. */
  saveTemplate(kind: MessageKindName, language: string, template: MessageTemplate): MessageTemplate;
  /** Turns the hourly reminders (one time-driven trigger) on or off; answers whether they are on. */
  setReminders(on: boolean): boolean;
  /** The round's conference packets, one printable page each, by teacher and time. */
  getPackets(): Packet[];
  /** Each family without email's printed letter: QR codes and short links to its forms, a reply slip. */
  getPaperLetters(): PaperLetter[];
  // --- Check-in ---
  /**
   * One teacher's conferences of a day of the round ('' for the first teacher; no day, or one
   * not in the round, for the day to check in), to mark attendance.
   */
  getCheckIn(teacher: string, day?: string): CheckIn;
  /** Writes one conference's Schedule Status (and no other cell); answers the conference as now. */
  markAttendance(conferenceId: string, status: Attendance): CheckInConference;
  // --- Follow-ups ---
  /** The open follow-up requests, by owner, overdue ones flagged. */
  getFollowUps(): FollowUpsView;
  /** Writes one request's Status (and no other cell); answers the open requests as now. */
  setFollowUpStatus(request: string, status: FollowUpStatus): FollowUpsView;
  /** Each student's code and prep link for the round being played, in Roster order. */
  getStudentLinks(): StudentLink[];
}

/** One family's printed letter: a whole HTML page. */
export interface PaperLetter {
  /** The family's Family ID as people read it: the Roster's own (familyshown.ts). */
  familyId: string;
  /** The language of the family's forms (its own when written, else English). */
  language: string;
  html: string;
  /** The family's phone number on the Roster, or ''. */
  phone: string;
  /** Whom the office asks for on the call: the guardians and children (office-only, never sent). */
  askFor: string;
  /** What to say and ask on a call, in the family's language (the forms' questions). */
  phoneScript: string[];
}

/** What the sidebar can set a follow-up request to. */
export const FOLLOWUP_MARKS = ['contacted', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOWUP_MARKS)[number];

export interface OpenFollowUp {
  request: string;
  owner: string;
  studentIds: string;
  /** The children by the Roster's names ("Luis García"; core/followups.ts requestChildren). */
  students: string;
  kind: string;
  asked: string;
  /** yyyy-mm-dd */
  due: string;
  status: string;
  overdue: boolean;
}

export interface FollowUpsView {
  /** yyyy-mm-dd */
  today: string;
  requests: OpenFollowUp[];
}

/** What a check-in marks, in two clicks (teacher, then the mark). */
export const ATTENDANCE = ['attended', 'no-show', 'rescheduled'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export interface CheckInConference {
  conferenceId: string;
  /** "3:00 PM–3:25 PM" */
  time: string;
  students: string;
  room: string;
  status: string;
}

export interface CheckIn {
  /**
   * yyyy-mm-dd: the day asked for, else today when it is a conference day, else the latest past
   * day with a conference unmarked (else the latest past day, else the first to come).
   */
  date: string;
  /** The round's conference days (yyyy-mm-dd), in date order: the days a teacher can pick. */
  days: string[];
  /** Teachers with conferences that day. */
  teachers: string[];
  teacher: string;
  conferences: CheckInConference[];
}

/** A student's personal prep link for the round (src/core/studentforms.ts). */
export interface StudentLink {
  studentId: string;
  name: string;
  teacher: string;
  code: string;
  /** The prefilled link to the round's prep form in the student's language. */
  link: string;
  /** The form's own address, where a student types the code. */
  formUrl: string;
  /** The prefilled link to the round's reflection form, after the conference ('' before it exists). */
  reflectionLink: string;
  /** The reflection form's own address ('' before it exists). */
  reflectionFormUrl: string;
  /** The language of the student's forms (a code: 'en', 'es'). */
  formLanguage: string;
  /** The student's school account, when the Roster gives one that is no guardian's. */
  email: string;
}

/** One conference's printable packet: a whole HTML page. */
export interface Packet {
  conferenceId: string;
  teacher: string;
  /** yyyy-mm-dd */
  date: string;
  html: string;
}

export const MESSAGE_KIND_NAMES = [
  'invite',
  'reminder',
  'questionnaire',
  'letter',
  'availability',
  'waitlist',
  'noshow',
  'waitoffer',
  'waitgone',
] as const;
export type MessageKindName = (typeof MESSAGE_KIND_NAMES)[number];

export interface MessageTemplate {
  subject: string;
  body: string;
}

export interface TemplateView {
  kind: MessageKindName;
  language: string;
  template: MessageTemplate;
  /** 'edited' by a person, 'translated' by LanguageApp and kept, or 'built-in'. */
  source: 'edited' | 'built-in' | 'english';
  /** Field names a template may use. */
  fields: string[];
  /** Families on the Schedule to preview on (their first conference), this language first. */
  families: { conferenceId: string; label: string; language: string }[];
  /** Languages the add-on knows: code and English name. */
  languages: { code: string; name: string }[];
  remindersOn: boolean;
}

export interface TemplatePreview {
  subject: string;
  text: string;
  html: string;
  /** Fields the template names that do not exist (the save would be refused). */
  unknown: string[];
}

export type ApiName = keyof ServerApi;

/** Every API function by name; a test checks the bundle exposes each as a top-level function. */
export const API_NAMES = [
  'getOverview',
  'selectCell',
  'runJob',
  'getProblems',
  'previewSchedule',
  'getSettings',
  'saveSettings',
  'getTemplate',
  'previewTemplate',
  'saveTemplate',
  'setReminders',
  'getPackets',
  'getPaperLetters',
  'getCheckIn',
  'markAttendance',
  'getFollowUps',
  'setFollowUpStatus',
  'getStudentLinks',
] as const satisfies readonly ApiName[];
/** Fails to compile when ServerApi gains a function that API_NAMES does not list. */
export type MissingApiNames = Exclude<ApiName, (typeof API_NAMES)[number]>;
const _allNamed: [MissingApiNames] extends [never] ? true : never = true;
void _allNamed;
