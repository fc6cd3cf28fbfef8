/**
 * A family's id as people see it, and back. The add-on's own id for a family whose Roster rows
 * give a Family ID is that ID prefixed with "F-" (roster.ts), so that it never equals the id made
 * for a family without one; shown to a person next to the Roster's Family ID column, that prefix
 * reads as a different family ("F-F-GARCIA" for "F-GARCIA"). So every sheet, tab and file a
 * person reads shows the Family ID as the Roster gives it, and every reader of such a cell reads
 * it back here: as shown, in the add-on's own form (what older Schedules hold), or typed with
 * other case and spaces.
 */
import { cleanText } from './normalize';
import type { Family } from './roster';

export interface FamilyIds {
  /** The id to show a person for the family with this id: its Roster Family ID when it has one. */
  shown(id: string): string;
  /** The family's id for a cell in any of those forms, or null when no one family is meant. */
  resolve(cell: unknown): string | null;
  /** resolve, or the cell's text as written when no one family is meant (a family since gone). */
  read(cell: unknown): string;
}

/** A cell as people type it: case and spaces do not tell two families apart for a reader. */
const typedKey = (text: string): string => text.toLowerCase().replace(/\s+/g, '');

/**
 * The shown and read-back forms of the ids of one Roster's families. A family shows the add-on's
 * own id instead of its Family ID when that ID is taken: another family's id or former id (a
 * Family ID "F-0Q3XK2M" typed on a row, equal to the id made for a family without one), or a
 * second family's Family ID. So no two families ever show the same text, and each shown text
 * reads back to its family.
 */
export function familyIds(
  families: readonly Pick<Family, 'id' | 'givenId' | 'aliases'>[],
): FamilyIds {
  const ownIds = new Map<string, string>();
  for (const f of families) {
    for (const alias of f.aliases ?? []) ownIds.set(alias, f.id);
    ownIds.set(f.id, f.id);
  }
  const givenCount = new Map<string, number>();
  for (const f of families)
    if (f.givenId) givenCount.set(f.givenId, (givenCount.get(f.givenId) ?? 0) + 1);
  const shownOf = new Map<string, string>();
  const byShown = new Map<string, string>();
  for (const f of families) {
    const given = f.givenId;
    const usable = !!given && givenCount.get(given) === 1 && !ownIds.has(given);
    shownOf.set(f.id, usable ? given : f.id);
    if (usable) byShown.set(given, f.id);
  }
  // Typed forms: a key that more than one family's forms share reaches none of them.
  const byKey = new Map<string, string | null>();
  const addKey = (text: string, id: string) => {
    const key = typedKey(text);
    const had = byKey.get(key);
    byKey.set(key, had === undefined || had === id ? id : null);
  };
  for (const [text, id] of ownIds) addKey(text, id);
  for (const [text, id] of byShown) addKey(text, id);
  const textOf = (cell: unknown) => (typeof cell === 'number' ? String(cell) : cleanText(cell));
  const resolve = (cell: unknown) => {
    const text = textOf(cell);
    if (!text) return null;
    return ownIds.get(text) ?? byShown.get(text) ?? byKey.get(typedKey(text)) ?? null;
  };
  return {
    shown: (id) => shownOf.get(id) ?? id,
    resolve,
    read: (cell) => resolve(cell) ?? textOf(cell),
  };
}
