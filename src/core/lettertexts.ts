/**
 * The printed letter in a language nobody wrote it in: its English texts, machine-translated
 * once and kept on the "Letter Texts" sheet (Key, Language, Text), where the school can correct
 * them, as the family forms' are on the Form Texts sheet (src/core/formtranslations.ts). A text
 * that is missing or empty, or whose {{fields}} did not come back as they went, is printed in
 * English, and the letter says so in English; the reply slip's words (its keys are the forms'
 * own) are kept in English together when two of its choices came out alike. Pure: the
 * workspace translates and reads the sheet (src/workspace/lettertexts.ts).
 */
import { cleanText } from './normalize';
import { englishFormTexts, formTextsFrom } from './formtranslations';
import type { FormTexts } from './formtexts';
import { hasOwn } from './own';

export const LETTER_TEXTS_SHEET = 'Letter Texts';

/** The letter's own texts in English, by key; {{fields}} are filled when it is printed. */
export const LETTER_ENGLISH = {
  'letter.greet': 'Dear {{family}} family,',
  'letter.greetNone': 'Dear family,',
  'letter.scan':
    'Scan the code with a phone camera to open the form with your family’s code filled in.',
  'letter.type': 'Or type this address:',
  'letter.code': 'and write this code in the first question:',
  'letter.slip':
    'No phone or computer? Fill in this slip and give it back to your child’s teacher; the school will enter it for you.',
  'letter.cut': 'Cut here',
  'letter.conference': '{{students}}’s conference with {{teacher}}: {{day}}, {{time}}.',
  'letter.conferenceYours': 'Your conference with {{teacher}}: {{day}}, {{time}}.',
  'letter.place': 'Where: {{place}}',
  'letter.room': 'Room',
  'letter.online': 'the online meeting (link below)',
  'letter.orOnline': 'or online (link below)',
  'letter.join': 'Join online:',
  'letter.waiting':
    '{{students}} is on our waiting list for a conference with {{teacher}}: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.',
  'letter.waitingMany':
    '{{students}} are on our waiting list for a conference with {{teacher}}: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.',
  'letter.forConference': 'For the conference with {{teacher}}',
  'letter.and': 'and',
  'letter.machine':
    'This letter was translated by machine. Please ask the school if anything in it is unclear.',
} as const;

export type LetterKey = keyof typeof LETTER_ENGLISH;

/** The forms' texts the reply slip prints (src/core/replyslip.ts), under the forms' own keys. */
export const SLIP_KEYS = [
  'availability.token',
  'availability.times',
  'availability.timesHelp',
  'availability.interpreter',
  'availability.meet',
  'availability.attending',
  'ranks.0',
  'ranks.1',
  'ranks.2',
  'ranks.3',
  'meets.0',
  'meets.1',
  'meets.2',
  'yes',
  'no',
] as const;

/** Every text the letter is translated from, by key, in English: its own, then the slip's. */
export function englishLetterTexts(): [string, string][] {
  const forms = new Map(englishFormTexts());
  return [
    ...Object.entries(LETTER_ENGLISH),
    ...SLIP_KEYS.map((key) => [key, forms.get(key)!] as [string, string]),
  ];
}

const fieldsOf = (text: string) => (text.match(/\{\{[^}]*\}\}/g) ?? []).sort().join(' ');

/** The letter in one language: its own texts (English where kept), the slip's words, what was kept. */
export interface TranslatedLetter {
  language: string;
  texts: Record<LetterKey, string>;
  /** The reply slip's words: the slip keys from the sheet, English where kept. */
  slip: FormTexts;
  /** The keys printed in English: missing, empty, fields changed, or slip choices alike. */
  kept: string[];
}

/**
 * The letter's words in `language` from that language's rows of the Letter Texts sheet (key →
 * text), each cleaned of invisible characters (a bidirectional override typed into a row would
 * turn the rest of its line around); a text is used only when it is not empty and has exactly
 * the English text's {{fields}}.
 */
export function letterTextsFrom(language: string, rows: Map<string, string>): TranslatedLetter {
  const kept: string[] = [];
  const texts = {} as Record<LetterKey, string>;
  for (const [key, english] of Object.entries(LETTER_ENGLISH) as [LetterKey, string][]) {
    const text = cleanText(rows.get(key) ?? '');
    const usable = text !== '' && fieldsOf(text) === fieldsOf(english);
    texts[key] = usable ? text : english;
    if (!usable) kept.push(key);
  }
  // The slip's words through the forms' own checks (fields, choices alike); only its keys count.
  const slipRows = new Map<string, string>();
  for (const key of SLIP_KEYS) if (rows.has(key)) slipRows.set(key, cleanText(rows.get(key)));
  const { texts: slip, kept: formKept } = formTextsFrom(slipRows);
  kept.push(...SLIP_KEYS.filter((key) => formKept.includes(key)));
  return { language, texts, slip, kept };
}

/** Whether any of the letter's own texts is in its language (else the letter is English). */
export function isTranslated(letter: TranslatedLetter | undefined): letter is TranslatedLetter {
  return !!letter && Object.keys(LETTER_ENGLISH).some((key) => !letter.kept.includes(key));
}

/** A text's {{fields}} filled with plain values in one pass (a value holding "{{x}}" stays text). */
export function fillLetterText(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([A-Za-z]+)\}\}/g, (whole, name: string) =>
    hasOwn(values, name) ? values[name]! : whole,
  );
}

/** Languages written right to left: their letter is printed with dir="rtl". */
export const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);
