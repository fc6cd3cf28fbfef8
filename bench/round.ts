/**
 * A conference round on the built bundle at school scale: each operation run as the sidebar runs
 * it (chunk after chunk), with the emulator counting service calls and modelled Apps Script time.
 * Prints, per operation: executions, the longest execution against the 6-minute limit, service
 * calls beside the minimum the operation needs, and where the modelled time goes.
 *
 *   node --import tsx bench/round.ts [students...]
 */
import { openSchool } from '../preview/school';
import type { JobProgress, Result } from '../src/shared/api';
import type { ExecutionReport } from '../emulator/runtime';

export interface OperationFigures {
  operation: string;
  executions: number;
  /** Calls to the services that read or write people's data (Sheets, Calendar, Mail, Forms). */
  calls: number;
  /** Every service call, local ones (Utilities, Properties, Lock, Session) included. */
  allCalls: number;
  minimum: number;
  longestSeconds: number;
  totalSeconds: number;
  /** Service.method → modelled seconds, largest first. */
  where: [string, number][];
}

type School = ReturnType<typeof openSchool>;

/** Per operation: what the data makes necessary (one read and one write per sheet, and so on). */
export interface Operation {
  name: string;
  run: (school: School) => void;
  minimum: (school: School) => number;
}

export function runJob(school: School, job: string): JobProgress {
  for (let i = 0; i < 500; i++) {
    const r = school.bundle.callFromClient('runJob', [job]) as Result<JobProgress>;
    if (!r.ok) throw new Error(`${job}: ${r.error.message}`);
    if (r.value.done) return r.value;
  }
  throw new Error(`${job} did not finish in 500 executions`);
}

export const OPERATIONS: Operation[] = [
  // Six sheets: a header check (one read) each, the missing ones created with their formats.
  { name: 'set up', run: (s) => runJob(s, 'setup'), minimum: () => 6 },
  // Read Roster, Teachers, Availability and Schedule once each; write the Schedule once.
  { name: 'build schedule', run: (s) => runJob(s, 'schedule'), minimum: () => 5 },
  // One read of the Schedule; per teacher one tab and one write.
  { name: 'print views', run: (s) => runJob(s, 'views'), minimum: (s) => 1 + 2 * new Set(s.emulator.spreadsheet.sheetByName('Schedule')!.values().slice(1).map((r) => r[5])).size },
];

const DATA_SERVICES = /^(SpreadsheetApp|CalendarApp|MailApp|FormApp)\./;

function figures(name: string, reports: ExecutionReport[], minimum: number): OperationFigures {
  const byMethod = new Map<string, number>();
  let calls = 0;
  let allCalls = 0;
  for (const r of reports) {
    allCalls += r.calls;
    for (const [m, n] of Object.entries(r.callsByMethod)) {
      byMethod.set(m, (byMethod.get(m) ?? 0) + n);
      if (DATA_SERVICES.test(m)) calls += n;
    }
  }
  return {
    operation: name,
    executions: reports.length,
    calls,
    allCalls,
    minimum,
    longestSeconds: Math.max(0, ...reports.map((r) => r.elapsedMs)) / 1000,
    totalSeconds: reports.reduce((n, r) => n + r.elapsedMs, 0) / 1000,
    where: [],
  };
}

/** Runs the operations in order on a sample school of the given size. */
export function measureRound(students: number, operations = OPERATIONS): OperationFigures[] {
  const school = openSchool({ students, teachers: 12 });
  const out: OperationFigures[] = [];
  for (const op of operations) {
    const before = school.emulator.ws.reports.length;
    const callsBefore = school.emulator.ws.callLog.length;
    op.run(school);
    const reports = school.emulator.ws.reports.slice(before);
    const f = figures(op.name, reports, op.minimum(school));
    const time = new Map<string, number>();
    for (const c of school.emulator.ws.callLog.slice(callsBefore)) time.set(`${c.service}.${c.method}`, (time.get(`${c.service}.${c.method}`) ?? 0) + c.ms / 1000);
    f.where = [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    out.push(f);
  }
  return out;
}

export function printRound(students: number, rows: OperationFigures[]): void {
  console.log(`\n### ${students} students\n`);
  const header = ['operation', 'executions', 'longest execution s (limit 360)', 'total s', 'data calls', 'minimum', 'all calls', 'where the time goes'];
  const body = rows.map((f) => [f.operation, f.executions, f.longestSeconds.toFixed(1), f.totalSeconds.toFixed(1), f.calls, f.minimum, f.allCalls, f.where.map(([m, s]) => `${m} ${s.toFixed(1)} s`).join('; ')]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) => `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  console.log('Data calls: Sheets, Calendar, Mail and Forms. All calls add the local ones (Utilities.getUuid per new conference ID, properties, the lock).\n');
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of body) console.log(line(r));
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log('## A round on the bundle (modelled Apps Script time)');
  for (const n of sizes.length ? sizes : [600, 2000]) printRound(n, measureRound(n));
}
