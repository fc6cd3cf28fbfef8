/**
 * The printed letter for a family whose language nobody wrote the letter in (Arabic here), on
 * the built bundle: translated by LanguageApp the first time it is printed (the emulator's
 * stand-in marks a translation "[ar] "), kept on the Letter Texts sheet, read from there after
 * (a school's correction too), right to left; English with a note when Google refuses the
 * language, runs out of its daily quota or loses a text's fields. The family's child has a
 * hostile name in Arabic script holding a right-to-left override and markup.
 */
import { openSchool } from '../../preview/school';
import { englishLetterTexts } from '../../src/core/lettertexts';
import { parseRoster } from '../../src/core/roster';
import type { Settings } from '../../src/shared/api';
import { ok, run } from './calls';

type School = ReturnType<typeof openSchool>;

/** One single-child family made paper-only in `language`, its child named `last, first`. */
function paperFamily(s: School, language: string, last: string, first: string) {
  const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
  const header = roster.values()[0]!.map(String);
  const family = parseRoster(roster.values(), null).families.find(
    (f) => f.studentIds.length === 1,
  )!;
  const row = family.rows[0]!;
  roster.patch(1, header.length + 1, { v: 'Phone' });
  roster.patch(row, header.length + 1, { v: '555-0170' });
  roster.patch(row, header.indexOf('Home Language') + 1, { v: language });
  roster.patch(row, header.indexOf('Student Name') + 1, { v: `${last}, ${first}` });
  header.forEach((h, i) => {
    if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
  });
  return { id: family.id };
}

const RLO = '\u202E';
// "Haddad" and "Amal" in Arabic script, the surname carrying an override and markup.
const LAST = `حداد${RLO}<b>x</b>`;
const FIRST = 'أمل';

function print(s: School) {
  s.bundle.run('showLetters');
  return s.emulator.sheets.ui.dialogs.at(-1)!.html;
}
const letterOf = (html: string, id: string) =>
  html.slice(html.indexOf(`Ref. ${id}`)).split('</main>')[0]!;
const mainOf = (html: string, id: string) => {
  const at = html.indexOf(`Ref. ${id}`);
  return html.slice(html.lastIndexOf('<main', at), at);
};
const textRows = (s: School) =>
  (s.emulator.spreadsheet.sheetByName('Letter Texts')?.values() ?? []).map((r) => r.map(String));
const translateCalls = (s: School) =>
  s.emulator.ws.reports.at(-1)!.callsByMethod['LanguageApp.translate'] ?? 0;

function school(language = 'Arabic') {
  const s = openSchool({ students: 30 });
  const family = paperFamily(s, language, LAST, FIRST);
  run(s, 'setup');
  run(s, 'forms');
  run(s, 'schedule');
  return { s, family };
}

