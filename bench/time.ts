/**
 * One fresh process timing the engine on one benchmark instance, twice (the second call shows
 * whether a warmed-up process keeps its speed). Prints {"first": ms, "second": ms}.
 *
 *   node --import tsx bench/time.ts district-2000
 */
import { buildSchedule } from '../src/core/schedule/engine';
import { scaleProblem } from './instances';

const name = process.argv[2] ?? 'district-2000';
const problem = scaleProblem(name);
const ms = () => {
  const t0 = performance.now();
  buildSchedule(problem);
  return performance.now() - t0;
};
const first = ms();
const second = ms();
console.log(JSON.stringify({ first, second }));
