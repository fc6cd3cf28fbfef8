/**
 * What the hourly reminder trigger remembers of the spreadsheet it serves, in its owner's user
 * properties: the trigger's own run may have no document to read it from (docs/EMULATOR.md
 * row 17). Kept apart from clock.ts so the Reminders step can read it without importing the
 * module that reads the Schedule through it.
 */
import { parseJson } from './props';

const RECORD_PREFIX = 'slc:clock:';

export interface ClockRecord {
  spreadsheetId: string;
  name: string;
  url: string;
  timeZone: string;
  /** Wall-clock minutes (see wallMinutes) at which a reminder window opens, ascending. */
  opens: number[];
  /** Wall-clock minute up to which the owner has been told. */
  told: number;
  /** Set once Google ran this trigger without its spreadsheet: it cannot send on its own. */
  withoutDocument?: boolean;
}

/** The record of the reminder trigger with this unique ID, or null when there is none. */
export function readClockRecord(uid: string): ClockRecord | null {
  return parseJson<ClockRecord>(
    PropertiesService.getUserProperties().getProperty(RECORD_PREFIX + uid),
  );
}

export function writeClockRecord(uid: string, record: ClockRecord): void {
  PropertiesService.getUserProperties().setProperty(RECORD_PREFIX + uid, JSON.stringify(record));
}

export function deleteClockRecord(uid: string): void {
  PropertiesService.getUserProperties().deleteProperty(RECORD_PREFIX + uid);
}

/**
 * Where the trigger, run without its spreadsheet, notes that the daily email quota kept it from
 * telling its owner that reminders were due (the wall minute it had told them up to): in the
 * owner's user properties by spreadsheet, so the owner's next send finds it.
 */
const UNTOLD_PREFIX = 'slc:clock:untold:';

export function noteUntold(spreadsheetId: string, since: number): void {
  const user = PropertiesService.getUserProperties();
  if (user.getProperty(UNTOLD_PREFIX + spreadsheetId) === null)
    user.setProperty(UNTOLD_PREFIX + spreadsheetId, String(since));
}

/** The wall minute after which reminders went untold, or null. */
export function readUntold(spreadsheetId: string): number | null {
  const since = PropertiesService.getUserProperties().getProperty(UNTOLD_PREFIX + spreadsheetId);
  return since === null ? null : Number(since);
}

/** Forgotten once the reminders it concerns are marked on the Schedule. */
export function forgetUntold(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(UNTOLD_PREFIX + spreadsheetId);
}
