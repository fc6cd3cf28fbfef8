/**
 * The printed letter for a family no email reaches: for each form, a QR code of the family's own
 * link (its code filled in, nothing to type) and the form's short link with the code to type, in
 * the family's form language; then the tear-off reply slip. It greets the family and names, on
 * each conference line, only the family's own children (those whose rows list its guardians) and
 * their teacher; no other family. Pure: the QR codes are drawn here (src/core/qr.ts), never by an
 * outside service; every text is escaped.
 */
import { formLanguage } from './formtexts';
import { languageName } from './normalize';
import { hasOwn } from './own';
import { printPage } from './printpage';
import { qrSvg } from './qr';
import {
  conferenceLabel,
  escapeHtml,
  formatDay,
  formatTime,
  joinNames,
  onlineLine,
  placeInWords,
} from './templates';

export interface PaperForm {
  /** The form's title as the family's form shows it. */
  title: string;
  /** The family's own prefilled link (its code in it). */
  link: string;
  /** The form's short forms.gle link (no code in it), or '' when Google gave none. */
  shortLink: string;
  /** The code the family types into the form when it opens the short link. */
  code: string;
  /** The teacher whose conference a questionnaire is about (no child: the letter names none). */
  teacher?: string;
}

export interface PaperLetterInput {
  schoolName: string;
  familyId: string;
  language: string;
  forms: PaperForm[];
  /** The reply slip's text (src/core/replyslip.ts), one line per question or time. */
  slip: string;
  /** The family's conferences once scheduled (from conferenceLines), first thing on the page. */
  conferences?: string[];
  /** The family's name as the Roster gives it ("Rivera"), for the greeting; '' greets "family". */
  familyName?: string;
  /** Its children on the waiting list, from waitingLines, after its conferences. */
  waiting?: string[];
}

/** One of a family's scheduled conferences, as the Schedule and the teacher's window give it. */
export interface PaperConference {
  date: string;
  start: number;
  end: number;
  room: string;
  videoLink: string;
  /** The teacher the conference is with, as the Schedule names them. */
  teacher: string;
  /** The children whose conference it is: only the family's own (the disclosure rule). */
  students: string[];
}

interface ConferenceLine {
  /** The children's names already joined ("Amy and Ben"), or '' when none is known. */
  who: string;
  teacher: string;
  day: string;
  time: string;
  place: string;
}

/** "Amy’s conference with Mr. Okafor: …" in the languages written here; English otherwise. */
const CONFERENCE_WORDS: Record<string, (l: ConferenceLine) => string> = {
  en: (l) =>
    `${l.who ? `${l.who}’s conference` : 'Your conference'}${l.teacher ? ` with ${l.teacher}` : ''}: ${l.day}, ${l.time}${l.place ? `, at ${l.place}` : ''}.`,
  es: (l) =>
    `${l.who ? `Conferencia de ${l.who}` : 'Su conferencia'}${l.teacher ? ` con ${l.teacher}` : ''}: ${l.day}, ${l.time}${l.place ? `, en ${l.place}` : ''}.`,
};

/**
 * Each conference's children, teacher, day, time and place in words, in the family's language (English where this
 * file has no words for it), each followed by its "Join online: <link>" line when it has one.
 */
export function conferenceLines(conferences: PaperConference[], language: string): string[] {
  const own = CONFERENCE_WORDS[language] ? language : 'en';
  return [...conferences]
    .sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start)
    .flatMap((c) => [
      CONFERENCE_WORDS[own]!({
        who: joinNames(c.students, own),
        teacher: c.teacher,
        day: formatDay(c.date, own),
        time: `${formatTime(c.start, own)}–${formatTime(c.end, own)}`,
        place: placeInWords(c.room, c.videoLink, own),
      }),
      onlineLine(c.videoLink, own),
    ])
    .filter(Boolean);
}

/** A family's children waiting for a conference with one teacher (only its own children). */
export interface PaperWaiting {
  teacher: string;
  students: string[];
}

/**
 * "Amy is on our waiting list for a conference with Mr. Okafor: …" in the languages written
 * here; English otherwise. The family has no email, so a freed time comes by phone or letter.
 */
const WAITING_WORDS: Record<string, (who: string, many: boolean, teacher: string) => string> = {
  en: (who, many, teacher) =>
    `${who} ${many ? 'are' : 'is'} on our waiting list for a conference with ${teacher}: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.`,
  es: (who, many, teacher) =>
    `${who} ${many ? 'están' : 'está'} en nuestra lista de espera para una conferencia con ${teacher}: aún no encontramos un horario que les convenga. Cuando se libere un horario, la escuela les llamará o les escribirá para ofrecérselo.`,
};

/** One line per teacher the family's children wait for, in the family's language. */
export function waitingLines(waiting: PaperWaiting[], language: string): string[] {
  const own = WAITING_WORDS[language] ? language : 'en';
  return waiting
    .filter((w) => w.students.length > 0)
    .map((w) => WAITING_WORDS[own]!(joinNames(w.students, own), w.students.length > 1, w.teacher));
}

