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
          "no email address or phone number is given for Ken Ito's family",
        ),
      }),
    );
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a mistyped address is still an error: only words for "none" and made-up addresses read as blank', () => {
    const r = parseRoster(
      [HEADER, [1032, 'Bad, Mail', 'Ms. Rivera', '', '', 'bad.mail.fam.example', '', '555-0111']],
      TEACHERS,
    );
    expect(r.rowsRejected).toBe(1);
    expect(r.problems[0]!.message).toContain('"bad.mail.fam.example" is not an email address.');
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
