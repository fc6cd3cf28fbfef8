/**
 * Who may read what: the disclosure rule for every email the add-on sends. A message addressed
 * to a person names only the children whose Roster rows list that person, and each message has
 * one recipient. A family grouped by Family ID may hold a guardian listed on one child's row
 * only, and a caseworker may be listed on the rows of unrelated children: each of them is told
 * about their own children, never about the rest of the family or the other families.
 *
 * Pure: the Roster's per-row contacts (Student.guardians) come in as data.
 */
import type { CellRef, Problem } from '../shared/api';
import { splitList } from './cells';
import { describeCell } from './errors';
import { normalizeEmail } from './normalize';
import { inRound } from './rounds';
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
  /** Each address's own language (addressLanguages), when the students carried theirs. */
  languages?: Map<string, string>;
}

/** What addressLanguages reads of a Roster row. */
export interface LanguageRow {
  /** `language`: the guardian's own when the row gives one per guardian (roster.ts Guardian). */
  guardians: { email: string; language?: string }[];
  familyId?: string;
  /** '' for the school's default (roster.ts). */
  language?: string;
  /** The row's own cell's language, the default included; absent when blank (roster.ts). */
  rowLanguage?: string;
}

/**
 * The language each address of a family whose households read different languages (its rows'
 * Language cells give more than one, the default included) reads, by lower-cased address: the
 * one its rows give it (its guardian column's, else the row's), the first other than the
 * school's default ('' when they give only the default). Every other address is absent and
 * reads its family's (or conference's) language, as the Schedule's Language cell says.
 */
export function addressLanguages(rows: Iterable<LanguageRow>): Map<string, string> {
  const list = [...rows];
  const said = (r: LanguageRow, g: { language?: string }) =>
    g.language ?? (r.rowLanguage === undefined ? undefined : (r.language ?? ''));
  const spoken = new Map<string, Set<string>>();
  for (const r of list)
    for (const g of r.guardians.length ? r.guardians : [{}]) {
      const language = said(r, g);
      if (language !== undefined)
        spoken.set(r.familyId ?? '', (spoken.get(r.familyId ?? '') ?? new Set()).add(language));
    }
  const out = new Map<string, string>();
  for (const r of list) {
    if ((spoken.get(r.familyId ?? '')?.size ?? 0) < 2) continue;
    for (const g of r.guardians) {
      const language = said(r, g);
      const e = g.email.toLowerCase();
      if (language !== undefined && !out.get(e)) out.set(e, language);
    }
  }
  return out;
}

/**
 * The languages a family's messages are written in: its own (`language`, '' for the default)
 * and each of its addresses' (addressLanguage), each once, for translating before sending.
 */
export function familyLanguages(
  languages: Map<string, string> | undefined,
  family: { language: string; contacts: { email: string }[] } | undefined,
  defaultLanguage: string,
): string[] {
  const own = family?.language || defaultLanguage;
  return [
    ...new Set([
      own,
      ...(family?.contacts ?? []).map((c) =>
        addressLanguage(languages, c.email, own, defaultLanguage),
      ),
    ]),
  ];
}

/**
 * The language to write to `to` in: its own rows' (addressLanguages), else `fallback` (the
 * family's or the conference's), else the school's default.
 */
export function addressLanguage(
  languages: Map<string, string> | undefined,
  to: string,
  fallback: string,
  defaultLanguage: string,
): string {
  const own = languages?.get(to.toLowerCase());
  return (own === undefined ? fallback : own) || defaultLanguage;
}

export function rosterContacts(
  students: {
    id: string;
    firstName: string;
    lastName: string;
    guardians: { email: string; language?: string }[];
    familyId?: string;
    language?: string;
    rowLanguage?: string;
  }[],
): RosterContacts {
  const byStudent: RosterContacts['byStudent'] = new Map();
  const listed = new Set<string>();
  for (const s of students) {
    // Only the row's own addresses: a row with none (one joined to a family with email by its
    // phone number, surname or Family ID) is reached on paper, never through another row's
    // address (roster.ts contactsOf, paperFamilies).
    const emails = s.guardians.map((g) => g.email.toLowerCase());
    for (const e of emails) listed.add(e);
    byStudent.set(s.id, { firstName: s.firstName, lastName: s.lastName, emails });
  }
  return { byStudent, listed, languages: addressLanguages(students) };
}

