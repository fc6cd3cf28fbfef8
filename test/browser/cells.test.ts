/**
 * Editing the sheets in the preview, as a person edits them in Sheets: a problem in the sidebar
 * selects its cell, a double-click opens it, Enter writes what was typed (through the Range API
 * of the emulated spreadsheet) and the step no longer lists the problem; Escape writes nothing.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { openSchool, type School } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import { runJob } from '../../sample/round';
import { SAMPLES } from '../../sample/school';
import { describeBrowser, launch, openPreview, settled, sidebarOf } from './browser';

jest.setTimeout(90_000);

describeBrowser('cells edited in the preview', () => {
  let browser: Browser;
  let preview: Preview;
  let school: School;
  let page: Page;
  let sidebar: Frame;

  const cell = (sheet: string, row: number, column: number) =>
    school.emulator.spreadsheet.sheetByName(sheet)!.values()[row - 1]![column - 1];

  async function rosterProblems(): Promise<string[]> {
    const roster = sidebar.locator('li[data-step="roster"]');
    if ((await roster.locator('.step-toggle').getAttribute('aria-expanded')) !== 'true')
      await roster.locator('.step-toggle').click();
    await roster.locator('.panel').waitFor();
    return roster.locator('.problems button.link').allTextContents();
  }

  beforeAll(async () => {
    school = openSchool(SAMPLES.messy);
    runJob(school, 'setup');
    [browser, preview] = await Promise.all([launch(), startPreview({ school })]);
    page = await openPreview(browser, preview.url);
    sidebar = await sidebarOf(page);
    await settled(page);
  });
  afterAll(async () => Promise.all([browser?.close(), preview?.close()]));

  it('follows a "fix it in the sheet" hint: the problem selects its cell, a double-click and Enter fix it', async () => {
    const maybe = (await rosterProblems()).find((p) => p.includes('neither yes nor no'));
    expect(maybe).toContain('"Maybe"');
    await sidebar.locator('.problems button.link', { hasText: 'neither yes nor no' }).click();
    const active = page.locator('#view td.active');
    await active.waitFor();
    await expect(active.textContent()).resolves.toBe('Maybe');
    // The sample's mistake: Roster row 5, column I (Needs Interpreter).
    const [row, column] = [5, 9];
    expect(school.emulator.spreadsheet.activeRange?.a1).toBe('I5');
    expect(cell('Roster', row, column)).toBe('Maybe');

    await active.dblclick();
    const input = active.locator('input');
    await expect(input.inputValue()).resolves.toBe('Maybe');
    await input.fill('Yes');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/cell')),
      input.press('Enter'),
    ]);
    await settled(page);
    expect(cell('Roster', row, column)).toBe('Yes');
    await expect(
      page.locator(`#view td[data-row="${row}"][data-column="${column}"]`).textContent(),
    ).resolves.toBe('Yes');

    // The sidebar, opened anew, reads the sheet again: the problem is gone.
    await page.locator('#close-sidebar').click();
    await page.waitForSelector('iframe#sidebar:not([src])', { state: 'attached' });
    await page.locator('#open-sidebar').click();
    sidebar = await sidebarOf(page);
    await settled(page);
    const left = await rosterProblems();
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((p) => p.includes('neither yes nor no'))).toEqual([]);
  });

  it('leaves a cell as it was when the edit is given up with Escape', async () => {
    await page.locator('nav#tabs button[data-tab="Teachers"]').click();
    const name = page.locator('#view td[data-row="2"][data-column="1"]');
    const before = cell('Teachers', 2, 1);
    await name.dblclick();
    await name.locator('input').fill('Somebody else');
    await name.locator('input').press('Escape');
    await settled(page);
    await expect(name.textContent()).resolves.toBe(String(before));
    expect(cell('Teachers', 2, 1)).toBe(before);
  });
});
