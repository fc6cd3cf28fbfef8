/**
 * Reminders on the built bundle: each family reminded once per reminder time, by the
 * hourly trigger or the button; interrupted at any service call and re-run, the same outbox;
 * the daily quota stops a run cleanly and the next day continues; hostile names stay text.
 */
import { Bundle } from '../../emulator/loader';
import { openSchool } from '../../preview/school';
import { cutOffAt, failAt } from './cut';
import { copyWithDocument } from './invites.fixture';
import type {
  JobProgress,
  Overview,
  Result,
  TemplatePreview,
  TemplateView,
} from '../../src/shared/api';
import { EST, ok, SCHEDULE_EDITS, sortBackwards } from './calls';

type School = ReturnType<typeof openSchool>;

/** A school with its Schedule built: conferences on 2026-11-17 from 3 PM (EST). */
function scheduledSchool(students = 75): School {
  const school = openSchool({ students, days: ['2026-11-17'] });
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(school.bundle.callFromClient('runJob', ['schedule']));
  return school;
}

function scheduleRows(s: School): { header: string[]; rows: unknown[][] } {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  return { header: header as string[], rows };
}

function col(s: School, name: string): number {
  return scheduleRows(s).header.indexOf(name);
}

function runReminders(s: School): JobProgress {
  return ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
}

const key = (m: { to: string[]; subject: string; body: string }) =>
  `${[...m.to].sort().join(',')}|${m.subject}|${m.body}`;

