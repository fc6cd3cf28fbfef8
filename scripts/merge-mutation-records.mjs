// Folds Stryker incremental records made by runs narrowed to part of src/core (their own
// --incrementalFile) into the one `npm run mutate` reads, so its next run reuses their results
// instead of testing those mutants again. How, in scripts/mutation-merge.cjs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { mergeRecords, restoreKillers } = require('./mutation-merge.cjs');

const HELP = `Usage: node scripts/merge-mutation-records.mjs <into.json> [<from.json>...]
         [--killers-from <older.json>...]

Folds the incremental records <from.json>... into <into.json> (read and rewritten).

A source file the records hold in several versions (it changed between the runs) is kept in
one, the newer: the file as the working tree has it (whether or not a record was measured on
it), else <into.json>'s, else the last record's; a file they hold in one version stays as it
is. A mutant measured on another version is carried into the kept one when the lines it spans
are unchanged (a line diff of the two sources), renumbered to where those lines are now; one on
a changed line is dropped, and the next run tests it again. Where two records hold the same
mutant, a result measured on the kept version wins over a carried one, and a later record over
an earlier one. A test file is kept in the version equal to the working tree, else the last
record's. Tests and mutants are numbered afresh.

--killers-from: a kill that names no killing test (an earlier fold lost it) is tested again by
Stryker on every run. Its killers are taken from these older records (the first that has them),
where the same mutant, on a line unchanged since, was killed by a test <into.json> still holds
(the same file and name, its lines up to the next test's unchanged since); nothing else of
them is taken.

Run it from the project's root: the records name files relative to it.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const split = args.includes('--killers-from') ? args.indexOf('--killers-from') : args.length;
const [target, ...others] = args.slice(0, split);
const killerSources = args.slice(split + 1);
if (!target || others.length + killerSources.length === 0) {
  console.error(HELP);
  process.exit(2);
}

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const records = [target, ...others].map(read);
const inTree = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const { record, report } = mergeRecords(records, inTree);
if (killerSources.length > 0) {
  // One older record in memory at a time: each can be tens of megabytes once parsed.
  const older = (function* () {
    for (const file of killerSources) yield read(file);
  })();
  const restored = restoreKillers(record, older);
  console.log(
    `${restored} kill(s) given back their killing tests from ${killerSources.length} record(s)`,
  );
}
const names = [target, ...others];
writeFileSync(target, `${JSON.stringify(record, null, 2)}\n`);

for (const [path, { carried, dropped, inTree: current }] of Object.entries(report)) {
  if (carried === 0 && dropped.length === 0) continue;
  const version = current ? 'the working tree’s version' : `${target}'s version`;
  console.log(`${path}: kept ${version}; ${carried} result(s) carried from other versions`);
  for (const mutant of dropped) {
    const { start } = mutant.location;
    console.log(
      `  dropped, on a line changed since ${names[mutant.from]}'s version: ` +
        `line ${start.line}:${start.column} ` +
        `${mutant.mutatorName} → ${JSON.stringify(mutant.replacement)} (${mutant.status})`,
    );
  }
}
const mutants = Object.values(record.files).reduce((n, file) => n + file.mutants.length, 0);
console.log(
  `${target}: ${Object.keys(record.files).length} source files, ${mutants} mutants, ` +
    `${Object.keys(record.testFiles).length} test files`,
);
