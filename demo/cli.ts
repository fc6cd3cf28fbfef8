/**
 * The demo CLI (docs/DESIGN.md section 8):
 *   npm run demo -- [--roster F.csv] [--teachers F.csv] [--availability F.csv] [--settings F.json] [--out DIR]
 * Loads the CSVs into the emulated sheets, as a coordinator pastes an export, and drives the
 * same server functions the sidebar calls (no second code path). Writes to DIR (default out/):
 * roster-issues.csv and report.json, and the files of each later step as it lands; the files of
 * an earlier run are removed first, so DIR holds only what this run wrote.
 * Unreadable input exits non-zero with a message, and so does input whose bad rows leave no
 * student or no teacher window; otherwise bad rows are reported and the rest goes on.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEmulator } from '../emulator/index';
import { loadBundle } from '../emulator/loader';
import { sampleSchool } from '../sample/school';
import { TEACHER_ALIASES } from '../src/core/aliases';
import { ambiguousDateMessage, dateOrderOf, readSlashDate } from '../src/core/dates';
import { TEACHERS } from '../src/core/schema';
import { cellProblem, readTable } from '../src/core/table';
import type { JobProgress, Overview, Problem, Result, SchedulePreview } from '../src/shared/api';
import { CsvError, parseCsv, toCsv } from './csv';
import { scheduleCsvRows, sheetColumns } from './files';
import { afterTheConferences, answerAvailability } from './families';
import { remindThroughTheRound } from './reminders';
import { eventsJson, runJobToEnd } from './events';

interface Options {
  roster?: string;
  teachers?: string;
  availability?: string;
  settings?: string;
  out: string;
}

class InputError extends Error {}

/** Every file the demo may write, in the order a reader meets them. */
export const OUTPUT_FILES = [
  'roster-issues.csv',
  'schedule.csv',
  'unscheduled.csv',
  'waitlist.csv',
  'events.json',
  'outbox.json',
  'summary.csv',
  'follow-ups.csv',
  'report.json',
];

function parseArgs(argv: string[]): Options {
  const options: Options = { out: 'out' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const key = flag.replace(/^--/, '') as keyof Options;
    if (
      !['roster', 'teachers', 'availability', 'settings', 'out'].includes(key) ||
      !flag.startsWith('--')
    )
      throw new InputError(
        `Unknown option ${flag}. Use --roster, --teachers, --availability, --settings, --out.`,
      );
    if (value === undefined || value.startsWith('--'))
      throw new InputError(`${flag} needs a value.`);
    options[key] = value;
    i++;
  }
  return options;
}

/** A spreadsheet saved as "CSV" in a comma-decimal locale separates columns by ; (or a tab). */
function otherDelimiter(text: string): string | null {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (header.includes(',')) return null;
  const semicolons = header.split(';').length - 1;
  const tabs = header.split('\t').length - 1;
  if (semicolons === 0 && tabs === 0) return null;
  return semicolons >= tabs ? 'semicolons (;)' : 'tabs';
}

function readCsvFile(path: string, what: string): string[][] {
  if (!existsSync(path)) throw new InputError(`The ${what} file ${path} does not exist.`);
  const text = readFileSync(path, 'utf8');
  const delimiter = otherDelimiter(text);
  if (delimiter)
    throw new InputError(
      `The ${what} file ${path} separates its columns with ${delimiter}, not commas. ` +
        `Save it as CSV with commas (in Excel: Save As, "CSV UTF-8 (Comma delimited)"; ` +
        `in Google Sheets: File, Download, "Comma-separated values"), then run the demo again.`,
    );
  try {
    return parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError)
      throw new InputError(`The ${what} file ${path} is not valid CSV: ${e.message}.`);
    throw e;
  }
}

function value<T>(result: unknown, what: string): T {
  const r = result as Result<T>;
  if (!r.ok) throw new InputError(`${what}: ${r.error.message}`);
  return r.value;
}

