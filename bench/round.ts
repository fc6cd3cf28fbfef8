/**
 * A conference round on the built bundle at school scale: each operation run as the sidebar runs
 * it (chunk after chunk), with the emulator counting service calls and modelled Apps Script time.
 * Prints, per operation: executions, the longest execution against the 6-minute limit, service
 * calls beside the minimum the operation needs, and where the modelled time goes.
 *
 *   node --import tsx bench/round.ts [--google] [students...]
 *
 * --google plays it with every emulator switch that models Google where the default run does
 * not (sample/round.ts asGoogle).
 */
import { openSchool } from '../preview/school';
import type { ExecutionReport } from '../emulator/runtime';
import { asGoogle, play, round, tomorrowMorning, type School } from '../sample/round';
import { SHEETS } from '../src/core/schema';
import type { FormItemState } from '../emulator/forms/state';

export interface OperationFigures {
  operation: string;
  executions: number;
  /** Calls to the services that read or write people's data (Sheets, Calendar, Mail, Forms). */
  calls: number;
  /** Every service call, local ones (Utilities, Properties, Lock, Session) included. */
  allCalls: number;
  minimum: number;
  longestSeconds: number;
  totalSeconds: number;
  /** Service.method → modelled seconds, largest first. */
  where: [string, number][];
  /** Service.method → calls. */
  byMethod: Map<string, number>;
}

/**
 * Per step of the round: the calls the data makes necessary, by the yardstick the issue sets (one
 * read and one write per sheet a step must touch, one Calendar write per new conference, one email
 * per message). Each is counted from what the step did (emails sent, events made, forms and
 * questions made, executions Google started), so the figure beside it is what batching could not
 * save.
 *
 * A read or a write is counted in the calls SpreadsheetApp needs for it, since every one of them
 * is a data call here: no call reads a named sheet's values by itself. A read is the sheet, its
 * data range and its values (READ = 3), a write to a sheet already in hand the range and its
 * values (WRITE = 2), and an execution opens the spreadsheet once (OPEN = 1).
 */
export interface Minimum {
  count: (s: School, step: StepCalls, occurrence: number) => number;
  /** What the minimum counts, for the README. */
  explains: string;
}

interface StepCalls {
  reports: ExecutionReport[];
  byMethod: Map<string, number>;
}

export const OPEN = 1;
export const READ = 3;
export const WRITE = 2;
/**
 * A write of dates, times or people's text sets the cells' number formats first: Range.setValues
 * has no way to say a string is text (a name "=1+1" or a room "1/2" would become a formula or a
 * date), and a Date written alone takes the date-and-time format.
 */
export const FORMATS = 1;
/**
 * The response sheet a form-submit trigger reads: its data range and values. The event's range
 * gives the sheet, so no sheet list; answers whose trigger failed are the Schedule build's and
 * the Summary job's to read, not every answer's.
 */
export const ANSWERED_SHEET = 2;
/** The spreadsheet's time zone, read once by an execution that reads dates in cells. */
export const ZONE = 1;
/**
 * A sheet Set up makes: its header written, bold, coloured and noted, its row frozen, its tab
 * coloured, its columns' formats set: one Sheets call each, since no call sets two of them
 * (Range.setNotes, setFontWeight, setBackground; Sheet.setFrozenRows, setTabColor;
 * Range.setNumberFormats over the body's range).
 */
export const SHEET_MADE = 1 + WRITE + 3 + 1 + 1 + 1 + FORMATS;
/** A sheet Set up protects (Sheet.protect, Protection.setDescription, setWarningOnly). */
export const PROTECTED = 3;

const calls = (step: StepCalls, method: string) => step.byMethod.get(method) ?? 0;
const sendsMail = (r: ExecutionReport) =>
  Object.keys(r.callsByMethod).some((m) => m.startsWith('MailApp.send'));
const teachers = (s: School) =>
  new Set(
    s.emulator.spreadsheet
      .sheetByName('Schedule')!
      .values()
      .slice(1)
      .map((r) => r[5]),
  ).size;
/** Whether the Waitlist lists a student the schedule could not place. */
const waitlisted = (s: School) =>
  (s.emulator.spreadsheet.sheetByName('Waitlist')?.values().length ?? 0) > 1;
/** The questions on the school's forms: checking a form again reads each one's title. */
const questionsOnForms = (s: School) =>
  s.emulator.forms.forms().reduce((n, f) => n + f.items.length, 0);
