/**
 * The demo's freed time on a school's own files: with availability given in --availability, the
 * cancelled conference's time still goes to the waiting list, only conferences that took place
 * are marked attended and sent the questionnaire, and the time cancelled is one a waiting family
 * can come to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { demoFolder, RIVERA_ROSTER } from './inputs';

// One teacher meeting online, two 25-minute places (15:00 and 15:25) for three families. Ruiz and Diaz can
// only come at 15:25, so one of them is left waiting and the 15:00 time fits neither.
const { dir, file, read } = demoFolder('slc-freed-');
const roster = file('roster.csv', RIVERA_ROSTER);
const teachers = file('teachers.csv', [
  'Teacher,Email,Date,Start,End,Room,Capacity,Mode,Video Link',
  'Ms. Rivera,rivera@school.example,2026-11-17,15:00,15:50,101,1,Online,https://meet.google.com/abc-defg-hij',
]);
const availability = file('availability.csv', [
  'Guardian Email,Date,Start,End,Rank',
  'ruiz@family.example,2026-11-17,15:25,15:50,1',
  'diaz@family.example,2026-11-17,15:25,15:50,1',
]);

const out = join(dir, 'out');
const emails = { ruiz: 'ruiz@family.example', diaz: 'diaz@family.example' };
let outbox: { to: string[]; subject: string }[] = [];
beforeAll(() => {
  runDemo([
    '--roster',
    roster,
    '--teachers',
    teachers,
    '--availability',
    availability,
    '--out',
    out,
  ]);
  outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as typeof outbox;
}, 60_000);

describe('the demo CLI, given availability in a file', () => {
  it('offers the freed time to the waiting family through a form it made, and places it', () => {
    const waiting = read(out, 'waitlist.csv');
    expect(waiting).toHaveLength(1);
    const family = waiting[0]!['Student ID'] === '1' ? emails.ruiz : emails.diaz;
    expect(
      outbox.some((m) => m.to[0] === family && /^A conference time has freed up/.test(m.subject)),
    ).toBe(true);
    expect(waiting[0]!.Told).toMatch(/placed .*accepted the freed time/);
  });

  it('marks the cancelled conference cancelled, not attended, and sends its family no questionnaire', () => {
    const schedule = read(out, 'schedule.csv');
    const cancelled = schedule.filter((c) => c.Status === 'cancelled');
    expect(cancelled).toHaveLength(1);
    const guardian = cancelled[0]!['Guardian Emails']!;
    const asked = outbox.filter((m) => /^How did the conference/.test(m.subject));
    expect(asked.map((m) => m.to[0])).not.toContain(guardian);
    // Every conference that took place was marked, and only those were asked.
    const held = schedule.filter((c) => c.Status !== 'cancelled');
    expect(held.every((c) => /^(attended|no-show)$/.test(c.Status!))).toBe(true);
    expect(asked.length).toBe(held.filter((c) => c.Status === 'attended').length);
  });

  it('cancels a conference whose time a waiting family can come to', () => {
    const [cancelled] = read(out, 'schedule.csv').filter((c) => c.Status === 'cancelled');
    expect(cancelled!.Start).toBe('15:25');
  });

  it('gives each conference its Mode in schedule.csv', () => {
    const schedule = read(out, 'schedule.csv');
    expect(schedule.length).toBeGreaterThan(0);
    expect(schedule.every((c) => c.Mode === 'Online')).toBe(true);
  });
});
