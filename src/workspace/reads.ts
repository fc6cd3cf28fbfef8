/**
 * One read per sheet per execution: a memo over the sheets for code paths where several steps
 * look at the same sheets (the sidebar's overview, the form-submit trigger). A path that writes a
 * sheet tells the memo what it wrote, so later steps see it without reading it again. Sheets are
 * looked up once too: by name, and the document's list of sheets (for response sheets, found by
 * id).
 */
import { ROSTER } from '../core/schema';
import { sheetValues } from './data';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type SheetReader = (name: string) => unknown[][] | null;

export interface SheetMemo {
  /** The spreadsheet the memo reads. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  read: SheetReader;
  /** The sheet of that name, or null when there is none. */
  sheet(name: string): Sheet | null;
  /** Every sheet of the document, in tab order. */
  sheets(): Sheet[];
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
  const handles = new Map<string, Sheet | null>();
  let all: Sheet[] | undefined;
  const sheet = (name: string): Sheet | null => {
    if (!handles.has(name))
      handles.set(name, present && !present.has(name) ? null : ss.getSheetByName(name));
    return handles.get(name)!;
  };
  return {
    spreadsheet: ss,
    read: (name) => {
      if (!cache.has(name)) {
        const found = sheet(name);
        cache.set(name, found ? sheetValues(found, name === ROSTER.name) : null);
      }
      return cache.get(name)!;
    },
    sheet,
    sheets: () => (all ??= ss.getSheets()),
    wrote: (name, values) => void cache.set(name, values),
    forget: (name) => void cache.delete(name),
  };
}
