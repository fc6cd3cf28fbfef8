/**
 * A sheet read as a table: columns found by header name (with aliases, in any order), blank
 * rows skipped, every cell addressable for messages, cells too long for their column warned
 * about (core/lengths.ts). Pure: takes the values one getValues read.
 */
import type { CellRef, Problem } from '../shared/api';
import { describeCell } from './errors';
import { lengthProblem } from './lengths';
import { checkHeaders, type SheetSpec } from './schema';

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  get(header: string): unknown;
  /** Where a column's cell of this row is (the header's column, or the first when absent). */
  where(header: string): CellRef;
}

export interface Table {
  sheet: string;
  /** 1-based position of each spec column found. */
  columns: Map<string, number>;
  /** The header text as the user wrote it, by spec header. */
  headerText: Map<string, string>;
  rows: TableRow[];
  problems: Problem[];
}

function isBlank(row: unknown[]): boolean {
  return row.every(
    (v) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
  );
}

export function readTable(
  spec: SheetSpec,
  values: unknown[][],
  aliases: Record<string, string[]> = {},
  extra: Record<string, string[]> = {},
): Table {
  const problems: Problem[] = [];
  const header = values[0] ?? [];
  const allAliases = { ...aliases };
  const check = checkHeaders(spec, header, allAliases);
  const columns = new Map(check.found);
  // Extra lookups (e.g. a full-name column) that are not spec columns.
  for (const [name, names] of Object.entries(extra)) {
    const hit = checkHeaders(
      { ...spec, columns: [{ header: name, kind: 'text', help: '' }] },
      header,
      { [name]: names },
    );
    const pos = hit.found.get(name);
    if (pos) columns.set(name, pos);
  }
  const headerText = new Map<string, string>();
  for (const [h, pos] of columns) headerText.set(h, String(header[pos - 1] ?? h));
  for (const d of check.duplicates) {
    problems.push({
      severity: 'warning',
      message: `${describeCell({ sheet: spec.name, row: 1, column: d.columns[1]! })}: a second "${d.header}" column; only column ${d.columns[0]} is read.`,
      where: { sheet: spec.name, row: 1, column: d.columns[1]! },
    });
  }
  const rows: TableRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (isBlank(cells)) continue;
    const row = r + 1;
    // One warning per cell: a combined column (Student Name read as first and last names)
    // stands for several headers at one position.
    const warned = new Set<number>();
    for (const [h, pos] of columns) {
      if (warned.has(pos)) continue;
      const column = spec.columns.find((c) => c.header === h) ?? { header: h, kind: 'text' };
      const where = { sheet: spec.name, row, column: pos };
      const long = lengthProblem(spec, column, headerText.get(h) ?? h, where, cells[pos - 1]);
      if (long) {
        problems.push(long);
        warned.add(pos);
      }
    }
    rows.push({
      row,
      get: (h) => {
        const pos = columns.get(h);
        return pos === undefined ? '' : (cells[pos - 1] ?? '');
      },
      where: (h) => ({ sheet: spec.name, row, column: columns.get(h) ?? 1 }),
    });
  }
  return { sheet: spec.name, columns, headerText, rows, problems };
}

/** A problem about one cell, its message starting with where it is. */
export function cellProblem(
  table: Table,
  row: TableRow,
  header: string,
  text: string,
  severity: 'error' | 'warning' = 'error',
): Problem {
  const where = row.where(header);
  const label = table.headerText.get(header) ?? header;
  return { severity, where, message: `${describeCell(where, label)}: ${text}` };
}
