/**
 * The roster's rules one at a time, each on the smallest sheet that shows it: where a warning
 * points, the thresholds (a placeholder address or phone), what a family is called and speaks,
 * and the ids a family keeps. Expected values are read off the rows written here.
 */
import fc from 'fast-check';
import { parseRoster } from '../../src/core/roster';
import { checkProperty } from './property';
import { TEACHERS } from '../fixtures/sis-roster';

// Columns: A Student ID, B First, C Last, D Grade, E Teacher, F Family ID, G Guardian 1 Email,
// H Guardian 2 Email, I Phone, J Language, K Interpreter.
const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Email',
  'Guardian 2 Email',
  'Phone',
  'Language',
  'Interpreter',
];

interface Kid {
  id: string | number;
  first?: string;
  last?: string;
  grade?: string | number;
  teacher?: string;
  familyId?: string | number;
  email?: string;
  email2?: string;
  phone?: string;
  language?: string;
  interpreter?: string;
}

const row = (k: Kid): unknown[] => [
  k.id,
  k.first ?? 'Kid',
  k.last ?? 'Ames',
  k.grade ?? '3',
  k.teacher ?? 'Ms. Rivera',
  k.familyId ?? '',
  k.email ?? '',
  k.email2 ?? '',
  k.phone ?? '',
  k.language ?? '',
  k.interpreter ?? '',
];

const roster = (kids: Kid[], options: Parameters<typeof parseRoster>[2] = {}) =>
  parseRoster([HEADER, ...kids.map(row)], TEACHERS, options);

const SURNAMES = ['Ames', 'Bell', 'Cruz', 'Diaz', 'Egan', 'Ford', 'Gray'];

describe('a placeholder address', () => {
  /** n students of the given surnames, each with their own address and the shared one. */
  const sharing = (surnames: string[], shared = 'families@district.example') =>
    surnames.map((last, i) => ({
      id: `S${i + 1}`,
      last,
      email: shared,
      email2: `${last.toLowerCase()}${i}@f.example`,
    }));
  const flagged = (r: ReturnType<typeof roster>) =>
    r.problems.filter((p) => p.message.includes('looks like a placeholder')).map((p) => p.where);

  it('is one given for six students of three or more surnames: warned at each of its cells, never a contact', () => {
    const r = roster(sharing(SURNAMES.slice(0, 6)));
    const warning = r.problems.find((p) => p.message.includes('looks like a placeholder'))!;
    expect(warning).toEqual({
      severity: 'warning',
      where: { sheet: 'Roster', row: 2, column: 7 },
      message:
        "Roster, row 2, column G (Guardian 1 Email): families@district.example is given for 6 students with different surnames; it looks like a placeholder, so it is not used to group siblings and gets no invitations or other emails: this student's family is reached through another guardian's address, or else by letter and phone (Letters sheet). If it is one family's real address, give these rows the same Family ID.",
    });
    expect(flagged(r)).toEqual(
      [2, 3, 4, 5, 6, 7].map((row) => ({ sheet: 'Roster', row, column: 7 })),
    );
    expect(r.students.flatMap((s) => s.guardians.map((g) => g.email))).not.toContain(
      'families@district.example',
    );
    expect(r.families).toHaveLength(6);
  });

  it('is not one when five students share it: they share a contact instead', () => {
    const r = roster(sharing(SURNAMES.slice(0, 5)));
    expect(flagged(r)).toEqual([]);
    expect(r.students[0]!.guardians.map((g) => g.email)).toContain('families@district.example');
  });

  it('is not one when six students share it but they have only two surnames', () => {
    const r = roster(sharing(['Ames', 'Bell', 'Ames', 'Bell', 'Ames', 'Bell']));
    expect(flagged(r)).toEqual([]);
  });

  it('a school office’s address is one already on three students of three surnames', () => {
    const r = roster(sharing(SURNAMES.slice(0, 3), 'office@school.example'));
    expect(flagged(r)).toEqual([2, 3, 4].map((row) => ({ sheet: 'Roster', row, column: 7 })));
    expect(r.students.flatMap((s) => s.guardians.map((g) => g.email))).not.toContain(
      'office@school.example',
    );
  });

  it('a school office’s address on two unrelated students, or three of two surnames, is a contact they share', () => {
    for (const surnames of [SURNAMES.slice(0, 2), ['Ames', 'Bell', 'Ames']]) {
      const r = roster(sharing(surnames, 'office@school.example'));
      expect(flagged(r)).toEqual([]);
      expect(r.students[0]!.guardians.map((g) => g.email)).toContain('office@school.example');
    }
  });

  it('a caseworker’s address on three unrelated students stays a contact they share', () => {
    const r = roster(sharing(SURNAMES.slice(0, 3), 'j.okafor@agency.example'));
    expect(flagged(r)).toEqual([]);
    expect(
      r.students.every((s) => s.guardians.some((g) => g.email === 'j.okafor@agency.example')),
    ).toBe(true);
  });
});

