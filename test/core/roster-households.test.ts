/**
 * Who counts as one family when a contact is shared: foster children of one caseworker (some of
 * one common surname), an agency's phone on two foster homes, real siblings listing one parent,
 * partial Family IDs, a blended family, placeholder and mistyped only addresses. Rows are in the
 * layout of a real SIS export (SIS_HEADER); the families expected are written by hand from what
 * a person reading the rows sees, never from the code under test.
 */
import { groupFamilies, householdsOf, type Member } from '../../src/core/families';
import { parseRoster } from '../../src/core/roster';
import { rosterStep } from '../../src/core/steps';
import type { PastedGrid } from '../../src/core/pasted';
import { SIS_HEADER, TEACHERS } from '../fixtures/sis-roster';

// A Student Number, B Last, C First, D Grade, E Homeroom, F Household ID, G Parent 1 Name,
// H Parent 1 Email, I Guardian 2 Name, J Guardian 2 Email, K Home Phone, L Home Language.
const row = (
  id: number,
  last: string,
  first: string,
  household: string,
  g1: [string, string],
  g2: [string, string] = ['', ''],
  phone = '',
) => [id, last, first, 4, 'Ms. Rivera', household, g1[0], g1[1], g2[0], g2[1], phone, ''];

const OKAFOR = 'j.okafor@fostercare.example';
const REYES = 'm.reyes@agency.example';
const AGENCY_PHONE = '555-010-9000';

/** A county's roster: foster homes, one caseworker on several, real siblings, odd cells. */
const ROWS = [
  // Foster home 1 (Dana Ortiz) has Tyler Smith and Linh Nguyen; foster home 2 (Mark Bell) has
  // Ava Smith, no relation of Tyler's. Mr. Okafor is the caseworker of all three.
  row(
    2001,
    'Smith',
    'Tyler',
    '',
    ['Dana Ortiz', 'dana.ortiz@home.example'],
    ['Case Worker', OKAFOR],
    '555-010-4411',
  ),
  row(
    2002,
    'Smith',
    'Ava',
    '',
    ['Mark Bell', 'mbell@home.example'],
    ['Case Worker', OKAFOR],
    '555-010-5522',
  ),
  row(
    2003,
    'Nguyen',
    'Linh',
    '',
    ['Dana Ortiz', 'dana.ortiz@home.example'],
    ['Case Worker', OKAFOR],
    '555-010-4411',
  ),
  // Two more foster homes, one caseworker and the agency's number on both rows.
  row(
    2004,
    'Brown',
    'Kai',
    '',
    ['Hal Hill', 'h.hill@home.example'],
    ['Agency', REYES],
    AGENCY_PHONE,
  ),
  row(
    2005,
    'Price',
    'Zoe',
    '',
    ['Pam Cole', 'p.cole@home.example'],
    ['Agency', REYES],
    AGENCY_PHONE,
  ),
  // Real siblings listing one parent only, the same surname and number.
  row(
    2006,
    'Garcia',
    'Luis',
    '',
    ['Maria Garcia', 'maria.garcia@home.example'],
    ['', ''],
    '555-010-1234',
  ),
  row(
    2007,
    'Garcia',
    'Ana',
    '',
    ['Maria Garcia', 'maria.garcia@home.example'],
    ['', ''],
    '555-010-1234',
  ),
  // Real siblings, one row listing both parents, the other only the mother.
  row(
    2008,
    'Lee',
    'Sam',
    '',
    ['Kim Lee', 'kim.lee@home.example'],
    ['Jon Lee', 'jon.lee@home.example'],
  ),
  row(2009, 'Lee', 'Mo', '', ['Kim Lee', 'kim.lee@home.example']),
  // A Family ID on one sibling's row only.
  row(2010, 'Khan', 'Ali', 'H-31', ['Aisha Khan', 'a.khan@home.example']),
  row(2011, 'Khan', 'Sara', '', ['Aisha Khan', 'a.khan@home.example']),
  // Phone-only siblings: "N/A" on one row, a mistyped address on the other.
  row(2012, 'Moss', 'Eve', '', ['Kate Moss', 'N/A'], ['', ''], '555-010-7000'),
  row(2013, 'Moss', 'Jo', '', ['Kate Moss', 'kate@mail'], ['', ''], '555-010-7000'),
  // A blended family: both guardians on both rows, two surnames.
  row(
    2014,
    'Okoro',
    'Ada',
    '',
    ['Ngozi Okoro', 'ngozi@home.example'],
    ['Tom Walsh', 'tom.walsh@home.example'],
  ),
  row(
    2015,
    'Walsh',
    'Finn',
    '',
    ['Tom Walsh', 'tom.walsh@home.example'],
    ['Ngozi Okoro', 'ngozi@home.example'],
  ),
];

