/**
 * What `npm start` shows a newcomer, in a real browser: the default sample school played from
 * Set up to Summary in the page with no problem left (attendance typed into the Schedule as in
 * Sheets), then the messy sample opened from the page's menu and its hints followed by editing
 * cells as in Sheets (a double-click, typing, Enter; Escape writes nothing), until the problems
 * are gone.
 *
 * The `it`s run in order and share one preview; the later ones open the messy school in it.
 */
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/server';
import { SAMPLES } from '../../sample/school';
import { mkdirSync } from 'node:fs';
import type { Overview, Result } from '../../src/shared/api';
import {
  describeBrowser,
  launch,
  openPreview,
  openStep,
  reopenSidebar,
  screenshot,
  settled,
  SHOTS,
  sidebarOf,
  stepOf,
} from './browser';

jest.setTimeout(120_000);

describeBrowser('the sample schools a first look opens', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let sidebar: Frame;

  const sheet = (name: string) => preview.school.emulator.spreadsheet.sheetByName(name)!;
  /** Every step's problems and state, as the server has them (the truth the page is checked against). */
  const overview = () => {
    const r = preview.school.bundle.callFromClient('getOverview', []) as Result<Overview>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value.steps;
  };

  const step = (id: string): Locator => stepOf(sidebar, id);
  const open = (id: string): Promise<Locator> => openStep(sidebar, id);
  /** Clicks a step's button and waits for its result line (the job has run to the end). */
  async function run(id: string, label: string): Promise<string> {
    const s = await open(id);
    await s.locator('button.primary', { hasText: label }).click();
    const result = s.locator('.result');
    await result.waitFor();
    await settled(page);
    return (await result.textContent()) ?? '';
  }
  async function reopen(): Promise<void> {
    sidebar = await reopenSidebar(page);
  }
  /** A cell typed in the page as in Sheets: double-click, type, Enter. */
  async function type(tab: string, row: number, column: number, value: string): Promise<void> {
    await page.locator(`nav#tabs button[data-tab="${tab}"]`).click();
    const cell = page.locator(`#view td[data-row="${row}"][data-column="${column}"]`);
    await cell.dblclick();
    await cell.locator('input').fill(value);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/cell')),
      cell.locator('input').press('Enter'),
    ]);
    await settled(page);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // As npm start opens it: no school handed in, so the default sample.
    [browser, preview] = await Promise.all([launch(), startPreview()]);
    page = await openPreview(browser, preview.url);
    sidebar = await sidebarOf(page);
    await settled(page);
  });
  afterAll(async () => Promise.all([browser?.close(), preview?.close()]));

  it('the default school: a round from Set up to Summary leaves no problem and no step needing attention', async () => {
    const students = SAMPLES.lincoln.students;
    await expect(page.locator('#sample').inputValue()).resolves.toBe('lincoln');
    expect(sheet('Roster').lastRow()).toBe(students + 1);

    await run('setup', 'Set up the sheets');
    await run('availability', 'Create the family forms');
    // Opened anew, the page shows the school's own first sheet, not an empty response sheet
    // that Google put in front of it.
    expect(preview.school.emulator.spreadsheet.sheets[0]!.name).toMatch(/^Form Responses \d+$/);
    await page.reload();
    sidebar = await sidebarOf(page);
    await settled(page);
    await expect(page.locator('nav#tabs button[aria-selected="true"]').textContent()).resolves.toBe(
      'Roster',
    );
    await expect(run('availability', 'Ask families when they can come')).resolves.toMatch(
      /^Asked \d+ families when they can come/,
    );
    // Before the schedule, the questionnaire itself waits for the conferences.
    await expect(step('questionnaire').locator('.badge').textContent()).resolves.toBe('Later');
    await expect(run('schedule', 'Build the schedule')).resolves.toBe(
      `Scheduled ${students} of ${students} students in ${students} conferences.`,
    );
    await expect(step('summary').locator('.badge').textContent()).resolves.toBe('Later');
    // The picture at the top of the README (docs/preview.png is copied from this one).
    await page.locator('nav#tabs button[data-tab="Schedule"]').click();
    await screenshot(page, 'samples-schedule-built');
    // One step open at a time, brought into sight in a short window: the last one too.
    await page.setViewportSize({ width: 1280, height: 420 });
    const summary = await open('summary');
    await expect(sidebar.locator('.step-toggle[aria-expanded="true"]').count()).resolves.toBe(1);
    const top = await summary.evaluate(
      (li) =>
        (li as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThan(-2);
    expect(top).toBeLessThan(10);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(run('invites', 'Send invites')).resolves.toMatch(/invitations sent\.$/);

    // The sidebar opened anew changes no sheet and no event: the page's state comes back
    // without them (it keeps what it holds), and the Calendar tab still lists every event.
    const answers: Promise<{ same: string[]; calendar?: unknown; spreadsheet?: unknown }>[] = [];
    const listen = (r: { url(): string; json(): Promise<unknown> }) => {
      if (r.url().includes('/api/state')) answers.push(r.json() as never);
    };
    page.on('response', listen);
    await reopen();
    page.off('response', listen);
    const last = await answers.at(-1)!;
    expect(last.same).toEqual(expect.arrayContaining(['spreadsheet', 'calendar', 'forms']));
    expect([last.calendar, last.spreadsheet]).toEqual([undefined, undefined]);
    await page.locator('nav#tabs button[data-tab="Calendar"]').click();
    const events = preview.school.emulator.calendar.events().length;
    await expect(page.locator('#view .cards').getAttribute('data-drawn')).resolves.toBe(
      String(events),
    );

    // The conference days pass (the clock the page's buttons move: round.test.ts clicks them),
    // and the teachers mark attendance in the Schedule's Status column: two cells typed in the
    // page, the rest as pasted in Sheets.
    const { triggers, ws } = preview.school.emulator;
    triggers.advanceTo(ws.clock.now() + 20 * 86_400_000);
    const status = sheet('Schedule').values()[0]!.indexOf('Status') + 1;
    await type('Schedule', 2, status, 'attended');
    await type('Schedule', 3, status, 'attended');
    expect(sheet('Schedule').values()[1]![status - 1]).toBe('attended');
    for (let row = 4; row <= students + 1; row++)
      sheet('Schedule').put(row, status, { v: 'attended' });
    await reopen();

    await expect(run('questionnaire', 'Send the questionnaire')).resolves.toMatch(
      /^Sent the questionnaire to \d+ families\.$/,
    );
    await expect(run('summary', 'uild the summary')).resolves.toMatch(
      new RegExp(`^Summary rebuilt: ${students} conferences, ${students} attended, 0 no-show`),
    );
    await reopen();

    // What the sidebar shows: every step Done, no problem listed anywhere.
    const badges = await sidebar.locator('li.step .badge').allTextContents();
    expect(badges).toEqual(overview().map(() => 'Done'));
    await expect(sidebar.locator('.problems').count()).resolves.toBe(0);
    for (const s of overview()) expect([s.id, s.problemCount]).toEqual([s.id, 0]);
    await expect(
      open('summary').then((s) => s.locator('.headline').first().textContent()),
    ).resolves.toBe(
      `${students} of ${students} conferences attended; 0 questionnaire answers; 0 follow-up requests to act on.`,
    );

    // No family has answered yet: the rating chart draws no teacher at 0.
    await page.locator('nav#tabs button[data-tab="Summary"]').click();
    const ratings = page.locator('figure.chart', { hasText: 'Average rating per teacher' });
    const teachers = new Set(
      sheet('Teachers')
        .values()
        .slice(1)
        .map((r) => r[0]),
    ).size;
    await expect(ratings.locator('.bar-row').count()).resolves.toBe(teachers);
    await expect(ratings.locator('.bar-row .bar').count()).resolves.toBe(0);
    await expect(ratings.locator('.bar-row .no-value').allTextContents()).resolves.toEqual(
      Array.from({ length: teachers }, () => 'none yet'),
    );
  });

  it('opens the messy school from the menu, as a fresh spreadsheet', async () => {
    await page.locator('#sample').selectOption('messy');
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): unknown } })
        .document;
      return d.querySelector('iframe#sidebar[src]') !== null;
    });
    sidebar = await sidebarOf(page);
    await settled(page);
    // Another spreadsheet: the messy school's roster, nothing of the round just played.
    expect(sheet('Roster').lastRow()).toBe(SAMPLES.messy.students + 1);
    expect(preview.school.emulator.mail.sent).toHaveLength(0);
    await expect(step('setup').locator('.badge').textContent()).resolves.toBe('To do');
    await expect(
      page.locator('#view td[data-row="1"][data-column="1"]').textContent(),
    ).resolves.toBe(String(sheet('Roster').values()[0]![0]));

    await run('setup', 'Set up the sheets');
  });

  it('follows a "fix it in the sheet" hint: the problem selects its cell, a double-click and Enter fix it', async () => {
    const rosterProblems = async () =>
      (await open('roster')).locator('.problems button.link').allTextContents();
    const maybe = (await rosterProblems()).find((p) => p.includes('neither yes nor no'));
    expect(maybe).toContain('"Maybe"');
    await step('roster')
      .locator('.problems button.link', { hasText: 'neither yes nor no' })
      .click();
    const active = page.locator('#view td.active');
    await active.waitFor();
    await expect(active.textContent()).resolves.toBe('Maybe');
    // The sample's mistake: Roster row 5, column I (Needs Interpreter).
    expect(preview.school.emulator.spreadsheet.activeRange?.a1).toBe('I5');
    await type('Roster', 5, 9, 'Yes');
    expect(sheet('Roster').values()[4]![8]).toBe('Yes');
    await expect(
      page.locator('#view td[data-row="5"][data-column="9"]').textContent(),
    ).resolves.toBe('Yes');
    // The sidebar still shows the problem until the sheet is read again.
    expect((await rosterProblems()).filter((p) => p.includes('neither yes nor no'))).toHaveLength(
      1,
    );
    // The Roster step's own Check again reads it: the problem is gone, the others stay.
    const roster = await open('roster');
    await roster.locator('button.secondary', { hasText: 'Check again' }).click();
    await roster.locator('.result').waitFor();
    await settled(page);
    const left = await rosterProblems();
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((p) => p.includes('neither yes nor no'))).toEqual([]);
    // The messy roster's other mistake, the address without its @, is the one left.
    expect(overview().find((s) => s.id === 'roster')!.problemCount).toBe(1);
    await expect(roster.locator('.result').textContent()).resolves.toBe(
      'Read the Roster sheet again: 1 problem to fix.',
    );
    // The sidebar, opened anew, reads the sheet too.
    await reopen();
    expect((await rosterProblems()).filter((p) => p.includes('neither yes nor no'))).toEqual([]);
  });

  it('Check again that cannot read the sheet says so, shows no old result as new, and a later read clears the error', async () => {
    const roster = await open('roster');
    const alert = sidebar.locator('.error[role="alert"]');
    // The next read of the overview waits until let go, then fails as a timed-out service does.
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    await page.route('**/api/run', async (route) => {
      if ((route.request().postDataJSON() as { name: string }).name !== 'getOverview')
        return route.continue();
      await held;
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, message: 'Service Spreadsheets timed out.' }),
      });
    });
    try {
      await roster.locator('button.secondary', { hasText: 'Check again' }).click();
      // While the sheet is read, the button says so and cannot be pressed again.
      const reading = roster.locator('button.secondary', { hasText: 'Reading…' });
      await reading.waitFor();
      await expect(reading.isDisabled()).resolves.toBe(true);
    } finally {
      // Let go even when a check above failed, so the later tests read the sheet as it is.
      letGo();
      await alert.waitFor();
      await page.unroute('**/api/run');
    }
    await settled(page);
    await expect(alert.locator('p').textContent()).resolves.toBe(
      'Could not reach the add-on: Service Spreadsheets timed out.',
    );
    await expect(roster.locator('.result').count()).resolves.toBe(0);
    const again = roster.locator('button.secondary', { hasText: 'Check again' });
    await expect(again.isEnabled()).resolves.toBe(true);
    // Read again, the sheet is as before: its one problem, and the error gone.
    await again.click();
    await roster.locator('.result').waitFor();
    await settled(page);
    await expect(roster.locator('.result').textContent()).resolves.toBe(
      'Read the Roster sheet again: 1 problem to fix.',
    );
    await expect(alert.count()).resolves.toBe(0);
  });

  it('leaves a cell as it was when the edit is given up with Escape', async () => {
    await page.locator('nav#tabs button[data-tab="Teachers"]').click();
    const name = page.locator('#view td[data-row="2"][data-column="1"]');
    const before = sheet('Teachers').values()[1]![0];
    await name.dblclick();
    await name.locator('input').fill('Somebody else');
    await name.locator('input').press('Escape');
    await settled(page);
    await expect(name.textContent()).resolves.toBe(String(before));
    expect(sheet('Teachers').values()[1]![0]).toBe(before);
  });

  it('a full teacher, as the schedule preview says, fits once her capacity is raised in the Teachers sheet', async () => {
    const schedule = await open('schedule');
    await schedule.locator('button', { hasText: 'Preview the schedule' }).click();
    const unplaced = schedule.locator('.preview .problems li');
    await schedule.locator('.preview .headline').waitFor();
    const full = /Ms\. Patel's windows are full: (\d+) conferences for (\d+) places/;
    const placed = async () =>
      Number(
        /^(\d+) of/.exec((await schedule.locator('.preview .headline').textContent()) ?? '')?.[1],
      );
    const before = await unplaced.allTextContents();
    const patel = before.find((p) => full.test(p)) ?? '';
    const [, wanted = 0, places = 0] = (full.exec(patel) ?? []).map(Number);
    expect(wanted).toBeGreaterThan(places);
    const placedBefore = await placed();

    // The hint: raise the capacity (families at once) of her windows, on the Teachers sheet.
    const teachers = sheet('Teachers').values();
    const capacity = teachers[0]!.indexOf('Capacity') + 1;
    const rows = teachers.flatMap((r, i) => (r[0] === 'Ms. Patel' ? [i + 1] : []));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) await type('Teachers', row, capacity, '2');
    expect(rows.map((row) => sheet('Teachers').values()[row - 1]![capacity - 1])).toEqual(
      rows.map(() => 2),
    );

    // Previewed again: her students fit, and the problem is gone.
    await schedule.locator('button', { hasText: 'Preview again' }).click();
    await settled(page);
    await expect(placed()).resolves.toBe(placedBefore + (wanted - places));
    const after = await unplaced.allTextContents();
    expect(after.filter((p) => /Ms\. Patel's windows/.test(p))).toEqual([]);
  });
});