describe('a shared phone number (students without email)', () => {
  const phoneOnly = (surnames: string[], phone = '555-010-0100') =>
    surnames.map((last, i) => ({ id: `P${i + 1}`, last, phone }));

  it('given for six students of three or more surnames is the office’s: warned, joining no one', () => {
    const r = roster(phoneOnly(SURNAMES.slice(0, 6)));
    const warning = r.problems.find((p) => p.message.includes('looks like a shared number'))!;
    expect(warning).toEqual({
      severity: 'warning',
      where: { sheet: 'Roster', row: 2, column: 9 },
      message:
        'Roster, row 2, column I (Phone): 555-010-0100 is given for 6 students with different surnames and no email; it looks like a shared number, so it does not make them one family.',
    });
    // No number left to reach them: each is imported as a family of its own, reached by letter.
    expect(r.families.map((f) => f.studentIds)).toEqual([
      ['P1'],
      ['P2'],
      ['P3'],
      ['P4'],
      ['P5'],
      ['P6'],
    ]);
    expect(r.rowsRejected).toBe(0);
  });

  it('given for five students of five surnames is one person’s number (a caseworker’s, a foster parent’s), not one family: each child a family of its own, the holder never double-booked', () => {
    const r = roster(phoneOnly(SURNAMES.slice(0, 5)));
    expect(r.problems.some((p) => p.message.includes('shared number'))).toBe(false);
    expect(r.families.map((f) => f.studentIds)).toEqual([['P1'], ['P2'], ['P3'], ['P4'], ['P5']]);
    // Said at each row after the first, naming the first.
    expect(
      r.problems
        .filter((p) => p.message.includes('is also the number of'))
        .map((p) => p.where?.row),
    ).toEqual([3, 4, 5, 6]);
  });

  it('given for six students of two surnames joins each surname’s siblings, and no more', () => {
    const r = roster(phoneOnly(['Ames', 'Bell', 'Ames', 'Bell', 'Ames', 'Bell']));
    expect(r.problems.some((p) => p.message.includes('shared number'))).toBe(false);
    expect(r.families.map((f) => f.studentIds)).toEqual([
      ['P1', 'P3', 'P5'],
      ['P2', 'P4', 'P6'],
    ]);
  });

  it('is the same number however it is punctuated, and a number of under five digits is none', () => {
    const same = roster([
      { id: 'A1', phone: '(555) 010-0142' },
      { id: 'A2', phone: '555.010.0142' },
    ]);
    expect(same.families.map((f) => f.studentIds)).toEqual([['A1', 'A2']]);
    // Five digits are a number (an extension), four are not.
    expect(roster([{ id: 'E1', phone: '4-4321' }]).students.map((s) => s.id)).toEqual(['E1']);
    const short = roster([{ id: 'B1', first: 'Bo', last: 'Bell', phone: '1234' }]);
    expect(short.families.map((f) => f.contacts)).toEqual([[]]);
    expect(short.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 7 },
        message:
          "Roster, row 2, column G (Guardian 1 Email): no email address, and no phone number of its own, is given for Bo Bell's family, so it is imported and can be reached only by a printed letter (Letters sheet). Add a guardian's email, or a phone number (Phone column).",
      },
    ]);
  });

  it('reached by phone only, a family is one family with no email, and no problem: a letter is how it is reached', () => {
    const r = roster([
      { id: 'C2', first: 'Cy', last: 'Cruz', phone: '555-010-0177' },
      { id: 'C1', first: 'Cal', last: 'Cruz', phone: '555-010-0177' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.families).toHaveLength(1);
    expect(r.families[0]).toMatchObject({ rows: [2, 3], contacts: [] });
  });
});

