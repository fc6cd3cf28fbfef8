/**
 * The latency model: how many modelled milliseconds one service call costs.
 *
 * These figures are an assumption, not a measurement of Google: they follow the orders of
 * magnitude Apps Script developers commonly report (a spreadsheet read in tens of ms, a
 * Calendar event created in most of a second, an email in a few hundred ms) so that the
 * benchmarks can tell a batched design from a call-per-row one and show where time goes.
 * Each service module registers its own table; a method missing from it costs DEFAULT_MS.
 *
 * cost = base + perUnit * size, where size is what the call carries (cells, recipients, bytes).
 */
export interface Cost {
  base: number;
  perUnit?: number;
}

export const DEFAULT_MS = 50;

const tables = new Map<string, Record<string, Cost>>();

/** Each service registers its costs once, keyed by method ("Range.getValues", "createEvent"). */
export function registerLatency(service: string, table: Record<string, Cost>): void {
  tables.set(service, { ...(tables.get(service) ?? {}), ...table });
}

export function latencyOf(service: string, method: string, size = 0): number {
  const cost = tables.get(service)?.[method];
  if (!cost) return DEFAULT_MS;
  return cost.base + (cost.perUnit ?? 0) * size;
}

/** The whole model, for README and reports. */
export function latencyTable(): Record<string, Record<string, Cost>> {
  return Object.fromEntries(tables);
}
