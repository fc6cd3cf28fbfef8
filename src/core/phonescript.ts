/**
 * The phone list's script for a family no email reaches: what to say, then the forms' own
 * questions in the family's form language (the same words as its printed slip and its online
 * form), so a call gathers what a form would. The caller's cues ("Say", "Ask") stay in English:
 * they are for the person calling. Pure.
 */
import type { TimeChoice } from './availability';
import { FORM_TEXTS, formLanguage, printedChoice, type FormTexts } from './formtexts';

export interface PhoneScriptInput {
  language: string;
  /** What to tell the family first (its letter's subject: the conference and its time). */
  say: string[];
  /** The times to offer, when the family has not said yet when it can come; else none. */
  choices: TimeChoice[];
  /** The forms' words in every language (the translated ones too); the hand-written by default. */
  texts?: Record<string, FormTexts>;
}

/** The script's lines, one cue each. */
export function phoneScript(p: PhoneScriptInput): string[] {
  const texts = p.texts ?? FORM_TEXTS;
  const own = formLanguage(p.language, texts);
  const { availability: a, questionnaire: q, ranks, meets, yes, no } = texts[own]!;
  const availability = p.choices.length
    ? [
        `Ask: ${a.times} ${a.timesHelp}`,
        ...p.choices.map(
          (c) => `  ${printedChoice(c, p.language)} (${ranks.slice(0, 3).join(' / ')})`,
        ),
        `Ask: ${a.interpreter} (${yes} / ${no})`,
        `Ask: ${a.meet} (${meets.join(' / ')})`,
        `Ask: ${a.attending}`,
      ]
    : [];
  return [
    ...p.say.map((s) => `Say: ${s}`),
    ...availability,
    `After the conference, call again and ask: ${q.rating} (1 ${q.ratingLow} – 5 ${q.ratingHigh})`,
    `Ask: ${q.goal}`,
    `Ask: ${q.help}`,
    `Ask: ${q.followUp} (${yes} / ${no}) ${q.followUpWhen}`,
    `Ask: ${q.comments}`,
  ];
}
