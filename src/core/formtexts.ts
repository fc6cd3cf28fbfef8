/**
 * The family forms in each language they are written in by hand: English and Spanish. A family
 * whose language has no form here gets the English form (the forms step says so), unless the
 * school asks for forms in every language: then its forms are machine-translated once and kept
 * on a sheet the school can correct (src/core/formtranslations.ts).
 *
 * Every language's form asks the same questions in the same order; its answers are read back
 * into the English form's words (`inFormEnglish`) before anything else sees them, so answers
 * from every language land on the same sheets in the same columns. Pure.
 */
import { AVAILABILITY_FORM, MEET_CHOICES, RANK_CHOICES, type TimeChoice } from './availability';
import { QUESTIONNAIRE_FORM } from './feedback';
import { formatDayAndTimes } from './templates';

export interface FormTexts {
  availability: {
    title: (school: string) => string;
    description: string;
    confirmation: string;
    token: string;
    tokenHelp: string;
    times: string;
    timesHelp: string;
    language: string;
    interpreter: string;
    meet: string;
    attending: string;
    attendingEmail: string;
  };
  questionnaire: {
    title: (school: string, round: string) => string;
    description: string;
    confirmation: string;
    token: string;
    tokenHelp: string;
    rating: string;
    ratingLow: string;
    ratingHigh: string;
    goal: string;
    help: string;
    followUp: string;
    followUpWhen: string;
    privateTalk: string;
    comments: string;
  };
  ranks: readonly [string, string, string, string];
  /** The meeting question's choices: in person, online, either way. */
  meets: readonly [string, string, string];
  yes: string;
  no: string;
}

const EN: FormTexts = {
  availability: {
    title: (school) => `${school}: when can you come to the student-led conference?`,
    description:
      'Tell us which times suit your family. We will send you the time we found for you.',
    confirmation: 'Thank you! We will send you your conference time.',
    ...AVAILABILITY_FORM,
  },
  questionnaire: {
    title: (school, round) => `${school}: how did the ${round} conference go?`,
    description:
      'Two minutes of your time help us plan the next conferences and support your child.',
    confirmation: 'Thank you for your answers!',
    ...QUESTIONNAIRE_FORM,
  },
  ranks: RANK_CHOICES,
  meets: MEET_CHOICES,
  yes: 'Yes',
  no: 'No',
};

const ES: FormTexts = {
  availability: {
    title: (school) => `${school}: ¿cuándo pueden venir a la conferencia dirigida por su hijo?`,
    description:
      'Dígannos qué horarios le convienen a su familia. Les enviaremos el horario que encontremos para ustedes.',
    confirmation: '¡Gracias! Les enviaremos el horario de su conferencia.',
    token: 'Código de la familia',
    tokenHelp: 'Lo llena su enlace personal. Por favor, déjenlo como está.',
    times: '¿Qué horarios les convienen?',
    timesHelp:
      'Marquen su primera, segunda y tercera opción; dejen en blanco un horario en que no puedan venir. Revisamos cada horario con el propio maestro de su hijo y buscamos la conferencia dentro de él.',
    language: '¿En qué idioma prefieren que les escribamos?',
    interpreter: '¿Desean un intérprete en la conferencia?',
    meet: '¿Cómo prefieren reunirse?',
    attending:
      '¿Quién vendrá? (Otro adulto de confianza, como un abuelo, puede venir en su lugar.)',
    attendingEmail:
      'Si otro adulto viene en su lugar: su correo electrónico, para que también reciba la invitación y los recordatorios (opcional).',
  },
  questionnaire: {
    title: (school, round) => `${school}: ¿cómo fue la conferencia (${round})?`,
    description:
      'Dos minutos de su tiempo nos ayudan a preparar las próximas conferencias y a apoyar a su hijo.',
    confirmation: '¡Gracias por sus respuestas!',
    token: 'Código de la conferencia',
    tokenHelp: 'Lo llena su enlace personal. Por favor, déjenlo como está.',
    rating: '¿Cómo fue la conferencia?',
    ratingLow: 'No muy bien',
    ratingHigh: 'Muy bien',
    goal: '¿Qué compartió su hijo y qué meta se propuso?',
    help: '¿Cómo ayudará su familia a lograr esa meta?',
    followUp: '¿Desean una reunión de seguimiento con el maestro?',
    followUpWhen: 'Si es así, ¿cuándo les convendría?',
    privateTalk: '¿Desean hablar en privado con el maestro?',
    comments: '¿Algo más que quieran decirnos?',
  },
  ranks: ['1.ª opción', '2.ª opción', '3.ª opción', 'También es posible'],
  meets: ['En persona', 'En línea', 'De cualquier forma'],
  yes: 'Sí',
  no: 'No',
};

