/**
 * ScriptApp: installable triggers with the Editor add-on limits, auth modes and enums.
 * Reference: https://developers.google.com/apps-script/reference/script/script-app and
 * https://developers.google.com/apps-script/add-ons/concepts/triggers#restrictions
 *
 * Triggers are per user ("Class ScriptApp": getUserTriggers(spreadsheet) "gets all installable
 * triggers owned by this user in the given spreadsheet, for this script or add-on only";
 * getProjectTriggers those "associated with the current project and current user"), and each
 * runs as the user who made it ("Installable triggers",
 * https://developers.google.com/apps-script/guides/triggers/installable#restrictions: they
 * "always run under the account of the person who created them"). So a second editor of a
 * document sees none of the first one's triggers, and the per-user limit lets them add their own.
 */
import { registerLatency } from './latency';
import { type Access, AppsScriptException, type Workspace } from './runtime';
import type { SpreadsheetStore } from './sheets/model';
import type { TriggerEvent, TriggerRecord, TriggerSource, TriggerStore } from './triggers';

registerLatency('ScriptApp', {
  'TriggerBuilder.create': { base: 400 },
  getProjectTriggers: { base: 100 },
  getUserTriggers: { base: 100 },
  deleteTrigger: { base: 200 },
  getAuthorizationInfo: { base: 20 },
});

const TRIGGERS: Access = {
  auth: 'full',
  scopes: ['https://www.googleapis.com/auth/script.scriptapp'],
};
const HOUR = 3600_000;

/** What Apps Script says when an add-on installs a second trigger of a kind in one document. */
export function tooManyTriggersMessage(event: TriggerEvent): string {
  const kind = {
    CLOCK: 'time-based',
    ON_FORM_SUBMIT: 'form submit',
    ON_OPEN: 'open',
    ON_EDIT: 'edit',
    ON_CHANGE: 'change',
  }[event];
  return `This add-on has created too many ${kind} triggers in this document for this Google user account.`;
}

class Trigger {
  constructor(readonly record: TriggerRecord) {}
  getUniqueId() {
    return this.record.uid;
  }
  getHandlerFunction() {
    return this.record.handler;
  }
  getEventType() {
    return this.record.event;
  }
  getTriggerSource() {
    return this.record.source;
  }
  getTriggerSourceId() {
    return this.record.sourceId;
  }
}

function idOf(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof (x as { getId?: unknown }).getId === 'function')
    return (x as { getId(): string }).getId();
  throw new AppsScriptException('Invalid argument: key');
}

