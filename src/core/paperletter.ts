/**
 * The printed letter for a family no email reaches: for each form, a QR code of the family's own
 * link (its code filled in, nothing to type) and the form's short link with the code to type, in
 * the family's form language; then the tear-off reply slip. It greets the family and names, on
 * each conference line, only the family's own children (those whose rows list its guardians) and
 * their teacher; no other family. Pure: the QR codes are drawn here (src/core/qr.ts), never by an
 * outside service; every text is escaped.
 */
import { formLanguage } from './formtexts';
import {
  fillLetterText,
  isTranslated,
  LETTER_ENGLISH,
  RIGHT_TO_LEFT,
  type LetterKey,
  type TranslatedLetter,
} from './lettertexts';
import { languageName } from './normalize';
import { hasOwn } from './own';
import { printPage } from './printpage';
import { qrSvg } from './qr';
import {
  conferenceLabel,
  escapeHtml,
  formatDay,
  formatTime,
  hasDayWords,
  isBareRoom,
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
  /**
   * The letter's words machine-translated into the family's language (`language`, which has no
   * words written here), from the Letter Texts sheet; without it such a letter is in English.
   */
  translated?: TranslatedLetter;
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
 * file has no words for it), each followed by its "Join online: <link>" line when it has one. With
 * `translated`, the lines are in its language, from its texts.
 */
