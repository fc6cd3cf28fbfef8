/**
 * "Check this Google account": tries, on the school's own account, each Google behaviour the
 * add-on relies on that can be tried without touching a family (docs/EMULATOR.md), and says what
 * it found in plain words. Everything it makes is removed again, also when a step fails, except
 * the one form: no Apps Script service the add-on may use can delete a form (that needs Drive),
 * so the form is emptied, closed and named as safe to delete, the report says so, and every later
 * check uses that same form again (its id kept in the document's properties).
 *
 * Two answers only a mailbox can give are asked of the user's own mailbox, through "+" aliases
 * of their address (delivered to them by Gmail): whether a guest added with addGuest gets an
 * invitation, and whether the invitation sent at creation lists the other guests.
 */
import { escapeHtml } from '../core/templates';
import { ADDON_TITLE } from '../shared/api';
import { readSettings, schoolZone } from './data';

export type CheckOutcome = 'ok' | 'problem' | 'look';

export interface CheckResult {
  check: string;
  outcome: CheckOutcome;
  detail: string;
}

/** The name of everything the check makes, so a person can recognise it anywhere. */
export const CHECK_NAME = `${ADDON_TITLE} — account check (safe to delete)`;
/** The installable trigger's handler: does nothing (the trigger is removed at once). */
export const CHECK_HANDLER = 'accountCheckTrigger';

type Publishable = GoogleAppsScript.Forms.Form & {
  isPublished?: () => boolean;
  setPublished?: (enabled: boolean) => unknown;
};

function messageOf(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as Error).message === 'string'
    ? (e as Error).message
    : String(e);
}

const isRateLimit = (e: unknown) => /too many calendars or calendar events/i.test(messageOf(e));

/** Calls fn, waiting 5, 10, 20 then 40 seconds and trying again while Calendar asks to slow down. */
function patiently<T>(fn: () => T): T {
  for (let wait = 5_000; ; wait *= 2) {
    try {
      return fn();
    } catch (e) {
      if (!isRateLimit(e) || wait > 40_000) throw e;
      Utilities.sleep(wait);
    }
  }
}

