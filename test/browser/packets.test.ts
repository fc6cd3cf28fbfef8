/**
 * Conference packets printed by a real browser: a packet with everything on it (long names, an
 * interpreter, a video link, last round's goal) fits one page at A4 and at Letter, and the
 * add-on's "Print conference packets" dialog prints one page per conference.
 */
import type { Browser } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { packetHtml, type PacketInput } from '../../src/core/packets';
import type { Result } from '../../src/shared/api';
import { describeBrowser, launch } from './browser';

jest.setTimeout(90_000);

/** Pages in a PDF Chromium printed: its page objects (not the /Pages tree). */
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

const FULL_INPUT: PacketInput = {
  schoolName: 'Lincoln Elementary and Middle School of the Arts and Sciences',
  conferenceId: 'C-0123456789AB',
  round: 'Spring 2027',
  date: '2027-03-16',
  start: 15 * 60,
  end: 16 * 60,
  teacher: 'Ms. Alexandra Rivera-Montgomery',
  room: 'Room 214, second floor, east wing',
  videoLink: 'https://meet.google.com/abc-defg-hij',
  students: ['Maria-Fernanda Gutiérrez-Oyelaran', 'Santiago Gutiérrez-Oyelaran'],
  coming: ['Ana Gutiérrez-Oyelaran', 'Oluwaseun Oyelaran', 'Abuela Carmen (grandmother)'],
  interpreter: 'Spanish',
  goal: 'Read twenty minutes every night and keep a reading log I show my teacher each Friday',
  prep: [
    {
      proudOf: 'My persuasive essay about why our school needs a garden, and the survey I ran',
      learningTargets: 'I can support a claim with evidence; I can revise for clarity',
      workSample: 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/view',
      familyQuestion: 'Ask me how I chose which evidence to keep and which to cut',
    },
  ],
  lastGoals: [
    {
      round: 'Fall 2026',
      goal: 'Learn the multiplication tables to twelve and explain my strategies to my family',
      students: [],
    },
  ],
};
const FULL = packetHtml(FULL_INPUT);

/**
 * What students really type: the work sample as the link Google Slides gives (about 100
 * characters, no space in it), and a 300-character answer with no space at all.
 */
const SLIDES =
  'https://docs.google.com/presentation/d/1xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefGH/edit?usp=sharing';
const LONG_WORD = 'a'.repeat(300);
const LINKED = packetHtml({
  schoolName: 'Lincoln Elementary',
  conferenceId: 'C-1',
  round: 'Spring',
  date: '2027-03-16',
  start: 15 * 60,
  end: 15 * 60 + 30,
  teacher: 'Ms. Rivera',
  room: '214',
  videoLink: '',
  students: ['Renata Díaz'],
  coming: ['Guadalupe Díaz'],
  interpreter: '',
  goal: 'Read every night',
  lastGoals: [],
  prep: [
    {
      proudOf: LONG_WORD,
      learningTargets: 'I can explain my thinking',
      workSample: SLIDES,
      familyQuestion: 'Ask me about my slides',
    },
  ],
});

describeBrowser('conference packets in print', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['A4', 'English'],
    ['Letter', 'English'],
    ['A4', 'Spanish'],
    ['Letter', 'Spanish'],
  ] as const)('a full packet prints on one %s page, in %s', async (format, language) => {
    const page = await browser.newPage();
    await page.setContent(
      language === 'Spanish' ? packetHtml({ ...FULL_INPUT, language: 'es' }) : FULL,
    );
    const pdf = await page.pdf({ format });
    await page.close();
    expect(pages(pdf)).toBe(1);
  });

  it('a packet whose work sample is a real link, and an answer with no space, keeps the goal on the page and prints on one page', async () => {
    const page = await browser.newPage();
    // Letter less 14 mm margins each side: about 720 CSS pixels of printable width.
    await page.setViewportSize({ width: 720, height: 1000 });
    await page.setContent(LINKED);
    // Run in the page (a string: the tests are typed without the DOM's names).
    const overflow = (await page.evaluate(`(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('h2, p, div, td')].filter(
        (e) => e.getBoundingClientRect().right > width + 1,
      );
      const goal = [...document.querySelectorAll('h2')].find((h) => /goal/i.test(h.textContent ?? ''));
      return {
        wide: wide.map((e) => (e.textContent ?? '').slice(0, 40)),
        goalRight: goal ? goal.getBoundingClientRect().right : Infinity,
        scrollWidth: document.documentElement.scrollWidth,
        width,
      };
    })()`)) as { wide: string[]; goalRight: number; scrollWidth: number; width: number };
    expect(overflow.wide).toEqual([]);
    expect(overflow.goalRight).toBeLessThanOrEqual(overflow.width);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
    // The whole link is printed, for a family to type.
    await expect(page.textContent('body')).resolves.toContain(SLIDES);
    for (const format of ['A4', 'Letter'] as const)
      expect(pages(await page.pdf({ format }))).toBe(1);
    await page.close();
  });

  it('the add-on’s dialog prints each conference of the round on a page of its own', async () => {
    const school = openSchool({ students: 12, teachers: 2 });
    for (const job of ['setup', 'schedule'])
      for (let i = 0; i < 20; i++) {
        const r = school.bundle.callFromClient('runJob', [job]) as Result<{ done: boolean }>;
        if (!r.ok) throw new Error(r.error.message);
        if (r.value.done) break;
      }
    const conferences = school.emulator.spreadsheet
      .sheetByName('Schedule')!
      .values()
      .slice(1)
      .filter((r) => r[0] !== '').length;
    school.bundle.run('showPackets');
    const dialog = school.emulator.sheets.ui.dialogs.at(-1)!;
    expect(dialog.kind).toBe('modal');
    const page = await browser.newPage();
    await page.setContent(dialog.html);
    for (const format of ['A4', 'Letter'] as const)
      expect(pages(await page.pdf({ format }))).toBe(conferences);
    await page.close();
  });
});
