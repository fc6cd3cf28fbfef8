/**
 * Several editors, one truth, on the built bundle: two teachers with edit access to one
 * spreadsheet click the same sidebar. The conference calendar, the family forms and the
 * triggers are the document's: the second teacher works on the same ones, or is told plainly
 * whose they are and what to do, and never makes a second event, form or trigger.
 *
 * The emulator keeps each of them per account, as Google does (emulator/calendar.ts,
 * emulator/forms.ts, emulator/script.ts name the pages): A's calendar is B's only once shared
 * (and in B's list), A's form opens for B only once B is a collaborator, and ScriptApp shows B
 * none of A's triggers.
 */
import type { CalendarRole, EventState } from '../../emulator/calendar';
import type { School } from '../../preview/school';
import type { JobProgress, Overview, Result } from '../../src/shared/api';
import { props } from './calls';
import { body, cellOf, eventOfRow, scheduled, type } from './invites.fixture';

/** The teacher who set the school up and sent the invites (openSchool's user). */
const A = 'coordinator@lincoln.school.example';
/** A second teacher with edit access to the same spreadsheet. */
const B = 'rivera@lincoln.school.example';

/** A sidebar operation run by one user, chunk after chunk: its last progress, or its error. */
function runAs(s: School, user: string, job: string): { done?: JobProgress; error?: string } {
  for (let i = 0; i < 50; i++) {
    const r = s.bundle.callFromClient('runJob', [job], { user }) as Result<JobProgress>;
    if (!r.ok) return { error: r.error.message };
    if (r.value.done) return { done: r.value };
  }
  throw new Error(`${job} never finished`);
}

function callAs<T>(s: School, user: string, name: string, args: unknown[]): Result<T> {
  return s.bundle.callFromClient(name, args, { user }) as Result<T>;
}

/** The calendar the document recorded, with its owner. */
function documentCalendar(s: School): { id: string; owner?: string } {
  return JSON.parse(props(s).get('slc:invites:calendar')!) as { id: string; owner?: string };
}

/** Every live event on every calendar of every user. */
function allEvents(s: School): EventState[] {
  return s.emulator.calendar.events();
}

/** Secondary calendars (not anyone's default one) made by a user. */
function calendarsMadeBy(s: School, user: string) {
  return s.emulator.calendar.calendars().filter((c) => c.owner === user && !c.primary);
}

/** Calendar calls of the last execution. */
function calendarCallsOfLastRun(s: School): number {
  const r = s.emulator.ws.reports.at(-1)!;
  return Object.entries(r.callsByMethod)
    .filter(([m]) => m.startsWith('CalendarApp.'))
    .reduce((n, [, c]) => n + c, 0);
}

/** A school whose invitations A has sent (reply-to left empty, as a fresh set-up has it). */
function invitedByA(): School {
  const s = scheduled(12);
  const sent = runAs(s, A, 'invites');
  expect(sent.error).toBeUndefined();
  return s;
}

/** How A shares the conference calendar with B, and whether B has it in their list. */
type Sharing = { role: CalendarRole; subscribes: boolean } | null;

function share(s: School, sharing: Sharing): void {
  if (!sharing) return;
  s.emulator.calendar.sharingSubscribes = sharing.subscribes;
  s.emulator.calendar.share(documentCalendar(s).id, B, sharing.role);
}

const WRITER_SHARES: [string, Sharing][] = [
  [
    "shared with 'Make changes to events', in B's list at once",
    { role: 'writer', subscribes: true },
  ],
  [
    "shared with 'Make changes to events', not yet in B's list",
    { role: 'writer', subscribes: false },
  ],
];

