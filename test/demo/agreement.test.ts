/**
 * The demo's outbox, on a school with families of one, two and three children in English and
 * Spanish: no message puts a verb for one child after (or before) a list of names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { disagreeing } from '../core/agreement';
import { demoFolder } from './inputs';

jest.setTimeout(240_000);

const { dir, file } = demoFolder('slc-agreement-');

describe('the demo’s outbox, for families of one, two and three children', () => {
  const out = join(dir, 'out');
  let outbox: { to: string; subject: string; text: string }[] = [];
  beforeAll(() => {
    const roster = file('roster.csv', [
      'Student ID,First Name,Last Name,Grade,Teacher,Family ID,Guardian 1 Email,Language,Interpreter',
      '1,Ella,Moore,3,Ms. Rivera,F1,moore@family.example,en,no',
      '2,Elijah,Moore,3,Ms. Rivera,F1,moore@family.example,en,no',
      '3,Mason,Moore,3,Ms. Rivera,F1,moore@family.example,en,no',
      '4,Renata,Díaz,3,Ms. Rivera,F2,diaz@family.example,Spanish,no',
      '5,Sofía,Díaz,3,Ms. Rivera,F2,diaz@family.example,Spanish,no',
      '6,Inés,Díaz,3,Ms. Rivera,F2,diaz@family.example,Spanish,no',
      '7,Ana,Ruiz,3,Ms. Rivera,F3,ruiz@family.example,Spanish,no',
      '8,Luis,Ruiz,3,Ms. Rivera,F3,ruiz@family.example,Spanish,no',
      '9,Zoe,Smith,3,Ms. Rivera,F4,smith@family.example,en,no',
      '10,Tom,Baker,3,Ms. Rivera,F5,baker@family.example,en,no',
      '11,Ben,Baker,3,Ms. Rivera,F5,baker@family.example,en,no',
    ]);
    const teachers = file('teachers.csv', [
      'Teacher,Email,Date,Start,End,Room,Capacity',
      'Ms. Rivera,rivera@school.example,2026-11-17,15:00,19:00,101,2',
      'Ms. Rivera,rivera@school.example,2026-11-18,08:00,12:00,101,2',
    ]);
    runDemo(['--roster', roster, '--teachers', teachers, '--out', out]);
    outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as typeof outbox;
  });

  it('names the three children of a family together, in English and in Spanish', () => {
    const all = outbox.map((m) => `${m.subject}\n${m.text}`).join('\n');
    expect(all).toContain('Ella, Elijah and Mason');
    expect(all).toContain('Renata, Sofía e Inés');
    expect(all).toContain('Ana y Luis');
  });

  it('never puts a verb for one child next to a list of names', () => {
    const bad = outbox.flatMap((m) =>
      (['en', 'es'] as const).flatMap((language) =>
        disagreeing(`${m.subject}\n${m.text}`, language).map((line) => `${m.to}: ${line}`),
      ),
    );
    expect(bad).toEqual([]);
  });
});
