/**
 * scripts/mutation-order.cjs writes test/stryker-order.json, the order the sequencer runs a
 * mutant's test files in: per source file, the files that killed its mutants in the record, most
 * kills per second of their cost first. Fixture: two mutants of a record shaped like Stryker's
 * (ids, `coveredBy`, `killedBy`, a failure's stack) and the jest `--json` times of two files.
 */
interface Times {
  loadMs: number;
  tests: Map<string, number>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fileInStack, timesOf, orderTable } = require('../../scripts/mutation-order.cjs') as {
  fileInStack: (reason: string | undefined) => string | undefined;
  timesOf: (report: unknown, rootDir: string) => Map<string, Times>;
  orderTable: (
    record: unknown,
    times: Map<string, Times>,
  ) => Record<string, Record<string, number>>;
};

const JEST_TIMES = {
  testResults: [
    {
      name: '/w/test/core/engine-wait.test.ts',
      startTime: 1_000,
      endTime: 1_500, // 500 ms: 100 of load, 400 of tests
      assertionResults: [
        { fullName: 'the engine waits a short stretch', duration: 100 },
        { fullName: 'the engine waits between rooms', duration: 300 },
      ],
    },
    {
      name: '/w/test/core/check.test.ts',
      startTime: 2_000,
      endTime: 2_250, // 250 ms: 200 of load, 50 of tests
      assertionResults: [{ fullName: 'check rejects two at once', duration: 50 }],
    },
  ],
};

const ORDER_RECORD = {
  testFiles: {
    'test/core/engine-wait.test.ts': {
      tests: [
        { id: '1', name: 'the engine waits a short stretch' },
        { id: '2', name: 'the engine waits between rooms' },
      ],
    },
    'test/core/check.test.ts': { tests: [{ id: '3', name: 'check rejects two at once' }] },
  },
  files: {
    'src/core/schedule/engine.ts': {
      mutants: [
        // Killed by the wait file's first test, named by id.
        { id: '10', status: 'Killed', killedBy: ['1'], coveredBy: ['1', '3'] },
        // Killed, no id kept: the stack names the check file.
        {
          id: '11',
          status: 'Killed',
          killedBy: [],
          statusReason:
            'Error: expect(received)\n    at Object.<anonymous> (/w/.stryker-tmp/sandbox-a/test/core/check.test.ts:9:3)',
          coveredBy: ['2', '3'],
        },
        // A survivor pays both files; a mutant that does not type-check runs no test.
        { id: '12', status: 'Survived', coveredBy: ['1', '2', '3'] },
        { id: '13', status: 'CompileError', coveredBy: ['1', '2', '3'] },
      ],
    },
  },
};

describe('the kill-first order table', () => {
  it('reads each file’s load and tests’ times from a jest report', () => {
    const times = timesOf(JEST_TIMES, '/w');
    expect(times.get('test/core/engine-wait.test.ts')?.loadMs).toBe(100);
    expect(times.get('test/core/check.test.ts')?.loadMs).toBe(200);
    expect(times.get('test/core/check.test.ts')?.tests.get('check rejects two at once')).toBe(50);
  });

  it('finds the failing test file in a failure’s stack', () => {
    expect(
      fileInStack(ORDER_RECORD.files['src/core/schedule/engine.ts'].mutants[1]!.statusReason),
    ).toBe('test/core/check.test.ts');
    expect(fileInStack(undefined)).toBeUndefined();
  });

  it('rates each file by its kills per second of what the mutants it covers paid for it', () => {
    // engine-wait: covers 10 (load 100 + 100), 11 (100 + 300), 12 (100 + 400) = 1.1 s, 1 kill.
    // check: covers 10, 11 and 12, each load 200 + 50 = 0.75 s, 1 kill.
    const table = orderTable(ORDER_RECORD, timesOf(JEST_TIMES, '/w'));
    expect(table['src/core/schedule/engine.ts']).toEqual({
      check: Number((1 / 0.75).toPrecision(3)),
      'engine-wait': Number((1 / 1.1).toPrecision(3)),
    });
    expect(Object.keys(table['src/core/schedule/engine.ts']!)).toEqual(['check', 'engine-wait']);
  });
});
