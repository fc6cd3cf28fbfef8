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

describe.each([
  { cell: 'keeps the apostrophe', keep: true },
  { cell: 'drops it as the quote prefix', keep: false },
])('a plain-text cell $cell, on the Waitlist', ({ keep }) => {
  test('every waitlisted student is named as the Roster has it', () => {
    // More students than one short evening holds: some cannot be placed.
    const s = openSchool({ students: 120, teachers: 3, days: ['2026-11-17'] });
    const doc = s.emulator.spreadsheet;
    doc.plainTextKeepsApostrophe = keep;
    const roster = doc.sheetByName('Roster')!;
    const [header = [], ...body] = roster.values();
    const idAt = header.indexOf('Student ID');
    const nameAt = header.indexOf('Student Name');
    const names = new Map<string, string>();
    body.forEach((r, i) => {
      // "Last, First" as the sample exports it, given here as "'First Last".
      const [last = '', first = ''] = String(r[nameAt]).split(', ');
      const name = `'${first} ${last}`;
      roster.patch(i + 2, nameAt + 1, { v: name, nf: '@' });
      names.set(String(r[idAt]), name);
    });
    run(s, 'setup');
    run(s, 'schedule');
    const [top = [], ...rows] = doc.sheetByName('Waitlist')!.values();
    expect(rows.length).toBeGreaterThan(0);
    const id = top.indexOf('Student ID');
    const student = top.findIndex((h) => /^Student( Name)?$/.test(String(h)));
    for (const r of rows) expect(r[student]).toBe(names.get(String(r[id])));
  });
});
