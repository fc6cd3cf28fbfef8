/**
 * Installable triggers: what ScriptApp creates and what the emulated services fire.
 *
 * Limits of an Editor add-on (https://developers.google.com/apps-script/add-ons/concepts/triggers#restrictions):
 * one trigger of each event type per user per document, and time-driven triggers at most
 * once an hour. A fired trigger is its own execution, run through `runner`, which the loader
 * sets to call the bundle's top-level function.
 */
import type { AuthMode, Workspace } from './runtime';
import type { SpreadsheetStore } from './sheets/model';

export type TriggerEvent = 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT' | 'CLOCK';
export type TriggerSource = 'SPREADSHEETS' | 'FORMS' | 'CLOCK' | 'CALENDAR';

export interface TriggerRecord {
  uid: string;
  handler: string;
  event: TriggerEvent;
  source: TriggerSource;
  /** The spreadsheet or form id; null for time-driven triggers. */
  sourceId: string | null;
  /** The document the add-on installed it from (the per-document limit counts these). */
  documentId: string | null;
  /** The user who installed it: add-on triggers run as that user. */
  user: string;
  /** Time-driven: repeat interval in ms, and when it fires next. */
  everyMs?: number;
  nextAt?: number;
  /** One-off time-driven trigger (at / after). */
  once?: boolean;
}

export type TriggerRunner = (
  handler: string,
  event: Record<string, unknown>,
  options: { user: string; authMode: AuthMode; entry: string },
) => void;

export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];
  /** Set by the loader; with none, firing a trigger is an error (nothing would run). */
  runner: TriggerRunner | null = null;
  /** Every firing, with its outcome, for tests and the preview. */
  readonly firings: { uid: string; handler: string; at: number; error?: string }[] = [];
  /**
   * Switch: a time-driven trigger runs with no active document, so getActiveSpreadsheet(),
   * PropertiesService.getDocumentProperties() and LockService.getDocumentLock() give null
   * inside it. Reported for a clock trigger (docs/EMULATOR.md row 17); Google's pages say only
   * that the last two are null "outside of the context of a containing document". Off by default.
   */
  clockTriggersHaveNoDocument = false;

  constructor(
    private readonly ws: Workspace,
    private readonly sheets?: SpreadsheetStore,
  ) {}

  install(record: Omit<TriggerRecord, 'uid'>): TriggerRecord {
    const full = { ...record, uid: String(Math.floor(this.ws.random() * 1e15)) };
    this.triggers.push(full);
    return full;
  }

  remove(uid: string): boolean {
    const i = this.triggers.findIndex((t) => t.uid === uid);
    if (i < 0) return false;
    this.triggers.splice(i, 1);
    return true;
  }

  private run(trigger: TriggerRecord, event: Record<string, unknown>): void {
    if (!this.runner)
      throw new Error('No bundle is loaded to run triggers; load one with the loader first.');
    const at = this.ws.clock.now();
    const active = this.sheets?.active ?? null;
    if (trigger.event === 'CLOCK' && this.clockTriggersHaveNoDocument && this.sheets)
      this.sheets.active = null;
    try {
      this.runner(
        trigger.handler,
        { ...event, triggerUid: trigger.uid, authMode: 'FULL' },
        {
          user: trigger.user,
          authMode: 'FULL',
          entry: `${trigger.handler} (${trigger.event} trigger)`,
        },
      );
      this.firings.push({ uid: trigger.uid, handler: trigger.handler, at });
    } catch (e) {
      // A failing trigger does not stop the service that fired it; Apps Script emails the owner.
      this.firings.push({ uid: trigger.uid, handler: trigger.handler, at, error: String(e) });
    } finally {
      if (this.sheets) this.sheets.active = active;
    }
  }

  /** Fires every trigger installed for this event on this document (a form submit, an edit). */
  fire(event: TriggerEvent, sourceId: string, makeEvent: () => Record<string, unknown>): void {
    for (const t of this.triggers.filter((x) => x.event === event && x.sourceId === sourceId))
      this.run(t, makeEvent());
  }

  /**
   * Moves the clock to `until`, firing each time-driven trigger whenever it falls due, in time
   * order. Each firing is an execution, which itself advances the clock.
   */
  advanceTo(until: number): void {
    for (;;) {
      const due = this.triggers
        .filter((t) => t.event === 'CLOCK' && t.nextAt !== undefined && t.nextAt <= until)
        .sort((a, b) => a.nextAt! - b.nextAt!)[0];
      if (!due) break;
      if (due.nextAt! > this.ws.clock.now()) this.ws.clock.set(due.nextAt!);
      const at = this.ws.clock.now();
      if (due.once) this.remove(due.uid);
      else due.nextAt = at + due.everyMs!;
      const d = new Date(at);
      this.run(due, {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        'day-of-month': d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        timezone: 'UTC',
      });
    }
    if (until > this.ws.clock.now()) this.ws.clock.set(until);
  }
}
