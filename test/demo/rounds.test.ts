/**
 * The demo plays a school year: teachers.csv and availability.csv carry a Round column, and the
 * demo plays every round in date order in one spreadsheet. Each round's conferences in
 * schedule.csv lie on that round's days and inside the times the family gave for that round,
 * and every conference has a packet naming its own student only, in spring with the fall goal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { parseCsv } from '../../demo/csv';
import { demoFolder } from './inputs';

const { dir, file, read } = demoFolder('slc-year-');

const FALL = ['2026-11-17', '2026-11-18'];
const SPRING = ['2027-03-16', '2027-03-17'];
// Spring's rows come first in the file: the rounds are played by their dates, not file order.
const windows = [...SPRING.map((d) => [d, 'Spring']), ...FALL.map((d) => [d, 'Fall'])].flatMap(
  ([date, round]) => [
    `Ms. Rivera,rivera@school.example,${date},15:00,17:00,101,1,${round}`,
    `Mr. Chen,chen@school.example,${date},15:00,17:00,202,1,${round}`,
  ],
);
/** Each family's one time per round; the Okafors give fall times only. */
const given: Record<string, Record<string, { date: string; from: string; to: string }>> = {
  Fall: {
    'F-F1': { date: FALL[0]!, from: '15:00', to: '16:00' },
    'F-F2': { date: FALL[1]!, from: '16:00', to: '17:00' },
    'F-F3': { date: FALL[0]!, from: '15:00', to: '17:00' },
  },
  Spring: {
    'F-F1': { date: SPRING[1]!, from: '16:00', to: '17:00' },
    'F-F2': { date: SPRING[0]!, from: '15:00', to: '16:00' },
  },
};
const EMAIL: Record<string, string> = {
  'F-F1': 'maria@f1.example',
  'F-F2': 'jin@f2.example',
  'F-F3': 'ngozi@f3.example',
};

