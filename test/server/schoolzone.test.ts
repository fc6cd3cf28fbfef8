/**
 * One clock for the school: with Settings' time zone unlike the spreadsheet's, every reminder,
 * the teachers' day-before email, the owner's "reminders are due" notice and the stamps a person
 * reads follow the school's zone (Settings'); the spreadsheet's zone only turns the Dates its
 * cells hold back into the times a person typed. Each case is one student of Ms. Rivera, whose
 * window is 15:00 to 15:25 on 17 November (one 25-minute conference, at 15:00 school time).
 */
import type { CheckIn, FollowUpsView, SettingsView } from '../../src/shared/api';
import { FOLLOWUP_HEADER } from '../../src/core/followups';
import { ok, pastedSchool, props, ROSTER_HEADER, run } from './calls';

type School = ReturnType<typeof pastedSchool>;

const HOUR = 3600_000;
const FAMILY = 'maria.lopez@family.example';
const TEACHER = 'rivera@lincoln.school.example';
const OWNER = 'coordinator@lincoln.school.example';
const OKAFOR = 'ada.okafor@family.example';

/** A second family of Ms. Rivera's, for whom her one conference leaves no room. */
const WAITING = [
  'S2',
  'Ben',
  'Okafor',
  '3',
  'Ms. Rivera',
  'F2',
  'Ada Okafor',
  OKAFOR,
  '',
  '',
  'en',
];

function riveraSchool(
  spreadsheetZone: string,
  schoolZone: string,
  { noDocument = false, waiting = false, dayBefore = false } = {},
): School {
  const s = pastedSchool(
    [
      ROSTER_HEADER,
      ['S1', 'Ana', 'Lopez', '3', 'Ms. Rivera', 'F1', 'Maria Lopez', FAMILY, '', '', 'en'],
      ...(waiting || dayBefore ? [WAITING] : []),
    ],
    [
      ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
      ['Ms. Rivera', TEACHER, '2026-11-17', '15:00', '15:25', '12', '1'],
      ...(dayBefore ? [['Ms. Rivera', TEACHER, '2026-11-16', '15:00', '15:25', '12', '1']] : []),
    ],
    { spreadsheetZone },
  );
  const view = ok<SettingsView>(s.bundle.callFromClient('getSettings', []));
  ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, timeZone: schoolZone }]));
  run(s, 'schedule');
  s.emulator.triggers.clockTriggersHaveNoDocument = noDocument;
  expect(ok<boolean>(s.bundle.callFromClient('setReminders', [true]))).toBe(true);
  return s;
}

const DAY = 24 * HOUR;

/** A questionnaire answer asking for a follow-up on Ms. Rivera's conference, as the form records it. */
function askFollowUp(s: School, answered: string): string {
  const [sh, row] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const id = String(row![sh!.indexOf('Conference ID')]);
  const feedback = s.emulator.spreadsheet.sheetByName('Feedback')!;
  const header = feedback.values()[0]!.map(String);
  const cells: Record<string, unknown> = {
    Answered: new Date(answered),
    'Conference ID': id,
    'Follow-up': 'Yes',
    'Follow-up When': 'Tuesday after 4',
  };
  feedback.appendRow(header.map((h) => cells[h] ?? ''));
  return id;
}

/** The Follow-ups sheet's rows, each by header. */
function followUpRows(s: School): Record<string, string>[] {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Follow-ups')!.values();
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), String(r[i])])));
}

/** A request the add-on listed and its owner has since contacted. */
const OLD_ROW: Record<string, string> = {
  Request: '{id} {on}',
  'Student IDs': 'S1',
  'Family ID': 'F1',
  Owner: 'Ms. Rivera',
  'Owner Email': TEACHER,
  Kind: 'follow-up meeting',
  Asked: 'Tuesday after 4',
  'Asked On': '{on}',
  Status: 'contacted',
  Due: '2026-11-20',
  'Owner Told': '2026-11-19 08:00',
};

/** Hour by hour to the end of the conference day, as Google fires the hourly trigger. */
function throughTheRound(s: School): void {
  const until = Date.parse('2026-11-18T12:00:00Z');
  for (let t = s.emulator.ws.clock.now() + HOUR; t <= until; t += HOUR)
    s.emulator.triggers.advanceTo(t);
}

const sentTo = (s: School, to: string) =>
  s.emulator.mail.sent.filter((m) => m.to.includes(to)).map((m) => Date.parse(m.sentAt));

/** An instant is within the hour that starts at `due` (the hourly trigger's first run after it). */
function withinTheHourAfter(at: number | undefined, due: string): void {
  expect(at).toBeGreaterThanOrEqual(Date.parse(due));
  expect(at).toBeLessThan(Date.parse(due) + HOUR);
}

