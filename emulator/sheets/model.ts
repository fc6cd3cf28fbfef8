/**
 * The state behind SpreadsheetApp: spreadsheets, their sheets and cells, and the editor Ui.
 * Plain data with no counting: the facade in app.ts is what scripts call. Tests, the preview
 * and the other emulated services (a form writing its responses) use this model directly.
 */
import type { Workspace } from '../runtime';
import type { ChartState } from './charts';
import {
  a1Notation,
  type Cell,
  type CellValue,
  displayValue,
  enterValue,
  readValue,
} from './values';

export interface ValidationRule {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface ProtectionState {
  description: string;
  warningOnly: boolean;
  editors: string[];
  /** Null when the whole sheet is protected. */
  range: { row: number; column: number; numRows: number; numColumns: number } | null;
}

export interface StoredCell extends Cell {
  note?: string;
  validation?: ValidationRule;
  style?: Record<string, string>;
}

export class SheetModel {
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly protections: ProtectionState[] = [];
  /** Embedded charts, in insertion order (Sheet.getCharts). */
  charts: ChartState[] = [];
  readonly columnWidths = new Map<number, number>();
  /** rows[r-1][c-1]; ragged and sparse. */
  rows: (StoredCell | undefined)[][] = [];

  constructor(
    readonly parent: SpreadsheetModel,
    readonly sheetId: number,
    public name: string,
  ) {}

  cell(row: number, column: number): StoredCell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  private hasContent(cell: StoredCell | undefined): boolean {
    return cell !== undefined && (cell.v !== '' || cell.f !== undefined);
  }

  /** Writes a cell, keeping its note, validation and style. */
  put(row: number, column: number, cell: Cell): void {
    const r = (this.rows[row - 1] ??= []);
    const old = r[column - 1];
    r[column - 1] = { ...old, v: cell.v, f: cell.f, nf: cell.nf };
    if (cell.f === undefined) delete r[column - 1]!.f;
  }

  patch(row: number, column: number, change: Partial<StoredCell>): void {
    const r = (this.rows[row - 1] ??= []);
    r[column - 1] = { v: '', ...r[column - 1], ...change };
  }

  /** The position of the last row with content, 0 for an empty sheet (Sheet.getLastRow). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--)
      if (this.rows[r - 1]?.some((c) => this.hasContent(c))) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--)
        if (this.hasContent(row[c - 1])) {
          last = c;
          break;
        }
    }
    return last;
  }

  insertRows(afterRow: number, count: number): void {
    this.rows.splice(afterRow, 0, ...Array.from({ length: count }, () => [] as StoredCell[]));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(afterColumn: number, count: number): void {
    for (const row of this.rows)
      row?.splice(afterColumn, 0, ...new Array<StoredCell | undefined>(count));
    this.maxColumns += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) row?.splice(start - 1, count);
    this.maxColumns -= count;
  }

  /** Stored values of the used area (as getDataRange().getValues()). */
  values(): (CellValue | '')[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => readValue(this.cell(r + 1, c + 1))),
    );
  }

  /** What a person sees in the used area. */
  displayValues(): string[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        displayValue(this.cell(r + 1, c + 1), this.parent.timeZone),
      ),
    );
  }

  /** Appends a row after the last row with content, growing the sheet (Sheet.appendRow). */
  appendRow(values: unknown[]): number {
    return this.typeRow(this.lastRow() + 1, values);
  }

  /**
   * Types the values into one row as a person would, growing the sheet: a blank row stays a
   * blank row, as in a file pasted or imported into Sheets.
   */
  typeRow(row: number, values: unknown[]): number {
    if (row > this.maxRows) this.maxRows = row;
    if (values.length > this.maxColumns) this.maxColumns = values.length;
    values.forEach((value, i) =>
      this.put(
        row,
        i + 1,
        enterValue(
          value,
          this.cell(row, i + 1)?.nf,
          this.parent.timeZone,
          this.parent.plainTextKeepsApostrophe,
        ),
      ),
    );
    return row;
  }
}

export interface Toast {
  message: string;
  title: string;
}

