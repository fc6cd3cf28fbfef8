// Folds Stryker incremental records made by runs narrowed to one file (their own
// --incrementalFile) into the one `npm run mutate` reads, so its next run over src/core reuses
// their results instead of testing those mutants again:
//   node scripts/merge-mutation-records.mjs reports/stryker-incremental.json other.json ...
// The first file is read and rewritten. A source or test file in several records is taken from
// the last (the newest run of it), but for one source file unchanged between runs narrowed to
// different lines, whose mutants are all kept. Test and mutant ids are numbered afresh: each record numbers
// its own from 0, and a mutant names the tests that cover and kill it by id.
import { readFileSync, writeFileSync } from 'node:fs';

const [target, ...others] = process.argv.slice(2);
if (!target || others.length === 0) {
  console.error('Usage: node scripts/merge-mutation-records.mjs <into.json> <from.json>...');
  process.exit(2);
}

const records = [target, ...others].map((file) => JSON.parse(readFileSync(file, 'utf8')));
const merged = { ...records[0], files: {}, testFiles: {} };
let nextTest = 0;
let nextMutant = 0;
for (const record of records) {
  const newId = new Map();
  for (const [path, testFile] of Object.entries(record.testFiles ?? {})) {
    const tests = testFile.tests.map((test) => {
      const id = String(nextTest++);
      newId.set(test.id, id);
      return { ...test, id };
    });
    merged.testFiles[path] = { ...testFile, tests };
  }
  const renumber = (ids) => ids?.map((id) => newId.get(id)).filter((id) => id !== undefined);
  for (const [path, file] of Object.entries(record.files)) {
    const mutants = file.mutants.map((mutant) => ({
      ...mutant,
      id: String(nextMutant++),
      coveredBy: renumber(mutant.coveredBy),
      killedBy: renumber(mutant.killedBy),
    }));
    // Two runs narrowed to different lines of one unchanged file (`--mutate file:1-375`, then
    // `file:376-452`) each hold their own mutants: both are kept, the later run's where they meet.
    const before = merged.files[path];
    if (before && before.source === file.source) {
      const at = (m) => `${m.mutatorName} ${m.replacement} ${JSON.stringify(m.location)}`;
      const later = new Set(mutants.map(at));
      merged.files[path] = {
        ...file,
        mutants: [...before.mutants.filter((m) => !later.has(at(m))), ...mutants],
      };
    } else merged.files[path] = { ...file, mutants };
  }
}
// A test file taken from a later record leaves the earlier record's ids pointing nowhere.
const known = new Set(Object.values(merged.testFiles).flatMap((f) => f.tests.map((t) => t.id)));
for (const file of Object.values(merged.files))
  for (const mutant of file.mutants) {
    mutant.coveredBy = mutant.coveredBy?.filter((id) => known.has(id));
    mutant.killedBy = mutant.killedBy?.filter((id) => known.has(id));
  }
writeFileSync(target, `${JSON.stringify(merged, null, 2)}\n`);
console.log(
  `${target}: ${Object.keys(merged.files).length} source files, ${nextMutant} mutants, ` +
    `${Object.keys(merged.testFiles).length} test files`,
);
