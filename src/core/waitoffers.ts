/**
 * Freed times offered to the waiting list. A conference cancelled (Status "cancelled") or
 * declined (the family's NO, read by the invite sync) frees its time: its teacher, day, start and
 * end. Which waitlisted families that time fits, in waitlist order, and how an acceptance travels
 * back through the family's own availability link, are decided here. Pure: the workspace sends
 * the offers and places the first family to accept (workspace/waitoffers.ts).
 */
import { suits, type Meet } from './meeting';
import { inRound } from './rounds';
import type { Conference, SchedFamily, SchedStudent } from './schedule/types';

/** The statuses that free a conference's time. */
export const FREEING_STATUSES = new Set(['cancelled', 'declined']);

export interface FreedTime {
  /** The cancelled or declined conference whose time this is. */
  conferenceId: string;
  teacher: string;
  date: string;
  start: number;
  end: number;
  /** Its Schedule row, for messages a person reads. */
  row: number;
}

/**
 * This round's cancelled and declined conferences with a readable time, in sheet order; with
 * `after` (the school's day and minute now), only those that have not started yet: a time gone
 * by is offered to nobody.
 */
export function freedTimes(
  rows: {
    conferenceId: string;
    round: string;
    status: string;
    teacher: string;
    date: string | null;
    start: number | null;
    end: number | null;
    row: number;
  }[],
  round: string,
  after?: { date: string; minutes: number },
): FreedTime[] {
  const ahead = (date: string, start: number) =>
    !after || date > after.date || (date === after.date && start > after.minutes);
  return rows.flatMap((r) =>
    inRound(r.round, round) &&
    FREEING_STATUSES.has(r.status) &&
    r.conferenceId &&
    r.date !== null &&
    r.start !== null &&
    r.end !== null &&
    r.end > r.start &&
    ahead(r.date, r.start)
      ? [
          {
            conferenceId: r.conferenceId,
            teacher: r.teacher,
            date: r.date,
            start: r.start,
            end: r.end,
            row: r.row,
          },
        ]
      : [],
  );
}

/** One waitlisted family a freed time fits, with its waitlisted children of that teacher. */
export interface FittingFamily {
  familyId: string;
  studentIds: string[];
}

/**
 * The waitlisted families a freed time fits, first listed first: each has a waitlisted child
 * whose host teacher is the freed time's, gave availability covering the time (or gave none:
 * availability null),
 * asked to meet in a way the freed time's window offers (online, in person, or either), is not
 * elsewhere then (its own conferences, or a guardian listed for another family, with the
 * buffer between rooms), and, needing an interpreter in a language whose interpreters are
 * counted, finds one free. The checker's rules, asked of one conference at one time; the
 * teacher's room is free because the freed conference held it.
 */
export function fittingFamilies(input: {
  /** The freed time; `mode`, the way its teacher's window meets (not given: any way). */
  freed: { teacherEmail: string; date: string; start: number; end: number; mode?: Meet };
  /** Waitlisted student IDs in waitlist order. */
  waitlist: string[];
  students: SchedStudent[];
  families: SchedFamily[];
  /** Every live conference of the round (the freed one excluded). */
  booked: Pick<Conference, 'familyId' | 'teacherEmail' | 'date' | 'start' | 'end'>[];
  bufferMinutes: number;
  interpreters: Record<string, number>;
}): FittingFamily[] {
  const { freed } = input;
  const students = new Map(input.students.map((s) => [s.id, s]));
  const families = new Map(input.families.map((f) => [f.id, f]));
  const sameDay = input.booked.filter((b) => b.date === freed.date);
  const out = new Map<string, FittingFamily>();
  const refused = new Set<string>();
  for (const id of input.waitlist) {
    const s = students.get(id);
    // A child of a paper household is offered by the times that household gave (its own).
    const own = s?.availability !== undefined;
    const key = `${s?.familyId}${own ? '|paper' : ''}`;
    if (!s || s.teacherEmail !== freed.teacherEmail || refused.has(key)) continue;
    const known = out.get(key);
    if (known) {
      known.studentIds.push(id);
      continue;
    }
    const family = families.get(s.familyId);
    const asked = family && own ? { ...family, availability: s.availability ?? null } : family;
    if (asked && fits(asked, freed, sameDay, families, input)) {
      out.set(key, { familyId: s.familyId, studentIds: [id] });
    } else refused.add(key);
  }
  return [...out.values()];
}

