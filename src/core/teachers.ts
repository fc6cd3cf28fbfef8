/**
 * The Teachers sheet: one row per availability window (teacher, email, date, start, end, room,
 * capacity, video link, round). Times as Sheets times or text (15:30, 3:30 PM). Reversed, overlapping
 * and unreadable windows are reported with their cell; nothing is guessed silently.
 */
import type { Problem } from '../shared/api';
import { TEACHER_ALIASES } from './aliases';
import { ambiguousDateMessage, type DateOrder, readSlashDate } from './dates';
import type { TeacherWindow } from './schedule/types';
import {
  cleanText,
  formatMinutes,
  nameKey,
  normalizeEmail,
  parseDay,
  parseTime,
  type WallClockOf,
} from './normalize';
import { MEET_WORDS, parseMeet, windowMeet } from './meeting';
import { inRound } from './rounds';
import { TEACHERS } from './schema';
import { cellProblem, readTable } from './table';

/** A teacher's hours on one day, with the Teachers row they came from. */
export interface Window extends TeacherWindow {
  row: number;
}

export interface Teacher {
  name: string;
  email: string;
}

export interface TeachersResult {
  windows: Window[];
  /** Rows naming a teacher and email whose window was refused (a cell could not be read). */
  refused: { teacher: string; teacherEmail: string; row: number }[];
  teachers: Teacher[];
  problems: Problem[];
  rowsRead: number;
}

export const MAX_CAPACITY = 6;