const groups = (r: ReturnType<typeof parseRoster>) =>
  r.families.map((f) => [...f.studentIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
const warningsAt = (r: ReturnType<typeof parseRoster>, email: string) =>
  r.problems.filter((p) => p.severity === 'warning' && p.message.includes(`: ${email} is listed`));

describe('a contact shared by several households (caseworker, agency)', () => {
  const r = parseRoster([SIS_HEADER, ...ROWS], TEACHERS);

  it('finds the families a person reading the rows finds', () => {
    // Broken on purpose: with the surname and phone confirming any shared address again
    // (households.has(email) ignored in families.ts), Tyler and Ava Smith are one family, and
    // Kai Brown and Zoe Price are one through the agency's number: this failed.
    expect(groups(r)).toEqual([
      ['2001', '2003'],
      ['2002'],
      ['2004'],
      ['2005'],
      ['2006', '2007'],
      ['2008', '2009'],
      ['2010', '2011'],
      ['2012', '2013'],
      ['2014', '2015'],
    ]);
    expect(r.rowsRejected).toBe(0);
  });

  it('warns at the caseworker’s cell, naming the rows, what differs and how to join them', () => {
    const okafor = warningsAt(r, OKAFOR);
    expect(okafor).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 10 },
        message: `Roster, row 2, column J (Guardian 2 Email): ${OKAFOR} is listed for Tyler Smith (row 2), Ava Smith (row 3) and Linh Nguyen (row 4), and the rows of Tyler Smith (row 2) and Ava Smith (row 3) list other contacts that differ (dana.ortiz@home.example, 555-010-4411; mbell@home.example, 555-010-5522), as a caseworker's or an agency's do: one address on two households joins nothing by itself, even with the same surname, so it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.`,
      },
    ]);
    const reyes = warningsAt(r, REYES);
    expect(reyes).toHaveLength(1);
    expect(reyes[0]!.where).toEqual({ sheet: 'Roster', row: 5, column: 10 });
    // Their one number is the agency's, so it is not among what differs; the surnames differ.
    expect(reyes[0]!.message).toBe(
      `Roster, row 5, column J (Guardian 2 Email): ${REYES} is listed for Kai Brown (row 5) and Zoe Price (row 6), and the rows of Kai Brown (row 5) and Zoe Price (row 6) list other contacts that differ (h.hill@home.example; p.cole@home.example), as a caseworker's or an agency's do: one address on two households joins nothing by itself, so it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.`,
    );
  });

  it('warns at the cell of the student whose ID sorts first, and names a number only when both rows give one', () => {
    // Bo Ruiz (ID 4001) is on row 3, his caseworker in Guardian 2 Email; Ana Diaz (4002) on row
    // 2 has the caseworker in Parent 1 Email and a phone Bo's row lacks. Broken on purpose
    // (Stryker's survivors): the cell found on any row (`c.row === first` made true) warned at
    // column H; a number named when one row gives it (`m.phone && other.phone` made true) added
    // 555-010-1111. Both failed.
    const r = parseRoster(
      [
        SIS_HEADER,
        row(
          4002,
          'Diaz',
          'Ana',
          '',
          ['Case Worker', OKAFOR],
          ['Ana Diaz', 'ana@home.example'],
          '555-010-1111',
        ),
        row(4001, 'Ruiz', 'Bo', '', ['Bo Ruiz', 'bo@home.example'], ['Case Worker', OKAFOR]),
      ],
      TEACHERS,
    );
    const [warning, ...more] = warningsAt(r, OKAFOR);
    expect(more).toEqual([]);
    expect(warning!.where).toEqual({ sheet: 'Roster', row: 3, column: 10 });
    expect(warning!.message).toContain(
      'is listed for Bo Ruiz (row 3) and Ana Diaz (row 2), and the rows of Bo Ruiz (row 3) and Ana Diaz (row 2) list other contacts that differ (bo@home.example; ana@home.example), as',
    );
  });

  it('does not call two blank surnames the same surname', () => {
    // Broken on purpose (Stryker's survivor `a.surname !== ''` made true): "even with the same
    // surname" was said of two students whose export gives no surname, and this failed.
    const r = parseRoster(
      [
        SIS_HEADER,
        row(4003, '', 'Kai', '', ['Kim Park', 'kim@home.example'], ['Case Worker', OKAFOR]),
        row(4004, '', 'Lu', '', ['Lee Chan', 'lee@home.example'], ['Case Worker', OKAFOR]),
      ],
      TEACHERS,
    );
    expect(groups(r)).toEqual([['4003'], ['4004']]);
    const [warning] = warningsAt(r, OKAFOR);
    expect(warning!.message).toContain(
      "is listed for Kai (row 2) and Lu (row 3), and the rows of Kai (row 2) and Lu (row 3) list other contacts that differ (kim@home.example; lee@home.example), as a caseworker's or an agency's do: one address on two households joins nothing by itself, so it",
    );
  });

  it('keeps the caseworker on each child’s own family, so the scheduler never books them twice at once', () => {
    const contactsOf = (id: string) =>
      r.families.find((f) => f.studentIds.includes(id))!.contacts.map((c) => c.email);
    expect(contactsOf('2001')).toEqual(['dana.ortiz@home.example', OKAFOR]);
    expect(contactsOf('2002')).toEqual(['mbell@home.example', OKAFOR]);
  });

  it('has nothing to confirm for the real siblings, the Family ID on one row, and the blended family', () => {
    const quiet = [7, 8, 9, 10, 11, 12, 15, 16];
    expect(r.problems.filter((p) => quiet.includes(p.where!.row))).toEqual([]);
  });

  it('joins the foster Smiths once both rows give one Family ID, and not when one row gives it', () => {
    const both = parseRoster(
      [
        SIS_HEADER,
        row(
          2001,
          'Smith',
          'Tyler',
          'FH-7',
          ['Dana Ortiz', 'dana.ortiz@home.example'],
          ['Case Worker', OKAFOR],
        ),
        row(
          2002,
          'Smith',
          'Ava',
          'FH-7',
          ['Mark Bell', 'mbell@home.example'],
          ['Case Worker', OKAFOR],
        ),
      ],
      TEACHERS,
    );
    expect(groups(both)).toEqual([['2001', '2002']]);
    expect(both.families[0]!.id).toBe('F-FH-7');
    const one = parseRoster(
      [
        SIS_HEADER,
        row(
          2001,
          'Smith',
          'Tyler',
          'FH-7',
          ['Dana Ortiz', 'dana.ortiz@home.example'],
          ['Case Worker', OKAFOR],
        ),
        row(2002, 'Smith', 'Ava', '', ['Mark Bell', 'mbell@home.example'], ['Case Worker', OKAFOR]),
      ],
      TEACHERS,
    );
    expect(groups(one)).toEqual([['2001'], ['2002']]);
    expect(warningsAt(one, OKAFOR)).toHaveLength(1);
  });

  it('a caseworker who is the only contact of more children than a family has joins none, even of one surname', () => {
    // Five foster children of two surnames, the caseworker their rows' only address: the two
    // Smiths, nor the three Joneses, are taken for siblings. Broken on purpose: with MANY_ROWS
    // at 6, and with two surnames not enough (`surnames > 2`, Stryker's survivor), the Smiths
    // are joined and this failed.
    const kids: [number, string, string][] = [
      [3001, 'Smith', 'Tyler'],
      [3002, 'Smith', 'Ava'],
      [3003, 'Jones', 'Eli'],
      [3004, 'Jones', 'Bao'],
      [3005, 'Jones', 'Mae'],
    ];
    const many = parseRoster(
      [
        SIS_HEADER,
        ...kids.map(([id, last, first]) => row(id, last, first, '', ['Case Worker', OKAFOR])),
      ],
      TEACHERS,
    );
    expect(groups(many)).toEqual([['3001'], ['3002'], ['3003'], ['3004'], ['3005']]);
    expect(warningsAt(many, OKAFOR).map((p) => p.message)).toEqual([
      `Roster, row 2, column H (Parent 1 Email): ${OKAFOR} is listed for 5 students of 2 surnames (rows 2, 3, 4, 5 and 6), more than one family has, as a caseworker's or an agency's address is: it joins nothing by itself, even rows of one surname, so it is treated as a contact they share, not one family (never booked in two places at once; each message names only the children on that person's rows). If they are one family, give their rows the same Family ID.`,
    ]);
    // Four such rows could be one family's (a mother of four whose row lists no one else): the
    // surname still joins them, as it always did.
    const four = parseRoster(
      [
        SIS_HEADER,
        ...kids
          .slice(0, 4)
          .map(([id, last, first]) => row(id, last, first, '', ['Case Worker', OKAFOR])),
      ],
      TEACHERS,
    );
    expect(groups(four)).toEqual([
      ['3001', '3002'],
      ['3003', '3004'],
    ]);
    // Five of one surname listing only that address cannot be told from a family of five:
    // joined (Stryker's survivor `surnames >= 2` made true split them; applied by hand, failed).
    const five = parseRoster(
      [
        SIS_HEADER,
        ...kids.map(([id, , first]) => row(id, 'Jones', first, '', ['Case Worker', OKAFOR])),
      ],
      TEACHERS,
    );
    expect(groups(five)).toEqual([['3001', '3002', '3003', '3004', '3005']]);
  });
});

