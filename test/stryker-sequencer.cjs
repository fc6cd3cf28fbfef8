/**
 * The order and choice of the test files Stryker runs for a mutant.
 *
 * Stryker's jest runner runs every test file related to the mutated file and skips, by name
 * (`testNamePattern`), the tests that do not cover the mutant; a file none of whose tests match
 * is still loaded, its imports and fixtures built, for nothing. Knowing each file's test names
 * (written by test/stryker-names.cjs during Stryker's first, full run), this sequencer drops those
 * files. A file whose names are not known is kept, so nothing that could kill a mutant is left
 * out; so is a file that reached the mutant while it loaded (a fixture built at module level,
 * written by test/stryker-environment.cjs), whose tests then all run.
 *
 * The order: a killed mutant stops at its first failing file (test/stryker-runner.cjs), so the
 * files most likely to kill it for least CPU come first. test/stryker-order.json (written by
 * scripts/mutation-order.cjs from the record) lists, per source file, the test files that killed
 * its mutants, most kills per second of their cost first; the mutated file is the one Stryker asks
 * jest to find related tests for. The files it does not list follow, smaller files (hand-written
 * examples) first. STRYKER_ORDER=size orders every file by size alone (the order before the
 * table). A surviving mutant runs every chosen file either way.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const NAMES_DIR = path.join(__dirname, '..', '.stryker-test-names');
const ORDER_FILE = path.join(__dirname, 'stryker-order.json');

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

/**
 * The test paths in the order to run them against a mutant of `source`: those `rates` (the
 * order table's entry for the source: test file name without `.test.ts` to kills a second) lists,
 * highest rate first, then the rest by `size`, smallest first.
 */
function killFirst(paths, rates, size) {
  const rate = (p) => rates?.[path.basename(p, '.test.ts')];
  return [...paths].sort((a, b) => {
    const ra = rate(a);
    const rb = rate(b);
    if (ra !== undefined || rb !== undefined) return (rb ?? -1) - (ra ?? -1);
    return size(a) - size(b);
  });
}

/** The mutated source file, relative to the root (`src/core/x.ts`), when jest was given it. */
function sourceOf(globalConfig) {
  const file = globalConfig?.findRelatedTests ? globalConfig.nonFlagArgs?.[0] : undefined;
  if (!file || !globalConfig.rootDir) return undefined;
  return path.relative(globalConfig.rootDir, file).split(path.sep).join('/');
}

let orderTable;
function ratesFor(source) {
  if (source === undefined || process.env.STRYKER_ORDER === 'size') return undefined;
  orderTable ??= existsSync(ORDER_FILE) ? JSON.parse(readFileSync(ORDER_FILE, 'utf8')) : {};
  return orderTable[source];
}

class KillFirst extends Sequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options?.globalConfig?.testNamePattern;
    this.source = sourceOf(options?.globalConfig);
  }

  sort(tests) {
    const size = (p) => statSync(p).size;
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    const chosen = tests.filter(
      (t) =>
        mayRun(namesOf(t.path), this.testNamePattern) ||
        reachedWhileLoading(loadedBy(t.path), mutant),
    );
    const order = killFirst(
      chosen.map((t) => t.path),
      ratesFor(this.source),
      size,
    );
    return order.map((p) => chosen.find((t) => t.path === p));
  }
}

module.exports = KillFirst;
module.exports.killFirst = killFirst;
module.exports.sourceOf = sourceOf;
module.exports.namesFileFor = namesFileFor;
module.exports.loadedFileFor = loadedFileFor;
module.exports.loadedBy = loadedBy;
module.exports.mayRun = mayRun;
module.exports.reachedWhileLoading = reachedWhileLoading;
