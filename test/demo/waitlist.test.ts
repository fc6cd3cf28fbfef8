/**
 * The demo's waiting list: waitlist.csv lists every unscheduled student; every one whose family
 * has an email was told (its addresses in Told, a notice in outbox.json), and none was invited.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../demo/csv';
import { runDemo } from '../../demo/cli';
import { sampleSchool } from '../../sample/school';

describe('the demo CLI', () => {
  it('writes waitlist.csv: every unscheduled student, told by email and never invited', () => {
    const out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    runDemo(['--out', out]);
    const csv = (name: string) => parseCsv(readFileSync(join(out, name), 'utf8'));
    const [header, ...waitlist] = csv('waitlist.csv');
    expect(header).toEqual(['Student ID', 'Reason', 'Told']);
    const unscheduled = csv('unscheduled.csv').slice(1);
    expect(unscheduled.length).toBeGreaterThan(0);
    expect(waitlist.map((r) => [r[0], r[1]])).toEqual(unscheduled.map((r) => [r[0], r[1]]));

    // The sample's Roster: Student ID, ..., Parent Email (5), Guardian 2 Email (6).
    const roster = sampleSchool().roster.rows;
    const emailsOf = new Map(
      roster.map((r) => [r[0]!, [r[5], r[6]].map((e) => e!.trim().toLowerCase()).filter(Boolean)]),
    );
    const outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as {
      to: string[];
      subject: string;
    }[];
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as {
      guests: { email: string }[];
    }[];
    const guests = new Set(events.flatMap((e) => e.guests.map((g) => g.email.toLowerCase())));
    const waiting = new Set(waitlist.map((r) => r[0]!));
    for (const [id, , told] of waitlist) {
      const emails = emailsOf.get(id!)!;
      for (const e of emails) {
        expect(told).toContain(`to ${e}`);
        expect(outbox.some((m) => m.to.length === 1 && m.to[0] === e)).toBe(true);
        // Invited only for a child of the address that did get a conference.
        if (roster.every((r) => waiting.has(r[0]!) || !emailsOf.get(r[0]!)!.includes(e)))
          expect(guests.has(e)).toBe(false);
      }
    }
  }, 180_000);
});
