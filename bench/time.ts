/**
 * One fresh process timing the engine on one benchmark instance, twice (the second call shows
 * whether a warmed-up process keeps its speed). Prints {"first": ms, "second": ms, "firstCpu":
 * ms, "secondCpu": ms}: wall time, and the CPU time this process used (which other work on a
 * shared machine inflates less).
 *
 *   node --import tsx bench/time.ts district-2000
 */
import { buildSchedule } from '../src/core/schedule/engine';
import { scaleProblem } from './instances';

const name = process.argv[2] ?? 'district-2000';
const problem = scaleProblem(name);
const ms = () => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  buildSchedule(problem);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
};
const first = ms();
const second = ms();
console.log(
  JSON.stringify({
    first: first.wall,
    second: second.wall,
    firstCpu: first.cpu,
    secondCpu: second.cpu,
  }),
);
