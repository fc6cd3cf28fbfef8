/**
 * The check-in: the round's conference days, which one a teacher marks attendance for, and that
 * day's conferences as the Check-in panel lists them, from the Schedule as read (src/workspace/checkin.ts reads and writes).
 */
import type { CheckIn, CheckInConference } from '../shared/api';
import { cleanText, formatMinutes } from './normalize';
import { unmarkedPast } from './questionnaire';
import { inRound } from './rounds';
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
 * The day to check in when none is asked for: today when conferences are held today, else the
 * latest day before that still has a conference left unmarked (the Questionnaire and Summary wait
 * for it), else the latest day before, else the first day to come.
 */
function checkInDay(rows: ExistingRow[], days: string[], round: string, today: string): string {
  if (days.includes(today)) return today;
  const unmarked = unmarkedPast(rows, round, today).map((r) => r.date!);
  const before = days.filter((d) => d < today);
  return unmarked.sort().pop() ?? before.pop() ?? days.find((d) => d > today) ?? today;
}

/**
 * The check-in of one teacher's conferences of this round on `day` (when it is one of the round's
 * days, else the day to check in), the first teacher's of that day if the teacher has none then.
 */
export function checkInOf(
  schedule: ScheduleSheet,
  today: string,
  teacher: string,
  round: string,
  day = '',
): CheckIn {
  const rows = schedule.rows.filter((r) => r.conferenceId && r.date && inRound(r.round, round));
  const days = [...new Set(rows.map((r) => r.date!))].sort();
  const date = days.includes(day) ? day : checkInDay(rows, days, round, today);
  const ofDay = rows.filter((r) => r.date === date);
  const teachers = [...new Set(ofDay.map((r) => r.teacher))].sort((a, b) => a.localeCompare(b));
  const chosen = teachers.includes(teacher) ? teacher : (teachers[0] ?? '');
  return {
    date,
    days,
    teachers,
    teacher: chosen,
    conferences: ofDay
      .filter((r) => r.teacher === chosen)
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .map((r) => conferenceOf(r, schedule.columns)),
  };
}
