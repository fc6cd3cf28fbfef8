/**
 * The Summary sheet: read Schedule, Feedback and the Roster's grades once, build the grid in the
 * core, write its columns with one setValues (blanks below where the last Summary was longer),
 * and keep exactly one chart of each kind: found by title and updated, never inserted twice.
 * Below both callers that rebuild it: recording a form response, and the Summary job (summary.ts).
 */
import { readStudentPrep } from '../core/prep';
import {
  buildSummary,
  type SummaryConference,
  type SummaryFeedback,
  type SummaryGrid,
} from '../core/summary';
import { splitList } from '../core/cells';
import { cleanText, parseYesNo } from '../core/normalize';
import { FOLLOWUPS_SHEET } from '../core/followups';
import {
  readRoundFamilies,
  rosterFamilies,
  roundFamiliesKey,
  roundFamiliesOf,
  roundOver,
  writeRoundFamilies,
} from '../core/participation';
import { phoneAbout } from '../core/reminders';
import { documentProperties } from './props';
import type { RosterResult } from '../core/roster';
import { FEEDBACK, REFLECTIONS, STUDENT_PREP, SUMMARY } from '../core/schema';
import { readReflections } from '../core/goals';
import { readScheduleSheet } from '../core/schedule/sheet';
import { readTable } from '../core/table';
import { UserError } from '../core/errors';
import type { Settings } from '../shared/api';
import { cellWallClock, readSchool, readSettings, readSheet, schoolZone } from './data';
import { dayIn, secondsStampIn } from '../core/zone';
import { ensureRows, writeGrid } from './write';
import { sheetMemo, type SheetMemo, type SheetReader } from './reads';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function iso(value: unknown, timeZone: string): string {
  return value instanceof Date ? secondsStampIn(value, timeZone) : cleanText(value);
}

/**
 * The requests on the Follow-ups sheet, each its Kind and Status (columns found by header, a row
 * counted when it has a Request), or undefined without the sheet.
 */
function followUpCells(values: unknown[][] | null): { kind: string; status: string }[] | undefined {
  if (!values || values.length === 0) return undefined;
  const header = values[0]!.map((h) => cleanText(h));
  const at = (h: string) => header.indexOf(h);
  const cell = (r: unknown[], i: number) => (i < 0 ? '' : cleanText(r[i]));
  return values
    .slice(1)
    .filter((r) => cell(r, Math.max(0, at('Request'))))
    .map((r) => ({ kind: cell(r, at('Kind')), status: cell(r, at('Status')) }));
}

/**
 * The Summary's grid from one read of each sheet it draws on; the Roster parsed once, by the
 * caller or here.
 */
export function summaryOf(
  ss: Spreadsheet,
  settings: Settings,
  today: string,
  read: SheetReader = (name) => readSheet(ss, name),
  knownRoster?: RosterResult | null,
  knownProps: Record<string, string> | null = null,
): SummaryGrid & { keep: { key: string; value: string } | null } {
  // The Dates cells hold turn back into the times people typed on the spreadsheet's clock; the
  // answers' times the Summary writes as text follow the school's, as Follow-ups' Asked On does.
  const wall = cellWallClock(ss);
  const atSchool = schoolZone(ss, settings);
  // The Roster's parse reads the document's properties anyway (its families' kept ids): read
  // once, they also hold each earlier round's families.
  const props =
    knownProps ?? (knownRoster === undefined ? documentProperties().getProperties() : null);
  const roster =
    knownRoster === undefined ? readSchool(ss, settings, today, read, props).roster : knownRoster;
  const grades = new Map((roster?.students ?? []).map((st) => [st.id, st.grade]));
  // A family regrouped since the Schedule was built is still named there by its old id.
  const schedule = readScheduleSheet(read('Schedule') ?? [], wall, roster?.families ?? []);
  const at = (values: unknown[], h: string) => values[(schedule.columns.get(h) ?? 0) - 1];
  // A family no email reaches is reached at its phone: the Contact a follow-up request shows.
  const phoneOf = phoneAbout(roster);
  const conferences: SummaryConference[] = schedule.rows.map((r) => ({
    conferenceId: r.conferenceId,
    round: r.round,
    teacher: r.teacher,
    family: cleanText(at(r.values, 'Family')),
    familyId: r.familyId,
    studentIds: r.studentIds,
    grades: r.studentIds.map((id) => grades.get(id) ?? '').filter(Boolean),
    status: r.status || 'scheduled',
    date: r.date ?? '',
    start: r.start,
    end: r.end,
    room: cleanText(at(r.values, 'Room')),
    // The interpreter's language: the cell's first ("Spanish, English": a family whose households
    // read two languages books its interpreter in Spanish).
    language: cleanText(at(r.values, 'Language')).split(',')[0]!.trim(),
    interpreter: parseYesNo(at(r.values, 'Interpreter')) === true,
    emails: splitList(at(r.values, 'Emails')).join('; '),
    phone: phoneOf(r.familyId, r.studentIds),
  }));
  const feedbackValues = read(FEEDBACK.name) ?? [];
  const feedback: SummaryFeedback[] =
    feedbackValues.length > 1
      ? readTable(FEEDBACK, feedbackValues).rows.map((r) => {
          const rating = Number(r.get('Rating'));
          return {
            answered: iso(r.get('Answered'), atSchool),
            conferenceId: cleanText(r.get('Conference ID')),
            rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
            goal: cleanText(r.get('Goal')),
            help: cleanText(r.get('How We Help')),
            followUp: parseYesNo(r.get('Follow-up')) === true,
            followUpWhen: cleanText(r.get('Follow-up When')),
            privateTalk: parseYesNo(r.get('Private Talk')) === true,
            comments: cleanText(r.get('Comments')),
            flag: cleanText(r.get('Flag')),
          };
        })
      : [];
  const families = roster ? rosterFamilies(roster) : undefined;
  // This round's families, kept for when it is an earlier round (written only when they change),
  // until its last conference day has passed: a Roster pasted for the next round before the
  // Round is renamed (a late answer rebuilds the Summary) must not become this round's.
  const value = families ? writeRoundFamilies(roundFamiliesOf(families)) : null;
  const key = roundFamiliesKey(settings.roundName);
  const over = roundOver(conferences, settings.roundName, today);
  const keep =
    value !== null && props !== null && props[key] !== value && !(props[key] !== undefined && over)
      ? { key, value }
      : null;
  const summary = buildSummary({
    title: `${settings.schoolName}: student-led conferences`,
    round: settings.roundName,
    today,
    conferences,
    feedback,
    families,
    roundFamilies: (round) => readRoundFamilies(props?.[roundFamiliesKey(round)]),
    roundOver: over,
    prep: readStudentPrep(read(STUDENT_PREP.name)),
    // Read only once a student has reflected: the sheet is otherwise just its header.
    reflections:
      (ss.getSheetByName(REFLECTIONS.name)?.getLastRow() ?? 0) > 1
        ? readReflections(read(REFLECTIONS.name))
        : [],
    followUps: followUpCells(read(FOLLOWUPS_SHEET)),
  });
  return { ...summary, keep };
}

