/**
 * Time-zone arithmetic on the IANA database that Node's ICU carries: wall-clock fields of an
 * instant in a zone, and the instant of a wall-clock time in a zone. Shared by the sheets
 * (dates typed as text, display values) and Utilities (formatDate, parseDate).
 */
export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the zone is a known IANA name (or a fixed offset such as GMT+2 / UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Offset of the zone from UTC at that instant, in ms (positive east of Greenwich). */
export function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - ms;
}

/**
 * The instant at which the zone's clocks show this wall time. Month overflow is lenient (as
 * Java's Calendar is). A time skipped by a daylight-saving jump is moved forward by the jump;
 * a time that occurs twice resolves to the earlier instant (Temporal's "compatible").
 */
export function instantOf(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const before = offsetMs(asUtc - 36e5 * 24, timeZone);
  const after = offsetMs(asUtc + 36e5 * 24, timeZone);
  const candidates = [asUtc - before, asUtc - after].filter(
    (t) => offsetMs(t, timeZone) === asUtc - t,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset from before the jump, which lands after it.
  return asUtc - before;
}
