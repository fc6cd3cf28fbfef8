/**
 * Writing blocks of cells the add-on owns, formats first, then values, each in one call, so
 * people's text lands as plain text and never as a formula (core/answers.ts, core/cells.ts).
 */
import { cellFormats } from '../core/answers';
import { cellBlocks, rowsNow } from '../core/blocks';
import { columnCell, PLAIN_TEXT, textFormat, TYPED_KINDS } from '../core/cells';
import { cleanText } from '../core/normalize';
import { type ColumnKind, headerKey, NUMBER_FORMATS, type SheetSpec } from '../core/schema';
import { UserError } from '../core/errors';

export function writeGrid(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: unknown[][],
  kinds: Parameters<typeof cellFormats>[1] = [],
): void {
  range.setNumberFormats(cellFormats(rows, kinds));
  range.setValues(rows);
}

/**
 * Writes only the given cells of one column (row number → value), so a cell between them, which
 * the writer did not compute, keeps what a person may have typed since the writer read the sheet.
 * One run of adjacent rows is written as it is; several are written as one span, the cells
 * between read again just before (two calls instead of three per run, and nothing stale written),
 * or taken from `held` when the caller has just read the sheet (the cell's value by row).
 */
export function writeColumnCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  cells: ReadonlyMap<number, unknown>,
  write: (range: GoogleAppsScript.Spreadsheet.Range, values: unknown[][]) => void,
  held?: (row: number) => unknown,
): void {
  const byRow = new Map([...cells].map(([row, value]) => [row, new Map([[column, value]])]));
  const blocks = cellBlocks(byRow);
  if (blocks.length <= 1) {
    for (const b of blocks) write(sheet.getRange(b.row, column, b.values.length, 1), b.values);
    return;
  }
  const first = blocks[0]!.row;
  const end = blocks[blocks.length - 1]!;
  const last = end.row + end.values.length - 1;
  const range = sheet.getRange(first, column, last - first + 1, 1);
  const now = held ? null : range.getValues();
  const between = (i: number) => (held ? held(first + i) : now![i]![0]);
  write(
    range,
    Array.from({ length: last - first + 1 }, (_, i) => [
      cells.has(first + i) ? cells.get(first + i) : between(i),
    ]),
  );
}

/**
 * The rows below the header as they are now (row 2 first), `width` columns: read just before a
 * write, under the document lock the job holds, so the writer finds its rows again by key
 * (core/blocks.ts `rowsNow`) after a person sorted, deleted or added rows. Two calls, the data
 * range and its values (docs/EMULATOR.md row 56: it ends at the last row holding data), where
 * the last row and then a range of it took three.
 */
export function rowsAsTheyAre(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  width: number,
): unknown[][] {
  if (width < 1) return [];
  const [, ...rows] = sheet.getDataRange().getValues();
  // The data range is as wide as the widest row holding data: cut or fill to `width`.
  return rows.map((r) =>
    r.length >= width
      ? r.slice(0, width)
      : [...r, ...new Array<unknown>(width - r.length).fill('')],
  );
}

/**
 * Writes cells of one column (row as the writer read it → value) to the rows that hold their keys
 * (Conference IDs) just before the write, as `writeColumnCells` does: a person may have sorted,
 * deleted or added rows since the writer read the sheet. Two calls more than the write; the cells
 * between written rows come from that same read. Answers the rows read whose key is on no row
 * now, or on several: those get no cell.
 */
export function writeColumnByKey(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  keyColumn: number,
  cells: ReadonlyMap<number, unknown>,
  keyOf: (row: number) => string,
  write: (range: GoogleAppsScript.Spreadsheet.Range, values: unknown[][]) => void,
): number[] {
  if (cells.size === 0) return [];
  const now = rowsAsTheyAre(sheet, Math.max(column, keyColumn));
  const meant = new Map([...cells.keys()].map((row) => [row, keyOf(row)]));
  const { at, lost } = rowsNow(
    meant,
    now.map((r) => r[keyColumn - 1]),
    2,
  );
  const moved = new Map([...cells].flatMap(([row, v]) => (at.has(row) ? [[at.get(row)!, v]] : [])));
  writeColumnCells(sheet, column, moved, write, (row) => now[row - 2]?.[column - 1]);
  return lost;
}

