/**
 * Under Stryker only (jest.stryker.config.cjs): writes the full name of every test a file runs to
 * `.stryker-test-names/`, so the sequencer (test/stryker-sequencer.cjs) can leave out, for a
 * mutant, the test files none of whose tests cover it. Jest would load them anyway and skip all
 * their tests; loading is most of what a mutant costs.
 */
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { namesFileFor } = require('./stryker-sequencer.cjs');

// Only Stryker's first, full run knows every name: a mutant's run skips the tests not covering
// it, and a run of jest by hand with this configuration is no run of Stryker's (its names would
// outlive a renamed test). Stryker's test environment gives the tests its `__stryker__` global.
const fullRun =
  globalThis.__stryker__ !== undefined && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined;

const names = new Set();
beforeEach(() => {
  names.add(expect.getState().currentTestName);
});
afterAll(() => {
  const file = namesFileFor(expect.getState().testPath);
  if (!fullRun || existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify([...names]));
});
