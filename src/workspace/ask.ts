/**
 * Asking families when they can come: one email per family, in its language, with its own
 * availability link (the code in it is the family's, so the answer is matched without a typed
 * name, and the same link later changes the answer or asks for another time). Without this a
 * family had no way to learn its link: it lived only in the document's properties.
 *
 * - Who is asked: every family of the Roster with an email address that has not been asked and
 *   has not answered yet. Families with a phone only are counted for a person to phone.
 * - Once per family, also across interruptions: the mark `slc:asked:<family ID>` is the record
 *   (document properties; the Roster is the school's sheet and is never written). A journal
 *   names what this run sent and what it was sending; marks are written every FLUSH_EVERY
 *   messages and when the run ends, so a run cut off by Apps Script repeats none of the
 *   recorded ones. The one being sent at a cut-off is marked unconfirmed (MailApp cannot say
 *   whether it left) and listed in the sidebar with the family's link, for a person to check.
 * - The daily quota is read first; a run at the limit stops cleanly and the next continues.
 * - One message per address, naming only the children the Roster lists with that address (a
 *   guardian on one child's row is told about that child only). A message MailApp refuses is
 *   flagged on the family's mark ("refused to a@x.org: ...") and not tried again; a family whose
 *   run stopped between its addresses keeps the ones done ("partial: a@x.org"), so the next run
 *   sends only the others.
 */
import { UserError } from '../core/errors';
import {
  availabilityRecord,
  CODE_MARK,
  FAMILY_CODE_PREFIX,
  linkFor,
  readFormsState,
} from '../core/formlinks';
import type { Family, RosterResult } from '../core/roster';
import { AVAILABILITY } from '../core/schema';
import {
  addressLanguage,
  addressLanguages,
  byRecipient,
  greetingName,
  type Pupil,
} from '../core/recipients';
import { joinNames, renderMessage, type TemplateSet } from '../core/templates';
import type { Problem, Settings } from '../shared/api';
import { readSchool, readSettings, schoolZone } from './data';
import { dayIn, stampIn } from '../core/zone';
import { type ChunkResult, type JobContext, type JobSpec, QUOTA_RENEWS } from './jobs';
import { ensureTranslations, storedTemplates } from './messages';
import { newCode } from './codes';
import { documentProperties, parseJson } from './props';
import { failureText, FLUSH_EVERY, mailFailure, mailOne } from './mailer';
import { messageSettings } from './reminders';
import { plural } from './steps';
import {
  ASK_JOURNAL,
  ASKED_PREFIX,
  askPicture,
  markOf,
  progressOf,
  PROGRESS_PREFIX,
  REFUSED,
  remaining,
  UNSURE,
  type Journal,
  type Progress,
} from '../core/ask';

// forms.ts reads where each family stands from here, with the step's problems below.
export { askPicture, type AskPicture } from '../core/ask';

/** A journal names at most this many families, to stay well under a property's 9 KB. */
const JOURNAL_MAX_CHARS = 7000;

/** The family's children (first names), each with the addresses its Roster row lists. */
export function familyPupils(family: Family, roster: RosterResult): Pupil[] {
  const ids = new Set(family.studentIds);
  return roster.students
    .filter((s) => ids.has(s.id))
    .map((s) => ({
      name: s.firstName,
      lastName: s.lastName,
      emails: s.guardians.map((g) => g.email.toLowerCase()),
    }));
}

/** The family's code; a family added to the Roster since the forms were made gets one now. */
function codeFor(props: Record<string, string>, id: string, fresh: Record<string, string>): string {
  return (props[FAMILY_CODE_PREFIX + id] ??= fresh[FAMILY_CODE_PREFIX + id] = newCode());
}

/** The request to one address, naming only the children listed with it. */
function send(
  family: Family,
  to: string,
  language: string,
  pupils: Pupil[],
  link: string,
  settings: Settings,
  forText: Settings,
  stored: Record<string, TemplateSet>,
): void {
  const names = [...new Set(pupils.map((p) => p.name))];
  const message = renderMessage(
    'availability',
    language,
    {
      school: settings.schoolName,
      family: greetingName(pupils, language, family.name),
      students: joinNames(names, language),
      children: names.length,
      teacher: '',
      date: '',
      start: 0,
      end: 0,
      room: '',
      videoLink: '',
      link,
      replyTo: forText.replyTo,
      round: settings.roundName,
      interpreter: false,
    },
    stored,
  );
  mailOne(to, message, settings);
}

interface AskState {
  sent: number;
}

