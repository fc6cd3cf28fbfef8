/**
 * The texts families receive: the invitation (Calendar event title and description), reminders,
 * the questionnaire request and the printable letter for families without email. Each is a
 * template with named fields ({{student}}, {{teacher}}...), written once per language; every
 * message is rendered as a subject, an HTML body (each value escaped) and a plain-text body.
 *
 * Built-in texts exist for English and Spanish. Other languages come from a stored set (a
 * LanguageApp translation kept in the document, which a person may correct), and otherwise fall
 * back to English. Pure: no Apps Script global; dates arrive as yyyy-MM-dd and minutes.
 */

export const MESSAGE_KINDS = ['invite', 'reminder', 'questionnaire', 'letter'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What a template may name. Values are plain text; rendering escapes them for HTML. */
export interface MessageFields {
  school: string;
  /** The family's name as greeted ("García": "Dear García family", "Estimada familia García"). */
  family: string;
  /** Students' first names, joined in the family's language ("Ana and Luis"). */
  students: string;
  teacher: string;
  /** yyyy-MM-dd in the school's zone. */
  date: string;
  /** Minutes after midnight. */
  start: number;
  end: number;
  room: string;
  /** Video-call link, or ''. */
  videoLink: string;
  /** The family's own form link (questionnaire), or ''. */
  link: string;
  /** Where to reply to ask for a change or a private talk. */
  replyTo: string;
  round: string;
  /** True when an interpreter will be present. */
  interpreter: boolean;
}

/** One language's texts for one kind of message. */
export interface Template {
  subject: string;
  body: string;
}

export type TemplateSet = Partial<Record<MessageKind, Template>>;

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** The fields a template may use, with what each one becomes (for the editor's help). */
export const FIELD_NAMES = ['school', 'family', 'students', 'teacher', 'date', 'time', 'room', 'where', 'link', 'replyTo', 'round', 'interpreter'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

const FIELD = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Field names a template uses that do not exist (reported before anything is sent). */
export function unknownFields(template: Template): string[] {
  const out = new Set<string>();
  for (const text of [template.subject, template.body]) {
    for (const m of text.match(FIELD) ?? []) {
      const name = m.replace(/[{}\s]/g, '');
      if (!(FIELD_NAMES as readonly string[]).includes(name)) out.add(name);
    }
  }
  return [...out];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const MONTHS: Record<string, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};
const WEEKDAYS: Record<string, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
};

/** "Tuesday, November 10" / "martes 10 de noviembre"; ISO for a language without tables. */
export function formatDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (language === 'es') return `${WEEKDAYS.es![weekday]} ${d} de ${MONTHS.es![m - 1]}`;
  if (language === 'en') return `${WEEKDAYS.en![weekday]}, ${MONTHS.en![m - 1]} ${d}`;
  return date;
}

/** "3:30 PM" in English, "15:30" elsewhere. */
export function formatTime(minutes: number, language: string): string {
  const h = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  if (language === 'en') return `${((h + 11) % 12) + 1}:${mm} ${h < 12 ? 'AM' : 'PM'}`;
  return `${String(h).padStart(2, '0')}:${mm}`;
}

/** "Ana", "Ana and Luis", "Ana, Luis and Sofía" ("y" in Spanish). */
export function joinNames(names: string[], language: string): string {
  const and = language === 'es' ? 'y' : 'and';
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

const EN: Record<MessageKind, Template> = {
  invite: {
    subject: '{{students}} leads a conference with {{teacher}}, {{date}}, {{time}}',
    body: [
      'Dear {{family}} family,',
      '',
      '{{students}} invites you to a student-led conference with {{teacher}} on {{date}}, {{time}}, at {{where}}.',
      '{{interpreter}}',
      'What happens: we welcome you; {{students}} shares work and reflections from this term; together you look at goals; and you talk about how the family can help at home.',
      'Questions you may ask: What are you proudest of? What was hard, and what helped? What goal did you set, and how can we help you reach it?',
      'If you cannot come, another trusted adult (a grandparent, a relative) is welcome in your place.',
      'To ask for another time, or for a private talk with the teacher, reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  reminder: {
    subject: 'Reminder: conference with {{teacher}}, {{date}}, {{time}}',
    body: [
      'Dear {{family}} family,',
      '',
      'This is a reminder of the student-led conference {{students}} will lead with {{teacher}} on {{date}}, {{time}}, at {{where}}.',
      '{{interpreter}}',
      'Another trusted adult may come in your place. To change the time, reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  questionnaire: {
    subject: 'How did the conference with {{teacher}} go?',
    body: [
      'Dear {{family}} family,',
      '',
      'Thank you for coming to the conference {{students}} led with {{teacher}}. Please tell us how it went, the goal {{students}} set, and whether you would like a follow-up meeting with the teacher. It takes two minutes:',
      '{{link}}',
      '',
      '{{school}}',
    ].join('\n'),
  },
  letter: {
    subject: 'Invitation: student-led conference, {{date}}, {{time}}',
    body: [
      'Dear {{family}} family,',
      '',
      '{{students}} invites you to a student-led conference with {{teacher}} on {{date}}, {{time}}, at {{where}}.',
      '{{interpreter}}',
      '{{students}} will share work and reflections, and you will set goals together and talk about how the family can help.',
      'If you cannot come, another trusted adult is welcome in your place. To ask for another time, contact the school ({{replyTo}}).',
      '',
      '{{school}}',
    ].join('\n'),
  },
};

const ES: Record<MessageKind, Template> = {
  invite: {
    subject: '{{students}} dirige una conferencia con {{teacher}}, {{date}}, {{time}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      '{{students}} les invita a una conferencia dirigida por el estudiante con {{teacher}} el {{date}}, {{time}}, en {{where}}.',
      '{{interpreter}}',
      'Cómo será: les damos la bienvenida; {{students}} comparte sus trabajos y reflexiones de este período; juntos revisan sus metas; y hablan de cómo la familia puede ayudar en casa.',
      'Preguntas que pueden hacer: ¿De qué estás más orgulloso? ¿Qué fue difícil y qué te ayudó? ¿Qué meta te propusiste y cómo podemos ayudarte a lograrla?',
      'Si no pueden venir, otro adulto de confianza (un abuelo, un familiar) es bienvenido en su lugar.',
      'Para pedir otro horario, o una conversación privada con el maestro, respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  reminder: {
    subject: 'Recordatorio: conferencia con {{teacher}}, {{date}}, {{time}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Les recordamos la conferencia que {{students}} dirigirá con {{teacher}} el {{date}}, {{time}}, en {{where}}.',
      '{{interpreter}}',
      'Otro adulto de confianza puede venir en su lugar. Para cambiar el horario, respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  questionnaire: {
    subject: '¿Cómo fue la conferencia con {{teacher}}?',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Gracias por venir a la conferencia que {{students}} dirigió con {{teacher}}. Cuéntennos cómo fue, la meta que se propuso {{students}} y si desean una reunión de seguimiento con el maestro. Son dos minutos:',
      '{{link}}',
      '',
      '{{school}}',
    ].join('\n'),
  },
  letter: {
    subject: 'Invitación: conferencia dirigida por el estudiante, {{date}}, {{time}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      '{{students}} les invita a una conferencia dirigida por el estudiante con {{teacher}} el {{date}}, {{time}}, en {{where}}.',
      '{{interpreter}}',
      '{{students}} compartirá sus trabajos y reflexiones; juntos fijarán metas y hablarán de cómo la familia puede ayudar.',
      'Si no pueden venir, otro adulto de confianza es bienvenido en su lugar. Para pedir otro horario, comuníquense con la escuela ({{replyTo}}).',
      '',
      '{{school}}',
    ].join('\n'),
  },
};

/** The reviewed built-in texts. */
export const BUILT_IN: Record<string, Record<MessageKind, Template>> = { en: EN, es: ES };

const INTERPRETER: Record<string, string> = {
  en: 'An interpreter will be there for you.',
  es: 'Habrá un intérprete para ustedes.',
};

/**
 * The template for a kind in a language: the stored set (edited or translated) first, then the
 * built-in text for that language, then English.
 */
export function templateFor(kind: MessageKind, language: string, stored: Record<string, TemplateSet> = {}): { template: Template; language: string } {
  const own = stored[language]?.[kind];
  if (own) return { template: own, language };
  const builtIn = BUILT_IN[language]?.[kind];
  if (builtIn) return { template: builtIn, language };
  return { template: stored.en?.[kind] ?? EN[kind], language: 'en' };
}

function values(fields: MessageFields, language: string): Record<FieldName, string> {
  const where = fields.videoLink ? (fields.room ? `${fields.room} (${fields.videoLink})` : fields.videoLink) : fields.room || fields.school;
  return {
    school: fields.school,
    family: fields.family,
    students: fields.students,
    teacher: fields.teacher,
    date: formatDay(fields.date, language),
    time: `${formatTime(fields.start, language)}–${formatTime(fields.end, language)}`,
    room: fields.room,
    where,
    link: fields.link,
    replyTo: fields.replyTo,
    round: fields.round,
    interpreter: fields.interpreter ? (INTERPRETER[language] ?? INTERPRETER.en!) : '',
  };
}

function fill(text: string, vals: Record<string, string>, escape: (s: string) => string): string {
  return text.replace(FIELD, (whole, name: string) => (name in vals ? escape(vals[name]!) : whole));
}

/** Turns a URL in already-escaped text into a link. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

/**
 * Renders a message. The template's own text is trusted (a teacher wrote it) but still escaped;
 * field values are escaped in HTML, and newlines in the subject are flattened (a header cannot
 * be split by a hostile name).
 */
export function renderMessage(kind: MessageKind, language: string, fields: MessageFields, stored: Record<string, TemplateSet> = {}): RenderedMessage {
  const { template, language: used } = templateFor(kind, language, stored);
  const vals = values(fields, used);
  const subject = fill(template.subject, vals, (s) => s)
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, 250);
  const text = fill(template.body, vals, (s) => s)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const paragraphs = text.split(/\n{2,}|\n/).filter((p) => p.trim() !== '');
  const html = paragraphs.map((p) => `<p>${linkify(escapeHtml(p))}</p>`).join('\n');
  return { subject, html, text };
}
