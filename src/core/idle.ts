/**
 * When the hourly reminder run next has work, so that most hours it stops after a few calls.
 *
 * A complete run leaves a small mark: the next moment a reminder window opens, and a digest of the
 * Schedule it read. An hourly run first reads the mark and the Schedule's values (no lock, no
 * Roster, no time zone); it stops there only when the moment has not come and the Schedule is
 * exactly as the mark saw it. Anything else (no mark, an unreadable one, a moved time, a new row,
 * a status, an address or a Reminders Sent cell edited by hand) means "run". Settings and
 * templates live outside the Schedule, so saving them drops the mark.
 */
import { type ReminderConference, reminderUnits, wallMinutes } from './reminders';

export interface IdleMark {
  /** Before this instant (ms since the epoch) no reminder window opens. */
  next: number;
  /** scheduleDigest of the Schedule the run left. */
  digest: string;
}

const FNV_PRIME = 0x01000193;

/**
 * A digest of the Schedule's values as getValues gives them (dates by their instant). A sheet
 * without a conference row digests alike whether it is missing, empty or a header only.
 */
export function scheduleDigest(values: unknown[][] | null): string {
  if (!values || values.length < 2) return 'none';
  // Two independent 32-bit FNV-1a hashes, one of each cell's text then a NUL, the other of a NUL
  // then the text: a change that collides in both is out of reach in practice. Both are taken in
  // one pass over each text with no string built per cell, since the hourly run digests the whole
  // Schedule every hour.
  let a = 0x811c9dc5 | 0;
  let b = 0x01234567;
  for (const row of values) {
    for (const cell of row) {
      const text = cell instanceof Date ? `\u0001${cell.getTime()}` : String(cell);
      b = Math.imul(b, FNV_PRIME) | 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, FNV_PRIME) | 0;
        b = Math.imul(b ^ c, FNV_PRIME) | 0;
      }
      a = Math.imul(a, FNV_PRIME) | 0;
    }
    a = Math.imul(a ^ 10, FNV_PRIME) | 0;
    b = Math.imul(b ^ 10, FNV_PRIME) | 0;
  }
  return `${values.length}:${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

/**
 * The earliest wall-clock minute (see wallMinutes) after `nowAt` at which a reminder window opens
 * for a family with an address: windows are counted from the family's first conference of the
 * day, as dueReminders counts them. Null when none is left.
 */
export function nextWindowOpening(
  conferences: ReminderConference[],
  hoursBefore: number[],
  nowAt: number,
): number | null {
  let next: number | null = null;
  for (const list of reminderUnits(conferences).values()) {
    if (!list.some((c) => c.emails.length > 0)) continue;
    const start = wallMinutes(list[0]!.date!, list[0]!.start!);
    if (start === null) continue;
    for (const hours of hoursBefore) {
      const at = start - hours * 60;
      if (at > nowAt && (next === null || at < next)) next = at;
    }
  }
  return next;
}

/** Whether the hourly run may stop now: the mark's moment has not come and the Schedule is unchanged. */
export function nothingDueYet(mark: IdleMark | null, now: number, digest: string): boolean {
  return (
    mark !== null &&
    typeof mark.next === 'number' &&
    now < mark.next &&
    typeof mark.digest === 'string' &&
    mark.digest === digest
  );
}
