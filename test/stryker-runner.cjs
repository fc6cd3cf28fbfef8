/**
 * Under Stryker only (jest.stryker.config.cjs): once a test has failed with the active mutant,
 * the test files after it are not loaded at all. test/stryker-environment.cjs skips the tests
 * left in the file that failed, but jest still loaded every later file, its imports and
 * fixtures, for a mutant already killed: most of what a killed mutant cost. Jest's own `bail`
 * cannot be used (Stryker's runner turns it off: through runCLI it ends the process).
 */
const TestRunner = require('jest-runner').default;
const { killedMutant } = require('./stryker-environment.cjs');

/** The test files still worth loading for this mutant: none once a test has killed it. */
function stillToRun(tests, activeMutant, killed) {
  return activeMutant !== undefined && killed === activeMutant ? [] : tests;
}

class StopAtKill extends TestRunner {
  async runTests(tests, watcher, options) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (!options.serial || mutant === undefined) return super.runTests(tests, watcher, options);
    for (const test of tests) {
      if (stillToRun([test], mutant, killedMutant()).length === 0) return;
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = StopAtKill;
module.exports.stillToRun = stillToRun;
