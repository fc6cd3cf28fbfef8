/**
 * The texts families receive: the invitation (Calendar event title and description), reminders,
 * the questionnaire request, the printable letter for families without email, and the request
 * for a family's availability (with its own link to the form). Each is a
 * template with named fields ({{student}}, {{teacher}}...), written once per language; every
 * message is rendered as a subject, an HTML body (each value escaped) and a plain-text body.
 *
 * Built-in texts exist for English and Spanish. Other languages come from a stored set (a
 * LanguageApp translation kept in the document, which a person may correct), and otherwise fall
 * back to English. Pure: no Apps Script global; dates arrive as yyyy-MM-dd and minutes.
 *
 * One child or several: {{students}} may name siblings ("Ana, Luis and Sofía"), and the words
 * that must agree with them are written in the template as a choice, the wording for one child
 * first and for several second: "{{students}} {{leads|lead}} a conference", "{{students}}
 * {{dirigirá|dirigirán}}", "{{la meta que se propuso|las metas que se propusieron}}". The
 * message's `children` picks the side. A choice rather than count-aware fields ({{lead}} =
 * "leads"/"lead") because a field would have to exist for every verb of every language, and a
 * school editing a Spanish text needs dirige, dirigirá, dirigió, comparte, compartirá, invita,
 * su/sus and more; a choice is written where the sentence needs it, in any language, and reads as
 * what it does. A template that has no choice (every template a school edited before choices
 * existed) renders exactly as it did. Machine translation gets the wording for one child (a
 * translator cannot keep both sides of a choice), which is what it got before.
 */
import { hasOwn } from './own';

