/**
 * The roster at school scale, on the built bundle: 3,000 students (some rows damaged as exports
 * damage them) read with one getValues per sheet, every row imported or reported with its cell,
 * and the Roster step's counts saying so.
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview, Problem } from '../../src/shared/api';
import { ok } from './calls';

describe('a 3,000-student roster', () => {
  it('is read with one getValues per sheet, and every row is imported or reported with its cell', () => {
    const school = openSchool({ students: 3000, teachers: 12 });
    const roster = school.emulator.spreadsheet.sheetByName('Roster')!;
    // Every hundredth row loses its guardians' emails; every 150th names a teacher who is not on the Teachers sheet.
    for (let row = 2; row <= 3001; row++) {
      if (row % 100 === 0) {
        roster.put(row, 6, { v: '' });
        roster.put(row, 7, { v: '' });
      } else if (row % 150 === 0) roster.put(row, 4, { v: 'Mr. Nobody' });
    }
    for (let i = 0; i < 5; i++)
      if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;

    const problems = ok<Problem[]>(school.bundle.callFromClient('getProblems', ['roster']));
    const calls = school.emulator.ws.reports.at(-1)!.callsByMethod;
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(2);
    const badRows = new Set(
      problems.filter((p) => p.severity === 'error').map((p) => p.where!.row),
    );
    // A row with no email and no phone is imported (reached by a letter home), and warned.
    const unreachable = new Set(
      problems
        .filter((p) => p.severity === 'warning' && p.message.includes('no phone number of its own'))
        .map((p) => p.where!.row),
    );
    for (let row = 100; row <= 3001; row += 100) {
      expect(unreachable.has(row)).toBe(true);
      expect(badRows.has(row)).toBe(false);
    }
    expect(problems.find((p) => p.where?.row === 150)?.message).toContain('Mr. Nobody');
    expect(problems.find((p) => p.where?.row === 100)?.where?.column).toBe(6);

    const overview = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    const step = overview.steps.find((s) => s.id === 'roster')!;
    const count = (label: string) => step.counts.find((c) => c.label === label)?.value;
    expect(count('students')! + count('rows not imported')!).toBe(3000);
    expect(count('rows not imported')).toBe(badRows.size);
    expect(step.status).toBe('attention');
  });
});
