/**
 * The fault sweep over a whole round. The round of sample/round.ts is played
 * once on a small school without faults; then, for each service call it made, played again with
 * that one call failing, and carried on as people carry on (a sidebar operation is clicked again;
 * the hourly trigger simply fires next hour). Each end state is compared with the clean round's:
 * sheets, forms, triggers and calendar equal; no message sent twice; a message missing only when
 * the Schedule flags it for a person to check.
 *
 * Failures swept:
 * - kill: the execution is cut off at that call, as Apps Script cuts it at six minutes or when a
 *   server dies: nothing after it runs, whatever the script catches;
 * - throw: the call raises a service error the script may catch ("Service error", "Timed out");
 * - slow Google: every call N times slower than the latency model, so operations meet the
 *   six-minute limit for real and must stop in time and continue in the next execution;
 * - quota: Google's daily mail and Calendar quotas set far below what the round needs, so sending
 *   stops part-way and a person carries on the next morning.
 *
 *   node --import tsx bench/sweep.ts [--stride N] [--workers N] [--students N] [--build DIR]
 *     [--google] [--writes N]
 *
 * --google: every run (the clean one that finds the calls to cut included) on the emulator set
 * as Google (sample/round.ts asGoogle: forms start unpublished, clock triggers run without their
 * spreadsheet, Calendar slows writers past --writes a minute, default 20, addGuest sends nothing,
 * a deleted event is still found by its ID, tab names ignore case, the script's time zone is not
 * the school's); each end state is still
 * compared with the clean round on the emulator's defaults.
 *
 * Figures only; the test suite sweeps a sample of the same points with assertions
 * (test/e2e/round.test.ts).
 */
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { openSchool, type SchoolOptions } from '../preview/school';
import {
  asGoogle,
  busiestReminderDay,
  compare,
  cutPoints,
  orphanForms,
  play,
  round,
  snapshot,
  tomorrowMorning,
} from '../sample/round';

interface Outcome {
  kind: string;
  cut: number;
  method: string;
  same: boolean;
  difference: string | null;
  extraMail: number;
  missingMail: number;
  flagged: boolean;
  orphans: number;
  failures: number;
  error?: string;
}

interface Args {
  stride: number;
  workers: number;
  students: number;
  /** A copy of build/ to run, so a rebuild during a long sweep changes nothing. */
  build?: string;
  shard?: [number, number];
  /** Calendar writes a minute when the runs are set as Google (--google); absent: defaults. */
  google?: number;
}

function parse(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const shard = value('--shard')?.split('/').map(Number) as [number, number] | undefined;
  return {
    stride: Number(value('--stride') ?? 1),
    workers: Number(value('--workers') ?? Math.max(1, cpus().length)),
    students: Number(value('--students') ?? 14),
    ...(value('--build') ? { build: value('--build')! } : {}),
    ...(shard ? { shard } : {}),
    ...(argv.includes('--google') ? { google: Number(value('--writes') ?? 20) } : {}),
  };
}

let buildDir: string | undefined;
let googleWrites: number | undefined;
/** A school for one run: on the emulator's defaults, or set as Google (--google). */
const school = (options: SchoolOptions) =>
  googleWrites === undefined ? openSchool(options) : asGoogle(openSchool(options), googleWrites);
const size = (students: number): SchoolOptions => ({
  students,
  teachers: 3,
  ...(buildDir ? { buildDir } : {}),
});

function clean(students: number) {
  const s = school(size(students));
  const start = s.emulator.ws.callCount;
  play(s, round());
  // Set as Google, the calls to cut are that round's; the end to reach is still the default one.
  const reference = googleWrites === undefined ? s : openSchool(size(students));
  if (reference !== s) play(reference, round());
  return {
    expected: snapshot(reference),
    points: cutPoints(s, start),
    log: s.emulator.ws.callLog.slice(start),
    // What the quota scenario starves: the busiest day of reminder mail, and the events.
    mailPerDay: busiestReminderDay(s),
    events: s.emulator.calendar.events().length,
  };
}

function outcome(
  kind: string,
  cut: number,
  method: string,
  expected: Record<string, unknown>,
  options: SchoolOptions,
  fault?: 'kill' | 'throw',
): Outcome {
  const s = school(options);
  if (fault) s.emulator.ws.injectFault({ atIndex: s.emulator.ws.callCount + cut, kind: fault });
  try {
    const { failures } = play(s, round(), 2, tomorrowMorning);
    const c = compare(expected, s);
    return {
      kind,
      cut,
      method,
      same: c.same,
      difference: c.difference,
      extraMail: c.extraMail.length,
      missingMail: c.missingMail.length,
      flagged: c.flagged,
      orphans: orphanForms(s),
      failures: failures.length,
    };
  } catch (e) {
    return {
      kind,
      cut,
      method,
      same: false,
      difference: null,
      extraMail: 0,
      missingMail: 0,
      flagged: false,
      orphans: orphanForms(s),
      failures: 3,
      error: (e as Error).message,
    };
  }
}

