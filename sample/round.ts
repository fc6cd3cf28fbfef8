/**
 * A whole conference round, played on the built bundle as a school plays it: set-up, the family
 * forms, families asked by email and answering the availability form through the link in it, the schedule, print
 * views, invitations, reminders through the clock, attendance, the questionnaire and its
 * answers, the Summary. Each step is what a person (or Google, firing a trigger) does; each one
 * the sidebar runs is run to the end, again after a failure, as a person clicks again.
 *
 * `snapshot` describes the end state in what people see (sheets, forms, triggers, calendar,
 * outbox) with what is random by design (conference IDs, link codes, stamps of the moment)
 * replaced by what it stands for, so an interrupted round can be compared with a clean one.
 */
import {
  availabilityForms,
  questionnaireForms,
  readFormsState,
  type FormRecord,
} from '../src/core/formlinks';
import { choiceLabelIn, FORM_TEXTS } from '../src/core/formtexts';
import type { JobProgress, Result } from '../src/shared/api';
import { parseRoster } from '../src/core/roster';
import { openSchool } from '../preview/school';
import { UNCONFIRMED } from '../src/core/formlinks';
import { MISSED_TEXT } from '../src/core/reminders';
import { FORMS_UNPUBLISHED_FROM } from '../emulator/forms';

export type School = ReturnType<typeof openSchool>;

export interface Action {
  name: string;
  /** Does the step; may throw when cut off. Safe to call again after a failure. */
  run: (s: School) => void;
}

/** Runs a sidebar operation chunk by chunk to the end; an error (or a cut-off) throws. */
export function runJob(s: School, job: string): JobProgress {
  for (let i = 0; i < 200; i++) {
    const r = s.bundle.callFromClient('runJob', [job]) as Result<JobProgress>;
    if (!r.ok) throw new Error(`${job}: ${r.error.message}`);
    if (r.value.done) return r.value;
  }
  throw new Error(`${job} did not finish`);
}

function props(s: School): Record<string, string> {
  return Object.fromEntries(
    s.emulator.kv.properties.get(`document:${s.emulator.spreadsheet.id}`) ?? [],
  );
}

