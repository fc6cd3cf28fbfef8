/**
 * The students' part of a year in the preview, in a real browser: the teacher makes the prep
 * form from the sidebar, a student prepares through their own link in the Forms tab (the
 * preview's emulator submits it and the add-on's trigger records it), the teacher sees the
 * student counted ready, the student reflects, and a second round starts with its own forms,
 * whose reflection asks whether last round's goal was met.
 *
 * The `it`s run in order and share one school.
 */
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { openSchool, type School } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import type { Result, Settings, StudentLink } from '../../src/shared/api';
import {
  describeBrowser,
  inOrder,
  launch,
  openPreview,
  openStep,
  openTab,
  reopenSidebar,
  sidebarOf,
  stepCounts,
  submitForm,
} from './browser';

jest.setTimeout(180_000);

describeBrowser('the students’ part of the year, in the preview', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let sidebar: Frame;
  let school: School;
  let student: StudentLink;

  const call = <T>(name: string, args: unknown[] = []): T => {
    const r = school.bundle.callFromClient(name, args) as Result<T>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const open = (id: string): Promise<Locator> => openStep(sidebar, id);
  const counts = stepCounts;
  async function reopen(): Promise<void> {
    sidebar = await reopenSidebar(page);
  }
  /** A student picks their own link on the Forms tab's card of that form and submits it. */
  async function answer(title: string, link: string, answers: Record<string, string>) {
    await openTab(page, 'Forms');
    const card = page.locator('#view .card', { hasText: title });
    await card.locator(`button[data-student="${student.studentId}"]`).click();
    await expect(card.locator('input[name="__url"]').inputValue()).resolves.toBe(link);
    for (const [question, text] of Object.entries(answers))
      await card.locator(`[name="${question}"]`).fill(text);
    await submitForm(page, card.locator('button[type="submit"]'));
  }
  const part = inOrder();

  beforeAll(async () => {
    school = openSchool({ students: 12, teachers: 2 });
    for (const job of ['setup', 'schedule'])
      for (let i = 0; i < 20; i++) if (call<{ done: boolean }>('runJob', [job]).done) break;
    [browser, preview] = await Promise.all([launch(), startPreview({ school })]);
    page = await openPreview(browser, preview.url);
    sidebar = await sidebarOf(page);
  });
  afterAll(async () => Promise.all([browser?.close(), preview?.close()]));

  part('the teacher makes the round’s prep form from the Schedule step', async () => {
    const schedule = await open('schedule');
    await schedule.locator('button', { hasText: 'Create the student prep form' }).click();
    await expect(schedule.locator('.result').textContent()).resolves.toContain(
      'Created the Fall student prep form',
    );
    student = call<StudentLink[]>('getStudentLinks').find((l) =>
      /getting ready/.test(school.emulator.forms.readPrefilled(l.link).form.title),
    )!;
    expect(student).toBeDefined();
  });

  part('a student prepares through their own link', async () => {
    await answer('getting ready for my Fall conference', student.link, {
      'What am I proud of?': 'My volcano model',
      'My goal': 'Explain how I tested my model',
    });
    const prep = school.emulator.spreadsheet.sheetByName('Student Prep')!.values();
    expect(prep.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      [student.studentId, 'Fall', 'Explain how I tested my model'],
    ]);
  });

  part('the teacher sees the student counted ready, and can nudge the others', async () => {
    await reopen();
    const schedule = await open('schedule');
    const ready = Object.entries(await counts(schedule)).filter(([l]) => /ready to lead/.test(l));
    const perTeacher = new Map<string, number>();
    for (const l of call<StudentLink[]>('getStudentLinks'))
      perTeacher.set(l.teacher, (perTeacher.get(l.teacher) ?? 0) + 1);
    expect(Object.fromEntries(ready)).toEqual(
      Object.fromEntries(
        [...perTeacher].map(([t, n]) => [
          `${t}: ready to lead (of ${n})`,
          t === student.teacher ? 1 : 0,
        ]),
      ),
    );
    await expect(
      schedule.locator('button', { hasText: 'Email the prep link to students not ready' }).count(),
    ).resolves.toBe(1);
  });

  part('after the conference the student reflects through their own link', async () => {
    const reflection = call<StudentLink[]>('getStudentLinks').find(
      (l) => l.studentId === student.studentId,
    )!.reflectionLink;
    await answer('looking back on my Fall conference', reflection, {
      'How did my conference go?': 'I showed my model',
      'My goal now': 'Test a second design',
    });
    const rows = school.emulator.spreadsheet.sheetByName('Reflections')!.values();
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      [student.studentId, 'Fall', 'Test a second design'],
    ]);
  });

  part('a second round starts with its own forms, none of fall’s answers counted', async () => {
    const { settings } = call<{ settings: Settings }>('getSettings');
    call('saveSettings', [{ ...settings, roundName: 'Spring' }]);
    await reopen();
    const schedule = await open('schedule');
    await schedule.locator('button', { hasText: 'Create the student prep form' }).click();
    await expect(schedule.locator('.result').textContent()).resolves.toContain(
      'Created the Spring student prep form',
    );
    await openTab(page, 'Forms');
    const spring = page.locator('#view .card', { hasText: 'looking back on my Spring conference' });
    await expect(
      spring.locator('label', { hasText: 'Did I meet the goal I set last time?' }).count(),
    ).resolves.toBe(1);
    await reopen();
    const ready = Object.entries(await counts(await open('schedule'))).filter(([l]) =>
      /ready to lead/.test(l),
    );
    expect(ready.length).toBeGreaterThan(0);
    expect(ready.every(([, n]) => n === 0)).toBe(true);
  });
});
