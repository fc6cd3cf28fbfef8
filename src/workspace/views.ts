/**
 * "Print views": one tab per teacher with that teacher's conferences in time order, ready for
 * File › Print. Made on request (a school of 80 teachers does not want 80 tabs it did not ask
 * for), rebuilt from the Schedule sheet each time, one write per tab. The tabs the add-on made
 * are remembered by sheet ID in document properties, so a renamed tab is still found and a
 * teacher no longer on the Schedule loses only the add-on's own tab. Cut off between creating a
 * tab and remembering it, the next run adopts the tab by its name and header instead of failing.
 */
import { teacherViews, VIEW_COLUMNS, viewSheetName } from '../core/schedule/views';
import { UserError } from '../core/errors';
import { cellValue, PLAIN_TEXT, textFormat } from '../core/cells';
import { NUMBER_FORMATS } from '../core/schema';
import type { ChunkResult, JobSpec } from './jobs';
import { readJson, writeJson } from './props';
import { readSettings, readSheet } from './data';
import { ensureRows } from './write';

const VIEWS_PROP = 'slc:views';

interface State {
  /** Teachers still to write, in order. */
  left: string[];
  total: number;
}

const FORMATS: string[] = VIEW_COLUMNS.map((h) =>
  h === 'Date'
    ? NUMBER_FORMATS.date!
    : h === 'Start' || h === 'End'
      ? NUMBER_FORMATS.time!
      : PLAIN_TEXT,
);

/**
 * The tab name for a teacher's view: viewSheetName, or with " (2)", " (3)"... when a tab of that
 * name (ignoring case, as Sheets does) is another teacher's view ("Ms. Rivera" and "ms. rivera"
 * are two teachers on the Schedule but cannot have two tabs so named). An existing tab of the
 * name that no teacher claims is returned to be adopted (a run cut off before remembering it).
 */
function freeViewName(
  teacher: string,
  byName: Map<string, GoogleAppsScript.Spreadsheet.Sheet>,
  made: Record<string, number>,
): { name: string; existing: GoogleAppsScript.Spreadsheet.Sheet | undefined } {
  const claimed = new Set(
    Object.entries(made)
      .filter(([t]) => t !== teacher)
      .map(([, id]) => id),
  );
  const base = viewSheetName(teacher);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const existing = byName.get(name.toLowerCase());
    if (!existing || !claimed.has(existing.getSheetId())) return { name, existing };
  }
}

export const VIEWS_JOB: JobSpec<State> = {
  name: 'views',
  label: "making the teachers' print views",
  start: () => ({ left: [], total: -1 }),
  step(state, ctx): ChunkResult<State> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const values = readSheet(ss, 'Schedule');
    if (!values || values.length < 2)
      throw new UserError('The Schedule sheet has no conferences yet: build the schedule first.', {
        sheet: 'Schedule',
        row: 1,
        column: 1,
      });
    const views = new Map(
      teacherViews(values, readSettings(ss).roundName).map((v) => [v.teacher, v]),
    );
    if (state.total < 0) state = { left: [...views.keys()], total: views.size };
    const made = readJson<Record<string, number>>(VIEWS_PROP) ?? {};
    const sheets = ss.getSheets();
    const byId = new Map(sheets.map((s) => [s.getSheetId(), s]));
    // Sheets refuses two tab names that differ only in case, so names are compared that way.
    const byName = new Map(sheets.map((s) => [s.getName().toLowerCase(), s]));
    // Counted here, not asked per new tab: each tab goes in at the end.
    let tabs = sheets.length;
    let written = 0;
    // At least one view a chunk, however long the reads before it took: on a very slow day
    // (Google at 40 times its usual latency) the reads alone can spend the budget, and a chunk
    // that writes nothing would be clicked again forever. One view more stays far inside the
    // six minutes an execution has.
    while (state.left.length > 0 && (written === 0 || !ctx.outOfTime())) {
      const teacher = state.left[0]!;
      const view = views.get(teacher);
      if (view) {
        let sheet = made[teacher] !== undefined ? byId.get(made[teacher]) : undefined;
        let empty = false;
        if (!sheet) {
          const { name, existing } = freeViewName(teacher, byName, made);
          if (
            existing &&
            existing.getLastRow() > 0 &&
            existing.getRange(1, 1, 1, VIEW_COLUMNS.length).getValues()[0]!.join('|') !==
              VIEW_COLUMNS.join('|')
          ) {
            throw new UserError(
              `A tab named "${name}" already exists and is not one the add-on made. Rename it, then make the print views again.`,
              { sheet: name, row: 1, column: 1 },
            );
          }
          empty = !existing;
          sheet = existing ?? ss.insertSheet(name, tabs++);
          byName.set(name.toLowerCase(), sheet);
          made[teacher] = sheet.getSheetId();
          writeJson(VIEWS_PROP, made);
          sheet.setFrozenRows(1);
        }
        const formats = view.rows.map((r) => FORMATS.map((f, c) => textFormat(r[c], f)));
        const rows = view.rows.map((r, i) =>
          i === 0 ? r : r.map((v, c) => cellValue(v, formats[i]![c])),
        );
        if (!empty && sheet.getLastRow() > 0)
          sheet
            .getRange(
              1,
              1,
              sheet.getLastRow(),
              Math.max(sheet.getLastColumn(), VIEW_COLUMNS.length),
            )
            .clearContent();
        ensureRows(sheet, rows.length);
        const range = sheet.getRange(1, 1, rows.length, VIEW_COLUMNS.length);
        range.setNumberFormats(formats);
        range.setValues(rows);
      }
      state.left.shift();
      written++;
    }
    const done = state.left.length === 0;
    if (done) {
      // Tabs of teachers no longer on the Schedule: only the add-on's own.
      let removed = 0;
      for (const [teacher, id] of Object.entries(made)) {
        if (views.has(teacher)) continue;
        const sheet = byId.get(id);
        if (sheet) ss.deleteSheet(sheet);
        delete made[teacher];
        removed++;
      }
      if (removed > 0) writeJson(VIEWS_PROP, made);
    }
    const processed = state.total - state.left.length;
    return {
      state,
      done,
      processed,
      total: state.total,
      message: done
        ? `Made ${state.total} print views, one tab per teacher ("${viewSheetName('Ms. Rivera')}" and so on). Open a tab, then File › Print.`
        : `Wrote ${processed} of ${state.total} teachers' views (${written} in this step).`,
    };
  },
};
