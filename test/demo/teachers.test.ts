/**
 * The demo's waiting list: waitlist.csv lists every unscheduled student; every one whose family
 * has an email was told (its addresses in Told, a notice in outbox.json), and none was invited.
 * Each teacher's day-before email in outbox.json, naming only that teacher's students. And
 * follow-ups.csv: every follow-up request from the questionnaire, owned by the host teacher, who
 * was emailed about it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../demo/csv';
import { runDemo } from '../../demo/cli';
import { sampleSchool } from '../../sample/school';

describe('the demo CLI', () => {
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    runDemo(['--out', out]);
  }, 300_000);

  it("sends each teacher in teachers.csv with conferences one day-before email naming only that teacher's students", () => {
    const teachers = sampleSchool().teachers.rows;
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'schedule.csv'), 'utf8'));
    const at = (h: string) => header!.indexOf(h);
    // Students by teacher, from the Roster as pasted (Student ID, Student Name "Last, First").
    const nameOf = new Map(
      sampleSchool().roster.rows.map((r) => {
        const [last, first] = r[1]!.split(', ');
        return [r[0]!, `${first!.trim()} ${last!.trim()}`];
      }),
    );
    const outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as {
      to: string[];
      subject: string;
      text: string;
    }[];
    const byTeacher = new Map<string, Set<string>>();
    for (const r of rows) {
      const t = r[at('Teacher')]!;
      const set = byTeacher.get(t) ?? new Set<string>();
      for (const id of r[at('Student IDs')]!.split(';')) set.add(nameOf.get(id.trim())!);
      byTeacher.set(t, set);
    }
    expect(byTeacher.size).toBeGreaterThan(1);
    for (const [teacher, names] of byTeacher) {
      const email = teachers.find((t) => t[0] === teacher)![1]!;
      const mail = outbox.filter(
        (m) => m.to.length === 1 && m.to[0] === email && /^Your conferences on /.test(m.subject),
      );
      // One per conference day.
      expect(mail.length).toBeGreaterThan(0);
      expect(new Set(mail.map((m) => m.subject)).size).toBe(mail.length);
      for (const m of mail) {
        const listed = m.text.split('\n').filter((l) => l.startsWith('- '));
        for (const l of listed) expect([...names].some((n) => l.includes(n))).toBe(true);
      }
      const all = mail.map((m) => m.text).join('\n');
      for (const n of names) expect(all).toContain(n);
    }
  });

  it('writes follow-ups.csv: every follow-up request, owned by the host teacher, who was emailed', () => {
    const csv = (name: string) => parseCsv(readFileSync(join(out, name), 'utf8'));
    const [header, ...followUps] = csv('follow-ups.csv');
    expect(header).toEqual(['Student ID', 'Family ID', 'Owner', 'Kind', 'Asked', 'Status']);
    // The Summary lists each follow-up request with its teacher (Family, Teacher, When, ...).
    const summary = csv('summary.csv');
    const at = summary.findIndex((r) => r[0] === 'Follow-up requests');
    const end = summary.findIndex((r, i) => i > at && r.every((c) => c === ''));
    const requested = summary.slice(at + 2, end < 0 ? undefined : end);
    expect(requested.length).toBeGreaterThan(0);
    expect(followUps.map((r) => r[2]).sort()).toEqual(requested.map((r) => r[1]).sort());
    expect(followUps.every((r) => r[5] === 'new' && r[3] === 'follow-up meeting')).toBe(true);
    const teachers = sampleSchool().teachers.rows;
    const outbox = JSON.parse(readFileSync(join(out, 'outbox.json'), 'utf8')) as {
      to: string[];
      subject: string;
      text: string;
    }[];
    for (const [ids, , owner] of followUps) {
      const email = teachers.find((t) => t[0] === owner)![1]!;
      const told = outbox.filter(
        (m) => m.to[0] === email && /^Follow-up requests for you/.test(m.subject),
      );
      // Each child by name and Student ID (the email writes "First Last (ID)").
      expect(told.some((m) => ids!.split(/;\s*/).every((id) => m.text.includes(`(${id})`)))).toBe(
        true,
      );
    }
  });
});
