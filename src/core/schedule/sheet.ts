/**
 * Between the sheets and the engine: the scheduling problem built from the roster, the
 * teachers' windows, the settings, families' availability and the Schedule sheet as people left
 * it (locked rows, invited families, moved times); and the Schedule rows written back.
 */
import type { Problem as SheetProblem } from '../../shared/api';
import type { SettingsWithoutName } from '../settings';
import { AVAILABILITY_ALIASES, availabilityFamilies } from '../availabilityfamily';
import { splitList } from '../cells';
import { describeCell } from '../errors';
import { familyIds } from '../familyshown';
import {
  cleanText,
  formatHhMm,
  formatMinutes,
  languageName,
  normalizeLanguage,
  parseDay,
  parseTime,
  parseYesNo,
  type WallClockOf,
} from '../normalize';
import { conferenceMeet, MEET_WORDS, parseMeet, windowMeet, type Meet } from '../meeting';
import {
  contactsOf,
  paperHouseholds,
  schedulingContacts,
  type Family,
  type RosterResult,
  type Student,
} from '../roster';
import { inRound, roundsByDate } from '../rounds';
import { AVAILABILITY, SCHEDULE } from '../schema';
import { readTable, type TableRow } from '../table';
import type { Window } from '../teachers';
import { checkSchedule } from './check';
import type { Conference, Interval, Problem, Schedule } from './types';

/** Statuses that freeze a conference: the family has been told. */
export const FROZEN_STATUSES = new Set([
  'invited',
  'accepted',
  'declined',
  'tentative',
  'attended',
  'no-show',
]);

export interface ExistingRow {
  row: number;
  conferenceId: string;
  round: string;
  date: string | null;
  start: number | null;
  end: number | null;
  teacher: string;
  studentIds: string[];
  familyId: string;
  status: string;
  locked: boolean;
  /** The whole row as read, to write back untouched. */
  values: unknown[];
}

export interface ScheduleSheet {
  header: string[];
  /** Column positions (1-based) of the add-on's columns. */
  columns: Map<string, number>;
  rows: ExistingRow[];
  problems: SheetProblem[];
}

/** Said of a Schedule row's Teacher cell no window names, by the Schedule step and the invites. */
export const UNKNOWN_TEACHER =
  'is not a teacher with hours on the Teachers sheet, so no teacher is invited to this conference. Write the name as the Teachers sheet does.';

/** Statuses whose conference no longer takes place: nothing in their row matters to families. */
const GONE = new Set(['cancelled', 'declined']);

/**
 * This round's Schedule rows that a person changed into something the add-on cannot use: a
 * date, start or end that is not one (or an end not after the start), or a teacher no window
 * names. Each named at its cell, as the Schedule step lists them; such a row's invitation is
 * held (unreadable times) or goes without a teacher (unknown name) until fixed. A teacher is
 * known as the invitations find one (invites.ts placeFinder): by a window's name or address.
 */
export function scheduleRowProblems(
  sheet: ScheduleSheet,
  round: string,
  windows: readonly { teacher: string; teacherEmail: string; date?: string }[],
): SheetProblem[] {
  const known = new Set(windows.flatMap((w) => [w.teacher.toLowerCase(), w.teacherEmail]));
  const days = new Set(windows.flatMap((w) => (w.date ? [w.date] : [])));
  const out: SheetProblem[] = [];
  const at = (r: ExistingRow, header: string, text: string): SheetProblem => {
    const column = sheet.columns.get(header) ?? 1;
    const where = { sheet: SCHEDULE.name, row: r.row, column };
    const shown = cleanText(r.values[column - 1]);
    return {
      severity: 'warning',
      where,
      message: `${describeCell(where, header)}: ${shown ? `"${shown}"` : 'blank'} ${text}`,
    };
  };
  for (const r of sheet.rows) {
    if (!inRound(r.round, round) || GONE.has(r.status) || r.studentIds.length === 0) continue;
    const hold = 'Its invitation is not sent or changed, and no reminder goes, until it is fixed.';
    if (!r.date) out.push(at(r, 'Date', `is not a date this conference can have. ${hold}`));
    else if (r.start === null)
      out.push(at(r, 'Start', `is not a time this conference can start. ${hold}`));
    else if (r.end === null || r.end <= r.start)
      out.push(
        at(
          r,
          'End',
          'is not a time after the start. Its invitation is not sent or changed until it is fixed.',
        ),
      );
    if (known.size > 0 && r.teacher && !known.has(r.teacher.toLowerCase()))
      out.push(at(r, 'Teacher', UNKNOWN_TEACHER));
    // A blank Round no round's days explain (roundsByDate) is this round's, though its date is on
    // none of this round's windows: a conference of another round, most likely, keeping its
    // students from being placed in this one.
    if (r.round === '' && r.date && days.size > 0 && !days.has(r.date))
      out.push(
        at(
          r,
          'Round',
          `on ${r.date}, a day with no ${round} hours on the Teachers sheet: it counts as ${round}'s conference (the round being played), so its students are not placed again in ${round}. Type the round it belongs to (${round}, if it is this round's).`,
        ),
      );
  }
  return out;
}

