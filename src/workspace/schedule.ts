/**
 * Build schedule: reads everything once (roster, teachers, availability, the Schedule sheet as
 * people left it), runs the engine, and writes the cells it computed, one setValues per block.
 * Locked and invited conferences stay exactly where they are; people's own columns and notes are
 * carried over; formulas people put in the sheet are written back as formulas.
 */
import { conferencesInWindow } from '../shared/windows';
import {
  BUILT_COLUMNS,
  buildProblem,
  readAvailability,
  readScheduleSheet,
  type ScheduleRow,
  scheduleRows,
  withFamilyAnswers,
} from '../core/schedule/sheet';
import { buildSchedule } from '../core/schedule/engine';
import type { Schedule } from '../core/schedule/types';
import { type ColumnKind, headerKey, NUMBER_FORMATS, SCHEDULE } from '../core/schema';
import { columnCell, PLAIN_TEXT, textFormat, TYPED_KINDS } from '../core/cells';
import { UserError } from '../core/errors';
import { cellBlocks, rowsNow } from '../core/blocks';
import type { Problem, SchedulePreview } from '../shared/api';
import { cellWallClock, readSchool, readSettingsWithoutName, schoolZone } from './data';
import { sheetMemo } from './reads';
import { dayIn } from '../core/zone';
import type { ChunkResult, JobSpec } from './jobs';
import { recordResponses } from './responses';
import { newConferenceId } from './codes';
import { formatMinutes } from '../core/normalize';
import type { RosterResult } from '../core/roster';
import { recordWaitlist } from './waitlist';
import { ensureRows, rowsAsTheyAre } from './write';

interface Plan {
  schedule: Schedule;
  preview: SchedulePreview;
  /** The Roster with the families' own answers (language, interpreter). */
  roster: RosterResult;
  /** The round the build scheduled. */
  round: string;
  rows: () => ScheduleRow[];
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The sheet's values as the build read them, header first. */
  values: unknown[][];
  formulas: string[][];
  formats: string[][];
  header: unknown[];
  oldRowCount: number;
  /** Columns of the range read: the sheet has at least these. */
  oldWidth: number;
}

/**
 * The schedule the engine builds from the sheets. A caller that has read some of them this
 * execution (the responses recorded first) passes its memo, so none is read twice.
 */
