/**
 * The add-on's small state in document properties (shared by everyone who edits the
 * spreadsheet; https://developers.google.com/apps-script/guides/properties). Values are JSON;
 * a value that no longer parses is treated as absent, never as a reason to fail.
 */
export const PROP = {
  settings: 'slc:settings',
  running: 'slc:running',
  jobPrefix: 'slc:job:',
} as const;

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('The add-on must run inside a spreadsheet.');
  return props;
}

export function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function readJson<T>(key: string): T | null {
  return parseJson<T>(documentProperties().getProperty(key));
}

export function writeJson(key: string, value: unknown): void {
  documentProperties().setProperty(key, JSON.stringify(value));
}