/**
 * The children of one Schedule row, each with the row's addresses allowed to read about them:
 * those typed in the row's Emails cell that the Roster lists on that child's row, whatever their
 * case and spaces. An address typed there that the Roster does not list with the child is not
 * theirs to read about (it may be another family's, or nobody's), and a child the Roster does
 * not know has no one listed. Without the Roster's contacts (a count that sends nothing), the
 * row's addresses.
 */
export function rowPupils(
  studentIds: string[],
  studentNames: string[],
  rowEmails: string[],
  contacts: RosterContacts | null,
): Pupil[] {
  const emails = typedAddresses(rowEmails);
  const count = Math.max(studentIds.length, studentNames.length);
  const out: Pupil[] = [];
  for (let i = 0; i < count; i++) {
    const known = contacts?.byStudent.get(studentIds[i] ?? '');
    const name = studentNames[i] || (known ? `${known.firstName} ${known.lastName}`.trim() : '');
    out.push({
      name: name || (studentIds[i] ?? ''),
      lastName: known?.lastName ?? '',
      emails: contacts ? emails.filter((e) => known?.emails.includes(e)) : emails,
    });
  }
  return out;
}

/** The addresses typed in an Emails cell, lower-cased and trimmed, each once; not addresses left out. */
function typedAddresses(typed: string[]): string[] {
  return [...new Set(typed.map((e) => normalizeEmail(e)).filter((e): e is string => !!e))];
}

/** An address typed in a Schedule row's Emails cell, and the row's children it is not listed with. */
export interface Unlisted {
  address: string;
  /** As the Roster names them ("Sophia Nelson"), or the Student ID of a child it does not know. */
  children: string[];
}

/**
 * A Schedule row's Emails cell held to the Roster: the typed addresses listed on the Roster rows
 * of every child of the conference (an invitation names them all), and those that are not. A
 * person may take an address out of the cell (fewer guests), never add one the Roster does not
 * list with these children: that is how another family's, or a stranger's, address would read
 * about them.
 */
export function rowAddresses(
  studentIds: string[],
  typed: string[],
  contacts: RosterContacts,
): { listed: string[]; unlisted: Unlisted[] } {
  const listed: string[] = [];
  const unlisted: Unlisted[] = [];
  for (const address of typedAddresses(typed)) {
    const children = studentIds
      .filter((id) => !contacts.byStudent.get(id)?.emails.includes(address))
      .map((id) => {
        const known = contacts.byStudent.get(id);
        return known ? `${known.firstName} ${known.lastName}`.trim() : id;
      });
    if (studentIds.length > 0 && children.length === 0) listed.push(address);
    else unlisted.push({ address, children });
  }
  return { listed, unlisted };
}

/** The warning for an address of a row's Emails cell the Roster does not list with its children. */
export function unlistedWarning(where: CellRef, u: Unlisted, outcome: string): Problem {
  const whom = u.children.length ? joinNames(u.children, 'en') : "this conference's children";
  return {
    severity: 'warning',
    where,
    message: `${describeCell(where, 'Emails')}: ${u.address} is not on the Roster rows of ${whom}: ${outcome}. Add it to the Roster if this person should come.`,
  };
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

/**
 * A warning for each address typed in the Schedule's Emails column (a conference of `round` that
 * stands: another round's row is history, sent nothing now) that the Roster does not list with
 * that row's children; `outcome` says what it was not sent.
 * The stand-in adult the row's family named (`standInOf` its Family ID cell: the address, or '')
 * is not warned of: the add-on reaches them as the family's stand-in.
 */
export function scheduleUnlisted(
  read: {
    rows: {
      row: number;
      round: string;
      status: string;
      familyId: string;
      studentIds: string[];
      values: unknown[];
    }[];
    columns: ReadonlyMap<string, number>;
  },
  round: string,
  contacts: RosterContacts,
  outcome: string,
  standInOf: (familyId: string) => string = () => '',
): Problem[] {
  const column = read.columns.get('Emails');
  if (!column) return [];
  return read.rows.flatMap((r) =>
    r.status === 'cancelled' || !inRound(r.round, round)
      ? []
      : rowAddresses(r.studentIds, splitList(r.values[column - 1]), contacts)
          .unlisted.filter((u) => u.address !== standInOf(r.familyId))
          .map((u) => unlistedWarning({ sheet: 'Schedule', row: r.row, column }, u, outcome)),
  );
}
