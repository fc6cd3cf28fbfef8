/**
 * FormStore: the forms' plain state, set up by tests and the preview, and a family filling a form
 * in (a person in a browser, not a script call).
 */
import type { Workspace } from '../runtime';
import type { SheetModel, SpreadsheetModel, SpreadsheetStore } from '../sheets/model';
import { type Cell, displayValue, enterValue } from '../sheets/values';
import type { TriggerStore } from '../triggers';
import { instantOf } from '../tz';
import {
  type Answer,
  DATE_FORMAT,
  type DestinationState,
  EMAIL,
  EMAIL_HEADER,
  FORM_ERRORS,
  formEditUrl,
  type FormItemState,
  formPublishedUrl,
  type FormResponseState,
  type FormState,
  isQuestion,
  OTHER_OPTION,
  type RangeFactory,
  RESPONSE_SHEET_PREFIX,
  type SubmitOptions,
  type SupportedItemType,
  TIMESTAMP_FORMAT,
  TIMESTAMP_HEADER,
} from './state';
import {
  choiceList,
  columnsOf,
  encodePrefillValue,
  isAnswered,
  list,
  normalizeAnswer,
  parseIsoDate,
  parsePrefilledUrl,
  single,
  type WrittenRow,
} from './answers';

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
