/**
 * What families type into the forms, on its way into cells: read from the form-submit event and
 * kept exactly as text.
 *
 * Sheets reads a written string as if typed ("=IMPORTXML(...)" a formula, "+1 555" a number,
 * "3:30 PM" a time). A leading apostrophe would stop that in an automatic cell, but in a cell
 * formatted as plain text the apostrophe stays part of the value. So the add-on writes answers
 * raw and formats their cells as plain text ('@') in the same batch: cellFormats gives the format
 * of every cell of a grid it writes. Pure.
 */
import { cleanLines } from './normalize';
import { NUMBER_FORMATS, type ColumnKind } from './schema';

/** Longest answer kept in a cell (Sheets holds 50,000 characters; a Summary stays readable). */
export const MAX_ANSWER = 5000;

/**
 * A family's words for a cell: control characters dropped (lines kept), trimmed and capped (the
 * plain-text format keeps them as typed).
 */
export function answerText(value: string): string {
  const s = cleanLines(value).trim();
  return s.length > MAX_ANSWER ? `${s.slice(0, MAX_ANSWER - 1)}…` : s;
}

/** The first value of a question in the form-submit event's namedValues. */
export function namedValue(named: Record<string, string[] | undefined>, title: string): string {
  return String(named[title]?.[0] ?? '').trim();
}

const TIMES = new Set<ColumnKind>(['date', 'time', 'datetime']);

/**
 * The number format of each cell: plain text for every string (so no text becomes a formula,
 * number or date), the column's date or time format where the add-on writes one, whole or
 * one-decimal numbers.
 */
export function cellFormats(rows: unknown[][], kinds: (ColumnKind | undefined)[] = []): string[][] {
  return rows.map((row) =>
    row.map((value, i) => {
      const kind = kinds[i];
      if (
        kind &&
        TIMES.has(kind) &&
        (value instanceof Date || (typeof value === 'string' && kind === 'time'))
      )
        return NUMBER_FORMATS[kind]!;
      if (value instanceof Date) return NUMBER_FORMATS.datetime!;
      if (typeof value === 'number') return Number.isInteger(value) ? '0' : '0.0';
      return '@';
    }),
  );
}
