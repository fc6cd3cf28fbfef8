/**
 * Headless Chromium for the browser tests: Debian's package driven by playwright-core (a
 * browser download is not possible here). Without it the tests are skipped, loudly; with
 * REQUIRE_BROWSER=1 (as .ci/run sets) a missing browser fails the run instead.
 *
 * Also the helpers the browser tests share: the sidebar's frame, axe-core on a frame, a tab of
 * the preview, a family's form submitted in the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);

/** Screenshots are kept here (git-ignored) for a person to look at. */
export const SHOTS = join(__dirname, '../../test-output/screenshots');

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

/** The sidebar's frame in the preview page, once its steps are drawn. */
export async function sidebarOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#sidebar[src]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  await frame.waitForSelector('li.step');
  return frame;
}

let axeSource: string | undefined;

/** axe-core's violations in a frame (its whole document). */
export async function axeViolations(frame: Frame): Promise<{ id: string; impact: string; nodes: number }[]> {
  await frame.evaluate((axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')));
  return frame.evaluate(async () => {
    // Runs in the page: its globals, typed here by hand (the tests' tsconfig has no DOM).
    const w = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } };
    const r = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

export const serious = (violations: { impact: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Opens a tab of the preview once the sidebar has loaded (its first calls re-render the page, resetting forms). */
export async function openTab(page: Page, tab: string): Promise<void> {
  await sidebarOf(page);
  await page.waitForLoadState('networkidle');
  await page.locator(`nav#tabs button[data-tab="${tab}"]`).click();
}

/** Submits a form in the page and waits for the preview's answer (the trigger has run by then). */
export async function submitForm(page: Page, button: Locator): Promise<void> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/forms/submit')), button.click()]);
  const answer = (await response.json()) as { ok: boolean; message?: string };
  expect(answer.message ?? '').toBe('');
  expect(answer.ok).toBe(true);
}
