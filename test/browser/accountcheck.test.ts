/**
 * "Check this Google account" clicked in the preview's Extensions menu, on the emulator set as
 * Google (sample/round.ts asGoogle): the report opens in a dialog over the spreadsheet, names
 * each check in plain words, and the check leaves the calendars, events and triggers as it
 * found them (its one closed, empty form aside, which the report names).
 */
import type { Browser, Page } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import { asGoogle } from '../../sample/round';
import { describeBrowser, launch, openPreview, settled } from './browser';

jest.setTimeout(60_000);

describeBrowser('Check this Google account, from the preview menu', () => {
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

  it('shows the report in a dialog with a copy button, and leaves nothing behind but its named form', async () => {
    preview = await startPreview({ school: asGoogle(openSchool({ students: 6 })) });
    const { emulator } = preview.school;
    const left = () =>
      JSON.stringify({
        calendars: emulator.calendar.calendars().map((c) => c.id),
        events: emulator.calendar.events().map((e) => e.id),
        triggers: emulator.triggers.triggers,
      });
    page = await openPreview(browser, preview.url);
    await settled(page);
    const before = left();
    const forms = emulator.forms.forms().length;

    await page
      .getByRole('button', {
        name: 'Extensions › Student-Led Conferences › Check this Google account',
      })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Check this Google account' });
    await dialog.waitFor({ state: 'visible' });
    const frame = page.frameLocator('#dialog-frame');
    const report = await frame.locator('textarea#report').inputValue();
    await expect(frame.getByRole('button', { name: 'Copy report' }).isVisible()).resolves.toBe(
      true,
    );

    for (const line of [
      '[OK] Email: ',
      '[OK] Triggers: A trigger was installed, listed and removed.',
      '[OK] Google Calendar: A calendar and a private event were made and read back.',
      '[OK] Google Forms: ',
      'A new form starts unpublished',
      '[LOOK] Left behind: One empty, closed form named',
    ])
      expect(report).toContain(line);
    expect(report).not.toContain('[PROBLEM]');
    expect(left()).toBe(before);
    expect(
      emulator.forms
        .forms()
        .slice(forms)
        .map((f) => f.acceptingResponses),
    ).toEqual([false]);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
