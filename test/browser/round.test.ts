/**
 * Issue 9's walkthrough: a whole round in the preview, in a real browser, as the people who run
 * it would play it. A teacher works only through the sidebar, by clicking (and the keyboard for
 * set-up); a family answers its forms in the Forms tab and reads its invitation and reminders
 * in the Calendar and Mail views; the coordinator reads the Summary tab. After each sidebar
 * step: a screenshot (test-output/screenshots/round-NN-<step>.png), an axe-core check of the
 * sidebar, and what the step says checked against the emulator's state.
 *
 * The `it`s run in order and share one school; each one is a part of the round.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { openSchool, type School } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import { isAvailabilityRequest, isReminder } from '../../sample/round';
import {
  axeViolations,
  describeBrowser,
  inOrder,
  launch,
  openPreview,
  openStep,
  openTab,
  reopenSidebar,
  screenshot,
  stepCounts,
  serious,
  SHOTS,
  sidebarOf,
  stepOf,
  submitForm,
} from './browser';

jest.setTimeout(90_000);

const STUDENTS = 48;

describeBrowser('a whole round in the preview: teacher, family, coordinator', () => {
  let browser: Browser;
  let preview: Preview;
  let school: School;
  let page: Page;
  let sidebar: Frame;
  let shot = 0;
  /** The family who answers its forms in the page, as the round learns about it. */
  const family = {
    id: '',
    emails: [] as string[],
    students: [] as string[],
    others: [] as string[],
    name: '',
    teacher: '',
  };

  // ---- What the emulator holds (the truth the page is checked against) ----
  const rows = (name: string): Record<string, unknown>[] => {
    const [header = [], ...body] = school.emulator.spreadsheet.sheetByName(name)!.values();
    return body.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  };
  const schedule = () => rows('Schedule');
  const ours = () => schedule().filter((r) => r['Family ID'] === family.id);
  const families = () => new Set(schedule().map((r) => r['Family ID'])).size;
  const clock = () => school.emulator.ws.clock.now();

  // ---- The sidebar, as a teacher uses it ----
  const step = (id: string): Locator => stepOf(sidebar, id);
  const open = (id: string): Promise<Locator> => openStep(sidebar, id);
  const badge = (s: Locator) => s.locator('.badge').textContent();
  const headline = (s: Locator) => s.locator('.panel > .headline').textContent();
  const counts = stepCounts;
  /** Clicks a step's button and waits for its result line (the job has run to the end). */
  async function run(s: Locator, button: Locator): Promise<string> {
    await button.click();
    const result = s.locator('.result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }
  /** What a teacher does to see the sidebar anew: close it and open it from the menu. */
  async function reopen(): Promise<void> {
    sidebar = await reopenSidebar(page);
  }
  /** A family's or coordinator's view: a screenshot only (the sidebar is not theirs). */
  async function snap(name: string): Promise<void> {
    shot++;
    await screenshot(page, `round-${String(shot).padStart(2, '0')}-${name}`);
  }
  /** After each sidebar step: a screenshot, and no serious or critical axe-core violation. */
  async function checkpoint(name: string): Promise<void> {
    await snap(name);
    expect(serious(await axeViolations(sidebar))).toEqual([]);
  }
  /** A part of the round: once one fails, the later ones say so instead of failing in its wake. */
  const part = inOrder();
  /** The cards of the Mail or Calendar view that concern one family (its address on them). */
  const cardsFor = (email: string) => page.locator('#view .card', { hasText: email });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    school = openSchool({ students: STUDENTS });
    // The sample's export is clean; real ones are not: a "Maybe" in one Needs Interpreter cell
    // gives the Roster step a problem to click (row 5 of the sheet, column I).
    const roster = school.emulator.spreadsheet.sheetByName('Roster')!;
    expect(roster.values()[0]![8]).toBe('Needs Interpreter');
    roster.put(5, 9, { v: 'Maybe' });
    [browser, preview] = await Promise.all([launch(), startPreview({ school })]);
    page = await openPreview(browser, preview.url);
    sidebar = await sidebarOf(page);
  });
  afterAll(async () => Promise.all([browser?.close(), preview?.close()]));

  part(
    'teacher: sets up with the keyboard, reads the roster (a problem selects its cell) and the conference days, makes the family forms',
    async () => {
      const setup = step('setup');
      await expect(badge(setup)).resolves.toBe('To do');
      await setup.locator('button.primary').focus();
      await page.keyboard.press('Enter');
      await setup.locator('.badge', { hasText: 'Done' }).waitFor();
      await expect(setup.locator('.result').textContent()).resolves.toContain(
        'Created Schedule, Availability, Feedback, Student Prep, Reflections, Summary',
      );
      await checkpoint('setup');

      // The Roster step, opened from the keyboard too.
      const toggle = step('roster').locator('.step-toggle');
      await toggle.focus();
      await page.keyboard.press('Enter');
      const roster = step('roster');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      // One warning listed: the step is not Done until it is looked at.
      await expect(badge(roster)).resolves.toBe('Needs attention');
      await expect(headline(roster)).resolves.toMatch(
        new RegExp(
          `^${STUDENTS} students in \\d+ families, ready to schedule; 1 warning to check\\.$`,
        ),
      );
      const rosterCounts = await counts(roster);
      expect(rosterCounts).toMatchObject({
        students: STUDENTS,
        'rows not imported': 0,
        warnings: 1,
      });
      // The list says what the headline says: a warning to check, not a problem to fix.
      await expect(roster.locator('.problems-title').textContent()).resolves.toBe(
        '1 warning to check',
      );
      const problem = roster.locator('.problems button.link');
      await expect(problem.textContent()).resolves.toContain('"Maybe" is neither yes nor no');
      await problem.click();
      await page.locator('#view td.active').waitFor();
      await expect(
        page.locator('nav#tabs button[aria-selected="true"]').textContent(),
      ).resolves.toBe('Roster');
      await expect(page.locator('#view td.active').textContent()).resolves.toBe('Maybe');
      expect(school.emulator.spreadsheet.activeRange?.a1).toBe('I5');
      await checkpoint('roster');

      // The conference days: what the Teachers sheet holds, in words. Nothing to click here.
      const days = await open('days');
      const windows = rows('Teachers');
      const dates = [
        ...new Set(windows.map((w) => (w.Date as Date).toISOString().slice(0, 10))),
      ].sort();
      await expect(badge(days)).resolves.toBe('Done');
      await expect(headline(days)).resolves.toBe(
        `${new Set(windows.map((w) => w.Teacher)).size} teachers, ${windows.length} windows on ${dates.length} days (${dates.join(', ')}).`,
      );
      await expect(days.locator('button.primary').count()).resolves.toBe(0);
      // …and it says where the availability form is, which families should answer before the build.
      await expect(days.locator('.next').textContent()).resolves.toContain(
        'Ask the families when they can come next (step 4, Family availability)',
      );
      await checkpoint('days');

      // The family forms: the availability form is best made before the schedule is built.
      const questionnaire = await open('availability');
      await expect(headline(questionnaire)).resolves.toBe('No family forms yet.');
      const made = await run(
        questionnaire,
        questionnaire.locator('button.primary', { hasText: 'Create the family forms' }),
      );
      expect(made).toContain(`${rosterCounts.families} families got a personal availability link`);
      // The availability form and the questionnaire, in English and in Spanish.
      expect(school.emulator.forms.forms()).toHaveLength(4);
      await checkpoint('forms');

      // Then every family is asked, by email, with its own link.
      const families = rosterCounts.families!;
      await expect(headline(questionnaire)).resolves.toBe(
        `${families} families can be asked when they can come.`,
      );
      const asked = await run(
        questionnaire,
        questionnaire.locator('button.primary', {
          hasText: `Ask families when they can come (${families})`,
        }),
      );
      expect(asked).toBe(`Asked ${families} families when they can come, each with its own link.`);
      // One email per address, each to that address alone (read off the pasted Roster).
      const [rosterHeader = [], ...rosterRows] = school.emulator.spreadsheet
        .sheetByName('Roster')!
        .values();
      const emailColumns = rosterHeader.flatMap((h, i) => (/email/i.test(String(h)) ? [i] : []));
      const addresses = new Set(
        rosterRows.flatMap((r) =>
          emailColumns.flatMap((i) =>
            String(r[i] ?? '')
              .split(/[;,]/)
              .map((e) => e.trim().toLowerCase())
              .filter(Boolean),
          ),
        ),
      );
      expect(school.emulator.mail.sent).toHaveLength(addresses.size);
      for (const m of school.emulator.mail.sent) expect(m.to).toHaveLength(1);
      await expect(counts(questionnaire)).resolves.toMatchObject({
        'families asked when they can come': families,
      });
      await expect(questionnaire.locator('button.primary').textContent()).resolves.toBe(
        'Update the forms and links',
      );
      await checkpoint('ask');
    },
  );

  part(
    'family: answers the availability form through the link in the email that asked it, before the schedule is built',
    async () => {
      // A family reads the email that asked it, and follows its link.
      const request = school.emulator.mail.sent[0]!;
      await openTab(page, 'Mail');
      const letter = cardsFor(request.to[0]!).filter({ hasText: 'When can you come' });
      await expect(letter.count()).resolves.toBe(1);
      // A message's body is drawn once its card is in sight, as a person scrolls to it.
      await letter.scrollIntoViewIfNeeded();
      const url =
        (await letter
          .frameLocator('iframe')
          .locator('a[href*="viewform"]')
          .first()
          .getAttribute('href')) ?? '';
      const code = /=([0-9a-f]{32})\b/.exec(url)?.[1];
      const props = school.emulator.kv.properties.get(
        `document:${school.emulator.spreadsheet.id}`,
      )!;
      family.id =
        [...props]
          .find(([k, v]) => k.startsWith('slc:family-code:') && v === code)?.[0]
          .slice('slc:family-code:'.length) ?? '';
      expect(family.id).not.toBe('');

      await openTab(page, 'Forms');
      const availability = page.locator('.card', { hasText: 'when can you come' });
      await availability.locator('input[name="__url"]').fill(url);
      // Only the Thursday morning suits this family.
      const thursday = availability.locator('select[name^="Which times suit you? [Thu"]');
      await expect(thursday.count()).resolves.toBe(1);
      await thursday.selectOption('1st choice');
      await submitForm(page, availability.locator('button[type=submit]'));
      await expect(availability.locator('[role=status]').textContent()).resolves.toContain(
        'Submitted',
      );
      await snap('family-availability');
    },
  );

  part(
    'teacher: previews the schedule, builds it, makes print views, sends the invitations',
    async () => {
      const s = await open('schedule');
      await expect(badge(s)).resolves.toBe('To do');
      await s.locator('button', { hasText: 'Preview the schedule' }).click();
      const preview = s.locator('.preview .headline');
      await preview.waitFor();
      await expect(preview.textContent()).resolves.toBe(
        `${STUDENTS} of ${STUDENTS} students placed in ${STUDENTS} conferences.`,
      );
      // The one family that answered got its first choice.
      await expect(s.locator('.preview dl.counts').textContent()).resolves.toContain(
        'first choice met1 of 1',
      );
      expect(schedule()).toHaveLength(0); // nothing written by a preview
      await checkpoint('schedule-preview');

      await expect(
        run(s, s.locator('button.primary', { hasText: 'Build the schedule' })),
      ).resolves.toBe(`Scheduled ${STUDENTS} of ${STUDENTS} students in ${STUDENTS} conferences.`);
      await expect(badge(s)).resolves.toBe('Done');
      await expect(counts(s)).resolves.toEqual({
        conferences: STUDENTS,
        'students placed': STUDENTS,
        'not placed yet': 0,
      });
      expect(schedule()).toHaveLength(STUDENTS);
      // The family's answer was used: all its conferences on the Thursday morning.
      expect(ours().length).toBeGreaterThan(0);
      for (const r of ours())
        expect((r.Date as Date).toISOString().slice(0, 10)).toBe('2026-11-19');
      await checkpoint('schedule-built');

      const views = await run(s, s.locator('button', { hasText: 'Make print views' }));
      const teachers = new Set(schedule().map((r) => r.Teacher)).size;
      expect(views).toContain(`Made ${teachers} print views`);
      await page
        .locator('nav#tabs button[data-tab$=" – schedule"]')
        .nth(teachers - 1)
        .waitFor();
      await checkpoint('print-views');

      const invites = await open('invites');
      await expect(badge(invites)).resolves.toBe('To do');
      await expect(headline(invites)).resolves.toBe(
        `${STUDENTS} invitations to send, 0 events to update.`,
      );
      await expect(
        run(invites, invites.locator('button.primary', { hasText: 'Send invites' })),
      ).resolves.toBe(`${STUDENTS} invitations sent.`);
      const events = school.emulator.calendar.events();
      expect(events).toHaveLength(STUDENTS);
      await expect(badge(invites)).resolves.toBe('Done');
      await expect(counts(invites)).resolves.toMatchObject({
        invited: events.length,
        'to send': 0,
      });
      await expect(headline(invites)).resolves.toBe(
        `${events.length} invitations sent to ${families()} families; every event matches the Schedule.`,
      );
      await checkpoint('invites');
    },
  );

  part(
    'teacher: turns reminders on; the clock runs past the conference days and every family is reminded',
    async () => {
      const reminders = await open('reminders');
      await expect(headline(reminders)).resolves.toContain('Hourly reminders are off.');
      await reminders.locator('button', { hasText: 'Turn hourly reminders on' }).click();
      await reminders.locator('button', { hasText: 'Turn hourly reminders off' }).waitFor();
      await expect(headline(reminders)).resolves.toContain('Hourly reminders are on.');
      await expect(counts(reminders)).resolves.toMatchObject({
        families: families(),
        'reminders sent (per family and time)': 0,
      });
      await checkpoint('reminders-on');

      // The page's clock: twelve days in one go (as POST /api/clock does), then day by day with
      // the "+1 day" button until the conference days are over. The hourly trigger fires each hour.
      await page.evaluate(() =>
        fetch('/api/clock', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ hours: 24 * 12 }),
        }).then((r) => r.json()),
      );
      while (clock() < Date.UTC(2026, 10, 20, 14)) {
        const before = clock();
        await page.locator('#advance-day').click();
        await page.waitForFunction(
          (t) =>
            (
              globalThis as unknown as {
                document: { getElementById(id: string): { getAttribute(name: string): string } };
              }
            ).document
              .getElementById('clock')
              .getAttribute('datetime')
              .includes(t),
          new Date(before + 86_400_000).toISOString().slice(0, 13),
        );
      }
      const sent = school.emulator.mail.sent.filter((m) => isReminder(m.subject));
      // One reminder per address and reminder time (each family here comes on one day), each
      // email to that address alone.
      const addresses = new Set(
        schedule().flatMap((r) =>
          String(r.Emails ?? '')
            .split(/[;,]/)
            .map((e) => e.trim().toLowerCase())
            .filter(Boolean),
        ),
      );
      for (const m of sent) expect(m.to).toHaveLength(1);
      expect(new Set(sent.map((m) => m.to[0])).size).toBe(addresses.size);
      expect(sent).toHaveLength(2 * addresses.size);

      await reopen();
      const after = await open('reminders');
      // The step counts reminders per family and reminder time, whatever its addresses.
      await expect(counts(after)).resolves.toMatchObject({
        'reminders sent (per family and time)': 2 * families(),
        'due now': 0,
      });
      await checkpoint('reminders-sent');
    },
  );

  part(
    "family: sees its own invitation in the Calendar and its own reminders in the Mail, and nobody else's",
    async () => {
      // Who the family is, from the Roster as the school exported it (not from the add-on's work).
      family.emails = String(ours()[0]!.Emails).split(/[;,]\s*/);
      family.name = String(ours()[0]!.Family);
      family.teacher = String(ours()[0]!.Teacher);
      const [, ...roster] = school.emulator.spreadsheet.sheetByName('Roster')!.values();
      const name = (r: unknown[]) => String(r[1]).split(', ').reverse().join(' ');
      const isOurs = (r: unknown[]) => family.emails.includes(String(r[5]).trim().toLowerCase());
      family.students = roster.filter(isOurs).map(name);
      family.others = roster
        .filter((r) => !isOurs(r))
        .map(name)
        .filter((n) => !family.students.includes(n));
      expect(family.students.length).toBe(ours().length);
      const email = family.emails[0]!;
      /** Our students (by first name where the message names them so), no other family's, no one else's address. */
      const onlyOurs = (text: string, firstNames = false) => {
        for (const s of family.students) expect(text).toContain(firstNames ? s.split(' ')[0]! : s);
        for (const other of family.others) expect(text).not.toContain(other);
        for (const address of text.match(/[\w.+-]+@family\.example/g) ?? [])
          expect(family.emails).toContain(address);
      };

      await openTab(page, 'Calendar');
      const invitations = cardsFor(email);
      await expect(invitations.count()).resolves.toBe(ours().length);
      onlyOurs((await invitations.allTextContents()).join('\n'));
      await invitations.first().scrollIntoViewIfNeeded();
      await snap('family-calendar');

      await openTab(page, 'Mail');
      // The request for its availability and its two reminders, nobody else's.
      const mail = cardsFor(email);
      await expect(mail.count()).resolves.toBe(3);
      const subjects = await mail.locator('h3').allTextContents();
      expect(subjects.filter((t) => isReminder(t))).toHaveLength(2);
      expect(subjects.filter((t) => isAvailabilityRequest(t))).toHaveLength(1);
      for (let i = 0; i < 3; i++) {
        const card = mail.nth(i);
        await card.scrollIntoViewIfNeeded();
        // The message as the family reads it: the body drawn in its (sandboxed) frame.
        onlyOurs(
          `${await card.locator('p.muted').textContent()}\n${await card.frameLocator('iframe').locator('body').textContent()}`,
          isAvailabilityRequest(subjects[i]!),
        );
      }
      await mail.first().scrollIntoViewIfNeeded();
      await snap('family-mail');
    },
  );

  part('teacher: marks attendance, sends the questionnaire', async () => {
    // Attendance goes into the Schedule's Status column through the emulator, as a teacher
    // would paste it in Sheets (typing cells in the page: samples.test.ts). One family (not
    // ours) did not come.
    const sheet = school.emulator.spreadsheet.sheetByName('Schedule')!;
    const status = sheet.values()[0]!.indexOf('Status') + 1;
    const all = schedule();
    const absent = all.findIndex((r) => r['Family ID'] !== family.id);
    all.forEach((_, i) => sheet.put(i + 2, status, { v: i === absent ? 'no-show' : 'attended' }));
    await reopen();
    await page.locator('nav#tabs button[data-tab="Schedule"]').click();
    await expect(page.locator('#view tbody tr', { hasText: 'no-show' }).count()).resolves.toBe(1);

    const q = await open('questionnaire');
    // Due: every family with a conference it came to.
    const expectedDue = new Set(all.filter((_, i) => i !== absent).map((r) => r['Family ID'])).size;
    await expect(headline(q)).resolves.toBe(
      `${expectedDue} families had their conference and can be sent the questionnaire.`,
    );
    await expect(counts(q)).resolves.toMatchObject({
      'no-shows to offer a new time': 1,
      'families due the questionnaire': expectedDue,
    });
    await expect(q.locator('.problems').textContent()).resolves.toContain('did not come');
    const before = school.emulator.mail.sent.length;
    await expect(
      run(q, q.locator('button.primary', { hasText: `Send the questionnaire (${expectedDue})` })),
    ).resolves.toBe(`Sent the questionnaire to ${expectedDue} families.`);
    // One email to each address of those families, each to that address alone.
    const dueAddresses = new Set(
      all
        .filter((_, i) => i !== absent)
        .flatMap((r) =>
          String(r.Emails ?? '')
            .split(/[;,]/)
            .map((e) => e.trim().toLowerCase())
            .filter(Boolean),
        ),
    );
    const questionnaires = school.emulator.mail.sent.slice(before);
    for (const m of questionnaires) expect(m.to).toHaveLength(1);
    expect(new Set(questionnaires.map((m) => m.to[0])).size).toBe(dueAddresses.size);
    expect(questionnaires).toHaveLength(dueAddresses.size);
    await expect(counts(q)).resolves.toMatchObject({
      'families due the questionnaire': 0,
      'conferences sent the questionnaire': all.length - 1,
    });
    await checkpoint('questionnaire');
  });

  part('family: answers the questionnaire through the link in its email', async () => {
    await openTab(page, 'Mail');
    const letter = cardsFor(family.emails[0]!).filter({ hasText: 'How did the conference' });
    await expect(letter.count()).resolves.toBe(1);
    await letter.scrollIntoViewIfNeeded();
    const link = await letter
      .frameLocator('iframe')
      .locator('a[href*="viewform"]')
      .first()
      .getAttribute('href');
    expect(link).toMatch(/^https:\/\/docs\.google\.com\/forms\/.+viewform\?/);

    await openTab(page, 'Forms');
    const form = page.locator('.card', { hasText: 'how did the Fall conference go' });
    await form.locator('input[name="__url"]').fill(link ?? '');
    await form.locator('select[name="How did the conference go?"]').selectOption('5');
    await form
      .locator('textarea[name="What did your child share, and what goal did they set?"]')
      .fill('Read twenty minutes every night');
    await form
      .locator('select[name="Would you like a follow-up meeting with the teacher?"]')
      .selectOption('Yes');
    await form.locator('input[name="If yes, when would suit you?"]').fill('Thursday morning');
    await submitForm(page, form.locator('button[type=submit]'));
    await snap('family-questionnaire');
  });

  part(
    'teacher builds the Summary; the coordinator reads participation, ratings and the follow-up in its tab',
    async () => {
      await reopen();
      const s = await open('summary');
      const all = schedule();
      const attended = all.length - 1;
      const message = await run(s, s.locator('button.primary'));
      expect(message).toBe(
        `Summary rebuilt: ${all.length} conferences, ${attended} attended, 1 no-show, 1 response, 1 follow-up request. Each teacher’s class debrief (who prepared and reflected, their goals, follow-ups) is in the menu: Extensions › Student-Led Conferences › Print class debrief.`,
      );
      await expect(badge(s)).resolves.toBe('Done');
      await expect(headline(s)).resolves.toBe(
        `${attended} of ${all.length} conferences attended; 1 questionnaire answer; 1 follow-up request to act on.`,
      );
      await expect(counts(s)).resolves.toMatchObject({
        conferences: all.length,
        attended,
        'no-show': 1,
        answers: 1,
        'follow-up requests': 1,
      });
      // The reminders already sent are still counted once the conferences are marked attended.
      await expect(counts(await open('reminders'))).resolves.toMatchObject({
        'reminders sent (per family and time)': 2 * families(),
      });
      await checkpoint('summary');

      await openTab(page, 'Summary');
      const view = page.locator('#view');
      await expect(view.locator('figure.chart figcaption').allTextContents()).resolves.toEqual([
        'Participation per teacher',
        'Average rating per teacher (1–5)',
      ]);
      const cells = async (row: Locator) => (await row.locator('td').allTextContents()).slice(1);
      // Per teacher (the section of that name; the participation table above it names the
      // teachers too): the family's teacher has its one answer, rated 5.
      const rowsOfSummary = await Promise.all(
        (await view.locator('tbody tr').all()).map((row) => cells(row)),
      );
      const section = rowsOfSummary.findIndex((r) => r[0] === 'Per teacher');
      expect(section).toBeGreaterThanOrEqual(0);
      const perTeacher = rowsOfSummary.slice(section).find((r) => r[0] === family.teacher)!;
      const held = all.filter((r) => r.Teacher === family.teacher);
      expect(perTeacher.slice(0, 8)).toEqual([
        family.teacher,
        String(held.filter((r) => r.Status === 'attended').length),
        String(held.filter((r) => r.Status === 'no-show').length),
        String(held.length),
        expect.any(String),
        '1',
        expect.any(String),
        '5',
      ]);
      // The follow-up request, with when and whom to contact; the goal the family reported.
      const followUp = await cells(view.locator('tbody tr', { hasText: 'Thursday morning' }));
      expect(followUp.slice(0, 4)).toEqual([
        family.name,
        family.teacher,
        'Thursday morning',
        family.emails[0],
      ]);
      const goal = await cells(
        view.locator('tbody tr', { hasText: 'Read twenty minutes every night' }),
      );
      expect(goal.slice(0, 3)).toEqual([
        family.teacher,
        family.name,
        'Read twenty minutes every night',
      ]);
      await snap('coordinator-summary');
    },
  );
});
