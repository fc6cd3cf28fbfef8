import fc from 'fast-check';
import { checkProperty } from './property';
import { parseRoster } from '../../src/core/roster';
import { parseTeachers, type Teacher } from '../../src/core/teachers';
import { TEACHERS } from '../fixtures/sis-roster';
import {
  normalizeEmail,
  normalizeLanguage,
  parseTime,
  parseYesNo,
  splitFullName,
  type WallClockOf,
} from '../../src/core/normalize';

/** Wall time in UTC: enough for cells made in tests. */
const wall: WallClockOf = (d) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});
const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Name',
  'Guardian 1 Email',
  'Guardian 2 Name',
  'Guardian 2 Email',
  'Phone',
  'Language',
  'Interpreter',
];

describe('reading cells', () => {
  it('normalises emails, languages and yes/no the ways exports write them', () => {
    expect(normalizeEmail('  Ana.Lopez@Family.Example ')).toBe('ana.lopez@family.example');
    expect(normalizeEmail('Ana <ana@x.org>')).toBe('ana@x.org');
    expect(normalizeEmail('mailto:ana@x.org')).toBe('ana@x.org');
    for (const bad of ['ana', 'ana@', '@x.org', 'ana@x', 'a b@x.org', 'ana@@x.org', 'ana@x..org'])
      expect(normalizeEmail(bad)).toBeNull();
    for (const es of ['Spanish', 'Español', 'espanol', 'es', 'ES', 'es-MX', 'spa'])
      expect(normalizeLanguage(es)).toBe('es');
    expect(normalizeLanguage('中文')).toBe('zh');
    expect(normalizeLanguage('العربية')).toBe('ar');
    expect(normalizeLanguage('')).toBe('');
    expect(normalizeLanguage('Klingon')).toBeNull();
    for (const y of ['Yes', 'Y', 'true', 'x', 'Sí', true, 1]) expect(parseYesNo(y)).toBe(true);
    for (const n of ['No', 'n', 'FALSE', false, 0]) expect(parseYesNo(n)).toBe(false);
    // A blank is no answer (a form question skipped), not a no.
    for (const blank of ['', '  ', null]) expect(parseYesNo(blank)).toBeNull();
    expect(parseYesNo('maybe')).toBeNull();
  });

  it('reads times as Sheets times, day fractions and text', () => {
    expect(parseTime(new Date(Date.UTC(1899, 11, 30, 15, 30)), wall)).toBe(930);
    expect(parseTime(0.5, wall)).toBe(720);
    expect(parseTime('15:30', wall)).toBe(930);
    expect(parseTime('3:30 PM', wall)).toBe(930);
    expect(parseTime('3:30pm', wall)).toBe(930);
    expect(parseTime('3 p.m.', wall)).toBe(900);
    expect(parseTime('12:15 AM', wall)).toBe(15);
    expect(parseTime('noon', wall)).toBe(720);
    for (const bad of ['3', '25:00', '13:00 PM', '3:75', 'soon'])
      expect(parseTime(bad, wall)).toBeNull();
  });

  it('splits full names written either way', () => {
    expect(splitFullName('Rivera, Ana María')).toEqual({ first: 'Ana María', last: 'Rivera' });
    expect(splitFullName('Ana María Rivera')).toEqual({ first: 'Ana María', last: 'Rivera' });
    expect(splitFullName('الحسن, ليلى')).toEqual({ first: 'ليلى', last: 'الحسن' });
  });
});

