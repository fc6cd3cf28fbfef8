/**
 * `npm run mutate` (scripts/mutate.mjs) forgets the static survivors of Stryker's incremental
 * record before a run: Stryker would otherwise reuse them for good, a test added since that
 * kills one included (scripts/mutation-record.cjs).
 */
const { forgetStaticSurvivors, incrementalFileOf } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../scripts/mutation-record.cjs') as {
    forgetStaticSurvivors: (record: Record_) => { record: Record_; forgotten: number };
    incrementalFileOf: (args: string[], configured: string | undefined) => string | undefined;
  };

interface Mutant {
  id: string;
  status: string;
  static?: boolean;
}
interface Record_ {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const SHEET_FILE = 'src/core/schedule/sheet.ts';
const ROSTER_FILE = 'src/core/roster.ts';
const record: Record_ = {
  files: {
    [SHEET_FILE]: {
      source: 'export const FROZEN_STATUSES = new Set([…]);',
      mutants: [
        { id: '1', status: 'Survived', static: true },
        { id: '2', status: 'Killed', static: true },
        { id: '3', status: 'Ignored', static: true },
      ],
    },
    [ROSTER_FILE]: {
      source: 'export function parseRoster() {}',
      mutants: [
        { id: '4', status: 'Survived', static: false },
        { id: '5', status: 'Survived' },
        { id: '6', status: 'Timeout', static: true },
      ],
    },
  },
};
const ids = (r: Record_, file: string) => r.files[file]?.mutants.map((m) => m.id);

describe('the record npm run mutate hands Stryker', () => {
  it('forgets a static mutant reported surviving, so the run tests it again', () => {
    const { record: kept, forgotten } = forgetStaticSurvivors(record);
    expect(ids(kept, SHEET_FILE)).toEqual(['2', '3']);
    expect(forgotten).toBe(1);
  });

  it('keeps every other result: kills, timeouts, ignored mutants and non-static survivors', () => {
    const { record: kept } = forgetStaticSurvivors(record);
    expect(ids(kept, ROSTER_FILE)).toEqual(['4', '5', '6']);
    expect(kept.files[SHEET_FILE]?.source).toBe(record.files[SHEET_FILE]?.source);
  });

  it('reads the record a run narrowed with --incrementalFile names, else the configured one', () => {
    const configured = 'reports/stryker-incremental.json';
    expect(incrementalFileOf(['--mutate', SHEET_FILE], configured)).toBe(configured);
    expect(incrementalFileOf(['--incrementalFile', 'reports/sheet.json'], configured)).toBe(
      'reports/sheet.json',
    );
    expect(incrementalFileOf(['--incrementalFile=reports/sheet.json'], configured)).toBe(
      'reports/sheet.json',
    );
  });
});