function fits(
  family: SchedFamily,
  freed: { teacherEmail: string; date: string; start: number; end: number; mode?: Meet },
  sameDay: Pick<Conference, 'familyId' | 'teacherEmail' | 'start' | 'end'>[],
  families: Map<string, SchedFamily>,
  rules: { bufferMinutes: number; interpreters: Record<string, number> },
): boolean {
  if (!suits(freed.mode, family.meet)) return false;
  if (
    family.availability &&
    !family.availability.some(
      (a) => a.date === freed.date && a.start <= freed.start && freed.end <= a.end,
    )
  )
    return false;
  const mine = new Set(family.contacts ?? []);
  const sharesSomeone = (familyId: string) =>
    familyId === family.id || (families.get(familyId)?.contacts ?? []).some((c) => mine.has(c));
  const gap = (b: { teacherEmail: string }) =>
    b.teacherEmail === freed.teacherEmail ? 0 : rules.bufferMinutes;
  if (
    sameDay.some(
      (b) =>
        sharesSomeone(b.familyId) && b.start < freed.end + gap(b) && freed.start < b.end + gap(b),
    )
  )
    return false;
  const limit = family.interpreter ? rules.interpreters[family.interpreter] : undefined;
  if (limit === undefined) return true;
  const sameLanguage = (b: { familyId: string }) =>
    families.get(b.familyId)?.interpreter === family.interpreter;
  // The checker counts, at each conference's start, those running then: ours and each other's.
  const atOurStart = sameDay.filter(
    (b) => sameLanguage(b) && b.start <= freed.start && freed.start < b.end,
  ).length;
  const overfullLater = sameDay.some(
    (b) =>
      sameLanguage(b) &&
      freed.start <= b.start &&
      b.start < freed.end &&
      sameDay.filter((d) => sameLanguage(d) && d.start <= b.start && b.start < d.end).length >=
        limit,
  );
  return atOurStart < limit && !overfullLater;
}

/**
 * The token an offer's link carries in place of the family's code: the code, then the freed
 * conference. The family's own link, so nobody else's code accepts for it; the form records
 * it as any answer and the submit handler recognises it by the separator.
 */
export const OFFER_SEPARATOR = '-accept-';

export function offerToken(familyCode: string, conferenceId: string): string {
  return `${familyCode}${OFFER_SEPARATOR}${conferenceId}`;
}

/** The family code and freed conference an accepted offer's token names, or null for any other token. */
export function readOfferToken(token: string): { code: string; conferenceId: string } | null {
  const at = token.trim().toLowerCase().indexOf(OFFER_SEPARATOR);
  if (at <= 0) return null;
  const code = token.trim().slice(0, at).toLowerCase();
  const conferenceId = token.trim().slice(at + OFFER_SEPARATOR.length);
  return conferenceId ? { code, conferenceId } : null;
}

/** The document property recording one offer email (one freed time, one address). */
export function offerKey(round: string, conferenceId: string, address: string): string {
  return `${offerPrefix(round)}${conferenceId}|${address.toLowerCase()}`;
}

export function offerPrefix(round: string): string {
  return `slc:wait-offer:${round}|`;
}

/**
 * The document property naming who took a freed time: written under the document lock before
 * the Schedule row, so a run cut off in between finishes that placement and never makes another.
 */
export function takenKey(round: string, conferenceId: string): string {
  return `slc:wait-taken:${round}|${conferenceId}`;
}

/**
 * Offers recorded this round (sent, being sent or refused; by email or to a family to call) whose
 * freed time nobody has taken yet, and the freed times taken. An offer for a time already taken
 * is no longer "out": the family who takes it next is told the time is gone.
 */
export function offerCounts(
  props: Record<string, string>,
  round: string,
): { offers: number; accepted: number } {
  const keys = Object.keys(props);
  const takenPrefix = takenKey(round, '');
  const taken = new Set(
    keys.filter((k) => k.startsWith(takenPrefix)).map((k) => k.slice(takenPrefix.length)),
  );
  const prefix = offerPrefix(round);
  // An offer's key is the prefix, the conference ID, "|" and the address (or phone:Family ID);
  // either may hold a "|", so a key is matched against each taken time's own beginning.
  const takenStarts = [...taken].map((id) => `${prefix}${id}|`);
  const open = keys.filter(
    (k) => k.startsWith(prefix) && !takenStarts.some((start) => k.startsWith(start)),
  );
  return { offers: open.length, accepted: taken.size };
}

/** The document property recording the "this time is gone" email to one address. */
export function goneKey(round: string, conferenceId: string, address: string): string {
  return `slc:wait-gone:${round}|${conferenceId}|${address.toLowerCase()}`;
}

/**
 * The "address" an offer made by phone is recorded under: the family itself, since it has no
 * email. Recorded like an emailed offer, so the family's acceptance, keyed in by the office,
 * counts as one.
 */
export function phoneOffer(familyId: string): string {
  return `phone:${familyId}`;
}

/**
 * Put in the Waitlist's Told cell of a waitlisted family without email that a freed time fits:
 * the time, whom to call, and what the office types, as the family code in the availability
 * form, when the family takes it (first to accept is placed, as for an emailed offer). No stamp
 * and no semicolon: the same note is never added twice to a cell.
 */
export function phoneOfferNote(
  date: string,
  start: string,
  teacher: string,
  phone: string | undefined,
  token: string,
): string {
  const how = phone ? `phone ${phone}` : 'write to the family (no phone on the Roster)';
  return `freed time ${date} ${start} with ${teacher} fits: ${how} to offer it, and if they take it type ${token} as the family code in the availability form`;
}

/** Put in the Told cell of a family without email whose acceptance came after the time was taken. */
export function phoneGoneNote(date: string, start: string, teacher: string): string {
  return `freed time ${date} ${start} with ${teacher} was taken by another family first: tell the family it stays on the waiting list`;
}

/** Put in the Waitlist's Told cell when the family is placed through an offer. */
export function placedNote(stamp: string, date: string, start: string, teacher: string): string {
  return `placed ${stamp}: accepted the freed time ${date} ${start} with ${teacher}`;
}
