/**
 * The sidebar's server side, on the built bundle in the emulator: the overview, the set-up
 * operation as a time-budgeted, resumable, locked job, argument checks, errors with cells.
 */
import { registerLatency, latencyOf } from '../../emulator/latency';
import { LockStore } from '../../emulator/lock';
import { openSchool } from '../../preview/school';
import { cutOffAt } from './cut';
import { SHEETS } from '../../src/core/schema';
import type { JobProgress, Overview, Result } from '../../src/shared/api';
import { ok } from './calls';

function failure(result: unknown) {
  const r = result as Result<unknown>;
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function runToEnd(bundle: ReturnType<typeof openSchool>['bundle']): JobProgress[] {
  const steps: JobProgress[] = [];
  for (let i = 0; i < 20; i++) {
    const p = ok<JobProgress>(bundle.callFromClient('runJob', ['setup']));
    steps.push(p);
    if (p.done) return steps;
  }
  throw new Error('setup never finished');
}

describe('the overview', () => {
  it('starts at set-up, naming the sheets still to create', () => {
    const { bundle } = openSchool({ students: 40 });
    const o = ok<Overview>(bundle.callFromClient('getOverview', []));
    expect(o.steps.map((s) => s.id)).toEqual([
      'setup',
      'roster',
      'days',
      'availability',
      'schedule',
      'invites',
      'reminders',
      'questionnaire',
      'summary',
    ]);
    expect(o.steps[0]).toMatchObject({ status: 'ready', action: { job: 'setup' } });
    expect(o.steps[0]!.headline).toContain('Schedule');
    expect(o.steps[0]!.headline).not.toContain('Roster');
    expect(o.steps[1]).toMatchObject({ status: 'todo' });
    expect(o.timeZone).toBe('America/New_York');
  });

  it('is read with a handful of service calls, none of them a write', () => {
    const { bundle, emulator } = openSchool({ students: 300 });
    bundle.callFromClient('getOverview', []);
    const report = emulator.ws.reports.at(-1)!;
    expect(report.calls).toBeLessThan(25);
    expect(
      Object.keys(report.callsByMethod).filter((m) => /\.set|insert|append|delete/.test(m)),
    ).toEqual([]);
  });
});

describe('the steps of the teachers’ day and follow-through', () => {
  it('offer a button each for telling the waitlist, the teachers’ day and the follow-ups, and each runs', () => {
    // More students than the one day's windows hold: some wait.
    const { bundle } = openSchool({ students: 80, teachers: 2, days: ['2026-11-17'] });
    runToEnd(bundle);
    ok<JobProgress>(bundle.callFromClient('runJob', ['schedule']));
    const o = ok<Overview>(bundle.callFromClient('getOverview', []));
    const more = (id: string) =>
      (o.steps.find((x) => x.id === id)!.more ?? []).map((a) => a.job as string);
    const waiting = o.steps
      .find((x) => x.id === 'schedule')!
      .counts.find((c) => c.label === 'not placed yet')!.value;
    expect(waiting).toBeGreaterThan(0);
    expect(more('schedule')).toContain('waitlist');
    expect(more('reminders')).toContain('teachers');
    expect(more('summary')).toContain('followups');
    for (const job of ['waitlist', 'teachers', 'followups'])
      expect(ok<JobProgress>(bundle.callFromClient('runJob', [job])).done).toBe(true);
  });
});

describe('set up', () => {
  it('creates the missing sheets with headers, frozen header row, notes and validation, and leaves the pasted ones alone', () => {
    const { bundle, emulator } = openSchool({ students: 60 });
    const doc = emulator.spreadsheet;
    const rosterBefore = JSON.stringify(doc.sheetByName('Roster')!.values());
    const teachersBefore = JSON.stringify(doc.sheetByName('Teachers')!.values());
    const [last] = runToEnd(bundle).slice(-1);
    expect(last!.message).toContain(
      'Created Schedule, Availability, Feedback, Student Prep, Reflections, Summary',
    );
    for (const spec of SHEETS) expect(doc.sheetByName(spec.name)).toBeDefined();
    const schedule = doc.sheetByName('Schedule')!;
    expect(schedule.values()[0]).toEqual(
      SHEETS.find((s) => s.name === 'Schedule')!.columns.map((c) => c.header),
    );
    expect(schedule.frozenRows).toBe(1);
    expect(schedule.cell(1, 1)!.note).toContain('do not edit');
    const status = schedule.values()[0]!.indexOf('Status') + 1;
    expect(schedule.cell(2, status)!.validation?.criteria).toBe('VALUE_IN_LIST');
    expect(JSON.stringify(doc.sheetByName('Roster')!.values())).toBe(rosterBefore);
    expect(JSON.stringify(doc.sheetByName('Teachers')!.values())).toBe(teachersBefore);
  });

  it('changes nothing when run a second time', () => {
    const { bundle, emulator } = openSchool({ students: 30 });
    runToEnd(bundle);
    const before = JSON.stringify(emulator.spreadsheet.sheets.map((s) => [s.name, s.rows]));
    const [again] = runToEnd(bundle);
    expect(again!.message).toBe('All sheets were already in place; nothing changed.');
    expect(JSON.stringify(emulator.spreadsheet.sheets.map((s) => [s.name, s.rows]))).toBe(before);
    const writes = Object.keys(emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
      /SpreadsheetApp\..*\.(set|insert|append|delete|protect)/.test(m),
    );
    expect(writes).toEqual([]);
  });

  it('adds missing columns at the end of its own sheets, keeping what people typed', () => {
    const { bundle, emulator } = openSchool({ students: 10 });
    const doc = emulator.spreadsheet;
    const mine = doc.insertSheet('Schedule');
    mine.appendRow(['Conference ID', 'Date', 'My own column']);
    mine.appendRow(['C-1', 'kept', '=SUM(1,2)']);
    runToEnd(bundle);
    const values = mine.values();
    expect(values[0]!.slice(0, 3)).toEqual(['Conference ID', 'Date', 'My own column']);
    expect(values[0]).toContain('Status');
    expect(values[1]!.slice(0, 2)).toEqual(['C-1', 'kept']);
    expect(mine.cell(2, 3)!.f).toBe('=SUM(1,2)');
  });

  // Sheets treats tab names alike whatever their capitals (docs/EMULATOR.md row 7): a user's own
  // "schedule" tab makes insertSheet('Schedule') throw. Checked with the emulator's switch on
  // (Google's behaviour) and off (names compared exactly).
  for (const ignoreCase of [true, false]) {
    it(`names a user's own tab in its way (other capitals) and writes nothing into it (ignore case: ${ignoreCase})`, () => {
      const { bundle, emulator } = openSchool({ students: 10 });
      const doc = emulator.spreadsheet;
      doc.sheetNamesIgnoreCase = ignoreCase;
      const theirs = doc.insertSheet('schedule');
      theirs.appendRow(['My week']);
      theirs.appendRow(['Mon: dentist']);
      const last = runToEnd(bundle).at(-1)!;
      expect(last.problems.find((p) => p.message.includes('Your tab "schedule"'))).toMatchObject({
        severity: 'error',
        where: { sheet: 'schedule', row: 1, column: 1 },
      });
      expect(theirs.values()).toEqual([['My week'], ['Mon: dentist']]);
      expect(doc.sheets.filter((s) => s.name.toLowerCase() === 'schedule')).toEqual([theirs]);
      expect(doc.sheetByName('Roster')).toBeDefined();
    });

    it(`takes back its own sheet renamed in other capitals (ignore case: ${ignoreCase})`, () => {
      const { bundle, emulator } = openSchool({ students: 10 });
      const doc = emulator.spreadsheet;
      doc.sheetNamesIgnoreCase = ignoreCase;
      runToEnd(bundle);
      const schedule = doc.sheets.find((s) => s.name === 'Schedule')!;
      schedule.name = 'SCHEDULE';
      const [again] = runToEnd(bundle);
      expect(again!.problems).toEqual([]);
      expect(schedule.name).toBe('Schedule');
      expect(doc.sheets.filter((s) => s.name.toLowerCase() === 'schedule')).toHaveLength(1);
    });
  }

  it('reports a roster without an email column with the sheet and cell, and adds nothing to it', () => {
    const { bundle, emulator } = openSchool({ empty: true });
    const roster = emulator.spreadsheet.sheets[0]!;
    roster.name = 'Roster';
    roster.appendRow(['Student ID', 'Student Name', 'Homeroom']);
    const [last] = runToEnd(bundle).slice(-1);
    const problem = last!.problems.find((p) => p.message.includes('Guardian 1 Email'));
    expect(problem).toMatchObject({
      severity: 'error',
      where: { sheet: 'Roster', row: 1, column: 4 },
    });
    expect(roster.values()[0]).toEqual(['Student ID', 'Student Name', 'Homeroom']);
  });

  it('works in chunks when Google is slow, showing progress, and resumes after the sidebar is closed', () => {
    const slow = latencyOf('SpreadsheetApp', 'Spreadsheet.insertSheet');
    registerLatency('SpreadsheetApp', { 'Spreadsheet.insertSheet': { base: 30_000 } });
    try {
      const { bundle, emulator } = openSchool({ students: 10 });
      const first = ok<JobProgress>(bundle.callFromClient('runJob', ['setup']));
      expect(first.done).toBe(false);
      expect(first.processed).toBeGreaterThan(0);
      expect(first.processed).toBeLessThan(first.total);
      // The sidebar closes here. Reopened, the overview offers to continue.
      const o = ok<Overview>(bundle.callFromClient('getOverview', []));
      expect(o.steps[0]).toMatchObject({ status: 'working', action: { label: 'Continue' } });
      expect(o.unfinished).toHaveLength(1);
      const rest = runToEnd(bundle);
      expect(rest.at(-1)!.done).toBe(true);
      expect(
        emulator.spreadsheet.sheets.map((s) => s.name).filter((n) => n === 'Schedule'),
      ).toHaveLength(1);
      expect(ok<Overview>(bundle.callFromClient('getOverview', [])).unfinished).toEqual([]);
      for (const r of emulator.ws.reports) expect(r.elapsedMs).toBeLessThan(6 * 60_000);
    } finally {
      registerLatency('SpreadsheetApp', { 'Spreadsheet.insertSheet': { base: slow } });
    }
  });

  it('cut off at any service call, a second run completes with no duplicate sheet or header', () => {
    const probe = openSchool({ students: 5 });
    const start = probe.emulator.ws.callCount;
    runToEnd(probe.bundle);
    const total = probe.emulator.ws.callCount - start;
    for (let k = 0; k < total; k += 3) {
      const { bundle, emulator } = openSchool({ students: 5 });
      cutOffAt(emulator.ws, k, () => bundle.callFromClient('runJob', ['setup']));
      runToEnd(bundle);
      const names = emulator.spreadsheet.sheets.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const spec of SHEETS) {
        const header = emulator.spreadsheet.sheetByName(spec.name)!.values()[0]!;
        if (spec.name === 'Roster' || spec.name === 'Teachers') continue;
        expect(header).toEqual(spec.columns.map((c) => c.header));
      }
    }
  });

  it('tells a second person who is running an operation, and changes nothing', () => {
    const { bundle, emulator } = openSchool({ students: 10 });
    const doc = emulator.spreadsheet;
    emulator.kv.properties.set(
      `document:${doc.id}`,
      new Map([
        [
          'slc:running',
          JSON.stringify({
            job: 'setup',
            label: 'setting up the sheets',
            user: 'rivera@lincoln.school.example',
            via: 'sidebar',
            since: new Date(emulator.ws.clock.now() - 120_000).toISOString(),
          }),
        ],
      ]),
    );
    emulator.locks.holdForAnother(LockStore.documentKey(doc.id), emulator.ws.clock.now() + 60_000);
    const error = failure(bundle.callFromClient('runJob', ['setup']));
    expect(error.message).toBe(
      'rivera@lincoln.school.example is setting up the sheets, started 2 minutes ago. Nothing was changed; try again when that has finished.',
    );
    expect(doc.sheetByName('Schedule')).toBeUndefined();
  });
});

