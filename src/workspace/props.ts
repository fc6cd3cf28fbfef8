/**
 * The add-on's small state in document properties (shared by everyone who edits the
 * spreadsheet; https://developers.google.com/apps-script/guides/properties). Values are JSON;
 * a value that no longer parses is treated as absent, never as a reason to fail.
 */
import { parseJson } from '../core/json';

export const PROP = {
  settings: 'slc:settings',
  running: 'slc:running',
  jobPrefix: 'slc:job:',
  /** When the hourly reminders next have work (src/core/idle.ts). */
  remindersIdle: 'slc:reminders:idle',
} as const;

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('The add-on must run inside a spreadsheet.');
  return props;
}

/**
 * Something the hourly reminders depend on outside the Schedule changed (settings, a template, the
 * trigger itself): their next run does the whole run instead of stopping early.
 */
export function forgetRemindersIdle(): void {
  documentProperties().deleteProperty(PROP.remindersIdle);
}

export { parseJson } from '../core/json';

export function readJson<T>(key: string): T | null {
  return parseJson<T>(documentProperties().getProperty(key));
}

export function writeJson(key: string, value: unknown): void {
  documentProperties().setProperty(key, JSON.stringify(value));
}
