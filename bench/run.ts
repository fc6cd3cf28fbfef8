/**
 * npm run bench: the scheduler's quality and speed, against the exact optimum where HiGHS can
 * prove it. Prints figures; asserts nothing (tests never assert wall-clock times).
 *
 *   node --import tsx bench/run.ts [--quick] [--full-sweep]
 *
 * The fault sweep fails every 10th service call of a round by default (every one with
 * --full-sweep: about an hour on two cores).
 */
import { checkSchedule } from '../src/core/schedule/check';
import { buildSchedule } from '../src/core/schedule/engine';
import type { Problem, Schedule } from '../src/core/schedule/types';
import { parseRoster } from '../src/core/roster';
import { parseTeachers } from '../src/core/teachers';
import { sampleSchool } from '../sample/school';
import { solveExact, score } from './ilp';
import { measureRound, printRound } from './round';
import { type InstanceSpec, makeInstance, SUITE } from './instances';
import { benchInvites } from './invites';
import { runSweep } from './sweep';

const quick = process.argv.includes('--quick');

function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`;
}

function waitStats(waits: number[]): string {
  if (waits.length === 0) return '0/0/0';
  const sorted = [...waits].sort((a, b) => a - b);
  const mean = sorted.reduce((x, y) => x + y, 0) / sorted.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]!;
  return `${mean.toFixed(1)}/${p95}/${sorted[sorted.length - 1]}`;
}

function run(problem: Problem): {
  schedule: Schedule & { quality: ReturnType<typeof buildSchedule>['quality'] };
  ms: number;
} {
  const t0 = performance.now();
  const schedule = buildSchedule(problem);
  return { schedule, ms: performance.now() - t0 };
}

function table(header: string[], rows: (string | number)[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    `| ${r.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

async function main() {
  console.log('# Scheduler benchmark\n');
  console.log('## Against the exact optimum (HiGHS ILP, same time grid)\n');
  const small: InstanceSpec[] = [];
  const seeds = quick ? [11, 12] : [11, 12, 13, 14, 15, 16];
  for (const seed of seeds) {
    small.push({
      name: `small-40-s${seed}`,
      students: 40,
      teachers: 3,
      days: 2,
      siblingRate: 0.35,
      availabilityRate: 0.5,
      capacities: [1, 2],
      interpreterRate: 0.25,
      interpreters: { es: 1, vi: 1 },
      slack: 1.0,
      seed,
    });
    small.push({
      name: `small-80-s${seed}`,
      students: 80,
      teachers: 5,
      days: 2,
      siblingRate: 0.33,
      availabilityRate: 0.5,
      capacities: [1, 2, 3],
      interpreterRate: 0.2,
      interpreters: { es: 2, vi: 1 },
      slack: 0.95,
      seed: seed + 100,
    });
  }
  const rows: (string | number)[][] = [];
  const gaps: number[] = [];
  let allPlacedWhenPossible = true;
  for (const spec of small) {
    const problem = makeInstance(spec);
    const { schedule, ms } = run(problem);
    const errors = checkSchedule(problem, schedule);
    const exact = await solveExact(problem, quick ? 20 : 60);
    const exactErrors = checkSchedule(problem, exact.schedule);
    const opt = score(problem, exact.schedule);
    const mine = score(problem, schedule);
    const gap = exact.optimal && opt > 0 ? (100 * (opt - mine)) / opt : NaN;
    if (!Number.isNaN(gap)) gaps.push(gap);
    const exactPlaced = exact.schedule.conferences.length;
    if (
      exactPlaced === problem.students.length &&
      schedule.quality.placed < problem.students.length
    )
      allPlacedWhenPossible = false;
    rows.push([
      spec.name,
      problem.students.length,
      `${schedule.quality.placed}`,
      `${exactPlaced}`,
      mine,
      opt,
      exact.optimal ? 'optimal' : exact.status,
      Number.isNaN(gap) ? '—' : `${gap.toFixed(2)}%`,
      ms.toFixed(0),
      exact.seconds.toFixed(1),
      errors.length + exactErrors.length === 0 ? 'ok' : `${errors.length}/${exactErrors.length}`,
    ]);
  }
  table(
    [
      'instance',
      'students',
      'placed',
      'ILP placed',
      'score',
      'ILP score',
      'ILP status',
      'gap',
      'engine ms',
      'ILP s',
      'checker',
    ],
    rows,
  );
  const meanGap = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  console.log(
    `\nmean gap to the optimum: ${meanGap.toFixed(2)}% over ${gaps.length} instances proved optimal; every student placed whenever the ILP places everyone: ${allPlacedWhenPossible ? 'yes' : 'NO'}\n`,
  );

  console.log('## Scale and quality\n');
  const scale: (string | number)[][] = [];
  for (const spec of quick ? SUITE.slice(0, 4) : SUITE) {
    const problem = makeInstance(spec);
    const { schedule, ms } = run(problem);
    const q = schedule.quality;
    const errors = checkSchedule(problem, schedule);
    scale.push([
      spec.name,
      problem.students.length,
      problem.windows.length / spec.days,
      pct(q.placed, q.students),
      `${q.rankMet.first}/${q.rankMet.first + q.rankMet.other}`,
      pct(q.siblingsBackToBack, q.siblingFamilies),
      waitStats(q.waiting),
      ms.toFixed(0),
      errors.length === 0 ? 'ok' : String(errors.length),
    ]);
  }
  table(
    [
      'instance',
      'students',
      'teachers',
      'placed',
      'first choice',
      'siblings back-to-back',
      'family wait min (mean/p95/max)',
      'ms',
      'checker',
    ],
    scale,
  );
  console.log(
    '\nScores: 1000 per student placed − 30 per preference rank below first − 200 per extra day for a family with siblings.',
  );
  console.log(
    'ms: wall-clock time of the engine on this machine (one core); figures vary with load.',
  );

  console.log('\n## Roster import\n');
  const imports: (string | number)[][] = [];
  for (const students of [600, 3000]) {
    const school = sampleSchool({ students, teachers: 12 });
    // One row in twenty damaged as exports damage them: a blank email, an unknown teacher, a repeated ID.
    const rows = school.roster.rows.map((r, i) =>
      i % 20 === 7
        ? [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, '', ...r.slice(6)]
        : i % 20 === 13
          ? [r[0]!, r[1]!, r[2]!, 'Mr. Nobody', ...r.slice(4)]
          : i % 20 === 17
            ? ['10001', ...r.slice(1)]
            : r,
    );
    const wall = (d: Date) => ({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    });
    const started = performance.now();
    const teachers = parseTeachers([school.teachers.header, ...school.teachers.rows], wall);
    const roster = parseRoster([school.roster.header, ...rows], teachers.teachers);
    const ms = performance.now() - started;
    imports.push([
      rows.length,
      roster.students.length,
      roster.families.length,
      roster.problems.length,
      ms.toFixed(0),
    ]);
  }
  table(['roster rows', 'students imported', 'families', 'problems reported', 'ms'], imports);
  console.log('\nEvery row is imported or reported; one row in twenty is damaged on purpose.');

  console.log('\n## A round on the bundle (modelled Apps Script time)');
  for (const n of quick ? [600] : [600, 2000]) printRound(n, measureRound(n));

  console.log('');
  benchInvites(quick ? 100 : 600);

  await runSweep(['--stride', process.argv.includes('--full-sweep') ? '1' : quick ? '50' : '10']);
}

void main();
