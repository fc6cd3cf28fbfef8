/**
 * A conference round on the built bundle at school scale: each operation run as the sidebar runs
 * it (chunk after chunk), with the emulator counting service calls and modelled Apps Script time.
 * Prints, per operation: executions, the longest execution against the 6-minute limit, service
 * calls beside the minimum the operation needs, and where the modelled time goes.
 *
 *   node --import tsx bench/round.ts [--google] [students...]
 *
 * --google plays it with every emulator switch that models Google where the default run does
 * not (sample/round.ts asGoogle).
 */
import { openSchool } from '../preview/school';
import type { ExecutionReport } from '../emulator/runtime';
import { asGoogle, play, round, tomorrowMorning, type School } from '../sample/round';

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

/**
 * Per step of the round: the calls the data makes necessary, by the yardstick the issue sets (one
 * read and one write per sheet, one Calendar write per new or changed conference, one email per
 * family per message). Each is counted from what the step did (emails sent, events made,
 * executions Google started), so the figure beside it is what batching could not save.
 */
export interface Minimum {
  count: (s: School, step: StepCalls, occurrence: number) => number;
  /** What the minimum counts, for the README. */
  explains: string;
}

interface StepCalls {
  reports: ExecutionReport[];
  byMethod: Map<string, number>;
}

const calls = (step: StepCalls, method: string) => step.byMethod.get(method) ?? 0;
const sendsMail = (r: ExecutionReport) =>
  Object.keys(r.callsByMethod).some((m) => m.startsWith('MailApp.send'));
const teachers = (s: School) =>
  new Set(
    s.emulator.spreadsheet
      .sheetByName('Schedule')!
      .values()
      .slice(1)
      .map((r) => r[5]),
  ).size;

export const MINIMUMS: Record<string, Minimum> = {
  setup: { count: () => 6, explains: 'a header check or creation per sheet (6)' },
  forms: {
    count: (_s, _c, n) => (n === 0 ? 2 * 2 + 5 + 7 + 1 + 4 : 2 + 4),
    explains:
      'first: per form a create and a link (2 × 2), a call per question (5 + 7), one trigger, reads of Roster, Teachers and Schedule and a write of its links (4); again: open the two forms, the same reads and write',
  },
  ask: {
    count: (_s, c) => calls(c, 'MailApp.sendEmail') + 3,
    explains:
      'an email per family; read the Roster, the Teachers (for its import) and the Availability',
  },
  'availability answers': {
    count: (_s, c) => 2 * c.reports.length,
    explains: 'per answer (a trigger run each): read the response, write the Availability row',
  },
  schedule: {
    count: () => 5,
    explains: 'read Roster, Teachers, Availability and Schedule; write the Schedule',
  },
  views: {
    count: (s) => 1 + 2 * teachers(s),
    explains: 'read the Schedule; per teacher a tab and a write',
  },
  invites: {
    count: (_s, c) => calls(c, 'CalendarApp.Calendar.createEvent') + 2,
    explains: 'a Calendar write per conference; read and write the Schedule',
  },
  reminders: {
    count: (_s, c) =>
      calls(c, 'MailApp.sendEmail') + c.reports.length + c.reports.filter(sendsMail).length,
    explains:
      'an email per family per reminder; per hourly run a read of the Schedule, and a write when it sent',
  },
  questionnaire: {
    count: (_s, c) => calls(c, 'MailApp.sendEmail') + 2,
    explains: 'an email per family; read and write the Schedule',
  },
  'questionnaire answers': {
    count: (_s, c) => 2 * c.reports.length,
    explains: 'per answer (a trigger run each): read the response, write the Feedback row',
  },
  summary: {
    count: () => 5,
    explains: 'read Schedule, Feedback and Roster; write the Summary and its charts',
  },
};

const DATA_SERVICES = /^(SpreadsheetApp|CalendarApp|MailApp|FormApp)\./;

function figures(name: string, step: StepCalls, minimum: number): OperationFigures {
  const { reports, byMethod } = step;
  return {
    operation: name,
    executions: reports.length,
    calls: [...byMethod].reduce((n, [m, k]) => (DATA_SERVICES.test(m) ? n + k : n), 0),
    allCalls: reports.reduce((n, r) => n + r.calls, 0),
    minimum,
    longestSeconds: Math.max(0, ...reports.map((r) => r.elapsedMs)) / 1000,
    totalSeconds: reports.reduce((n, r) => n + r.elapsedMs, 0) / 1000,
    where: [],
  };
}

/** Plays the round on a sample school of the given size, measuring each step that ran anything. */
export function measureRound(students: number, google = false): OperationFigures[] {
  // About thirty students per teacher, as schools staff them (each teacher's two windows hold ~38).
  const opened = openSchool({ students, teachers: Math.ceil(students / 30) });
  const school = google ? asGoogle(opened) : opened;
  const out: OperationFigures[] = [];
  const seen = new Map<string, number>();
  for (const action of round()) {
    const before = school.emulator.ws.reports.length;
    const callsBefore = school.emulator.ws.callLog.length;
    // A step stopped by Google's daily email limit (asking 1,500 families needs more than one
    // day's 1,500 recipients) goes on the next morning, as a teacher would carry on.
    play(school, [action], 0, tomorrowMorning);
    const reports = school.emulator.ws.reports.slice(before);
    if (reports.length === 0) continue;
    const occurrence = seen.get(action.name) ?? 0;
    seen.set(action.name, occurrence + 1);
    const byMethod = new Map<string, number>();
    for (const r of reports)
      for (const [m, n] of Object.entries(r.callsByMethod))
        byMethod.set(m, (byMethod.get(m) ?? 0) + n);
    const step: StepCalls = { reports, byMethod };
    const minimum = MINIMUMS[action.name]?.count(school, step, occurrence) ?? NaN;
    const f = figures(occurrence ? `${action.name} (again)` : action.name, step, minimum);
    const time = new Map<string, number>();
    for (const c of school.emulator.ws.callLog.slice(callsBefore))
      time.set(
        `${c.service}.${c.method}`,
        (time.get(`${c.service}.${c.method}`) ?? 0) + c.ms / 1000,
      );
    f.where = [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    out.push(f);
  }
  return out;
}

export function printRound(students: number, rows: OperationFigures[], google = false): void {
  console.log(
    `\n### ${students} students, ${Math.ceil(students / 30)} teachers${google ? ', emulator set as Google (asGoogle)' : ''}\n`,
  );
  const header = [
    'operation',
    'executions',
    'longest execution s (limit 360)',
    'total s',
    'data calls',
    'minimum',
    'all calls',
    'where the time goes',
  ];
  const body = rows.map((f) => [
    f.operation,
    f.executions,
    f.longestSeconds.toFixed(1),
    f.totalSeconds.toFixed(1),
    f.calls,
    f.minimum,
    f.allCalls,
    f.where.map(([m, s]) => `${m} ${s.toFixed(1)} s`).join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    'Data calls: Sheets, Calendar, Mail and Forms. All calls add the local ones (Utilities.getUuid per new conference ID, properties, the lock).\n',
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of body) console.log(line(r));
}

if (require.main === module) {
  const google = process.argv.includes('--google');
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log('## A round on the bundle (modelled Apps Script time)');
  for (const n of sizes.length ? sizes : [600, 2000])
    printRound(n, measureRound(n, google), google);
}
