/**
 * The tests Stryker runs against each mutant of src/core: the pure-core tests only (fast, no
 * bundle, no emulator). The architecture test reads source text, not behaviour, so it is left out.
 */
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/core'],
  testPathIgnorePatterns: ['/node_modules/', '/test/core/architecture\\.test\\.ts$'],
  testSequencer: '<rootDir>/test/stryker-sequencer.cjs',
};