describe('arguments from the browser are checked', () => {
  it('refuses an unknown operation, extra arguments and malformed cells', () => {
    const { bundle } = openSchool({ students: 5 });
    expect(failure(bundle.callFromClient('runJob', ['dropEverything'])).message).toContain(
      'invalid operation',
    );
    expect(failure(bundle.callFromClient('getOverview', ['extra'])).message).toContain(
      'invalid call',
    );
    expect(
      failure(bundle.callFromClient('selectCell', [{ sheet: 'Roster', row: -1, column: 1 }]))
        .message,
    ).toContain('cell.row');
    expect(
      failure(
        bundle.callFromClient('selectCell', [
          { sheet: 'Roster', row: 1, column: 1, evil: '<script>' },
        ]),
      ).message,
    ).toContain('cell.evil');
    expect(failure(bundle.callFromClient('selectCell', ['Roster!A1'])).message).toContain(
      'invalid cell',
    );
  });

  it('selects the cell a problem is about, and says so when the sheet is gone', () => {
    const { bundle, emulator } = openSchool({ students: 5 });
    const where = ok<{ sheet: string }>(
      bundle.callFromClient('selectCell', [{ sheet: 'Roster', row: 4, column: 6 }]),
    );
    expect(where.sheet).toBe('Roster');
    expect(emulator.spreadsheet.activeRange).toEqual({
      sheetId: emulator.spreadsheet.sheetByName('Roster')!.sheetId,
      a1: 'F4',
    });
    expect(
      failure(bundle.callFromClient('selectCell', [{ sheet: 'Gone', row: 1, column: 1 }])).message,
    ).toContain('There is no sheet named "Gone"');
  });

  it('turns a Google failure into a sentence that says nothing was lost', () => {
    const { bundle, emulator } = openSchool({ students: 5 });
    emulator.ws.injectFault({
      method: 'SpreadsheetApp.Spreadsheet.insertSheet',
      message: 'Service Spreadsheets failed while accessing document',
    });
    const error = failure(bundle.callFromClient('runJob', ['setup']));
    expect(error.message).toBe(
      "Something went wrong in Google's services: Service Spreadsheets failed while accessing document. Nothing done so far was lost; try again.",
    );
    expect(runToEnd(bundle).at(-1)!.done).toBe(true);
  });

  it("says when Google's daily limits come back, and that a short-term limit passes in minutes", () => {
    const { bundle, emulator } = openSchool({ students: 5 });
    emulator.ws.injectFault({
      method: 'SpreadsheetApp.Spreadsheet.insertSheet',
      message: 'Service invoked too many times for one day: spreadsheets.',
    });
    const daily = failure(bundle.callFromClient('runJob', ['setup'])).message;
    expect(daily).toContain('24 hours after the first request');
    expect(daily).not.toMatch(/midnight/i);
    emulator.ws.injectFault({
      method: 'SpreadsheetApp.Spreadsheet.insertSheet',
      message:
        'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.',
    });
    expect(failure(bundle.callFromClient('runJob', ['setup'])).message).toMatch(
      /^Google asked us to slow down .*try again in a few minutes/,
    );
  });
});