// The conference's instant, worked out by hand: 15:00 on 17 November in the school's zone
// (London is on GMT then, New York on UTC-5, Chicago on UTC-6).
// The school's midnight that starts 16 November, the day before, and the wall clock of the
// school at 12:00Z on 10 November, by hand too. A questionnaire answer at an instant that falls
// on one day in the school's zone and on another in the spreadsheet's: its Asked On on each
// clock, and its Due seven days after the school's day.
const TOLD_AT = '2026-11-10T12:00:00Z';
describe.each([
  {
    order: 'east of the spreadsheet',
    sheet: 'America/New_York',
    school: 'Europe/London',
    at48: '2026-11-15T15:00:00Z',
    at2: '2026-11-17T13:00:00Z',
    dayBefore: '2026-11-16T00:00:00Z',
    stamp: '2026-11-10 12:00',
    sheetStamp: '2026-11-10 07:00',
    answered: '2026-11-19T02:00:00Z',
    askedOn: '2026-11-19 02:00:00',
    due: '2026-11-26',
    sheetAskedOn: '2026-11-18 21:00:00',
  },
  {
    order: 'west of the spreadsheet',
    sheet: 'America/New_York',
    school: 'America/Chicago',
    at48: '2026-11-15T21:00:00Z',
    at2: '2026-11-17T19:00:00Z',
    dayBefore: '2026-11-16T06:00:00Z',
    stamp: '2026-11-10 06:00',
    sheetStamp: '2026-11-10 07:00',
    answered: '2026-11-19T05:30:00Z',
    askedOn: '2026-11-18 23:30:00',
    due: '2026-11-25',
    sheetAskedOn: '2026-11-19 00:30:00',
  },
  {
    order: 'west of a London spreadsheet',
    sheet: 'Europe/London',
    school: 'America/New_York',
    at48: '2026-11-15T20:00:00Z',
    at2: '2026-11-17T18:00:00Z',
    dayBefore: '2026-11-16T05:00:00Z',
    stamp: '2026-11-10 07:00',
    sheetStamp: '2026-11-10 12:00',
    answered: '2026-11-19T02:00:00Z',
    askedOn: '2026-11-18 21:00:00',
    due: '2026-11-25',
    sheetAskedOn: '2026-11-19 02:00:00',
  },
])('a school $order ($school, the spreadsheet in $sheet)', (c) => {
  const { sheet, school, at48, at2 } = c;
  it('sends the 48-hour and the 2-hour reminder within the hour after each falls due, in the school’s zone', () => {
    const s = riveraSchool(sheet, school);
    throughTheRound(s);
    const sent = sentTo(s, FAMILY);
    expect(sent).toHaveLength(2);
    withinTheHourAfter(sent[0], at48);
    withinTheHourAfter(sent[1], at2);
  });

  it("the hourly run's record of when a reminder next falls due is the 48-hour reminder's instant", () => {
    const s = riveraSchool(sheet, school);
    s.emulator.triggers.advanceTo(s.emulator.ws.clock.now() + HOUR);
    const idle = JSON.parse(props(s).get('slc:reminders:idle') ?? '{}') as { next?: number };
    expect(idle.next).toBe(Date.parse(at48));
  });

  it('without its document, the hourly run tells the owner within the hour after each reminder falls due', () => {
    const s = riveraSchool(sheet, school, { noDocument: true });
    throughTheRound(s);
    const notices = sentTo(s, OWNER);
    expect(notices).toHaveLength(2);
    withinTheHourAfter(notices[0], at48);
    withinTheHourAfter(notices[1], at2);
  });

  it("sends Ms. Rivera's day-before email from the school's midnight that starts the day before, not earlier", () => {
    const s = riveraSchool(sheet, school);
    s.emulator.ws.clock.set(Date.parse(c.dayBefore) - 30 * 60_000);
    run(s, 'teachers');
    expect(sentTo(s, TEACHER)).toEqual([]);
    s.emulator.ws.clock.set(Date.parse(c.dayBefore) + 30 * 60_000);
    run(s, 'teachers');
    const sent = sentTo(s, TEACHER);
    expect(sent).toHaveLength(1);
    // The run's own calls take the emulator's clock on by seconds, never minutes.
    expect(sent[0]! - (Date.parse(c.dayBefore) + 30 * 60_000)).toBeLessThan(60_000);
  });

  it("stamps the waiting list's Told cell with the school's wall clock", () => {
    const s = riveraSchool(sheet, school, { waiting: true });
    s.emulator.ws.clock.set(Date.parse(TOLD_AT));
    run(s, 'waitlist');
    const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Waitlist')!.values();
    const told = rows.map((r) => String(r[header!.indexOf('Told')]));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(c.stamp);
    expect(told[0]).not.toContain(c.sheetStamp);
  });

  it("records asking a family for its times, and offering a no-show another, on the school's wall clock", () => {
    const s = riveraSchool(sheet, school);
    run(s, 'forms');
    s.emulator.ws.clock.set(Date.parse(TOLD_AT));
    run(s, 'ask');
    const asked = [...props(s)].filter(([k]) => k.startsWith('slc:asked:')).map(([, v]) => v);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(c.stamp);
    const [header, row] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const id = String(row![header!.indexOf('Conference ID')]);
    ok(s.bundle.callFromClient('markAttendance', [id, 'no-show']));
    const before = new Map(props(s));
    run(s, 'noshow-offer');
    const offered = [...props(s)].filter(([k, v]) => !before.has(k) && /^sent /.test(v));
    expect(offered).toHaveLength(1);
    expect(offered[0]![1]).toBe(`sent ${c.stamp}`);
  });

  it("dates a questionnaire follow-up request on the school's clock and calls it overdue after the school's due day", () => {
    const s = riveraSchool(sheet, school);
    const id = askFollowUp(s, c.answered);
    run(s, 'followups');
    const rows = followUpRows(s);
    expect(rows.map((r) => [r['Request'], r['Asked On'], r['Due']])).toEqual([
      [`${id} ${c.sheetAskedOn}`, c.askedOn, c.due],
    ]);
    const overdueAt = (at: number) => {
      s.emulator.ws.clock.set(at);
      return ok<FollowUpsView>(s.bundle.callFromClient('getFollowUps', [])).requests[0]!.overdue;
    };
    // Seven days on, it is the due day on the school's clock; a day later, past it.
    expect(overdueAt(Date.parse(c.answered) + 7 * DAY)).toBe(false);
    expect(overdueAt(Date.parse(c.answered) + 8 * DAY)).toBe(true);
  });

  it('keeps a follow-up request listed before its Asked On followed the school, without listing it again', () => {
    const s = riveraSchool(sheet, school);
    const id = askFollowUp(s, c.answered);
    // The sheet as the add-on wrote it when the answer's time was read on the spreadsheet's clock.
    const header = [...FOLLOWUP_HEADER];
    const before = header.map((h) =>
      (OLD_ROW[h] ?? '').replace('{id}', id).replace('{on}', c.sheetAskedOn),
    );
    const doc = s.emulator.spreadsheet;
    const listed = doc.insertSheet('Follow-ups');
    listed.appendRow(header);
    listed.appendRow(before);
    run(s, 'followups');
    const rows = followUpRows(s);
    expect(rows.map((r) => [r['Request'], r['Status']])).toEqual([
      [`${id} ${c.sheetAskedOn}`, 'contacted'],
    ]);
  });

  it("opens the check-in on the school's day, changing at the school's midnight", () => {
    // Ms. Rivera has a conference on the 16th and on the 17th; the school's midnight that
    // starts the 17th is a day after the one that starts the 16th (no clock change between).
    const s = riveraSchool(sheet, school, { dayBefore: true });
    const midnight = Date.parse(c.dayBefore) + 24 * HOUR;
    const dayAt = (at: number) => {
      s.emulator.ws.clock.set(at);
      return ok<CheckIn>(s.bundle.callFromClient('getCheckIn', [''])).date;
    };
    expect(dayAt(midnight - 30 * 60_000)).toBe('2026-11-16');
    expect(dayAt(midnight + 30 * 60_000)).toBe('2026-11-17');
  });
});