interface LetterWords {
  greet: (family: string) => string;
  scan: string;
  type: string;
  code: string;
  slip: string;
  cut: string;
}

const WORDS: Record<string, LetterWords> = {
  en: {
    greet: (family) => (family ? `Dear ${family} family,` : 'Dear family,'),
    scan: 'Scan the code with a phone camera to open the form with your family’s code filled in.',
    type: 'Or type this address:',
    code: 'and write this code in the first question:',
    slip: 'No phone or computer? Fill in this slip and give it back to your child’s teacher; the school will enter it for you.',
    cut: 'Cut here',
  },
  es: {
    greet: (family) => (family ? `Estimada familia ${family}:` : 'Estimada familia:'),
    scan: 'Escaneen el código con la cámara de un teléfono para abrir el formulario con el código de su familia ya puesto.',
    type: 'O escriban esta dirección:',
    code: 'y escriban este código en la primera pregunta:',
    slip: '¿No tienen teléfono ni computadora? Llenen esta hoja y devuélvanla al maestro de su hijo; la escuela la ingresará por ustedes.',
    cut: 'Corte aquí',
  },
};

const STYLE = `body{font:12pt/1.4 system-ui,sans-serif;margin:0}
.letter{padding:1.5cm;page-break-after:always}
.form{display:flex;gap:1em;align-items:center;margin:1em 0}
.form svg{flex:none}
.slip{border-top:2px dashed #000;margin-top:2em;padding-top:1em;white-space:pre-wrap}
code{font-size:13pt}
@media print{.noprint{display:none}}`;

/**
 * For a family whose language this letter has no words for: the letter says, in English and
 * first, which language it is written in and how to get help reading it, rather than being
 * silently English. '' when the letter is in the family's own language.
 */
export function fallbackNote(language: string): string {
  if (!language || hasOwn(WORDS, language)) return '';
  return `This letter’s instructions are in English: we have no ${languageName(language)} text for it yet. Please ask the school if you would like help reading it.`;
}

/** One family's letter: the page's content, to print alone or after others. */
export function paperLetterBody(p: PaperLetterInput): string {
  const language = formLanguage(p.language);
  const w = WORDS[language] ?? WORDS.en!;
  const note = fallbackNote(p.language);
  const forms = p.forms
    .map(
      (f) => `<section class="form">${qrSvg(f.link)}<div>
<h2>${escapeHtml(f.title)}</h2>
${f.teacher ? `<p>${escapeHtml(conferenceLabel(f.teacher, [], language))}</p>\n` : ''}<p>${escapeHtml(w.scan)}</p>
${
  f.shortLink
    ? `<p>${escapeHtml(w.type)} <code>${escapeHtml(f.shortLink)}</code> ${escapeHtml(w.code)} <code>${escapeHtml(f.code)}</code></p>`
    : ''
}</div></section>`,
    )
    .join('\n');
  return `<main class="letter" lang="${escapeHtml(language)}">
<p class="meta">${escapeHtml(`${p.schoolName} · Ref. ${p.familyId}`)}</p>
${note ? `<p class="fallback">${escapeHtml(note)}</p>\n` : ''}<p class="greeting">${escapeHtml(w.greet(p.familyName ?? ''))}</p>
${(p.conferences ?? []).map((c) => `<p class="conference"><strong>${escapeHtml(c)}</strong></p>`).join('\n')}
${(p.waiting ?? []).map((w) => `<p class="waitlist"><strong>${escapeHtml(w)}</strong></p>`).join('\n')}
${forms}
<section class="slip"><p>✂ ${escapeHtml(w.cut)}</p><p>${escapeHtml(w.slip)}</p>
<p>${escapeHtml(p.slip)}</p></section>
</main>`;
}

/**
 * The office's phone list for the families the letters go to, each with its call's script in
 * the family's language: a page of its own, printed after the letters and never sent.
 */
export function paperPhoneList(
  families: { familyId: string; phone: string; askFor?: string; phoneScript: string[] }[],
): string {
  return `<main class="letter phones">
<h1>Phone list: families without email (for the office)</h1>
${families
  .map(
    (
      f,
    ) => `<section><h2>${escapeHtml(`Ref. ${f.familyId} · ${f.phone || '(no phone on the Roster)'}`)}</h2>
${f.askFor ? `<p class="ask">${escapeHtml(f.askFor)}</p>\n` : ''}<p class="script">${f.phoneScript.map(escapeHtml).join('<br>')}</p></section>`,
  )
  .join('\n')}
</main>`;
}

/** A printable HTML document of letters, one page each, in the order given. */
export function paperLetterPage(title: string, bodies: string[]): string {
  return printPage(title, STYLE, bodies);
}
