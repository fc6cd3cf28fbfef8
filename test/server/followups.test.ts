/**
 * Follow-ups on the built bundle: each follow-up request lands once on the Follow-ups sheet,
 * owned by the host teacher, and the owner is emailed at most once an hour, about the requests
 * not yet told; cut off right after the email leaves, a re-run never tells the owner twice.
 */
import { openSchool } from '../../preview/school';
import { cutOffAt, nthCall } from './cut';
import type { FollowUpsView, JobProgress } from '../../src/shared/api';
import { ok } from './calls';

type School = ReturnType<typeof openSchool>;

const run = (s: School) => ok<JobProgress>(s.bundle.callFromClient('runJob', ['followups']));

function school() {
  const s = openSchool({ students: 30, teachers: 2, days: ['2026-11-17'] });
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
  return { s, conferences, address, ask };
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
    const at = grid.findIndex((r) => r[0] === 'Follow-ups by status');
    expect(grid.slice(at + 2, at + 5).map((r) => r.slice(0, 2))).toEqual([
      ['new', 1],
      ['contacted', 0],
      ['done', 1],
    ]);
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
});
