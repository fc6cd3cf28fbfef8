/**
 * The conference packet: one printable page per conference, for the teacher and the student in
 * the room. It names only the conference's own students and the adults on their own roster rows
 * (or the stand-in adult the family named), so a packet left on a desk discloses nobody else.
 * Pure: plain values in, one self-contained HTML document out, every person's text escaped.
 */
import { printPage } from './printpage';
import { escapeHtml, formatDayAndTimes, onlineLine, placeInWords } from './templates';
import { hasOwn } from './own';
import { OWN_LANGUAGE_NAMES } from './ownnames';

export interface PacketInput {
  schoolName: string;
  conferenceId: string;
  round: string;
  /** yyyy-mm-dd, and minutes after midnight in the school's zone. */
  date: string;
  start: number;
  end: number;
  teacher: string;
  room: string;
  videoLink: string;
  students: string[];
  /** Who is coming: the guardians on the students' rows, or the adult the family named instead. */
  coming: string[];
  /** The interpreter's language, or '' for none. */
  interpreter: string;
  /** Its code ('es'), to name it in the packet's language as its speakers write it. */
  interpreterCode?: string;
  /** The student's goal for this round, when known. */
  goal: string;
  /** The students' own preparation for this round, when they have prepared. */
  prep: {
    proudOf: string;
    learningTargets: string;
    workSample: string;
    familyQuestion: string;
    /** Who the student said is coming with them. */
    coming?: string;
  }[];
  /**
   * Last round's goals, to look back on (spring looks back on fall): each student's latest goal of
   * an earlier round, with the students it was theirs (merged siblings have one each; a family's
   * goal for the conference names them all); empty when there is none.
   */
  lastGoals: { round: string; goal: string; students: string[] }[];
  /**
   * The family's language (a code such as 'es'): the packet's own words are in it when they are
   * written for it (English and Spanish, by hand, like the student forms), else in English.
   */
  language?: string;
}

/** The parts of a student-led conference, with their weights in a 25-minute conference. */
export const AGENDA_PARTS: { part: string; weight: number }[] = [
  { part: 'Welcome and introductions (the student introduces everyone)', weight: 2 },
  { part: 'The student shares work against the learning targets', weight: 9 },
  { part: 'The student’s goal, and how the family will help', weight: 5 },
  { part: 'The family’s questions', weight: 4 },
  { part: 'A private word with the teacher, if wanted', weight: 3 },
  { part: 'Close: thank-yous and next steps', weight: 2 },
];

/**
 * Minutes per agenda part, scaled to the conference's length: whole minutes that add up to
 * exactly the length (largest remainders get the spare minutes), each part at least one minute
 * when the conference is long enough to give every part one.
 */
export function agendaMinutes(length: number): { part: string; minutes: number }[] {
  const total = AGENDA_PARTS.reduce((n, p) => n + p.weight, 0);
  const floor = length >= AGENDA_PARTS.length ? 1 : 0;
  const spare = Math.max(0, length - floor * AGENDA_PARTS.length);
  const exact = AGENDA_PARTS.map((p) => (spare * p.weight) / total);
  const minutes = exact.map((x) => Math.floor(x));
  let left = spare - minutes.reduce((n, m) => n + m, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    minutes[i]!++;
    left--;
  }
  return AGENDA_PARTS.map((p, i) => ({ part: p.part, minutes: minutes[i]! + floor }));
}

/** Questions a family may ask, printed for the student to expect and the family to borrow. */
export const FAMILY_QUESTIONS = [
  'What are you most proud of, and why?',
  'What was hard, and what did you do when it was hard?',
  'What will you work on next, and how can we help at home?',
  'How will you know you have reached your goal?',
];

