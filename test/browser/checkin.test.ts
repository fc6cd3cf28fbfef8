/**
 * The teacher's side of a round in the sidebar on a phone-sized screen (375 px wide): in the
 * check-in view a teacher is chosen, then a conference is marked in one more click, and the
 * Schedule's Status cell says so, nothing running off the side of the screen; the walkthrough
 * marks attendance there, lists the follow-up request the questionnaire brought with the Summary
 * step's button (its owner emailed), shows it in red once overdue, and closes it.
 */
import type { Browser, Page } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import type { JobProgress, Result } from '../../src/shared/api';
import { axeViolations, describeBrowser, launch, serious } from './browser';

jest.setTimeout(90_000);

function ok<T>(result: unknown): T {
  const r = result as Result<T>;
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}

/** A school of two teachers on `days`, scheduled, at 4 PM on `now`. */
function scheduledSchool(days = ['2026-11-17'], now = '2026-11-17') {
  const school = openSchool({ students: 40, teachers: 2, days });
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(school.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(school.bundle.callFromClient('runJob', ['schedule']));
  school.emulator.ws.clock.set(Date.parse(`${now}T16:00:00-05:00`));
  return school;
}

describeBrowser("the teacher's side of the sidebar at phone width", () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    await page?.close();
    await preview?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openSidebar(school: ReturnType<typeof openSchool>): Promise<void> {
    preview = await startPreview({ school });
    page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(new URL('/sidebar', preview.url).href);
    await page.waitForSelector('li.step');
  }

  it('marks a conference no-show in two clicks, in the Status cell', async () => {
    const school = scheduledSchool();
    const sheet = school.emulator.spreadsheet.sheetByName('Schedule')!;
    const [h, ...rows] = sheet.values();
    const teachers = [...new Set(rows.map((r) => String(r[h!.indexOf('Teacher')])))].sort();
    const theirs = rows.filter((r) => r[h!.indexOf('Teacher')] === teachers[1]);

    await openSidebar(school);
    await page.locator('[data-step="checkin"] .step-toggle').click();
    const picker = page.locator('#checkin-teacher');
    await picker.waitFor();
    // Click one: the teacher.
    await picker.selectOption(teachers[1]!);
    const first = page.locator('.checkin-list li').first();
    await page
      .locator('.checkin-list li')
      .nth(theirs.length - 1)
      .waitFor();
    await expect(page.locator('.checkin-list li').count()).resolves.toBe(theirs.length);
    const id = (await first.getAttribute('data-conference'))!;
    expect(theirs.map((r) => r[h!.indexOf('Conference ID')])).toContain(id);
    // Click two: the mark.
    await first.locator('button[data-mark="no-show"]').click();
    await first.locator('button[data-mark="no-show"][aria-pressed="true"]').waitFor();
    const row = sheet.values().find((r) => r[h!.indexOf('Conference ID')] === id)!;
    expect(row[h!.indexOf('Status')]).toBe('no-show');

    // Usable on a phone: nothing wider than the screen, each button whole on it.
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(375);
    for (const b of await first.locator('button').all()) {
      const box = (await b.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.height).toBeGreaterThanOrEqual(32);
    }
    expect(serious(await axeViolations(page.mainFrame()))).toEqual([]);
  });

  it('after both days, a day picked lists that day’s conferences, and a mark there reaches its Status cell', async () => {
    const school = scheduledSchool(['2026-11-17', '2026-11-19'], '2026-11-20');
    const sheet = school.emulator.spreadsheet.sheetByName('Schedule')!;
    const [h, ...rows] = sheet.values();
    const at = (r: unknown[], name: string) => String(r[h!.indexOf(name)]);
    const day = (r: unknown[]) => {
      const d = r[h!.indexOf('Date')];
      return d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
    };

    await openSidebar(school);
    await page.locator('[data-step="checkin"] .step-toggle').click();
    const days = page.locator('#checkin-day');
    await days.waitFor();
    // Opens on the latest day with conferences unmarked; the other day is one pick away.
    await expect(days.inputValue()).resolves.toBe('2026-11-19');
    await expect(days.locator('option').allTextContents()).resolves.toEqual([
      'Tue, Nov 17, 2026',
      'Thu, Nov 19, 2026',
    ]);
    await days.selectOption('2026-11-17');
    await page.locator('#checkin-day:not([disabled])').waitFor();
    await expect(days.inputValue()).resolves.toBe('2026-11-17');
    const teacher = await page.locator('#checkin-teacher').inputValue();
    const theirs = rows.filter((r) => day(r) === '2026-11-17' && at(r, 'Teacher') === teacher);
    expect(theirs.length).toBeGreaterThan(0);
    const ids = await page
      .locator('.checkin-list li')
      .evaluateAll((items) =>
        items.map(
          (li) => (li as unknown as { dataset: { conference: string } }).dataset.conference,
        ),
      );
    expect(ids.sort()).toEqual(theirs.map((r) => at(r, 'Conference ID')).sort());
    const first = page.locator('.checkin-list li').first();
    const id = (await first.getAttribute('data-conference'))!;
    await first.locator('button[data-mark="attended"]').click();
    await first.locator('button[data-mark="attended"][aria-pressed="true"]').waitFor();
    const row = sheet.values().find((r) => at(r, 'Conference ID') === id)!;
    expect(at(row, 'Status')).toBe('attended');
    // The day picked stays picked when another teacher is chosen.
    const other = rows.find((r) => day(r) === '2026-11-17' && at(r, 'Teacher') !== teacher)!;
    await page.locator('#checkin-teacher').selectOption(at(other, 'Teacher'));
    await page
      .locator(`.checkin-list li[data-conference="${at(other, 'Conference ID')}"]`)
      .waitFor();
    await expect(days.inputValue()).resolves.toBe('2026-11-17');
  });

  it('marks attendance from the check-in view and closes an overdue follow-up', async () => {
    const school = scheduledSchool();
    const schedule = school.emulator.spreadsheet.sheetByName('Schedule')!;
    const [h] = schedule.values();
    const statusOf = (id: string) =>
      schedule.values().find((r) => r[h!.indexOf('Conference ID')] === id)![h!.indexOf('Status')];

    await openSidebar(school);

    // Check-in: the first teacher is shown; one click marks their first conference attended.
    await page.locator('[data-step="checkin"] .step-toggle').click();
    const conference = page.locator('.checkin-list li').first();
    await conference.waitFor();
    const id = (await conference.getAttribute('data-conference'))!;
    const teacher = await page.locator('#checkin-teacher').inputValue();
    await conference.locator('button[data-mark="attended"]').click();
    await conference.locator('button[data-mark="attended"][aria-pressed="true"]').waitFor();
    expect(statusOf(id)).toBe('attended');

    // The family asks for a follow-up in the questionnaire (as the form trigger records it).
    const feedback = school.emulator.spreadsheet.sheetByName('Feedback')!;
    const fh = feedback.values()[0]!.map(String);
    const answer: Record<string, string> = {
      Answered: '2026-11-17 18:00:00',
      'Conference ID': id,
      'Follow-up': 'Yes',
      'Follow-up When': 'Thursday after school',
    };
    feedback.appendRow(fh.map((x) => answer[x] ?? ''));

    // The Summary step's button lists it and tells its owner, the host teacher.
    await page.locator('li[data-step="summary"] .step-toggle').click();
    await page
      .locator('li[data-step="summary"] button', { hasText: 'List follow-up requests' })
      .click();
    await page.locator('li[data-step="summary"] .result').waitFor();
    const [th, ...trows] = school.emulator.spreadsheet.sheetByName('Teachers')!.values();
    const address = String(
      trows.find((r) => r[th!.indexOf('Teacher')] === teacher)![th!.indexOf('Email')],
    );
    expect(
      school.emulator.mail
        .to(address)
        .map((m) => m.body)
        .join(),
    ).toContain('Thursday after school');

    // A week and more later it is overdue: in red, and said so; Done closes it.
    const sheet = school.emulator.spreadsheet.sheetByName('Follow-ups')!;
    const [fuh] = sheet.values();
    school.emulator.ws.clock.set(Date.parse('2026-11-26T09:00:00-05:00'));
    await page.locator('[data-step="followups"] .step-toggle').click();
    const request = page.locator(`[data-owner="${teacher}"] li`).first();
    await request.waitFor();
    // The request names its child as the Roster does ("Sánchez, Tomás" is Tomás Sánchez).
    const ids = String(
      schedule.values().find((r) => r[h!.indexOf('Conference ID')] === id)![
        h!.indexOf('Student IDs')
      ],
    ).split(/[;,]\s*/);
    const [rh, ...roster] = school.emulator.spreadsheet.sheetByName('Roster')!.values();
    const child = roster.find((r) => String(r[0]) === ids[0])!;
    const name = String(child[rh!.indexOf('Student Name')]).split(', ').reverse().join(' ');
    await expect(request.locator('strong').textContent()).resolves.toBe(
      ids.length === 1 ? name : expect.stringContaining(name),
    );
    await expect(request.locator('.due').textContent()).resolves.toContain('Overdue');
    await expect(
      request
        .locator('.due')
        .evaluate(
          (e) =>
            (
              globalThis as unknown as { getComputedStyle(x: unknown): { color: string } }
            ).getComputedStyle(e).color,
        ),
    ).resolves.toBe('rgb(197, 34, 31)');
    await request.locator('button[data-mark="done"]').click();
    await page.locator('.followups-message', { hasText: 'done' }).waitFor();
    await expect(page.locator(`[data-owner="${teacher}"] li`).count()).resolves.toBe(0);
    expect(sheet.values()[1]![fuh!.indexOf('Status')]).toBe('done');
  });
});
