/**
 * The tests Stryker runs against each mutant of src/core: the pure-core tests only (fast, no
 * bundle, no emulator). The architecture test reads source text, not behaviour, so it is left out.
 *
 * STRYKER_TESTS narrows a run to some test files (comma-separated names without `.test.ts`), for
 * a run over one source file on a shared machine, e.g.
 * `STRYKER_TESTS=roster,family npm run mutate -- --mutate src/core/roster.ts`.
 *
 * Four costly scheduler tests that kill nothing cheaper tests do not are left out
 * (test/stryker-costly.cjs; STRYKER_ALL_TESTS=1 runs them). STRYKER_COST_LOG=/abs/path writes
 * each mutant's CPU (test/stryker-runner.cjs; summed by scripts/mutation-costs.cjs).
 *
 * A mutant's test files run kill-first (test/stryker-sequencer.cjs, from test/stryker-order.json:
 * `node scripts/mutation-order.cjs` regenerates it from the record); STRYKER_ORDER=size runs
 * them smallest first, as before the table.
 */
const base = require('./jest.config.cjs');

// One seed for every property test (test/core/property.ts), so a mutant killed once is killed
// again by the incremental run, and a survivor is one on every run.
process.env.PROPERTY_SEED ??= '20261127';
// And few cases per property: a property runs again for every mutant it covers.
process.env.PROPERTY_NUM_RUNS ??= '20';

const only = (process.env.STRYKER_TESTS ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/core'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/stryker-transform.cjs' },
  ...(only.length ? { testMatch: only.map((name) => `<rootDir>/test/core/${name}.test.ts`) } : {}),
  testPathIgnorePatterns: ['/node_modules/', '/test/core/architecture\\.test\\.ts$'],
  // A full path: Stryker loads the environment itself, without jest's <rootDir>.
  testEnvironment: require('node:path').join(__dirname, 'test', 'stryker-environment.cjs'),
  setupFilesAfterEnv: ['<rootDir>/test/stryker-property.cjs', '<rootDir>/test/stryker-names.cjs'],
  testSequencer: '<rootDir>/test/stryker-sequencer.cjs',
  runner: '<rootDir>/test/stryker-runner.cjs',
};
