/**
 * People's text written by the schedule build under both answers to an unsettled question
 * (docs/EMULATOR.md row 6): a plain-text cell keeps a leading apostrophe as written, or drops it
 * as the quote prefix (`plainTextKeepsApostrophe`). Either way the Schedule shows each name as
 * the Roster has it, and a name that looks like a formula stays text.
 */
import { openSchool } from '../../preview/school';
import { run } from './calls';

const NAMES = ["'Ōla Kealoha", '=Rosa Díaz', "''Quoted Twice", '+Lee Park'];

describe.each([
  { cell: 'keeps the apostrophe', keep: true },
  { cell: 'drops it as the quote prefix', keep: false },
])('a plain-text cell $cell', ({ keep }) => {
  test('the Schedule and the teachers’ views show every name exactly as the Roster has it', () => {
    const s = openSchool({ students: 12 });
    const doc = s.emulator.spreadsheet;
    doc.plainTextKeepsApostrophe = keep;
    const roster = doc.sheetByName('Roster')!;
    const header = roster.values()[0]!.map(String);
    const idAt = header.indexOf('Student ID');
    const nameAt = header.indexOf('Student Name');
    // Students in rows 2, 4, 6 and 8 get the names, as a plain-text Roster column holds them.
    const named = NAMES.map((name, i) => {
      const row = 2 + 2 * i;
      roster.patch(row, nameAt + 1, { v: name, nf: '@' });
      return { id: String(roster.values()[row - 1]![idAt]), name };
    });
    run(s, 'setup');
    run(s, 'schedule');
    run(s, 'views');
    const [top = [], ...rows] = doc.sheetByName('Schedule')!.values();
    const ids = top.indexOf('Student IDs');
    const students = top.indexOf('Students');
    for (const { id, name } of named) {
      const row = rows.find((r) =>
        String(r[ids])
          .split(/[;,]\s*/)
          .includes(id),
      );
      expect(row).toBeDefined();
      expect(String(row![students])).toContain(name);
      // The teacher's print view lists the name too.
      const teacher = String(row![top.indexOf('Teacher')]);
      const view = doc.sheets.find((t) => t.name.startsWith(teacher))!;
      expect(
        view
          .values()
          .flat()
          .map(String)
          .some((v) => v.includes(name)),
      ).toBe(true);
    }
  });
});
