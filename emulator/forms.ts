/**
 * FormApp: forms, their items and responses, the linked response sheet and the form-submit
 * triggers a submission fires.
 *
 * References:
 *  - https://developers.google.com/apps-script/reference/forms/form-app
 *  - https://developers.google.com/apps-script/reference/forms/form
 *  - https://developers.google.com/apps-script/reference/forms/item (and the typed items:
 *    text-item, multiple-choice-item, checkbox-item, list-item, scale-item, grid-item, ...)
 *  - https://developers.google.com/apps-script/reference/forms/form-response
 *  - https://developers.google.com/apps-script/reference/forms/item-response
 *  - https://developers.google.com/apps-script/reference/forms/destination-type
 *  - https://developers.google.com/apps-script/guides/triggers/events#form-submit (the
 *    spreadsheet form-submit event: authMode, namedValues, range, triggerUid, values)
 *
 * Two halves, as for the other services:
 *  - FormStore is plain state and costs nothing. Tests and the preview use it to set forms up
 *    and, above all, to play a family filling the published form in (`submit`,
 *    `submitPrefilled`): that is not a script call, it is a person in a browser.
 *  - createFormApp is the FormApp global a script sees. Every method passes ws.call() as
 *    "FormApp.<Class>.<method>" ("FormApp.create", "FormApp.Form.setDestination",
 *    "FormApp.TextItem.setTitle", "FormApp.FormResponse.toPrefilledUrl", ...).
 *
 * Scopes (decided here, following the Authorization sections of the reference pages):
 * FormApp.create / openById / openByUrl need https://www.googleapis.com/auth/forms: the
 * forms.currentonly scope only reaches the form a script is bound to, which a Sheets add-on
 * has none of. Everything done on a Form (and its items and responses) accepts either scope,
 * as the reference lists both for those methods.
 *
 * What is an assumption (not documented by Google; chosen from widely reported behaviour):
 *  - The response sheet is inserted as the first tab, named "Form Responses N" with the
 *    smallest free N, with its header row frozen. Its columns: "Timestamp", "Email Address"
 *    (when collecting emails; inserted as column B if switched on later), then one column per
 *    question in item order ("Title [Row]" per grid row). Questions added later get new columns
 *    after the form's last one; a deleted question keeps its column; a renamed one has its
 *    header renamed. Linking a form that already has responses writes them all to the new sheet.
 *  - Answers are written as values, never as formulas: a text answer "=HYPERLINK(...)" is
 *    stored as that text. A text or choice answer that reads as a number ("0123", "42",
 *    "+15551234567") is stored as a number, as Forms users see leading zeros dropped, unless
 *    the column is formatted as plain text ('@'); set `coerceNumericAnswers = false` to keep
 *    them all as text. Scale answers are numbers, dates are dates, checkbox answers are the
 *    chosen values joined with ", " in the order of the choices.
 *  - The event `values` are the row's display values (timestamp as "11/22/2026 9:30:00" in the
 *    spreadsheet's time zone); `namedValues` maps each header to [display value] (a repeated
 *    header collects every value, which is why they are arrays).
 *  - An edited response keeps its id, takes the edit time as its timestamp, rewrites its own
 *    row and fires the triggers again. People report that the event of an edit carries only the
 *    changed answers; set `editEventValues = 'changed'` to model that (default: all values).
 *  - Responses submitted by a script (FormResponse.submit) do not check required questions and
 *    record no respondent email; the form must be accepting responses, or submit throws.
 *  - Error messages not quoted from Google are marked where they are thrown.
 *
 * Several users: a form is its creator's Drive file. openById and openByUrl by anyone who is
 * neither its owner nor an editor (FormStore.share: "Add collaborators") fail with the message
 * a missing form gives, which itself says "or you do not have permission to access it"
 * (stevenschmatz/export-google-form#5, "formapp.openbyurl error",
 * https://github.com/stevenschmatz/export-google-form/issues/5): a script cannot tell a deleted
 * form from one it may not open.
 */
import { type Cost, registerLatency } from './latency';
import { type Access, AppsScriptException, type Workspace } from './runtime';
import type { SheetModel, SpreadsheetModel, SpreadsheetStore } from './sheets/model';
import { type Cell, displayValue, enterValue } from './sheets/values';
import type { TriggerStore } from './triggers';
import { instantOf, wallClock } from './tz';

export const FORMS_SCOPE = 'https://www.googleapis.com/auth/forms';
export const FORMS_CURRENT_SCOPE = 'https://www.googleapis.com/auth/forms.currentonly';

/** Opening or creating a form by id needs the full forms scope. */
const OPEN: Access = { auth: 'full', scopes: [FORMS_SCOPE] };
/** Calls on a Form object a script already holds: either scope. */
const ON_FORM: Access = { auth: 'full', scopes: [FORMS_SCOPE, FORMS_CURRENT_SCOPE] };

// ---------------------------------------------------------------------------------------------
// Latency (an assumption, like every figure in latency.ts): creating a form and linking it to a
// spreadsheet take seconds in Forms' editor; each item added or edited is its own server write
// of a few hundred ms; reading responses grows with their number; getters on objects already
// fetched cost almost nothing.

const GET: Cost = { base: 5 };
const SET: Cost = { base: 300 };
const ADD: Cost = { base: 400 };

const ITEM_CLASSES = [
  'Item',
  'CheckboxItem',
  'CheckboxGridItem',
  'DateItem',
  'GridItem',
  'ListItem',
  'MultipleChoiceItem',
  'PageBreakItem',
  'ParagraphTextItem',
  'ScaleItem',
  'SectionHeaderItem',
  'TextItem',
] as const;
const CASTS = [
  'asCheckboxGridItem',
  'asCheckboxItem',
  'asDateItem',
  'asDateTimeItem',
  'asDurationItem',
  'asGridItem',
  'asImageItem',
  'asListItem',
  'asMultipleChoiceItem',
  'asPageBreakItem',
  'asParagraphTextItem',
  'asScaleItem',
  'asSectionHeaderItem',
  'asTextItem',
  'asTimeItem',
  'asVideoItem',
];
const ITEM_GETTERS = [
  'getId',
  'getIndex',
  'getTitle',
  'getHelpText',
  'getType',
  'isRequired',
  'getChoices',
  'hasOtherOption',
  'getRows',
  'getColumns',
  'getLowerBound',
  'getUpperBound',
  'getLeftLabel',
  'getRightLabel',
  'includesYear',
  'createChoice',
  'createResponse',
  ...CASTS,
];
const ITEM_SETTERS = [
  'setTitle',
  'setHelpText',
  'setRequired',
  'setChoiceValues',
  'setChoices',
  'showOtherOption',
  'setRows',
  'setColumns',
  'setBounds',
  'setLabels',
  'setIncludesYear',
];
const ADD_METHODS = [
  'addCheckboxItem',
  'addCheckboxGridItem',
  'addDateItem',
  'addGridItem',
  'addListItem',
  'addMultipleChoiceItem',
  'addPageBreakItem',
  'addParagraphTextItem',
  'addScaleItem',
  'addSectionHeaderItem',
  'addTextItem',
];
const FORM_GETTERS = [
  'getId',
  'getTitle',
  'getDescription',
  'collectsEmail',
  'canEditResponse',
  'isAcceptingResponses',
  'isPublished',
  'getConfirmationMessage',
  'getCustomClosedFormMessage',
  'getPublishedUrl',
  'getEditUrl',
  'getSummaryUrl',
  'publishingSummary',
  'getDestinationId',
  'getDestinationType',
  'getItemById',
  'createResponse',
];
const FORM_SETTERS = [
  'setTitle',
  'setDescription',
  'setCollectEmail',
  'setAllowResponseEdits',
  'setAcceptingResponses',
  'setPublished',
  'setConfirmationMessage',
  'setCustomClosedFormMessage',
  'setPublishingSummary',
  'deleteItem',
  'moveItem',
];
const RESPONSE_GETTERS = [
  'getId',
  'getTimestamp',
  'getRespondentEmail',
  'getItemResponses',
  'getResponseForItem',
  'getEditResponseUrl',
  'toPrefilledUrl',
  'withItemResponse',
];

function latencyTable(): Record<string, Cost> {
  const table: Record<string, Cost> = {
    create: { base: 1500 },
    openById: { base: 300 },
    openByUrl: { base: 300 },
    getActiveForm: { base: 10 },
    'Form.getItems': { base: 50 },
    'Form.setDestination': { base: 1500 },
    'Form.removeDestination': { base: 500 },
    'Form.getResponses': { base: 300, perUnit: 5 },
    'Form.getResponse': { base: 150 },
    'Form.deleteAllResponses': { base: 500 },
    'Form.deleteResponse': { base: 300 },
    'Form.shortenFormUrl': { base: 300 },
    'FormResponse.submit': { base: 800 },
    'ItemResponse.getItem': GET,
    'ItemResponse.getResponse': GET,
    'Choice.getValue': GET,
    'Choice.isCorrectAnswer': GET,
  };
  for (const m of FORM_GETTERS) table[`Form.${m}`] = GET;
  for (const m of FORM_SETTERS) table[`Form.${m}`] = SET;
  for (const m of ADD_METHODS) table[`Form.${m}`] = ADD;
  for (const m of RESPONSE_GETTERS) table[`FormResponse.${m}`] = GET;
  for (const c of ITEM_CLASSES) {
    for (const m of ITEM_GETTERS) table[`${c}.${m}`] = GET;
    for (const m of ITEM_SETTERS) table[`${c}.${m}`] = SET;
  }
  return table;
}

registerLatency('FormApp', latencyTable());

// ---------------------------------------------------------------------------------------------
// Messages

