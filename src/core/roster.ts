/**
 * The Roster sheet, as pasted from a student-information-system export, into students and
 * families. Every non-blank row is either imported or reported with its sheet, row, column and
 * what to fix; nothing in the sheet is changed.
 *
 * Families (the rule is written out in families.ts): rows are one family when they share a
 * Family ID or a guardian address, except that a placeholder ID ("0", "N/A", "TBD") or an ID
 * on unrelated rows is ignored, an address on children of different surnames with nothing else
 * in common (a caseworker) is a contact they share rather than a family, so is an address whose
 * rows show more than one household (other contacts that differ, or more rows than a family
 * has) whatever the surnames, and rows whose Family IDs differ are never joined. Every such
 * decision comes back as a warning naming the rows.
 *
 * A row whose only address is mistyped is imported (reached by letter and phone, as with
 * "N/A") with an error at the cell: the only error that does not keep a row out.
 *
 * A family's id never comes from an address: it is `F-<Family ID>` when the rows give one, else
 * derived from the family's first Student ID, so guardians can be added, removed or reordered
 * and the roster re-pasted in any order without orphaning the family's availability link and
 * answers (kept per family id). When the grouping itself changes, the previous family of each
 * student (options.previousFamilies) lets each new family keep the id most of its students had.
 *
 * Each student keeps the guardians on their own row: whatever is addressed to a person names only
 * the children whose rows list that person (childrenListing).
 */
import type { Meet } from './meeting';
import type { Problem } from '../shared/api';
import { FULL_NAME_HEADERS, STUDENT_EMAIL_HEADERS, ROSTER_ALIASES } from './aliases';
import { describeCell } from './errors';
import { groupFamilies, isPlaceholderFamilyId, type GroupingNote, type Member } from './families';
import { isSharedPlaceholder, readGuardianEmails } from './noemail';
import { isSheetError, pastedText, type PastedGrid } from './pasted';
import { carryFamilyIds, rowList } from './familyids';
import { givenIdProblems } from './givenids';
import { cleanText, nameKey, normalizeLanguage, parseYesNo, splitFullName } from './normalize';
import { ROSTER } from './schema';
import { cellProblem, readTable, type Table, type TableRow } from './table';
import type { Teacher } from './teachers';

export interface Guardian {
  name: string;
  email: string;
  /**
   * The language this guardian reads when the row's Language cell gives one per guardian column
   * ("Spanish, English": Guardian 1's, then Guardian 2's) and it differs from the row's ('' for
   * the school's default); absent otherwise (the guardian reads the row's language).
   */
  language?: string;
}

export interface Student {
  id: string;
  firstName: string;
  lastName: string;
  grade: string;
  /** The teacher's name as on the Teachers sheet (or as written when there is none). */
  teacher: string;
  teacherEmail: string;
  familyId: string;
  guardians: Guardian[];
  phone: string;
  /** Language code ('' = the school's default). */
  language: string;
  /**
   * The language the row's own cell gives, the school's default included ('en'); absent when the
   * cell is blank or unknown (the row then reads its family's language). Each address reads the
   * language of its own rows (recipients.ts addressLanguages).
   */
  rowLanguage?: string;
  interpreter: boolean;
  notes: string;
  row: number;
  /**
   * The student's own school account (a `Student Email` column, common in Workspace for
   * Education exports), or '' when there is none, it is not an address, or it is also a
   * guardian's address: only the student's own prep link and nudges go here.
   */
  email?: string;
  /**
   * The guardians' names on a row that lists no guardian email (a family reached by phone or
   * letter only), for the office's phone list; absent when the row has an email or no name.
   */
  phoneGuardians?: string[];
}

export interface Family {
  id: string;
  /** "Rivera" — the students' (most common) last name. */
  name: string;
  contacts: Guardian[];
  studentIds: string[];
  language: string;
  /**
   * Every language its households' rows give, `language` first (the default as its code), when
   * they give more than one: a family whose two households read two languages. Absent otherwise.
   */
  languages?: string[];
  interpreter: boolean;
  /** How the family asked to meet on the availability form (none: any way). */
  meet?: Meet;
  rows: number[];
  /** Ids this family had before a regrouping merged it with another: their links still reach it. */
  aliases?: string[];
  /** The Family ID its Roster rows give, as typed: what a person sees (familyshown.ts). */
  givenId?: string;
  /**
   * The number to phone the family on, as its first row with one writes it; absent when no row
   * gives one of its own (a shared number such as the office's reaches nobody's family).
   */
  phone?: string;
  /**
   * In a family with email some of whose rows list no address (that household is phoned and
   * sent a letter: paperFamilies), the number of its first such row with one, or ''; absent
   * otherwise.
   */
  paperPhone?: string;
}

export interface RosterResult {
  students: Student[];
  families: Family[];
  problems: Problem[];
  /** Non-blank rows read (imported + not imported). */
  rowsRead: number;
  /** Rows not imported because of an error. */
  rowsRejected: number;
  /** Families with more than one student. */
  siblingFamilies: number;
}

/** A phone number as a key: its digits ("(555) 010-0142" and "555.010.0142" are one number), or ''. */
function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 5 ? digits : '';
}

/** The id of a family with no Family ID: from its first Student ID, never from its addresses. */
function studentFamilyId(studentId: string): string {
  return `F-${fnv(`student:${studentId}`)}`;
}

/** A phone number on this many students without email, of three surnames or more, is shared. */
const SHARED_PHONE_STUDENTS = 6;

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).toUpperCase().padStart(7, '0');
}

