/**
 * The tear-off reply slip for a family without email: the availability form's questions on
 * paper, in the family's form language, with the times offered. The office keys a returned slip
 * in through the family's own form (the slip carries the family's code), so it is recorded
 * exactly as the family's own answer and scheduled like one. Pure.
 */
import type { TimeChoice } from './availability';
import { FORM_TEXTS, formLanguage, printedChoice } from './formtexts';

/**
 * The slip's text, one line per question or time; boxes a family ticks with a pen. With the
 * family's code, its first line carries it for the office, which types it into the form's code
 * question when it keys the returned slip in (the slip comes back without the letter).
 * `printed` writes each time (a translated letter's slip writes a day it has no words for in
 * numbers, src/core/paperletter.ts `letterDay`).
 */
export function replySlip(
  familyId: string,
  language: string,
  choices: TimeChoice[],
  code = '',
  texts = FORM_TEXTS,
  printed: (choice: TimeChoice, language: string) => string = printedChoice,
): string {
  const own = formLanguage(language, texts);
  const { availability: a, ranks, meets, yes, no } = texts[own]!;
  return [
    code ? `Ref. ${familyId} · ${a.token}: ${code}` : `Ref. ${familyId}`,
    `${a.times} ${a.timesHelp}`,
    ...choices.map((c) => `[ ] ${printed(c, language)}`),
    `(${ranks.slice(0, 3).join(' / ')})`,
    `${a.interpreter} [ ] ${yes} [ ] ${no}`,
    `${a.meet} ${meets.map((m) => `[ ] ${m}`).join(' ')}`,
    `${a.attending} ____________`,
  ].join('\n');
}
