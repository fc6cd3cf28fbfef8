/**
 * Cells a paste from an export spoils without the person noticing: a name Sheets turned into a
 * formula, and one guardian's address mistyped beside the other's good one. Rows are written in
 * the export's own layout (SIS_HEADER); expected names and addresses are read off those rows.
 */
import fc from 'fast-check';
import type { PastedGrid } from '../../src/core/pasted';
import { parseRoster } from '../../src/core/roster';
import { checkProperty } from './property';
import { SIS_HEADER, TEACHERS } from '../fixtures/sis-roster';

// A Student Number, B Last, C First, D Grade, E Homeroom, F Household ID, G Parent 1 Name,
// H Parent 1 Email, I Guardian 2 Name, J Guardian 2 Email, K Home Phone, L Home Language.
const row = (
  id: number,
  last: string,
  first: string,
  g1: [string, string],
  g2 = ['', ''],
  phone = '',
) => [id, last, first, 4, 'Ms. Rivera', '', g1[0], g1[1], g2[0], g2[1], phone, ''];

describe('a name Sheets turned into a formula', () => {
  const shown = ['#NAME?', '#REF!', '#N/A', '#VALUE!', '#ERROR!'];

  it.each(shown)(
    'a guardian name showing %s is warned about and left blank; the address still counts',
    (text) => {
      const r = parseRoster(
        [SIS_HEADER, row(2001, 'Díaz', 'Ana', [text, 'rosa.diaz@home.example'])],
        TEACHERS,
      );
      expect(r.problems).toEqual([
        {
          severity: 'warning',
          where: { sheet: 'Roster', row: 2, column: 7 },
          message: `Roster, row 2, column G (Parent 1 Name): this cell shows ${text}: Sheets read what was pasted as a formula; retype the name, or paste as plain text. Until then the name is left blank.`,
        },
      ]);
      expect(r.rowsRejected).toBe(0);
      expect(r.students[0]!.guardians).toEqual([{ name: '', email: 'rosa.diaz@home.example' }]);
      expect(r.families[0]!.contacts).toEqual([{ name: '', email: 'rosa.diaz@home.example' }]);
    },
  );

  it('the second guardian and the student are checked the same way; good names are kept as written', () => {
    const r = parseRoster(
      [
        SIS_HEADER,
        row(
          2002,
          'Okoro',
          '#NAME?',
          ['Ngozi Okoro', 'ngozi@home.example'],
          ['#REF!', 'obi@home.example'],
        ),
        row(2003, 'Park', 'Min-jun', ['Lee Park', 'lee.park@home.example']),
      ],
      TEACHERS,
    );
    expect(r.problems.map((p) => [p.severity, p.where])).toEqual([
      ['warning', { sheet: 'Roster', row: 2, column: 3 }],
      ['warning', { sheet: 'Roster', row: 2, column: 9 }],
    ]);
    expect(r.problems.map((p) => p.message.slice(0, p.message.indexOf(': this')))).toEqual([
      'Roster, row 2, column C (Student First Name)',
      'Roster, row 2, column I (Guardian 2 Name)',
    ]);
    const okoro = r.students.find((s) => s.id === '2002')!;
    expect([okoro.firstName, okoro.lastName]).toEqual(['', 'Okoro']);
    expect(okoro.guardians).toEqual([
      { name: 'Ngozi Okoro', email: 'ngozi@home.example' },
      { name: '', email: 'obi@home.example' },
    ]);
    const park = r.students.find((s) => s.id === '2003')!;
    expect([park.firstName, park.guardians[0]!.name]).toEqual(['Min-jun', 'Lee Park']);
  });

  it('a student whose whole name shows an error is rejected as nameless, with the cell named', () => {
    const r = parseRoster(
      [SIS_HEADER, row(2004, '#N/A', '#N/A', ['Sam Ito', 'sam.ito@home.example'])],
      TEACHERS,
    );
    expect(r.rowsRejected).toBe(1);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 3 },
      }),
    );
    const shownAt = r.problems.filter((p) => p.message.includes('this cell shows #N/A'));
    expect(shownAt.map((p) => p.where?.column)).toEqual([2, 3]);
  });

  it('a name Sheets kept as text is a name as written, even one starting with = or holding #N/A', () => {
    const kept = ['=Rosa Díaz', '+Lee Park', 'Rosa #N/A', '#REF! Lee'];
    const r = parseRoster(
      [
        SIS_HEADER,
        ...kept.map((name, i) => row(2010 + i, 'Díaz', 'Ana', [name, `g${i}@home.example`])),
      ],
      TEACHERS,
    );
    expect(r.problems).toEqual([]);
    expect(r.students.map((s) => s.guardians[0]!.name)).toEqual(kept);
  });
});

