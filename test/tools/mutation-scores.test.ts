/**
 * scripts/mutation-scores.mjs prints the README's score table from the incremental record
 * (scripts/mutation-table.cjs): a mutant counted in the wrong column or part would misstate how
 * far a part is from the target.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scoreRows, markdownTable } = require('../../scripts/mutation-table.cjs') as {
  scoreRows: (
    record: ScoredRecord,
    coreFiles: string[],
    inTree?: (path: string) => string | undefined,
  ) => Row[];
  markdownTable: (rows: Row[]) => string;
};

interface ScoredRecord {
  files: Record<string, { source: string; mutants: { status: string }[] }>;
}
interface Row {
  label: string;
  part: boolean;
  mutants: number;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  compileErrors: number;
  notMeasured: number;
  score: number | undefined;
}

const of = (...statuses: string[]) => statuses.map((status) => ({ status }));
const record: ScoredRecord = {
  files: {
    'src/core/schedule/engine.ts': {
      source: 'engine, as measured',
      mutants: of(
        'Killed',
        'Killed',
        'Killed',
        'Timeout',
        'Survived',
        'Survived',
        'NoCoverage',
        'NoCoverage',
        'Ignored',
        'CompileError',
      ),
    },
    'src/core/schedule/views.ts': { source: 'views', mutants: of('Killed', 'Survived') },
    'src/core/roster.ts': {
      source: 'roster',
      mutants: of('Killed', 'Killed', 'Killed', 'Survived'),
    },
    'src/core/questionnaire.ts': { source: 'journal', mutants: of('Killed', 'CompileError') },
    'src/core/steps.ts': { source: 'steps', mutants: of('Killed', 'Timeout', 'Ignored') },
  },
};
const CORE = [
  'src/core/schedule/engine.ts',
  'src/core/schedule/views.ts',
  'src/core/schedule/check.ts',
  'src/core/roster.ts',
  'src/core/questionnaire.ts',
  'src/core/steps.ts',
  'src/core/zone.ts',
  'src/core/qr.ts',
];
const tree = (path: string) =>
  path === 'src/core/schedule/engine.ts' ? 'engine, changed since' : record.files[path]?.source;
const rows = () => scoreRows(record, CORE, tree);
const row = (label: string) => rows().find((r) => r.label === label);

describe('mutation-scores', () => {
  it('counts each status of a file in its own column, and scores detected of those that could be', () => {
    expect(row('`src/core/schedule/engine.ts`')).toMatchObject({
      mutants: 10,
      killed: 3,
      timedOut: 1,
      survived: 2,
      noCoverage: 2,
      ignored: 1,
      compileErrors: 1,
      score: 50, // 4 detected of 8: ignored and not compiling count for nothing
    });
  });

  it('adds up the scheduler, the roster, the send journal and the rest of src/core apart', () => {
    expect(row('`src/core/schedule`')).toMatchObject({ mutants: 12, killed: 4, survived: 3 });
    expect(row('`src/core/schedule`')?.score).toBeCloseTo((100 * 5) / 10);
    expect(row('`src/core/roster.ts`')).toMatchObject({ mutants: 4, score: 75 });
    expect(row('`src/core/questionnaire.ts` (the send journal)')).toMatchObject({
      mutants: 2,
      compileErrors: 1,
      score: 100,
    });
    expect(row('`src/core`, the rest')).toMatchObject({ mutants: 3, timedOut: 1, score: 100 });
    expect(row('`src/core`, all')).toMatchObject({ mutants: 21, killed: 9, timedOut: 2 });
    // 11 detected of 17 (9 killed, 2 timed out, 4 survived, 2 not covered).
    expect(row('`src/core`, all')?.score).toBeCloseTo((100 * 11) / 17);
  });

  it('names the files of src/core the record has no mutant of, in their part', () => {
    expect(row('not measured: `check.ts`')?.notMeasured).toBe(1);
    expect(row('not measured: `qr.ts`, `zone.ts`')?.notMeasured).toBe(2);
    expect(row('`src/core/schedule`')?.notMeasured).toBe(1);
    expect(row('`src/core`, all')?.notMeasured).toBe(3);
  });

  it('prints a Markdown row per part and file, marking a file measured on an older version', () => {
    const table = markdownTable(rows()).split('\n');
    expect(table).toContain(
      '| `src/core/schedule/engine.ts` (measured on an older version) | 10 | 3 | 1 | 2 | 2 | 1 | 1 |  | 50.0 % |',
    );
    expect(table).toContain(
      '| **`src/core/roster.ts`** | 4 | 3 | 0 | 1 | 0 | 0 | 0 |  | **75.0 %** |',
    );
    expect(table).toContain('| not measured: `check.ts` | — | — | — | — | — | — | — | 1 | — |');
    expect(table).toHaveLength(2 + rows().length);
  });
});

// A module, so its names do not meet those of the other files of test/tools.
export {};