describe('a family', () => {
  it('is named by its most common surname, and speaks its first sibling’s language, warned at the sibling who differs', () => {
    const r = roster([
      { id: '1', last: 'Diaz', familyId: 'L1', email: 'p@f.example', language: 'Spanish' },
      { id: '2', last: 'Lopez', familyId: 'L1', email: 'p@f.example', language: 'Portuguese' },
      { id: '3', last: 'Lopez', familyId: 'L1', email: 'p@f.example', language: '' },
    ]);
    expect(r.families).toHaveLength(1);
    expect(r.families[0]).toMatchObject({ name: 'Lopez', language: 'es' });
    expect(r.problems).toContainEqual({
      severity: 'warning',
      where: { sheet: 'Roster', row: 3, column: 10 },
      message:
        "Roster, row 3, column J (Language): siblings in the Lopez family have different languages (es at Roster, row 2, column J; pt here); all the family's messages use es. Give its rows the one language its guardians read.",
    });
  });

  it('with no surname on any row is named by its first child’s first name', () => {
    const r = roster([{ id: '1', first: 'Zed', last: '', email: 'z@f.example' }]);
    expect(r.families[0]!.name).toBe('Zed');
  });

  it('needs an interpreter when any of its children’s rows says so', () => {
    const r = roster([
      { id: '1', email: 'p@f.example', interpreter: 'No' },
      { id: '2', email: 'p@f.example', interpreter: 'Yes' },
      { id: '3', last: 'Bell', email: 'q@f.example', interpreter: '' },
    ]);
    expect(r.families.map((f) => [f.studentIds, f.interpreter])).toEqual([
      [['1', '2'], true],
      [['3'], false],
    ]);
  });

  it('speaking the school’s default language has no language of its own', () => {
    const r = roster([{ id: '1', email: 'p@f.example', language: 'Spanish' }], {
      defaultLanguage: 'es',
    });
    expect(r.students[0]!.language).toBe('');
    expect(r.families[0]!.language).toBe('');
    expect(
      roster([{ id: '1', email: 'p@f.example', language: 'English' }]).families[0]!.language,
    ).toBe('');
  });

  it('without a Family ID takes its id from its smallest Student ID (FNV-1a of "student:<id>", base 36)', () => {
    // The ids below were computed by hand from the FNV-1a definition, not by the code.
    const r = roster([
      { id: 'S1', email: 'p@f.example' },
      { id: 'A7', email: 'p@f.example' },
      { id: 100, last: 'Bell', email: 'q@f.example' },
    ]);
    expect(r.families.map((f) => f.id)).toEqual(['F-0M2137I', 'F-0M4RST1']);
    expect(roster([{ id: 'S1', email: 'p@f.example' }]).families[0]!.id).toBe('F-1IU2R9E');
  });

  it('with a Family ID written as a number is F-<that number>', () => {
    const r = roster([{ id: 1, familyId: 4471, email: 'p@f.example', grade: 5 }]);
    expect(r.families[0]!.id).toBe('F-4471');
    expect(r.students[0]).toMatchObject({ id: '1', grade: '5', familyId: 'F-4471' });
  });

  it('keeps the id the document knows it by, from its Family ID or its Student ID', () => {
    const byFamilyId = roster([{ id: '2', familyId: 'X9', email: 'p@f.example' }], {
      knownFamilyIds: new Set(['F-X9']),
    });
    expect(byFamilyId.families[0]!.id).toBe('F-X9');
    // A sibling with a smaller Student ID joins: the family keeps the id of the one it had.
    const known = roster([{ id: 'S1', email: 'p@f.example' }]).families[0]!.id;
    const joined = roster(
      [
        { id: 'S1', email: 'p@f.example' },
        { id: 'A7', email: 'p@f.example' },
      ],
      { knownFamilyIds: new Set([known]) },
    );
    expect(joined.families[0]!.id).toBe(known);
  });
});