/** you@school.org → you+slc-<tag>@school.org: delivered to the same mailbox by Gmail. */
function alias(email: string, tag: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}+slc-${tag}${email.slice(at)}`;
}

/**
 * Where the check keeps the id of its form (document properties), with what the first check
 * found, so every later check reuses that one form instead of leaving another behind.
 */
export const CHECK_FORM_KEY = 'slc:accountcheck:form';

interface KeptForm {
  id: string;
  /** Whether the form started published when the first check made it. */
  startedPublished: boolean;
}

/** The form an earlier check left, or null when there is none or it was deleted. */
function keptForm(props: GoogleAppsScript.Properties.Properties | null): {
  form: Publishable;
  kept: KeptForm;
} | null {
  try {
    const kept = JSON.parse(props?.getProperty(CHECK_FORM_KEY) ?? 'null') as KeptForm | null;
    return kept ? { form: FormApp.openById(kept.id) as Publishable, kept } : null;
  } catch {
    // Deleted from Drive (as the report suggests) or unreadable: a new one is made.
    return null;
  }
}

function checkForms(out: CheckResult[]): void {
  let form: Publishable | null = null;
  let props: GoogleAppsScript.Properties.Properties | null = null;
  try {
    props = PropertiesService.getDocumentProperties();
  } catch {
    // No document store (reported by the document check): a form is made and not kept.
  }
  try {
    const earlier = keptForm(props);
    let startedPublished: boolean;
    let item: GoogleAppsScript.Forms.TextItem;
    if (earlier) {
      form = earlier.form;
      startedPublished = earlier.kept.startedPublished;
      const items = form.getItems(FormApp.ItemType.TEXT);
      item = items.length ? items[0]!.asTextItem() : form.addTextItem().setTitle('Account check');
      form.setAcceptingResponses(true);
    } else {
      form = FormApp.create(CHECK_NAME) as Publishable;
      startedPublished = typeof form.isPublished === 'function' ? form.isPublished() : true;
      props?.setProperty(
        CHECK_FORM_KEY,
        JSON.stringify({ id: form.getId(), startedPublished } satisfies KeptForm),
      );
      item = form.addTextItem().setTitle('Account check');
    }
    const published = typeof form.isPublished === 'function' ? form.isPublished() : true;
    if (!published && typeof form.setPublished === 'function') form.setPublished(true);
    form.createResponse().withItemResponse(item.createResponse('ok')).submit();
    const answered = form.getResponses().length === 1;
    out.push({
      check: 'Google Forms',
      outcome: answered ? 'ok' : 'problem',
      detail: `${startedPublished ? 'A new form starts published' : 'A new form starts unpublished (Google\u2019s change of June 2026); the add-on publishes its forms'}${earlier ? ' (found when the check made its form)' : ''}${answered ? ', and once published it accepts an answer.' : ', but it did not keep the test answer.'}`,
    });
  } catch (e) {
    out.push({
      check: 'Google Forms',
      outcome: 'problem',
      detail: `Making or answering a test form failed: ${messageOf(e)}`,
    });
  } finally {
    if (form) {
      try {
        form.deleteAllResponses();
        form.setAcceptingResponses(false);
      } catch {
        // The report below names the form either way.
      }
      out.push({
        check: 'Left behind',
        outcome: 'look',
        detail: `One empty, closed form named "${CHECK_NAME}" is in your Google Drive (the add-on has no permission to delete files). The next check uses it again rather than making another; delete it there when you no longer need the check.`,
      });
    }
  }
}

function checkCalendar(out: CheckResult[], me: string): void {
  let calendar: GoogleAppsScript.Calendar.Calendar | null = null;
  try {
    calendar = patiently(() => CalendarApp.createCalendar(CHECK_NAME));
    const start = new Date(Date.now() + 7 * 86_400_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const mailbox = me.includes('@');
    const guests = mailbox ? [alias(me, 'guest-1'), alias(me, 'guest-2')] : [];
    const event = patiently(() =>
      calendar!.createEvent('Account check', start, end, {
        description: 'Made and deleted by the add-on\u2019s account check.',
        guests: guests.join(','),
        sendInvites: mailbox,
      }),
    );
    event.setGuestsCanSeeGuests(false);
    if (mailbox) event.addGuest(alias(me, 'added'));
    const id = event.getId();
    const read = calendar.getEventById(id);
    out.push({
      check: 'Google Calendar',
      outcome: read && read.getTitle() === 'Account check' ? 'ok' : 'problem',
      detail:
        read && read.getTitle() === 'Account check'
          ? 'A calendar and a private event were made and read back.'
          : 'An event was made but could not be read back.',
    });
    patiently(() => event.deleteEvent());
    const after = calendar.getEventById(id);
    out.push({
      check: 'A deleted event',
      outcome: 'ok',
      detail:
        after === null
          ? 'Once deleted, an event is no longer found by its ID (as the add-on expects).'
          : 'Once deleted, an event is still found by its ID; the add-on copes (it also finds its events by tag).',
    });
    if (mailbox)
      out.push({
        check: 'Invitations',
        outcome: 'look',
        detail: `Look in your inbox in a few minutes. (1) An invitation to "Account check" sent to ${alias(me, 'added')} means Google emails a guest added to an existing event; none means it does not (the add-on then emails such a guardian itself). (2) Open the invitation sent to ${alias(me, 'guest-1')}: if it lists ${alias(me, 'guest-2')}, Google's first invitation shows a family's guardians each other's addresses.`,
      });
  } catch (e) {
    out.push({
      check: 'Google Calendar',
      outcome: 'problem',
      detail: isRateLimit(e)
        ? `Google asked to slow down and kept refusing: ${messageOf(e)}`
        : `Calendar refused a step (making, reading or deleting a test calendar or event): ${messageOf(e)}`,
    });
  } finally {
    if (calendar) {
      try {
        patiently(() => calendar!.deleteCalendar());
      } catch (e) {
        out.push({
          check: 'Left behind',
          outcome: 'problem',
          detail: `The test calendar "${CHECK_NAME}" could not be deleted (${messageOf(e)}): delete it in Google Calendar's settings.`,
        });
      }
    }
  }
}

function checkTriggers(out: CheckResult[]): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let trigger: GoogleAppsScript.Script.Trigger | null = null;
  try {
    trigger = ScriptApp.newTrigger(CHECK_HANDLER).forSpreadsheet(ss).onOpen().create();
    const uid = trigger.getUniqueId();
    const listed = ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === uid);
    ScriptApp.deleteTrigger(trigger);
    trigger = null;
    const gone = !ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === uid);
    out.push({
      check: 'Triggers',
      outcome: listed && gone ? 'ok' : 'problem',
      detail:
        listed && gone
          ? 'A trigger was installed, listed and removed.'
          : 'A trigger was installed but not listed or not removed as expected.',
    });
  } catch (e) {
    out.push({
      check: 'Triggers',
      outcome: 'problem',
      detail: `Installing a test trigger failed: ${messageOf(e)}`,
    });
  } finally {
    if (trigger) {
      try {
        ScriptApp.deleteTrigger(trigger);
      } catch {
        out.push({
          check: 'Left behind',
          outcome: 'problem',
          detail: `A test trigger (${CHECK_HANDLER}) could not be removed: remove it at https://script.google.com/home/triggers.`,
        });
      }
    }
  }
}

