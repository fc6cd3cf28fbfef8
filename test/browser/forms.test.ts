/**
 * Issue 8 in a real browser, on the preview: a family answers the availability form through its
 * own link and is placed at once; after the conference it answers the questionnaire; the
 * coordinator's Summary tab shows the answer, the follow-up request and the two charts.
 */
import type { Browser } from 'playwright-core';
import type { Preview } from '../../preview/server';
import type { Settings } from '../../src/shared/api';
import { describeBrowser, openPreview, openTab, screenshot, submitForm as submit } from './browser';
import { markAttended } from '../server/calls';
import { call, inPreview, runJob, sheetRows } from './preview';

jest.setTimeout(90_000);

describeBrowser('the family forms in the preview', () => {
  it('a family answers both forms and the Summary shows its answer, its follow-up request and the charts', () =>
    inPreview(60, familyAnswersBothForms));
});

async function familyAnswersBothForms(browser: Browser, preview: Preview): Promise<void> {
  runJob(preview, 'setup');
  const { settings } = call(preview, 'getSettings', []) as { settings: Settings };
  call(preview, 'saveSettings', [{ ...settings, placeResponses: 'at-once' }]);
  runJob(preview, 'forms');
  const page = await openPreview(browser, preview.url);

  await openTab(page, 'Forms');
  const availability = page.locator('.card', { hasText: 'when can you come' });
  const family = availability.locator('p.muted button').first();
  const familyId = await family.textContent();
  await family.click();
  const firstTime = availability.locator('select[name^="Which times suit you? ["]').first();
  await firstTime.selectOption('1st choice');
  await submit(page, availability.locator('button[type=submit]'));
  const placed = sheetRows(preview, 'Schedule').filter((r) => r['Family ID'] === familyId);
  expect(placed.length).toBeGreaterThan(0);
  // The card counts its one answer in the singular, and its link is the family's from its email.
  // The card is drawn again once the page has the new state: waited for, not read at once
  // (the wait's end is not the check: the line below says what the card shows).
  await availability
    .locator('> p.muted', { hasText: /^1 response$/ })
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await expect(availability.locator('> p.muted').first().textContent()).resolves.toBe('1 response');
  await expect(availability.locator('label[for$="-url"]').textContent()).resolves.toBe(
    'Family’s own link (from its availability email, or pick a family below)',
  );
  await screenshot(page, 'forms-01-availability');

  preview.school.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
  // The teachers mark attendance: the questionnaire asks about conferences marked attended.
  markAttended(preview.school);
  runJob(preview, 'questionnaire');
  const conference = sheetRows(preview, 'Schedule').find((r) => r['Family ID'] === familyId)!;
  await page.reload();
  await openTab(page, 'Forms');
  const questionnaire = page.locator('.card', { hasText: 'how did the Fall conference go' });
  await questionnaire.locator('input[name="__url"]').fill(String(conference['Feedback Link']));
  await questionnaire.locator('select[name="How did the conference go?"]').selectOption('5');
  await questionnaire
    .locator('select[name="Would you like a follow-up meeting with the teacher?"]')
    .selectOption('Yes');
  await questionnaire
    .locator('input[name="If yes, when would suit you?"]')
    .fill('Thursday morning');
  await questionnaire
    .locator('textarea[name="What did your child share, and what goal did they set?"]')
    .fill('<b>Read every night</b>');
  await submit(page, questionnaire.locator('button[type=submit]'));

  await page.reload();
  await openTab(page, 'Summary');
  const view = page.locator('#view');
  await expect(view.locator('figure.chart figcaption').allTextContents()).resolves.toEqual([
    'Participation per teacher',
    'Average rating per teacher (1–5)',
  ]);
  const followUp = view.locator('tr', { hasText: 'Thursday morning' });
  await expect(followUp.textContent()).resolves.toContain(String(conference.Family));
  await expect(view.locator('td', { hasText: '<b>Read every night</b>' }).count()).resolves.toBe(1);
  await screenshot(page, 'forms-02-summary');
}