describe('reminders', () => {
  it('sends each family one 48-hour reminder, then one 2-hour reminder, from the hourly trigger; cancelled and declined get none', () => {
    const s = scheduledSchool(60);
    const status = col(s, 'Status');
    const family = col(s, 'Family ID');
    const { rows } = scheduleRows(s);
    // Cancel one family's and decline another's conferences (families with a single conference).
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(String(r[family]), (counts.get(String(r[family])) ?? 0) + 1);
    const singles = rows.filter((r) => counts.get(String(r[family])) === 1);
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const cancelledRow = rows.indexOf(singles[0]!) + 2;
    const declinedRow = rows.indexOf(singles[1]!) + 2;
    sheet.patch(cancelledRow, status + 1, { v: 'cancelled' });
    sheet.patch(declinedRow, status + 1, { v: 'declined' });
    const quiet = new Set(
      String(singles[0]![col(s, 'Emails')])
        .split(';')
        .concat(String(singles[1]![col(s, 'Emails')]).split(';'))
        .map((e) => e.trim()),
    );

    const view = ok<{ settings: Record<string, unknown> }>(
      s.bundle.callFromClient('getSettings', []),
    );
    ok(
      s.bundle.callFromClient('saveSettings', [
        {
          ...view.settings,
          senderName: 'Lincoln Conferences',
          replyTo: 'office@lincoln.school.example',
        },
      ]),
    );
    expect(ok<boolean>(s.bundle.callFromClient('setReminders', [true]))).toBe(true);
    expect(ok<boolean>(s.bundle.callFromClient('setReminders', [true]))).toBe(true);
    expect(
      s.emulator.triggers.triggers.filter((t) => t.handler === 'sendDueReminders'),
    ).toHaveLength(1);

    s.emulator.triggers.advanceTo(EST('2026-11-18', '00:00'));
    const families = new Set(
      rows
        .filter((r) => !['cancelled', 'declined'].includes(String(r[status])))
        .map((r) => String(r[family])),
    );
    const sent = s.emulator.mail.sent;
    const firstWave = sent.filter((m) => Date.parse(m.sentAt) < EST('2026-11-17', '12:00'));
    const secondWave = sent.filter((m) => Date.parse(m.sentAt) >= EST('2026-11-17', '12:00'));
    const sent48 = new Set(
      scheduleRows(s)
        .rows.filter((r) => /\b48h\b/.test(String(r[col(s, 'Reminders Sent')])))
        .map((r) => String(r[family])),
    );
    // One message per address of each family reminded (each family's addresses are its own).
    const addressesOf = (fams: Set<string>) =>
      new Set(
        rows
          .filter((r) => fams.has(String(r[family])))
          .flatMap((r) => String(r[col(s, 'Emails')]).split(';'))
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      );
    expect(sent48.size).toBe(families.size - [...families].filter((f) => !sent48.has(f)).length);
    expect(firstWave).toHaveLength(addressesOf(sent48).size);
    for (const m of sent) expect(m.to).toHaveLength(1);
    expect(firstWave.length).toBeGreaterThan(30);
    expect(secondWave).toHaveLength(firstWave.length);
    expect(new Set(firstWave.map(key)).size).toBe(firstWave.length);
    expect(new Set(secondWave.map(key)).size).toBe(secondWave.length);
    for (const m of sent) {
      expect(m.name).toBe('Lincoln Conferences');
      expect(m.replyTo).toBe('office@lincoln.school.example');
      expect(m.from).toBe('coordinator@lincoln.school.example');
      for (const to of m.to) expect(quiet.has(to)).toBe(false);
    }
    // Each 48-hour reminder went out in its window (within 48 hours before), each 2-hour one within 2 hours.
    const marks = scheduleRows(s)
      .rows.map((r) => String(r[col(s, 'Reminders Sent')]))
      .filter(Boolean);
    expect(
      marks.every((m) => /^48h 2026-11-1[56] \d\d:\d\d; 2h 2026-11-17 \d\d:\d\d$/.test(m)),
    ).toBe(true);
    expect(s.emulator.triggers.firings.filter((f) => f.error)).toEqual([]);

    expect(ok<boolean>(s.bundle.callFromClient('setReminders', [false]))).toBe(false);
    expect(s.emulator.triggers.triggers).toHaveLength(0);
  });

  it('sends one message per address and day listing siblings, to that address only', () => {
    const s = scheduledSchool(75);
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    runReminders(s);
    const { rows } = scheduleRows(s);
    const emailsOf = new Map<string, Set<string>>();
    for (const r of rows) {
      const set = emailsOf.get(String(r[col(s, 'Family ID')])) ?? new Set();
      for (const e of String(r[col(s, 'Emails')])
        .split(';')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean))
        set.add(e);
      emailsOf.set(String(r[col(s, 'Family ID')]), set);
    }
    const sent = s.emulator.mail.sent;
    expect(sent.length).toBe([...emailsOf.values()].reduce((n, set) => n + set.size, 0));
    for (const m of sent) {
      expect(m.to).toHaveLength(1);
      const owners = [...emailsOf].filter(([, set]) => set.has(m.to[0]!));
      expect(owners).toHaveLength(1);
    }
    // A family with two conferences that day: both students in one message.
    const byFamily = new Map<string, unknown[][]>();
    for (const r of rows)
      byFamily.set(String(r[col(s, 'Family ID')]), [
        ...(byFamily.get(String(r[col(s, 'Family ID')])) ?? []),
        r,
      ]);
    const siblings = [...byFamily.values()].find(
      (list) => list.length > 1 && list[0]![col(s, 'Emails')],
    );
    expect(siblings).toBeDefined();
    const to = String(siblings![0]![col(s, 'Emails')]).split(';')[0]!.trim().toLowerCase();
    const mine = s.emulator.mail.to(to);
    expect(mine).toHaveLength(1);
    for (const r of siblings!) expect(mine[0]!.body).toContain(String(r[col(s, 'Students')]));
  });

  const RUN_AT = EST('2026-11-16', '12:00');

  /**
   * Who the Schedule says is due a reminder at RUN_AT (every conference is the next day): every
   * address of each family with one, once per family, each in a message of its own.
   */
  function dueFamilies(s: School): string[] {
    const byFamily = new Map<string, Set<string>>();
    for (const r of scheduleRows(s).rows) {
      const emails = String(r[col(s, 'Emails')])
        .split(/[;,]/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean);
      if (emails.length === 0) continue;
      const id = String(r[col(s, 'Family ID')]);
      byFamily.set(id, new Set([...(byFamily.get(id) ?? []), ...emails]));
    }
    return [...byFamily.values()].flatMap((set) => [...set]).sort();
  }

  const recipients = (s: School) => s.emulator.mail.sent.map((m) => [...m.to].sort().join(','));

  /**
   * An uninterrupted 50-family run (its outbox and how many service calls it makes), then one run
   * per fault, each on a copy of one scheduled school (setting up and scheduling anew for each
   * fault took nine tenths of the time; a copy runs the job call for call as the original).
   */
  function faultRuns(
    kind: 'throw' | 'kill',
    stride: number,
    check: (got: string[], expected: string[], at: string, s: School) => void,
    journalBytes?: number,
  ): void {
    const built = scheduledSchool(75);
    const template = journalBytes ? withJournalBytes(built, journalBytes) : built;
    const clean = copyWithDocument(template);
    clean.emulator.ws.clock.set(RUN_AT);
    const before = clean.emulator.ws.callCount;
    runReminders(clean);
    const calls = clean.emulator.ws.callCount - before;
    const expected = clean.emulator.mail.sent.map(key).sort();
    expect(expected.length).toBeGreaterThanOrEqual(50);
    // The clean run itself reminds exactly the families the Schedule lists, each once.
    expect(recipients(clean).sort()).toEqual(dueFamilies(clean));
    const faulted = new Set<string>();
    for (let k = 0; k < calls; k += stride) {
      const s = copyWithDocument(template);
      s.emulator.ws.clock.set(RUN_AT);
      const ws = s.emulator.ws;
      const run = () => s.bundle.callFromClient('runJob', ['reminders']);
      const call =
        kind === 'kill' ? cutOffAt(ws, k, run) : failAt(ws, k, `Injected failure at ${k}`, run);
      faulted.add(call);
      for (let i = 0; i < 3; i++) if (runReminders(s).done) break;
      check(s.emulator.mail.sent.map(key).sort(), expected, `call ${k} (${call})`, s);
    }
    // Faults fell on the sends themselves, not only on reads around them.
    expect(faulted).toContain('MailApp.sendEmail');
  }

  /**
   * The school with its bundle's journal limit set lower: a 50-family run's journal (some 3 KB)
   * stays under the real one, so only then does the run write Reminders Sent while it sends.
   */
  function withJournalBytes(school: School, bytes: number): School {
    const limit = 'var JOURNAL_BYTES = 6e3;';
    expect(school.bundle.code).toContain(limit);
    const code = school.bundle.code.replace(limit, `var JOURNAL_BYTES = ${bytes};`);
    return { ...school, bundle: new Bundle(school.emulator, code, school.bundle.manifest) };
  }

  it('interrupted at any service call of a 50-family run, a re-run sends exactly what an uninterrupted run sends', () => {
    faultRuns('throw', 1, (got, expected, at, s) => {
      if (JSON.stringify(got) !== JSON.stringify(expected))
        throw new Error(
          `interrupted at ${at}: ${got.length} messages, expected ${expected.length}`,
        );
      expect(recipients(s).sort()).toEqual(dueFamilies(s));
    });
  }, 600_000);

  it('cut off by Apps Script itself (no finally runs) at any call, also while it writes Reminders Sent between emails, a re-run sends nothing twice; the one it was sending is marked for a person to check', () => {
    faultRuns(
      'kill',
      1,
      (got, expected, at, s) => {
        expect(new Set(got).size).toBe(got.length);
        for (const m of got) expect(expected).toContain(m);
        const due = dueFamilies(s);
        const reached = recipients(s);
        for (const r of reached) expect(due).toContain(r);
        const missing = due.filter((f) => !reached.includes(f));
        if (missing.length > 1)
          throw new Error(`cut at ${at}: ${missing.length} addresses never reminded`);
        const marked = scheduleRows(s).rows.filter((r) =>
          String(r[col(s, 'Reminders Sent')]).includes('unconfirmed'),
        );
        // The one address not reminded is on a row marked for a person to check.
        for (const f of missing)
          expect(
            marked.some((r) =>
              String(r[col(s, 'Emails')])
                .split(/[;,]/)
                .map((e) => e.trim().toLowerCase())
                .includes(f),
            ),
          ).toBe(true);
      },
      1000,
    );
  }, 600_000);

  it('stops cleanly at the daily email quota and finishes the next day, nothing twice', () => {
    const s = scheduledSchool(75);
    s.emulator.ws.clock.set(EST('2026-11-15', '20:00'));
    const limit = s.emulator.ws.quota.limits.mailRecipientsPerDay;
    s.emulator.ws.quota.take('mailRecipientsPerDay', limit - 40, 'test');
    const first = runReminders(s);
    expect(first.done).toBe(true);
    expect(first.message).toContain('daily email limit');
    expect(first.problems[0]!.message).toContain('still to remind');
    expect(first.problems[0]!.message).toContain('24 hours after the first request');
    const part = s.emulator.mail.sent.length;
    expect(part).toBeGreaterThan(10);
    expect(s.emulator.mail.sent.reduce((n, m) => n + m.to.length, 0)).toBeLessThanOrEqual(40);
    const again = runReminders(s);
    expect(s.emulator.mail.sent.length).toBe(part);
    expect(again.message).toContain('daily email limit');
    // Google: quotas "reset 24 hours after the first request" (docs/EMULATOR.md row 30).
    s.emulator.ws.clock.set(EST('2026-11-15', '20:00') + 24 * 3600_000);
    const next = runReminders(s);
    expect(next.done).toBe(true);
    expect(s.emulator.mail.sent.length).toBeGreaterThan(part);
    const keys = s.emulator.mail.sent.map((m) => [...m.to].sort().join(','));
    expect(new Set(keys).size).toBe(keys.length);
    expect(runReminders(s).message).toBe('No reminder is due now.');
  });

  it.each(SCHEDULE_EDITS)(
    'a person %s while reminders go out: the next run reminds each address left, and none twice',
    (_, edit) => {
      const s = scheduledSchool(75);
      s.emulator.ws.clock.set(RUN_AT);
      const limit = s.emulator.ws.quota.limits.mailRecipientsPerDay;
      s.emulator.ws.quota.take('mailRecipientsPerDay', limit - 25, 'test');
      const due = dueFamilies(s);
      const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 3, () => edit(s));
      expect(runReminders(s).message).toContain('daily email limit');
      expect(edited()).toBe(true);
      // Google: quotas "reset 24 hours after the first request" (docs/EMULATOR.md row 30).
      s.emulator.ws.clock.set(RUN_AT + 24 * 3600_000);
      expect(runReminders(s).done).toBe(true);
      const sent = recipients(s);
      const twice = sent.filter((to, i) => sent.indexOf(to) !== i);
      expect(twice).toEqual([]);
      // Every address still on the Schedule reminded; one on a row deleted maybe already.
      const left = dueFamilies(s);
      expect(left.filter((to) => !sent.includes(to))).toEqual([]);
      expect(sent.filter((to) => !due.includes(to))).toEqual([]);
    },
  );

  it('on a day Google is forty times slower, the hourly trigger still reminds every family in time, each run under six minutes', () => {
    const school = openSchool({ students: 40, days: ['2026-11-17'], latencyFactor: 40 });
    for (let i = 0; i < 20; i++)
      if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;
    for (let i = 0; i < 20; i++)
      if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['schedule'])).done) break;
    ok(school.bundle.callFromClient('setReminders', [true]));
    const before = school.emulator.ws.reports.length;
    school.emulator.triggers.advanceTo(EST('2026-11-18', '00:00'));
    const runs = school.emulator.ws.reports
      .slice(before)
      .filter((r) => r.entry.includes('sendDueReminders'));
    expect(runs.every((r) => !r.terminated && r.elapsedMs < 6 * 60_000)).toBe(true);
    const families = new Set(
      scheduleRows(school).rows.map((r) => String(r[col(school, 'Family ID')])),
    );
    const reminded = (mark: RegExp) =>
      new Set(
        scheduleRows(school)
          .rows.filter((r) => mark.test(String(r[col(school, 'Reminders Sent')])))
          .map((r) => String(r[col(school, 'Family ID')])),
      );
    expect(reminded(/\b48h\b/)).toEqual(families);
    expect(reminded(/\b2h\b/)).toEqual(families);
    // Two messages per family (one per reminder time), none twice.
    const perFamily = new Map<string, number>();
    for (const m of school.emulator.mail.sent)
      perFamily.set(
        [...m.to].sort().join(','),
        (perFamily.get([...m.to].sort().join(',')) ?? 0) + 1,
      );
    expect([...perFamily.values()].every((n) => n === 2)).toBe(true);
  });

  it('keeps hostile names as text: escaped in HTML, one line in the subject', () => {
    const s = scheduledSchool(20);
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    // The greeting comes from the children's surnames on the Roster, the names from the Schedule.
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const id = String(sheet.values()[1]![col(s, 'Student IDs')]).replace(/^'/, '');
    const rosterRow = roster.values().findIndex((r) => String(r[0]) === id) + 1;
    const nameCol = roster.values()[0]!.indexOf('Student Name') + 1;
    expect(rosterRow).toBeGreaterThan(1);
    roster.patch(rosterRow, nameCol, { v: '<script>alert(1)</script>, Ana' });
    sheet.patch(2, col(s, 'Students') + 1, {
      v: '=IMPORTXML("http://evil.example","//a")\nBcc: x@evil.example',
    });
    sheet.patch(2, col(s, 'Teacher') + 1, { v: 'Ms. <b>Bold</b>' });
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    runReminders(s);
    const to = String(sheet.values()[1]![col(s, 'Emails')]).split(';')[0]!.trim().toLowerCase();
    const [m] = s.emulator.mail.to(to);
    expect(m).toBeDefined();
    expect(m!.htmlBody).not.toContain('<script>');
    expect(m!.htmlBody).toContain('&lt;script&gt;');
    expect(m!.htmlBody).not.toContain('<b>');
    expect(m!.subject).not.toMatch(/[\r\n]/);
    expect(m!.subject).toContain('Ms. <b>Bold</b>'); // plain text: the subject is not HTML
    expect(m!.to.every((t) => !t.includes('evil'))).toBe(true);
    // No reply-to in Settings: the text names the sending account, not an empty address.
    expect(m!.body).toContain('reply to coordinator@lincoln.school.example.');
    const mark = sheet.values()[1]![col(s, 'Reminders Sent')];
    expect(String(mark)).toMatch(/^48h /);
  });

  it('shows the channels and the trigger on the Reminders step', () => {
    const s = scheduledSchool(30);
    const o = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const step = o.steps.find((x) => x.id === 'reminders')!;
    const count = (label: string) => step.counts.find((c) => c.label === label)!.value;
    expect(count('families by email') + count('families by letter')).toBe(count('families'));
    expect(step.headline).toContain('Hourly reminders are off');
    ok(s.bundle.callFromClient('setReminders', [true]));
    const after = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'reminders',
    )!;
    expect(after.headline).toContain('Hourly reminders are on');
  });

  it.each(['blank', 'repeated'])(
    'does not remind a row whose Conference ID is %s, and names its cell; a sort during the run sends nothing twice',
    (how) => {
      const s = scheduledSchool(75);
      const runAt = EST('2026-11-16', '12:00');
      s.emulator.ws.clock.set(runAt);
      const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
      const id = col(s, 'Conference ID') + 1;
      const students = col(s, 'Students') + 1;
      const sentCol = col(s, 'Reminders Sent') + 1;
      // A row typed by hand without an ID, or a copied row keeping another row's ID.
      sheet.put(5, id, { v: how === 'blank' ? '' : sheet.cell(6, id)!.v });
      const unkeyed = [5, ...(how === 'blank' ? [] : [6])].map((r) =>
        String(sheet.cell(r, students)!.v),
      );
      const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 3, () => sortBackwards(sheet));
      const p = runReminders(s);
      expect(edited()).toBe(true);
      const rowsNamed = p.problems?.map((x) => x.where?.row).sort();
      expect(rowsNamed).toEqual(how === 'blank' ? [5] : [5, 6]);
      expect(p.problems?.[0]?.message).toMatch(/^Schedule, row 5, column \w+ \(Conference ID\)/);
      s.emulator.ws.clock.set(runAt + 10 * 60_000);
      runReminders(s);
      const sent = s.emulator.mail.sent.map(key);
      expect(sent.length).toBeGreaterThan(10);
      expect(sent.filter((k, i) => sent.indexOf(k) !== i)).toEqual([]);
      // Those rows, wherever the sort put them, were not reminded.
      const cells = sheet
        .values()
        .filter((r) => unkeyed.includes(String(r[students - 1])))
        .map((r) => String(r[sentCol - 1] ?? ''));
      expect(cells).toEqual(unkeyed.map(() => ''));
    },
  );

  it('does not remind a row again that was deleted during the run and brought back with Undo', () => {
    const s = scheduledSchool(75);
    const runAt = EST('2026-11-16', '12:00');
    s.emulator.ws.clock.set(runAt);
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    let saved: unknown[] = [];
    // Row 3 (reminded early: the Schedule is by start time) deleted at the 20th email.
    const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 20, () => {
      saved = sheet.rows[2]!;
      sheet.rows = [...sheet.rows.slice(0, 2), ...sheet.rows.slice(3)];
    });
    runReminders(s);
    expect(edited()).toBe(true);
    // Undo: the row is back where it was, as it was (no mark: the run could not write it).
    sheet.rows = [...sheet.rows.slice(0, 2), saved as never, ...sheet.rows.slice(2)];
    const first = s.emulator.mail.sent.length;
    s.emulator.ws.clock.set(runAt + 10 * 60_000);
    runReminders(s);
    expect(s.emulator.mail.sent.length).toBe(first);
    const sent = s.emulator.mail.sent.map(key);
    expect(sent.filter((k, i) => sent.indexOf(k) !== i)).toEqual([]);
    expect(String(sheet.cell(3, col(s, 'Reminders Sent') + 1)!.v)).not.toBe('');
  });
});

