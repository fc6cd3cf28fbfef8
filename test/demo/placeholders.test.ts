/**
 * An export's stand-ins for "no email", through the whole demo round: a word in the email cell
 * ("none", "n/a"), a made-up address on a few students (noemail@school.example) and the school
 * office's address on three unrelated students. None of them is emailed anything; each of those
 * families is imported and reached by letter (with its phone), and a real address on the same
 * roster still gets its messages. Expected addresses and families are read off the rows below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { demoFolder } from './inputs';

jest.setTimeout(240_000);

const { dir, file, read } = demoFolder('slc-noemail-');

// The tester's export layout: Homeroom, SIS ID, Student Name, Household ID, Parent Email, Home Phone.
const HEADER = 'Homeroom,SIS ID,Student Name,Household ID,Parent Name,Parent Email,Home Phone';
const REAL = [
  'Ms. Rivera,1001,"Garcia, Ana",GARCIA,Maria Garcia,maria.garcia@fam.example,555-0101',
  'Ms. Rivera,1009,"Nguyen, Bao",NGUYEN,Lan Nguyen,lan.nguyen@fam.example,',
];
const STAND_INS = [
  'Ms. Rivera,1005,"Adams, Zoe",ADAMS,,office@school.example,555-0105',
  'Ms. Rivera,1006,"Baker, Yuri",BAKER,,office@school.example,555-0106',
  'Ms. Rivera,1007,"Cole, Xena",COLE,,office@school.example,555-0107',
  'Ms. Rivera,1008,"Dunn, Will",DUNN,,none,555-0199',
  'Ms. Rivera,2003,"Bo, Al",BO,,n/a,555-1212',
  'Ms. Rivera,2004,"Do, Cy",DO,,noemail@school.example,555-3434',
  'Ms. Rivera,2005,"Fo, Ed",FO,,noemail@school.example,555-5656',
];
const emailOf = (line: string) => line.split(',').at(-2)!;
// letters.csv shows the Family ID as the Roster gives it.
const householdOf = (line: string) => line.split(',').at(-4)!;

describe('stand-ins for "no email" in a whole round', () => {
  const out = join(dir, 'out');
  let report: Record<string, unknown> = {};
  beforeAll(() => {
    const roster = file('roster.csv', [HEADER, ...REAL, ...STAND_INS]);
    const teachers = file('teachers.csv', [
      'Teacher,Email,Date,Start,End,Room,Capacity',
      'Ms. Rivera,rivera@school.example,2026-11-17,15:00,19:00,101,2',
    ]);
    report = runDemo(['--roster', roster, '--teachers', teachers, '--out', out]).report;
  });

  it('imports every student, the stand-ins’ families among them', () => {
    expect(report.students).toBe(REAL.length + STAND_INS.length);
    const issues = read(out, 'roster-issues.csv');
    expect(issues.filter((i) => !i.Problem!.startsWith('Warning: '))).toEqual([]);
    // Each stand-in's cell is named once, on its own row.
    const rowOf = (line: string) => String([HEADER, ...REAL, ...STAND_INS].indexOf(line) + 1);
    expect(
      issues
        .filter((i) => i.Column === 'F')
        .map((i) => i.Row)
        .sort(),
    ).toEqual(STAND_INS.map(rowOf).sort());
  });

  it('emails no stand-in anything, and still emails the real addresses', () => {
    const outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as { to: string[] }[];
    const to = new Set(outbox.flatMap((m) => m.to));
    for (const line of STAND_INS) expect(to.has(emailOf(line))).toBe(false);
    for (const line of REAL) expect(to.has(emailOf(line))).toBe(true);
  });

  it('reaches each stand-in’s family by letter', () => {
    expect(
      read(out, 'letters.csv')
        .map((l) => l['Family ID'])
        .sort(),
    ).toEqual(STAND_INS.map(householdOf).sort());
  });
});
