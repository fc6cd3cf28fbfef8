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
  hasChoice,
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
 * The freed-time messages go to few families, and only once a conference is cancelled: they are
 * translated when their job first needs them, not with every other kind (which would cost every
 * first reminder or invitation run in a new language its LanguageApp calls).
 */
const ON_DEMAND: ReadonlySet<MessageKind> = new Set<MessageKind>(['waitoffer', 'waitgone']);
const EAGER_KINDS = MESSAGE_KINDS.filter((kind) => !ON_DEMAND.has(kind));

/**
 * Makes sure every language in `languages` has texts (of `kinds`: every kind but the freed-time
 * ones unless asked): English and Spanish are built in; any
 * other is translated from the English texts with LanguageApp once and stored. Fields are
 * protected from the translator; a text whose fields do not all come back stays English, and
 * the language is reported (the caller says so). Returns the stored set and those languages.
 *
 * A text that reads differently for one child and for several is translated once per count and
 * both kept (`several`). A translation stored before that has only the one-child wording: it is
 * translated again once; if it no longer matches a fresh one-child translation a person edited
 * it, and it is kept for every count (Google Translate is not promised to give the same text
 * twice: when it does not, the old text is kept as if edited, nothing lost). LanguageApp calls per language: at most two per kind for
 * the one-child wording, two more for several, one for the interpreter sentence (21 with the
 * built-in English texts), each distinct text once; nothing is written until all are in, so a cut repeats them.
 */
export function ensureTranslations(
  languages: Iterable<string>,
  stored: Record<string, TemplateSet>,
  kinds: readonly MessageKind[] = EAGER_KINDS,
): { stored: Record<string, TemplateSet>; fellBack: string[] } {
  const fellBack: string[] = [];
  const changed: string[] = [];
  const source = (kind: MessageKind): Template => stored.en?.[kind] ?? BUILT_IN.en![kind];
  const current = (own: Template | undefined, kind: MessageKind): boolean =>
    !!own && (!!own.several || !hasChoice(source(kind)));
  for (const language of new Set(languages)) {
    if (
      !language ||
      BUILT_IN[language] ||
      kinds.every((kind) => current(stored[language]?.[kind], kind))
    )
      continue;
    const set: TemplateSet = { ...(stored[language] ?? {}) };
    const translate = translator(language);
    let failed = false;
    let touched = false;
    for (const kind of kinds) {
      const own = set[kind];
      if (current(own, kind)) continue;
      const one = translateTemplate(source(kind), translate, 1);
      const several =
        one && hasChoice(source(kind)) ? translateTemplate(source(kind), translate, 2) : null;
      if (own && one && (own.subject !== one.subject || own.body !== one.body)) {
        // A person's correction: theirs for every count.
        set[kind] = { ...own, several: { subject: own.subject, body: own.body } };
        touched = true;
      } else if (one && (several || !hasChoice(source(kind)))) {
        set[kind] = several ? { ...one, several } : one;
        touched = true;
      } else if (!own) failed = true;
    }
    if (!failed && set.interpreter === undefined) {
      const sentence = translate(INTERPRETER.en!, 1);
      if (sentence !== null) set.interpreter = sentence;
    }
    if (failed) fellBack.push(language);
    else if (touched || set.interpreter !== stored[language]?.interpreter) {
      stored = { ...stored, [language]: set };
      changed.push(language);
    }
  }
  if (changed.length) writeTemplates(stored, changed);
  return { stored, fellBack };
}

type Translate = (text: string, children: number) => string | null;

/** English text into `language`, its {{fields}} intact (null when that cannot be had); each distinct text asked once. */
function translator(language: string): Translate {
  const asked = new Map<string, string | null>();
  return (text, children) => {
    const { text: safe, fields } = protectFields(text, children);
    if (!asked.has(safe)) asked.set(safe, ask(safe, language));
    const translated = asked.get(safe)!;
    return translated === null ? null : restoreFields(translated, fields);
  };
}

function ask(safe: string, language: string): string | null {
  try {
    return LanguageApp.translate(safe, 'en', language);
  } catch (e) {
    // A language Google Translate does not know: English it is. Any other failure (an outage)
    // stops the run before anything is sent, so no family gets English by accident.
    if (/invalid argument/i.test(String((e as Error)?.message ?? e))) return null;
    throw e;
  }
}

function translateTemplate(
  source: Template,
  translate: Translate,
  children: number,
): Template | null {
  const subject = translate(source.subject, children);
  const body = subject === null ? null : translate(source.body, children);
  return subject !== null && body !== null ? { subject, body } : null;
}
