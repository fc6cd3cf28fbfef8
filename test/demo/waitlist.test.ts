/**
 * The demo's waiting list: waitlist.csv lists every unscheduled student; every one whose family
 * has an email was told (its addresses in Told, a notice in outbox.json), and none was invited
 * but the family that accepted the freed time of the conference the demo cancels.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, toCsv } from '../../demo/csv';
import { runDemo } from '../../demo/cli';
import { sampleSchool } from '../../sample/school';

describe('the demo CLI', () => {
  it('writes waitlist.csv: every unscheduled student, told by email, never invited unless placed in a freed time', () => {
    const out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    // A school whose windows cannot hold everyone (300 students, ten teachers): the demo's own
    // sample fits, so some students must be left over here for the waitlist to have anyone.
    const school = sampleSchool();
    const roster = join(out, 'in-roster.csv');
    const teachers = join(out, 'in-teachers.csv');
    writeFileSync(roster, toCsv([school.roster.header, ...school.roster.rows]));
    writeFileSync(teachers, toCsv([school.teachers.header, ...school.teachers.rows]));
    runDemo(['--roster', roster, '--teachers', teachers, '--out', out]);
    const csv = (name: string) => parseCsv(readFileSync(join(out, name), 'utf8'));
    const [header, ...waitlist] = csv('waitlist.csv');
    expect(header).toEqual(['Student ID', 'Reason', 'Told']);
    const unscheduled = csv('unscheduled.csv').slice(1);
    expect(unscheduled.length).toBeGreaterThan(0);
    expect(waitlist.map((r) => [r[0], r[1]])).toEqual(unscheduled.map((r) => [r[0], r[1]]));

    // The sample's Roster: Student ID, ..., Parent Email (5), Guardian 2 Email (6).
    const rows = school.roster.rows;
    const emailsOf = new Map(
      rows.map((r) => [r[0]!, [r[5], r[6]].map((e) => e!.trim().toLowerCase()).filter(Boolean)]),
    );
    const outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as {
      to: string[];
      subject: string;
    }[];
    // One conference was cancelled and its time offered: one family placed, one told it is gone.
    const placed = waitlist.filter((r) => /placed .*accepted the freed time/.test(r[2]!));
    expect(placed.length).toBeGreaterThan(0);
    expect(outbox.some((m) => /^A conference time has freed up/.test(m.subject))).toBe(true);
    expect(outbox.some((m) => /^The freed time on .* was taken/.test(m.subject))).toBe(true);
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as {
      guests: { email: string }[];
    }[];
    const guests = new Set(events.flatMap((e) => e.guests.map((g) => g.email.toLowerCase())));
    const waiting = new Set(waitlist.filter((r) => !placed.includes(r)).map((r) => r[0]!));
    for (const [id, , told] of waitlist) {
      const emails = emailsOf.get(id!)!;
      for (const e of emails) {
        expect(told).toContain(`to ${e}`);
        expect(outbox.some((m) => m.to.length === 1 && m.to[0] === e)).toBe(true);
        // Invited only for a child of the address that did get a conference.
        if (rows.every((r) => waiting.has(r[0]!) || !emailsOf.get(r[0]!)!.includes(e)))
          expect(guests.has(e)).toBe(false);
        // The family placed in the freed time is invited like any other.
        if (!waiting.has(id!)) expect(guests.has(e)).toBe(true);
      }
    }
  }, 180_000);
});
