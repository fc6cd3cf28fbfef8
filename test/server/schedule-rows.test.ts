/**
 * A Schedule longer than its sheet (a new sheet has 1,000 rows; a school of 2,000 students has
 * more conferences): the rows are added once, below the last, and every conference is written.
 */
import { openSchool } from '../../preview/school';
import { run } from './calls';

describe('the schedule build on a sheet with too few rows', () => {
  it('adds the rows it needs in one call, asking the sheet’s size once, and writes every conference', () => {
    const s = openSchool({ students: 60, days: ['2026-11-17'] });
    run(s, 'setup');
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    sheet.maxRows = 10;
    const before = s.emulator.ws.reports.length;
    run(s, 'schedule');
    const [header = [], ...rows] = sheet.values();
    const student = header.indexOf('Students');
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!.values().length - 1;
    const named = rows.flatMap((r) =>
      String(r[student])
        .split(',')
        .filter((n) => n.trim()),
    );
    const waitlisted = Math.max(
      0,
      (s.emulator.spreadsheet.sheetByName('Waitlist')?.values().length ?? 1) - 1,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(named.length + waitlisted).toBeGreaterThanOrEqual(roster);
    expect(sheet.maxRows).toBe(rows.length + 1);
    const calls = (m: string) =>
      s.emulator.ws.reports
        .slice(before)
        .reduce((n, r) => n + (r.callsByMethod[`SpreadsheetApp.Sheet.${m}`] ?? 0), 0);
    expect(calls('insertRowsAfter')).toBe(1);
    // The Schedule's size, and the Waitlist's when some student waits.
    expect(calls('getMaxRows')).toBe(1 + (waitlisted ? 1 : 0));
  });
});
