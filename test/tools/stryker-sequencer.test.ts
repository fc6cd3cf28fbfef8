/**
 * The sequencer Stryker's jest runs use (test/stryker-sequencer.cjs) leaves out, for a mutant,
 * the test files that cannot run a test covering it. A file wrongly left out would let a mutant
 * survive that a test kills, so the choice is checked against the patterns Stryker builds: each
 * covering test's full name, escaped and in parentheses, joined by `|`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mayRun, reachedWhileLoading } = require('../stryker-sequencer.cjs') as {
  mayRun: (names: string[] | undefined, testNamePattern: string | undefined) => boolean;
  reachedWhileLoading: (loaded: string[] | undefined, activeMutant: string | undefined) => boolean;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { reachedBetween } = require('../stryker-environment.cjs') as {
  reachedBetween: (before: Record<string, number>, after: Record<string, number>) => string[];
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

describe('a mutant reached while a test file loads (static)', () => {
  // A file building a roster at module level reached mutants 12 and 40 while loading.
  const LOADED = ['12', '40'];

  it('runs every test of a file that reached the active mutant while loading', () => {
    expect(reachedWhileLoading(LOADED, '40')).toBe(true);
  });

  it('leaves the choice to the test names for a mutant the file did not reach while loading', () => {
    expect(reachedWhileLoading(LOADED, '4')).toBe(false);
    expect(reachedWhileLoading(undefined, '40')).toBe(false);
    expect(reachedWhileLoading(LOADED, undefined)).toBe(false);
  });

  it('counts as reached by a file the mutants whose count grew while it loaded', () => {
    const before = { '3': 2, '12': 1 };
    const after = { '3': 2, '12': 2, '40': 1 };
    expect(reachedBetween(before, after).sort()).toEqual(['12', '40']);
  });
});

describe('the test files a mutant run loads', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stillToRun } = require('../stryker-runner.cjs') as {
    stillToRun: (tests: string[], activeMutant?: string, killed?: string) => string[];
  };
  const FILES = ['check.test.ts', 'engine.test.ts'];

  it('loads no further file once a test has killed the active mutant', () => {
    expect(stillToRun(FILES, '40', '40')).toEqual([]);
  });

  it('loads them all while the active mutant lives, even if an earlier mutant was killed', () => {
    expect(stillToRun(FILES, '41', '40')).toEqual(FILES);
    expect(stillToRun(FILES, '41', undefined)).toEqual(FILES);
    expect(stillToRun(FILES, undefined, undefined)).toEqual(FILES);
  });
});

describe('the order of the test files a mutant runs', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { killFirst, sourceOf } = require('../stryker-sequencer.cjs') as {
    killFirst: (
      paths: string[],
      rates: Record<string, number> | undefined,
      size: (p: string) => number,
    ) => string[];
    sourceOf: (globalConfig: Record<string, unknown>) => string | undefined;
  };
  const SIZES: Record<string, number> = {
    '/s/test/core/check.test.ts': 17_977,
    '/s/test/core/engine-wait.test.ts': 2_193,
    '/s/test/core/engine-reasons.test.ts': 7_224,
    '/s/test/core/mutP-idle.test.ts': 2_284,
  };
  const size = (p: string) => SIZES[p]!;
  const PATHS = Object.keys(SIZES);

  it('runs first the files the table lists for the source, most kills a second first', () => {
    const rates = { 'engine-reasons': 0.6, 'mutP-idle': 0.66 };
    expect(killFirst(PATHS, rates, size)).toEqual([
      '/s/test/core/mutP-idle.test.ts',
      '/s/test/core/engine-reasons.test.ts',
      '/s/test/core/engine-wait.test.ts',
      '/s/test/core/check.test.ts',
    ]);
  });

  it('runs every file it was given, smallest first when the source has no entry', () => {
    expect(killFirst(PATHS, undefined, size)).toEqual([
      '/s/test/core/engine-wait.test.ts',
      '/s/test/core/mutP-idle.test.ts',
      '/s/test/core/engine-reasons.test.ts',
      '/s/test/core/check.test.ts',
    ]);
  });

  it('reads the mutated file from the related-tests run Stryker asks of jest', () => {
    const globalConfig = {
      findRelatedTests: true,
      nonFlagArgs: ['/w/.stryker-tmp/sandbox-1/src/core/schedule/engine.ts'],
      rootDir: '/w/.stryker-tmp/sandbox-1',
    };
    expect(sourceOf(globalConfig)).toBe('src/core/schedule/engine.ts');
    expect(sourceOf({ ...globalConfig, findRelatedTests: false })).toBeUndefined();
    expect(sourceOf({ rootDir: '/w' })).toBeUndefined();
  });
});
