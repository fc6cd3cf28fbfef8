/**
 * The hourly reminders whether or not Google gives the time-driven trigger its spreadsheet
 * (reported not to: docs/EMULATOR.md row 17; switch TriggerStore.clockTriggersHaveNoDocument).
 * Either way every family is reminded 48 and 2 hours before, once: by the trigger itself, or
 * by its owner, whom the trigger emails when reminders fall due.
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview } from '../../src/shared/api';
import { EST, ok } from './calls';

type School = ReturnType<typeof openSchool>;

const HOUR = 3600_000;
const OWNER = 'coordinator@lincoln.school.example';
const NOTICE = /^Conference reminders are due: /;

/**
 * 18 students on 17 November (or on `days`), scheduled; `mailPerDay`: the account's daily email
 * recipients.
 */
function scheduledSchool(noDocument: boolean, mailPerDay?: number, days = ['2026-11-17']): School {
  const school = openSchool({
    students: 18,
    days,
    ...(mailPerDay
      ? {
          quotas: {
            mailRecipientsPerDay: mailPerDay,
            eventsCreatedPerDay: 10_000,
            translateCallsPerDay: 20_000,
          },
        }
      : {}),
  });
  school.emulator.triggers.clockTriggersHaveNoDocument = noDocument;
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(school.bundle.callFromClient('runJob', ['schedule']));
  return school;
}

/**
 * Hour by hour until the day after the conferences; a teacher who gets the trigger's email
 * opens the spreadsheet within the hour and clicks "Send due reminders now".
 */
function runTheWeek(
  s: School,
  until = EST('2026-11-18', '00:00'),
): { notices: number; clicks: number } {
  let seen = 0;
  let clicks = 0;
  for (let t = s.emulator.ws.clock.now() + HOUR; t <= until; t += HOUR) {
    s.emulator.triggers.advanceTo(t);
    const notices = s.emulator.mail.sent.filter((m) => NOTICE.test(m.subject)).length;
    if (notices > seen) {
      seen = notices;
      clicks++;
      ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
    }
  }
  return { notices: seen, clicks };
}

/** The Schedule's Reminders Sent cells, row by row. */
function sentMarks(s: School): string[] {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  return rows.map((r) => String(r[(header as string[]).indexOf('Reminders Sent')]));
}

