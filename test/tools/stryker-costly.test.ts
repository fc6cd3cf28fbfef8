/**
 * test/stryker-costly.cjs leaves a few costly tests out of Stryker's runs, on the ground that in
 * the one record they are the first test to fail on no mutant but three that other tests kill
 * too (checked by hand). These tests hold it to that ground: the record is read as it is, so a
 * later run that records one of them as another mutant's killer fails here, and that mutant must
 * be checked by hand (or the test go back into Stryker's runs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CircusTest {
  name: string;
  parent?: CircusTest;
}
const { COSTLY, KILLED_WITHOUT, fullName, leftOut } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../stryker-costly.cjs') as {
    COSTLY: string[];
    KILLED_WITHOUT: string[];
    fullName: (test: CircusTest) => string;
    leftOut: (test: CircusTest, env?: Record<string, string | undefined>) => boolean;
  };

interface RecordTest {
  id: string;
  name: string;
}
interface RecordMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number } };
  status: string;
  killedBy?: string[];
  coveredBy?: string[];
}
interface Record_ {
  files: Record<string, { mutants: RecordMutant[] }>;
  testFiles: Record<string, { tests: RecordTest[] }>;
}
const ROOT = path.join(__dirname, '..', '..');
const record = JSON.parse(
  readFileSync(path.join(ROOT, 'reports', 'stryker-incremental.json'), 'utf8'),
) as Record_;

/** A jest-circus test object under its describe blocks (the root block has no parent). */
function circusTest(...names: string[]): CircusTest {
  let block: CircusTest = { name: 'ROOT_DESCRIBE_BLOCK' };
  for (const name of names) block = { name, parent: block };
  return block;
}

describe('the tests left out of Stryker’s runs', () => {
  it('names each by its describe blocks and its own name, as the record does', () => {
    expect(fullName(circusTest('the scheduler', 'is deterministic for a given seed'))).toBe(
      'the scheduler is deterministic for a given seed',
    );
  });

  it('leaves out only the listed tests, and none when STRYKER_ALL_TESTS is set', () => {
    const costly = circusTest('the scheduler', 'is deterministic for a given seed');
    const other = circusTest('the scheduler', 'is deterministic');
    expect([leftOut(costly, {}), leftOut(other, {})]).toEqual([true, false]);
    expect(leftOut(costly, { STRYKER_ALL_TESTS: '1' })).toBe(false);
  });

  it('are tests the record knows, each covering mutants of the scheduler', () => {
    const ids = new Map<string, string>();
    for (const file of Object.values(record.testFiles))
      for (const test of file.tests) ids.set(test.name, test.id);
    for (const name of COSTLY) {
      const id = ids.get(name);
      expect([name, id === undefined]).toEqual([name, false]);
      const covered = Object.values(record.files).flatMap((f) =>
        f.mutants.filter((m) => m.coveredBy?.includes(id!)),
      );
      expect([name, covered.length > 100]).toEqual([name, true]);
    }
  });

  it('were the first to fail on no mutant of the record but those checked by hand', () => {
    const ids = new Set<string>();
    for (const file of Object.values(record.testFiles))
      for (const test of file.tests) if (COSTLY.includes(test.name)) ids.add(test.id);
    const killedByThem = Object.entries(record.files).flatMap(([name, f]) =>
      f.mutants
        .filter((m) => (m.killedBy ?? []).some((id) => ids.has(id)))
        .map((m) => `${name} ${m.mutatorName} ${m.replacement}`),
    );
    // Each such kill must be one checked by hand; one the record has since dropped (its line
    // changed, so the next run tests it again) is no longer named, and that is no gap.
    expect(killedByThem.filter((k) => !KILLED_WITHOUT.includes(k))).toEqual([]);
    expect(killedByThem.length).toBeGreaterThan(0);
  });
});
