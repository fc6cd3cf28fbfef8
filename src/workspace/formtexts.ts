/**
 * The Form Texts sheet: the family forms' words in each language nobody wrote them in,
 * machine-translated once by LanguageApp and kept where the school can correct them. A language
 * is translated only when the sheet has no row for it, and its rows are written in one
 * setValues, so a run cut off while translating translates again and never writes twice.
 */
import { PLAIN_TEXT, textCell } from '../core/cells';
import { FORM_TEXTS, languagesWithoutForm, type FormTexts } from '../core/formtexts';
import {
  allFormTexts,
  englishFormTexts,
  FORM_TEXTS_HEADER,
  FORM_TEXTS_SHEET,
  formTextsFrom,
  readFormTextRows,
} from '../core/formtranslations';
import { languageName } from '../core/normalize';
import { readSheet, sheetValues } from './data';

/** The forms' words in every language the sheet holds, for reading answers (no translation). */
export function keptFormTexts(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  languages: Iterable<string>,
): Record<string, FormTexts> {
  const wanted = [...languages].filter((l) => !FORM_TEXTS[l]);
  if (wanted.length === 0) return FORM_TEXTS;
  return allFormTexts(readFormTextRows(readSheet(ss, FORM_TEXTS_SHEET)), wanted);
}

/**
 * Translates the forms into each of `languages` that has no form written by hand and no rows on
 * the Form Texts sheet yet, and a language's texts added to the forms since it was translated
 * (a key it has no row for; a row people emptied is theirs and stays), and answers the forms'
 * words in every language with what it did. A language Google cannot translate keeps the
 * English forms, and is named.
 */
export function translateFormTexts(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  languages: Iterable<string>,
): { texts: Record<string, FormTexts>; said: string[] } {
  const wanted = languagesWithoutForm(languages);
  if (wanted.length === 0) return { texts: FORM_TEXTS, said: [] };
  const found = ss.getSheetByName(FORM_TEXTS_SHEET);
  const values = found ? sheetValues(found) : null;
  const rows = readFormTextRows(values);
  const added: string[][] = [];
  const translated: string[] = [];
  const refused: string[] = [];
  const newer: string[] = [];
  for (const language of wanted) {
    const had = rows.get(language);
    const missing = englishFormTexts().filter(([key]) => !had?.has(key));
    if (missing.length === 0) continue;
    try {
      const mine = missing.map(([key, english]) => [
        key,
        language,
        LanguageApp.translate(english, 'en', language),
      ]);
      added.push(...mine);
      rows.set(language, new Map([...(had ?? []), ...mine.map(([k, , t]) => [k!, t!] as const)]));
      (had ? newer : translated).push(language);
    } catch {
      if (!had) refused.push(language);
    }
  }
  if (added.length) appendTextRows(ss, found, FORM_TEXTS_SHEET, values, added);
  const said: string[] = [];
  for (const language of translated) {
    const kept = formTextsFrom(rows.get(language)!).kept;
    said.push(
      `Translated the family forms into ${languageName(language)} by machine, once; the words are on the Form Texts sheet${
        kept.length
          ? ` (${kept.length} kept in English because the translation changed their {{fields}} or made two choices alike: ${kept.join(', ')})`
          : ''
      }.`,
    );
  }
  if (newer.length)
    said.push(
      `Translated the forms' newer texts into ${newer.map(languageName).join(', ')} by machine, once; they are on the Form Texts sheet.`,
    );
  if (refused.length)
    said.push(
      `Google could not translate the forms into ${refused.map(languageName).join(', ')}: those families get the English forms.`,
    );
  return { texts: allFormTexts(rows, wanted), said };
}

/**
 * Adds translated rows (Key, Language, Text) to a texts sheet, made with its header when there is
 * none, as plain text: below its last row as it is now, so a row people added while Google
 * translated stays.
 */
export function appendTextRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  found: GoogleAppsScript.Spreadsheet.Sheet | null,
  name: string,
  values: unknown[][] | null,
  added: string[][],
): void {
  const sheet = found ?? ss.insertSheet(name);
  const header = values && values.length ? [] : [[...FORM_TEXTS_HEADER]];
  const start = values && values.length ? sheet.getLastRow() + 1 : 1;
  const block = [...header, ...added].map((r) => r.map((v) => textCell(v)));
  const range = sheet.getRange(start, 1, block.length, FORM_TEXTS_HEADER.length);
  range.setNumberFormat(PLAIN_TEXT);
  range.setValues(block);
}
