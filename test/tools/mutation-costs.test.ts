/**
 * scripts/mutation-costs.cjs turns the cost log test/stryker-runner.cjs writes under Stryker
 * (STRYKER_COST_LOG) into each mutant's cost by status: what the projections of a whole run in
 * README are built from.
 */
interface Point {
  cpu: number;
  at: number;
}
interface Line {
  mutant: string;
  pid: number;
  start: Point;
  end?: Point;
  files: number;
  killed: boolean;
}
interface Cost {
  mutant: string;
  status: string;
  cpuMs?: number;
  testCpuMs?: number;
  wallMs?: number;
  files?: number;
  timedOut: boolean;
}
interface Row {
  status: string;
  n: number;
  cpuS: number;
  meanCpuS: number;
  timedOut: number;
  clockS: number;
}
const { readCostLog, statusesOf, mutantCosts, summary } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../scripts/mutation-costs.cjs') as {
    readCostLog: (text: string) => Line[];
    statusesOf: (report: unknown) => Map<string, string>;
    mutantCosts: (lines: Line[], statuses: Map<string, string>) => Cost[];
    summary: (costs: Cost[]) => Row[];
  };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { costLine } = require('../stryker-runner.cjs') as {
  costLine: (
    mutant: string,
    start: Point,
    end: Point | undefined,
    files: number,
    k: boolean,
  ) => string;
};

/** The lines the runner writes for one mutant: one at its start, one at its end (if it ends). */
const run = (mutant: string, from: Point, to: Point | undefined, files: number, killed: boolean) =>
  costLine(mutant, from, undefined, 0, false) +
  (to ? costLine(mutant, from, to, files, killed) : '');

const REPORT = {
  files: {
    'src/core/schedule/engine.ts': {
      mutants: [
        { id: '7', status: 'Killed' },
        { id: '8', status: 'Survived' },
        { id: '9', status: 'Timeout' },
      ],
    },
    'src/core/roster.ts': { mutants: [{ id: '10', status: 'Killed' }] },
  },
};

describe('the cost of each mutant of a Stryker run', () => {
  it('counts jest’s work up to the next mutant of the same process as the mutant’s', () => {
    // Mutant 7: its tests 400 ms of CPU, jest 100 ms more before mutant 8 starts at 1,500 ms.
    const text =
      run('7', { cpu: 1000, at: 0 }, { cpu: 1400, at: 600 }, 1, true) +
      run('8', { cpu: 1500, at: 700 }, { cpu: 9500, at: 9000 }, 6, false);
    const costs = mutantCosts(readCostLog(text), statusesOf(REPORT));
    expect(costs.map((c) => [c.mutant, c.status, c.cpuMs, c.testCpuMs, c.files])).toEqual([
      ['7', 'Killed', 500, 400, 1],
      ['8', 'Survived', 8000, 8000, 6],
    ]);
  });

  it('gives a mutant that timed out the clock to the restarted process’s first mutant', () => {
    const text =
      run('9', { cpu: 2000, at: 10_000 }, undefined, 0, false) +
      run('10', { cpu: 900, at: 52_000 }, { cpu: 1200, at: 52_400 }, 1, true);
    const [timedOut, next] = mutantCosts(readCostLog(text), statusesOf(REPORT));
    expect(timedOut).toMatchObject({
      mutant: '9',
      status: 'Timeout',
      timedOut: true,
      wallMs: 42_000,
    });
    expect(timedOut!.cpuMs).toBeUndefined();
    expect(next).toMatchObject({ mutant: '10', cpuMs: 300, timedOut: false });
  });

  it('sums each status apart, the clock of timeouts beside the CPU of the rest', () => {
    const text =
      run('7', { cpu: 0, at: 0 }, { cpu: 300, at: 400 }, 1, true) +
      run('10', { cpu: 500, at: 600 }, { cpu: 700, at: 800 }, 1, true) +
      run('8', { cpu: 900, at: 1000 }, { cpu: 4900, at: 6000 }, 4, false) +
      run('9', { cpu: 5000, at: 7000 }, undefined, 0, false);
    const rows = summary(mutantCosts(readCostLog(text), statusesOf(REPORT)));
    expect(rows).toEqual(
      expect.arrayContaining([
        { status: 'Killed', n: 2, cpuS: 0.9, meanCpuS: 0.45, timedOut: 0, clockS: 0 },
        { status: 'Survived', n: 1, cpuS: 4.1, meanCpuS: 4.1, timedOut: 0, clockS: 0 },
        { status: 'Timeout', n: 1, cpuS: 0, meanCpuS: 0, timedOut: 1, clockS: 0 },
      ]),
    );
    expect(rows).toHaveLength(3);
  });
});
