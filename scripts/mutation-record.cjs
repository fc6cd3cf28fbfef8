/**
 * What `npm run mutate` (scripts/mutate.mjs) changes in Stryker's incremental record before a
 * run: it forgets every static mutant reported surviving, so the run tests it again.
 *
 * Stryker reuses a surviving mutant's result until a test covering it is added or changed. A
 * static mutant (reached while a module or test file loads) is covered by no test, or only by
 * those that reach it again at run time, so a new test that kills it (through a module-level
 * fixture or a table built on import) never made Stryker look again, and a result from a run
 * with other settings stayed for good: `sheet.ts`'s four frozen statuses were reported surviving
 * though each fails a test when applied by hand. Tested again, a static mutant no test reaches
 * at run time is reported Ignored (`ignoreStatic`: not run), and one that tests also reach runs
 * them and every test of the files that reached it while loading (test/stryker-environment.cjs).
 * A kill is kept: a test did fail with the mutant.
 */

/** The record without its static survivors, and how many were forgotten. */
function forgetStaticSurvivors(record) {
  let forgotten = 0;
  const files = {};
  for (const [name, file] of Object.entries(record.files ?? {})) {
    const mutants = file.mutants.filter((mutant) => {
      const stale = mutant.static === true && mutant.status === 'Survived';
      if (stale) forgotten += 1;
      return !stale;
    });
    files[name] = { ...file, mutants };
  }
  return { record: { ...record, files }, forgotten };
}

/**
 * The incremental record a `stryker run` with these arguments reads: `--incrementalFile <f>` or
 * `--incrementalFile=<f>` on the command line, else the configuration's.
 */
function incrementalFileOf(args, configured) {
  let file = configured;
  args.forEach((arg, i) => {
    if (arg === '--incrementalFile' && args[i + 1] !== undefined) file = args[i + 1];
    if (arg.startsWith('--incrementalFile=')) file = arg.slice('--incrementalFile='.length);
  });
  return file;
}

module.exports = { forgetStaticSurvivors, incrementalFileOf };