export const FORM_ERRORS = {
  /** Reported for FormApp.openById/openByUrl with an unknown id (stevenschmatz/export-google-form#5). */
  notFound: 'No item with the given ID could be found, or you do not have permission to access it.',
  /** Reported by Apps Script users casting an item to the wrong type ("... PAGE_BREAK"). */
  conversion: (type: string) => `Invalid conversion for item type: ${type}`,
  /** Reported for choices that are blank or repeated. */
  invalidData: 'Invalid data updating form.',
  /** Emulator's wording (the reference says only that these throw). */
  noDestination: 'The form currently has no response destination.',
  alreadySubmitted: 'This form response has already been submitted.',
  notSubmitted: 'This form response has not been submitted yet.',
  itemDeleted: 'This item has been deleted from the form.',
  /** What Forms shows a respondent once a form is closed. */
  closed: (title: string) => `The form ${title} is no longer accepting responses.`,
  /**
   * Reported from FormApp scripts since September 2025 (boilermaker-ben/Google-Sheets-NFL-Pick-
   * Ems-and-Survivor-Pool#26; docs/EMULATOR.md row 42). Which calls throw it is not documented:
   * here getPublishedUrl and submitting a response (a form nobody can answer has no answer URL).
   */
  unpublished: 'Operation not supported on unpublished form',
};

/**
 * Forms made by the API "after June 30, 2026 will be created in an unpublished state" (Google's
 * "API changes to Google Forms"); the value to give FormStore.unpublishedFrom to model it.
 */
export const FORMS_UNPUBLISHED_FROM = Date.UTC(2026, 6, 1, 7, 0, 0); // 1 July 2026, 00:00 PDT

// ---------------------------------------------------------------------------------------------
// State

export const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** The types this emulator can create. Questions are the ones that take an answer. */
export type SupportedItemType =
  | 'CHECKBOX'
  | 'CHECKBOX_GRID'
  | 'DATE'
  | 'GRID'
  | 'LIST'
  | 'MULTIPLE_CHOICE'
  | 'PAGE_BREAK'
  | 'PARAGRAPH_TEXT'
  | 'SCALE'
  | 'SECTION_HEADER'
  | 'TEXT';
const QUESTION_TYPES: ReadonlySet<ItemType> = new Set<ItemType>([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'GRID',
  'LIST',
  'MULTIPLE_CHOICE',
  'PARAGRAPH_TEXT',
  'SCALE',
  'TEXT',
]);

export function isQuestion(item: FormItemState): boolean {
  return QUESTION_TYPES.has(item.type);
}

export interface FormItemState {
  /** Item.getId(): an integer. */
  id: number;
  type: ItemType;
  title: string;
  helpText: string;
  required: boolean;
  /**
   * The key of this question in prefilled links (entry.<entryId>=...). Forms gives it an id of
   * its own, not the item id, which is why links must be built with toPrefilledUrl.
   */
  entryId: number;
  /** MULTIPLE_CHOICE, LIST, CHECKBOX */
  choices: string[];
  /** MULTIPLE_CHOICE and CHECKBOX: an "Other:" box taking any text. */
  otherOption: boolean;
  /** GRID, CHECKBOX_GRID */
  rows: string[];
  columns: string[];
  /** GRID, CHECKBOX_GRID: each row is its own entry in prefilled links; parallel to rows. */
  rowEntryIds: number[];
  /** SCALE: defaults 1..5, no labels. */
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
  /** DATE */
  includesYear: boolean;
}

/**
 * One question's answer: a string (text, paragraph, multiple choice, list, scale as "3", date as
 * "2026-11-22"), string[] (checkbox; grid: one column per row, '' when a row is blank) or
 * string[][] (checkbox grid, per row).
 */
export type Answer = string | string[] | string[][];

export interface FormResponseState {
  id: string;
  /** Epoch ms of the submission (of the last edit, for an edited response). */
  timestamp: number;
  /** '' unless the form collects emails. */
  respondentEmail: string;
  /** By item id (as a string); unanswered questions are absent. */
  answers: Record<string, Answer>;
  editUrl: string;
  /** The row it was written to in the response sheet, if the form had one. */
  row: { spreadsheetId: string; sheetId: number; row: number } | null;
  /** How many times it was edited. */
  edits: number;
}

export interface DestinationState {
  spreadsheetId: string;
  /** Forms follows its sheet by id: renaming the tab keeps the link. */
  sheetId: number;
  /** Column of each question: key "<itemId>" or "<itemId>#<rowIndex>" for grid rows. */
  columns: Record<string, number>;
  /** Column of "Email Address", once there is one. */
  emailColumn: number | null;
  /** How many columns the form manages (Timestamp, email, questions, kept deleted ones). */
  width: number;
}

export interface FormState {
  id: string;
  /** The id in the published (respondent) URL: /forms/d/e/<publishedId>/viewform. */
  publishedId: string;
  title: string;
  description: string;
  items: FormItemState[];
  destination: DestinationState | null;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  /** Form.setPublishingSummary: respondents may see a summary of everyone's answers. */
  publishingSummary: boolean;
  acceptingResponses: boolean;
  /** Form.setPublished / isPublished: an unpublished form takes no responses. */
  published: boolean;
  confirmationMessage: string;
  customClosedFormMessage: string;
  responses: FormResponseState[];
  owner: string;
  /** Collaborators who may edit it (lower-cased), the owner not listed. */
  editors: string[];
  createdAt: number;
  shortUrl: string | null;
}

export const formEditUrl = (f: FormState) => `https://docs.google.com/forms/d/${f.id}/edit`;
export const formPublishedUrl = (f: FormState) =>
  `https://docs.google.com/forms/d/e/${f.publishedId}/viewform`;

const RESPONSE_SHEET_PREFIX = 'Form Responses ';
const TIMESTAMP_HEADER = 'Timestamp';
const EMAIL_HEADER = 'Email Address';
const TIMESTAMP_FORMAT = 'M/d/yyyy H:mm:ss';
const DATE_FORMAT = 'M/d/yyyy';
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** The value Forms puts in a prefilled link for the "Other:" choice; the text follows separately. */
const OTHER_OPTION = '__other_option__';

export interface SubmitOptions {
  /** The respondent's email; required when the form collects emails. */
  email?: string;
  /** Edit this earlier response (its edit link) instead of submitting a new one. */
  editOf?: string;
}

/** Builds the object given as the form-submit event's `range` (index.ts wires SpreadsheetApp). */
export type RangeFactory = (
  sheetName: string,
  row: number,
  numColumns: number,
  spreadsheetId: string,
) => unknown;

// ---------------------------------------------------------------------------------------------
// Answers: checking what a respondent gives, and how it lands in the sheet

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function parseIsoDate(text: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return null;
  return [y, mo, d];
}

function single(item: FormItemState, raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw) && raw.length <= 1 && raw.every((v) => typeof v === 'string'))
    return (raw[0] as string | undefined) ?? '';
  throw new Error(`"${item.title}" (${item.type}) takes one answer, got ${JSON.stringify(raw)}`);
}

function list(item: FormItemState, raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return [...(raw as string[])];
  throw new Error(
    `"${item.title}" (${item.type}) takes a list of strings, got ${JSON.stringify(raw)}`,
  );
}

function choiceList(
  item: FormItemState,
  values: string[],
  pool: string[],
  allowOther: boolean,
): string[] {
  const given = values.filter((v) => v !== '');
  const others = [...new Set(given.filter((v) => !pool.includes(v)))];
  if (others.length > (allowOther ? 1 : 0)) {
    throw new Error(
      `"${others[others.length - 1]}" is not a choice of "${item.title}" (choices: ${pool.map((c) => JSON.stringify(c)).join(', ')})`,
    );
  }
  // Forms lists checked boxes in the order of the choices, the "Other" text last.
  return [...pool.filter((c) => given.includes(c)), ...others];
}

/**
 * The stored answer for one question, or null when it is left blank. Throws a plain Error that
 * says what is wrong (a test author's mistake, or what Forms would refuse in the browser).
 */
export function normalizeAnswer(item: FormItemState, raw: unknown): Answer | null {
  if (raw === undefined || raw === null) return null;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      const s = single(item, raw);
      return s === '' ? null : s;
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST': {
      const s = single(item, raw);
      if (s === '') return null;
      const other = item.type === 'MULTIPLE_CHOICE' && item.otherOption;
      if (!item.choices.includes(s) && !other) {
        throw new Error(
          `"${s}" is not a choice of "${item.title}" (choices: ${item.choices.map((c) => JSON.stringify(c)).join(', ')})`,
        );
      }
      return s;
    }
    case 'CHECKBOX': {
      const chosen = choiceList(item, list(item, raw), item.choices, item.otherOption);
      return chosen.length === 0 ? null : chosen;
    }
    case 'SCALE': {
      const s = single(item, raw).trim();
      if (s === '') return null;
      const n = Number(s);
      if (!/^[+-]?\d+$/.test(s) || n < item.lowerBound || n > item.upperBound) {
        throw new Error(
          `"${s}" is not on the scale of "${item.title}" (${item.lowerBound} to ${item.upperBound})`,
        );
      }
      return String(n);
    }
    case 'DATE': {
      const s = single(item, raw).trim();
      if (s === '') return null;
      const ymd = parseIsoDate(s);
      if (!ymd) throw new Error(`"${s}" is not a date for "${item.title}" (give it as yyyy-mm-dd)`);
      return `${pad(ymd[0], 4)}-${pad(ymd[1])}-${pad(ymd[2])}`;
    }
    case 'GRID': {
      if (!Array.isArray(raw))
        throw new Error(
          `"${item.title}" is a grid: give one column per row (${item.rows.length} rows), or answer "${item.title} [Row]"`,
        );
      if (raw.length !== item.rows.length)
        throw new Error(`"${item.title}" has ${item.rows.length} rows, got ${raw.length} answers`);
      const out = raw.map((v, i) => {
        const s = single(item, v);
        if (s !== '' && !item.columns.includes(s))
          throw new Error(`"${s}" is not a column of "${item.title}" row "${item.rows[i]}"`);
        return s;
      });
      return out.every((s) => s === '') ? null : out;
    }
    case 'CHECKBOX_GRID': {
      if (!Array.isArray(raw))
        throw new Error(
          `"${item.title}" is a checkbox grid: give the columns chosen per row, or answer "${item.title} [Row]"`,
        );
      if (raw.length !== item.rows.length)
        throw new Error(`"${item.title}" has ${item.rows.length} rows, got ${raw.length} answers`);
      const out = raw.map((v) => choiceList(item, list(item, v), item.columns, false));
      return out.every((r) => r.length === 0) ? null : out;
    }
    default:
      throw new Error(`"${item.title}" is a ${item.type} item and takes no answer`);
  }
}