function teacherResolver(teachers: Teacher[] | null) {
  if (!teachers || teachers.length === 0) return null;
  const byKey = new Map<string, Teacher>();
  const byLast = new Map<string, Teacher[]>();
  for (const t of teachers) {
    byKey.set(nameKey(t.name), t);
    byKey.set(t.email, t);
    const last = nameKey(t.name).split(' ').pop()!;
    byLast.set(last, [...(byLast.get(last) ?? []), t]);
  }
  const find = (written: string): Teacher | null => {
    const k = written.includes('@') ? written.toLowerCase() : nameKey(written);
    const hit = byKey.get(k);
    if (hit) return hit;
    const last = byLast.get(k.split(' ').pop() ?? '');
    return last && last.length === 1 ? last[0]! : null;
  };
  return (written: string): Teacher | null => {
    const hit = find(written);
    // A school's system may write "Last, First" ("Rivera, Carmen"): read as "First Last".
    const comma = written.indexOf(',');
    if (hit || comma < 0 || written.includes('@')) return hit;
    return find(`${written.slice(comma + 1)} ${written.slice(0, comma)}`);
  };
}

/** The IDs of the students whose roster rows list this address (for what is sent to it). */
export function childrenListing(roster: { students: Student[] }, email: string): string[] {
  const key = email.trim().toLowerCase();
  return roster.students.filter((s) => s.guardians.some((g) => g.email === key)).map((s) => s.id);
}

/**
 * Who the scheduler keeps from being in two places at once for a family: its guardians'
 * addresses, or, for a family reached only by phone, its number (a number two families share
 * is one person's, as an address is).
 */
export function schedulingContacts(family: Family): string[] {
  if (family.contacts.length) return family.contacts.map((g) => g.email);
  const key = phoneKey(family.phone ?? '');
  return key ? [`tel:${key}`] : [];
}

/**
 * Who is told about a student: the addresses on the student's own row, and no other. A row with
 * none is reached on paper (its own letter, and the phone list), even when it joined a family
 * with email (by phone number, surname or Family ID): joining is a scheduling fact (siblings
 * back to back, one person never in two places), while the owner's rule is that a message
 * addressed to a person names only the children whose rows list that person. The family is
 * kept in the signature for the callers that pass it; it gives no addresses.
 */
export function contactsOf(student: Student, _family?: Family): string[] {
  return student.guardians.map((g) => g.email);
}

/**
 * The families, or parts of families, that no email reaches: each row that lists no guardian
 * address is reached by a printed letter and the phone list, naming only such rows' children.
 * A family with no address at all is given as it is; a family with email whose some rows list
 * none gives those rows as a family of their own, under the same id (its code and conferences),
 * with their own surname and phone number.
 */
