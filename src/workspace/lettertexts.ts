/**
 * The Letter Texts sheet: the printed letter's words (and its reply slip's) in each language
 * nobody wrote them in, machine-translated once by LanguageApp when a letter in that language is
 * first printed, and kept where the school can correct them. A text is translated only while the
 * sheet has no row for its key and language (a row people emptied or changed is theirs), and
 * the rows of one print are written in one setValues below the sheet's last row.
 */
import { readFormTextRows } from '../core/formtranslations';
import {
  englishLetterTexts,
  LETTER_TEXTS_SHEET,
  letterTextsFrom,
  type TranslatedLetter,
} from '../core/lettertexts';
import { languageName } from '../core/normalize';
import { protectFields, restoreFields } from '../core/templates';
import { sheetValues } from './data';
import { appendTextRows } from './formtexts';

/** Languages the letter has words for, written by hand (src/core/paperletter.ts). */
const WRITTEN = new Set(['en', 'es']);

/**
 * The letter in each of `languages` that has no words written for it: its texts translated
 * where the sheet has none yet, then read back from the sheet's rows. A language Google refuses
 * ("Invalid argument") or a call that fails (the day's quota, an outage) leaves those texts in
 * English for this print, unwritten, so the next print asks again; the letter says so. `said`
 * tells the person printing what was translated and what stayed English.
 */
export function letterTranslations(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  languages: Iterable<string>,
): { letters: Map<string, TranslatedLetter>; said: string[] } {
  const wanted = [...new Set([...languages].filter((l) => l && !WRITTEN.has(l)))].sort();
  const letters = new Map<string, TranslatedLetter>();
  if (wanted.length === 0) return { letters, said: [] };
  const found = ss.getSheetByName(LETTER_TEXTS_SHEET);
  const values = found ? sheetValues(found) : null;
  const rows = readFormTextRows(values);
  const added: string[][] = [];
  const translated: string[] = [];
  const failed: string[] = [];
  let stopped = '';
  for (const language of wanted) {
    const had = rows.get(language) ?? new Map<string, string>();
    const missing = englishLetterTexts().filter(([key]) => !had.has(key));
    for (const [key, english] of missing) {
      if (stopped) break;
      const { text: safe, fields } = protectFields(english);
      let out: string;
      try {
        out = LanguageApp.translate(safe, 'en', language);
      } catch (e) {
        const message = String((e as Error)?.message ?? e);
        // A language Google does not translate: English for it, the next language tried.
        if (/invalid argument/i.test(message)) {
          failed.push(language);
          break;
        }
        // The day's quota or an outage: nothing more is asked in this print.
        stopped = message;
        break;
      }
      // The tokens put back as {{fields}}; one lost leaves the translator's text on the row,
      // which the fields check keeps in English until a person corrects it.
      const text = restoreFields(out, fields) ?? out;
      had.set(key, text);
      added.push([key, language, text]);
      if (!translated.includes(language)) translated.push(language);
    }
    rows.set(language, had);
    letters.set(language, letterTextsFrom(language, had));
  }
  if (added.length) appendTextRows(ss, found, LETTER_TEXTS_SHEET, values, added);
  const said: string[] = [];
  if (translated.length)
    said.push(
      `Translated the letter into ${translated.map(languageName).join(', ')} by machine, once; its words are on the ${LETTER_TEXTS_SHEET} sheet, where you can correct them.`,
    );
  for (const [language, letter] of letters)
    if (letter.kept.length && !failed.includes(language))
      said.push(
        `${languageName(language)} letters keep ${letter.kept.length} text(s) in English (${letter.kept.join(', ')}): ${
          stopped
            ? `Google stopped translating (${stopped}); printing again later asks for the rest`
            : 'the translation lost their {{fields}}, made two choices alike, or a row is empty; correct them on the sheet'
        }.`,
      );
  if (failed.length)
    said.push(
      `Google could not translate the letter into ${failed.map(languageName).join(', ')}: those letters are in English, with a note saying so.`,
    );
  return { letters, said };
}