const STYLE = `
@page { size: auto; margin: 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124; margin: 0; overflow-wrap: anywhere; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 9pt 0 3pt; border-bottom: 1px solid #dadce0; padding-bottom: 1pt; }
p, ul, ol, table { margin: 0 0 4pt; }
.meta { color: #5f6368; margin-bottom: 6pt; }
table { border-collapse: collapse; width: 100%; }
td { padding: 2pt 4pt; border-bottom: 1px solid #eee; vertical-align: top; }
td.min { width: 4.5em; text-align: right; white-space: nowrap; }
.write { border-bottom: 1px solid #9aa0a6; height: 16pt; }
/* minmax(0, …): a column never grows past half the page for a long link or word (it wraps). */
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 14pt; }
section { break-inside: avoid; }
.packet + .packet { break-before: page; }
@media print { .noprint { display: none; } }
`;

/** The packet's own words, written by hand: the family at the table reads them. */
interface PacketWords {
  title: (students: string) => string;
  when: string;
  where: string;
  teacher: string;
  coming: string;
  saidComing: string;
  interpreter: string;
  lastGoal: (round: string) => string;
  howItWent: string;
  agenda: (minutes: number, students: string) => string;
  /** The agenda's parts, in AGENDA_PARTS' order. */
  parts: string[];
  proudOf: string;
  workShown: string;
  targets: string;
  goalFor: (round: string) => string;
  familyHelp: string;
  questions: string;
  /** FAMILY_QUESTIONS, in their order. */
  familyQuestions: string[];
}

const PACKET_WORDS: Record<string, PacketWords> = {
  en: {
    title: (students) => `${students}: student-led conference`,
    when: 'When',
    where: 'Where',
    teacher: 'Teacher',
    coming: 'Coming',
    saidComing: 'Who I said is coming',
    interpreter: 'Interpreter',
    lastGoal: (round) => `Last round’s goal (${round})`,
    howItWent: 'How it went:',
    agenda: (minutes, students) => `Agenda (${minutes} minutes, led by ${students})`,
    parts: AGENDA_PARTS.map((p) => p.part),
    proudOf: 'What I am proud of',
    workShown: 'Work I will show',
    targets: 'Learning targets',
    goalFor: (round) => `My goal for ${round}`,
    familyHelp: 'How my family can help',
    questions: 'Questions families may ask',
    familyQuestions: FAMILY_QUESTIONS,
  },
  es: {
    title: (students) => `Conferencia dirigida por ${students}`,
    when: 'Cuándo',
    where: 'Dónde',
    teacher: 'Docente',
    coming: 'Acompañantes',
    saidComing: 'Quiénes dije que vendrían',
    interpreter: 'Intérprete',
    lastGoal: (round) => `La meta de la conferencia anterior (${round})`,
    howItWent: 'Cómo me fue:',
    agenda: (minutes, students) => `Agenda (${minutes} minutos, dirigida por ${students})`,
    parts: [
      'Bienvenida y presentaciones (el estudiante presenta a todos)',
      'El estudiante muestra su trabajo en relación con los objetivos de aprendizaje',
      'La meta del estudiante y cómo ayudará la familia',
      'Las preguntas de la familia',
      'Un momento a solas con el docente, si se desea',
      'Cierre: agradecimientos y próximos pasos',
    ],
    proudOf: 'Lo que me enorgullece',
    workShown: 'El trabajo que voy a mostrar',
    targets: 'Objetivos de aprendizaje',
    goalFor: (round) => `Mi meta para ${round}`,
    familyHelp: 'Cómo puede ayudarme mi familia',
    questions: 'Preguntas que la familia puede hacer',
    familyQuestions: [
      '¿Qué es lo que más te enorgullece y por qué?',
      '¿Qué te resultó difícil y qué hiciste entonces?',
      '¿En qué vas a trabajar ahora y cómo podemos ayudarte en casa?',
      '¿Cómo sabrás que alcanzaste tu meta?',
    ],
  },
};

/** The language a packet is written in: the family's when its words are written, else English. */
export function packetLanguage(language: string | undefined): string {
  return language && hasOwn(PACKET_WORDS, language) ? language : 'en';
}

const line = (label: string, value: string) =>
  value ? `<p><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</p>` : '';
