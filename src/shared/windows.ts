/**
 * How many conferences a teacher window holds: shared by the engine (which places them) and the
 * sidebar (which shows a school the effect of its conference length and changeover).
 */

/** Conferences start on a five-minute grid from their window's start. */
export const START_STEP = 5;

/** Conferences of `minutes` a window holds, one family at a time, `changeover` apart. */
export function conferencesInWindow(
  span: { start: number; end: number },
  minutes: number,
  changeover: number,
): number {
  const length = span.end - span.start;
  if (length < minutes) return 0;
  // Starts fall on the five-minute grid, so each further conference needs its length and the
  // changeover rounded up to that grid.
  const pitch = Math.ceil((minutes + changeover) / START_STEP) * START_STEP;
  return 1 + Math.floor((length - minutes) / pitch);
}

/** What a conference length and a changeover mean for a teacher's afternoon. */
export function windowEffect(minutes: number, changeover: number): string {
  const afternoon = { start: 0, end: 240 };
  const held = conferencesInWindow(afternoon, minutes, changeover);
  const without = conferencesInWindow(afternoon, minutes, 0);
  const pause = changeover
    ? `${held} with ${changeover} minutes between a teacher’s own conferences, ${without} with none`
    : `${held} with no pause between a teacher’s own conferences`;
  return `A 4-hour window holds ${pause} (per family at once).`;
}
