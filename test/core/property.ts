/**
 * Property tests run on a fresh seed each time, so every run explores new cases; a failure
 * prints its seed and the way to replay it, and a seed that once failed is kept beside its test
 * (`pastFailures`) and replayed first on every run.
 */
import fc from 'fast-check';

/** This run's seed: PROPERTY_SEED replays one (Stryker pins it, so a mutant's fate is repeatable). */
export const PROPERTY_SEED =
  process.env.PROPERTY_SEED !== undefined && process.env.PROPERTY_SEED !== ''
    ? Number(process.env.PROPERTY_SEED)
    : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;

/** A seed (and fast-check's path to the shrunk case) that once failed, and what it found. */
export interface PastFailure {
  seed: number;
  path?: string;
  found: string;
}

type Options<Ts> = fc.Parameters<Ts> & { pastFailures?: PastFailure[] };

/**
 * PROPERTY_NUM_RUNS caps the cases of each property. Stryker sets it: a property runs again for
 * every mutant it covers (the README says what the cap was measured to keep).
 */
const MAX_RUNS =
  process.env.PROPERTY_NUM_RUNS !== undefined && process.env.PROPERTY_NUM_RUNS !== ''
    ? Number(process.env.PROPERTY_NUM_RUNS)
    : undefined;

/** fast-check's own default number of cases, for a property that names none. */
const DEFAULT_RUNS = 100;

function capped<Ts>(parameters: fc.Parameters<Ts>): fc.Parameters<Ts> {
  if (MAX_RUNS === undefined) return parameters;
  return { ...parameters, numRuns: Math.min(parameters.numRuns ?? DEFAULT_RUNS, MAX_RUNS) };
}

/** fc.assert, on the past failures' seeds first and then on this run's seed, naming the seed. */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, options: Options<Ts> = {}): void {
  const { pastFailures = [], ...uncapped } = options;
  const parameters = capped(uncapped);
  for (const past of pastFailures) {
    const replay = past.path === undefined ? {} : { path: past.path, endOnFailure: true };
    const result = fc.check(property, { ...parameters, seed: past.seed, ...replay });
    if (result.failed)
      throw new Error(
        `The property fails again on seed ${past.seed}, kept because it once found: ${past.found}\n${fc.defaultReportMessage(result)}`,
      );
  }
  const result = fc.check(property, { ...parameters, seed: PROPERTY_SEED });
  if (result.failed)
    throw new Error(
      `The property fails on seed ${PROPERTY_SEED}${result.counterexamplePath ? ` (path "${result.counterexamplePath}")` : ''}. Replay it with PROPERTY_SEED=${PROPERTY_SEED}; once fixed, keep { seed: ${PROPERTY_SEED}, path: "${result.counterexamplePath ?? ''}", found: "…" } in the test's pastFailures.\n${fc.defaultReportMessage(result)}`,
    );
}
