/** The demo CLI writes events.json after the invites job ran to completion (DESIGN.md section 8, issue 6). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';

describe('demo events.json', () => {
  it('lists one tagged event per conference, each with only its own family as guests, hidden from each other', () => {
    const out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    runDemo(['--out', out]);
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8')) as { tag: string; start: string; end: string; title: string; guests: { email: string }[]; guestsCanSeeGuests: boolean; calendar: string }[];
    expect(events.length).toBeGreaterThan(100);
    expect(new Set(events.map((e) => e.tag)).size).toBe(events.length);
    for (const e of events) {
      expect(e.calendar).toBe('Student-Led Conferences');
      expect(e.guestsCanSeeGuests).toBe(false);
      expect(e.guests.length).toBeGreaterThan(0);
      expect(Date.parse(e.end)).toBeGreaterThan(Date.parse(e.start));
      expect(e.title).toMatch(/leads a conference|dirige una conferencia/);
    }
  }, 60_000);
});