/**
 * A form made: FormApp.create, its ID kept (Form.getId), its description and confirmation, its
 * three settings (no email collected, answers editable, no summary of others' answers), published
 * (new forms start unpublished, docs/EMULATOR.md row 41) and its published URL read: one call each,
 * since Form has no call setting two of them and FormApp.create takes only the title (Form
 * reference, https://developers.google.com/apps-script/reference/forms/form).
 */
export const FORM_MADE = 1 + 1 + 2 + 3 + 1 + 1;
/** A form's response sheet: the sheet list before and after its destination is set, and the setting. */
export const FORM_LINKED = 3;
/**
 * A form's prefilled link: Form.createResponse, TextItem.createResponse, withItemResponse,
 * toPrefilledUrl (FormResponse reference: no call builds the link from an answer in one).
 */
export const PREFILLED_LINK = 4;
/**
 * The calls one question costs: its add…Item call and its title, and one per property it holds,
 * since every add…Item takes no argument and each setter sets one property (Form, TextItem,
 * GridItem, ListItem, MultipleChoiceItem, ScaleItem reference pages): help text, required,
 * choices, a grid's rows and its columns, a scale's bounds and its labels.
 */
export function questionCalls(item: FormItemState): number {
  const has = (b: boolean) => (b ? 1 : 0);
  return (
    2 +
    has(item.helpText !== '') +
    has(item.required) +
    has(item.choices.length > 0) +
    has(item.rows.length > 0) +
    has(item.columns.length > 0) +
    (item.type === 'SCALE' ? 1 + has(item.leftLabel !== '' || item.rightLabel !== '') : 0)
  );
}
/** A form an execution carries on with: opened, its questions listed, its destination asked, its code question read as text. */
export const FORM_CARRIED_ON = 4;
/** The forms a step made (its executions' time on). */
const formsMadeIn = (s: School, step: StepCalls) =>
  s.emulator.forms.forms().filter((f) => f.createdAt >= (step.reports[0]?.startedAt ?? Infinity));
/** Whether the Schedule lists conferences (the forms write their questionnaire links). */
const scheduled = (s: School) =>
  (s.emulator.spreadsheet.sheetByName('Schedule')?.values().length ?? 0) > 1;
/** Tabs the print views find in place: every sheet of the school but the teachers' new tabs. */
const tabsBeforeViews = (s: School) => s.emulator.spreadsheet.sheets.length - teachers(s);
/** Whether some family named a stand-in adult on the Availability: the Roster is read to reach them. */
const standInNamed = (s: School) => {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Availability')?.values() ?? [];
  const at = ['Who Comes', 'Who Comes Email'].map((h) => header.indexOf(h)).filter((i) => i >= 0);
  return rows.some((r) => at.some((i) => String(r[i] ?? '').trim() !== ''));
};
/**
 * What a new conference's event costs: made (createEvent takes a title, times and description,
 * location, guests and sendInvites, nothing more), its guest list hidden and its tag set (a call
 * each), and its ID read (getId) for the Schedule's Event ID; CalendarEvent reference,
 * https://developers.google.com/apps-script/reference/calendar/calendar-event.
 */
export const EVENT_MADE = 4;
/**
 * What an invitations chunk needs besides its events: the spreadsheet and the zone (the
 * Schedule's dates are read in it); the Schedule, the Teachers (a host teacher's address and video
 * link) and the Availability (the stand-in adults) read, and the Roster when some family named
 * one; the calendar found; the Schedule's number formats (read with its values) and its write in
 * two blocks, Status and then Event ID with Invite Sent, around the Locked box a person may tick
 * meanwhile (Range.setValues writes one rectangle and RangeList has no setValues:
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list).
 */
const invitesChunk = (s: School) =>
  OPEN + ZONE + (3 + (standInNamed(s) ? 1 : 0)) * READ + 1 + FORMATS + 2 * WRITE;
/**
 * Responses recorded before a build: the sheet list, the two forms' response sheets read (2 each:
 * the data range and its values) and the two student forms' sheets found and sized (2 each).
 */
const RESPONSES_CHECKED = 1 + 2 * 2 + 2 * 2;
/**
 * The languages the family forms are made in: each language has an availability form and a
 * questionnaire, each writing to its own response sheet (the sample round makes no student forms).
 */
const formLanguages = (s: School) =>
  s.emulator.forms.forms().filter((f) => f.destination !== null).length / 2;
