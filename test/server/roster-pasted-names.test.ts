/**
 * Names Sheets made formulas of when the export was pasted, on the built bundle: in the combined
 * Student Name column ("+Lee, Sam") and in a guardian's name ("=Rosa Díaz"), read as they were
 * pasted from the cell's formula, the signs that made them formulas taken off; a real formula that
 * fails is still left blank. The formulas are read only when some Roster cell shows an error.
 */
import { openSchool } from '../../preview/school';
import { ok, run } from './calls';
import type { Problem, StudentLink } from '../../src/shared/api';

function school() {
  const s = openSchool({ students: 12 });
  const sheet = s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Roster')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const column = (name: string) => header.indexOf(name) + 1;
  const idOf = (row: number) => String(sheet.getRange(row, column('Student ID')).getValue());
  return { s, sheet, column, idOf };
}

const problemsOf = (s: ReturnType<typeof openSchool>) =>
  ok<Problem[]>(s.bundle.callFromClient('getProblems', ['roster']));
const formulaReads = (s: ReturnType<typeof openSchool>) =>
  s.emulator.ws.reports.at(-1)!.callsByMethod['SpreadsheetApp.Range.getFormulas'] ?? 0;

describe('a name pasted into the Roster that Sheets made a formula', () => {
  it('in the combined Student Name column is read as pasted, and the student imported and named', () => {
    const { s, sheet, column, idOf } = school();
    const pasted = { last: 'Lee', first: 'Sam' };
    sheet.getRange(2, column('Student Name')).setValue(`+${pasted.last}, ${pasted.first}`);
    sheet.getRange(3, column('Parent Name')).setValue('=Rosa Díaz');
    sheet.getRange(4, column('Student Name')).setValue('=VLOOKUP(A4,Other!A:B,2,FALSE)');
    expect(sheet.getRange(2, column('Student Name')).getValue()).toBe('#NAME?');
    run(s, 'setup');

    const problems = problemsOf(s);
    expect(formulaReads(s)).toBe(1);
    const at = (row: number) => problems.filter((p) => p.where?.row === row);
    expect(at(2)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: column('Student Name') },
        message: expect.stringContaining(
          `The name is read as "${pasted.last}, ${pasted.first}"`,
        ) as string,
      }),
    ]);
    expect(at(3)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('The name is read as "Rosa Díaz"') as string,
      }),
    ]);
    // A formula that computes something is no pasted name: blank, and the student nameless.
    expect(at(4).map((p) => p.severity)).toEqual(['warning', 'error']);
    expect(at(4)[0]!.message).toContain('Until then the name is left blank');

    run(s, 'student-forms');
    const links = ok<StudentLink[]>(s.bundle.callFromClient('getStudentLinks', []));
    const linkOf = (row: number) => links.find((l) => l.studentId === idOf(row));
    expect(linkOf(2)?.name).toBe(`${pasted.first} ${pasted.last}`);
    expect(linkOf(4)).toBeUndefined();
  });

  it('is looked for only when a Roster cell shows an error: otherwise no formulas are read', () => {
    const { s } = school();
    run(s, 'setup');
    problemsOf(s);
    expect(formulaReads(s)).toBe(0);
  });
});
