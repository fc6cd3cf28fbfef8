/**
 * Issue 7's "done when", in a real browser on the preview: a teacher edits the reminder
 * template, previews it for a Spanish-speaking family, is stopped by an unknown field, saves,
 * turns reminders on, advances the clock, and each family is reminded once per reminder time.
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
  screenshot,
  SHOTS,
  sidebarOf,
} from './browser';

jest.setTimeout(90_000);

describeBrowser('reminders and templates in the preview', () => {
  let browser: Browser | undefined;
  let preview: Preview | undefined;
  afterEach(async () => Promise.all([browser?.close(), preview?.close()]));

  it('edits, previews for a Spanish-speaking family, saves, turns reminders on, and reminds each family once', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const school = openSchool({ students: 40 });
    for (let i = 0; i < 10; i++)
      if (
        (school.bundle.callFromClient('runJob', ['setup']) as { value: { done: boolean } }).value
          .done
      )
        break;
    school.bundle.callFromClient('runJob', ['schedule']);
    [browser, preview] = await Promise.all([launch(), startPreview({ school })]);
    const page: Page = await openPreview(browser, preview.url);
    const sidebar = await sidebarOf(page);
    const step = sidebar.locator('li[data-step="reminders"]');
    if ((await step.locator('.step-toggle').getAttribute('aria-expanded')) !== 'true')
      await step.locator('.step-toggle').click();
    await step.locator('#tpl-language option[value="es"]').waitFor({ state: 'attached' });
    await step.locator('#tpl-language').selectOption('es');
    await sidebar.waitForFunction(() =>
      (
        globalThis as unknown as { document: { querySelector(s: string): { value: string } } }
      ).document
        .querySelector('#tpl-subject')
        .value.startsWith('Recordatorio'),
    );
    await step
      .locator('#tpl-body')
      .fill('Hola familia {{family}}: {{date}}, {{time}}, {{where}}. {{bogus}}');
    await expect(step.locator('.error-text').textContent()).resolves.toContain('{{bogus}}');
    await step.locator('button', { hasText: 'Save template' }).click();
    await expect(step.locator('.form-status').textContent()).resolves.toContain('Not saved');
    await step.locator('#tpl-body').fill('Hola familia {{family}}: {{date}}, {{time}}, {{where}}.');
    await step.locator('button', { hasText: 'Preview' }).click();
    await step.locator('.preview-text').waitFor();
    await expect(step.locator('.preview-text').textContent()).resolves.toMatch(
      /^Hola familia .+: (lunes|martes|miércoles|jueves) \d+ de noviembre/,
    );
    await step.locator('button', { hasText: 'Save template' }).click();
    await step.locator('.form-status', { hasText: /^Saved\. / }).waitFor();
    await step.locator('button', { hasText: 'Turn hourly reminders on' }).click();
    await step.locator('button', { hasText: 'Turn hourly reminders off' }).waitFor();
    expect((await axeViolations(sidebar)).map((v) => v.id)).toEqual([]);
    await screenshot(page, 'reminders-templates');
    // Three weeks on the clock, as the preview's clock buttons do.
    await page.evaluate(async () => {
      await fetch('/api/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hours: 24 * 21 }),
      });
    });
    const sent = school.emulator.mail.sent;
    const families = new Set(sent.map((m) => [...m.to].sort().join(',')));
    expect(families.size).toBeGreaterThan(20);
    const perFamily = [...families].map(
      (f) => sent.filter((m) => [...m.to].sort().join(',') === f).length,
    );
    expect(perFamily.every((n) => n % 2 === 0 && n <= 4)).toBe(true);
    expect(sent.some((m) => m.body.startsWith('Hola familia'))).toBe(true);
  });
});
