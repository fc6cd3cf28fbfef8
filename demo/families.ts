/**
 * The demo's families: asked by email, some answer the availability form through the link in it
 * before the schedule is built; after the conferences (teachers mark attendance) some answer the
 * questionnaire, a few asking for a follow-up. Everything goes through the emulator's form
 * submissions, so the add-on's own trigger records it; then the Summary is rebuilt and written
 * to summary.csv.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import {
  availabilityForms,
  questionnaireForms,
  readFormsState,
  type FormsState,
} from '../src/core/formlinks';
import { isAvailabilityRequest, languageOfLink } from '../sample/round';
import type { TimeChoice } from '../src/core/availability';
import { choiceLabelIn, FORM_TEXTS } from '../src/core/formtexts';
import { parseRoster } from '../src/core/roster';
import { parseTeachers } from '../src/core/teachers';
import { FREEING_STATUSES } from '../src/core/waitoffers';
import { wallClockIn } from '../src/core/zone';
import type { JobProgress, Result } from '../src/shared/api';
import { toCsv } from './csv';

export function runJob(bundle: Bundle, job: string): JobProgress {
  for (let i = 0; i < 50; i++) {
    const r = bundle.callFromClient('runJob', [job]) as Result<JobProgress>;
    if (!r.ok) throw new Error(`${job}: ${r.error.message}`);
    if (r.value.done) return r.value;
  }
  throw new Error(`${job} did not finish`);
}

/** A deterministic pick for family n (the demo's output is the same on every run). */
export const pick = (n: number, k: number) => {
  let x = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  return ((x ^ (x >>> 13)) >>> 0) % 100;
};

/**
 * Chances in the nth round of the demo's year (0: the first). A later round draws its own picks,
 * so other families miss it, and its odds are a little better: a school that has held
 * student-led conferences before sees more families come and answer and more students prepare,
 * which is the growth the Summary's Rounds compared is there to show. The first round's picks are
 * those of a one-round demo.
 */
export function roundOdds(nth: number) {
  const chance = (key: number, percent: number, perRound: number) => (n: number) =>
    pick(n, key + 100 * nth) < Math.min(95, percent + perRound * nth);
  return {
    attends: chance(5, 85, 7),
    answers: chance(6, 45, 15),
    prepares: chance(7, 33, 17),
    /** 3 to 5; in a later round some families rate one higher. */
    rating: (n: number) =>
      Math.min(5, 3 + (pick(n, 8 + 100 * nth) % 3) + (chance(10, 0, 35)(n) ? 1 : 0)),
  };
}

/** The add-on's forms, as it keeps them in the document's properties. */
function formsOf(emulator: Emulator): FormsState {
  return readFormsState(
    Object.fromEntries(emulator.kv.properties.get(`document:${emulator.spreadsheet.id}`) ?? []),
  );
}

/**
 * Before the schedule: the forms are made, every family is asked by email, and some answer
 * through the link in that email.
 */
export function answerAvailability(emulator: Emulator, bundle: Bundle): number {
  // Only this round's requests: in a later round the families answer the new request once.
  const before = emulator.mail.sent.length;
  runJob(bundle, 'forms');
  runJob(bundle, 'ask');
  const forms = availabilityForms(formsOf(emulator));
  const choices = forms[0]?.record.choices ?? [];
  const requests = emulator.mail.sent
    .slice(before)
    .filter((m) => isAvailabilityRequest(m.subject))
    .flatMap((m) => {
      const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(m.body)?.[0];
      return link ? [{ link, to: m.to[0] ?? '' }] : [];
    });
  const onlineTime = onlineTimeOf(emulator, choices);
  let availability = 0;
  requests.forEach(({ link, to }, n) => {
    if (pick(n, 1) >= 40 || choices.length === 0) return;
    // Each family answers the form its link opens, in that form's words.
    const language = languageOfLink(link, forms);
    const words = FORM_TEXTS[language]!;
    const row = (c: (typeof choices)[number]) =>
      `${words.availability.times} [${choiceLabelIn(c, language)}]`;
    // How it would like to meet: of those whose teachers all offer a time online, some choose
    // online (that time first); others in person or either way; the rest leave it blank.
    const way = pick(n, 5);
    const online = way < 40 ? onlineTime(to) : undefined;
    const meet = online
      ? words.meets[1]
      : way < 55
        ? words.meets[0]
        : way < 65
          ? words.meets[2]
          : '';
    const first = online ?? choices[pick(n, 2) % choices.length]!;
    const second = choices[pick(n, 3) % choices.length]!;
    const answers: Record<string, string> = { [row(first)]: words.ranks[0] };
    if (second !== first) answers[row(second)] = words.ranks[1];
    if (meet) answers[words.availability.meet] = meet;
    if (pick(n, 4) < 20)
      answers[words.availability.attending] = language === 'es' ? 'La abuela' : 'Grandmother';
    emulator.forms.submitPrefilled(link, answers);
    availability++;
  });
  return availability;
}

/**
 * The time a family (by a guardian's address) may choose to meet online: the first offered time
 * holding, for every teacher of its children, a window with a video link. Undefined when none.
 */