/**
 * The Schedule sheet's rows, each row's Family ID read back to the id of one of the Roster's
 * `families` whatever form it holds (as shown, or the add-on's own as older Schedules hold it:
 * familyshown.ts); a cell no family matches is kept as written. A reader that uses no Family ID
 * (or resolves the rows later with withRosterFamilies) passes an empty list, and says so.
 */
export function readScheduleSheet(
  values: unknown[][],
  wall: WallClockOf,
  families: readonly RosterFamilyIds[],
): ScheduleSheet {
  const table = readTable(
    SCHEDULE,
    values.length ? values : [SCHEDULE.columns.map((c) => c.header)],
  );
  const problems: SheetProblem[] = [...table.problems];
  const rows: ExistingRow[] = table.rows.map((r: TableRow) => {
    const date = parseDay(r.get('Date'), wall);
    const start = parseTime(r.get('Start'), wall);
    const end = parseTime(r.get('End'), wall);
    return {
      row: r.row,
      conferenceId: cleanText(r.get('Conference ID')),
      round: cleanText(r.get('Round')),
      date,
      start,
      end,
      teacher: cleanText(r.get('Teacher')),
      studentIds: splitList(r.get('Student IDs')),
      familyId: cleanText(r.get('Family ID')),
      status: cleanText(r.get('Status')).toLowerCase(),
      locked: parseYesNo(r.get('Locked')) === true,
      // Stryker disable next-line ArrayDeclaration: every row read has its values
      values: values[r.row - 1] ?? [],
    };
  });
  // A blank Round is read by the row's date: one definition of a row's round for every step.
  const rounds = roundsByDate(rows);
  const sheet = {
    header: (values[0] ?? []).map((v) => String(v)),
    columns: table.columns,
    rows: rows.map((r, i) => (r.round === rounds[i] ? r : { ...r, round: rounds[i]! })),
    problems,
  };
  return families.length ? { ...sheet, rows: withRosterFamilies(sheet.rows, families) } : sheet;
}

type RosterFamilyIds = Pick<Family, 'id' | 'givenId' | 'aliases'>;

/**
 * The rows with each Family ID read back to the Roster family's id, whatever form the cell holds
 * (familyshown.ts); for a caller that reads the Roster after the Schedule.
 */
export function withRosterFamilies(
  rows: readonly ExistingRow[],
  families: readonly RosterFamilyIds[],
): ExistingRow[] {
  const ids = familyIds(families);
  return rows.map((r) => ({ ...r, familyId: ids.read(r.familyId) }));
}

/**
 * Each student's family id as the Schedule sheet last recorded it (a later row wins): the
 * previous grouping parseRoster needs (options.previousFamilies) so that a family regrouped on
 * the Roster keeps the id its availability link and answers are kept under.
 */
export function familiesOnSchedule(sheet: ScheduleSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of sheet.rows)
    if (r.familyId) for (const id of r.studentIds) out.set(id, r.familyId);
  return out;
}

/** Availability rows: guardian email (or family ID), date, start, end, rank. */
/** What a family said on the availability form about language and interpreter. */
export interface FamilyAnswer {
  language?: string;
  interpreter?: boolean;
  /** In person, online or either, as the family chose. */
  meet?: Meet;
}

