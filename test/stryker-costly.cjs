/**
 * Under Stryker only (jest.stryker.config.cjs): tests left out of Stryker's runs because they
 * cost each surviving mutant of the scheduler the most and, in the one record
 * (reports/stryker-incremental.json), kill no mutant that cheaper tests do not also kill.
 *
 * The ground: a test that alone kills a mutant is the one Stryker records as its killer (a run
 * stops at the first failure), so the kills a left-out test could take away are among those
 * recorded as its own. Two of these were recorded as no mutant's killer; the other two as the
 * killer of three mutants, each of which was applied by hand and fails other tests with all four
 * left out (KILLED_WITHOUT, test/tools/stryker-costly.test.ts holds the record to that).
 * `npm test` runs them all, and STRYKER_ALL_TESTS=1 runs them under Stryker too.
 *
 * Each with its share of the time the record's 351 surviving scheduler mutants spent in their
 * covering tests (one jest run of test/core with Stryker's settings, each test's time times the
 * survivors it covers), the mutants it covered, and those it was recorded killing first.
 */
const COSTLY = [
  // 24 % of the survivors' test time; covered 1,109 mutants, killed one first (engine.ts:288).
  'every schedule the engine makes passes the checker (property) on random small problems with buffers, changeovers, simultaneous rooms and kept conferences',
  // 9 %; covered 851, killed two first (check.ts:68 and check.ts:95).
  'the scheduler makes only schedules the independent checker accepts, on random instances (property)',
  // 9 %; covered 483, killed none first.
  'the scheduler is deterministic for a given seed',
  // 5 %; covered 291, killed none first.
  'teachers’ evenings as unbroken blocks makes schedules the checker accepts on one-evening schools, everyone placed when planned, the same each time (property)',
];

/**
 * The record's mutants a left-out test was the first to fail on, each applied by hand and run
 * against the scheduler's test files with all four left out: still killed, by the tests named.
 * Each is named by its file, mutator and replacement (a fold numbers mutants afresh and a line
 * moves with every edit above it).
 */
const KILLED_WITHOUT = [
  // engine.ts:288 `Math.max(2 / L, …)`: engine-choices.
  'src/core/schedule/engine.ts ArithmeticOperator 2 / L',
  // check.ts:68 `availability.every(…)`: 367 tests of 15 files, engine-choices among them.
  'src/core/schedule/check.ts MethodExpression family.availability.every(a => a.date === c.date && a.start <= c.start && c.end <= a.end)',
  // check.ts:95 `true && d.start <= c.start`: engine-choices, engine-edges, mutP-closeup.
  'src/core/schedule/check.ts ConditionalExpression true',
];

/** A test's full name as jest and Stryker give it: its describe blocks' names and its own. */
function fullName(test) {
  const names = [];
  for (let block = test; block && block.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

/** Whether Stryker's runs leave this test (jest-circus's test object) out. */
function leftOut(test, env = process.env) {
  return !env.STRYKER_ALL_TESTS && COSTLY.includes(fullName(test));
}

module.exports = { COSTLY, KILLED_WITHOUT, fullName, leftOut };
