/**
 * A sheet the add-on writes whole (Waitlist, Follow-ups): the header and every row in one
 * setValues, as plain text (a Student ID "00123" or a name "=1+1" stays exactly as written),
 * blanks over rows the last write had beyond them. Made when first needed.
 */
import { PLAIN_TEXT } from '../core/cells';

export function writePlainSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  header: string[],
  rows: string[][],
): void {
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  const grid = [header, ...rows];
  while (grid.length < sheet.getLastRow()) grid.push(header.map(() => ''));
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  sheet.getRange(1, 1, grid.length, header.length).setNumberFormat(PLAIN_TEXT).setValues(grid);
}
