/**
 * Who is due the request for their availability, and how far a cut-off run went: the marks
 * `slc:asked:<family ID>` in the document's properties, the journal a run leaves while it sends,
 * and a family's progress between its addresses, decoded without a Google service (src/workspace/ask.ts
 * reads and writes them).
 */
import type { Problem } from '../shared/api';
import { familyIds, type FamilyIds } from './familyshown';
import { availabilityLinks } from './formlinks';
import { parseJson } from './json';
import { paperHouseholds, type Family, type RosterResult } from './roster';
import { cleanText } from './normalize';

/**
 * The mark of a family asked: "<round> · <yyyy-MM-dd HH:mm in the school's zone>", or
 * "<round> · unconfirmed". A mark of an earlier round does not count: each round asks again.
 */
export const ASKED_PREFIX = 'slc:asked:';
export const ASK_JOURNAL = 'slc:ask:journal';
/**
 * How far a family's messages went when a run stopped between its addresses (a passing error,
 * the quota, a cut): { round, sent: addresses surely sent, unsure: the one leaving at a cut }.
 * Those are not sent again; the others are sent by the next run.
 */
export const PROGRESS_PREFIX = 'slc:ask:progress:';
export interface Progress {
  round: string;
  sent: string[];
  unsure?: string;
}
/** The mark of a family whose email a cut-off run may or may not have sent. */
export const UNSURE = 'unconfirmed';
/** The start of the mark of a family one of whose messages MailApp refused. */
export const REFUSED = 'refused to ';
export const markOf = (round: string, what: string) => `${round} · ${what}`;

/** What a run sending requests has done and not yet written as marks (ASK_JOURNAL). */
export interface Journal {
  /** Families sent to whose marks are not written yet. */
  sent: string[];
  stamp: string;
  /** The family being sent to when the journal was written, or null. */
  sending: string | null;
  /** Other properties not written yet (a refusal, a family's progress), by key. */
  props?: Record<string, string>;
  /** The address being sent to, and the family's addresses already sent to. */
  to?: string;
  done?: string[];
}

/** The family's addresses, each once. */
export function familyEmails(family: Family): string[] {
  return [...new Set(family.contacts.map((c) => c.email.toLowerCase()).filter(Boolean))];
}

/** This round's progress of a family sent to in part, or null. */
export function progressOf(
  props: Record<string, string>,
  id: string,
  round: string,
): Progress | null {
  const p = parseJson<Progress>(props[PROGRESS_PREFIX + id] ?? null);
  return p && p.round === round ? p : null;
}

/** A family's addresses not sent to yet, and not left unsure by a cut. */
export function remaining(family: Family, progress: Progress | null): string[] {
  const skip = new Set([...(progress?.sent ?? []), progress?.unsure ?? '']);
  return familyEmails(family).filter((e) => !skip.has(e));
}

/**
 * Family IDs that have answered the availability form (rows of the Availability sheet), each
 * cell read back to its family whatever form it holds (a paper answer typed with the Family ID
 * people read: familyshown.ts). A row with no Email of a family with a paper household
 * (`paper`: roster.ts paperHouseholds) is that household's answer, for its own children: the
 * family's emailed household has not answered by it.
 */
export function answeredFamilies(
  availability: unknown[][] | null,
  ids: Pick<FamilyIds, 'read'>,
  paper: { has: (familyId: string) => boolean } = new Set<string>(),
): Set<string> {
  const [header = [], ...rows] = availability ?? [];
  const col = header.map(String).indexOf('Family ID');
  const email = header.map(String).indexOf('Email');
  const own = (r: unknown[], id: string) =>
    !paper.has(id) || (email >= 0 && cleanText(r[email]) !== '');
  return new Set(
    col < 0
      ? []
      : rows.flatMap((r) => {
          const id = ids.read(r[col]);
          return id && own(r, id) ? [id] : [];
        }),
  );
}

