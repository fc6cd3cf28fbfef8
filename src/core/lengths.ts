/**
 * Cells too long to be what their column says: a 20,000-character "name" is a paste gone wrong,
 * and it would head invitations and greetings as it is. The reader warns, naming the cell; it
 * never shortens the cell (nothing people typed is lost), only what the warning quotes of it.
 */
import type { CellRef, Problem } from '../shared/api';
import { MAX_ANSWER } from './answers';
import { describeCell } from './errors';
import { ROSTER, TEACHERS, type ColumnSpec, type SheetSpec } from './schema';

/**
 * The sheets people fill in by hand. The Schedule is written by the add-on from the Roster (a long
 * name is reported once, there); Availability and Feedback hold form answers, already capped.
 */
const HAND_FILLED: ReadonlySet<string> = new Set([ROSTER.name, TEACHERS.name]);

/** Columns of free text, where a long cell is expected. */
const FREE_TEXT: ReadonlySet<string> = new Set(['Notes']);

/**
 * The longest cell that makes sense in a column. Names, IDs, rooms, grades: 500 characters,
 * several times the longest real name, a list of guardians included. An email cell: 1,000, room
 * for a few addresses of up to 254 characters each (the limit of an address in RFC 5321). A link:
 * 2,048, what browsers and prefilled form links carry reliably. Notes: as long as the add-on keeps
 * a family's answer (MAX_ANSWER).
 */
export function longestSensible(column: Pick<ColumnSpec, 'header' | 'kind'>): number {
  if (FREE_TEXT.has(column.header)) return MAX_ANSWER;
  if (column.kind === 'url') return 2048;
  if (column.kind === 'email') return 1000;
  return 500;
}

/** How much of a cell a message quotes. */
const QUOTED = 40;

/** A warning for a cell longer than its column's limit, or null. Only for hand-filled sheets. */
export function lengthProblem(
  spec: SheetSpec,
  column: Pick<ColumnSpec, 'header' | 'kind'>,
  label: string,
  where: CellRef,
  value: unknown,
): Problem | null {
  if (!HAND_FILLED.has(spec.name) || typeof value !== 'string') return null;
  const limit = longestSensible(column);
  if (value.length <= limit) return null;
  const start = value.slice(0, QUOTED).replace(/\s+/g, ' ').trim();
  return {
    severity: 'warning',
    where,
    message: `${describeCell(where, label)}: ${value.length.toLocaleString('en-US')} characters, more than any ${column.kind === 'email' ? 'list of addresses' : column.kind === 'url' ? 'link' : FREE_TEXT.has(column.header) ? 'note' : 'name or code'} should need (${limit.toLocaleString('en-US')}). Perhaps something was pasted into it by mistake. It starts "${start}…" (only the start is shown here; the cell is kept whole and used as it is until you shorten it).`,
  };
}
