/**
 * Follow-ups on the built bundle: each follow-up request lands once on the Follow-ups sheet,
 * owned by the host teacher, and the owner is emailed at most once an hour, about the requests
 * not yet told; cut off right after the email leaves, a re-run never tells the owner twice.
 */
import { openSchool } from '../../preview/school';
import { callAt, cutOffAt, nthCall } from './cut';
import type { FollowUpsView, JobProgress } from '../../src/shared/api';
import { ok, opensPerRun, phoneFamilies } from './calls';
import type { Family } from '../../src/core/roster';

type School = ReturnType<typeof openSchool>;

const run = (s: School) => ok<JobProgress>(s.bundle.callFromClient('runJob', ['followups']));

function school(before: (s: School) => void = () => {}) {
  const s = openSchool({ students: 30, teachers: 2, days: ['2026-11-17'] });
  before(s);
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
  const [sh, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const [th, ...trows] = s.emulator.spreadsheet.sheetByName('Teachers')!.values();
  const address = new Map(
    trows.map((r) => [String(r[th!.indexOf('Teacher')]), String(r[th!.indexOf('Email')])]),
  );
  const conferences = rows.map((r) => ({
    id: String(r[sh!.indexOf('Conference ID')]),
    teacher: String(r[sh!.indexOf('Teacher')]),
  }));
  /** A questionnaire answer asking for a follow-up, as the form trigger records it. */
  const ask = (i: number, when: string) => {
    const feedback = s.emulator.spreadsheet.sheetByName('Feedback')!;
    const header = feedback.values()[0]!.map(String);
    const row = header.map((h) =>
      h === 'Answered'
        ? `2026-11-18 10:0${i}:00`
        : h === 'Conference ID'
          ? conferences[i]!.id
          : h === 'Follow-up'
            ? 'Yes'
            : h === 'Follow-up When'
              ? when
              : '',
    );
    feedback.appendRow(row);
  };
  const studentIds = rows.map((r) => String(r[sh!.indexOf('Student IDs')]));
  return { s, conferences, address, ask, studentIds };
}

/** A school where two host teachers each have one request asked, not yet listed. */
function twoOwners() {
  const { s, conferences, ask } = school();
  const other = conferences.findIndex((c) => c.teacher !== conferences[0]!.teacher);
  ask(0, 'Tuesday after 4');
  ask(other, 'Friday morning');
  return { s, sheet: () => s.emulator.spreadsheet.sheetByName('Follow-ups')! };
}

describe('follow-ups', () => {
  it('lists each request owned by the host teacher and emails each owner at most once an hour', () => {
    const { s, conferences, address, ask } = school();
    s.emulator.ws.clock.set(Date.parse('2026-11-18T12:00:00-05:00'));
    const owner = conferences[0]!.teacher;
    const same = conferences.findIndex((c, i) => i > 0 && c.teacher === owner);
    ask(0, 'Tuesday after 4');
    run(s);
    run(s);
    const toOwner = () => s.emulator.mail.to(address.get(owner)!);
    expect(toOwner()).toHaveLength(1);
    expect(toOwner()[0]!.body).toContain('Tuesday after 4');
    ask(same, 'Friday morning');
    run(s);
    expect(toOwner()).toHaveLength(1);
    s.emulator.ws.clock.set(Date.parse('2026-11-18T13:01:00-05:00'));
    run(s);
    expect(toOwner()).toHaveLength(2);
    expect(toOwner()[1]!.body).toContain('Friday morning');
    expect(toOwner()[1]!.body).not.toContain('Tuesday after 4');
    const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Follow-ups')!.values();
    expect(rows.map((r) => [r[header!.indexOf('Owner')], r[header!.indexOf('Status')]])).toEqual([
      [owner, 'new'],
      [owner, 'new'],
    ]);
    // The owner closes one; the Summary counts them by status.
    s.emulator.spreadsheet
      .sheetByName('Follow-ups')!
      .patch(3, header!.indexOf('Status') + 1, { v: 'done' });
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const at = grid.findIndex((r) => r[0] === 'Follow-ups by kind and status');
    expect(grid.slice(at + 1, at + 3).map((r) => r.slice(0, 5))).toEqual([
      ['Kind', 'new', 'contacted', 'done', 'All'],
      ['follow-up meeting', 1, 0, 1, 2],
    ]);
  });

  it('gives the owner, the Follow-ups sheet and the Summary the phone of a family no email reaches, and no other family’s', () => {
    let paper: Family | undefined;
    let emailed: Family | undefined;
    // Two one-child families with a phone on the Roster; the first has no email.
    const { s, ask, studentIds } = school((s) => {
      [paper, emailed] = phoneFamilies(s, [
        { phone: '555-0104', paper: true },
        { phone: '555-0999', paper: false },
      ]);
    });
    s.emulator.ws.clock.set(Date.parse('2026-11-18T12:00:00-05:00'));
    const conferenceOf = (f: Family) => studentIds.findIndex((ids) => ids === f.studentIds[0]);
    ask(conferenceOf(paper!), 'Tuesday after 4');
    ask(conferenceOf(emailed!), 'Friday morning');
    run(s);
    const fu = s.emulator.spreadsheet.sheetByName('Follow-ups')!.values();
    const col = (name: string) => fu[0]!.map(String).indexOf(name);
    expect(
      new Map(fu.slice(1).map((r) => [String(r[col('Asked')]), String(r[col('Family Phone')])])),
    ).toEqual(
      new Map([
        ['Tuesday after 4', '555-0104'],
        ['Friday morning', ''],
      ]),
    );
    const line = (asked: string) =>
      s.emulator.mail.sent.flatMap((m) => m.body.split('\n')).find((l) => l.includes(asked))!;
    expect(line('Tuesday after 4')).toContain('no email: phone 555-0104');
    expect(line('Friday morning')).not.toContain('phone');
    for (const m of s.emulator.mail.sent) expect(m.body).not.toContain('555-0999');
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const at = grid.findIndex((r) => r[0] === 'Follow-up requests');
    const contact = grid[at + 1]!.indexOf('Contact');
    const whenCol = grid[at + 1]!.indexOf('When');
    const contactOf = (when: string) =>
      String(grid.slice(at + 2).find((r) => r[whenCol] === when)![contact]);
    expect(contactOf('Tuesday after 4')).toBe('555-0104');
    expect(contactOf('Friday morning')).toContain('@');
  });

  it('keeps the columns and cells people changed: a new request lands in their layout', () => {
    const { s, conferences, ask } = school();
    ask(0, 'Tuesday after 4');
    run(s);
    const sheet = s.emulator.spreadsheet.sheetByName('Follow-ups')!;
    // A teacher adds a Notes column before Status, writes in it and marks the request contacted.
    sheet.insertColumns(1, 1);
    sheet.patch(1, 2, { v: 'Notes' });
    sheet.patch(2, 2, { v: 'called Monday' });
    const header = sheet.values()[0]!.map(String);
    sheet.patch(2, header.indexOf('Status') + 1, { v: 'contacted' });
    const other = conferences.findIndex((c) => c.teacher !== conferences[0]!.teacher);
    ask(other, 'Friday morning');
    run(s);
    const [after, ...rows] = sheet.values();
    expect(after!.map(String)).toEqual(header);
    const cell = (r: unknown[], h: string) => r[header.indexOf(h)];
    expect(rows.map((r) => [cell(r, 'Notes'), cell(r, 'Owner'), cell(r, 'Status')])).toEqual([
      ['called Monday', conferences[0]!.teacher, 'contacted'],
      ['', conferences[other]!.teacher, 'new'],
    ]);
    expect(String(cell(rows[1]!, 'Asked'))).toContain('Friday morning');
    expect(String(cell(rows[1]!, 'Owner Told'))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d/);
  });

  it('lists the open requests for the sidebar, overdue ones flagged, and closing one writes its Status cell only', () => {
    const { s, conferences, ask } = school();
    s.emulator.ws.clock.set(Date.parse('2026-11-18T12:00:00-05:00'));
    const other = conferences.findIndex((c) => c.teacher !== conferences[0]!.teacher);
    ask(0, 'Tuesday after 4');
    ask(other, 'Friday morning');
    run(s);
    const sheet = s.emulator.spreadsheet.sheetByName('Follow-ups')!;
    const [h, ...rows] = sheet.values();
    const cell = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    // The first request's due date moved back by its owner: it is overdue today, the other not.
    sheet.patch(2, h!.indexOf('Due') + 1, { v: '2026-11-17' });
    const view = ok<FollowUpsView>(s.bundle.callFromClient('getFollowUps', []));
    expect(view.today).toBe('2026-11-18');
    // Each request names its children as the Roster does ("García, Luis" is Luis García).
    const [rh, ...roster] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
    const nameOf = (id: string) => {
      const r = roster.find((x) => String(x[0]) === id)!;
      return String(r[rh!.indexOf('Student Name')]).split(', ').reverse().join(' ');
    };
    for (const f of view.requests) {
      const ids = f.studentIds.split(/;\s*/);
      expect(ids).toHaveLength(1);
      expect(f.students).toBe(nameOf(ids[0]!));
    }
    // Another student given the first one's name on the Roster: both read with their IDs.
    const first = view.requests[0]!.studentIds;
    const twin = roster.findIndex((x) => String(x[0]) !== first);
    const rosterSheet = s.emulator.spreadsheet.sheetByName('Roster')!;
    const nameCol = rh!.indexOf('Student Name') + 1;
    const firstName = roster.find((x) => String(x[0]) === first)![nameCol - 1];
    const twinName = roster[twin]![nameCol - 1];
    rosterSheet.patch(twin + 2, nameCol, { v: firstName });
    const again = ok<FollowUpsView>(s.bundle.callFromClient('getFollowUps', []));
    expect(again.requests.find((f) => f.studentIds === first)!.students).toBe(
      `${nameOf(first)} (${first})`,
    );
    rosterSheet.patch(twin + 2, nameCol, { v: twinName });
    expect(
      view.requests
        .map((f) => [f.request, f.owner, f.overdue])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      [
        [cell(rows[0]!, 'Request'), cell(rows[0]!, 'Owner'), true],
        [cell(rows[1]!, 'Request'), cell(rows[1]!, 'Owner'), false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const before = sheet.values();
    const after = ok<FollowUpsView>(
      s.bundle.callFromClient('setFollowUpStatus', [cell(rows[0]!, 'Request'), 'done']),
    );
    expect(after.requests.map((f) => f.request)).toEqual([cell(rows[1]!, 'Request')]);
    const now = sheet.values();
    const changed = now.flatMap((r, i) =>
      r.flatMap((v, c) => (v === before[i]![c] ? [] : [`${i + 1}:${String(h![c])}`])),
    );
    expect(changed).toEqual(['2:Status']);
    expect(now[1]![h!.indexOf('Status')]).toBe('done');
  });

  it('lists a family asking for another time for its locked conference as a change of time, owned by the host teacher, once', () => {
    const { s, address } = school();
    s.emulator.ws.clock.set(Date.parse('2026-11-16T12:00:00-05:00'));
    const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [sh, ...rows] = schedule.values();
    const at = (name: string) => sh!.indexOf(name);
    schedule.patch(2, at('Locked') + 1, { v: true });
    const [conference] = rows;
    const family = String(conference![at('Family ID')]);
    const teacher = String(conference![at('Teacher')]);
    // The family's new answer: only the day after its conference.
    const availability = s.emulator.spreadsheet.sheetByName('Availability')!;
    const ah = availability.values()[0]!.map(String);
    const answer: Record<string, string> = {
      'Family ID': family,
      Date: '2026-11-18',
      Start: '15:00',
      End: '18:00',
      Rank: '1',
      Round: 'Fall',
    };
    availability.appendRow(ah.map((h) => answer[h] ?? ''));
    run(s);
    run(s);
    const [h, ...listed] = s.emulator.spreadsheet.sheetByName('Follow-ups')!.values();
    const cell = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    expect(listed.map((r) => [cell(r, 'Family ID'), cell(r, 'Owner'), cell(r, 'Kind')])).toEqual([
      [family, teacher, 'change of time'],
    ]);
    expect(cell(listed[0]!, 'Due')).toBe('2026-11-23');
    const told = s.emulator.mail.to(address.get(teacher)!);
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('change of time');
  });

  it('cut off just after the owner’s email left, never emails the owner about it again', () => {
    const { s, address, conferences, ask } = school();
    ask(0, 'Tuesday after 4');
    const probe = school();
    probe.ask(0, 'Tuesday after 4');
    const from = probe.s.emulator.ws.callCount;
    run(probe.s);
    const k = nthCall(probe.s.emulator.ws, 'MailApp.sendEmail', 1, from) - from + 1;
    cutOffAt(s.emulator.ws, k, () => run(s));
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 2 * 3600_000);
    run(s);
    expect(s.emulator.mail.to(address.get(conferences[0]!.teacher)!)).toHaveLength(1);
  });

  it('a private talk and a comment asking to be called, on the English and Spanish forms, become requests of their kind, and each host teacher is told with the child’s name', () => {
    const { s, address } = school();
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['forms'])).done) break;
    const [sh, ...schedule] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const at = (r: unknown[], h: string) => String(r[sh!.indexOf(h)]);
    const english = schedule.find((r) => at(r, 'Language') !== 'Spanish')!;
    const spanish = schedule.find((r) => at(r, 'Language') === 'Spanish')!;
    expect(spanish).toBeDefined();
    s.emulator.ws.clock.set(Date.parse('2026-11-18T12:00:00-05:00'));
    s.emulator.forms.submitPrefilled(at(english, 'Feedback Link'), {
      'How did the conference go?': '4',
      'Would you like a follow-up meeting with the teacher?': 'No',
      'Would you like to talk with the teacher privately?': 'Yes',
    });
    s.emulator.forms.submitPrefilled(at(spanish, 'Feedback Link'), {
      '¿Cómo fue la conferencia?': '5',
      '¿Desean hablar en privado con el maestro?': 'No',
      '¿Algo más que quieran decirnos?': 'Llámeme por favor después de las 5',
    });
    const [fh, ...feedback] = s.emulator.spreadsheet.sheetByName('Feedback')!.values();
    expect(feedback.map((r) => r[fh!.indexOf('Private Talk')])).toEqual(['Yes', 'No']);
    run(s);
    const [h, ...rows] = s.emulator.spreadsheet.sheetByName('Follow-ups')!.values();
    const cell = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    expect(rows.map((r) => [cell(r, 'Family ID'), cell(r, 'Owner'), cell(r, 'Kind')])).toEqual([
      [at(english, 'Family ID'), at(english, 'Teacher'), 'private talk'],
      [at(spanish, 'Family ID'), at(spanish, 'Teacher'), 'contact'],
    ]);
    expect(cell(rows[1]!, 'Asked')).toBe('Llámeme por favor después de las 5');
    // The Roster's "Last, First" names of each conference's children, as the owner reads them.
    const [rh, ...roster] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
    const nameOf = (id: string) => {
      const r = roster.find((x) => String(x[rh!.indexOf('Student ID')]) === id)!;
      return String(r[rh!.indexOf('Student Name')]).split(', ').reverse().join(' ');
    };
    for (const [r, words] of [
      [english, 'a private talk with you'],
      [spanish, 'to be contacted: Llámeme por favor'],
    ] as const) {
      const told = s.emulator.mail.to(address.get(at(r, 'Teacher'))!);
      const body = told.map((m) => m.body).join('\n');
      expect(body).toContain(words);
      for (const id of at(r, 'Student IDs').split(/;\s*/)) expect(body).toContain(nameOf(id));
    }
    // Neither email names the other teacher's child.
    if (at(english, 'Teacher') !== at(spanish, 'Teacher'))
      for (const [r, other] of [
        [english, spanish],
        [spanish, english],
      ] as const) {
        const body = s.emulator.mail
          .to(address.get(at(r, 'Teacher'))!)
          .map((m) => m.body)
          .join('\n');
        for (const id of at(other, 'Student IDs').split(/;\s*/))
          expect(body).not.toContain(nameOf(id));
      }
  });

  it('a Feedback sheet made before the private-talk question gets its column, and the answer is kept', () => {
    const { s } = school();
    const feedback = s.emulator.spreadsheet.sheetByName('Feedback')!;
    const before = feedback.values()[0]!.map(String);
    feedback.deleteColumns(before.indexOf('Private Talk') + 1, 1);
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['forms'])).done) break;
    const [sh, ...schedule] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const english = schedule.find((r) => r[sh!.indexOf('Language')] !== 'Spanish')!;
    s.emulator.forms.submitPrefilled(String(english[sh!.indexOf('Feedback Link')]), {
      'How did the conference go?': '3',
      'Would you like to talk with the teacher privately?': 'Yes',
    });
    const [h, ...rows] = feedback.values();
    expect(h!.map(String)).toEqual([...before.filter((x) => x !== 'Private Talk'), 'Private Talk']);
    expect(rows.map((r) => [r[h!.indexOf('Rating')], r[h!.indexOf('Private Talk')]])).toEqual([
      [3, 'Yes'],
    ]);
  });

  it('a host teacher without an email on the Teachers sheet: the problem points to that teacher’s Email cell, and nobody is emailed', () => {
    const { s, conferences, ask } = school();
    const owner = conferences[0]!.teacher;
    const teachers = s.emulator.spreadsheet.sheetByName('Teachers')!;
    const [th, ...trows] = teachers.values();
    const email = th!.indexOf('Email') + 1;
    const theirs = trows.flatMap((r, i) => (r[th!.indexOf('Teacher')] === owner ? [i + 2] : []));
    for (const row of theirs) teachers.patch(row, email, { v: '' });
    ask(0, 'Tuesday after 4');
    const progress = run(s);
    expect(progress.problems).toEqual([
      expect.objectContaining({ where: { sheet: 'Teachers', row: theirs[0], column: email } }),
    ]);
    expect(progress.problems[0]!.message).toContain(`${owner} has no email on the Teachers sheet`);
    expect(s.emulator.mail.sent).toHaveLength(0);
  });

  it('a Status a person changes while the owners are being emailed is kept', () => {
    const { s, sheet } = twoOwners();
    const status = () => sheet().values()[0]!.map(String).indexOf('Status') + 1;
    // The first owner's email is on its way when a teacher marks the first request contacted.
    const typed = s.emulator.ws.interruptAt('MailApp.sendEmail', 1, () =>
      sheet().patch(2, status(), { v: 'contacted' }),
    );
    run(s);
    expect(typed()).toBe(true);
    expect(s.emulator.mail.sent).toHaveLength(2);
    const [h, ...rows] = sheet().values();
    expect(rows.map((r) => r[h!.indexOf('Status')])).toEqual(['contacted', 'new']);
    expect(rows.every((r) => /^\d{4}-/.test(String(r[h!.indexOf('Owner Told')])))).toBe(true);
  });

  it('a row a person adds to the sheet while new requests are being listed stays, and the new request goes below it', () => {
    /** The school after a first run listed one request, with a second asked. */
    const asked = () => {
      const made = school();
      const other = made.conferences.findIndex((c) => c.teacher !== made.conferences[0]!.teacher);
      made.ask(0, 'Tuesday after 4');
      run(made.s);
      made.ask(other, 'Friday morning');
      return made;
    };
    // Which data-range read is the last before the new request is written: the run reads the
    // Follow-ups sheet, then the Availability sheet, then writes.
    const probe = asked().s;
    const from = probe.emulator.ws.callCount;
    run(probe);
    const write = nthCall(probe.emulator.ws, 'SpreadsheetApp.Range.setNumberFormat', 1, from);
    const reads = probe.emulator.ws.callLog.filter(
      (c) =>
        c.index >= from &&
        c.index < write &&
        `${c.service}.${c.method}` === 'SpreadsheetApp.Sheet.getDataRange',
    ).length;
    expect(reads).toBeGreaterThan(1);
    const { s } = asked();
    const sheet = s.emulator.spreadsheet.sheetByName('Follow-ups')!;
    const header = sheet.values()[0]!.map(String);
    const byHand = header.map((h) =>
      h === 'Request' ? 'by hand' : h === 'Asked' ? 'Grandfather rang the office' : '',
    );
    const typed = s.emulator.ws.interruptAt('SpreadsheetApp.Sheet.getDataRange', reads, () =>
      byHand.forEach((v, i) => sheet.patch(3, i + 1, { v })),
    );
    run(s);
    expect(typed()).toBe(true);
    const rows = sheet.values().slice(1);
    expect(rows[1]).toEqual(byHand);
    expect(String(rows[2]![header.indexOf('Asked')])).toContain('Friday morning');
  });

  it('an Owner Told column deleted while owners are emailed comes back past a note beside the table, and no owner is emailed twice', () => {
    const { s, sheet } = twoOwners();
    s.emulator.ws.clock.set(Date.parse('2026-11-18T12:00:00-05:00'));
    const deleted = s.emulator.ws.interruptAt('MailApp.sendEmail', 1, () => {
      const header = sheet().values()[0]!.map(String);
      sheet().deleteColumns(header.indexOf('Owner Told') + 1, 1);
      sheet().patch(2, header.length + 1, { v: 'ask Ms. Diaz first' });
    });
    run(s);
    expect(deleted()).toBe(true);
    expect(s.emulator.mail.sent).toHaveLength(2);
    const [h, ...rows] = sheet().values();
    // The note stays where it was typed; Owner Told is the next column.
    expect(rows[0]![h!.length - 2]).toBe('ask Ms. Diaz first');
    expect(h![h!.length - 1]).toBe('Owner Told');
    for (const r of rows) expect(String(r[h!.length - 1])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d/);
    // Hours later, nothing new asked: each owner was told once.
    s.emulator.ws.clock.set(Date.parse('2026-11-18T15:00:00-05:00'));
    run(s);
    expect(s.emulator.mail.sent).toHaveLength(2);
  });

  it('listing the requests and emailing their owners opens the spreadsheet once', () => {
    const { s } = twoOwners();
    const before = s.emulator.ws.reports.length;
    run(s);
    expect(s.emulator.mail.sent).toHaveLength(2);
    expect(opensPerRun(s, before)).toEqual([1]);
  });

  it('closing a request writes that request’s Status even when the sheet is sorted between the read and the write', () => {
    /** Two listed requests and the one asked for "Tuesday after 4", the one being closed. */
    const listed = () => {
      const { s, sheet } = twoOwners();
      s.emulator.ws.clock.set(Date.parse('2026-11-18T12:00:00-05:00'));
      run(s);
      const view = ok<FollowUpsView>(s.bundle.callFromClient('getFollowUps', []));
      const tuesday = view.requests.find((f) => f.asked.includes('Tuesday'))!.request;
      return { s, sheet, tuesday };
    };
    // A twin school finds the call that follows the first read of the sheet when a request is
    // closed: a person sorts the requests the other way round just then.
    const probe = listed();
    const from = probe.s.emulator.ws.callCount;
    ok(probe.s.bundle.callFromClient('setFollowUpStatus', [probe.tuesday, 'contacted']));
    const read = nthCall(probe.s.emulator.ws, 'SpreadsheetApp.Range.getValues', 1, from);
    const next = callAt(probe.s.emulator.ws, read + 1);
    const nth = probe.s.emulator.ws.callLog.filter(
      (c) => c.index >= from && c.index <= read + 1 && `${c.service}.${c.method}` === next,
    ).length;
    const { s, sheet, tuesday } = listed();
    const sorted = s.emulator.ws.interruptAt(next, nth, () => {
      const [, ...rows] = sheet().values();
      rows.reverse().forEach((r, i) => r.forEach((v, c) => sheet().patch(i + 2, c + 1, { v })));
    });
    ok(s.bundle.callFromClient('setFollowUpStatus', [tuesday, 'contacted']));
    expect(sorted()).toBe(true);
    const [h, ...rows] = sheet().values();
    const at = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    expect(rows.map((r) => [at(r, 'Asked'), at(r, 'Status')])).toEqual([
      ['Friday morning', 'new'],
      ['Tuesday after 4', 'contacted'],
    ]);
  });

  it('marks each owner told on its own request when the sheet is sorted while owners are emailed', () => {
    const { s, sheet } = twoOwners();
    // As the second owner's email leaves, someone sorts the requests the other way round.
    const sorted = s.emulator.ws.interruptAt('MailApp.sendEmail', 2, () => {
      const [, ...rows] = sheet().values();
      rows.reverse().forEach((r, i) => r.forEach((v, c) => sheet().patch(i + 2, c + 1, { v })));
    });
    run(s);
    expect(sorted()).toBe(true);
    expect(s.emulator.mail.sent).toHaveLength(2);
    const [h, ...rows] = sheet().values();
    const at = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    expect(rows.map((r) => at(r, 'Asked'))).toEqual(['Friday morning', 'Tuesday after 4']);
    for (const r of rows) expect(at(r, 'Owner Told')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d/);
  });
});
