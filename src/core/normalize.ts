/**
 * Reading what people type into cells: emails, languages, yes/no, names, dates and times.
 * Pure functions; each returns a value or null (never throws), and the caller turns null into a
 * problem that names the cell.
 */
import { type DateOrder, isoDay, readSlashDate } from './dates';
import { hasOwn, ownValue } from './own';

/* eslint-disable no-control-regex -- finding control characters is the point of these */
/** C0 and C1 control characters and DEL (tab, line feed and carriage return among them). */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
/** The same but for tab, line feed and carriage return: what a text of several lines may hold. */
export const CONTROL_CHARS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Control characters that are not whitespace (NUL, escape, DEL, the C1 range), and the
 * invisible ones that change how the text around them reads: the bidirectional embeddings,
 * overrides and isolates (a name holding U+202E shows the rest of its line reversed, in an
 * email as in a letter) and the byte-order mark. The joiners that Persian, Hindi and emoji
 * need (U+200C, U+200D) and the plain direction marks (U+200E, U+200F) are kept.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/**
 * A text cleanText would leave as it is: words of no whitespace or control character, each
 * separated from the next by one space. Most cells are; they are returned without copying.
 */
const CLEAN =
  /^(?:[^\s\u200b\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]+(?: [^\s\u200b\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]+)*)?$/;
/* eslint-enable no-control-regex */

/**
 * A cell's text for use: control characters other than whitespace dropped (a NUL or an escape
 * pasted from another system would otherwise reach cells, invitations and emails), and the
 * direction overrides and byte-order mark (INVISIBLE), runs of
 * whitespace, line breaks and tabs included, collapsed to one space, trimmed; every script and
 * accent kept as typed. The cell itself is left as it is.
 */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '';
  const text = String(value);
  if (CLEAN.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/** Text of several lines (a family's answer): control characters dropped, lines and tabs kept. */
export function cleanLines(value: string): string {
  return value.replace(new RegExp(CONTROL_CHARS_BUT_LINES.source, 'g'), '');
}

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/;

/** One email, lower-cased and trimmed; "Ana <ana@x.org>" and "mailto:" accepted. Null if invalid. */
export function normalizeEmail(value: unknown): string | null {
  let s = cleanText(value).toLowerCase();
  const angle = /<([^>]+)>/.exec(s);
  if (angle) s = angle[1]!.trim();
  s = s.replace(/^mailto:/, '');
  if (s.length > 254 || !EMAIL.test(s) || s.includes('..')) return null;
  return s;
}

/** A cell may hold several addresses separated by ; , or spaces. Returns valid ones and the rest. */
export function splitEmails(value: unknown): { valid: string[]; invalid: string[] } {
  const text = cleanText(value);
  if (!text) return { valid: [], invalid: [] };
  const parts = /[<>]/.test(text) ? text.split(/[;,]/) : text.split(/[;,\s]+/);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
    const e = normalizeEmail(p);
    if (e) {
      if (!valid.includes(e)) valid.push(e);
    } else invalid.push(p);
  }
  return { valid, invalid };
}

/** Language names (English and their own), by the code the add-on uses. */
export const LANGUAGE_NAMES: Record<string, string[]> = {
  en: ['english', 'inglés', 'ingles', 'eng'],
  es: ['spanish', 'español', 'espanol', 'castellano', 'spa'],
  fr: ['french', 'français', 'francais', 'fre', 'fra'],
  pt: ['portuguese', 'português', 'portugues', 'por'],
  vi: ['vietnamese', 'tiếng việt', 'tieng viet', 'vie'],
  zh: [
    'chinese',
    'mandarin',
    'cantonese',
    '中文',
    '普通话',
    '汉语',
    'zh-cn',
    'zh-tw',
    'chi',
    'zho',
  ],
  ar: ['arabic', 'العربية', 'ara'],
  so: ['somali', 'soomaali', 'som'],
  ht: ['haitian creole', 'kreyòl', 'kreyol', 'creole', 'hat'],
  ru: ['russian', 'русский', 'rus'],
  uk: ['ukrainian', 'українська', 'ukr'],
  ko: ['korean', '한국어', 'kor'],
  tl: ['tagalog', 'filipino', 'tgl', 'fil'],
  hmn: ['hmong', 'hmoob'],
  ne: ['nepali', 'नेपाली', 'nep'],
  sw: ['swahili', 'kiswahili', 'swa'],
  ps: ['pashto', 'پښتو', 'pus'],
  fa: ['persian', 'farsi', 'dari', 'فارسی', 'per', 'fas'],
  ur: ['urdu', 'اردو', 'urd'],
  hi: ['hindi', 'हिन्दी', 'हिंदी', 'hin'],
  bn: ['bengali', 'bangla', 'বাংলা', 'ben'],
  pl: ['polish', 'polski', 'pol'],
  de: ['german', 'deutsch', 'ger', 'deu'],
  it: ['italian', 'italiano', 'ita'],
  ja: ['japanese', '日本語', 'jpn'],
  am: ['amharic', 'አማርኛ', 'amh'],
  ti: ['tigrinya', 'ትግርኛ', 'tir'],
  my: ['burmese', 'မြန်မာ', 'bur', 'mya'],
  km: ['khmer', 'cambodian', 'ខ្មែរ', 'khm'],
  ro: ['romanian', 'română', 'romana', 'rum', 'ron'],
  tr: ['turkish', 'türkçe', 'turkce', 'tur'],
};