describe.each([
  { noDocument: false, label: 'with its spreadsheet' },
  { noDocument: true, label: 'without its spreadsheet' },
])('the hourly reminder trigger run $label', ({ noDocument }) => {
  it('reminds every family 48 hours and 2 hours before, once each, and tells the owner only when it cannot send', () => {
    const s = scheduledSchool(noDocument);
    expect(ok<boolean>(s.bundle.callFromClient('setReminders', [true]))).toBe(true);
    const { notices } = runTheWeek(s);

    const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const marks = rows.map((r) => String(r[(header as string[]).indexOf('Reminders Sent')]));
    for (const m of marks)
      expect(m).toMatch(/^48h 2026-11-1[56] \d\d:\d\d; 2h 2026-11-17 \d\d:\d\d$/);
    const toFamilies = s.emulator.mail.sent.filter((m) => !NOTICE.test(m.subject));
    // One family a day is one message per reminder time: two each, never a third.
    const perFamily = new Map<string, number>();
    for (const m of toFamilies) {
      const to = [...m.to].sort().join(',');
      perFamily.set(to, (perFamily.get(to) ?? 0) + 1);
    }
    expect(perFamily.size).toBeGreaterThan(5);
    expect([...perFamily.values()].every((n) => n === 2)).toBe(true);
    expect(toFamilies.every((m) => !m.to.includes(OWNER))).toBe(true);

    const told = s.emulator.mail.sent.filter((m) => NOTICE.test(m.subject));
    if (noDocument) {
      // One email per time reminders fell due (the 48-hour and 2-hour waves), to the owner only.
      expect(notices).toBeGreaterThanOrEqual(2);
      for (const m of told) {
        expect(m.to).toEqual([OWNER]);
        expect(m.body).toContain(s.emulator.spreadsheet.url);
        expect(m.body).toContain('Send due reminders now');
      }
    } else {
      expect(told).toEqual([]);
    }
    expect(s.emulator.triggers.firings.filter((f) => f.error)).toEqual([]);
    expect(s.emulator.triggers.firings.length).toBeGreaterThan(24);
  });

  it('reminds every family when reminders are turned on after the first reminders fell due', () => {
    const s = scheduledSchool(noDocument);
    s.emulator.triggers.advanceTo(EST('2026-11-15', '18:00'));
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    runTheWeek(s);
    for (const m of sentMarks(s))
      expect(m).toMatch(/^48h 2026-11-1[56] \d\d:\d\d; 2h 2026-11-17 \d\d:\d\d$/);
  });

  it("marks a reminder missed when the day's email quota is spent through its whole window", () => {
    const s = scheduledSchool(noDocument);
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    // Someone else's mail spends the day's quota just before the 2-hour reminders fall due; it
    // renews 24 hours later, after the conferences.
    runTheWeek(s, EST('2026-11-17', '00:00'));
    const quota = s.emulator.ws.quota;
    quota.take('mailRecipientsPerDay', quota.remaining('mailRecipientsPerDay'), '');
    runTheWeek(s, EST('2026-11-18', '03:00'));
    for (const m of sentMarks(s))
      expect(m).toMatch(
        /^48h 2026-11-15 \d\d:\d\d; 2h missed: its time passed while it waited for the daily email quota$/,
      );
  });

  it('says in the Reminders step, once the trigger has run, whether reminders go out on their own', () => {
    const s = scheduledSchool(noDocument);
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    s.emulator.triggers.advanceTo(s.emulator.ws.clock.now() + HOUR);
    expect(s.emulator.triggers.firings.length).toBeGreaterThan(0);
    const o = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const next = o.steps.find((x) => x.id === 'reminders')!.next;
    if (noDocument) {
      expect(next).toContain('without this spreadsheet');
      expect(next).toContain('Send due reminders now');
      expect(next).not.toContain('on their own, every hour');
    } else {
      expect(next).toBe('Reminders go out on their own, every hour as they fall due.');
    }
  });

  it('when turned off, forgets the spreadsheet it served and tells nobody anything more', () => {
    const s = scheduledSchool(noDocument);
    const remembered = () => [...(s.emulator.kv.properties.get(`user:${OWNER}`)?.keys() ?? [])];
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    expect(remembered().filter((k) => k.startsWith('slc:clock:'))).toHaveLength(1);
    ok<boolean>(s.bundle.callFromClient('setReminders', [false]));
    expect(remembered().filter((k) => k.startsWith('slc:clock:'))).toEqual([]);
    s.emulator.triggers.advanceTo(EST('2026-11-18', '00:00'));
    expect(s.emulator.mail.sent).toEqual([]);
  });
});

/**
 * The 2,000-student round with every switch on lacked 9 reminders the default round sent: its
 * first conference day needed more than the day's email quota in both plays, and without its
 * spreadsheet the trigger had emailed its owner 9 times in those 24 hours. The same at 18
 * students with a quota well below what the reminders need: whoever sends, every reminder is
 * sent or marked missed, and the step says why, the owner's emails included.
 */
describe.each([
  { noDocument: false, label: 'with its spreadsheet' },
  { noDocument: true, label: 'without its spreadsheet' },
])(
  'on days the email quota does not cover the reminders, the trigger run $label',
  ({ noDocument }) => {
    it('sends each reminder or marks it missed on the Schedule, and the step says why', () => {
      const s = scheduledSchool(noDocument, 12);
      ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
      const { notices } = runTheWeek(s, EST('2026-11-18', '03:00'));
      expect(notices > 0).toBe(noDocument);

      const marks = sentMarks(s);
      for (const m of marks) {
        expect(m).toMatch(/(^|; )48h (\d{4}-|missed: its time passed)/);
        expect(m).toMatch(/(^|; )2h (\d{4}-|missed: its time passed)/);
        expect(m).not.toContain('waiting');
      }
      const missed = marks.flatMap((m) => m.match(/missed/g) ?? []).length;
      expect(missed).toBeGreaterThan(0);
      const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
        (x) => x.id === 'reminders',
      )!;
      const flagged = step.problems.filter((p) =>
        /reminder was not sent: the daily email quota ran out/.test(p.message),
      );
      expect(flagged).toHaveLength(missed);
      for (const p of flagged) {
        expect(p.where).toMatchObject({ sheet: 'Schedule' });
        // Without the spreadsheet, the emails to the owner spent part of the same quota.
        expect(p.message.includes('The emails telling you reminders were due')).toBe(noDocument);
      }
    });
  },
);

