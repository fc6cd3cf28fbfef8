/**
 * SpreadsheetApp as scripts see it: Spreadsheet, Sheet, Range, DataValidation, Protection, Ui.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet
 *
 * Counted method keys: "SpreadsheetApp.<Class>.<method>", e.g. "SpreadsheetApp.Range.getValues".
 * Handles (getRange, getSheetByName) are counted too but cost little: reads and writes are
 * what cost, in proportion to the cells they carry.
 */
import { registerLatency } from '../latency';
import { type Access, AppsScriptException, type Workspace } from '../runtime';
import { isValidTimeZone } from '../tz';
import {
  type SheetModel,
  type SpreadsheetModel,
  type SpreadsheetStore,
  type ValidationRule,
} from './model';
import { type ChartDraft, type ChartRange, type ChartType, emptyDraft, sameRange } from './charts';
import {
  a1Notation,
  type CellValue,
  columnLetters,
  displayValue,
  enterValue,
  type GridRef,
  parseA1,
  readValue,
} from './values';

registerLatency('SpreadsheetApp', {
  getActiveSpreadsheet: { base: 10 },
  openById: { base: 300 },
  create: { base: 1500 },
  flush: { base: 20 },
  'Spreadsheet.getSheetByName': { base: 5 },
  'Spreadsheet.getSheets': { base: 5 },
  'Spreadsheet.getNumSheets': { base: 5 },
  'Spreadsheet.insertSheet': { base: 250 },
  'Spreadsheet.deleteSheet': { base: 250 },
  'Spreadsheet.toast': { base: 50 },
  'Sheet.getRange': { base: 1 },
  'Sheet.getDataRange': { base: 30 },
  'Sheet.getLastRow': { base: 30 },
  'Sheet.getLastColumn': { base: 30 },
  'Sheet.appendRow': { base: 120 },
  'Sheet.setFrozenRows': { base: 80 },
  'Sheet.insertRowsAfter': { base: 120 },
  'Sheet.deleteRows': { base: 120 },
  'Sheet.insertChart': { base: 300 },
  'Sheet.updateChart': { base: 300 },
  'Sheet.removeChart': { base: 200 },
  'Sheet.getCharts': { base: 40 },
  'Range.getValues': { base: 40, perUnit: 0.01 },
  'Range.getDisplayValues': { base: 50, perUnit: 0.015 },
  'Range.getFormulas': { base: 40, perUnit: 0.01 },
  'Range.getNotes': { base: 40, perUnit: 0.01 },
  'Range.setValues': { base: 80, perUnit: 0.05 },
  'Range.setNumberFormat': { base: 60 },
  'Range.setNumberFormats': { base: 60, perUnit: 0.01 },
  'Range.setNotes': { base: 60, perUnit: 0.01 },
  'Range.setDataValidation': { base: 80 },
  'Range.setDataValidations': { base: 80, perUnit: 0.01 },
  'Ui.showSidebar': { base: 300 },
  'Ui.alert': { base: 200 },
  'Ui.prompt': { base: 200 },
  'Ui.createAddonMenu': { base: 1 },
  'Ui.createMenu': { base: 1 },
  'Menu.addItem': { base: 1 },
  'Menu.addSeparator': { base: 1 },
  'Menu.addSubMenu': { base: 1 },
  'Menu.addToUi': { base: 20 },
});

const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const SHEETS_CURRENT = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';

/** The bound document: usable in AuthMode.LIMITED with either spreadsheet scope. */
const CURRENT_DOC: Access = { auth: 'limited', scopes: [SHEETS_CURRENT, SHEETS] };
const ANY_DOC: Access = { auth: 'full', scopes: [SHEETS] };
const MENU: Access = { auth: 'none' };
const DIALOG: Access = { auth: 'limited', scopes: [CONTAINER_UI] };

/** Messages Apps Script gives for bad ranges (as reported by its users; see the tests). */
export const RANGE_ERRORS = {
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  numRows: 'The number of rows in the range must be at least 1.',
  numColumns: 'The number of columns in the range must be at least 1.',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  validation: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
};

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Checks a typed value against a validation rule (blank cells always pass). */
function passesValidation(value: unknown, rule: ValidationRule): boolean {
  if (value === '' || value === null || value === undefined) return true;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (rule.values[0] as unknown[]).map(String).includes(String(value));
    case 'CHECKBOX':
      return typeof value === 'boolean';
    case 'NUMBER_BETWEEN':
      return (
        typeof value === 'number' &&
        value >= Number(rule.values[0]) &&
        value <= Number(rule.values[1])
      );
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(rule.values[0]);
    case 'DATE_IS_VALID_DATE':
      return value instanceof Date;
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
    default:
      return true;
  }
}

