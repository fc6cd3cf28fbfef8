/**
 * Planning the reminders against a daily email quota that does not cover them: the reminders
 * whose window closes before the quota renews go first, and those whose window stays open past
 * the renewal wait for it.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import {
  dueReminders,
  planForQuota,
  wallMinutes,
  type DueReminder,
} from '../../src/core/reminders';
import { conf } from './reminderconf';

const HOURS = [48, 2];
const NOW = { date: '2026-11-16', minutes: 8 * 60 };
/** The quota renews 24 hours from now. */
const RENEWS = wallMinutes('2026-11-17', 8 * 60)!;

/**
 * A: reminded 48 hours before; its 2-hour window opens at 13:00 today and closes at 15:00, before the renewal (not due yet).
 * B: 2-hour window open now, closes at 09:00.
 * C: 48-hour window open since 07:00, closes on the 18th at 05:00, after the renewal.
 * D: 48-hour window opens now, closes on the 18th at 06:00; two guardians.
 */
const SCHOOL = [
  conf({
    row: 2,
    familyKey: 'A',
    emails: ['a@x.example'],
    date: '2026-11-16',
    start: 15 * 60,
    sent: '48h 2026-11-14 15:00',
  }),
  conf({ row: 3, familyKey: 'B', emails: ['b@x.example'], date: '2026-11-16', start: 9 * 60 }),
  conf({ row: 4, familyKey: 'C', emails: ['c@x.example'], date: '2026-11-18', start: 7 * 60 }),
  conf({
    row: 5,
    familyKey: 'D',
    emails: ['d1@x.example', 'd2@x.example'],
    date: '2026-11-18',
    start: 8 * 60,
  }),
];

const keys = (list: DueReminder[]) => list.map((d) => `${d.familyKey} ${d.hours}h`);

