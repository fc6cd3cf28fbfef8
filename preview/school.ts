/**
 * The emulated school the preview, the demo and the end-to-end tests start from: a fresh
 * emulator, the built bundle loaded into it, the sample school's export pasted into a Roster
 * and a Teachers sheet as a coordinator would paste it, and the add-on opened (onOpen).
 */
import { join } from 'node:path';
import { createEmulator, type Emulator } from '../emulator/index';
import type { QuotaReset, Quotas } from '../emulator/runtime';
import { type Bundle, loadBundle } from '../emulator/loader';
import { sampleSchool, type SampleOptions } from '../sample/school';

export interface School {
  emulator: Emulator;
  bundle: Bundle;
}

export const BUILD_DIR = join(__dirname, '..', 'build');

export interface SchoolOptions extends SampleOptions {
  empty?: boolean;
  buildDir?: string;
  /** Google's daily quotas (default: a Google Workspace account's). */
  quotas?: Quotas;
  /** Every service call this many times slower than the latency model (default 1). */
  latencyFactor?: number;
  /** When daily quotas renew (default: 24 hours after first use, as Google says). */
  quotaReset?: QuotaReset;
}

export function openSchool(options: SchoolOptions = {}): School {
  const emulator = createEmulator({
    now: Date.UTC(2026, 10, 2, 14, 0),
    spreadsheetName: 'Lincoln Elementary — Fall conferences',
    timeZone: 'America/New_York',
    defaultUser: 'coordinator@lincoln.school.example',
    ...(options.quotas ? { quotas: options.quotas } : {}),
    ...(options.latencyFactor ? { latencyFactor: options.latencyFactor } : {}),
    ...(options.quotaReset ? { quotaReset: options.quotaReset } : {}),
  });
  if (!options.empty) {
    const school = sampleSchool(options);
    const doc = emulator.spreadsheet;
    const roster = doc.sheets[0]!;
    roster.name = 'Roster';
    roster.appendRow(school.roster.header);
    for (const row of school.roster.rows) roster.appendRow(row);
    const teachers = doc.insertSheet('Teachers');
    teachers.appendRow(school.teachers.header);
    for (const row of school.teachers.rows) teachers.appendRow(row);
  }
  const bundle = loadBundle(emulator, options.buildDir ?? BUILD_DIR);
  bundle.open('LIMITED');
  return { emulator, bundle };
}