describe('a family regrouped since the last import', () => {
  it('is told at its first row, in the Family ID column, which ids its answers were kept from', () => {
    // Rows 2 to 9: families of their own; rows 10 and 11 were two families and now share an address.
    const others = SURNAMES.concat('Hale').map((last, i) => ({
      id: `S0${i}`,
      last,
      email: `${last.toLowerCase()}@f.example`,
    }));
    const r = roster(
      [...others, { id: 'S10', email: 'p@f.example' }, { id: 'S11', email: 'p@f.example' }],
      {
        previousFamilies: new Map([
          ['S10', 'F-A'],
          ['S11', 'F-B'],
        ]),
      },
    );
    const regrouped = r.families.find((f) => f.studentIds.includes('S10'))!;
    expect(regrouped).toMatchObject({ id: 'F-A', aliases: ['F-B'], rows: [10, 11] });
    for (const f of r.families.filter((x) => x !== regrouped)) expect(f.aliases).toBeUndefined();
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 10, column: 6 },
        message:
          'Roster, row 10, column F (Family ID): rows 10 and 11 now form one family; their answers and links were kept from F-A (the links of F-B reach the family too).',
      },
    ]);
  });
});

describe('bad cells', () => {
  it('a wrong first guardian address is an error when it is the row’s only one (the student imported, reached by letter), a warning beside a good one', () => {
    const alone = roster([{ id: '1', email: 'nobody' }]);
    expect(alone.problems).toContainEqual({
      severity: 'error',
      where: { sheet: 'Roster', row: 2, column: 7 },
      message:
        'Roster, row 2, column G (Guardian 1 Email): "nobody" is not an email address, and the row gives no other address. The student is imported and scheduled all the same; until this is corrected the family is reached by a printed letter and the phone list (Letters sheet), as a family without email is. Correct the address, then check again: the family is emailed from then on.',
    });
    expect(alone.rowsRejected).toBe(0);
    expect(alone.students.map((s) => [s.id, s.guardians])).toEqual([['1', []]]);
    const beside = roster([{ id: '1', email: 'nobody; p@f.example' }]);
    expect(beside.problems.find((p) => p.message.includes('"nobody"'))!.severity).toBe('warning');
    expect(beside.students.map((s) => s.id)).toEqual(['1']);
  });

  it('a wrong second guardian address is only a warning', () => {
    const r = roster([{ id: '1', email: 'p@f.example', email2: 'nobody' }]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 8 },
        message:
          'Roster, row 2, column H (Guardian 2 Email): "nobody" is not an email address, so this guardian will not be emailed; correct it to reach them.',
      },
    ]);
    expect(r.students[0]!.guardians.map((g) => g.email)).toEqual(['p@f.example']);
  });

  it('an address on both guardian columns of a row is one guardian', () => {
    const r = roster([{ id: '1', email: 'p@f.example', email2: 'P@F.example' }]);
    expect(r.students[0]!.guardians).toHaveLength(1);
  });

  it('are listed in sheet order, then column order', () => {
    const r = roster([
      { id: '1', email: 'p@f.example', language: 'Klingon', interpreter: 'perhaps' },
      { id: '', email: 'q@f.example' },
    ]);
    expect(r.problems.map((p) => [p.where!.row, p.where!.column, p.severity])).toEqual([
      [2, 10, 'warning'],
      [2, 11, 'warning'],
      [3, 1, 'error'],
    ]);
  });

  it('are put in sheet order, then column order, whatever rule found them first', () => {
    // Each row's wrong second address, its only one, is found as the row is read (column H: an
    // error, the row imported all the same); that the row reaches nobody by email or phone is
    // found later, with the families (column G): sorted, G comes first.
    const r = roster([
      { id: '1', email2: 'not-an-address' },
      { id: '2', last: 'Bell', email2: 'nor-this' },
    ]);
    expect(r.problems.map((p) => [p.where!.row, p.where!.column, p.severity])).toEqual([
      [2, 7, 'warning'],
      [2, 8, 'error'],
      [3, 7, 'warning'],
      [3, 8, 'error'],
    ]);
    expect(r.students.map((s) => s.id)).toEqual(['1', '2']);
  });

  it('an unknown language or a yes/no that is neither is warned with the words written, and read as the default and as no', () => {
    const r = roster([
      { id: '1', email: 'p@f.example', language: 'Klingon', interpreter: 'perhaps' },
    ]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'Roster, row 2, column J (Language): "Klingon" is not a language the add-on knows; messages will use the school\'s default. Write a name (Spanish) or a code (es).',
      'Roster, row 2, column K (Interpreter): "perhaps" is neither yes nor no; taken as no.',
    ]);
    expect(r.students[0]).toMatchObject({ language: '', interpreter: false });
  });

  it('keeps each guardian’s name with their own address, and the row’s notes', () => {
    const r = parseRoster(
      [
        [
          'Student ID',
          'First Name',
          'Last Name',
          'Grade',
          'Teacher',
          'Guardian 1 Name',
          'Guardian 1 Email',
          'Guardian 2 Name',
          'Guardian 2 Email',
          'Notes',
        ],
        [
          '1',
          'Kid',
          'Ames',
          '3',
          'Ms. Rivera',
          'Pat Ames',
          'pat@f.example',
          'Lee Ames',
          'lee@f.example',
          'Pick-up by aunt',
        ],
      ],
      TEACHERS,
    );
    expect(r.students[0]).toMatchObject({
      guardians: [
        { name: 'Pat Ames', email: 'pat@f.example' },
        { name: 'Lee Ames', email: 'lee@f.example' },
      ],
      notes: 'Pick-up by aunt',
    });
  });

  it('with no Teachers sheet filled in, the teachers are taken as written and a warning says so', () => {
    const r = parseRoster(
      [HEADER, row({ id: '1', email: 'p@f.example', teacher: 'Mrs. Nobody' })],
      [],
    );
    expect(r.students[0]).toMatchObject({ teacher: 'Mrs. Nobody', teacherEmail: '' });
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Teachers', row: 2, column: 1 },
        message:
          'Teachers has no windows yet, so the roster’s teachers could not be checked. Fill in the Teachers sheet and check again.',
      },
    ]);
  });
});

