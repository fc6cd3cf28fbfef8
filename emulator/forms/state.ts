/**
 * FormApp's state as FormStore keeps it (forms, items, responses, their response sheets), and
 * the messages Google gives.
 */

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

export const RESPONSE_SHEET_PREFIX = 'Form Responses ';
export const TIMESTAMP_HEADER = 'Timestamp';
export const EMAIL_HEADER = 'Email Address';
export const TIMESTAMP_FORMAT = 'M/d/yyyy H:mm:ss';
export const DATE_FORMAT = 'M/d/yyyy';
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** The value Forms puts in a prefilled link for the "Other:" choice; the text follows separately. */
export const OTHER_OPTION = '__other_option__';

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
