/**
 * The walkthrough for families the add-on used to reach worst, in a real browser on the preview:
 * a Spanish-speaking family opens the link in its email, answers the Spanish availability form,
 * and is placed; a family without email gets a printed letter, and the office keys its returned
 * slip in through the letter's short link and the family's code, recorded as the family's own
 * answer (same sheet, same columns) and placed like an online one.
 */
import type { Browser } from 'playwright-core';
import type { Preview } from '../../preview/server';
import { parseRoster } from '../../src/core/roster';
import type { PaperLetter, Settings } from '../../src/shared/api';
import { describeBrowser, openPreview, openTab, screenshot, submitForm as submit } from './browser';
import { call, inPreview, runJob, sheetRows } from './preview';

jest.setTimeout(120_000);

describeBrowser('families reached in their language and on paper', () => {
  it('a Spanish family answers the Spanish form, and a paper family’s slip is keyed in', () =>
    inPreview(60, walkthrough));
});

async function walkthrough(browser: Browser, preview: Preview): Promise<void> {
  const { emulator } = preview.school;
  const rosterSheet = emulator.spreadsheet.sheetByName('Roster')!;
  const families = parseRoster(rosterSheet.values(), null).families;
  const spanish = families.find(
    (f) => f.language === 'es' && f.contacts.some((c) => c.email) && f.studentIds.length === 1,
  )!;
  const paper = families.find((f) => !f.language && f.studentIds.length === 1)!;
  // The paper family: the school has a phone number for it and no email address.
  const header = rosterSheet.values()[0]!.map(String);
  rosterSheet.patch(1, header.length + 1, { v: 'Phone' });
  for (const row of paper.rows) {
    rosterSheet.patch(row, header.length + 1, { v: '555-0142' });
    header.forEach((h, i) => {
      if (/email/i.test(h)) rosterSheet.patch(row, i + 1, { v: '' });
    });
  }

  runJob(preview, 'setup');
  const { settings } = call<{ settings: Settings }>(preview, 'getSettings', []);
  call(preview, 'saveSettings', [{ ...settings, placeResponses: 'at-once' }]);
  runJob(preview, 'forms');
  runJob(preview, 'ask');
  const page = await openPreview(browser, preview.url);

  // The Spanish family follows the link in its email to the Spanish form.
  const address = spanish.contacts.find((c) => c.email)!.email;
  const email = emulator.mail.to(address).at(-1)!;
  const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(email.body)![0];
  await openTab(page, 'Forms');
  const spanishForm = page.locator('.card', { hasText: '¿cuándo pueden venir' });
  await spanishForm.locator('input[name="__url"]').fill(link);
  await spanishForm
    .locator('select[name^="¿Qué horarios les convienen? ["]')
    .first()
    .selectOption('1.ª opción');
  await submit(page, spanishForm.locator('button[type=submit]'));
  await screenshot(page, 'paper-01-spanish-form');

  // The office keys in the paper family's returned slip: the form's short link (on every letter)
  // opens the form, where it types the family's code from the slip and the time it ticked.
  const letter = call<PaperLetter[]>(preview, 'getPaperLetters', []).find(
    (l) => l.familyId === paper.id,
  )!;
  const shortLink = /<code>([^<]+)<\/code>/.exec(letter.html)![1];
  const slip = letter.html.slice(letter.html.indexOf('class="slip"'));
  const code = new RegExp(`Ref\\. ${paper.id} · Family code: ([0-9a-f]+)`).exec(slip)![1];
  expect(shortLink).toMatch(/^https:\/\/forms\.gle\//);
  await page.reload();
  await openTab(page, 'Forms');
  const englishForm = page.locator('.card', { hasText: 'when can you come' });
  await englishForm.locator('input[name="Family code"]').fill(code!);
  await englishForm
    .locator('select[name^="Which times suit you? ["]')
    .first()
    .selectOption('1st choice');
  await submit(page, englishForm.locator('button[type=submit]'));
  await screenshot(page, 'paper-02-slip-keyed-in');

  // Both answers are on the Availability sheet in the same columns, and both families placed.
  const availability = sheetRows(preview, 'Availability');
  for (const family of [spanish, paper]) {
    const mine = availability.filter((r) => r['Family ID'] === family.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ Rank: 1 });
    expect(sheetRows(preview, 'Schedule').filter((r) => r['Family ID'] === family.id)).toHaveLength(
      1,
    );
  }
}
