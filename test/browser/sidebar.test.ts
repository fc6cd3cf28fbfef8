/**
 * The preview in a real browser: open the sidebar, walk its steps with the keyboard and the
 * mouse, read their states, run set-up, click a problem to select its cell, check
 * accessibility with axe-core, and keep screenshots in test-output/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import {
  axeViolations,
  describeBrowser,
  launch,
  openPreview,
  serious,
  screenshot,
  SHOTS,
  sidebarOf,
} from './browser';

jest.setTimeout(60_000);

describeBrowser('the sidebar in the preview', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    preview = await startPreview({ school: openSchool({ students: 120 }) });
    page = await openPreview(browser, preview.url);
  });
  afterEach(async () => {
    await page?.close();
    await preview?.close();
  });

  it('opens on the steps, set-up first and expanded, with states in words', async () => {
    const sidebar = await sidebarOf(page);
    const titles = await sidebar.locator('li.step .step-title').allTextContents();
    expect(titles).toEqual([
      'Set up',
      'Roster',
      'Conference days',
      'Family availability',
      'Schedule',
      'Invites',
      'Reminders',
      'Questionnaire',
      'Summary',
    ]);
    const first = sidebar.locator('li.step').first();
    await expect(first.locator('.step-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(first.locator('.badge').textContent()).resolves.toBe('To do');
    await expect(first.locator('.headline').textContent()).resolves.toContain('Schedule');
    const width = await page
      .locator('iframe#sidebar')
      .evaluate(
        (f) =>
          (f as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect()
            .width,
      );
    expect(width).toBe(300);
    await screenshot(page, '01-opened');
  });

  it('runs set-up from the keyboard, shows the result, and the sheet tabs appear', async () => {
    const sidebar = await sidebarOf(page);
    const action = sidebar.locator('li[data-step="setup"] button.primary');
    await action.focus();
    await page.keyboard.press('Enter');
    await sidebar.locator('li[data-step="setup"] .badge', { hasText: 'Done' }).waitFor();
    await expect(sidebar.locator('li[data-step="setup"] .result').textContent()).resolves.toContain(
      'Created Schedule, Availability, Feedback, Student Prep, Reflections, Summary',
    );
    await page.locator('nav#tabs button[data-tab="Schedule"]').waitFor();
    await page.locator('nav#tabs button[data-tab="Schedule"]').click();
    await expect(page.locator('#view table tr.frozen td').nth(1).textContent()).resolves.toBe(
      'Conference ID',
    );
    await screenshot(page, '02-set-up');
  });

  it("previews the schedule, builds it, and makes the teachers' print views", async () => {
    const sidebar = await sidebarOf(page);
    await sidebar.locator('li[data-step="setup"] button.primary').click();
    await sidebar.locator('li[data-step="setup"] .badge', { hasText: 'Done' }).waitFor();
    const step = sidebar.locator('li[data-step="schedule"]');
    if ((await step.locator('.step-toggle').getAttribute('aria-expanded')) !== 'true')
      await step.locator('.step-toggle').click();
    await step.locator('button', { hasText: 'Preview the schedule' }).click();
    const headline = step.locator('.preview .headline');
    await headline.waitFor();
    const [, placed] =
      /(\d+) of 120 students placed in (\d+) conferences/.exec(
        (await headline.textContent()) ?? '',
      ) ?? [];
    expect(Number(placed)).toBeGreaterThan(90);
    await page.locator('nav#tabs button[data-tab="Schedule"]').click();
    await expect(page.locator('#view tbody tr').count()).resolves.toBeLessThanOrEqual(2);
    await screenshot(page, '05-schedule-preview');

    await step.locator('button.primary', { hasText: 'Build the schedule' }).click();
    await step.locator('.result', { hasText: `Scheduled ${placed} of 120 students` }).waitFor();
    await page.locator('nav#tabs button[data-tab="Schedule"]').click();
    await expect(page.locator('#view tbody tr').count()).resolves.toBeGreaterThan(60);
    await screenshot(page, '06-schedule-built');

    await step.locator('button', { hasText: 'Make print views' }).click();
    await step.locator('.result', { hasText: 'print views' }).waitFor();
    await page.locator('nav#tabs button[data-tab="Ms. Rivera – schedule"]').click();
    await expect(page.locator('#view table tr.frozen td').nth(1).textContent()).resolves.toBe(
      'Date',
    );
  });

  it('walks the steps: each opens with the keyboard and says what to do next', async () => {
    const sidebar = await sidebarOf(page);
    const toggles = sidebar.locator('.step-toggle');
    for (let i = 1; i < 8; i++) {
      const toggle = toggles.nth(i);
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      const panel = sidebar.locator(`#${await toggle.getAttribute('aria-controls')}`);
      await expect(panel.locator('.next').textContent()).resolves.toMatch(/^Next: .+/);
    }
    // The focused control survives the re-render.
    await expect(
      sidebar.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { className: string } | null } })
            .document.activeElement?.className,
      ),
    ).resolves.toContain('step-toggle');
    await screenshot(page, '03-steps');
  });

  it('a problem with a cell selects that cell in the sheet when clicked', async () => {
    const doc = preview.school.emulator.spreadsheet;
    const roster = doc.sheetByName('Roster')!;
    // Drop the email column's header: set-up reports it, naming the cell.
    roster.put(1, 6, { v: '' });
    const sidebar = await sidebarOf(page);
    await sidebar.locator('li[data-step="setup"] button.primary').click();
    const problem = sidebar.locator('li[data-step="setup"] .problems button.link').first();
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('Guardian 1 Email');
    await problem.click();
    await page.locator('#view td.active').waitFor();
    await expect(page.locator('nav#tabs button[aria-selected="true"]').textContent()).resolves.toBe(
      'Roster',
    );
    expect(doc.activeRange?.a1).toMatch(/^[A-Z]+1$/);
    await screenshot(page, '04-problem-selected');
  });

  it('has no serious or critical accessibility violations (axe-core), before and after set-up', async () => {
    const sidebar = await sidebarOf(page);
    expect(serious(await axeViolations(sidebar))).toEqual([]);
    await sidebar.locator('li[data-step="setup"] button.primary').click();
    await sidebar.locator('li[data-step="setup"] .badge', { hasText: 'Done' }).waitFor();
    expect(serious(await axeViolations(sidebar))).toEqual([]);
  });

  it('shows hostile text from the sheet as text, never as markup', async () => {
    const roster = preview.school.emulator.spreadsheet.sheetByName('Roster')!;
    roster.put(2, 2, { v: '<img src=x onerror="window.pwned=1">' });
    await sidebarOf(page);
    await page.locator('nav#tabs button[data-tab="Roster"]').click();
    await expect(
      page.locator('#view tbody tr').nth(1).locator('td').nth(2).textContent(),
    ).resolves.toBe('<img src=x onerror="window.pwned=1">');
    await expect(
      page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned),
    ).resolves.toBeUndefined();
  });
});