function gridRowAnswered(item: FormItemState, answer: Answer | undefined, row: number): boolean {
  if (answer === undefined) return false;
  const v = (answer as (string | string[])[])[row];
  return item.type === 'GRID' ? v !== undefined && v !== '' : Array.isArray(v) && v.length > 0;
}

function isAnswered(item: FormItemState, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID')
    return item.rows.every((_, i) => gridRowAnswered(item, answer, i));
  return true;
}

/** The column keys of a question in the response sheet, with their header text. */
function columnsOf(item: FormItemState): { key: string; header: string }[] {
  if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') {
    return item.rows.map((row, i) => ({
      key: `${item.id}#${i}`,
      header: `${item.title} [${row}]`,
    }));
  }
  return [{ key: String(item.id), header: item.title }];
}

/** Replaces unpaired surrogates (which cannot be URL-encoded) as String.prototype.toWellFormed does. */
function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** A value in a prefilled link: percent-encoded UTF-8, spaces as '+', as Forms writes them. */
export function encodePrefillValue(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(/%20/g, '+');
}

export interface PrefilledUrl {
  /** Set for links of the form /forms/d/<formId>/viewform (the editor's id). */
  formId?: string;
  /** The id of /forms/d/e/<publishedId>/viewform; '' for a /forms/d/<formId>/ link. */
  publishedId: string;
  /** Values by entry id (the digits after "entry."); checkboxes repeat their key. */
  entries: Record<string, string[]>;
  /** The prefilled respondent email (emailAddress=...), if any. */
  email?: string;
}

/**
 * Reads a prefilled link, in the format FormResponse.toPrefilledUrl produces:
 * https://docs.google.com/forms/d/e/<publishedId>/viewform?usp=pp_url&entry.<entryId>=<value>
 */
export function parsePrefilledUrl(url: string): PrefilledUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  const m = /^\/forms(?:\/u\/\d+)?\/d\/(e\/)?([A-Za-z0-9_-]+)\/(?:viewform|formResponse)\/?$/.exec(
    u.pathname,
  );
  if (u.hostname !== 'docs.google.com' || !m) throw new Error(`Not a Google Forms link: ${url}`);
  const entries: Record<string, string[]> = {};
  let email: string | undefined;
  for (const [key, value] of u.searchParams) {
    if (key.startsWith('entry.')) (entries[key.slice('entry.'.length)] ??= []).push(value);
    else if (key === 'emailAddress') email = value;
  }
  const out: PrefilledUrl = m[1]
    ? { publishedId: m[2]!, entries }
    : { formId: m[2]!, publishedId: '', entries };
  if (email !== undefined) out.email = email;
  return out;
}

interface WrittenRow {
  spreadsheet: SpreadsheetModel;
  sheet: SheetModel;
  row: number;
  width: number;
}

// ---------------------------------------------------------------------------------------------

