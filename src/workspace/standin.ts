/**
 * The adult a family named on a round's availability form ("Who will come?") instead of its
 * guardians, and the address it gave for them, read from the Availability sheet: the packets and
 * the teacher's day name them; reminders reach them (src/core/standin.ts).
 */
import { standInsOf, type StandIn } from '../core/standin';
import { AVAILABILITY } from '../core/schema';
import { readTable } from '../core/table';
import type { Problem } from '../shared/api';
import { readSheet } from './data';

/** By Family ID, each family's stand-in for the round, and the addresses that are not ones. */
export function standInsWithAddresses(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  round: string,
): { standIns: Map<string, StandIn>; problems: Problem[] } {
  const availability = readSheet(ss, AVAILABILITY.name);
  if (!availability || availability.length < 2) return { standIns: new Map(), problems: [] };
  return standInsOf(readTable(AVAILABILITY, availability).rows, round);
}

/** By Family ID, the adult each family named for the round (the last answer wins). */
export function standInsForRound(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  round: string,
): Map<string, string> {
  const named = new Map<string, string>();
  for (const [familyId, s] of standInsWithAddresses(ss, round).standIns)
    if (s.name) named.set(familyId, s.name);
  return named;
}