describe('householdsOf', () => {
  const m = (id: string, surname: string, emails: string[], phone = ''): Member => ({
    id,
    row: Number(id),
    surname,
    familyId: '',
    emails,
    phone,
  });

  it('a row listing fewer of the same contacts differs in nothing; different numbers do', () => {
    // Broken on purpose: with the phone numbers' clause made false, the last case failed.
    expect(householdsOf([m('2', 'lee', ['k', 'j']), m('3', 'lee', ['k'])])).toBeNull();
    // A number on one row only, either row (Stryker's survivors: `a.phone !== ''` made true).
    expect(householdsOf([m('2', 'lee', ['k'], '1111'), m('3', 'lee', ['k'])])).toBeNull();
    expect(householdsOf([m('2', 'lee', ['k']), m('3', 'lee', ['k'], '1111')])).toBeNull();
    expect(
      householdsOf([m('2', 'lee', ['k'], '1111'), m('3', 'lee', ['k'], '2222')]),
    ).toMatchObject({
      kind: 'different-contacts',
    });
  });

  it('a blended family with both guardians on both rows stays one (groupFamilies)', () => {
    const g = groupFamilies([m('1', 'okoro', ['n', 't']), m('2', 'walsh', ['t', 'n'])]);
    expect(g.find('s:1')).toBe(g.find('s:2'));
  });
});

