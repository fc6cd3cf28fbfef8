/**
 * Where the family forms live and how a family's link is made, as kept in document properties:
 * the forms' ids and prefilled-link templates under one key, each family's code under its own
 * (so one getProperties() read gives every link, and no value nears the 9 KB limit). Pure: the
 * workspace passes the properties in; the preview reads the same to show families' links.
 */
import type { TimeChoice } from './availability';

export const FORMS_PROP = 'slc:forms';
export const FAMILY_CODE_PREFIX = 'slc:family-code:';
/**
 * The code of a family's paper household (its rows that list no address, in a family with
 * email), by family id: printed on that household's letter and slip, so its answer is recorded
 * as its own and sets only its children's times (roster.ts paperHouseholds).
 */
export const PAPER_CODE_PREFIX = 'slc:paper-code:';
/** Stands for the code in a stored prefilled link (hex, so URL-encoding leaves it as it is). */
export const CODE_MARK = '0000000000000000000000000000c0de';

export interface FormRecord {
  formId: string;
  /** The response sheet Form.setDestination made. */
  sheetId: number | null;
  publishedUrl: string;
  /** toPrefilledUrl with CODE_MARK for the code. */
  linkTemplate: string;
  /**
   * False from the form's creation until its settings are made: the ID is saved first, so a
   * run cut off right after creating a form finds it and finishes it instead of making another.
   */
  configured?: boolean;
  /**
   * The account that made the form (lower-cased): it lives in that account's Drive, and another
   * editor of the spreadsheet can open it only once shared. For a form made before this was
   * kept, the first account that opened it since.
   */
  owner?: string;
  /** A past round's student form this add-on closed (setAcceptingResponses(false)). */
  closed?: boolean;
}

export interface FormsState {
  /** The English availability form: every family whose language has no form of its own. */
  availability?: FormRecord & { choices: TimeChoice[] };
  /** By round name (the English questionnaire). */
  questionnaires?: Record<string, FormRecord>;
  /** The availability form in each other language written by hand, by language code. */
  availabilityIn?: Record<string, FormRecord & { choices: TimeChoice[] }>;
  /** By round name, then language code: the questionnaire in each other language. */
  questionnairesIn?: Record<string, Record<string, FormRecord>>;
}

/** The availability form a family of this language opens: its language's, else the English one. */
export function availabilityRecord(
  state: FormsState,
  language: string,
): (FormRecord & { choices: TimeChoice[] }) | undefined {
  return state.availabilityIn?.[language] ?? state.availability;
}

/** The round's questionnaire a family of this language opens: its language's, else English. */
export function questionnaireRecord(
  state: FormsState,
  round: string,
  language: string,
): FormRecord | undefined {
  return state.questionnairesIn?.[round]?.[language] ?? state.questionnaires?.[round];
}

/** Every availability form, with its language. */
export function availabilityForms(
  state: FormsState,
): { language: string; record: FormRecord & { choices: TimeChoice[] } }[] {
  return [
    ...(state.availability ? [{ language: 'en', record: state.availability }] : []),
    ...Object.entries(state.availabilityIn ?? {}).map(([language, record]) => ({
      language,
      record,
    })),
  ];
}

/** Every questionnaire, with its round and language. */
export function questionnaireForms(
  state: FormsState,
): { round: string; language: string; record: FormRecord }[] {
  return [
    ...Object.entries(state.questionnaires ?? {}).map(([round, record]) => ({
      round,
      language: 'en',
      record,
    })),
    ...Object.entries(state.questionnairesIn ?? {}).flatMap(([round, byLanguage]) =>
      Object.entries(byLanguage).map(([language, record]) => ({ round, language, record })),
    ),
  ];
}

export function readFormsState(props: Record<string, string>): FormsState {
  try {
    return (JSON.parse(props[FORMS_PROP] ?? '{}') as FormsState | null) ?? {};
  } catch {
    return {};
  }
}

export function linkFor(record: FormRecord, code: string): string {
  return record.linkTemplate.replace(CODE_MARK, code);
}

/** Family ID by code. */
export function familyOfCode(props: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, code] of Object.entries(props))
    if (key.startsWith(FAMILY_CODE_PREFIX)) out.set(code, key.slice(FAMILY_CODE_PREFIX.length));
  return out;
}

/** The family id whose paper household has the code, by code. */
export function paperHouseholdOfCode(props: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, code] of Object.entries(props))
    if (key.startsWith(PAPER_CODE_PREFIX)) out.set(code, key.slice(PAPER_CODE_PREFIX.length));
  return out;
}

/** The family ids the document keeps a code for: a regrouped family keeps its id through them. */
export function knownFamilyIds(props: Record<string, string>): Set<string> {
  return new Set(familyOfCode(props).values());
}

/**
 * Each family's availability link, by family ID, for the messages that carry it: the form in the
 * family's language (`languageOf`, by family ID) when there is one, else the English form.
 */
export function availabilityLinks(
  props: Record<string, string>,
  languageOf: (familyId: string) => string = () => 'en',
): Map<string, string> {
  const state = readFormsState(props);
  const out = new Map<string, string>();
  for (const [code, familyId] of familyOfCode(props)) {
    const record = availabilityRecord(state, languageOf(familyId));
    if (record) out.set(familyId, linkFor(record, code));
  }
  return out;
}

/** Put in Questionnaire Sent when a run was cut off while sending to that family. */
export const UNCONFIRMED = 'Not confirmed: cut off while sending. Clear this cell to send again.';
