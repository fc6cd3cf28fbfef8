/**
 * The in-memory Google Workspace: every service the add-on uses, sharing one Workspace (clock,
 * call log, quotas, faults). `globals` are the objects Apps Script puts in a script's global
 * scope; the loader hands them to the bundle, tests may call them directly.
 */
import { CalendarStore, createCalendarApp } from './calendar';
import { createFormApp, FormStore } from './forms';
import { createHtmlService, HtmlFiles } from './html';
import { runtimeIntl } from './intl';
import { createLanguageApp, LanguageSettings } from './language';
import { createLockService, LockStore } from './lock';
import { createMailApp, MailOutbox } from './mail';
import { Workspace, type WorkspaceOptions } from './runtime';
import { createScriptApp } from './script';
import { createSession } from './session';
import { createSpreadsheetApp, rowRange } from './sheets/app';
import { SpreadsheetStore } from './sheets/model';
import { createCacheService, createPropertiesService, KeyValueStores } from './storage';
import { TriggerStore } from './triggers';
import { createUtilities } from './utilities';

export interface EmulatorOptions extends WorkspaceOptions {
  /** Name of the spreadsheet the add-on runs in; one is created and made active. */
  spreadsheetName?: string;
  timeZone?: string;
}

export type Emulator = ReturnType<typeof createEmulator>;

export function createEmulator(options: EmulatorOptions = {}) {
  const ws = new Workspace(options);
  const sheets = new SpreadsheetStore(ws);
  const spreadsheet = sheets.create(options.spreadsheetName ?? 'Student-Led Conferences', {
    active: true,
    timeZone: options.timeZone ?? 'America/New_York',
  });
  const triggers = new TriggerStore(ws, sheets);
  const calendar = new CalendarStore(ws);
  const forms = new FormStore(ws, sheets, triggers);
  forms.rangeFactory = (sheetName, row, numColumns, spreadsheetId) =>
    rowRange(ws, sheets, spreadsheetId, sheetName, row, numColumns);
  const mail = new MailOutbox();
  const kv = new KeyValueStores();
  const locks = new LockStore(ws);
  const html = new HtmlFiles();
  const language = new LanguageSettings();
  /**
   * The script's own time zone (Session.getScriptTimeZone): by default the active
   * spreadsheet's. Google does not say that an add-on's script zone follows the document
   * (docs/EMULATOR.md row 44); set a zone here to run the add-on where they differ.
   */
  const session = { scriptTimeZone: null as string | null };
  /**
   * Zones the script runtime's ICU data lacks (docs/EMULATOR.md row 53): the bundle's
   * `Intl.DateTimeFormat` throws RangeError for each. Empty: the runtime knows every zone.
   */
  const runtimeZones = { missing: new Set<string>() };
  const logs: string[] = [];
  const log = (...args: unknown[]) =>
    logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));

  const globals = {
    SpreadsheetApp: createSpreadsheetApp(ws, sheets),
    CalendarApp: createCalendarApp(ws, calendar),
    MailApp: createMailApp(ws, mail),
    FormApp: createFormApp(ws, forms),
    ScriptApp: createScriptApp(ws, triggers, sheets),
    PropertiesService: createPropertiesService(ws, kv, sheets),
    CacheService: createCacheService(ws, kv, sheets),
    LockService: createLockService(ws, locks, sheets),
    HtmlService: createHtmlService(ws, html),
    Utilities: createUtilities(ws),
    Session: createSession(ws, {
      timeZone: () => session.scriptTimeZone ?? sheets.active?.timeZone ?? 'America/New_York',
    }),
    LanguageApp: createLanguageApp(ws, language),
    Logger: { log: (...args: unknown[]) => (log(...args), undefined) },
    console: { log, info: log, warn: log, error: log },
    Intl: runtimeIntl(runtimeZones),
  };

  return {
    ws,
    sheets,
    spreadsheet,
    triggers,
    calendar,
    forms,
    mail,
    kv,
    locks,
    html,
    language,
    session,
    runtimeZones,
    logs,
    globals,
  };
}

export { Workspace } from './runtime';
export type { ExecutionReport } from './runtime';