describe('templates', () => {
  it('previews an edited template on a real Spanish-speaking family, and refuses an unknown field', () => {
    const s = scheduledSchool(40);
    const view = ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'es']));
    expect(view.source).toBe('built-in');
    const family = view.families[0]!;
    expect(family.language).toBe('es');
    const template = {
      subject: 'Recordatorio para {{family}}',
      body: 'Hola {{family}}, {{date}} {{time}} con {{teacher}}. {{oops}}',
    };
    const preview = ok<TemplatePreview>(
      s.bundle.callFromClient('previewTemplate', ['reminder', 'es', template, family.conferenceId]),
    );
    expect(preview.unknown).toEqual(['oops']);
    expect(preview.text).toMatch(/(lunes|martes|miércoles) \d+ de noviembre/);
    const refused = s.bundle.callFromClient('saveTemplate', [
      'reminder',
      'es',
      template,
    ]) as Result<unknown>;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('{{oops}}');
    const good = {
      subject: 'Recordatorio para {{family}}',
      body: 'Hola {{family}}: {{date}}, {{time}}, {{where}}.',
    };
    ok(s.bundle.callFromClient('saveTemplate', ['reminder', 'es', good]));
    expect(
      ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'es'])).source,
    ).toBe('edited');
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    runReminders(s);
    const spanish = s.emulator.mail.sent.filter((m) => m.subject.startsWith('Recordatorio para'));
    expect(spanish.length).toBeGreaterThan(0);
    expect(spanish[0]!.body).toMatch(/^Hola /);
  });

  it('lists each family once to preview on, no two alike, each named by its family, children and teacher', () => {
    const s = scheduledSchool(120);
    const view = ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'ar']));
    const labels = view.families.map((f) => f.label);
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels).size).toBe(labels.length);
    const rows = scheduleRows(s).rows;
    const byId = new Map(rows.map((r) => [String(r[col(s, 'Conference ID')]), r]));
    for (const f of view.families) {
      const r = byId.get(f.conferenceId)!;
      expect(f.label).toContain(
        `${String(r[col(s, 'Family')])} (${String(r[col(s, 'Students')])})`,
      );
      expect(f.label).toContain(String(r[col(s, 'Teacher')]));
    }
    expect(
      new Set(view.families.map((f) => String(byId.get(f.conferenceId)![col(s, 'Family ID')])))
        .size,
    ).toBe(labels.length);
  });

  it('translates for another language once, keeping the fields, and keeps the translation', () => {
    const s = scheduledSchool(30);
    s.emulator.spreadsheet
      .sheetByName('Schedule')!
      .patch(2, col(s, 'Language') + 1, { v: 'Vietnamese' });
    s.emulator.spreadsheet
      .sheetByName('Schedule')!
      .patch(2, col(s, 'Interpreter') + 1, { v: 'Yes' });
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    runReminders(s);
    const to = String(scheduleRows(s).rows[0]![col(s, 'Emails')])
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const [m] = s.emulator.mail.to(to);
    expect(m!.subject).toContain('[vi]');
    expect(m!.subject).not.toContain('{{');
    expect(m!.body).toMatch(/ngày \d+ tháng 11/);
    expect(m!.body).toContain('[vi] An interpreter will be there for you.');
    const translations = s.emulator.ws.reports
      .flatMap((r) => Object.entries(r.callsByMethod))
      .filter(([k]) => k.startsWith('LanguageApp'))
      .reduce((n, [, c]) => n + c, 0);
    const others = new Set(
      scheduleRows(s)
        .rows.map((r) => String(r[col(s, 'Language')]))
        .filter((l) => l && !/^(english|spanish|en|es)$/i.test(l)),
    );
    expect(others.has('Vietnamese')).toBe(true);
    expect(translations).toBe(22 * others.size); // subject and body of six kinds (invite, reminder, questionnaire, letter, availability, waiting list), again for each subject or body whose wording differs for several children (the availability request's subject among them: "the conferences"; one the same for both is asked once), and the interpreter sentence, once per language
    expect(
      ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'vi'])).template.subject,
    ).toContain('[vi]');
    s.emulator.ws.clock.set(EST('2026-11-17', '14:00'));
    runReminders(s);
    const again = s.emulator.ws.reports
      .flatMap((r) => Object.entries(r.callsByMethod))
      .filter(([k]) => k.startsWith('LanguageApp'))
      .reduce((n, [, c]) => n + c, 0);
    expect(again).toBe(translations);
  });
});

