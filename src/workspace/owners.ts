/**
 * Several editors, one truth: the conference calendar, the family forms and the triggers are the
 * document's, not the clicking user's. Each is found by what the document stores (ids in
 * document properties), with the email of the account that made it, so a second editor works on
 * the same ones or is told plainly whose they are. Google keeps each of them per account: a
 * calendar or form is visible to another account only once shared, and a trigger only to its
 * maker (ScriptApp.getUserTriggers).
 */
import { documentProperties, parseJson } from './props';

/** The account running this execution (an add-on runs as the user who clicked), lower-cased. */
export function runnerEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail().toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The account running this execution, as runnerEmail, but a service error reading it is thrown,
 * not taken for "no address": what is about to be made in this account's name (the conference
 * calendar, whose owner every invitation names as the address to reply to) waits for the next
 * run rather than being made with no owner.
 */
export function accountEmail(): string {
  return Session.getEffectiveUser().getEmail().toLowerCase();
}

/** The add-on's triggers, each kept under its own key: one of each per document. */
export type TriggerKind = 'reminders' | 'form-submit';

const TRIGGER_OWNER_PREFIX = 'slc:trigger-owner:';

/** Who installed the document's trigger of this kind, as the document records it. */
export function triggerOwner(kind: TriggerKind, props?: Record<string, string>): string | null {
  const key = TRIGGER_OWNER_PREFIX + kind;
  const text = props ? props[key] : documentProperties().getProperty(key);
  return parseJson<{ owner: string }>(text)?.owner || null;
}

export function recordTriggerOwner(kind: TriggerKind, owner: string | null): void {
  const key = TRIGGER_OWNER_PREFIX + kind;
  if (owner === null) documentProperties().deleteProperty(key);
  else documentProperties().setProperty(key, JSON.stringify({ owner }));
}
