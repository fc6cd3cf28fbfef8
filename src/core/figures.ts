/** How the Summary rounds its figures: whole percents, averages to a tenth, blank without a base. */

export type Cell = string | number;

/** To one decimal place. */
export const tenth = (n: number): number => Math.round(n * 10) / 10;

/** part ÷ whole as a whole percent ('' when there is nothing to divide by). */
export function percent(part: number, whole: number): Cell {
  return whole > 0 ? Math.round((part / whole) * 100) : '';
}

/** The average to a tenth ('' without values). */
export function mean(values: number[]): Cell {
  return values.length ? tenth(values.reduce((a, b) => a + b, 0) / values.length) : '';
}
