/**
 * The invitations planner: what each Schedule row asks of its Calendar event.
 */
import { defaultSettings } from '../../src/core/settings';
import { SCHEDULE } from '../../src/core/schema';
import {
  ANSWERS_EVERY_MS,
  desiredEvent,
  diffEvent,
  familyAnswer,
  fingerprint,
  guestAnswersDue,
  hasChanges,
  placeFinder,
  planSync,
  readInviteRows,
  referenceOf,
  statusAfterAnswer,
  statusAfterSend,
  type EventSpec,
  type SpecContext,
  type SyncedRecord,
} from '../../src/core/invites';

const HEADER = SCHEDULE.columns.map((c) => c.header);
const wall = (d: Date) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});

function row(values: Partial<Record<string, unknown>>): unknown[] {
  const base: Record<string, unknown> = {
    'Conference ID': 'C-1',
    Round: 'Fall',
    Date: '2026-11-17',
    Start: '15:00',
    End: '15:25',
    Teacher: 'Ms. Rivera',
    Room: '12',
    Students: 'Ana García',
    'Student IDs': '1',
    Family: 'García',
    'Family ID': 'F-1',
    Emails: 'ana.mom@family.example',
    Language: 'Spanish',
    Interpreter: 'No',
    Status: 'scheduled',
    Locked: false,
    'Event ID': '',
  };
  const merged = { ...base, ...values };
  return HEADER.map((h) => merged[h] ?? '');
}

const ctx = (over: Partial<ReturnType<typeof defaultSettings>> = {}): SpecContext => ({
  settings: { ...defaultSettings('Lincoln Elementary', 'America/New_York'), ...over },
  placeOf: (teacher) =>
    teacher === 'Ms. Rivera'
      ? { email: 'rivera@school.example', videoLink: 'https://meet.example/abc' }
      : undefined,
});

function sheet(...rows: unknown[][]) {
  return readInviteRows([HEADER, ...rows], wall);
}

function specOf(values: Partial<Record<string, unknown>> = {}, c = ctx()): EventSpec {
  const s = sheet(row(values));
  const d = desiredEvent(s, s.rows[0]!, c);
  if ('problem' in d) throw new Error(d.problem.message);
  return d.spec;
}

describe('desiredEvent', () => {
  it("titles and describes the event in the family's language, naming the conference at the end", () => {
    const spec = specOf();
    expect(spec.title).toBe(
      'Ana García dirige una conferencia con Ms. Rivera, martes 17 de noviembre, 15:00–15:25',
    );
    expect(spec.description).toMatch(/^Estimada familia García:/);
    expect(referenceOf(spec.description)).toBe('C-1');
    expect(spec).toMatchObject({
      date: '2026-11-17',
      start: 900,
      end: 925,
      location: '12',
      guests: ['ana.mom@family.example', 'rivera@school.example'],
    });
  });

  it('uses the video link when the room is a video call, and invites the teacher unless switched off', () => {
    expect(specOf({ Room: 'Video call' }).location).toBe('https://meet.example/abc');
    expect(specOf({}, ctx({ inviteTeachers: false })).guests).toEqual(['ana.mom@family.example']);
  });

  it('invites no one for a teacher the Teachers sheet has no address for', () => {
    expect(specOf({ Teacher: 'Mr. Nobody' }).guests).toEqual(['ana.mom@family.example']);
  });

  it('takes names and rooms exactly as the sheet holds them (the Schedule writes its text columns as plain text)', () => {
    expect(specOf({ Room: '101', Family: '=HYPERLINK("x")' }).location).toBe('101');
    expect(specOf({ Family: '=HYPERLINK("x")' }).description).toContain('familia =HYPERLINK("x")');
  });

  it('names the row and column of what keeps a conference from being invited', () => {
    const s = sheet(
      row({ Emails: 'not-an-email' }),
      row({ 'Conference ID': 'C-2', Emails: '' }),
      row({ 'Conference ID': 'C-3', Date: '' }),
    );
    const problems = s.rows
      .map((r) => desiredEvent(s, r, ctx()))
      .map((d) => ('problem' in d ? d.problem : null));
    expect(problems[0]).toMatchObject({ where: { sheet: 'Schedule', row: 2, column: 12 } });
    expect(problems[0]!.message).toContain('"not-an-email" is not an email address');
    expect(problems[1]).toMatchObject({ severity: 'error', where: { row: 3, column: 12 } });
    expect(problems[1]!.message).toContain('no guardian email');
    expect(problems[2]).toMatchObject({ where: { row: 4, column: 3 } });
  });

  it('names the Start cell for a start that is not a time, and the End cell for an end not after the start', () => {
    const startAt = HEADER.indexOf('Start') + 1;
    const endAt = HEADER.indexOf('End') + 1;
    const s = sheet(
      row({ Start: '25:99' }),
      row({ 'Conference ID': 'C-2', End: '14:50' }),
      row({ 'Conference ID': 'C-3', End: 'soon' }),
    );
    const problems = s.rows.map((r) => {
      const d = desiredEvent(s, r, ctx());
      return 'problem' in d ? d.problem : null;
    });
    expect(problems[0]).toMatchObject({ where: { row: 2, column: startAt } });
    expect(problems[0]!.message).toMatch(/start/);
    expect(problems[0]!.message).not.toMatch(/\bend\b/i);
    for (const [i, p] of problems.slice(1).entries()) {
      expect(p).toMatchObject({ where: { row: 3 + i, column: endAt } });
      expect(p!.message).toMatch(/after the start/);
    }
  });
});

