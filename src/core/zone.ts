/**
 * Wall-clock time in a time zone, from the zone's own rules (daylight saving included): the
 * runtime's Intl.DateTimeFormat with `timeZone`, which Apps Script's V8 carries as Node does
 * (docs/EMULATOR.md). Nothing here calls a Google service: a run reads the zone once and every
 * cell, stamp and message is worked out here, not by a formatting call to Google per value.
 */
import type { WallClockOf, WallTime } from './normalize';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zones the runtime's time-zone data lacks, met so far; their times are worked out in UTC. */
const missing = new Set<string>();

function newFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour12: false,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = newFormatter(timeZone);
    } catch (e) {
      // Apps Script's runtime is not documented to carry every zone (docs/EMULATOR.md row 53):
      // one it lacks must not stop every job, so its times fall back to UTC, and
      // zoneWarning says so to the user.
      // By name: the error may come from another realm's RangeError.
      if ((e as { name?: unknown } | null)?.name !== 'RangeError') throw e;
      missing.add(timeZone);
      f = newFormatter('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * What the user must be told when the runtime does not know the zone (its dates and times are
 * then worked out in UTC), or null when it knows it.
 */
export function zoneWarning(timeZone: string): string | null {
  formatterFor(timeZone);
  return missing.has(timeZone)
    ? `Google's script runtime does not know the time zone "${timeZone}", so the add-on works out dates and times in UTC instead. Choose another zone for the spreadsheet (File > Settings) and in the add-on's Settings, such as one from the list.`
    : null;
}

/**
 * What the user must be told when Settings' zone (the school's, which every conference time,
 * stamp and message follows) is not the spreadsheet's (File > Settings), or null when they agree.
 * The add-on does not change the spreadsheet's zone itself: that would move the instant of every
 * date already in a cell and the user's own NOW() and TODAY().
 */
export function zoneMismatch(spreadsheetZone: string, schoolZone: string): string | null {
  if (!spreadsheetZone || !schoolZone || spreadsheetZone === schoolZone) return null;
  return `Conference times, reminders and stamps follow the time zone in Settings (${schoolZone}), but this spreadsheet's own zone is ${spreadsheetZone}: the times Google and the add-on keep as dates in cells (such as when an answer came in) and formulas such as NOW() show ${spreadsheetZone} time. If your school is in ${schoolZone}, set the spreadsheet's zone (File > Settings) to ${schoolZone} so that dates typed in cells mean the same; if it is in ${spreadsheetZone}, choose ${spreadsheetZone} in Settings.`;
}

/** The wall-clock fields of an instant in the zone. */
export function wallTimeOf(instant: Date | number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    // With hour12 false, engines may write midnight as 24.
    hour: parts.hour! % 24,
    minute: parts.minute!,
  };
}

/** The wall clock of cells in the zone, each distinct instant worked out once. */
export function wallClockIn(timeZone: string): WallClockOf {
  const memo = new Map<number, WallTime>();
  return (date) => {
    const key = date.getTime();
    let w = memo.get(key);
    if (!w) {
      w = wallTimeOf(key, timeZone);
      memo.set(key, w);
    }
    return w;
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const dayOf = (w: WallTime) => `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;

/** "yyyy-MM-dd" of an instant in the zone. */
export function dayIn(instant: Date | number, timeZone: string): string {
  return dayOf(wallTimeOf(instant, timeZone));
}

/** "yyyy-MM-dd HH:mm" of an instant in the zone (the stamps the add-on writes). */
export function stampIn(instant: Date | number, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  return `${dayOf(w)} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "yyyy-MM-dd HH:mm:ss" of an instant in the zone. */
export function secondsStampIn(instant: Date | number, timeZone: string): string {
  const d = new Date(instant);
  return `${stampIn(d, timeZone)}:${pad2(d.getUTCSeconds())}`;
}

/** Minutes since midnight of an instant in the zone. */
export function minutesIn(instant: Date | number, timeZone: string): number {
  const w = wallTimeOf(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/**
 * The instant of a wall-clock time ("yyyy-MM-dd", minutes since midnight) in the zone. A time
 * that does not exist (skipped when clocks go forward) reads as the same wall time in the offset
 * before the change, as the lenient java.text.SimpleDateFormat behind parseDate does.
 */
export function instantIn(day: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, 0, minutes);
  const offsetAt = (ms: number) => {
    const w = wallTimeOf(ms, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60000) * 60000;
  };
  // The offset before the wall time, then the offset at the instant it gives.
  const first = asUtc - offsetAt(asUtc - 86_400_000);
  const second = asUtc - offsetAt(first);
  return new Date(offsetAt(second) === asUtc - second ? second : first);
}
