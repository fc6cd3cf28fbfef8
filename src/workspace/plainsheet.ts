/**
 * A sheet the add-on writes whole the first time (Waitlist, Follow-ups): the header and every row
 * in one setValues, as plain text (a Student ID "00123" or a name "=1+1" stays exactly as
 * written), blanks over rows the last write had beyond them. Made when first needed; returned.
 * Once people have the sheet, its writers keep their layout instead (waitlist.ts, followups.ts).
 */
import { cellValue, PLAIN_TEXT, textFormat } from '../core/cells';
import { ensureRows } from './write';

export function writePlainSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  header: string[],
  rows: string[][],
  /** The sheet when the caller just looked it up (null: there is none), so it is not sought again. */
  found: GoogleAppsScript.Spreadsheet.Sheet | null = ss.getSheetByName(name),
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = found ?? ss.insertSheet(name);
  const grid = [header, ...rows];
  // A sheet just made holds nothing to blank out.
  const lastRow = found ? sheet.getLastRow() : 0;
  while (grid.length < lastRow) grid.push(header.map(() => ''));
  ensureRows(sheet, grid.length);
  // A text starting with an apostrophe goes in an automatic cell (core/cells.ts textFormat).
  const formats = grid.map((r) => r.map((v) => textFormat(v, PLAIN_TEXT)));
  sheet
    .getRange(1, 1, grid.length, header.length)
    .setNumberFormats(formats)
    .setValues(grid.map((r, i) => r.map((v, c) => cellValue(v, formats[i]![c]!))));
  return sheet;
}