describe('the roster', () => {
  it('reads an export with aliases in any order: full names split, emails trimmed, languages coded', () => {
    const values = [
      ['Home Language', 'Parent Email', 'Student Name', 'Homeroom', 'ID', 'Needs Interpreter'],
      ['Español', ' MARIA.GARCIA@Family.Example ', 'García, Sofía', 'Rivera', 501, 'Y'],
      ['English', 'sam@family.example', 'Smith, Liam', 'Mr. Okafor', '502', 'No'],
    ];
    const r = parseRoster(values, TEACHERS);
    expect(r.problems).toEqual([]);
    expect(r.students).toHaveLength(2);
    expect(r.students[0]).toMatchObject({
      id: '501',
      firstName: 'Sofía',
      lastName: 'García',
      teacher: 'Ms. Rivera',
      teacherEmail: 'rivera@school.example',
      language: 'es',
      interpreter: true,
    });
    expect(r.students[0]!.guardians).toEqual([{ name: '', email: 'maria.garcia@family.example' }]);
    expect(r.students[1]!.language).toBe('');
  });

  it('groups siblings by shared guardian email across grades and teachers, and by Family ID when given', () => {
    const values = [
      HEADER,
      [
        '1',
        'Ana',
        'Lopez',
        '3',
        'Ms. Rivera',
        '',
        'Rosa Lopez',
        'rosa@f.example',
        '',
        '',
        '',
        'es',
        'yes',
      ],
      [
        '2',
        'Luis',
        'Lopez',
        '7',
        'Mr. Okafor',
        '',
        'Rosa Lopez',
        'ROSA@f.example',
        'Juan Lopez',
        'juan@f.example',
        '',
        'es',
        'no',
      ],
      [
        '3',
        'Eva',
        'Lopez',
        '1',
        'Mr. Okafor',
        '',
        'Juan Lopez',
        'juan@f.example',
        '',
        '',
        '',
        'es',
        'no',
      ],
      ['4', 'Tom', 'Ng', '3', 'Ms. Rivera', 'H-9', '', 'ng1@f.example', '', '', '', '', ''],
      ['5', 'Kim', 'Ng', '5', 'Ms. Rivera', 'H-9', '', 'ng2@f.example', '', '', '', '', ''],
    ];
    const r = parseRoster(values, TEACHERS);
    // The Ng rows are one family only by their Family ID: a person is asked to confirm it.
    expect(r.problems.map((p) => p.message)).toEqual([
      'Roster, row 5, column F (Family ID): Family ID "H-9" makes rows 5 and 6 one family, though they list different contacts (ng1@f.example; ng2@f.example). Check that they are one family.',
    ]);
    expect(r.families).toHaveLength(2);
    const lopez = r.families.find((f) => f.name === 'Lopez')!;
    expect(lopez.studentIds).toEqual(['1', '2', '3']);
    expect(lopez.contacts.map((c) => c.email)).toEqual(['rosa@f.example', 'juan@f.example']);
    expect(lopez).toMatchObject({ language: 'es', interpreter: true });
    expect(r.families.find((f) => f.name === 'Ng')).toMatchObject({
      id: 'F-H-9',
      studentIds: ['4', '5'],
    });
    expect(r.siblingFamilies).toBe(2);
  });

  it('reports each bad row with sheet, row, column and what to fix, and imports the rest', () => {
    const values = [
      HEADER,
      ['1', 'Ana', 'Lopez', '3', 'Ms. Rivera', '', '', 'rosa@f.example', '', '', '', '', ''],
      ['1', 'Dup', 'Licate', '3', 'Ms. Rivera', '', '', 'dup@f.example', '', '', '', '', ''],
      ['', 'No', 'Id', '3', 'Ms. Rivera', '', '', 'noid@f.example', '', '', '', '', ''],
      ['4', 'Bad', 'Email', '3', 'Ms. Rivera', '', '', 'not-an-email', '', '', '', '', ''],
      ['5', 'Who', 'Teaches', '3', 'Mrs. Nobody', '', '', 'who@f.example', '', '', '', '', ''],
      [
        '6',
        'Odd',
        'Lang',
        '3',
        'Ms. Rivera',
        '',
        '',
        'odd@f.example',
        '',
        '',
        '',
        'Klingon',
        'perhaps',
      ],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['7', '', '', '3', '', '', '', '', '', '', '', '', ''],
    ];
    const r = parseRoster(values, TEACHERS);
    // Row 5's only address is mistyped: an error, and the student imported all the same.
    expect(r.students.map((s) => s.id)).toEqual(['1', '4', '6']);
    const messages = r.problems.map((p) => p.message);
    expect(messages).toContain(
      "Roster, row 3, column A (Student ID): student ID 1 is already used on row 2, so this row is not imported and the guardians on it are not reached. If it is the same student's other household, add its guardians to row 2's Guardian 2 columns (a cell may hold several addresses, a@x.org; b@x.org) and delete this row; otherwise give this student their own ID.",
    );
    expect(messages).toContain(
      'Roster, row 4, column A (Student ID): the student ID is blank. Every student needs a unique ID from your student-information system.',
    );
    expect(messages).toContain(
      'Roster, row 5, column H (Guardian 1 Email): "not-an-email" is not an email address, and the row gives no other address. The student is imported and scheduled all the same; until this is corrected the family is reached by a printed letter and the phone list (Letters sheet), as a family without email is. Correct the address, then check again: the family is emailed from then on.',
    );
    expect(messages).toContain(
      'Roster, row 6, column E (Teacher): "Mrs. Nobody" is not on the Teachers sheet. Add a window for them there, or correct the name.',
    );
    expect(r.problems.find((p) => p.message.includes('Klingon'))).toMatchObject({
      severity: 'warning',
      where: { sheet: 'Roster', row: 7, column: 12 },
    });
    expect(r.problems.filter((p) => p.where?.row === 9).length).toBeGreaterThanOrEqual(2);
    expect(r.rowsRead).toBe(7);
    expect(r.rowsRejected).toBe(4);
  });

  it('takes a family with a phone and no email (siblings by their shared number), to be reached by letter and phone', () => {
    const values = [
      HEADER,
      [
        '1',
        'Ana',
        'Kaya',
        '3',
        'Ms. Rivera',
        '',
        'Elif Kaya',
        '',
        '',
        '',
        '(555) 010-0142',
        'tr',
        '',
      ],
      [
        '2',
        'Can',
        'Kaya',
        '5',
        'Ms. Rivera',
        '',
        'Elif Kaya',
        '',
        '',
        '',
        '555.010.0142',
        'tr',
        '',
      ],
      ['3', 'Bo', 'Lind', '4', 'Ms. Rivera', '', '', '', '', '', '', '', ''],
    ];
    const r = parseRoster(values, TEACHERS);
    expect(r.students.map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(r.families).toHaveLength(2);
    expect(r.families[0]).toMatchObject({ contacts: [], studentIds: ['1', '2'], language: 'tr' });
    // Reached by letter and phone: how the family is reached, not a problem in the sheet.
    expect(r.problems.filter((p) => p.where?.row === 2 || p.where?.row === 3)).toEqual([]);
    // Neither an email nor a phone: imported (a letter can go home with the student), and the
    // row says what to add.
    expect(r.rowsRejected).toBe(0);
    expect(r.problems.find((p) => p.where?.row === 4)).toMatchObject({ severity: 'warning' });
    expect(r.problems.find((p) => p.where?.row === 4)!.message).toContain(
      "Add a guardian's email, or a phone number (Phone column).",
    );
  });

  it('puts a student without email in the family of a sibling with the same phone number', () => {
    const values = [
      HEADER,
      [
        '1',
        'Ana',
        'Kaya',
        '3',
        'Ms. Rivera',
        '',
        'Elif Kaya',
        'elif@f.example',
        '',
        '',
        '555 010 0142',
        '',
        '',
      ],
      ['2', 'Can', 'Kaya', '5', 'Ms. Rivera', '', '', '', '', '', '(555) 010-0142', '', ''],
    ];
    const r = parseRoster(values, TEACHERS);
    expect(r.families).toHaveLength(1);
    expect(r.families[0]).toMatchObject({
      studentIds: ['1', '2'],
      contacts: [{ email: 'elif@f.example' }],
    });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The same number on two families with email: it joins neither (and never merges them).
    const two = parseRoster(
      [
        ...values,
        [
          '3',
          'Eda',
          'Ulu',
          '4',
          'Ms. Rivera',
          '',
          '',
          'ulu@f.example',
          '',
          '',
          '555-010-0142',
          '',
          '',
        ],
      ],
      TEACHERS,
    );
    expect(two.families.map((f) => f.studentIds).sort()).toEqual([['1'], ['2'], ['3']]);
  });

  it('does not make one family of students without email who share a placeholder phone number', () => {
    const rows = ['Ames', 'Bell', 'Cruz', 'Diaz', 'Egan', 'Ford'].map((last, i) => [
      String(i + 1),
      'Kid',
      last,
      '3',
      'Ms. Rivera',
      '',
      '',
      '',
      '',
      '',
      '555-000-0000',
      '',
      '',
    ]);
    const r = parseRoster([HEADER, ...rows], TEACHERS);
    expect(r.families.map((f) => f.studentIds)).toEqual([['1'], ['2'], ['3'], ['4'], ['5'], ['6']]);
    expect(r.problems.some((p) => p.message.includes('looks like a shared number'))).toBe(true);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps hostile and non-Latin text exactly as written', () => {
    const values = [
      HEADER,
      [
        '1',
        '=HYPERLINK("http://evil")',
        '<script>alert(1)</script>',
        '3',
        'Ms. Rivera',
        '',
        '王芳',
        'w@f.example',
        '',
        '',
        '',
        '中文',
        '',
      ],
    ];
    const r = parseRoster(values, TEACHERS);
    expect(r.students[0]).toMatchObject({
      firstName: '=HYPERLINK("http://evil")',
      lastName: '<script>alert(1)</script>',
      language: 'zh',
    });
    expect(r.students[0]!.guardians[0]!.name).toBe('王芳');
  });

  it('does not merge unrelated families through a placeholder address', () => {
    const rows = ['Ames', 'Bell', 'Cruz', 'Diaz', 'Egan', 'Ford'].map((last, i) => [
      String(i + 1),
      'Kid',
      last,
      '3',
      'Ms. Rivera',
      '',
      '',
      'noemail@school.example',
      '',
      `${last.toLowerCase()}@f.example`,
      '',
      '',
      '',
    ]);
    const r = parseRoster([HEADER, ...rows], TEACHERS);
    expect(r.families).toHaveLength(6);
    expect(
      r.problems.filter((p) => p.message.includes('stands for no address')).map((p) => p.where),
    ).toEqual(rows.map((_, i) => ({ sheet: 'Roster', row: i + 2, column: 8 })));
    expect(
      r.families.every((f) => f.contacts.every((c) => c.email !== 'noemail@school.example')),
    ).toBe(true);
  });

  it('says what to do with a missing required column or an empty sheet', () => {
    expect(parseRoster([], TEACHERS).problems[0]!.message).toContain('Roster is empty');
    const r = parseRoster(
      [
        ['Student ID', 'Student Name', 'Homeroom'],
        ['1', 'A B', 'Ms. Rivera'],
      ],
      TEACHERS,
    );
    expect(r.problems[0]).toMatchObject({
      severity: 'error',
      where: { sheet: 'Roster', row: 1, column: 4 },
    });
    expect(r.problems[0]!.message).toContain('Roster has no "Guardian 1 Email" column');
    expect(r.students).toEqual([]);
  });

  it('never throws, and every non-blank row is imported or reported (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(''),
      fc.constantFrom('Ms. Rivera', 'a@b.example', 'es', 'Yes', '=1+1', '1'),
      fc.date({ noInvalidDate: true }),
    );
    checkProperty(
      fc.property(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 14 }), { maxLength: 30 }),
        fc.boolean(),
        (body, withHeader) => {
          const values = withHeader ? [HEADER, ...body] : body;
          const r = parseRoster(values, TEACHERS);
          const nonBlank = values
            .slice(1)
            .map((row, i) => ({ row, n: i + 2 }))
            .filter(({ row }) =>
              row.some((v) => !(v === '' || (typeof v === 'string' && v.trim() === ''))),
            );
          const imported = new Set(r.students.map((s) => s.row));
          const reported = new Set(
            r.problems.filter((p) => p.severity === 'error').map((p) => p.where?.row),
          );
          const headerBroken = r.problems.some((p) => p.where?.row === 1 && p.severity === 'error');
          for (const { n } of nonBlank)
            expect(imported.has(n) || reported.has(n) || headerBroken).toBe(true);
          // An imported row's only errors are its mistyped only addresses (reached by letter).
          for (const s of r.students)
            for (const p of r.problems.filter(
              (x) => x.severity === 'error' && x.where?.row === s.row,
            )) {
              expect(s.guardians).toEqual([]);
              expect(p.message).toContain('The student is imported and scheduled all the same');
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the teachers sheet', () => {
  const T = ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity', 'Video Link'];
  it('reads windows with times as text or Sheets times, capacity defaulting to 1', () => {
    const r = parseTeachers(
      [
        T,
        ['Ms. Rivera', 'Rivera@School.example', '2026-11-17', '3:00 PM', '19:30', '101', 3, ''],
        [
          'Mr. Okafor',
          'okafor@school.example',
          new Date(Date.UTC(2026, 10, 18)),
          new Date(Date.UTC(1899, 11, 30, 8)),
          new Date(Date.UTC(1899, 11, 30, 12)),
          '',
          '',
          'https://meet.example/x',
        ],
      ],
      wall,
    );
    expect(r.problems).toEqual([]);
    expect(r.windows).toEqual([
      expect.objectContaining({
        teacher: 'Ms. Rivera',
        teacherEmail: 'rivera@school.example',
        date: '2026-11-17',
        start: 900,
        end: 1170,
        capacity: 3,
      }),
      expect.objectContaining({
        teacher: 'Mr. Okafor',
        date: '2026-11-18',
        start: 480,
        end: 720,
        capacity: 1,
        videoLink: 'https://meet.example/x',
      }),
    ]);
    expect(r.teachers).toHaveLength(2);
  });

  it('refuses a window with no time in it, naming its End cell', () => {
    const r = parseTeachers(
      [T, ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '3:00 PM', '15:00', '101', 1, '']],
      wall,
    );
    expect(r.windows).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'Teachers, row 2, column E (End): the window starts and ends at 3:00 PM, so it has no time for a conference. Write the time it ends.',
    ]);
  });

  it('reports reversed, overlapping and unreadable windows with their cells', () => {
    const r = parseTeachers(
      [
        T,
        ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '3:00 PM', '2:00 PM', '101', 1, ''],
        ['Ms. Rivera', 'rivera@school.example', '2026-11-18', '3:00 PM', '5:00 PM', '101', 1, ''],
        ['Ms. Rivera', 'rivera@school.example', '2026-11-18', '4:00 PM', '6:00 PM', '101', 1, ''],
        ['Mr. Okafor', 'okafor@school.example', 'next Tuesday', '3:00 PM', '5:00 PM', '', 9, ''],
      ],
      wall,
      { today: '2026-11-01' },
    );
    const m = r.problems.map((p) => p.message);
    expect(m).toContain(
      'Teachers, row 2, column E (End): the window ends (2:00 PM) before it starts (3:00 PM). Swap Start and End if they were typed the wrong way round.',
    );
    expect(
      m.some((x) =>
        x.startsWith(
          "Teachers, row 4: Ms. Rivera's window 4:00 PM–6:00 PM on 2026-11-18 overlaps row 3",
        ),
      ),
    ).toBe(true);
    expect(m).toContain(
      'Teachers, row 5, column C (Date): cannot read "next Tuesday" as a date; write it as 2026-11-17.',
    );
    expect(m.some((x) => x.startsWith('Teachers, row 5, column G (Capacity)'))).toBe(true);
    expect(r.windows.map((w) => w.row)).toEqual([3]);
  });
});

