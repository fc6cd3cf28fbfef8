/**
 * "Place at once" (settings.placeResponses = 'at-once'): a family that answers the availability
 * form is placed into the free places straight away, first come, first served. The scheduler
 * runs as for "Build schedule", with every conference of the round held where it is, so nobody
 * else moves; only the new conferences are appended to the Schedule, in one write.
 */
import { inRound } from '../core/rounds';
import { buildSchedule } from '../core/schedule/engine';
import {
  buildProblem,
  readAvailability,
  readScheduleSheet,
  scheduleRows,
  withFamilyAnswers,
} from '../core/schedule/sheet';
import { SCHEDULE } from '../core/schema';
import {
  cellWallClock,
  readSchool,
  readSettings,
  readSheet,
  schoolZone,
  sheetValues,
} from './data';
import { dayIn } from '../core/zone';
import { newConferenceId } from './codes';
import { ensureRows, newRowColumns, writeRows } from './write';
import type { Student } from '../core/roster';
import type { Window } from '../core/teachers';

/** Places those of these families with no conference this round. Returns the conferences added. */
export function placeAtOnce(familyIds: string[]): number {
  const answering = new Set(familyIds);
  return placeNewcomers({ newcomer: (s) => answering.has(s.familyId) }).length;
}

/**
 * Places students of this round not on the Schedule yet (those `newcomer` picks), with everyone
 * already on it held where they are, into the teachers' windows (or only those `windows` keeps,
 * clipped as it says). Conferences whose status is in `freeing` hold no time. The new
 * conferences are appended to the Schedule in one write and returned with their IDs.
 */
export function placeNewcomers(options: {
  newcomer: (student: Student) => boolean;
  windows?: (windows: Window[]) => Window[];
  freeing?: Set<string>;
}): { conferenceId: string; studentIds: string[] }[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const data = readSchool(ss, settings, dayIn(new Date(), schoolZone(ss, settings)));
  const sheet = ss.getSheetByName(SCHEDULE.name);
  if (!data.roster || !data.teachers || !sheet) return [];
  const wall = cellWallClock(ss);
  const values = sheetValues(sheet);
  const lastRow = values.length;
  const existing = readScheduleSheet(values, wall, data.roster.families);
  const round = settings.roundName;
  const freeing = options.freeing ?? new Set(['cancelled']);
  const live = (r: { round: string; status: string }) =>
    inRound(r.round, round) && !freeing.has(r.status);
  const placed = new Set(existing.rows.filter(live).flatMap((r) => r.studentIds));
  const newcomers = data.roster.students.filter((s) => options.newcomer(s) && !placed.has(s.id));
  if (newcomers.length === 0) return [];
  const joining = new Set(newcomers.map((s) => s.id));
  // Everyone already on the Schedule is held as if locked; only the newcomers are placed. A
  // freed conference (when asked) is left out, so its time is free and no row is matched to it.
  const held = {
    ...existing,
    rows: existing.rows.flatMap((r) =>
      live(r) ? [{ ...r, locked: true }] : options.freeing && inRound(r.round, round) ? [] : [r],
    ),
  };
  const availability = readAvailability(readSheet(ss, 'Availability'), data.roster, wall, round);
  const answered = withFamilyAnswers(data.roster, availability.answers);
  const roster = {
    ...answered,
    students: answered.students.filter((s) => placed.has(s.id) || joining.has(s.id)),
  };
  const windows = options.windows ? options.windows(data.teachers.windows) : data.teachers.windows;
  const built = buildProblem({
    roster,
    windows,
    settings,
    availability: availability.byFamily,
    paperAvailability: availability.paper,
    sheet: held,
    seed: 20261,
  });
  const result = buildSchedule(built.problem);
  const added = scheduleRows({
    sheet: held,
    frozen: built.frozen,
    schedule: result,
    roster,
    windows,
    settings,
    newId: newConferenceId,
  }).filter((r) => r.from === null);
  if (added.length === 0) return [];
  const width = Math.max(SCHEDULE.columns.length, ...added.map((r) => r.cells.length));
  const body = added.map((r) => [
    ...r.cells,
    ...new Array<unknown>(width - r.cells.length).fill(''),
  ]);
  const header = lastRow > 0 ? existing.header : SCHEDULE.columns.map((c) => c.header);
  if (lastRow === 0) sheet.getRange(1, 1, 1, header.length).setValues([header]);
  // New rows take the formats of the row above (people's own columns too); names stay text.
  const like = lastRow > 1 ? sheet.getRange(lastRow, 1, 1, width).getNumberFormats()[0] : [];
  const columns = newRowColumns(SCHEDULE, padded(header, width), like);
  // Below the last row as it is now, not as read: a row a person added meanwhile is kept.
  const at = Math.max(lastRow === 0 ? 1 : sheet.getLastRow(), 1) + 1;
  ensureRows(sheet, at + body.length - 1);
  writeRows(sheet.getRange(at, 1, body.length, width), body, columns);
  const column = (name: string) => header.findIndex((h) => String(h) === name);
  return body.map((cells) => ({
    conferenceId: String(cells[column('Conference ID')] ?? ''),
    studentIds: String(cells[column('Student IDs')] ?? '')
      .split(';')
      .map((id) => id.trim())
      .filter(Boolean),
  }));
}

function padded(header: unknown[], width: number): unknown[] {
  return [...header, ...new Array<unknown>(Math.max(0, width - header.length)).fill('')];
}
