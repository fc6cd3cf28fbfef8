/**
 * The round's settings, kept in document properties so everyone who edits the spreadsheet sees
 * the same. validateSettings checks a whole proposed value and names each field that is wrong;
 * nothing is saved unless all of it is right.
 */
import type { Settings } from '../shared/api';
import { CONTROL_CHARS, isLanguageCode, normalizeEmail } from './normalize';
import { hasOwn, ownValue } from './own';

export type { Settings };

/**
 * The settings a step that never shows the school's name works from (building the schedule): read
 * without asking the spreadsheet's name, the school name's default.
 */
export type SettingsWithoutName = Omit<Settings, 'schoolName'>;

export function defaultSettings(spreadsheetName: string, timeZone: string): Settings {
  return {
    schoolName: spreadsheetName.slice(0, 100),
    timeZone,
    roundName: 'Fall',
    conferenceMinutes: 25,
    bufferMinutes: 5,
    changeoverMinutes: 0,
    reminderHoursBefore: [48, 2],
    senderName: '',
    replyTo: '',
    defaultLanguage: 'en',
    interpreters: {},
    calendarName: 'Student-Led Conferences',
    inviteTeachers: true,
    mergeSameTeacherSiblings: false,
    placeResponses: 'next-build',
    translateForms: false,
  };
}

export interface FieldError {
  field: keyof Settings;
  message: string;
}

/** Each setting as the sidebar labels it, for messages. */
export const SETTING_LABELS: Readonly<Record<keyof Settings, string>> = {
  schoolName: 'School name',
  timeZone: 'Time zone',
  roundName: 'Round',
  conferenceMinutes: 'Conference length',
  bufferMinutes: 'Buffer',
  changeoverMinutes: 'Changeover',
  reminderHoursBefore: 'Reminders',
  senderName: 'Sender name',
  replyTo: 'Reply-to',
  defaultLanguage: 'Default language',
  interpreters: 'Interpreters',
  calendarName: 'Calendar',
  inviteTeachers: 'Invite teachers',
  mergeSameTeacherSiblings: 'Merge siblings',
  placeResponses: 'Availability responses',
  translateForms: 'Translated forms',
};

/** One sentence per wrong field, each starting with the field's label. */
export function settingsErrorText(errors: FieldError[]): string {
  return errors
    .map((e) => `${ownValue(SETTING_LABELS, e.field) ?? `"${printable(e.field)}"`} ${e.message}`)
    .join(' ');
}

