/**
 * Who counts as one family. The rule, in the order it is applied:
 *
 * 1. A Family ID joins its rows, unless it is a placeholder token ("0", "N/A", "none", "TBD",
 *    "-", ...: ignored) or it sits on rows that are unrelated: rows fall into groups that share
 *    a surname or a contact, and an ID spanning more than one such group is an ID typed on
 *    unrelated rows; it then joins only the rows within each group.
 * 2. A guardian address joins two rows that list it when something else confirms they are one
 *    household: the same surname, a second shared address (a blended family with both guardians
 *    on both rows), or the same phone number. An address on children of different surnames with
 *    nothing else in common (a caseworker, an agency, a grandparent raising cousins) is a
 *    *shared contact*: the children stay separate families, and the scheduler never puts that
 *    person in two places at once.
 *    An address is a shared contact whatever the surnames, and joins rows only through a
 *    Family ID, when its rows show it reaches more than one household (householdsOf): two of
 *    them differ in their other contacts (each lists an address the other does not, or they
 *    give different phone numbers: two foster homes "Smith" with one caseworker), or it is on
 *    MANY_ROWS rows or more of two surnames or more (more children than one family has in a
 *    school). A second address both rows list still joins them (a foster home's own parent).
 *    One parent who is the only contact of two children with different surnames looks exactly
 *    like a caseworker on two children, so it is a shared contact too: wrongly merging strangers
 *    mixes their conferences, answers and names, while wrongly splitting a family costs only
 *    back-to-back times, and the parent is still never double-booked. Giving the rows one
 *    Family ID makes them one family (a shared address is the relation that keeps the ID).
 * 3. Rows whose (kept) Family IDs differ are never joined: the school said they are separate
 *    households, so an address they share is a shared contact.
 * 4. Rows without any address join by phone number and surname (phone-only families), and such
 *    a row joins the one family with email that has its number, whatever the surname (decided
 *    by the roster reader). A number on rows of different surnames is one person's, not a family: as
 *    for an address, the rows stay apart and the scheduler keeps that person in one place.
 *
 * Joins are taken in the order of the students' IDs, so the grouping does not depend on the
 * order of rows or of guardian columns. Everything a person should confirm comes back as a note.
 */

export interface Member {
  id: string;
  row: number;
  /** The surname as a key ('' when blank). */
  surname: string;
  /** The Family ID as written ('' when blank). */
  familyId: string;
  emails: string[];
  /** The phone number as a key ('' when none or a shared number). */
  phone: string;
}

/** Why an address joins rows only through a Family ID (see householdsOf). */
export type Households =
  | { kind: 'different-contacts'; rows: [Member, Member] }
  | { kind: 'many-rows'; rows: number; surnames: number };

export type GroupingNote =
  | { kind: 'placeholder-id'; familyId: string; rows: number[] }
  | { kind: 'unrelated-id'; familyId: string; rows: number[] }
  | { kind: 'id-different-contacts'; familyId: string; rows: number[]; contacts: string[] }
  | {
      kind: 'shared-contact';
      email: string;
      members: Member[];
      differentIds: boolean;
      /** The members by the family each ended in (two siblings listing it are one family). */
      families: Member[][];
      /** Set when the address reaches more than one household, so joins nothing by itself. */
      households?: Households;
    };

export interface Grouped {
  /** The Family ID a group keeps, when it has one that names it. */
  familyIdOf: Map<string, string>;
  notes: GroupingNote[];
  /** Joins two groups (a student is `s:<Student ID>`); false when their Family IDs differ. */
  join: (a: string, b: string) => boolean;
  /** A student's group (`s:<Student ID>`): students with the same group are one family. */
  find: (key: string) => string;
}

