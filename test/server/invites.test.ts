/**
 * Calendar invites, on the built bundle in the emulator: the Schedule sheet is the
 * truth, and sending invites brings one private event per conference in line with it,
 * resumably, without duplicates, and with no Calendar call when nothing changed.
 */
import type { JobProgress, Overview, Result } from '../../src/shared/api';
import {
  body,
  calendarCalls,
  cellOf,
  col,
  copyOf,
  eventOfRow,
  events,
  expectInvitedAsScheduled,
  guestsOfRow,
  ok,
  teacherAddress,
  picture,
  replaceOnRoster,
  runJob,
  scheduleRange,
  scheduled,
  sheetOf,
  type,
} from './invites.fixture';
import type { School } from '../../preview/school';
import { cutOffAt, failAt, nthCall } from './cut';
import { sortBackwards } from './calls';

describe('Send invites', () => {
  let school: School;
  beforeAll(() => {
    school = scheduled(50);
    runJob(school, 'invites');
  });

  it('makes one event per conference on the school calendar, which it creates once', () => {
    const rows = body(school);
    expect(rows.length).toBeGreaterThanOrEqual(45);
    expect(events(school)).toHaveLength(rows.length);
    const calendars = school.emulator.calendar
      .calendars()
      .filter((c) => c.name === 'Student-Led Conferences');
    expect(calendars).toHaveLength(1);
    expect(calendars[0]!.timeZone).toBe('America/New_York');
    const tags = events(school).map((e) => e.tags['slc-conference']);
    expect(new Set(tags).size).toBe(rows.length);
  });

  it('writes back Event ID, Status "invited" and Invite Sent on every row', () => {
    for (let row = 2; row <= body(school).length + 1; row++) {
      const e = eventOfRow(school, row);
      expect(e.tags['slc-conference']).toBe(cellOf(school, row, 'Conference ID'));
      expect(cellOf(school, row, 'Status')).toBe('invited');
      expect(cellOf(school, row, 'Invite Sent')).toBeInstanceOf(Date);
    }
  });

  it("invites only that family's guardians and its host teacher, who cannot see each other, and sends them the invitation", () => {
    for (let row = 2; row <= body(school).length + 1; row++) {
      const e = eventOfRow(school, row);
      const family = guestsOfRow(school, body(school)[row - 2]!);
      expect(family).toContain(teacherAddress(school, String(cellOf(school, row, 'Teacher'))));
      expect(e.guests.map((g) => g.email).sort()).toEqual(family);
      expect(e.guestsCanSeeGuests).toBe(false);
      expect(e.sendInvites).toBe(true);
      const invited = school.emulator.calendar.invitations
        .filter((i) => i.eventId === e.id && i.kind === 'invite')
        .map((i) => i.to)
        .sort();
      expect(invited).toEqual(family);
    }
  });

  it('no event has guests from two families', () => {
    const familyOf = new Map<string, string>();
    for (const r of body(school))
      for (const email of String(r[col(school, 'Emails') - 1]).split(/;\s*/))
        familyOf.set(email.toLowerCase(), String(r[col(school, 'Family ID') - 1]));
    for (const e of events(school)) {
      const families = e.guests.flatMap((g) => familyOf.get(g.email) ?? []);
      expect(families.length).toBeGreaterThan(0);
      expect(new Set(families).size).toBe(1);
    }
  });

  it('titles and describes the conference in words, with the room as location', () => {
    // The first conference of an English-speaking family (a blank Language is the school's).
    const row =
      body(school).findIndex((r) =>
        /^(en|english)?$/i.test(String(r[col(school, 'Language') - 1])),
      ) + 2;
    expect(row).toBeGreaterThan(1);
    const e = eventOfRow(school, row);
    const teacher = String(cellOf(school, row, 'Teacher'));
    expect(e.title).toContain(teacher);
    expect(e.description).toContain(`Dear ${String(cellOf(school, row, 'Family'))} family`);
    // No reply-to in Settings: the family is told the address its replies reach, not the school's name.
    expect(e.description).toContain('reply to coordinator@lincoln.school.example.');
    expect(e.location).toBe(String(cellOf(school, row, 'Room')).replace(/^'/, ''));
  });

  it("writes each family's invitation in its language", () => {
    const spanish = body(school)
      .map((r, i) => ({ row: i + 2, language: String(r[col(school, 'Language') - 1]) }))
      .filter((r) => r.language === 'Spanish');
    expect(spanish.length).toBeGreaterThan(0);
    for (const { row } of spanish) {
      expect(eventOfRow(school, row).title).toContain('dirige una conferencia');
      expect(eventOfRow(school, row).description).toMatch(/^Estimada familia/);
    }
  });

  it('keeps every Event ID exactly as Calendar gave it, even one starting with "-", so a large school is invited once each', () => {
    const school = scheduled(300);
    runJob(school, 'invites');
    const ids = new Set(events(school).map((e) => e.id));
    const written = body(school).map((r) => String(r[col(school, 'Event ID') - 1]));
    expect(written.some((id) => id.startsWith('-'))).toBe(true);
    expect(written.every((id) => ids.has(id))).toBe(true);
    const tags = events(school).map((e) => e.tags['slc-conference']);
    expect(new Set(tags).size).toBe(tags.length);
    expect(events(school)).toHaveLength(body(school).length);
  });

  it('a second sync with nothing changed makes no Calendar call and writes nothing', () => {
    const before = JSON.stringify(sheetOf(school).rows);
    const [again] = runJob(school, 'invites');
    expect(again!.message).toBe('Every event already matched the Schedule; nothing was sent.');
    expect(calendarCalls(school)).toBe(0);
    expect(
      Object.keys(school.emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
        /Range\.set/.test(m),
      ),
    ).toEqual([]);
    expect(JSON.stringify(sheetOf(school).rows)).toBe(before);
  });

  it('shows the Invites step as done with its counts', () => {
    const o = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    const s = o.steps.find((x) => x.id === 'invites')!;
    expect(s.status).toBe('done');
    expect(s.counts.find((c) => c.label === 'invited')!.value).toBe(body(school).length);
    expect(s.counts.find((c) => c.label === 'to send')!.value).toBe(0);
    expect(s.action).toBeUndefined();
  });

  it('counts families as families in its headline, not one per invitation (siblings in several classes)', () => {
    const s = ok<Overview>(school.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'invites',
    )!;
    const families = new Set(body(school).map((r) => r[col(school, 'Family ID') - 1])).size;
    expect(families).toBeLessThan(body(school).length);
    expect(s.headline).toBe(
      `${body(school).length} invitations sent to ${families} families; every event matches the Schedule.`,
    );
  });
});

describe('Syncing changes made in the Schedule sheet', () => {
  let template: School;
  beforeAll(() => {
    template = scheduled(30);
  });

  function invited(): School {
    const school = copyOf(template);
    runJob(school, 'invites');
    return school;
  }

  it('a moved conference updates exactly that event, and its family is told', () => {
    const school = invited();
    const before = new Map(events(school).map((e) => [e.id, e.updatedAt]));
    const e0 = eventOfRow(school, 3);
    type(school, 3, 'Start', '8:00 AM');
    type(school, 3, 'End', '8:25 AM');
    const o = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    const s = o.steps.find((x) => x.id === 'invites')!;
    expect(s.counts.find((c) => c.label === 'changed since sent')!.value).toBe(1);
    expect(s.action).toEqual({ job: 'invites', label: 'Send invites' });
    const [done] = runJob(school, 'invites');
    expect(done!.message).toBe('1 event updated.');
    const after = events(school);
    expect(after).toHaveLength(before.size);
    const changed = after.filter((e) => e.updatedAt !== before.get(e.id));
    expect(changed.map((e) => e.id)).toEqual([e0.id]);
    expect(new Date(changed[0]!.start).toISOString()).toBe(
      `${String(cellOf(school, 3, 'Date') instanceof Date ? (cellOf(school, 3, 'Date') as Date).toISOString().slice(0, 10) : '')}T13:00:00.000Z`,
    );
    expect(changed[0]!.description).toContain('8:00 AM');
    expect(
      school.emulator.ws.reports.at(-1)!.callsByMethod['CalendarApp.CalendarEvent.setTime'],
    ).toBe(1);
    expect(
      school.emulator.ws.reports.at(-1)!.callsByMethod['CalendarApp.Calendar.createEvent'],
    ).toBeUndefined();
    const updates = school.emulator.calendar.invitations.filter((i) => i.kind === 'update');
    expect(new Set(updates.map((u) => u.eventId))).toEqual(new Set([e0.id]));
  });

  it.each([
    ['getEventById gives null for a deleted event', false],
    ['getEventById still finds a deleted event', true],
  ])(
    'an event someone deleted in Calendar, then moved in the Schedule, reaches its family as a live event at the new time (%s)',
    (_, found) => {
      const school = invited();
      school.emulator.calendar.deletedEventsFound = found;
      const e0 = eventOfRow(school, 3);
      // Someone deletes the event in Google Calendar by hand.
      school.emulator.globals.CalendarApp.getCalendarById(e0.calendarId)!
        .getEventById(e0.id)!
        .deleteEvent();
      type(school, 3, 'Start', '8:00 AM');
      type(school, 3, 'End', '8:25 AM');
      runJob(school, 'invites');
      const live = events(school).filter(
        (e) => e.tags['slc-conference'] === cellOf(school, 3, 'Conference ID'),
      );
      expect(live).toHaveLength(1);
      expect(live[0]!.id).not.toBe(e0.id);
      expect(new Date(live[0]!.start).getUTCHours()).toBe(13);
      expect(cellOf(school, 3, 'Event ID')).toBe(live[0]!.id);
      expect(live[0]!.guests.map((g) => g.email).sort()).toEqual(
        guestsOfRow(school, body(school)[1]!),
      );
    },
  );

  it('an edit a person makes while a chunk runs survives it: a ticked Locked box, a Status set by hand, a note', () => {
    const school = invited();
    type(school, 3, 'Start', '8:00 AM');
    type(school, 3, 'End', '8:25 AM');
    type(school, 8, 'Start', '8:30 AM');
    type(school, 8, 'End', '8:55 AM');
    const statusOf3 = cellOf(school, 3, 'Status');
    const sentBefore = (cellOf(school, 8, 'Invite Sent') as Date).getTime();
    // A teacher edits while the sync moves the first event: rows 3 and 8 are written by this
    // chunk, row 5 between them is not.
    const edited = school.emulator.ws.interruptAt('CalendarApp.CalendarEvent.setTime', 1, () => {
      type(school, 3, 'Locked', true);
      type(school, 8, 'Locked', true);
      type(school, 5, 'Status', 'attended');
      type(school, 5, 'Notes', 'Grandmother comes too');
    });
    const [done] = runJob(school, 'invites');
    expect(edited()).toBe(true);
    expect(done!.message).toBe('2 events updated.');
    expect(cellOf(school, 3, 'Locked')).toBe(true);
    expect(cellOf(school, 8, 'Locked')).toBe(true);
    expect(cellOf(school, 5, 'Status')).toBe('attended');
    expect(cellOf(school, 5, 'Notes')).toBe('Grandmother comes too');
    // What the sync owns is still written.
    expect(cellOf(school, 3, 'Status')).toBe(statusOf3);
    expect(cellOf(school, 3, 'Event ID')).toBe(eventOfRow(school, 3).id);
    expect((cellOf(school, 8, 'Invite Sent') as Date).getTime()).toBeGreaterThan(sentBefore);
  });

  it('puts each Event ID on its own conference when a person sorts the Schedule while a chunk runs', () => {
    const school = copyOf(template);
    const sheet = sheetOf(school);
    const count = sheet.values().length;
    const sorted = school.emulator.ws.interruptAt('CalendarApp.Calendar.createEvent', 3, () =>
      sortBackwards(sheet),
    );
    runJob(school, 'invites');
    expect(sorted()).toBe(true);
    expectInvitedAsScheduled(school, 'after a sort during the sync');
    for (let row = 2; row <= count; row++) expect(cellOf(school, row, 'Status')).toBe('invited');
    runJob(school, 'invites');
    expect(calendarCalls(school)).toBe(0);
  });

  it('writes nothing for a row deleted while the chunk inviting it runs, and then cancels its event', () => {
    const school = copyOf(template);
    const gone = cellOf(school, 3, 'Conference ID');
    const deleted = school.emulator.ws.interruptAt('CalendarApp.Calendar.createEvent', 5, () =>
      scheduleRange(school).deleteRow(3),
    );
    runJob(school, 'invites');
    expect(deleted()).toBe(true);
    runJob(school, 'invites');
    expect(events(school).filter((e) => e.tags['slc-conference'] === gone)).toEqual([]);
    expectInvitedAsScheduled(school, 'after a row was deleted during the sync');
  });

  it('keeps a Status typed on a row while the chunk inviting it runs, and then cancels the event of a conference cancelled so', () => {
    const school = copyOf(template);
    const id = (row: number) => cellOf(school, row, 'Conference ID');
    const [cancelledId, attendedId] = [id(3), id(4)];
    // Typed after the chunk read the Schedule, before it writes the rows it invited.
    const typed = school.emulator.ws.interruptAt('CalendarApp.Calendar.createEvent', 5, () => {
      type(school, 3, 'Status', 'cancelled');
      type(school, 4, 'Status', 'attended');
    });
    runJob(school, 'invites');
    expect(typed()).toBe(true);
    expect(cellOf(school, 3, 'Status')).toBe('cancelled');
    expect(cellOf(school, 4, 'Status')).toBe('attended');
    expect(cellOf(school, 5, 'Status')).toBe('invited');
    // The event made meanwhile for the cancelled conference is cancelled by the sync's cancel
    // path (its next chunk or run), and its family told; nothing is left to do after.
    const tagged = (conference: unknown) =>
      events(school).filter((e) => e.tags['slc-conference'] === conference);
    expect(tagged(cancelledId)).toEqual([]);
    expect(
      school.emulator.calendar.invitations.filter((i) => i.kind === 'cancel').length,
    ).toBeGreaterThan(0);
    expect(cellOf(school, 3, 'Event ID')).toBe('');
    expect(tagged(attendedId).map((e) => e.id)).toEqual([cellOf(school, 4, 'Event ID')]);
    runJob(school, 'invites');
    expect(calendarCalls(school)).toBe(0);
  });

  it('a changed guardian email takes the old address off the event and invites the new one', () => {
    const school = invited();
    const e0 = eventOfRow(school, 4);
    const old = String(cellOf(school, 4, 'Emails')).split(/;\s*/)[0]!;
    // Changed on the Roster, and on the row (the row names who of the Roster is invited).
    replaceOnRoster(school, old, 'new.guardian@family.example');
    type(school, 4, 'Emails', 'new.guardian@family.example');
    runJob(school, 'invites');
    const e1 = eventOfRow(school, 4);
    expect(e1.id).toBe(e0.id);
    expect(e1.guests.map((g) => g.email).sort()).toEqual(
      [
        'new.guardian@family.example',
        teacherAddress(school, String(cellOf(school, 4, 'Teacher'))),
      ].sort(),
    );
    const mail = school.emulator.calendar.invitations.filter((i) => i.eventId === e0.id);
    expect(mail.filter((i) => i.to === old).map((i) => i.kind)).toEqual(['invite', 'cancel']);
    expect(mail.filter((i) => i.to === 'new.guardian@family.example').map((i) => i.kind)).toEqual([
      'invite',
    ]);
  });

  it('a cancelled conference, or a deleted row, cancels its event and tells the family', () => {
    const school = invited();
    const cancelled = eventOfRow(school, 2);
    const removed = eventOfRow(school, 5);
    const count = events(school).length;
    type(school, 2, 'Status', 'cancelled');
    scheduleRange(school).deleteRow(5);
    const [done] = runJob(school, 'invites');
    expect(done!.message).toBe('2 events cancelled.');
    expect(events(school)).toHaveLength(count - 2);
    expect(events(school).map((e) => e.id)).not.toContain(cancelled.id);
    expect(events(school).map((e) => e.id)).not.toContain(removed.id);
    expect(cellOf(school, 2, 'Status')).toBe('cancelled');
    expect(cellOf(school, 2, 'Event ID')).toBe('');
    for (const e of [cancelled, removed]) {
      expect(
        school.emulator.calendar.invitations
          .filter((i) => i.eventId === e.id && i.kind === 'cancel')
          .map((i) => i.to)
          .sort(),
      ).toEqual(e.guests.map((g) => g.email).sort());
    }
    runJob(school, 'invites');
    expect(calendarCalls(school)).toBe(0);
  });

  it("reads families' answers back into Status and flags declined conferences for rescheduling", () => {
    const school = invited();
    const answer = (row: number, status: 'YES' | 'NO' | 'MAYBE') => {
      const guardian = String(cellOf(school, row, 'Emails')).split(/;\s*/)[0]!;
      school.emulator.calendar.respond(eventOfRow(school, row).id, guardian, status);
    };
    answer(2, 'YES');
    answer(3, 'NO');
    answer(4, 'MAYBE');
    school.emulator.ws.clock.advance(2 * 3600_000);
    const o1 = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    expect(o1.steps.find((x) => x.id === 'invites')!.action).toEqual({
      job: 'invites',
      label: 'Check answers',
    });
    runJob(school, 'invites');
    expect([2, 3, 4, 5].map((r) => cellOf(school, r, 'Status'))).toEqual([
      'accepted',
      'declined',
      'tentative',
      'invited',
    ]);
    const s = ok<Overview>(school.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'invites',
    )!;
    expect(s.status).toBe('attention');
    expect(s.counts.find((c) => c.label === 'declined')!.value).toBe(1);
    expect(s.problems[0]).toMatchObject({
      severity: 'warning',
      where: { sheet: 'Schedule', row: 3, column: col(school, 'Status') },
    });
    expect(s.problems[0]!.message).toContain('declined');
  });

  it('invites no teacher when "Invite teachers" is switched off, and takes them off events already made', () => {
    const school = copyOf(template);
    runJob(school, 'invites');
    const view = ok<{ settings: Record<string, unknown> }>(
      school.bundle.callFromClient('getSettings', []),
    );
    ok(school.bundle.callFromClient('saveSettings', [{ ...view.settings, inviteTeachers: false }]));
    runJob(school, 'invites');
    for (let row = 2; row <= body(school).length + 1; row++)
      expect(
        eventOfRow(school, row)
          .guests.map((g) => g.email)
          .sort(),
      ).toEqual(
        String(cellOf(school, row, 'Emails'))
          .split(/;\s*/)
          .map((x) => x.toLowerCase())
          .sort(),
      );
  });

  it('puts events at the right instant on both sides of the daylight-saving change (2026-11-01, New York)', () => {
    const school = copyOf(template);
    type(school, 2, 'Date', '2026-10-31');
    type(school, 2, 'Start', '3:00 PM');
    type(school, 2, 'End', '3:25 PM');
    type(school, 3, 'Date', '2026-11-02');
    type(school, 3, 'Start', '3:00 PM');
    type(school, 3, 'End', '3:25 PM');
    runJob(school, 'invites');
    expect(new Date(eventOfRow(school, 2).start).toISOString()).toBe('2026-10-31T19:00:00.000Z');
    expect(new Date(eventOfRow(school, 2).end).toISOString()).toBe('2026-10-31T19:25:00.000Z');
    expect(new Date(eventOfRow(school, 3).start).toISOString()).toBe('2026-11-02T20:00:00.000Z');
  });
});

describe('Hostile names', () => {
  it('stay text in the sheet and in the event title', () => {
    const school = scheduled(12, (s) => {
      const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
      const name = roster.values()[0]!.map(String).indexOf('Student Name') + 1;
      roster.put(2, name, { v: '=HYPERLINK("http://evil.example"), <script>alert(1)</script>' });
    });
    runJob(school, 'invites');
    const rows = sheetOf(school)
      .rows.flat()
      .filter((c) => c?.f !== undefined);
    expect(rows).toEqual([]);
    const e = events(school).find((x) => x.title.includes('<script>'))!;
    expect(e).toBeDefined();
    expect(e.title).toContain('<script>alert(1)</script>');
    expect(e.title).toContain('=HYPERLINK("http://evil.example")');
    expect(e.description).toContain('Dear =HYPERLINK("http://evil.example") family');
    const family = body(school).find((r) =>
      String(r[col(school, 'Family') - 1]).includes('HYPERLINK'),
    )!;
    expect(String(family[col(school, 'Family') - 1]).replace(/^'/, '')).toBe(
      '=HYPERLINK("http://evil.example")',
    );
  });
});

describe('Long runs', () => {
  it('works through the conferences in chunks with progress, each execution far under six minutes', () => {
    const school = scheduled(120);
    const steps = runJob(school, 'invites');
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.map((s) => s.processed)).toEqual(
      [...steps.map((s) => s.processed)].sort((a, b) => a - b),
    );
    expect(steps.at(-1)!.processed).toBe(steps.at(-1)!.total);
    for (const r of school.emulator.ws.reports) expect(r.elapsedMs).toBeLessThan(6 * 60_000);
    expect(events(school)).toHaveLength(body(school).length);
  });

  it('a first sync in several chunks reads no answer to the events it is still making; an answer given meanwhile comes back at the check an hour after it ends', () => {
    const school = scheduled(120);
    const first = ok<JobProgress>(school.bundle.callFromClient('runJob', ['invites']));
    expect(first.done).toBe(false);
    // The family of the first conference answers while the sync is still making the others.
    const guardian = String(cellOf(school, 2, 'Emails')).split(/;\s*/)[0]!;
    school.emulator.calendar.respond(eventOfRow(school, 2).id, guardian, 'YES');
    runJob(school, 'invites');
    const calls = school.emulator.ws.callsByMethod();
    expect(calls['CalendarApp.CalendarEvent.getGuestList'] ?? 0).toBe(0);
    expect(calls['CalendarApp.Calendar.getEvents'] ?? 0).toBe(0);
    expect(events(school)).toHaveLength(body(school).length);
    expect(cellOf(school, 2, 'Status')).toBe('invited');
    school.emulator.ws.clock.advance(3600_000);
    runJob(school, 'invites');
    expect(cellOf(school, 2, 'Status')).toBe('accepted');
  });

  it('stops cleanly at the daily events quota, says it continues tomorrow, and finishes then with nothing duplicated', () => {
    const template = scheduled(30);
    const school = copyOf(template);
    const quota = school.emulator.ws.quota;
    quota.take('eventsCreatedPerDay', quota.remaining('eventsCreatedPerDay') - 10, '');
    const r = school.bundle.callFromClient('runJob', ['invites']) as Result<JobProgress>;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/daily limit.*after 10 invitations.*tomorrow/);
    // Google: "Quotas are per user and reset 24 hours after the first request" (not midnight).
    if (!r.ok) expect(r.error.message).toContain('24 hours after the first request');
    if (!r.ok) expect(r.error.message).not.toMatch(/midnight/i);
    expect(events(school)).toHaveLength(10);
    expect(body(school).filter((row) => row[col(school, 'Event ID') - 1]).length).toBe(10);
    const o = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    expect(
      o.steps.find((x) => x.id === 'invites')!.counts.find((c) => c.label === 'to send')!.value,
    ).toBe(body(school).length - 10);
    school.emulator.ws.clock.advance(24 * 3600_000);
    runJob(school, 'invites');
    const done = copyOf(template);
    runJob(done, 'invites');
    expect(picture(school).tags).toEqual(picture(done).tags);
    expect(events(school)).toHaveLength(body(school).length);
  });

  // Calendar's short-term limit (docs/EMULATOR.md row 32): "You have been creating or deleting
  // too many calendars or calendar events in a short time." It passes after a pause.
  it('when Google asks it to slow down, pauses with growing waits inside its time budget and continues, duplicating nothing', () => {
    const template = scheduled(30);
    const school = copyOf(template);
    school.emulator.calendar.writesPerMinute = 4;
    const steps = runJob(school, 'invites');
    expect(steps.at(-1)!.done).toBe(true);
    expect(steps.some((s) => s.message.includes('Google asked us to slow down; continuing.'))).toBe(
      true,
    );
    expect(school.emulator.ws.callsByMethod()['Utilities.sleep']).toBeGreaterThan(0);
    for (const r of school.emulator.ws.reports) {
      expect(r.error).toBeUndefined();
      expect(r.elapsedMs).toBeLessThan(60_000);
    }
    const done = copyOf(template);
    runJob(done, 'invites');
    expect(picture(school).tags).toEqual(picture(done).tags);
    expect(events(school)).toHaveLength(body(school).length);
  });
  it('when Google asks it to slow down while the calendar is being made, waits and makes exactly one calendar', () => {
    const template = scheduled(12);
    const school = copyOf(template);
    const store = school.emulator.calendar;
    store.writesPerMinute = 2;
    // Someone else's two calendar writes just before ours fill the minute's allowance.
    school.emulator.ws.interruptAt('CalendarApp.createCalendar', 1, () => {
      store.rateLimit();
      store.rateLimit();
    });
    const steps = runJob(school, 'invites');
    expect(steps.at(-1)!.done).toBe(true);
    expect(school.emulator.ws.callsByMethod()['CalendarApp.createCalendar']).toBeGreaterThan(1);
    expect(school.emulator.ws.callsByMethod()['Utilities.sleep']).toBeGreaterThan(0);
    const calendars = new Set(store.events().map((e) => e.calendarId));
    expect([...calendars].filter((id) => id.endsWith('@group.calendar.google.com'))).toHaveLength(
      1,
    );
    expect(events(school)).toHaveLength(body(school).length);
  });

  it.each([
    ['made but not yet private', 'CalendarApp.CalendarEvent.setGuestsCanSeeGuests'],
    ['made with its guests and private, before its tag', 'CalendarApp.CalendarEvent.setTag'],
    ['complete, before its ID was read', 'CalendarApp.CalendarEvent.getId'],
  ])(
    'cut off with the third event %s (its ID never written), the next run adopts that event instead of making a second',
    (_state, cutMethod) => {
      const template = scheduled(12);
      const probe = copyOf(template);
      runJob(probe, 'invites');
      const ws = probe.emulator.ws;
      const third = nthCall(ws, 'CalendarApp.Calendar.createEvent', 3);
      const k = ws.callLog.find(
        (c) => c.index > third && `${c.service}.${c.method}` === cutMethod,
      )!.index;

      const school = copyOf(template);
      expect(cutOffAt(school.emulator.ws, k, () => runJob(school, 'invites'))).toBe(cutMethod);
      // The cut left three events on the calendar and no Event ID on the Schedule.
      expect(events(school)).toHaveLength(3);
      expect(body(school).filter((r) => r[col(school, 'Event ID') - 1])).toEqual([]);
      runJob(school, 'invites');
      expectInvitedAsScheduled(school, `after a cut at ${cutMethod}`);
    },
  );

  it.each(['setGuestsCanSeeGuests', 'setTag', 'getId'])(
    'after a service error in %s, just after an event was made, the next run adopts that event instead of making a second',
    (method) => {
      const template = scheduled(12);
      const school = copyOf(template);
      school.emulator.ws.injectFault({
        method: `CalendarApp.CalendarEvent.${method}`,
        kind: 'throw',
      });
      const r = school.bundle.callFromClient('runJob', ['invites']) as Result<JobProgress>;
      // The error is the injected one, at the call named: the fault fired where it was meant to.
      expect(r.ok ? '' : r.error.message).toMatch(
        new RegExp(`Injected failure at call #\\d+ \\(CalendarApp\\.CalendarEvent\\.${method}\\)`),
      );
      runJob(school, 'invites');
      const done = copyOf(template);
      runJob(done, 'invites');
      expect(events(school)).toHaveLength(body(school).length);
      expect(picture(school).tags).toEqual(picture(done).tags);
      for (const e of events(school)) expect(e.guestsCanSeeGuests).toBe(false);
      for (let row = 2; row <= body(school).length + 1; row++) {
        const family = guestsOfRow(school, body(school)[row - 2]!);
        expect(
          eventOfRow(school, row)
            .guests.map((g) => g.email)
            .sort(),
        ).toEqual(family);
      }
    },
  );
});

describe('The account whose calendar it will be', () => {
  it('when its address cannot be read as the calendar is about to be made, makes nothing, and the next run’s invitations name it as the address to reply to', () => {
    const template = scheduled(6);
    // Where the first sync reads the account's address, found on a copy run through cleanly.
    const clean = copyOf(template);
    const start = clean.emulator.ws.callCount;
    runJob(clean, 'invites');
    const k = nthCall(clean.emulator.ws, 'Session.getEffectiveUser', 1, start) + 1 - start;

    const school = copyOf(template);
    const cut = failAt(school.emulator.ws, k, 'Service error: Session', () => {
      const first = school.bundle.callFromClient('runJob', ['invites']) as Result<JobProgress>;
      expect(first.ok).toBe(false);
    });
    expect(cut).toBe('Session.User.getEmail');
    expect(events(school)).toHaveLength(0);
    runJob(school, 'invites');
    const made = events(school);
    expect(made).toHaveLength(body(school).length);
    for (const e of made) expect(e.description).toContain('coordinator@lincoln.school.example');
  });
});