class DataValidationBuilder {
  private rule: ValidationRule = { criteria: 'NONE', values: [], allowInvalid: true, helpText: '' };
  constructor(from?: ValidationRule) {
    if (from) this.rule = { ...from, values: [...from.values] };
  }
  private set(criteria: string, values: unknown[]) {
    this.rule.criteria = criteria;
    this.rule.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    if (!Array.isArray(values) || values.length === 0)
      throw new AppsScriptException('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireCheckbox() {
    return this.set('CHECKBOX', []);
  }
  requireNumberBetween(start: number, end: number) {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail() {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  setAllowInvalid(allow: boolean) {
    this.rule.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.rule.helpText = text;
    return this;
  }
  build() {
    if (this.rule.criteria === 'NONE')
      throw new AppsScriptException('A data validation rule needs criteria before build().');
    return new DataValidation({ ...this.rule });
  }
}

class DataValidation {
  constructor(readonly rule: ValidationRule) {}
  getCriteriaType() {
    return this.rule.criteria;
  }
  getCriteriaValues() {
    return [...this.rule.values];
  }
  getAllowInvalid() {
    return this.rule.allowInvalid;
  }
  getHelpText() {
    return this.rule.helpText;
  }
  copy() {
    return new DataValidationBuilder(this.rule);
  }
}

/** The facade objects share one context: the workspace gate and the store. */
interface Ctx {
  ws: Workspace;
  store: SpreadsheetStore;
}

function gate<T>(
  ctx: Ctx,
  method: string,
  body: () => T,
  access: Access = CURRENT_DOC,
  size = 0,
): T {
  return ctx.ws.call('SpreadsheetApp', method, body, { ...access, size });
}

class Protection {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetModel,
    private readonly state: SheetModel['protections'][number],
  ) {}
  setDescription(d: string) {
    return gate(this.ctx, 'Protection.setDescription', () => ((this.state.description = d), this));
  }
  getDescription() {
    return gate(this.ctx, 'Protection.getDescription', () => this.state.description);
  }
  setWarningOnly(w: boolean) {
    return gate(this.ctx, 'Protection.setWarningOnly', () => ((this.state.warningOnly = w), this));
  }
  isWarningOnly() {
    return gate(this.ctx, 'Protection.isWarningOnly', () => this.state.warningOnly);
  }
  addEditor(email: string) {
    return gate(this.ctx, 'Protection.addEditor', () => (this.state.editors.push(email), this));
  }
  removeEditors(emails: string[]) {
    return gate(this.ctx, 'Protection.removeEditors', () => {
      this.state.editors = this.state.editors.filter((e) => !emails.includes(e));
      return this;
    });
  }
  getEditors() {
    return gate(this.ctx, 'Protection.getEditors', () =>
      this.state.editors.map((email) => ({ getEmail: () => email })),
    );
  }
  canEdit() {
    return gate(this.ctx, 'Protection.canEdit', () => true);
  }
  remove() {
    gate(this.ctx, 'Protection.remove', () => {
      const i = this.sheet.protections.indexOf(this.state);
      if (i >= 0) this.sheet.protections.splice(i, 1);
    });
  }
  getProtectionType() {
    return this.state.range ? 'RANGE' : 'SHEET';
  }
}

export class Range {
  constructor(
    private readonly ctx: Ctx,
    readonly model: SheetModel,
    readonly ref: GridRef,
  ) {}

  private cells<T>(fn: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.ref.numRows }, (_, r) =>
      Array.from({ length: this.ref.numColumns }, (_, c) =>
        fn(this.ref.row + r, this.ref.column + c),
      ),
    );
  }

  private get size(): number {
    return this.ref.numRows * this.ref.numColumns;
  }

