/**
 * The students' own forms: per round, a prep form (in the student's words: what I am proud of,
 * the learning targets and work I will show, my goal, what I would like my family to ask, who is
 * coming with me), written by hand in English and Spanish. A student is known by a personal code
 * that their link fills in (or that they type from their teacher's class list), never by picking
 * a name from a list, so the form shows and asks nothing about any other student. Pure: the
 * workspace passes the document properties in.
 */
import type { StudentLink } from '../shared/api';
import {
  availabilityForms,
  linkFor,
  questionnaireForms,
  type FormRecord,
  type FormsState,
} from './formlinks';
import { languageName } from './normalize';
import { qrSvg } from './qr';
import { escapeHtml, type RenderedMessage } from './templates';

export const STUDENT_FORMS_PROP = 'slc:student-forms';
export const STUDENT_CODE_PREFIX = 'slc:student-code:';

/** The students' two forms: before the conference, and after it. */
export type StudentFormKind = 'prep' | 'reflection';

export interface StudentFormsState {
  /** By round name, then language code: the prep form. */
  prep?: Record<string, Record<string, FormRecord>>;
  /** By round name, then language code: the reflection form. */
  reflection?: Record<string, Record<string, FormRecord>>;
}

export interface PrepFormTexts {
  title: (school: string, round: string) => string;
  description: string;
  confirmation: string;
  token: string;
  tokenHelp: string;
  proudOf: string;
  learningTargets: string;
  workSample: string;
  goal: string;
  familyQuestion: string;
  coming: string;
}

const EN: PrepFormTexts = {
  title: (school, round) => `${school}: getting ready for my ${round} conference`,
  description:
    'Your answers help you lead your conference: they go on the page your teacher prints for you and your family. You can change them until the conference.',
  confirmation: 'Thank you! Open your link again to change your answers.',
  token: 'Your student code',
  tokenHelp:
    'Your personal link fills this in: please leave it as it is. Without the link, type the code your teacher gave you.',
  proudOf: 'What am I proud of?',
  learningTargets: 'Which learning targets will I show?',
  workSample: 'Which work will I show? (a link, or a few words about it)',
  goal: 'My goal',
  familyQuestion: 'What would I like my family to ask me?',
  coming: 'Who is coming with me?',
};

const ES: PrepFormTexts = {
  title: (school, round) => `${school}: me preparo para mi conferencia (${round})`,
  description:
    'Tus respuestas te ayudan a dirigir tu conferencia: van en la hoja que tu maestro imprime para ti y tu familia. Puedes cambiarlas hasta la conferencia.',
  confirmation: '¡Gracias! Abre tu enlace otra vez para cambiar tus respuestas.',
  token: 'Tu código de estudiante',
  tokenHelp:
    'Lo llena tu enlace personal: por favor, déjalo como está. Sin el enlace, escribe el código que te dio tu maestro.',
  proudOf: '¿De qué estoy orgulloso u orgullosa?',
  learningTargets: '¿Qué objetivos de aprendizaje mostraré?',
  workSample: '¿Qué trabajo mostraré? (un enlace o unas palabras sobre él)',
  goal: 'Mi meta',
  familyQuestion: '¿Qué me gustaría que mi familia me preguntara?',
  coming: '¿Quién viene conmigo?',
};

/** The prep form written by hand, by language code. */
export const PREP_TEXTS: Record<string, PrepFormTexts> = { en: EN, es: ES };

export interface ReflectionFormTexts {
  title: (school: string, round: string) => string;
  description: string;
  confirmation: string;
  token: string;
  tokenHelp: string;
  howItWent: string;
  nextStep: string;
  goalNow: string;
  /** Asked from the second round on. */
  lastGoalMet: string;
  met: readonly [string, string, string];
}

const REFLECTION_EN: ReflectionFormTexts = {
  title: (school, round) => `${school}: looking back on my ${round} conference`,
  description: 'A few words after your conference, for you and your teacher.',
  confirmation: 'Thank you! Open your link again to change your answers.',
  token: EN.token,
  tokenHelp: EN.tokenHelp,
  howItWent: 'How did my conference go?',
  nextStep: 'What will I do next?',
  goalNow: 'My goal now',
  lastGoalMet: 'Did I meet the goal I set last time?',
  met: ['Yes', 'Partly', 'Not yet'],
};

