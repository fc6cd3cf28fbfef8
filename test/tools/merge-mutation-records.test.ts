/**
 * scripts/merge-mutation-records.mjs folds records of runs narrowed to parts of one file, often
 * made on different versions of it (scripts/mutation-merge.cjs). A result carried to the wrong
 * line would be reused by Stryker for a mutant it was never measured on; one on a changed line
 * kept would hide a mutant the change may have let survive.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lineMap, mergeRecords, restoreKillers } = require('../../scripts/mutation-merge.cjs') as {
  restoreKillers: (record: IncrementalRecord, older: Iterable<IncrementalRecord>) => number;
  lineMap: (before: string, after: string) => Map<number, number>;
  mergeRecords: (
    records: IncrementalRecord[],
    inTree: (path: string) => string | undefined,
  ) => {
    record: IncrementalRecord;
    report: Record<string, { carried: number; dropped: MutantResult[]; inTree: boolean }>;
  };
};

interface SourcePosition {
  line: number;
  column: number;
}
interface MutantResult {
  id: string;
  mutatorName: string;
  replacement: string;
  status: string;
  location: { start: SourcePosition; end: SourcePosition };
  coveredBy?: string[];
  killedBy?: string[];
}
interface TestEntry {
  id: string;
  name: string;
  location?: { start: SourcePosition };
}
interface IncrementalRecord {
  files: Record<string, { source: string; mutants: MutantResult[] }>;
  testFiles: Record<string, { source?: string; tests: TestEntry[] }>;
}

const ENGINE = 'src/core/schedule/engine.ts';
const TESTS = 'test/core/engine.test.ts';

// Two versions of a small engine: the newer has a line inserted at the top and line 4 changed.
const OLDER = [
  'export function free(a: number, b: number) {', // 1
  '  return a < b;', // 2
  '}', // 3
  'export const LIMIT = 10;', // 4
  'export function fits(n: number) {', // 5
  '  return n <= LIMIT;', // 6
  '}', // 7
].join('\n');
const NEWER = [
  '// The engine.', // 1 (inserted)
  'export function free(a: number, b: number) {', // 2
  '  return a < b;', // 3
  '}', // 4
  'export const LIMIT = 12;', // 5 (changed)
  'export function fits(n: number) {', // 6
  '  return n <= LIMIT;', // 7
  '}', // 8
].join('\n');
const TEST_SOURCE = "it('sees a family free', () => {});\nit('fits ten', () => {});";

const at = (line: number, from: number, to: number, endLine = line) => ({
  start: { line, column: from },
  end: { line: endLine, column: to },
});
const endFirst = ({ start, end }: MutantResult['location']) => ({ end, start });
const mutant = (
  id: string,
  location: MutantResult['location'],
  more: Partial<MutantResult> = {},
): MutantResult => ({
  id,
  mutatorName: 'EqualityOperator',
  replacement: 'a <= b',
  status: 'Survived',
  location,
  coveredBy: ['0', '1'],
  ...more,
});
const testFiles = (first: string, second: string): IncrementalRecord['testFiles'] => ({
  [TESTS]: {
    source: TEST_SOURCE,
    tests: [
      { id: first, name: 'sees a family free', location: { start: { line: 1, column: 0 } } },
      { id: second, name: 'fits ten', location: { start: { line: 2, column: 0 } } },
    ],
  },
});

// A run of lines 1-4 and 6 on the older file; a run of the last lines on the newer one.
const olderRun: IncrementalRecord = {
  files: {
    [ENGINE]: {
      source: OLDER,
      mutants: [
        mutant('0', at(2, 9, 14), { status: 'Killed', killedBy: ['1'] }),
        mutant('1', at(4, 22, 24), { mutatorName: 'NumericLiteral', replacement: '0' }),
        mutant('2', at(1, 44, 3, 3), { mutatorName: 'BlockStatement', replacement: '{}' }),
        mutant('3', at(6, 9, 20), { replacement: 'n < LIMIT' }),
      ],
    },
  },
  testFiles: testFiles('0', '1'),
};
const newerRun: IncrementalRecord = {
  files: {
    [ENGINE]: {
      source: NEWER,
      mutants: [
        // Stryker writes a location's end before its start.
        mutant('0', endFirst(at(7, 9, 20)), {
          replacement: 'n < LIMIT',
          status: 'Killed',
          killedBy: ['0'],
          coveredBy: ['0'],
        }),
      ],
    },
  },
  // The same tests, numbered the other way round by this run.
  testFiles: testFiles('1', '0'),
};
const tree = (files: Record<string, string>) => (path: string) => files[path];
const find = (record: IncrementalRecord, replacement: string) =>
  record.files[ENGINE]!.mutants.find((m) => m.replacement === replacement);
const testName = (record: IncrementalRecord, id: string | undefined) =>
  record.testFiles[TESTS]!.tests.find((t) => t.id === id)?.name;

describe('merge-mutation-records', () => {
  describe('lineMap', () => {
    it('maps each unchanged line to where it is now, and leaves out the changed ones', () => {
      const map = lineMap(OLDER, NEWER);
      expect([...map].sort((x, y) => x[0] - y[0])).toEqual([
        [1, 2],
        [2, 3],
        [3, 4],
        [5, 6],
        [6, 7],
        [7, 8],
      ]);
    });
  });

  describe('mergeRecords, two versions of one file', () => {
    const merged = () =>
      mergeRecords([newerRun, olderRun], tree({ [ENGINE]: NEWER, [TESTS]: TEST_SOURCE }));

    it('keeps the version in the working tree, the target’s or not', () => {
      expect(merged().record.files[ENGINE]!.source).toBe(NEWER);
      const { record } = mergeRecords([olderRun, newerRun], tree({ [ENGINE]: NEWER }));
      expect(record.files[ENGINE]!.source).toBe(NEWER);
    });

    it('moves a mutant of an unchanged line down by the line inserted above it', () => {
      const { record } = merged();
      expect(find(record, 'a <= b')?.location).toEqual(at(3, 9, 14));
      expect(find(record, 'a <= b')?.status).toBe('Killed');
    });

    it('moves a mutant spanning several unchanged lines as a whole', () => {
      const { record } = merged();
      expect(find(record, '{}')?.location).toEqual(at(2, 44, 3, 4));
    });

    it('drops a mutant on a changed line, to be tested again', () => {
      const { record, report } = merged();
      expect(find(record, '0')).toBeUndefined();
      expect(report[ENGINE]!.dropped.map((m) => m.replacement)).toEqual(['0']);
      expect(report[ENGINE]!.carried).toBe(3);
    });

    it('keeps the result measured on the kept version where both hold a mutant', () => {
      const { record } = merged();
      const both = record.files[ENGINE]!.mutants.filter((m) => m.replacement === 'n < LIMIT');
      expect(both).toHaveLength(1);
      expect(both[0]!.location).toEqual(at(7, 9, 20));
      expect(both[0]!.status).toBe('Killed');
    });

    it('points each mutant at the tests that killed and covered it, whatever their old ids', () => {
      const { record } = merged();
      const carried = find(record, 'a <= b')!;
      expect(testName(record, carried.killedBy![0])).toBe('fits ten');
      expect(carried.coveredBy!.map((id) => testName(record, id)).sort()).toEqual([
        'fits ten',
        'sees a family free',
      ]);
      const measured = find(record, 'n < LIMIT')!;
      expect(testName(record, measured.killedBy![0])).toBe('fits ten');
      const ids = record.files[ENGINE]!.mutants.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('carries both runs into the working tree’s version when neither was measured on it', () => {
      const newest = `// Moved down.\n${NEWER}`;
      // Where both hold a mutant, the later record's result: the newer run's.
      const { record, report } = mergeRecords([olderRun, newerRun], tree({ [ENGINE]: newest }));
      expect(record.files[ENGINE]!.source).toBe(newest);
      expect(find(record, 'a <= b')?.location).toEqual(at(4, 9, 14));
      expect(find(record, 'n < LIMIT')?.location).toEqual(at(8, 9, 20));
      expect(find(record, 'n < LIMIT')?.status).toBe('Killed');
      expect(report[ENGINE]!.dropped.map((m) => m.replacement)).toEqual(['0']);
    });

    it('leaves a file the records hold in one version as it is, for Stryker to diff', () => {
      const { record, report } = mergeRecords([olderRun], tree({ [ENGINE]: NEWER }));
      expect(record.files[ENGINE]!.source).toBe(OLDER);
      expect(find(record, '0')?.location).toEqual(at(4, 22, 24));
      expect(report[ENGINE]!.dropped).toEqual([]);
    });

    it('keeps the target’s version when the working tree has no such file', () => {
      const { record } = mergeRecords([olderRun, newerRun], tree({}));
      expect(record.files[ENGINE]!.source).toBe(OLDER);
      // The newer run's mutant is on line 7, unchanged since line 6 of the older file.
      expect(find(record, 'n < LIMIT')?.location).toEqual(at(6, 9, 20));
      expect(find(record, 'n < LIMIT')?.status).toBe('Survived');
      expect(find(record, '0')?.location).toEqual(at(4, 22, 24));
    });

    it('maps a test of another version of its file by its name and unchanged first line', () => {
      const newerTests = `// Tests.\n${TEST_SOURCE}`;
      const withNewerTests: IncrementalRecord = {
        ...newerRun,
        testFiles: {
          [TESTS]: {
            source: newerTests,
            tests: [
              { id: '0', name: 'sees a family free', location: { start: { line: 2, column: 0 } } },
              { id: '1', name: 'fits ten', location: { start: { line: 3, column: 0 } } },
            ],
          },
        },
      };
      const { record } = mergeRecords(
        [withNewerTests, olderRun],
        tree({ [ENGINE]: NEWER, [TESTS]: newerTests }),
      );
      expect(record.testFiles[TESTS]!.source).toBe(newerTests);
      expect(testName(record, find(record, 'a <= b')!.killedBy![0])).toBe('fits ten');
    });
  });

  describe('restoreKillers', () => {
    // The newer run's record as an earlier fold left it: its kill names no test.
    const lostKiller = (): IncrementalRecord => ({
      files: {
        [ENGINE]: {
          source: NEWER,
          mutants: [
            mutant('0', at(3, 9, 14), { status: 'Killed', killedBy: [] }),
            mutant('1', at(7, 9, 20), { replacement: 'n < LIMIT', status: 'Survived' }),
          ],
        },
      },
      testFiles: testFiles('7', '8'),
    });

    it('gives a kill back the test that killed it in an older record, on the line it moved to', () => {
      const record = lostKiller();
      expect(restoreKillers(record, [olderRun])).toBe(1);
      const kill = find(record, 'a <= b')!;
      expect(kill.killedBy).toEqual(['8']);
      expect(testName(record, kill.killedBy![0])).toBe('fits ten');
    });

    it('takes nothing else: not a status, not a mutant the record does not hold', () => {
      const record = lostKiller();
      restoreKillers(record, [olderRun]);
      expect(find(record, 'n < LIMIT')?.status).toBe('Survived');
      expect(record.files[ENGINE]!.mutants).toHaveLength(2);
    });

    it('leaves the kill as it is when the killing test has changed since, below its first line', () => {
      const body = (n: number) =>
        `it('sees a family free', () => {});\nit('fits ten', () => {\n  expect(fits(${n})).toBe(true);\n});`;
      const olderWithBody: IncrementalRecord = {
        ...olderRun,
        testFiles: { [TESTS]: { ...olderRun.testFiles[TESTS]!, source: body(10) } },
      };
      const unchanged = lostKiller();
      unchanged.testFiles[TESTS] = { ...unchanged.testFiles[TESTS]!, source: body(10) };
      expect(restoreKillers(unchanged, [olderWithBody])).toBe(1);
      const changed = lostKiller();
      changed.testFiles[TESTS] = { ...changed.testFiles[TESTS]!, source: body(11) };
      expect(restoreKillers(changed, [olderWithBody])).toBe(0);
      expect(find(changed, 'a <= b')?.killedBy).toEqual([]);
    });

    it('reads each older record once, for every file of the record', () => {
      const record = lostKiller();
      record.files['src/core/other.ts'] = {
        source: OLDER,
        mutants: [mutant('2', at(2, 9, 14), { status: 'Killed', killedBy: [] })],
      };
      const older = (function* () {
        yield {
          ...olderRun,
          files: { ...olderRun.files, 'src/core/other.ts': olderRun.files[ENGINE]! },
        };
      })();
      expect(restoreKillers(record, older)).toBe(2);
    });

    it('leaves the kill as it is when the killing test is gone or changed its first line', () => {
      const record = lostKiller();
      record.testFiles[TESTS] = {
        source: "it('sees a family free', () => {});\nit('fits ten (renamed)', () => {});",
        tests: [
          { id: '7', name: 'sees a family free', location: { start: { line: 1, column: 0 } } },
          { id: '8', name: 'fits ten (renamed)', location: { start: { line: 2, column: 0 } } },
        ],
      };
      expect(restoreKillers(record, [olderRun])).toBe(0);
      expect(find(record, 'a <= b')?.killedBy).toEqual([]);
    });
  });
});

// A module, so its names do not meet those of the other files of test/tools.
export {};
