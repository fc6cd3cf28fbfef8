/**
 * Utilities: dates in time zones with Java SimpleDateFormat patterns, UUIDs, digests and HMAC
 * (as signed Java bytes), base64, sleep.
 * Reference: https://developers.google.com/apps-script/reference/utilities/utilities ; patterns
 * from https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html (the page the
 * formatDate reference links to).
 *
 * These run inside Apps Script's own JavaScript engine, not on a remote service, so they are
 * counted (to see what an execution does) but modelled as nearly free.
 */
import { createHash, createHmac } from 'node:crypto';
import { registerLatency } from './latency';
import { type Access, AppsScriptException, type Workspace } from './runtime';
import { instantOf, isValidTimeZone, offsetMs, wallClock } from './tz';

registerLatency('Utilities', {
  formatDate: { base: 0.2 },
  parseDate: { base: 0.2 },
  getUuid: { base: 0.1 },
  computeDigest: { base: 0.5 },
  computeHmacSha256Signature: { base: 0.5 },
  computeHmacSignature: { base: 0.5 },
  base64Encode: { base: 0.2 },
  base64EncodeWebSafe: { base: 0.2 },
  base64Decode: { base: 0.2 },
  base64DecodeWebSafe: { base: 0.2 },
  sleep: { base: 0 },
});

const ANY: Access = { auth: 'none' };
/** Utilities.sleep refuses more than five minutes. */
export const MAX_SLEEP_MS = 300_000;

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

type Token = { letter: string; count: number } | { literal: string };

/** Splits a SimpleDateFormat pattern into letter runs and literals ('' is a quote). */
export function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out.push({ literal: "'" });
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0)
        throw new AppsScriptException(
          `Invalid argument: Unterminated quote in pattern "${pattern}"`,
        );
      out.push({ literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] === ch) n++;
      if (!/[GyYMLwWDdFEuaHkKhmsSzZX]/.test(ch))
        throw new AppsScriptException(`Invalid argument: Illegal pattern character '${ch}'`);
      out.push({ letter: ch, count: n });
      i += n;
    } else {
      out.push({ literal: ch });
      i++;
    }
  }
  return out;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function zoneText(ms: number, timeZone: string, letter: string, count: number): string {
  const off = offsetMs(ms, timeZone) / 60000;
  const sign = off < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(off) / 60), 2);
  const mm = pad(Math.abs(off) % 60, 2);
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (letter === 'X') {
    if (off === 0) return 'Z';
    return count === 1 ? `${sign}${hh}` : count === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
  }
  // z: Java prints the zone's short name (EST, PDT); ICU gives the same for most zones.
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: count >= 4 ? 'long' : 'short',
  })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? `GMT${sign}${hh}:${mm}`;
}

/** Utilities.formatDate(date, timeZone, format). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const w = wallClock(ms, timeZone);
  return tokenize(pattern)
    .map((t) => {
      if ('literal' in t) return t.literal;
      const { letter, count } = t;
      switch (letter) {
        case 'G':
          return w.year > 0 ? 'AD' : 'BC';
        case 'y':
        case 'Y':
          return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
        case 'M':
        case 'L':
          if (count >= 4) return MONTHS[w.month - 1]!;
          if (count === 3) return MONTHS[w.month - 1]!.slice(0, 3);
          return pad(w.month, count);
        case 'd':
          return pad(w.day, count);
        case 'E':
          return count >= 4 ? DAYS[w.weekday]! : DAYS[w.weekday]!.slice(0, 3);
        case 'u':
          return pad(w.weekday === 0 ? 7 : w.weekday, count);
        case 'a':
          return w.hour < 12 ? 'AM' : 'PM';
        case 'H':
          return pad(w.hour, count);
        case 'k':
          return pad(w.hour === 0 ? 24 : w.hour, count);
        case 'K':
          return pad(w.hour % 12, count);
        case 'h':
          return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
        case 'm':
          return pad(w.minute, count);
        case 's':
          return pad(w.second, count);
        case 'S':
          return pad(w.millisecond, count);
        case 'D': {
          const start = Date.UTC(w.year, 0, 1);
          return pad(Math.round((Date.UTC(w.year, w.month - 1, w.day) - start) / 864e5) + 1, count);
        }
        case 'z':
        case 'Z':
        case 'X':
          return zoneText(ms, timeZone, letter, count);
        default:
          throw new AppsScriptException(
            `Invalid argument: pattern letter '${letter}' is not supported by the emulator`,
          );
      }
    })
    .join('');
}

/**
 * Utilities.parseDate(date, timeZone, format): the text is read in the pattern, its wall time
 * taken in the time zone (or in the offset the text itself carries). Java's parser is lenient
 * about field widths for numbers; unparseable text throws as Java does ("Unparseable date").
 */
