/**
 * The print dialogs in a real browser, under both answers to an unsettled question
 * (docs/EMULATOR.md row 54): the frame Google shows a dialog in lets `window.print()` open the
 * print window, or ignores it (a sandbox without allow-modals; `ui.dialogsAllowModals`). Either
 * way the dialog tells the user, on screen and not on paper, how to print without the button.
 */
import type { Browser } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { run } from '../server/calls';
import { describeBrowser, launch } from './browser';

jest.setTimeout(90_000);

/** What Chromium logs when a sandboxed frame may not open the print window. */
const IGNORED = /Ignored call to 'print\(\)'/;

describeBrowser('printing from the packets dialog', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { frame: 'lets the page print', allow: true },
    { frame: 'ignores window.print()', allow: false },
  ])('the dialog’s frame $frame', async ({ allow }) => {
    const school = openSchool({ students: 6, teachers: 1 });
    run(school, 'setup');
    run(school, 'schedule');
    const ui = school.emulator.sheets.ui;
    ui.dialogsAllowModals = allow;
    school.bundle.run('showPackets');
    const page = await browser.newPage();
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    // A print window Chromium opens is cancelled at once, so the click returns.
    await page.setContent(ui.framed(ui.dialogs.at(-1)!));
    const frame = page.frameLocator('iframe[title="dialog"]');
    await frame.getByRole('button', { name: 'Print' }).click();
    await page.waitForTimeout(200);
    expect(logged.some((m) => IGNORED.test(m))).toBe(!allow);
    const help = frame.getByText(/If no print window opens, .*Ctrl\+P/);
    await expect(help.isVisible()).resolves.toBe(true);
    // Not on the paper.
    await page.emulateMedia({ media: 'print' });
    await expect(help.isVisible()).resolves.toBe(false);
    await page.close();
  });
});
