/**
 * Every email the add-on sends goes through here: one recipient per message (no family sees
 * another person's address, and each message names only that person's children), and a failure
 * told apart as the daily quota, a message MailApp refuses, or anything else.
 *
 * MailApp counts recipients, not messages, against the daily quota
 * (https://developers.google.com/apps-script/guides/services/quotas: "Email recipients per
 * day"), so one message per address costs what one message to all of them did: one unit each.
 */
import { knownFamilyIds } from '../core/formlinks';
import { parseRoster, type RosterResult } from '../core/roster';
import type { RenderedMessage } from '../core/templates';
import type { Problem, Settings } from '../shared/api';
import { readSheet } from './data';
import { documentProperties } from './props';

/**
 * A sending job writes its marks back to the sheet at least this often (one write per run of
 * adjacent rows), so a run cut off leaves few sends recorded only in its journal.
 */
export const FLUSH_EVERY = 10;

/**
 * One message to one address, from the user's account. MailApp.sendEmail(message): name is the
 * sender's display name (the account's own name when omitted); replyTo overrides the reply
 * address (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)).
 */
export function mailOne(to: string, message: RenderedMessage, settings: Settings): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to,
    subject: message.subject,
    body: message.text,
    htmlBody: message.html,
  };
  if (settings.senderName) options.name = settings.senderName;
  if (settings.replyTo) options.replyTo = settings.replyTo;
  MailApp.sendEmail(options);
}

/**
 * Why MailApp raised:
 * - 'quota': the day's recipients are spent ("Service invoked too many times for one day:
 *   email."; getRemainingDailyQuota may then answer -1): stop, the rest waits for the next run
 *   with quota;
 * - 'refused': this message can never go as it is (an invalid address, a body over the size
 *   limit, too many recipients): flag it for a person and go on with the next;
 * - 'other': a passing service error: stop this run, record what went out, and let the next
 *   run send it.
 */
export function mailFailure(e: unknown): 'quota' | 'refused' | 'other' {
  const message = failureText(e);
  if (/too many times for one day: email|Email Recipients Per Day/i.test(message)) return 'quota';
  // "Limit Exceeded: ..." is how Apps Script words a per-message limit (recipients per message,
  // body size: https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
  if (/Invalid email|Invalid argument|Limit Exceeded|no recipient/i.test(message)) return 'refused';
  return 'other';
}

/** MailApp's message, for a person to read on the row. */
export function failureText(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

/**
 * The Roster as messages need it: who is listed with which child (and each family's phone). One
 * read; the Teachers sheet is not needed for that. The families get the ids the document keeps
 * codes for (`props`, the document's properties as the caller read them), as readSchool gives
 * them: a family regrouped, or given a Family ID, since its code was made keeps its id, so its
 * Schedule rows, link and answers stay one family's.
 */
export function rosterForMessages(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Pick<Settings, 'defaultLanguage'>,
  props: Record<string, string>,
): RosterResult | null {
  const values = readSheet(ss, 'Roster');
  return values === null
    ? null
    : parseRoster(values, null, {
        defaultLanguage: settings.defaultLanguage,
        knownFamilyIds: knownFamilyIds(props),
      });
}

/** An email whose sending is recorded in document properties under its own key. */
export interface JournaledEmail {
  key: string;
  to: string;
  message: RenderedMessage;
  /** What to tell the user when Google refuses this email for good. */
  refused: (why: string) => Problem;
  /** Other properties written with the "sending" mark, in the same call (kept whatever happens). */
  alsoRecord?: Record<string, string>;
}

/**
 * Sends each email once, recording it under its key "sending <stamp>" before MailApp is called
 * and "sent <stamp>" after, so a run cut off in between leaves "sending" and the caller never
 * sends it again. Asks Google for the day's quota once and counts it down (what is left is
 * returned); stops when the execution's time is up (call again) or the day's quota is spent
 * (`waiting` left for later). A refused email is recorded "refused" and the run goes on; a passing error stops it, unrecorded.
 */
export function sendJournaled(
  emails: JournaledEmail[],
  stamp: string,
  settings: Settings,
  outOfTime: () => boolean,
): { sent: number; outOfTime: boolean; waiting: number; quota: number; problems: Problem[] } {
  const props = documentProperties();
  const problems: Problem[] = [];
  let quota = MailApp.getRemainingDailyQuota();
  let sent = 0;
  const stop = (i: number, late: boolean) => ({
    sent,
    outOfTime: late,
    waiting: late ? 0 : emails.length - i,
    quota,
    problems,
  });
  for (const [i, email] of emails.entries()) {
    if (outOfTime()) return stop(i, true);
    if (quota < 1) return stop(i, false);
    props.setProperties({ [email.key]: `sending ${stamp}`, ...email.alsoRecord });
    try {
      mailOne(email.to, email.message, settings);
    } catch (e) {
      const failure = mailFailure(e);
      if (failure === 'refused') {
        props.setProperty(email.key, `refused ${stamp}: ${failureText(e)}`);
        problems.push(email.refused(failureText(e)));
        continue;
      }
      props.deleteProperty(email.key);
      if (failure === 'quota') return stop(i, false);
      throw e;
    }
    props.setProperty(email.key, `sent ${stamp}`);
    quota--;
    sent++;
  }
  return stop(emails.length, false);
}
