// npm run deploy [-- --sheet <spreadsheet ID or URL>]
//
// Puts the add-on into a Google account with nothing but a clean clone, `npm ci` and
// `npx clasp login`: typecheck, lint and the whole test suite first (nothing untested reaches
// Google), then, the first time, clasp creates the script project; then the build and the push.
//
// .clasp.json is what links this folder to one script project. It is written by clasp on the
// first deploy and git-ignored, so every clone makes its own project instead of sharing a
// placeholder. Without --sheet the project is bound to a new spreadsheet; with it, to that one.
//
// clasp 3.x facts this relies on (read in node_modules/@google/clasp, build/src/commands):
// - `create-script` (alias `create`) takes --type, --title, --parentId, --rootDir. With
//   --type sheets it makes a NEW spreadsheet and ignores --parentId, so binding to an existing
//   spreadsheet is the default type (standalone) with --parentId.
// - create refuses with "Project file already exists." when .clasp.json has a scriptId.
// - create pulls the empty project's files into --rootDir (an empty Code.js and the default
//   appsscript.json), over our build: the build runs after it.
// - push asks before replacing the remote manifest, and without a terminal silently skips the
//   push ("Skipping push."): our appsscript.json (its scopes) must win, so push --force.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TITLE = 'Student-Led Conferences';
const CLASP_JSON = join(root, '.clasp.json');

class DeployError extends Error {}

/** The spreadsheet's Drive ID, from the ID itself or the address of the open sheet. */
function spreadsheetId(given) {
  const text = given.trim();
  const fromUrl = /\/spreadsheets\/d\/([-\w]{20,})/.exec(text);
  if (fromUrl) return fromUrl[1];
  if (/^[-\w]{20,}$/.test(text)) return text;
  throw new DeployError(
    `--sheet needs the spreadsheet's ID or its address ` +
      `(https://docs.google.com/spreadsheets/d/<ID>/edit), not "${given}".`,
  );
}

function parseArgs(argv) {
  const options = { sheet: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag !== '--sheet')
      throw new DeployError(
        `Unknown option ${argv[i]}. Usage: npm run deploy -- [--sheet <ID or URL>]`,
      );
    const value = inline ?? argv[++i];
    if (value === undefined) throw new DeployError('--sheet needs the spreadsheet ID or URL.');
    options.sheet = spreadsheetId(value);
  }
  return options;
}

/** Runs a command in the project folder, its output on the terminal; throws if it fails. */
function run(label, command, args, hint = '') {
  console.log(`\n> ${label}`);
  const viaNode = /\.[cm]?js$/.test(command);
  const result = spawnSync(
    viaNode ? process.execPath : command,
    viaNode ? [command, ...args] : args,
    {
      cwd: root,
      stdio: 'inherit',
      shell: !viaNode && process.platform === 'win32',
    },
  );
  if (result.error) throw new DeployError(`${label} could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new DeployError(`${label} failed (exit ${result.status}); nothing more was done.${hint}`);
}

// Under `npm run`, npm_execpath is npm's own script: running it with this node works the same
// on Windows, macOS and Linux.
const npm = (...args) => run(`npm ${args.join(' ')}`, process.env.npm_execpath ?? 'npm', args);

function clasp(args, hint) {
  const bin = process.env.CLASP ?? join(root, 'node_modules/@google/clasp/build/src/index.js');
  if (!existsSync(bin)) throw new DeployError(`clasp is not installed here: run npm ci first.`);
  run(`clasp ${args.join(' ')}`, bin, args, hint);
}

const LOGIN_HINT =
  '\nIf clasp said "No credentials found.", log in first: npx clasp login' +
  '\nIf it said the Apps Script API is not enabled, turn it on at ' +
  'https://script.google.com/home/usersettings, wait a few minutes, then run npm run deploy again.';

function main(argv) {
  const options = parseArgs(argv);
  const linked = existsSync(CLASP_JSON);
  if (linked && options.sheet)
    throw new DeployError(
      `This folder already deploys to the script in .clasp.json. To bind the add-on to ` +
        `another spreadsheet, delete .clasp.json and run npm run deploy -- --sheet <ID> again.`,
    );

  npm('run', 'typecheck');
  npm('run', 'lint');
  npm('test');

  if (!linked) {
    const where = options.sheet ? ['--parentId', options.sheet] : ['--type', 'sheets'];
    clasp(['create-script', '--title', TITLE, ...where, '--rootDir', 'build'], LOGIN_HINT);
    if (!existsSync(CLASP_JSON))
      throw new DeployError('clasp create-script finished but wrote no .clasp.json.');
  }
  npm('run', 'build');
  clasp(['push', '--force'], LOGIN_HINT);

  const { scriptId, parentId } = JSON.parse(readFileSync(CLASP_JSON, 'utf8'));
  console.log(`\nDeployed "${TITLE}".`);
  console.log(`  Script:      https://script.google.com/d/${scriptId}/edit`);
  if (parentId)
    console.log(
      `  Spreadsheet: https://docs.google.com/spreadsheets/d/${[parentId].flat()[0]}/edit`,
    );
  console.log(
    'Reload the spreadsheet; the Student-Led Conferences menu appears after a few seconds.',
  );
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof DeployError)) throw e;
  console.error(`\ndeploy: ${e.message}`);
  process.exit(1);
}
