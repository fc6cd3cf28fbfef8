/**
 * npm run deploy from a clean clone, with a fake clasp and a fake npm that record what they
 * were asked and behave as the real ones do on disk: clasp create-script writes .clasp.json and
 * pulls the empty project's files into its rootDir; npm run build writes the bundle. Everything
 * the README's deploy steps promise is checked here except the Google login itself.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xyzAB';

interface Call {
  tool: 'npm' | 'clasp';
  args: string[];
  pushed?: string;
}

// Both fakes append one JSON line per call to $FAKE_LOG and fail when $FAKE_FAIL names the call.
const FAKE_NPM = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
const args = process.argv.slice(2);
appendFileSync(process.env.FAKE_LOG, JSON.stringify({ tool: 'npm', args }) + '\\n');
if (process.env.FAKE_FAIL === args.join(' ')) { console.error('fake npm: ' + args.join(' ') + ' failed'); process.exit(1); }
if (args.join(' ') === 'run build') {
  mkdirSync('build', { recursive: true });
  writeFileSync('build/Code.js', '// Student-Led Conferences bundle');
  writeFileSync('build/appsscript.json', '{"oauthScopes":["script.send_mail"]}');
}
`;
const FAKE_CLASP = `
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const args = process.argv.slice(2);
const log = (extra) => appendFileSync(process.env.FAKE_LOG, JSON.stringify({ tool: 'clasp', args, ...extra }) + '\\n');
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (process.env.FAKE_FAIL === args[0]) { log(); console.error('No credentials found.'); process.exit(1); }
if (args[0] === 'create-script' || args[0] === 'create') {
  log();
  if (existsSync('.clasp.json')) { console.error('Project file already exists.'); process.exit(1); }
  const rootDir = opt('--rootDir') ?? '.';
  const parentId = opt('--type') === 'sheets' ? 'NEW-SPREADSHEET-ID' : opt('--parentId');
  writeFileSync('.clasp.json', JSON.stringify({ scriptId: 'SCRIPT-ID', rootDir, parentId }));
  mkdirSync(rootDir, { recursive: true });
  writeFileSync(rootDir + '/Code.js', 'function myFunction() {\\n  \\n}\\n');
  writeFileSync(rootDir + '/appsscript.json', '{"timeZone":"America/New_York"}');
} else if (args[0] === 'push') {
  if (!existsSync('.clasp.json')) { log(); console.error('Project settings not found.'); process.exit(1); }
  const { rootDir } = JSON.parse(readFileSync('.clasp.json', 'utf8'));
  log({ pushed: readFileSync(rootDir + '/Code.js', 'utf8') });
} else { log(); console.error('fake clasp: unexpected command'); process.exit(1); }
`;

/** A clean clone: the deploy script alone in a fresh folder, the fakes beside it. */
function cleanClone() {
  const dir = mkdtempSync(join(tmpdir(), 'slc-deploy-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(ROOT, 'scripts/deploy.mjs'), join(dir, 'scripts/deploy.mjs'));
  const fakes = mkdtempSync(join(tmpdir(), 'slc-fakes-'));
  writeFileSync(join(fakes, 'npm.mjs'), FAKE_NPM);
  writeFileSync(join(fakes, 'clasp.mjs'), FAKE_CLASP);
  const log = join(fakes, 'calls.jsonl');
  writeFileSync(log, '');
  const deploy = (args: string[] = [], fail = '') => {
    const before = readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
    const result = spawnSync(process.execPath, [join(dir, 'scripts/deploy.mjs'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        npm_execpath: join(fakes, 'npm.mjs'),
        CLASP: join(fakes, 'clasp.mjs'),
        FAKE_LOG: log,
        FAKE_FAIL: fail,
      },
    });
    const calls = readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(before)
      .map((l) => JSON.parse(l) as Call);
    return { status: result.status, output: result.stdout + result.stderr, calls };
  };
  return { dir, deploy };
}

const steps = (calls: Call[]) => calls.map((c) => `${c.tool} ${c.args.join(' ')}`);

describe('npm run deploy', () => {
  it('from a clean clone: checks, creates a spreadsheet-bound project titled for the add-on, builds, pushes build/', () => {
    const { dir, deploy } = cleanClone();
    const { status, output, calls } = deploy();
    expect(status).toBe(0);
    expect(steps(calls)).toEqual([
      'npm run typecheck',
      'npm run lint',
      'npm test',
      'clasp create-script --title Student-Led Conferences --type sheets --rootDir build',
      'npm run build',
      'clasp push --force',
    ]);
    // create pulled an empty Code.js over build/; the push sends the bundle built after it.
    expect(calls.at(-1)!.pushed).toBe('// Student-Led Conferences bundle');
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toMatchObject({
      rootDir: 'build',
    });
    expect(output).toContain('https://script.google.com/d/SCRIPT-ID/edit');
    expect(output).toContain('https://docs.google.com/spreadsheets/d/NEW-SPREADSHEET-ID/edit');
  });

  it('a second run pushes to the same project without creating another', () => {
    const { deploy } = cleanClone();
    expect(deploy().status).toBe(0);
    const { status, calls } = deploy();
    expect(status).toBe(0);
    expect(steps(calls)).toEqual([
      'npm run typecheck',
      'npm run lint',
      'npm test',
      'npm run build',
      'clasp push --force',
    ]);
  });

  it('--sheet with the address of an open spreadsheet binds the project to that spreadsheet', () => {
    const { dir, deploy } = cleanClone();
    const { status, output, calls } = deploy([
      '--sheet',
      `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`,
    ]);
    expect(status).toBe(0);
    // Not --type sheets: clasp 3 would make a new spreadsheet and ignore --parentId.
    expect(steps(calls)).toContain(
      `clasp create-script --title Student-Led Conferences --parentId ${SHEET} --rootDir build`,
    );
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toMatchObject({
      parentId: SHEET,
    });
    expect(output).toContain(`https://docs.google.com/spreadsheets/d/${SHEET}/edit`);
  });

  it('--sheet=<ID> works too, and is refused once the folder deploys elsewhere', () => {
    const { deploy } = cleanClone();
    expect(steps(deploy([`--sheet=${SHEET}`]).calls)).toContain(
      `clasp create-script --title Student-Led Conferences --parentId ${SHEET} --rootDir build`,
    );
    const again = deploy(['--sheet', SHEET]);
    expect(again.status).toBe(1);
    expect(again.output).toMatch(
      /already deploys to the script in \.clasp\.json.*delete \.clasp\.json/s,
    );
    expect(again.calls).toEqual([]);
  });

  it('refuses a --sheet that is not a spreadsheet ID or address, before doing anything', () => {
    const { deploy } = cleanClone();
    const { status, output, calls } = deploy(['--sheet', 'my school sheet']);
    expect(status).toBe(1);
    expect(output).toContain("--sheet needs the spreadsheet's ID or its address");
    expect(calls).toEqual([]);
  });

  it.each(['run typecheck', 'run lint', 'test'])(
    'stops when `npm %s` fails: clasp is never called and no project is made',
    (failing) => {
      const { dir, deploy } = cleanClone();
      const { status, output, calls } = deploy([], failing);
      expect(status).toBe(1);
      expect(output).toContain(`npm ${failing} failed`);
      expect(calls.filter((c) => c.tool === 'clasp')).toEqual([]);
      expect(existsSync(join(dir, '.clasp.json'))).toBe(false);
    },
  );

  it('when clasp cannot create the project (not logged in), says how to log in and pushes nothing', () => {
    const { deploy } = cleanClone();
    const { status, output, calls } = deploy([], 'create-script');
    expect(status).toBe(1);
    expect(output).toContain('npx clasp login');
    expect(output).toContain('https://script.google.com/home/usersettings');
    expect(steps(calls).some((s) => s.startsWith('clasp push'))).toBe(false);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Deploying to a real Google account with clasp');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 4));

  it('gives a --sheet command that, run as written, binds the project to that spreadsheet', () => {
    const command = /`npm run deploy -- (--sheet [^`]+)`/.exec(section)![1]!;
    const { dir, deploy } = cleanClone();
    const { status } = deploy(command.replace('<ID>', SHEET).split(' '));
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toMatchObject({
      parentId: SHEET,
    });
  });
});

describe('the repository', () => {
  it('tracks no .clasp.json, and git-ignores the one the first deploy writes', () => {
    const tracked = spawnSync('git', ['ls-files', '.clasp.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(tracked.stdout ?? '').toBe('');
    const ignore = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toContain('.clasp.json');
  });
});