export interface AskPicture {
  /** Families with email not asked and not answered. */
  toAsk: Family[];
  asked: number;
  /** Families without email (the Roster gave a phone): a person phones them. */
  noEmail: number;
  /** Of those, the ones whose answer is on the Availability sheet (typed in from a call or a slip). */
  noEmailAnswered: number;
  /**
   * Families a cut-off run may or may not have emailed, with their link (for a person to send)
   * and, when the cut fell between the family's addresses, the one address in doubt.
   */
  unsure: { family: Family; link: string; address?: string }[];
  /** Families one of whose messages MailApp refused, with its reason. */
  refused: { family: Family; reason: string }[];
}

/** Where each family stands; a journal left by a cut-off run is read as if its marks were written. */
export function askPicture(
  roster: RosterResult,
  props: Record<string, string>,
  availability: unknown[][] | null,
  round: string,
): AskPicture {
  const pending = parseJson<Journal>(props[ASK_JOURNAL] ?? null);
  /** The family's mark, of whichever round. */
  const anyRound = (id: string): string | undefined =>
    props[ASKED_PREFIX + id] ??
    pending?.props?.[ASKED_PREFIX + id] ??
    (pending?.sent.includes(id)
      ? pending.stamp
      : pending?.sending === id
        ? markOf(round, UNSURE)
        : undefined);
  // This round's mark: what it says after "<round> · ", or undefined.
  const mark = (id: string): string | undefined => {
    const value = anyRound(id);
    return value?.startsWith(markOf(round, '')) ? value.slice(markOf(round, '').length) : undefined;
  };
  const answered = answeredFamilies(
    availability,
    familyIds(roster.families),
    paperHouseholds(roster),
  );
  const languageOf = new Map(roster.families.map((f) => [f.id, f.language]));
  const links = availabilityLinks(props, (id) => languageOf.get(id) ?? '');
  const withEmail = roster.families.filter((f) => familyEmails(f).length > 0);
  return {
    // A family that answered before it was ever asked (an earlier link, a paper form typed in)
    // is not asked; in a later round everyone is asked again.
    // A family a cut left unsure about one address still gets its other addresses' messages.
    toAsk: withEmail.filter((f) => {
      const progress = progressOf(props, f.id, round);
      return (
        (!mark(f.id) ||
          (mark(f.id) === UNSURE && progress !== null && remaining(f, progress).length > 0)) &&
        !(answered.has(f.id) && !anyRound(f.id))
      );
    }),
    asked: withEmail.filter((f) => mark(f.id) && mark(f.id) !== UNSURE).length,
    noEmail: roster.families.length - withEmail.length,
    noEmailAnswered: roster.families.filter(
      (f) => familyEmails(f).length === 0 && answered.has(f.id),
    ).length,
    unsure: withEmail
      .filter((f) => mark(f.id) === UNSURE && !answered.has(f.id))
      .map((family) => {
        const address = progressOf(props, family.id, round)?.unsure;
        return { family, link: links.get(family.id) ?? '', ...(address ? { address } : {}) };
      }),
    refused: withEmail
      .filter((f) => mark(f.id)?.startsWith(REFUSED))
      .map((family) => ({ family, reason: mark(family.id)!.slice(REFUSED.length) })),
  };
}

/** The sidebar's word on a family one of whose messages Google refused. */
export function refusedProblem(r: { family: Family; reason: string }): Problem {
  return {
    severity: 'warning',
    where: { sheet: 'Roster', row: r.family.rows[0] ?? 1, column: 1 },
    message: `${r.family.name} family: Google refused the request for their availability to ${r.reason}. Fix the address on the Roster and give them their link yourself; it is not sent again.`,
  };
}

/** The sidebar's word on a family a cut-off run may not have emailed. */
export function unsureProblem(u: { family: Family; link: string; address?: string }): Problem {
  // Cut between two addresses, the others surely went: only the one in doubt is named.
  const what = u.address
    ? `the request for their availability to ${u.address} may not have gone out (the run was cut off while sending it; their other addresses have theirs)`
    : 'the request for their availability may not have gone out (the run was cut off while sending)';
  return {
    severity: 'warning',
    where: { sheet: 'Roster', row: u.family.rows[0] ?? 1, column: 1 },
    message: `${u.family.name} family: ${what}. Ask them; if it did not arrive, send it again (below) or give them their own link: ${u.link || '(make the family forms again to give them one)'}.`,
  };
}
