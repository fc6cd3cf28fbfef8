/**
 * The demo CLI on files a school would give it (docs/DESIGN.md section 8): bad rows reported with
 * their cells and the rest scheduled; availability honoured; unreadable input refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { parseCsv } from '../../demo/csv';

const dir = mkdtempSync(join(tmpdir(), 'slc-demo-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const read = (out: string, name: string) => {
  const [header, ...rows] = parseCsv(readFileSync(join(out, name), 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

const roster = file(
  'roster.csv',
  [
    'Student ID,First Name,Last Name,Grade,Teacher,Guardian 1 Email,Language,Interpreter',
    '1,Ana,García,3,Ms. Rivera,maria@family.example,es,yes',
    '2,Luis,García,5,Mr. Okafor,MARIA@family.example ,Spanish,yes',
    '3,Zoe,Smith,3,Ms. Rivera,not-an-email,en,no',
    '4,=HYPERLINK("http://x"),Brown,3,Ms. Nobody,brown@family.example,en,no',
    '1,Dup,Licate,3,Ms. Rivera,dup@family.example,en,no',
    '6,Evening,Only,3,Mr. Okafor,evening@family.example,en,no',
  ].join('\n'),
);
const teachers = file(
  'teachers.csv',
  [
    'Teacher,Email,Date,Start,End,Room,Capacity',
    'Ms. Rivera,rivera@school.example,2026-11-17,15:00,18:30,101,2',
    'Mr. Okafor,okafor@school.example,2026-11-17,3:00 PM,6:30 PM,103,1',
  ].join('\n'),
);
const availability = file(
  'availability.csv',
  ['Guardian Email,Date,Start,End,Rank', 'evening@family.example,2026-11-17,17:30,18:30,1'].join(
    '\n',
  ),
);

describe('the demo CLI', () => {
  it('reports bad rows with their cells, schedules the rest, and honours availability', () => {
    const out = join(dir, 'out');
    const { report } = runDemo([
      '--roster',
      roster,
      '--teachers',
      teachers,
      '--availability',
      availability,
      '--out',
      out,
    ]);
    const issues = read(out, 'roster-issues.csv');
    const at = (row: string) =>
      issues
        .filter((i) => i.Sheet === 'Roster' && i.Row === row)
        .map((i) => `${i.Column}: ${i.Problem}`);
    expect(at('4').join()).toMatch(/F: .*email/i);
    expect(at('5').join()).toMatch(/Ms\. Nobody/);
    expect(at('6').join()).toMatch(/A: .*(duplicate|already)/i);

    const schedule = read(out, 'schedule.csv');
    const ids = schedule.flatMap((c) => c['Student IDs']!.split(';'));
    expect(ids.sort()).toEqual(['1', '2', '6']);
    // Siblings with two teachers: the same day, one after the other, with the 5-minute buffer.
    const [a, b] = schedule
      .filter(
        (c) => c['Family ID'] === schedule.find((x) => x['Student IDs'] === '1')!['Family ID'],
      )
      .sort((x, y) => x.Start!.localeCompare(y.Start!));
    expect(a!.Date).toBe(b!.Date);
    expect(a!.Interpreter).toBe('yes');
    const evening = schedule.find((c) => c['Student IDs'] === '6')!;
    expect(evening.Start! >= '17:30' && evening.End! <= '18:30').toBe(true);
    expect(read(out, 'unscheduled.csv')).toEqual([]);
    expect(report).toMatchObject({ students: 3, placed: 3 });
  });

  it('refuses a file that does not exist, and a roster without the columns it needs', () => {
    expect(() => runDemo(['--roster', join(dir, 'missing.csv')])).toThrow(
      /missing\.csv does not exist/,
    );
    const noEmail = file(
      'no-email.csv',
      'Student ID,First Name,Last Name,Teacher\n1,Ana,Ruiz,Ms. Rivera\n',
    );
    expect(() =>
      runDemo(['--roster', noEmail, '--teachers', teachers, '--out', join(dir, 'out2')]),
    ).toThrow(/email/i);
  });
});