export function planSchedule(memo = sheetMemo(SpreadsheetApp.getActiveSpreadsheet())): Plan {
  const ss = memo.spreadsheet;
  const sheet = memo.sheet('Schedule');
  if (!sheet) throw new UserError('There is no Schedule sheet. Run Set up first.');
  const settings = readSettingsWithoutName(ss);
  const day = dayIn(new Date(), schoolZone(ss, settings));
  const data = readSchool(ss, settings, day, memo.read);
  if (!data.roster || data.roster.students.length === 0)
    throw new UserError(
      'There are no students to schedule yet: fill in the Roster sheet (step 2) first.',
      { sheet: 'Roster', row: 1, column: 1 },
    );
  if (!data.teachers || data.teachers.windows.length === 0)
    throw new UserError(
      'There are no teacher windows to schedule into: fill in the Teachers sheet (step 3) first.',
      { sheet: 'Teachers', row: 1, column: 1 },
    );
  const wall = cellWallClock(ss);
  // The used area, whose values, formulas and formats are read in one call each. An empty
  // sheet's data range is its one blank cell A1 (docs/EMULATOR.md row 56).
  const range = sheet.getDataRange();
  const read = range.getValues();
  const empty = read.length === 1 && read[0]!.every((v) => v === '');
  const values = empty ? [] : read;
  const formulas = empty ? [] : range.getFormulas();
  const formats = empty ? [] : range.getNumberFormats();
  const lastRow = values.length;
  const existing = readScheduleSheet(values, wall, data.roster.families);
  const availability = readAvailability(
    memo.read('Availability'),
    data.roster,
    wall,
    settings.roundName,
  );
  // Families' own answers on the availability form (language, interpreter) win over the Roster's.
  const roster = withFamilyAnswers(data.roster, availability.answers);
  // A window on a day already gone takes no new conference (the Teachers step warns of it);
  // one on a day the Schedule already holds conferences stays, so they keep their window.
  const heldDays = new Set(existing.rows.map((r) => r.date).filter((d) => d !== null));
  const built = buildProblem({
    roster,
    windows: data.teachers.windows.filter((w) => w.date >= day || heldDays.has(w.date)),
    refused: data.teachers.refused,
    settings,
    availability: availability.byFamily,
    paperAvailability: availability.paper,
    sheet: existing,
    seed: 20261,
  });
  const result = buildSchedule(built.problem);
  const q = result.quality;
  const studentName = new Map(
    data.roster.students.map((s) => [
      s.id,
      { name: `${s.firstName} ${s.lastName}`.trim(), teacher: s.teacher, row: s.row },
    ]),
  );
  const perTeacher = new Map<string, { teacher: string; conferences: number; places: number }>();
  for (const w of data.teachers.windows) {
    const t = perTeacher.get(w.teacherEmail) ?? { teacher: w.teacher, conferences: 0, places: 0 };
    t.places +=
      w.capacity *
      conferencesInWindow(w, settings.conferenceMinutes, settings.changeoverMinutes ?? 0);
    perTeacher.set(w.teacherEmail, t);
  }
  for (const c of result.conferences) {
    const t = perTeacher.get(c.teacherEmail);
    if (t) t.conferences++;
  }
  const waits = q.waiting;
  const problems: Problem[] = [...built.problems, ...availability.problems];
  const preview: SchedulePreview = {
    students: q.students,
    placed: q.placed,
    conferences: result.conferences.length,
    kept: result.conferences.filter((c) => c.fixed).length,
    unplaced: result.unplaced.map((u) => {
      const s = studentName.get(u.studentId);
      return {
        studentId: u.studentId,
        name: s?.name ?? u.studentId,
        teacher: s?.teacher ?? '',
        reason: u.reason,
        where: s ? { sheet: 'Roster', row: s.row, column: 1 } : undefined,
      };
    }),
    siblingFamilies: q.siblingFamilies,
    siblingsBackToBack: q.siblingsBackToBack,
    firstChoice: q.rankMet.first,
    withPreferences: q.rankMet.first + q.rankMet.other,
    meanWaitMinutes: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : 0,
    maxWaitMinutes: waits.length ? Math.max(...waits) : 0,
    perTeacher: [...perTeacher.values()].sort((a, b) => a.teacher.localeCompare(b.teacher)),
    sample: result.conferences.slice(0, 8).map((c) => ({
      date: c.date,
      time: `${formatMinutes(c.start)}–${formatMinutes(c.end)}`,
      teacher: perTeacher.get(c.teacherEmail)?.teacher ?? c.teacherEmail,
      students: c.studentIds.map((id) => studentName.get(id)?.name ?? id).join(', '),
    })),
    problems,
  };
  return {
    schedule: result,
    preview,
    roster,
    sheet,
    values,
    formulas,
    formats,
    header: values[0] ?? [],
    oldRowCount: lastRow,
    round: settings.roundName,
    oldWidth: read[0]?.length ?? 0,
    rows: () =>
      scheduleRows({
        sheet: existing,
        frozen: built.frozen,
        schedule: result,
        roster,
        windows: data.teachers!.windows,
        settings,
        newId: newConferenceId,
      }),
  };
}

/**
 * Each column's number format for the rows written: the add-on's text columns plain text (so a
 * room "101" or a name "=1+1" stays exactly as written), the others as set-up or people left them.
 */
function columnFormats(
  plan: Plan,
  width: number,
): { kind: ColumnKind | null; format: (row: number | null) => string }[] {
  const header = plan.header.length ? plan.header : SCHEDULE.columns.map((c) => c.header);
  return Array.from({ length: width }, (_, i) => {
    const spec = SCHEDULE.columns.find((c) => headerKey(c.header) === headerKey(header[i]));
    const firstData = plan.formats[1]?.[i];
    const fallback = (spec && NUMBER_FORMATS[spec.kind]) ?? firstData ?? 'General';
    if (spec && !TYPED_KINDS.has(spec.kind)) return { kind: spec.kind, format: () => PLAIN_TEXT };
    return {
      kind: spec?.kind ?? null,
      format: (row) => (row ? plan.formats[row - 1]?.[i] : undefined) ?? fallback,
    };
  });
}

