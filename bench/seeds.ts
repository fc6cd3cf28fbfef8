/**
 * The engine's quality over several seeds on each scale instance: one seed is not enough to
 * judge a change that gives other schedules. Prints, per instance, each seed's placed / first
 * choices / sibling families back to back / teacher idle minutes / total family wait, the
 * checker's verdict, and the mean over the seeds.
 *
 *   node --import tsx bench/seeds.ts [--seeds N] [instance…]   (N other seeds; 5 by default)
 */
import { createHash } from 'node:crypto';
import { checkSchedule } from '../src/core/schedule/check';
import { buildSchedule } from '../src/core/schedule/engine';
import { scaleProblem, SUITE } from './instances';

const args = process.argv.slice(2);
const many = args.indexOf('--seeds');
const count = many >= 0 ? Number(args.splice(many, 2)[1]) : 5;
const SEEDS = [0, ...Array.from({ length: count }, (_, i) => 101 + i)];
const names = args.length ? args : ['school-600', ...SUITE.map((s) => s.name)];
const figures = ['placed', 'first', 'siblings', 'idle', 'wait'] as const;

for (const name of names) {
  const base = scaleProblem(name);
  const sums = figures.map(() => 0);
  let cpu = 0;
  for (const s of SEEDS) {
    const problem = s === 0 ? base : { ...base, seed: s };
    const t0 = process.cpuUsage();
    const schedule = buildSchedule(problem);
    const used = process.cpuUsage(t0);
    cpu += (used.user + used.system) / 1000;
    const q = schedule.quality;
    const values = [
      q.placed,
      q.rankMet.first,
      q.siblingsBackToBack,
      q.idleMinutes,
      q.waiting.reduce((a, b) => a + b, 0),
    ];
    values.forEach((v, i) => (sums[i] = sums[i]! + v));
    const hash = createHash('sha1')
      .update(JSON.stringify(schedule.conferences))
      .digest('hex')
      .slice(0, 8);
    const errors = checkSchedule(problem, schedule).length;
    console.log(
      `${name} seed ${s === 0 ? base.seed : s}: ${values.join(' / ')}  checker ${errors === 0 ? 'ok' : errors} ${hash}`,
    );
  }
  console.log(
    `${name} mean: ${sums.map((v) => (v / SEEDS.length).toFixed(1)).join(' / ')}  (${cpu.toFixed(0)} ms CPU)\n`,
  );
}
