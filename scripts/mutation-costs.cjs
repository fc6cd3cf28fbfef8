/**
 * What each mutant of a Stryker run cost, by its status: `node scripts/mutation-costs.cjs
 * <cost log> <Stryker's JSON report>`. The cost log is what test/stryker-runner.cjs appends when
 * STRYKER_COST_LOG names a file: for each mutant run, the test runner process's CPU and the
 * clock when its test files started and when they ended.
 *
 * A mutant's cost is its process's CPU from the start of its test files to the start of the next
 * mutant's in the same process (jest's own work between the two, finding and sequencing the
 * files, is the mutant's), or to its own end for a process's last mutant. A mutant whose line has
 * no end timed out (Stryker ended its process): its CPU died with the process, so its cost is
 * the clock from its start to the next line's start, the restart of a test runner included (on a
 * busy core a clock's seconds are not a core's, so those are counted apart).
 */

/** The cost log's lines, parsed (blank lines skipped). */
function readCostLog(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** Each mutant id's status in a Stryker JSON report (mutation-testing-report-schema). */
function statusesOf(report) {
  const statuses = new Map();
  for (const file of Object.values(report.files ?? {}))
    for (const mutant of file.mutants) statuses.set(String(mutant.id), mutant.status);
  return statuses;
}

/**
 * One entry per mutant run: { mutant, status, cpuMs, wallMs, testCpuMs, files, timedOut }.
 * cpuMs is undefined for a mutant that timed out; wallMs is the clock to the next line's start.
 */
function mutantCosts(lines, statuses) {
  const starts = lines.filter((line) => line.end == null);
  const ends = new Map(
    lines.filter((line) => line.end != null).map((line) => [`${line.pid}:${line.mutant}`, line]),
  );
  const byClock = [...starts].sort((a, b) => a.start.at - b.start.at);
  return byClock.map((line, i) => {
    const end = ends.get(`${line.pid}:${line.mutant}`);
    const next = byClock[i + 1];
    const nextSame = byClock.slice(i + 1).find((other) => other.pid === line.pid);
    const until = nextSame ? nextSame.start.cpu : end?.end.cpu;
    return {
      mutant: String(line.mutant),
      status: statuses.get(String(line.mutant)) ?? 'unknown',
      cpuMs: end ? until - line.start.cpu : undefined,
      testCpuMs: end ? end.end.cpu - line.start.cpu : undefined,
      wallMs: next ? next.start.at - line.start.at : end ? end.end.at - line.start.at : undefined,
      files: end ? end.files : undefined,
      timedOut: !end,
    };
  });
}

/** Per status: how many, their CPU (sum and mean, seconds), and the clock of those timed out. */
function summary(costs) {
  const rows = new Map();
  for (const cost of costs) {
    const row = rows.get(cost.status) ?? {
      status: cost.status,
      n: 0,
      cpuS: 0,
      timedOut: 0,
      clockS: 0,
    };
    row.n += 1;
    if (cost.timedOut) {
      row.timedOut += 1;
      row.clockS += (cost.wallMs ?? 0) / 1000;
    } else row.cpuS += cost.cpuMs / 1000;
    rows.set(cost.status, row);
  }
  return [...rows.values()].map((row) => ({
    ...row,
    cpuS: Math.round(row.cpuS * 10) / 10,
    meanCpuS:
      row.n > row.timedOut ? Math.round((row.cpuS / (row.n - row.timedOut)) * 100) / 100 : 0,
    clockS: Math.round(row.clockS),
  }));
}

module.exports = { readCostLog, statusesOf, mutantCosts, summary };

if (require.main === module) {
  const { readFileSync } = require('node:fs');
  const [log, report] = process.argv.slice(2);
  if (!log || !report) {
    console.error('usage: node scripts/mutation-costs.cjs <cost log> <mutation.json>');
    process.exit(2);
  }
  const costs = mutantCosts(
    readCostLog(readFileSync(log, 'utf8')),
    statusesOf(JSON.parse(readFileSync(report, 'utf8'))),
  );
  console.table(summary(costs));
}