export function paperFamilies(roster: { students: Student[]; families: Family[] }): Family[] {
  const byId = new Map(roster.students.map((s) => [s.id, s]));
  return roster.families.flatMap((f) => {
    if (!f.contacts.some((c) => c.email)) return [f];
    const paper = f.studentIds.flatMap((id) => {
      const s = byId.get(id);
      return s && !s.guardians.length ? [s] : [];
    });
    if (!paper.length) return [];
    const surnames = new Map<string, number>();
    for (const s of paper)
      if (s.lastName) surnames.set(s.lastName, (surnames.get(s.lastName) ?? 0) + 1);
    const name = [...surnames.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? f.name;
    const phone = f.paperPhone;
    const { paperPhone: _kept, phone: _family, languages: _spoken, ...rest } = f;
    // The letter is in this household's own language when its rows give one (a family whose
    // households read different languages), else the family's.
    const stated = paper.filter((s) => s.rowLanguage !== undefined);
    const language = stated.length ? (stated.find((s) => s.language)?.language ?? '') : f.language;
    return [
      {
        ...rest,
        language,
        name,
        contacts: [],
        studentIds: paper.map((s) => s.id),
        rows: paper.map((s) => s.row),
        ...(phone ? { phone } : {}),
      },
    ];
  });
}

/**
 * The students of each family with email whose rows list no address, by family id: the paper
 * household paperFamilies gives that family. It answers for these children only (its own code,
 * its own Availability rows), and the family's emailed household for the others.
 */
export function paperHouseholds(roster: {
  students: Student[];
  families: Family[];
}): Map<string, Set<string>> {
  const byId = new Map(roster.students.map((s) => [s.id, s]));
  const out = new Map<string, Set<string>>();
  for (const f of roster.families) {
    if (!f.contacts.some((c) => c.email)) continue;
    const paper = f.studentIds.filter((id) => byId.get(id)?.guardians.length === 0);
    if (paper.length) out.set(f.id, new Set(paper));
  }
  return out;
}

export { isPlaceholderFamilyId } from './families';

/** The formula Sheets holds in the row's cell under the header, or '' when none is known. */
function formulaOf(row: TableRow, header: string, formulas: PastedGrid['formulas']): string {
  return formulas?.[row.row - 1]?.[row.where(header).column - 1] ?? '';
}

/**
 * A name cell's text. A cell showing a Sheets error (a name pasted as "=Rosa" or "+Lee, Sam" that
 * Sheets read as a formula) is read as it was pasted, the formula's signs taken off, when its
 * formula is known and computes nothing; else it is left blank. Either way a warning names the
 * cell. A name Sheets kept as text, even one starting with "=", is a name as written (it is
 * written back as plain text everywhere).
 */
function nameCell(
  row: TableRow,
  header: string,
  bad: (header: string, text: string, severity: 'error' | 'warning') => void,
  formulas: PastedGrid['formulas'],
): string {
  const text = cleanText(row.get(header));
  if (!isSheetError(text)) return text;
  const formula = formulaOf(row, header, formulas);
  const pasted = cleanText(pastedText(formula));
  bad(
    header,
    pasted
      ? `this cell shows ${text}: Sheets read what was pasted as the formula "${formula}". The name is read as "${pasted}"; retype it, or paste as plain text, for the sheet to show it.`
      : `this cell shows ${text}: Sheets read what was pasted as a formula; retype the name, or paste as plain text. Until then the name is left blank.`,
    'warning',
  );
  return pasted;
}

/** The row's Student Email when it is one address; anything else is warned about and left out. */
function studentEmail(
  row: TableRow,
  bad: (header: string, text: string, severity: 'error' | 'warning') => void,
): string {
  const { valid, invalid, none } = readGuardianEmails(row.get('Student Email'));
  if (valid.length === 0 && invalid.length === 0 && none.length > 0) {
    bad(
      'Student Email',
      `"${none[0]}" stands for no address, so it is read as a blank: this student gets no prep link by email (their teacher's class list has it). Type the student's own school account here to email them.`,
      'warning',
    );
    return '';
  }
  if (invalid.length > 0 || none.length > 0 || valid.length > 1) {
    bad(
      'Student Email',
      `"${cleanText(row.get('Student Email'))}" is not one email address, so this student gets no prep link by email (their teacher's class list has it).`,
      'warning',
    );
    return '';
  }
  return valid[0] ?? '';
}

/**
 * A Student Email that is also a guardian's address (a family account given for the child) is
 * not the student's own: prep links and nudges go only to students' own accounts, never to a
 * family's, so it is left out and the cell named.
 */
function keepStudentEmailsOwn(students: Student[], table: Table, problems: Problem[]): void {
  const guardianEmails = new Set(students.flatMap((s) => s.guardians.map((g) => g.email)));
  for (const s of students) {
    if (!s.email || !guardianEmails.has(s.email)) continue;
    const where = { sheet: 'Roster', row: s.row, column: table.columns.get('Student Email') ?? 1 };
    problems.push({
      severity: 'warning',
      where,
      message: `${describeCell(where, table.headerText.get('Student Email'))}: ${s.email} is also a guardian's address, so it is not used for the student's prep link (nothing for students goes to a family's address).`,
    });
    s.email = '';
  }
}

/** The warnings a person should confirm about how rows were grouped into families. */
function groupingProblems(
  notes: GroupingNote[],
  table: { columns: Map<string, number>; headerText: Map<string, string> },
  students: Student[],
  /** The cells each address was read from, to warn at the one that lists it. */
  emailCells: Map<string, { row: number; header: string }[]>,
): Problem[] {
  const at = (header: string, row: number) => {
    const column = table.columns.get(header) ?? 1;
    const where = { sheet: 'Roster', row, column };
    return { where, cell: describeCell(where, table.headerText.get(header)) };
  };
  const name = (m: Member) => {
    const s = students.find((x) => x.id === m.id)!;
    return `${`${s.firstName} ${s.lastName}`.trim()} (row ${m.row})`;
  };
  const and = (items: string[]) =>
    items.length < 2
      ? items.join('')
      : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return notes.map((note) => {
    if (note.kind === 'shared-contact') {
      const first = note.members[0]!.row;
      const header =
        emailCells.get(note.email)?.find((c) => c.row === first)?.header ?? 'Guardian 1 Email';
      const { where, cell } = at(header, first);
      const advice = `it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.`;
      if (note.households?.kind === 'different-contacts') {
        // The two rows that show two households, and what each lists that the other does not.
        const [a, b] = note.households.rows;
        const own = (m: Member, other: Member) => {
          const s = students.find((x) => x.id === m.id)!;
          const addresses = m.emails.filter((e) => !other.emails.includes(e));
          const phone = m.phone && other.phone && m.phone !== other.phone ? [s.phone] : [];
          return [...addresses, ...phone].join(', ');
        };
        const surname = a.surname !== '' && a.surname === b.surname;
        return {
          severity: 'warning' as const,
          where,
          message: `${cell}: ${note.email} is listed for ${and(note.members.map(name))}, and the rows of ${name(a)} and ${name(b)} list other contacts that differ (${own(a, b)}; ${own(b, a)}), as a caseworker's or an agency's do: one address on two households joins nothing by itself${surname ? ', even with the same surname' : ''}, so ${advice}`,
        };
      }
      if (note.households?.kind === 'many-rows')
        return {
          severity: 'warning' as const,
          where,
          message: `${cell}: ${note.email} is listed for ${note.households.rows} students of ${note.households.surnames} surnames (${rowList(note.members.map((m) => m.row))}), more than one family has, as a caseworker's or an agency's address is: it joins nothing by itself, even rows of one surname, so ${advice}`,
        };
      // Children the rules joined (siblings of one surname) are said to be one family: "nothing
      // else in common" is said of the families, not of children just joined.
      const joined = note.families.some((f) => f.length > 1);
      const who = joined
        ? note.families
            .map((f) => (f.length > 1 ? `${and(f.map(name))} (one family)` : name(f[0]!)))
            .join('; ')
        : and(note.members.map(name));
      const they = joined ? `these ${note.families.length} families` : 'they';
      const why = note.differentIds
        ? joined
          ? `${they} have different Family IDs`
          : 'their rows have different Family IDs'
        : `${they} have different surnames and nothing else in common`;
      return {
        severity: 'warning' as const,
        where,
        message: `${cell}: ${note.email} is listed for ${who}, and ${why}: it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.`,
      };
    }
    const { where, cell } = at('Family ID', note.rows[0]!);
    const rows = rowList(note.rows);
    const message =
      note.kind === 'placeholder-id'
        ? `Family ID "${note.familyId}" on ${rows} looks like a placeholder, so it is not used to group siblings (shared guardian addresses still are).`
        : note.kind === 'unrelated-id'
          ? `Family ID "${note.familyId}" is on ${rows}, whose students have different surnames and no contact in common, so it does not make them one family (it still joins rows of one surname or contact). Check the Family IDs.`
          : `Family ID "${note.familyId}" makes ${rows} one family, though they list different contacts (${note.contacts.join('; ')}). Check that they are one family.`;
    return { severity: 'warning' as const, where, message: `${cell}: ${message}` };
  });
}

export function parseRoster(
  /** The Roster's values; with their formulas, a name Sheets turned into one is read as pasted. */
  values: PastedGrid,
  teachers: Teacher[] | null,
  options: {
    defaultLanguage?: string;
    /** Each student's family id from before (to keep ids, links and answers across regrouping). */
    previousFamilies?: ReadonlyMap<string, string>;
    /**
     * Family ids the document already keeps something under (a family's code, its answers). A
     * family's id derives from its Family ID or its first Student ID, so each student's earlier
     * id can be recognised among these without keeping the old grouping anywhere.
     */
    knownFamilyIds?: ReadonlySet<string>;
  } = {},
): RosterResult {
  if (values.length === 0 || values.every((row) => row.every((v) => cleanText(v) === ''))) {
    return {
      students: [],
      families: [],
      problems: [
        {
          severity: 'error',
          where: { sheet: 'Roster', row: 1, column: 1 },
          message:
            'Roster is empty: paste your student export there, with its header row in row 1.',
        },
      ],
      rowsRead: 0,
      rowsRejected: 0,
      siblingFamilies: 0,
    };
  }
  const table = readTable(ROSTER, values, ROSTER_ALIASES, {
    'Full Name': FULL_NAME_HEADERS,
    'Student Email': STUDENT_EMAIL_HEADERS,
  });
  const problems: Problem[] = [...table.problems];
  const width = values[0]?.length ?? 0;
  const hasSplitNames =
    table.columns.has('First Name') &&
    table.columns.has('Last Name') &&
    table.columns.get('First Name') !== table.columns.get('Last Name');
  const needs: [string, boolean][] = [
    ['Student ID', table.columns.has('Student ID')],
    ['First Name', hasSplitNames || table.columns.has('Full Name')],
    ['Teacher', table.columns.has('Teacher')],
    [
      'Guardian 1 Email',
      table.columns.has('Guardian 1 Email') || table.columns.has('Guardian 2 Email'),
    ],
  ];
  for (const [header] of needs.filter(([, ok]) => !ok)) {
    const help = ROSTER.columns.find((c) => c.header === header)!.help;
    // Stryker disable next-line ArrayDeclaration: every required column has aliases
    const aliases = (ROSTER_ALIASES[header] ?? [])
      .slice(0, 3)
      .map((a) => `"${a}"`)
      .join(', ');
    problems.push({
      severity: 'error',
      where: { sheet: 'Roster', row: 1, column: width + 1 },
      message: `Roster has no "${header}" column${header === 'First Name' ? ' (nor a "Student Name" column)' : ''}. Add one in row 1 (${aliases} also work): ${help}`,
    });
  }
  if (table.rows.length === 0) {
    if (problems.length === 0)
      problems.push({
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 1 },
        message: 'Roster has a header row but no students: paste the students below it.',
      });
    return {
      students: [],
      families: [],
      problems,
      rowsRead: 0,
      rowsRejected: 0,
      siblingFamilies: 0,
    };
  }
  if (needs.some(([, ok]) => !ok))
    return {
      students: [],
      families: [],
      problems,
      rowsRead: table.rows.length,
      rowsRejected: table.rows.length,
      siblingFamilies: 0,
    };

  const resolve = teacherResolver(teachers);
  if (!resolve) {
    problems.push({
      severity: 'warning',
      where: { sheet: 'Teachers', row: 2, column: 1 },
      message:
        'Teachers has no windows yet, so the roster’s teachers could not be checked. Fill in the Teachers sheet and check again.',
    });
  }
  const formulas = values.formulas;
  const seenIds = new Map<string, number>();
  const students: Student[] = [];
  let rejected = 0;
  const emailSurnames = new Map<string, Set<string>>();
  const emailCount = new Map<string, number>();
  const emailCells = new Map<string, { row: number; header: string }[]>();
  /** The Family ID on each row listing an address ('' for none or a placeholder ID). */
  const emailFamilyIds = new Map<string, string[]>();

  /** Each student's Family ID as written (the family's id may differ once grouped). */
  const rowFamilyIds = new Map<string, string>();
  /** The language each row's cell gives, the school's default included, by sheet row. */
  const rowLanguages = new Map<number, string>();
  /** The second language a row's cell gives for its Guardian 2 column ("Spanish, English"). */
  const secondLanguages = new Map<number, string>();
  const read = (row: TableRow) => {
    const bad = (header: string, text: string, severity: 'error' | 'warning' = 'error') =>
      problems.push(cellProblem(table, row, header, text, severity));
    const before = problems.length;
    /** Errors on this row that still let it be imported (an only address mistyped). */
    let importedErrors = 0;
    const idCell = row.get('Student ID');
    const id = typeof idCell === 'number' ? String(idCell) : cleanText(idCell);
    if (!id)
      bad(
        'Student ID',
        'the student ID is blank. Every student needs a unique ID from your student-information system.',
      );
    else if (seenIds.has(id))
      bad(
        'Student ID',
        `student ID ${id} is already used on row ${seenIds.get(id)}, so this row is not imported and the guardians on it are not reached. If it is the same student's other household, add its guardians to row ${seenIds.get(id)}'s Guardian 2 columns (a cell may hold several addresses, a@x.org; b@x.org) and delete this row; otherwise give this student their own ID.`,
      );
    // Stryker disable next-line StringLiteral: both branches below assign it
    let firstName = '';
    // Stryker disable next-line StringLiteral: both branches below assign it
    let lastName = '';
    if (hasSplitNames) {
      firstName = nameCell(row, 'First Name', bad, formulas);
      lastName = nameCell(row, 'Last Name', bad, formulas);
    } else {
      const full = splitFullName(nameCell(row, 'Full Name', bad, formulas));
      firstName = full.first;
      lastName = full.last;
    }
    const nameHeader = hasSplitNames ? 'First Name' : 'Full Name';
    if (!firstName && !lastName) bad(nameHeader, 'the student’s name is blank.');
    else if (!firstName && !cleanText(row.get(nameHeader)))
      bad(
        nameHeader,
        'the student’s first name is blank, and every message names the student by it (“… will lead the conference”), so this row is not imported. Write the name the student goes by.',
      );
    const written = cleanText(row.get('Teacher'));
    let teacher = written;
    let teacherEmail = '';
    if (!written)
      bad('Teacher', 'the teacher is blank. Write the host teacher as on the Teachers sheet.');
    else if (resolve) {
      const t = resolve(written);
      if (!t)
        bad(
          'Teacher',
          `"${written}" is not on the Teachers sheet. Add a window for them there, or correct the name.`,
        );
      else {
        teacher = t.name;
        teacherEmail = t.email;
      }
    }
    const guardians: Guardian[] = [];
    /** Which column gave each address, to name the cell of a shared placeholder. */
    const rowEmailCells: { email: string; header: string }[] = [];
    const names = [
      nameCell(row, 'Guardian 1 Name', bad, formulas),
      nameCell(row, 'Guardian 2 Name', bad, formulas),
    ];
    const cells = (['Guardian 1 Email', 'Guardian 2 Email'] as const).map((header) => ({
      header,
      ...readGuardianEmails(row.get(header)),
    }));
    for (const { header, none } of cells)
      for (const text of none)
        bad(
          header,
          `"${text}" stands for no address, so it is read as a blank: the family is reached through another guardian's address, or else by letter and phone (Letters sheet). Type the guardian's real address here to email them.`,
          'warning',
        );
    // A bad address beside a good one (in either column) costs only that guardian's emails: a
    // warning. A bad address with no good one anywhere on the row is an error to fix, but the
    // student is imported all the same, as with "N/A": the household is reached by letter and
    // phone until the cell is corrected, so no child is left without a conference meanwhile.
    const anyValid = cells.some((c) => c.valid.length > 0);
    cells.forEach(({ header, valid, invalid }, i) => {
      for (const wrong of invalid) {
        // An address pasted as "=name@host" is a formula to Sheets: the cell shows its error.
        const formula = isSheetError(wrong) && formulaOf(row, header, formulas);
        const what = isSheetError(wrong)
          ? `this cell shows ${wrong}, not an email address: Sheets read what was pasted as ${formula ? `the formula "${formula}"` : 'a formula'}; retype the address, or paste as plain text`
          : `"${wrong}" is not an email address`;
        if (anyValid)
          bad(
            header,
            `${what}, so this guardian will not be emailed; correct it to reach them.`,
            'warning',
          );
        else {
          bad(
            header,
            `${what}, and the row gives no other address. The student is imported and scheduled all the same; until this is corrected the family is reached by a printed letter and the phone list (Letters sheet), as a family without email is. Correct the address, then check again: the family is emailed from then on.`,
          );
          importedErrors++;
        }
      }
      for (const email of valid)
        if (!guardians.some((g) => g.email === email)) {
          // Stryker disable next-line StringLiteral: names holds both guardians' names
          guardians.push({ name: names[i] ?? '', email });
          rowEmailCells.push({ email, header });
        }
    });
    const langCell = row.get('Language');
    // "Spanish, English": Guardian 1's household reads the first, Guardian 2's the second.
    const pair = cleanText(langCell).split(/\s*[,;/]\s*/);
    const second = pair.length === 2 ? normalizeLanguage(pair[1]) : null;
    const firstOfPair = second ? normalizeLanguage(pair[0]) : null;
    let language = firstOfPair || normalizeLanguage(langCell);
    if (language === null) {
      bad(
        'Language',
        `"${cleanText(langCell)}" is not a language the add-on knows; messages will use the school's default. Write a name (Spanish) or a code (es).`,
        'warning',
      );
      language = '';
    }
    if (language) rowLanguages.set(row.row, language);
    if (language === (options.defaultLanguage ?? 'en')) language = '';
    if (firstOfPair && second && second !== firstOfPair) {
      const own = second === (options.defaultLanguage ?? 'en') ? '' : second;
      for (const g of guardians) if (!cells[0]!.valid.includes(g.email)) g.language = own;
      secondLanguages.set(row.row, second);
    }
    const interpCell = row.get('Interpreter');
    // A blank Interpreter cell means no interpreter.
    let interpreter = cleanText(interpCell) === '' ? false : parseYesNo(interpCell);
    if (interpreter === null) {
      bad(
        'Interpreter',
        `"${cleanText(interpCell)}" is neither yes nor no; taken as no.`,
        'warning',
      );
      interpreter = false;
    }
    const gradeCell = row.get('Grade');
    const rowErrors =
      problems.slice(before).filter((p) => p.severity === 'error').length > importedErrors;
    if (id && !seenIds.has(id)) seenIds.set(id, row.row);
    if (rowErrors) {
      rejected++;
      return;
    }
    const familyCell = row.get('Family ID');
    const familyId = typeof familyCell === 'number' ? String(familyCell) : cleanText(familyCell);
    if (familyId) rowFamilyIds.set(id, familyId);
    for (const { email, header } of rowEmailCells)
      emailCells.set(email, [...(emailCells.get(email) ?? []), { row: row.row, header }]);
    for (const g of guardians) {
      emailCount.set(g.email, (emailCount.get(g.email) ?? 0) + 1);
      emailSurnames.set(g.email, (emailSurnames.get(g.email) ?? new Set()).add(nameKey(lastName)));
      const given = isPlaceholderFamilyId(familyId) ? '' : familyId;
      emailFamilyIds.set(g.email, [...(emailFamilyIds.get(g.email) ?? []), given]);
    }
    students.push({
      id,
      firstName,
      lastName,
      grade: typeof gradeCell === 'number' ? String(gradeCell) : cleanText(gradeCell),
      teacher,
      teacherEmail,
      familyId,
      guardians,
      phone: cleanText(row.get('Phone')),
      language,
      ...(rowLanguages.has(row.row) ? { rowLanguage: rowLanguages.get(row.row)! } : {}),
      interpreter,
      notes: cleanText(row.get('Notes')),
      row: row.row,
      email: studentEmail(row, bad),
      ...(guardians.length === 0 && names.some(Boolean)
        ? { phoneGuardians: names.filter(Boolean) }
        : {}),
    });
  };
  for (const row of table.rows) read(row);
  keepStudentEmailsOwn(students, table, problems);

  // A placeholder address shared by unrelated students must not merge their families or be
  // sent anything: see isSharedPlaceholder for which.
  const placeholders = new Set<string>();
  for (const [email, n] of emailCount) {
    const shared = {
      email,
      students: n,
      surnames: emailSurnames.get(email)?.size ?? 0,
      // Stryker disable next-line ArrayDeclaration: set with emailCount for every address
      familyIds: emailFamilyIds.get(email) ?? [],
    };
    if (!isSharedPlaceholder(shared)) continue;
    placeholders.add(email);
    for (const cell of emailCells.get(email) ?? []) {
      const where = { sheet: 'Roster', row: cell.row, column: table.columns.get(cell.header) ?? 1 };
      problems.push({
        severity: 'warning',
        where,
        message: `${describeCell(where, table.headerText.get(cell.header))}: ${email} is given for ${n} students with different surnames; it looks like a placeholder, so it is not used to group siblings and gets no invitations or other emails: this student's family is reached through another guardian's address, or else by letter and phone (Letters sheet). If it is one family's real address, give these rows the same Family ID.`,
      });
    }
  }
  for (const s of students) s.guardians = s.guardians.filter((g) => !placeholders.has(g.email));
  // The same for a phone number given for many students without email (the school office's).
  const phoneUsers = new Map<string, Student[]>();
  for (const s of students)
    if (!s.guardians.length && phoneKey(s.phone))
      phoneUsers.set(phoneKey(s.phone), [...(phoneUsers.get(phoneKey(s.phone)) ?? []), s]);
  const placeholderPhones = new Set<string>();
  for (const [key, users] of phoneUsers) {
    if (
      users.length < SHARED_PHONE_STUDENTS ||
      new Set(users.map((u) => nameKey(u.lastName))).size <= 2
    )
      continue;
    placeholderPhones.add(key);
    const column = table.columns.get('Phone') ?? 1;
    problems.push({
      severity: 'warning',
      where: { sheet: 'Roster', row: users[0]!.row, column },
      message: `${describeCell({ sheet: 'Roster', row: users[0]!.row, column }, table.headerText.get('Phone'))}: ${users[0]!.phone} is given for ${users.length} students with different surnames and no email; it looks like a shared number, so it does not make them one family.`,
    });
  }
  const familyPhone = (s: Student) =>
    placeholderPhones.has(phoneKey(s.phone)) ? '' : phoneKey(s.phone);

  // Families: see families.ts for the rule.
  const grouped = groupFamilies(
    students.map((s) => ({
      id: s.id,
      row: s.row,
      surname: nameKey(s.lastName),
      familyId: s.familyId,
      emails: s.guardians.map((g) => g.email),
      phone: familyPhone(s),
    })),
  );
  const self = (s: Student) => `s:${s.id}`;
  // Joins can be refused (different Family IDs), so they go in Student ID order, not row order.
  const byStudentId = [...students].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // No address: siblings share the family's phone number and surname. A number on students of
  // different surnames with nothing else in common (a caseworker's, a grandparent's) makes
  // them no family, as an address does not: merging strangers would put one child's name in
  // another family's letter. A Family ID on their rows says they are one.
  const phoneFamily = (s: Student) =>
    familyPhone(s) ? `p:${familyPhone(s)}|${nameKey(s.lastName)}` : '';
  for (const s of byStudentId)
    if (!s.guardians.length && familyPhone(s)) grouped.join(self(s), phoneFamily(s));
  // A student without email whose phone number is that of a family with email (a sibling's,
  // a half-brother's of another surname) is in that family, when the number belongs to one
  // family with email only (shared by two, it joins neither): that family's guardian gave it.
  const phoneOnly = new Set(
    // Stryker disable next-line BooleanLiteral: numbers no phone-only row has join no one
    students.filter((s) => !s.guardians.length && familyPhone(s)).map(familyPhone),
  );
  const familiesByPhone = new Map<string, Set<string>>();
  for (const s of byStudentId) {
    if (!s.guardians.length || !phoneOnly.has(familyPhone(s))) continue;
    familiesByPhone.set(
      familyPhone(s),
      (familiesByPhone.get(familyPhone(s)) ?? new Set()).add(grouped.find(self(s))),
    );
  }
  for (const [phone, roots] of familiesByPhone)
    if (roots.size === 1)
      for (const s of byStudentId)
        if (!s.guardians.length && familyPhone(s) === phone) {
          grouped.join([...roots][0]!, self(s));
          // Joined for the schedule only: who is told is per row (contactsOf), so this row's
          // household is written to on paper, and the other household's emails never name it.
          const other = students.find((o) => o.guardians.length && familyPhone(o) === phone)!;
          const where = { sheet: 'Roster', row: s.row, column: table.columns.get('Phone') ?? 1 };
          problems.push({
            severity: 'warning',
            where,
            message: `${describeCell(where, table.headerText.get('Phone'))}: ${s.phone} is also the number of ${other.firstName} ${other.lastName}'s family (row ${other.row}), which has email, so ${s.firstName} ${s.lastName} is scheduled with that family (back to back, and that number is never given two conferences at once). This row lists no email address, so that family's emails never name ${s.firstName}: this household gets a printed letter (Letters sheet) and is on the phone list. If one of ${s.firstName}'s guardians should get the emails, add their address to this row.`,
          });
        }
  // Said at each such row after the first surname's: which rows share its number, and why they
  // stay apart.
  for (const [key, users] of phoneUsers) {
    if (placeholderPhones.has(key)) continue;
    const first = users[0]!;
    for (const s of users) {
      if (nameKey(s.lastName) === nameKey(first.lastName)) continue;
      if (grouped.find(self(s)) === grouped.find(self(first))) continue;
      const where = { sheet: 'Roster', row: s.row, column: table.columns.get('Phone') ?? 1 };
      problems.push({
        severity: 'warning',
        where,
        message: `${describeCell(where, table.headerText.get('Phone'))}: ${s.phone} is also the number of ${first.firstName} ${first.lastName} (row ${first.row}), whose surname differs, and neither row has an email, so they are kept as separate families: a letter each, and the person on that number is never given two conferences at once. If they are one family, give their rows the same Family ID.`,
      });
    }
  }
  problems.push(...groupingProblems(grouped.notes, table, students, emailCells));
  const groups = new Map<string, Student[]>();
  for (const s of students) {
    const root = grouped.find(self(s));
    groups.set(root, [...(groups.get(root) ?? []), s]);
  }
  const families: Family[] = [];
  for (const members of groups.values()) {
    // Stryker disable next-line ArithmeticOperator,MethodExpression: gathered in row order
    members.sort((a, b) => a.row - b.row);
    const contacts: Guardian[] = [];
    for (const s of members)
      for (const g of s.guardians) if (!contacts.some((c) => c.email === g.email)) contacts.push(g);
    const phone = members.find((s) => familyPhone(s))?.phone;
    // In a family with email, its rows that list no address are a household reached on paper:
    // their own number ('' when they give none), never the family's.
    const paperPhone =
      contacts.length && members.some((s) => !s.guardians.length)
        ? (members.find((s) => !s.guardians.length && familyPhone(s))?.phone ?? '')
        : undefined;
    const column = table.columns.get('Guardian 1 Email') ?? 1;
    const cell = (row: number) =>
      describeCell({ sheet: 'Roster', row, column }, table.headerText.get('Guardian 1 Email'));
    // No email and no phone (blank cells, or only made-up addresses): the student is still
    // imported and scheduled; the family gets a printed letter and counts as unreachable.
    if (contacts.length === 0 && !phone)
      for (const s of members)
        problems.push({
          severity: 'warning',
          where: { sheet: 'Roster', row: s.row, column },
          message: `${cell(s.row)}: no email address, and no phone number of its own, is given for ${s.firstName} ${s.lastName}'s family, so it is imported and can be reached only by a printed letter (Letters sheet). Add a guardian's email, or a phone number (Phone column).`,
        });
    // A family with a phone and no email gets a printed letter and is on the phone list: that is
    // how it is reached, not a mistake in the sheet, so the Roster step counts it instead.
    // Never from addresses: a guardian added, removed or reordered keeps the family's id.
    const explicit = grouped.familyIdOf.get(grouped.find(self(members[0]!)));
    const id = explicit ? `F-${explicit}` : studentFamilyId(members.map((s) => s.id).sort()[0]!);
    const surnames = new Map<string, number>();
    for (const s of members)
      if (s.lastName) surnames.set(s.lastName, (surnames.get(s.lastName) ?? 0) + 1);
    const name =
      [...surnames.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? members[0]!.firstName;
    // The interpreter is booked in the language of a row that asks for one (a family whose
    // households read two languages books it for the household that needs it); else the first
    // language other than the school's default.
    const needs = members.find((s) => s.interpreter && s.language);
    const languages = [
      ...new Set([...(needs ? [needs.language] : []), ...members.map((s) => s.language)]),
    ].filter(Boolean);
    // One address whose rows give different languages reads only one of them: that is a
    // disagreement to fix. Two households (no address in common) reading two languages are not:
    // each address is written to in its own rows' language, and the Calendar invitation carries
    // every guest household's. A family reached only on paper gets one letter: one language.
    const given = members.filter((s) => rowLanguages.has(s.row));
    const defaultCode = options.defaultLanguage ?? 'en';
    // The language a row gives one of its addresses (the default as its code), or undefined.
    const saidTo = (s: Student, email: string) => {
      const g = s.guardians.find((h) => h.email === email);
      if (!g) return undefined;
      return g.language !== undefined ? g.language || defaultCode : rowLanguages.get(s.row);
    };
    const disagree = (a: Student, b: Student) =>
      !a.guardians.length && !b.guardians.length
        ? rowLanguages.get(a.row) !== rowLanguages.get(b.row)
        : a.guardians.some((g) => {
            const x = saidTo(a, g.email);
            const y = saidTo(b, g.email);
            return x !== undefined && y !== undefined && x !== y;
          });
    let first: Student | undefined;
    let differs: Student | undefined;
    for (const b of given) {
      first = given.find((a) => a.row < b.row && disagree(a, b));
      if (first) {
        differs = b;
        break;
      }
    }
    if (first && differs) {
      const column = table.columns.get('Language') ?? 1;
      const header = table.headerText.get('Language');
      const where = { sheet: 'Roster', row: differs.row, column };
      problems.push({
        severity: 'warning',
        where,
        message: `${describeCell(where, header)}: siblings in the ${name} family have different languages (${rowLanguages.get(first.row)} at ${describeCell({ ...where, row: first.row })}; ${rowLanguages.get(differs.row)} here); all the family's messages use ${languages[0]}. Give its rows the one language its guardians read.`,
      });
    }
    // Households' languages (the default as its code), the family's own first.
    const spoken = [
      ...new Set([
        languages[0] || defaultCode,
        ...given.flatMap((s) => [
          rowLanguages.get(s.row)!,
          ...(secondLanguages.has(s.row) ? [secondLanguages.get(s.row)!] : []),
        ]),
      ]),
    ];
    const needers = [
      ...new Set(members.filter((s) => s.interpreter && s.language).map((s) => s.language)),
    ];
    if (needers.length > 1) {
      const column = table.columns.get('Interpreter') ?? 1;
      const other = members.find((s) => s.interpreter && s.language === needers[1])!;
      const where = { sheet: 'Roster', row: other.row, column };
      problems.push({
        severity: 'warning',
        where,
        message: `${describeCell(where, table.headerText.get('Interpreter'))}: the ${name} family's households need interpreters in ${needers.join(' and ')}; the schedule books one per conference, in ${needers[0]}. Book the ${needers[1]} interpreter by hand (the Schedule's Notes), or ask whether one household can do without.`,
      });
    }
    for (const s of members) s.familyId = id;
    families.push({
      id,
      name,
      contacts,
      studentIds: members.map((s) => s.id),
      language: languages[0] ?? '',
      ...(spoken.length > 1 ? { languages: spoken } : {}),
      interpreter: members.some((s) => s.interpreter),
      rows: members.map((s) => s.row),
      ...(explicit ? { givenId: explicit } : {}),
      ...(phone ? { phone } : {}),
      ...(paperPhone !== undefined ? { paperPhone } : {}),
    });
  }
  const previous = new Map(options.previousFamilies ?? []);
  if (options.knownFamilyIds?.size) {
    const known = options.knownFamilyIds;
    for (const s of students) {
      if (previous.has(s.id)) continue;
      const given = rowFamilyIds.get(s.id);
      const candidates = [given ? `F-${given}` : '', studentFamilyId(s.id)];
      const hit = candidates.find((c) => c && known.has(c));
      if (hit) previous.set(s.id, hit);
    }
  }
  if (previous.size) {
    const carried = carryFamilyIds(previous, families);
    // Each student's family by id, looked up once (a scan of every student per family made a
    // 600-student Roster's parse, done on every form answer, a twelfth of the demo's CPU time).
    const familyOf = new Map<string, string>();
    families.forEach((f, i) => {
      f.id = carried.ids[i]!;
      if (carried.aliases[i]!.length) f.aliases = carried.aliases[i];
      for (const id of f.studentIds) familyOf.set(id, f.id);
    });
    for (const s of students) s.familyId = familyOf.get(s.id) ?? s.familyId;
    const header = table.columns.has('Family ID') ? 'Family ID' : 'Student ID';
    const column = table.columns.get(header) ?? 1;
    // Each note starts with the first of its rows.
    carried.notes.forEach((message) => {
      const where = { sheet: 'Roster', row: Number(/\d+/.exec(message)?.[0] ?? 2), column };
      problems.push({
        severity: 'warning',
        where,
        message: `${describeCell(where, table.headerText.get(header))}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      });
    });
  }
  problems.push(...givenIdProblems(families, rowFamilyIds, table));
  // Problems in sheet order, errors first within a row.
  problems.sort((a, b) =>
    a.where?.sheet === b.where?.sheet
      ? (a.where?.row ?? 0) - (b.where?.row ?? 0) || (a.where?.column ?? 0) - (b.where?.column ?? 0)
      : 0,
  );
  return {
    students,
    families,
    problems,
    rowsRead: table.rows.length,
    rowsRejected: rejected,
    siblingFamilies: families.filter((f) => f.studentIds.length > 1).length,
  };
}