describe('the sheet as a whole', () => {
  it('counts rows read, rows rejected and families with siblings', () => {
    const r = roster([
      { id: '1', email: 'p@f.example' },
      { id: '2', email: 'p@f.example' },
      { id: '3', last: 'Bell', email: 'q@f.example' },
      { id: '', email: 'r@f.example' },
    ]);
    expect([r.rowsRead, r.rowsRejected, r.siblingFamilies]).toEqual([4, 1, 1]);
  });

  it('with a header and no students says to paste them below it, at row 2', () => {
    expect(parseRoster([HEADER], TEACHERS).problems).toEqual([
      {
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 1 },
        message: 'Roster has a header row but no students: paste the students below it.',
      },
    ]);
  });

  it('missing a name column says so, right of the last column, with the names that also work', () => {
    const r = parseRoster(
      [
        ['Student ID', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ms. Rivera', 'p@f.example'],
      ],
      TEACHERS,
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.where).toEqual({ sheet: 'Roster', row: 1, column: 4 });
    expect(r.problems[0]!.message).toMatch(
      /^Roster has no "First Name" column \(nor a "Student Name" column\)\. Add one in row 1 \("[^"]+", "[^"]+", "[^"]+" also work\): /,
    );
    expect([r.rowsRead, r.rowsRejected, r.students.length]).toEqual([1, 1, 0]);
  });

  it('reads a second guardian column alone as enough', () => {
    const r = parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 2 Email'],
        ['1', 'Ana', 'Ames', 'Ms. Rivera', 'p@f.example'],
      ],
      TEACHERS,
    );
    expect(r.problems).toEqual([]);
    expect(r.students[0]!.guardians.map((g) => g.email)).toEqual(['p@f.example']);
  });
});

