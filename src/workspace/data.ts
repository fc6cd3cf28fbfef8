/**
 * Reading the user's sheets: one getValues per sheet, whatever its size, and the settings from
 * document properties. Dates in cells are read in the spreadsheet's time zone, read once
 * (spreadsheetZone) and applied in the core (src/core/zone.ts).
 */
import { parseRoster, type RosterResult } from '../core/roster';
import {
  defaultSettings,
  type Settings,
  settingsErrorText,
  usableSettings,
  validateSettings,
} from '../core/settings';
import { parseTeachers, type TeachersResult } from '../core/teachers';
import { wallClockIn } from '../core/zone';
import { UserError } from '../core/errors';
import { knownFamilyIds } from '../core/formlinks';
import { forgetRemindersIdle, parseJson, PROP, documentProperties } from './props';

const zones = new WeakMap<object, string>();

/**
 * The spreadsheet's time zone, read from Google once per spreadsheet handle (one execution's);
 * everything worked out from it is computed in src/core/zone.ts.
 */
export function spreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  let zone = zones.get(ss);
  if (zone === undefined) {
    zone = ss.getSpreadsheetTimeZone();
    zones.set(ss, zone);
  }
  return zone;
}

/** The used area of a sheet in one read; [] when the sheet is missing or empty. */
export function readSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  if (sheet.getLastRow() === 0) return [];
  return sheet.getDataRange().getValues();
}

export function readSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  stored: string | null = documentProperties().getProperty(PROP.settings),
): Settings {
  const defaults = defaultSettings(ss.getName(), spreadsheetZone(ss));
  const saved = parseJson<Partial<Settings>>(stored);
  if (!saved) return defaults;
  return usableSettings(saved as Record<string, unknown>, defaults);
}

export function saveSettings(input: Record<string, unknown>): Settings {
  const checked = validateSettings(input);
  if (!checked.settings) throw new UserError(settingsErrorText(checked.errors));
  documentProperties().setProperty(PROP.settings, JSON.stringify(checked.settings));
  // Reminder hours, the round, the school's name: what is due and what letters say follow.
  forgetRemindersIdle();
  return checked.settings;
}

export interface SchoolData {
  settings: Settings;
  teachers: TeachersResult | null;
  roster: RosterResult | null;
}

/** Teachers first (the roster checks its teacher names against them), then the roster. */
export function readSchool(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  today: string,
  read: (name: string) => unknown[][] | null = (name) => readSheet(ss, name),
  props: Record<string, string> | null = null,
  held: ReadonlySet<string> = new Set(),
): SchoolData {
  const wall = wallClockIn(spreadsheetZone(ss));
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