/** A stable pseudo-random choice per index, so every run of the round makes the same choices. */
const pick = (i: number, salt: number) =>
  (Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0;

/**
 * A sidebar operation run to the end. One that stops at Google's daily limit says so and is
 * done for today: that is a failure the round waits out (see tomorrowMorning).
 */
const job = (name: string): Action => ({
  name,
  run: (s) => {
    const done = runJob(s, name);
    if (/daily (email )?limit (is|was) reached/i.test(done.message)) throw new Error(done.message);
  },
});

/** The request for a family's availability, in English, Spanish or the translator's stand-in. */
export const isAvailabilityRequest = (subject: string): boolean =>
  /^(\[\w+\] )?(When can you come|¿Cuándo pueden venir)\b/.test(subject);

/**
 * Families answer through the link in the email that asked them (a third of them); each answer
 * is given once, whatever the trigger does.
 */
/** The language of the form a family's link opens (the add-on keeps each form's prefilled link). */
export function languageOfLink(
  link: string,
  forms: { language: string; record: FormRecord }[],
): string {
  const form = forms.find((f) => link.startsWith(f.record.linkTemplate.split('?')[0]!));
  return form?.language ?? 'en';
}

function availabilityAnswers(): Action {
  const given = new Set<string>();
  return {
    name: 'availability answers',
    run: (s) => {
      const forms = availabilityForms(readFormsState(props(s)));
      const choices = forms[0]?.record.choices ?? [];
      const requests = s.emulator.mail.sent
        .filter((m) => isAvailabilityRequest(m.subject))
        .sort((a, b) => a.to.join().localeCompare(b.to.join()));
      requests.forEach((m, n) => {
        const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(m.body)?.[0];
        const family = m.to.join();
        if (!link || given.has(family) || pick(n, 1) % 3 !== 0 || choices.length === 0) return;
        given.add(family);
        // Each family answers the form its link opens, in that form's words.
        const language = languageOfLink(link, forms);
        const words = FORM_TEXTS[language]!;
        const first = choices[pick(n, 2) % choices.length]!;
        s.emulator.forms.submitPrefilled(link, {
          [`${words.availability.times} [${choiceLabelIn(first, language)}]`]: words.ranks[0],
        });
      });
    },
  };
}

function scheduleRows(s: School): { header: string[]; rows: unknown[][] } {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  return { header: header.map(String), rows };
}

/** When the last conference of the Schedule starts (its date), in ms. */
function lastConference(s: School): number {
  const { header, rows } = scheduleRows(s);
  const date = header.indexOf('Date');
  return Math.max(...rows.map((r) => (r[date] instanceof Date ? (r[date] as Date).getTime() : 0)));
}

/** A reminder's subject, in English, Spanish or the translator's stand-in ("[ar] Reminder: …"). */
export const isReminder = (subject: string): boolean =>
  /^(\[\w+\] )?(Reminder|Recordatorio)\b/.test(subject);

/** Google counts its daily quotas in Pacific days (PST in November, the round's month). */
const PACIFIC_MS = 8 * 3_600_000;
const pacificDay = (ms: number): string => new Date(ms - PACIFIC_MS).toISOString().slice(0, 10);

/** After the last conference: the clock two days on, teachers mark attended or no-show. */
function attendance(): Action {
  return {
    name: 'attendance',
    run: (s) => {
      const { header, rows } = scheduleRows(s);
      const status = header.indexOf('Status');
      s.emulator.ws.clock.set(
        Math.max(s.emulator.ws.clock.now(), lastConference(s) + 2 * 86_400_000),
      );
      const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
      rows.forEach((r, i) => {
        if (['attended', 'no-show'].includes(String(r[status]))) return;
        sheet.put(i + 2, status + 1, { v: pick(i, 5) % 10 < 8 ? 'attended' : 'no-show' });
      });
    },
  };
}

function questionnaireAnswers(): Action {
  const given = new Set<string>();
  return {
    name: 'questionnaire answers',
    run: (s) => {
      const { header, rows } = scheduleRows(s);
      const link = header.indexOf('Feedback Link');
      const status = header.indexOf('Status');
      const forms = questionnaireForms(readFormsState(props(s)));
      rows.forEach((r, i) => {
        const url = String(r[link] ?? '');
        if (!url || given.has(url) || r[status] === 'no-show' || pick(i, 6) % 2 !== 0) return;
        given.add(url);
        const { questionnaire: q, yes, no } = FORM_TEXTS[languageOfLink(url, forms)]!;
        s.emulator.forms.submitPrefilled(url, {
          [q.rating]: String(3 + (pick(i, 8) % 3)),
          [q.goal]: 'Read 20 minutes every night',
          [q.help]: 'Check in at dinner each week',
          [q.followUp]: pick(i, 7) % 5 === 0 ? yes : no,
        });
      });
    },
  };
}

/**
 * The coordinator follows up what the sidebar flags as not confirmed (an email a cut-off run
 * may or may not have sent): asks the family (here: looks in the emulator's outbox), and
 * either notes that it arrived or clears the cell and sends again.
 */
function checkUnconfirmed(): Action {
  return {
    name: 'check unconfirmed emails',
    run: (s) => {
      const { header, rows } = scheduleRows(s);
      const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
      const col = header.indexOf('Questionnaire Sent');
      let cleared = 0;
      const emails = header.indexOf('Emails');
      rows.forEach((r, i) => {
        if (r[col] !== UNCONFIRMED) return;
        // Every address on the row is asked about (the cut may have come at the second
        // guardian's email); the step sends again only to the one that is in doubt.
        const addresses = String(r[emails])
          .split(/[;,]\s*/)
          .filter((a) => a);
        // The questionnaire's subject, in English, Spanish or the translator's stand-in (not a reminder's).
        const arrived = addresses.every((to) =>
          s.emulator.mail.sent.some(
            (m) => m.to.includes(to) && /How did|¿Cómo fue/.test(m.subject),
          ),
        );
        if (arrived) sheet.put(i + 2, col + 1, { v: new Date(s.emulator.ws.clock.now()) });
        else {
          sheet.put(i + 2, col + 1, { v: '' });
          cleared++;
        }
      });
      if (cleared) runJob(s, 'questionnaire');
    },
  };
}

/**
 * The same for the request for availability: a family the sidebar lists as not confirmed is
 * asked; when the email never came, the teacher has the step send it again.
 */
function checkUnconfirmedAsks(): Action {
  return {
    name: 'check unconfirmed requests',
    run: (s) => {
      // What the sidebar lists (test/server/ask.test.ts shows it does), read where it keeps it.
      const unsure = Object.entries(props(s)).filter(
        ([k, v]) => k.startsWith('slc:asked:') && v.endsWith(' · unconfirmed'),
      );
      const roster = parseRoster(s.emulator.spreadsheet.sheetByName('Roster')!.values(), null, {});
      // Cut between a family's addresses, the sidebar names the one in doubt: that one is asked.
      const arrived = (id: string) => {
        const progress = JSON.parse(props(s)[`slc:ask:progress:${id}`] ?? '{}') as {
          unsure?: string;
        };
        const emails = progress.unsure
          ? [progress.unsure]
          : (roster.families.find((f) => f.id === id)?.contacts.map((c) => c.email) ?? []);
        return s.emulator.mail.sent.some(
          (m) => isAvailabilityRequest(m.subject) && m.to.some((t) => emails.includes(t)),
        );
      };
      if (unsure.some(([k]) => !arrived(k.slice('slc:asked:'.length)))) runJob(s, 'ask-again');
    },
  };
}

/** What the hourly trigger emails its owner when it ran without its spreadsheet (src/workspace/clock.ts). */
export const isOwnerNotice = (subject: string): boolean =>
  /^Conference reminders are due: /.test(subject);

/**
 * Reminders on (the sidebar's switch), then the clock through the conference days: the
 * emulator fires the hourly trigger each hour, as Apps Script would. A trigger run that was cut
 * off is simply followed by the next hour's. When Google runs the trigger without its
 * spreadsheet, it emails its owner instead, who opens the spreadsheet within the hour and clicks
 * "Send due reminders now".
 */
function remindersThroughTheDays(): Action {
  let told = 0;
  return {
    name: 'reminders',
    run: (s) => {
      const r = s.bundle.callFromClient('setReminders', [true]) as Result<boolean>;
      if (!r.ok) throw new Error(`reminders: ${r.error.message}`);
      const until = lastConference(s) + 36 * 3_600_000;
      for (let t = s.emulator.ws.clock.now(); t < until;) {
        t = Math.min(until, t + 3_600_000);
        s.emulator.triggers.advanceTo(t);
        const notices = s.emulator.mail.sent.filter((m) => isOwnerNotice(m.subject)).length;
        if (notices > told) {
          told = notices;
          runJob(s, 'reminders');
        }
      }
    },
  };
}

/** A script project zone far from every sample school's (docs/EMULATOR.md row 44). */
export const GOOGLE_SCRIPT_TIME_ZONE = 'Asia/Tokyo';

/** Calendar writes a minute Google allows in asGoogle (Google publishes no figure). */
export const GOOGLE_WRITES_PER_MINUTE = 60;

/**
 * Turns on every emulator switch that models Google where the emulator's default does not
 * (docs/EMULATOR.md): forms start unpublished, clock triggers run without their spreadsheet,
 * Calendar slows writers down past `writesPerMinute` a minute, addGuest sends no invitation,
 * getEventById finds deleted events, tab names compare ignoring case, the script's own time
 * zone is not the spreadsheet's, and a plain-text cell drops a leading apostrophe. Not the translator that loses field tokens
 * (language.losesFieldTokens): it changes what families read by design (English instead of a
 * broken translation, with a warning), so that round cannot end as the default one; it is tested
 * on its own (test/server/translation.test.ts). Call it right after openSchool, before the round.
 */
export function asGoogle(s: School, writesPerMinute = GOOGLE_WRITES_PER_MINUTE): School {
  s.emulator.forms.unpublishedFrom = FORMS_UNPUBLISHED_FROM;
  s.emulator.triggers.clockTriggersHaveNoDocument = true;
  s.emulator.calendar.writesPerMinute = writesPerMinute;
  s.emulator.calendar.addGuestSendsInvite = false;
  // Not known either way; the worse case (a deleted event still found by its ID).
  s.emulator.calendar.deletedEventsFound = true;
  s.emulator.sheets.sheetNamesIgnoreCase = true;
  s.emulator.spreadsheet.sheetNamesIgnoreCase = true;
  // The script's project zone need not be the school's: the add-on must read only the sheet's.
  s.emulator.session.scriptTimeZone = GOOGLE_SCRIPT_TIME_ZONE;
  // Not known either way: a plain-text cell drops a leading apostrophe as the quote prefix.
  s.emulator.spreadsheet.plainTextKeepsApostrophe = false;
  return s;
}

/** The round, in the order a school plays it. */
export function round(): Action[] {
  return [
    job('setup'),
    job('forms'),
    job('ask'),
    checkUnconfirmedAsks(),
    availabilityAnswers(),
    job('schedule'),
    job('views'),
    job('invites'),
    job('forms'),
    remindersThroughTheDays(),
    attendance(),
    job('questionnaire'),
    checkUnconfirmed(),
    questionnaireAnswers(),
    job('summary'),
  ];
}

/**
 * Plays the round; an action that fails is tried again (a person clicks again; a trigger's
 * missed work is picked up by the next operation), up to `retries` times. `recover` may handle
 * a failure a person would wait out (Google's daily quota: come back tomorrow) and say so; such a
 * retry is not counted.
 */
export function play(
  s: School,
  actions: Action[],
  retries = 2,
  recover?: (s: School, error: Error) => boolean,
): { failures: string[] } {
  const failures: string[] = [];
  for (const a of actions) {
    for (let attempt = 0, waited = 0; ; attempt++) {
      try {
        a.run(s);
        break;
      } catch (e) {
        failures.push(`${a.name}: ${(e as Error).message}`);
        if (recover && waited < 30 && recover(s, e as Error)) {
          waited++;
          attempt--;
          continue;
        }
        if (attempt >= retries) throw e;
      }
    }
  }
  return { failures };
}

/** Recipients of reminders on the round's busiest day (Google counts days in Pacific time). */
export function busiestReminderDay(s: School): number {
  const perDay = new Map<string, number>();
  for (const m of s.emulator.mail.sent) {
    if (!isReminder(m.subject)) continue;
    const day = pacificDay(Date.parse(m.sentAt));
    perDay.set(day, (perDay.get(day) ?? 0) + m.to.length);
  }
  return Math.max(0, ...perDay.values());
}

/**
 * A person told that Google's daily limit was reached comes back once the quota has renewed
 * (24 hours after its first use, or midnight Pacific, as the emulator is set), and not before
 * 8 AM Pacific the next morning.
 */
export function tomorrowMorning(s: School, error: Error): boolean {
  if (!/too many times for one day|daily (email )?limit/.test(error.message)) return false;
  const nextMorning =
    Date.parse(`${pacificDay(s.emulator.ws.clock.now())}T08:00:00Z`) + 86_400_000 + PACIFIC_MS;
  // Triggers (hourly reminders) keep firing through the night, as they would.
  // Mail and Calendar's quotas (a spent translate quota waits for its own renewal too).
  const quotas = /translate/.test(error.message)
    ? []
    : (['mailRecipientsPerDay', 'eventsCreatedPerDay'] as const);
  s.emulator.triggers.advanceTo(Math.max(nextMorning, s.emulator.ws.quota.renewsAt(...quotas)));
  return true;
}

const STAMP_COLUMNS = /sent|answered|response|updated|timestamp/i;
// The Spanish forms' response sheets name their code columns "Código de …".
const CODE_COLUMNS = /code|código|token|link|event id/i;

/** The end state in what people see, with what is random by design replaced by what it stands for. */
export function snapshot(s: School): Record<string, unknown> {
  const doc = s.emulator.spreadsheet;
  const { header, rows } = scheduleRows(s);
  const idCol = header.indexOf('Conference ID');
  const studentsCol = header.indexOf('Student IDs');
  const ids = new Map(
    rows.map((r) => [String(r[idCol]), `conference of ${String(r[studentsCol])}`]),
  );
  const canon = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (typeof v !== 'string') return v;
    return (
      v
        .replace(/C-[0-9A-F]{12}/g, (id) => ids.get(id) ?? 'unknown conference')
        .replace(/https:\/\/docs\.google\.com\/forms\/\S+/g, 'LINK')
        // Moments written as text (the Summary's "Answered"): when the round ran, not what it did.
        .replace(/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\b/g, 'MOMENT')
    );
  };
  const sheets = Object.fromEntries(
    doc.sheets.map((sheet) => {
      const [h = [], ...body] = sheet.values();
      const masked = body.map((r) =>
        r.map((v, c) =>
          STAMP_COLUMNS.test(String(h[c])) || CODE_COLUMNS.test(String(h[c]))
            ? v === ''
              ? ''
              : 'set'
            : canon(v),
        ),
      );
      return [
        sheet.name,
        [h, ...masked.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))],
      ];
    }),
  );
  return {
    sheets,
    // Forms that collect into this spreadsheet. (A run cut off in the two calls after
    // FormApp.create can leave an empty, unlinked form in Drive: see orphanForms.)
    forms: s.emulator.forms
      .forms()
      .filter((f) => f.destination?.spreadsheetId === doc.id)
      .map((f) => f.title)
      .sort(),
    triggers: s.emulator.triggers.triggers.map((t) => `${t.handler} ${t.event}`).sort(),
    // Families' mail; the trigger's notices to its owner depend on how Google runs the trigger.
    mail: s.emulator.mail.sent
      .filter((m) => !isOwnerNotice(m.subject))
      .map((m) => `${m.to.join(',')} | ${m.subject}`)
      .sort(),
    events: s.emulator.calendar
      .events()
      .map(
        (e) =>
          `${canon(e.tags['slc-conference'] ?? '')} | ${new Date(e.start).toISOString()} | ${e.title} | ${e.location} | ${e.guests
            .map((g) => g.email)
            .sort()
            .join(',')} | ${e.guestsCanSeeGuests}`,
      )
      .sort(),
  };
}