export class FormStore {
  private readonly byId = new Map<string, FormState>();
  /**
   * Makes the `range` of the spreadsheet form-submit event. Unset: a plain
   * { sheetName, row, column, numRows, numColumns } object.
   */
  rangeFactory: RangeFactory | null = null;
  /**
   * Makes the form-submit event of a trigger installed on the form itself ({ response, source });
   * createFormApp sets it so they are FormApp objects. Unset: { formId, responseId }.
   */
  formEventObjects: ((formId: string, responseId: string) => Record<string, unknown>) | null = null;
  /** The form a script would be bound to (FormApp.getActiveForm); null in a Sheets add-on. */
  boundFormId: string | null = null;
  /** See the header: numeric-looking answers become numbers in the sheet, as Forms does. */
  coerceNumericAnswers = true;
  /** See the header: what the event of an edited response carries. */
  editEventValues: 'all' | 'changed' = 'all';
  /**
   * Switch: forms created at or after this instant (virtual clock) start unpublished, as Google
   * announced for 30 June 2026 (FORMS_UNPUBLISHED_FROM). Null (the default): every new form is
   * published, as before the change.
   */
  unpublishedFrom: number | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly sheets: SpreadsheetStore,
    private readonly triggers: TriggerStore,
  ) {}

  forms(): FormState[] {
    return [...this.byId.values()];
  }

  /** A person deletes the form in Drive (and empties the trash): openById no longer finds it. */
  delete(id: string): void {
    this.byId.delete(id);
  }

  get(id: string): FormState | undefined {
    return this.byId.get(id);
  }

  /** The owner adds a collaborator (Forms' "Add collaborators"), who may then open the form. */
  share(id: string, user: string): void {
    const form = this.must(id);
    const who = user.toLowerCase();
    if (who !== form.owner && !form.editors.includes(who)) form.editors.push(who);
  }

  /** Whether the user may open the form by its id: its owner or a collaborator. */
  mayOpen(id: string, user: string): boolean {
    const form = this.byId.get(id);
    const who = user.toLowerCase();
    return !!form && (form.owner === who || form.editors.includes(who));
  }

  byPublishedId(publishedId: string): FormState | undefined {
    return this.forms().find((f) => f.publishedId === publishedId);
  }

  spreadsheetExists(spreadsheetId: string): boolean {
    return this.sheets.get(spreadsheetId) !== undefined;
  }

  /** The time zone a script's dates are read in (DateItem.createResponse). */
  scriptTimeZone(): string {
    return this.sheets.active?.timeZone ?? 'America/New_York';
  }

  create(title: string, options: { owner?: string } = {}): FormState {
    const form: FormState = {
      id: `1${this.ws.randomId(43)}`,
      publishedId: `1FAIpQLS${this.ws.randomId(48)}`,
      title,
      description: '',
      items: [],
      destination: null,
      collectEmail: false,
      allowResponseEdits: false,
      publishingSummary: false,
      acceptingResponses: true,
      published: this.unpublishedFrom === null || this.ws.clock.now() < this.unpublishedFrom,
      confirmationMessage: '',
      customClosedFormMessage: '',
      responses: [],
      owner: (options.owner ?? this.ws.current?.user ?? this.ws.defaultUser).toLowerCase(),
      editors: [],
      createdAt: this.ws.clock.now(),
      shortUrl: null,
    };
    this.byId.set(form.id, form);
    return form;
  }

  private must(formId: string): FormState {
    const form = this.byId.get(formId);
    if (!form) throw new Error(`No form with id ${formId}`);
    return form;
  }

  private freshNumber(taken: Set<number>): number {
    for (;;) {
      const n = 100000000 + Math.floor(this.ws.random() * 1900000000);
      if (!taken.has(n)) return n;
    }
  }

  private numbersIn(form: FormState): Set<number> {
    return new Set(form.items.flatMap((i) => [i.id, i.entryId, ...i.rowEntryIds]));
  }

  /** Appends an item, as Form.add<Type>Item does, and extends the response sheet's header. */
  addItem(
    formId: string,
    type: SupportedItemType,
    props: Partial<Omit<FormItemState, 'id' | 'type' | 'entryId' | 'rowEntryIds'>> = {},
  ): FormItemState {
    const form = this.must(formId);
    const taken = this.numbersIn(form);
    const id = this.freshNumber(taken);
    taken.add(id);
    const entryId = this.freshNumber(taken);
    taken.add(entryId);
    const item: FormItemState = {
      id,
      type,
      title: '',
      helpText: '',
      required: false,
      entryId,
      choices: [],
      otherOption: false,
      rows: [],
      columns: [],
      rowEntryIds: [],
      lowerBound: 1,
      upperBound: 5,
      leftLabel: '',
      rightLabel: '',
      includesYear: true,
      ...props,
    };
    form.items.push(item);
    this.syncRowEntryIds(form, item);
    this.updated(formId);
    return item;
  }

  /** Gives each grid row an entry id of its own (rows added later get new ones). */
  syncRowEntryIds(form: FormState, item: FormItemState): void {
    const taken = this.numbersIn(form);
    while (item.rowEntryIds.length < item.rows.length) {
      const n = this.freshNumber(taken);
      taken.add(n);
      item.rowEntryIds.push(n);
    }
  }

  deleteItem(formId: string, itemId: number): void {
    const form = this.must(formId);
    form.items = form.items.filter((i) => i.id !== itemId);
  }

  /** Call after changing a form's items or email setting: Forms keeps the sheet's header in step. */
  updated(formId: string): void {
    const form = this.must(formId);
    for (const item of form.items) this.syncRowEntryIds(form, item);
    this.syncHeader(form);
  }

  /** The response sheet, or null (no destination, or its spreadsheet or sheet is gone). */
  destinationOf(
    form: FormState,
  ): { spreadsheet: SpreadsheetModel; sheet: SheetModel; state: DestinationState } | null {
    const state = form.destination;
    if (!state) return null;
    const spreadsheet = this.sheets.get(state.spreadsheetId);
    const sheet = spreadsheet?.sheetById(state.sheetId);
    if (!spreadsheet || !sheet || !spreadsheet.sheets.includes(sheet)) return null;
    return { spreadsheet, sheet, state };
  }

  /**
   * Links the form to a spreadsheet (Form.setDestination): a new "Form Responses N" sheet,
   * first in the spreadsheet, with the header row and every response so far.
   */
  setDestination(formId: string, spreadsheetId: string): SheetModel {
    const form = this.must(formId);
    const spreadsheet = this.sheets.get(spreadsheetId);
    if (!spreadsheet) throw new Error(`No spreadsheet with id ${spreadsheetId}`);
    const sheet = spreadsheet.insertSheet(spreadsheet.nextDefaultName(RESPONSE_SHEET_PREFIX), 0);
    sheet.frozenRows = 1;
    form.destination = {
      spreadsheetId,
      sheetId: sheet.sheetId,
      columns: {},
      emailColumn: null,
      width: 0,
    };
    this.syncHeader(form);
    for (const response of form.responses) this.writeRow(form, response);
    return sheet;
  }

  /** Unlinks (Form.removeDestination). The sheet and its rows stay. */
  removeDestination(formId: string): void {
    this.must(formId).destination = null;
  }

  private putText(sheet: SheetModel, row: number, column: number, text: string): void {
    sheet.put(row, column, { v: text, nf: sheet.cell(row, column)?.nf });
  }

  /** Makes sure the header has a column for the timestamp, the email and every question. */
  private syncHeader(form: FormState): void {
    const dest = this.destinationOf(form);
    if (!dest) return;
    const { sheet, state } = dest;
    const claim = (): number => {
      const column = state.width + 1;
      // Columns people added to the right of the form's are pushed along, not overwritten.
      if (sheet.lastColumn() >= column) sheet.insertColumns(state.width, 1);
      state.width = column;
      if (sheet.maxColumns < column) sheet.maxColumns = column;
      return column;
    };
    if (state.width === 0) claim();
    this.putText(sheet, 1, 1, TIMESTAMP_HEADER);
    if (form.collectEmail && state.emailColumn === null) {
      if (state.width >= 2 || sheet.lastColumn() >= 2) {
        sheet.insertColumns(1, 1);
        for (const key of Object.keys(state.columns))
          if (state.columns[key]! >= 2) state.columns[key]! += 1;
        state.width += 1;
      } else {
        claim();
      }
      state.emailColumn = 2;
      this.putText(sheet, 1, 2, EMAIL_HEADER);
    }
    for (const item of form.items.filter(isQuestion)) {
      for (const { key, header } of columnsOf(item)) {
        const column = (state.columns[key] ??= claim());
        if (displayValue(sheet.cell(1, column), 'UTC') !== header)
          this.putText(sheet, 1, column, header);
      }
    }
  }

  private textCell(text: string, nf: string | undefined, timeZone: string): Cell {
    if (text === '') return { v: '', nf };
    if (this.coerceNumericAnswers && nf !== '@') {
      const parsed = enterValue(text, nf, timeZone);
      if (typeof parsed.v === 'number' && parsed.f === undefined) return parsed;
    }
    return { v: text, nf };
  }

  /** How one question's answer lands in its cells, by column key. */
  private answerCells(
    item: FormItemState,
    answer: Answer | undefined,
    nfOf: (key: string) => string | undefined,
    timeZone: string,
  ): [string, Cell][] {
    const key = String(item.id);
    if (answer === undefined)
      return columnsOf(item).map((c) => [c.key, { v: '', nf: nfOf(c.key) }]);
    switch (item.type) {
      case 'SCALE':
        return [[key, { v: Number(answer), nf: nfOf(key) }]];
      case 'DATE': {
        const [y, m, d] = parseIsoDate(answer as string)!;
        return [[key, { v: new Date(instantOf(timeZone, y, m, d)), nf: nfOf(key) ?? DATE_FORMAT }]];
      }
      case 'CHECKBOX':
        return [[key, this.textCell((answer as string[]).join(', '), nfOf(key), timeZone)]];
      case 'GRID':
      case 'CHECKBOX_GRID':
        return item.rows.map((_, i) => {
          const k = `${item.id}#${i}`;
          const v = (answer as (string | string[])[])[i] ?? '';
          return [k, this.textCell(Array.isArray(v) ? v.join(', ') : v, nfOf(k), timeZone)];
        });
      default:
        return [[key, this.textCell(answer as string, nfOf(key), timeZone)]];
    }
  }

  /** Writes a response's row: its own row again if it has one in this sheet, else a new row. */
  private writeRow(form: FormState, response: FormResponseState): WrittenRow | null {
    const dest = this.destinationOf(form);
    if (!dest) return null;
    this.syncHeader(form);
    const { spreadsheet, sheet, state } = dest;
    const own =
      response.row &&
      response.row.spreadsheetId === state.spreadsheetId &&
      response.row.sheetId === state.sheetId;
    const row = own ? response.row!.row : Math.max(sheet.lastRow(), 1) + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    const tz = spreadsheet.timeZone;
    const stamp = sheet.cell(row, 1)?.nf;
    sheet.put(row, 1, { v: new Date(response.timestamp), nf: stamp ?? TIMESTAMP_FORMAT });
    if (state.emailColumn !== null)
      this.putText(sheet, row, state.emailColumn, response.respondentEmail);
    const nfOf = (key: string) => sheet.cell(row, state.columns[key]!)?.nf;
    for (const item of form.items.filter(isQuestion)) {
      for (const [key, cell] of this.answerCells(
        item,
        response.answers[String(item.id)],
        nfOf,
        tz,
      )) {
        sheet.put(row, state.columns[key]!, cell);
      }
    }
    response.row = { spreadsheetId: state.spreadsheetId, sheetId: state.sheetId, row };
    return { spreadsheet, sheet, row, width: state.width };
  }

  private fire(
    form: FormState,
    response: FormResponseState,
    written: WrittenRow | null,
    changed: Set<string> | null,
  ): void {
    if (written) {
      const { spreadsheet, sheet, row, width } = written;
      const state = form.destination!;
      // Columns whose answers did not change, for the 'changed' model of an edit's event.
      const blank = new Set<number>();
      if (changed) {
        for (const item of form.items.filter(isQuestion)) {
          if (changed.has(String(item.id))) continue;
          for (const { key } of columnsOf(item)) blank.add(state.columns[key]!);
        }
      }
      const values: string[] = [];
      const headers: string[] = [];
      for (let c = 1; c <= width; c++) {
        values.push(blank.has(c) ? '' : displayValue(sheet.cell(row, c), spreadsheet.timeZone));
        headers.push(displayValue(sheet.cell(1, c), spreadsheet.timeZone));
      }
      const sheetName = sheet.name;
      this.triggers.fire('ON_FORM_SUBMIT', spreadsheet.id, () => {
        const namedValues: Record<string, string[]> = {};
        headers.forEach((h, i) => (namedValues[h] ??= []).push(values[i]!));
        const range = this.rangeFactory
          ? this.rangeFactory(sheetName, row, width, spreadsheet.id)
          : { sheetName, row, column: 1, numRows: 1, numColumns: width };
        return { values: [...values], namedValues, range };
      });
    }
    this.triggers.fire('ON_FORM_SUBMIT', form.id, () =>
      this.formEventObjects
        ? this.formEventObjects(form.id, response.id)
        : { formId: form.id, responseId: response.id },
    );
  }

  /**
   * Records a response and does what Forms does next: writes the sheet row, fires the
   * form-submit triggers. Used by submit/submitPrefilled and by FormResponse.submit(); answers
   * are already checked. Returns the response.
   */
  record(
    formId: string,
    answers: Record<string, Answer>,
    options: { email?: string; editOf?: string } = {},
  ): FormResponseState {
    const form = this.must(formId);
    if (!form.published) throw new Error(FORM_ERRORS.unpublished);
    if (!form.acceptingResponses) throw new Error(FORM_ERRORS.closed(form.title));
    const now = this.ws.clock.now();
    let response: FormResponseState;
    let changed: Set<string> | null = null;
    if (options.editOf !== undefined) {
      const existing = form.responses.find((r) => r.id === options.editOf);
      if (!existing)
        throw new Error(`Form "${form.title}" has no response ${options.editOf} to edit`);
      const keys = new Set([...Object.keys(existing.answers), ...Object.keys(answers)]);
      changed = new Set(
        [...keys].filter((k) => JSON.stringify(existing.answers[k]) !== JSON.stringify(answers[k])),
      );
      existing.answers = structuredClone(answers);
      existing.timestamp = now;
      existing.edits += 1;
      response = existing;
    } else {
      const id = `2_ABaOnu${this.ws.randomId(56)}`;
      response = {
        id,
        timestamp: now,
        respondentEmail: form.collectEmail ? (options.email ?? '') : '',
        answers: structuredClone(answers),
        editUrl: `${formPublishedUrl(form)}?edit2=${id}`,
        row: null,
        edits: 0,
      };
      form.responses.push(response);
    }
    const written = this.writeRow(form, response);
    this.fire(form, response, written, this.editEventValues === 'changed' ? changed : null);
    return response;
  }

  private questionByTitle(form: FormState, title: string): FormItemState | undefined {
    return form.items.find((i) => i.title === title && isQuestion(i));
  }

  /** Applies answers given by question title (or "Title [Row]" for one grid row) onto `base`. */
  private applyByTitle(
    form: FormState,
    given: Record<string, string | string[]>,
    base: Record<string, Answer>,
  ): Record<string, Answer> {
    const out = structuredClone(base);
    for (const [title, raw] of Object.entries(given)) {
      const item = this.questionByTitle(form, title);
      if (item) {
        const answer = normalizeAnswer(item, raw);
        if (answer === null) delete out[String(item.id)];
        else out[String(item.id)] = answer;
        continue;
      }
      const rowMatch = /^([\s\S]*) \[([\s\S]*)\]$/.exec(title);
      const grid =
        rowMatch &&
        form.items.find(
          (i) =>
            (i.type === 'GRID' || i.type === 'CHECKBOX_GRID') &&
            i.title === rowMatch[1] &&
            i.rows.includes(rowMatch[2]!),
        );
      if (grid && rowMatch) {
        const r = grid.rows.indexOf(rowMatch[2]!);
        const current =
          (out[String(grid.id)] as (string | string[])[] | undefined) ??
          grid.rows.map(() => (grid.type === 'GRID' ? '' : []));
        const next = [...current];
        if (grid.type === 'GRID') {
          const s = single(grid, raw);
          if (s !== '' && !grid.columns.includes(s))
            throw new Error(`"${s}" is not a column of "${grid.title}" row "${grid.rows[r]}"`);
          next[r] = s;
        } else {
          next[r] = choiceList(grid, list(grid, raw), grid.columns, false);
        }
        const answer = normalizeAnswer(grid, next);
        if (answer === null) delete out[String(grid.id)];
        else out[String(grid.id)] = answer;
        continue;
      }
      const other = form.items.find((i) => i.title === title);
      if (other)
        throw new Error(
          `"${title}" is a ${other.type} item on form "${form.title}" and takes no answer`,
        );
      const titles = form.items.filter(isQuestion).map((i) => JSON.stringify(i.title));
      throw new Error(
        `Form "${form.title}" has no question titled "${title}" (its questions: ${titles.join(', ') || 'none'})`,
      );
    }
    return out;
  }

  private checkRequired(form: FormState, answers: Record<string, Answer>): void {
    for (const item of form.items.filter(isQuestion)) {
      if (item.required && !isAnswered(item, answers[String(item.id)])) {
        throw new Error(
          `"${item.title}" is a required question on form "${form.title}" (Forms: "This is a required question")`,
        );
      }
    }
  }

  private respondent(form: FormState, email: string | undefined): string | undefined {
    if (!form.collectEmail) return undefined;
    if (email === undefined || !EMAIL.test(email)) {
      throw new Error(
        `Form "${form.title}" collects email addresses: pass a valid options.email (got ${JSON.stringify(email)})`,
      );
    }
    return email;
  }

  /**
   * A family submitting the published form: answers by question title (a string, or a list for
   * checkboxes and grids; "Title [Row]" answers one grid row). Checks what the browser would
   * (required questions, choices, scale bounds, dates), records the response, writes the sheet
   * row and fires the form-submit triggers. With editOf, it is that response's edit link: the
   * earlier answers stay unless given again ('' clears one). Returns the response id.
   */
  submit(
    formId: string,
    answers: Record<string, string | string[]>,
    options: SubmitOptions = {},
  ): string {
    const form = this.must(formId);
    if (!form.acceptingResponses) throw new Error(FORM_ERRORS.closed(form.title));
    let base: Record<string, Answer> = {};
    if (options.editOf !== undefined) {
      const existing = form.responses.find((r) => r.id === options.editOf);
      if (!existing)
        throw new Error(`Form "${form.title}" has no response ${options.editOf} to edit`);
      if (!form.allowResponseEdits)
        throw new Error(
          `Form "${form.title}" does not let respondents edit their responses (setAllowResponseEdits(true))`,
        );
      base = existing.answers;
    }
    const merged = this.applyByTitle(form, answers, base);
    this.checkRequired(form, merged);
    const email = options.editOf === undefined ? this.respondent(form, options.email) : undefined;
    return this.record(formId, merged, { email, editOf: options.editOf }).id;
  }

  /** The prefilled link for answers given by item id (FormResponse.toPrefilledUrl). */
  prefilledUrlFor(form: FormState, answers: Record<string, Answer>): string {
    const parts = ['usp=pp_url'];
    const add = (entry: string | number, value: string) =>
      parts.push(`entry.${entry}=${encodePrefillValue(value)}`);
    for (const item of form.items.filter(isQuestion)) {
      const answer = answers[String(item.id)];
      if (answer === undefined) continue;
      switch (item.type) {
        case 'GRID':
          (answer as string[]).forEach((v, i) => v !== '' && add(item.rowEntryIds[i]!, v));
          break;
        case 'CHECKBOX_GRID':
          (answer as string[][]).forEach((vs, i) =>
            vs.forEach((v) => add(item.rowEntryIds[i]!, v)),
          );
          break;
        case 'CHECKBOX':
        case 'MULTIPLE_CHOICE':
          for (const v of Array.isArray(answer) ? (answer as string[]) : [answer]) {
            if (item.choices.includes(v)) add(item.entryId, v);
            else {
              add(item.entryId, OTHER_OPTION);
              add(`${item.entryId}.other_option_response`, v);
            }
          }
          break;
        default:
          add(item.entryId, answer as string);
      }
    }
    return `${formPublishedUrl(form)}?${parts.join('&')}`;
  }

  /** The prefilled link for answers given by question title (for tests and the preview). */
  prefilledUrl(formId: string, answers: Record<string, string | string[]>): string {
    const form = this.must(formId);
    return this.prefilledUrlFor(form, this.applyByTitle(form, answers, {}));
  }

  /** The form and answers (by item id) a prefilled link carries; unknown entries are ignored. */
  readPrefilled(url: string): { form: FormState; answers: Record<string, Answer>; email?: string } {
    const parsed = parsePrefilledUrl(url);
    const form =
      parsed.formId !== undefined
        ? this.get(parsed.formId)
        : this.byPublishedId(parsed.publishedId);
    if (!form) throw new Error(`No form has the link ${url}`);
    const answers: Record<string, Answer> = {};
    const at = (entry: string | number) => parsed.entries[String(entry)] ?? [];
    for (const item of form.items.filter(isQuestion)) {
      let raw: unknown;
      if (item.type === 'GRID')
        raw = item.rows.some((_, i) => at(item.rowEntryIds[i]!).length)
          ? item.rows.map((_, i) => at(item.rowEntryIds[i]!)[0] ?? '')
          : undefined;
      else if (item.type === 'CHECKBOX_GRID')
        raw = item.rows.some((_, i) => at(item.rowEntryIds[i]!).length)
          ? item.rows.map((_, i) => at(item.rowEntryIds[i]!))
          : undefined;
      else {
        const values = at(item.entryId).map((v) =>
          v === OTHER_OPTION ? (at(`${item.entryId}.other_option_response`)[0] ?? '') : v,
        );
        if (values.length === 0) continue;
        raw = item.type === 'CHECKBOX' ? values : values[0];
      }
      try {
        const answer = normalizeAnswer(item, raw);
        if (answer !== null) answers[String(item.id)] = answer;
      } catch (e) {
        // Forms would show the value unselected; a link like this is a bug worth seeing.
        throw new Error(`Prefilled link for "${form.title}": ${(e as Error).message}`);
      }
    }
    return parsed.email !== undefined ? { form, answers, email: parsed.email } : { form, answers };
  }

  /**
   * A family opening a prefilled link and submitting it, after changing the answers in
   * `overrides` (by title, as in submit). Returns the response id.
   */
  submitPrefilled(
    url: string,
    overrides: Record<string, string | string[]> = {},
    options: Omit<SubmitOptions, 'editOf'> = {},
  ): string {
    const { form, answers, email } = this.readPrefilled(url);
    if (!form.acceptingResponses) throw new Error(FORM_ERRORS.closed(form.title));
    const merged = this.applyByTitle(form, overrides, answers);
    this.checkRequired(form, merged);
    return this.record(form.id, merged, { email: this.respondent(form, options.email ?? email) })
      .id;
  }

  /** A snapshot for the preview and for JSON reports. */
  toJSON() {
    return {
      forms: this.forms().map((f) => {
        const dest = this.destinationOf(f);
        return {
          id: f.id,
          publishedId: f.publishedId,
          title: f.title,
          description: f.description,
          publishedUrl: formPublishedUrl(f),
          editUrl: formEditUrl(f),
          collectEmail: f.collectEmail,
          allowResponseEdits: f.allowResponseEdits,
          publishingSummary: f.publishingSummary,
          acceptingResponses: f.acceptingResponses,
          published: f.published,
          confirmationMessage: f.confirmationMessage,
          destination: f.destination
            ? { spreadsheetId: f.destination.spreadsheetId, sheetName: dest?.sheet.name ?? null }
            : null,
          items: f.items.map((i) => structuredClone(i)),
          responses: f.responses.map((r) => ({
            id: r.id,
            timestamp: new Date(r.timestamp).toISOString(),
            respondentEmail: r.respondentEmail,
            answers: structuredClone(r.answers),
            editUrl: r.editUrl,
            row: r.row?.row ?? null,
          })),
        };
      }),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The FormApp facade

interface Ctx {
  ws: Workspace;
  store: FormStore;
}

function gate<T>(ctx: Ctx, method: string, body: () => T, access: Access = ON_FORM, size = 0): T {
  return ctx.ws.call('FormApp', method, body, { ...access, size });
}

/** Turns the store's plain Errors (bad answers) into the script-side exception. */
function scriptError(e: unknown): never {
  if (e instanceof AppsScriptException) throw e;
  throw new AppsScriptException(e instanceof Error ? e.message : String(e));
}

function argString(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A choice of a multiple-choice, list or checkbox item. */
class Choice {
  constructor(
    private readonly ctx: Ctx,
    readonly value: string,
  ) {}
  getValue(): string {
    return gate(this.ctx, 'Choice.getValue', () => this.value);
  }
  isCorrectAnswer(): boolean {
    return gate(this.ctx, 'Choice.isCorrectAnswer', () => false);
  }
  getGotoPage(): null {
    return null;
  }
  getPageNavigationType(): null {
    return null;
  }
}

abstract class BaseItem {
  protected abstract readonly cls: string;
  constructor(
    protected readonly ctx: Ctx,
    readonly formId: string,
    readonly itemId: number,
  ) {}

  protected get form(): FormState {
    const form = this.ctx.store.get(this.formId);
    if (!form) throw new AppsScriptException(FORM_ERRORS.notFound);
    return form;
  }

  /** The live item state (throws once the item is deleted). */
  protected get item(): FormItemState {
    const item = this.form.items.find((i) => i.id === this.itemId);
    if (!item) throw new AppsScriptException(FORM_ERRORS.itemDeleted);
    return item;
  }

  protected call<T>(method: string, body: (item: FormItemState) => T): T {
    return gate(this.ctx, `${this.cls}.${method}`, () => body(this.item));
  }

  /** A setter: runs the change and keeps the response sheet's header in step. */
  protected change(method: string, body: (item: FormItemState) => void): this {
    this.call(method, (item) => {
      body(item);
      this.ctx.store.updated(this.formId);
    });
    return this;
  }

  getId(): number {
    return this.call('getId', (i) => i.id);
  }
  getIndex(): number {
    return this.call('getIndex', (i) => this.form.items.indexOf(i));
  }
  getTitle(): string {
    return this.call('getTitle', (i) => i.title);
  }
  setTitle(title: string): this {
    return this.change('setTitle', (i) => {
      i.title = argString(title);
    });
  }
  getHelpText(): string {
    return this.call('getHelpText', (i) => i.helpText);
  }
  setHelpText(text: string): this {
    return this.change('setHelpText', (i) => {
      i.helpText = argString(text);
    });
  }
  getType(): ItemType {
    return this.call('getType', (i) => i.type);
  }
}

/** An ItemResponse made by createResponse or read from a FormResponse. */
class ItemResponse {
  constructor(
    private readonly ctx: Ctx,
    readonly formId: string,
    readonly itemId: number,
    readonly answer: Answer,
  ) {}
  getItem(): Item {
    return gate(
      this.ctx,
      'ItemResponse.getItem',
      () => new Item(this.ctx, this.formId, this.itemId),
    );
  }
  /** A string; string[] for checkboxes and grids; string[][] for checkbox grids (copies). */
  getResponse(): Answer {
    return gate(this.ctx, 'ItemResponse.getResponse', () => structuredClone(this.answer));
  }
}

abstract class QuestionItem extends BaseItem {
  isRequired(): boolean {
    return this.call('isRequired', (i) => i.required);
  }
  setRequired(enabled: boolean): this {
    return this.change('setRequired', (i) => {
      i.required = enabled === true;
    });
  }
  /** Checks a value as the reference's createResponse does ("Invalid argument: response" when it does not fit). */
  protected respond(raw: unknown): ItemResponse {
    return this.call('createResponse', (item) => {
      let answer: Answer | null;
      try {
        answer = normalizeAnswer(item, raw);
      } catch {
        throw new AppsScriptException('Invalid argument: response');
      }
      return new ItemResponse(
        this.ctx,
        this.formId,
        item.id,
        answer ?? (item.type === 'CHECKBOX' ? [] : ''),
      );
    });
  }
}

function checkChoiceValues(values: unknown): string[] {
  if (!Array.isArray(values)) throw new AppsScriptException('Invalid argument: values');
  const out = values.map(argString);
  if (out.some((v) => v.trim() === '') || new Set(out).size !== out.length)
    throw new AppsScriptException(FORM_ERRORS.invalidData);
  return out;
}

abstract class ChoiceItem extends QuestionItem {
  getChoices(): Choice[] {
    return this.call('getChoices', (i) => i.choices.map((c) => new Choice(this.ctx, c)));
  }
  setChoiceValues(values: string[]): this {
    const checked = checkChoiceValues(values);
    return this.change('setChoiceValues', (i) => {
      i.choices = checked;
    });
  }
  setChoices(choices: Choice[]): this {
    if (!Array.isArray(choices) || !choices.every((c) => c instanceof Choice))
      throw new AppsScriptException('Invalid argument: choices');
    const checked = checkChoiceValues(choices.map((c) => c.value));
    return this.change('setChoices', (i) => {
      i.choices = checked;
    });
  }
  createChoice(value: string): Choice {
    return this.call('createChoice', () => new Choice(this.ctx, argString(value)));
  }
}

class TextItem extends QuestionItem {
  protected readonly cls = 'TextItem';
  createResponse(response: string): ItemResponse {
    return this.respond(argString(response));
  }
}

class ParagraphTextItem extends QuestionItem {
  protected readonly cls = 'ParagraphTextItem';
  createResponse(response: string): ItemResponse {
    return this.respond(argString(response));
  }
}

class MultipleChoiceItem extends ChoiceItem {
  protected readonly cls = 'MultipleChoiceItem';
  showOtherOption(enabled: boolean): this {
    return this.change('showOtherOption', (i) => {
      i.otherOption = enabled === true;
    });
  }
  hasOtherOption(): boolean {
    return this.call('hasOtherOption', (i) => i.otherOption);
  }
  createResponse(response: string): ItemResponse {
    return this.respond(argString(response));
  }
}

class ListItem extends ChoiceItem {
  protected readonly cls = 'ListItem';
  createResponse(response: string): ItemResponse {
    return this.respond(argString(response));
  }
}

class CheckboxItem extends ChoiceItem {
  protected readonly cls = 'CheckboxItem';
  showOtherOption(enabled: boolean): this {
    return this.change('showOtherOption', (i) => {
      i.otherOption = enabled === true;
    });
  }
  hasOtherOption(): boolean {
    return this.call('hasOtherOption', (i) => i.otherOption);
  }
  createResponse(responses: string[]): ItemResponse {
    return this.respond(Array.isArray(responses) ? responses.map(argString) : responses);
  }
}

class ScaleItem extends QuestionItem {
  protected readonly cls = 'ScaleItem';
  /**
   * The reference: "The lower bound must be 0 or 1. The upper bound must be between 3 and 10,
   * inclusive." The message for bad bounds is the emulator's.
   */
  setBounds(lower: number, upper: number): this {
    if (lower !== 0 && lower !== 1) throw new AppsScriptException('Invalid argument: lower');
    if (!Number.isInteger(upper) || upper < 3 || upper > 10)
      throw new AppsScriptException('Invalid argument: upper');
    return this.change('setBounds', (i) => {
      i.lowerBound = lower;
      i.upperBound = upper;
    });
  }
  getLowerBound(): number {
    return this.call('getLowerBound', (i) => i.lowerBound);
  }
  getUpperBound(): number {
    return this.call('getUpperBound', (i) => i.upperBound);
  }
  setLabels(lower: string, upper: string): this {
    return this.change('setLabels', (i) => {
      i.leftLabel = argString(lower);
      i.rightLabel = argString(upper);
    });
  }
  getLeftLabel(): string {
    return this.call('getLeftLabel', (i) => i.leftLabel);
  }
  getRightLabel(): string {
    return this.call('getRightLabel', (i) => i.rightLabel);
  }
  createResponse(response: number): ItemResponse {
    if (!Number.isInteger(response)) throw new AppsScriptException('Invalid argument: response');
    return this.respond(String(response));
  }
}

class DateItem extends QuestionItem {
  protected readonly cls = 'DateItem';
  includesYear(): boolean {
    return this.call('includesYear', (i) => i.includesYear);
  }
  setIncludesYear(enableYear: boolean): this {
    return this.change('setIncludesYear', (i) => {
      i.includesYear = enableYear === true;
    });
  }
  /** The date's day in the script's time zone. */
  createResponse(response: Date): ItemResponse {
    if (!(response instanceof Date) || Number.isNaN(response.getTime()))
      throw new AppsScriptException('Invalid argument: response');
    const w = wallClock(response.getTime(), this.ctx.store.scriptTimeZone());
    return this.respond(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`);
  }
}

abstract class GridBase extends QuestionItem {
  getRows(): string[] {
    return this.call('getRows', (i) => [...i.rows]);
  }
  setRows(rows: string[]): this {
    const checked = checkChoiceValues(rows);
    return this.change('setRows', (i) => {
      i.rows = checked;
      i.rowEntryIds = i.rowEntryIds.slice(0, checked.length);
    });
  }
  getColumns(): string[] {
    return this.call('getColumns', (i) => [...i.columns]);
  }
  setColumns(columns: string[]): this {
    const checked = checkChoiceValues(columns);
    return this.change('setColumns', (i) => {
      i.columns = checked;
    });
  }
}

class GridItem extends GridBase {
  protected readonly cls = 'GridItem';
  /** One column per row; '' for a row left blank. */
  createResponse(responses: string[]): ItemResponse {
    return this.respond(responses);
  }
}

class CheckboxGridItem extends GridBase {
  protected readonly cls = 'CheckboxGridItem';
  createResponse(responses: string[][]): ItemResponse {
    return this.respond(responses);
  }
}

class SectionHeaderItem extends BaseItem {
  protected readonly cls = 'SectionHeaderItem';
}

class PageBreakItem extends BaseItem {
  protected readonly cls = 'PageBreakItem';
}

type TypedItem =
  | TextItem
  | ParagraphTextItem
  | MultipleChoiceItem
  | ListItem
  | CheckboxItem
  | ScaleItem
  | DateItem
  | GridItem
  | CheckboxGridItem
  | SectionHeaderItem
  | PageBreakItem;

function typedItem(ctx: Ctx, formId: string, item: FormItemState): TypedItem {
  switch (item.type) {
    case 'TEXT':
      return new TextItem(ctx, formId, item.id);
    case 'PARAGRAPH_TEXT':
      return new ParagraphTextItem(ctx, formId, item.id);
    case 'MULTIPLE_CHOICE':
      return new MultipleChoiceItem(ctx, formId, item.id);
    case 'LIST':
      return new ListItem(ctx, formId, item.id);
    case 'CHECKBOX':
      return new CheckboxItem(ctx, formId, item.id);
    case 'SCALE':
      return new ScaleItem(ctx, formId, item.id);
    case 'DATE':
      return new DateItem(ctx, formId, item.id);
    case 'GRID':
      return new GridItem(ctx, formId, item.id);
    case 'CHECKBOX_GRID':
      return new CheckboxGridItem(ctx, formId, item.id);
    case 'PAGE_BREAK':
      return new PageBreakItem(ctx, formId, item.id);
    default:
      return new SectionHeaderItem(ctx, formId, item.id);
  }
}

/** The generic Item of getItems()/getItemById(): common methods and the as...() casts. */
class Item extends BaseItem {
  protected readonly cls = 'Item';
  private cast<T>(method: string, type: ItemType): T {
    return this.call(method, (item) => {
      if (item.type !== type) throw new AppsScriptException(FORM_ERRORS.conversion(item.type));
      return typedItem(this.ctx, this.formId, item) as T;
    });
  }
  asTextItem(): TextItem {
    return this.cast('asTextItem', 'TEXT');
  }
  asParagraphTextItem(): ParagraphTextItem {
    return this.cast('asParagraphTextItem', 'PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): MultipleChoiceItem {
    return this.cast('asMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }
  asListItem(): ListItem {
    return this.cast('asListItem', 'LIST');
  }
  asCheckboxItem(): CheckboxItem {
    return this.cast('asCheckboxItem', 'CHECKBOX');
  }
  asScaleItem(): ScaleItem {
    return this.cast('asScaleItem', 'SCALE');
  }
  asDateItem(): DateItem {
    return this.cast('asDateItem', 'DATE');
  }
  asGridItem(): GridItem {
    return this.cast('asGridItem', 'GRID');
  }
  asCheckboxGridItem(): CheckboxGridItem {
    return this.cast('asCheckboxGridItem', 'CHECKBOX_GRID');
  }
  asSectionHeaderItem(): SectionHeaderItem {
    return this.cast('asSectionHeaderItem', 'SECTION_HEADER');
  }
  asPageBreakItem(): PageBreakItem {
    return this.cast('asPageBreakItem', 'PAGE_BREAK');
  }
  /** Types this emulator cannot create: the cast always fails, as it would on any other item. */
  asDateTimeItem(): never {
    return this.cast('asDateTimeItem', 'DATETIME');
  }
  asDurationItem(): never {
    return this.cast('asDurationItem', 'DURATION');
  }
  asImageItem(): never {
    return this.cast('asImageItem', 'IMAGE');
  }
  asTimeItem(): never {
    return this.cast('asTimeItem', 'TIME');
  }
  asVideoItem(): never {
    return this.cast('asVideoItem', 'VIDEO');
  }
}

function itemIdOf(item: unknown): number {
  if (item instanceof BaseItem) return item.itemId;
  throw new AppsScriptException('Invalid argument: item');
}

/**
 * A submitted response (responseId set) or one being built by Form.createResponse(). A submitted
 * one given new item responses becomes an edit of itself on submit().
 */
class FormResponse {
  /** Answers being built (a new response, or changes to a submitted one); null = none yet. */
  private pending: Record<string, Answer> | null;
  private submittedHere = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly formId: string,
    private responseId: string | null,
  ) {
    this.pending = responseId === null ? {} : null;
  }

  private get form(): FormState {
    const form = this.ctx.store.get(this.formId);
    if (!form) throw new AppsScriptException(FORM_ERRORS.notFound);
    return form;
  }

  private get stored(): FormResponseState | null {
    if (this.responseId === null) return null;
    return this.form.responses.find((r) => r.id === this.responseId) ?? null;
  }

  private answers(): Record<string, Answer> {
    return this.pending ?? this.stored?.answers ?? {};
  }

  private call<T>(method: string, body: () => T): T {
    return gate(this.ctx, `FormResponse.${method}`, body);
  }

  /** Null until submitted. */
  getId(): string | null {
    return this.call('getId', () => this.responseId);
  }
  getTimestamp(): Date | null {
    return this.call('getTimestamp', () => {
      const s = this.stored;
      return s ? new Date(s.timestamp) : null;
    });
  }
  getRespondentEmail(): string {
    return this.call('getRespondentEmail', () => this.stored?.respondentEmail ?? '');
  }

  /**
   * In item order. The reference: an unanswered text, paragraph, date or time question gives an
   * ItemResponse with '' as its response; other unanswered questions are left out.
   */
  getItemResponses(): ItemResponse[] {
    return this.call('getItemResponses', () => {
      const answers = this.answers();
      const out: ItemResponse[] = [];
      for (const item of this.form.items.filter(isQuestion)) {
        const answer = answers[String(item.id)];
        if (answer !== undefined)
          out.push(new ItemResponse(this.ctx, this.formId, item.id, answer));
        else if (item.type === 'TEXT' || item.type === 'PARAGRAPH_TEXT' || item.type === 'DATE') {
          out.push(new ItemResponse(this.ctx, this.formId, item.id, ''));
        }
      }
      return out;
    });
  }

  getResponseForItem(item: unknown): ItemResponse | null {
    const id = itemIdOf(item);
    return this.call('getResponseForItem', () => {
      const answer = this.answers()[String(id)];
      return answer === undefined ? null : new ItemResponse(this.ctx, this.formId, id, answer);
    });
  }

  getEditResponseUrl(): string {
    return this.call('getEditResponseUrl', () => {
      const s = this.stored;
      if (!s) throw new AppsScriptException(FORM_ERRORS.notSubmitted);
      return s.editUrl;
    });
  }

  toPrefilledUrl(): string {
    return this.call('toPrefilledUrl', () =>
      this.ctx.store.prefilledUrlFor(this.form, this.answers()),
    );
  }

  withItemResponse(response: ItemResponse): this {
    this.call('withItemResponse', () => {
      if (!(response instanceof ItemResponse) || response.formId !== this.formId)
        throw new AppsScriptException('Invalid argument: response');
      const next = structuredClone(this.answers());
      const empty =
        response.answer === '' || (Array.isArray(response.answer) && response.answer.length === 0);
      if (empty) delete next[String(response.itemId)];
      else next[String(response.itemId)] = structuredClone(response.answer);
      this.pending = next;
    });
    return this;
  }

  /**
   * Submits: a new response, or (for a fetched response given new item responses) an edit of
   * it. The reference: throws if this response was already submitted.
   */
  submit(): FormResponse {
    return this.call('submit', () => {
      if (this.submittedHere || this.pending === null)
        throw new AppsScriptException(FORM_ERRORS.alreadySubmitted);
      const form = this.form;
      if (!form.published) throw new AppsScriptException(FORM_ERRORS.unpublished);
      if (!form.acceptingResponses) throw new AppsScriptException(FORM_ERRORS.closed(form.title));
      let recorded: FormResponseState;
      try {
        recorded = this.ctx.store.record(
          this.formId,
          this.pending,
          this.responseId === null ? {} : { editOf: this.responseId },
        );
      } catch (e) {
        scriptError(e);
      }
      this.responseId = recorded.id;
      this.pending = null;
      this.submittedHere = true;
      return new FormResponse(this.ctx, this.formId, recorded.id);
    });
  }
}

const DESTINATION_TYPES = { SPREADSHEET: 'SPREADSHEET' } as const;

class Form {
  constructor(
    private readonly ctx: Ctx,
    private readonly id: string,
  ) {}

  private get state(): FormState {
    const form = this.ctx.store.get(this.id);
    if (!form) throw new AppsScriptException(FORM_ERRORS.notFound);
    return form;
  }

  private call<T>(method: string, body: (form: FormState) => T, size = 0): T {
    return gate(this.ctx, `Form.${method}`, () => body(this.state), ON_FORM, size);
  }

  private set(method: string, body: (form: FormState) => void): this {
    this.call(method, (f) => {
      body(f);
      this.ctx.store.updated(f.id);
    });
    return this;
  }

  getId(): string {
    return this.call('getId', (f) => f.id);
  }
  getTitle(): string {
    return this.call('getTitle', (f) => f.title);
  }
  setTitle(title: string): this {
    return this.set('setTitle', (f) => {
      f.title = argString(title);
    });
  }
  getDescription(): string {
    return this.call('getDescription', (f) => f.description);
  }
  setDescription(description: string): this {
    return this.set('setDescription', (f) => {
      f.description = argString(description);
    });
  }
  collectsEmail(): boolean {
    return this.call('collectsEmail', (f) => f.collectEmail);
  }
  setCollectEmail(collect: boolean): this {
    return this.set('setCollectEmail', (f) => {
      f.collectEmail = collect === true;
    });
  }
  canEditResponse(): boolean {
    return this.call('canEditResponse', (f) => f.allowResponseEdits);
  }
  setAllowResponseEdits(enabled: boolean): this {
    return this.set('setAllowResponseEdits', (f) => {
      f.allowResponseEdits = enabled === true;
    });
  }
  /**
   * Whether respondents get a link to a summary of all responses after submitting (the
   * reference: publishingSummary / setPublishingSummary). Off for a new form (an assumption:
   * the reference does not state the default; the Forms editor starts with it off).
   */
  publishingSummary(): boolean {
    return this.call('publishingSummary', (f) => f.publishingSummary);
  }
  setPublishingSummary(enabled: boolean): this {
    return this.set('setPublishingSummary', (f) => {
      f.publishingSummary = enabled === true;
    });
  }
  isAcceptingResponses(): boolean {
    return this.call('isAcceptingResponses', (f) => f.acceptingResponses);
  }
  setAcceptingResponses(enabled: boolean): this {
    return this.set('setAcceptingResponses', (f) => {
      f.acceptingResponses = enabled === true;
    });
  }
  getConfirmationMessage(): string {
    return this.call('getConfirmationMessage', (f) => f.confirmationMessage);
  }
  setConfirmationMessage(message: string): this {
    return this.set('setConfirmationMessage', (f) => {
      f.confirmationMessage = argString(message);
    });
  }
  getCustomClosedFormMessage(): string {
    return this.call('getCustomClosedFormMessage', (f) => f.customClosedFormMessage);
  }
  setCustomClosedFormMessage(message: string): this {
    return this.set('setCustomClosedFormMessage', (f) => {
      f.customClosedFormMessage = argString(message);
    });
  }
  getPublishedUrl(): string {
    return this.call('getPublishedUrl', (f) => {
      if (!f.published) throw new AppsScriptException(FORM_ERRORS.unpublished);
      return formPublishedUrl(f);
    });
  }
  /**
   * The publish state (reported: brucemcpherson/gas-fakes#105, "in Apps Script
   * form.setPublished(false) closes a form to new responses, setPublished(true) re-opens it";
   * not in @types/google-apps-script 2.0.13). docs/EMULATOR.md rows 41-42.
   */
  isPublished(): boolean {
    return this.call('isPublished', (f) => f.published);
  }
  setPublished(enabled: boolean): this {
    return this.set('setPublished', (f) => {
      f.published = enabled === true;
    });
  }
  getEditUrl(): string {
    return this.call('getEditUrl', (f) => formEditUrl(f));
  }
  getSummaryUrl(): string {
    return this.call(
      'getSummaryUrl',
      (f) => `https://docs.google.com/forms/d/${f.id}/viewanalytics`,
    );
  }
  /** A forms.gle link for one of this form's URLs (the same link each time). */
  shortenFormUrl(url: string): string {
    return this.call('shortenFormUrl', (f) => {
      const u = argString(url);
      if (
        !u.startsWith(`https://docs.google.com/forms/d/e/${f.publishedId}/`) &&
        !u.startsWith(`https://docs.google.com/forms/d/${f.id}/`)
      ) {
        throw new AppsScriptException('Invalid argument: url');
      }
      f.shortUrl ??= `https://forms.gle/${this.ctx.ws.randomId(17)}`;
      return f.shortUrl;
    });
  }

  /**
   * Links the form to a spreadsheet: a new "Form Responses N" sheet in it. An unknown id throws
   * the not-found message FormApp gives for ids (an assumption for this method).
   */
  setDestination(type: string, id: string): this {
    this.call('setDestination', (f) => {
      if (type !== DESTINATION_TYPES.SPREADSHEET)
        throw new AppsScriptException('Invalid argument: type');
      if (!this.ctx.store.spreadsheetExists(argString(id)))
        throw new AppsScriptException(FORM_ERRORS.notFound);
      this.ctx.store.setDestination(f.id, argString(id));
    });
    return this;
  }
  getDestinationId(): string {
    return this.call('getDestinationId', (f) => {
      if (!f.destination) throw new AppsScriptException(FORM_ERRORS.noDestination);
      return f.destination.spreadsheetId;
    });
  }
  getDestinationType(): string {
    return this.call('getDestinationType', (f) => {
      if (!f.destination) throw new AppsScriptException(FORM_ERRORS.noDestination);
      return DESTINATION_TYPES.SPREADSHEET;
    });
  }
  removeDestination(): this {
    this.call('removeDestination', (f) => this.ctx.store.removeDestination(f.id));
    return this;
  }

  private add<T extends TypedItem>(method: string, type: SupportedItemType): T {
    return this.call(
      method,
      (f) => typedItem(this.ctx, f.id, this.ctx.store.addItem(f.id, type)) as T,
    );
  }
  addTextItem(): TextItem {
    return this.add('addTextItem', 'TEXT');
  }
  addParagraphTextItem(): ParagraphTextItem {
    return this.add('addParagraphTextItem', 'PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): MultipleChoiceItem {
    return this.add('addMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }
  addListItem(): ListItem {
    return this.add('addListItem', 'LIST');
  }
  addCheckboxItem(): CheckboxItem {
    return this.add('addCheckboxItem', 'CHECKBOX');
  }
  addScaleItem(): ScaleItem {
    return this.add('addScaleItem', 'SCALE');
  }
  addDateItem(): DateItem {
    return this.add('addDateItem', 'DATE');
  }
  addGridItem(): GridItem {
    return this.add('addGridItem', 'GRID');
  }
  addCheckboxGridItem(): CheckboxGridItem {
    return this.add('addCheckboxGridItem', 'CHECKBOX_GRID');
  }
  addSectionHeaderItem(): SectionHeaderItem {
    return this.add('addSectionHeaderItem', 'SECTION_HEADER');
  }
  addPageBreakItem(): PageBreakItem {
    return this.add('addPageBreakItem', 'PAGE_BREAK');
  }

  /** Every item, or those of one FormApp.ItemType. */
  getItems(itemType?: string): Item[] {
    return this.call('getItems', (f) => {
      if (itemType !== undefined && !(ITEM_TYPES as readonly string[]).includes(String(itemType)))
        throw new AppsScriptException('Invalid argument: itemType');
      return f.items
        .filter((i) => itemType === undefined || i.type === itemType)
        .map((i) => new Item(this.ctx, f.id, i.id));
    });
  }
  /** The reference: null when no item has that id. */
  getItemById(id: number): Item | null {
    return this.call('getItemById', (f) => {
      const item = f.items.find((i) => i.id === Number(id));
      return item ? new Item(this.ctx, f.id, item.id) : null;
    });
  }
  /** deleteItem(index) | deleteItem(item). The item's column stays in the response sheet. */
  deleteItem(indexOrItem: number | BaseItem): void {
    this.call('deleteItem', (f) => {
      let id: number;
      if (typeof indexOrItem === 'number') {
        const item = f.items[indexOrItem];
        if (!Number.isInteger(indexOrItem) || !item)
          throw new AppsScriptException('Invalid argument: index');
        id = item.id;
      } else {
        id = itemIdOf(indexOrItem);
        if (!f.items.some((i) => i.id === id))
          throw new AppsScriptException(FORM_ERRORS.itemDeleted);
      }
      this.ctx.store.deleteItem(f.id, id);
    });
  }

  /** Every response, or those submitted at or after `timestamp`. Costs more the more there are. */
  getResponses(timestamp?: Date): FormResponse[] {
    const count = this.ctx.store.get(this.id)?.responses.length ?? 0;
    return this.call(
      'getResponses',
      (f) => {
        const from = timestamp instanceof Date ? timestamp.getTime() : -Infinity;
        return f.responses
          .filter((r) => r.timestamp >= from)
          .map((r) => new FormResponse(this.ctx, f.id, r.id));
      },
      count,
    );
  }
  /** An unknown id throws (the emulator's wording). */
  getResponse(responseId: string): FormResponse {
    return this.call('getResponse', (f) => {
      if (!f.responses.some((r) => r.id === responseId))
        throw new AppsScriptException(
          `No response with ID ${argString(responseId)} exists for this form.`,
        );
      return new FormResponse(this.ctx, f.id, responseId);
    });
  }
  /** A new, empty response to fill with withItemResponse and submit (or turn into a prefilled link). */
  createResponse(): FormResponse {
    return this.call('createResponse', (f) => new FormResponse(this.ctx, f.id, null));
  }
  /** Deletes the responses kept by the form; the rows in the response sheet stay. */
  deleteAllResponses(): this {
    this.call('deleteAllResponses', (f) => {
      f.responses = [];
    });
    return this;
  }
  deleteResponse(responseId: string): this {
    this.call('deleteResponse', (f) => {
      if (!f.responses.some((r) => r.id === responseId))
        throw new AppsScriptException(
          `No response with ID ${argString(responseId)} exists for this form.`,
        );
      f.responses = f.responses.filter((r) => r.id !== responseId);
    });
    return this;
  }
}

function formIdFromUrl(url: string): string | null {
  const m = /^https:\/\/docs\.google\.com\/forms(?:\/u\/\d+)?\/d\/([A-Za-z0-9_-]+)(?:\/|$)/.exec(
    url,
  );
  return m && m[1] !== 'e' ? m[1]! : null;
}

export function createFormApp(ws: Workspace, store: FormStore) {
  const ctx: Ctx = { ws, store };
  store.formEventObjects = (formId, responseId) => ({
    source: new Form(ctx, formId),
    response: new FormResponse(ctx, formId, responseId),
  });
  const open = (id: string | null): Form => {
    const user = ws.current?.user ?? ws.defaultUser;
    if (id === null || !store.mayOpen(id, user))
      throw new AppsScriptException(FORM_ERRORS.notFound);
    return new Form(ctx, id);
  };
  return {
    ItemType: Object.fromEntries(ITEM_TYPES.map((t) => [t, t])) as { [K in ItemType]: K },
    DestinationType: DESTINATION_TYPES,
    Alignment: { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' } as const,
    FeedbackType: { CORRECT: 'CORRECT', INCORRECT: 'INCORRECT', GENERAL: 'GENERAL' } as const,
    PageNavigationType: {
      CONTINUE: 'CONTINUE',
      GO_TO_PAGE: 'GO_TO_PAGE',
      RESTART: 'RESTART',
      SUBMIT: 'SUBMIT',
    } as const,
    /** The reference: throws if the title is null or empty (the message is the emulator's). */
    create: (title: string) =>
      gate(
        ctx,
        'create',
        () => {
          if (title === null || title === undefined || String(title) === '')
            throw new AppsScriptException('Invalid argument: title');
          return new Form(ctx, store.create(String(title)).id);
        },
        OPEN,
      ),
    openById: (id: string) => gate(ctx, 'openById', () => open(argString(id)), OPEN),
    /** The editor URL (/forms/d/<id>/edit); a published /d/e/ link is not an id and fails. */
    openByUrl: (url: string) =>
      gate(ctx, 'openByUrl', () => open(formIdFromUrl(argString(url))), OPEN),
    /** The form the script is bound to: null for a script bound to a spreadsheet. */
    getActiveForm: () =>
      gate(
        ctx,
        'getActiveForm',
        () =>
          store.boundFormId && store.get(store.boundFormId)
            ? new Form(ctx, store.boundFormId)
            : null,
        ON_FORM,
      ),
  };
}

export type FormAppGlobal = ReturnType<typeof createFormApp>;
