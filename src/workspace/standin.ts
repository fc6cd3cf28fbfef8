/**
 * The adult a family named on a round's availability form ("Who will come?") instead of its
 * guardians, and the address it gave for them, read from the Availability sheet: the packets and
 * the teacher's day name them; reminders reach them (src/core/standin.ts).
 */
import { AVAILABILITY_ALIASES, availabilityFamilies } from '../core/availabilityfamily';
import { paperHouseholds, type RosterResult } from '../core/roster';
import { standInsOf, type StandIn } from '../core/standin';
import { AVAILABILITY } from '../core/schema';
import { cleanText } from '../core/normalize';
import { readTable, type TableRow } from '../core/table';
import type { Problem } from '../shared/api';
import { readSheet } from './data';

/**
 * By Family ID, each family's stand-in for the round, and the addresses that are not ones. Rows
 * reach their family as the scheduler's do (by id, or a guardian's Email on a typed row); with no
 * Roster there is no family to reach.
 */
export function standInsWithAddresses(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  round: string,
  /** Read only when some row names a stand-in. */
  roster: () => RosterResult | null,
  read: (name: string) => unknown[][] | null = (name) => readSheet(ss, name),
): { standIns: Map<string, StandIn>; problems: Problem[] } {
  const none = { standIns: new Map<string, StandIn>(), problems: [] };
  const availability = read(AVAILABILITY.name);
  if (!availability || availability.length < 2) return none;
  const rows = readTable(AVAILABILITY, availability, AVAILABILITY_ALIASES).rows;
  const named = (r: TableRow) =>
    cleanText(r.get('Who Comes')) || cleanText(r.get('Who Comes Email'));
  if (!rows.some(named)) return none;
  const school = roster();
  return school
    ? standInsOf(rows, round, availabilityFamilies(school.families, paperHouseholds(school)))
    : none;
}

/** The address of the stand-in adult a family (by its own id) named for the round, or ''. */
export function standInAddresses(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  round: string,
  roster: () => RosterResult | null,
  read?: (name: string) => unknown[][] | null,
): (familyId: string) => string {
  const { standIns } = standInsWithAddresses(ss, round, roster, read);
  return (familyId) => standIns.get(familyId)?.email ?? '';
}

/** By Family ID, the adult each family named for the round (the last answer wins). */
export function standInsForRound(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  round: string,
  roster: () => RosterResult | null,
): Map<string, string> {
  const named = new Map<string, string>();
  for (const [familyId, s] of standInsWithAddresses(ss, round, roster).standIns)
    if (s.name) named.set(familyId, s.name);
  return named;
}
