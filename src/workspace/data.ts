/**
 * Reading the user's sheets: one getValues per sheet, whatever its size (and the Roster's formulas
 * when a cell there shows a Sheets error), and the settings from
 * document properties. Two zones, one rule (docs/DESIGN.md section 6, "One clock"): a Date a
 * cell holds is turned into the wall-clock time a person typed in the spreadsheet's zone
 * (spreadsheetZone, cellWallClock), because that is how Google stores it; every conference time,
 * "now", stamp and time a person reads is in the school's zone (schoolZone). Both are known once
 * per run and applied in the core (src/core/zone.ts).
 */
import { isSheetError, type PastedGrid } from '../core/pasted';
import { parseRoster, type RosterResult } from '../core/roster';
import { ROSTER } from '../core/schema';
import {
  defaultSettings,
  type Settings,
  type SettingsWithoutName,
  settingsErrorText,
  usableSettings,
  validateSettings,
} from '../core/settings';
import { parseTeachers, type TeachersResult } from '../core/teachers';
import { wallClockIn } from '../core/zone';
import type { WallClockOf } from '../core/normalize';
import { UserError } from '../core/errors';
import { knownFamilyIds } from '../core/formlinks';
import { forgetRemindersIdle, parseJson, PROP, documentProperties } from './props';
import { partWayJobs, roundOf } from './jobs';
import { sameRound } from '../core/rounds';

const known = new WeakMap<object, Map<string, string>>();

/** What Google says of the spreadsheet, asked once per spreadsheet handle (one execution's). */
function askedOnce(ss: object, fact: string, ask: () => string): string {
  let facts = known.get(ss);
  if (!facts) known.set(ss, (facts = new Map()));
  let value = facts.get(fact);
  if (value === undefined) {
    value = ask();
    facts.set(fact, value);
  }
  return value;
}

/**
 * The spreadsheet's time zone, read from Google once per spreadsheet handle (one execution's);
 * everything worked out from it is computed in src/core/zone.ts.
 */
export function spreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return askedOnce(ss, 'zone', () => ss.getSpreadsheetTimeZone());
}

/**
 * The school's time zone: Settings' zone, or the spreadsheet's when none is set. The zone of
 * every conference time, "now", "today", every stamp and every time a person reads; the
 * spreadsheet's zone only turns the Dates cells hold into wall-clock times. Costs no Google call
 * beyond reading the settings (which already ask for the spreadsheet's zone, once per run).
 */
export function schoolZone(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Pick<Settings, 'timeZone'>,
): string {
  return settings.timeZone || spreadsheetZone(ss);
}

/**
 * The wall clock of the Dates cells hold: Google turns what a person typed into an instant in the
 * spreadsheet's zone (docs/EMULATOR.md row 44), so that zone turns it back; a Date written into
 * a cell is likewise built in spreadsheetZone. Never for now, a stamp or a conference's instant.
 */
export function cellWallClock(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): WallClockOf {
  return wallClockIn(spreadsheetZone(ss));
}

/** The spreadsheet's name (the default school name), asked once per spreadsheet handle. */
function spreadsheetName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return askedOnce(ss, 'name', () => ss.getName());
}

/** The used area of a sheet in one read; [] when the sheet is missing or empty. */
export function readSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? sheetValues(sheet, name === ROSTER.name) : null;
}

/**
 * The used area of a sheet already in hand in one read; [] when it is empty. The data range of an
 * empty sheet is its one blank cell A1 (docs/EMULATOR.md row 56), so no getLastRow is asked first.
 * With `pasted` (the Roster, where an export's names are pasted), a sheet with a cell showing a
 * Sheets error comes with its formulas too, one more read, so a name Sheets made a formula of
 * can be read as it was pasted.
 */
export function sheetValues(sheet: GoogleAppsScript.Spreadsheet.Sheet, pasted = false): PastedGrid {
  const range = sheet.getDataRange();
  const values = range.getValues();
  if (values.length === 1 && values[0]!.every((v) => v === '')) return [];
  if (pasted && values.some((row) => row.some(isSheetError)))
    return Object.assign(values, { formulas: range.getFormulas() });
  return values;
}

export function readSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  stored: string | null = documentProperties().getProperty(PROP.settings),
): Settings {
  const saved = parseJson<Record<string, unknown>>(stored);
  const zone = spreadsheetZone(ss);
  // The spreadsheet's name is only the school name's default: asked when no usable one is saved.
  // With a blank default, a school name the checks refuse comes back blank.
  if (saved) {
    const settings = usableSettings(saved, defaultSettings('', zone));
    if (settings.schoolName) return settings;
  }
  const defaults = defaultSettings(spreadsheetName(ss), zone);
  return saved ? usableSettings(saved, defaults) : defaults;
}

/**
 * The settings as readSettings reads them, less the school name: when none is saved, the
 * spreadsheet's name (one call) is not asked for a step that never shows it.
 */
export function readSettingsWithoutName(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  stored: string | null = documentProperties().getProperty(PROP.settings),
): SettingsWithoutName {
  const saved = parseJson<Record<string, unknown>>(stored);
  // Any name passes the checks, so the others are checked and tidied as readSettings does them.
  const defaults = defaultSettings('School', spreadsheetZone(ss));
  const { schoolName: _name, ...settings } = saved ? usableSettings(saved, defaults) : defaults;
  return settings;
}

export function saveSettings(input: Record<string, unknown>): Settings {
  const checked = validateSettings(input);
  if (!checked.settings) throw new UserError(settingsErrorText(checked.errors));
  const props = documentProperties();
  const round = roundOf(props);
  if (!sameRound(round, checked.settings.roundName)) {
    // A job part-way belongs to its round: finished in the next one it would send again to
    // everyone it reached, and leave this round's work undone without a word.
    const partWay = partWayJobs(props.getProperties(), round, new Date());
    if (partWay.length > 0)
      throw new UserError(
        `Nothing was saved: the round is still ${round}, because ${partWay.length === 1 ? 'a job of this round is' : 'jobs of this round are'} part-way (${partWay.join('; ')}). Run ${partWay.length === 1 ? 'it' : 'each'} again from the sidebar until it says it is done, then change the round.`,
      );
  }
  props.setProperty(PROP.settings, JSON.stringify(checked.settings));
  // Reminder hours, the round, the school's name: what is due and what letters say follow.
  forgetRemindersIdle();
  return checked.settings;
}

export interface SchoolData {
  settings: SettingsWithoutName;
  teachers: TeachersResult | null;
  roster: RosterResult | null;
}

/** Teachers first (the roster checks its teacher names against them), then the roster. */
export function readSchool(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: SettingsWithoutName,
  today: string,
  read: (name: string) => unknown[][] | null = (name) => readSheet(ss, name),
  props: Record<string, string> | null = null,
  held: ReadonlySet<string> = new Set(),
): SchoolData {
  const wall = cellWallClock(ss);
  const teacherValues = read('Teachers');
  const teachers =
    teacherValues === null
      ? null
      : parseTeachers(teacherValues, wall, { today, round: settings.roundName, held });
  const rosterValues = read('Roster');
  const roster =
    rosterValues === null
      ? null
      : parseRoster(rosterValues, teachers?.teachers ?? null, {
          defaultLanguage: settings.defaultLanguage,
          // Ids that have a code keep it when the grouping changes (a sibling added, two
          // rows found to be one family): the family's link and answers stay its own.
          knownFamilyIds: knownFamilyIds(props ?? documentProperties().getProperties()),
        });
  return { settings, teachers, roster };
}
