/**
 * Under Stryker only (jest.stryker.config.cjs): the properties that call fast-check directly,
 * without test/core/property.ts, get the same pinned seed and the same cap on their cases, so a
 * mutant's fate repeats from one run to the next and a property costs each mutant alike.
 */
const fc = require('fast-check');

fc.configureGlobal({
  seed: Number(process.env.PROPERTY_SEED),
  ...(process.env.PROPERTY_NUM_RUNS ? { numRuns: Number(process.env.PROPERTY_NUM_RUNS) } : {}),
});
