import {
  AppsScriptException,
  CONSUMER_QUOTAS,
  EXCEEDED_TIME_MESSAGE,
  Workspace,
} from '../../emulator/runtime';
import { registerLatency } from '../../emulator/latency';

registerLatency('Test', { slow: { base: 1000 }, sized: { base: 10, perUnit: 2 } });

describe('Workspace', () => {
  describe('execute', () => {
    it('counts each service call per service and method, and reports modelled time', () => {
      const ws = new Workspace();
      ws.execute({ entry: 'job' }, () => {
        ws.call('Test', 'slow', () => 1);
        ws.call('Test', 'slow', () => 1);
        ws.call('Test', 'sized', () => 1, { size: 5 });
      });
      const report = ws.reports[0]!;
      expect(report.calls).toBe(3);
      expect(report.callsByMethod).toEqual({ 'Test.slow': 2, 'Test.sized': 1 });
      expect(report.elapsedMs).toBe(2000 + 10 + 2 * 5);
      expect(ws.callsByService()).toEqual({ Test: 3 });
    });

    it('does not count calls made outside an execution (test setup)', () => {
      const ws = new Workspace();
      const before = ws.clock.now();
      expect(ws.call('Test', 'slow', () => 'done')).toBe('done');
      expect(ws.callCount).toBe(0);
      expect(ws.clock.now()).toBe(before);
    });

    // https://developers.google.com/apps-script/guides/services/quotas: 6 min per execution.
    it("stops an execution that runs past six minutes with Apps Script's error", () => {
      const ws = new Workspace();
      let completed = 0;
      expect(() =>
        ws.execute({ entry: 'long' }, () => {
          for (let i = 0; i < 1000; i++) {
            ws.call('Test', 'slow', () => undefined);
            completed++;
          }
        }),
      ).toThrow(EXCEEDED_TIME_MESSAGE);
      // 360 one-second calls fill the six minutes exactly; the 361st goes past them.
      expect(completed).toBe(360);
      expect(ws.reports[0]!.terminated).toBe(true);
    });

    it('keeps a terminated execution terminated even if the script catches the error', () => {
      const ws = new Workspace();
      let afterCatch = false;
      expect(() =>
        ws.execute({ entry: 'stubborn', limitMs: 1500 }, () => {
          try {
            ws.call('Test', 'slow', () => undefined);
            ws.call('Test', 'slow', () => undefined);
          } catch {
            // A script that swallows the time-out still cannot make another call.
          }
          try {
            ws.call('Test', 'slow', () => (afterCatch = true));
          } catch {
            /* ignored */
          }
        }),
      ).toThrow(EXCEEDED_TIME_MESSAGE);
      expect(afterCatch).toBe(false);
    });
  });

  describe('injectFault', () => {
    it('fails the call with the given global index as a catchable service error', () => {
      const ws = new Workspace();
      ws.injectFault({ atIndex: 1, message: 'Service unavailable' });
      const seen: string[] = [];
      ws.execute({ entry: 'x' }, () => {
        for (let i = 0; i < 3; i++) {
          try {
            ws.call('Test', 'sized', () => seen.push(`ok${i}`));
          } catch (e) {
            seen.push((e as Error).message);
          }
        }
      });
      expect(seen).toEqual(['ok0', 'Service unavailable', 'ok2']);
    });

    it('kills the execution at a method: nothing after it runs', () => {
      const ws = new Workspace();
      ws.injectFault({ method: 'Test.slow', kind: 'kill' });
      const done: string[] = [];
      expect(() =>
        ws.execute({ entry: 'x' }, () => {
          ws.call('Test', 'sized', () => done.push('before'));
          try {
            ws.call('Test', 'slow', () => done.push('killed call'));
          } catch {
            /* a cut-off cannot be caught for good */
          }
          ws.call('Test', 'sized', () => done.push('after'));
        }),
      ).toThrow(/Injected failure/);
      expect(done).toEqual(['before']);
    });
  });

  describe('quota', () => {
    it('refuses units past the daily limit and takes nothing then', () => {
      const ws = new Workspace({ quotas: CONSUMER_QUOTAS });
      ws.quota.take('mailRecipientsPerDay', 99, 'full');
      expect(() =>
        ws.quota.take(
          'mailRecipientsPerDay',
          2,
          'Service invoked too many times for one day: email.',
        ),
      ).toThrow(AppsScriptException);
      expect(ws.quota.remaining('mailRecipientsPerDay')).toBe(1);
    });

    it("with quotaReset 'pacific-midnight', renews at midnight Pacific time", () => {
      const ws = new Workspace({
        now: new Date('2026-10-01T06:00:00Z'),
        quotas: CONSUMER_QUOTAS,
        quotaReset: 'pacific-midnight',
      });
      ws.quota.take('mailRecipientsPerDay', 100, 'full');
      ws.clock.set(new Date('2026-10-01T06:59:00Z'));
      expect(ws.quota.remaining('mailRecipientsPerDay')).toBe(0);
      ws.clock.set(new Date('2026-10-01T07:00:00Z')); // 00:00 PDT
      expect(ws.quota.remaining('mailRecipientsPerDay')).toBe(100);
    });

    // Google: "Quotas are per user and reset 24 hours after the first request"
    // (https://developers.google.com/apps-script/guides/services/quotas; docs/EMULATOR.md row 30).
    it("with quotaReset 'after-first-use', renews each quota 24 hours after its first use, not at midnight", () => {
      const ws = new Workspace({
        now: new Date('2026-10-01T16:00:00Z'), // 09:00 PDT
        quotas: CONSUMER_QUOTAS,
        quotaReset: 'after-first-use',
      });
      ws.quota.take('mailRecipientsPerDay', 60, 'full');
      ws.clock.set(new Date('2026-10-01T22:00:00Z'));
      ws.quota.take('mailRecipientsPerDay', 40, 'full');
      ws.quota.take('eventsCreatedPerDay', 1, 'full');
      ws.clock.set(new Date('2026-10-02T08:00:00Z')); // past midnight Pacific: nothing renewed
      expect(ws.quota.remaining('mailRecipientsPerDay')).toBe(0);
      ws.clock.set(new Date('2026-10-02T15:59:59Z'));
      expect(ws.quota.remaining('mailRecipientsPerDay')).toBe(0);
      ws.clock.set(new Date('2026-10-02T16:00:00Z')); // 24 hours after the first email
      expect(ws.quota.remaining('mailRecipientsPerDay')).toBe(100);
      // Each quota keeps its own day: the event quota began at 22:00.
      expect(ws.quota.remaining('eventsCreatedPerDay')).toBe(4999);
      ws.clock.set(new Date('2026-10-02T22:00:00Z'));
      expect(ws.quota.remaining('eventsCreatedPerDay')).toBe(5000);
    });

    it('is the default, and says when every quota in use has renewed, in either mode', () => {
      const now = new Date('2026-11-10T18:00:00Z'); // 10:00 PST
      const google = new Workspace({ now, quotas: CONSUMER_QUOTAS });
      google.quota.take('mailRecipientsPerDay', 100, 'full');
      google.clock.set(new Date('2026-11-10T21:00:00Z'));
      google.quota.take('eventsCreatedPerDay', 1, 'full');
      expect(new Date(google.quota.renewsAt()).toISOString()).toBe('2026-11-11T21:00:00.000Z');
      google.clock.set(new Date('2026-11-11T08:00:00Z')); // past midnight Pacific
      expect(google.quota.remaining('mailRecipientsPerDay')).toBe(0);
      const midnight = new Workspace({ now, quotaReset: 'pacific-midnight' });
      expect(new Date(midnight.quota.renewsAt()).toISOString()).toBe('2026-11-11T08:00:00.000Z');
    });
  });

  describe('auth and scopes', () => {
    it('refuses a FULL-only call in AuthMode.NONE and LIMITED, and allows menu-level calls', () => {
      const ws = new Workspace();
      for (const authMode of ['NONE', 'LIMITED'] as const) {
        expect(() =>
          ws.execute({ entry: 'onOpen', authMode }, () => ws.call('Test', 'slow', () => 1)),
        ).toThrow(/do not have permission/);
        expect(
          ws.execute({ entry: 'onOpen', authMode }, () =>
            ws.call('Test', 'slow', () => 1, { auth: 'none' }),
          ),
        ).toBe(1);
      }
    });

    it('refuses a call whose scope the manifest does not list, naming the scope', () => {
      const ws = new Workspace();
      ws.grantedScopes = new Set(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
      expect(() =>
        ws.execute({ entry: 'x' }, () =>
          ws.call('MailApp', 'sendEmail', () => 1, {
            scopes: ['https://www.googleapis.com/auth/script.send_mail'],
          }),
        ),
      ).toThrow(
        'Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
    });
  });
});
