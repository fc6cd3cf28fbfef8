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
 * school writes them, ignoring case and spacing ("fall" is "Fall"). A dated Schedule row with a
 * blank Round is first given its round by its date (`roundsByDate`), then asked here.
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

/**
 * The round of each of a sheet's rows, for rows that have a date (the Schedule's conferences): a
 * row's own Round when it names one; for a blank Round, the one named round whose rows' days, from
 * its first to its last, hold the row's date (a November conference typed without a Round, or
 * whose Round was cleared, is Fall's when Fall's conferences run from November 17 to 18). A blank
 * row on no named round's days (or on two rounds' at once) stays blank: it belongs to the round
 * being played (`inRound`). Dates compare as given (yyyy-MM-dd text, or ms).
 */
export function roundsByDate(
  rows: readonly { round: unknown; date: string | number | null }[],
): string[] {
  const spans = new Map<string, { name: string; first: string | number; last: string | number }>();
  for (const r of rows) {
    const name = cleanText(r.round);
    if (!name || r.date === null) continue;
    const span = spans.get(key(name));
    if (!span) spans.set(key(name), { name, first: r.date, last: r.date });
    else {
      if (r.date < span.first) span.first = r.date;
      if (r.date > span.last) span.last = r.date;
    }
  }
  return rows.map((r) => {
    const name = cleanText(r.round);
    if (name || r.date === null) return name;
    const date = r.date;
    const holding = [...spans.values()].filter((s) => s.first <= date && date <= s.last);
    return holding.length === 1 ? holding[0]!.name : '';
  });
}
