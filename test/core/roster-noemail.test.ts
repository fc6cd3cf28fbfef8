/**
 * What an export writes where a family has no email: a word ("none", "N/A", "-", "no email") or
 * a made-up address (noemail@school.example). Rows are in the layout of a real SIS export (its
 * own header names); which rows and cells are named is read off those rows.
 */
import fc from 'fast-check';
import {
  isNoAddressText,
  isPlaceholderAddress,
  isRoleAddress,
  isSharedPlaceholder,
  readGuardianEmails,
} from '../../src/core/noemail';
import { parseRoster } from '../../src/core/roster';
import { checkProperty } from './property';

const TEACHERS = [
  { name: 'Ms. Rivera', email: 'rivera@school.example' },
  { name: 'Ms. Patel', email: 'patel@school.example' },
];

// A SIS ID, B Student Name, C Homeroom, D Household ID, E Parent Name, F Parent Email,
// G Secondary Email, H Home Phone.
const HEADER = [
  'SIS ID',
  'Student Name',
  'Homeroom',
  'Household ID',
  'Parent Name',
  'Parent Email',
  'Secondary Email',
  'Home Phone',
];
const EMAIL_COLUMN = 6;

const WORDS = ['none', 'n/a', 'N/A', '-', 'no email', 'No E-mail', 'unknown', 'NONE', 'na'];
const MADE_UP = ['noemail@school.example', 'no-reply@school.example', 'unknown@school.example'];

describe('a guardian email cell that stands for no address', () => {
  it('with a phone: the student is imported, reached by letter and phone, and the cell named in a warning', () => {
    const rows = [
      [1008, 'Dunn, Will', 'Ms. Patel', 'N/A', '', 'none', '', '555-0199'],
      [1020, 'Ng, Phone Only', 'Ms. Rivera', '', 'Grand Ma', '', '', '555-0300'],
    ];
    const r = parseRoster([HEADER, ...rows], TEACHERS);
    expect(r.rowsRejected).toBe(0);
    expect(r.students.map((s) => s.id)).toEqual(['1008', '1020']);
    // Each a family of its own (the Summary's "Roster families"), with a phone and no address.
    expect(r.families.map((f) => [f.studentIds, f.contacts])).toEqual([
      [['1008'], []],
      [['1020'], []],
    ]);
    expect(r.problems.filter((p) => p.where?.column === EMAIL_COLUMN)).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: EMAIL_COLUMN },
        message:
          'Roster, row 2, column F (Parent Email): "none" stands for no address, so it is read as a blank: the family is reached through another guardian\'s address, or else by letter and phone (Letters sheet). Type the guardian\'s real address here to email them.',
      },
    ]);
  });

  it('beside a real second address: that guardian is the family’s contact', () => {
    const r = parseRoster(
      [
        HEADER,
        [1030, 'Ruiz, Eva', 'Ms. Rivera', '', 'Ana Ruiz', 'n/a', 'luis.ruiz@home.example', ''],
      ],
      TEACHERS,
    );
    expect(r.rowsRejected).toBe(0);
    expect(r.families[0]!.contacts.map((c) => c.email)).toEqual(['luis.ruiz@home.example']);
    expect(r.problems.map((p) => [p.severity, p.where?.column])).toEqual([
      ['warning', EMAIL_COLUMN],
    ]);
  });

  it('with neither a phone nor another address: the student is imported, and the row is warned as unreachable', () => {
    const r = parseRoster(
      [HEADER, [1031, 'Ito, Ken', 'Ms. Rivera', '', '', 'unknown', '', '']],
      TEACHERS,
    );
    expect(r.rowsRejected).toBe(0);
    expect(r.students.map((s) => s.id)).toEqual(['1031']);
    expect(r.problems.map((p) => p.message)).not.toContainEqual(
      expect.stringContaining('is not an email address'),
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(
          "no email address, and no phone number of its own, is given for Ken Ito's family",
        ),
      }),
    );
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a mistyped address is still an error (only words for "none" and made-up addresses read as blank), and the student is imported as with "none"', () => {
    const r = parseRoster(
      [HEADER, [1032, 'Bad, Mail', 'Ms. Rivera', '', '', 'bad.mail.fam.example', '', '555-0111']],
      TEACHERS,
    );
    expect(r.rowsRejected).toBe(0);
    expect(r.problems[0]).toMatchObject({
      severity: 'error',
      where: { sheet: 'Roster', row: 2, column: EMAIL_COLUMN },
    });
    expect(r.problems[0]!.message).toContain(
      '"bad.mail.fam.example" is not an email address, and the row gives no other address.',
    );
    expect(r.families.map((f) => [f.studentIds, f.contacts, f.phone])).toEqual([
      [['1032'], [], '555-0111'],
    ]);
  });

  it('any mix of such cells and phones: every row imported, each cell named once, no address used', () => {
    const rowOf = fc.record({
      text: fc.constantFrom(...WORDS, ...MADE_UP),
      pad: fc.constantFrom('', ' ', '  '),
      column: fc.constantFrom(0, 1),
    });
    checkProperty(
      fc.property(fc.array(rowOf, { minLength: 1, maxLength: 12 }), (made) => {
        const rows = made.map(({ text, pad, column }, i) => {
          const cells = ['', ''];
          cells[column] = `${pad}${text}${pad}`;
          return [2000 + i, `Kid, Number${i}`, 'Ms. Rivera', '', '', ...cells, `555-01${10 + i}`];
        });
        const r = parseRoster([HEADER, ...rows], TEACHERS);
        expect(r.rowsRejected).toBe(0);
        expect(r.students.map((s) => s.guardians)).toEqual(made.map(() => []));
        const named = r.problems
          .filter((p) => p.message.includes('stands for no address'))
          .map((p) => [p.where?.row, p.where?.column]);
        expect(named).toEqual(made.map(({ column }, i) => [i + 2, EMAIL_COLUMN + column]));
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
    );
  });
});

