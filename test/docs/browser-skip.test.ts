/**
 * Skipped browser tests are impossible to miss: one browser test file run without Chromium ends
 * with a boxed notice (test/browser/skip-notice.cjs), and with REQUIRE_BROWSER=1 it fails instead.
 * Each case runs jest on that one file with CHROMIUM_PATH pointing nowhere, whatever this machine has.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const MISSING = join(ROOT, 'test-output/no-chromium-here');

function jestWithoutChromium(requireBrowser: boolean): { status: number | null; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: MISSING };
  delete env.REQUIRE_BROWSER;
  if (requireBrowser) env.REQUIRE_BROWSER = '1';
  const run = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--ci', 'test/browser/forms.test.ts'],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 },
  );
  // Jest writes its summary, and the notice, to stderr.
  return { status: run.status, stderr: run.stderr };
}

describe('the browser-skip notice', () => {
  it('ends the output of a run that skipped the browser tests, naming where Chromium was looked for', () => {
    const { status, stderr } = jestWithoutChromium(false);
    expect(status).toBe(0);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toContain(`BROWSER TESTS SKIPPED (1 file): no Chromium at ${MISSING}`);
    expect(lines.at(-2)).toContain('see .ci/run');
    expect(lines.at(-1)).toMatch(/^╚═+╝$/);
  });

  it('gives way to a failure when REQUIRE_BROWSER=1', () => {
    const { status, stderr } = jestWithoutChromium(true);
    expect(status).not.toBe(0);
    expect(stderr).toContain('REQUIRE_BROWSER=1 is set, so this is a failure.');
    expect(stderr).not.toContain('BROWSER TESTS SKIPPED');
  });
});
