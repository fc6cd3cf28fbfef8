/**
 * How Sheets turns what a script writes into a cell, and a cell into what it shows.
 *
 * Range.setValues stores values "as if entered by the user" (Google's reference for
 * Range.setValue: "The value can be numeric, string, boolean or date. If it begins with '=' it
 * is interpreted as a formula"). A text that looks like a number, a boolean or a date becomes
 * one, unless the cell's number format is plain text ('@') or the text starts with an
 * apostrophe, which Sheets keeps as a text prefix. This is why the add-on must write
 * "'=..." (or format the column '@') for any user text: see docs/DESIGN.md section 7.
 */
import { instantOf, wallClock } from '../tz';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  /** The stored value; '' for a blank cell. */
  v: CellValue | '';
  /** The formula, when the cell holds one (stored as written, e.g. "=SUM(A1:A3)"). */
  f?: string;
  /** Number format pattern; undefined = automatic. */
  nf?: string;
}

/** Result a formula cell shows: the emulator does not evaluate formulas, and says so. */
export const UNEVALUATED_FORMULA = '#NAME?';

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])?$/;

function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

function validDay(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * The cell a script's value becomes, given the cell's current number format and the
 * spreadsheet's time zone (dates typed as text are wall times there).
 */
export function enterValue(
  input: unknown,
  numberFormat: string | undefined,
  timeZone: string,
  plainTextKeepsApostrophe = true,
): Cell {
  if (input === null || input === undefined || input === '') return { v: '', nf: numberFormat };
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { v: '', nf: numberFormat };
    return { v: new Date(input.getTime()), nf: numberFormat ?? 'M/d/yyyy H:mm:ss' };
  }
  if (typeof input === 'number') return { v: input, nf: numberFormat };
  if (typeof input === 'boolean') return { v: input, nf: numberFormat };
  const text = typeof input === 'string' ? input : String(input);
  if (numberFormat === '@')
    return {
      v: !plainTextKeepsApostrophe && text.startsWith("'") ? text.slice(1) : text,
      nf: numberFormat,
    };
  if (text.startsWith("'")) return { v: text.slice(1), nf: numberFormat };
  if (text.startsWith('=') && text.length > 1)
    return { v: UNEVALUATED_FORMULA, f: text, nf: numberFormat };
  const trimmed = text.trim();
  if (trimmed !== '' && /\d/.test(trimmed) && NUMBER.test(trimmed)) {
    const percent = trimmed.endsWith('%');
    const n = Number(trimmed.replace(/[,%]/g, ''));
    if (Number.isFinite(n))
      return { v: percent ? n / 100 : n, nf: numberFormat ?? (percent ? '0%' : undefined) };
  }
  // Sheets reads "+A1" and "-A1" as formulas, as it does "=A1".
  if (/^[+-][A-Za-z(]/.test(trimmed))
    return { v: UNEVALUATED_FORMULA, f: `=${trimmed}`, nf: numberFormat };
  if (/^(true|false)$/i.test(trimmed))
    return { v: trimmed.toLowerCase() === 'true', nf: numberFormat };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDay(y, m, d)) {
      const hasTime = iso[4] !== undefined;
      const at = instantOf(
        timeZone,
        y,
        m,
        d,
        Number(iso[4] ?? 0),
        Number(iso[5] ?? 0),
        Number(iso[6] ?? 0),
      );
      return {
        v: new Date(at),
        nf: numberFormat ?? (hasTime ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd'),
      };
    }
  }
  const us = US_DATE.exec(trimmed);
  if (us) {
    const [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (validDay(y, m, d)) {
      const hasTime = us[4] !== undefined;
      const at = instantOf(
        timeZone,
        y,
        m,
        d,
        to24(Number(us[4] ?? 0), us[7]),
        Number(us[5] ?? 0),
        Number(us[6] ?? 0),
      );
      return { v: new Date(at), nf: numberFormat ?? (hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy') };
    }
  }
  const time = TIME.exec(trimmed);
  if (time) {
    const hour = to24(Number(time[1]), time[4]);
    const minute = Number(time[2]);
    if (hour < 24 && minute < 60) {
      // Sheets stores a time as a fraction of a day after its epoch, 1899-12-30.
      const at = instantOf(timeZone, 1899, 12, 30, hour, minute, Number(time[3] ?? 0));
      return { v: new Date(at), nf: numberFormat ?? (time[4] ? 'h:mm AM/PM' : 'h:mm:ss') };
    }
  }
  return { v: text, nf: numberFormat };
}

/** A stored value as getValues returns it: Dates are fresh copies. */
export function readValue(cell: Cell | undefined): CellValue | '' {
  if (!cell) return '';
  return cell.v instanceof Date ? new Date(cell.v.getTime()) : cell.v;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sheets' date-time pattern tokens (https://developers.google.com/sheets/api/guides/formats). */
function formatDatePattern(date: Date, pattern: string, timeZone: string): string {
  const w = wallClock(date.getTime(), timeZone);
  const tokens =
    pattern.match(
      /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|HH|H|ss|s|am\/pm|AM\/PM|a\/p|./gi,
    ) ?? [];
  const hasMeridiem = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((t) => /^[hsdmy]/i.test(t));
    const next = tokens.slice(i + 1).find((t) => /^[hsdmy]/i.test(t));
    const isMinute =
      (prev !== undefined && /^h/i.test(prev)) || (next !== undefined && /^s/i.test(next));
    const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    const hour = hasMeridiem ? hour12 : w.hour;
    switch (token.toLowerCase()) {
      case 'yyyy':
        out.push(String(w.year).padStart(4, '0'));
        break;
      case 'yy':
        out.push(String(w.year % 100).padStart(2, '0'));
        break;
      case 'mmmm':
        out.push(MONTHS[w.month - 1] ?? '');
        break;
      case 'mmm':
        out.push((MONTHS[w.month - 1] ?? '').slice(0, 3));
        break;
      case 'mm':
        out.push(String(isMinute ? w.minute : w.month).padStart(2, '0'));
        break;
      case 'm':
        out.push(String(isMinute ? w.minute : w.month));
        break;
      case 'dddd':
        out.push(DAYS[w.weekday] ?? '');
        break;
      case 'ddd':
        out.push((DAYS[w.weekday] ?? '').slice(0, 3));
        break;
      case 'dd':
        out.push(String(w.day).padStart(2, '0'));
        break;
      case 'd':
        out.push(String(w.day));
        break;
      case 'hh':
        out.push(String(hour).padStart(2, '0'));
        break;
      case 'h':
        out.push(String(hour));
        break;
      case 'ss':
        out.push(String(w.second).padStart(2, '0'));
        break;
      case 's':
        out.push(String(w.second));
        break;
      case 'am/pm':
        out.push(w.hour < 12 ? 'AM' : 'PM');
        break;
      case 'a/p':
        out.push(w.hour < 12 ? 'A' : 'P');
        break;
      default:
        out.push(
          token.startsWith('"')
            ? token.slice(1, -1)
            : token.startsWith('\\')
              ? token.slice(1)
              : token,
        );
    }
  });
  return out.join('');
}

function formatNumber(n: number, pattern: string | undefined): string {
  if (!pattern || pattern === 'General') {
    if (Number.isInteger(n)) return String(n);
    return String(Number(n.toPrecision(10)));
  }
  const percent = pattern.endsWith('%');
  const value = percent ? n * 100 : n;
  const decimals = (pattern.split('.')[1] ?? '').replace(/[^0#]/g, '').length;
  const grouped = pattern.includes(',');
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${text}%` : text;
}

/** What the cell shows (Range.getDisplayValues), in the spreadsheet's time zone. */
export function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell || cell.v === '') return '';
  const v = cell.v;
  if (v instanceof Date)
    return formatDatePattern(
      v,
      cell.nf && cell.nf !== '@' ? cell.nf : 'M/d/yyyy H:mm:ss',
      timeZone,
    );
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return cell.nf === '@' ? String(v) : formatNumber(v, cell.nf);
  return v;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface GridRef {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  sheetName?: string;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Parses A1 notation ("B2", "A1:C10", "A:C", "2:5", "'My sheet'!A1:B2"). Open-ended parts
 * (whole columns or rows) extend to the sheet's current size, given as maxRows/maxColumns.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRef | null {
  let sheetName: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(ref);
  if (!m || ref === '') return null;
  const [, c1 = '', r1 = '', c2, r2] = m;
  if (c1 === '' && r1 === '') return null;
  const single = c2 === undefined && r2 === undefined;
  if (single && (c1 === '' || r1 === '')) return null;
  const startColumn = c1 ? lettersToColumn(c1) : 1;
  const startRow = r1 ? Number(r1) : 1;
  const endColumn = single
    ? startColumn
    : c2
      ? lettersToColumn(c2)
      : c1 && r2 && !r1
        ? startColumn
        : maxColumns;
  const endRow = single ? startRow : r2 ? Number(r2) : maxRows;
  if (startRow < 1 || startColumn < 1) return null;
  const row = Math.min(startRow, endRow);
  const column = Math.min(startColumn, endColumn);
  return {
    row,
    column,
    numRows: Math.abs(endRow - startRow) + 1,
    numColumns: Math.abs(endColumn - startColumn) + 1,
    sheetName,
  };
}

export function a1Notation(ref: GridRef): string {
  const start = `${columnLetters(ref.column)}${ref.row}`;
  if (ref.numRows === 1 && ref.numColumns === 1) return start;
  return `${start}:${columnLetters(ref.column + ref.numColumns - 1)}${ref.row + ref.numRows - 1}`;
}
