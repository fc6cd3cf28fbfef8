/**
 * The demo CLI on files a school would give it (docs/DESIGN.md section 8): bad rows reported with
 * their cells and the rest scheduled; availability honoured; unreadable input refused.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
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
    // Zoe's only address is mistyped: an error at her cell, and she is scheduled all the same
    // (reached by letter until it is corrected); the unknown teacher's and the duplicate's rows
    // are not.
    expect(ids.sort()).toEqual(['1', '2', '3', '6']);
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
    expect(report).toMatchObject({ students: 4, placed: 4 });
  });

  it('names the row each problem has in the file as a spreadsheet opens it: blank lines, CRLF and a field of two lines included', () => {
    // Each record is one row of the file (the quoted name spans two lines but is one row).
    const records = [
      'Student ID,First Name,Last Name,Grade,Teacher,Guardian 1 Email',
      '1,Ana,Ruiz,3,Ms. Rivera,ana@family.example',
      '',
      '2,"Bo\r\nJunior",Lee,3,Ms. Rivera,bo@family.example',
      '',
      '3,Cy,Moe,3,Ms. Rivera,not-an-email',
      '4,Di,Noe,3,Ms. Nobody,di@family.example',
    ];
    const windows = [
      'Teacher,Email,Date,Start,End,Room,Capacity',
      'Ms. Rivera,rivera@school.example,2026-11-17,15:00,18:30,101,2',
      '',
      'Mr. Okafor,okafor@school.example,2026-11-17,18:00,17:00,103,1',
    ];
    const spaced = file('spaced.csv', `${records.join('\r\n')}\r\n`);
    const spacedTeachers = file('spaced-teachers.csv', `${windows.join('\r\n')}\r\n`);
    const out = join(dir, 'out-spaced');
    runDemo(['--roster', spaced, '--teachers', spacedTeachers, '--out', out]);
    const rowOf = (lines: string[], prefix: string) =>
      String(lines.findIndex((r) => r.startsWith(prefix)) + 1);
    const issues = read(out, 'roster-issues.csv');
    // The cell of a mistyped only address has its error and the warning that the family is
    // reached by letter; each problem names its own row.
    const cells = issues.filter((i) => i.Sheet === 'Roster').map((i) => `${i.Row}${i.Column}`);
    expect([...new Set(cells)].map((c) => [c.slice(0, -1), c.slice(-1)])).toEqual([
      [rowOf(records, '3,'), 'F'],
      [rowOf(records, '4,'), 'E'],
    ]);
    expect(issues.filter((i) => i.Sheet === 'Teachers').map((i) => i.Row)).toEqual([
      rowOf(windows, 'Mr. Okafor'),
    ]);
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

/** The CLI as a person runs it (npm run demo): what it prints, and its exit status. */
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'demo/cli.ts', ...args], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the demo CLI tells the truth', () => {
  const oneStudent = file(
    'one-student.csv',
    'Student ID,First Name,Last Name,Teacher,Guardian 1 Email\n1,Ana,Ruiz,Ms. Rivera,ana@family.example\n',
  );

  it('answers --help with every option it takes, writes nothing and exits 0', () => {
    const { status, stdout } = cli(['--help']);
    expect(status).toBe(0);
    for (const option of [
      '--roster',
      '--teachers',
      '--availability',
      '--student-prep',
      '--settings',
      '--out',
    ])
      expect(stdout).toContain(option);
    expect(stdout).not.toMatch(/^Wrote /m);
  });

  it('names exactly the files it wrote', () => {
    const out = join(dir, 'out-truth');
    const { status, stdout } = cli(['--roster', oneStudent, '--teachers', teachers, '--out', out]);
    expect(status).toBe(0);
    const wrote = /^Wrote [^:]+: (.+)$/m.exec(stdout)![1]!.split(', ');
    expect(wrote.sort()).toEqual(readdirSync(out).sort());
  });

  it('exits 2 when the Teachers file has errors on every row, naming the file; the problems are on the Teachers sheet, and no file of an earlier run is left', () => {
    const out = join(dir, 'out-no-windows');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'summary.csv'), 'from an earlier run\n');
    const badTeachers = file(
      'bad-teachers.csv',
      [
        'Teacher,Email,Date,Start,End,Room,Capacity',
        'Ms. Rivera,rivera@school.example,2026-13-45,15:00,16:00,101,1',
        'Ms. Rivera,not-an-email,2026-11-17,15:00,16:00,101,1',
      ].join('\n'),
    );
    const { status, stdout, stderr } = cli([
      '--roster',
      oneStudent,
      '--teachers',
      badTeachers,
      '--out',
      out,
    ]);
    expect(status).toBe(2);
    expect(stdout).not.toContain('Wrote');
    expect(stderr).toContain(
      `demo: Nothing to schedule: no teacher window could be read from ${badTeachers}; its 2 problems are listed in ${join(out, 'roster-issues.csv')} (Sheet Teachers).`,
    );
    expect(readdirSync(out)).toEqual(['roster-issues.csv']);
    expect(read(out, 'roster-issues.csv').map((i) => [i.Sheet, i.Row, i.Column])).toEqual([
      ['Teachers', '2', 'C'],
      ['Teachers', '3', 'B'],
    ]);
  });

  it('refuses a file separated by semicolons or tabs, naming the file and what to do', () => {
    const semicolons = file(
      'roster-semicolons.csv',
      '\uFEFFStudent ID;First Name;Last Name;Teacher;Guardian 1 Email\r\n1;Ana;Ruiz;Ms. Rivera;ana@family.example\r\n',
    );
    expect(() => runDemo(['--roster', semicolons, '--out', join(dir, 'out-semi')])).toThrow(
      `The roster file ${semicolons} separates its columns with semicolons (;), not commas. Save it as CSV with commas`,
    );
    const tabs = file(
      'teachers-tabs.csv',
      'Teacher\tEmail\tDate\tStart\tEnd\tRoom\tCapacity\nMs. Rivera\trivera@school.example\t2026-11-17\t15:00\t16:00\t101\t1\n',
    );
    expect(() => runDemo(['--teachers', tabs, '--out', join(dir, 'out-tabs')])).toThrow(
      `The teachers file ${tabs} separates its columns with tabs, not commas.`,
    );
    expect(existsSync(join(dir, 'out-semi'))).toBe(false);
    // A folder holding an earlier run's result: refused input leaves none of it to be misread.
    const earlier = join(dir, 'out-earlier');
    mkdirSync(earlier, { recursive: true });
    writeFileSync(join(earlier, 'schedule.csv'), 'from an earlier run\n');
    writeFileSync(join(earlier, 'notes.txt'), 'a file of the school’s own\n');
    expect(() => runDemo(['--roster', semicolons, '--out', earlier])).toThrow(/semicolons/);
    expect(readdirSync(earlier)).toEqual(['notes.txt']);
  });

  it('says how it read a date that reads two ways (11/5/2026), on the Teachers sheet, and schedules on that day', () => {
    const out = join(dir, 'out-dates');
    const slashTeachers = file(
      'teachers-slash.csv',
      [
        'Teacher,Email,Date,Start,End,Room,Capacity',
        'Ms. Rivera,rivera@school.example,11/5/2026,15:00,16:00,101,1',
      ].join('\n'),
    );
    runDemo(['--roster', oneStudent, '--teachers', slashTeachers, '--out', out]);
    expect(read(out, 'roster-issues.csv')).toEqual([
      {
        Sheet: 'Teachers',
        Row: '2',
        Column: 'C',
        Problem:
          'Warning: Teachers, row 2, column C (Date): "11/5/2026" could be 5 November 2026 or ' +
          "11 May 2026; read as 5 November 2026 (month first, as this spreadsheet's locale writes " +
          'dates), and later dates the same way. If you meant 11 May 2026, write 2026-05-11; ' +
          'writing dates as 2026-11-05 leaves no doubt.',
      },
    ]);
    expect(read(out, 'schedule.csv').map((c) => c.Date)).toEqual(['2026-11-05']);
  });
});
