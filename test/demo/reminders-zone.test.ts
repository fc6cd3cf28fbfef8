/**
 * The demo's evening before each conference day is 5 PM on the school's clock (Settings' time
 * zone), whatever the spreadsheet's zone: with Settings in London and the spreadsheet in New
 * York, Ms. Rivera's day-before email goes out at 17:00 London on 16 November (17:00Z, GMT).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remindThroughTheRound } from '../../demo/reminders';
import type { SettingsView } from '../../src/shared/api';
import { ok, pastedSchool, ROSTER_HEADER, run } from '../server/calls';

it("sends the teachers' day-before email at 5 PM in Settings' zone, not the spreadsheet's", () => {
  const teacher = 'rivera@lincoln.school.example';
  const s = pastedSchool(
    [
      ROSTER_HEADER,
      ['S1', 'Ana', 'Lopez', '3', 'Ms. Rivera', 'F1', 'Maria Lopez', 'maria@family.example'],
    ],
    [
      ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
      ['Ms. Rivera', teacher, '2026-11-17', '15:00', '15:25', '12', '1'],
    ],
    { spreadsheetZone: 'America/New_York' },
  );
  const view = ok<SettingsView>(s.bundle.callFromClient('getSettings', []));
  ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, timeZone: 'Europe/London' }]));
  run(s, 'schedule');
  remindThroughTheRound(s.emulator, s.bundle, mkdtempSync(join(tmpdir(), 'slc-demo-')));
  const sent = s.emulator.mail.sent.filter((m) => m.to.includes(teacher));
  expect(sent).toHaveLength(1);
  const late = Date.parse(sent[0]!.sentAt) - Date.parse('2026-11-16T17:00:00Z');
  expect(late).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(60_000);
});
