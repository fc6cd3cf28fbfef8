/**
 * The demo CLI (docs/DESIGN.md section 8):
 *   npm run demo -- [--roster F.csv] [--teachers F.csv] [--availability F.csv] [--student-prep F.csv]
 *     [--settings F.json] [--out DIR]
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
import { SAMPLES, sampleSchool } from '../sample/school';
import { TEACHER_ALIASES } from '../src/core/aliases';
import { ambiguousDateMessage, dateOrderOf, readSlashDate } from '../src/core/dates';
import { parseDay } from '../src/core/normalize';
import { roundsInDateOrder } from '../src/core/rounds';
import { AVAILABILITY, TEACHERS } from '../src/core/schema';
import { availabilityFamilies } from '../src/core/availabilityfamily';
import { standInsOf } from '../src/core/standin';
import { cellProblem, readTable } from '../src/core/table';
import type {
  JobProgress,
  Overview,
  Packet,
  PaperLetter,
  Problem,
  Result,
  SchedulePreview,
} from '../src/shared/api';
import { CsvError, parseCsv, toCsv } from './csv';
import { scheduleCsvRows, sheetColumns, studentGoalsCsvRows } from './files';
import { afterTheConferences, answerAvailability, formsJson, writeSummary } from './families';
import { keyInReplySlips, lettersCsv } from './letters';
import { paperLetterPage, paperPhoneList } from '../src/core/paperletter';
import { remindThroughTheRound } from './reminders';
import { prepareStudents, reflectStudents } from './prep';
import { eventsJson, runJobToEnd } from './events';
import { freeOneTime, schoolAsRead } from './waitoffers';

interface Options {
  roster?: string;
  teachers?: string;
  availability?: string;
  studentPrep?: string;
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
  'forms.json',
  'letters.csv',
  'summary.csv',
  'follow-ups.csv',
  'report.json',
  'packets',
  'letters',
  'student-goals.csv',
];

/** What `--help` prints: the options, each file's role, and where the columns are described. */
export const USAGE = `Usage: npm run demo -- [options]

Plays a whole conference round on the in-memory Google Workspace and writes what it made.

  --roster F.csv        the Roster (columns: README "Your data"); default: the sample school
  --teachers F.csv      the Teachers' windows (a Round column plays every round in date order)
  --availability F.csv  families' availability answers, sent through their own form links
  --student-prep F.csv  students' prep answers (Student ID, Round, Proud Of, Work Sample, Goal,
                        Family Question), sent through each student's own prep link
  --settings F.json     any of the sidebar's settings, e.g. {"schoolName": "Lincoln",
                        "conferenceMinutes": 20, "bufferMinutes": 5, "changeoverMinutes": 0}
  --out DIR             where to write (default out/)
  --help                this text

Exit codes: 0 done (problems in the sheets are listed in roster-issues.csv), 2 bad input.`;