  private checkGrid(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
      throw new AppsScriptException(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (values.length !== this.ref.numRows)
      throw new AppsScriptException(RANGE_ERRORS.rowsMismatch(values.length, this.ref.numRows));
    for (const row of values as unknown[][]) {
      if (row.length !== this.ref.numColumns)
        throw new AppsScriptException(
          RANGE_ERRORS.columnsMismatch(row.length, this.ref.numColumns),
        );
    }
    return values as unknown[][];
  }

  getValues(): (CellValue | '')[][] {
    return gate(
      this.ctx,
      'Range.getValues',
      () => this.cells((r, c) => readValue(this.model.cell(r, c))),
      CURRENT_DOC,
      this.size,
    );
  }
  getValue(): CellValue | '' {
    return gate(this.ctx, 'Range.getValue', () =>
      readValue(this.model.cell(this.ref.row, this.ref.column)),
    );
  }
  getDisplayValues(): string[][] {
    const tz = this.model.parent.timeZone;
    return gate(
      this.ctx,
      'Range.getDisplayValues',
      () => this.cells((r, c) => displayValue(this.model.cell(r, c), tz)),
      CURRENT_DOC,
      this.size,
    );
  }
  getDisplayValue(): string {
    return gate(this.ctx, 'Range.getDisplayValue', () =>
      displayValue(this.model.cell(this.ref.row, this.ref.column), this.model.parent.timeZone),
    );
  }
  getFormulas(): string[][] {
    return gate(
      this.ctx,
      'Range.getFormulas',
      () => this.cells((r, c) => this.model.cell(r, c)?.f ?? ''),
      CURRENT_DOC,
      this.size,
    );
  }
  getFormula(): string {
    return gate(
      this.ctx,
      'Range.getFormula',
      () => this.model.cell(this.ref.row, this.ref.column)?.f ?? '',
    );
  }

  /** Writes as a user typing would (see values.ts); rejects values that break a strict validation. */
  setValues(values: unknown[][]): Range {
    return gate(
      this.ctx,
      'Range.setValues',
      () => {
        const grid = this.checkGrid(values, 'setValues');
        const tz = this.model.parent.timeZone;
        const keep = this.model.parent.plainTextKeepsApostrophe;
        const entered = grid.map((row, r) =>
          row.map((v, c) =>
            enterValue(v, this.model.cell(this.ref.row + r, this.ref.column + c)?.nf, tz, keep),
          ),
        );
        entered.forEach((row, r) =>
          row.forEach((cell, c) => {
            const rule = this.model.cell(this.ref.row + r, this.ref.column + c)?.validation;
            if (rule && !rule.allowInvalid && !passesValidation(cell.v, rule)) {
              throw new AppsScriptException(
                RANGE_ERRORS.validation(`${columnLetters(this.ref.column + c)}${this.ref.row + r}`),
              );
            }
          }),
        );
        entered.forEach((row, r) =>
          row.forEach((cell, c) => this.model.put(this.ref.row + r, this.ref.column + c, cell)),
        );
        return this;
      },
      CURRENT_DOC,
      this.size,
    );
  }
  setValue(value: unknown): Range {
    return gate(this.ctx, 'Range.setValue', () => {
      const tz = this.model.parent.timeZone;
      const keep = this.model.parent.plainTextKeepsApostrophe;
      this.cells((r, c) =>
        this.model.put(r, c, enterValue(value, this.model.cell(r, c)?.nf, tz, keep)),
      );
      return this;
    });
  }
  setFormula(formula: string): Range {
    return gate(this.ctx, 'Range.setFormula', () => {
      this.cells((r, c) =>
        this.model.put(
          r,
          c,
          enterValue(formula.startsWith('=') ? formula : `=${formula}`, undefined, 'UTC'),
        ),
      );
      return this;
    });
  }
  clearContent(): Range {
    return gate(this.ctx, 'Range.clearContent', () => {
      this.cells((r, c) => this.model.put(r, c, { v: '', nf: this.model.cell(r, c)?.nf }));
      return this;
    });
  }
  clear(): Range {
    return gate(this.ctx, 'Range.clear', () => {
      this.cells((r, c) =>
        this.model.patch(r, c, {
          v: '',
          f: undefined,
          nf: undefined,
          note: undefined,
          style: undefined,
        }),
      );
      return this;
    });
  }
  setNumberFormat(format: string): Range {
    return gate(
      this.ctx,
      'Range.setNumberFormat',
      () => (this.cells((r, c) => this.model.patch(r, c, { nf: format })), this),
    );
  }
  setNumberFormats(formats: string[][]): Range {
    return gate(
      this.ctx,
      'Range.setNumberFormats',
      () => {
        const grid = this.checkGrid(formats, 'setNumberFormats');
        grid.forEach((row, r) =>
          row.forEach((f, c) =>
            this.model.patch(this.ref.row + r, this.ref.column + c, { nf: String(f) }),
          ),
        );
        return this;
      },
      CURRENT_DOC,
      this.size,
    );
  }
  getNumberFormat(): string {
    return gate(
      this.ctx,
      'Range.getNumberFormat',
      () => this.model.cell(this.ref.row, this.ref.column)?.nf ?? 'General',
    );
  }
  getNumberFormats(): string[][] {
    return gate(
      this.ctx,
      'Range.getNumberFormats',
      () => this.cells((r, c) => this.model.cell(r, c)?.nf ?? 'General'),
      CURRENT_DOC,
      this.size,
    );
  }
  setNote(note: string | null): Range {
    return gate(
      this.ctx,
      'Range.setNote',
      () => (this.cells((r, c) => this.model.patch(r, c, { note: note ?? undefined })), this),
    );
  }
  setNotes(notes: (string | null)[][]): Range {
    return gate(
      this.ctx,
      'Range.setNotes',
      () => {
        const grid = this.checkGrid(notes, 'setNotes');
        grid.forEach((row, r) =>
          row.forEach((n, c) =>
            this.model.patch(this.ref.row + r, this.ref.column + c, {
              note: n ? String(n) : undefined,
            }),
          ),
        );
        return this;
      },
      CURRENT_DOC,
      this.size,
    );
  }
  getNote(): string {
    return gate(
      this.ctx,
      'Range.getNote',
      () => this.model.cell(this.ref.row, this.ref.column)?.note ?? '',
    );
  }
  getNotes(): string[][] {
    return gate(
      this.ctx,
      'Range.getNotes',
      () => this.cells((r, c) => this.model.cell(r, c)?.note ?? ''),
      CURRENT_DOC,
      this.size,
    );
  }
  setDataValidation(rule: DataValidation | null): Range {
    return gate(this.ctx, 'Range.setDataValidation', () => {
      this.cells((r, c) =>
        this.model.patch(r, c, { validation: rule ? { ...rule.rule } : undefined }),
      );
      return this;
    });
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    return gate(
      this.ctx,
      'Range.setDataValidations',
      () => {
        const grid = this.checkGrid(rules, 'setDataValidations') as (DataValidation | null)[][];
        grid.forEach((row, r) =>
          row.forEach((rule, c) =>
            this.model.patch(this.ref.row + r, this.ref.column + c, {
              validation: rule ? { ...rule.rule } : undefined,
            }),
          ),
        );
        return this;
      },
      CURRENT_DOC,
      this.size,
    );
  }
  getDataValidation(): DataValidation | null {
    return gate(this.ctx, 'Range.getDataValidation', () => {
      const rule = this.model.cell(this.ref.row, this.ref.column)?.validation;
      return rule ? new DataValidation({ ...rule }) : null;
    });
  }
  getDataValidations(): (DataValidation | null)[][] {
    return gate(
      this.ctx,
      'Range.getDataValidations',
      () =>
        this.cells((r, c) => {
          const rule = this.model.cell(r, c)?.validation;
          return rule ? new DataValidation({ ...rule }) : null;
        }),
      CURRENT_DOC,
      this.size,
    );
  }
  private style(method: string, key: string, value: string): Range {
    return gate(this.ctx, `Range.${method}`, () => {
      this.cells((r, c) =>
        this.model.patch(r, c, { style: { ...this.model.cell(r, c)?.style, [key]: value } }),
      );
      return this;
    });
  }
  setFontWeight(weight: string | null) {
    return this.style('setFontWeight', 'fontWeight', weight ?? 'normal');
  }
  setFontColor(color: string | null) {
    return this.style('setFontColor', 'fontColor', color ?? '');
  }
  setBackground(color: string | null) {
    return this.style('setBackground', 'background', color ?? '');
  }
  setWrap(wrap: boolean) {
    return this.style('setWrap', 'wrap', String(wrap));
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.style('setHorizontalAlignment', 'horizontalAlignment', alignment ?? 'general');
  }
  getFontWeight(): string {
    return gate(
      this.ctx,
      'Range.getFontWeight',
      () => this.model.cell(this.ref.row, this.ref.column)?.style?.fontWeight ?? 'normal',
    );
  }
  getBackground(): string {
    return gate(
      this.ctx,
      'Range.getBackground',
      () => this.model.cell(this.ref.row, this.ref.column)?.style?.background ?? '#ffffff',
    );
  }
  protect(): Protection {
    return gate(this.ctx, 'Range.protect', () => {
      const state = {
        description: '',
        warningOnly: false,
        editors: [this.ctx.ws.current?.user ?? this.ctx.ws.defaultUser],
        range: { ...this.ref },
      };
      this.model.protections.push(state);
      return new Protection(this.ctx, this.model, state);
    });
  }
  /** Selects the range in the editor (the sidebar uses it to point at a problem cell). */
  activate(): Range {
    return gate(
      this.ctx,
      'Range.activate',
      () => (this.model.parent.select(this.model, this.ref), this),
    );
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows = this.ref.numRows,
    numColumns = this.ref.numColumns,
  ): Range {
    return gate(this.ctx, 'Range.offset', () =>
      makeRange(
        this.ctx,
        this.model,
        this.ref.row + rowOffset,
        this.ref.column + columnOffset,
        numRows,
        numColumns,
      ),
    );
  }
  getRow() {
    return this.ref.row;
  }
  getColumn() {
    return this.ref.column;
  }
  getNumRows() {
    return this.ref.numRows;
  }
  getNumColumns() {
    return this.ref.numColumns;
  }
  getLastRow() {
    return this.ref.row + this.ref.numRows - 1;
  }
  getLastColumn() {
    return this.ref.column + this.ref.numColumns - 1;
  }
  getA1Notation() {
    return a1Notation(this.ref);
  }
  getSheet() {
    return new Sheet(this.ctx, this.model);
  }
}

function makeRange(
  ctx: Ctx,
  model: SheetModel,
  row: unknown,
  column: unknown,
  numRows: unknown = 1,
  numColumns: unknown = 1,
): Range {
  for (const n of [row, column, numRows, numColumns]) {
    if (!isInteger(n))
      throw new AppsScriptException(
        `The parameters (${[row, column, numRows, numColumns].map((x) => typeof x).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
  }
  const [r, c, nr, nc] = [row, column, numRows, numColumns] as number[];
  if (r! < 1) throw new AppsScriptException(RANGE_ERRORS.rowTooSmall);
  if (c! < 1) throw new AppsScriptException(RANGE_ERRORS.columnTooSmall);
  if (nr! < 1) throw new AppsScriptException(RANGE_ERRORS.numRows);
  if (nc! < 1) throw new AppsScriptException(RANGE_ERRORS.numColumns);
  if (r! + nr! - 1 > model.maxRows || c! + nc! - 1 > model.maxColumns)
    throw new AppsScriptException(RANGE_ERRORS.outside);
  return new Range(ctx, model, { row: r!, column: c!, numRows: nr!, numColumns: nc! });
}

function rangeRef(range: unknown): ChartRange {
  if (!(range instanceof Range)) throw new AppsScriptException('Invalid argument: range');
  return { sheetId: range.model.sheetId, ...range.ref };
}

/** Sheet.newChart() and EmbeddedChart.modify(): nothing changes until insertChart/updateChart. */
class EmbeddedChartBuilder {
  constructor(
    private readonly ctx: Ctx,
    private readonly model: SheetModel,
    private readonly draft: ChartDraft,
  ) {}
  addRange(range: unknown): this {
    const ref = rangeRef(range);
    if (!this.draft.ranges.some((r) => sameRange(r, ref))) this.draft.ranges.push(ref);
    return this;
  }
  removeRange(range: unknown): this {
    const ref = rangeRef(range);
    this.draft.ranges = this.draft.ranges.filter((r) => !sameRange(r, ref));
    return this;
  }
  clearRanges(): this {
    this.draft.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return rangesOf(this.ctx, this.model, this.draft.ranges);
  }
  setChartType(type: ChartType): this {
    this.draft.type = type;
    return this;
  }
  getChartType(): ChartType {
    return this.draft.type;
  }
  private as(type: ChartType): this {
    this.draft.type = type;
    return this;
  }
  asColumnChart(): this {
    return this.as('COLUMN');
  }
  asBarChart(): this {
    return this.as('BAR');
  }
  asLineChart(): this {
    return this.as('LINE');
  }
  asPieChart(): this {
    return this.as('PIE');
  }
  /** Of the typed builders (EmbeddedColumnChartBuilder...): the 'title' option. */
  setTitle(title: string): this {
    return this.setOption('title', String(title));
  }
  setOption(option: string, value: unknown): this {
    this.draft.options[String(option)] = structuredClone(value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    if (
      ![anchorRowPos, anchorColPos, offsetX, offsetY].every(isInteger) ||
      anchorRowPos < 1 ||
      anchorColPos < 1
    )
      throw new AppsScriptException('Invalid argument: position');
    this.draft.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this.ctx, this.model, structuredClone(this.draft));
  }
}

function rangesOf(ctx: Ctx, model: SheetModel, refs: ChartRange[]): Range[] {
  return refs.flatMap((r) => {
    const sheet = model.parent.sheetById(r.sheetId);
    return sheet
      ? [
          new Range(ctx, sheet, {
            row: r.row,
            column: r.column,
            numRows: r.numRows,
            numColumns: r.numColumns,
          }),
        ]
      : [];
  });
}

export class EmbeddedChart {
  constructor(
    private readonly ctx: Ctx,
    private readonly model: SheetModel,
    readonly draft: ChartDraft,
  ) {}
  getChartId(): number | null {
    return this.draft.chartId;
  }
  getRanges(): Range[] {
    return rangesOf(this.ctx, this.model, this.draft.ranges);
  }
  getOptions() {
    const options = structuredClone(this.draft.options);
    return { get: (option: string) => options[option] ?? null };
  }
  getType(): ChartType {
    return this.draft.type;
  }
  getContainerInfo() {
    const p = this.draft.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, this.model, structuredClone(this.draft));
  }
}

export class Sheet {
  constructor(
    private readonly ctx: Ctx,
    readonly model: SheetModel,
  ) {}

  private alive(): SheetModel {
    if (!this.model.parent.sheets.includes(this.model))
      throw new AppsScriptException('This sheet has been deleted.');
    return this.model;
  }

  getName() {
    return gate(this.ctx, 'Sheet.getName', () => this.alive().name);
  }
  setName(name: string) {
    return gate(this.ctx, 'Sheet.setName', () => {
      const m = this.alive();
      const other = m.parent.sheetByName(name);
      if (other && other !== m)
        throw new AppsScriptException(
          `A sheet with the name "${name}" already exists. Please enter another name.`,
        );
      m.name = name;
      return this;
    });
  }
  getSheetId() {
    return this.alive().sheetId;
  }
  getIndex() {
    return this.alive().parent.sheets.indexOf(this.model) + 1;
  }
  getParent() {
    return new Spreadsheet(this.ctx, this.model.parent);
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    return gate(this.ctx, 'Sheet.getRange', () => {
      const m = this.alive();
      if (typeof a === 'string') {
        const ref = parseA1(a, m.maxRows, m.maxColumns);
        if (!ref || (ref.sheetName !== undefined && ref.sheetName !== m.name))
          throw new AppsScriptException('Range not found');
        return makeRange(this.ctx, m, ref.row, ref.column, ref.numRows, ref.numColumns);
      }
      return makeRange(this.ctx, m, a, column, numRows ?? 1, numColumns ?? 1);
    });
  }
  getDataRange(): Range {
    return gate(this.ctx, 'Sheet.getDataRange', () => {
      const m = this.alive();
      return makeRange(this.ctx, m, 1, 1, Math.max(1, m.lastRow()), Math.max(1, m.lastColumn()));
    });
  }
  getLastRow() {
    return gate(this.ctx, 'Sheet.getLastRow', () => this.alive().lastRow());
  }
  getLastColumn() {
    return gate(this.ctx, 'Sheet.getLastColumn', () => this.alive().lastColumn());
  }
  getMaxRows() {
    return gate(this.ctx, 'Sheet.getMaxRows', () => this.alive().maxRows);
  }
  getMaxColumns() {
    return gate(this.ctx, 'Sheet.getMaxColumns', () => this.alive().maxColumns);
  }
  appendRow(values: unknown[]) {
    return gate(this.ctx, 'Sheet.appendRow', () => {
      if (!Array.isArray(values))
        throw new AppsScriptException(
          "The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
        );
      this.alive().appendRow(values);
      return this;
    });
  }
  insertRowsAfter(afterPosition: number, howMany: number) {
    return gate(this.ctx, 'Sheet.insertRowsAfter', () => {
      const m = this.alive();
      if (!isInteger(afterPosition) || afterPosition < 1 || afterPosition > m.maxRows)
        throw new AppsScriptException(RANGE_ERRORS.outside);
      if (!isInteger(howMany) || howMany < 1) throw new AppsScriptException(RANGE_ERRORS.numRows);
      m.insertRows(afterPosition, howMany);
      return this;
    });
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    return gate(this.ctx, 'Sheet.insertColumnsAfter', () => {
      const m = this.alive();
      if (!isInteger(afterPosition) || afterPosition < 1 || afterPosition > m.maxColumns)
        throw new AppsScriptException(RANGE_ERRORS.outside);
      if (!isInteger(howMany) || howMany < 1)
        throw new AppsScriptException(RANGE_ERRORS.numColumns);
      m.insertColumns(afterPosition, howMany);
      return this;
    });
  }
  deleteRows(rowPosition: number, howMany: number) {
    return gate(this.ctx, 'Sheet.deleteRows', () => {
      const m = this.alive();
      if (
        !isInteger(rowPosition) ||
        !isInteger(howMany) ||
        rowPosition < 1 ||
        howMany < 1 ||
        rowPosition + howMany - 1 > m.maxRows
      ) {
        throw new AppsScriptException(RANGE_ERRORS.outside);
      }
      if (howMany >= m.maxRows - m.frozenRows && rowPosition <= m.frozenRows + 1) {
        throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen rows.');
      }
      m.deleteRows(rowPosition, howMany);
    });
  }
  deleteRow(rowPosition: number) {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  clear() {
    return gate(this.ctx, 'Sheet.clear', () => ((this.alive().rows = []), this));
  }
  clearContents() {
    return gate(this.ctx, 'Sheet.clearContents', () => {
      for (const row of this.alive().rows)
        row?.forEach((cell) => {
          if (cell) {
            cell.v = '';
            delete cell.f;
          }
        });
      return this;
    });
  }
  setFrozenRows(rows: number) {
    return gate(this.ctx, 'Sheet.setFrozenRows', () => {
      const m = this.alive();
      if (!isInteger(rows) || rows < 0 || rows >= m.maxRows)
        throw new AppsScriptException('Invalid argument: rows');
      m.frozenRows = rows;
      return this;
    });
  }
  getFrozenRows() {
    return gate(this.ctx, 'Sheet.getFrozenRows', () => this.alive().frozenRows);
  }
  setFrozenColumns(columns: number) {
    return gate(this.ctx, 'Sheet.setFrozenColumns', () => {
      const m = this.alive();
      if (!isInteger(columns) || columns < 0 || columns >= m.maxColumns)
        throw new AppsScriptException('Invalid argument: columns');
      m.frozenColumns = columns;
      return this;
    });
  }
  getFrozenColumns() {
    return gate(this.ctx, 'Sheet.getFrozenColumns', () => this.alive().frozenColumns);
  }
  setColumnWidth(column: number, width: number) {
    return gate(
      this.ctx,
      'Sheet.setColumnWidth',
      () => (this.alive().columnWidths.set(column, width), this),
    );
  }
  autoResizeColumns(start: number, count: number) {
    return gate(this.ctx, 'Sheet.autoResizeColumns', () => {
      for (let c = start; c < start + count; c++) this.alive().columnWidths.delete(c);
      return this;
    });
  }
  setTabColor(color: string | null) {
    return gate(this.ctx, 'Sheet.setTabColor', () => ((this.alive().tabColor = color), this));
  }
  hideSheet() {
    return gate(this.ctx, 'Sheet.hideSheet', () => {
      const m = this.alive();
      if (m.parent.sheets.filter((s) => !s.hidden).length <= 1)
        throw new AppsScriptException("You can't hide all the sheets in a document.");
      m.hidden = true;
      return this;
    });
  }
  showSheet() {
    return gate(this.ctx, 'Sheet.showSheet', () => ((this.alive().hidden = false), this));
  }
  isSheetHidden() {
    return gate(this.ctx, 'Sheet.isSheetHidden', () => this.alive().hidden);
  }
  protect(): Protection {
    return gate(this.ctx, 'Sheet.protect', () => {
      const m = this.alive();
      const existing = m.protections.find((p) => p.range === null);
      // A sheet has at most one sheet-level protection; protect() returns it when present.
      const state = existing ?? {
        description: '',
        warningOnly: false,
        editors: [this.ctx.ws.current?.user ?? this.ctx.ws.defaultUser],
        range: null,
      };
      if (!existing) m.protections.push(state);
      return new Protection(this.ctx, m, state);
    });
  }
  getProtections(type: 'SHEET' | 'RANGE') {
    return gate(this.ctx, 'Sheet.getProtections', () => {
      const m = this.alive();
      return m.protections
        .filter((p) => (type === 'SHEET') === (p.range === null))
        .map((p) => new Protection(this.ctx, m, p));
    });
  }
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, this.alive(), emptyDraft());
  }
  insertChart(chart: EmbeddedChart): void {
    gate(this.ctx, 'Sheet.insertChart', () => {
      const m = this.alive();
      if (!(chart instanceof EmbeddedChart))
        throw new AppsScriptException('Invalid argument: chart');
      m.charts.push({ ...structuredClone(chart.draft), chartId: m.parent.nextChartId++ });
    });
  }
  getCharts(): EmbeddedChart[] {
    return gate(this.ctx, 'Sheet.getCharts', () => {
      const m = this.alive();
      return m.charts.map((c) => new EmbeddedChart(this.ctx, m, structuredClone(c)));
    });
  }
  updateChart(chart: EmbeddedChart): void {
    gate(this.ctx, 'Sheet.updateChart', () => {
      const m = this.alive();
      const i =
        chart instanceof EmbeddedChart
          ? m.charts.findIndex((c) => c.chartId === chart.draft.chartId)
          : -1;
      if (i < 0)
        throw new AppsScriptException(
          'The chart is not on this sheet; insert it with insertChart.',
        );
      m.charts[i] = { ...structuredClone(chart.draft), chartId: m.charts[i]!.chartId };
    });
  }
  removeChart(chart: EmbeddedChart): void {
    gate(this.ctx, 'Sheet.removeChart', () => {
      const m = this.alive();
      const before = m.charts.length;
      m.charts = m.charts.filter(
        (c) => !(chart instanceof EmbeddedChart) || c.chartId !== chart.draft.chartId,
      );
      if (m.charts.length === before)
        throw new AppsScriptException('The chart is not on this sheet.');
    });
  }
  activate() {
    return gate(this.ctx, 'Sheet.activate', () => {
      const m = this.alive();
      m.parent.activeSheetId = m.sheetId;
      return this;
    });
  }
}

export class Spreadsheet {
  constructor(
    private readonly ctx: Ctx,
    readonly model: SpreadsheetModel,
  ) {}

  private sheet(m: SheetModel) {
    return new Sheet(this.ctx, m);
  }

  getId() {
    return this.model.id;
  }
  getName() {
    return gate(this.ctx, 'Spreadsheet.getName', () => this.model.name);
  }
  rename(name: string) {
    gate(this.ctx, 'Spreadsheet.rename', () => {
      this.model.name = name;
    });
  }
  getUrl() {
    return gate(this.ctx, 'Spreadsheet.getUrl', () => this.model.url);
  }
  /** Hidden sheets count too (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getNumSheets()). */
  getNumSheets(): number {
    return gate(this.ctx, 'Spreadsheet.getNumSheets', () => this.model.sheets.length);
  }
  getSheets() {
    return gate(this.ctx, 'Spreadsheet.getSheets', () =>
      this.model.sheets.map((s) => this.sheet(s)),
    );
  }
  getSheetByName(name: string) {
    return gate(this.ctx, 'Spreadsheet.getSheetByName', () => {
      const m = this.model.sheetByName(String(name));
      return m ? this.sheet(m) : null;
    });
  }
  getSheetById(id: number) {
    return gate(this.ctx, 'Spreadsheet.getSheetById', () => {
      const m = this.model.sheetById(id);
      return m ? this.sheet(m) : null;
    });
  }
  insertSheet(nameOrIndex?: string | number, index?: number) {
    return gate(this.ctx, 'Spreadsheet.insertSheet', () => {
      const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.model.nextDefaultName();
      const at =
        typeof nameOrIndex === 'number' ? nameOrIndex : (index ?? this.model.sheets.length);
      if (this.model.sheetByName(name)) {
        throw new AppsScriptException(
          `A sheet with the name "${name}" already exists. Please enter another name.`,
        );
      }
      if (!isInteger(at) || at < 0 || at > this.model.sheets.length)
        throw new AppsScriptException('Invalid argument: sheetIndex');
      const m = this.model.insertSheet(name, at);
      this.model.activeSheetId = m.sheetId;
      return this.sheet(m);
    });
  }
  deleteSheet(sheet: Sheet) {
    gate(this.ctx, 'Spreadsheet.deleteSheet', () => {
      const i = this.model.sheets.indexOf(sheet.model);
      if (i < 0) throw new AppsScriptException('Invalid argument: sheet');
      if (this.model.sheets.length === 1) {
        throw new AppsScriptException("You can't remove all the sheets in a document.");
      }
      this.model.sheets.splice(i, 1);
    });
  }
  getActiveSheet() {
    return gate(this.ctx, 'Spreadsheet.getActiveSheet', () => this.sheet(this.model.activeSheet()));
  }
  setActiveSheet(sheet: Sheet) {
    return gate(this.ctx, 'Spreadsheet.setActiveSheet', () => {
      this.model.activeSheetId = sheet.model.sheetId;
      return sheet;
    });
  }
  getActiveRange() {
    return gate(this.ctx, 'Spreadsheet.getActiveRange', () => {
      const sel = this.model.activeRange;
      const m = sel ? this.model.sheetById(sel.sheetId) : undefined;
      if (!sel || !m) return null;
      const ref = parseA1(sel.a1, m.maxRows, m.maxColumns)!;
      return new Range(this.ctx, m, ref);
    });
  }
  getRange(a1: string) {
    return gate(this.ctx, 'Spreadsheet.getRange', () => {
      const probe = parseA1(a1, 1, 1);
      const m =
        probe?.sheetName !== undefined
          ? this.model.sheetByName(probe.sheetName)
          : this.model.activeSheet();
      if (!m) throw new AppsScriptException('Range not found');
      const ref = parseA1(a1, m.maxRows, m.maxColumns)!;
      return makeRange(this.ctx, m, ref.row, ref.column, ref.numRows, ref.numColumns);
    });
  }
  getSpreadsheetTimeZone() {
    return gate(this.ctx, 'Spreadsheet.getSpreadsheetTimeZone', () => this.model.timeZone);
  }
  setSpreadsheetTimeZone(tz: string) {
    gate(this.ctx, 'Spreadsheet.setSpreadsheetTimeZone', () => {
      if (!isValidTimeZone(tz)) throw new AppsScriptException(`Invalid argument: timeZone`);
      this.model.timeZone = tz;
    });
  }
  getSpreadsheetLocale() {
    return gate(this.ctx, 'Spreadsheet.getSpreadsheetLocale', () => this.model.locale);
  }
  toast(message: string, title = '', _timeoutSeconds?: number) {
    gate(this.ctx, 'Spreadsheet.toast', () => {
      this.model.toasts.push({ message: String(message), title: String(title) });
    });
  }
}

class Menu {
  constructor(
    private readonly ctx: Ctx,
    private readonly state: {
      title: string;
      items: {
        caption: string;
        functionName?: string;
        separator?: boolean;
        submenu?: { title: string; items: unknown[] };
      }[];
    },
  ) {}
  addItem(caption: string, functionName: string) {
    return gate(
      this.ctx,
      'Menu.addItem',
      () => {
        if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(functionName)) {
          throw new AppsScriptException(`Invalid argument: functionName`);
        }
        this.state.items.push({ caption: String(caption), functionName });
        return this;
      },
      MENU,
    );
  }
  addSeparator() {
    return gate(
      this.ctx,
      'Menu.addSeparator',
      () => (this.state.items.push({ caption: '', separator: true }), this),
      MENU,
    );
  }
  addSubMenu(menu: Menu) {
    return gate(
      this.ctx,
      'Menu.addSubMenu',
      () => (
        this.state.items.push({ caption: menu.state.title, submenu: menu.state as never }),
        this
      ),
      MENU,
    );
  }
  addToUi() {
    gate(
      this.ctx,
      'Menu.addToUi',
      () => {
        this.ctx.store.ui.menus.set(this.state.title, structuredClone(this.state) as never);
      },
      MENU,
    );
  }
}

interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
  getWidth?(): number;
  getHeight?(): number;
}

const BUTTONS = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
const BUTTON_SETS = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

function createUi(ctx: Ctx) {
  const ui = ctx.store.ui;
  const show = (
    method: string,
    kind: 'sidebar' | 'modal' | 'modeless',
    html: HtmlOutputLike,
    title?: string,
  ) =>
    gate(
      ctx,
      `Ui.${method}`,
      () => {
        if (!html || typeof html.getContent !== 'function')
          throw new AppsScriptException(`Invalid argument: userInterface`);
        ui.dialogs.push({
          kind,
          title: title ?? html.getTitle(),
          html: html.getContent(),
          width: html.getWidth?.(),
          height: html.getHeight?.(),
        });
      },
      DIALOG,
    );
  const nextAnswer = (fallback: string) => ui.scriptedAnswers.shift() ?? { button: fallback };
  return {
    Button: BUTTONS,
    ButtonSet: BUTTON_SETS,
    createAddonMenu: () =>
      gate(ctx, 'Ui.createAddonMenu', () => new Menu(ctx, { title: 'Add-on', items: [] }), MENU),
    createMenu: (title: string) =>
      gate(ctx, 'Ui.createMenu', () => new Menu(ctx, { title, items: [] }), MENU),
    showSidebar: (html: HtmlOutputLike) => show('showSidebar', 'sidebar', html),
    showModalDialog: (html: HtmlOutputLike, title: string) =>
      show('showModalDialog', 'modal', html, title),
    showModelessDialog: (html: HtmlOutputLike, title: string) =>
      show('showModelessDialog', 'modeless', html, title),
    /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); answers come from scriptedAnswers. */
    alert: (...args: string[]) =>
      gate(
        ctx,
        'Ui.alert',
        () => {
          const [title, prompt, buttons] =
            args.length >= 3 ? args : ['', args[0] ?? '', args[1] ?? 'OK'];
          const answer = nextAnswer(buttons === 'OK' ? 'OK' : 'CANCEL').button;
          ui.alerts.push({ title: title!, prompt: prompt!, buttons: buttons!, answer });
          return answer;
        },
        DIALOG,
      ),
    prompt: (...args: string[]) =>
      gate(
        ctx,
        'Ui.prompt',
        () => {
          const [title, prompt, buttons] =
            args.length >= 3 ? args : ['', args[0] ?? '', args[1] ?? 'OK'];
          const { button, input = '' } = nextAnswer('CANCEL');
          ui.alerts.push({
            title: title!,
            prompt: prompt!,
            buttons: buttons!,
            answer: button,
            input,
          });
          return { getSelectedButton: () => button, getResponseText: () => input };
        },
        DIALOG,
      ),
  };
}

/**
 * A Range object over one row of a sheet, as the `range` of a spreadsheet form-submit event
 * carries (FormStore.rangeFactory). Null when the sheet is gone.
 */
export function rowRange(
  ws: Workspace,
  store: SpreadsheetStore,
  spreadsheetId: string,
  sheetName: string,
  row: number,
  numColumns: number,
): Range | null {
  const model = store.get(spreadsheetId)?.sheetByName(sheetName);
  return model ? new Range({ ws, store }, model, { row, column: 1, numRows: 1, numColumns }) : null;
}

export function createSpreadsheetApp(ws: Workspace, store: SpreadsheetStore) {
  const ctx: Ctx = { ws, store };
  const active = () => (store.active ? new Spreadsheet(ctx, store.active) : null);
  return {
    getActiveSpreadsheet: () => gate(ctx, 'getActiveSpreadsheet', active),
    getActive: () => gate(ctx, 'getActive', active),
    getActiveSheet: () =>
      gate(ctx, 'getActiveSheet', () =>
        store.active ? new Sheet(ctx, store.active.activeSheet()) : null,
      ),
    openById: (id: string) =>
      gate(
        ctx,
        'openById',
        () => {
          const model = store.get(String(id));
          if (!model)
            throw new AppsScriptException(
              `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
            );
          return new Spreadsheet(ctx, model);
        },
        ANY_DOC,
      ),
    create: (name: string) =>
      gate(ctx, 'create', () => new Spreadsheet(ctx, store.create(String(name))), ANY_DOC),
    flush: () => gate(ctx, 'flush', () => undefined),
    getUi: () => gate(ctx, 'getUi', () => createUi(ctx), MENU),
    newDataValidation: () => new DataValidationBuilder(),
    DataValidationCriteria: {
      VALUE_IN_LIST: 'VALUE_IN_LIST',
      CHECKBOX: 'CHECKBOX',
      NUMBER_BETWEEN: 'NUMBER_BETWEEN',
      NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
      TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
    },
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
  };
}
