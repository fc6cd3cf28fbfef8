/**
 * The spreadsheet's name is only the default school name: a step asks Google for it when no school
 * name is saved, and not in every execution once one is.
 */
import { openSchool } from '../../preview/school';
import type { Settings, SettingsView } from '../../src/shared/api';
import { ok, props, run } from './calls';

type School = ReturnType<typeof openSchool>;

/** Calls to Spreadsheet.getName made by the executions since `before`. */
const nameCalls = (s: School, before: number) =>
  s.emulator.ws.reports
    .slice(before)
    .reduce((n, r) => n + (r.callsByMethod['SpreadsheetApp.Spreadsheet.getName'] ?? 0), 0);

const settingsOf = (s: School) => ok<SettingsView>(s.bundle.callFromClient('getSettings', []));

describe('the school name', () => {
  it('is the spreadsheet’s name until one is saved', () => {
    const s = openSchool({ students: 12, days: ['2026-11-17'] });
    const before = s.emulator.ws.reports.length;
    expect(settingsOf(s).settings.schoolName).toBe('Lincoln Elementary — Fall conferences');
    expect(nameCalls(s, before)).toBe(1);
  });

  it('once saved, is read from the settings, and no step asks for the spreadsheet’s name', () => {
    const s = openSchool({ students: 12, days: ['2026-11-17'] });
    const saved = { ...settingsOf(s).settings, schoolName: '  Lincoln School  ' } as Settings;
    ok(s.bundle.callFromClient('saveSettings', [saved]));
    const before = s.emulator.ws.reports.length;
    run(s, 'setup');
    run(s, 'schedule');
    expect(settingsOf(s).settings.schoolName).toBe('Lincoln School');
    expect(s.emulator.ws.reports.length).toBeGreaterThan(before + 2);
    expect(nameCalls(s, before)).toBe(0);
  });

  it('not saved, is asked only by a step that uses it: building the schedule does not ask', () => {
    const s = openSchool({ students: 12, days: ['2026-11-17'] });
    run(s, 'setup');
    const before = s.emulator.ws.reports.length;
    run(s, 'schedule');
    expect(s.emulator.spreadsheet.sheetByName('Schedule')!.values().length).toBeGreaterThan(1);
    expect(nameCalls(s, before)).toBe(0);
    const shown = s.emulator.ws.reports.length;
    expect(settingsOf(s).settings.schoolName).toBe('Lincoln Elementary — Fall conferences');
    expect(nameCalls(s, shown)).toBe(1);
  });

  it('saved blank or too long (by hand, or an older version), falls back to the spreadsheet’s name', () => {
    for (const schoolName of ['   ', 'x'.repeat(101), 'two\nlines']) {
      const s = openSchool({ students: 12, days: ['2026-11-17'] });
      const saved = { ...settingsOf(s).settings, roundName: 'Spring' };
      ok(s.bundle.callFromClient('saveSettings', [saved]));
      const key = 'slc:settings';
      const stored = props(s);
      stored.set(key, JSON.stringify({ ...JSON.parse(stored.get(key)!), schoolName }));
      const read = settingsOf(s).settings;
      expect(read.schoolName).toBe('Lincoln Elementary — Fall conferences');
      expect(read.roundName).toBe('Spring');
    }
  });
});