describe('Send invites by a second editor', () => {
  it('A’s first send makes one calendar, records it and its owner in the document, and names A for replies', () => {
    const s = invitedByA();
    const rows = body(s).length;
    expect(calendarsMadeBy(s, A)).toHaveLength(1);
    expect(documentCalendar(s)).toMatchObject({ id: calendarsMadeBy(s, A)[0]!.id, owner: A });
    expect(allEvents(s)).toHaveLength(rows);
    // In each family's language: the address is A's, whoever sends next.
    for (const e of allEvents(s)) expect(e.description).toContain(A);
  });

  it.each<[string, Sharing]>([['not shared with B', null], ...WRITER_SHARES])(
    'with nothing changed (calendar %s): no Calendar call, no event, no email',
    (_, sharing) => {
      const s = invitedByA();
      share(s, sharing);
      const before = allEvents(s).map((e) => `${e.id} ${e.updatedAt}`);
      const mail = s.emulator.calendar.invitations.length;
      const sent = runAs(s, B, 'invites');
      expect(sent.done?.message).toBe(
        'Every event already matched the Schedule; nothing was sent.',
      );
      expect(calendarCallsOfLastRun(s)).toBe(0);
      expect(allEvents(s).map((e) => `${e.id} ${e.updatedAt}`)).toEqual(before);
      expect(s.emulator.calendar.invitations).toHaveLength(mail);
      expect(calendarsMadeBy(s, B)).toHaveLength(0);
      const step = (
        callAs<Overview>(s, B, 'getOverview', []) as { value: Overview }
      ).value.steps.find((x) => x.id === 'invites')!;
      expect(step.counts.find((c) => c.label === 'changed since sent')!.value).toBe(0);
    },
  );

  it.each(WRITER_SHARES)(
    'a move by B (calendar %s) updates A’s event, which still names A for replies',
    (_, sharing) => {
      const s = invitedByA();
      share(s, sharing);
      const rows = body(s).length;
      const event = eventOfRow(s, 3);
      type(s, 3, 'Start', '8:00 AM');
      type(s, 3, 'End', '8:25 AM');
      const sent = runAs(s, B, 'invites');
      expect(sent.done?.message).toBe('1 event updated.');
      const moved = eventOfRow(s, 3);
      expect(moved.id).toBe(event.id);
      expect(moved.calendarId).toBe(documentCalendar(s).id);
      expect(moved.start).not.toBe(event.start);
      expect(moved.description).toMatch(/\b0?8:00\b/);
      expect(moved.description).toContain(A);
      expect(moved.description).not.toContain(B);
      expect(allEvents(s)).toHaveLength(rows);
      expect(calendarsMadeBy(s, B)).toHaveLength(0);
      const updates = s.emulator.calendar.invitations.filter((i) => i.kind !== 'invite');
      expect(new Set(updates.map((u) => `${u.eventId} ${u.kind}`))).toEqual(
        new Set([`${event.id} update`]),
      );
      // Done is done: A clicking next has nothing to do either.
      expect(runAs(s, A, 'invites').done?.message).toContain('nothing was sent');
      expect(calendarCallsOfLastRun(s)).toBe(0);
    },
  );

  it.each(WRITER_SHARES)('a cancel by B (calendar %s) removes A’s event', (_, sharing) => {
    const s = invitedByA();
    share(s, sharing);
    const rows = body(s).length;
    const event = eventOfRow(s, 2);
    type(s, 2, 'Status', 'cancelled');
    const sent = runAs(s, B, 'invites');
    expect(sent.done?.message).toBe('1 event cancelled.');
    expect(allEvents(s).map((e) => e.id)).not.toContain(event.id);
    expect(allEvents(s)).toHaveLength(rows - 1);
    expect(cellOf(s, 2, 'Event ID')).toBe('');
    const cancels = s.emulator.calendar.invitations.filter((i) => i.kind === 'cancel');
    expect(cancels.map((i) => i.to).sort()).toEqual(event.guests.map((g) => g.email).sort());
  });

  describe('when B cannot change the calendar, B is told whose it is, and nothing changes', () => {
    const cases: [string, Sharing, RegExp][] = [
      ['not shared with B', null, /cannot open it/],
      [
        "shared with 'See all event details' only",
        { role: 'reader', subscribes: true },
        /may see its events but not change them/,
      ],
    ];

    it.each(cases)('a move (calendar %s)', (_, sharing, why) => {
      const s = invitedByA();
      share(s, sharing);
      const before = allEvents(s).map((e) => `${e.id} ${e.updatedAt} ${e.start}`);
      const mail = s.emulator.calendar.invitations.length;
      const sentAt = cellOf(s, 3, 'Invite Sent');
      type(s, 3, 'Start', '8:00 AM');
      type(s, 3, 'End', '8:25 AM');
      const sent = runAs(s, B, 'invites');
      expect(sent.done).toBeUndefined();
      expect(sent.error).toMatch(why);
      expect(sent.error).toContain(`The conference calendar belongs to ${A}`);
      expect(sent.error).toContain(
        `Ask ${A} to share it with you with 'Make changes to events', or let them send the invites.`,
      );
      expect(allEvents(s).map((e) => `${e.id} ${e.updatedAt} ${e.start}`)).toEqual(before);
      expect(s.emulator.calendar.invitations).toHaveLength(mail);
      expect(calendarsMadeBy(s, B)).toHaveLength(0);
      expect(cellOf(s, 3, 'Invite Sent')).toEqual(sentAt);
      // A's send then moves A's own event: the change was waiting, not lost.
      expect(runAs(s, A, 'invites').done?.message).toBe('1 event updated.');
      expect(allEvents(s)).toHaveLength(before.length);
    });

    it.each(cases)('a cancel (calendar %s)', (_, sharing, why) => {
      const s = invitedByA();
      share(s, sharing);
      const event = eventOfRow(s, 2);
      const rows = body(s).length;
      type(s, 2, 'Status', 'cancelled');
      const sent = runAs(s, B, 'invites');
      expect(sent.done).toBeUndefined();
      expect(sent.error).toMatch(why);
      expect(sent.error).toContain(A);
      expect(sent.error).toContain('Nothing was sent or changed.');
      expect(allEvents(s).map((e) => e.id)).toContain(event.id);
      expect(allEvents(s)).toHaveLength(rows);
      expect(cellOf(s, 2, 'Event ID')).toBe(event.id);
      expect(s.emulator.calendar.invitations.filter((i) => i.kind === 'cancel')).toHaveLength(0);
      const step = (
        callAs<Overview>(s, B, 'getOverview', []) as { value: Overview }
      ).value.steps.find((x) => x.id === 'invites')!;
      expect(step.counts.find((c) => c.label === 'to cancel')!.value).toBe(1);
    });
  });

  it('a send cut off right after making the calendar finds that calendar again: never a second', () => {
    const s = scheduled(12);
    s.emulator.ws.injectFault({ method: 'CalendarApp.Calendar.getId', kind: 'kill' });
    // Cut off as Apps Script cuts an execution: nothing after that call runs.
    expect(() => runAs(s, A, 'invites')).toThrow(
      /^Injected failure at call #\d+ \(CalendarApp\.Calendar\.getId\)$/,
    );
    expect(calendarsMadeBy(s, A)).toHaveLength(1);
    expect(props(s).has('slc:invites:calendar')).toBe(false);
    expect(runAs(s, A, 'invites').error).toBeUndefined();
    expect(calendarsMadeBy(s, A)).toHaveLength(1);
    expect(documentCalendar(s)).toEqual(
      expect.objectContaining({ id: calendarsMadeBy(s, A)[0]!.id, owner: A }),
    );
    expect(allEvents(s)).toHaveLength(body(s).length);
  });

  it('a calendar its owner deleted is made again by the owner, and never by another editor', () => {
    const s = invitedByA();
    const rows = body(s).length;
    const old = documentCalendar(s).id;
    s.emulator.calendar.deleteCalendar(old);
    type(s, 3, 'Start', '8:00 AM');
    type(s, 3, 'End', '8:25 AM');
    const byB = runAs(s, B, 'invites');
    expect(byB.error).toContain(`The conference calendar belongs to ${A}`);
    expect(calendarsMadeBy(s, B)).toHaveLength(0);
    expect(documentCalendar(s).id).toBe(old);
    const byA = runAs(s, A, 'invites');
    expect(byA.error).toBeUndefined();
    expect(documentCalendar(s)).toMatchObject({ owner: A });
    expect(documentCalendar(s).id).not.toBe(old);
    expect(allEvents(s)).toHaveLength(rows);
    for (const e of allEvents(s)) expect(e.calendarId).toBe(documentCalendar(s).id);
  });
});

