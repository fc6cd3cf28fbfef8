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
import { readFormsState } from '../src/core/formlinks';
import { isAvailabilityRequest } from '../sample/round';
import { QUESTIONNAIRE_FORM } from '../src/core/feedback';
import { AVAILABILITY_FORM, RANK_CHOICES } from '../src/core/availability';
import type { JobProgress, Result } from '../src/shared/api';
import { toCsv } from './csv';

function runJob(bundle: Bundle, job: string): JobProgress {
  for (let i = 0; i < 50; i++) {
    const r = bundle.callFromClient('runJob', [job]) as Result<JobProgress>;
    if (!r.ok) throw new Error(`${job}: ${r.error.message}`);
    if (r.value.done) return r.value;
  }
  throw new Error(`${job} did not finish`);
}

/** A deterministic pick for family n (the demo's output is the same on every run). */
const pick = (n: number, k: number) => {
  let x = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  return ((x ^ (x >>> 13)) >>> 0) % 100;
};

/**
 * Before the schedule: the forms are made, every family is asked by email, and some answer
 * through the link in that email.
 */
export function answerAvailability(emulator: Emulator, bundle: Bundle): number {
  const props = () =>
    Object.fromEntries(emulator.kv.properties.get(`document:${emulator.spreadsheet.id}`) ?? []);
  // Only this round's requests: in a later round the families answer the new request once.
  const before = emulator.mail.sent.length;
  runJob(bundle, 'forms');
  runJob(bundle, 'ask');
  const choices = readFormsState(props()).availability?.choices ?? [];
  const links = emulator.mail.sent
    .slice(before)
    .filter((m) => isAvailabilityRequest(m.subject))
    .flatMap((m) => /https:\/\/docs\.google\.com\/forms\/\S+/.exec(m.body)?.[0] ?? []);
  let availability = 0;
  links.forEach((link, n) => {
    if (pick(n, 1) >= 40 || choices.length === 0) return;
    const first = choices[pick(n, 2) % choices.length]!;
    const second = choices[pick(n, 3) % choices.length]!;
    const answers: Record<string, string> = {
      [`${AVAILABILITY_FORM.times} [${first.label}]`]: RANK_CHOICES[0],
    };
    if (second !== first) answers[`${AVAILABILITY_FORM.times} [${second.label}]`] = RANK_CHOICES[1];
    if (pick(n, 4) < 20) answers[AVAILABILITY_FORM.attending] = 'Grandmother';
    emulator.forms.submitPrefilled(link, answers);
    availability++;
  });
  return availability;
}

/**
 * After the round's conferences: the forms job gives new conferences their links, teachers mark
 * attendance on the round's rows, the questionnaire goes out, some families answer it;
 * summary.csv is written. Other rounds' rows are left as they are.
 */
export function afterTheConferences(
  emulator: Emulator,
  bundle: Bundle,
  out: string,
  round: string,
): Record<string, number> {
  runJob(bundle, 'forms');
  // After the last conference: teachers mark attendance in the Schedule's Status column.
  const schedule = emulator.spreadsheet.sheetByName('Schedule')!;
  const [header, ...all] = schedule.values();
  const col = (h: string) => header!.indexOf(h);
  const rows = all.map((r, i) => ({ r, at: i + 2 })).filter(({ r }) => r[col('Round')] === round);
  const last = Math.max(
    ...rows.map(({ r }) =>
      r[col('Date')] instanceof Date ? (r[col('Date')] as Date).getTime() : 0,
    ),
  );
  emulator.ws.clock.set(Math.max(emulator.ws.clock.now(), last + 2 * 24 * 3600_000));
  rows.forEach(({ at }, i) =>
    schedule.put(at, col('Status') + 1, { v: pick(i, 5) < 85 ? 'attended' : 'no-show' }),
  );
  const mailBefore = emulator.mail.sent.length;
  runJob(bundle, 'questionnaire');
  const emails = emulator.mail.sent.length - mailBefore;
  let questionnaire = 0;
  rows.forEach(({ r }, i) => {
    if (pick(i, 6) >= 45 || r[col('Status')] === 'no-show') return;
    const followUp = pick(i, 7) < 15;
    emulator.forms.submitPrefilled(String(r[col('Feedback Link')]), {
      [QUESTIONNAIRE_FORM.rating]: String(3 + (pick(i, 8) % 3)),
      [QUESTIONNAIRE_FORM.goal]: [
        'Read 20 minutes every night',
        'Learn the times tables to 10',
        'Ask for help in class',
      ][pick(i, 9) % 3]!,
      [QUESTIONNAIRE_FORM.help]: 'Check in at dinner each week',
      [QUESTIONNAIRE_FORM.followUp]: followUp ? 'Yes' : 'No',
      ...(followUp ? { [QUESTIONNAIRE_FORM.followUpWhen]: 'A weekday after 4 pm' } : {}),
    });
    questionnaire++;
  });
  runJob(bundle, 'summary');
  writeFileSync(
    join(out, 'summary.csv'),
    toCsv(emulator.spreadsheet.sheetByName('Summary')!.displayValues()),
  );
  return { questionnaireEmails: emails, questionnaireAnswers: questionnaire };
}
