/**
 * Set up: creates the sheets the add-on keeps (core/schema.ts), with headers, a frozen header
 * row, column formats, notes and data validation. An existing sheet is never overwritten: its
 * header row is checked; columns the add-on needs are added at the end of its own sheets, and
 * reported (not added) on the Roster and Teachers, which hold what people pasted. Running it
 * again changes nothing.
 */
import {
  checkHeaders,
  type ColumnSpec,
  NUMBER_FORMATS,
  SHEETS,
  type SheetSpec,
  STATUSES,
} from '../core/schema';
import type { Problem } from '../shared/api';
import { ROSTER_ALIASES, TEACHER_ALIASES } from '../core/aliases';
import type { ChunkResult, JobSpec } from './jobs';

const HEADER_BACKGROUND = '#e8f0fe';
/** Formats and validation cover this many rows below the header (Sheets grows them on paste). */
const FORMATTED_ROWS = 999;

export interface SetupReport {
  created: string[];
  /** Columns added at the end of an existing add-on sheet. */
  added: { sheet: string; headers: string[] }[];
  /** Status dropdowns brought up to date (values untouched). */
  updated?: { sheet: string; header: string }[];
  problems: Problem[];
}

const ALIASES: Record<string, Record<string, string[]>> = {
  Roster: ROSTER_ALIASES,
  Teachers: TEACHER_ALIASES,
};
/** Sheets holding people's own data: missing columns are reported, never added. */
const USER_SHEETS = new Set(['Roster', 'Teachers']);

function validationFor(column: ColumnSpec): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const b = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  switch (column.kind) {
    case 'date':
      return b.requireDate().setHelpText('Enter a date, e.g. 2026-11-17.').build();
    case 'yesno':
      return b
        .requireValueInList(['Yes', 'No'], true)
        .setAllowInvalid(true)
        .setHelpText('Yes or No.')
        .build();
    case 'checkbox':
      return b.requireCheckbox().build();
    case 'status':
      return b
        .requireValueInList([...STATUSES], true)
        .setHelpText(`One of: ${STATUSES.join(', ')}.`)
        .build();
    case 'integer':
      return b
        .requireNumberBetween(column.min ?? 0, column.max ?? 1e6)
        .setHelpText(`A whole number from ${column.min ?? 0} to ${column.max ?? 1e6}.`)
        .build();
    case 'email':
      return b.requireTextIsEmail().setAllowInvalid(true).setHelpText('An email address.').build();
    default:
      return null;
  }
}

/**
 * Brings a Status column's dropdown up to date: a sheet made before a status existed keeps the
 * list it was made with, and Sheets then refuses the new status (from the check-in too). Only a
 * dropdown the add-on made is replaced (one listing statuses, not all of today's); the cells'
 * values are not touched, and a column whose dropdown people removed is left without one.
 * The rule read is that of row `row` (the cell about to be written), and the list is replaced
 * down to that row at least. Returns true when it replaced the list.
 */
export function updateStatusDropdown(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  spec: ColumnSpec,
  row = 2,
): boolean {
  const rule = sheet.getRange(row, column).getDataValidation();
  if (!rule || rule.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST)
    return false;
  const listed = ((rule.getCriteriaValues()[0] ?? []) as unknown[]).map(String);
  if (STATUSES.every((s) => listed.includes(s))) return false;
  const rows = Math.max(FORMATTED_ROWS, row - 1);
  sheet.getRange(2, column, rows, 1).setDataValidation(validationFor(spec)!);
  return true;
}

/**
 * Formats and validates the given columns below the header: the columns set-up writes are side
 * by side (a new sheet, or missing columns added at the end), so one setNumberFormats and one
 * setDataValidations cover them all, whatever the number of columns.
 */
function formatColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: { spec: ColumnSpec; position: number }[],
): void {
  if (columns.length === 0) return;
  const first = columns[0]!.position;
  const body = sheet.getRange(2, first, FORMATTED_ROWS, columns.length);
  const formats = columns.map((c) => NUMBER_FORMATS[c.spec.kind] ?? 'General');
  const rules = columns.map((c) => validationFor(c.spec));
  body.setNumberFormats(Array.from({ length: FORMATTED_ROWS }, () => formats));
  if (rules.some((r) => r !== null))
    body.setDataValidations(Array.from({ length: FORMATTED_ROWS }, () => rules));
}

function writeHeaders(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  startColumn: number,
  columns: ColumnSpec[],
): void {
  const header = sheet.getRange(1, startColumn, 1, columns.length);
  header.setValues([columns.map((c) => c.header)]);
  header.setNotes([columns.map((c) => c.help)]);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
}

function createSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: SheetSpec,
  index: number,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(spec.name, index);
  writeHeaders(sheet, 1, spec.columns);
  sheet.setFrozenRows(1);
  sheet.setTabColor(spec.tabColor);
  formatColumns(
    sheet,
    spec.columns.map((c, i) => ({ spec: c, position: i + 1 })),
  );
  if (spec.generated) {
    sheet
      .protect()
      .setDescription(
        `${spec.name} is rebuilt by Student-Led Conferences; edits here are overwritten.`,
      )
      .setWarningOnly(true);
  }
  return sheet;
}

/** The spreadsheet's tabs by name, listed once per execution (a lookup per sheet is a call each). */
type Tabs = Map<string, GoogleAppsScript.Spreadsheet.Sheet>;

function listTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Tabs {
  return new Map(ss.getSheets().map((s) => [s.getName(), s]));
}