describe('an export as schools paste it', () => {
  it('with a blank column at its end and blank cells on every row is read, not called empty', () => {
    const r = parseRoster(
      [
        [...HEADER, ''],
        [...row({ id: '1', email: 'p@f.example' }), ''],
        [...row({ id: '2', last: 'Bell', email: 'q@f.example' }), ''],
      ],
      TEACHERS,
    );
    expect(r.problems).toEqual([]);
    expect(r.students.map((s) => s.id)).toEqual(['1', '2']);
  });

  it('reads a Student ID, Grade and Family ID with stray spaces as the text inside them', () => {
    const r = roster([
      { id: ' 1 ', grade: ' 3 ', familyId: ' F7 ', email: 'p@f.example' },
      { id: '2', familyId: 'F7', email: 'q@f.example' },
    ]);
    expect(r.students.map((s) => [s.id, s.grade])).toEqual([
      ['1', '3'],
      ['2', '3'],
    ]);
    expect(r.families.map((f) => [f.id, f.studentIds])).toEqual([['F-F7', ['1', '2']]]);
  });

  it('names the first row an ID was used on for every later row that repeats it', () => {
    const r = roster([
      { id: '7', email: 'p@f.example' },
      { id: '7', email: 'q@f.example' },
      { id: '7', email: 'r@f.example' },
    ]);
    expect(
      r.problems.map((p) => [p.where!.row, /already used on row (\d+)/.exec(p.message)?.[1]]),
    ).toEqual([
      [3, '2'],
      [4, '2'],
    ]);
    expect([r.rowsRead, r.rowsRejected]).toEqual([3, 2]);
  });

  it('with a Last Name column and no First Name column asks for the first names', () => {
    const r = parseRoster(
      [
        ['Student ID', 'Last Name', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ames', 'Ms. Rivera', 'p@f.example'],
      ],
      TEACHERS,
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(
      /^Roster has no "First Name" column \(nor a "Student Name" column\)\. Add one in row 1 /,
    );
    expect(r.students).toEqual([]);
  });

  it('missing its Teacher column says only that, and no "no students" besides when no row follows', () => {
    const header = HEADER.filter((h) => h !== 'Teacher');
    const r = parseRoster([header], TEACHERS);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.where).toEqual({ sheet: 'Roster', row: 1, column: 11 });
    expect(r.problems[0]!.message).toMatch(/^Roster has no "Teacher" column\. Add one in row 1 \(/);
  });
});

describe('a contact two families share', () => {
  it('is warned at its Guardian 1 Email cell, naming each child as written, and why it is no family', () => {
    const r = roster([
      { id: '1', first: 'Al', last: 'Ames', email: 'case@agency.example' },
      { id: '2', first: 'Bo', last: 'Bell', email: 'case@agency.example' },
    ]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 7 },
        message:
          "Roster, row 2, column G (Guardian 1 Email): case@agency.example is listed for Al Ames (row 2) and Bo Bell (row 3), and they have different surnames and nothing else in common: it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.",
      },
    ]);
    expect(r.families).toHaveLength(2);
  });

  // Tester finding 3: j.banks is on two Smith siblings (joined by their surname) and on Cy
  // Ortiz. The warning said the three "have different surnames and nothing else in common",
  // though the Smiths had just been made one family; it now says which are one family. Checked
  // to fail with the old text (the message naming the three children as unrelated).
  it('says which of its children were joined, and that the families have nothing else in common', () => {
    const r = roster([
      { id: '1', first: 'Al', last: 'Smith', email: 'j.banks@agency.example' },
      { id: '2', first: 'Bo', last: 'Smith', email: 'j.banks@agency.example' },
      { id: '3', first: 'Cy', last: 'Ortiz', email: 'j.banks@agency.example' },
    ]);
    expect(r.families.map((f) => f.studentIds)).toEqual([['1', '2'], ['3']]);
    expect(r.problems.map((p) => p.message)).toEqual([
      "Roster, row 2, column G (Guardian 1 Email): j.banks@agency.example is listed for Al Smith (row 2) and Bo Smith (row 3) (one family); Cy Ortiz (row 4), and these 2 families have different surnames and nothing else in common: it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.",
    ]);
  });

  it('on rows whose Family IDs differ says so, whatever their surnames', () => {
    const r = roster([
      { id: '1', first: 'Al', familyId: 'H1', email: 'gran@f.example' },
      { id: '2', first: 'Di', familyId: 'H2', email: 'gran@f.example' },
    ]);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining(
        'gran@f.example is listed for Al Ames (row 2) and Di Ames (row 3), and their rows have different Family IDs:',
      ),
    ]);
    expect(r.families.map((f) => f.id)).toEqual(['F-H1', 'F-H2']);
  });
});

