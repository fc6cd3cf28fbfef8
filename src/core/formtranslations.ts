/**
 * The family forms in a language nobody wrote them in: the English texts, machine-translated
 * once and kept on the "Form Texts" sheet (Key, Language, Text) where the school can correct
 * them. A text whose {{fields}} did not survive the translation, or that is empty, is replaced by
 * its English words (and named, so a person can fix the row); choices that came out the same
 * (two ranks, or yes and no, translated alike) are all kept in English, since the answer would
 * not say which was meant. Pure: the workspace translates and reads the sheet.
 */
import { FORM_TEXTS, type FormTexts } from './formtexts';

export const FORM_TEXTS_SHEET = 'Form Texts';
export const FORM_TEXTS_HEADER = ['Key', 'Language', 'Text'] as const;

const EN = FORM_TEXTS.en!;
const SCHOOL = '{{school}}';
const ROUND = '{{round}}';

/** Every text of the forms by key, in English; titles hold {{school}} (and {{round}}). */
export function englishFormTexts(): [string, string][] {
  const out: [string, string][] = [
    ['availability.title', EN.availability.title(SCHOOL)],
    ['questionnaire.title', EN.questionnaire.title(SCHOOL, ROUND)],
  ];
  for (const kind of ['availability', 'questionnaire'] as const)
    for (const [field, value] of Object.entries(EN[kind]))
      if (typeof value === 'string') out.push([`${kind}.${field}`, value]);
  EN.ranks.forEach((r, i) => out.push([`ranks.${i}`, r]));
  EN.meets.forEach((m, i) => out.push([`meets.${i}`, m]));
  out.push(['yes', EN.yes], ['no', EN.no]);
  return out;
}

const fieldsOf = (text: string) => (text.match(/\{\{[^}]*\}\}/g) ?? []).sort().join(' ');

/** The Form Texts sheet's rows by language, then key (the last row of a key wins). */
export function readFormTextRows(values: unknown[][] | null): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const [header = [], ...rows] = values ?? [];
  const at = FORM_TEXTS_HEADER.map((h) => header.map(String).indexOf(h));
  if (at.some((i) => i < 0)) return out;
  for (const row of rows) {
    const [key, language, text] = at.map((i) => String(row[i] ?? '').trim());
    if (!key || !language) continue;
    if (!out.has(language)) out.set(language, new Map());
    out.get(language)!.set(key, text!);
  }
  return out;
}

/**
 * The forms' words in one language from its rows, and the keys kept in English: a missing or
 * empty text, one whose fields differ from the English, or choices translated alike.
 */
export function formTextsFrom(rows: Map<string, string>): { texts: FormTexts; kept: string[] } {
  const kept: string[] = [];
  const words = new Map<string, string>();
  for (const [key, english] of englishFormTexts()) {
    const text = rows.get(key) ?? '';
    const usable = text !== '' && fieldsOf(text) === fieldsOf(english);
    words.set(key, usable ? text : english);
    if (!usable) kept.push(key);
  }
  const alike = (keys: string[]) => new Set(keys.map((k) => words.get(k))).size < keys.length;
  for (const group of [
    ['ranks.0', 'ranks.1', 'ranks.2', 'ranks.3'],
    ['yes', 'no'],
    ['meets.0', 'meets.1', 'meets.2'],
  ])
    if (alike(group))
      for (const key of group) {
        words.set(key, englishFormTexts().find(([k]) => k === key)![1]);
        if (!kept.includes(key)) kept.push(key);
      }
  const w = (key: string) => words.get(key)!;
  const section = (kind: 'availability' | 'questionnaire') =>
    Object.fromEntries(Object.keys(EN[kind]).map((field) => [field, w(`${kind}.${field}`)]));
  const texts: FormTexts = {
    availability: {
      ...(section('availability') as Omit<FormTexts['availability'], 'title'>),
      title: (school) => w('availability.title').split(SCHOOL).join(school),
    },
    questionnaire: {
      ...(section('questionnaire') as Omit<FormTexts['questionnaire'], 'title'>),
      title: (school, round) =>
        w('questionnaire.title').split(SCHOOL).join(school).split(ROUND).join(round),
    },
    ranks: [w('ranks.0'), w('ranks.1'), w('ranks.2'), w('ranks.3')],
    meets: [w('meets.0'), w('meets.1'), w('meets.2')],
    yes: w('yes'),
    no: w('no'),
  };
  return { texts, kept };
}

/** The forms' words in every language: written by hand, then each translated language's rows. */
export function allFormTexts(
  rows: Map<string, Map<string, string>>,
  languages: Iterable<string>,
): Record<string, FormTexts> {
  const out: Record<string, FormTexts> = { ...FORM_TEXTS };
  for (const language of languages)
    if (!FORM_TEXTS[language] && rows.has(language))
      out[language] = formTextsFrom(rows.get(language)!).texts;
  return out;
}
