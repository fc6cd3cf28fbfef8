/**
 * Forms in every language the Roster uses, when the school asks for them: the English texts are
 * machine-translated once (the emulator's LanguageApp marks them "[ar] …"), kept on the Form
 * Texts sheet, and the Arabic forms are built from that sheet; an Arabic family's link opens the
 * Arabic form, and its answers land on the Availability sheet in the same columns as anyone's.
 */
import { openSchool } from '../../preview/school';
import { englishFormTexts } from '../../src/core/formtranslations';
import { parseRoster } from '../../src/core/roster';
import type { Settings } from '../../src/shared/api';
import { ok, run } from './calls';
import { cutOffAt, nthCall } from './cut';

type School = ReturnType<typeof openSchool>;

function school(): School {
  const s = openSchool({ students: 40 });
  run(s, 'setup');
  const view = ok<{ settings: Settings }>(s.bundle.callFromClient('getSettings', []));
  ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, translateForms: true }]));
  return s;
}

function rows(s: School, sheet: string): Record<string, unknown>[] {
  const [header, ...body] = s.emulator.spreadsheet.sheetByName(sheet)!.values();
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

function arabicFamily(s: School) {
  return parseRoster(s.emulator.spreadsheet.sheetByName('Roster')!.values(), null).families.find(
    (f) => f.language === 'ar' && f.contacts.some((c) => c.email),
  )!;
}

const LINK = /https:\/\/docs\.google\.com\/forms\/\S+/;

describe('forms in every language the Roster uses', () => {
  it('translates the forms into Arabic once, keeps them on the Form Texts sheet, and builds the Arabic forms from it', () => {
    const s = school();
    const done = run(s, 'forms');
    expect(done.message).toContain('Translated the family forms into Arabic by machine, once');
    expect(done.message).not.toContain('Arabic get the English forms');
    const texts = rows(s, 'Form Texts').filter((r) => r.Language === 'ar');
    expect(texts.find((r) => r.Key === 'availability.times')?.Text).toBe(
      '[ar] Which times suit you?',
    );
    const titles = s.emulator.forms.forms().map((f) => f.title);
    expect(titles.filter((t) => t.includes('[ar]'))).toHaveLength(2);
    const arabic = s.emulator.forms
      .forms()
      .find((f) => f.title.includes('[ar]') && /come/.test(f.title))!;
    expect(arabic.items.map((i) => i.title)).toContain(
      '[ar] Would you like an interpreter at the conference?',
    );

    // Run again: nothing translated twice, no row written twice, no form made twice.
    const count = s.emulator.forms.forms().length;
    run(s, 'forms');
    const again = s.emulator.ws.reports.at(-1)!.callsByMethod;
    expect(Object.keys(again).filter((m) => m.startsWith('LanguageApp'))).toEqual([]);
    expect(rows(s, 'Form Texts').filter((r) => r.Language === 'ar')).toHaveLength(texts.length);
    expect(s.emulator.forms.forms()).toHaveLength(count);
  });

  it('gives an Arabic family the Arabic form, and its answer lands on the Availability sheet like anyone’s', () => {
    const s = school();
    run(s, 'forms');
    run(s, 'ask');
    const family = arabicFamily(s);
    const address = family.contacts.find((c) => c.email)!.email;
    const link = LINK.exec(s.emulator.mail.to(address).at(-1)!.body)![0];
    const arabic = s.emulator.forms
      .forms()
      .find((f) => f.title.includes('[ar]') && /come/.test(f.title))!;
    expect(link).toContain(arabic.publishedId);
    const grid = arabic.items.find((i) => i.type === 'GRID')!;
    s.emulator.forms.submitPrefilled(link, {
      [`${grid.title} [${grid.rows[0]}]`]: '[ar] 1st choice',
      '[ar] Would you like an interpreter at the conference?': '[ar] Yes',
    });
    const mine = rows(s, 'Availability').filter((r) => r['Family ID'] === family.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ Rank: 1, Interpreter: 'Yes' });
  });

  it('cut off while translating, writing the sheet or making the Arabic form, a re-run makes each once', () => {
    const clean = school();
    const base = clean.emulator.ws.callCount;
    run(clean, 'forms');
    const ws = clean.emulator.ws;
    const cuts = [
      nthCall(ws, 'LanguageApp.translate', 5, base),
      nthCall(
        ws,
        'SpreadsheetApp.Range.setValues',
        1,
        nthCall(ws, 'LanguageApp.translate', 1, base),
      ),
      nthCall(ws, 'FormApp.create', 3, base),
    ].map((i) => i - base);
    const expected = {
      texts: rows(clean, 'Form Texts').length,
      forms: clean.emulator.forms
        .forms()
        .map((f) => f.title)
        .sort(),
    };
    for (const k of cuts) {
      const s = school();
      cutOffAt(s.emulator.ws, k, () => run(s, 'forms'));
      run(s, 'forms');
      expect({ k, texts: rows(s, 'Form Texts').length }).toEqual({ k, texts: expected.texts });
      expect(
        s.emulator.forms
          .forms()
          .map((f) => f.title)
          .sort(),
      ).toEqual(expected.forms);
    }
  });

  it('translates once a text added to the forms after a language was translated, and leaves a text people emptied as it is', () => {
    const s = school();
    // The Arabic texts as a school translated them before the private-talk question existed,
    // one of them emptied by a person.
    const sheet = s.emulator.spreadsheet.insertSheet('Form Texts');
    sheet.appendRow(['Key', 'Language', 'Text']);
    for (const [key, english] of englishFormTexts())
      if (key !== 'questionnaire.privateTalk')
        sheet.appendRow([key, 'ar', key === 'questionnaire.help' ? '' : `[ar] ${english}`]);
    const before = sheet.values().length;
    const done = run(s, 'forms');
    expect(done.message).toContain("Translated the forms' newer texts into Arabic");
    const translations = () =>
      s.emulator.ws.callLog.filter((c) =>
        `${c.service}.${c.method}`.endsWith('LanguageApp.translate'),
      ).length;
    expect(translations()).toBe(1);
    const arabicRows = rows(s, 'Form Texts').filter((r) => r.Language === 'ar');
    expect(arabicRows).toHaveLength(before);
    expect(arabicRows.find((r) => r.Key === 'questionnaire.privateTalk')?.Text).toBe(
      '[ar] Would you like to talk with the teacher privately?',
    );
    expect(arabicRows.find((r) => r.Key === 'questionnaire.help')?.Text).toBe('');
    const questionnaire = s.emulator.forms
      .forms()
      .find((f) => f.items.some((i) => i.title === '[ar] How did the conference go?'))!;
    expect(questionnaire.items.map((i) => i.title)).toContain(
      '[ar] Would you like to talk with the teacher privately?',
    );
    run(s, 'forms');
    expect(translations()).toBe(1);
  });

  it('keeps a row people add to the Form Texts sheet while Google translates, writing the new texts below it', () => {
    const s = school();
    // The sheet holds the Arabic texts but the last one, a text added to the forms since.
    const sheet = s.emulator.spreadsheet.insertSheet('Form Texts');
    sheet.appendRow(['Key', 'Language', 'Text']);
    const texts = englishFormTexts();
    for (const [key, english] of texts.slice(0, -1))
      sheet.appendRow([key, 'ar', `[ar] ${english}`]);
    const byHand = ['note', 'ar', 'Checked by Mr. Haddad'];
    const mine = texts.length + 1;
    const typed = s.emulator.ws.interruptAt('LanguageApp.translate', 1, () =>
      byHand.forEach((v, i) => sheet.patch(mine, i + 1, { v })),
    );
    run(s, 'forms');
    expect(typed()).toBe(true);
    const after = sheet.values();
    expect(after[mine - 1]).toEqual(byHand);
    const [key, english] = texts.at(-1)!;
    expect(after[mine]).toEqual([key, 'ar', `[ar] ${english}`]);
  });

  it('keeps the English words of a text whose field the translation broke', () => {
    const s = school();
    // The school's sheet already holds the Arabic texts; Google's translation of the title
    // lost its {{school}}.
    const sheet = s.emulator.spreadsheet.insertSheet('Form Texts');
    sheet.appendRow(['Key', 'Language', 'Text']);
    for (const [key, english] of englishFormTexts())
      sheet.appendRow([
        key,
        'ar',
        key === 'availability.title' ? '[ar] مدرستنا: when can you come?' : `[ar] ${english}`,
      ]);
    run(s, 'forms');
    // The Arabic availability form: the English title, its questions in Arabic.
    const arabic = s.emulator.forms
      .forms()
      .find((f) => f.items.some((i) => i.title === '[ar] Which times suit you?'))!;
    expect(arabic.title).toMatch(/: when can you come to the student-led conference\?$/);
    expect(arabic.title).not.toContain('[ar]');
    expect(
      s.emulator.ws.reports.some((r) =>
        Object.keys(r.callsByMethod).some((m) => m.startsWith('LanguageApp')),
      ),
    ).toBe(false);
  });
});
