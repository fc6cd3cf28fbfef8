/**
 * Who may read what: the disclosure rule for every email the add-on sends. A message addressed
 * to a person names only the children whose Roster rows list that person, and each message has
 * one recipient. A family grouped by Family ID may hold a guardian listed on one child's row
 * only, and a caseworker may be listed on the rows of unrelated children: each of them is told
 * about their own children, never about the rest of the family or the other families.
 *
 * Pure: the Roster's per-row contacts (Student.guardians) come in as data.
 */
import type { Student } from './roster';
import { joinNames } from './templates';

/** One child a message may name, with the addresses listed with that child. */
export interface Pupil {
  /** As the message names the child ("Ana García" on reminders, "Ana" on the request). */
  name: string;
  /** For the greeting ("Dear García family"); '' when unknown. */
  lastName: string;
  /** Lower-cased addresses allowed to read about this child. */
  emails: string[];
}

/** The Roster's contacts per student, and every address listed on some row. */
export interface RosterContacts {
  byStudent: Map<string, { firstName: string; lastName: string; emails: string[] }>;
  listed: Set<string>;
}

export function rosterContacts(
  students: {
    id: string;
    firstName: string;
    lastName: string;
    guardians: { email: string }[];
  }[],
): RosterContacts {
  const byStudent: RosterContacts['byStudent'] = new Map();
  const listed = new Set<string>();
  for (const s of students) {
    const emails = s.guardians.map((g) => g.email.toLowerCase());
    for (const e of emails) listed.add(e);
    byStudent.set(s.id, { firstName: s.firstName, lastName: s.lastName, emails });
  }
  return { byStudent, listed };
}

/**
 * The children of one Schedule row, each with the row's addresses allowed to read about them:
 * those the Roster lists on that child's row, and an address a person typed on the Schedule that
 * is on no Roster row at all (nobody else's contact, so the row's own). An address of the row
 * the Roster lists only with other children (the Schedule copies the whole family's contacts
 * onto every row) is left out. A child the Roster does not know keeps the row's addresses.
 */
export function rowPupils(
  studentIds: string[],
  studentNames: string[],
  rowEmails: string[],
  contacts: RosterContacts | null,
): Pupil[] {
  const emails = [...new Set(rowEmails.map((e) => e.toLowerCase()))];
  const count = Math.max(studentIds.length, studentNames.length);
  const out: Pupil[] = [];
  for (let i = 0; i < count; i++) {
    const known = contacts?.byStudent.get(studentIds[i] ?? '');
    if (!known || !contacts) {
      out.push({ name: studentNames[i] ?? studentIds[i] ?? '', lastName: '', emails });
      continue;
    }
    out.push({
      name: studentNames[i] || `${known.firstName} ${known.lastName}`.trim(),
      lastName: known.lastName,
      emails: emails.filter((e) => known.emails.includes(e) || !contacts.listed.has(e)),
    });
  }
  return out;
}

/**
 * The Students cell's names, one per student ID: the whole cell for one student (a name may
 * hold a comma), split on commas for several; none when that does not match the IDs.
 */
export function studentNames(cell: string, count: number): string[] {
  if (count <= 1) return [cell];
  const parts = cell.split(/\s*,\s*/);
  return parts.length === count ? parts : [];
}

/** Every address some pupil lists, in order of first appearance. */
export function addressesOf(pupils: Pupil[]): string[] {
  return [...new Set(pupils.flatMap((p) => p.emails))];
}

/**
 * One message per address: each item (a conference, a family's row) restricted to the pupils
 * listed with that address; items naming none of them are left out of that address's message.
 */
export function byRecipient<T extends { pupils: Pupil[] }>(
  items: T[],
  only: (address: string) => boolean = () => true,
): { to: string; items: T[] }[] {
  const out: { to: string; items: T[] }[] = [];
  for (const to of addressesOf(items.flatMap((i) => i.pupils))) {
    if (!only(to)) continue;
    const mine = items
      .map((i) => ({ ...i, pupils: i.pupils.filter((p) => p.emails.includes(to)) }))
      .filter((i) => i.pupils.length > 0);
    out.push({ to, items: mine });
  }
  return out;
}

/**
 * The name a message greets ("Dear {{family}} family"): the surnames of the children it names,
 * each once ("Adams", "Adams and Brown"), or `fallback` when none is known.
 */
export function greetingName(pupils: Pupil[], language: string, fallback: string): string {
  const names = [...new Set(pupils.map((p) => p.lastName.trim()).filter(Boolean))];
  return names.length ? joinNames(names, language) : fallback;
}

/** These students as messages name them (first name), each with the addresses its Roster row lists. */
export function pupilsOf(studentIds: string[], students: Map<string, Student>): Pupil[] {
  return studentIds.flatMap((id) => {
    const s = students.get(id);
    return s
      ? [
          {
            name: s.firstName,
            lastName: s.lastName,
            emails: s.guardians.map((g) => g.email.toLowerCase()).filter(Boolean),
          },
        ]
      : [];
  });
}