const REFLECTION_ES: ReflectionFormTexts = {
  title: (school, round) => `${school}: miro atrás a mi conferencia (${round})`,
  description: 'Unas palabras después de tu conferencia, para ti y tu maestro.',
  confirmation: ES.confirmation,
  token: ES.token,
  tokenHelp: ES.tokenHelp,
  howItWent: '¿Cómo me fue en la conferencia?',
  nextStep: '¿Qué haré ahora?',
  goalNow: 'Mi meta ahora',
  lastGoalMet: '¿Logré la meta que me propuse la última vez?',
  met: ['Sí', 'En parte', 'Todavía no'],
};

/** The reflection form written by hand, by language code. */
export const REFLECTION_TEXTS: Record<string, ReflectionFormTexts> = {
  en: REFLECTION_EN,
  es: REFLECTION_ES,
};

/** The language of the prep form a student of this roster language gets: its own, else English. */
export function prepLanguage(language: string): string {
  return PREP_TEXTS[language] ? language : 'en';
}

export function readStudentFormsState(props: Record<string, string>): StudentFormsState {
  try {
    return (JSON.parse(props[STUDENT_FORMS_PROP] ?? '{}') as StudentFormsState | null) ?? {};
  } catch {
    return {};
  }
}

/** Every prep form (or reflection form), with its round and language. */
export function prepForms(
  state: StudentFormsState,
  kind: StudentFormKind = 'prep',
): { round: string; language: string; record: FormRecord }[] {
  return Object.entries(state[kind] ?? {}).flatMap(([round, byLanguage]) =>
    Object.entries(byLanguage).map(([language, record]) => ({ round, language, record })),
  );
}

/** The kinds of form whose answers the add-on records, each into its own sheet. */
export type AnswerKind = 'availability' | 'questionnaire' | StudentFormKind;

/**
 * The response sheets already tied to one of the add-on's forms (the family forms in `forms`, the
 * students' in `students`), each with the kind of form whose answers land in it.
 */
export function answerSheets(
  forms: FormsState,
  students: StudentFormsState = {},
): Map<number, AnswerKind> {
  const kinds: [AnswerKind, { record: FormRecord }[]][] = [
    ['availability', availabilityForms(forms)],
    ['questionnaire', questionnaireForms(forms)],
    ['prep', prepForms(students, 'prep')],
    ['reflection', prepForms(students, 'reflection')],
  ];
  const out = new Map<number, AnswerKind>();
  for (const [kind, list] of kinds)
    for (const { record } of list)
      if (record && record.sheetId !== null) out.set(record.sheetId, kind);
  return out;
}

/** Student ID by code. */
export function studentOfCode(props: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, code] of Object.entries(props))
    if (key.startsWith(STUDENT_CODE_PREFIX)) out.set(code, key.slice(STUDENT_CODE_PREFIX.length));
  return out;
}

/**
 * Each student's prep link for the round, in the order given: students without a code, or whose
 * round has no prep form yet, are left out.
 */
export function studentLinks(
  props: Record<string, string>,
  round: string,
  students: { id: string; name: string; teacher: string; language: string; email: string }[],
): StudentLink[] {
  const state = readStudentFormsState(props);
  const forms = state.prep?.[round] ?? {};
  const after = state.reflection?.[round] ?? {};
  return students.flatMap((s) => {
    const code = props[STUDENT_CODE_PREFIX + s.id];
    const language = forms[prepLanguage(s.language)] ? prepLanguage(s.language) : 'en';
    const record = forms[language];
    const reflection = after[prepLanguage(s.language)] ?? after.en;
    if (!code || !record) return [];
    return [
      {
        studentId: s.id,
        name: s.name,
        teacher: s.teacher,
        code,
        link: linkFor(record, code),
        formUrl: record.publishedUrl,
        reflectionLink: reflection ? linkFor(reflection, code) : '',
        reflectionFormUrl: reflection?.publishedUrl ?? '',
        formLanguage: language,
        email: s.email,
      },
    ];
  });
}