describe('the families, whatever the rows’ order', () => {
  it('are the same families, with the same ids, for the rows in any order (property)', () => {
    // Few surnames, addresses, phones and Family IDs, so that rows meet: shared contacts,
    // placeholders, refused joins and phone-only siblings all come up.
    const kid = fc.record({
      last: fc.constantFrom('Ames', 'Bell', 'Cruz'),
      familyId: fc.constantFrom('', '', 'H1', 'H2', '0'),
      email: fc.constantFrom('', '', '', 'p@f.example', 'q@f.example', 'case@agency.example'),
      email2: fc.constantFrom('', '', '', 'r@f.example'),
      phone: fc.constantFrom('', '555-010-0100', '555-010-0100', '555-010-0200'),
      language: fc.constantFrom('', 'Spanish'),
    });
    const rows = fc
      .array(kid, { minLength: 1, maxLength: 8 })
      .map((kids) => kids.map((k, i) => ({ ...k, id: `S${i + 1}` })));
    const families = (kids: Kid[]) =>
      roster(kids)
        .families.map((f) => `${f.id}:${[...f.studentIds].sort().join('+')}:${f.language}`)
        .sort();
    checkProperty(
      fc.property(rows, fc.infiniteStream(fc.nat()), (kids, draws) => {
        // The same rows in an order drawn from the stream.
        const shuffled = [...kids];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = draws.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(families(shuffled)).toEqual(families(kids));
      }),
    );
  });

  it('are the same when the rows are pasted in another order, a refused phone join included', () => {
    // B and A share a phone, no email, and different Family IDs: only one joins the number's
    // family. C, with an address and the same phone, goes where that number goes. The joins run
    // in Student ID order, so A (the smaller) has the number, whichever row comes first.
    const kids: Kid[] = [
      { id: 'B', first: 'Bo', familyId: 'H2', phone: '555-010-0100' },
      { id: 'A', first: 'Al', familyId: 'H1', phone: '555-010-0100' },
      { id: 'C', first: 'Cy', email: 'c@f.example', phone: '555-010-0100' },
    ];
    const families = (rows: Kid[]) =>
      roster(rows)
        .families.map((f) => [...f.studentIds].sort().join('+'))
        .sort();
    expect(families(kids)).toEqual(['A+C', 'B']);
    expect(families([...kids].reverse())).toEqual(['A+C', 'B']);
    expect(families([kids[2]!, kids[0]!, kids[1]!])).toEqual(['A+C', 'B']);
  });
});

describe('the roster’s teachers, two of one surname', () => {
  it('are told apart by their full names as written, title and all', () => {
    const teachers = [
      { name: 'Ana Rivera', email: 'ana.rivera@school.example' },
      { name: 'Luis Rivera', email: 'luis.rivera@school.example' },
    ];
    const r = parseRoster(
      [
        HEADER,
        row({ id: '1', teacher: 'Ms. Ana Rivera', email: 'p@f.example' }),
        row({ id: '2', last: 'Bell', teacher: 'LUIS RIVERA', email: 'q@f.example' }),
      ],
      teachers,
    );
    expect(r.problems).toEqual([]);
    expect(r.students.map((s) => s.teacherEmail)).toEqual([
      'ana.rivera@school.example',
      'luis.rivera@school.example',
    ]);
  });
});

describe('a row with blank cells', () => {
  it('with no name and no teacher is refused, each blank cell named with what to write', () => {
    const r = roster([{ id: '1', first: '', last: '', teacher: '', email: 'p@f.example' }]);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 2 },
        message: 'Roster, row 2, column B (First Name): the student’s name is blank.',
      },
      {
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 5 },
        message:
          'Roster, row 2, column E (Teacher): the teacher is blank. Write the host teacher as on the Teachers sheet.',
      },
    ]);
    expect(r.rowsRejected).toBe(1);
  });

  it('with a blank Student Name is refused at that column', () => {
    const r = parseRoster(
      [
        ['Student ID', 'Student Name', 'Teacher', 'Guardian 1 Email'],
        ['1', '', 'Ms. Rivera', 'p@f.example'],
      ],
      TEACHERS,
    );
    expect(r.problems).toEqual([
      {
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 2 },
        message: 'Roster, row 2, column B (Student Name): the student’s name is blank.',
      },
    ]);
  });
});

describe('a family’s id from before', () => {
  it('as the last import grouped it wins over an id the document knows from its Student ID', () => {
    const own = roster([{ id: 'S1', email: 'p@f.example' }]).families[0]!.id;
    const r = roster([{ id: 'S1', email: 'p@f.example' }], {
      previousFamilies: new Map([['S1', 'F-A']]),
      knownFamilyIds: new Set([own]),
    });
    expect(r.families.map((f) => f.id)).toEqual(['F-A']);
  });

  it('regrouped on a sheet without a Family ID column is told at its Student ID cell', () => {
    const header = HEADER.filter((h) => h !== 'Family ID');
    const without = (k: Kid) => row(k).filter((_, i) => HEADER[i] !== 'Family ID');
    const r = parseRoster(
      [
        header,
        without({ id: 'S10', email: 'p@f.example' }),
        without({ id: 'S11', email: 'p@f.example' }),
      ],
      TEACHERS,
      {
        previousFamilies: new Map([
          ['S10', 'F-A'],
          ['S11', 'F-B'],
        ]),
      },
    );
    expect(r.problems.map((p) => p.where)).toEqual([{ sheet: 'Roster', row: 2, column: 1 }]);
    expect(r.problems[0]!.message).toMatch(
      /^Roster, row 2, column A \(Student ID\): rows 2 and 3 now /,
    );
  });
});

