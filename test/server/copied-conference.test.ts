/**
 * Tester finding 2, second half (session 33): a conference's row copied on the Schedule (its
 * Conference ID on two rows), one of the two with a Start a person made unreadable ("25:99") or
 * both readable. README: such a row is neither reminded nor sent the questionnaire, and its cell
 * is named as a problem until it is rebuilt or deleted. On the built bundle, as the sidebar runs
 * it. Before the fix the reminders run named both rows and still reminded the family (48 h and
 * 2 h, marked on the readable row: it read the Schedule again with the Roster and lost the
 * filter), and neither step named them (Reminders "Done" with hourly reminders on; the
 * Questionnaire offering to send to a family it never sends to).
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview } from '../../src/shared/api';
import { EST, markAttended, ok, run } from './calls';

type School = ReturnType<typeof openSchool>;
type Copy = 'original unreadable' | 'copy unreadable' | 'both readable';

const CASES: Copy[] = ['original unreadable', 'copy unreadable', 'both readable'];

/**
 * The row of the first family with one conference, copied below the last row (as a person
 * copies and pastes a row), one Start made "25:99" as the case says. Answers the two rows, the
 * family's addresses (from its Emails cell) and the Conference ID column.
 */
function copyARow(s: School, how: Copy) {
  const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
  const [header, ...body] = sheet.values();
  const c = (h: string) => header!.map(String).indexOf(h) + 1;
  const families = body.map((r) => String(r[c('Family ID') - 1]));
  const row = families.findIndex((f) => families.filter((g) => g === f).length === 1) + 2;
  const copy = body.length + 2;
  sheet.rows[copy - 1] = sheet.rows[row - 1]!.map((x) => x && { ...x });
  if (how !== 'both readable')
    sheet.put(how === 'original unreadable' ? row : copy, c('Start'), { v: '25:99' });
  const emails = String(sheet.cell(row, c('Emails'))!.v)
    .split(';')
    .map((e) => e.trim().toLowerCase());
  expect(emails.length).toBeGreaterThan(0);
  return { sheet, rows: [row, copy], emails, idColumn: c('Conference ID'), c };
}

const stepOf = (s: School, id: string) =>
  ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find((x) => x.id === id)!;

const cellsNamed = (problems: { where?: { row: number; column: number } }[] | undefined) =>
  (problems ?? []).map((p) => [p.where?.row, p.where?.column]);

const mailTo = (s: School, emails: string[]) =>
  s.emulator.mail.sent.filter((m) => m.to.some((t) => emails.includes(t.toLowerCase())));

describe('a conference whose Conference ID is on two rows (a copied row)', () => {
  it.each(CASES)('is not reminded, each row is named, the step is not Done (%s)', (how) => {
    const s = openSchool({ students: 30, days: ['2026-11-17'] });
    run(s, 'setup');
    run(s, 'schedule');
    run(s, 'invites');
    expect(ok<boolean>(s.bundle.callFromClient('setReminders', [true]))).toBe(true);
    const { sheet, rows, emails, idColumn, c } = copyARow(s, how);
    // The 48 h reminder's window, then the 2 h one's (conferences from 3 PM on 2026-11-17).
    for (const at of [EST('2026-11-16', '12:00'), EST('2026-11-17', '13:30')]) {
      s.emulator.ws.clock.set(at);
      const p = ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
      expect(cellsNamed(p.problems)).toEqual(rows.map((r) => [r, idColumn]));
      const step = stepOf(s, 'reminders');
      expect(step.status).not.toBe('done');
      expect(cellsNamed(step.problems)).toEqual(rows.map((r) => [r, idColumn]));
    }
    // Others were reminded; this family was not, and neither row holds a mark.
    expect(s.emulator.mail.sent.length).toBeGreaterThan(10);
    expect(mailTo(s, emails)).toEqual([]);
    for (const r of rows) expect(sheet.cell(r, c('Reminders Sent'))?.v ?? '').toBe('');
  });

  it.each(CASES)('is not sent the questionnaire, each row is named (%s)', (how) => {
    const s = openSchool({ students: 30 });
    run(s, 'setup');
    run(s, 'schedule');
    run(s, 'forms');
    run(s, 'invites');
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    markAttended(s);
    const { sheet, rows, emails, idColumn, c } = copyARow(s, how);
    const families = new Set(
      sheet
        .values()
        .slice(1)
        .map((r) => String(r[c('Family ID') - 1])),
    );
    const before = stepOf(s, 'questionnaire');
    // Every family but the one whose rows are named is due.
    expect(before.counts.find((x) => x.label === 'families due the questionnaire')?.value).toBe(
      families.size - 1,
    );
    expect(cellsNamed(before.problems)).toEqual(rows.map((r) => [r, idColumn]));
    const p = run(s, 'questionnaire');
    expect(cellsNamed(p.problems)).toEqual(rows.map((r) => [r, idColumn]));
    // Others were sent theirs (one email per address); this family was not.
    expect(s.emulator.mail.sent.length).toBeGreaterThanOrEqual(families.size - 1);
    expect(mailTo(s, emails)).toEqual([]);
    for (const r of rows) expect(sheet.cell(r, c('Questionnaire Sent'))?.v ?? '').toBe('');
    const after = stepOf(s, 'questionnaire');
    expect(after.status).toBe('attention');
    expect(cellsNamed(after.problems)).toEqual(rows.map((r) => [r, idColumn]));
  });
});