/**
 * Writes the plan (values and formats) below the header, only the cells the build computed: a row
 * that stays on its sheet row is written in BUILT_COLUMNS only (nothing at all when kept as it
 * was), so a Locked box ticked, a note typed or a reminder marked while the build ran survives;
 * its Status only when the build changes it, so an attended or no-show mark made at check-in
 * while the build ran survives too. A row that moves, a new row and a row the round no longer
 * needs are written whole; a row that moves carries those same cells from the sheet as it is
 * just before the write, so such an edit moves with its row.
 *
 * Every row is found again by its Conference ID just before the write (`placesNow`), so a sort,
 * a deleted row or a row typed below while the build ran puts no conference's cells on another's.
 * When a conference the build read was deleted or copied meanwhile, nothing is written and
 * SCHEDULE_CHANGED is returned: the plan is made again from the sheet as it is.
 */
/** What writeSchedule returns when the Schedule changed under the plan: nothing was written. */
export const SCHEDULE_CHANGED = -1;

export function writeSchedule(plan: Plan): number {
  const rows = plan.rows();
  const width = Math.max(SCHEDULE.columns.length, ...rows.map((r) => r.cells.length));
  const columns = columnFormats(plan, width);
  const header = plan.header.length ? plan.header : SCHEDULE.columns.map((c) => c.header);
  const builtColumns = new Set<string>(BUILT_COLUMNS.map(headerKey));
  const builtAt = Array.from({ length: width }, (_, i) => builtColumns.has(headerKey(header[i])));
  const status = header.findIndex((h) => headerKey(h) === headerKey('Status'));
  const idAt = header.findIndex((h) => headerKey(h) === headerKey('Conference ID'));
  const cells = new Map<number, Map<number, { value: unknown; format: string }>>();
  const put = (
    sheetRow: number,
    owned: (i: number) => boolean,
    out: unknown[],
    formats: string[],
  ) => {
    const line = new Map<number, { value: unknown; format: string }>();
    out.forEach((value, i) => {
      if (owned(i)) line.set(i + 1, { value, format: formats[i]! });
    });
    if (line.size > 0) cells.set(sheetRow, line);
  };
  const places = placesNow(plan, idAt);
  if (places.changed) return SCHEDULE_CHANGED;
  rows.forEach(({ cells: computed, from, built }, index) => {
    const sheetRow = index + 2;
    const inPlace = from === sheetRow;
    const held = from ? plan.values[from - 1] : undefined;
    const to = places.target(sheetRow, idAt >= 0 ? String(computed[idAt] ?? '') : '');
    if (to === null) return;
    /** A cell the build did not compute on this row: people's, another step's, or kept as read. */
    const carried = (i: number) =>
      !built ||
      !builtAt[i]! ||
      (i === status && String(computed[i] ?? '') === String(held?.[i] ?? ''));
    // Taken again from the row that holds the same conference now.
    const fresh = from && !inPlace && idAt >= 0 ? places.rowOf(held?.[idAt]) : undefined;
    const row = fresh
      ? computed.map((v, i) => (carried(i) && i < fresh.length ? fresh[i] : v))
      : computed;
    const formats = columns.map((c, i) => textFormat(row[i], c.format(from)));
    const out = row.slice(0, width).map((v, i) => columnCell(v, columns[i]!.kind, formats[i]));
    while (out.length < width) out.push('');
    // Formulas people wrote in a carried-over row go back as formulas, not flattened values.
    const formulas = from ? plan.formulas[from - 1] : undefined;
    if (formulas)
      formulas.forEach((f, i) => {
        if (f && i < width) out[i] = f;
      });
    put(to, (i) => !inPlace || !carried(i), out, formats);
  });
  // Clear rows the round no longer needs (fewer conferences than before), where they are now.
  for (let sheetRow = rows.length + 2; sheetRow <= plan.oldRowCount; sheetRow++) {
    const to = places.at.get(sheetRow);
    if (to)
      put(
        to,
        () => true,
        new Array<unknown>(width).fill(''),
        columns.map((c) => c.format(null)),
      );
  }
  if (plan.oldRowCount === 0)
    plan.sheet.getRange(1, 1, 1, width).setValues([SCHEDULE.columns.map((c) => c.header)]);
  const last = Math.max(1, ...cells.keys());
  if (cells.size > 0) {
    // The sheet holds at least what was read: its size is asked only to grow past that.
    if (last > places.lastRow) ensureRows(plan.sheet, last);
    if (width > plan.oldWidth && plan.sheet.getMaxColumns() < width)
      plan.sheet.insertColumnsAfter(plan.sheet.getMaxColumns(), width - plan.sheet.getMaxColumns());
  }
  for (const b of cellBlocks(cells)) {
    const block = b.values as { value: unknown; format: string }[][];
    const range = plan.sheet.getRange(b.row, b.column, block.length, block[0]!.length);
    range.setNumberFormats(block.map((r) => r.map((c) => c.format)));
    range.setValues(block.map((r) => r.map((c) => c.value)));
  }
  return rows.length;
}

