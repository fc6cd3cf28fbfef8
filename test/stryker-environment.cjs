/**
 * Under Stryker only (jest.stryker.config.cjs), two jobs.
 *
 * Stopping at a kill: once a test fails with a mutant active, the mutant is killed, and the tests
 * after it in the same run are skipped instead of run. Stryker's jest runner cannot ask jest to
 * stop at the first failure (jest's bail is not offered through runCLI), so a killed mutant of
 * the scheduler ran every property and scale test that covers it. Stryker needs one failing
 * test; a surviving mutant still runs every covering test.
 *
 * Static mutants: code that runs while a test file loads (a fixture built at module level, a
 * table built when a module is imported) reaches a mutant outside any test, and Stryker's
 * coverage names no test for it. With `ignoreStatic`, a mutant also reached by tests runs those
 * tests only, so a test that would fail on the mutated fixture was skipped and the mutant was
 * reported surviving. In Stryker's first, full run this writes down the mutants each file reached
 * while loading; against one of those, every test of the file runs (the sequencer keeps the file).
 */
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const { loadedBy, loadedFileFor, reachedWhileLoading } = require('./stryker-sequencer.cjs');
const { leftOut } = require('./stryker-costly.cjs');

/** The active mutant a test has already failed on in this process (jest runs in band here). */
let killed;

/** The mutants reached so far outside any test, from Stryker's coverage, with their counts. */
function staticCounts(global) {
  const stryker = global[global.__strykerGlobalNamespace__ ?? '__stryker__'];
  return { ...stryker?.mutantCoverage?.static };
}

/** The mutants whose count grew from `before` to `after`: those reached in between. */
function reachedBetween(before, after) {
  return Object.keys(after).filter((id) => after[id] > (before[id] ?? 0));
}

class StrykerRuns extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    this.staticBefore = staticCounts(this.global);
  }

  async teardown() {
    // Only Stryker's first run (coverage, no mutant active) measures; jest run by hand with this
    // configuration has no coverage and writes nothing.
    const file = loadedFileFor(this.testPath);
    const stryker = this.global[this.global.__strykerGlobalNamespace__ ?? '__stryker__'];
    if (
      process.env.__STRYKER_ACTIVE_MUTANT__ === undefined &&
      stryker?.mutantCoverage !== undefined &&
      !existsSync(file)
    ) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        JSON.stringify(reachedBetween(this.staticBefore, staticCounts(this.global))),
      );
    }
    await super.teardown();
  }

  async handleTestEvent(event, state) {
    // In the first run as in each mutant's, so the left-out tests cover nothing.
    if (event.name === 'test_start' && leftOut(event.test)) event.test.mode = 'skip';
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if (event.name === 'run_start' && reachedWhileLoading(loadedBy(this.testPath), mutant)) {
      state.testNamePattern = null;
    }
    if (event.name === 'test_done' && event.test.errors.length > 0) killed = mutant;
    if (event.name === 'test_start' && killed === mutant) event.test.mode = 'skip';
  }
}

module.exports = StrykerRuns;
/** The mutant a test has failed on in this process, if any. */
module.exports.killedMutant = () => killed;
module.exports.reachedBetween = reachedBetween;
