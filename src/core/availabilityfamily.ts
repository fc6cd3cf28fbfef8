/**
 * Which Roster family an Availability row is for. Rows the form writes carry the family's id
 * (matched by its link's code); rows a person types or pastes carry a guardian's Email, or the
 * Roster's own Family ID. The scheduler and the stand-in reading both ask here, so a row reaches
 * the same family in both. Pure.
 */
import { familyIds } from './familyshown';
import { cleanText, normalizeEmail } from './normalize';
import type { Family } from './roster';
import type { TableRow } from './table';

/** Other headers a typed or pasted Availability sheet may use (for readTable). */
export const AVAILABILITY_ALIASES: Record<string, string[]> = {
  Email: ['Guardian Email', 'Parent Email'],
  Family: ['Family ID'],
};

export interface AvailabilityFamily {
  /** The family's id on the Roster (as the Schedule's Family ID), or null when none is found. */
  familyId: string | null;
  /** The row's Email, checked and lower-cased; null when it is not an address. */
  email: string | null;
  /** The row's Email is a contact of several families, so it alone does not say which. */
  sharedContact: boolean;
  /** The row's Email when it is a guardian of the family found, else '': who answered. */
  answeredBy: string;
  /**
   * The answer is the family's paper household's (its rows that list no address; the family
   * has email): the row's Email is blank, as the form writes a slip keyed with that
   * household's code, and as the office types an answer given on the phone. It is that
   * household's children's times only.
   */
  paper: boolean;
}

/**
 * A reader of Availability rows' families for one Roster. A cell may hold the family's id in any
 * form familyshown.ts reads back: as the Roster's Family ID column and the Schedule show it, or
 * in the add-on's own "F-" form.
 */
export function availabilityFamilies(
  families: readonly Pick<Family, 'id' | 'contacts' | 'givenId' | 'aliases'>[],
  /** The families with email that have a paper household (roster.ts paperHouseholds). */
  withPaper: { has: (familyId: string) => boolean } = new Set<string>(),
): (row: TableRow) => AvailabilityFamily {
  const familyOfEmail = new Map<string, string>();
  const shared = new Set<string>();
  const contactsOf = new Map<string, Set<string>>();
  for (const f of families) {
    contactsOf.set(f.id, new Set(f.contacts.map((c) => c.email.toLowerCase())));
    for (const c of f.contacts) {
      const email = c.email.toLowerCase();
      if (familyOfEmail.has(email) && familyOfEmail.get(email) !== f.id) shared.add(email);
      familyOfEmail.set(email, f.id);
    }
  }
  // A contact several families share (a caseworker) does not tell which family a typed row is for.
  for (const email of shared) familyOfEmail.delete(email);
  const byId = familyIds(families).resolve;
  return (row) => {
    const email = normalizeEmail(row.get('Email'));
    const familyId =
      byId(row.get('Family ID')) ?? (email && familyOfEmail.get(email)) ?? byId(row.get('Family'));
    return {
      familyId,
      email,
      sharedContact: !!email && shared.has(email),
      answeredBy: familyId && email && contactsOf.get(familyId)?.has(email) ? email : '',
      paper: !!familyId && withPaper.has(familyId) && cleanText(row.get('Email')) === '',
    };
  };
}
