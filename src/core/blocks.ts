import type { Problem } from '../shared/api';
import { describeCell } from './errors';

/**
 * The cells a writer computed, as the fewest rectangles that hold only those cells: a write
 * covers nothing it did not compute, so a cell a person edits while the add-on runs (a Locked
 * box, a Status set by hand) is never written back with what it held when the run read it.
 */

/** A rectangle of cells: its top-left cell (1-based) and its rows of values. */
export interface CellBlock {
  row: number;
  column: number;
  values: unknown[][];
}

/**
 * `cells` by row, then by column (1-based). Each row's cells split into runs of adjacent columns;
 * a run joins the block above when the row above had the same run.
 */
export function cellBlocks(cells: ReadonlyMap<number, ReadonlyMap<number, unknown>>): CellBlock[] {
  const blocks: CellBlock[] = [];
  /** The block each run of columns ("first-last") reached on the row before. */
  let open = new Map<string, CellBlock>();
  let previousRow = Number.NaN;
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const columns = [...cells.get(row)!.keys()].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const c of columns) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === c - 1) run.push(c);
      else runs.push([c]);
    }
    const next = new Map<string, CellBlock>();
    for (const run of runs) {
      const key = `${run[0]}-${run[run.length - 1]}`;
      const values = run.map((c) => cells.get(row)!.get(c));
      let block = row === previousRow + 1 ? open.get(key) : undefined;
      if (block) block.values.push(values);
      else blocks.push((block = { row, column: run[0]!, values: [values] }));
      next.set(key, block);
    }
    open = next;
    previousRow = row;
  }
  return blocks;
}

/** Where the rows a writer read are as it writes: see `rowsNow`. */
export interface RowsNow {
  /** Each row the writer meant → the row that holds its key now. */
  at: Map<number, number>;
  /** Rows whose key is on no row now (deleted) or on several (copied): not to be written. */
  lost: number[];
}

/**
 * Finds again the rows a writer meant, by the key each held when it read the sheet (a Conference
 * ID), in the key column as it is just before the write (`keysNow`, the value of row `first`
 * first). A person may sort, delete or insert rows while a chunk runs: the row number read at the
 * start may then hold another conference, and a write there would put one conference's cells on
 * another's row. When every row still holds the key it held, each keeps its number, a blank or
 * repeated key too (nothing moved).
 */
export function rowsNow(
  meant: ReadonlyMap<number, string>,
  keysNow: readonly unknown[],
  first: number,
): RowsNow {
  const keyAt = (row: number) => String(keysNow[row - first] ?? '').trim();
  if ([...meant].every(([row, key]) => keyAt(row) === key.trim()))
    return { at: new Map([...meant.keys()].map((row) => [row, row])), lost: [] };
  const rowOf = new Map<string, number | null>();
  keysNow.forEach((k, i) => {
    const key = String(k ?? '').trim();
    if (key) rowOf.set(key, rowOf.has(key) ? null : first + i);
  });
  const at = new Map<number, number>();
  const lost: number[] = [];
  for (const [row, key] of meant) {
    const now = rowOf.get(key.trim());
    if (now) at.set(row, now);
    else lost.push(row);
  }
  return { at, lost };
}

/**
 * Rows a message must not go out for because no write could find them again: their Conference ID
 * is blank (a row typed by hand) or on several rows (a copied row). A sort while the run sends
 * would leave their mark unwritten, and the next run would send again. Each is a problem naming
 * its cell; `what` says what the row does not get ("reminded").
 */
export function unkeyedRows(
  rows: readonly { row: number; conferenceId: string }[],
  sheet: string,
  column: number,
  what: string,
): { rows: Set<number>; problems: Problem[] } {
  const count = new Map<string, number>();
  for (const r of rows)
    count.set(r.conferenceId.trim(), (count.get(r.conferenceId.trim()) ?? 0) + 1);
  const bad = new Set<number>();
  const problems: Problem[] = [];
  for (const r of rows) {
    const id = r.conferenceId.trim();
    if (id && count.get(id) === 1) continue;
    bad.add(r.row);
    const at = { sheet, row: r.row, column: Math.max(column, 1) };
    problems.push({
      severity: 'error',
      where: at,
      message: `${describeCell(at, 'Conference ID')}: ${
        id
          ? `${id} is on ${count.get(id)} rows; none is ${what}`
          : `blank, so this row is not ${what}`
      }. Give it a new ID by rebuilding the schedule, or delete it.`,
    });
  }
  return { rows: bad, problems };
}