describe('reminders against a short daily email quota', () => {
  const due = dueReminders(SCHOOL, HOURS, NOW);

  it('sends everything due, in the usual order, when the quota covers it and what closes before the renewal', () => {
    expect(keys(due)).toEqual(['B 2h', 'C 48h', 'D 48h']);
    // B, C and D (4 addresses) and A later today (1): 5.
    const plan = planForQuota(due, SCHOOL, HOURS, NOW, 5, RENEWS);
    expect(keys(plan.send)).toEqual(['B 2h', 'C 48h', 'D 48h']);
    expect(plan.held).toEqual([]);
  });

  it('keeps quota for the reminders that close before the renewal and holds back one that can wait', () => {
    // 4 left: B now and A at 13:00 cannot wait; of the 2 left, C (its window closes first)
    // takes one and D's first guardian the other; D's second waits.
    const plan = planForQuota(due, SCHOOL, HOURS, NOW, 4, RENEWS);
    expect(keys(plan.send)).toEqual(['B 2h', 'C 48h', 'D 48h']);
    expect(plan.send[2]!.messages.map((m) => m.to)).toEqual(['d1@x.example']);
    expect(keys(plan.held)).toEqual(['D 48h']);
    expect(plan.held[0]!.messages.map((m) => m.to)).toEqual(['d2@x.example']);
  });

  it('counts, when the hourly trigger emails the sender as windows open, one email for each window that opens and closes before the renewal', () => {
    // B, C and D (4) and A at 13:00 (1) fit in 5, but A's window opening also costs the email
    // telling the sender it is due: 6. So D's second guardian waits, as with 4 and no email.
    const plan = planForQuota(due, SCHOOL, HOURS, NOW, 5, RENEWS, true);
    expect(keys(plan.send)).toEqual(['B 2h', 'C 48h', 'D 48h']);
    expect(plan.send[2]!.messages.map((m) => m.to)).toEqual(['d1@x.example']);
    expect(plan.held[0]!.messages.map((m) => m.to)).toEqual(['d2@x.example']);
    // Windows that open after the renewal, or whose reminders can wait past it, cost no email.
    const early = wallMinutes('2026-11-16', 12 * 60)!;
    expect(planForQuota(due, SCHOOL, HOURS, NOW, 4, early, true).held).toEqual([]);
  });

  it('never holds back a reminder whose window closes before the renewal, even with no quota', () => {
    const plan = planForQuota(due, SCHOOL, HOURS, NOW, 0, RENEWS);
    expect(keys(plan.send)).toEqual(['B 2h']);
    expect(keys(plan.held)).toEqual(['C 48h', 'D 48h']);
  });

  it('does not count a reminder already sent, nor one whose window opens after the renewal', () => {
    const sentA = SCHOOL.map((c) =>
      c.familyKey === 'A' ? { ...c, sent: `${c.sent}; 2h 2026-11-16 13:00` } : c,
    );
    // A no longer needs quota: B, C and D fit in 4.
    expect(planForQuota(due, sentA, HOURS, NOW, 4, RENEWS).held).toEqual([]);
    // A renewal at 12:00, before A's window opens: A needs none of today's quota either.
    const early = wallMinutes('2026-11-16', 12 * 60)!;
    expect(planForQuota(due, SCHOOL, HOURS, NOW, 4, early).held).toEqual([]);
  });

  it('property: what is held can wait past the renewal, and the rest fits the quota', () => {
    checkProperty(
      fc.property(
        fc.array(
          fc.record({
            family: fc.integer({ min: 1, max: 8 }),
            guardians: fc.integer({ min: 1, max: 2 }),
            day: fc.integer({ min: 16, max: 19 }),
            hour: fc.integer({ min: 8, max: 19 }),
          }),
          { maxLength: 16 },
        ),
        fc.uniqueArray(fc.integer({ min: 1, max: 72 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 48 }),
        fc.boolean(),
        (specs, hours, quota, renewIn, notices) => {
          const rows = specs.map((s, i) =>
            conf({
              row: i + 2,
              conferenceId: `C-${i}`,
              familyKey: `F-${s.family}`,
              emails: Array.from({ length: s.guardians }, (_, g) => `f${s.family}.${g}@x.example`),
              date: `2026-11-${s.day}`,
              start: s.hour * 60,
              end: s.hour * 60 + 20,
            }),
          );
          const nowAt = wallMinutes(NOW.date, NOW.minutes)!;
          const renews = nowAt + renewIn * 60;
          const due = dueReminders(rows, hours, NOW);
          const plan = planForQuota(due, rows, hours, NOW, quota, renews, notices);
          const cost = (list: DueReminder[]) => list.reduce((n, d) => n + d.messages.length, 0);
          // What falls due hour by hour until the renewal and closes before it: found by asking
          // dueReminders itself at each hour, and the window's end from the next reminder time.
          const closes = (d: DueReminder) => {
            const start = wallMinutes(d.date, d.conferences[0]!.start!)!;
            const later = hours.filter((h) => h < d.hours);
            return start - (later.length ? Math.max(...later) : 0) * 60;
          };
          const seen = new Set(due.map((d) => `${d.familyKey} ${d.date} ${d.hours}`));
          let reserve = 0;
          /** The minutes those windows open: each costs an email to the sender, with `notices`. */
          const openings = new Set<number>();
          for (let t = nowAt + 60; t < renews; t += 60) {
            const at = { date: new Date(t * 60_000).toISOString().slice(0, 10), minutes: t % 1440 };
            for (const d of dueReminders(rows, hours, at)) {
              const key = `${d.familyKey} ${d.date} ${d.hours}`;
              if (seen.has(key)) continue;
              seen.add(key);
              if (closes(d) <= renews) {
                reserve += d.messages.length;
                openings.add(wallMinutes(d.date, d.conferences[0]!.start!)! - d.hours * 60);
              }
            }
          }
          // At most one email an hour: the trigger runs hourly.
          if (notices) reserve += Math.min(openings.size, renewIn);
          // Everything due is sent or held, once.
          const messages = (list: DueReminder[]) =>
            list.flatMap((d) => d.messages.map((m) => `${d.familyKey} ${d.date} ${m.to}`)).sort();
          expect(messages([...plan.send, ...plan.held])).toEqual(messages(due));
          if (cost(due) + reserve <= quota) {
            expect(plan.send).toEqual(due);
            return;
          }
          for (const d of plan.held) expect(closes(d)).toBeGreaterThan(renews);
          const urgent = due.filter((d) => closes(d) <= renews);
          for (const d of urgent) expect(plan.send).toContain(d);
          const waitable = plan.send.filter((d) => !urgent.includes(d));
          expect(cost(waitable)).toBeLessThanOrEqual(Math.max(0, quota - cost(urgent) - reserve));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
