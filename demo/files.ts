/**
 * The demo's output files read from the emulated spreadsheet after the server functions ran:
 * what a coordinator would download from the sheets, in the columns of docs/DESIGN.md section 8.
 */
import type { SheetModel } from '../emulator/sheets/model';

/** yyyy-mm-dd and HH:MM of a Sheets date/time cell, in the spreadsheet's zone. */
function wall(value: unknown, timeZone: string): { date: string; time: string } | null {
  if (!(value instanceof Date)) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

export const SCHEDULE_CSV_HEADER = [
  'Conference ID',
  'Date',
  'Start',
  'End',
  'Teacher',
  'Room',
  'Student IDs',
  'Family ID',
  'Guardian Emails',
  'Language',
  'Interpreter',
  'Status',
  'Round',
];

/** schedule.csv: one row per conference on the Schedule sheet, by date, time and teacher. */
export function scheduleCsvRows(sheet: SheetModel, timeZone: string): string[][] {
  const [header, ...rows] = sheet.values();
  if (!header) return [SCHEDULE_CSV_HEADER];
  const col = (name: string) => header.indexOf(name);
  const from: Record<string, number> = {
    'Conference ID': col('Conference ID'),
    Date: col('Date'),
    Start: col('Start'),
    End: col('End'),
    Teacher: col('Teacher'),
    Room: col('Room'),
    'Student IDs': col('Student IDs'),
    'Family ID': col('Family ID'),
    'Guardian Emails': col('Emails'),
    Language: col('Language'),
    Interpreter: col('Interpreter'),
    Status: col('Status'),
    Round: col('Round'),
  };
  const out = rows
    .filter((r) => r[from['Conference ID']!] !== '')
    .map((r) =>
      SCHEDULE_CSV_HEADER.map((h) => {
        const v = r[from[h]!];
        if (h === 'Date') return wall(v, timeZone)?.date ?? String(v ?? '');
        if (h === 'Start' || h === 'End') return wall(v, timeZone)?.time ?? String(v ?? '');
        if (h === 'Interpreter')
          return v === true || /^(yes|true)$/i.test(String(v)) ? 'yes' : 'no';
        return String(v ?? '').replace(/;\s*/g, ';');
      }),
    );
  out.sort((a, b) => (a[1]! + a[2]! + a[4]!).localeCompare(b[1]! + b[2]! + b[4]!));
  return [SCHEDULE_CSV_HEADER, ...out];
}

/**
 * A sheet written by the add-on, as CSV rows with these columns (found by header name): the
 * header, then each row with a first column; a missing sheet gives the header alone.
 */
export function sheetColumns(sheet: SheetModel | null | undefined, columns: string[]): string[][] {
  const [header, ...rows] = sheet?.values() ?? [];
  const at = columns.map((c) => (header ?? []).map(String).indexOf(c));
  return [
    columns,
    ...rows
      .filter((r) => String(r[0] ?? '') !== '')
      .map((r) => at.map((i) => (i < 0 ? '' : String(r[i] ?? '')))),
  ];
}
