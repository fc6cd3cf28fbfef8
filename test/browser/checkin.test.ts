/**
 * The check-in view on a phone-sized screen (375 px wide): a teacher is chosen, then a
 * conference is marked in one more click, and the Schedule's Status cell says so; nothing runs
 * off the side of the screen.
 */
import type { Browser, Page } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import type { JobProgress, Result } from '../../src/shared/api';
import { axeViolations, describeBrowser, launch, serious } from './browser';

jest.setTimeout(60_000);

function ok<T>(result: unknown): T {
  const r = result as Result<T>;
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}

describeBrowser('the check-in view at phone width', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await page?.close();
    await preview?.close();
    await browser?.close();
  });

  it('marks a conference no-show in two clicks, in the Status cell', async () => {
    const school = openSchool({ students: 40, teachers: 2, days: ['2026-11-17'] });
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;
    ok<JobProgress>(school.bundle.callFromClient('runJob', ['schedule']));
    school.emulator.ws.clock.set(Date.parse('2026-11-17T16:00:00-05:00'));
    const sheet = school.emulator.spreadsheet.sheetByName('Schedule')!;
    const [h, ...rows] = sheet.values();
    const teachers = [...new Set(rows.map((r) => String(r[h!.indexOf('Teacher')])))].sort();
    const theirs = rows.filter((r) => r[h!.indexOf('Teacher')] === teachers[1]);

    preview = await startPreview({ school });
    page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(new URL('/sidebar', preview.url).href);
    await page.waitForSelector('li.step');
    await page.locator('[data-step="checkin"] .step-toggle').click();
    const picker = page.locator('#checkin-teacher');
    await picker.waitFor();
    // Click one: the teacher.
    await picker.selectOption(teachers[1]!);
    const first = page.locator('.checkin-list li').first();
    await page
      .locator('.checkin-list li')
      .nth(theirs.length - 1)
      .waitFor();
    await expect(page.locator('.checkin-list li').count()).resolves.toBe(theirs.length);
    const id = (await first.getAttribute('data-conference'))!;
    expect(theirs.map((r) => r[h!.indexOf('Conference ID')])).toContain(id);
    // Click two: the mark.
    await first.locator('button[data-mark="no-show"]').click();
    await first.locator('button[data-mark="no-show"][aria-pressed="true"]').waitFor();
    const row = sheet.values().find((r) => r[h!.indexOf('Conference ID')] === id)!;
    expect(row[h!.indexOf('Status')]).toBe('no-show');

    // Usable on a phone: nothing wider than the screen, each button whole on it.
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(375);
    for (const b of await first.locator('button').all()) {
      const box = (await b.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.height).toBeGreaterThanOrEqual(32);
    }
    expect(serious(await axeViolations(page.mainFrame()))).toEqual([]);
  });
});
