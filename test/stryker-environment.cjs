/**
 * Under Stryker only (jest.stryker.config.cjs): once a test fails with a mutant active, the
 * mutant is killed, and the tests after it in the same run are skipped instead of run. Stryker's
 * jest runner cannot ask jest to stop at the first failure (jest's bail is not offered through
 * runCLI), so a killed mutant of the scheduler ran every property and scale test that covers it.
 * Stryker needs one failing test; a surviving mutant still runs every covering test.
 */
const { TestEnvironment } = require('jest-environment-node');

/** The active mutant a test has already failed on in this process (jest runs in band here). */
let killed;

class BailOnKill extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if (event.name === 'test_done' && event.test.errors.length > 0) killed = mutant;
    if (event.name === 'test_start' && killed === mutant) event.test.mode = 'skip';
  }
}

module.exports = BailOnKill;