function runAsk(state: AskState, ctx: JobContext, again: boolean): ChunkResult<AskState> {
  const ss = ctx.spreadsheet();
  const settings = readSettings(ss);
  const store = documentProperties();
  let props = store.getProperties();
  const forms = readFormsState(props);
  const record = forms.availability;
  if (!record?.linkTemplate.includes(CODE_MARK))
    throw new UserError(
      'There is no availability form yet: create the family forms first (Family availability step).',
    );
  const tz = schoolZone(ss, settings);
  const today = dayIn(ctx.now(), tz);
  const sheet = ss.getSheetByName(AVAILABILITY.name);
  const availability = sheet && sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : null;
  const data = readSchool(ss, settings, today, undefined, props);
  if (!data.roster) throw new UserError('There is no Roster sheet. Run Set up first.');
  const roster = data.roster;

  // A journal left by a run that was cut off: its marks are written first.
  const left = parseJson<Journal>(props[ASK_JOURNAL] ?? null);
  if (left) {
    const marks: Record<string, string> = {};
    for (const id of left.sent) marks[ASKED_PREFIX + id] = left.stamp;
    Object.assign(marks, left.props ?? {});
    // Cut between writing the marks and dropping the journal, the family it names as being sent
    // is already marked sent: that mark stands. Otherwise the address being sent is unsure; the
    // family's addresses sent before it are not sent again, those after it are.
    if (left.sending && props[ASKED_PREFIX + left.sending] !== left.stamp) {
      marks[ASKED_PREFIX + left.sending] = markOf(settings.roundName, UNSURE);
      if (left.to)
        marks[PROGRESS_PREFIX + left.sending] = JSON.stringify({
          round: settings.roundName,
          sent: left.done ?? [],
          unsure: left.to,
        } satisfies Progress);
    }
    if (Object.keys(marks).length) store.setProperties(marks);
    store.deleteProperty(ASK_JOURNAL);
    props = { ...props, ...marks };
    delete props[ASK_JOURNAL];
  }

  // Sending again to the families a cut-off run may not have reached (a person asked them and
  // it did not arrive): their marks go, so they are asked like the others.
  if (again && !state.sent) {
    for (const [key, value] of Object.entries(props)) {
      if (!key.startsWith(ASKED_PREFIX) || value !== markOf(settings.roundName, UNSURE)) continue;
      store.deleteProperty(key);
      delete props[key];
      // The unsure address is sent again; those surely sent before the cut are not.
      const id = key.slice(ASKED_PREFIX.length);
      const progress = progressOf(props, id, settings.roundName);
      if (progress?.unsure) {
        props[PROGRESS_PREFIX + id] = JSON.stringify({ ...progress, unsure: undefined });
        store.setProperty(PROGRESS_PREFIX + id, props[PROGRESS_PREFIX + id]!);
      }
    }
  }
  const { toAsk } = askPicture(roster, props, availability, settings.roundName);
  if (toAsk.length === 0) {
    return {
      state,
      done: true,
      processed: state.sent,
      total: state.sent,
      message: state.sent
        ? `Asked ${plural(state.sent, 'family', 'families')} when they can come.`
        : 'Every family with an email address has been asked or has answered.',
    };
  }
  const fresh: Record<string, string> = {};
  // Each address reads its own Roster rows' language (a family's two households may read two).
  const languages = addressLanguages(roster.students);
  const languageFor = (f: Family, to: string) =>
    addressLanguage(languages, to, f.language, settings.defaultLanguage);
  // Each address's link opens the form in its language (English where there is none), with the
  // family's one code.
  const codes = new Map(toAsk.map((f) => [f.id, codeFor(props, f.id, fresh)]));
  const linkOf = (f: Family, to: string) =>
    linkFor(availabilityRecord(forms, languageFor(f, to)) ?? record, codes.get(f.id)!);
  // Codes first (one write): a link is never mailed before its code is kept.
  if (Object.keys(fresh).length) store.setProperties(fresh);
  const problems: Problem[] = [];
  const { stored, fellBack } = ensureTranslations(
    toAsk.flatMap((f) => [
      f.language || settings.defaultLanguage,
      ...f.contacts.map((c) => languageFor(f, c.email)),
    ]),
    storedTemplates(props),
  );
  for (const language of fellBack)
    problems.push({
      severity: 'warning',
      message: `The request could not be translated into "${language}" with its fields intact, so those families get it in English. Write the text in the sidebar's Templates to fix this.`,
    });

  const forText = messageSettings(settings);
  const stamp = markOf(settings.roundName, stampIn(ctx.now(), tz));
  let unwritten: string[] = [];
  /** Properties other than the stamps (a refusal, a family's progress), not written yet. */
  let other: Record<string, string> = {};
  const flush = () => {
    const marks: Record<string, string> = { ...other };
    for (const id of unwritten) marks[ASKED_PREFIX + id] = stamp;
    if (Object.keys(marks).length) store.setProperties(marks);
    unwritten = [];
    other = {};
    store.deleteProperty(ASK_JOURNAL);
  };
  const progressProp = (id: string, progress: Progress) => {
    other[PROGRESS_PREFIX + id] = JSON.stringify(progress);
  };
  let quota = MailApp.getRemainingDailyQuota();
  let sentNow = 0;
  let refusedNow = 0;
  let stopped: 'quota' | 'time' | null = null;
  try {
    for (const family of toAsk) {
      if (ctx.outOfTime()) {
        stopped = 'time';
        break;
      }
      // One message per address not yet sent to, each naming only the children listed with it.
      const progress = progressOf(props, family.id, settings.roundName);
      const left = new Set(remaining(family, progress));
      const done = new Set(progress?.sent ?? []);
      const messages = byRecipient([{ pupils: familyPupils(family, roster) }], (to) =>
        left.has(to),
      );
      // The family's messages go together: each costs one of the day's recipients.
      if (messages.length > quota) {
        stopped = 'quota';
        break;
      }
      const journal = (sending: string | null, to?: string) =>
        JSON.stringify({
          sent: unwritten,
          stamp,
          sending,
          props: other,
          ...(sending && to ? { to, done: [...done] } : {}),
        } satisfies Journal);
      if (journal(family.id).length > JOURNAL_MAX_CHARS) flush();
      const refusals: string[] = [];
      for (const { to, items } of messages) {
        try {
          store.setProperty(ASK_JOURNAL, journal(family.id, to));
        } catch (e) {
          // The journal could not be written, so nothing more goes out; what went to the
          // family's other addresses is kept (written by the flush below), never sent again.
          if (done.size)
            progressProp(family.id, { ...progress, round: settings.roundName, sent: [...done] });
          throw e;
        }
        try {
          send(
            family,
            to,
            languageFor(family, to),
            items[0]!.pupils,
            linkOf(family, to),
            settings,
            forText,
            stored,
          );
        } catch (e) {
          const failure = mailFailure(e);
          if (failure === 'refused') {
            refusals.push(`${to}: ${failureText(e)}`.replace(/\s+/g, ' '));
            continue;
          }
          // Stopped between the family's addresses: the ones sent are kept, so the next run
          // sends only the others. This one did not go out.
          if (done.size)
            progressProp(family.id, { ...progress, round: settings.roundName, sent: [...done] });
          store.setProperty(ASK_JOURNAL, journal(null));
          if (failure === 'quota') {
            stopped = 'quota';
            break;
          }
          throw e;
        }
        quota--;
        done.add(to);
      }
      if (stopped) break;
      if (refusals.length) {
        refusedNow++;
        other[ASKED_PREFIX + family.id] = markOf(settings.roundName, REFUSED + refusals.join('; '));
      } else if (progress?.unsure) {
        // Its other addresses are sent now; the one a cut left unsure stays for a person.
        progressProp(family.id, { ...progress, sent: [...done] });
      } else unwritten.push(family.id);
      sentNow++;
      if (sentNow % FLUSH_EVERY === 0) flush();
    }
  } finally {
    flush();
  }
  const total = state.sent + sentNow;
  const rest = toAsk.length - sentNow;
  if (refusedNow)
    problems.push({
      severity: 'warning',
      message: `Google refused the request to ${plural(refusedNow, 'family', 'families')} (listed in the Family availability step, with the reason); the others were sent.`,
    });
  if (stopped === 'quota') {
    return {
      state: { sent: total },
      done: true,
      processed: total,
      total: total + rest,
      message: `Asked ${plural(total, 'family', 'families')}. Google's daily email limit is reached; ${plural(rest, 'family', 'families')} still to ask. Everything sent is recorded. ${QUOTA_RENEWS}: continue then.`,
      problems,
    };
  }
  if (stopped === 'time')
    return {
      state: { sent: total },
      done: false,
      processed: total,
      total: total + rest,
      message: `Asked ${plural(total, 'family', 'families')}, ${rest} to go.`,
      problems,
    };
  return {
    state: { sent: total },
    done: true,
    processed: total,
    total,
    message: `Asked ${plural(total, 'family', 'families')} when they can come, each with its own link.`,
    problems,
  };
}

export const ASK_JOB: JobSpec<AskState> = {
  name: 'ask',
  label: 'asking families when they can come',
  start: () => ({ sent: 0 }),
  step: (state, ctx) => runAsk(state, ctx, false),
};

/** The same, first forgetting the families marked unconfirmed: they are sent the request again. */
export const ASK_AGAIN_JOB: JobSpec<AskState> = {
  name: 'ask-again',
  label: 'asking families again',
  start: () => ({ sent: 0 }),
  step: (state, ctx) => runAsk(state, ctx, true),
};
