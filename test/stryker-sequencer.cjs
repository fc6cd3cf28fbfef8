/**
 * The order and choice of the test files Stryker runs for a mutant.
 *
 * Stryker's jest runner runs every test file related to the mutated file and skips, by name
 * (`testNamePattern`), the tests that do not cover the mutant; a file none of whose tests match
 * is still loaded, its imports and fixtures built, for nothing. Knowing each file's test names
 * (written by test/stryker-names.cjs during Stryker's first, full run), this sequencer drops those
 * files. A file whose names are not known is kept, so nothing that could kill a mutant is left
 * out. Smaller files (hand-written examples) run first.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const NAMES_DIR = path.join(__dirname, '..', '.stryker-test-names');

/** Where the names of one test file's tests are kept. */
function namesFileFor(testPath) {
  const hash = createHash('sha1').update(testPath).digest('hex').slice(0, 12);
  return path.join(NAMES_DIR, `${path.basename(testPath)}-${hash}.json`);
}

/** The full names of a file's tests, or undefined when they were not written. */
function namesOf(testPath) {
  const file = namesFileFor(testPath);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Whether a file whose tests have these full names (undefined: not known) may run a test that
 * jest's `testNamePattern` selects. Jest compiles the pattern case-blind, and so does this.
 */
function mayRun(names, testNamePattern) {
  if (!testNamePattern || names === undefined) return true;
  const pattern = new RegExp(testNamePattern, 'i');
  return names.some((name) => pattern.test(name));
}

class SmallFirst extends Sequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options?.globalConfig?.testNamePattern;
  }

  sort(tests) {
    const size = (t) => statSync(t.path).size;
    const chosen = tests.filter((t) => mayRun(namesOf(t.path), this.testNamePattern));
    return chosen.sort((a, b) => size(a) - size(b));
  }
}

module.exports = SmallFirst;
module.exports.namesFileFor = namesFileFor;
module.exports.mayRun = mayRun;