/** One worker's share: every n-th point from its offset, both kinds. */
function shard(args: Args): Outcome[] {
  const { expected, points, log, mailPerDay, events } = clean(args.students);
  const [i, n] = args.shard ?? [0, 1];
  const out: Outcome[] = [];
  for (let p = i * args.stride; p < points.length; p += n * args.stride) {
    const k = points[p]!;
    const method = `${log[k]!.service}.${log[k]!.method}`;
    for (const kind of ['kill', 'throw'] as const)
      out.push(outcome(kind, k, method, expected, size(args.students), kind));
  }
  if (i === 0) {
    for (const factor of [10, 20, 40])
      out.push(
        outcome(`slow Google ×${factor}`, -1, '', expected, {
          ...size(args.students),
          latencyFactor: factor,
        }),
      );
    // Quotas far below a round's needs: a day's mail for the busiest day of reminders only, and
    // Calendar events for a quarter of the conferences a day.
    out.push(
      outcome('quota', -1, '', expected, {
        ...size(args.students),
        quotas: {
          mailRecipientsPerDay: mailPerDay,
          eventsCreatedPerDay: Math.max(1, Math.ceil(events / 4)),
          translateCallsPerDay: 20_000,
        },
      }),
    );
  }
  return out;
}

/** Prints the sweep's table; returns how many runs did not end as the clean round. */
function summarise(outcomes: Outcome[], points: number, stride: number): number {
  const table = (header: string[], rows: (string | number)[][]) => {
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => String(r[i]).length)),
    );
    const line = (r: (string | number)[]) =>
      `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
  };
  console.log(
    `\n## Fault sweep over a whole round${googleWrites === undefined ? '' : `, the emulator set as Google (Calendar slowing writers past ${googleWrites} a minute)`}\n`,
  );
  console.log(
    `${points} service calls worth cutting at (hourly reminder runs that found nothing due left out); every ${stride === 1 ? '' : `${stride}th `}one failed in turn.\n`,
  );
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  table(
    [
      'failure',
      'runs',
      'end state equal',
      'nothing sent twice',
      'a reminder missing (flagged)',
      'unflagged missing mail',
      'empty unlinked form left',
      'round could not finish',
    ],
    kinds.map((kind) => {
      const os = outcomes.filter((o) => o.kind === kind);
      return [
        kind,
        os.length,
        os.filter((o) => o.same).length,
        os.filter((o) => o.extraMail === 0).length,
        os.filter((o) => o.missingMail > 0 && o.flagged).length,
        os.filter((o) => o.missingMail > 0 && !o.flagged).length,
        os.filter((o) => o.orphans > 0).length,
        os.filter((o) => o.error).length,
      ];
    }),
  );
  const bad = outcomes.filter(
    (o) => !o.same || o.extraMail > 0 || (o.missingMail > 0 && !o.flagged) || o.error,
  );
  const orphaned = outcomes.filter((o) => o.orphans > 0);
  if (orphaned.length)
    console.log(
      `\nRuns that left an empty unlinked form: ${orphaned.map((o) => `${o.kind} at call ${o.cut} (${o.method})`).join('; ')}.`,
    );
  if (bad.length) {
    console.log(`\n${bad.length} runs did not end as the clean round:`);
    for (const o of bad.slice(0, 20))
      console.log(
        `- ${o.kind} at call ${o.cut} (${o.method}): ${o.error ?? o.difference ?? `${o.extraMail} extra, ${o.missingMail} missing mail`}`,
      );
  } else console.log('\nEvery run ended as the clean round.');
  return bad.length;
}

/** Runs the sweep in worker processes and prints its table. */
export async function runSweep(argv: string[]): Promise<void> {
  const args = parse(argv);
  buildDir = args.build;
  googleWrites = args.google;
  const started = performance.now();
  const { points } = clean(args.students);
  const results = await Promise.all(
    Array.from(
      { length: args.workers },
      (_, i) =>
        new Promise<Outcome[]>((resolve, reject) => {
          const child = fork(__filename, [...argv, '--shard', `${i}/${args.workers}`], {
            execArgv: ['--import', 'tsx'],
          });
          child.once('message', (m) => resolve(m as Outcome[]));
          child.once('exit', (code) =>
            code ? reject(new Error(`sweep worker ${i} exited with ${code}`)) : undefined,
          );
        }),
    ),
  );
  // `npm run sweep` (and so CI) fails when a run did not end as the clean round.
  if (summarise(results.flat(), points.length, args.stride) > 0) process.exitCode = 1;
  console.log(
    `\n(${((performance.now() - started) / 1000).toFixed(0)} s on ${args.workers} processes)`,
  );
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const args = parse(argv);
  if (args.shard) {
    buildDir = args.build;
    googleWrites = args.google;
    process.send!(shard(args));
  } else void runSweep(argv);
}
