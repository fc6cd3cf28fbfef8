/**
 * What each step of a round costs in calls to Sheets, Calendar, Mail and Forms, beside the
 * minimum its data makes necessary (bench/round.ts: a read is the sheet, its data range and its
 * values; a write the range and its values; one email per message, one trigger run per answer).
 * The steps a school repeats all round long (asking, every answer, every hourly reminder run, the
 * questionnaire) stay within 1.2× of that minimum, and so do Set up, the schedule build, the
 * print views, the making of the family forms and the Summary job, which run once a round.
 */
import {
  FORMATS,
  MINIMUMS,
  measureRound,
  OPEN,
  READ,
  ROWS_AGAIN,
  WRITE,
  ZONE,
  type OperationFigures,
} from '../../bench/round';
import { SHEETS } from '../../src/core/schema';

jest.setTimeout(900_000);

const STUDENTS = 60;
/** The sample school staffs a teacher per thirty students. */
const TEACHERS = Math.ceil(STUDENTS / 30);
/** The sheets the sample school has before Set up: its pasted Roster and Teachers. */
const PASTED = ['Roster', 'Teachers'];
/** The sample school's families speak English and Spanish: each family form is made in both. */
const LANGUAGES = 2;
/**
 * The Summary rebuilt: Schedule, Feedback, Roster, Teachers and Student Prep read; Reflections
 * found and sized (no student reflects in the sample round) and Follow-ups looked for (the round
 * makes none); the time zone; the Summary found, its last row, a write with its formats; its
 * charts found, none updated (a chart draws the values its ranges hold).
 */
const SUMMARY = 5 * READ + 2 + 1 + ZONE + 1 + 1 + WRITE + FORMATS + 1;

let steps: Map<string, OperationFigures>;
/** After the invitations: the Schedule's conferences with a guardian's address, and the events. */
let invited: { conferences: number; events: number };
beforeAll(() => {
  const rounds = measureRound(STUDENTS, false, (operation, s) => {
    if (operation !== 'invites') return;
    const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const emails = header.indexOf('Emails');
    invited = {
      conferences: rows.filter((r) => String(r[emails] ?? '').trim() !== '').length,
      events: s.emulator.calendar.events().filter((e) => e.guests.length > 0).length,
    };
  });
  steps = new Map(rounds.map((f) => [f.operation, f]));
});

describe('a round’s repeated steps', () => {
  it.each(['ask', 'availability answers', 'reminders', 'questionnaire', 'questionnaire answers'])(
    '%s: at most 1.2 times the calls its data makes necessary',
    (name) => {
      const step = steps.get(name)!;
      expect(step.minimum).toBeGreaterThan(0);
      expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * step.minimum));
    },
  );

  it('an availability answer is recorded and the Summary rebuilt in at most 1.2 times the reads and writes they need', () => {
    const step = steps.get('availability answers')!;
    // Per answer: the spreadsheet, the one response sheet the event's range is on (its data
    // range and values, whatever the languages), the Availability read and written with its
    // formats (the Roster it reads to find the family is the Summary's too), and the Summary rebuilt.
    const perAnswer = OPEN + 2 + READ + WRITE + FORMATS + SUMMARY;
    expect(MINIMUMS['availability answers']!.explains).toMatch(/Summary rebuilt/);
    expect(step.minimum).toBe(perAnswer * step.executions);
    expect(step.calls / step.executions).toBeLessThanOrEqual(1.2 * perAnswer);
  });
  it('a questionnaire answer is recorded and the Summary rebuilt in at most 1.2 times the reads and writes they need', () => {
    const step = steps.get('questionnaire answers')!;
    // Per answer: the spreadsheet, the one response sheet the event's range is on (its data
    // range and values), the Feedback written with its formats (its read is the Summary's), and
    // the Summary rebuilt; no chart updated, and no other form's or language's answers read.
    const perAnswer = OPEN + 2 + WRITE + FORMATS + SUMMARY;
    expect(MINIMUMS['questionnaire answers']!.explains).toMatch(/Summary rebuilt/);
    expect(step.minimum).toBe(perAnswer * step.executions);
    expect(step.calls / step.executions).toBeLessThanOrEqual(1.2 * perAnswer);
  });
});