function checkMail(out: CheckResult[]): void {
  try {
    const left = MailApp.getRemainingDailyQuota();
    out.push({
      check: 'Email',
      outcome: left > 0 ? 'ok' : 'problem',
      detail: `Google lets this account email ${left} more recipients now (each address counts; the quota renews 24 hours after its first use).`,
    });
  } catch (e) {
    out.push({
      check: 'Email',
      outcome: 'problem',
      detail: `Reading the email quota failed: ${messageOf(e)}`,
    });
  }
}

function checkDocument(out: CheckResult[]): void {
  const props = PropertiesService.getDocumentProperties() !== null;
  const lock = LockService.getDocumentLock() !== null;
  out.push({
    check: 'This spreadsheet',
    outcome: props && lock ? 'ok' : 'problem',
    detail:
      props && lock
        ? 'The add-on can keep its settings in this spreadsheet and stop two people sending at once.'
        : 'Google gave the add-on no document store or lock here.',
  });
}

/** Runs every check; makes nothing that outlives it but the one closed form. */
export function checkAccount(): CheckResult[] {
  const out: CheckResult[] = [];
  let me = '';
  try {
    me = Session.getEffectiveUser().getEmail();
  } catch {
    // Reported below as an unknown address.
  }
  out.push({
    check: 'Account',
    outcome: me ? 'ok' : 'problem',
    detail: me ? `Running as ${me}.` : 'Google did not tell the add-on which account this is.',
  });
  checkDocument(out);
  checkMail(out);
  checkTriggers(out);
  checkCalendar(out, me);
  checkForms(out);
  out.push({
    check: 'Not checked here',
    outcome: 'look',
    detail:
      'Whether Google gives the hourly reminders their spreadsheet: if it does not, the add-on emails you when reminders are due ("Conference reminders are due"), and you send them from the Reminders step.',
  });
  return out;
}

const MARK: Record<CheckOutcome, string> = { ok: 'OK', problem: 'PROBLEM', look: 'LOOK' };

/** The report as plain text, for the school's IT. */
export function reportText(results: CheckResult[], when: string): string {
  return [
    `${ADDON_TITLE}: account check, ${when}`,
    '',
    ...results.map((r) => `[${MARK[r.outcome]}] ${r.check}: ${r.detail}`),
  ].join('\n');
}

/** The dialog: each result, and the report in a box with a button that copies it. */
export function reportHtml(results: CheckResult[], text: string): string {
  const rows = results
    .map(
      (r) =>
        `<li class="${r.outcome}"><b>${escapeHtml(MARK[r.outcome])} · ${escapeHtml(r.check)}</b><br>${escapeHtml(r.detail)}</li>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><base target="_top"><style>
body{font:14px/1.4 Arial,sans-serif;margin:12px}ul{padding-left:18px}li{margin:0 0 8px}
.problem b{color:#b3261e}.ok b{color:#1e6b30}.look b{color:#7a5900}
textarea{width:100%;height:120px;font:12px monospace}
</style></head><body><ul>${rows}</ul>
<label for="report">Report for your IT (plain text)</label>
<textarea id="report" readonly>${escapeHtml(text)}</textarea>
<button id="copy" type="button">Copy report</button> <span id="copied" role="status"></span>
<script>
document.getElementById('copy').addEventListener('click', function () {
  var box = document.getElementById('report');
  box.select();
  var done = function () { document.getElementById('copied').textContent = 'Copied.'; };
  if (navigator.clipboard) navigator.clipboard.writeText(box.value).then(done, function () { document.execCommand('copy'); done(); });
  else { document.execCommand('copy'); done(); }
});
</script></body></html>`;
}

/** The menu item: runs the checks and shows what they found. */
export function showAccountCheck(): CheckResult[] {
  const results = checkAccount();
  // The school's zone, as every stamp a person reads: the script's own need not be the same.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = ss ? schoolZone(ss, readSettings(ss)) : Session.getScriptTimeZone();
  const when = Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd HH:mm');
  const html = HtmlService.createHtmlOutput(reportHtml(results, reportText(results, when)))
    .setWidth(560)
    .setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, 'Check this Google account');
  return results;
}
