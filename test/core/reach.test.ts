/**
 * Who the Roster says can be reached, and how: the office's shared number is no family's phone,
 * a made-up Student Email is no student's account, and a family whose rows give two languages
 * is told about. Rows are written in an export's own layout (SIS_HEADER, a Student E-mail column
 * added); every expected value is read off these rows by hand.
 */
import { parseRoster } from '../../src/core/roster';
import { familyPhones } from '../../src/core/reminders';
import { rosterFamilies } from '../../src/core/participation';
import { SIS_HEADER, TEACHERS } from '../fixtures/sis-roster';

// A Student Number, B Last, C First, D Grade, E Homeroom, F Household ID, G Parent 1 Name,
// H Parent 1 Email, I Guardian 2 Name, J Guardian 2 Email, K Home Phone, L Home Language,
// M Student E-mail.
const HEADER = [...SIS_HEADER, 'Student E-mail'];
interface Kid {
  id: number;
  last: string;
  household?: string;
  email?: string;
  phone?: string;
  language?: string;
  own?: string;
}
const row = (k: Kid) => [
  k.id,
  k.last,
  'Sam',
  4,
  'Ms. Rivera',
  k.household ?? '',
  `Parent ${k.last}`,
  k.email ?? '',
  '',
  '',
  k.phone ?? '',
  k.language ?? '',
  k.own ?? '',
];
const parse = (kids: Kid[]) => parseRoster([HEADER, ...kids.map(row)], TEACHERS);
const familyOf = (r: ReturnType<typeof parse>, studentId: string) =>
  r.families.find((f) => f.studentIds.includes(studentId))!;

describe('a family whose only phone is the office’s shared number', () => {
  const OFFICE = '555-010-0100';
  // Six students of six surnames give the office's number and no email (rows 2-7); the Kims
  // give a number of their own (row 8); the Lees give an email (row 9).
  const r = parse([
    ...['Adams', 'Baker', 'Cruz', 'Duong', 'Evans', 'Fofana'].map((last, i) => ({
      id: 3001 + i,
      last,
      phone: OFFICE,
    })),
    { id: 3007, last: 'Kim', phone: '(555) 010-4321' },
    { id: 3008, last: 'Lee', email: 'lee@home.example' },
  ]);

  it('is on no phone list: the letters and the phone list carry only a family’s own number', () => {
    const kim = familyOf(r, '3007').id;
    expect([...familyPhones(r)]).toEqual([[kim, '(555) 010-4321']]);
  });

  it('counts as unreachable on the Summary; a family with its own phone or an email does not', () => {
    const reachable = new Map(rosterFamilies(r).map((f) => [f.familyId, f.reachable]));
    for (const id of ['3001', '3002', '3003', '3004', '3005', '3006'])
      expect(reachable.get(familyOf(r, id).id)).toBe(false);
    expect(reachable.get(familyOf(r, '3007').id)).toBe(true);
    expect(reachable.get(familyOf(r, '3008').id)).toBe(true);
  });

  it('is told, at its row, that only a printed letter reaches it', () => {
    const letterOnly = r.problems.filter((p) => p.message.includes('only by a printed letter'));
    expect(letterOnly.map((p) => p.where?.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe('a made-up Student Email', () => {
  const r = parse([
    { id: 4001, last: 'Ortiz', email: 'ortiz@home.example', own: 'noemail@school.org' },
    { id: 4002, last: 'Patel', email: 'patel@home.example', own: 'No-Reply@school.org' },
    { id: 4003, last: 'Quinn', email: 'quinn@home.example', own: 'sam.quinn@students.example' },
  ]);

  it('is read as a blank, so no prep link or nudge goes there; a real account is kept', () => {
    expect(r.students.map((s) => s.email)).toEqual(['', '', 'sam.quinn@students.example']);
  });

  it('is warned about, naming its cell', () => {
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 13 },
        message:
          'Roster, row 2, column M (Student E-mail): "noemail@school.org" stands for no address, so it is read as a blank: this student gets no prep link by email (their teacher\'s class list has it). Type the student\'s own school account here to email them.',
      },
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 3, column: 13 },
        message:
          'Roster, row 3, column M (Student E-mail): "no-reply@school.org" stands for no address, so it is read as a blank: this student gets no prep link by email (their teacher\'s class list has it). Type the student\'s own school account here to email them.',
      },
    ]);
  });
});

