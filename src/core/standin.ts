/**
 * The adult a family names on the availability form to come in its place ("Who will come?"),
 * and the address it may give for them. The stand-in gets reminders of their own: one message,
 * one recipient, naming only the children the answering guardian is listed with on the Roster
 * (the disclosure rule), never a sibling from another household. A stand-in whose address is
 * also a guardian's of another family gets that family's reminders apart: reminders are made per
 * family and day, so this family's message never names the other family's children. Pure.
 */
import type { CellRef, Problem } from '../shared/api';
import type { AvailabilityFamily } from './availabilityfamily';
import { describeCell } from './errors';
import { cleanText, normalizeEmail } from './normalize';
import { dueReminders, pupilsOf, type ReminderConference, type WallNow } from './reminders';
import { inRound } from './rounds';
import type { TableRow } from './table';

export interface StandIn {
  /** As the family wrote it, or ''. */
  name: string;
  /** Lower-cased, checked; '' when none was given or it is not an address. */
  email: string;
  /**
   * Who answered (the Availability row's Email, lower-cased) when a guardian of the family, else
   * '': the children they are listed with are the ones the stand-in is told about.
   */
  answeredBy: string;
}

/**
 * By Family ID, the stand-in each family named for the round (the last row wins), and a warning
 * for each address that is not one: it is never sent to, and the cell says where to fix it. Each
 * row's family is found as the scheduler finds it (core/availabilityfamily.ts).
 */
export function standInsOf(
  rows: TableRow[],
  round: string,
  familyOf: (row: TableRow) => AvailabilityFamily,
): { standIns: Map<string, StandIn>; problems: Problem[] } {
  const standIns = new Map<string, StandIn>();
  const badAt = new Map<string, { typed: string; where: CellRef }>();
  for (const r of rows) {
    if (!inRound(r.get('Round'), round)) continue;
    const { familyId, answeredBy, paper } = familyOf(r);
    // A paper household's slip names who comes for its own children, not the family's others:
    // it is not the family's stand-in (its conferences keep their guardians' names).
    if (!familyId || paper) continue;
    const typed = cleanText(r.get('Who Comes Email'));
    const email = typed ? normalizeEmail(typed) : '';
    if (email === null) badAt.set(familyId, { typed, where: r.where('Who Comes Email') });
    else badAt.delete(familyId);
    standIns.set(familyId, {
      name: cleanText(r.get('Who Comes')),
      email: email ?? '',
      answeredBy,
    });
  }
  // One warning per family (an answer is one row per time marked), at its last row.
  const problems = [...badAt.values()].map(({ typed, where }): Problem => ({
    severity: 'warning',
    message: `${describeCell(where, 'Who Comes Email')}: "${typed.slice(0, 80)}" is not an email address, so the adult the family named gets no reminder. Ask the family for the address and type it here, or clear the cell.`,
    where,
  }));
  return { standIns, problems };
}

/**
 * The conferences with each family's stand-in listed beside the children its answering guardian
 * is listed with, so the reminders reach them as one more recipient of their own. A child the
 * answerer is not listed with is not named to the stand-in; a stand-in with no address, or an
 * address already listed with the child, changes nothing.
 */
export function withStandIns<C extends ReminderConference>(
  conferences: C[],
  standIns: Map<string, StandIn>,
): C[] {
  return conferences.map((c) => {
    const s = standIns.get(c.familyKey);
    if (!s?.email || !s.answeredBy) return c;
    let added = false;
    const pupils = pupilsOf(c).map((p) => {
      const listed = p.emails.map((e) => e.toLowerCase());
      if (!listed.includes(s.answeredBy) || listed.includes(s.email)) return p;
      added = true;
      return { ...p, emails: [...p.emails, s.email] };
    });
    if (!added) return c;
    return { ...c, pupils, emails: [...new Set([...c.emails, s.email])] };
  });
}

/** Not an address: stands for "someone not on the Schedule row" in the check below. */
const SOMEONE_ELSE = 'someone-else';

/**
 * Whether a stand-in may still be owed a reminder now: a conference is in a reminder window and
 * its row does not yet read as reminded in full ("48h 2026-11-15 16:00", written only when every
 * address of the row, the stand-in's too, had it). Read before the Roster and the Availability
 * sheet are, so most hourly runs still read the Schedule only.
 */
export function standInMayBeDue(
  conferences: ReminderConference[],
  hoursBefore: number[],
  now: WallNow,
): boolean {
  const probe = conferences.map((c) => ({ ...c, pupils: undefined, emails: [SOMEONE_ELSE] }));
  return dueReminders(probe, hoursBefore, now).length > 0;
}

/**
 * The stand-in to invite as a guest of a conference's event, or null. The event names every child
 * of the conference, so the stand-in is a guest only when the answering guardian is listed with
 * each of them (the disclosure rule); otherwise they have their reminders, which name only theirs.
 */
export function standInGuest(
  row: { familyId: string; studentIds: string[] },
  standIns: Map<string, StandIn>,
  listedWith: (studentId: string) => string[],
): string | null {
  const s = standIns.get(row.familyId);
  if (!s?.email || !s.answeredBy || row.studentIds.length === 0) return null;
  const everyChild = row.studentIds.every((id) =>
    listedWith(id).some((e) => e.toLowerCase() === s.answeredBy),
  );
  return everyChild ? s.email : null;
}
