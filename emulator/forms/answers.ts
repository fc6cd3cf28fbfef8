/**
 * Answers: checking what a respondent gives, how it lands in the response sheet, and prefilled
 * links.
 */
import type { SheetModel, SpreadsheetModel } from '../sheets/model';
import type { Answer, FormItemState } from './state';

// Answers: checking what a respondent gives, and how it lands in the sheet

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function parseIsoDate(text: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return null;
  return [y, mo, d];
}

export function single(item: FormItemState, raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw) && raw.length <= 1 && raw.every((v) => typeof v === 'string'))
    return (raw[0] as string | undefined) ?? '';
  throw new Error(`"${item.title}" (${item.type}) takes one answer, got ${JSON.stringify(raw)}`);
}

export function list(item: FormItemState, raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return [...(raw as string[])];
  throw new Error(
    `"${item.title}" (${item.type}) takes a list of strings, got ${JSON.stringify(raw)}`,
  );
}

export function choiceList(
  item: FormItemState,
  values: string[],
  pool: string[],
  allowOther: boolean,
): string[] {
  const given = values.filter((v) => v !== '');
  const others = [...new Set(given.filter((v) => !pool.includes(v)))];
  if (others.length > (allowOther ? 1 : 0)) {
    throw new Error(
      `"${others[others.length - 1]}" is not a choice of "${item.title}" (choices: ${pool.map((c) => JSON.stringify(c)).join(', ')})`,
    );
  }
  // Forms lists checked boxes in the order of the choices, the "Other" text last.
  return [...pool.filter((c) => given.includes(c)), ...others];
}

/**
 * The stored answer for one question, or null when it is left blank. Throws a plain Error that
 * says what is wrong (a test author's mistake, or what Forms would refuse in the browser).
 */
export function normalizeAnswer(item: FormItemState, raw: unknown): Answer | null {
  if (raw === undefined || raw === null) return null;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      const s = single(item, raw);
      return s === '' ? null : s;
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST': {
      const s = single(item, raw);
      if (s === '') return null;
      const other = item.type === 'MULTIPLE_CHOICE' && item.otherOption;
      if (!item.choices.includes(s) && !other) {
        throw new Error(
          `"${s}" is not a choice of "${item.title}" (choices: ${item.choices.map((c) => JSON.stringify(c)).join(', ')})`,
        );
      }
      return s;
    }
    case 'CHECKBOX': {
      const chosen = choiceList(item, list(item, raw), item.choices, item.otherOption);
      return chosen.length === 0 ? null : chosen;
    }
    case 'SCALE': {
      const s = single(item, raw).trim();
      if (s === '') return null;
      const n = Number(s);
      if (!/^[+-]?\d+$/.test(s) || n < item.lowerBound || n > item.upperBound) {
        throw new Error(
          `"${s}" is not on the scale of "${item.title}" (${item.lowerBound} to ${item.upperBound})`,
        );
      }
      return String(n);
    }
    case 'DATE': {
      const s = single(item, raw).trim();
      if (s === '') return null;
      const ymd = parseIsoDate(s);
      if (!ymd) throw new Error(`"${s}" is not a date for "${item.title}" (give it as yyyy-mm-dd)`);
      return `${pad(ymd[0], 4)}-${pad(ymd[1])}-${pad(ymd[2])}`;
    }
    case 'GRID': {
      if (!Array.isArray(raw))
        throw new Error(
          `"${item.title}" is a grid: give one column per row (${item.rows.length} rows), or answer "${item.title} [Row]"`,
        );
      if (raw.length !== item.rows.length)
        throw new Error(`"${item.title}" has ${item.rows.length} rows, got ${raw.length} answers`);
      const out = raw.map((v, i) => {
        const s = single(item, v);
        if (s !== '' && !item.columns.includes(s))
          throw new Error(`"${s}" is not a column of "${item.title}" row "${item.rows[i]}"`);
        return s;
      });
      return out.every((s) => s === '') ? null : out;
    }
    case 'CHECKBOX_GRID': {
      if (!Array.isArray(raw))
        throw new Error(
          `"${item.title}" is a checkbox grid: give the columns chosen per row, or answer "${item.title} [Row]"`,
        );
      if (raw.length !== item.rows.length)
        throw new Error(`"${item.title}" has ${item.rows.length} rows, got ${raw.length} answers`);
      const out = raw.map((v) => choiceList(item, list(item, v), item.columns, false));
      return out.every((r) => r.length === 0) ? null : out;
    }
    default:
      throw new Error(`"${item.title}" is a ${item.type} item and takes no answer`);
  }
}

function gridRowAnswered(item: FormItemState, answer: Answer | undefined, row: number): boolean {
  if (answer === undefined) return false;
  const v = (answer as (string | string[])[])[row];
  return item.type === 'GRID' ? v !== undefined && v !== '' : Array.isArray(v) && v.length > 0;
}

export function isAnswered(item: FormItemState, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID')
    return item.rows.every((_, i) => gridRowAnswered(item, answer, i));
  return true;
}

/** The column keys of a question in the response sheet, with their header text. */
export function columnsOf(item: FormItemState): { key: string; header: string }[] {
  if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') {
    return item.rows.map((row, i) => ({
      key: `${item.id}#${i}`,
      header: `${item.title} [${row}]`,
    }));
  }
  return [{ key: String(item.id), header: item.title }];
}

/** Replaces unpaired surrogates (which cannot be URL-encoded) as String.prototype.toWellFormed does. */
function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** A value in a prefilled link: percent-encoded UTF-8, spaces as '+', as Forms writes them. */
export function encodePrefillValue(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(/%20/g, '+');
}

export interface PrefilledUrl {
  /** Set for links of the form /forms/d/<formId>/viewform (the editor's id). */
  formId?: string;
  /** The id of /forms/d/e/<publishedId>/viewform; '' for a /forms/d/<formId>/ link. */
  publishedId: string;
  /** Values by entry id (the digits after "entry."); checkboxes repeat their key. */
  entries: Record<string, string[]>;
  /** The prefilled respondent email (emailAddress=...), if any. */
  email?: string;
}

/**
 * Reads a prefilled link, in the format FormResponse.toPrefilledUrl produces:
 * https://docs.google.com/forms/d/e/<publishedId>/viewform?usp=pp_url&entry.<entryId>=<value>
 */
export function parsePrefilledUrl(url: string): PrefilledUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  const m = /^\/forms(?:\/u\/\d+)?\/d\/(e\/)?([A-Za-z0-9_-]+)\/(?:viewform|formResponse)\/?$/.exec(
    u.pathname,
  );
  if (u.hostname !== 'docs.google.com' || !m) throw new Error(`Not a Google Forms link: ${url}`);
  const entries: Record<string, string[]> = {};
  let email: string | undefined;
  for (const [key, value] of u.searchParams) {
    if (key.startsWith('entry.')) (entries[key.slice('entry.'.length)] ??= []).push(value);
    else if (key === 'emailAddress') email = value;
  }
  const out: PrefilledUrl = m[1]
    ? { publishedId: m[2]!, entries }
    : { formId: m[2]!, publishedId: '', entries };
  if (email !== undefined) out.email = email;
  return out;
}

export interface WrittenRow {
  spreadsheet: SpreadsheetModel;
  sheet: SheetModel;
  row: number;
  width: number;
}