/** Forms made but never linked: empty, never sent to anyone. */
export function orphanForms(s: School): number {
  return s.emulator.forms.forms().filter((f) => !f.destination).length;
}

/**
 * The calls worth cutting at: every call of the round except those of hourly reminder runs
 * that found nothing due (hundreds of identical idle runs over the conference weeks).
 */
export function cutPoints(s: School, from: number): number[] {
  const idle = new Set(
    s.emulator.ws.reports
      .filter(
        (r) =>
          r.entry.includes('sendDueReminders') &&
          !Object.keys(r.callsByMethod).some(
            (m) => m.startsWith('MailApp.send') || m.includes('setValues'),
          ),
      )
      .map((r) => r.id),
  );
  return s.emulator.ws.callLog
    .filter((c) => c.index >= from && !idle.has(c.execution))
    .map((c) => c.index - from);
}

/** How an interrupted round's end compares with the clean round's. */
export interface Comparison {
  /** Sheets, forms, triggers and calendar equal (mail aside). */
  same: boolean;
  /** The first difference, for a person to look at. */
  difference: string | null;
  /** Messages the clean round did not send, or sent fewer times. */
  extraMail: string[];
  /** Messages the clean round sent that this one did not. */
  missingMail: string[];
  /** The Schedule marks an email as not confirmed (a cut-off send, for a person to check). */
  flagged: boolean;
}