/**
 * Sheets the Summary reads whole: Schedule, Feedback, Roster, Teachers (the Roster's teacher names
 * are checked against them) and Student Prep.
 */
const SUMMARY_SOURCES = 5;
/**
 * The Summary's two late sources as the school has them: Reflections read once a student has
 * reflected, else found and sized (2); Follow-ups read when the sheet exists, else looked for (1).
 */
function lateSources(s: School): number {
  const reflections = s.emulator.spreadsheet.sheetByName('Reflections');
  const followUps = s.emulator.spreadsheet.sheetByName('Follow-ups');
  return (!reflections ? 1 : reflections.values().length > 1 ? READ : 2) + (followUps ? READ : 1);
}
/**
 * Rebuilding the Summary, as the add-on does after each answer by design (the coordinator sees
 * each answer at once): its sources read, the time zone (today's date, and the dates in cells),
 * the sheet found, its last row (a shorter Summary blanks the rows the last one held), a write
 * with its formats (people's text lands as plain text), and its charts found. A chart is not
 * updated: it draws the values its ranges hold (docs/EMULATOR.md row 61), so only a chart whose
 * rows moved needs one, which a run does not need.
 */
const summaryRebuild = (s: School) =>
  SUMMARY_SOURCES * READ + lateSources(s) + ZONE + 1 + 1 + WRITE + FORMATS + 1;

/**
 * Rows added below a sheet's last row: Sheet.insertRowsAfter takes the position of the sheet's
 * last row, which only Sheet.getMaxRows gives (a call each;
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet). A new sheet has 1,000
 * rows, so the Schedule of more than 999 conferences needs them.
 */
export const ROWS_ADDED = 2;
/**
 * A sheet's rows found again just before a write to them, by the key each holds (Conference ID):
 * its data range and values, the sheet in hand. A person may sort, delete or add rows of the
 * shared document while the step runs, and a write to the rows as first read would then put one
 * conference's cells on another's (a cell is reached only by its position: Range reference,
 * https://developers.google.com/apps-script/reference/spreadsheet/range).
 */
export const ROWS_AGAIN = 2;
/**
 * An hourly reminder run that sends: the spreadsheet; the Schedule read under the lock, with the
 * Roster (whose address is listed with which child), the Teachers (an online conference's video
 * link is its teacher's window's) and the Availability (the stand-in adult a family named), each
 * a sheet of its own; the zone (the Schedule's dates and times are read in it); the day's quota
 * (MailApp.getRemainingDailyQuota); Reminders Sent written (no format: Set up, the build and
 * placing answers make the column plain text, and every mark starts "<n>h", which Sheets reads as
 * no number, date or formula). Replaces the hourly run's own read.
 */
export const REMINDERS_SENT = OPEN + 4 * READ + ZONE + 1 + ROWS_AGAIN + WRITE;