describe('a round’s steps run once', () => {
  it('set up makes each missing sheet with no call beyond those its header, frozen row, colours, formats, validation and protection need', () => {
    const made = SHEETS.filter((s) => !PASTED.includes(s.name));
    // Columns Set up validates: dates, yes/no, checkboxes, statuses, whole numbers, addresses.
    const validated = made.filter((s) =>
      s.columns.some((c) =>
        ['date', 'yesno', 'checkbox', 'status', 'integer', 'email'].includes(c.kind),
      ),
    );
    const protectedSheets = made.filter((s) => s.generated);
    // The sheet list, then per pasted sheet its name and its header read; per sheet made the tab,
    // its header written, bold, coloured and noted, its row frozen, its tab coloured, and its
    // body's range and formats; one validation call per validated sheet, three to protect one.
    const expected =
      OPEN +
      1 +
      PASTED.length * (1 + READ) +
      made.length * (1 + WRITE + 3 + 1 + 1 + 1 + FORMATS) +
      validated.length +
      3 * protectedSheets.length;
    const step = steps.get('setup')!;
    expect(step.minimum).toBe(expected);
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * expected));
  });

  it('the schedule build reads each sheet once and writes the Schedule once, within 1.2 times what that needs', () => {
    // The zone; the responses recorded first (the sheet list, two response sheets read, two
    // student forms' sheets sized); Roster, Teachers, Availability and Schedule read, with the
    // Schedule's formulas and formats; its rows found again by Conference ID just before the
    // write (a person may sort or add rows meanwhile); the Schedule written with its formats;
    // the Waitlist sought.
    const expected =
      OPEN + ZONE + (1 + 2 * 2 + 2 * 2) + 4 * READ + 2 + ROWS_AGAIN + WRITE + FORMATS + 1;
    const step = steps.get('schedule')!;
    expect(step.minimum).toBe(expected);
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * expected));
    // The spreadsheet opened once, the reminder record's refresh after the build included, and
    // its name (the school name's default) not asked: the build shows no school name.
    expect(step.byMethod.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(step.byMethod.get('SpreadsheetApp.Spreadsheet.getName')).toBe(undefined);
  });

  it('the print views make each teacher’s tab within 1.2 times the calls a tab and its write need', () => {
    const step = steps.get('views')!;
    // The Schedule read, the sheet list with each tab's name (at least the sheets Set up keeps),
    // and per teacher a tab, its frozen header row and a write with its formats.
    const perTeacher = 1 + 1 + WRITE + FORMATS;
    expect(step.minimum).toBeGreaterThanOrEqual(
      OPEN + READ + 1 + SHEETS.length + perTeacher * TEACHERS,
    );
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * step.minimum));
  });

  it('making the family forms costs each form and question the calls FormApp needs, within 1.2 times', () => {
    // The availability form and the questionnaire, in English and in Spanish.
    const forms = 4;
    // Per form: created, its ID kept, description, confirmation, three settings, published, its
    // published URL; the sheet list before and after its destination is set, and the setting;
    // its prefilled link (a response, the code's answer, the two joined, the URL).
    const perForm = 9 + 3 + 4;
    // A question is its add…Item call and its title, and one call per property. The availability
    // form: the family code (help, required), the times grid (help, rows, columns), language
    // (choices), interpreter (choices), how to meet (choices), who comes, their email.
    const availability = 2 * 7 + 2 + 3 + 1 + 1 + 1;
    // The questionnaire: the code (help, required), the rating (bounds, labels, required), the
    // goal, the help, a follow-up (choices), when, a private talk (choices), comments.
    const questionnaire = 2 * 8 + 2 + 3 + 1 + 1;
    const step = steps.get('forms')!;
    // Per execution the spreadsheet, its zone, the Teachers and the Roster read; the Schedule
    // read once (no conference yet, so no link written); a form carried on into a later
    // execution is opened and listed again, which only raises the minimum.
    const least =
      step.executions * (OPEN + ZONE + 2 * READ) +
      READ +
      forms * perForm +
      (forms / 2) * (availability + questionnaire);
    expect(step.minimum).toBeGreaterThanOrEqual(least);
    expect(step.minimum).toBeLessThanOrEqual(least + 4 * (step.executions - 1));
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * least));
  });

  it('a form just made is not listed, re-read or re-linked: only one carried on to a later execution is', () => {
    const step = steps.get('forms')!;
    const carriedOn = step.byMethod.get('FormApp.openById') ?? 0;
    expect(carriedOn).toBeLessThan(step.executions);
    for (const method of ['FormApp.Form.getItems', 'FormApp.Form.getDestinationId'])
      expect(step.byMethod.get(method) ?? 0).toBe(carriedOn);
    // Each availability form's times are set once, when its grid is made.
    expect(step.byMethod.get('FormApp.GridItem.setRows')).toBe(2);
  });

  it('the invitations make each conference’s event with no call beyond making it, hiding its guests, tagging it and reading its ID, and per chunk its reads and write, within 1.2 times that', () => {
    const step = steps.get('invites')!;
    // One event per conference with a guardian's address, none twice.
    expect(invited.events).toBe(invited.conferences);
    // Per chunk: the spreadsheet and its zone, the Schedule, Teachers and Availability read (no
    // family of the sample names a stand-in adult), the calendar, the Schedule's formats and its
    // write in two blocks around the Locked column. The calendar made once, its ID kept.
    const perChunk = OPEN + ZONE + 3 * READ + 1 + FORMATS + 2 * WRITE;
    const expected = 4 * invited.conferences + 1 + perChunk * step.executions;
    expect(step.minimum).toBe(expected);
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * expected));
  });

  it('checking the forms again reads each question’s title once, within 1.2 times what opening and checking them needs', () => {
    // The availability form and the questionnaire, in English and in Spanish (the sample school's
    // families speak both): seven questions (the family code, the times, language, interpreter,
    // who comes, their email, how to meet) and eight (the questionnaire's seven and the private
    // talk).
    const forms = 4;
    const questions = 2 * (7 + 8);
    // Per form: opened, its questions listed, the sheet list for its response sheet; a title
    // read per question; Roster, Teachers and Schedule read and the links written.
    const expected = OPEN + 3 * forms + questions + 3 * READ + WRITE;
    const step = steps.get('forms (again)')!;
    expect(step.minimum).toBe(expected);
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * expected));
  });

  it('the Summary job checks every form’s answers and rebuilds the Summary within 1.2 times what that needs', () => {
    // The spreadsheet, its sheet list, both family forms' response sheets in each language and
    // the Availability read (answers a failed trigger missed), then the Summary rebuilt.
    const expected = OPEN + 1 + 2 * 2 * LANGUAGES + READ + SUMMARY;
    const step = steps.get('summary')!;
    expect(step.minimum).toBe(expected);
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * expected));
  });
});

