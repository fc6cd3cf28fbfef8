/**
 * The demo CLI with no arguments (docs/DESIGN.md section 8): events.json after the
 * invites job ran to completion, and report.json with the calls and the modelled time of each
 * execution of the round.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';

jest.setTimeout(60_000);

describe('the demo round', () => {
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    runDemo(['--out', out]);
  });

  it('events.json lists one tagged event per conference, each with only its own family as guests, hidden from each other', () => {
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as {
      tag: string;
      start: string;
      end: string;
      title: string;
      guests: { email: string }[];
      guestsCanSeeGuests: boolean;
      calendar: string;
    }[];
    expect(events.length).toBeGreaterThan(100);
    expect(new Set(events.map((e) => e.tag)).size).toBe(events.length);
    for (const e of events) {
      expect(e.calendar).toBe('Student-Led Conferences');
      expect(e.guestsCanSeeGuests).toBe(false);
      expect(e.guests.length).toBeGreaterThan(0);
      expect(Date.parse(e.end)).toBeGreaterThan(Date.parse(e.start));
      expect(e.title).toMatch(/leads? a conference|dirigen? una conferencia/);
    }
  });

  it('report.json gives the calls per service and method and the modelled seconds of every execution, each under six minutes', () => {
    type Execution = { operation: string; entry: string; seconds: number; calls: number };
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      conferences: number;
      emails: number;
      callsByMethod: Record<string, number>;
      serviceCalls: Record<string, number>;
      executions: Execution[];
      operations: { operation: string; executions: number; longestSeconds: number }[];
      longestExecutionSeconds: number;
    };
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as unknown[];
    // One Calendar event made per conference, one email call per message in the outbox.
    expect(report.callsByMethod['CalendarApp.Calendar.createEvent']).toBe(events.length);
    expect(report.callsByMethod['MailApp.sendEmail']).toBe(report.emails);
    const byService = Object.entries(report.callsByMethod).reduce<Record<string, number>>(
      (o, [m, n]) => ({ ...o, [m.split('.')[0]!]: (o[m.split('.')[0]!] ?? 0) + n }),
      {},
    );
    expect(byService).toEqual(report.serviceCalls);
    expect(report.operations.map((o) => o.operation)).toEqual(
      expect.arrayContaining([
        'set up',
        'availability answers',
        'schedule',
        'invites',
        'reminders',
      ]),
    );
    expect(report.executions.length).toBeGreaterThan(100);
    expect(report.executions.every((e) => e.seconds > 0 && e.seconds < 360)).toBe(true);
    expect(report.longestExecutionSeconds).toBe(
      Math.max(...report.executions.map((e) => e.seconds)),
    );
    // The invitations took more than one execution (chunked), none near the limit.
    expect(report.operations.find((o) => o.operation === 'invites')!.executions).toBeGreaterThan(1);
  });
});
