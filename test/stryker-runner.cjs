/**
 * Under Stryker only (jest.stryker.config.cjs): once a test has failed with the active mutant,
 * the test files after it are not loaded at all. test/stryker-environment.cjs skips the tests
 * left in the file that failed, but jest still loaded every later file, its imports and
 * fixtures, for a mutant already killed: most of what a killed mutant cost. Jest's own `bail`
 * cannot be used (Stryker's runner turns it off: through runCLI it ends the process).
 */
const { appendFileSync } = require('node:fs');
const path = require('node:path');
const TestRunner = require('jest-runner').default;
const { killedMutant } = require('./stryker-environment.cjs');

/** The test files still worth loading for this mutant: none once a test has killed it. */
function stillToRun(tests, activeMutant, killed) {
  return activeMutant !== undefined && killed === activeMutant ? [] : tests;
}

/** The CPU this process has used so far, in milliseconds. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

/**
 * One line of the cost log: a mutant's run of its test files, with the process's CPU and the
 * clock when the run started and ended. The next line of the same process starts where this
 * mutant's whole cost (jest's own work between the runs included) ends; a mutant that timed out
 * has a line without an end, and the process after it a new pid. `ran` names the files run, in
 * their order (the sequencer's).
 */
function costLine(mutant, start, end, files, killed, ran) {
  return `${JSON.stringify({ mutant, pid: process.pid, start, end, files, killed, ran })}\n`;
}

class StopAtKill extends TestRunner {
  async runTests(tests, watcher, options) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (!options.serial || mutant === undefined) return super.runTests(tests, watcher, options);
    // STRYKER_COST_LOG (an absolute path): where each mutant's cost is appended (scripts/mutation-costs.cjs).
    const log = process.env.STRYKER_COST_LOG;
    const start = { cpu: cpuMs(), at: Date.now() };
    if (log) appendFileSync(log, costLine(mutant, start, undefined, 0, false));
    const ran = [];
    for (const test of tests) {
      if (stillToRun([test], mutant, killedMutant()).length === 0) break;
      ran.push(path.basename(test.path, '.test.ts'));
      await super.runTests([test], watcher, options);
    }
    const end = { cpu: cpuMs(), at: Date.now() };
    const killed = killedMutant() === mutant;
    if (log) appendFileSync(log, costLine(mutant, start, end, ran.length, killed, ran));
  }
}

module.exports = StopAtKill;
module.exports.stillToRun = stillToRun;
module.exports.costLine = costLine;