describe('placeFinder', () => {
  const window = {
    teacher: 'Ms. Rivera',
    teacherEmail: 'rivera@school.example',
    date: '2026-11-17',
    start: 900,
    end: 1020,
    room: '12',
    capacity: 1,
    videoLink: 'https://meet.example/abc',
  };
  const placeOf = placeFinder([window]);

  it("finds the teacher's address and link in their window, and their address alone outside it", () => {
    expect(placeOf('Ms. Rivera', '2026-11-17', 930)).toEqual({
      email: window.teacherEmail,
      videoLink: window.videoLink,
    });
    expect(placeOf('ms. rivera', '2026-11-17', 480)).toEqual({
      email: window.teacherEmail,
      videoLink: '',
    });
    expect(placeOf('Mr. Nobody', '2026-11-17', 930)).toBeUndefined();
  });
});

describe('planSync', () => {
  const synced = (spec: EventSpec, eventId = 'e1'): Map<string, SyncedRecord> =>
    new Map([[spec.conferenceId, { e: eventId, f: fingerprint(spec) }]]);

  it('plans no event and no problem for a family without email (it gets a letter); one whose address went after its invitation is a problem', () => {
    const fresh = planSync(sheet(row({ Emails: '' })), 'Fall', new Map(), ctx());
    expect(fresh).toMatchObject({ actions: [], problems: [] });
    expect(fresh.byLetter.map((r) => r.row)).toEqual([2]);
    const invited = planSync(
      sheet(row({ Emails: '', 'Event ID': 'e1', Status: 'invited' })),
      'Fall',
      synced(specOf()),
      ctx(),
    );
    expect(invited.byLetter).toEqual([]);
    expect(invited.problems).toMatchObject([{ severity: 'error', where: { row: 2, column: 12 } }]);
  });

  it('sends a row whose teacher no window names, and says at its Teacher cell that no teacher is invited', () => {
    const plan = planSync(sheet(row({ Teacher: 'Mr. Nobody' })), 'Fall', new Map(), ctx());
    expect(plan.actions.map((a) => a.kind)).toEqual(['create']);
    expect(plan.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Schedule', row: 2, column: 6 },
        message:
          'Schedule, row 2, column F (Teacher): "Mr. Nobody" is not a teacher with hours on the Teachers sheet, so no teacher is invited to this conference. Write the name as the Teachers sheet does.',
      },
    ]);
    expect(planSync(sheet(row({})), 'Fall', new Map(), ctx()).problems).toEqual([]);
  });

  it('creates events for rows never sent', () => {
    const plan = planSync(sheet(row({})), 'Fall', new Map(), ctx());
    expect(plan.actions.map((a) => a.kind)).toEqual(['create']);
  });

  it('invites the round’s rows, a blank Round among them, and leaves other rounds’ rows alone', () => {
    const plan = planSync(
      sheet(
        row({ Round: '' }),
        row({ 'Conference ID': 'C-2', Round: 'fall' }),
        row({ 'Conference ID': 'C-3', Round: 'Spring' }),
      ),
      'Fall',
      new Map(),
      ctx(),
    );
    expect(plan.actions.map((a) => [a.kind, a.row?.row])).toEqual([
      ['create', 2],
      ['create', 3],
    ]);
  });

  it('does nothing for a row whose event matches its fingerprint', () => {
    const plan = planSync(
      sheet(row({ 'Event ID': 'e1', Status: 'invited' })),
      'Fall',
      synced(specOf()),
      ctx(),
    );
    expect(plan.actions).toEqual([]);
    expect(plan.upToDate).toHaveLength(1);
  });

  it('updates the event of a moved row, a changed room or changed guests', () => {
    const was = synced(specOf());
    for (const change of [
      { Start: '16:00', End: '16:25' },
      { Room: '14' },
      { Emails: 'dad@family.example' },
    ]) {
      const plan = planSync(sheet(row({ 'Event ID': 'e1', ...change })), 'Fall', was, ctx());
      expect(plan.actions).toMatchObject([{ kind: 'update', eventId: 'e1' }]);
    }
  });

  it('cancels the event of a cancelled row and of a conference no longer on the sheet', () => {
    const was = new Map([...synced(specOf()), ['C-gone', { e: 'e9', f: 'x' }]]);
    const plan = planSync(
      sheet(row({ 'Event ID': 'e1', Status: 'cancelled' })),
      'Fall',
      was,
      ctx(),
    );
    expect(
      plan.actions.map((a) => [a.kind, a.conferenceId, 'eventId' in a ? a.eventId : '']),
    ).toEqual([
      ['cancel', 'C-1', 'e1'],
      ['cancel', 'C-gone', 'e9'],
    ]);
  });

  it('writes back an Event ID a person cleared, without a Calendar call', () => {
    const plan = planSync(sheet(row({})), 'Fall', synced(specOf()), ctx());
    expect(plan.actions).toMatchObject([{ kind: 'relink', eventId: 'e1' }]);
  });

  it("leaves other rounds' rows alone and reports a conference ID used twice", () => {
    const plan = planSync(
      sheet(
        row({ Round: 'Spring' }),
        row({ 'Conference ID': 'C-2' }),
        row({ 'Conference ID': 'C-2' }),
      ),
      'Fall',
      new Map(),
      ctx(),
    );
    expect(plan.actions.map((a) => a.conferenceId)).toEqual(['C-2']);
    expect(plan.problems[0]).toMatchObject({ where: { row: 4, column: 1 } });
  });
});

