/**
 * The round's settings, kept in document properties so everyone who edits the spreadsheet sees
 * the same. validateSettings checks a whole proposed value and names each field that is wrong;
 * nothing is saved unless all of it is right.
 */
import type { Settings } from '../shared/api';
import { LANGUAGE_NAMES, normalizeEmail } from './normalize';

export type { Settings };

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
    inviteTeachers: false,
    mergeSameTeacherSiblings: false,
    placeResponses: 'next-build',
  };
}

export interface FieldError {
  field: keyof Settings;
  message: string;
}

const ZONE = /^(UTC|GMT|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/;

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
  const text = (field: keyof Settings, max: number, required: boolean): string => {
    const v = input[field];
    if (typeof v !== 'string') {
      errors.push({ field, message: 'must be text.' });
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
  const timeZone = text('timeZone', 60, true);
  if (timeZone && !ZONE.test(timeZone))
    errors.push({
      field: 'timeZone',
      message: `"${timeZone}" is not a time zone name such as America/New_York.`,
    });
  const replyToText = text('replyTo', 254, false);
  const replyTo = replyToText ? normalizeEmail(replyToText) : '';
  if (replyTo === null)
    errors.push({ field: 'replyTo', message: `"${replyToText}" is not an email address.` });
  const conferenceMinutes = intIn(input.conferenceMinutes, 5, 120);
  if (conferenceMinutes === null)
    errors.push({
      field: 'conferenceMinutes',
      message: 'must be a whole number of minutes from 5 to 120.',
    });
  const bufferMinutes = intIn(input.bufferMinutes, 0, 60);
  if (bufferMinutes === null)
    errors.push({
      field: 'bufferMinutes',
      message: 'must be a whole number of minutes from 0 to 60.',
    });
  // Optional, so a form that does not show it yet saves without it (no changeover).
  const changeoverMinutes = intIn(input.changeoverMinutes ?? 0, 0, 60);
  if (changeoverMinutes === null)
    errors.push({
      field: 'changeoverMinutes',
      message: 'must be a whole number of minutes from 0 to 60.',
    });
  const hours = input.reminderHoursBefore;
  let reminderHoursBefore: number[] = [];
  if (!Array.isArray(hours) || hours.length > 4 || hours.some((h) => intIn(h, 1, 336) === null)) {
    errors.push({
      field: 'reminderHoursBefore',
      message: 'must be up to four whole numbers of hours from 1 to 336 (two weeks).',
    });
  } else reminderHoursBefore = [...new Set(hours as number[])].sort((a, b) => b - a);
  const defaultLanguage = text('defaultLanguage', 10, true);
  if (defaultLanguage && !(defaultLanguage in LANGUAGE_NAMES))
    errors.push({
      field: 'defaultLanguage',
      message: `"${defaultLanguage}" is not a language code the add-on knows.`,
    });
  const interpreters: Record<string, number> = {};
  const raw = input.interpreters;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    errors.push({ field: 'interpreters', message: 'must list languages and counts.' });
  else {
    for (const [code, n] of Object.entries(raw as Record<string, unknown>)) {
      if (!(code in LANGUAGE_NAMES))
        errors.push({
          field: 'interpreters',
          message: `"${code}" is not a language code the add-on knows.`,
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
  const flag = (field: 'inviteTeachers' | 'mergeSameTeacherSiblings'): boolean => {
    if (typeof input[field] !== 'boolean') errors.push({ field, message: 'must be on or off.' });
    return input[field] === true;
  };
  const inviteTeachers = flag('inviteTeachers');
  const mergeSameTeacherSiblings = flag('mergeSameTeacherSiblings');
  const placeResponses = input.placeResponses;
  if (placeResponses !== 'next-build' && placeResponses !== 'at-once')
    errors.push({ field: 'placeResponses', message: 'must be "next-build" or "at-once".' });
  const known = new Set<string>([
    'schoolName',
    'timeZone',
    'roundName',
    'conferenceMinutes',
    'bufferMinutes',
    'changeoverMinutes',
    'reminderHoursBefore',
    'senderName',
    'replyTo',
    'defaultLanguage',
    'interpreters',
    'calendarName',
    'inviteTeachers',
    'mergeSameTeacherSiblings',
    'placeResponses',
  ]);
  for (const key of Object.keys(input))
    if (!known.has(key))
      errors.push({ field: key as keyof Settings, message: 'is not a setting.' });
  if (errors.length > 0) return { settings: null, errors };
  return {
    settings: {
      schoolName,
      timeZone,
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
    },
    errors: [],
  };
}