/**
 * Two conference days and 10 recipients a day: the second day's 48-hour reminders fall due while
 * the first day's 2-hour ones are still ahead in the same quota day. Sent as they fell due, they
 * spent the quota the 2-hour ones needed (3 missed); held back until the quota renews, as their
 * window allows, every reminder goes. Run without its spreadsheet, the trigger's emails to its
 * owner spend the same quota, so the plan counts them; and a reminder held back for the renewal
 * is told to the owner when the quota renews, not at the next window's opening.
 */
const TWO_DAYS = ['2026-11-17', '2026-11-18'];

describe('when the quota renews before a reminder can wait no longer, the hourly trigger', () => {
  it('sends first the reminders that cannot wait, and holds back the others until it renews', () => {
    const s = scheduledSchool(false, 10, TWO_DAYS);
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    let held = false;
    for (let t = s.emulator.ws.clock.now() + HOUR; t <= EST('2026-11-19', '03:00'); t += HOUR) {
      s.emulator.triggers.advanceTo(t);
      held ||= sentMarks(s).some((m) => m.includes('waiting for quota'));
    }
    expect(held).toBe(true);
    const marks = sentMarks(s);
    expect(marks.length).toBeGreaterThan(10);
    for (const m of marks)
      expect(m).toMatch(/^48h 2026-11-1\d \d\d:\d\d; 2h 2026-11-1\d \d\d:\d\d$/);
  });
});

/**
 * The same two days without the spreadsheet and 13 recipients a day. Held back while the first
 * quota day ran out, a 48-hour reminder waited, with nobody told, until the next window opened a
 * day later; sent then, its quota day had to carry the next morning's 2-hour reminders as well,
 * and 3 of those were missed. Told when the quota renews, every reminder goes.
 */
describe('without its spreadsheet, when the quota renews with reminders held back for it', () => {
  it('tells the owner at once, so the held reminders go in the new quota day', () => {
    const s = scheduledSchool(true, 13, TWO_DAYS);
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    const { notices } = runTheWeek(s, EST('2026-11-19', '03:00'));
    expect(notices).toBeGreaterThan(2);
    const marks = sentMarks(s);
    expect(marks.length).toBeGreaterThan(10);
    for (const m of marks) {
      expect(m).toMatch(/^48h \d{4}-/);
      expect(m).toMatch(/; 2h \d{4}-/);
      expect(m).not.toMatch(/missed|waiting/);
    }
  });
});

/**
 * Without its spreadsheet, the owner clicks "Send due reminders now" when someone else's mail has
 * spent the day's quota: every reminder is held back for the renewal and none goes. That run still
 * records the quota day, so the owner is told once when it renews, and not again each hour after
 * (not even when the spreadsheet's record is refreshed meanwhile), whether or not they click.
 */
describe('without its spreadsheet, after a run that held back every reminder for the quota', () => {
  it('tells the owner once when the quota renews, and the held reminders go then', () => {
    const s = scheduledSchool(true, 40);
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    const notices = () => s.emulator.mail.sent.filter((m) => NOTICE.test(m.subject));
    // Every 48-hour reminder has fallen due, and the owner was told, but has not clicked yet.
    let t = s.emulator.ws.clock.now();
    while (t + HOUR <= EST('2026-11-16', '01:00')) s.emulator.triggers.advanceTo((t += HOUR));
    const before = notices().length;
    expect(before).toBeGreaterThan(0);
    const quota = s.emulator.ws.quota;
    quota.take('mailRecipientsPerDay', quota.remaining('mailRecipientsPerDay'), '');
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
    const held = sentMarks(s).filter((m) => m);
    expect(held.length).toBeGreaterThan(5);
    for (const m of held) expect(m).toMatch(/^48h waiting for quota since /);
    const renews = quota.renewsAt('mailRecipientsPerDay', 'eventsCreatedPerDay');

    const toldAt: number[] = [];
    for (let hour = 1; t + HOUR < EST('2026-11-17', '08:00'); hour++) {
      s.emulator.triggers.advanceTo((t += HOUR));
      if (notices().length > before + toldAt.length) toldAt.push(t);
      // Told, the owner turns reminders on again before sending: what the trigger remembers is
      // refreshed while the reminders still wait for them.
      if (toldAt.length && hour % 3 === 0)
        ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    }
    // Once, after the quota renewed, and within a day of the run that held them back.
    expect(toldAt).toHaveLength(1);
    expect(toldAt[0]!).toBeGreaterThanOrEqual(renews);
    expect(toldAt[0]!).toBeLessThanOrEqual(EST('2026-11-17', '02:00'));
    const told = notices()[before]!;
    expect(told.to).toEqual([OWNER]);
    expect(told.body).toContain(s.emulator.spreadsheet.url);
    expect(told.body).toContain('Send due reminders now');
    expect(sentMarks(s).filter((m) => m)).toEqual(held);

    ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
    for (const m of sentMarks(s).filter((m) => m))
      expect(m).toMatch(/^48h 2026-11-1[67] \d\d:\d\d$/);
  });
});