describe('contacts on a messy export', () => {
  it('a sibling with a blank Language beside one in Spanish: the family speaks Spanish, and nothing is warned', () => {
    const r = roster([
      { id: '1', email: 'p@f.example', language: '' },
      { id: '2', email: 'p@f.example', language: 'Spanish' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.families.map((f) => [f.studentIds, f.language])).toEqual([[['1', '2'], 'es']]);
  });

  it('two siblings by a five-digit extension are one family reached on it', () => {
    const r = roster([
      { id: 'E1', phone: '4-4321' },
      { id: 'E2', phone: '4-4321' },
    ]);
    expect(r.families.map((f) => [f.studentIds, f.phone])).toEqual([[['E1', 'E2'], '4-4321']]);
  });

  it('the school’s number on six families with email is no shared phone to warn about', () => {
    const r = roster(
      SURNAMES.slice(0, 6).map((last, i) => ({
        id: `S${i + 1}`,
        last,
        email: `${last.toLowerCase()}@f.example`,
        phone: '555-010-0100',
      })),
    );
    expect(r.problems).toEqual([]);
    expect(r.families).toHaveLength(6);
  });

  it('an agency’s address on six children of different surnames is theirs when every row gives one Family ID', () => {
    const agency = (familyId: string) =>
      SURNAMES.slice(0, 6).map((last, i) => ({
        id: `S${i + 1}`,
        last,
        familyId,
        email: 'info@fosteragency.example',
      }));
    const one = roster(agency('H9'));
    expect(one.problems.filter((p) => p.message.includes('is given for 6 students'))).toEqual([]);
    expect(one.families.map((f) => [f.id, f.givenId, f.contacts.map((c) => c.email)])).toEqual([
      ['F-H9', 'H9', ['info@fosteragency.example']],
    ]);
    // "0" on every row is no Family ID: the address is still a placeholder.
    const none = roster(agency('0'));
    expect(none.problems.filter((p) => p.message.includes('is given for 6 students'))).toHaveLength(
      6,
    );
  });

  it('missing its Teacher column says what the column holds', () => {
    const r = parseRoster([HEADER.filter((h) => h !== 'Teacher')], TEACHERS);
    expect(r.problems[0]!.message).toMatch(
      /: The host teacher, exactly as on the Teachers sheet \(name or email\)\.$/,
    );
  });
});

describe('a student’s own account and a family without email', () => {
  it('keeps one school address of the student’s own, names a cell holding two or a guardian’s, and lists the names to phone', () => {
    const r = parseRoster(
      [
        [
          'Student ID',
          'First Name',
          'Last Name',
          'Teacher',
          'Guardian 1 Name',
          'Guardian 1 Email',
          'Student Email',
        ],
        ['1', 'Ana', 'Ames', 'Ms. Rivera', 'Pat Ames', '', ''],
        [
          '2',
          'Bo',
          'Bell',
          'Ms. Rivera',
          '',
          'q@f.example',
          'bo@school.example; b2@school.example',
        ],
        ['3', 'Cy', 'Cruz', 'Ms. Rivera', '', 'r@f.example', 'r@f.example'],
        ['4', 'Di', 'Diaz', 'Ms. Rivera', 'Lee Diaz', 's@f.example', 'di@school.example'],
      ],
      TEACHERS,
    );
    expect(r.students.map((s) => [s.id, s.email, s.phoneGuardians])).toEqual([
      ['1', '', ['Pat Ames']],
      ['2', '', undefined],
      ['3', '', undefined],
      ['4', 'di@school.example', undefined],
    ]);
    expect(
      r.problems.filter((p) => p.where!.column === 7).map((p) => [p.where!.row, p.message]),
    ).toEqual([
      [
        3,
        expect.stringMatching(
          /^Roster, row 3, column G \(Student Email\): "bo@school\.example; b2@school\.example" is not one email address/,
        ),
      ],
      [
        4,
        expect.stringMatching(
          /^Roster, row 4, column G \(Student Email\): r@f\.example is also a guardian's address/,
        ),
      ],
    ]);
  });
});