/**
 * The sheet the add-on keeps under spec.name. Sheets treats tab names alike whatever their case
 * (a "schedule" tab makes insertSheet('Schedule') fail: docs/EMULATOR.md row 7), so a tab whose
 * name differs only in case is the add-on's sheet when it is empty or has all of the spec's
 * headers (it is renamed to the add-on's spelling, so every later lookup finds it); any other
 * such tab is the user's own, and Set up says so instead of failing on insertSheet or writing
 * into it ('blocked').
 */
function sheetNamed(
  tabs: Tabs,
  spec: SheetSpec,
  report: SetupReport,
): GoogleAppsScript.Spreadsheet.Sheet | null | 'blocked' {
  const exact = tabs.get(spec.name);
  if (exact) return exact;
  const key = spec.name.toLowerCase();
  const [name, found] = [...tabs].find(([n]) => n.toLowerCase() === key) ?? [];
  if (!found || name === undefined) return null;
  const lastColumn = found.getLastColumn();
  const ours =
    lastColumn === 0 ||
    checkHeaders(spec, found.getRange(1, 1, 1, lastColumn).getValues()[0]!, ALIASES[spec.name])
      .missing.length === 0;
  if (ours) {
    found.setName(spec.name);
    tabs.delete(name);
    tabs.set(spec.name, found);
    return found;
  }
  report.problems.push({
    severity: 'error',
    message: `Your tab "${name}" is in the way of the add-on's "${spec.name}" sheet: Google Sheets treats tab names the same whatever their capitals. Rename your tab (for example "My ${name}"), then run Set up again. Nothing in it was changed.`,
    where: { sheet: name, row: 1, column: 1 },
  });
  return 'blocked';
}

/** Checks (and completes) one sheet. Returns what it did. */
export function setUpSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: Tabs,
  spec: SheetSpec,
  index: number,
  report: SetupReport,
): void {
  const sheet = sheetNamed(tabs, spec, report);
  if (sheet === 'blocked') return;
  if (!sheet) {
    tabs.set(spec.name, createSheet(ss, spec, index));
    report.created.push(spec.name);
    return;
  }
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) {
    // An empty sheet of that name (made by hand): give it the headers, keep everything else.
    writeHeaders(sheet, 1, spec.columns);
    if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
    formatColumns(
      sheet,
      spec.columns.map((c, i) => ({ spec: c, position: i + 1 })),
    );
    report.added.push({ sheet: spec.name, headers: spec.columns.map((c) => c.header) });
    return;
  }
  const headerRow = sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
  const check = checkHeaders(spec, headerRow, ALIASES[spec.name]);
  for (const d of check.duplicates) {
    report.problems.push({
      severity: 'error',
      message: `${spec.name} has two "${d.header}" columns; the add-on reads the first. Rename or delete the other one.`,
      where: { sheet: spec.name, row: 1, column: d.columns[1]! },
    });
  }
  spec.columns.forEach((c) => {
    const at = headerRow.map(String).indexOf(c.header) + 1;
    if (c.kind === 'status' && at > 0 && updateStatusDropdown(sheet, at, c))
      (report.updated ??= []).push({ sheet: spec.name, header: c.header });
  });
  if (check.missing.length === 0) return;
  if (USER_SHEETS.has(spec.name)) {
    for (const c of check.missing.filter((m) => m.required)) {
      report.problems.push({
        severity: 'error',
        message: `${spec.name} has no "${c.header}" column. Add one (anywhere in row 1): ${c.help}`,
        where: { sheet: spec.name, row: 1, column: lastColumn + 1 },
      });
    }
    return;
  }
  if (sheet.getMaxColumns() < lastColumn + check.missing.length) {
    sheet.insertColumnsAfter(
      sheet.getMaxColumns(),
      lastColumn + check.missing.length - sheet.getMaxColumns(),
    );
  }
  writeHeaders(sheet, lastColumn + 1, check.missing);
  formatColumns(
    sheet,
    check.missing.map((c, i) => ({ spec: c, position: lastColumn + 1 + i })),
  );
  report.added.push({ sheet: spec.name, headers: check.missing.map((c) => c.header) });
}

function describe(report: SetupReport): string {
  const parts: string[] = [];
  if (report.created.length) parts.push(`Created ${report.created.join(', ')}.`);
  for (const a of report.added)
    parts.push(`Added ${a.headers.map((h) => `"${h}"`).join(', ')} to ${a.sheet}.`);
  for (const u of report.updated ?? [])
    parts.push(
      `Brought the ${u.sheet} sheet's ${u.header} list up to date (its values are unchanged).`,
    );
  if (parts.length === 0) parts.push('All sheets were already in place; nothing changed.');
  return parts.join(' ');
}

interface SetupState {
  next: number;
  report: SetupReport;
}

export const SETUP_JOB: JobSpec<SetupState> = {
  name: 'setup',
  label: 'setting up the sheets',
  start: () => ({ next: 0, report: { created: [], added: [], problems: [] } }),
  step(state, ctx): ChunkResult<SetupState> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const tabs = listTabs(ss);
    let next = state.next;
    // At least one sheet a chunk, however long listing the tabs took (see views.ts).
    while (next < SHEETS.length && (next === state.next || !ctx.outOfTime())) {
      setUpSheet(ss, tabs, SHEETS[next]!, next, state.report);
      next++;
    }
    const done = next >= SHEETS.length;
    return {
      state: { next, report: state.report },
      done,
      processed: next,
      total: SHEETS.length,
      message: done ? describe(state.report) : `Checked ${next} of ${SHEETS.length} sheets.`,
      problems: state.report.problems,
    };
  },
};
