/**
 * Nothing a person typed is thrown away without their word: in the preview, a cell being edited
 * is written when the teacher clicks elsewhere, as Sheets does (Escape still gives it up).
 */
import type { Browser, Page } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import { describeBrowser, launch, openPreview, openTab, settled } from './browser';

jest.setTimeout(90_000);

describeBrowser('what a teacher typed', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    [browser, preview] = await Promise.all([
      launch(),
      startPreview({ school: openSchool({ students: 40 }) }),
    ]);
    page = await openPreview(browser, preview.url);
  });
  afterAll(async () => {
    await preview?.close();
    await browser?.close();
  });

  const teachers = () => preview.school.emulator.spreadsheet.sheetByName('Teachers')!.values();

  it('is written to the cell when the teacher clicks away from it, as in Sheets', async () => {
    await openTab(page, 'Teachers');
    const [header] = teachers();
    const column = header!.indexOf('Room') + 1;
    expect(column).toBeGreaterThan(0);
    const cell = page.locator(`#view td[data-row="2"][data-column="${column}"]`);
    await cell.dblclick();
    await cell.locator('input').fill('Library annex');
    await page.locator(`#view td[data-row="3"][data-column="${column}"]`).click();
    await page
      .locator(`#view td[data-row="2"][data-column="${column}"]:not(:has(input))`, {
        hasText: 'Library annex',
      })
      .waitFor();
    await settled(page);
    expect(teachers()[1]![column - 1]).toBe('Library annex');

    // Escape still gives an edit up, the click away after it writing nothing.
    await cell.dblclick();
    await cell.locator('input').fill('Gym');
    await cell.locator('input').press('Escape');
    await page.locator(`#view td[data-row="3"][data-column="${column}"]`).click();
    await settled(page);
    await expect(cell.textContent()).resolves.toBe('Library annex');
    expect(teachers()[1]![column - 1]).toBe('Library annex');
  });
});
