/**
 * The Summary on the built bundle counts participation over every family on the Roster: the
 * families the schedule could not place are in the count, as waitlisted.
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview } from '../../src/shared/api';
import { ok } from './calls';

describe('the Summary’s participation', () => {
  it('divides the families who attended by every family on the Roster, the unplaced ones shown as waitlisted', () => {
    // More students than one short evening holds: some families get no conference.
    const s = openSchool({ students: 120, teachers: 3, days: ['2026-11-17'] });
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [header, ...rows] = sheet.values();
    const family = header!.indexOf('Family ID');
    const status = header!.indexOf('Status');
    // Attendance marked for the first three rows.
    for (const r of [2, 3, 4]) sheet.patch(r, status + 1, { v: 'attended' });
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));

    const overview = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const rosterFamilies = overview.steps
      .find((st) => st.id === 'roster')!
      .counts.find((c) => c.label === 'families')!.value;
    const scheduled = new Set(rows.map((r) => String(r[family]))).size;
    const attended = new Set(rows.slice(0, 3).map((r) => String(r[family]))).size;
    expect(scheduled).toBeLessThan(rosterFamilies);

    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const at = grid.findIndex((r) => r[0] === 'Participation');
    expect(grid[at + 2]!.slice(0, 6)).toEqual([
      'Fall',
      rosterFamilies,
      scheduled,
      attended,
      0,
      rosterFamilies - scheduled,
    ]);
    expect(grid[at + 2]![7]).toBe(Math.round((attended / rosterFamilies) * 100));
  });
});