/**
 * Writes the cells of the column headed `column` (key → value) on every row whose `key` column
 * holds that key, both found by header in the sheet as it is just before the write (the writer
 * holds the document lock): a person may have sorted, deleted or added rows, or moved columns,
 * since the writer read it. Unlike `writeColumnByKey`, whose column numbers come from the
 * writer's read and which skips a key on several rows, this is for a mark that records what was
 * told: it must land wherever the key is now, or the next run tells again. A column people
 * removed comes back past everything they typed (`putBackHeaders`); a cell already holding its
 * value is not written. A sheet without its key column is an error naming it. Answers how many
 * rows hold one of the keys now.
 */
export function writeColumnByHeader(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: string,
  column: string,
  cells: ReadonlyMap<string, unknown>,
  write: (range: GoogleAppsScript.Spreadsheet.Range, values: unknown[][]) => void,
): number {
  if (cells.size === 0) return 0;
  const now = sheet.getDataRange().getValues();
  const header = (now[0] ?? []).map((h) => cleanText(h));
  const keyAt = header.indexOf(key);
  if (keyAt < 0)
    throw new UserError(
      `The ${sheet.getName()} sheet lost its ${key} column while the add-on was writing ${column}. Put the column back (Edit > Undo) and run again.`,
      { sheet: sheet.getName(), row: 1, column: 1 },
    );
  const changed = new Map<number, unknown>();
  let at = header.indexOf(column);
  let held = 0;
  now.forEach((r, i) => {
    const value = cells.get(cleanText(r[keyAt]));
    if (i === 0 || value === undefined) return;
    held++;
    if (at < 0 || r[at] !== value) changed.set(i + 1, value);
  });
  if (changed.size === 0) return held;
  if (at < 0) at = putBackHeaders(sheet, header.length, [column])[0]! - 1;
  writeColumnCells(sheet, at + 1, changed, write, (row) => now[row - 1]?.[at] ?? '');
  return held;
}

/**
 * Puts back header cells people removed, as plain text past every column holding data (`width`,
 * the data range's), so nothing people typed in the sheet is written over, not even a note
 * beside the table. Answers their column numbers.
 */
export function putBackHeaders(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  width: number,
  headers: string[],
): number[] {
  if (headers.length === 0) return [];
  const max = sheet.getMaxColumns();
  if (max < width + headers.length) sheet.insertColumnsAfter(max, width + headers.length - max);
  sheet
    .getRange(1, width + 1, 1, headers.length)
    .setNumberFormat(PLAIN_TEXT)
    .setValues([headers]);
  return headers.map((_, i) => width + 1 + i);
}

/**
 * Makes a sheet at least this many rows long before a write below its last row (Range calls past
 * the sheet's rows fail): its size asked once, rows added only when it is short.
 */
export function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
}

/** The column kinds of a sheet's header, by the spec (undefined for people's own columns). */
export function kindsOf(spec: SheetSpec, header: string[]): Parameters<typeof cellFormats>[1] {
  return header.map((h) => spec.columns.find((c) => c.header === h)?.kind);
}

/** A column of a sheet as new rows are written into it: what it holds and its number format. */
export interface RowColumn {
  kind: ColumnKind | null;
  format: string;
}

/**
 * The columns of new rows under a header: the add-on's word columns plain text; typed columns and
 * people's own as the row above has them (`like`), else as set-up formats them.
 */
export function newRowColumns(
  spec: SheetSpec,
  header: unknown[],
  like: string[] = [],
): RowColumn[] {
  return header.map((h, i) => {
    const column = spec.columns.find((c) => headerKey(c.header) === headerKey(h));
    if (column && !TYPED_KINDS.has(column.kind)) return { kind: column.kind, format: PLAIN_TEXT };
    const format = like[i] ?? (column && NUMBER_FORMATS[column.kind]) ?? 'General';
    return { kind: column?.kind ?? null, format };
  });
}

/** Rows written in their columns' formats, each value by the one rule of core/cells.ts. */
export function writeRows(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: unknown[][],
  columns: RowColumn[],
): void {
  const at = (i: number): RowColumn => columns[i] ?? { kind: null, format: PLAIN_TEXT };
  const formats = rows.map((r) => r.map((v, i) => textFormat(v, at(i).format)));
  range.setNumberFormats(formats);
  range.setValues(rows.map((r, j) => r.map((v, i) => columnCell(v, at(i).kind, formats[j]![i]))));
}
