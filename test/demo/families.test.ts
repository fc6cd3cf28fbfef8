/**
 * The demo CLI's families: they answer both forms through their own links (Spanish-speaking
 * families the Spanish forms), the Summary lands in summary.csv and the forms in forms.json.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../demo/csv';
import { runDemo } from '../../demo/cli';

jest.setTimeout(240_000);

describe('the demo CLI', () => {
  let out = '';
  let report: Record<string, unknown> = {};
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    report = runDemo(['--out', out]).report;
  });

  it('writes summary.csv with the answers, follow-up requests and participation of the simulated families', () => {
    const answers = report.formAnswers as Record<string, number>;
    expect(answers.availabilityAnswers).toBeGreaterThan(0);
    expect(answers.questionnaireAnswers).toBeGreaterThan(0);
    // With no --student-prep, some students prepare through their own links, and their goals
    // are the students' own in student-goals.csv.
    expect(answers.studentPrepAnswers).toBeGreaterThan(0);
    const goals = parseCsv(readFileSync(join(out, 'student-goals.csv'), 'utf8'));
    expect(goals.filter((g) => g[4] === 'student prep')).toHaveLength(answers.studentPrepAnswers!);
    const grid = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    const at = (title: string) => grid.findIndex((r) => r[0] === title);
    expect(Number(grid[at('Questionnaire') + 2]![0])).toBe(answers.questionnaireAnswers);
    expect(grid[at('Follow-up requests') + 2]![2]).toMatch(
      /^(A weekday after 4 pm|Un día entre semana después de las 4)$/,
    );
    expect(Number(grid[at('Participation') + 2]![2])).toBeGreaterThan(0);
  });

  it('has the students whose conference took place reflect on it, and no student whose family did not come', () => {
    const [head, ...schedule] = parseCsv(readFileSync(join(out, 'schedule.csv'), 'utf8'));
    const col = (h: string) => head!.indexOf(h);
    const statusOf = new Map<string, string>();
    for (const r of schedule)
      for (const id of r[col('Student IDs')]!.split(';'))
        statusOf.set(`${id.trim()} ${r[col('Round')]}`, r[col('Status')]!);
    const [, ...goals] = parseCsv(readFileSync(join(out, 'student-goals.csv'), 'utf8'));
    // Columns: Student ID, Round, Goal, Progress, Source.
    const of = (source: string) =>
      goals.filter((g) => g[4] === source).map((g) => statusOf.get(`${g[0]} ${g[1]}`));
    // Some students who prepared were not seen (the family did not come): they must not reflect.
    expect(of('student prep')).toContain('no-show');
    const reflected = of('student reflection');
    expect(reflected.length).toBeGreaterThan(0);
    expect(reflected.filter((status) => status !== 'attended')).toEqual([]);
  });

  it("writes summary.csv's follow-ups by kind and status from the same requests as follow-ups.csv", () => {
    const [, ...requests] = parseCsv(readFileSync(join(out, 'follow-ups.csv'), 'utf8'));
    expect(requests.length).toBeGreaterThan(0);
    const listed = new Map<string, number>();
    for (const r of requests) {
      // Columns: Student ID, Family ID, Owner, Kind, Asked, Status (a blank Status is new).
      const key = `${r[3]!.toLowerCase()} ${r[5]!.toLowerCase() || 'new'}`;
      listed.set(key, (listed.get(key) ?? 0) + 1);
    }
    const grid = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    const at = grid.findIndex((r) => r[0] === 'Follow-ups by kind and status');
    expect(at).toBeGreaterThan(-1);
    const statuses = grid[at + 1]!.slice(1, grid[at + 1]!.indexOf('All'));
    const counted = new Map<string, number>();
    for (const row of grid.slice(at + 2)) {
      if (row[0] === 'All') {
        expect(Number(row[statuses.length + 1])).toBe(requests.length);
        break;
      }
      statuses.forEach((status, i) => {
        if (Number(row[i + 1])) counted.set(`${row[0]} ${status}`, Number(row[i + 1]));
      });
    }
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(listed));
  });

  it('writes forms.json, and every Spanish-speaking family’s availability link opens a Spanish form', () => {
    const forms = JSON.parse(readFileSync(join(out, 'forms.json'), 'utf8')) as {
      id: string;
      kind: string;
      language: string;
      url: string;
      items: string[];
    }[];
    expect(forms.map((f) => `${f.kind} ${f.language}`).sort()).toEqual([
      'availability en',
      'availability es',
      'questionnaire (Fall) en',
      'questionnaire (Fall) es',
    ]);
    const es = forms.find((f) => f.kind === 'availability' && f.language === 'es')!;
    expect(es.items).toContain('¿Qué horarios les convienen?');
    const outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as {
      subject: string;
      text: string;
    }[];
    // The Spanish availability request (its subject written out here) carries the Spanish form.
    const asked = outbox.filter((m) => m.subject.startsWith('¿Cuándo pueden venir'));
    expect(asked.length).toBeGreaterThan(0);
    for (const m of asked) expect(m.text).toContain(`${es.url}?`);
    const english = outbox.filter((m) => m.subject.startsWith('When can you come'));
    for (const m of english) expect(m.text).not.toContain(es.url);
  });
});
