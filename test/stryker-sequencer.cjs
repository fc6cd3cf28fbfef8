/**
 * The order and choice of the test files Stryker runs for a mutant.
 *
 * Stryker's jest runner runs every test file related to the mutated file and skips, by name
 * (`testNamePattern`), the tests that do not cover the mutant; a file none of whose tests match
 * is still loaded, its imports and fixtures built, for nothing. Knowing each file's test names
 * (written by test/stryker-names.cjs during Stryker's first, full run), this sequencer drops those
 * files. A file whose names are not known is kept, so nothing that could kill a mutant is left
 * out; so is a file that reached the mutant while it loaded (a fixture built at module level,
 * written by test/stryker-environment.cjs), whose tests then all run. Smaller files (hand-written
 * examples) run first.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const NAMES_DIR = path.join(__dirname, '..', '.stryker-test-names');

function recordFor(testPath, kind) {
  const hash = createHash('sha1').update(testPath).digest('hex').slice(0, 12);
  return path.join(NAMES_DIR, `${path.basename(testPath)}-${hash}${kind}.json`);
}

/** Where the names of one test file's tests are kept. */
const namesFileFor = (testPath) => recordFor(testPath, '');

/** Where the mutants a test file reached while it loaded (outside any test) are kept. */
const loadedFileFor = (testPath) => recordFor(testPath, '.loaded');

function readRecord(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** The full names of a file's tests, or undefined when they were not written. */
const namesOf = (testPath) => readRecord(namesFileFor(testPath));

/** The ids of the mutants a file reached while loading, or undefined when not written. */
const loadedBy = (testPath) => readRecord(loadedFileFor(testPath));

/**
 * Whether a file whose tests have these full names (undefined: not known) may run a test that
 * jest's `testNamePattern` selects. Jest compiles the pattern case-blind, and so does this.
 */
function mayRun(names, testNamePattern) {
  if (!testNamePattern || names === undefined) return true;
  const pattern = new RegExp(testNamePattern, 'i');
  return names.some((name) => pattern.test(name));
}

/**
 * Whether a file must run all its tests against the active mutant: it reached the mutant while
 * loading, so any of its tests may use what the mutant changed (a module-level fixture, a table
 * built when a module loads) though no test's coverage names it.
 */
function reachedWhileLoading(loaded, activeMutant) {
  return activeMutant !== undefined && loaded !== undefined && loaded.includes(activeMutant);
}

class SmallFirst extends Sequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options?.globalConfig?.testNamePattern;
  }

  sort(tests) {
    const size = (t) => statSync(t.path).size;
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    const chosen = tests.filter(
      (t) =>
        mayRun(namesOf(t.path), this.testNamePattern) ||
        reachedWhileLoading(loadedBy(t.path), mutant),
    );
    return chosen.sort((a, b) => size(a) - size(b));
  }
}

module.exports = SmallFirst;
module.exports.namesFileFor = namesFileFor;
module.exports.loadedFileFor = loadedFileFor;
module.exports.loadedBy = loadedBy;
module.exports.mayRun = mayRun;
module.exports.reachedWhileLoading = reachedWhileLoading;