describe('the demo over a school year', () => {
  const out = join(dir, 'out');
  const { report } = runDemo([
    '--roster',
    file('roster.csv', [
      'Student ID,First Name,Last Name,Grade,Teacher,Family ID,Guardian 1 Email',
      'S1,Ana,Lopez,3,Ms. Rivera,F1,maria@f1.example',
      'S2,Ben,Lopez,5,Mr. Chen,F1,maria@f1.example',
      'S3,Cy,Park,3,Ms. Rivera,F2,jin@f2.example',
      'S4,Dee,Okafor,5,Mr. Chen,F3,ngozi@f3.example',
    ]),
    '--teachers',
    file('teachers.csv', ['Teacher,Email,Date,Start,End,Room,Capacity,Round', ...windows]),
    '--availability',
    file('availability.csv', [
      'Guardian Email,Date,Start,End,Rank,Round',
      ...Object.entries(given).flatMap(([round, byFamily]) =>
        Object.entries(byFamily).map(
          ([family, t]) => `${EMAIL[family]},${t.date},${t.from},${t.to},1,${round}`,
        ),
      ),
    ]),
    '--student-prep',
    file('student-prep.csv', [
      'Student ID,Round,Proud Of,Work Sample,Goal,Family Question',
      'S1,Fall,My fraction poster,Poster photo,Learn my times tables to 10,Ask me about sevens',
      'S1,Spring,My book review,Review draft,Read a chapter book each month,Ask me my favourite book',
      'S3,Spring,<b>My bridge</b> & model,Bridge model,Explain my design,',
      // A blank line is a row of the file, and no student's answer.
      '',
      'S9,Spring,Not on the roster,,A goal,',
    ]),
    '--out',
    out,
  ]);
  const schedule = read(out, 'schedule.csv');

  it('submits each student-prep.csv row through the student’s own prep form, in its own round', () => {
    // Three rows name a student on the Roster; each went in through the form, as a student does.
    expect((report.formAnswers as Record<string, number>).studentPrepAnswers).toBe(3);
    const issues = read(out, 'roster-issues.csv').filter((r) => r.Sheet === 'Student Prep');
    expect(issues).toEqual([
      {
        Sheet: 'Student Prep',
        Row: '6',
        Column: 'A',
        Problem: expect.stringContaining('"S9" is not a Student ID on the Roster') as string,
      },
    ]);
  });

  it('plays the rounds in date order and places every student in each', () => {
    expect(report.rounds).toEqual([
      { round: 'Fall', placed: 4, conferences: 4, unscheduled: 0 },
      { round: 'Spring', placed: 4, conferences: 4, unscheduled: 0 },
    ]);
    for (const round of ['Fall', 'Spring'])
      expect(
        schedule
          .filter((c) => c.Round === round)
          .flatMap((c) => c['Student IDs']!.split(';'))
          .sort(),
      ).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('keeps each round on its own days and inside the times each family gave for that round', () => {
    for (const c of schedule) {
      expect({
        id: c['Conference ID'],
        round: c.Round,
        on: (c.Round === 'Fall' ? FALL : SPRING).includes(c.Date!),
      }).toEqual({
        id: c['Conference ID'],
        round: c.Round,
        on: true,
      });
      const t = given[c.Round!]![c['Family ID']!];
      if (!t) continue;
      expect({
        id: c['Conference ID'],
        date: c.Date,
        inside: c.Start! >= t.from && c.End! <= t.to,
      }).toEqual({
        id: c['Conference ID'],
        date: t.date,
        inside: true,
      });
    }
  });

  it('writes one packet per conference, naming its student, teacher and time, and no other child', () => {
    const names: Record<string, string> = {
      S1: 'Ana Lopez',
      S2: 'Ben Lopez',
      S3: 'Cy Park',
      S4: 'Dee Okafor',
    };
    expect(readdirSync(join(out, 'packets')).sort()).toEqual(
      schedule.map((c) => `${c['Conference ID']}.html`).sort(),
    );
    for (const c of schedule) {
      const html = readFileSync(join(out, 'packets', `${c['Conference ID']}.html`), 'utf8');
      const own = c['Student IDs']!.split(';');
      expect(html).toContain(names[own[0]!]!);
      expect(html).toContain(c.Teacher!);
      // The day in words, as a family reads it ("Tuesday, November 17"), not the sheet's ISO date.
      expect(html).toContain(
        new Date(`${c.Date!}T12:00:00Z`).toLocaleDateString('en-US', {
          weekday: 'long',
          month: 'long',
          day: 'numeric',
          timeZone: 'UTC',
        }),
      );
      expect(html).not.toContain(c.Date!);
      for (const [id, name] of Object.entries(names))
        if (!own.includes(id))
          expect({ packet: c['Conference ID'], name, shown: html.includes(name) }).toEqual({
            packet: c['Conference ID'],
            name,
            shown: false,
          });
    }
  });

  it('opens spring packets with the goal set in fall, and fall packets with none', () => {
    const packet = (c: Record<string, string>) =>
      readFileSync(join(out, 'packets', `${c['Conference ID']}.html`), 'utf8');
    const fall = schedule.filter((c) => c.Round === 'Fall').map(packet);
    const spring = schedule.filter((c) => c.Round === 'Spring').map(packet);
    expect(fall.filter((html) => html.includes('Last round’s goal'))).toEqual([]);
    expect(
      spring.filter((html) => html.includes('Last round’s goal (Fall)')).length,
    ).toBeGreaterThan(0);
  });

  it('puts each student’s own preparation on their packet, and last round’s goal in spring', () => {
    const packetOf = (round: string, id: string) =>
      readFileSync(
        join(
          out,
          'packets',
          `${schedule.find((c) => c.Round === round && c['Student IDs']!.split(';').includes(id))!['Conference ID']}.html`,
        ),
        'utf8',
      );
    const ana = packetOf('Spring', 'S1');
    expect(ana).toContain('My book review');
    expect(ana).toContain('Read a chapter book each month');
    expect(ana).toContain('Ask me my favourite book');
    expect(ana).toMatch(
      /Last round’s goal \(Fall\)<\/h2>\s*<p[^>]*>Learn my times tables to 10<\/p>/,
    );
    const cy = packetOf('Spring', 'S3');
    expect(cy).toContain('&lt;b&gt;My bridge&lt;/b&gt; &amp; model');
    expect(cy).not.toContain('My book review');
    expect(packetOf('Fall', 'S3')).not.toContain('My bridge');
  });

  it('writes student-goals.csv with both rounds’ goals and where each came from', () => {
    const goals = read(out, 'student-goals.csv');
    const own = goals.filter((g) => g.Source === 'student prep');
    expect(own.map((g) => [g['Student ID'], g.Round, g.Goal])).toEqual([
      ['S1', 'Fall', 'Learn my times tables to 10'],
      ['S1', 'Spring', 'Read a chapter book each month'],
      ['S3', 'Spring', 'Explain my design'],
    ]);
    const families = goals.filter((g) => g.Source === 'family questionnaire');
    expect(new Set(families.map((g) => g.Round))).toEqual(new Set(['Fall', 'Spring']));
    // The students who prepared reflected after each round; in spring they said whether the fall
    // goal was met, and that is the fall goals' progress.
    const reflected = goals.filter((g) => g.Source === 'student reflection');
    expect(reflected.map((g) => [g['Student ID'], g.Round])).toEqual([
      ['S1', 'Fall'],
      ['S1', 'Spring'],
      ['S3', 'Spring'],
    ]);
    for (const g of goals.filter((x) => x['Student ID'] === 'S1' && x.Round === 'Fall'))
      expect(['Yes', 'Partly', 'Not yet']).toContain(g.Progress);
    for (const g of goals.filter((x) => x.Round === 'Spring')) expect(g.Progress).toBe('');
  });

  it('compares fall and spring in the Summary, with the change between them', () => {
    const [, ...grid] = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    const at = grid.findIndex((r) => r[0] === 'Rounds compared');
    const end = grid.findIndex((r, i) => i > at && r.every((c) => c === ''));
    const [header, ...rows] = grid.slice(at + 1, end).map((r) => r.slice(0, 4));
    expect(header).toEqual(['Measure', 'Fall', 'Spring', 'Change (Spring − Fall)']);
    const row = (measure: string) => rows.find((r) => r[0] === measure)!.slice(1);
    expect(row('Roster families')).toEqual(['3', '3', '0']);
    // From student-prep.csv: S1 in fall; S1 and S3 in spring (S9 is not on the Roster). Each
    // reflected with a goal of their own, so the goals set are the same students.
    expect(row('Students prepared (Student Prep)')).toEqual(['1', '2', '1']);
    expect(row('Students who set their own goal (Student Prep or reflection)')).toEqual([
      '1',
      '2',
      '1',
    ]);
    // Only S1 had a goal from fall to look back on (S3 first prepared in spring).
    expect(row("Students who looked back on last round's goal")).toEqual(['0', '1', '1']);
  });
});