describe('a Schedule without its Reminders Sent column', () => {
  it('sends nothing and says which column to add back', () => {
    const s = scheduledSchool(20);
    s.emulator.spreadsheet
      .sheetByName('Schedule')!
      .patch(1, col(s, 'Reminders Sent') + 1, { v: 'Sent?' });
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    const r = s.bundle.callFromClient('runJob', ['reminders']) as Result<JobProgress>;
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        message: expect.stringContaining('"Reminders Sent" column'),
        where: { sheet: 'Schedule', row: 1 },
      });
    expect(s.emulator.mail.sent).toEqual([]);
  });
});

describe('a language the translator refuses', () => {
  it('falls back to English for that family and says so', () => {
    const s = scheduledSchool(20);
    s.emulator.spreadsheet
      .sheetByName('Schedule')!
      .patch(2, col(s, 'Language') + 1, { v: 'Tigrinya' }); // the emulated LanguageApp rejects "ti"
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    const progress = runReminders(s);
    expect(progress.problems.map((p) => p.message).join(' ')).toContain(
      'could not be translated into "ti"',
    );
    const to = String(scheduleRows(s).rows[0]![col(s, 'Emails')])
      .split(';')[0]!
      .trim()
      .toLowerCase();
    expect(s.emulator.mail.to(to)[0]!.subject).toMatch(/^Reminder: /);
  });
});

