/**
 * The demo's output files read from the emulated spreadsheet after the server functions ran:
 * what a coordinator would download from the sheets, in the columns of docs/DESIGN.md section 8.
 */
import type { SheetModel, SpreadsheetModel } from '../emulator/sheets/model';
import { splitList } from '../src/core/cells';
import { cleanText } from '../src/core/normalize';
import { goalsRecord, readReflections } from '../src/core/goals';
import { readStudentPrep } from '../src/core/prep';
import { roundsInDateOrder } from '../src/core/rounds';
import { FEEDBACK, REFLECTIONS, SCHEDULE, STUDENT_PREP } from '../src/core/schema';
import { readTable } from '../src/core/table';

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
  'Mode',
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
    Mode: col('Mode'),
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

export const STUDENT_GOALS_CSV_HEADER = ['Student ID', 'Round', 'Goal', 'Progress', 'Source'];

/**
 * student-goals.csv: the Goals record (src/core/goals.ts): each student's goals across rounds,
 * in the student's own words from the Student Prep and Reflections sheets and the family's from
 * the questionnaire (each answer's goal for every student of its conference), with Progress from
 * the next round's reflection (was last time's goal met).
 */
export function studentGoalsCsvRows(doc: SpreadsheetModel): string[][] {
  const values = (name: string) => doc.sheetByName(name)?.values() ?? null;
  const schedule = values(SCHEDULE.name);
  const conferences = schedule && schedule.length > 1 ? readTable(SCHEDULE, schedule).rows : [];
  const familyGoals: { studentId: string; round: string; goal: string }[] = [];
  const feedback = values(FEEDBACK.name);
  if (feedback && feedback.length > 1) {
    const students = new Map(
      conferences.map((r) => [cleanText(r.get('Conference ID')), splitList(r.get('Student IDs'))]),
    );
    for (const r of readTable(FEEDBACK, feedback).rows) {
      if (cleanText(r.get('Flag'))) continue;
      for (const studentId of students.get(cleanText(r.get('Conference ID'))) ?? [])
        familyGoals.push({
          studentId,
          round: cleanText(r.get('Round')),
          goal: cleanText(r.get('Goal')),
        });
    }
  }
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : cleanText(v));
  const rows = goalsRecord({
    rounds: roundsInDateOrder(
      conferences.map((r) => ({ round: cleanText(r.get('Round')), date: day(r.get('Date')) })),
    ),
    prep: readStudentPrep(values(STUDENT_PREP.name)),
    reflections: readReflections(values(REFLECTIONS.name)),
    familyGoals,
  }).map((g) => [g.studentId, g.round, g.goal, g.progress, g.source]);
  return [STUDENT_GOALS_CSV_HEADER, ...rows];
}
