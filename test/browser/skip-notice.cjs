/**
 * A jest reporter that makes skipped browser tests impossible to miss. Without Chromium,
 * test/browser/browser.ts skips its suites with a console warning that jest prints in the middle
 * of the run; the summary only says "N skipped". This prints a boxed line at the very end of
 * `npm test` when a browser test file ran with every test skipped, and nothing when they ran.
 * (With REQUIRE_BROWSER=1 a missing Chromium fails those files instead.) Jest adds its summary
 * reporter after every configured one, so the box waits for the process's exit to come last.
 */
const { relative, sep } = require('node:path');

class BrowserSkipNotice {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = results.testResults.filter(
      (r) =>
        relative(this.rootDir, r.testFilePath).startsWith(`test${sep}browser${sep}`) &&
        r.numPendingTests > 0 &&
        r.numPassingTests + r.numFailingTests === 0 &&
        !r.testExecError,
    );
    if (skipped.length === 0) return;
    // The same place browser.ts looks (CHROMIUM there).
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const line = `BROWSER TESTS SKIPPED (${skipped.length} ${skipped.length === 1 ? 'file' : 'files'}): no Chromium at ${chromium} — install Debian's chromium or set CHROMIUM_PATH (see .ci/run)`;
    const rule = '═'.repeat(line.length + 2);
    process.once('exit', () => process.stderr.write(`\n╔${rule}╗\n║ ${line} ║\n╚${rule}╝\n`));
  }
}

module.exports = BrowserSkipNotice;