describe('no one left out', () => {
  it('gives families without email a printable letter in their language and a place on the phone list, and counts them', () => {
    const s = scheduledSchool(30);
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const { rows } = scheduleRows(s);
    const familyCol = col(s, 'Family ID');
    const spanish = rows.findIndex(
      (r) => rows.filter((x) => x[familyCol] === r[familyCol]).length === 1,
    );
    expect(spanish).toBeGreaterThanOrEqual(0);
    sheet.patch(spanish + 2, col(s, 'Language') + 1, { v: 'Spanish' });
    // The school adds a Phone column to the Roster, with this family's number.
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const phoneCol = roster.values()[0]!.length + 1;
    roster.patch(1, phoneCol, { v: 'Phone' });
    const studentId = String(rows[spanish]![col(s, 'Student IDs')]).replace(/^'/, '');
    const rosterRow = roster.values().findIndex((r) => String(r[0]) === studentId) + 1;
    expect(rosterRow).toBeGreaterThan(1);
    roster.patch(rosterRow, phoneCol, { v: '555-0142' });
    const emails = String(rows[spanish]![col(s, 'Emails')]).split(';')[0]!.trim().toLowerCase();
    sheet.patch(spanish + 2, col(s, 'Emails') + 1, { v: '' });
    sheet.patch(spanish + 2, col(s, 'Family') + 1, { v: '=HYPERLINK("http://evil.example")' });
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    const progress = runReminders(s);
    expect(progress.problems.some((p) => p.message.includes('1 family without email'))).toBe(true);
    expect(s.emulator.mail.to(emails)).toEqual([]);
    const letters = s.emulator.spreadsheet.sheetByName('Letters')!.values();
    const text = letters.map((r) => r.join(' ')).join('\n');
    // Greeted by the child's surname ("Last, First" on the Roster), and the block headed by it
    // too, as the household's own rows give it: the Family cell (a joined family's name, here
    // made hostile) heads nothing.
    const surname = String(roster.values()[rosterRow - 1]![1])
      .split(',')[0]!
      .trim();
    expect(text).toContain(`Estimada familia ${surname}:`);
    expect(String(letters[0]![0]).slice(0, surname.length + 2)).toBe(`${surname} (`);
    expect(text).not.toContain('HYPERLINK');
    expect(s.emulator.spreadsheet.sheetByName('Letters')!.cell(1, 1)!.f).toBeUndefined();
    expect(text).toContain('Phone list: families without email');
    expect(text).toContain('555-0142');
    // Under the number, the call's script in the family's language: its letter's subject, then
    // the Spanish questionnaire's questions.
    const phoneList = letters.findIndex((r) => r[0] === 'Phone list: families without email');
    const script = letters.slice(phoneList).map((r) => String(r[1]));
    expect(
      script.some((l) =>
        /^Say: Invitación: conferencia dirigida por .+, martes 17 de noviembre, /.test(l),
      ),
    ).toBe(true);
    expect(script).toContain('Ask: ¿Cómo ayudará su familia a lograr esa meta?');
    const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'reminders',
    )!;
    expect(step.counts.find((c) => c.label === 'families by letter')!.value).toBe(1);
    // Nothing changed: the Letters sheet is not written again.
    runReminders(s);
    expect(
      Object.keys(s.emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
        /setValues|clear/.test(m),
      ),
    ).toEqual([]);
  });
});
