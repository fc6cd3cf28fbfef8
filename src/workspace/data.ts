/**
 * Reading the user's sheets: one getValues per sheet, whatever its size, and the settings from
 * document properties. Dates in cells are read in the spreadsheet's time zone through
 * Utilities.formatDate, once per distinct value.
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
import type { WallClockOf } from '../core/normalize';
import { UserError } from '../core/errors';
import { knownFamilyIds } from '../core/formlinks';
import { parseJson, PROP, documentProperties } from './props';

export function wallClockIn(timeZone: string): WallClockOf {
  const memo = new Map<number, ReturnType<WallClockOf>>();
  return (date) => {
    const key = date.getTime();
    let w = memo.get(key);
    if (!w) {
      const [y, mo, d, h, mi] = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd-HH-mm')
        .split('-')
        .map(Number);
      w = { year: y!, month: mo!, day: d!, hour: h!, minute: mi! };
      memo.set(key, w);
    }
    return w;
  };
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
  const defaults = defaultSettings(ss.getName(), ss.getSpreadsheetTimeZone());
  const saved = parseJson<Partial<Settings>>(stored);
  if (!saved) return defaults;
  return usableSettings(saved as Record<string, unknown>, defaults);
}

export function saveSettings(input: Record<string, unknown>): Settings {
  const checked = validateSettings(input);
  if (!checked.settings) throw new UserError(settingsErrorText(checked.errors));
  documentProperties().setProperty(PROP.settings, JSON.stringify(checked.settings));
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
): SchoolData {
  const wall = wallClockIn(ss.getSpreadsheetTimeZone());
  const teacherValues = read('Teachers');
  const teachers =
    teacherValues === null
      ? null
      : parseTeachers(teacherValues, wall, { today, round: settings.roundName });
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