/**
 * The forms written by hand, by language code. Functions below take the forms' words in every
 * language (`texts`): these, plus any machine-translated and kept on the Form Texts sheet
 * (src/core/formtranslations.ts).
 */
export const FORM_TEXTS: Record<string, FormTexts> = { en: EN, es: ES };

/** The language of the form a family of this language gets: its own, else English. */
export function formLanguage(language: string, texts = FORM_TEXTS): string {
  return texts[language] ? language : 'en';
}

/** The languages that need a form of their own, besides English, for these families' languages. */
export function formLanguages(languages: Iterable<string>, texts = FORM_TEXTS): string[] {
  return [...new Set([...languages].map((l) => formLanguage(l, texts)))]
    .filter((l) => l !== 'en')
    .sort();
}

/** The languages of these families that have no form of their own (they get the English one). */
export function languagesWithoutForm(languages: Iterable<string>, texts = FORM_TEXTS): string[] {
  return [...new Set([...languages].filter((l) => l && !texts[l]))].sort();
}

/**
 * A time as the form in `language` offers it: the English form keeps its label (the label is how
 * a response names the time); another language writes the day and times its own way, in the
 * school's wall clock like the label ("martes 17 de noviembre, 15:00 – 19:30").
 */
export function choiceLabelIn(choice: TimeChoice, language: string, texts = FORM_TEXTS): string {
  if (formLanguage(language, texts) === 'en') return choice.label;
  return printedChoice(choice, language);
}

/**
 * A time as printed on paper (a reply slip, a phone script): the language's own day and times,
 * never the English form's ISO row title ("Tue 2026-11-17"), which many families misread.
 */
export function printedChoice(choice: TimeChoice, language: string): string {
  // A family with no language on the Roster reads English.
  return formatDayAndTimes(choice.date, choice.start, choice.end, language || 'en');
}

type Named = Record<string, string[] | undefined>;

/**
 * A response to the form in `language` (titles → values) in the English form's words, so one
 * reader records every language's answers alike: each title, each time row, each rank and yes/no
 * becomes what the English form would have given.
 */
export function inFormEnglish(
  named: Named,
  language: string,
  kind: 'availability' | 'questionnaire',
  choices: TimeChoice[] = [],
  texts = FORM_TEXTS,
): Named {
  const own = texts[formLanguage(language, texts)]!;
  if (own === EN) return named;
  const out: Named = {};
  const word = (v: string) => {
    const rank = own.ranks.indexOf(v);
    if (rank >= 0) return EN.ranks[rank]!;
    const meet = own.meets.indexOf(v);
    if (meet >= 0) return EN.meets[meet]!;
    return v === own.yes ? EN.yes : v === own.no ? EN.no : v;
  };
  const put = (english: string, title: string) => {
    const values = named[title];
    if (values) out[english] = values.map(word);
  };
  const en = EN[kind] as Record<string, unknown>;
  const mine = own[kind] as Record<string, unknown>;
  for (const key of Object.keys(en))
    if (typeof en[key] === 'string' && typeof mine[key] === 'string')
      put(en[key] as string, mine[key] as string);
  if (kind === 'availability')
    for (const c of choices)
      put(
        `${EN.availability.times} [${c.label}]`,
        `${own.availability.times} [${choiceLabelIn(c, language, texts)}]`,
      );
  return out;
}
