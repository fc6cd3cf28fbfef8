/**
 * Templates kept in the document: what a person edited in the sidebar, and LanguageApp's
 * translations for languages without built-in texts (kept so each language is translated once,
 * and so a person can correct them). One document property per language,
 * `slc:templates:<language>` = { kind: { subject, body } }: a value may hold 9 KB
 * (https://developers.google.com/apps-script/guides/properties: 9 KB per value, 500 KB per
 * store), and a full set of five kinds is about 2.5 KB, more in bytes for Arabic or Vietnamese;
 * all languages in one value, as an earlier version kept them, would pass 9 KB with a few.
 * That older single value (`slc:templates`) is still read, and replaced on the next write.
 */
import { UserError } from '../core/errors';
import {
  BUILT_IN,
  INTERPRETER,
  MESSAGE_KINDS,
  protectFields,
  restoreFields,
  type MessageKind,
  type Template,
  type TemplateSet,
  unknownFields,
} from '../core/templates';
import { documentProperties, forgetRemindersIdle, parseJson } from './props';

export const TEMPLATES_PROP = 'slc:templates';

const LANGUAGE_PREFIX = `${TEMPLATES_PROP}:`;

export function storedTemplates(
  props: Record<string, string> | null = null,
): Record<string, TemplateSet> {
  const all = props ?? documentProperties().getProperties();
  const out: Record<string, TemplateSet> = {
    ...(parseJson<Record<string, TemplateSet>>(all[TEMPLATES_PROP] ?? null) ?? {}),
  };
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(LANGUAGE_PREFIX)) continue;
    const set = parseJson<TemplateSet>(value);
    if (set) out[key.slice(LANGUAGE_PREFIX.length)] = set;
  }
  return out;
}

/** Writes the languages given (one value each, in one call); the old single value goes, all its languages moved. */
function writeTemplates(all: Record<string, TemplateSet>, languages: string[]): void {
  const store = documentProperties();
  const legacy = store.getProperty(TEMPLATES_PROP) !== null;
  store.setProperties(
    Object.fromEntries(
      (legacy ? Object.keys(all) : languages).map((language) => [
        LANGUAGE_PREFIX + language,
        JSON.stringify(all[language] ?? {}),
      ]),
    ),
  );
  if (legacy) store.deleteProperty(TEMPLATES_PROP);
}

/** Saves one edited template, refusing one that names a field that does not exist. */
export function saveTemplate(kind: MessageKind, language: string, template: Template): Template {
  const unknown = unknownFields(template);
  if (unknown.length)
    throw new UserError(
      `The ${kind} template names ${unknown.map((f) => `{{${f}}}`).join(', ')}, which ${unknown.length === 1 ? 'is not a field' : 'are not fields'}. Nothing was saved.`,
    );
  if (!template.subject.trim() || !template.body.trim())
    throw new UserError(`The ${kind} template needs a subject and a body. Nothing was saved.`);
  const all = storedTemplates();
  all[language] = {
    ...(all[language] ?? {}),
    [kind]: { subject: template.subject, body: template.body },
  };
  writeTemplates(all, [language]);
  // The Letters sheet is rewritten in the new words by the next whole reminders run.
  forgetRemindersIdle();
  return template;
}

/** Forgets an edit: the built-in (or a fresh translation) is used again. */
export function resetTemplate(kind: MessageKind, language: string): void {
  const all = storedTemplates();
  if (!all[language]?.[kind]) return;
  delete all[language]![kind];
  writeTemplates(all, [language]);
  forgetRemindersIdle();
}

/**
 * Makes sure every language in `languages` has texts: English and Spanish are built in; any
 * other is translated from the English texts with LanguageApp once and stored. Fields are
 * protected from the translator; a text whose fields do not all come back stays English, and
 * the language is reported (the caller says so). Returns the stored set and those languages.
 */
export function ensureTranslations(
  languages: Iterable<string>,
  stored: Record<string, TemplateSet>,
): { stored: Record<string, TemplateSet>; fellBack: string[] } {
  const fellBack: string[] = [];
  const changed: string[] = [];
  for (const language of new Set(languages)) {
    if (!language || BUILT_IN[language] || MESSAGE_KINDS.every((kind) => stored[language]?.[kind]))
      continue;
    const set: TemplateSet = { ...(stored[language] ?? {}) };
    let failed = false;
    for (const kind of MESSAGE_KINDS) {
      if (set[kind]) continue;
      const source = stored.en?.[kind] ?? BUILT_IN.en![kind];
      const translated = translateTemplate(source, language);
      if (translated) set[kind] = translated;
      else failed = true;
    }
    if (!failed && set.interpreter === undefined) {
      const sentence = translateText(INTERPRETER.en!, language);
      if (sentence !== null) set.interpreter = sentence;
    }
    if (failed) fellBack.push(language);
    else {
      stored = { ...stored, [language]: set };
      changed.push(language);
    }
  }
  if (changed.length) writeTemplates(stored, changed);
  return { stored, fellBack };
}

/** English text in `language`, its {{fields}} intact; null when that cannot be had. */
function translateText(text: string, language: string): string | null {
  const { text: safe, fields } = protectFields(text);
  let translated: string;
  try {
    translated = LanguageApp.translate(safe, 'en', language);
  } catch (e) {
    // A language Google Translate does not know: English it is. Any other failure (an outage)
    // stops the run before anything is sent, so no family gets English by accident.
    if (/invalid argument/i.test(String((e as Error)?.message ?? e))) return null;
    throw e;
  }
  return restoreFields(translated, fields);
}

function translateTemplate(source: Template, language: string): Template | null {
  const subject = translateText(source.subject, language);
  const body = subject === null ? null : translateText(source.body, language);
  return subject !== null && body !== null ? { subject, body } : null;
}
