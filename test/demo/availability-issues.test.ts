/**
 * The demo lists the warnings the add-on gives about the families' availability answers in
 * roster-issues.csv, each with its sheet, row and column, and counts them in report.json.
 */
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { AVAILABILITY } from '../../src/core/schema';
import { demoFolder, RIVERA_ROSTER } from './inputs';

const { dir, file, read } = demoFolder('slc-availability-issues-');
const roster = file('roster.csv', RIVERA_ROSTER);
const teachers = file('teachers.csv', [
  'Teacher,Email,Date,Start,End,Room,Capacity',
  'Ms. Rivera,rivera@school.example,2026-11-17,15:00,16:30,101,1',
]);
// Pasted under the Availability sheet's header, one answer per sheet row 2 to 5, each with one
// cell the add-on cannot use.
const availability = file('availability.csv', [
  'Guardian Email,Date,Start,End,Rank,Meet,Family ID,Who Comes,Who Comes Email',
  'ruiz@family.example,2026-11-17,15:25,15:50,1,By pigeon,,,',
  'nobody@elsewhere.example,2026-11-17,15:00,15:50,1,,,,',
  'cole@family.example,2026-13-45,15:00,15:50,1,,,,',
  'diaz@family.example,2026-11-17,15:00,15:50,1,,F-DIAZ,Grandma,grandma-at-home',
]);

/** The column letter of a header on the Availability sheet the add-on sets up. */
const letterOf = (header: string) =>
  String.fromCharCode(65 + AVAILABILITY.columns.findIndex((c) => c.header === header));

describe('the demo CLI, given availability answers with cells it cannot use', () => {
  it('lists each in roster-issues.csv with its sheet, row and column, and counts it', () => {
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
    const issues = read(out, 'roster-issues.csv').filter((i) => i.Sheet === 'Availability');
    const at = (row: string, header: string) =>
      issues.filter((i) => i.Row === row && i.Column === letterOf(header));
    expect(at('2', 'Meet')[0]?.Problem).toMatch(/By pigeon/);
    expect(at('3', 'Email')[0]?.Problem).toMatch(/nobody@elsewhere\.example .*not .*Roster/);
    expect(at('4', 'Date')).toHaveLength(1);
    expect(at('5', 'Who Comes Email')[0]?.Problem).toMatch(/grandma-at-home/);
    expect(issues).toHaveLength(4);
    expect(report.problems).toEqual({ errors: 0, warnings: 4 });
  }, 60_000);
});