export function readAvailability(
  values: unknown[][] | null,
  roster: RosterResult,
  wall: WallClockOf,
  /** Only this round's rows (and rows with no round); every row when not given. */
  round?: string,
): {
  byFamily: Map<string, Interval[]>;
  /**
   * The times each family's paper household gave (its rows listing no address, in a family
   * with email), by family id: for those children only (buildProblem).
   */
  paper: Map<string, Interval[]>;
  answers: Map<string, FamilyAnswer>;
  problems: SheetProblem[];
} {
  const byFamily = new Map<string, Interval[]>();
  const paper = new Map<string, Interval[]>();
  const answers = new Map<string, FamilyAnswer>();
  const problems: SheetProblem[] = [];
  if (!values || values.length < 2) return { byFamily, paper, answers, problems };
  const table = readTable(AVAILABILITY, values, AVAILABILITY_ALIASES);
  const familyOf = availabilityFamilies(roster.families, paperHouseholds(roster));
  for (const r of table.rows) {
    if (round !== undefined && !inRound(r.get('Round'), round)) continue;
    const { familyId, email, sharedContact, paper: fromPaper } = familyOf(r);
    const where = (h: string) => r.where(h);
    // An answer that marked no time is kept for its other answers; it limits nothing. A paper
    // household's language, interpreter and way to meet are not the family's: its emailed
    // household's messages and conferences keep theirs.
    if (familyId && !fromPaper) {
      const language = normalizeLanguage(r.get('Language'));
      const interpreter = parseYesNo(r.get('Interpreter'));
      const answer: FamilyAnswer = {};
      if (language) answer.language = language;
      if (cleanText(r.get('Interpreter')) !== '' && interpreter !== null)
        answer.interpreter = interpreter;
      const meet = parseMeet(r.get('Meet'));
      if (meet) answer.meet = meet;
      else if (meet === null)
        problems.push({
          severity: 'warning',
          where: where('Meet'),
          message: `${describeCell(where('Meet'), 'Meet')}: cannot read "${cleanText(r.get('Meet'))}" as a way to meet; write ${Object.values(MEET_WORDS).join(', ')}. The family is placed in any window until then.`,
        });
      if (Object.keys(answer).length) answers.set(familyId, answer);
    }
    const blank = (v: unknown) =>
      v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    if (blank(r.get('Date')) && blank(r.get('Start')) && familyId) continue;
    if (!familyId) {
      problems.push({
        severity: 'warning',
        where: where('Email'),
        message: sharedContact
          ? `${describeCell(where('Email'), 'Email')}: ${email} is a contact of several families; write the family's Family ID on this row to say which one. This availability is ignored until then.`
          : `${describeCell(where('Email'), 'Email')}: ${email ?? cleanText(r.get('Email'))} is not a guardian on the Roster; this availability is ignored.`,
      });
      continue;
    }
    const date = parseDay(r.get('Date'), wall);
    const start = parseTime(r.get('Start'), wall);
    const end = parseTime(r.get('End'), wall);
    const rankCell = r.get('Rank');
    const rank = typeof rankCell === 'number' ? rankCell : Number(cleanText(rankCell) || 1);
    if (
      !date ||
      start === null ||
      end === null ||
      end <= start ||
      !Number.isInteger(rank) ||
      rank < 1
    ) {
      problems.push({
        severity: 'warning',
        where: where('Date'),
        message: `${describeCell(where('Date'), 'Date')}: cannot read this availability (date, start, end and rank); it is ignored.`,
      });
      continue;
    }
    const times = fromPaper ? paper : byFamily;
    const list = times.get(familyId) ?? [];
    list.push({ date, start, end, rank });
    times.set(familyId, list);
  }
  return { byFamily, paper, answers, problems };
}

/** The roster with each family's own answers (language, interpreter) over what the Roster says. */
export function withFamilyAnswers(
  roster: RosterResult,
  answers: Map<string, FamilyAnswer>,
): RosterResult {
  if (answers.size === 0) return roster;
  return { ...roster, families: roster.families.map((f) => ({ ...f, ...answers.get(f.id) })) };
}

export interface BuiltProblem {
  problem: Problem;
  /** Rows kept as they are (locked, invited, or of another round). */
  frozen: ExistingRow[];
  problems: SheetProblem[];
}

