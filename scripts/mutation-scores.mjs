// `node scripts/mutation-scores.mjs [record]`: the mutation score table of src/core from a
// Stryker incremental record (reports/stryker-incremental.json unless named), as Markdown: per
// part the issue sets a target for and per file. How it counts, in scripts/mutation-table.cjs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { markdownTable, scoreRows } = require('./mutation-table.cjs');

const HELP = `Usage: node scripts/mutation-scores.mjs [record.json]

Prints, as a Markdown table, the mutants of src/core in a Stryker incremental record
(reports/stryker-incremental.json unless named): per part (src/core/schedule, src/core/roster.ts,
the send journal's src/core/questionnaire.ts, the rest of src/core) and per file, how many were
killed, timed out, survived, had no test covering them, were ignored (static) or did not
type-check, the files the record has no mutant of ("not measured"), and the score: killed and
timed out of killed, timed out, survived and not covered. A file whose record was made on
another version of it than the working tree's is marked "(measured on an older version)". Run it from the
project's root.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const file = args[0] ?? 'reports/stryker-incremental.json';
const record = JSON.parse(readFileSync(file, 'utf8'));
const coreFiles = readdirSync('src/core', { recursive: true })
  .map((name) => `src/core/${name.split('\\').join('/')}`)
  .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'));
const inTree = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
console.log(markdownTable(scoreRows(record, coreFiles, inTree)));