describe('the family forms and their trigger, by a second editor', () => {
  function formsByA(): School {
    const s = scheduled(12);
    expect(runAs(s, A, 'forms').error).toBeUndefined();
    return s;
  }
  const submitTriggers = (s: School) =>
    s.emulator.triggers.triggers.filter((t) => t.event === 'ON_FORM_SUBMIT');

  it('A makes the forms (two per language) and one trigger, and the document records that they are A’s', () => {
    const s = formsByA();
    const owners = s.emulator.forms.forms().map((f) => f.owner);
    expect(owners.length).toBeGreaterThanOrEqual(2);
    expect(new Set(owners)).toEqual(new Set([A]));
    const state = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { owner: string };
      questionnaires: Record<string, { owner: string }>;
    };
    expect(state.availability.owner).toBe(A);
    expect(Object.values(state.questionnaires).map((q) => q.owner)).toEqual([A]);
    expect(submitTriggers(s).map((t) => t.user)).toEqual([A]);
  });

  it('B, with the forms not shared, is told whose they are; no second form, no second trigger', () => {
    const s = formsByA();
    const ids = s.emulator.forms.forms().map((f) => f.id);
    const made = runAs(s, B, 'forms');
    expect(made.done).toBeUndefined();
    expect(made.error).toContain(`The availability form belongs to ${A}`);
    expect(made.error).toContain(`Ask ${A} to add you as an editor of the form`);
    expect(s.emulator.forms.forms().map((f) => f.id)).toEqual(ids);
    expect(submitTriggers(s).map((t) => t.user)).toEqual([A]);
  });

  it('B, with the forms shared, works on the same forms and leaves the answers to A’s trigger', () => {
    const s = formsByA();
    const ids = s.emulator.forms.forms().map((f) => f.id);
    for (const id of ids) s.emulator.forms.share(id, B);
    const made = runAs(s, B, 'forms');
    expect(made.error).toBeUndefined();
    expect(made.done!.message).toContain('The availability form was already there');
    expect(made.done!.message).toContain(`recorded by the trigger set up from ${A}'s account`);
    expect(s.emulator.forms.forms().map((f) => f.id)).toEqual(ids);
    expect(submitTriggers(s).map((t) => t.user)).toEqual([A]);
  });

  it('a form its owner deleted is made again by the owner only', () => {
    const s = formsByA();
    const [availability] = s.emulator.forms.forms();
    const count = s.emulator.forms.forms().length;
    s.emulator.forms.delete(availability!.id);
    expect(runAs(s, B, 'forms').error).toContain(`The availability form belongs to ${A}`);
    expect(s.emulator.forms.forms()).toHaveLength(count - 1);
    const byA = runAs(s, A, 'forms');
    expect(byA.done!.message).toContain('Created the availability form');
    expect(s.emulator.forms.forms()).toHaveLength(count);
    expect(submitTriggers(s)).toHaveLength(1);
  });
});