export function runDemo(argv: string[]): {
  out: string;
  written: string[];
  report: Record<string, unknown>;
} {
  const options = parseArgs(argv);
  const emulator = createEmulator({
    now: Date.UTC(2026, 10, 2, 14, 0),
    spreadsheetName: 'Student-Led Conferences demo',
    timeZone: 'America/New_York',
    defaultUser: 'coordinator@school.example',
  });
  const sample = sampleSchool();
  const roster = options.roster
    ? readCsvFile(options.roster, 'roster')
    : [sample.roster.header, ...sample.roster.rows];
  const teachers = options.teachers
    ? readCsvFile(options.teachers, 'teachers')
    : [sample.teachers.header, ...sample.teachers.rows];
  // Without a file, the sample's families answer the availability form themselves (demo/families.ts).
  const availability = options.availability
    ? readCsvFile(options.availability, 'availability')
    : [];
  if (roster.length === 0) throw new InputError(`The roster file ${options.roster} is empty.`);

  // Pasted as a person pastes: each cell typed into Sheets, which reads 4/3/2027 in the
  // spreadsheet's locale; the first date that reads two ways is reported.
  const doc = emulator.spreadsheet;
  const pasteProblems = [firstAmbiguousDate(teachers, doc.locale)].filter((p) => p !== null);
  for (const p of pasteProblems)
    console.error(`demo: warning: ${options.teachers ?? 'the sample teachers'}: ${p.message}`);
  const rosterSheet = doc.sheets[0]!;
  rosterSheet.name = 'Roster';
  for (const row of roster) rosterSheet.appendRow(row);
  const teacherSheet = doc.insertSheet('Teachers');
  for (const row of teachers) teacherSheet.appendRow(row);

  const bundle = loadBundle(emulator, resolve(__dirname, '..', 'build'));
  bundle.open('LIMITED');
  if (options.settings) {
    if (!existsSync(options.settings))
      throw new InputError(`The settings file ${options.settings} does not exist.`);
    let given: Record<string, unknown>;
    try {
      given = JSON.parse(readFileSync(options.settings, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new InputError(
        `The settings file ${options.settings} is not valid JSON: ${(e as Error).message}`,
      );
    }
    const current = value<{ settings: Record<string, unknown> }>(
      bundle.callFromClient('getSettings', []),
      'Reading settings',
    );
    value(
      bundle.callFromClient('saveSettings', [{ ...current.settings, ...given }]),
      `The settings in ${options.settings}`,
    );
  }
  // Which step of the round each execution belongs to, for report.json.
  const phases: { operation: string; from: number }[] = [];
  const phase = (operation: string) => phases.push({ operation, from: emulator.ws.reports.length });
  phase('open and settings');
  phase('set up');
  for (let i = 0; i < 50; i++)
    if (value<JobProgress>(bundle.callFromClient('runJob', ['setup']), 'Set up').done) break;
  phase('roster and teachers check');
  // The families' availability answers, as the availability form leaves them on their sheet.
  // Each CSV column goes under the sheet's own header of that name (Guardian Email under Email).
  if (availability.length > 1) {
    const sheet = doc.sheetByName('Availability')!;
    const header = sheet.values()[0]!.map((h) => String(h).toLowerCase());
    const given = availability[0]!.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^(guardian|parent) email$/, 'email'),
    );
    for (const row of availability.slice(1)) {
      const cells = header.map((h) => (given.includes(h) ? (row[given.indexOf(h)] ?? '') : ''));
      sheet.appendRow(cells);
    }
  }
  const overview = value<Overview>(
    bundle.callFromClient('getOverview', []),
    'Reading the overview',
  );
  const rosterProblems = value<Problem[]>(
    bundle.callFromClient('getProblems', ['roster']),
    'Checking the roster',
  );
  const teacherProblems = value<Problem[]>(
    bundle.callFromClient('getProblems', ['days']),
    'Checking the teachers',
  );
  const fatal = [...rosterProblems, ...teacherProblems].find(
    (p) => p.where?.row === 1 && p.severity === 'error' && /has no "/.test(p.message),
  );
  if (fatal) throw new InputError(fatal.message);

  mkdirSync(options.out, { recursive: true });
  const inputs = [options.roster, options.teachers, options.availability, options.settings]
    .filter((f) => f !== undefined)
    .map((f) => resolve(f));
  for (const name of OUTPUT_FILES)
    if (!inputs.includes(resolve(options.out, name)))
      rmSync(join(options.out, name), { force: true });
  // Each problem on the sheet it belongs to, even one the server gave no cell.
  const onSheet = (sheet: string, problems: Problem[]) => problems.map((p) => ({ sheet, p }));
  const issues = [
    ...onSheet('Roster', rosterProblems),
    ...onSheet('Teachers', [...pasteProblems, ...teacherProblems]),
  ];

  const colLetters = (n: number) => {
    let s = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  writeFileSync(
    join(options.out, 'roster-issues.csv'),
    toCsv([
      ['Sheet', 'Row', 'Column', 'Problem'],
      ...issues.map(({ sheet, p }) => [
        p.where?.sheet ?? sheet,
        p.where?.row ?? '',
        p.where ? colLetters(p.where.column) : '',
        `${p.severity === 'warning' ? 'Warning: ' : ''}${p.message}`,
      ]),
    ]),
  );
  const count = (step: string, label: string) =>
    overview.steps.find((s) => s.id === step)?.counts.find((c) => c.label === label)?.value ?? 0;
  const nothingToDo = (file: string, what: string, sheet: string, problems: Problem[]) => {
    const errors = problems.filter((p) => p.severity === 'error').length;
    return new InputError(
      errors > 0
        ? `Nothing to schedule: no ${what} could be read from ${file}; its ${errors} ` +
            `problem${errors === 1 ? ' is' : 's are'} listed in ${join(options.out, 'roster-issues.csv')} ` +
            `(Sheet ${sheet}). Fix ${errors === 1 ? 'it' : 'them'} and run the demo again.`
        : `Nothing to schedule: ${file} has no ${what}.`,
    );
  };
  if (count('roster', 'students') === 0)
    throw nothingToDo(options.roster ?? 'the sample roster', 'student', 'Roster', rosterProblems);
  if (count('days', 'windows') === 0)
    throw nothingToDo(
      options.teachers ?? 'the sample teachers',
      'teacher window',
      'Teachers',
      teacherProblems,
    );
  const step = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw new InputError(`${what}: ${(e as Error).message}`);
    }
  };
  // The round in the order a school plays it (the same server functions the sidebar calls):
  // families answer the availability form (unless availability.csv gave their answers), the
  // schedule is previewed and built, the invitations sent, reminders go out through the conference days, then
  // attendance, the questionnaire and its answers, and the Summary.
  phase('availability answers');
  const availabilityAnswers =
    availability.length === 0
      ? step("Simulating the families' availability answers", () =>
          answerAvailability(emulator, bundle),
        )
      : 0;
  phase('schedule');
  const preview = value<SchedulePreview>(
    bundle.callFromClient('previewSchedule', []),
    'Building the schedule',
  );
  for (let i = 0; i < 50; i++)
    if (
      value<JobProgress>(bundle.callFromClient('runJob', ['schedule']), 'Building the schedule')
        .done
    )
      break;
  // Invites: the Calendar synced to the end, one private event per conference.
  phase('invites');
  step('Sending the invitations', () => runJobToEnd(bundle, 'invites'));
  phase('waitlist');
  step('Telling the waitlisted families', () => runJobToEnd(bundle, 'waitlist'));
  writeFileSync(
    join(options.out, 'waitlist.csv'),
    toCsv(sheetColumns(doc.sheetByName('Waitlist'), ['Student ID', 'Reason', 'Told'])),
  );
  writeFileSync(
    join(options.out, 'schedule.csv'),
    toCsv(scheduleCsvRows(doc.sheetByName('Schedule')!, doc.timeZone)),
  );
  phase('reminders');
  const reminders = step('Sending reminders', () =>
    remindThroughTheRound(emulator, bundle, options.out),
  );
  phase('attendance, questionnaire, answers and summary');
  const families = step("Simulating the families' questionnaire answers", () =>
    afterTheConferences(emulator, bundle, options.out),
  );
  phase('follow-ups');
  step('Listing the follow-up requests', () => runJobToEnd(bundle, 'followups'));
  writeFileSync(
    join(options.out, 'follow-ups.csv'),
    toCsv(
      sheetColumns(doc.sheetByName('Follow-ups'), [
        'Student IDs',
        'Family ID',
        'Owner',
        'Kind',
        'Asked',
        'Status',
      ]).map((r, i) => (i === 0 ? ['Student ID', ...r.slice(1)] : r)),
    ),
  );
  writeFileSync(
    join(options.out, 'unscheduled.csv'),
    toCsv([['Student ID', 'Reason'], ...preview.unplaced.map((u) => [u.studentId, u.reason])]),
  );
  // events.json: the calendar events families were sent (time, location, guests, tag, description).
  writeFileSync(
    join(options.out, 'events.json'),
    JSON.stringify(eventsJson(emulator), null, 2) + '\n',
  );
  // Every message the round sent, reminders and questionnaire alike.
  writeFileSync(
    join(options.out, 'outbox.json'),
    JSON.stringify(
      emulator.mail.sent.map((m) => ({
        to: m.to,
        subject: m.subject,
        text: m.body,
        html: m.htmlBody,
        name: m.name,
        replyTo: m.replyTo,
        sentAt: m.sentAt,
      })),
      null,
      2,
    ) + '\n',
  );
  const callsByService = emulator.ws.callsByService();
  const callsByMethod: Record<string, number> = {};
  for (const c of emulator.ws.callLog)
    callsByMethod[`${c.service}.${c.method}`] =
      (callsByMethod[`${c.service}.${c.method}`] ?? 0) + 1;
  const seconds = (ms: number) => Math.round(ms) / 1000;
  const executions = emulator.ws.reports.map((r, i) => ({
    operation: [...phases].reverse().find((p) => p.from <= i)?.operation ?? 'open and settings',
    entry: r.entry,
    seconds: seconds(r.elapsedMs),
    calls: r.calls,
    ...(r.error ? { error: r.error } : {}),
  }));
  const operations = [...new Set(executions.map((e) => e.operation))].map((operation) => {
    const mine = executions.filter((e) => e.operation === operation);
    return {
      operation,
      executions: mine.length,
      longestSeconds: Math.max(...mine.map((e) => e.seconds)),
      totalSeconds: seconds(mine.reduce((n, e) => n + e.seconds * 1000, 0)),
      calls: mine.reduce((n, e) => n + e.calls, 0),
    };
  });
  const report = {
    students: count('roster', 'students'),
    families: count('roster', 'families'),
    siblingFamilies: count('roster', 'families with siblings'),
    interpreterFamilies: count('roster', 'needing an interpreter'),
    rosterRowsRejected: count('roster', 'rows not imported'),
    problems: {
      errors: issues.filter(({ p }) => p.severity === 'error').length,
      warnings: issues.filter(({ p }) => p.severity === 'warning').length,
    },
    teachers: count('days', 'teachers'),
    windows: count('days', 'windows'),
    placed: preview.placed,
    conferences: preview.conferences,
    unscheduled: preview.unplaced.length,
    formAnswers: { availabilityAnswers, ...families },
    reminders,
    emails: emulator.mail.sent.length,
    serviceCalls: callsByService,
    callsByMethod,
    modelledSeconds: seconds(emulator.ws.reports.reduce((n, r) => n + r.elapsedMs, 0)),
    longestExecutionSeconds: Math.max(0, ...executions.map((e) => e.seconds)),
    executionLimitSeconds: 360,
    operations,
    executions,
  };
  writeFileSync(join(options.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  const written = OUTPUT_FILES.filter((name) => existsSync(join(options.out, name)));
  return { out: options.out, written, report };
}

/** Sheets reads a typed 4/3/2027 in the spreadsheet's locale: the first date that reads two ways. */
function firstAmbiguousDate(values: string[][], locale: string): Problem | null {
  const order = dateOrderOf(locale);
  const table = readTable(TEACHERS, values, TEACHER_ALIASES);
  for (const row of table.rows) {
    const text = String(row.get('Date') ?? '');
    const date = readSlashDate(text, order);
    if (date?.iso && date.otherReading)
      return cellProblem(
        table,
        row,
        'Date',
        ambiguousDateMessage(text, date.iso, date.otherReading, order),
        'warning',
      );
  }
  return null;
}

if (require.main === module) {
  try {
    const { out, written, report } = runDemo(process.argv.slice(2));
    console.log(`Wrote ${out}/: ${written.join(', ')}`);
    console.log(
      `  ${String(report.students)} students in ${String(report.families)} families (${String(report.siblingFamilies)} with siblings); ${JSON.stringify(report.problems)}`,
    );
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`demo: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
}
