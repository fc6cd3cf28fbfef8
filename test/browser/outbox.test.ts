/**
 * The preview's Mail and Calendar tabs for a big school: thousands of messages and events are
 * all listed, a message's body is drawn when it comes into sight, the page fetches only the mail
 * it does not hold yet, and every time reads in the school's time zone. The page says which parts
 * stand in for Google.
 */
import type { Browser, Page } from 'playwright-core';
import { openSchool, type School } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import type { SentMessage } from '../../emulator/mail';
import { describeBrowser, launch, openPreview, openTab, settled } from './browser';

jest.setTimeout(120_000);

const MESSAGES = 2_500;
const EVENTS = 2_000;
/** The first event: 20:00 UTC on 17 November is 3:00 PM in New York (EST, UTC-5). */
const FIRST_EVENT = Date.UTC(2026, 10, 17, 20, 0);

function message(id: number, subject: string): SentMessage {
  const to = `family${id}@family.example`;
  return {
    id,
    from: 'coordinator@lincoln.school.example',
    name: 'Lincoln Elementary',
    to: [to],
    cc: [],
    bcc: [],
    replyTo: '',
    subject,
    body: `Message ${id} for ${to}`,
    htmlBody: `<p>Message ${id} for ${to}</p>`,
    noReply: false,
    sentAt: new Date(Date.UTC(2026, 10, 2, 14, 0) + id * 1000).toISOString(),
    execution: null,
  };
}

describeBrowser('the Mail and Calendar tabs of a big school', () => {
  let browser: Browser;
  let preview: Preview;
  let school: School;
  let page: Page;

  beforeAll(async () => {
    school = openSchool({ students: 10 });
    const sent = school.emulator.mail.sent;
    for (let id = 1; id <= MESSAGES; id++)
      sent.push(message(id, id === 1 ? '[zh] Dear family' : `Reminder ${id}`));
    const calendar = school.emulator.globals.CalendarApp.getDefaultCalendar();
    for (let i = 0; i < EVENTS; i++) {
      const start = FIRST_EVENT + i * 60_000;
      calendar.createEvent(`Conference ${i + 1}`, new Date(start), new Date(start + 25 * 60_000));
    }
    [browser, preview] = await Promise.all([launch(), startPreview({ school })]);
    page = await openPreview(browser, preview.url);
  });
  afterAll(async () => Promise.all([browser?.close(), preview?.close()]));

  it('says which parts stand in for Google, and shows the virtual clock in the school’s time zone', async () => {
    await page.locator('#clock', { hasText: 'Virtual time' }).waitFor();
    await expect(page.locator('#stand-ins').textContent()).resolves.toContain('LanguageApp');
    // The emulator starts at 14:00 UTC on 2 November 2026: 9:00 AM in New York.
    await expect(page.locator('#clock').textContent()).resolves.toBe(
      'Virtual time: Mon, Nov 2, 2026, 9:00 AM (America/New_York)',
    );
  });

  it('lists every message, drawing a body only near the screen, and the oldest when scrolled to', async () => {
    await openTab(page, 'Mail');
    await expect(page.locator('nav#tabs button[data-tab="Mail"]').textContent()).resolves.toBe(
      `Mail (${MESSAGES})`,
    );
    await page.locator(`#view .cards[data-drawn="${MESSAGES}"]`).waitFor();
    await expect(page.locator('#view .card').count()).resolves.toBe(MESSAGES);
    expect(await page.locator('#view iframe').count()).toBeLessThan(50);

    // Newest first: the oldest, the stand-in translation, is last.
    const oldest = page.locator('#view .card').last();
    await expect(oldest.locator('h3').textContent()).resolves.toBe('[zh] Dear family');
    await expect(oldest.locator('.stand-in').textContent()).resolves.toContain(
      'Stand-in for LanguageApp',
    );
    await oldest.scrollIntoViewIfNeeded();
    await expect(oldest.frameLocator('iframe').locator('body').textContent()).resolves.toBe(
      'Message 1 for family1@family.example',
    );
    expect(await page.locator('#view iframe').count()).toBeLessThan(50);
    // Sent at 14:00:01 UTC: 9:00 AM in the school's zone.
    await expect(oldest.locator('p.muted').first().textContent()).resolves.toContain(
      'Mon, Nov 2, 2026, 9:00 AM',
    );
  });

  it('fetches only the mail sent since it last looked', async () => {
    await settled(page);
    school.emulator.mail.sent.push(message(MESSAGES + 1, 'One more'));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/state')),
      page.locator('#advance-hour').click(),
    ]);
    expect(new URL(response.url()).searchParams.get('mailFrom')).toBe(String(MESSAGES));
    const state = (await response.json()) as { mail: SentMessage[] };
    expect(state.mail.map((m) => m.subject)).toEqual(['One more']);
    await expect(page.locator('nav#tabs button[data-tab="Mail"]').textContent()).resolves.toBe(
      `Mail (${MESSAGES + 1})`,
    );
    await page.locator(`#view .cards[data-drawn="${MESSAGES + 1}"]`).waitFor();
    await expect(page.locator('#view .card h3').first().textContent()).resolves.toBe('One more');
  });

  it('lists every event with its time in the school’s time zone', async () => {
    await page.locator('nav#tabs button[data-tab="Calendar"]').click();
    await page.locator(`#view .cards[data-drawn="${EVENTS}"]`).waitFor();
    await expect(page.locator('#view .card').count()).resolves.toBe(EVENTS);
    const first = page.locator('#view .card', { hasText: 'Conference 1' }).first();
    await expect(first.locator('p.muted').textContent()).resolves.toBe(
      'Tue, Nov 17, 2026, 3:00 PM – 3:25 PM',
    );
  });
});