export function compare(expected: Record<string, unknown>, s: School): Comparison {
  const { mail, ...rest } = snapshot(s) as { mail: string[] };
  const { mail: expectedMail, ...expectedRest } = expected as { mail: string[] };
  let difference: string | null = null;
  for (const key of Object.keys(expectedRest)) {
    const a = JSON.stringify((expectedRest as Record<string, unknown>)[key]);
    const b = JSON.stringify((rest as Record<string, unknown>)[key]);
    if (a !== b) {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      difference = `${key}: expected …${a.slice(Math.max(0, i - 80), i + 80)}… got …${b.slice(Math.max(0, i - 80), i + 80)}…`;
      break;
    }
  }
  const missing = [...expectedMail];
  const extra: string[] = [];
  for (const m of mail) {
    const i = missing.indexOf(m);
    if (i < 0) extra.push(m);
    else missing.splice(i, 1);
  }
  // Flagged on the Schedule for a person: a send that may not have gone out, or a reminder
  // whose time passed while Google's daily email quota was spent (the Reminders step lists both).
  const cells = JSON.stringify(s.emulator.spreadsheet.sheetByName('Schedule')?.values() ?? []);
  const flagged = cells.includes('unconfirmed') || cells.includes(MISSED_TEXT);
  return { same: difference === null, difference, extraMail: extra, missingMail: missing, flagged };
}
