/**
 * Nothing a person typed is thrown away without their word: in the preview, a cell being edited
 * is written when the teacher clicks elsewhere, as Sheets does (Escape still gives it up); in the
 * template editor, text typed and not saved is kept per message and language, marked unsaved,
 * until it is saved or discarded.
 */
import type { Browser, Page } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import type { TemplateView } from '../../src/shared/api';
import {
  describeBrowser,
  launch,
  openPreview,
  openStep,
  openTab,
  settled,
  sidebarOf,
} from './browser';
import { call, runJob } from './preview';

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
    // Scheduled, so the Reminders step (and its template editor) is open to use.
    runJob(preview, 'setup');
    runJob(preview, 'schedule');
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

  it('is kept per message and language in the template editor, marked unsaved, until saved or discarded', async () => {
    const stored = (kind: string, language: string) =>
      call<TemplateView>(preview, 'getTemplate', [kind, language]).template;
    const reminder = stored('reminder', 'en');
    const sidebar = await sidebarOf(page);
    const step = await openStep(sidebar, 'reminders');
    const subject = step.locator('#tpl-subject');
    const mark = step.locator('#tpl-unsaved');
    /** Picks a message or a language and waits for its text. */
    const pick = async (picker: string, value: string) => {
      await step.locator(picker).selectOption(value);
      await step.locator('#tpl-subject:not([readonly])').waitFor();
    };
    const optionText = (picker: string, value: string) =>
      step.locator(`${picker} option[value="${value}"]`).textContent();
    await step.locator('#tpl-language option[value="es"]').waitFor({ state: 'attached' });
    await expect(subject.inputValue()).resolves.toBe(reminder.subject);

    await subject.fill('Your conference, typed and not saved');
    await expect(mark.textContent()).resolves.toContain('Unsaved changes');
    await expect(optionText('#tpl-kind', 'reminder')).resolves.toBe('Reminder (unsaved)');

    // Another message: its own saved text, nothing marked; the reminder's edit is listed unsaved.
    await pick('#tpl-kind', 'invite');
    await expect(subject.inputValue()).resolves.toBe(stored('invite', 'en').subject);
    await expect(mark.textContent()).resolves.toBe('');
    await expect(optionText('#tpl-kind', 'reminder')).resolves.toBe('Reminder (unsaved)');
    await expect(optionText('#tpl-kind', 'invite')).resolves.toBe('Invitation');

    // Back to the reminder: the edit is there, still unsaved; then Spanish and back, the same.
    await pick('#tpl-kind', 'reminder');
    await expect(subject.inputValue()).resolves.toBe('Your conference, typed and not saved');
    await expect(mark.textContent()).resolves.toContain('Unsaved changes');
    await pick('#tpl-language', 'es');
    await expect(subject.inputValue()).resolves.toBe(stored('reminder', 'es').subject);
    await expect(optionText('#tpl-language', 'en')).resolves.toBe('English (en) (unsaved)');
    await pick('#tpl-language', 'en');
    await expect(subject.inputValue()).resolves.toBe('Your conference, typed and not saved');
    expect(stored('reminder', 'en')).toEqual(reminder);

    // Discard: the saved text is back, nothing marked.
    await step.locator('#tpl-discard').click();
    await expect(subject.inputValue()).resolves.toBe(reminder.subject);
    await expect(mark.textContent()).resolves.toBe('');
    await expect(optionText('#tpl-kind', 'reminder')).resolves.toBe('Reminder');

    // Typed again and saved: kept, and no longer marked.
    await subject.fill('Your conference, saved');
    await step.locator('button', { hasText: 'Save template' }).click();
    await step.locator('.form-status', { hasText: /^Saved\. / }).waitFor();
    await expect(mark.textContent()).resolves.toBe('');
    expect(stored('reminder', 'en').subject).toBe('Your conference, saved');
  });
});