export function parseDate(text: string, timeZone: string, pattern: string, thisYear = 2026): Date {
  const fail = (): never => {
    throw new AppsScriptException(`Unparseable date: "${text}"`);
  };
  const tokens = tokenize(pattern);
  const f = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: null as boolean | null,
    hour12: false,
    offsetMin: null as number | null,
  };
  let i = 0;
  const number = (max: number): number => {
    const m = new RegExp(`^-?\\d{1,${max}}`).exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return Number(m![0]);
  };
  const word = (options: string[]): number => {
    const rest = text.slice(i).toLowerCase();
    // Longest match first, so "Mon" does not shadow "Monday".
    const found = options
      .flatMap((o, index) => [
        { s: o, index },
        { s: o.slice(0, 3), index },
      ])
      .sort((a, b) => b.s.length - a.s.length)
      .find((o) => rest.startsWith(o.s.toLowerCase()));
    if (!found) fail();
    i += found!.s.length;
    return found!.index;
  };
  tokens.forEach((t, k) => {
    if ('literal' in t) {
      if (text.slice(i, i + t.literal.length) !== t.literal) {
        // Java skips nothing: a literal must match (spaces included).
        fail();
      }
      i += t.literal.length;
      return;
    }
    const next = tokens[k + 1];
    // Adjacent numeric fields (yyyyMMdd) are read at their pattern width.
    const width = next && 'letter' in next ? t.count : 10;
    switch (t.letter) {
      case 'y':
      case 'Y': {
        const start = i;
        const y = number(width);
        // Java: a two-digit year lands within 80 years before and 20 after now.
        f.year =
          t.count <= 2 && i - start === 2 ? 2000 + y - (2000 + y > thisYear + 20 ? 100 : 0) : y;
        break;
      }
      case 'M':
      case 'L':
        f.month = t.count >= 3 ? word(MONTHS) + 1 : number(width);
        break;
      case 'd':
        f.day = number(width);
        break;
      case 'E':
        word(DAYS);
        break;
      case 'u':
        number(width);
        break;
      case 'H':
      case 'k':
        f.hour = number(width) % 24;
        break;
      case 'h':
      case 'K':
        f.hour = number(width) % 12;
        f.hour12 = true;
        break;
      case 'a':
        f.pm = word(['AM', 'PM']) === 1;
        break;
      case 'm':
        f.minute = number(width);
        break;
      case 's':
        f.second = number(width);
        break;
      case 'S':
        f.ms = number(width);
        break;
      case 'Z':
      case 'X': {
        if (text[i] === 'Z') {
          f.offsetMin = 0;
          i++;
          break;
        }
        const m = /^([+-])(\d{2}):?(\d{2})?/.exec(text.slice(i));
        if (!m) fail();
        f.offsetMin = (m![1] === '-' ? -1 : 1) * (Number(m![2]) * 60 + Number(m![3] ?? 0));
        i += m![0].length;
        break;
      }
      case 'z': {
        const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2}):?(\d{2})?)?/.exec(text.slice(i));
        if (!m) fail();
        f.offsetMin = m![1]
          ? (m![1] === '-' ? -1 : 1) * (Number(m![2]) * 60 + Number(m![3] ?? 0))
          : 0;
        i += m![0].length;
        break;
      }
      default:
        fail();
    }
  });
  // SimpleDateFormat.parse stops at the end of the pattern and ignores trailing text.
  if (f.hour12 && f.pm) f.hour += 12;
  if (!f.hour12 && f.pm !== null && f.pm && f.hour < 12) f.hour += 12;
  if (f.offsetMin !== null) {
    return new Date(
      Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - f.offsetMin * 60000,
    );
  }
  return new Date(instantOf(timeZone, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms));
}