const PLACEHOLDER_ID =
  /^(?:0+|[-–—_.?x*#]+|n\/?a|#n\/a|not applicable|none|null|nil|tbd|tba|unknown|unk|pending|missing|blank|no|new)$/i;

/** A Family ID exports write for "no family ID" ("0", "N/A", "none", "TBD", "-", ...). */
export function isPlaceholderFamilyId(id: string): boolean {
  return PLACEHOLDER_ID.test(id.trim().replace(/\s+/g, ' '));
}

const byId = (a: Member, b: Member) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Groups of members connected by `linked` (a small union-find over indexes). */
function components<T>(items: T[], linked: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (linked(items[i]!, items[j]!)) parent[find(j)] = find(i);
  const out = new Map<number, T[]>();
  items.forEach((x, i) => out.set(find(i), [...(out.get(find(i)) ?? []), x]));
  return [...out.values()];
}

const shareEmail = (a: Member, b: Member) => a.emails.some((e) => b.emails.includes(e));
const related = (a: Member, b: Member) =>
  (a.surname !== '' && a.surname === b.surname) ||
  shareEmail(a, b) ||
  (a.phone !== '' && a.phone === b.phone);

/** An address on this many rows, of two surnames or more, is on more rows than a family has. */
export const MANY_ROWS = 5;

/**
 * Two rows listing one contact are two households when their other contacts differ: each lists
 * an address the other does not, or both give a phone number and the numbers differ. A row
 * listing fewer contacts than its sibling's (one parent where the other row has two) differs in
 * nothing.
 */
export function otherContactsDiffer(a: Member, b: Member): boolean {
  return (
    (a.emails.some((e) => !b.emails.includes(e)) && b.emails.some((e) => !a.emails.includes(e))) ||
    (a.phone !== '' && b.phone !== '' && a.phone !== b.phone)
  );
}

/**
 * Whether the rows listing an address show it reaches more than one household (a caseworker,
 * an agency): two of them differ in their other contacts, or there are MANY_ROWS or more of two
 * surnames or more. Null when nothing says so (one family's address, or a shared contact whose
 * rows tell nothing: see the surname rule).
 */
export function householdsOf(list: Member[]): Households | null {
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      if (otherContactsDiffer(list[i]!, list[j]!))
        return { kind: 'different-contacts', rows: [list[i]!, list[j]!] };
  const surnames = new Set(list.map((m) => m.surname)).size;
  return list.length >= MANY_ROWS && surnames >= 2
    ? { kind: 'many-rows', rows: list.length, surnames }
    : null;
}

export function groupFamilies(input: Member[]): Grouped {
  const members = [...input].sort(byId);
  const notes: GroupingNote[] = [];
  const parent = new Map<string, string>();
  const familyIdOf = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const ia = familyIdOf.get(ra);
    const ib = familyIdOf.get(rb);
    if (ia && ib && ia !== ib) return false;
    parent.set(rb, ra);
    if (ib) familyIdOf.set(ra, ib);
    familyIdOf.delete(rb);
    return true;
  };
  const node = (m: Member) => `s:${m.id}`;

  // 1. Family IDs.
  const rowsOfId = new Map<string, Member[]>();
  const placeholderRows = new Map<string, Member[]>();
  for (const m of members) {
    if (!m.familyId) continue;
    const target = isPlaceholderFamilyId(m.familyId) ? placeholderRows : rowsOfId;
    target.set(m.familyId, [...(target.get(m.familyId) ?? []), m]);
  }
  for (const [familyId, list] of placeholderRows)
    notes.push({ kind: 'placeholder-id', familyId, rows: list.map((m) => m.row) });
  /** The Family ID each member keeps for the email step (a split ID is kept by none). */
  const keptId = new Map<string, string>();
  for (const [familyId, list] of rowsOfId) {
    const parts = components(list, related);
    if (parts.length > 1) {
      notes.push({ kind: 'unrelated-id', familyId, rows: list.map((m) => m.row) });
      for (const part of parts) for (const m of part.slice(1)) join(node(part[0]!), node(m));
      continue;
    }
    familyIdOf.set(`f:${familyId}`, familyId);
    for (const m of list) {
      join(`f:${familyId}`, node(m));
      keptId.set(m.id, familyId);
    }
    const byContacts = components(
      list.filter((m) => m.emails.length > 0),
      shareEmail,
    );
    if (byContacts.length > 1)
      notes.push({
        kind: 'id-different-contacts',
        familyId,
        rows: list.map((m) => m.row),
        contacts: byContacts.map((part) => [...new Set(part.flatMap((m) => m.emails))].join(', ')),
      });
  }

  // 2 and 3. Shared addresses, confirmed by something else, never across different Family IDs.
  const listing = new Map<string, Member[]>();
  for (const m of members)
    for (const e of new Set(m.emails)) listing.set(e, [...(listing.get(e) ?? []), m]);
  const households = new Map<string, Households>();
  for (const [email, list] of listing) {
    const h = householdsOf(list);
    if (h) households.set(email, h);
  }
  const unconfirmed = new Map<string, Set<Member>>();
  const edges: [Member, Member, string][] = [];
  for (const [email, list] of listing)
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) edges.push([list[i]!, list[j]!, email]);
  edges.sort(([a1, b1, e1], [a2, b2, e2]) => byId(a1, a2) || byId(b1, b2) || (e1 < e2 ? -1 : 1));
  for (const [a, b, email] of edges) {
    const shared = a.emails.filter((e) => b.emails.includes(e)).length;
    const sameId = keptId.has(a.id) && keptId.get(a.id) === keptId.get(b.id);
    const confirmed = households.has(email)
      ? sameId
      : (a.surname !== '' && a.surname === b.surname) ||
        shared >= 2 ||
        (a.phone !== '' && a.phone === b.phone) ||
        sameId;
    if (!confirmed || !join(node(a), node(b)))
      unconfirmed.set(email, (unconfirmed.get(email) ?? new Set()).add(a).add(b));
  }

  const groupOf = new Map(members.map((m) => [m.id, find(node(m))]));
  // An address is shared when, in the end, it is on more than one family.
  for (const [email, list] of listing) {
    if (!unconfirmed.has(email)) continue;
    const groups = new Set(list.map((m) => groupOf.get(m.id)));
    if (groups.size < 2) continue;
    const ids = new Set(list.map((m) => familyIdOf.get(groupOf.get(m.id)!)).filter(Boolean));
    const families = new Map<string, Member[]>();
    for (const m of list) {
      const g = groupOf.get(m.id)!;
      families.set(g, [...(families.get(g) ?? []), m]);
    }
    notes.push({
      kind: 'shared-contact',
      email,
      members: list,
      differentIds: ids.size > 1,
      families: [...families.values()],
      ...(households.has(email) ? { households: households.get(email)! } : {}),
    });
  }
  return { familyIdOf, notes, join, find };
}
