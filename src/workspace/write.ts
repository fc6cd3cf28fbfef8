/**
 * Writing a block of cells the add-on owns: formats first, then values, each in one call, so a
 * family's text lands as plain text and never as a formula (core/answers.ts).
 */
import { cellFormats } from '../core/answers';
import type { SheetSpec } from '../core/schema';

export function writeGrid(
  range: GoogleAppsScript.Spreadsheet.Range,
  rows: unknown[][],
  kinds: Parameters<typeof cellFormats>[1] = [],
): void {
  range.setNumberFormats(cellFormats(rows, kinds));
  range.setValues(rows);
}

/** The column kinds of a sheet's header, by the spec (undefined for people's own columns). */
export function kindsOf(spec: SheetSpec, header: string[]): Parameters<typeof cellFormats>[1] {
  return header.map((h) => spec.columns.find((c) => c.header === h)?.kind);
}
