/**
 * Recording a form's answers on a sheet: each recorded row names the response it came from (the
 * response sheet's cell and the time it was answered), the latest answer wins, and an edit
 * replaces its own row instead of adding one. Pure: rows in, rows out.
 */

/** The Response cell of a recorded row: the response's place ("Sheet!row") and its time. */
export function responseKey(ref: string, at: Date): string {
  return `${ref} @ ${at.toISOString()}`;
}

/** The response's place ("Sheet!row") a Response cell names; an edit of it keeps that place. */
export function responseRef(key: string): string {
  const at = key.lastIndexOf(' @ ');
  return at < 0 ? key : key.slice(0, at);
}

/**
 * Whether an answer given at `at` (ms) stands against the latest one recorded for the same
 * family or student (`latest`, ms; undefined: none yet): an older answer, recorded late because
 * its trigger missed a turn, never replaces a newer one; of two given at once, the one recorded
 * last stands.
 */
export function answerStands(latest: number | undefined, at: number): boolean {
  return latest === undefined || at >= latest;
}

/**
 * `rows` with `row` in place of the first row `own` picks (an edited or later answer), or added
 * at the end; every other row is the same object as before, so a writer can tell what changed.
 */
export function replaceOrAdd<T>(rows: readonly T[], own: (r: T) => boolean, row: T): T[] {
  const at = rows.findIndex(own);
  return at < 0 ? [...rows, row] : rows.map((r, i) => (i === at ? row : r));
}