/** The execution reports of one kind of run, from `since` on. */
const reportsOf = (s: School, entry: string, since = 0) =>
  s.emulator.ws.reports.slice(since).filter((r) => r.entry.startsWith(entry));
const opened = (r: { callsByMethod: Record<string, number> }) =>
  r.callsByMethod['SpreadsheetApp.getActiveSpreadsheet'] ?? 0;

describe('what the hourly trigger remembers, kept from the spreadsheet the run already opened', () => {
  it('a schedule built with reminders on is remembered at once: every conference’s two reminder times, the spreadsheet opened once', () => {
    const s = openSchool({ students: 18, days: ['2026-11-17'] });
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    const before = s.emulator.ws.reports.length;
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));

    const [build] = reportsOf(s, 'runJob', before);
    expect(opened(build!)).toBe(1);
    const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const at = (h: string) => (header as string[]).indexOf(h);
    const starts = new Set(rows.map((r) => `${String(r[at('Date')])} ${String(r[at('Start')])}`));
    expect(starts.size).toBeGreaterThan(3);
    const [record] = [...(s.emulator.kv.properties.get(`user:${OWNER}`) ?? new Map())]
      .filter(([k]) => /^slc:clock:[^:]+$/.test(k))
      .map(([, v]) => JSON.parse(v) as { opens: number[]; name: string });
    // 48 and 2 hours before each start: on a one-day round no two of them fall together.
    expect(record!.opens).toHaveLength(2 * starts.size);
    expect(record!.name).toBe(s.emulator.spreadsheet.name);
  });

  it('an hourly run that sends opens the spreadsheet once, for its check of what is due and its send', () => {
    const s = scheduledSchool(false);
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    const before = s.emulator.ws.reports.length;
    runTheWeek(s);
    const sending = reportsOf(s, 'sendDueReminders', before).filter(
      (r) => (r.callsByMethod['MailApp.sendEmail'] ?? 0) > 0,
    );
    expect(sending.length).toBeGreaterThanOrEqual(2);
    for (const r of sending) expect(opened(r)).toBe(1);
  });

  it('writes Reminders Sent with no format call, and the marks stay text in a column a person reformatted', () => {
    const s = scheduledSchool(false);
    const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const column = (schedule.values()[0] as string[]).indexOf('Reminders Sent') + 1;
    // A person cleared the column's plain-text format (Format > Number > Automatic).
    for (let row = 2; row <= schedule.values().length; row++)
      schedule.patch(row, column, { nf: undefined });
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    const before = s.emulator.ws.reports.length;
    runTheWeek(s);
    const runs = reportsOf(s, 'sendDueReminders', before);
    expect(runs.some((r) => (r.callsByMethod['MailApp.sendEmail'] ?? 0) > 0)).toBe(true);
    for (const r of runs)
      expect(r.callsByMethod['SpreadsheetApp.Range.setNumberFormat']).toBe(undefined);
    for (const m of sentMarks(s))
      expect(m).toMatch(/^48h 2026-11-1[56] \d\d:\d\d; 2h 2026-11-17 \d\d:\d\d$/);
  });

  it('keeps a note a person typed before the marks as text (not a formula), in a column a person reformatted', () => {
    const s = scheduledSchool(false);
    const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const header = schedule.values()[0] as string[];
    const column = header.indexOf('Reminders Sent') + 1;
    for (let row = 2; row <= schedule.values().length; row++)
      schedule.patch(row, column, { nf: undefined });
    // Typed while the column was still plain text; its format cleared since.
    schedule.patch(2, column, { v: '-called mom', nf: undefined });
    ok<boolean>(s.bundle.callFromClient('setReminders', [true]));
    runTheWeek(s);
    expect(sentMarks(s)[0]).toMatch(
      /^-called mom; 48h 2026-11-1[56] \d\d:\d\d; 2h 2026-11-17 \d\d:\d\d$/,
    );
  });
});