function onlineTimeOf(
  emulator: Emulator,
  choices: TimeChoice[],
): (email: string) => TimeChoice | undefined {
  const wall = wallClockIn(emulator.spreadsheet.timeZone);
  const values = (name: string) => emulator.spreadsheet.sheetByName(name)?.values() ?? [];
  const teachers = parseTeachers(values('Teachers'), wall);
  const roster = parseRoster(values('Roster'), teachers.teachers);
  const online = teachers.windows.filter((w) => w.mode !== 'in person');
  return (email) => {
    const mine = roster.students.filter((s) =>
      s.guardians.some((g) => g.email === email.toLowerCase()),
    );
    if (mine.length === 0) return undefined;
    return choices.find((c) =>
      mine.every((s) =>
        online.some(
          (w) =>
            w.teacherEmail === s.teacherEmail &&
            w.date === c.date &&
            w.start <= c.start &&
            c.end <= w.end,
        ),
      ),
    );
  };
}

/**
 * After the round's conferences: the forms job gives new conferences their links, teachers mark
 * attendance on the round's conferences that took place (not cancelled or declined), the questionnaire goes out, some families answer it.
 * Other rounds' rows are left as they are.
 */
export function afterTheConferences(
  emulator: Emulator,
  bundle: Bundle,
  round: string,
  /** The round's place in the year (0: the first). */
  nth: number,
  /** What else happens after the conferences (the students who led one reflect). */
  alsoAfter: (attended: ReadonlySet<string>) => Record<string, number> = () => ({}),
): Record<string, number> {
  runJob(bundle, 'forms');
  // After the last conference: teachers mark attendance in the Schedule's Status column.
  const schedule = emulator.spreadsheet.sheetByName('Schedule')!;
  const [header, ...all] = schedule.values();
  const col = (h: string) => header!.indexOf(h);
  // Only conferences that took place: a cancelled or declined one keeps its Status.
  // (n: the row's place in the round, so each family's picks stay those of every earlier run.)
  const rows = all
    .map((r, i) => ({ r, at: i + 2 }))
    .filter(({ r }) => r[col('Round')] === round)
    .map((row, n) => ({ ...row, n }))
    .filter(({ r }) => !FREEING_STATUSES.has(String(r[col('Status')]).toLowerCase()));
  const last = Math.max(
    ...rows.map(({ r }) =>
      r[col('Date')] instanceof Date ? (r[col('Date')] as Date).getTime() : 0,
    ),
  );
  emulator.ws.clock.set(Math.max(emulator.ws.clock.now(), last + 2 * 24 * 3600_000));
  const odds = roundOdds(nth);
  const attended = odds.attends;
  rows.forEach(({ at, n }) =>
    schedule.put(at, col('Status') + 1, { v: attended(n) ? 'attended' : 'no-show' }),
  );
  // The students whose conference took place (Student IDs: one or several, `;`-separated).
  const led = new Set(
    rows
      .filter(({ n }) => attended(n))
      .flatMap(({ r }) => String(r[col('Student IDs')]).split(';'))
      .map((id) => id.trim())
      .filter(Boolean),
  );
  const mailBefore = emulator.mail.sent.length;
  runJob(bundle, 'questionnaire');
  const emails = emulator.mail.sent.length - mailBefore;
  let questionnaire = 0;
  const forms = questionnaireForms(formsOf(emulator));
  rows.forEach(({ r, n: i }) => {
    // A no-show family was never sent the questionnaire, so it has no answer to give.
    if (!odds.answers(i) || !attended(i)) return;
    const link = String(r[col('Feedback Link')]);
    const language = languageOfLink(link, forms);
    const { questionnaire: q, yes, no } = FORM_TEXTS[language]!;
    const followUp = pick(i, 7) < 15;
    const goals =
      language === 'es'
        ? ['Leer 20 minutos cada noche', 'Aprender las tablas hasta el 10', 'Pedir ayuda en clase']
        : ['Read 20 minutes every night', 'Learn the times tables to 10', 'Ask for help in class'];
    emulator.forms.submitPrefilled(link, {
      [q.rating]: String(odds.rating(i)),
      [q.goal]: goals[pick(i, 9) % 3]!,
      [q.help]: language === 'es' ? 'Hablar de ello en la cena' : 'Check in at dinner each week',
      [q.followUp]: followUp ? yes : no,
      ...(followUp
        ? {
            [q.followUpWhen]:
              language === 'es' ? 'Un día entre semana después de las 4' : 'A weekday after 4 pm',
          }
        : {}),
    });
    questionnaire++;
  });
  return { questionnaireEmails: emails, questionnaireAnswers: questionnaire, ...alsoAfter(led) };
}

/**
 * summary.csv: the Summary as built now. Written once the round's follow-ups are listed, so its
 * follow-up counts are those of follow-ups.csv.
 */
export function writeSummary(emulator: Emulator, bundle: Bundle, out: string): void {
  runJob(bundle, 'summary');
  writeFileSync(
    join(out, 'summary.csv'),
    toCsv(emulator.spreadsheet.sheetByName('Summary')!.displayValues()),
  );
}

/**
 * forms.json: every family form the add-on made, with its language, its address and its
 * questions' titles (the families' own links are this address with their code filled in).
 */
export function formsJson(
  emulator: Emulator,
): { id: string; kind: string; language: string; url: string; items: string[] }[] {
  const state = formsOf(emulator);
  const made = [
    ...availabilityForms(state).map((f) => ({ ...f, kind: 'availability' })),
    ...questionnaireForms(state).map((f) => ({ ...f, kind: `questionnaire (${f.round})` })),
  ];
  return made.flatMap(({ record, kind, language }) => {
    const form = emulator.forms.get(record.formId);
    return form
      ? [
          {
            id: form.id,
            kind,
            language,
            url: record.publishedUrl,
            items: form.items.map((i) => i.title),
          },
        ]
      : [];
  });
}