/**
 * A student form's response (titles → values, in the form's language) as the cells of its
 * sheet's row (Student Prep, or Reflections in the English form's words).
 */
export function studentFormRow(
  kind: StudentFormKind,
  named: Record<string, string[] | undefined>,
  language: string,
): {
  code: string;
  cells: Record<string, string>;
} {
  const get = (title: string) => (named[title] ?? []).join(', ').trim();
  if (kind === 'reflection') {
    const t = REFLECTION_TEXTS[prepLanguage(language)]!;
    const met = get(t.lastGoalMet);
    return {
      code: get(t.token).toLowerCase(),
      cells: {
        'How It Went': get(t.howItWent),
        'Next Step': get(t.nextStep),
        'Goal Now': get(t.goalNow),
        'Last Goal Met': REFLECTION_EN.met[t.met.indexOf(met)] ?? met,
      },
    };
  }
  const t = PREP_TEXTS[prepLanguage(language)]!;
  return {
    code: get(t.token).toLowerCase(),
    cells: {
      'Proud Of': get(t.proudOf),
      'Learning Targets': get(t.learningTargets),
      'Work Sample': get(t.workSample),
      Goal: get(t.goal),
      'Family Question': get(t.familyQuestion),
      'Coming With Me': get(t.coming),
    },
  };
}

const CLASS_LIST_STYLE = `
@page { size: auto; margin: 14mm; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 4pt; }
p { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 6pt 4pt; border-bottom: 1px dashed #9aa0a6; text-align: left; vertical-align: top; }
td.code { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
td.link { word-break: break-all; font-size: 8.5pt; color: #5f6368; }
.teacher + .teacher { break-before: page; }
.slip { break-inside: avoid; border-bottom: 1px dashed #9aa0a6; padding: 6pt 0; }
.slip .parts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 12pt; }
.slip .part { display: flex; gap: 8pt; align-items: flex-start; }
.slip .part svg { flex: none; }
.slip code { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
@media print { .noprint { display: none; } }
`;

/**
 * The printable class lists: one page per teacher of their own students' slips, to cut out and
 * hand out. A teacher's page names only that teacher's students. Each slip carries the student's
 * own QR code (their prefilled link: scanned with a tablet's or phone's camera, it opens the form
 * with their code filled in), the form's short address to type instead and the code; and the
 * reflection form's short address for after the conference, once that form exists. `shortOf` gives a form's
 * forms.gle link from its address ('' when there is none: the address itself is printed).
 */
export function classListHtml(
  school: string,
  round: string,
  links: StudentLink[],
  /** What goes above the pages on screen only (the dialog's Print button). */
  screenOnly = '',
  shortOf: (formUrl: string) => string = () => '',
): string {
  const teachers = [...new Set(links.map((l) => l.teacher))].sort((a, b) => a.localeCompare(b));
  const address = (url: string) => `<code>${escapeHtml(shortOf(url) || url)}</code>`;
  const slip = (l: StudentLink) => {
    const language =
      l.formLanguage && l.formLanguage !== 'en' ? ` · ${languageName(l.formLanguage)}` : '';
    // One code per slip: a school's class lists hold one per student, and the reflection comes
    // after the conference, when the nudge email carries its link too.
    const after = l.reflectionLink
      ? `<div class="part"><p><strong>After your conference, look back.</strong> Go to ${address(l.reflectionFormUrl)} and type the same code.</p></div>`
      : '';
    // The Student ID beside the name: two students of one class may share a name, and a slip
    // handed to the wrong one would put one child's answers on the other's packet.
    return `<div class="slip"><p><strong>${escapeHtml(l.name)}</strong> (${escapeHtml(l.studentId)})${escapeHtml(language)} · code <code>${escapeHtml(l.code)}</code></p>
<div class="parts"><div class="part">${qrSvg(l.link, 110)}<p><strong>Get ready for your ${escapeHtml(round)} conference.</strong> Scan this with a camera, or go to ${address(l.formUrl)} and type your code.</p></div>
${after}</div></div>`;
  };
  const pages = teachers.map((teacher) => {
    const mine = links
      .filter((l) => l.teacher === teacher)
      .sort((a, b) => a.name.localeCompare(b.name));
    return `<section class="teacher">
<h1>${escapeHtml(`${teacher}: ${round} conference prep`)}</h1>
<p>${escapeHtml('Cut along the lines and give each student their own slip: the code on it is theirs alone.')}</p>
${mine.map(slip).join('\n')}</section>`;
  });
  return printDocument(
    `${school}: ${round} student prep links`,
    pages.length
      ? pages.join('\n')
      : `<p>${escapeHtml(`There are no ${round} prep links yet: create the student prep form first.`)}</p>`,
    screenOnly,
  );
}

