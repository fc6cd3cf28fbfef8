/**
 * The FormApp global a script sees: every method passes ws.call() as "FormApp.<Class>.<method>",
 * with its scope and latency.
 */
import { type Cost, registerLatency } from '../latency';
import { type Access, AppsScriptException, type Workspace } from '../runtime';
import { wallClock } from '../tz';
import {
  type Answer,
  FORM_ERRORS,
  formEditUrl,
  type FormItemState,
  formPublishedUrl,
  type FormResponseState,
  type FormState,
  isQuestion,
  ITEM_TYPES,
  type ItemType,
  type SupportedItemType,
} from './state';
import { normalizeAnswer, pad } from './answers';
import { FormStore } from './store';

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
