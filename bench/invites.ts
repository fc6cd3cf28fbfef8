/**
 * Calendar invites: Calendar calls per conference when it is new, changed and
 * unchanged, and the modelled Apps Script time of a 600-conference sync split into executions
 * (the emulator's latency model: an assumption of typical figures, not a measurement of Google).
 */
import type { ExecutionReport } from '../emulator/runtime';
import { openSchool, type School } from '../preview/school';
import type { JobProgress, Result } from '../src/shared/api';

function runToEnd(school: School, job: string): ExecutionReport[] {
  const from = school.emulator.ws.reports.length;
  for (let i = 0; i < 500; i++) {
    const r = school.bundle.callFromClient('runJob', [job]) as Result<JobProgress>;
    if (!r.ok) throw new Error(`${job}: ${r.error.message}`);
    if (r.value.done) return school.emulator.ws.reports.slice(from);
  }
  throw new Error(`${job} never finished`);
}

function calendarCalls(reports: ExecutionReport[]): number {
  let n = 0;
  for (const r of reports)
    for (const [method, count] of Object.entries(r.callsByMethod))
      if (method.startsWith('CalendarApp.')) n += count;
  return n;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function benchInvites(target = 600): void {
  console.log(`## Calendar invites (${target} conferences)\n`);
  const school = openSchool({ students: target, teachers: 12 });
  runToEnd(school, 'setup');
  runToEnd(school, 'schedule');
  const sheet =
    school.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Schedule')!;
  const values = sheet.getDataRange().getValues();
  const header = values[0]!.map(String);
  const at = (name: string) => header.indexOf(name);
  // The sample's two days hold fewer conferences than asked (siblings share one): the rest are
  // copies of scheduled ones on a third day, each its own conference and family.
  const rows = values.slice(1, target + 1);
  for (let i = 0; rows.length < target; i++) {
    const copy = [...values[1 + (i % (values.length - 1))]!];
    copy[at('Conference ID')] = `C-BENCH${String(i).padStart(5, '0')}`;
    copy[at('Date')] = new Date(Date.UTC(2026, 10, 18, 5));
    copy[at('Emails')] = `bench.family${i}@family.example`;
    rows.push(copy);
  }
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
  const count = rows.length;

  const first = runToEnd(school, 'invites');
  const again = runToEnd(school, 'invites');
  const moved = Math.max(1, Math.round(count / 10));
  for (let r = 2; r < 2 + moved; r++) sheet.getRange(r, at('Room') + 1).setValue(`Library ${r}`);
  const changed = runToEnd(school, 'invites');

  const line = (what: string, n: number, reports: ExecutionReport[]) => {
    const total = reports.reduce((s, r) => s + r.elapsedMs, 0);
    const longest = Math.max(...reports.map((r) => r.elapsedMs));
    console.log(
      `| ${what} | ${n} | ${(calendarCalls(reports) / n).toFixed(2)} | ${reports.length} | ${seconds(longest)} | ${seconds(total)} |`,
    );
  };
  console.log(
    '| sync | conferences | Calendar calls per conference | executions | longest execution (modelled s) | total (modelled s) |',
  );
  console.log('|---|---|---|---|---|---|');
  line('all new', count, first);
  line('unchanged', count, again);
  line(`${moved} changed (room)`, moved, changed);
  const over = first.filter((r) => r.elapsedMs >= 6 * 60_000).length;
  console.log(
    `\nEvery execution under six minutes: ${over === 0 ? 'yes' : `NO (${over})`}; each chunk stops starting work after 45 s.`,
  );
  console.log(
    `Events on the calendar: ${school.emulator.calendar.events().filter((e) => e.calendarId.endsWith('@group.calendar.google.com')).length}.\n`,
  );
}
