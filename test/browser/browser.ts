/**
 * Headless Chromium for the browser tests: Debian's package driven by playwright-core (a
 * browser download is not possible here). Without it the tests are skipped, loudly; with
 * REQUIRE_BROWSER=1 (as .ci/run sets) a missing browser fails the run instead.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);

if (!HAVE_BROWSER) {
  const message = `Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${message} REQUIRE_BROWSER=1 is set, so this is a failure.`);
  console.warn(`\n*** SKIPPING BROWSER TESTS *** ${message}\n`);
}

export const describeBrowser = HAVE_BROWSER ? describe : describe.skip;

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
