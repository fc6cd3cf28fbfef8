/**
 * Writing people's text into cells safely. setValues reads a string as if typed: "=..." becomes
 * a formula, "00123" the number 123, "2026-11-17" a date, "TRUE" a boolean. A leading apostrophe
 * makes Sheets keep the text exactly (the apostrophe is not part of the value), so every string
 * that Sheets would reinterpret is written with one.
 * (https://support.google.com/docs/answer/58515 — "format numbers as plain text: add an apostrophe")
 */
const REINTERPRETED = /^\s*$|^[=+\-@'\u2018\u2019]|^\s*[\d.,:/\s$€£%()-]+\s*$|^(true|false)$/i;

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