export function buildProblem(input: {
  roster: RosterResult;
  windows: Window[];
  /** Teachers rows refused (parseTeachers' `refused`), so a reason can point at them. */
  refused?: Problem['refusedWindows'];
  settings: SettingsWithoutName;
  availability: Map<string, Interval[]>;
  /** The times each family's paper household gave (readAvailability's `paper`). */
  paperAvailability?: Map<string, Interval[]>;
  sheet: ScheduleSheet;
  seed: number;
}): BuiltProblem {
  const { roster, windows, settings, sheet } = input;
  const problems: SheetProblem[] = [];
  const round = settings.roundName;
  const studentIds = new Set(roster.students.map((s) => s.id));
  const frozen: ExistingRow[] = [];
  const fixed: Conference[] = [];
  // Stryker disable next-line MethodExpression: used only for rows not kept
  const teacherEmailByName = new Map(windows.map((w) => [w.teacher.toLowerCase(), w.teacherEmail]));
  // Students of a kept row whose time cannot be read: their conference stands (the family was
  // invited to it), so they are not placed again; the row waits for a person to fix its time.
  const heldOut = new Set<string>();
  for (const r of sheet.rows) {
    if (!inRound(r.round, round)) continue;
    const keep = r.locked || FROZEN_STATUSES.has(r.status);
    if (!keep) continue;
    const where = { sheet: 'Schedule', row: r.row, column: sheet.columns.get('Date') ?? 1 };
    const known = r.studentIds.filter((id) => studentIds.has(id));
    if (!r.date || r.start === null || r.end === null || r.end <= r.start) {
      problems.push({
        severity: 'error',
        where,
        message: `${describeCell(where, 'Date')}: this ${r.locked ? 'locked' : r.status} conference has no readable date, start and end. Fix them: until then the row is kept as it is and its students are not placed again, but its time, which cannot be read, is not held, so another family may be given it.`,
      });
      for (const id of known) heldOut.add(id);
      frozen.push(r);
      continue;
    }
    const students = roster.students.filter((s) => known.includes(s.id));
    const teacherEmail =
      // Stryker disable next-line MethodExpression,StringLiteral: a kept row has a student
      students[0]?.teacherEmail ?? teacherEmailByName.get(r.teacher.toLowerCase()) ?? '';
    if (known.length === 0) {
      frozen.push(r);
      continue;
    }
    frozen.push(r);
    fixed.push({
      studentIds: known,
      familyId: students[0]!.familyId,
      teacherEmail,
      date: r.date,
      start: r.start,
      end: r.end,
      fixed: true,
      rank: 0,
    });
  }
  const familiesById = new Map(roster.families.map((f) => [f.id, f]));
  // A paper household answers for its own children, and only it: its times (none yet: any
  // time), never the emailed household's, and the family's never its.
  const households = paperHouseholds(roster);
  const problem: Problem = {
    windows: windows.map((w) => ({
      teacherEmail: w.teacherEmail,
      teacher: w.teacher,
      date: w.date,
      start: w.start,
      end: w.end,
      room: w.room,
      capacity: w.capacity,
      videoLink: w.videoLink,
      ...(w.mode ? { mode: w.mode } : {}),
    })),
    students: roster.students
      .filter((s) => !heldOut.has(s.id))
      .map((s) => ({
        id: s.id,
        name: `${s.firstName} ${s.lastName}`.trim(),
        teacherEmail: s.teacherEmail,
        familyId: s.familyId,
        contacts: contactsOf(s, familiesById.get(s.familyId)),
        teacher: s.teacher,
        ...(households.get(s.familyId)?.has(s.id)
          ? { availability: input.paperAvailability?.get(s.familyId) ?? null }
          : {}),
      })),
    families: roster.families.map((f) => ({
      id: f.id,
      name: f.name,
      availability: input.availability.get(f.id) ?? null,
      interpreter: f.interpreter ? f.language || settings.defaultLanguage : '',
      ...(f.meet ? { meet: f.meet } : {}),
      contacts: schedulingContacts(f),
    })),
    interpreters: settings.interpreters,
    conferenceMinutes: settings.conferenceMinutes,
    bufferMinutes: settings.bufferMinutes,
    changeoverMinutes: settings.changeoverMinutes ?? 0,
    mergeSiblings: settings.mergeSameTeacherSiblings,
    fixed,
    seed: input.seed,
    ...(input.refused?.length ? { refusedWindows: input.refused } : {}),
  };
  // Conflicts people's edits created among the frozen conferences: reported, not fixed.
  const onlyFixed: Schedule = {
    conferences: fixed,
    unplaced: roster.students
      .filter((s) => !heldOut.has(s.id) && !fixed.some((c) => c.studentIds.includes(s.id)))
      .map((s) => ({ studentId: s.id, reason: 'Not yet placed.' })),
  };
  const conflicts = checkSchedule(
    { ...problem, fixed: [] },
    { conferences: fixed.map((c) => ({ ...c, fixed: false })), unplaced: onlyFixed.unplaced },
  ).filter((e) => !/neither placed/.test(e));
  for (const text of conflicts) {
    // Stryker disable next-line UnaryOperator: every rule left names its conference N
    const idx = Number(/conference (\d+)/.exec(text)?.[1] ?? -1);
    const c = fixed[idx];
    const row = c
      ? frozen.find((r) => r.studentIds.join() === c.studentIds.join())?.row
      : undefined;
    const where = row
      ? { sheet: 'Schedule', row, column: sheet.columns.get('Start') ?? 1 }
      : undefined;
    problems.push({
      severity: 'warning',
      where,
      message: `${where ? describeCell(where, 'Start') + ': ' : ''}a locked or invited conference breaks a rule (${text.replace(/conference \d+ /g, '')}). It is kept as it is; change it by hand if it should move.`,
    });
  }
  return { problem, frozen, problems };
}

