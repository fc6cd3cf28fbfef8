/**
 * Hashes of the engine's schedules (scale instances at seeds 0, 101, 102 and the 12 small ILP
 * instances), to show a speed change leaves every schedule the same.
 *
 *   node --import tsx bench/hashes.ts
 */
import { createHash } from 'node:crypto';
import { buildSchedule } from '../src/core/schedule/engine';
import { makeInstance, scaleProblem, smallInstances, SUITE } from './instances';

const hash = (x: unknown) =>
  createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 10);
for (const name of ['school-600', ...SUITE.map((s) => s.name)]) {
  const base = scaleProblem(name);
  for (const seed of [0, 101, 102]) {
    const s = buildSchedule(seed === 0 ? base : { ...base, seed });
    console.log(
      `${name} ${seed} ${hash([s.conferences, s.unplaced])} ${s.quality.cost.toFixed(3)}`,
    );
  }
}
for (const spec of smallInstances([11, 12, 13])) {
  const s = buildSchedule(makeInstance(spec));
  console.log(`${spec.name} ${hash([s.conferences, s.unplaced])} ${s.quality.cost.toFixed(3)}`);
}
