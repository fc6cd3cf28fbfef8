/**
 * Per-teacher print views: each teacher's conferences from the Schedule sheet, in time order,
 * with only the columns a teacher needs in the room. Pure: values in, grids out.
 */
import { inRound, roundsByDate } from '../rounds';
import { headerKey } from '../schema';

/** The columns of a teacher's view, in order, as headers of the Schedule sheet. */
export const VIEW_COLUMNS = [
  'Date',
  'Start',
  'End',
  'Room',
  'Students',
  'Family',
  'Language',
  'Interpreter',
  'Status',
  'Notes',
] as const;

export interface TeacherView {
  teacher: string;
  /** Header row then one row per conference, by date and start. */
  rows: unknown[][];
}

/** A sheet name for a teacher's view: Sheets allows 100 characters; the name must be unique. */
export function viewSheetName(teacher: string): string {
  return `${
    teacher
      .replace(/[\r\n\t]+/g, ' ')
      .trim()
      .slice(0, 80) || 'Teacher'
  } – schedule`;
}

/** A Date cell's day, or typed yyyy-MM-dd text's, as ms to compare; null for anything else. */
const dayOf = (v: unknown): number | null =>
  v instanceof Date
    ? v.getTime()
    : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())
      ? Date.parse(v.trim())
      : null;
const time = (v: unknown) => (v instanceof Date ? v.getTime() : Number.MAX_SAFE_INTEGER);

/**
 * Groups the Schedule sheet's rows (header first) by teacher; cancelled conferences and other
 * rounds' conferences are left out (a round's print view shows that round's dates only).
 */
export function teacherViews(values: unknown[][], round?: string): TeacherView[] {
  // Stryker disable next-line ArrayDeclaration: an empty sheet has no rows for a header to name
  const [header = [], ...rows] = values;
  const col = (h: string) => header.findIndex((x) => headerKey(x) === headerKey(h));
  const teacher = col('Teacher');
  const id = col('Conference ID');
  const status = col('Status');
  const roundCol = col('Round');
  const byTeacher = new Map<string, unknown[][]>();
  const date = col('Date');
  // A blank Round is read by the row's date, as every step reads it (roundsByDate).
  const rounds = roundsByDate(
    rows.map((r) => ({ round: roundCol >= 0 ? r[roundCol] : '', date: dayOf(r[date]) })),
  );
  for (const [i, r] of rows.entries()) {
    const name = String(r[teacher] ?? '').trim();
    if (
      !name ||
      String(r[id] ?? '') === '' ||
      String(r[status] ?? '').toLowerCase() === 'cancelled' ||
      (round !== undefined && roundCol >= 0 && !inRound(rounds[i], round))
    )
      continue;
    const list = byTeacher.get(name) ?? [];
    list.push(r);
    byTeacher.set(name, list);
  }
  const start = col('Start');
  return [...byTeacher.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => ({
      teacher: name,
      rows: [
        [...VIEW_COLUMNS],
        ...list
          .sort((a, b) => time(a[date]) - time(b[date]) || time(a[start]) - time(b[start]))
          .map((r) => VIEW_COLUMNS.map((h) => (col(h) >= 0 ? (r[col(h)] ?? '') : ''))),
      ],
    }));
}
