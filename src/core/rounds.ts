/**
 * Rounds: a school holds conferences more than once a year (Fall, Spring, or a name it gives).
 * The Teachers, Availability and Schedule rows each belong to a round by their Round cell, so a
 * new round neither applies last round's availability nor moves last round's conferences.
 */
import { cleanText } from './normalize';

const key = (name: string) => name.toLowerCase();

/**
 * True when a row whose Round cell reads `cell` belongs to `round`. A blank cell belongs to every
 * round (a window typed without a round, availability typed by hand); names compare as the
 * school writes them, ignoring case and spacing ("fall" is "Fall").
 */
export function inRound(cell: unknown, round: string): boolean {
  const text = cleanText(cell);
  return text === '' || sameRound(text, round);
}

/** True when two round names are one round, as the school writes them ("fall" is "Fall"). */
export function sameRound(a: unknown, b: unknown): boolean {
  return key(cleanText(a)) === key(cleanText(b));
}

/** The distinct rounds named in the given cells, ordered by the earliest date each one has. */
export function roundsInDateOrder(rows: { round: string; date: string }[]): string[] {
  const first = new Map<string, { name: string; date: string }>();
  for (const r of rows) {
    const name = cleanText(r.round);
    if (!name) continue;
    const seen = first.get(key(name));
    if (!seen || r.date < seen.date)
      first.set(key(name), { name: seen?.name ?? name, date: r.date });
  }
  return [...first.values()].sort((a, b) => a.date.localeCompare(b.date)).map((r) => r.name);
}