export const MINIMUMS: Record<string, Minimum> = {
  setup: {
    count: (_s, c) => {
      const made = calls(c, 'SpreadsheetApp.Spreadsheet.insertSheet');
      const checked = SHEETS.length - made;
      return (
        OPEN +
        1 +
        checked * (1 + READ) +
        made * SHEET_MADE +
        calls(c, 'SpreadsheetApp.Range.setDataValidations') +
        PROTECTED * calls(c, 'SpreadsheetApp.Sheet.protect')
      );
    },
    explains:
      'the list of sheets; per sheet already there its name and its header read; per sheet made the tab, its header written, bold, coloured and noted, its row frozen, its tab coloured, its columns formatted, their validation set (one call, where a column has a rule) and the protection of a generated sheet (three)',
  },
  forms: {
    count: (s, c, n) => {
      if (n > 0)
        return OPEN + 3 * calls(c, 'FormApp.openById') + questionsOnForms(s) + 3 * READ + WRITE;
      const made = formsMadeIn(s, c);
      return (
        c.reports.length * (OPEN + ZONE + 2 * READ) +
        READ +
        (scheduled(s) ? WRITE : 0) +
        made.length * (FORM_MADE + FORM_LINKED + PREFILLED_LINK) +
        made.reduce((k, f) => k + f.items.reduce((q, i) => q + questionCalls(i), 0), 0) +
        FORM_CARRIED_ON * calls(c, 'FormApp.openById')
      );
    },
    explains:
      'first: per execution the spreadsheet, its time zone, Roster and Teachers read; the Schedule read (and its links written when it lists conferences); per form made its creation, ID, description, confirmation, three settings, publishing and published URL (9), its response sheet (the sheet list before and after the destination is set: 3) and its prefilled link (4); per question its add…Item, its title and each property it holds (help, required, choices, rows, columns, a scale’s bounds and labels); per form carried on into a later execution its opening, its questions listed, its destination asked and its code question read; again: open each form, list its questions and read each one’s title (FormApp has no call returning the titles), and list the sheets for its response sheet; the same reads and write',
  },
  ask: {
    count: (_s, c) => calls(c, 'MailApp.sendEmail') + c.reports.length * OPEN + 3 * READ,
    explains:
      'an email per address; per execution the spreadsheet; read the Roster, the Teachers (for its import) and the Availability once',
  },
  'availability answers': {
    count: (s, c) =>
      c.reports.length *
      // The Roster, read to find the family, is the Summary's too.
      (OPEN + ANSWERED_SHEET + READ + WRITE + FORMATS + summaryRebuild(s)),
    explains:
      'per answer (a trigger run each): the response sheet its event’s range is on read (2), the Availability read and written with its formats, and the Summary rebuilt (its sources read, the time zone, the sheet found and its last row, written with its formats, its charts found)',
  },
  schedule: {
    count: (s, c) =>
      OPEN +
      ZONE +
      4 * READ +
      2 +
      ROWS_AGAIN +
      WRITE +
      FORMATS +
      RESPONSES_CHECKED +
      1 +
      calls(c, 'SpreadsheetApp.Spreadsheet.insertSheet') +
      ROWS_ADDED * calls(c, 'SpreadsheetApp.Sheet.insertRowsAfter') +
      (waitlisted(s) ? WRITE + FORMATS : 0),
    explains:
      'the time zone (dates in cells are read in it); the responses recorded first (the sheet list, the two forms’ response sheets read, the two student forms’ sheets sized); read Roster, Teachers, Availability and Schedule, with the Schedule’s formulas and formats (hand edits kept); its rows found again by Conference ID just before the write (a person may sort or add rows meanwhile); write the Schedule with its formats; look for the Waitlist, and when a student could not be placed write it with its formats (made the first time); rows added (their position asked first) where a write runs past the sheet’s rows',
  },
  views: {
    count: (s) => OPEN + READ + 1 + tabsBeforeViews(s) + (1 + 1 + WRITE + FORMATS) * teachers(s),
    explains:
      'read the Schedule; the sheet list and each tab’s name (a teacher’s tab must not take another tab’s name); per teacher a tab, its frozen header row, and a write with its formats',
  },
  invites: {
    count: (s, c) =>
      EVENT_MADE * calls(c, 'CalendarApp.Calendar.createEvent') +
      calls(c, 'CalendarApp.createCalendar') +
      c.reports.length * invitesChunk(s),
    explains:
      'per conference its event made, its guest list hidden, its tag set (the tag finds it again after a cut) and its ID read for the sheet; the calendar made once and its ID kept; per execution the spreadsheet and its time zone, the Schedule, Teachers and Availability read (the Roster too when a family named a stand-in adult), the calendar found, the Schedule’s formats read with its values and the sheet written in two blocks around the Locked column',
  },
  reminders: {
    count: (_s, c) => {
      const sent = c.reports.filter(sendsMail).length;
      return (
        calls(c, 'MailApp.sendEmail') +
        (c.reports.length - sent) * (OPEN + READ) +
        sent * REMINDERS_SENT
      );
    },
    explains:
      'an email per family per reminder; per hourly run the Schedule read; a run that sends reads it under the lock with the Roster, the Teachers and the Availability, the zone and the day’s quota, and writes Reminders Sent to the rows found again by Conference ID just before (a person may sort the sheet meanwhile)',
  },
  questionnaire: {
    count: (_s, c) =>
      calls(c, 'MailApp.sendEmail') +
      c.reports.length * (OPEN + READ + 1 + ROWS_AGAIN + WRITE) +
      READ,
    explains:
      'an email per address; per execution the Schedule read, the quota and its write, to the rows found again by Conference ID just before (a person may sort the sheet meanwhile); the Roster read once',
  },
  'questionnaire answers': {
    count: (s, c) =>
      c.reports.length *
      // The Feedback, read to record the answer, is the Summary's too.
      (OPEN + ANSWERED_SHEET + WRITE + FORMATS + summaryRebuild(s)),
    explains:
      'per answer (a trigger run each): the response sheet its event’s range is on read (2), the Feedback read and written with its formats, and the Summary rebuilt',
  },
  summary: {
    count: (s) => OPEN + 1 + 2 * 2 * formLanguages(s) + READ + summaryRebuild(s),
    explains:
      'every family form’s response sheet read for answers a failed trigger missed (2 each), the Availability read (the Feedback is the Summary’s), then the Summary rebuilt',
  },
};