describe('one guardian’s address mistyped', () => {
  it('keeps the student and the guardian with a good address, and says the other will not be emailed', () => {
    const r = parseRoster(
      [
        SIS_HEADER,
        row(
          3001,
          'Haddad',
          'Omar',
          ['Rami Haddad', 'rami.haddad@home'],
          ['Lina Haddad', 'lina.haddad@home.example'],
        ),
      ],
      TEACHERS,
    );
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 8 },
        message:
          'Roster, row 2, column H (Parent 1 Email): "rami.haddad@home" is not an email address, so this guardian will not be emailed; correct it to reach them.',
      },
    ]);
    expect(r.rowsRejected).toBe(0);
    expect(r.students.map((s) => s.id)).toEqual(['3001']);
    expect(r.families[0]!.contacts).toEqual([
      { name: 'Lina Haddad', email: 'lina.haddad@home.example' },
    ]);
  });

  it('a row with no good address at all: its bad address is an error, in either column, and the student is imported, reached by letter and phone', () => {
    const r = parseRoster(
      [
        SIS_HEADER,
        row(3002, 'Nguyen', 'Bao', ['Thu Nguyen', 'thu.nguyen'], ['', ''], '555-010-2211'),
        row(3003, 'Silva', 'Rui', ['', ''], ['Ana Silva', 'ana.silva'], '555-010-3344'),
      ],
      TEACHERS,
    );
    expect(r.problems.map((p) => [p.severity, p.where?.row, p.where?.column])).toEqual([
      ['error', 2, 8],
      ['error', 3, 10],
    ]);
    expect(r.problems[0]!.message).toBe(
      'Roster, row 2, column H (Parent 1 Email): "thu.nguyen" is not an email address, and the row gives no other address. The student is imported and scheduled all the same; until this is corrected the family is reached by a printed letter and the phone list (Letters sheet), as a family without email is. Correct the address, then check again: the family is emailed from then on.',
    );
    // Each row has a phone: each is a phone-only family until its address is corrected.
    expect(r.students.map((s) => [s.id, s.guardians, s.phone])).toEqual([
      ['3002', [], '555-010-2211'],
      ['3003', [], '555-010-3344'],
    ]);
    expect(r.rowsRejected).toBe(0);
  });
});

describe('a name Sheets turned into a formula, with the formulas at hand', () => {
  // The Roster as the workspace reads it when a cell shows an error: values and formulas.
  const withFormulas = (rows: unknown[][], formulas: string[][]): PastedGrid =>
    Object.assign(rows, { formulas });
  const COMBINED = ['Student ID', 'Student Name', 'Homeroom', 'Parent Email'];

  it('a combined Student Name pasted as +Lee, Sam is read as pasted and split like the separate columns', () => {
    const r = parseRoster(
      withFormulas(
        [COMBINED, [2002, '#ERROR!', 'Ms. Rivera', 'lee@home.example']],
        [[], ['', '=+Lee, Sam', '', '']],
      ),
      TEACHERS,
    );
    expect(r.rowsRejected).toBe(0);
    expect([r.students[0]!.firstName, r.students[0]!.lastName]).toEqual(['Sam', 'Lee']);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 2 },
        message:
          'Roster, row 2, column B (Student Name): this cell shows #ERROR!: Sheets read what was pasted as the formula "=+Lee, Sam". The name is read as "Lee, Sam"; retype it, or paste as plain text, for the sheet to show it.',
      },
    ]);
  });

  it('any name pasted with a formula sign before it is read as the name, in either layout', () => {
    const word = fc.stringMatching(/^[A-Z][a-zà-ÿ'-]{0,8}$/u).filter((w) => /\p{L}$/u.test(w));
    checkProperty(
      fc.property(
        word,
        word,
        fc.constantFrom('=', '=+', '=-', '=@', '= '),
        fc.constantFrom('#NAME?', '#ERROR!'),
        (last, first, sign, shown) => {
          const combined = parseRoster(
            withFormulas(
              [COMBINED, [1, shown, 'Ms. Rivera', 'a@home.example']],
              [[], ['', `${sign}${last}, ${first}`, '', '']],
            ),
            TEACHERS,
          );
          const split = parseRoster(
            withFormulas(
              [SIS_HEADER, row(1, shown, shown, ['', 'a@home.example'])],
              [[], ['', `${sign}${last}`, `${sign}${first}`]],
            ),
            TEACHERS,
          );
          for (const r of [combined, split]) {
            expect(r.rowsRejected).toBe(0);
            expect([r.students[0]!.firstName, r.students[0]!.lastName]).toEqual([first, last]);
          }
        },
      ),
    );
  });

  it('an address pasted as a formula is named as one, never mailed, and not reported as "#NAME?"', () => {
    const r = parseRoster(
      withFormulas(
        [COMBINED, [2006, 'Lee, Sam', 'Ms. Rivera', '#NAME?']],
        [[], ['', '', '', '=cmd@evil.example']],
      ),
      TEACHERS,
    );
    // Imported with no address (reached by letter), never mailed at the formula's text.
    expect(r.students.map((s) => [s.id, s.guardians])).toEqual([['2006', []]]);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        where: { sheet: 'Roster', row: 2, column: 4 },
        message:
          'Roster, row 2, column D (Parent Email): this cell shows #NAME?, not an email address: Sheets read what was pasted as the formula "=cmd@evil.example"; retype the address, or paste as plain text, and the row gives no other address. The student is imported and scheduled all the same; until this is corrected the family is reached by a printed letter and the phone list (Letters sheet), as a family without email is. Correct the address, then check again: the family is emailed from then on.',
      },
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 4 },
        message:
          "Roster, row 2, column D (Parent Email): no email address, and no phone number of its own, is given for Sam Lee's family, so it is imported and can be reached only by a printed letter (Letters sheet). Add a guardian's email, or a phone number (Phone column).",
      },
    ]);
  });

  it('a formula that computes something is no pasted name: left blank with the warning', () => {
    for (const formula of ['=VLOOKUP(A2,Other!A:B,2)', '="Rosa"', '=Other!B2', '=1/0']) {
      const r = parseRoster(
        withFormulas(
          [SIS_HEADER, row(2005, 'Díaz', '#N/A', ['Rosa Díaz', 'rosa@home.example'])],
          [[], ['', '', formula]],
        ),
        TEACHERS,
      );
      expect(r.students[0]!.firstName).toBe('');
      expect(r.problems[0]!.message).toContain('Until then the name is left blank');
    }
  });
});