/** A printable page per teacher (sections of class "teacher"), with what shows on screen only. */
export function printDocument(title: string, body: string, screenOnly = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${CLASS_LIST_STYLE}</style></head>
<body>${screenOnly && `<div class="noprint">${screenOnly}</div>`}
${body}
</body></html>
`;
}

/** The journal key of a student's prep nudge for a round, on one school day. */
export function prepNudgeKey(round: string, studentId: string, day: string): string {
  return `slc:prep-nudge:${round}|${studentId}|${day}`;
}

type NudgeWords = Record<
  string,
  { subject: (round: string) => string; lines: (first: string, round: string) => string[] }
>;

const NUDGE: NudgeWords = {
  en: {
    subject: (round) => `Get ready for your ${round} conference`,
    lines: (first, round) => [
      `Hi ${first},`,
      `Your ${round} student-led conference is coming. Please take ten minutes to get ready: what you are proud of, the work you will show, your goal, and what you would like your family to ask you.`,
      'Your own prep form (only for you: please do not share the link):',
    ],
  },
  es: {
    subject: (round) => `Prepárate para tu conferencia (${round})`,
    lines: (first, round) => [
      `Hola, ${first}:`,
      `Se acerca tu conferencia dirigida por ti (${round}). Tómate diez minutos para prepararte: de qué estás orgulloso u orgullosa, el trabajo que mostrarás, tu meta y qué te gustaría que tu familia te preguntara.`,
      'Tu propio formulario (solo para ti: por favor, no compartas el enlace):',
    ],
  },
};

const REFLECT: NudgeWords = {
  en: {
    subject: (round) => `How did your ${round} conference go?`,
    lines: (first, round) => [
      `Hi ${first},`,
      `Thank you for leading your ${round} conference. Please take five minutes to look back: how it went, what you will do next, and your goal now.`,
      'Your own reflection form (only for you: please do not share the link):',
    ],
  },
  es: {
    subject: (round) => `¿Cómo te fue en tu conferencia (${round})?`,
    lines: (first, round) => [
      `Hola, ${first}:`,
      `Gracias por dirigir tu conferencia (${round}). Tómate cinco minutos para mirar atrás: cómo te fue, qué harás ahora y tu meta ahora.`,
      'Tu propio formulario de reflexión (solo para ti: por favor, no compartas el enlace):',
    ],
  },
};

/**
 * The email that sends a student their own prep link (or, after their conference, their
 * reflection link), in their form's language: it names only that student, and goes only to the
 * student's own school account.
 */
export function prepNudgeMessage(
  student: { firstName: string; language: string; link: string },
  round: string,
  school: string,
  kind: StudentFormKind = 'prep',
): RenderedMessage {
  const words = kind === 'prep' ? NUDGE : REFLECT;
  const t = words[prepLanguage(student.language)] ?? words.en!;
  const lines = t.lines(student.firstName, round);
  return {
    subject: `${school}: ${t.subject(round)}`,
    text: [...lines, student.link, school].join('\n\n'),
    html: [
      ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      `<p><a href="${escapeHtml(student.link)}">${escapeHtml(student.link)}</a></p>`,
      `<p>${escapeHtml(school)}</p>`,
    ].join('\n'),
  };
}
