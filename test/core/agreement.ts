/**
 * The check that no sentence puts a verb for one child next to a list of names, shared by the
 * templates' tests and the demo's outbox test. The verb forms are written out by hand.
 */

/** A name of one or more words ("Ana", "María José", "Sofía Díaz"). */
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*`;

/** Two or more names ("Ana and Luis", "Ana, Luis y Sofía", "Sofía Díaz e Inés Díaz"). */
const LIST = `${NAME}(?:, ${NAME})* (?:and|y|e) ${NAME}`;

/** Verb forms for one child, wrong right after a list of names. */
const SINGULAR = {
  en: ['leads', 'shares', 'sets', 'is', 'invites', 'has', 'was', 'reflects'],
  es: [
    'dirige',
    'dirigirá',
    'dirigió',
    'comparte',
    'compartirá',
    'presenta',
    'presentará',
    'les invita',
    'invita',
    'es',
    'será',
    'fijará',
  ],
};

/** Spanish verb forms for one child, wrong right before a list of names. */
const BEFORE = {
  en: [] as string[],
  es: ['dirigirá', 'dirigió', 'se propuso', 'presentará'],
};

/** The lines of `text` with a verb for one child after (or before) a list of names. */
export function disagreeing(text: string, language: 'en' | 'es'): string[] {
  const after = new RegExp(`${LIST} (?:${SINGULAR[language].join('|')})(?!\\p{L})`, 'u');
  const before = BEFORE[language].length
    ? new RegExp(`(?<!\\p{L})(?:${BEFORE[language].join('|')}) ${LIST}`, 'u')
    : null;
  return text.split('\n').filter((line) => after.test(line) || before?.test(line));
}
