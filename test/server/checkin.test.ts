/**
 * Attendance check-in on the built bundle: the sidebar lists one teacher's conferences of the
 * day in time order, and a mark writes that conference's Status cell and no other cell, found by
 * its Conference ID even after the rows were sorted.
 */
import { openSchool } from '../../preview/school';
import type { CheckIn, CheckInConference, JobProgress, Result } from '../../src/shared/api';
import { ok } from './calls';

type School = ReturnType<typeof openSchool>;

function scheduledSchool(): School {
  const s = openSchool({ students: 40, teachers: 2, days: ['2026-11-17', '2026-11-18'] });
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
  return s;
}

/** A Date cell's day, as the Schedule shows it (yyyy-mm-dd). */
const dayOf = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const plain = (v: unknown) => (v instanceof Date ? v.getTime() : v);
const schedule = (s: School) => s.emulator.spreadsheet.sheetByName('Schedule')!;

describe('attendance check-in', () => {
  it("lists the chosen teacher's conferences of today in time order, and only theirs", () => {
    const s = scheduledSchool();
    s.emulator.ws.clock.set(Date.parse('2026-11-18T14:00:00-05:00'));
    const [h, ...rows] = schedule(s).values();
    const at = (r: unknown[], name: string) => r[h!.indexOf(name)];
    const day = (r: unknown[]) => dayOf(at(r, 'Date'));
    const today = rows.filter((r) => day(r) === '2026-11-18');
    const teachers = [...new Set(today.map((r) => String(at(r, 'Teacher'))))].sort();
    expect(teachers.length).toBe(2);
    const first = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', ['']));
    expect(first).toMatchObject({ date: '2026-11-18', teachers, teacher: teachers[0] });
    const view = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', [teachers[1]]));
    expect(view.teacher).toBe(teachers[1]);
    const theirs = today.filter((r) => at(r, 'Teacher') === teachers[1]);
    expect(view.conferences.map((c) => c.conferenceId).sort()).toEqual(
      theirs.map((r) => String(at(r, 'Conference ID'))).sort(),
    );
    const minutes = (t: string) => {
      const m = /^(\d+):(\d\d) (AM|PM)/.exec(t)!;
      return ((Number(m[1]) % 12) + (m[3] === 'PM' ? 12 : 0)) * 60 + Number(m[2]);
    };
    const starts = view.conferences.map((c) => minutes(c.time));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('writes the Status cell of the conference marked, found by its ID after a sort, and no other cell', () => {
    const s = scheduledSchool();
    s.emulator.ws.clock.set(Date.parse('2026-11-17T16:00:00-05:00'));
    const view = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', ['']));
    const target = view.conferences[1]!;
    // Someone sorts the Schedule by Students (Z to A) after the list was shown.
    const sheet = schedule(s);
    const [h, ...rows] = sheet.values();
    const byStudents = [...rows].sort((a, b) =>
      String(b[h!.indexOf('Students')]).localeCompare(String(a[h!.indexOf('Students')])),
    );
    byStudents.forEach((r, i) => r.forEach((v, c) => sheet.patch(i + 2, c + 1, { v })));
    const before = sheet.values();
    const marked = ok<CheckInConference>(
      s.bundle.callFromClient('markAttendance', [target.conferenceId, 'no-show']),
    );
    expect(marked).toMatchObject({ conferenceId: target.conferenceId, status: 'no-show' });
    const after = sheet.values();
    const row = after.findIndex((r) => r[h!.indexOf('Conference ID')] === target.conferenceId);
    const changed: string[] = [];
    after.forEach((r, i) =>
      r.forEach((v, c) => {
        if (plain(v) !== plain(before[i]![c])) changed.push(`${i + 1}:${String(h![c])}`);
      }),
    );
    expect(changed).toEqual([`${row + 1}:Status`]);
    expect(after[row]![h!.indexOf('Status')]).toBe('no-show');
    const again = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', [view.teacher]));
    expect(again.conferences.find((c) => c.conferenceId === target.conferenceId)!.status).toBe(
      'no-show',
    );
  });

  it('after both days, opens on the day left unmarked, and a day picked lists its teachers', () => {
    const s = scheduledSchool();
    s.emulator.ws.clock.set(Date.parse('2026-11-20T14:00:00-05:00'));
    const [h, ...rows] = schedule(s).values();
    const at = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    const day = (r: unknown[]) => dayOf(r[h!.indexOf('Date')]);
    // Every conference of the 18th is marked in the check-in; the 17th's are left unmarked.
    const onThe18th = rows.filter((r) => day(r) === '2026-11-18');
    for (const r of onThe18th)
      ok(s.bundle.callFromClient('markAttendance', [at(r, 'Conference ID'), 'attended']));
    const view = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', ['']));
    expect([view.date, view.days]).toEqual(['2026-11-17', ['2026-11-17', '2026-11-18']]);
    const teacher = at(onThe18th[0]!, 'Teacher');
    const picked = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', [teacher, '2026-11-18']));
    expect([picked.date, picked.teacher]).toEqual(['2026-11-18', teacher]);
    expect(picked.teachers).toEqual([...new Set(onThe18th.map((r) => at(r, 'Teacher')))].sort());
    expect(picked.conferences.map((c) => c.conferenceId).sort()).toEqual(
      onThe18th
        .filter((r) => at(r, 'Teacher') === teacher)
        .map((r) => at(r, 'Conference ID'))
        .sort(),
    );
    const refused = s.bundle.callFromClient('getCheckIn', [teacher, 20261118]) as Result<unknown>;
    expect(refused.ok).toBe(false);
  });

  it('refuses a mark it does not know and a conference no longer on the Schedule, changing nothing', () => {
    const s = scheduledSchool();
    const before = schedule(s).values();
    const id = String(before[1]![before[0]!.indexOf('Conference ID')]);
    const bad = s.bundle.callFromClient('markAttendance', [id, 'maybe']) as Result<unknown>;
    expect(bad.ok).toBe(false);
    const gone = s.bundle.callFromClient('markAttendance', [
      'C-none',
      'attended',
    ]) as Result<unknown>;
    expect(gone.ok ? '' : gone.error.message).toContain('C-none is no longer on the Schedule');
    expect(schedule(s).values()).toEqual(before);
  });
});

describe('a Schedule made before "rescheduled" was a status', () => {
  /** The dropdown Set up made on the Status column before that status existed. */
  const OLD_LIST = [
    'scheduled',
    'invited',
    'accepted',
    'declined',
    'tentative',
    'cancelled',
    'attended',
    'no-show',
  ];

  function oldSchedule(): { s: School; status: number; before: unknown[] } {
    const s = scheduledSchool();
    const sheet = schedule(s);
    const status = sheet.values()[0]!.indexOf('Status') + 1;
    for (let row = 2; row <= 1000; row++)
      sheet.patch(row, status, {
        validation: {
          criteria: 'VALUE_IN_LIST',
          values: [OLD_LIST, true],
          allowInvalid: false,
          helpText: `One of: ${OLD_LIST.join(', ')}.`,
        },
      });
    sheet.put(2, status, { v: 'attended' });
    sheet.put(3, status, { v: 'no-show' });
    return { s, status, before: sheet.values().map((r) => plain(r[status - 1])) };
  }

  const listOf = (s: School, row: number, status: number) =>
    (schedule(s).cell(row, status)?.validation?.values[0] as string[] | undefined) ?? [];

  it('takes a check-in mark of rescheduled: the dropdown is brought up to date, no other value changes', () => {
    const { s, status, before } = oldSchedule();
    const id = String(schedule(s).values()[4]![schedule(s).values()[0]!.indexOf('Conference ID')]);
    s.emulator.ws.clock.set(Date.parse('2026-11-17T16:00:00-05:00'));
    const marked = ok<CheckInConference>(
      s.bundle.callFromClient('markAttendance', [id, 'rescheduled']),
    );
    expect(marked.status).toBe('rescheduled');
    const after = schedule(s)
      .values()
      .map((r) => plain(r[status - 1]));
    expect(after[4]).toBe('rescheduled');
    expect(after.filter((_, i) => i !== 4)).toEqual(before.filter((_, i) => i !== 4));
    for (const row of [2, 5, 1000]) expect(listOf(s, row, status)).toContain('rescheduled');
  });

  it("takes a mark on a row whose dropdown is old when the first row's is up to date, reading a rule only then", () => {
    const { s, status, before } = oldSchedule();
    const sheet = schedule(s);
    // Someone pasted a current dropdown onto the first row only.
    sheet.patch(2, status, {
      validation: {
        criteria: 'VALUE_IN_LIST',
        values: [[...OLD_LIST, 'rescheduled'], true],
        allowInvalid: false,
        helpText: '',
      },
    });
    const id = String(sheet.values()[4]![sheet.values()[0]!.indexOf('Conference ID')]);
    s.emulator.ws.clock.set(Date.parse('2026-11-17T16:00:00-05:00'));
    const marked = ok<CheckInConference>(
      s.bundle.callFromClient('markAttendance', [id, 'rescheduled']),
    );
    expect(marked.status).toBe('rescheduled');
    const after = sheet.values().map((r) => plain(r[status - 1]));
    expect(after[4]).toBe('rescheduled');
    expect(after.filter((_, i) => i !== 4)).toEqual(before.filter((_, i) => i !== 4));
    expect(listOf(s, 5, status)).toContain('rescheduled');
    // Once the list is up to date, a tap is one write and reads no rule.
    const next = String(sheet.values()[5]![sheet.values()[0]!.indexOf('Conference ID')]);
    ok<CheckInConference>(s.bundle.callFromClient('markAttendance', [next, 'rescheduled']));
    const calls = s.emulator.ws.reports.at(-1)!.callsByMethod;
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(calls['SpreadsheetApp.Range.getDataValidation']).toBeUndefined();
    expect(sheet.cell(6, status)?.v).toBe('rescheduled');
  });

  it('Set up brings the dropdown up to date once, keeping every value', () => {
    const { s, status, before } = oldSchedule();
    const first = ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup']));
    expect(first.message).toContain("Brought the Schedule sheet's Status list up to date");
    expect(
      schedule(s)
        .values()
        .map((r) => plain(r[status - 1])),
    ).toEqual(before);
    for (const row of [2, 3, 1000]) expect(listOf(s, row, status)).toContain('rescheduled');
    const again = ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup']));
    expect(again.message).not.toContain('Brought');
  });
});