export class SpreadsheetModel {
  readonly sheets: SheetModel[] = [];
  timeZone = 'America/New_York';
  locale = 'en_US';
  activeSheetId = 0;
  activeRange: { sheetId: number; a1: string } | null = null;
  readonly toasts: Toast[] = [];
  private nextSheetId = 0;
  /** Chart ids are unique across the spreadsheet. */
  nextChartId = 1;
  /**
   * Sheets treats tab names as the same whatever their case: a second tab "schedule" next to
   * "Schedule" is refused, in the UI and through the API, and a lookup finds the tab whatever
   * the case asked for (reported: socialpoint-labs/sheetfu#26, appsmithorg/appsmith#5293; see
   * docs/EMULATOR.md rows 7-8). Off: names compare exactly, as this emulator did before.
   */
  sheetNamesIgnoreCase = true;
  /**
   * A text written into a plain-text ('@') cell is kept exactly, a leading apostrophe included;
   * off, the apostrophe is taken as the quote prefix and dropped, as in a cell of any other
   * format. Google does not say which (docs/EMULATOR.md row 6).
   */
  plainTextKeepsApostrophe = true;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** The tab of that name: exactly, else (see sheetNamesIgnoreCase) ignoring case. */
  sheetByName(name: string): SheetModel | undefined {
    const exact = this.sheets.find((s) => s.name === name);
    if (exact || !this.sheetNamesIgnoreCase) return exact;
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === id);
  }

  insertSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this, this.nextSheetId, name);
    // Sheets gives the first sheet gid 0 and later ones large unrelated numbers; a stride
    // modulo a prime keeps them unique and stops code from assuming they are small or ordered.
    this.nextSheetId = (this.nextSheetId + 123456789) % 2147483647;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** A name Sheets would give a new sheet: "Sheet1", "Sheet2", ... */
  nextDefaultName(prefix = 'Sheet'): string {
    for (let n = 1; ; n++) if (!this.sheetByName(`${prefix}${n}`)) return `${prefix}${n}`;
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0]!;
  }

  select(
    sheet: SheetModel,
    ref: { row: number; column: number; numRows: number; numColumns: number },
  ): void {
    this.activeSheetId = sheet.sheetId;
    this.activeRange = { sheetId: sheet.sheetId, a1: a1Notation(ref) };
  }
}

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuState;
}

export interface MenuState {
  title: string;
  items: MenuItem[];
}

export interface DialogState {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
  input?: string;
}

/** The editor's Ui: the add-on menu, what is shown, and the answers a test scripts for alerts. */
export class UiState {
  /** Menus added with addToUi, by title; built again on each open. */
  readonly menus = new Map<string, MenuState>();
  readonly dialogs: DialogState[] = [];
  readonly alerts: AlertRecord[] = [];
  /** Answers the next alerts/prompts get, in order; when empty: OK (alert) or CANCEL (prompt). */
  readonly scriptedAnswers: { button: string; input?: string }[] = [];
  /**
   * Whether the sandboxed frame a dialog is shown in lets its page open the print window
   * (`allow-modals`): Google does not write it down (docs/EMULATOR.md row 54). Without it the
   * browser ignores `window.print()`. The browser tests show a dialog through `framed`.
   */
  dialogsAllowModals = true;

  /** A page showing the dialog's HTML in a sandboxed frame, as the editor shows it. */
  framed(dialog: DialogState): string {
    const sandbox = `allow-scripts allow-forms allow-popups allow-same-origin${this.dialogsAllowModals ? ' allow-modals' : ''}`;
    const srcdoc = dialog.html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const size = `width:${dialog.width ?? 600}px;height:${dialog.height ?? 400}px`;
    return `<!DOCTYPE html><html><body><iframe title="dialog" sandbox="${sandbox}" style="${size}" srcdoc="${srcdoc}"></iframe></body></html>`;
  }

  get sidebar(): DialogState | undefined {
    return [...this.dialogs].reverse().find((d) => d.kind === 'sidebar');
  }
}

export class SpreadsheetStore {
  private readonly byId = new Map<string, SpreadsheetModel>();
  /** The document the script is bound to / the add-on is running in. */
  active: SpreadsheetModel | null = null;
  /** Given to each spreadsheet made from now on (SpreadsheetModel.sheetNamesIgnoreCase). */
  sheetNamesIgnoreCase = true;
  readonly ui = new UiState();

  constructor(private readonly ws: Workspace) {}

  create(name: string, options: { timeZone?: string; active?: boolean } = {}): SpreadsheetModel {
    const model = new SpreadsheetModel(this.ws.randomId(44), name);
    if (options.timeZone) model.timeZone = options.timeZone;
    model.sheetNamesIgnoreCase = this.sheetNamesIgnoreCase;
    model.insertSheet('Sheet1');
    this.byId.set(model.id, model);
    if (options.active) this.active = model;
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.byId.get(id);
  }

  all(): SpreadsheetModel[] {
    return [...this.byId.values()];
  }
}