/**
 * Where the build's rows go, from the Schedule as it is just before the write: each sheet row
 * the build read is found again by the Conference ID it held (core/blocks.ts `rowsNow`), and new
 * rows go below the last row as it is then (a row typed below the Schedule meanwhile stays).
 */
function placesNow(plan: Plan, idAt: number) {
  const now = plan.oldRowCount > 0 ? rowsAsTheyAre(plan.sheet, plan.oldWidth) : [];
  const keyRead = (row: number) => (idAt >= 0 ? String(plan.values[row - 1]?.[idAt] ?? '') : '');
  const keysNow = now.map((r) => String((idAt >= 0 ? r[idAt] : '') ?? ''));
  const meant = new Map<number, string>();
  for (let row = 2; row <= plan.oldRowCount; row++) meant.set(row, keyRead(row));
  const { at, lost } = rowsNow(meant, keysNow, 2);
  const byKey = new Map(keysNow.map((key, i) => [key, now[i]!]));
  const lastRow = Math.max(now.length + 1, plan.oldRowCount);
  let below = lastRow;
  return {
    at,
    lastRow,
    /**
     * A conference the build read is on no row now (deleted) or on several (copied): the plan
     * was made from a Schedule that is no longer there, so it is not written.
     */
    changed: lost.some((row) => keyRead(row) !== ''),
    /** The row a conference is on now, by its Conference ID as read. */
    rowOf: (key: unknown) => (String(key ?? '') ? byKey.get(String(key)) : undefined),
    /**
     * Where the build's row for `sheetRow` (holding conference `own`) is written: on the row now
     * holding what the build read at `sheetRow`; below the last row when new, or when what it read
     * there was deleted meanwhile and the row brings another conference; else nowhere (the
     * conference a person deleted stays deleted).
     */
    target(sheetRow: number, own: string): number | null {
      if (sheetRow > plan.oldRowCount) return ++below;
      const found = at.get(sheetRow);
      if (found) return found;
      return own && own !== keyRead(sheetRow) ? ++below : null;
    },
  };
}

export const SCHEDULE_JOB: JobSpec<{ done: boolean }> = {
  name: 'schedule',
  label: 'building the schedule',
  start: () => ({ done: false }),
  step(_state, ctx): ChunkResult<{ done: boolean }> {
    // Availability answers a form-submit trigger could not record (lock busy, cut off) are
    // recorded first, so the build sees every family's answer.
    const memo = sheetMemo(ctx.spreadsheet());
    recordResponses({ rebuild: 'if-recorded', memo });
    let plan = planSchedule(memo);
    // A conference deleted or copied by a person while the plan was made: planned again from the
    // Schedule as it is now, as if the build had started after the edit.
    for (let tries = 1; writeSchedule(plan) === SCHEDULE_CHANGED; tries++) {
      if (tries === 3)
        throw new UserError(
          'The Schedule sheet kept changing while the schedule was built (a conference deleted or copied each time), so nothing was written. Build the schedule again.',
          { sheet: 'Schedule', row: 1, column: 1 },
        );
      plan = planSchedule(memo);
    }
    recordWaitlist(memo.spreadsheet, plan.schedule.unplaced, plan.roster, plan.round);
    const p = plan.preview;
    return {
      state: { done: true },
      done: true,
      processed: p.placed,
      total: p.students,
      message: `Scheduled ${p.placed} of ${p.students} students in ${p.conferences} conferences${p.kept ? ` (${p.kept} locked or invited kept as they were)` : ''}.${p.unplaced.length ? ` ${p.unplaced.length} could not be placed: they are on the Waitlist sheet, with why.` : ''}`,
      problems: p.problems,
    };
  },
};