describe('a questionnaire answer, with the school in Los Angeles and the spreadsheet in New York', () => {
  // 20:30 on 18 November in Los Angeles (UTC-8 then) is 23:30 in New York, by hand.
  const ANSWERED = '2026-11-19T04:30:00Z';
  const AT_SCHOOL = '2026-11-18 20:30:00';

  /** The rows of one Summary section below its header row, up to the next blank row. */
  function summarySection(s: School, title: string): string[][] {
    const grid = s.emulator.spreadsheet
      .sheetByName('Summary')!
      .values()
      .map((r) => r.map(String));
    const from = grid.findIndex((r) => r[0] === title) + 2;
    expect(from).toBeGreaterThan(1);
    const to = grid.findIndex((r, i) => i >= from && r.every((v) => v === ''));
    return grid.slice(from, to < 0 ? undefined : to);
  }

  it("shows the time it was answered on the school's clock on the Follow-ups sheet and the Summary alike", () => {
    const s = riveraSchool('America/New_York', 'America/Los_Angeles');
    const id = askFollowUp(s, ANSWERED);
    run(s, 'followups');
    run(s, 'summary');
    expect(followUpRows(s).map((r) => r['Asked On'])).toEqual([AT_SCHOOL]);
    const requests = summarySection(s, 'Follow-up requests');
    expect(requests.map((r) => [r[4], r[5]])).toEqual([[id, AT_SCHOOL]]);
  });

  it("shows a flagged answer's time on the school's clock under the Summary's answers to check", () => {
    const s = riveraSchool('America/New_York', 'America/Los_Angeles');
    const feedback = s.emulator.spreadsheet.sheetByName('Feedback')!;
    const header = feedback.values()[0]!.map(String);
    const cells: Record<string, unknown> = {
      Answered: new Date(ANSWERED),
      'Conference ID': 'NOT-OURS',
      Flag: 'no such conference',
    };
    feedback.appendRow(header.map((h) => cells[h] ?? ''));
    run(s, 'summary');
    expect(summarySection(s, 'Answers to check').map((r) => r.slice(0, 3))).toEqual([
      [AT_SCHOOL, 'no such conference', 'NOT-OURS'],
    ]);
  });
});