describe('the letter for a family whose language nobody wrote it in', () => {
  it('is translated once when first printed, kept on the Letter Texts sheet, and read right to left', () => {
    const { s, family } = school();
    const html = print(s);
    const letter = letterOf(html, family.id);
    expect(mainOf(html, family.id)).toContain('<main class="letter" lang="ar" dir="rtl">');
    // The greeting and the slip's words translated; the override gone, the markup text.
    expect(letter).toMatch(
      /<p class="greeting">\[ar\] Dear \u2068حداد&lt;b&gt;x&lt;\/b&gt;\u2069 family,<\/p>/,
    );
    expect(letter).toContain('[ar] Cut here');
    expect(letter).toContain('[ar] Family code');
    expect(letter).toContain('[ar] This letter was translated by machine.');
    expect(letter).not.toContain('class="fallback"');
    expect(html).not.toContain(RLO);
    expect(html).not.toContain('<b>x</b>');
    // The conference in Arabic words, its day from the Arabic table (Tuesday 17 or Thursday 19 November).
    expect(letter).toMatch(
      /\[ar\] \u2068أمل حداد&lt;b&gt;x&lt;\/b&gt;\u2069’s conference with \u2068[^\u2069]+\u2069: \u2068(الثلاثاء 17|الخميس 19) نوفمبر\u2069, \u2068\d\d:\d\d–\d\d:\d\d\u2069\./,
    );
    // The office's call script stays in the words its caller reads.
    expect(html.slice(html.indexOf('Phone list'))).toContain(
      `Say: ${FIRST} حداد<b>x</b>’s conference with`.replace('<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'),
    );
    // Every text once, on the sheet, with its {{fields}}; the person printing is told.
    const rows = textRows(s);
    expect(rows[0]).toEqual(['Key', 'Language', 'Text']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(englishLetterTexts().map(([k]) => k));
    expect(rows.slice(1).every((r) => r[1] === 'ar')).toBe(true);
    expect(rows.find((r) => r[0] === 'letter.greet')![2]).toBe('[ar] Dear {{family}} family,');
    expect(html).toContain('Translated the letter into Arabic by machine, once');

    // Printed again: nothing asked of Google, nothing written, the same letter.
    const again = print(s);
    expect(translateCalls(s)).toBe(0);
    const writes = Object.keys(s.emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
      /\.set|insert|append|delete|clear/.test(m),
    );
    expect(writes).toEqual([]);
    expect(letterOf(again, family.id)).toBe(letter);

    // The school corrects a row: the next letter prints its words.
    const sheet = s.emulator.spreadsheet.sheetByName('Letter Texts')!;
    const cut = rows.findIndex((r) => r[0] === 'letter.cut');
    sheet.put(cut + 1, 3, { v: 'قص هنا' });
    expect(letterOf(print(s), family.id)).toContain('<p>✂ قص هنا</p>');
  });

  it('keeps in English, with a note in English, each text whose fields the translator lost', () => {
    const s = openSchool({ students: 30 });
    const family = paperFamily(s, 'Arabic', LAST, FIRST);
    s.emulator.language.losesFieldTokens = true;
    run(s, 'setup');
    run(s, 'forms');
    run(s, 'schedule');
    const letter = letterOf(print(s), family.id);
    expect(letter).toContain(
      '<p class="greeting">Dear \u2068حداد&lt;b&gt;x&lt;/b&gt;\u2069 family,</p>',
    );
    expect(letter).toContain('[ar] Cut here');
    expect(letter).toContain(
      'Some of this letter’s words are in English: we have no Arabic text for them yet.',
    );
    // No broken token or unfilled field in the words (the QR code's colours aside).
    expect(letter.replace(/<svg[^]*?<\/svg>/g, '')).not.toMatch(/#\s*\d|\{\{/);
  });

  it('is English with its note when Google refuses the language, and nothing is kept', () => {
    // Tigrinya: a language the emulator's LanguageApp refuses ("Invalid argument").
    const { s, family } = school('Tigrinya');
    const html = print(s);
    expect(mainOf(html, family.id)).toContain('<main class="letter" lang="en">');
    expect(letterOf(html, family.id)).toContain(
      'This letter’s instructions are in English: we have no Tigrinya text for it yet.',
    );
    expect(html).toContain('Google could not translate the letter into Tigrinya');
    expect(textRows(s)).toEqual([]);
  });

  it('prints what Google translated before the day’s quota ran out, the rest in English with the note, and the rest a day later', () => {
    const s = openSchool({
      students: 30,
      quotas: { mailRecipientsPerDay: 1500, eventsCreatedPerDay: 10_000, translateCallsPerDay: 20 },
    });
    const family = paperFamily(s, 'Arabic', LAST, FIRST);
    run(s, 'setup');
    run(s, 'forms');
    run(s, 'schedule');
    const keys = englishLetterTexts().map(([k]) => k);
    // Twenty calls: the letter's own words and the slip's first (its code's name) in Arabic.
    const html = print(s);
    const letter = letterOf(html, family.id);
    expect(letter).toContain('<p>✂ [ar] Cut here</p>');
    expect(letter).toContain('[ar] Family code');
    expect(letter).toContain('\nWhich times suit you?');
    expect(letter).toContain(
      'Some of this letter’s words are in English: we have no Arabic text for them yet.',
    );
    expect(html).toContain(
      'Google stopped translating (Service invoked too many times for one day: translate.)',
    );
    expect(
      textRows(s)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(keys.slice(0, 20));
    // A day later the quota is back: the rest is translated, each text still once on the sheet.
    s.emulator.ws.clock.advance(24 * 3600_000);
    const later = letterOf(print(s), family.id);
    expect(later).toContain('[ar] Which times suit you?');
    expect(later).not.toContain('class="fallback"');
    expect(
      textRows(s)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(keys);
  });
  it('prints the slip in the words of the family’s own translated form, which the office keys it into', () => {
    const s = openSchool({ students: 30 });
    const family = paperFamily(s, 'Arabic', LAST, FIRST);
    run(s, 'setup');
    const view = ok<{ settings: Settings }>(s.bundle.callFromClient('getSettings', []));
    ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, translateForms: true }]));
    // A slip text someone already typed on the Letter Texts sheet, which this slip must not use.
    const sheet = s.emulator.spreadsheet.insertSheet('Letter Texts');
    [
      ['Key', 'Language', 'Text'],
      ['availability.times', 'ar', 'أوقات الرسالة'],
    ].forEach((row, r) => row.forEach((v, c) => sheet.put(r + 1, c + 1, { v })));
    run(s, 'forms');
    run(s, 'schedule');
    const letter = letterOf(print(s), family.id);
    // The Arabic form's question as the Form Texts sheet gives it (the emulator's "[ar] ...").
    expect(letter).toContain('\n[ar] Which times suit you? [ar] Mark your first');
    expect(letter).not.toContain('أوقات الرسالة');
    expect(letter).toContain('<p>✂ [ar] Cut here</p>');
    // The row people typed stays, and is not translated again.
    expect(textRows(s).filter((r) => r[0] === 'availability.times')).toEqual([
      ['availability.times', 'ar', 'أوقات الرسالة'],
    ]);
  });
});
