/**
 * Helpers for the sidebar's step states, shared by the overview and the modules behind the
 * later steps (each exports its own `xStep(context)`).
 */
import type { Settings } from '../shared/api';
import type { SchoolData } from './data';
import type { SheetReader } from './reads';
import type { ScheduleSheet } from '../core/schedule/sheet';

/** What the later steps' state functions get: everything buildOverview has read already. */
export interface StepContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  present: Map<string, GoogleAppsScript.Spreadsheet.Sheet>;
  settings: Settings;
  props: Record<string, string>;
  /** Null until set-up has created every sheet. */
  data: SchoolData | null;
  /** Rows on the Schedule sheet. */
  conferences: number;
  /** The Schedule sheet as read once for the whole overview (null before set-up). */
  schedule: ScheduleSheet | null;
  /** Reads a sheet's values, each sheet once per overview however many steps look at it. */
  read: SheetReader;
  /** yyyy-MM-dd in the spreadsheet's zone. */
  today: string;
}

// The pure step rules live in src/core/steps.ts; the later steps' modules import them from here.
export { plural, step } from '../core/steps';

/** The sidebar's steps read each sheet once per overview, however many steps look at it. */
export function stepReader(ctx: StepContext): SheetReader {
  return ctx.read;
}
