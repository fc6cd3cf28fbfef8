/**
 * Attendance check-in: the sidebar lists one teacher's conferences of the day and marks each
 * attended, no-show or rescheduled in two clicks. A mark writes that conference's Status cell on
 * the Schedule and nothing else; the row is found by its Conference ID, so a sort or an inserted
 * row since the list was shown changes nothing.
 */
import { UserError } from '../core/errors';
import { checkInOf, conferenceOf } from '../core/checkin';
import { readScheduleSheet } from '../core/schedule/sheet';
import { SCHEDULE } from '../core/schema';
import { dayIn } from '../core/zone';
import type { Attendance, CheckIn, CheckInConference } from '../shared/api';
import { cellWallClock, readSettings, readSheet, schoolZone } from './data';
import { updateStatusDropdown } from './setup';

function readDay() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // A teacher's day, by conference: no Family ID is read.
  const schedule = readScheduleSheet(readSheet(ss, SCHEDULE.name) ?? [], cellWallClock(ss), []);
  return { ss, schedule };
}

export function checkInView(teacher: string, day = ''): CheckIn {
  const { ss, schedule } = readDay();
  const settings = readSettings(ss);
  // The school's day, not the spreadsheet's: a teacher checks in the conferences of their own day.
  const today = dayIn(new Date(), schoolZone(ss, settings));
  return checkInOf(schedule, today, teacher, settings.roundName, day);
}

export function markAttendance(conferenceId: string, status: Attendance): CheckInConference {
  const { ss, schedule } = readDay();
  const row = schedule.rows.find((r) => r.conferenceId === conferenceId);
  const column = schedule.columns.get('Status');
  if (!row || !column)
    throw new UserError(
      `Conference ${conferenceId} is no longer on the Schedule sheet${column ? '' : ' (it has no Status column)'}. Nothing was marked; reload the check-in.`,
    );
  const sheet = ss.getSheetByName(SCHEDULE.name)!;
  const cell = sheet.getRange(row.row, column);
  // setValues, which Sheets checks against the cell's dropdown (docs/EMULATOR.md row 62).
  try {
    cell.setValues([[status]]);
  } catch (refused) {
    // A Schedule made before a status existed refuses it: the marked cell's dropdown decides
    // whether the column's list is brought up to date and the mark written again. Asked only
    // on a refusal, so a tap costs one call.
    const spec = SCHEDULE.columns.find((c) => c.header === 'Status')!;
    if (!updateStatusDropdown(sheet, column, spec, row.row)) throw refused;
    cell.setValues([[status]]);
  }
  return conferenceOf(row, schedule.columns, status);
}
