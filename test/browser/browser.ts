/**
 * Headless Chromium for the browser tests: Debian's package driven by playwright-core (a
 * browser download is not possible here). Without it the tests are skipped, and the run ends with
 * a boxed notice (skip-notice.cjs); with REQUIRE_BROWSER=1 (as .ci/run sets) a missing browser
 * fails the run instead.
 *
 * Also the helpers the browser tests share: the sidebar's frame, axe-core on a frame, a tab of
 * the preview, a family's form submitted in the page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page, Request } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);

/** Screenshots are kept here (git-ignored) for a person to look at. */
export const SHOTS = join(__dirname, '../../test-output/screenshots');

/**
 * A screenshot of what is on screen, for a person to look at: `test-output/screenshots/<name>.png`.
 * The viewport only: the preview's panes scroll inside a page of the window's height, so a
 * full-page capture shows nothing more. It waits for the page's requests to finish first, so
 * the picture is of the settled state.
 *
 * A picture is a by-product, not what the tests assert: on the CI's loaded machine Playwright's
 * capture (which waits for the page to paint a fresh frame) twice hung for over 30 s at the same
 * point of the walkthrough, failing a run whose every check had passed. So it is given 20 s,
 * then Chromium's own capture (DevTools Page.captureScreenshot, no waiting) is tried; if that
 * fails too, the test says so on the console and goes on.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  const path = join(SHOTS, `${name}.png`);
  try {
    await page.screenshot({ path, animations: 'disabled', caret: 'hide', timeout: 20_000 });
    return;
  } catch (e) {
    console.warn(
      `screenshot ${name}: ${(e as Error).message.split('\n')[0]}; trying Chromium's own capture`,
    );
  }
  try {
    const cdp = await page.context().newCDPSession(page);
    const shot = (await Promise.race([
      cdp.send('Page.captureScreenshot', { format: 'png' }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no picture in 20 s')), 20_000),
      ),
    ])) as { data: string };
    writeFileSync(path, Buffer.from(shot.data, 'base64'));
    await cdp.detach();
  } catch (e) {
    console.warn(`screenshot ${name}: none taken (${(e as Error).message.split('\n')[0]})`);
  }
}

if (!HAVE_BROWSER) {
  const message = `Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`;
  if (process.env.REQUIRE_BROWSER === '1')
    throw new Error(`${message} REQUIRE_BROWSER=1 is set, so this is a failure.`);
  console.warn(`\n*** SKIPPING BROWSER TESTS *** ${message}\n`);
}

export const describeBrowser = HAVE_BROWSER ? describe : describe.skip;

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
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

/** A step of the sidebar, by its id (setup, roster, days, schedule, …). */
export const stepOf = (sidebar: Frame, id: string): Locator =>
  sidebar.locator(`li[data-step="${id}"]`);

/** Opens a step's panel (a click on its title, unless it is open already). */
export async function openStep(sidebar: Frame, id: string): Promise<Locator> {
  const s = stepOf(sidebar, id);
  if ((await s.locator('.step-toggle').getAttribute('aria-expanded')) !== 'true')
    await s.locator('.step-toggle').click();
  await s.locator('.panel').waitFor();
  return s;
}

/** What a teacher does to see the sidebar anew: close it and open it from the menu. */
export async function reopenSidebar(page: Page): Promise<Frame> {
  await page.locator('#close-sidebar').click();
  await page.waitForSelector('iframe#sidebar:not([src])', { state: 'attached' });
  await page.locator('#open-sidebar').click();
  const sidebar = await sidebarOf(page);
  await settled(page);
  return sidebar;
}

let axeSource: string | undefined;

/** axe-core's violations in a frame (its whole document). */
export async function axeViolations(
  frame: Frame,
): Promise<{ id: string; impact: string; nodes: number }[]> {
  await frame.evaluate(
    (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')),
  );
  return frame.evaluate(async () => {
    // Runs in the page: its globals, typed here by hand (the tests' tsconfig has no DOM).
    const w = globalThis as unknown as {
      document: unknown;
      axe: {
        run(
          ctx: unknown,
          o: object,
        ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
      };
    };
    const r = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

export const serious = (violations: { impact: string }[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

const inFlight = new WeakMap<Page, { pending: Set<Request>; last: number }>();

/** A new page on the preview that counts its requests in flight, so `settled` can wait for none. */
export async function openPreview(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const n = { pending: new Set<Request>(), last: Date.now() };
  inFlight.set(page, n);
  page.on('request', (r) => void n.pending.add(r));
  const done = (r: Request) => {
    n.pending.delete(r);
    n.last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.goto(url);
  return page;
}

/**
 * Waits until the page (sidebar included) has had no request in flight for a moment: each
 * sidebar call makes the page reload its state and re-render, resetting any form being filled.
 * ('networkidle' is reached once per page load: after the sidebar is reopened it never comes.)
 */
export async function settled(page: Page): Promise<void> {
  const n = inFlight.get(page);
  if (!n)
    throw new Error('settled() needs a page opened with openPreview(), which counts its requests');
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (n.pending.size === 0 && Date.now() - n.last > 300) return;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `still in flight after 10 s: ${[...n.pending].map((r) => `${r.method()} ${r.url()} ${r.frame().url()}`).join(', ')}`,
  );
}

/** Opens a tab of the preview once the sidebar has loaded (its first calls re-render the page, resetting forms). */
export async function openTab(page: Page, tab: string): Promise<void> {
  await sidebarOf(page);
  await settled(page);
  await page.locator(`nav#tabs button[data-tab="${tab}"]`).click();
}

/** Submits a form in the page and waits for the preview's answer (the trigger has run by then). */
export async function submitForm(page: Page, button: Locator): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/forms/submit')),
    button.click(),
  ]);
  const answer = (await response.json()) as { ok: boolean; message?: string };
  expect(answer.message ?? '').toBe('');
  expect(answer.ok).toBe(true);
}

/** A step's counts, as its list shows them: label → number. */
export async function stepCounts(s: Locator): Promise<Record<string, number>> {
  const labels = await s.locator('.panel > dl.counts dt').allTextContents();
  const values = await s.locator('.panel > dl.counts dd').allTextContents();
  return Object.fromEntries(labels.map((l, i) => [l, Number(values[i])]));
}

/**
 * The parts of a walkthrough, played in order as its `it`s: once one fails, the later ones say
 * so instead of failing in its wake.
 */
export function inOrder(): (name: string, fn: () => Promise<void>) => void {
  let failed = '';
  return (name, fn) =>
    it(name, async () => {
      if (failed) throw new Error(`not played: "${failed}" failed`);
      try {
        await fn();
      } catch (e) {
        failed = name;
        throw e;
      }
    });
}