const blanks = (n: number) => '<div class="write"></div>'.repeat(n);
/** The students' own words where they gave them, lines to write on where they did not. */
// dir="auto": an answer in Arabic or Hebrew reads right to left within an English or Spanish page.
const answered = (texts: string[]) => {
  const given = texts.filter(Boolean);
  return given.length ? given.map((t) => `<p dir="auto">${escapeHtml(t)}</p>`).join('') : blanks(2);
};

/** Whose goal it is, when the conference has several students and the goal is not all of theirs. */
const named = (g: { students: string[] }, students: number) =>
  students > 1 && g.students.length > 0 && g.students.length < students
    ? `<strong>${escapeHtml(g.students.join(' & '))}:</strong> `
    : '';

/** One conference's packet: the page's content, to print alone or after others. */
export function packetBody(p: PacketInput): string {
  const language = packetLanguage(p.language);
  const w = PACKET_WORDS[language]!;
  const students = p.students.join(' & ');
  const agenda = agendaMinutes(p.end - p.start);
  // "Room 111", "the online meeting (link below)" or both, and the link on a line of its own.
  const where = placeInWords(p.room, p.videoLink, language);
  const saidComing = p.prep
    .map((x) => x.coming ?? '')
    .filter(Boolean)
    .join('; ');
  return `<main class="packet" lang="${language}">
<h1>${escapeHtml(w.title(students))}</h1>
<p class="meta">${escapeHtml(`${p.schoolName} · ${p.round} · ${p.conferenceId}`)}</p>
<section>
${line(w.when, formatDayAndTimes(p.date, p.start, p.end, language))}
${line(w.where, where)}
${p.videoLink ? `<p>${escapeHtml(onlineLine(p.videoLink, language))}</p>` : ''}
${line(w.teacher, p.teacher)}
${line(w.coming, p.coming.join(', '))}
${line(w.saidComing, saidComing)}
${line(w.interpreter, language === 'en' ? p.interpreter : (OWN_LANGUAGE_NAMES[p.interpreterCode ?? ''] ?? p.interpreter))}
</section>
${
  p.lastGoals.length
    ? `<section><h2>${escapeHtml(w.lastGoal([...new Set(p.lastGoals.map((g) => g.round))].join(' / ')))}</h2>
${p.lastGoals.map((g) => `<p dir="auto">${named(g, p.students.length)}${escapeHtml(g.goal)}</p>`).join('\n')}
<p>${escapeHtml(w.howItWent)}</p>${blanks(2)}</section>`
    : ''
}
<section><h2>${escapeHtml(w.agenda(p.end - p.start, students))}</h2>
<table>${agenda
    .map(
      (a, i) =>
        `<tr><td class="min">${a.minutes} min</td><td>${escapeHtml(w.parts[i] ?? a.part)}</td></tr>`,
    )
    .join('')}</table></section>
<section class="grid"><div><h2>${escapeHtml(w.proudOf)}</h2>${answered(p.prep.map((x) => x.proudOf))}
<h2>${escapeHtml(w.workShown)}</h2>${answered(
    p.prep.flatMap((x) => [
      x.workSample,
      x.learningTargets && `${w.targets}: ${x.learningTargets}`,
    ]),
  )}</div>
<div><h2>${escapeHtml(w.goalFor(p.round))}</h2>${p.goal ? `<p dir="auto">${escapeHtml(p.goal)}</p>` : blanks(2)}
<h2>${escapeHtml(w.familyHelp)}</h2>${blanks(2)}</div></section>
<section><h2>${escapeHtml(w.questions)}</h2>
<ul>${[...p.prep.map((x) => x.familyQuestion).filter(Boolean), ...w.familyQuestions]
    .map((q) => `<li dir="auto">${escapeHtml(q)}</li>`)
    .join('')}</ul></section>
</main>`;
}

/** A printable HTML document of packets, one page each, in the order given. */
export function packetPage(title: string, bodies: string[]): string {
  return printPage(title, STYLE, bodies);
}

/** The packet page for one conference. */
export function packetHtml(p: PacketInput): string {
  return packetPage(`${p.students.join(' & ')} – ${p.round} conference`, [packetBody(p)]);
}