/** Whether the add-on knows this language code (a code, never a key every object inherits). */
export function isLanguageCode(code: unknown): code is string {
  return typeof code === 'string' && hasOwn(LANGUAGE_NAMES, code);
}

/** English display names of the codes (for the sidebar and Summary). */
export function languageName(code: string): string {
  const first = ownValue(LANGUAGE_NAMES, code)?.[0];
  return first ? first.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : code;
}

const LANGUAGE_INDEX: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [code, names] of Object.entries(LANGUAGE_NAMES)) {
    m.set(code, code);
    for (const n of names) m.set(n, code);
  }
  return m;
})();

/** "Spanish", "Español", "es", "ES-mx", "spa" → "es". Null when not recognised; '' for blank. */
export function normalizeLanguage(value: unknown): string | null {
  const s = cleanText(value).toLowerCase();
  if (!s) return '';
  const direct = LANGUAGE_INDEX.get(s);
  if (direct) return direct;
  // Region or script tags: es-MX, zh_Hant, pt-BR.
  const base = s.split(/[-_ (]/)[0]!;
  return LANGUAGE_INDEX.get(base) ?? null;
}

/**
 * The languages of a Schedule's Language cell: one ("Spanish"), or one per household of a family
 * whose households read different languages ("Spanish, English"), the first being the one its
 * interpreter is booked in. Unknown parts are left out; a blank cell gives none.
 */
export function scheduleLanguages(value: unknown): string[] {
  const out: string[] = [];
  for (const part of cleanText(value).split(',')) {
    const code = normalizeLanguage(part);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** A Schedule Language cell's first language ('' when it gives none): the conference's own. */
export function scheduleLanguage(value: unknown): string {
  return scheduleLanguages(value)[0] ?? '';
}

const YES = new Set([
  'yes',
  'y',
  'true',
  '1',
  'x',
  '✓',
  '✔',
  'si',
  'sí',
  'oui',
  'needed',
  'required',
  'interpreter',
]);
const NO = new Set(['no', 'n', 'false', '0', 'none', 'not needed', 'n/a', 'na', '-']);

/** Yes/no in the forms people use; null when it is neither. */
/** Yes, no, or null when the cell says neither (a blank is not an answer: a skipped form question). */
export function parseYesNo(value: unknown): boolean | null {
  if (value === true || value === false) return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  const s = cleanText(value).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/** "Rivera, Ana" → Ana / Rivera; "Ana María Rivera" → Ana María / Rivera. */
export function splitFullName(value: unknown): { first: string; last: string } {
  const s = cleanText(value);
  const comma = s.indexOf(',');
  if (comma >= 0) return { last: s.slice(0, comma).trim(), first: s.slice(comma + 1).trim() };
  const words = s.split(' ');
  if (words.length === 1) return { first: s, last: '' };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1]! };
}

/** Wall-clock fields of a date in the spreadsheet's zone: the workspace supplies this. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}
export type WallClockOf = (date: Date) => WallTime;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell (a real date, or text as yyyy-mm-dd, m/d/yyyy or d/m/yyyy, d.m.yyyy) → "yyyy-mm-dd". */
export function parseDay(
  value: unknown,
  wall: WallClockOf,
  order: DateOrder = 'month-first',
): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const w = wall(value);
    return isoDay(w.year, w.month, w.day);
  }
  const s = cleanText(value);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDay(+m[1]!, +m[2]!, +m[3]!);
  const slash = readSlashDate(s, order);
  if (slash) return slash.iso;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return isoDay(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

/**
 * A time cell → minutes after midnight. A real time (a Date on 1899-12-30 in Sheets), a day
 * fraction (0.5 = noon), or text: 15:30, 3:30 PM, 3:30pm, 3 PM, 9h30, noon.
 */
export function parseTime(value: unknown, wall: WallClockOf): number | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const w = wall(value);
    return w.hour * 60 + w.minute;
  }
  if (typeof value === 'number') {
    if (!(value >= 0 && value < 1)) return null;
    return Math.round(value * 24 * 60);
  }
  const s = cleanText(value).toLowerCase().replace(/\./g, '');
  if (s === 'noon' || s === 'midday') return 12 * 60;
  if (s === 'midnight') return 0;
  const m = /^(\d{1,2})(?:[:h](\d{2}))?(?::(\d{2}))?\s*(am|pm|a|p)?$/.exec(s);
  if (!m) return null;
  let hour = +m[1]!;
  const minute = m[2] ? +m[2] : 0;
  const suffix = m[4];
  if (!m[2] && !suffix) return null; // a bare "3" is too ambiguous
  if (minute > 59) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    if (suffix.startsWith('p') && hour !== 12) hour += 12;
    if (suffix.startsWith('a') && hour === 12) hour = 0;
  } else if (hour > 23) return null;
  return hour * 60 + minute;
}

/** Minutes → "3:30 PM". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${h % 12 === 0 ? 12 : h % 12}:${pad2(m)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Minutes → "15:30". */
export function formatHhMm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** A key for matching names: no case, accents, titles or punctuation. */
export function nameKey(value: unknown): string {
  return cleanText(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(mr|mrs|ms|miss|mx|dr|prof|sr|sra|srta|mme|mlle|m)\.?\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