export const MESSAGE_KINDS = [
  'invite',
  'reminder',
  'questionnaire',
  'letter',
  'availability',
  'waitlist',
  'noshow',
  'waitoffer',
  'waitgone',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What a template may name. Values are plain text; rendering escapes them for HTML. */
export interface MessageFields {
  school: string;
  /** The family's name as greeted ("García": "Dear García family", "Estimada familia García"). */
  family: string;
  /** Students' first names, joined in the family's language ("Ana and Luis"). */
  students: string;
  /** How many children {{students}} names: 1 (or 0) picks the first side of each {{one|several}}. */
  children: number;
  teacher: string;
  /** yyyy-MM-dd in the school's zone. */
  date: string;
  /** Minutes after midnight. */
  start: number;
  end: number;
  room: string;
  /** Video-call link, or ''. */
  videoLink: string;
  /** The family's own form link (questionnaire, availability), or ''. */
  link: string;
  /** Where to reply to ask for a change or a private talk. */
  replyTo: string;
  round: string;
  /** True when an interpreter will be present. */
  interpreter: boolean;
  /**
   * Optional: every conference the message is about, when there are several (siblings on one
   * day). Rendered as {{schedule}}, one line each; empty for a single conference.
   */
  /** True when the family waits for its way to meet (in person, online), not for a time. */
  waitsForWay?: boolean;
  conferences?: {
    students: string;
    teacher: string;
    start: number;
    end: number;
    room: string;
    /** The conference's own video-call link, or ''. */
    videoLink?: string;
  }[];
}

/** One language's texts for one kind of message. */
export interface Template {
  subject: string;
  body: string;
  /**
   * The wording for two or more children, where it cannot be a {{one|several}} choice: a
   * machine translation is made once per count (a translator cannot keep both sides of a choice).
   */
  several?: { subject: string; body: string };
  /**
   * The wording when the message lists several conferences (siblings with different teachers on
   * one day): "the conferences", each one's time and place under it. Built-in texts only.
   */
  manyConferences?: { subject: string; body: string };
  /**
   * The waiting-list wording when what keeps the family waiting is the way it asked to meet
   * (no window offers it), not its times: it must not blame the times. Built-in texts only.
   */
  otherWay?: { subject: string; body: string };
}

/** One language's texts; `interpreter` is the sentence {{interpreter}} becomes (translated languages). */
export type TemplateSet = Partial<Record<MessageKind, Template>> & { interpreter?: string };

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

/** The fields a template may use, with what each one becomes (for the editor's help). */
export const FIELD_NAMES = [
  'school',
  'family',
  'students',
  'teacher',
  'date',
  'time',
  'room',
  'where',
  'online',
  'link',
  'replyTo',
  'round',
  'interpreter',
  'schedule',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

const FIELD = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
/** {{for one child|for several}}: two sides, neither holding a brace or another bar. */
const CHOICE = /\{\{([^{}|]*)\|([^{}|]*)\}\}/g;
/** Anything in double braces holding a bar, to report a choice that is not two-sided. */
const BARRED = /\{\{[^{}]*\|[^{}]*\}\}/g;

/**
 * The template's text with each {{one|several}} resolved for `children` children (none, when a
 * message names nobody, reads as one: what every message said before choices existed).
 */
export function chooseWording(text: string, children: number): string {
  return text.replace(CHOICE, (_whole, one: string, several: string) =>
    children > 1 ? several : one,
  );
}

/** Whether a template reads differently for one child and for several. */
export function hasChoice(template: Template): boolean {
  return [template.subject, template.body].some(
    (text) => chooseWording(text, 1) !== chooseWording(text, 2),
  );
}

/** Field names a template uses that do not exist (reported before anything is sent). */
export function unknownFields(template: Template): string[] {
  const out = new Set<string>();
  for (const text of [template.subject, template.body]) {
    for (const m of text.match(FIELD) ?? []) {
      const name = m.replace(/[{}\s]/g, '');
      if (!(FIELD_NAMES as readonly string[]).includes(name)) out.add(name);
    }
    for (const m of text.match(BARRED) ?? [])
      if (!m.match(CHOICE) || m.match(CHOICE)![0] !== m) out.add(m.slice(2, -2));
  }
  return [...out];
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Month names per built-in language. */
export const MONTHS: Record<string, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  ro: [
    'ianuarie',
    'februarie',
    'martie',
    'aprilie',
    'mai',
    'iunie',
    'iulie',
    'august',
    'septembrie',
    'octombrie',
    'noiembrie',
    'decembrie',
  ],
  tr: [
    'Ocak',
    'Şubat',
    'Mart',
    'Nisan',
    'Mayıs',
    'Haziran',
    'Temmuz',
    'Ağustos',
    'Eylül',
    'Ekim',
    'Kasım',
    'Aralık',
  ],
  tl: [
    'Enero',
    'Pebrero',
    'Marso',
    'Abril',
    'Mayo',
    'Hunyo',
    'Hulyo',
    'Agosto',
    'Setyembre',
    'Oktubre',
    'Nobyembre',
    'Disyembre',
  ],
  ht: [
    'janvye',
    'fevriye',
    'mas',
    'avril',
    'me',
    'jen',
    'jiyè',
    'out',
    'septanm',
    'oktòb',
    'novanm',
    'desanm',
  ],
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  so: [
    'Janaayo',
    'Febraayo',
    'Maarso',
    'Abriil',
    'May',
    'Juun',
    'Luuliyo',
    'Ogost',
    'Sebtembar',
    'Oktoobar',
    'Nofembar',
    'Desembar',
  ],
  ar: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
  sw: [
    'Januari',
    'Februari',
    'Machi',
    'Aprili',
    'Mei',
    'Juni',
    'Julai',
    'Agosti',
    'Septemba',
    'Oktoba',
    'Novemba',
    'Desemba',
  ],
};
const WEEKDAYS: Record<string, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  pt: [
    'domingo',
    'segunda-feira',
    'terça-feira',
    'quarta-feira',
    'quinta-feira',
    'sexta-feira',
    'sábado',
  ],
  de: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  it: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  ro: ['duminică', 'luni', 'marți', 'miercuri', 'joi', 'vineri', 'sâmbătă'],
  tr: ['Pazar', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi'],
  tl: ['Linggo', 'Lunes', 'Martes', 'Miyerkules', 'Huwebes', 'Biyernes', 'Sabado'],
  ht: ['dimanch', 'lendi', 'madi', 'mèkredi', 'jedi', 'vandredi', 'samdi'],
  ru: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
  so: ['Axad', 'Isniin', 'Talaado', 'Arbaco', 'Khamiis', 'Jimce', 'Sabti'],
  ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
  sw: ['Jumapili', 'Jumatatu', 'Jumanne', 'Jumatano', 'Alhamisi', 'Ijumaa', 'Jumamosi'],
  vi: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  ja: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
  ko: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
};

/** Whether formatDay has the language's own words for a day (else it writes the English day). */
export function hasDayWords(language: string): boolean {
  return hasOwn(WEEKDAYS, language);
}

/**
 * The day as the family's language writes it, from tables (Intl is not dependable in Apps
 * Script): "Tuesday, November 10", "martes 10 de noviembre", "mardi 10 novembre",
 * "Dienstag, 10. November", "Thứ ba, ngày 10 tháng 11", "11月10日 星期二", "вторник, 10 ноября".
 * A language without tables gets the English day, never ISO (2026-11-10), which families of
 * many languages read in another order or not at all.
 */
export function formatDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const wd = WEEKDAYS[language]?.[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const month = MONTHS[language]?.[m - 1];
  switch (language) {
    case 'en':
      return `${wd}, ${month} ${d}`;
    case 'es':
    case 'pt':
      return `${wd} ${d} de ${month}`;
    case 'fr':
    case 'it':
    case 'ro':
    case 'ht':
      return `${wd} ${d} ${month}`;
    case 'de':
      return `${wd}, ${d}. ${month}`;
    case 'tr':
      return `${d} ${month} ${wd}`;
    case 'tl':
      return `${wd}, ${month} ${d}`;
    case 'sw':
    case 'ru':
    case 'so':
      return `${wd}, ${d} ${month}`;
    case 'ar':
      return `${wd} ${d} ${month}`;
    case 'vi':
      return `${wd}, ngày ${d} tháng ${m}`;
    case 'zh':
    case 'ja':
      return `${m}月${d}日 ${wd}`;
    case 'ko':
      return `${m}월 ${d}일 ${wd}`;
    default:
      // A language without tables reads the English day: a family may misread ISO's order.
      return formatDay(date, 'en');
  }
}

/** "3:30 PM" in English (and Tagalog, Hindi, Urdu, Bengali: 12-hour in use), "15:30" elsewhere. */
export function formatTime(minutes: number, language: string): string {
  const h = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  if (['en', 'tl', 'hi', 'ur', 'bn'].includes(language))
    return `${((h + 11) % 12) + 1}:${mm} ${h < 12 ? 'AM' : 'PM'}`;
  if (language === 'fr') return `${h} h ${mm}`;
  return `${String(h).padStart(2, '0')}:${mm}`;
}

/** "Tuesday, November 17, 3:00 PM – 7:30 PM": a day and its times as the language writes them. */
export function formatDayAndTimes(
  date: string,
  start: number,
  end: number,
  language: string,
): string {
  return `${formatDay(date, language)}, ${formatTime(start, language)} – ${formatTime(end, language)}`;
}

/**
 * "Ana", "Ana and Luis", "Ana, Luis and Sofía"; in Spanish "Ana y Luis", "Ana, Luis y Sofía",
 * and "e" before a name that starts with the sound i ("Ana e Inés", "Luis e Hilda"), but not
 * before i + vowel, which sounds y ("Ana y Iago", "Ana y Hielo").
 */
export function joinNames(names: string[], language: string): string {
  if (names.length <= 1) return names[0] ?? '';
  const last = names[names.length - 1]!;
  const and =
    language === 'es'
      ? /^h?[iIíÍ](?![aeiouáéíóúAEIOUÁÉÍÓÚ])/i.test(last.trim())
        ? 'e'
        : 'y'
      : 'and';
  return `${names.slice(0, -1).join(', ')} ${and} ${last}`;
}

const EN: Record<MessageKind, Template> = {
  invite: {
    subject: '{{students}} {{leads|lead}} a conference with {{teacher}}, {{date}}, {{time}}',
    body: [
      'Dear {{family}} family,',
      '',
      '{{students}} {{invites|invite}} you to a student-led conference with {{teacher}} on {{date}}, {{time}}, at {{where}}.',
      '{{online}}',
      '{{interpreter}}',
      'What happens: we welcome you; {{students}} {{shares|share}} work and reflections from this term; together you look at goals; and you talk about how the family can help at home.',
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
      '{{online}}',
      '{{schedule}}',
      '{{interpreter}}',
      'Another trusted adult may come in your place. To change the time, reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
    manyConferences: {
      subject: 'Reminder: conferences with {{teacher}}, {{date}}, {{time}}',
      body: [
        'Dear {{family}} family,',
        '',
        'This is a reminder of the student-led conferences {{students}} will lead on {{date}}:',
        '{{online}}',
        '{{schedule}}',
        '{{interpreter}}',
        'Another trusted adult may come in your place. To change a time, reply to {{replyTo}}.',
        '',
        '{{school}}',
      ].join('\n'),
    },
  },
  questionnaire: {
    subject: 'How did the conference with {{teacher}} go?',
    body: [
      'Dear {{family}} family,',
      '',
      'Thank you for coming to the conference {{students}} led with {{teacher}}. Please tell us how it went, the {{goal|goals}} {{students}} set, and whether you would like a follow-up meeting with the teacher. It takes two minutes:',
      '{{link}}',
      '',
      '{{school}}',
    ].join('\n'),
    manyConferences: {
      subject: 'How did the conferences with {{teacher}} go?',
      body: [
        'Dear {{family}} family,',
        '',
        'Thank you for coming to the conferences {{students}} led with {{teacher}}. Each conference has its own link below: please tell us how each one went, the goals set, and whether you would like a follow-up meeting with the teacher. Each takes two minutes:',
        '{{link}}',
        '',
        '{{school}}',
      ].join('\n'),
    },
  },
  letter: {
    subject: 'Invitation: student-led conference, {{date}}, {{time}}',
    body: [
      'Dear {{family}} family,',
      '',
      '{{students}} {{invites|invite}} you to a student-led conference with {{teacher}} on {{date}}, {{time}}, at {{where}}.',
      '{{online}}',
      '{{interpreter}}',
      '{{students}} will share work and reflections, and you will set goals together and talk about how the family can help.',
      'If you cannot come, another trusted adult is welcome in your place. To ask for another time, contact the school ({{replyTo}}).',
      '',
      '{{school}}',
    ].join('\n'),
  },
  availability: {
    subject: 'When can you come to {{the conference|the conferences}} {{students}} will lead?',
    body: [
      'Dear {{family}} family,',
      '',
      '{{students}} will lead a conference with you and the teacher: {{students}} {{shares|share}} work and reflections, and together you set goals. Please tell us which times suit your family, whether you would like an interpreter, and who will come (another trusted adult is welcome in your place). It takes two minutes:',
      '{{link}}',
      'This link is your family’s own; please do not pass it on. Use it again to change your answer or to ask for another time.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  waitlist: {
    subject: 'No conference time fitted yet for {{students}}',
    body: [
      'Dear {{family}} family,',
      '',
      'We could not yet find a conference time with {{teacher}} for {{students}} that fits the times you gave us. {{students}} {{is|are}} on our waiting list: when a time frees up that fits, we will email you a link to accept it, and the first family to accept is placed.',
      'You do not need to do anything now. To give us other times or to talk to the teacher, reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
    otherWay: {
      subject: 'No conference time fitted yet for {{students}}',
      body: [
        'Dear {{family}} family,',
        '',
        'We could not yet find a conference time with {{teacher}} for {{students}} in the way you asked to meet: {{teacher}} has no time that way yet. {{students}} {{is|are}} on our waiting list: when a time that way frees up, we will email you a link to accept it, and the first family to accept is placed.',
        'If another way to meet (in person or online) suits you, or to talk to the teacher, reply to {{replyTo}}.',
        '',
        '{{school}}',
      ].join('\n'),
    },
  },
  noshow: {
    subject: 'Another time for the conference {{students}} prepared',
    body: [
      'Dear {{family}} family,',
      '',
      'We missed you at the conference {{students}} prepared with {{teacher}} on {{date}}, and we would like to offer you another time. Please tell us which times suit your family through your own link (it takes two minutes):',
      '{{link}}',
      'This link is your family’s own; please do not pass it on. If no time suits you, reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  waitoffer: {
    subject: 'A conference time has freed up for {{students}}: {{date}}, {{time}}',
    body: [
      'Dear {{family}} family,',
      '',
      'A conference time with {{teacher}} has freed up for {{students}}: {{date}}, {{time}}. It fits the times you gave us. To take it, open your own link and press Submit (nothing else to fill in):',
      '{{link}}',
      'The time goes to the first family that accepts; if it is gone, we will tell you and {{students}} {{stays|stay}} on our waiting list. This link is your family’s own; please do not pass it on. Questions: reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  waitgone: {
    subject:
      'The freed time on {{date}} was taken: {{students}} {{stays|stay}} on the waiting list',
    body: [
      'Dear {{family}} family,',
      '',
      'Thank you for accepting the conference time with {{teacher}} on {{date}}, {{time}}. Another family accepted it first, so {{students}} {{stays|stay}} on our waiting list. When another time frees up that fits, we will email you again.',
      'To give us other times, reply to {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
};

const ES: Record<MessageKind, Template> = {
  invite: {
    subject: '{{students}} {{dirige|dirigen}} una conferencia con {{teacher}}, {{date}}, {{time}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      '{{students}} les {{invita|invitan}} a una conferencia dirigida por {{el estudiante|los estudiantes}} con {{teacher}} el {{date}}, {{time}}, en {{where}}.',
      '{{online}}',
      '{{interpreter}}',
      'Cómo será: les damos la bienvenida; {{students}} {{comparte|comparten}} sus trabajos y reflexiones de este período; juntos revisan sus metas; y hablan de cómo la familia puede ayudar en casa.',
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
      'Les recordamos la conferencia que {{students}} {{dirigirá|dirigirán}} con {{teacher}} el {{date}}, {{time}}, en {{where}}.',
      '{{online}}',
      '{{schedule}}',
      '{{interpreter}}',
      'Otro adulto de confianza puede venir en su lugar. Para cambiar el horario, respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
    manyConferences: {
      subject: 'Recordatorio: conferencias con {{teacher}}, {{date}}, {{time}}',
      body: [
        'Estimada familia {{family}}:',
        '',
        'Les recordamos las conferencias que {{students}} {{dirigirá|dirigirán}} el {{date}}:',
        '{{online}}',
        '{{schedule}}',
        '{{interpreter}}',
        'Otro adulto de confianza puede venir en su lugar. Para cambiar un horario, respondan a {{replyTo}}.',
        '',
        '{{school}}',
      ].join('\n'),
    },
  },
  questionnaire: {
    subject: '¿Cómo fue la conferencia con {{teacher}}?',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Gracias por venir a la conferencia que {{students}} {{dirigió|dirigieron}} con {{teacher}}. Cuéntennos cómo fue, {{la meta que se propuso|las metas que se propusieron}} {{students}} y si desean una reunión de seguimiento con el maestro. Son dos minutos:',
      '{{link}}',
      '',
      '{{school}}',
    ].join('\n'),
    manyConferences: {
      subject: '¿Cómo fueron las conferencias con {{teacher}}?',
      body: [
        'Estimada familia {{family}}:',
        '',
        'Gracias por venir a las conferencias que {{students}} dirigieron con {{teacher}}. Cada conferencia tiene su propio enlace abajo: cuéntennos cómo fue cada una, las metas que se propusieron y si desean una reunión de seguimiento con el maestro. Son dos minutos cada una:',
        '{{link}}',
        '',
        '{{school}}',
      ].join('\n'),
    },
  },
  letter: {
    subject:
      'Invitación: conferencia dirigida por {{el estudiante|los estudiantes}}, {{date}}, {{time}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      '{{students}} les {{invita|invitan}} a una conferencia dirigida por {{el estudiante|los estudiantes}} con {{teacher}} el {{date}}, {{time}}, en {{where}}.',
      '{{online}}',
      '{{interpreter}}',
      '{{students}} {{compartirá|compartirán}} sus trabajos y reflexiones; juntos fijarán metas y hablarán de cómo la familia puede ayudar.',
      'Si no pueden venir, otro adulto de confianza es bienvenido en su lugar. Para pedir otro horario, comuníquense con la escuela ({{replyTo}}).',
      '',
      '{{school}}',
    ].join('\n'),
  },
  availability: {
    subject:
      '¿Cuándo pueden venir a {{la conferencia|las conferencias}} que {{dirigirá|dirigirán}} {{students}}?',
    body: [
      'Estimada familia {{family}}:',
      '',
      '{{students}} {{dirigirá|dirigirán}} una conferencia con ustedes y el maestro: {{compartirá|compartirán}} sus trabajos y reflexiones, y juntos fijarán metas. Por favor, dígannos qué horarios les convienen, si desean un intérprete y quién vendrá (otro adulto de confianza es bienvenido en su lugar). Son dos minutos:',
      '{{link}}',
      'Este enlace es solo de su familia; por favor, no lo compartan. Úsenlo de nuevo para cambiar su respuesta o pedir otro horario.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  waitlist: {
    subject: 'Aún no encontramos un horario de conferencia para {{students}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Aún no encontramos un horario de conferencia con {{teacher}} para {{students}} que coincida con los horarios que nos dieron. {{students}} {{está|están}} en nuestra lista de espera: cuando se libere un horario que les convenga, les enviaremos por correo un enlace para aceptarlo, y la primera familia que acepte obtiene el lugar.',
      'No necesitan hacer nada ahora. Para darnos otros horarios o hablar con el maestro, respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
    otherWay: {
      subject: 'Aún no encontramos un horario de conferencia para {{students}}',
      body: [
        'Estimada familia {{family}}:',
        '',
        'Aún no encontramos un horario de conferencia con {{teacher}} para {{students}} en la forma de reunión que pidieron: {{teacher}} aún no tiene horarios de esa forma. {{students}} {{está|están}} en nuestra lista de espera: cuando se libere un horario de esa forma, les enviaremos por correo un enlace para aceptarlo, y la primera familia que acepte obtiene el lugar.',
        'Si les conviene otra forma de reunirse (en persona o en línea), o para hablar con el maestro, respondan a {{replyTo}}.',
        '',
        '{{school}}',
      ].join('\n'),
    },
  },
  noshow: {
    subject: 'Otro horario para la conferencia que {{preparó|prepararon}} {{students}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Los extrañamos en la conferencia que {{students}} {{preparó|prepararon}} con {{teacher}} el {{date}}, y queremos ofrecerles otro horario. Por favor, dígannos qué horarios les convienen con su propio enlace (son dos minutos):',
      '{{link}}',
      'Este enlace es solo de su familia; por favor, no lo compartan. Si ningún horario les conviene, respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  waitoffer: {
    subject: 'Se liberó un horario de conferencia para {{students}}: {{date}}, {{time}}',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Se liberó un horario de conferencia con {{teacher}} para {{students}}: {{date}}, {{time}}. Coincide con los horarios que nos dieron. Para tomarlo, abran su propio enlace y pulsen Enviar (no hay que llenar nada más):',
      '{{link}}',
      'El horario es para la primera familia que lo acepte; si ya no está libre, se lo diremos y {{students}} {{sigue|siguen}} en nuestra lista de espera. Este enlace es solo de su familia; por favor, no lo compartan. Preguntas: respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
  waitgone: {
    subject:
      'El horario del {{date}} ya fue tomado: {{students}} {{sigue|siguen}} en la lista de espera',
    body: [
      'Estimada familia {{family}}:',
      '',
      'Gracias por aceptar el horario de conferencia con {{teacher}} el {{date}}, {{time}}. Otra familia lo aceptó primero, así que {{students}} {{sigue|siguen}} en nuestra lista de espera. Cuando se libere otro horario que les convenga, les escribiremos de nuevo.',
      'Para darnos otros horarios, respondan a {{replyTo}}.',
      '',
      '{{school}}',
    ].join('\n'),
  },
};

/** The reviewed built-in texts. */
export const BUILT_IN: Record<string, Record<MessageKind, Template>> = { en: EN, es: ES };

export const INTERPRETER: Record<string, string> = {
  en: 'An interpreter will be there for you.',
  es: 'Habrá un intérprete para ustedes.',
};

/**
 * The template for a kind in a language: the stored set (edited or translated) first, then the
 * built-in text for that language, then English.
 */
export function templateFor(
  kind: MessageKind,
  language: string,
  stored: Record<string, TemplateSet> = {},
): { template: Template; language: string } {
  const own = stored[language]?.[kind];
  if (own) return { template: own, language };
  const builtIn = BUILT_IN[language]?.[kind];
  if (builtIn) return { template: builtIn, language };
  return { template: stored.en?.[kind] ?? EN[kind], language: 'en' };
}

/** How each built-in language names a room, a meeting online, and the line with the link. */
const PLACE_WORDS: Record<string, { room: string; online: string; or: string; join: string }> = {
  en: {
    room: 'Room',
    online: 'the online meeting (link below)',
    or: 'or online (link below)',
    join: 'Join online:',
  },
  es: {
    room: 'el aula',
    online: 'la reunión en línea (enlace abajo)',
    or: 'o en línea (enlace abajo)',
    join: 'Conéctense en línea:',
  },
};

/**
 * Whether a Room cell is a bare number or code ("111", "B-2") that needs the word for room
 * before it; "Room 101" or "Library" already names itself.
 */
export function isBareRoom(room: string): boolean {
  return /^[A-Za-z]?-?\d[\w.-]*$/.test(room.trim());
}

/**
 * Where the conference is, in words a family reads after "at" / "en": "Room 111" (a bare room
 * number or code gets the word for room; "Library" stays as written), "the online meeting (link
 * below)", or both: "Room 111, or online (link below)". Never a link in brackets after a room:
 * the link itself is {{online}}, a line of its own.
 */
export function placeInWords(room: string, videoLink: string, language: string): string {
  const words = PLACE_WORDS[language] ?? PLACE_WORDS.en!;
  // The Schedule writes "Video call" in Room for a window with a link and no room.
  if (/^video call$/i.test(room.trim())) room = '';
  const named = isBareRoom(room) ? `${words.room} ${room.trim()}` : room;
  if (!videoLink) return named;
  return named ? `${named}, ${words.or}` : words.online;
}

/** How each built-in language introduces one conference's own form link. */
const FOR_CONFERENCE: Record<string, string> = {
  en: 'For the conference with',
  es: 'Para la conferencia con',
};

/**
 * "For the conference with Ms. Kowalski (Ana)": which conference a link or block is about. The
 * children are only those the reader is listed with; none named when `students` is empty.
 */
export function conferenceLabel(teacher: string, students: string[], language: string): string {
  const names = joinNames(students, language);
  return `${FOR_CONFERENCE[language] ?? FOR_CONFERENCE.en!} ${teacher}${names ? ` (${names})` : ''}`;
}

/**
 * A family's form links as {{link}} gives them: one link alone; several, one line each saying
 * which conference it is for.
 */
export function labelledLinks(
  items: { teacher: string; students: string[]; link: string }[],
  language: string,
): string {
  if (items.length <= 1) return items[0]?.link ?? '';
  return items
    .map((i) => `${conferenceLabel(i.teacher, i.students, language)}: ${i.link}`)
    .join('\n');
}

/** "Join online: <link>" in the family's language, or '' for a conference in person only. */
export function onlineLine(videoLink: string, language: string): string {
  return videoLink ? `${(PLACE_WORDS[language] ?? PLACE_WORDS.en!).join} ${videoLink}` : '';
}

function values(
  fields: MessageFields,
  language: string,
  stored: Record<string, TemplateSet>,
): Record<FieldName, string> {
  const where = placeInWords(fields.room, fields.videoLink, language) || fields.school;
  return {
    school: fields.school,
    family: fields.family,
    students: fields.students,
    teacher: fields.teacher,
    date: formatDay(fields.date, language),
    time: `${formatTime(fields.start, language)}–${formatTime(fields.end, language)}`,
    room: fields.room,
    where,
    online: onlineLine(fields.videoLink, language),
    link: fields.link,
    replyTo: fields.replyTo,
    round: fields.round,
    interpreter: fields.interpreter
      ? (stored[language]?.interpreter ?? INTERPRETER[language] ?? INTERPRETER.en!)
      : '',
    schedule:
      (fields.conferences ?? []).length > 1
        ? fields
            .conferences!.map((c) =>
              [
                `${formatTime(c.start, language)}–${formatTime(c.end, language)}: ${c.students}, ${c.teacher}`,
                placeInWords(c.room, '', language),
                onlineLine(c.videoLink ?? '', language),
              ]
                .filter(Boolean)
                .join('\n'),
            )
            .join('\n')
        : '',
  };
}

function usesField(text: string, name: FieldName): boolean {
  return (text.match(FIELD) ?? []).some((m) => m.replace(/[{}\s]/g, '') === name);
}

function fill(text: string, vals: Record<string, string>, escape: (s: string) => string): string {
  return text.replace(FIELD, (whole, name: string) =>
    hasOwn(vals, name) ? escape(vals[name]!) : whole,
  );
}

/**
 * A field written in brackets that has nothing to say leaves no empty brackets behind: with no
 * reply-to address in Settings, "contact the school ({{replyTo}})." reads "contact the school.",
 * in every language and in a text a school edited or Google translated (full-width brackets too).
 */
function dropEmptyBracketed(text: string, vals: Record<string, string>): string {
  return text.replace(
    /[ \t]*[(（][ \t]*\{\{\s*([A-Za-z]+)\s*\}\}[ \t]*[)）]/g,
    (whole, name: string) => (hasOwn(vals, name) && vals[name]!.trim() === '' ? '' : whole),
  );
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
export function renderMessage(
  kind: MessageKind,
  language: string,
  fields: MessageFields,
  stored: Record<string, TemplateSet> = {},
): RenderedMessage {
  const { template: own, language: used } = templateFor(kind, language, stored);
  const listsSeveral = (fields.conferences ?? []).length > 1;
  const template =
    listsSeveral && own.manyConferences
      ? own.manyConferences
      : fields.waitsForWay && own.otherWay
        ? own.otherWay
        : fields.children > 1 && own.several
          ? own.several
          : own;
  const vals = values(fields, used, stored);
  // Choices first, from the template alone: a name holding "{{a|b}}" stays text.
  const words = (text: string) => dropEmptyBracketed(chooseWording(text, fields.children), vals);
  const subject = fill(words(template.subject), vals, (s) => s)
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, 250);
  // A text edited before {{online}} existed still carries the link, after its own words.
  const body = usesField(template.body, 'online') ? template.body : `${template.body}\n{{online}}`;
  const text = fill(words(body), vals, (s) => s)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const paragraphs = text.split(/\n{2,}|\n/).filter((p) => p.trim() !== '');
  const html = paragraphs.map((p) => `<p>${linkify(escapeHtml(p))}</p>`).join('\n');
  return { subject, html, text };
}

/**
 * Before machine translation: each {{field}} becomes a numbered token the translator leaves
 * alone (digits between brackets survive Google Translate; names in braces do not always). Each
 * {{one|several}} choice becomes its wording for `children` children: a translator cannot keep
 * both, so a text with choices is translated once per count.
 */
export function protectFields(text: string, children = 1): { text: string; fields: string[] } {
  const fields: string[] = [];
  const out = chooseWording(text, children).replace(FIELD, (whole) => {
    fields.push(whole.replace(/\s+/g, ''));
    return `[#${fields.length - 1}]`;
  });
  return { text: out, fields };
}

/** After translation: the fields put back, or null when a token went missing or came twice. */
export function restoreFields(translated: string, fields: string[]): string | null {
  const seen = new Array<number>(fields.length).fill(0);
  const out = translated.replace(/\[\s*#\s*(\d+)\s*\]/g, (whole, n: string) => {
    const i = Number(n);
    if (i >= fields.length) return whole;
    seen[i]!++;
    return fields[i]!;
  });
  return seen.every((c) => c === 1) ? out : null;
}
