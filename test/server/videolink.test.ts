/**
 * Tester finding 8 (session 33), on the built bundle: a Video Link that is not an http(s)
 * address ("javascript:…" typed over a teacher's link after the invitations went out) is named
 * at its cell and never sent: the reminders and the Calendar events carry no such link, while a
 * teacher's real link still reaches families. Before the fix the reminders carried
 * "javascript:alert(document.cookie)" as the family's "Join online:" link.
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview } from '../../src/shared/api';
import { EST, ok, run } from './calls';

describe('a Video Link that is not a web address', () => {
  it('is named at its cell and reaches no family, in a reminder or an event', () => {
    const s = openSchool({ students: 40, days: ['2026-11-17'] });
    const teachers = s.emulator.spreadsheet.sheetByName('Teachers')!;
    const [header, ...rows] = teachers.values();
    const column = (name: string) => header!.map(String).indexOf(name) + 1;
    const names = [...new Set(rows.map((r) => String(r[0])))];
    const [bad, good] = names as [string, string];
    const link = (name: string, v: string) =>
      rows.forEach((r, i) => {
        if (r[0] === name) teachers.put(i + 2, column('Video Link'), { v });
      });
    link(bad, 'https://meet.example/before');
    link(good, 'https://meet.example/good');
    run(s, 'setup');
    run(s, 'schedule');
    run(s, 'invites');
    // The coordinator (or a pasted export) puts a script where the link was.
    const hostile = 'javascript:alert(document.cookie)';
    link(bad, hostile);
    const badRows = rows.flatMap((r, i) => (r[0] === bad ? [i + 2] : []));
    expect(badRows.length).toBeGreaterThan(0);
    const days = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'days',
    )!;
    const named = (days.problems ?? []).filter((p) => p.where?.column === column('Video Link'));
    expect(named.map((p) => [p.severity, p.where?.row])).toEqual(
      badRows.slice(0, named.length).map((r) => ['error', r]),
    );
    expect(named.length).toBeGreaterThan(0);
    run(s, 'invites');
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
    const sent = s.emulator.mail.sent;
    expect(sent.filter((m) => m.subject.includes(bad)).length).toBeGreaterThan(0);
    for (const m of sent) {
      expect(m.body).not.toContain('javascript:');
      expect(m.htmlBody ?? '').not.toContain('javascript:');
    }
    for (const e of s.emulator.calendar.events())
      expect(`${e.location} ${e.description}`).not.toContain('javascript:');
    // The other teacher's link still reaches its families.
    expect(sent.some((m) => m.body.includes('https://meet.example/good'))).toBe(true);
  });
});