export function conferenceLines(
  conferences: PaperConference[],
  language: string,
  translated?: TranslatedLetter,
): string[] {
  const own = CONFERENCE_WORDS[language] ? language : 'en';
  const sorted = [...conferences].sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
  if (translated) return sorted.flatMap((c) => translatedConference(c, translated));
  return sorted
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

/**
 * The day on a translated letter: the language's own words where src/core/templates.ts has a
 * table for it, else the neutral numeric ISO date (2026-11-17), never English words in a letter
 * that is not English.
 */
export function letterDay(date: string, language: string): string {
  return hasDayWords(language) ? formatDay(date, language) : date;
}

/**
 * A value set apart from the words around it (Unicode's first-strong isolate): a Latin name or
 * a room code in a right-to-left sentence keeps its own direction and does not carry the
 * punctuation next to it along.
 */
const isolate = (value: string) => (value ? `\u2068${value}\u2069` : value);

/** Names joined with the translated "and" ("Amy, Ben and Cal"). */
function joinTranslated(names: string[], t: TranslatedLetter): string {
  if (names.length <= 1) return isolate(names[0] ?? '');
  const all = names.map(isolate);
  return `${all.slice(0, -1).join(', ')} ${t.texts['letter.and']} ${all[all.length - 1]}`;
}

function translatedConference(c: PaperConference, t: TranslatedLetter): string[] {
  const w = t.texts;
  const who = joinTranslated(c.students, t);
  const values = {
    students: who,
    teacher: isolate(c.teacher),
    day: isolate(letterDay(c.date, t.language)),
    time: isolate(`${formatTime(c.start, t.language)}–${formatTime(c.end, t.language)}`),
  };
  // The place as placeInWords says it, with the translated words.
  const room = /^video call$/i.test(c.room.trim()) ? '' : c.room.trim();
  const named = room
    ? isBareRoom(room)
      ? `${w['letter.room']} ${isolate(room)}`
      : isolate(room)
    : '';
  const place = c.videoLink
    ? named
      ? `${named}, ${w['letter.orOnline']}`
      : w['letter.online']
    : named;
  return [
    fillLetterText(who ? w['letter.conference'] : w['letter.conferenceYours'], values),
    place ? fillLetterText(w['letter.place'], { place }) : '',
    c.videoLink ? `${w['letter.join']} ${c.videoLink}` : '',
  ].filter(Boolean);
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

/** One line per teacher the family's children wait for, in the family's language (or `translated`'s). */
export function waitingLines(
  waiting: PaperWaiting[],
  language: string,
  translated?: TranslatedLetter,
): string[] {
  const own = WAITING_WORDS[language] ? language : 'en';
  return waiting
    .filter((w) => w.students.length > 0)
    .map((w) =>
      translated
        ? fillLetterText(
            translated.texts[w.students.length > 1 ? 'letter.waitingMany' : 'letter.waiting'],
            { students: joinTranslated(w.students, translated), teacher: isolate(w.teacher) },
          )
        : WAITING_WORDS[own]!(joinNames(w.students, own), w.students.length > 1, w.teacher),
    );
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
    scan: LETTER_ENGLISH['letter.scan'],
    type: LETTER_ENGLISH['letter.type'],
    code: LETTER_ENGLISH['letter.code'],
    slip: LETTER_ENGLISH['letter.slip'],
    cut: LETTER_ENGLISH['letter.cut'],
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
 * silently English. '' when the letter is in the family's own language. With `translated`, it
 * says so only for the texts kept in English (its own words say it was translated by machine).
 */
export function fallbackNote(language: string, translated?: TranslatedLetter): string {
  if (!language || hasOwn(WORDS, language)) return '';
  if (translated && translated.kept.length === 0) return '';
  if (translated)
    return `Some of this letter’s words are in English: we have no ${languageName(language)} text for them yet. Please ask the school if you would like help reading it.`;
  return `This letter’s instructions are in English: we have no ${languageName(language)} text for it yet. Please ask the school if you would like help reading it.`;
}

/** The letter's words from a translation (English where it kept a text). */
function translatedWords(t: TranslatedLetter): LetterWords {
  const w = (key: LetterKey) => t.texts[key];
  return {
    greet: (family) =>
      family
        ? fillLetterText(w('letter.greet'), { family: isolate(family) })
        : w('letter.greetNone'),
    scan: w('letter.scan'),
    type: w('letter.type'),
    code: w('letter.code'),
    slip: w('letter.slip'),
    cut: w('letter.cut'),
  };
}

/** One family's letter: the page's content, to print alone or after others. */
export function paperLetterBody(p: PaperLetterInput): string {
  // A translation that kept every one of the letter's own texts in English is an English letter.
  const t = isTranslated(p.translated) && !hasOwn(WORDS, p.language) ? p.translated : undefined;
  const language = t ? t.language : formLanguage(p.language);
  const w = t ? translatedWords(t) : (WORDS[language] ?? WORDS.en!);
  const note = fallbackNote(p.language, t);
  const machine = t && !t.kept.includes('letter.machine') ? t.texts['letter.machine'] : '';
  const label = (teacher: string) =>
    t
      ? fillLetterText(t.texts['letter.forConference'], { teacher: isolate(teacher) })
      : conferenceLabel(teacher, [], language);
  const forms = p.forms
    .map(
      (f) => `<section class="form">${qrSvg(f.link)}<div>
<h2>${escapeHtml(f.title)}</h2>
${f.teacher ? `<p>${escapeHtml(label(f.teacher))}</p>\n` : ''}<p>${escapeHtml(w.scan)}</p>
${
  f.shortLink
    ? `<p>${escapeHtml(w.type)} <code>${escapeHtml(f.shortLink)}</code> ${escapeHtml(w.code)} <code>${escapeHtml(f.code)}</code></p>`
    : ''
}</div></section>`,
    )
    .join('\n');
  const dir = RIGHT_TO_LEFT.has(language) ? ' dir="rtl"' : '';
  return `<main class="letter" lang="${escapeHtml(language)}"${dir}>
<p class="meta">${escapeHtml(`${p.schoolName} · Ref. ${p.familyId}`)}</p>
${note ? `<p class="fallback" lang="en" dir="ltr">${escapeHtml(note)}</p>\n` : ''}${machine ? `<p class="machine">${escapeHtml(machine)}</p>\n` : ''}<p class="greeting">${escapeHtml(w.greet(p.familyName ?? ''))}</p>
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

/**
 * A time on a translated letter's reply slip: its day as `letterDay` writes it (numbers where
 * the language has no table), then its times.
 */
export function letterChoice(
  choice: { date: string; start: number; end: number },
  language: string,
): string {
  return `${letterDay(choice.date, language)}, ${formatTime(choice.start, language)} – ${formatTime(choice.end, language)}`;
}