describe('fingerprint', () => {
  it('changes with anything the family sees, including the time zone', () => {
    const spec = specOf();
    const same = fingerprint({ ...spec, guests: [...spec.guests] });
    expect(same).toBe(fingerprint(spec));
    for (const change of [
      { title: 'x' },
      { location: '13' },
      { start: 901 },
      { guests: ['a@b.example'] },
      { timeZone: 'America/Chicago' },
    ]) {
      expect(fingerprint({ ...spec, ...change })).not.toBe(fingerprint(spec));
    }
  });
});

describe('diffEvent', () => {
  const spec = specOf();
  const instants = { start: 1000, end: 2000 };
  const snapshot = {
    title: spec.title,
    description: spec.description,
    location: spec.location,
    start: 1000,
    end: 2000,
    guests: ['Ana.Mom@family.example', 'Rivera@School.example'],
    guestsCanSeeGuests: false,
    tag: 'C-1',
  };

  it('finds nothing to change in an event that matches (guest addresses compared without case)', () => {
    expect(hasChanges(diffEvent(snapshot, spec, instants))).toBe(false);
  });

  it('lists only what differs: time, guests to add and remove, the hidden guest list, the tag', () => {
    const d = diffEvent(
      {
        ...snapshot,
        start: 0,
        guests: ['old@family.example'],
        guestsCanSeeGuests: true,
        tag: null,
      },
      spec,
      instants,
    );
    expect(d).toEqual({
      title: undefined,
      description: undefined,
      location: undefined,
      time: instants,
      addGuests: ['ana.mom@family.example', 'rivera@school.example'],
      removeGuests: ['old@family.example'],
      hideGuests: true,
      tag: true,
    });
  });
});