describe('a mistyped only address', () => {
  it('imports the student, by letter and phone as with "N/A", and reports the cell as an error', () => {
    // Broken on purpose: with the row rejected again on that error (importedErrors not
    // subtracted in roster.ts), Jo Moss and Ivan Petrov were left out and this failed.
    const values: PastedGrid = Object.assign(
      [
        SIS_HEADER,
        row(2012, 'Moss', 'Eve', '', ['Kate Moss', 'N/A'], ['', ''], '555-010-7000'),
        row(2013, 'Moss', 'Jo', '', ['Kate Moss', 'kate@mail'], ['', ''], '555-010-7000'),
        row(2016, 'Petrov', 'Ivan', '', ['Olga Petrov', '#NAME?'], ['', ''], '555-010-3131'),
      ],
      { formulas: [[], [], [], ['', '', '', '', '', '', '', '=ivan@home.example']] },
    );
    const r = parseRoster(values, TEACHERS);
    expect(r.rowsRejected).toBe(0);
    expect(r.students.map((s) => [s.id, s.guardians])).toEqual([
      ['2012', []],
      ['2013', []],
      ['2016', []],
    ]);
    expect(r.families.map((f) => [f.studentIds, f.contacts, f.phone])).toEqual([
      [['2012', '2013'], [], '555-010-7000'],
      [['2016'], [], '555-010-3131'],
    ]);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.where)).toEqual([
      { sheet: 'Roster', row: 3, column: 8 },
      { sheet: 'Roster', row: 4, column: 8 },
    ]);
    expect(errors[0]!.message).toBe(
      'Roster, row 3, column H (Parent 1 Email): "kate@mail" is not an email address, and the row gives no other address. The student is imported and scheduled all the same; until this is corrected the family is reached by a printed letter and the phone list (Letters sheet), as a family without email is. Correct the address, then check again: the family is emailed from then on.',
    );
    expect(errors[1]!.message).toContain('the formula "=ivan@home.example"');
    // The Roster step says the students are ready and what to correct, not "cannot be imported".
    const step = rosterStep(r);
    expect(step.headline).toBe('3 students ready; 2 addresses to correct (by letter until then).');
    expect(step.next).toBe(
      'Fix the rows listed (click one to go to its cell), then check again. Nothing in your sheet is changed. A student whose only address is mistyped is imported all the same: the family is reached by a printed letter and the phone list until the address is corrected, then by email.',
    );
    // One such address and one row that cannot be imported (no teacher): both said. Broken on
    // purpose (Stryker's survivor: the singular "address" emptied): this failed.
    const mixed = parseRoster(
      [
        SIS_HEADER,
        row(2013, 'Moss', 'Jo', '', ['Kate Moss', 'kate@mail'], ['', ''], '555-010-7000'),
        [2017, 'Lind', 'Per', 4, 'Mrs. Nobody', '', 'Eva Lind', 'eva@home.example', '', '', '', ''],
      ],
      TEACHERS,
    );
    expect(rosterStep(mixed).headline).toBe(
      '1 student ready; 1 row cannot be imported yet; 1 address to correct (by letter until then).',
    );
  });
});