/**
 * Whether a chart on the sheet already draws the block: a column chart over the same ranges at the
 * same place. Such a chart needs no update: a chart draws the cells of its ranges as they are, so
 * the values written into them are what it shows. Reading a chart's ranges, type and place is
 * taken to ask Google nothing beyond the getCharts that returned it (both: docs/EMULATOR.md row
 * 61); a type that does not read as COLUMN only costs an update.
 */
function drawsBlock(
  chart: GoogleAppsScript.Spreadsheet.EmbeddedChart,
  block: SummaryGrid['charts'][number],
  anchor: { row: number; column: number },
): boolean {
  const ranges = chart.getRanges();
  const place = chart.getContainerInfo();
  return (
    String(chart.modify().getChartType()) === 'COLUMN' &&
    place.getAnchorRow() === anchor.row &&
    place.getAnchorColumn() === anchor.column &&
    place.getOffsetX() === 0 &&
    place.getOffsetY() === 0 &&
    ranges.length === block.columns.length &&
    ranges.every(
      (r, i) =>
        r.getRow() === block.row &&
        r.getColumn() === block.columns[i] &&
        r.getNumRows() === block.numRows &&
        r.getNumColumns() === 1,
    )
  );
}

/**
 * Puts each chart in place: the one with its title is updated when its ranges or place changed
 * (the Summary grew a teacher, or a section above it a row), a missing one inserted.
 */
function placeCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, summary: SummaryGrid): void {
  const charts = sheet.getCharts();
  const width = summary.grid[0]?.length ?? 1;
  summary.charts.forEach((block, i) => {
    const existing = charts.find((c) => c.getOptions().get('title') === block.title);
    const anchor = { row: 1 + i * 20, column: width + 2 };
    if (existing && drawsBlock(existing, block, anchor)) return;
    let builder = existing ? existing.modify().clearRanges() : sheet.newChart();
    for (const column of block.columns)
      builder = builder.addRange(sheet.getRange(block.row, column, block.numRows, 1));
    const chart = builder
      .asColumnChart()
      .setOption('title', block.title)
      .setPosition(anchor.row, anchor.column, 0, 0)
      .build();
    if (existing) sheet.updateChart(chart);
    else sheet.insertChart(chart);
  });
}

/**
 * Rebuilds the Summary sheet; returns the figures it shows. A caller that already holds the
 * spreadsheet, its settings and the document's properties passes them, so the execution does not
 * ask Google for them again.
 */
export function rebuildSummary(
  memo: SheetMemo = sheetMemo(SpreadsheetApp.getActiveSpreadsheet()),
  held?: { ss: Spreadsheet; settings: Settings; props: Record<string, string> },
): SummaryGrid['totals'] {
  const ss = held?.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const sheet = memo.sheet(SUMMARY.name);
  if (!sheet) throw new UserError('There is no Summary sheet. Run Set up first.');
  const settings = held?.settings ?? readSettings(ss);
  const today = dayIn(new Date(), schoolZone(ss, settings));
  const summary = summaryOf(ss, settings, today, memo.read, undefined, held?.props ?? null);
  // Its last row and column in one call: the data range is bounded by them (docs/EMULATOR.md row 56).
  const used = sheet.getDataRange();
  const lastRow = used.getNumRows();
  const lastColumn = used.getNumColumns();
  // The Summary's own columns, down to the last row the sheet holds (blanks where the last
  // Summary was longer); a column beside it is the coordinator's, for notes, and is not written.
  const rows = Math.max(summary.grid.length, lastRow);
  const columns = summary.grid[0]?.length ?? 1;
  const grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => summary.grid[r]?.[c] ?? ''),
  );
  // The sheet is at least as large as what it holds: its size is asked only to grow past that.
  if (rows > lastRow) ensureRows(sheet, rows);
  if (columns > lastColumn && sheet.getMaxColumns() < columns)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  writeGrid(sheet.getRange(1, 1, rows, columns), grid);
  placeCharts(sheet, summary);
  if (summary.keep) documentProperties().setProperty(summary.keep.key, summary.keep.value);
  return summary.totals;
}
