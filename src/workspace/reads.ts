/**
 * One read per sheet per execution: a memo over readSheet for code paths where several steps look
 * at the same sheets (the sidebar's overview, the form-submit trigger). A path that writes a sheet
 * tells the memo what it wrote, so later steps see it without reading it again.
 */
import { readSheet } from './data';

export type SheetReader = (name: string) => unknown[][] | null;

export interface SheetMemo {
  read: SheetReader;
  /** The sheet now holds these values (header first). */
  wrote(name: string, values: unknown[][]): void;
  /** Something else changed the sheet: read it again when next asked. */
  forget(name: string): void;
}

export function sheetMemo(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  present?: Set<string>,
): SheetMemo {
  const cache = new Map<string, unknown[][] | null>();
  return {
    read: (name) => {
      if (!cache.has(name))
        cache.set(name, present && !present.has(name) ? null : readSheet(ss, name));
      return cache.get(name)!;
    },
    wrote: (name, values) => void cache.set(name, values),
    forget: (name) => void cache.delete(name),
  };
}
