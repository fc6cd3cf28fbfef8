/**
 * A family's id as people see it, and back. The add-on's own id for a family whose Roster rows
 * give a Family ID is that ID prefixed with "F-" (roster.ts), so that it never equals the id made
 * for a family without one; shown to a person next to the Roster's Family ID column, that prefix
 * reads as a different family ("F-F-GARCIA" for "F-GARCIA"). So a person sees the Family ID as
 * the Roster gives it; typed back (a reply slip's reference on the Availability sheet), either
 * form reaches the family (availabilityfamily.ts).
 */
import type { Family } from './roster';

/** The id to show a person: the Roster's Family ID, or the id the add-on made when it has none. */
export function shownFamilyId(family: Pick<Family, 'id' | 'givenId'>): string {
  return family.givenId || family.id;
}