const ZONE = /^(UTC|GMT|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/** The zone as the runtime's time-zone database names it; null when it does not know it. */
function resolveZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

let intlKnowsZones: boolean | undefined;

/**
 * A time zone name the add-on can use: the runtime's time-zone database must know it, because
 * Calendar and the dates in messages are computed in it (a misspelt zone made every invitation
 * fail). Apps Script's V8 and Node both carry ICU's database, where a zone Intl.DateTimeFormat
 * does not know throws a RangeError; Intl.supportedValuesOf('timeZone') is not used because V8
 * leaves out UTC and aliases such as Asia/Kolkata. A runtime without that database is left to the
 * shape check. Returns the name (its case corrected, "america/new_york" → "America/New_York"), or
 * null when it is not a zone.
 */
export function knownTimeZone(name: string): string | null {
  intlKnowsZones ??= typeof Intl === 'object' && resolveZone('America/New_York') !== null;
  if (!intlKnowsZones) return ZONE.test(name) ? name : null;
  const resolved = resolveZone(name);
  if (resolved === null) return null;
  // The shape check too: Intl also takes offsets ("+05:00") and abbreviations ("EST"), which
  // Apps Script's date formatting does not read as zones.
  const zone = resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  return ZONE.test(zone) ? zone : null;
}

/** Line breaks in a header field would let a value add headers of its own to an email. */
const IN_EMAIL_HEADER: ReadonlySet<keyof Settings> = new Set([
  'schoolName',
  'senderName',
  'replyTo',
]);

function intIn(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

/** Checks every field; returns the clean settings, or the list of what is wrong. */
export function validateSettings(
  input: Record<string, unknown>,
): { settings: Settings; errors: [] } | { settings: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  // Only the input's own keys: a key every object inherits is not a setting given.
  const given = (field: keyof Settings): unknown => ownValue(input, field);
  const text = (field: keyof Settings, max: number, required: boolean): string => {
    const v = given(field);
    if (typeof v !== 'string') {
      errors.push({ field, message: 'must be text.' });
      return '';
    }
    if (CONTROL_CHARS.test(v)) {
      errors.push({
        field,
        message: IN_EMAIL_HEADER.has(field)
          ? 'cannot contain a line break or another control character (it goes in the heading of every email); write it on one line.'
          : 'cannot contain a line break, a tab or another control character; write it on one line.',
      });
      return '';
    }
    const s = v.trim();
    if (required && !s) errors.push({ field, message: 'cannot be blank.' });
    if (s.length > max) errors.push({ field, message: `must be at most ${max} characters.` });
    return s;
  };
  const schoolName = text('schoolName', 100, true);
  const roundName = text('roundName', 40, true);
  const senderName = text('senderName', 100, false);
  const timeZoneText = text('timeZone', 60, true);
  const timeZone = timeZoneText ? knownTimeZone(timeZoneText) : '';
  if (timeZone === null)
    errors.push({
      field: 'timeZone',
      message: `"${printable(timeZoneText)}" is not a time zone name (check its spelling); choose one from the list, such as America/New_York.`,
    });
  const replyToText = text('replyTo', 254, false);
  const replyTo = replyToText ? normalizeEmail(replyToText) : '';
  if (replyTo === null)
    errors.push({
      field: 'replyTo',
      message: `"${printable(replyToText)}" is not an email address.`,
    });
  const conferenceMinutes = intIn(given('conferenceMinutes'), 5, 120);
  if (conferenceMinutes === null)
    errors.push({
      field: 'conferenceMinutes',
      message: 'must be a whole number of minutes from 5 to 120.',
    });
  const bufferMinutes = intIn(given('bufferMinutes'), 0, 60);
  if (bufferMinutes === null)
    errors.push({
      field: 'bufferMinutes',
      message: 'must be a whole number of minutes from 0 to 60.',
    });
  // Optional, so a form that does not show it yet saves without it (no changeover).
  const changeoverMinutes = intIn(given('changeoverMinutes') ?? 0, 0, 60);
  if (changeoverMinutes === null)
    errors.push({
      field: 'changeoverMinutes',
      message: 'must be a whole number of minutes from 0 to 60.',
    });
  const hours = given('reminderHoursBefore');
  let reminderHoursBefore: number[] = [];
  if (!Array.isArray(hours) || hours.length > 4 || hours.some((h) => intIn(h, 1, 336) === null)) {
    errors.push({
      field: 'reminderHoursBefore',
      message: 'must be up to four whole numbers of hours from 1 to 336 (two weeks).',
    });
  } else reminderHoursBefore = [...new Set(hours as number[])].sort((a, b) => b - a);
  const defaultLanguage = text('defaultLanguage', 10, true);
  if (defaultLanguage && !isLanguageCode(defaultLanguage))
    errors.push({
      field: 'defaultLanguage',
      message: `"${printable(defaultLanguage)}" is not a language code the add-on knows.`,
    });
  const interpreters: Record<string, number> = {};
  const raw = given('interpreters');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    errors.push({ field: 'interpreters', message: 'must list languages and counts.' });
  else {
    for (const [code, n] of Object.entries(raw as Record<string, unknown>)) {
      if (!isLanguageCode(code))
        errors.push({
          field: 'interpreters',
          message: `"${printable(code)}" is not a language code the add-on knows.`,
        });
      else if (intIn(n, 0, 20) === null)
        errors.push({
          field: 'interpreters',
          message: `the number of ${code} interpreters must be a whole number from 0 to 20.`,
        });
      else if ((n as number) > 0) interpreters[code] = n as number;
    }
  }
  const calendarName = text('calendarName', 100, true);
  const flag = (
    field: 'inviteTeachers' | 'mergeSameTeacherSiblings' | 'translateForms',
  ): boolean => {
    if (typeof given(field) !== 'boolean') errors.push({ field, message: 'must be on or off.' });
    return given(field) === true;
  };
  const inviteTeachers = flag('inviteTeachers');
  const mergeSameTeacherSiblings = flag('mergeSameTeacherSiblings');
  const translateForms = flag('translateForms');
  const placeResponses = given('placeResponses');
  if (placeResponses !== 'next-build' && placeResponses !== 'at-once')
    errors.push({ field: 'placeResponses', message: 'must be "next-build" or "at-once".' });
  for (const key of Object.keys(input))
    if (!hasOwn(SETTING_LABELS, key))
      errors.push({ field: key as keyof Settings, message: 'is not a setting.' });
  if (errors.length > 0) return { settings: null, errors };
  return {
    settings: {
      schoolName,
      timeZone: timeZone!,
      roundName,
      conferenceMinutes: conferenceMinutes!,
      bufferMinutes: bufferMinutes!,
      changeoverMinutes: changeoverMinutes!,
      reminderHoursBefore,
      senderName,
      replyTo: replyTo ?? '',
      defaultLanguage,
      interpreters,
      calendarName,
      inviteTeachers,
      mergeSameTeacherSiblings,
      placeResponses: placeResponses as Settings['placeResponses'],
      translateForms,
    },
    errors: [],
  };
}

/** Text for a message: control characters shown as \u escapes, at most 40 characters. */
function printable(text: string): string {
  const shown = text.replace(
    new RegExp(CONTROL_CHARS.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
}

/** The round being played, from the stored settings (a missing or unusable one is the default). */
export function storedRound(stored: Record<string, unknown> | null): string {
  return usableSettings(stored ?? {}, defaultSettings('School', 'UTC')).roundName;
}

/**
 * Stored settings as they can be used: a field that no longer passes the checks (saved before a
 * check existed, or edited by hand) takes its default, and the others are kept.
 */
export function usableSettings(stored: Record<string, unknown>, defaults: Settings): Settings {
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(stored)) if (hasOwn(SETTING_LABELS, key)) merged[key] = stored[key];
  const checked = validateSettings(merged);
  if (checked.settings) return checked.settings;
  for (const e of checked.errors) merged[e.field] = defaults[e.field];
  return validateSettings(merged).settings ?? (merged as unknown as Settings);
}