export function parseTeachers(
  values: unknown[][],
  wall: WallClockOf,
  options: {
    today?: string;
    dateOrder?: DateOrder;
    round?: string;
    /** Days the round has conferences on: past, they are where it took place, not a mistake. */
    held?: ReadonlySet<string>;
  } = {},
): TeachersResult {
  const dateOrder = options.dateOrder ?? 'month-first';
  let ambiguousDateReported = false;
  const table = readTable(TEACHERS, values, TEACHER_ALIASES);
  const problems: Problem[] = [...table.problems];
  for (const column of TEACHERS.columns.filter((c) => c.required)) {
    if (!table.columns.has(column.header) && values.length > 0) {
      problems.push({
        severity: 'error',
        where: { sheet: 'Teachers', row: 1, column: (values[0]?.length ?? 0) + 1 },
        message: `Teachers has no "${column.header}" column. Add it in row 1: ${column.help}`,
      });
    }
  }
  if (problems.some((p) => p.severity === 'error'))
    return { windows: [], refused: [], teachers: [], problems, rowsRead: table.rows.length };

  const windows: Window[] = [];
  const refused: TeachersResult['refused'] = [];
  const byName = new Map<string, Teacher>();
  const byEmail = new Map<string, { name: string; row: number }>();
  for (const row of table.rows) {
    // Another round's windows stay on the sheet as they were, neither used nor checked.
    if (options.round !== undefined && !inRound(row.get('Round'), options.round)) continue;
    const bad = (header: string, text: string, severity: 'error' | 'warning' = 'error') =>
      problems.push(cellProblem(table, row, header, text, severity));
    const before = problems.length;
    const teacher = cleanText(row.get('Teacher'));
    if (!teacher)
      bad('Teacher', 'the teacher is blank. Write the teacher’s name as families should see it.');
    const email = normalizeEmail(row.get('Email'));
    if (!email)
      bad(
        'Email',
        cleanText(row.get('Email'))
          ? `"${cleanText(row.get('Email'))}" is not an email address.`
          : 'the teacher’s email is blank.',
      );
    const date = parseDay(row.get('Date'), wall, dateOrder);
    // A text date that reads two ways: said once, at the first, with the reading taken.
    const slash = readSlashDate(cleanText(row.get('Date')), dateOrder);
    if (date && slash?.otherReading && !ambiguousDateReported) {
      ambiguousDateReported = true;
      bad(
        'Date',
        ambiguousDateMessage(cleanText(row.get('Date')), date, slash.otherReading, dateOrder),
        'warning',
      );
    }
    if (!date)
      bad(
        'Date',
        cleanText(row.get('Date')) || row.get('Date') instanceof Date
          ? `cannot read "${cleanText(row.get('Date'))}" as a date; write it as 2026-11-17.`
          : 'the date is blank.',
      );
    else if (options.today && date < options.today && !options.held?.has(date))
      bad('Date', `${date} is in the past, so no new conference is placed in it.`, 'warning');
    const start = parseTime(row.get('Start'), wall);
    const end = parseTime(row.get('End'), wall);
    if (start === null)
      bad(
        'Start',
        `cannot read "${cleanText(row.get('Start'))}" as a time; write it as 15:30 or 3:30 PM.`,
      );
    if (end === null)
      bad(
        'End',
        `cannot read "${cleanText(row.get('End'))}" as a time; write it as 17:00 or 5:00 PM.`,
      );
    if (start !== null && end !== null && end === start)
      bad(
        'End',
        `the window starts and ends at ${formatMinutes(start)}, so it has no time for a conference. Write the time it ends.`,
      );
    else if (start !== null && end !== null && end < start)
      bad(
        'End',
        `the window ends (${formatMinutes(end)}) before it starts (${formatMinutes(start)}). Swap Start and End if they were typed the wrong way round.`,
      );
    const capacityCell = row.get('Capacity');
    let capacity = 1;
    if (cleanText(capacityCell) !== '') {
      const n = typeof capacityCell === 'number' ? capacityCell : Number(cleanText(capacityCell));
      if (!Number.isInteger(n) || n < 1 || n > MAX_CAPACITY)
        bad(
          'Capacity',
          `capacity must be a whole number from 1 to ${MAX_CAPACITY} (families at once); found "${cleanText(capacityCell)}".`,
        );
      else capacity = n;
    }
    const room = cleanText(row.get('Room'));
    const typed = cleanText(row.get('Video Link'));
    // A link copied without its scheme (meet.google.com/abc-defg-hij, as an address bar shows
    // it) is read as https://; a word, or another scheme (javascript:, data:), is not.
    const videoLink =
      typed && !/^[a-z][a-z0-9+.-]*:/i.test(typed) && isWebLink(`https://${typed}`)
        ? `https://${typed}`
        : typed;
    // Families are sent the link to click: only a web address (javascript:, data: or a word is not).
    if (videoLink && !isWebLink(videoLink))
      bad(
        'Video Link',
        `"${videoLink}" is not a web address, and families are sent this link to join with. Write the whole link, starting https:// (as the meeting app gives it), or leave it blank for a window held in person.`,
      );
    const written = parseMeet(row.get('Mode'));
    if (written === null)
      bad(
        'Mode',
        `cannot read "${cleanText(row.get('Mode'))}" as a mode; write ${Object.values(MEET_WORDS).join(', ')}, or leave it blank.`,
      );
    else if (written && written !== 'in person' && !videoLink)
      bad(
        'Mode',
        `this window is ${MEET_WORDS[written]} but has no Video Link. Add the link families join with, or write In person.`,
      );
    if (teacher && email) {
      const key = nameKey(teacher);
      const known = byName.get(key);
      if (known && known.email !== email)
        bad(
          'Email',
          `${teacher} is listed with ${known.email} on an earlier row; one teacher needs one email.`,
        );
      else if (!known) byName.set(key, { name: teacher, email });
      // One address under two names: families and the Schedule would show the teacher both ways.
      const named = byEmail.get(email);
      if (named && nameKey(named.name) !== key)
        bad(
          'Teacher',
          `${email} is ${named.name}'s on row ${named.row}; one teacher is shown to families by one name. Write the name the same way on every row (or correct the email).`,
          'warning',
        );
      else if (!named) byEmail.set(email, { name: teacher, row: row.row });
    }
    if (problems.slice(before).some((p) => p.severity === 'error')) {
      if (teacher && email) refused.push({ teacher, teacherEmail: email, row: row.row });
      continue;
    }
    windows.push({
      teacher,
      teacherEmail: email!,
      date: date!,
      start: start!,
      end: end!,
      room,
      capacity,
      videoLink,
      mode: windowMeet(written ?? undefined, room, videoLink),
      row: row.row,
    });
  }
  // Overlaps: the same teacher twice at once would double-book them.
  const sorted = [...windows].sort(
    (a, b) =>
      a.teacherEmail.localeCompare(b.teacherEmail) ||
      a.date.localeCompare(b.date) ||
      a.start - b.start,
  );
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.teacherEmail === b.teacherEmail && a.date === b.date && b.start < a.end) {
      problems.push({
        severity: 'error',
        where: { sheet: 'Teachers', row: b.row, column: table.columns.get('Start') ?? 1 },
        message: `Teachers, row ${b.row}: ${b.teacher}'s window ${formatMinutes(b.start)}–${formatMinutes(b.end)} on ${b.date} overlaps row ${a.row} (${formatMinutes(a.start)}–${formatMinutes(a.end)}). Merge them or change one.`,
      });
    }
  }
  const overlapping = new Set(
    problems.filter((p) => p.message.includes(' overlaps row ')).map((p) => p.where!.row),
  );
  return {
    windows: windows.filter((w) => !overlapping.has(w.row)),
    refused,
    teachers: [...byName.values()],
    problems,
    rowsRead: table.rows.length,
  };
}

/**
 * A link families may be sent to join a conference: an http(s) address with a host (one dot at
 * least) and no space, quote or angle bracket; never a script or data URL, nor a word.
 */
export function isWebLink(text: string): boolean {
  return /^https?:\/\/[^\s/?#<>"'`\\]+\.[^\s/?#<>"'`\\]+(?:[/?#][^\s<>"'`\\]*)?$/i.test(text);
}

/**
 * The cell where a teacher's email belongs: the Email cell of the first Teachers row naming them,
 * or, for a teacher on no row, the Teacher cell of the first empty row.
 */
export function teacherEmailCell(
  values: unknown[][],
  name: string,
): { sheet: string; row: number; column: number } {
  const table = readTable(TEACHERS, values, TEACHER_ALIASES);
  const row = table.rows.find((r) => nameKey(r.get('Teacher')) === nameKey(name));
  return row
    ? { sheet: 'Teachers', row: row.row, column: table.columns.get('Email') ?? 1 }
    : { sheet: 'Teachers', row: values.length + 1, column: table.columns.get('Teacher') ?? 1 };
}