function parseArgs(argv: string[]): Options {
  const options: Options = { out: 'out' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const key = flag
      .replace(/^--/, '')
      .replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof Options;
    if (
      !['roster', 'teachers', 'availability', 'studentPrep', 'settings', 'out'].includes(key) ||
      !flag.startsWith('--')
    )
      throw new InputError(
        `Unknown option ${flag}. Use --roster, --teachers, --availability, --student-prep, --settings, --out.`,
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

/**
 * A page's file name from an ID the school's export gave (a Family ID, a Conference ID): letters,
 * digits, '.', '_' and '-' kept, anything else (a slash, a colon, a space) made '_', and whatever
 * comes before its first letter or digit dropped (`../../x` is `x`, `.hidden` is `hidden`; an ID
 * with neither is `family`; a Windows device name such as `CON` is `family-CON`), so no ID puts a
 * file outside its folder, hides it, or writes over another's page: a name already taken (case aside, as some file systems compare) gets -2, -3….
 */
export function fileNameOf(id: string, taken: Set<string>): string {
  const kept = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[^A-Za-z0-9]+/, '') || 'family';
  // Windows refuses a file whose name before its first dot is a device (CON, NUL, COM0 to COM9…), with
  // any extension: such an ID gets a prefix, so a school's folder copies to any computer.
  const base = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i.test(kept) ? `family-${kept}` : kept;
  let name = `${base}.html`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.html`;
  taken.add(name.toLowerCase());
  return name;
}

export function runDemo(argv: string[]): {
  out: string;
  written: string[];
  report: Record<string, unknown>;
} {
  const options = parseArgs(argv);
  // An earlier run's files go first, so whatever this run stops at, nothing stale is left to be
  // read as its result (an input kept in the output folder stays).
  const inputs = [
    options.roster,
    options.teachers,
    options.availability,
    options.studentPrep,
    options.settings,
  ]
    .filter((f) => f !== undefined)
    .map((f) => resolve(f));
  for (const name of OUTPUT_FILES)
    if (!inputs.includes(resolve(options.out, name)))
      rmSync(join(options.out, name), { force: true, recursive: true });
  const emulator = createEmulator({
    now: Date.UTC(2026, 10, 2, 14, 0),
    spreadsheetName: 'Student-Led Conferences demo',
    timeZone: 'America/New_York',
    defaultUser: 'coordinator@school.example',
  });
  const sample = sampleSchool(SAMPLES.lincoln);
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
  // Each record on the row it has in the file (a blank line stays a blank row), so a problem's
  // row is the row a person sees opening the file in a spreadsheet.
  const rosterSheet = doc.sheets[0]!;
  rosterSheet.name = 'Roster';
  roster.forEach((row, i) => rosterSheet.typeRow(i + 1, row));
  const teacherSheet = doc.insertSheet('Teachers');
  teachers.forEach((row, i) => teacherSheet.typeRow(i + 1, row));

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
  // With a Round column the demo plays every round in date order, as a school does across a
  // year; without one, the one round of the settings.
  const rounds = roundsOfTeachers(teachers, doc.locale);
  if (rounds.length > 0) startRound(bundle, rounds[0]!);
  // Which step of the round each execution belongs to, for report.json.
  const phases: { operation: string; from: number }[] = [];
  const phase = (operation: string) => phases.push({ operation, from: emulator.ws.reports.length });
  phase('open and settings');
  phase('set up');
  for (let i = 0; i < 50; i++)
    if (value<JobProgress>(bundle.callFromClient('runJob', ['setup']), 'Set up').done) break;
  phase('roster and teachers check');
  // The families' availability answers, as the availability form leaves them on their sheet
  // (Guardian Email under Email).
  // Each CSV column goes under the sheet's own header of that name.
  const pasteUnder = (name: string, rows: string[][]) => {
    if (rows.length < 2) return;
    const sheet = doc.sheetByName(name)!;
    const header = sheet.values()[0]!.map((h) => String(h).toLowerCase());
    const given = rows[0]!.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^(guardian|parent) email$/, 'email'),
    );
    const below = sheet.lastRow();
    rows.slice(1).forEach((row, i) =>
      sheet.typeRow(
        below + 1 + i,
        header.map((h) => (given.includes(h) ? (row[given.indexOf(h)] ?? '') : '')),
      ),
    );
  };
  pasteUnder('Availability', availability);
  // The students' preparation, submitted round by round through each student's own link.
  const studentPrep = options.studentPrep ? readCsvFile(options.studentPrep, 'student prep') : null;
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

  // Each problem on the sheet it belongs to, even one the server gave no cell.
  const onSheet = (sheet: string, problems: Problem[]) => problems.map((p) => ({ sheet, p }));
  const issues = [
    ...onSheet('Roster', rosterProblems),
    ...onSheet('Teachers', [...pasteProblems, ...teacherProblems]),
  ];
  // A problem each round finds again (an Availability row of no round) is listed once.
  const addIssues = (sheet: string, problems: Problem[]) => {
    const key = ({ sheet, p }: (typeof issues)[number]) =>
      [p.where?.sheet ?? sheet, p.where?.row, p.where?.column, p.message].join('\t');
    const known = new Set(issues.map(key));
    issues.push(...onSheet(sheet, problems).filter((i) => !known.has(key(i))));
  };

  const colLetters = (n: number) => {
    let s = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  // Written now, and again after later rounds add their Teachers rows' problems.
  const writeIssues = () =>
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
  writeIssues();
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
  // Each round in the order a school plays it (the same server functions the sidebar calls):
  // families answer the availability form (unless availability.csv gave their answers), the
  // schedule is previewed and built, the invitations sent, reminders go out through the conference days, then
  // attendance, the questionnaire and its answers, the follow-ups, and the Summary.
  const played: {
    round: string;
    preview: SchedulePreview;
    availabilityAnswers: number;
    replySlips: number;
    prepared: number;
  }[] = [];
  const families: Record<string, number> = {};
  let reminders = { emails: 0, recipients: 0, families: 0 };
  // The students who set a goal last round: each who prepared (and reflected with a goal now).
  let hadGoal = new Set<string>();
  for (const [n, round] of (rounds.length > 0 ? rounds : [null]).entries()) {
    if (round !== null && n > 0) {
      startRound(bundle, round);
      issues.push(
        ...onSheet(
          'Teachers',
          value<Problem[]>(bundle.callFromClient('getProblems', ['days']), 'Checking the teachers'),
        ),
      );
    }
    const name =
      round ??
      value<{ settings: { roundName: string } }>(
        bundle.callFromClient('getSettings', []),
        'Reading settings',
      ).settings.roundName;
    const tag = (what: string) => (round === null ? what : `${what} (${round})`);
    phase(tag('availability answers'));
    const availabilityAnswers =
      availability.length === 0
        ? step("Simulating the families' availability answers", () =>
            answerAvailability(emulator, bundle),
          )
        : 0;
    // Families without email answer on paper; the office keys each slip in through its link.
    const replySlips =
      availability.length === 0
        ? step('Keying in the reply slips', () => keyInReplySlips(emulator))
        : 0;
    phase(tag('student prep'));
    const prep = step("Submitting the students' prep forms", () =>
      prepareStudents(emulator, bundle, name, n, studentPrep, options.studentPrep),
    );
    issues.push(...onSheet('Student Prep', prep.problems));
    writeIssues();
    phase(tag('schedule'));
    const preview = value<SchedulePreview>(
      bundle.callFromClient('previewSchedule', []),
      'Building the schedule',
    );
    // The preview's warnings (an Availability cell it cannot read, an email not on the Roster)
    // and the Reminders step's (a Who Comes Email that is not an address), as the sidebar shows.
    addIssues('Availability', preview.problems);
    addIssues(
      'Availability',
      standInsOf(
        readTable(AVAILABILITY, doc.sheetByName('Availability')?.values() ?? []).rows,
        name,
        availabilityFamilies(schoolAsRead(emulator, bundle).parsed.families),
      ).problems,
    );
    writeIssues();
    for (let i = 0; i < 50; i++)
      if (
        value<JobProgress>(bundle.callFromClient('runJob', ['schedule']), 'Building the schedule')
          .done
      )
        break;
    // Invites: the Calendar synced to the end, one private event per conference.
    phase(tag('invites'));
    step('Sending the invitations', () => runJobToEnd(bundle, 'invites'));
    phase(tag('waitlist'));
    step('Telling the waitlisted families', () => runJobToEnd(bundle, 'waitlist'));
    // A conference is cancelled and its time offered to the waiting list; two families accept.
    if (n === 0)
      step('Offering a cancelled conference’s time to the waiting list', () =>
        freeOneTime(emulator, bundle),
      );
    // One printable page per conference: packets/<Conference ID>.html.
    mkdirSync(join(options.out, 'packets'), { recursive: true });
    {
      const names = new Set<string>();
      for (const p of value<Packet[]>(
        bundle.callFromClient('getPackets', []),
        'Making the packets',
      ))
        writeFileSync(join(options.out, 'packets', fileNameOf(p.conferenceId, names)), p.html);
    }
    phase(tag('reminders'));
    const sent = step('Sending reminders', () =>
      remindThroughTheRound(emulator, bundle, options.out),
    );
    reminders = {
      emails: reminders.emails + sent.emails,
      recipients: reminders.recipients + sent.recipients,
      families: reminders.families + sent.families,
    };
    phase(tag('attendance, questionnaire, answers and summary'));
    const after = step("Simulating the families' questionnaire answers", () =>
      afterTheConferences(emulator, bundle, name, n, (attended) => ({
        // The students who prepared and led their conference look back on it (a no-show is
        // not asked to).
        studentReflections: reflectStudents(
          emulator,
          bundle,
          prep.studentIds.filter((id) => attended.has(id)),
          hadGoal,
        ),
      })),
    );
    for (const [k, v] of Object.entries(after)) families[k] = (families[k] ?? 0) + v;
    phase(tag('follow-ups'));
    step('Listing the follow-up requests', () => runJobToEnd(bundle, 'followups'));
    step('Building the Summary', () => writeSummary(emulator, bundle, options.out));
    hadGoal = new Set(prep.studentIds);
    played.push({
      round: name,
      preview,
      availabilityAnswers,
      replySlips,
      prepared: prep.prepared,
    });
  }
  writeFileSync(
    join(options.out, 'waitlist.csv'),
    toCsv(sheetColumns(doc.sheetByName('Waitlist'), ['Student ID', 'Reason', 'Told'])),
  );
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
    join(options.out, 'schedule.csv'),
    toCsv(scheduleCsvRows(doc.sheetByName('Schedule')!, doc.timeZone)),
  );
  if (played.length > 1) writeIssues();
  writeFileSync(join(options.out, 'student-goals.csv'), toCsv(studentGoalsCsvRows(doc)));
  const unplaced = played.flatMap((p) => p.preview.unplaced.map((u) => ({ ...u, round: p.round })));
  writeFileSync(
    join(options.out, 'unscheduled.csv'),
    toCsv([
      ['Student ID', 'Reason', 'Round'],
      ...unplaced.map((u) => [u.studentId, u.reason, u.round]),
    ]),
  );
  const sum = (f: (p: (typeof played)[number]) => number) => played.reduce((n, p) => n + f(p), 0);
  const availabilityAnswers = sum((p) => p.availabilityAnswers);
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
  // letters.csv: each family without email, its own links and the reply slip under its letter.
  writeFileSync(join(options.out, 'letters.csv'), toCsv(lettersCsv(emulator, bundle)));
  // letters/<Family ID>.html: the printed letter, a QR code and short link for each form.
  mkdirSync(join(options.out, 'letters'), { recursive: true });
  const letters = bundle.callFromClient('getPaperLetters', []);
  const paper = value<PaperLetter[]>(letters, 'Making the letters');
  const letterNames = new Set(['phone-list.html']);
  for (const l of paper)
    writeFileSync(join(options.out, 'letters', fileNameOf(l.familyId, letterNames)), l.html);
  // letters/phone-list.html: the office's phone list, each call's script in the family's language.
  writeFileSync(
    join(options.out, 'letters', 'phone-list.html'),
    paperLetterPage('Phone list', [paperPhoneList(paper)]),
  );
  // forms.json: each family form, its language, address and questions.
  writeFileSync(
    join(options.out, 'forms.json'),
    JSON.stringify(formsJson(emulator), null, 2) + '\n',
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
    placed: sum((p) => p.preview.placed),
    conferences: sum((p) => p.preview.conferences),
    unscheduled: unplaced.length,
    rounds: played.map((p) => ({
      round: p.round,
      placed: p.preview.placed,
      conferences: p.preview.conferences,
      unscheduled: p.preview.unplaced.length,
    })),
    formAnswers: {
      availabilityAnswers,
      replySlips: sum((p) => p.replySlips),
      studentPrepAnswers: sum((p) => p.prepared),
      ...families,
    },
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

/** Makes `round` the one the add-on plays, as a coordinator does in Settings. */
function startRound(bundle: ReturnType<typeof loadBundle>, round: string): void {
  const current = value<{ settings: Record<string, unknown> }>(
    bundle.callFromClient('getSettings', []),
    'Reading settings',
  );
  value(
    bundle.callFromClient('saveSettings', [{ ...current.settings, roundName: round }]),
    `Starting the ${round} round`,
  );
}

/** The rounds teachers.csv names in its Round column, in the order of their first dates. */
function roundsOfTeachers(values: string[][], locale: string): string[] {
  const table = readTable(TEACHERS, values, TEACHER_ALIASES);
  if (!table.columns.has('Round')) return [];
  const order = dateOrderOf(locale);
  const noWall = () => ({ year: 0, month: 0, day: 0, hour: 0, minute: 0 });
  return roundsInDateOrder(
    table.rows.map((r) => ({
      round: String(r.get('Round') ?? ''),
      date: parseDay(r.get('Date'), noWall, order) ?? '9999-12-31',
    })),
  );
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
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
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
