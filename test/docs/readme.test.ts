/**
 * The README is what a teacher, a coordinator and a developer read first: where it states a
 * fact the code also states (the steps, the scopes, the columns, the commands, the demo's
 * files), the two must agree. A change to one without the other fails here.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { SCHEDULE_CSV_HEADER } from '../../demo/files';
import { ROSTER, SHEETS, TEACHERS } from '../../src/core/schema';
import { STEPS } from '../../src/shared/api';

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = README.indexOf('\n## ', start + 4);
  return README.slice(start, end < 0 ? undefined : end);
}

describe('the README', () => {
  it('names the sidebar steps in the sidebar’s order', () => {
    const line = /Set up → .+ → Summary/.exec(
      section('The sidebar and its server').replace(/\s*\n\s*/g, ' '),
    )![0];
    expect(line.split(' → ')).toEqual(STEPS.map((s) => s.title));
  });

  it('lists exactly the manifest’s scopes, each with why', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    const rows = [
      ...section('Scopes, and why each is needed').matchAll(/^\| `([^`]+)` \| (.+) \|$/gm),
    ].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.map(([scope]) => `https://www.googleapis.com/auth/${scope}`).sort()).toEqual(
      [...manifest.oauthScopes].sort(),
    );
    for (const [, why] of rows) expect(why.length).toBeGreaterThan(30);
    expect(manifest.oauthScopes.some((s) => /gmail|auth\/drive$/.test(s))).toBe(false);
  });

  it('documents every Roster and Teachers column the add-on reads', () => {
    const data = section('Your data: the sheets and their columns');
    for (const c of ROSTER.columns)
      expect({
        column: c.header,
        documented: data.includes(c.header) || data.includes(c.header.replace(/ \d /, ' 1 ')),
      }).toEqual({ column: c.header, documented: true });
    for (const c of TEACHERS.columns)
      expect({ column: c.header, documented: data.includes(c.header) }).toEqual({
        column: c.header,
        documented: true,
      });
  });

  it('names every column the add-on writes as a date-time as showing the spreadsheet’s zone, not the school’s', () => {
    const oneClock = /\*\*One clock: the school's time zone\.\*\*[^]*?\n\n/
      .exec(README)![0]
      .replace(/\s*\n\s*/g, ' ');
    const named = /show the spreadsheet's zone: ([^.]+)\./.exec(oneClock)?.[1] ?? '';
    const dated = SHEETS.flatMap((sheet) =>
      sheet.columns.filter((c) => c.kind === 'datetime').map((c) => [sheet.name, c.header]),
    );
    expect(dated.length).toBeGreaterThan(0);
    for (const [sheet, column] of dated)
      expect({ sheet, column, named: named.includes(sheet!) && named.includes(column!) }).toEqual({
        sheet,
        column,
        named: true,
      });
  });

  it('gives the demo’s schedule.csv columns and files as the demo writes them', () => {
    const demo = section('The demo CLI').replace(/\s*\n\s*/g, ' ');
    expect(demo).toContain(`\`schedule.csv\` (\`${SCHEDULE_CSV_HEADER.join(', ')}\``);
    const dir = mkdtempSync(join(tmpdir(), 'slc-readme-'));
    const out = join(dir, 'out');
    writeFileSync(
      join(dir, 'roster.csv'),
      'Student ID,First Name,Last Name,Teacher,Guardian 1 Email\n1,Ana,Ruiz,Ms. Rivera,ana@family.example\n2,Ben,Ruiz,Ms. Rivera,ana@family.example\n',
    );
    writeFileSync(
      join(dir, 'teachers.csv'),
      'Teacher,Email,Date,Start,End,Room,Capacity\nMs. Rivera,rivera@school.example,2026-11-17,15:00,16:00,101,1\n',
    );
    runDemo([
      '--out',
      out,
      '--roster',
      join(dir, 'roster.csv'),
      '--teachers',
      join(dir, 'teachers.csv'),
    ]);
    expect(readdirSync(out).length).toBeGreaterThanOrEqual(7);
    for (const file of readdirSync(out))
      expect({ file, named: demo.includes(`\`${file}\``) }).toEqual({ file, named: true });
  });

  it('names only npm scripts and paths that exist', () => {
    const scripts = Object.keys(
      (
        JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts,
    );
    for (const [, name] of README.matchAll(/npm run ([a-z][a-z:-]*[a-z])/g))
      expect({ name, exists: scripts.includes(name!) }).toEqual({ name, exists: true });
    for (const [, path] of README.matchAll(
      /`((?:src|emulator|bench|sample|preview|demo|test|scripts|docs)\/[\w./<>-]+\.(?:ts|mjs|png))`/g,
    )) {
      if (path!.includes('<')) continue;
      expect({ path, exists: existsSync(join(ROOT, path!)) }).toEqual({ path, exists: true });
    }
  });
});
