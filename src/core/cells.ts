/**
 * Writing people's text into cells safely. setValues reads a string as if typed: "=..." becomes
 * a formula, "00123" the number 123, "2026-11-17" a date, "TRUE" a boolean. A leading apostrophe
 * makes Sheets keep the text exactly (the apostrophe is not part of the value), so every string
 * that Sheets would reinterpret is written with one.
 * (https://support.google.com/docs/answer/58515 — "format numbers as plain text: add an apostrophe")
 */
import type { ColumnKind } from './schema';

const REINTERPRETED = /^\s*$|^[=+\-@'\u2018\u2019]|^\s*[\d.,:/\s$€£%()-]+\s*$|^(true|false)$/i;

/** What Sheets reads as a formula (or, after an apostrophe, as plain text) wherever it is typed. */
const FORMULA_LIKE = /^\s*[=+\-@'\u2018\u2019]/;

export function textCell(value: string): string {
  if (value === '') return '';
  return REINTERPRETED.test(value) ? `'${value}` : value;
}

/** Plain-text number format: Sheets stores what is written as is, apostrophe included. */
export const PLAIN_TEXT = '@';

/**
 * A value for a cell with the given number format. In a plain-text cell a string stays as
 * written (an apostrophe would show); elsewhere a string Sheets would reinterpret gets one.
 */
export function cellValue(value: unknown, numberFormat: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  return numberFormat === PLAIN_TEXT ? value : textCell(value);
}

/**
 * The number format a value is written in. A text beginning with an apostrophe is not written
 * into a plain-text cell: whether such a cell keeps the apostrophe or drops it as the quote
 * prefix is not written down (docs/EMULATOR.md row 6). An automatic cell drops the first
 * apostrophe either way, so the text goes there with one more (cellValue) and reads as written.
 */
export function textFormat(value: unknown, numberFormat: string): string {
  return numberFormat === PLAIN_TEXT && typeof value === 'string' && value.startsWith("'")
    ? 'General'
    : numberFormat;
}

/**
 * Columns whose cells hold a typed value (a date, a time, a number, a tick) rather than words:
 * the add-on writes "2026-11-17" or "3:30 PM" there for Sheets to read as a date or a time.
 */
export const TYPED_KINDS: ReadonlySet<ColumnKind> = new Set([
  'date',
  'time',
  'datetime',
  'checkbox',
  'integer',
  'yesno',
]);

/**
 * The one rule for a value written into a column of the add-on's sheets, given the cell's number
 * format: words as plain text; in a typed column the add-on's own "2026-11-17" is left for Sheets
 * to read as a date, but anything that would become a formula stays text.
 */
export function columnCell(
  value: unknown,
  kind: ColumnKind | null | undefined,
  numberFormat: string | undefined,
): unknown {
  if (typeof value !== 'string') return value;
  if (kind && TYPED_KINDS.has(kind) && numberFormat !== PLAIN_TEXT)
    return FORMULA_LIKE.test(value) ? textCell(value) : value;
  return cellValue(value, numberFormat);
}

/** Several values in one cell ("a; b"). */
export function listCell(values: string[]): string {
  return textCell(values.join('; '));
}

export function splitList(cell: unknown): string[] {
  return String(cell ?? '')
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
