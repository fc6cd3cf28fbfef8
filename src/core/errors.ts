import type { CellRef } from '../shared/api';

/**
 * An error the user can act on: a sentence that says what is wrong and what to do, and where
 * in the spreadsheet when it is about a cell. The server turns it into an ApiError; anything
 * else that escapes is a bug and is reported as one.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly where?: CellRef,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Column number (1 = A) to its letters, for messages ("column C"). */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "Roster, row 12, column C (Email)": how every message names a place. */
export function describeCell(where: CellRef, header?: string): string {
  const col = `column ${columnLetters(where.column)}${header ? ` (${header})` : ''}`;
  return `${where.sheet}, row ${where.row}, ${col}`;
}
