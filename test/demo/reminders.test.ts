/**
 * The demo's outbox: the clock moved through the round with the hourly trigger on, every
 * scheduled family reminded once per reminder time, nobody else's address in a message.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { isAvailabilityRequest, isReminder } from '../../sample/round';
import { SAMPLES, sampleSchool } from '../../sample/school';

interface Sent {
  to: string[];
  subject: string;
  text: string;
  html: string;
  name: string;
  replyTo: string;
  sentAt: string;
}

it('writes outbox.json: two reminders per reminded family, each to that family only, at the reminder times', () => {
  const out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
  const { report } = runDemo(['--out', out]);
  // outbox.json holds every message of the round; the reminders are those sent before the
  // conferences, apart from the requests for availability at the start.
  const outbox = (JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as Sent[]).filter(
    (m) => isReminder(m.subject) || (m.sentAt < '2026-11-20' && !isAvailabilityRequest(m.subject)),
  );
  const reminders = report.reminders as { emails: number; recipients: number; families: number };
  expect(outbox).toHaveLength(reminders.emails);
  // Every family the sample gives an email address is reminded (some on both days).
  const sample = sampleSchool(SAMPLES.lincoln).roster;
  const email = sample.header.indexOf('Parent Email');
  const withEmail = new Set(sample.rows.map((r) => r[email]!.trim().toLowerCase()).filter(Boolean));
  expect(reminders.families).toBeGreaterThanOrEqual(withEmail.size);
  const perFamily = new Map<string, number>();
  for (const m of outbox)
    perFamily.set([...m.to].sort().join(','), (perFamily.get([...m.to].sort().join(',')) ?? 0) + 1);
  // Two reminders (48 h and 2 h) per family and conference day.
  expect([...perFamily.values()].every((n) => n === 2 || n === 4)).toBe(true);
  // No address appears for two different families.
  const owner = new Map<string, string>();
  for (const key of perFamily.keys())
    for (const a of key.split(',')) {
      expect(owner.get(a) ?? key).toBe(key);
      owner.set(a, key);
    }
  expect(
    outbox.every(
      (m) =>
        m.sentAt >= '2026-11-15' &&
        m.sentAt < '2026-11-20' &&
        m.text.length > 0 &&
        m.html.startsWith('<p>'),
    ),
  ).toBe(true);
  expect(outbox.some((m) => m.subject.startsWith('Recordatorio'))).toBe(true);
  // The video links each address's invitations carry are the links its reminders carry: a
  // conference that may be joined online is reminded with its link, one in person with none.
  const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as {
    description: string;
    guests: { email: string }[];
  }[];
  const links = (text: string) => text.match(/https:\/\/meet\.example\/\S+/g) ?? [];
  const invited = new Map<string, Set<string>>();
  const reminded = new Map<string, Set<string>>();
  for (const e of events)
    for (const g of e.guests)
      for (const l of links(e.description))
        invited.set(g.email, new Set([...(invited.get(g.email) ?? []), l]));
  for (const m of outbox)
    for (const l of links(m.text))
      reminded.set(m.to[0]!, new Set([...(reminded.get(m.to[0]!) ?? []), l]));
  expect(invited.size).toBeGreaterThan(0);
  // A teacher, a guest of each of their conferences, gets their day in one email instead.
  for (const m of outbox.filter((x) => !x.subject.startsWith('Your conferences on '))) {
    const to = m.to[0]!;
    expect({ to, links: [...(reminded.get(to) ?? [])].sort() }).toEqual({
      to,
      links: [...(invited.get(to) ?? [])].sort(),
    });
    expect(m.text).not.toMatch(/\d \(https?:/);
  }
  // Some families chose to meet online: their reminders say so, and every reminder of a
  // conference online or either way carries its link.
  const saysOnline = /\(link below\)|\(enlace abajo\)/;
  const onlineOnly = outbox.filter((m) =>
    /the online meeting \(link below\)|la reunión en línea \(enlace abajo\)/.test(m.text),
  );
  expect(onlineOnly.length).toBeGreaterThan(0);
  for (const m of outbox.filter((x) => saysOnline.test(x.text)))
    expect(links(m.text).length).toBeGreaterThan(0);
}, 240_000);