export function createScriptApp(ws: Workspace, triggers: TriggerStore, sheets: SpreadsheetStore) {
  const user = () => ws.current?.user ?? ws.defaultUser;
  const documentId = () => sheets.active?.id ?? null;

  function install(
    handler: string,
    event: TriggerEvent,
    source: TriggerSource,
    sourceId: string | null,
    clock?: { everyMs?: number; at?: number },
  ) {
    return ws.call(
      'ScriptApp',
      'TriggerBuilder.create',
      () => {
        const doc = documentId();
        const mine = triggers.triggers.filter(
          (t) => t.user === user() && t.documentId === doc && t.event === event,
        );
        if (mine.length > 0) throw new AppsScriptException(tooManyTriggersMessage(event));
        const base = { handler, event, source, sourceId, documentId: doc, user: user() };
        if (!clock) return new Trigger(triggers.install(base));
        const nextAt = clock.at ?? ws.clock.now() + clock.everyMs!;
        return new Trigger(
          triggers.install({
            ...base,
            everyMs: clock.everyMs,
            nextAt,
            once: clock.at !== undefined,
          }),
        );
      },
      TRIGGERS,
    );
  }

  function clockBuilder(handler: string) {
    let everyMs: number | undefined;
    let at: number | undefined;
    const b = {
      everyMinutes(_n: number): never {
        throw new AppsScriptException(
          'Add-ons cannot create time-based triggers that run more often than once an hour.',
        );
      },
      everyHours(n: number) {
        if (!Number.isInteger(n) || ![1, 2, 4, 6, 8, 12].includes(n))
          throw new AppsScriptException('Invalid argument: hours. Use 1, 2, 4, 6, 8 or 12.');
        everyMs = n * HOUR;
        return b;
      },
      everyDays(n: number) {
        if (!Number.isInteger(n) || n < 1) throw new AppsScriptException('Invalid argument: days');
        everyMs = n * 24 * HOUR;
        return b;
      },
      after(ms: number) {
        at = ws.clock.now() + Math.max(ms, HOUR);
        return b;
      },
      at(date: Date) {
        at = Math.max(date.getTime(), ws.clock.now() + HOUR);
        return b;
      },
      atHour: () => b,
      nearMinute: () => b,
      inTimezone: () => b,
      create() {
        if (everyMs === undefined && at === undefined)
          throw new AppsScriptException(
            'A time-based trigger needs a schedule (everyHours, everyDays, after or at).',
          );
        return install(handler, 'CLOCK', 'CLOCK', null, { everyMs, at });
      },
    };
    return b;
  }

  return {
    AuthMode: {
      NONE: 'NONE',
      CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
      LIMITED: 'LIMITED',
      FULL: 'FULL',
    },
    AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
    EventType: {
      CLOCK: 'CLOCK',
      ON_OPEN: 'ON_OPEN',
      ON_EDIT: 'ON_EDIT',
      ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
      ON_CHANGE: 'ON_CHANGE',
    },
    TriggerSource: {
      SPREADSHEETS: 'SPREADSHEETS',
      CLOCK: 'CLOCK',
      FORMS: 'FORMS',
      CALENDAR: 'CALENDAR',
    },
    getScriptId: () => 'emulated-script-id',
    getAuthorizationInfo: (_mode: string) =>
      ws.call(
        'ScriptApp',
        'getAuthorizationInfo',
        () => ({
          getAuthorizationStatus: () => 'NOT_REQUIRED',
          getAuthorizationUrl: () => null,
        }),
        { auth: 'none' },
      ),
    newTrigger(handler: string) {
      if (typeof handler !== 'string' || handler === '')
        throw new AppsScriptException('Invalid argument: functionName');
      return {
        forSpreadsheet(spreadsheet: unknown) {
          const id = idOf(spreadsheet);
          const on = (event: TriggerEvent) => ({
            create: () => install(handler, event, 'SPREADSHEETS', id),
          });
          return {
            onOpen: () => on('ON_OPEN'),
            onEdit: () => on('ON_EDIT'),
            onChange: () => on('ON_CHANGE'),
            onFormSubmit: () => on('ON_FORM_SUBMIT'),
          };
        },
        forForm(form: unknown) {
          const id = idOf(form);
          const on = (event: TriggerEvent) => ({
            create: () => install(handler, event, 'FORMS', id),
          });
          return { onOpen: () => on('ON_OPEN'), onFormSubmit: () => on('ON_FORM_SUBMIT') };
        },
        timeBased: () => clockBuilder(handler),
      };
    },
    getProjectTriggers: () =>
      ws.call(
        'ScriptApp',
        'getProjectTriggers',
        () => triggers.triggers.filter((t) => t.user === user()).map((t) => new Trigger(t)),
        TRIGGERS,
      ),
    getUserTriggers: (document: unknown) =>
      ws.call(
        'ScriptApp',
        'getUserTriggers',
        () => {
          const id = idOf(document);
          return triggers.triggers
            .filter((t) => t.user === user() && t.documentId === id)
            .map((t) => new Trigger(t));
        },
        TRIGGERS,
      ),
    deleteTrigger: (trigger: Trigger) =>
      ws.call(
        'ScriptApp',
        'deleteTrigger',
        () => {
          if (!(trigger instanceof Trigger))
            throw new AppsScriptException('Invalid argument: trigger');
          // Deleting a trigger that is already gone is not an error in Apps Script.
          triggers.remove(trigger.record.uid);
        },
        TRIGGERS,
      ),
  };
}