describe('the hourly reminders at 600 students (about fifty emails a sending run)', () => {
  /** Per hourly run, what the emulator saw: the emails it sent and its data calls. */
  let runs: { emails: number; calls: number }[];
  let step: OperationFigures;
  /**
   * The sheets of the school a reminder draws on: the Schedule (the time), the Roster (whose
   * address is listed with which child), the Teachers (an online conference's video link) and the
   * Availability (the stand-in adult a family named).
   */
  const REMINDER_SOURCES = ['Schedule', 'Roster', 'Teachers', 'Availability'];
  let sheetsRead = 0;
  beforeAll(() => {
    let reportsSeen = 0;
    let mailSeen = 0;
    const [reminders] = measureRound(
      600,
      false,
      (operation, s) => {
        const reports = s.emulator.ws.reports.slice(reportsSeen);
        const mail = s.emulator.mail.sent.slice(mailSeen);
        reportsSeen = s.emulator.ws.reports.length;
        mailSeen = s.emulator.mail.sent.length;
        if (operation !== 'reminders') return;
        sheetsRead = REMINDER_SOURCES.filter((name) =>
          s.emulator.spreadsheet.sheetByName(name),
        ).length;
        runs = reports.map((r) => ({
          emails: mail.filter((m) => m.execution === r.id).length,
          calls: Object.entries(r.callsByMethod).reduce(
            (n, [m, k]) => (/^(SpreadsheetApp|CalendarApp|MailApp|FormApp)\./.test(m) ? n + k : n),
            0,
          ),
        }));
      },
      'reminders',
    ).filter((f) => f.operation === 'reminders');
    step = reminders!;
  });

  it('a run that sends writes Reminders Sent once, not per ten emails: within 1.2 times what its emails and reads need', () => {
    // Each run that sends: the spreadsheet, the sheets a reminder draws on read, the zone, the
    // quota, Reminders Sent written to the Schedule's rows found again by Conference ID just
    // before (a person may sort it meanwhile); each other run the Schedule.
    const perSendingRun = OPEN + sheetsRead * READ + ZONE + 1 + ROWS_AGAIN + WRITE;
    const sending = runs.filter((r) => r.emails > 0);
    const emails = sending.reduce((n, r) => n + r.emails, 0);
    expect(emails).toBeGreaterThan(30 * sending.length);
    expect(step.minimum).toBe(
      emails + (runs.length - sending.length) * (OPEN + READ) + sending.length * perSendingRun,
    );
    const sendingCalls = sending.reduce((n, r) => n + r.calls, 0);
    expect(sendingCalls).toBeLessThanOrEqual(1.2 * (emails + sending.length * perSendingRun));
    expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * step.minimum));
  });
});
