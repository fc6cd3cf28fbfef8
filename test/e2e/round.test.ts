/**
 * Issue 9 on the emulator: a whole round, then the same round cut off at service calls in turn
 * (as Apps Script cuts an execution at six minutes or a server dies), each cut-off step tried
 * again as a person would: the end state equals the clean round's, nothing lost, nothing twice.
 */
import { openSchool } from '../../preview/school';
import {
  asGoogle,
  busiestReminderDay,
  isOwnerNotice,
  compare,
  cutPoints,
  isReminder,
  orphanForms,
  play,
  round,
  snapshot,
  tomorrowMorning,
} from '../../sample/round';

const SIZE = { students: 14, teachers: 3 };
jest.setTimeout(300_000);

describe('a whole round', () => {
  it('ends with every student placed or explained, one questionnaire email per family and a Summary', () => {
    const s = openSchool({ students: 60 });
    const { failures } = play(s, round());
    expect(failures).toEqual([]);
    const snap = snapshot(s) as {
      sheets: Record<string, unknown[][]>;
      mail: string[];
      triggers: string[];
      forms: string[];
    };
    expect(snap.forms).toHaveLength(2);
    expect(snap.triggers).toEqual(['onFormSubmit ON_FORM_SUBMIT', 'sendDueReminders CLOCK']);
    expect(snap.sheets.Summary!.length).toBeGreaterThan(10);
    // One questionnaire per family; each reminder time once per family (two times in Settings).
    const questionnaires = snap.mail
      .filter((m) => /\| (How did|¿Cómo fue)/.test(m))
      .map((m) => m.split(' | ')[0]);
    expect(new Set(questionnaires).size).toBe(questionnaires.length);
    const reminders = new Map<string, number>();
    for (const m of snap.mail.filter((x) => isReminder(x.split(' | ')[1]!)))
      reminders.set(m, (reminders.get(m) ?? 0) + 1);
    expect(reminders.size).toBeGreaterThan(20);
    expect([...reminders.values()].every((n) => n <= 2)).toBe(true);
  });

  it('cut off at service calls in turn, then carried on, ends exactly as the clean round', () => {
    const clean = openSchool(SIZE);
    const start = clean.emulator.ws.callCount;
    play(clean, round());
    const expected = snapshot(clean);
    const points = cutPoints(clean, start);
    expect(points.length).toBeGreaterThan(500);
    // Every call is swept by `npm run bench`; the suite takes an evenly spread sample.
    const stride = Number(process.env.SWEEP_STRIDE ?? 41);
    let cuts = 0;
    let orphans = 0;
    let flagged = 0;
    for (let i = 0; i < points.length; i += stride) {
      const k = points[i]!;
      const s = openSchool(SIZE);
      s.emulator.ws.injectFault({ atIndex: s.emulator.ws.callCount + k, kind: 'kill' });
      play(s, round());
      // Everything equal, mail aside: nothing sent twice; at most the one reminder a cut-off
      // run was sending may be missing, and then the Schedule marks it for a person to check.
      const c = compare(expected, s);
      expect({ cut: k, difference: c.difference, extra: c.extraMail }).toEqual({
        cut: k,
        difference: null,
        extra: [],
      });
      expect(c.missingMail.length).toBeLessThanOrEqual(1);
      if (c.missingMail.length) {
        expect(isReminder(c.missingMail[0]!.split(' | ')[1]!)).toBe(true);
        expect(c.flagged).toBe(true);
        flagged++;
      }
      orphans += orphanForms(s);
      cuts++;
    }
    expect(cuts).toBeGreaterThanOrEqual(Math.floor(points.length / stride));
    // Only a cut in the two calls between FormApp.create and saving the form's ID leaves one.
    expect(orphans).toBeLessThanOrEqual(2);
    expect(flagged).toBeLessThan(cuts);
  });

  it('with Google’s daily quotas far below what the round needs, carries on each next morning and ends as the clean round', () => {
    const clean = openSchool(SIZE);
    play(clean, round());
    const events = clean.emulator.calendar.events().length;
    // A quarter of the events a day, so the invites take four days; mail for the busiest day of
    // reminders and no more (the questionnaire's own stop at the limit: test/server/forms.test.ts).
    const mailPerDay = busiestReminderDay(clean);
    const s = openSchool({
      ...SIZE,
      quotas: { mailRecipientsPerDay: mailPerDay, eventsCreatedPerDay: Math.ceil(events / 4) },
    });
    const { failures } = play(s, round(), 2, tomorrowMorning);
    expect(failures.filter((f) => /invites:.*daily limit/.test(f)).length).toBeGreaterThanOrEqual(
      3,
    );
    const c = compare(snapshot(clean), s);
    expect(c.difference).toBeNull();
    expect(c.extraMail).toEqual([]);
    expect(c.missingMail).toEqual([]);
  });

  it('with the emulator set as Google is reported to behave (forms start unpublished, clock triggers without their spreadsheet, Calendar slowing writers down, addGuest silent, tab names ignoring case, quotas renewing 24 hours after first use), ends as the clean round', () => {
    const clean = openSchool(SIZE);
    play(clean, round());
    const s = asGoogle(openSchool(SIZE), 5);
    const events = clean.emulator.calendar.events().length;
    expect(events).toBeGreaterThan(10);
    const { failures } = play(s, round());
    expect(failures).toEqual([]);
    const c = compare(snapshot(clean), s);
    expect(c).toMatchObject({ difference: null, extraMail: [], missingMail: [] });
    // The switches bit: every form was made unpublished, Calendar asked the invites to wait,
    // and the owner was emailed to send the reminders the trigger could not.
    expect(s.emulator.forms.forms().every((f) => f.published)).toBe(true);
    expect(s.emulator.ws.callLog.some((c) => c.method === 'sleep')).toBe(true);
    expect(s.emulator.mail.sent.filter((m) => isOwnerNotice(m.subject)).length).toBeGreaterThan(1);
    // Every family was invited by Google's own invitation though addGuest mails nobody.
    const invited = new Set(s.emulator.calendar.invitations.map((i) => i.to));
    for (const e of s.emulator.calendar.events())
      for (const g of e.guests) expect(invited.has(g.email)).toBe(true);
  });

  it('on a day Google is twenty times slower, every execution stops in time and the round ends as the clean one', () => {
    const clean = openSchool(SIZE);
    play(clean, round());
    const s = openSchool({ ...SIZE, latencyFactor: 20 });
    play(s, round());
    expect(s.emulator.ws.reports.every((r) => !r.terminated && r.elapsedMs < 6 * 60_000)).toBe(
      true,
    );
    const c = compare(snapshot(clean), s);
    expect(c).toMatchObject({ difference: null, extraMail: [], missingMail: [] });
  });
});
