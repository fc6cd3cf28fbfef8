/**
 * Stryker runs the tests covering a mutant until one fails: smaller test files (hand-written
 * examples) first, so most mutants are killed before the long property tests start.
 */
const { statSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class SmallFirst extends Sequencer {
  sort(tests) {
    const size = (t) => statSync(t.path).size;
    return [...tests].sort((a, b) => size(a) - size(b));
  }
};