describe('answers', () => {
  const family = ['a@f.example', 'b@f.example'];
  it("takes the family's answer from its guardians: anyone coming wins, the teacher does not count", () => {
    expect(
      familyAnswer(
        [
          { email: 'a@f.example', status: 'NO' },
          { email: 'b@f.example', status: 'YES' },
        ],
        family,
      ),
    ).toBe('accepted');
    expect(
      familyAnswer(
        [
          { email: 'a@f.example', status: 'MAYBE' },
          { email: 'b@f.example', status: 'NO' },
        ],
        family,
      ),
    ).toBe('tentative');
    expect(
      familyAnswer(
        [
          { email: 'A@f.example', status: 'NO' },
          { email: 'b@f.example', status: 'INVITED' },
        ],
        family,
      ),
    ).toBe('declined');
    expect(familyAnswer([{ email: 'teacher@school.example', status: 'YES' }], family)).toBeNull();
  });

  it("changes only the invitation's statuses, never attendance or a cancellation", () => {
    expect(statusAfterAnswer('invited', 'declined')).toBe('declined');
    expect(statusAfterAnswer('attended', 'declined')).toBe('attended');
    expect(statusAfterAnswer('cancelled', 'accepted')).toBe('cancelled');
    expect(statusAfterAnswer('accepted', null)).toBe('accepted');
    expect(statusAfterSend('scheduled')).toBe('invited');
    expect(statusAfterSend('accepted')).toBe('accepted');
  });
});

describe('the fingerprint of an event, whoever sends it', () => {
  const plan = (organizer?: string, over: Partial<ReturnType<typeof defaultSettings>> = {}) =>
    planSync(sheet(row({})), 'Fall', new Map(), { ...ctx(over), organizer });
  const created = (p: ReturnType<typeof planSync>) => {
    const a = p.actions[0]!;
    if (a.kind !== 'create') throw new Error(`expected a create, got ${a.kind}`);
    return a;
  };

  it('names the calendar owner for replies when Settings has no reply-to', () => {
    expect(created(plan('a@school.example')).spec.description).toContain('a@school.example');
    expect(created(plan()).spec.description).toContain('Lincoln Elementary');
  });

  it('is the same whoever owns the calendar: an address standing in for the reply-to is left out', () => {
    const fingerprints = [undefined, 'a@school.example', 'b@school.example'].map(
      (who) => created(plan(who)).fingerprint,
    );
    expect(new Set(fingerprints).size).toBe(1);
  });

  it('still follows a reply-to set in Settings', () => {
    const set = created(plan('a@school.example', { replyTo: 'office@school.example' }));
    expect(set.spec.description).toContain('office@school.example');
    expect(set.spec.description).not.toContain('a@school.example');
    expect(set.fingerprint).not.toBe(created(plan('a@school.example')).fingerprint);
    expect(set.fingerprint).toBe(fingerprint(set.spec));
  });
});

describe('guestAnswersDue', () => {
  const now = Date.parse('2026-11-16T15:00:00Z');
  const hour = 60 * 60 * 1000;

  it('is an hour: guests are asked again an hour after the last check, not sooner', () => {
    expect(ANSWERS_EVERY_MS).toBe(hour);
    expect(guestAnswersDue(new Date(now - hour + 1).toISOString(), 3, now)).toBe(false);
    expect(guestAnswersDue(new Date(now - hour).toISOString(), 3, now)).toBe(true);
    expect(guestAnswersDue(new Date(now - 5 * hour).toISOString(), 3, now)).toBe(true);
  });

  it('is due when answers were never checked, or the record of the last check is unreadable', () => {
    expect(guestAnswersDue(undefined, 1, now)).toBe(true);
    expect(guestAnswersDue('', 1, now)).toBe(true);
    expect(guestAnswersDue('yesterday', 1, now)).toBe(true);
  });

  it('is never due with no event synced, however long ago the last check', () => {
    expect(guestAnswersDue(undefined, 0, now)).toBe(false);
    expect(guestAnswersDue(new Date(now - 24 * hour).toISOString(), 0, now)).toBe(false);
  });

  it('waits when the last check is stamped after now (a clock set back)', () => {
    expect(guestAnswersDue(new Date(now + hour).toISOString(), 2, now)).toBe(false);
  });
});