describe('readGuardianEmails', () => {
  const localPart = fc.stringMatching(/^[a-z][a-z0-9]{2,9}\.[a-z]{2,8}$/);
  const domain = fc.constantFrom('home.example', 'fam.example', 'mail.example.org');

  it('keeps every real address and sets aside each word or made-up address, whatever their order', () => {
    checkProperty(
      fc.property(
        fc.array(
          fc.oneof(
            fc.tuple(localPart, domain).map(([l, d]) => ({ real: true, text: `${l}@${d}` })),
            fc.constantFrom('none', 'n/a', 'unknown', ...MADE_UP).map((text) => ({
              real: false,
              text,
            })),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (parts) => {
          const read = readGuardianEmails(parts.map((p) => p.text).join('; '));
          const real = [...new Set(parts.filter((p) => p.real).map((p) => p.text))];
          expect(read.valid).toEqual(real);
          expect(read.invalid).toEqual([]);
          expect(new Set(read.none)).toEqual(
            new Set(parts.filter((p) => !p.real).map((p) => p.text)),
          );
        },
      ),
    );
  });

  it('a cell of several words for "none" is one blank cell', () => {
    for (const text of ['no email', 'No E-mail address', 'not provided'])
      expect(readGuardianEmails(` ${text} `)).toEqual({ valid: [], invalid: [], none: [text] });
  });

  it('an address that merely contains such a word is an address', () => {
    for (const email of ['nonesuch@home.example', 'parent.ruiz@home.example', 'na.kim@x.example'])
      expect(readGuardianEmails(email).valid).toEqual([email]);
    expect(isNoAddressText('Nadia')).toBe(false);
  });
});

describe('the addresses the README lists', () => {
  // The lists of the README's "Who counts as one family", before the @.
  const MADE_UP_LOCALS =
    'noemail no-email nomail none noreply no-reply donotreply unknown null placeholder missing';
  const ROLE_LOCALS =
    'office main.office frontoffice reception info admin attendance registrar registration enrollment secretary school parent parents guardian guardians na n.a nil';
  const PEOPLE = 'ana.ruiz nonesuch parent.ruiz officer.kim info.desk.jones j.okafor casework';

  it.each(MADE_UP_LOCALS.split(' '))('%s@ is a made-up address, at any domain', (local) => {
    expect(isPlaceholderAddress(`${local}@school.example`)).toBe(true);
    expect(isPlaceholderAddress(`${local.toUpperCase()}@gmail.com`.toLowerCase())).toBe(true);
  });

  it.each(ROLE_LOCALS.split(' '))(
    '%s@ is a role’s address, and on its own a real one (a family’s, an agency’s)',
    (local) => {
      expect(isRoleAddress(`${local}@school.example`)).toBe(true);
      expect(isPlaceholderAddress(`${local}@school.example`)).toBe(false);
      expect(readGuardianEmails(`${local}@family.example`).valid).toEqual([
        `${local}@family.example`,
      ]);
    },
  );

  it.each(PEOPLE.split(' '))(
    '%s@ is a person’s or an agency’s, neither made up nor a role',
    (local) => {
      expect(isPlaceholderAddress(`${local}@home.example`)).toBe(false);
      expect(isRoleAddress(`${local}@home.example`)).toBe(false);
    },
  );
});

describe('an address on several rows, as a coordinator predicts it', () => {
  // Teachers' addresses are at school.example: that is the school's own domain.
  const child = (id: number, name: string, email: string, household = '', phone = '') => [
    id,
    name,
    'Ms. Rivera',
    household,
    '',
    email,
    '',
    phone,
  ];
  const read = (...rows: (string | number)[][]) => parseRoster([HEADER, ...rows], TEACHERS);
  const contactsOf = (r: ReturnType<typeof read>) =>
    r.students.map((s) => s.guardians.map((g) => g.email));
  const placeholderRows = (r: ReturnType<typeof read>) =>
    r.problems
      .filter(
        (p) => p.where?.column === EMAIL_COLUMN && p.message.includes('looks like a placeholder'),
      )
      .map((p) => p.where?.row);

  it('parents@ at a family’s own domain is that family’s address', () => {
    const r = read(
      child(1, 'Johnson, Amy', 'parents@thejohnsons.net'),
      child(2, 'Johnson, Ben', 'parents@thejohnsons.net'),
    );
    expect(r.rowsRejected).toBe(0);
    expect(r.families.map((f) => [f.studentIds, f.contacts.map((c) => c.email)])).toEqual([
      [['1', '2'], ['parents@thejohnsons.net']],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('nil@ (Nil, a given name) and na@ are a guardian’s address', () => {
    const r = read(
      child(1, 'Yilmaz, Deniz', 'nil@yilmaz.example'),
      child(2, 'Kim, Soo', 'na@kim.example'),
      child(3, 'Ross, Al', 'n.a@ross.example'),
    );
    expect(contactsOf(r)).toEqual([
      ['nil@yilmaz.example'],
      ['na@kim.example'],
      ['n.a@ross.example'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('a foster care agency on two children, or a caseworker on three, is a contact they share', () => {
    const agency = 'guardian@fostercare.org';
    const two = read(child(1, 'Abe, Lu', agency), child(2, 'Bay, Mo', agency));
    expect(contactsOf(two)).toEqual([[agency], [agency]]);
    const worker = 'j.okafor@fostercare.org';
    const three = read(
      child(1, 'Abe, Lu', worker),
      child(2, 'Bay, Mo', worker),
      child(3, 'Cho, Ny', worker),
    );
    expect(contactsOf(three)).toEqual([[worker], [worker], [worker]]);
    // Still three families: an address on children of different surnames alone joins nobody.
    expect(three.families.map((f) => f.studentIds)).toEqual([['1'], ['2'], ['3']]);
    expect(placeholderRows(two)).toEqual([]);
    expect(placeholderRows(three)).toEqual([]);
  });

  it('a role address on three children of three surnames is a placeholder at any domain, and no student is dropped', () => {
    for (const email of [
      'office@school.example',
      'parents@school.example',
      'info@fostercare.org',
      'guardian@fostercare.org',
    ]) {
      const r = read(
        child(1, 'Abe, Lu', email, '', '555-0101'),
        child(2, 'Bay, Mo', email, '', '555-0102'),
        child(3, 'Cho, Ny', email),
      );
      expect(contactsOf(r)).toEqual([[], [], []]);
      expect(placeholderRows(r)).toEqual([2, 3, 4]);
      // The one with no phone is imported and warned.
      expect(r.students.map((s) => s.id)).toEqual(['1', '2', '3']);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(
        r.problems.find((p) => p.message.includes('no phone number of its own'))?.where?.row,
      ).toBe(4);
    }
  });

  it('the same Family ID on every row of a shared address keeps it as that family’s', () => {
    const rows = ['Abe', 'Bay', 'Cho', 'Dix', 'Eng', 'Fox'].map((last, i) =>
      child(i + 1, `${last}, Kid`, 'info@fostercare.org', 'FOSTER-7'),
    );
    const r = read(...rows.slice(0, 3));
    expect(contactsOf(r)).toEqual([0, 1, 2].map(() => ['info@fostercare.org']));
    expect(r.families.map((f) => f.studentIds)).toEqual([['1', '2', '3']]);
    expect(placeholderRows(r)).toEqual([]);
    // Six of them too; but a row without that ID makes it a placeholder again.
    expect(placeholderRows(read(...rows))).toEqual([]);
    const one = rows.map((row, i) => (i === 5 ? child(6, 'Fox, Kid', 'info@fostercare.org') : row));
    expect(placeholderRows(read(...one))).toEqual([2, 3, 4, 5, 6, 7]);
    // A Family ID that means "no ID" on every row is no Family ID.
    const na = rows.slice(0, 3).map((row) => [...row.slice(0, 3), 'N/A', ...row.slice(4)]);
    expect(placeholderRows(read(...na))).toEqual([2, 3, 4]);
  });

  it('noemail@ on three children is a blank cell on each, and every student is imported', () => {
    const r = read(
      child(1, 'Abe, Lu', 'noemail@school.example', '', '555-0101'),
      child(2, 'Bay, Mo', 'noemail@school.example', '', '555-0102'),
      child(3, 'Cho, Ny', 'noemail@school.example'),
    );
    expect(r.students.map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(contactsOf(r)).toEqual([[], [], []]);
    const blanks = r.problems.filter((p) => p.message.includes('stands for no address'));
    expect(blanks.map((p) => p.where?.row)).toEqual([2, 3, 4]);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('isSharedPlaceholder', () => {
  // The README's rule, written out: a role or family word on 3 students of 3 surnames, any
  // address on 6 of 3 surnames, at any domain; never when every row gives one Family ID.
  const generic = fc.constantFrom(
    'office',
    'info',
    'registrar',
    'parents',
    'guardian',
    'nil',
    'na',
  );
  const personal = fc.constantFrom('ana.ruiz', 'casework', 'j.okafor', 'families');
  const address = fc.record({
    local: fc.oneof(
      generic.map((l) => ({ l, generic: true })),
      personal.map((l) => ({ l, generic: false })),
    ),
    domain: fc.constantFrom('school.example', 'fostercare.org', 'gmail.com'),
    students: fc.integer({ min: 1, max: 9 }),
    surnames: fc.integer({ min: 1, max: 9 }),
    ids: fc.constantFrom('none', 'one', 'mixed'),
  });

  it('follows the README’s rule for any address, count and Family IDs', () => {
    checkProperty(
      fc.property(address, ({ local, domain, students, surnames: s, ids }) => {
        const surnames = Math.min(s, students);
        const familyIds = Array.from({ length: students }, (_, i) =>
          ids === 'none' ? '' : ids === 'one' ? 'F7' : i === 0 ? '' : 'F7',
        );
        const email = `${local.l}@${domain}`;
        const least = local.generic ? 3 : 6;
        const expected = ids !== 'one' && surnames >= 3 && students >= least;
        expect(isSharedPlaceholder({ email, students, surnames, familyIds })).toBe(expected);
      }),
    );
  });

  it('never makes a placeholder of an address on children of two surnames or fewer', () => {
    checkProperty(
      fc.property(address, fc.integer({ min: 1, max: 2 }), ({ local, students }, surnames) => {
        const email = `${local.l}@school.example`;
        expect(isSharedPlaceholder({ email, students, surnames, familyIds: [] })).toBe(false);
      }),
    );
  });
});

describe('a roster of any generic, made-up or blank addresses', () => {
  it('imports every student: no address rule ever rejects a row', () => {
    const cell = fc.constantFrom(
      '',
      'none',
      'noemail@school.example',
      'office@school.example',
      'parents@school.example',
      'guardian@fostercare.org',
      'nil@yilmaz.example',
      'info@fostercare.org',
    );
    const rowOf = fc.record({
      first: cell,
      second: cell,
      phone: fc.constantFrom('', '555-0101', '555-0102'),
      household: fc.constantFrom('', 'H1'),
      last: fc.constantFrom('Abe', 'Bay', 'Cho', 'Dix'),
    });
    checkProperty(
      fc.property(fc.array(rowOf, { minLength: 1, maxLength: 10 }), (made) => {
        const rows = made.map((m, i) => [
          3000 + i,
          `${m.last}, Kid${i}`,
          'Ms. Rivera',
          m.household,
          '',
          m.first,
          m.second,
          m.phone,
        ]);
        const r = parseRoster([HEADER, ...rows], TEACHERS);
        expect(r.rowsRejected).toBe(0);
        expect(r.students).toHaveLength(made.length);
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
    );
  });
});