describe('the roster’s teachers', () => {
  const STAFF: Teacher[] = [
    { name: 'Ms. Ana Rivera', email: 'rivera@school.example' },
    { name: 'Mr. Sam Brown', email: 'sbrown@school.example' },
    { name: 'Ms. Jo Brown', email: 'jbrown@school.example' },
  ];
  const roster = (teacher: string) =>
    parseRoster(
      [
        ['ID', 'Student Name', 'Homeroom', 'Parent Email'],
        ['501', 'García, Sofía', teacher, 'maria@family.example'],
      ],
      STAFF,
    );

  it('finds a teacher written by title and last name, or by email in any case', () => {
    for (const written of ['Ms. Rivera', 'Rivera', 'ana rivera', 'RIVERA@School.Example']) {
      const r = roster(written);
      expect(r.problems).toEqual([]);
      expect(r.students[0]).toMatchObject({
        teacher: 'Ms. Ana Rivera',
        teacherEmail: 'rivera@school.example',
      });
    }
  });

  it('refuses a last name two teachers share, naming the cell', () => {
    const r = roster('Brown');
    expect(r.students).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        where: expect.objectContaining({ sheet: 'Roster', row: 2 }),
        message: expect.stringContaining(
          '"Brown" is not on the Teachers sheet. Add a window for them there, or correct the name.',
        ),
      }),
    ]);
  });

  it('says an empty sheet is empty, at its first cell', () => {
    for (const values of [[], [['', ' '], ['']]])
      expect(parseRoster(values, STAFF).problems).toEqual([
        {
          severity: 'error',
          where: { sheet: 'Roster', row: 1, column: 1 },
          message:
            'Roster is empty: paste your student export there, with its header row in row 1.',
        },
      ]);
  });
});
