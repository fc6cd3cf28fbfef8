/**
 * The order test files run in against a mutant (test/stryker-sequencer.cjs): those that killed
 * most of a source file's mutants per second of their cost first. `node
 * scripts/mutation-order.cjs <record> <jest --json report>` writes test/stryker-order.json from
 * the incremental record (reports/stryker-incremental.json) and one jest run of test/core with
 * Stryker's settings:
 *
 *   nice -n 19 npx jest -c jest.stryker.config.cjs --runInBand --json --outputFile=/tmp/t.json
 *
 * For each source file and test file: the kills are the mutants of the source whose first
 * failing test (the record's killedBy, else the test file named in its failure's stack) is in
 * the test file; the cost is, summed over the source's mutants that ran tests (killed, survived,
 * timed out) and that the file covers, the file's load (its time in the jest report less its
 * tests') and the times of its tests covering the mutant. A file that killed none is not listed;
 * the sequencer runs the files a source lists, most kills a second first, then the rest,
 * smallest first. Only the order changes: a mutant that survives still runs every covering file.
 */
const path = require('node:path');

/** The test file (`test/core/x.test.ts`) named in a failure's stack, if any. */
function fileInStack(reason) {
  const match = /(test\/core\/[\w.-]+\.test\.ts)/.exec(reason ?? '');
  return match ? match[1] : undefined;
}

/**
 * Per test file (`test/core/x.test.ts`): its load in ms and each test's time by full name, from
 * a jest `--json` report.
 */
function timesOf(report, rootDir) {
  const times = new Map();
  for (const suite of report.testResults) {
    const file = path.relative(rootDir, suite.name).split(path.sep).join('/');
    const tests = new Map(suite.assertionResults.map((a) => [a.fullName, a.duration ?? 0]));
    const testsMs = [...tests.values()].reduce((a, b) => a + b, 0);
    const loadMs = Math.max(0, suite.endTime - suite.startTime - testsMs);
    times.set(file, { loadMs, tests });
  }
  return times;
}

const RAN = new Set(['Killed', 'Survived', 'Timeout']);

/**
 * { [source]: { [test file name without .test.ts]: kills per second } }, each source's files
 * most kills a second first, files that killed nothing left out.
 */
function orderTable(record, times) {
  const fileOfTest = new Map();
  const nameOfTest = new Map();
  for (const [file, { tests }] of Object.entries(record.testFiles ?? {}))
    for (const test of tests) {
      fileOfTest.set(test.id, file);
      nameOfTest.set(test.id, test.name);
    }
  const table = {};
  for (const [source, { mutants }] of Object.entries(record.files)) {
    const kills = new Map();
    const costMs = new Map();
    for (const mutant of mutants) {
      if (!RAN.has(mutant.status)) continue;
      const covering = new Map();
      for (const id of mutant.coveredBy ?? []) {
        const file = fileOfTest.get(id);
        if (file === undefined) continue;
        covering.set(file, [...(covering.get(file) ?? []), nameOfTest.get(id)]);
      }
      for (const [file, names] of covering) {
        const time = times.get(file);
        if (time === undefined) continue;
        const testsMs = names.reduce((sum, name) => sum + (time.tests.get(name) ?? 0), 0);
        costMs.set(file, (costMs.get(file) ?? 0) + time.loadMs + testsMs);
      }
      if (mutant.status !== 'Killed') continue;
      const killer = mutant.killedBy?.length
        ? fileOfTest.get(mutant.killedBy[0])
        : fileInStack(mutant.statusReason);
      if (killer !== undefined) kills.set(killer, (kills.get(killer) ?? 0) + 1);
    }
    const rates = [...kills]
      .filter(([file]) => (costMs.get(file) ?? 0) > 0)
      .map(([file, n]) => [path.basename(file, '.test.ts'), n / (costMs.get(file) / 1000)])
      .sort((a, b) => b[1] - a[1]);
    if (rates.length > 0)
      table[source] = Object.fromEntries(rates.map(([name, rate]) => [name, round(rate)]));
  }
  return table;
}

/** Three significant figures. */
function round(x) {
  return Number(x.toPrecision(3));
}

module.exports = { fileInStack, timesOf, orderTable };

if (require.main === module) {
  const { readFileSync, writeFileSync } = require('node:fs');
  const [recordFile, reportFile] = process.argv.slice(2);
  if (!recordFile || !reportFile) {
    console.error('usage: node scripts/mutation-order.cjs <record.json> <jest --json report>');
    process.exit(2);
  }
  const root = path.join(__dirname, '..');
  const table = orderTable(
    JSON.parse(readFileSync(recordFile, 'utf8')),
    timesOf(JSON.parse(readFileSync(reportFile, 'utf8')), root),
  );
  const out = path.join(root, 'test', 'stryker-order.json');
  writeFileSync(out, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`${path.relative(root, out)}: ${Object.keys(table).length} source files`);
}
