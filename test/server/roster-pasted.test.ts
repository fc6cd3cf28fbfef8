/**
 * A name pasted into the Roster as "=Rosa Díaz", through the Range API as Sheets takes a paste,
 * on the built bundle: the cell becomes a formula that shows #NAME?, and the Roster step names
 * that cell instead of greeting "#NAME?"; a mistyped first address beside a good second one
 * keeps the student.
 */
import { openSchool } from '../../preview/school';
import { ok } from './calls';
import type { JobProgress, Problem } from '../../src/shared/api';

describe('the Roster step', () => {
  it('names a guardian name that became a formula, and keeps a student whose first address is mistyped', () => {
    const school = openSchool({ students: 12 });
    const sheet =
      school.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Roster')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const column = (name: string) => header.indexOf(name) + 1;
    sheet.getRange(2, column('Parent Name')).setValue('=Rosa Díaz');
    expect(sheet.getRange(2, column('Parent Name')).getValue()).toBe('#NAME?');
    sheet.getRange(3, column('Parent Email')).setValue('rami.haddad@home');
    sheet.getRange(3, column('Guardian 2 Email')).setValue('lina.haddad@home.example');
    for (let i = 0; i < 5; i++)
      if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;

    const problems = ok<Problem[]>(school.bundle.callFromClient('getProblems', ['roster']));
    expect(problems.filter((p) => p.where?.row === 2 || p.where?.row === 3)).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: column('Parent Name') },
        message: expect.stringMatching(
          /^Roster, row 2, column .* \(Parent Name\): this cell shows #NAME\?: Sheets read what was pasted as the formula "=Rosa Díaz"\. The name is read as "Rosa Díaz"/,
        ),
      },
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 3, column: column('Parent Email') },
        message: expect.stringContaining(
          '"rami.haddad@home" is not an email address, so this guardian will not be emailed',
        ),
      },
    ]);
  });
});