describe('hourly reminders, turned on by two editors', () => {
  const reminderTriggers = (s: School) =>
    s.emulator.triggers.triggers.filter((t) => t.handler === 'sendDueReminders');
  const headline = (s: School, user: string) =>
    (callAs<Overview>(s, user, 'getOverview', []) as { value: Overview }).value.steps.find(
      (x) => x.id === 'reminders',
    )!.headline;

  it('B is told they run from A’s account, and neither turning on nor off adds or removes one', () => {
    const s = scheduled(12);
    expect(callAs<boolean>(s, A, 'setReminders', [true])).toEqual({ ok: true, value: true });
    const on = callAs<boolean>(s, B, 'setReminders', [true]);
    expect(on.ok).toBe(false);
    expect(!on.ok && on.error.message).toContain(
      `Hourly reminders are already on: they run from ${A}'s account`,
    );
    const off = callAs<boolean>(s, B, 'setReminders', [false]);
    expect(!off.ok && off.error.message).toContain(`ask ${A} to turn them off`);
    expect(reminderTriggers(s).map((t) => t.user)).toEqual([A]);
    expect(headline(s, B)).toContain(`Hourly reminders are on, from ${A}'s account.`);
    expect(headline(s, A)).toContain('Hourly reminders are on.');
  });

  it('once A turns them off, B may turn them on: still one trigger, now B’s', () => {
    const s = scheduled(12);
    callAs(s, A, 'setReminders', [true]);
    expect(callAs<boolean>(s, A, 'setReminders', [false])).toEqual({ ok: true, value: false });
    expect(headline(s, B)).toContain('Hourly reminders are off.');
    expect(callAs<boolean>(s, B, 'setReminders', [true])).toEqual({ ok: true, value: true });
    expect(reminderTriggers(s).map((t) => t.user)).toEqual([B]);
    const byA = callAs<boolean>(s, A, 'setReminders', [true]);
    expect(!byA.ok && byA.error.message).toContain(`they run from ${B}'s account`);
    expect(reminderTriggers(s).map((t) => t.user)).toEqual([B]);
  });
});
