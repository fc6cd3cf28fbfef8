/**
 * The sequencer Stryker's jest runs use (test/stryker-sequencer.cjs) leaves out, for a mutant,
 * the test files that cannot run a test covering it. A file wrongly left out would let a mutant
 * survive that a test kills, so the choice is checked against the patterns Stryker builds: each
 * covering test's full name, escaped and in parentheses, joined by `|`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mayRun } = require('../stryker-sequencer.cjs') as {
  mayRun: (names: string[] | undefined, testNamePattern: string | undefined) => boolean;
};

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const strykerPattern = (...names: string[]) => names.map((n) => `(${escaped(n)})`).join('|');

const ROSTER = [
  'parseRoster reads a guardian (second row)',
  'parseRoster warns about a row without a Family ID',
];

describe('the sequencer of Stryker runs', () => {
  it('leaves out a file none of whose tests cover the mutant', () => {
    expect(mayRun(ROSTER, strykerPattern('check rejects a family in two rooms at once'))).toBe(
      false,
    );
  });

  it('keeps a file one of whose tests covers the mutant, names with brackets included', () => {
    const pattern = strykerPattern(
      'check rejects a family in two rooms at once',
      'parseRoster reads a guardian (second row)',
    );
    expect(mayRun(ROSTER, pattern)).toBe(true);
  });

  it('matches names case-blind, as jest does', () => {
    expect(mayRun(ROSTER, strykerPattern('PARSEROSTER reads a guardian (second row)'))).toBe(true);
  });

  it('keeps a file whose test names were not written, and every file when no test is named', () => {
    expect(mayRun(undefined, strykerPattern('anything'))).toBe(true);
    expect(mayRun(ROSTER, undefined)).toBe(true);
  });
});
