/**
 * Dates written with slashes: 4/3/2027 is April 3 in the United States and 4 March almost
 * everywhere else. Google Sheets reads a typed date in the spreadsheet's locale; a date the add-on
 * reads as text follows the same order, and one that reads both ways is reported, so a school is
 * never silently a month off.
 */
import { MONTHS } from './templates';

export type DateOrder = 'month-first' | 'day-first';

/** Locales that write the month first (Spreadsheet.getSpreadsheetLocale() form, e.g. en_US). */
const MONTH_FIRST = new Set(['en_US', 'en_PH']);

/** The order in which a spreadsheet locale writes day and month. */
export function dateOrderOf(locale: string): DateOrder {
  return MONTH_FIRST.has(locale.replace('-', '_')) ? 'month-first' : 'day-first';
}

/** "yyyy-mm-dd" if the numbers make a real day, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31))
    return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface SlashDate {
  /** The day in the given order, yyyy-mm-dd; null when that order makes no real day. */
  iso: string | null;
  /** The other order's day when it is a different real day: what the writer may have meant. */
  otherReading: string | null;
}

/** n/n/yyyy read in the given order; null when the text is not written that way. */
export function readSlashDate(text: string, order: DateOrder): SlashDate | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [first, second, year] = [+m[1]!, +m[2]!, +m[3]!];
  const monthFirst = isoDay(year, first, second);
  const dayFirst = isoDay(year, second, first);
  const [iso, other] = order === 'month-first' ? [monthFirst, dayFirst] : [dayFirst, monthFirst];
  return { iso, otherReading: iso !== null && other !== null && other !== iso ? other : null };
}

/** 2027-04-03 → "3 April 2027": unmistakable in any order. */
function spelled(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS.en![month! - 1]} ${year}`;
}

/** What a person reads about a date that reads two ways: the reading taken, and how to be sure. */
export function ambiguousDateMessage(
  text: string,
  taken: string,
  other: string,
  order: DateOrder,
): string {
  return (
    `"${text.trim()}" could be ${spelled(taken)} or ${spelled(other)}; read as ` +
    `${spelled(taken)} (${order === 'month-first' ? 'month first' : 'day first'}, as this ` +
    `spreadsheet's locale writes dates), and later dates the same way. If you meant ` +
    `${spelled(other)}, write ${other}; writing dates as ${taken} leaves no doubt.`
  );
}