/** Java bytes are signed: Apps Script's digests and signatures are arrays of -128..127. */
export function signedBytes(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b: number) => b & 0xff));
  return Buffer.from(String(value), 'utf8');
}

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

export function createUtilities(ws: Workspace) {
  const call = <T>(method: string, body: () => T) => ws.call('Utilities', method, body, ANY);
  const zone = (timeZone: unknown) => {
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
      throw new AppsScriptException(`Invalid argument: timeZone`);
    }
    return timeZone;
  };
  return {
    DigestAlgorithm: Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k])),
    MacAlgorithm: Object.fromEntries(Object.keys(MACS).map((k) => [k, k])),
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    formatDate: (date: Date, timeZone: string, format: string) =>
      call('formatDate', () => {
        if (!(date instanceof Date) || Number.isNaN(date.getTime()))
          throw new AppsScriptException('Invalid argument: date');
        return formatDate(date, zone(timeZone), String(format));
      }),
    parseDate: (date: string, timeZone: string, format: string) =>
      call('parseDate', () =>
        parseDate(String(date), zone(timeZone), String(format), ws.clock.date().getUTCFullYear()),
      ),
    getUuid: () =>
      call('getUuid', () => {
        const hex = Array.from({ length: 32 }, () => Math.floor(ws.random() * 16).toString(16));
        hex[12] = '4';
        hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
        const s = hex.join('');
        return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
      }),
    computeDigest: (algorithm: string, value: unknown) =>
      call('computeDigest', () => {
        const name = DIGESTS[algorithm];
        if (!name) throw new AppsScriptException('Invalid argument: algorithm');
        return signedBytes(createHash(name).update(toBuffer(value)).digest());
      }),
    computeHmacSha256Signature: (value: unknown, key: unknown) =>
      call('computeHmacSha256Signature', () =>
        signedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest()),
      ),
    computeHmacSignature: (algorithm: string, value: unknown, key: unknown) =>
      call('computeHmacSignature', () => {
        const name = MACS[algorithm];
        if (!name) throw new AppsScriptException('Invalid argument: algorithm');
        return signedBytes(createHmac(name, toBuffer(key)).update(toBuffer(value)).digest());
      }),
    base64Encode: (data: unknown) => call('base64Encode', () => toBuffer(data).toString('base64')),
    base64EncodeWebSafe: (data: unknown) =>
      call('base64EncodeWebSafe', () =>
        toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
      ),
    base64Decode: (encoded: string) =>
      call('base64Decode', () => {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
          throw new AppsScriptException('Could not decode string.');
        return signedBytes(Buffer.from(encoded, 'base64'));
      }),
    base64DecodeWebSafe: (encoded: string) =>
      call('base64DecodeWebSafe', () => {
        if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded))
          throw new AppsScriptException('Could not decode string.');
        return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
      }),
    /** Bytes (signed) back to text; the emulator's newBlob(bytes).getDataAsString() shortcut. */
    newBlob: (data: unknown) => {
      const buffer = toBuffer(data);
      return {
        getDataAsString: () => buffer.toString('utf8'),
        getBytes: () => signedBytes(buffer),
      };
    },
    sleep: (milliseconds: number) =>
      call('sleep', () => {
        if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS)
          throw new AppsScriptException('Invalid argument: milliseconds');
        ws.spend(milliseconds);
      }),
  };
}
