/**
 * Helpers for the sidebar's step states, shared by the overview and the modules behind the
 * later steps (each exports its own `xStep(context)`).
 */
import { STEPS, type StepId, type StepState, type Settings } from '../shared/api';
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

export function step(
  id: StepId,
  rest: Omit<StepState, 'id' | 'title' | 'problems' | 'problemCount' | 'counts'> &
    Partial<StepState>,
): StepState {
  const title = STEPS.find((s) => s.id === id)!.title;
  return { id, title, counts: [], problems: [], problemCount: 0, ...rest };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The sidebar's steps read each sheet once per overview, however many steps look at it. */
export function stepReader(ctx: StepContext): SheetReader {
  return ctx.read;
}