describe('a Student Email cell that says there is none', () => {
  const r = parse([
    { id: 4101, last: 'Reyes', email: 'reyes@home.example', own: 'N/A' },
    { id: 4102, last: 'Stone', email: 'stone@home.example', own: 'none' },
    { id: 4103, last: 'Tran', email: 'tran@home.example', own: '-' },
    { id: 4104, last: 'Ueda', email: 'ueda@home.example', own: 'ueda.student, ask office' },
  ]);

  it('is read as a blank, and told as "no address", not as a mistyped one', () => {
    expect(r.students.map((s) => s.email)).toEqual(['', '', '', '']);
    expect(
      r.problems.map((p) => [p.where?.row, p.message.split(': ').slice(1).join(': ')]),
    ).toEqual([
      [
        2,
        `"N/A" stands for no address, so it is read as a blank: this student gets no prep link by email (their teacher's class list has it). Type the student's own school account here to email them.`,
      ],
      [
        3,
        `"none" stands for no address, so it is read as a blank: this student gets no prep link by email (their teacher's class list has it). Type the student's own school account here to email them.`,
      ],
      [
        4,
        `"-" stands for no address, so it is read as a blank: this student gets no prep link by email (their teacher's class list has it). Type the student's own school account here to email them.`,
      ],
      [
        5,
        `"ueda.student, ask office" is not one email address, so this student gets no prep link by email (their teacher's class list has it).`,
      ],
    ]);
  });
});

describe('a family whose rows give different languages', () => {
  const languageWarnings = (kids: Kid[]) =>
    parse(kids).problems.filter((p) => p.message.includes('different languages'));

  it('Korean on one row and English on the other: warned at the second, naming both cells', () => {
    const kids = [
      {
        id: 5001,
        last: 'Yoon',
        household: 'H-YOON',
        email: 'yoon@home.example',
        language: 'Korean',
      },
      {
        id: 5002,
        last: 'Yoon',
        household: 'H-YOON',
        email: 'yoon@home.example',
        language: 'English',
      },
    ];
    expect(languageWarnings(kids)).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 3, column: 12 },
        message:
          "Roster, row 3, column L (Home Language): siblings in the Yoon family have different languages (ko at Roster, row 2, column L; en here); all the family's messages use ko. Give its rows the one language its guardians read.",
      },
    ]);
    expect(familyOf(parse(kids), '5001').language).toBe('ko');
  });

  it('English first and Korean second is the same disagreement', () => {
    const kids = [
      { id: 5001, last: 'Yoon', household: 'H-YOON', email: 'yoon@home.example', language: 'en' },
      { id: 5002, last: 'Yoon', household: 'H-YOON', email: 'yoon@home.example', language: 'ko' },
    ];
    expect(languageWarnings(kids).map((p) => p.where)).toEqual([
      { sheet: 'Roster', row: 3, column: 12 },
    ]);
  });

  it('one language, or one row blank, is no disagreement', () => {
    const yoon = (language: string, other: string) => [
      { id: 5001, last: 'Yoon', household: 'H-YOON', email: 'yoon@home.example', language },
      { id: 5002, last: 'Yoon', household: 'H-YOON', email: 'yoon@home.example', language: other },
    ];
    expect(languageWarnings(yoon('Korean', 'ko'))).toEqual([]);
    expect(languageWarnings(yoon('English', ''))).toEqual([]);
    expect(languageWarnings(yoon('', 'Korean'))).toEqual([]);
  });
});