const DATA_SERVICES = /^(SpreadsheetApp|CalendarApp|MailApp|FormApp)\./;

function figures(name: string, step: StepCalls, minimum: number): OperationFigures {
  const { reports, byMethod } = step;
  return {
    operation: name,
    executions: reports.length,
    calls: [...byMethod].reduce((n, [m, k]) => (DATA_SERVICES.test(m) ? n + k : n), 0),
    allCalls: reports.reduce((n, r) => n + r.calls, 0),
    minimum,
    longestSeconds: Math.max(0, ...reports.map((r) => r.elapsedMs)) / 1000,
    totalSeconds: reports.reduce((n, r) => n + r.elapsedMs, 0) / 1000,
    where: [],
    byMethod,
  };
}

/** Plays the round on a sample school of the given size, measuring each step that ran anything. */
export function measureRound(
  students: number,
  google = false,
  /** Called with each step's school as the step left it, for a test to look at what it made. */
  after?: (operation: string, s: School) => void,
  /** The step after which to stop (the rest of the round is not played). */
  until?: string,
): OperationFigures[] {
  // About thirty students per teacher, as schools staff them (each teacher's two windows hold ~38).
  const opened = openSchool({ students, teachers: Math.ceil(students / 30) });
  const school = google ? asGoogle(opened) : opened;
  const out: OperationFigures[] = [];
  const seen = new Map<string, number>();
  for (const action of round()) {
    const before = school.emulator.ws.reports.length;
    const callsBefore = school.emulator.ws.callLog.length;
    // A step stopped by Google's daily email limit (asking 1,500 families needs more than one
    // day's 1,500 recipients) goes on the next morning, as a teacher would carry on.
    play(school, [action], 0, tomorrowMorning);
    const reports = school.emulator.ws.reports.slice(before);
    if (reports.length === 0) continue;
    const occurrence = seen.get(action.name) ?? 0;
    seen.set(action.name, occurrence + 1);
    const byMethod = new Map<string, number>();
    for (const r of reports)
      for (const [m, n] of Object.entries(r.callsByMethod))
        byMethod.set(m, (byMethod.get(m) ?? 0) + n);
    const step: StepCalls = { reports, byMethod };
    const minimum = MINIMUMS[action.name]?.count(school, step, occurrence) ?? NaN;
    const f = figures(occurrence ? `${action.name} (again)` : action.name, step, minimum);
    const time = new Map<string, number>();
    for (const c of school.emulator.ws.callLog.slice(callsBefore))
      time.set(
        `${c.service}.${c.method}`,
        (time.get(`${c.service}.${c.method}`) ?? 0) + c.ms / 1000,
      );
    f.where = [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    out.push(f);
    after?.(f.operation, school);
    if (action.name === until) break;
  }
  return out;
}

export function printRound(students: number, rows: OperationFigures[], google = false): void {
  console.log(
    `\n### ${students} students, ${Math.ceil(students / 30)} teachers${google ? ', emulator set as Google (asGoogle)' : ''}\n`,
  );
  const header = [
    'operation',
    'executions',
    'longest execution s (limit 360)',
    'total s',
    'data calls',
    'minimum',
    'calls / minimum',
    'all calls',
    'where the time goes',
  ];
  const body = rows.map((f) => [
    f.operation,
    f.executions,
    f.longestSeconds.toFixed(1),
    f.totalSeconds.toFixed(1),
    f.calls,
    f.minimum,
    (f.calls / f.minimum).toFixed(2),
    f.allCalls,
    f.where.map(([m, s]) => `${m} ${s.toFixed(1)} s`).join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    'Data calls: Sheets, Calendar, Mail and Forms. All calls add the local ones (Utilities.getUuid per new conference ID, properties, the lock).\n',
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of body) console.log(line(r));
}

if (require.main === module) {
  const google = process.argv.includes('--google');
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log('## A round on the bundle (modelled Apps Script time)');
  for (const n of sizes.length ? sizes : [600, 2000])
    printRound(n, measureRound(n, google), google);
}
