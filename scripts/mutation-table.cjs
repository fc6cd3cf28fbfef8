/**
 * The score table scripts/mutation-scores.mjs prints from a Stryker incremental record: per
 * part of src/core the issue sets a target for, and per file.
 */

/** The parts, in the order printed: the scheduler, the roster, the send-journal rule, the rest. */
const PARTS = [
  {
    label: '`src/core/schedule`',
    has: (path) => path.startsWith('src/core/schedule/'),
  },
  { label: '`src/core/roster.ts`', has: (path) => path === 'src/core/roster.ts' },
  {
    label: '`src/core/questionnaire.ts` (the send journal)',
    has: (path) => path === 'src/core/questionnaire.ts',
  },
  { label: '`src/core`, the rest', has: () => true },
];

const COUNTED = {
  Killed: 'killed',
  Timeout: 'timedOut',
  Survived: 'survived',
  NoCoverage: 'noCoverage',
  Ignored: 'ignored',
  CompileError: 'compileErrors',
  RuntimeError: 'runtimeErrors',
};

const empty = () => ({
  mutants: 0,
  killed: 0,
  timedOut: 0,
  survived: 0,
  noCoverage: 0,
  ignored: 0,
  compileErrors: 0,
  runtimeErrors: 0,
  notMeasured: 0,
  olderVersion: false,
});

function add(into, counts) {
  for (const key of Object.keys(into)) if (typeof into[key] === 'number') into[key] += counts[key];
}

/**
 * Stryker's score: mutants detected (killed or timed out) of those that ran or had no test to
 * run (survived, no coverage); ignored ones and ones that do not compile count for nothing.
 */
function score(counts) {
  const valid = counts.killed + counts.timedOut + counts.survived + counts.noCoverage;
  return valid === 0 ? undefined : (100 * (counts.killed + counts.timedOut)) / valid;
}

/**
 * The rows of the table: each part, then its files, then src/core as a whole. `coreFiles` lists
 * the source files of src/core (a file the record has no mutant of is "not measured");
 * `inTree(path)` is a file's text, to mark a file whose record was made on another version.
 */
function scoreRows(record, coreFiles, inTree = () => undefined) {
  const files = new Map();
  for (const path of new Set([...coreFiles, ...Object.keys(record.files ?? {})])) {
    const file = record.files?.[path];
    const counts = empty();
    for (const mutant of file?.mutants ?? []) {
      counts.mutants += 1;
      const key = COUNTED[mutant.status];
      if (key) counts[key] += 1;
    }
    if (counts.mutants === 0) counts.notMeasured = 1;
    const tree = inTree(path);
    counts.olderVersion = file !== undefined && tree !== undefined && tree !== file.source;
    files.set(path, counts);
  }
  const rows = [];
  const whole = empty();
  const taken = new Set();
  for (const part of PARTS) {
    const paths = [...files.keys()].filter((path) => !taken.has(path) && part.has(path)).sort();
    paths.forEach((path) => taken.add(path));
    const total = empty();
    for (const path of paths) add(total, files.get(path));
    add(whole, total);
    const only = paths.length === 1 ? files.get(paths[0]) : undefined;
    rows.push({
      label: part.label,
      part: true,
      ...total,
      olderVersion: only?.olderVersion ?? false,
      score: score(total),
    });
    if (paths.length < 2) continue;
    const unmeasured = paths.filter((path) => files.get(path).notMeasured);
    for (const path of paths.filter((path) => !unmeasured.includes(path))) {
      const counts = files.get(path);
      rows.push({ label: `\`${path}\``, part: false, ...counts, score: score(counts) });
    }
    if (unmeasured.length > 0) {
      const names = unmeasured.map((path) => `\`${path.slice(path.lastIndexOf('/') + 1)}\``);
      const label = `not measured: ${names.join(', ')}`;
      rows.push({ label, part: false, ...empty(), notMeasured: unmeasured.length });
    }
  }
  rows.push({ label: '`src/core`, all', part: true, ...whole, score: score(whole) });
  return rows;
}

/** The rows as a Markdown table, parts in bold. */
function markdownTable(rows) {
  const head = [
    'Part or file',
    'Mutants',
    'Killed',
    'Timed out',
    'Survived',
    'No coverage',
    'Ignored',
    'Do not type-check',
    'Not measured',
    'Score',
  ];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const older = row.olderVersion ? ' (measured on an older version)' : '';
    const shown = row.part ? `**${row.label}**${older}` : `${row.label}${older}`;
    const pct = row.score === undefined ? '—' : `${row.score.toFixed(1)} %`;
    const notMeasured = row.notMeasured > 0 ? String(row.notMeasured) : '';
    const counts = [
      row.mutants,
      row.killed,
      row.timedOut,
      row.survived,
      row.noCoverage,
      row.ignored,
      row.compileErrors,
    ].map((n) => (row.mutants === 0 && !row.part ? '—' : n));
    lines.push(`| ${[shown, ...counts, notMeasured, row.part ? `**${pct}**` : pct].join(' | ')} |`);
  }
  return lines.join('\n');
}

module.exports = { scoreRows, markdownTable, score };