/**
 * The Schedule sheet's rows after a build: other rounds and frozen rows as they were, then the
 * new ones. Strings are as people should read them; the writer makes them safe for each cell's
 * format (cellValue), so a name like "=1+1" or a room "101" stays text.
 */
/**
 * The columns a build computes for each conference it places; every other column of a row it
 * carries over (Locked, Notes, what the invite and reminder steps wrote) is what people or other
 * steps own, so a row that stays where it was is written in these columns only.
 */
export const BUILT_COLUMNS = [
  'Conference ID',
  'Round',
  'Date',
  'Start',
  'End',
  'Teacher',
  'Room',
  'Students',
  'Student IDs',
  'Family',
  'Family ID',
  'Emails',
  'Language',
  'Interpreter',
  'Status',
  // How the family meets: from the window and the family's answer (the sheet's last column).
  'Mode',
] as const;

/**
 * A row of the Schedule as a build leaves it: its cells, the sheet row it came from (null for a
 * new conference), and whether the build computed its BUILT_COLUMNS (false: kept as it was).
 */
export interface ScheduleRow {
  cells: unknown[];
  from: number | null;
  built: boolean;
}

export function scheduleRows(input: {
  sheet: ScheduleSheet;
  frozen: ExistingRow[];
  schedule: Schedule;
  roster: RosterResult;
  windows: Window[];
  settings: SettingsWithoutName;
  /** A new conference ID: the caller supplies unguessable ones. */
  newId: () => string;
}): ScheduleRow[] {
  const { sheet, frozen, schedule, roster, windows, settings } = input;
  // The sheet's width, or set-up's on an empty sheet (written under the set-up header).
  const width = sheet.header.length || SCHEDULE.columns.length;
  // A column the sheet lacks is not written (-1): an empty sheet is read under the set-up header,
  // so only a sheet of older or edited columns lacks one, and its set-up position there may hold
  // a column of the school's own.
  const pos = (h: string) => (sheet.columns.get(h) ?? 0) - 1;
  const frozenRows = new Set(frozen.map((r) => r.row));
  const kept = sheet.rows
    .filter((r) => !inRound(r.round, settings.roundName) || frozenRows.has(r.row))
    .map((r): ScheduleRow => ({ cells: padRow(r.values, width), from: r.row, built: false }));
  // A kept row is written as it was, so none lends its ID, cells or place to a conference built
  // now (the students of a kept row whose times cannot be read are placed again).
  const previous = new Map(
    sheet.rows
      .filter((r) => inRound(r.round, settings.roundName) && !frozenRows.has(r.row))
      .map((r) => [r.studentIds.join(';'), r]),
  );
  const students = new Map<string, Student>(roster.students.map((s) => [s.id, s]));
  const families = new Map<string, Family>(roster.families.map((f) => [f.id, f]));
  const ids = familyIds(roster.families);
  const out = [...kept];
  for (const c of schedule.conferences) {
    if (c.fixed) continue;
    // Stryker disable next-line MethodExpression: the engine places only students of this roster
    const ss = c.studentIds.map((id) => students.get(id)!).filter(Boolean);
    const family = families.get(c.familyId);
    const hours = windows.find(
      (w) =>
        w.teacherEmail === c.teacherEmail &&
        w.date === c.date &&
        w.start <= c.start &&
        c.end <= w.end,
    );
    const old = previous.get(c.studentIds.join(';'));
    const row: unknown[] = old ? padRow(old.values, width) : new Array(width).fill('');
    const set = (h: (typeof BUILT_COLUMNS)[number] | 'Locked', v: unknown) => {
      // A column the sheet has stands within its width.
      const i = pos(h);
      if (i >= 0) row[i] = v;
    };
    set('Conference ID', old?.conferenceId || input.newId());
    set('Round', settings.roundName);
    set('Date', c.date);
    set('Start', formatMinutes(c.start));
    set('End', formatMinutes(c.end));
    set('Teacher', hours?.teacher ?? ss[0]?.teacher ?? '');
    const mode = hours
      ? conferenceMeet(
          hours.mode ?? windowMeet(undefined, hours.room, hours.videoLink),
          family?.meet,
        )
      : undefined;
    // The Room cell says only what applies: the room, or "Video call" for a conference online.
    const where = !hours
      ? ''
      : mode === 'online'
        ? 'Video call'
        : mode === 'in person'
          ? hours.room
          : hours.room || 'Video call';
    set('Room', where);
    set('Mode', mode ? MEET_WORDS[mode] : '');
    set('Students', ss.map((s) => `${s.firstName} ${s.lastName}`.trim()).join(', '));
    set('Student IDs', c.studentIds.join('; '));
    set('Family', family?.name ?? '');
    // As people read it beside the Roster's Family ID column (readers resolve either form).
    set('Family ID', ids.shown(c.familyId));
    // Only the people listed for every student of the conference: an invitation names them all.
    set(
      'Emails',
      (ss[0] ? contactsOf(ss[0], family) : [])
        .filter((e) => ss.every((s) => contactsOf(s, family).includes(e)))
        .join('; '),
    );
    set('Language', languageCell(family, ss, settings.defaultLanguage));
    set('Interpreter', family?.interpreter ? 'Yes' : 'No');
    set('Status', 'scheduled');
    // A rebuilt row keeps its Locked cell (never ticked: a locked row is kept, not rebuilt).
    if (!old) set('Locked', false);
    out.push({ cells: row, from: old?.row ?? null, built: true });
  }
  return out;
}

/**
 * The Language cell: the family's language (the one its interpreter is booked in; blank for the
 * school's default), then, for a family whose households read different languages, each other
 * language this conference's own Roster rows give ("Spanish, English"). Readers take the first
 * as the conference's (normalize.ts scheduleLanguage), so a sheet of one language per row reads
 * as before.
 */
function languageCell(
  family: Family | undefined,
  ss: Student[],
  defaultLanguage: string | undefined,
): string {
  const own = family?.language ?? '';
  if (!family?.languages) return own ? languageName(own) : '';
  const base = own || defaultLanguage || 'en';
  const codes = [
    ...new Set([
      base,
      ...ss.flatMap((s) => {
        const row = s.rowLanguage ?? base;
        return [
          row,
          ...s.guardians.map((g) =>
            g.language === undefined ? row : g.language || defaultLanguage || 'en',
          ),
        ];
      }),
    ]),
  ];
  return codes.length > 1 ? codes.map(languageName).join(', ') : own ? languageName(own) : '';
}

function padRow(values: unknown[], width: number): unknown[] {
  const row = values.slice(0, width);
  while (row.length < width) row.push('');
  return row;
}

export { formatHhMm };
