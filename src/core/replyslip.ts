/**
 * The tear-off reply slip for a family without email: the availability form's questions on
 * paper, in the family's form language, with the times offered. The office keys a returned slip
 * in through the family's own link (printed above the slip), so it is recorded exactly as the
 * family's own answer and scheduled like one. Pure.
 */
import type { TimeChoice } from './availability';
import { choiceLabelIn, FORM_TEXTS, formLanguage } from './formtexts';

/** The slip's text, one line per question or time; boxes a family ticks with a pen. */
export function replySlip(familyId: string, language: string, choices: TimeChoice[]): string {
  const own = formLanguage(language);
  const { availability: a, ranks, yes, no } = FORM_TEXTS[own]!;
  return [
    `Ref. ${familyId}`,
    `${a.times} ${a.timesHelp}`,
    ...choices.map((c) => `[ ] ${choiceLabelIn(c, own)}`),
    `(${ranks.slice(0, 3).join(' / ')})`,
    `${a.interpreter} [ ] ${yes} [ ] ${no}`,
    `${a.attending} ____________`,
  ].join('\n');
}
