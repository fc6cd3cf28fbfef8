/**
 * The check-in: which day a teacher marks attendance for, and that day's conferences as the
 * Check-in panel lists them, from the Schedule as read (src/workspace/checkin.ts reads and writes).
 */
import type { CheckIn, CheckInConference } from '../shared/api';
import { cleanText, formatMinutes } from './normalize';
import type { ExistingRow, ScheduleSheet } from './schedule/sheet';

/** One conference as the Check-in panel lists it. */
export function conferenceOf(
  r: ExistingRow,
  columns: Map<string, number>,
  status = r.status,
): CheckInConference {
  const cell = (h: string) => cleanText(r.values[(columns.get(h) ?? 0) - 1]);
  return {
    conferenceId: r.conferenceId,
    time:
      r.start === null
        ? '(time not readable)'
        : `${formatMinutes(r.start)}${r.end === null ? '' : `–${formatMinutes(r.end)}`}`,
    students: cell('Students'),
    room: cell('Room'),
    status,
  };
}

/**
 * The day to check in: today when conferences are held today, else the latest day before (marked
 * afterwards), else the first day to come.
 */
function checkInDay(days: string[], today: string): string {
  if (days.includes(today)) return today;
  const before = days.filter((d) => d < today);
  return before[before.length - 1] ?? days.find((d) => d > today) ?? today;
}

/** The check-in of one teacher's conferences on the day to check in (the first teacher's if not theirs). */
export function checkInOf(schedule: ScheduleSheet, today: string, teacher: string): CheckIn {
  const rows = schedule.rows.filter((r) => r.conferenceId && r.date);
  const date = checkInDay([...new Set(rows.map((r) => r.date!))].sort(), today);
  const ofDay = rows.filter((r) => r.date === date);
  const teachers = [...new Set(ofDay.map((r) => r.teacher))].sort((a, b) => a.localeCompare(b));
  const chosen = teachers.includes(teacher) ? teacher : (teachers[0] ?? '');
  return {
    date,
    teachers,
    teacher: chosen,
    conferences: ofDay
      .filter((r) => r.teacher === chosen)
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .map((r) => conferenceOf(r, schedule.columns)),
  };
}
