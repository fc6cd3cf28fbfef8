/** What the server tests do with the bundle: call it as the sidebar does, run a job to its end, read the document's properties. */
import { openSchool, type SchoolOptions } from '../../preview/school';
import type { JobProgress, Result } from '../../src/shared/api';
import { parseRoster, type Family } from '../../src/core/roster';

type School = ReturnType<typeof openSchool>;

/** The value of a server call that must succeed (its error message otherwise). */
export function ok<T>(result: unknown): T {
  const r = result as Result<T>;
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}

/**
 * How many times each sidebar run of a job since report `since` opened the spreadsheet: each
 * getActiveSpreadsheet is a service call, so a job opens it once and hands it on.
 */
export function opensPerRun(s: School, since: number): number[] {
  return s.emulator.ws.reports
    .slice(since)
    .filter((r) => r.entry === 'runJob')
    .map((r) => r.callsByMethod['SpreadsheetApp.getActiveSpreadsheet'] ?? 0);
}

/** A wall-clock time in the sample school's zone (America/New_York in November: UTC−5). */
export const EST = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00-05:00`);

/**
 * A sidebar operation, chunk after chunk, to its end. On a day Google is twenty times slower the
 * forms job makes about one question per execution, so the two forms (English, Spanish) and the
 * questionnaires take some twenty executions: the bound is well above that.
 */
export function run(s: School, job: string): JobProgress {
  for (let i = 0; i < 40; i++) {
    const p = ok<JobProgress>(s.bundle.callFromClient('runJob', [job]));
    if (p.done) return p;
  }
  throw new Error(`${job} never finished`);
}

/** The document's properties, as the add-on keeps them. */
export function props(s: School): Map<string, string> {
  return s.emulator.kv.properties.get(`document:${s.emulator.spreadsheet.id}`) ?? new Map();
}

/** An empty school with these Roster and Teachers rows pasted in, as a coordinator pastes them, and set up. */
export function pastedSchool(
  rosterRows: unknown[][],
  teacherRows: unknown[][],
  options: SchoolOptions & { spreadsheetZone?: string } = {},
): School {
  const s = openSchool({ ...options, empty: true });
  const doc = s.emulator.spreadsheet;
  // The spreadsheet's own zone (File > Settings), before anything is typed into its cells.
  if (options.spreadsheetZone) doc.timeZone = options.spreadsheetZone;
  const roster = doc.sheets[0]!;
  roster.name = 'Roster';
  for (const row of rosterRows) roster.appendRow(row);
  const teachers = doc.insertSheet('Teachers');
  for (const row of teacherRows) teachers.appendRow(row);
  run(s, 'setup');
  return s;
}

/**
 * The sample Roster's first one-child families given a phone each, in a Phone column added at
 * its end; a family listed `paper` has its email cells emptied too (no email reaches it).
 * Answers those families, in the order of `phones`.
 */
export function phoneFamilies(s: School, phones: { phone: string; paper: boolean }[]): Family[] {
  const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
  const families = parseRoster(roster.values(), null)
    .families.filter((f) => f.studentIds.length === 1)
    .slice(0, phones.length);
  const header = roster.values()[0]!.map(String);
  roster.patch(1, header.length + 1, { v: 'Phone' });
  families.forEach((family, n) => {
    for (const row of family.rows) {
      roster.patch(row, header.length + 1, { v: phones[n]!.phone });
      if (phones[n]!.paper)
        header.forEach((h, i) => {
          if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
        });
    }
  });
  return families;
}

/** A Roster header with two named guardians per row, for fixtures written by hand. */
export const ROSTER_HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Name',
  'Guardian 1 Email',
  'Guardian 2 Name',
  'Guardian 2 Email',
  'Language',
];

/**
 * The teachers mark every conference on the Schedule attended (typed into Status, as a person
 * would): the questionnaire asks only about conferences marked attended.
 */
export function markAttended(s: School): void {
  const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
  const [header = [], ...body] = sheet.values();
  const status = header.map(String).indexOf('Status') + 1;
  body.forEach((_, i) => sheet.patch(i + 2, status, { v: 'attended' }));
}

/** A person sorting a sheet's rows below the header the other way round (no call of the script's). */
export function sortBackwards(sheet: { rows: unknown[][]; values(): unknown[][] }): void {
  const count = sheet.values().length;
  const [head, body, rest] = [sheet.rows[0]!, sheet.rows.slice(1, count), sheet.rows.slice(count)];
  sheet.rows = [head, ...body.reverse(), ...rest];
}

/**
 * What a person may do to the Schedule while a job sends mail: sort it the other way round, or
 * delete its row 3 (through the sheet, as Google's own interface would).
 */
export const SCHEDULE_EDITS: [string, (s: School) => void][] = [
  ['sorting the Schedule', (s) => sortBackwards(s.emulator.spreadsheet.sheetByName('Schedule')!)],
  [
    'deleting a row',
    (s) =>
      s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!
        .getSheetByName('Schedule')!
        .deleteRow(3),
  ],
];
