// `npm run mutate [-- stryker options]`: runs `stryker run` with the options given, after
// forgetting the static survivors of the incremental record it will read
// (scripts/mutation-record.cjs says why).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { forgetStaticSurvivors, incrementalFileOf } = require('./mutation-record.cjs');

const args = process.argv.slice(2);
const config = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
const file = incrementalFileOf(args, config.incrementalFile);
if (file && existsSync(file)) {
  const { record, forgotten } = forgetStaticSurvivors(JSON.parse(readFileSync(file, 'utf8')));
  if (forgotten > 0) {
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`${file}: ${forgotten} static mutant(s) reported surviving will be tested again.`);
  }
}
const run = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
