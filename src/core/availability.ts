/**
 * The availability form: its questions, the times it offers (from the teachers' windows), and
 * a family's response normalised into Availability rows. Pure: the workspace builds the form
 * from these titles and hands the trigger's namedValues here.
 */
import type { Interval } from './schedule/types';
import { formatMinutes, languageName, normalizeLanguage, parseYesNo } from './normalize';
import { answerText, namedValue } from './answers';
import { MEET_WORDS, parseMeet, type Meet } from './meeting';

export const AVAILABILITY_FORM = {
  token: 'Family code',
  tokenHelp: 'Filled in for you by your personal link. Please leave it as it is.',
  times: 'Which times suit you?',
  timesHelp:
    'Mark your first, second and third choice; leave a time blank if you cannot come then. We check each time against your child’s own teacher and find the conference within it.',
  language: 'Which language would you like us to use?',
  interpreter: 'Would you like an interpreter at the conference?',
  meet: 'How would you like to meet?',
  attending:
    'Who will come? (Another trusted adult, such as a grandparent, may come in your place.)',
  attendingEmail:
    'If another adult comes in your place: their email address, so they get the invitation and reminders too (optional).',
} as const;

/** The meeting question's choices, in the order of Meet's in person, online, either. */
export const MEET_CHOICES = ['In person', 'Online', 'Either way'] as const;

/** Grid columns of the times question, best first; the rank is the position + 1. */
export const RANK_CHOICES = ['1st choice', '2nd choice', '3rd choice', 'Also possible'] as const;

export interface TimeChoice {
  /** The grid row's text; how a response names the time. */
  label: string;
  date: string;
  start: number;
  end: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** More distinct windows than this and each day is offered as one span. */
const MAX_ROWS = 30;

function weekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]!;
}

export function choiceLabel(date: string, start: number, end: number): string {
  return `${weekday(date)} ${date}, ${formatMinutes(start)} – ${formatMinutes(end)}`;
}

type Span = { date: string; start: number; end: number };

/** Each day's windows that overlap, as their union: two choices never offer the same minute. */
function overlapsMerged(windows: Span[]): Span[] {
  const sorted = [...windows].sort(
    (a, b) => a.date.localeCompare(b.date) || a.start - b.start || a.end - b.end,
  );
  const out: Span[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.date === w.date && w.start < last.end) last.end = Math.max(last.end, w.end);
    else out.push({ date: w.date, start: w.start, end: w.end });
  }
  return out;
}

/**
 * The times families choose from on the shared form: the teachers' windows, those of a day that
 * overlap merged into one (a family does not know which room it will be, and the scheduler
 * matches each answer against the child's own teacher), or, when there are many, each day's
 * span from first to last.
 */
export function timeChoices(windows: Span[]): TimeChoice[] {
  let list = overlapsMerged(windows);
  if (list.length > MAX_ROWS) {
    const byDay = new Map<string, Span>();
    for (const w of list) {
      const d = byDay.get(w.date);
      byDay.set(
        w.date,
        d ? { date: w.date, start: Math.min(d.start, w.start), end: Math.max(d.end, w.end) } : w,
      );
    }
    list = [...byDay.values()];
  }
  return list.map((w) => ({ ...w, label: choiceLabel(w.date, w.start, w.end) }));
}

/** Whose a window or a child's class is: the teacher's email when known, else the name. */
interface TeacherOf {
  teacher: string;
  teacherEmail: string;
}

function sameTeacher(a: TeacherOf, b: TeacherOf): boolean {
  if (a.teacherEmail && b.teacherEmail)
    return a.teacherEmail.toLowerCase() === b.teacherEmail.toLowerCase();
  return !!a.teacher && a.teacher.trim().toLowerCase() === b.teacher.trim().toLowerCase();
}

/** A time offered on one family's slip, and the form's row the office ticks to key it in. */
export interface FamilyChoice extends TimeChoice {
  /** The shared form's choice that holds this time (its label is this one's). */
  row: TimeChoice;
}

/**
 * The times one family is offered on its own paper slip and phone call: each form time that
 * overlaps a window of one of its children's teachers, cut to those windows (the family reads
 * only hours its own teachers are there; another class's evening merged into the form's row
 * cannot work). Each keeps the form row's label, so the office keys the slip in through the
 * form. When no time fits (the teachers have no window yet), every time as the form gives it.
 */
export function familyChoices(
  choices: TimeChoice[],
  windows: (Span & TeacherOf)[],
  children: TeacherOf[],
): FamilyChoice[] {
  const theirs = windows.filter((w) => children.some((c) => sameTeacher(c, w)));
  const fit = choices.flatMap((row) =>
    overlapsMerged(
      theirs
        .filter((w) => w.date === row.date && w.start < row.end && row.start < w.end)
        .map((w) => ({
          date: row.date,
          start: Math.max(w.start, row.start),
          end: Math.min(w.end, row.end),
        })),
    ).map((t) => ({ ...t, label: row.label, row })),
  );
  return fit.length ? fit : choices.map((row) => ({ ...row, row }));
}

export interface AvailabilityAnswer {
  token: string;
  /** Ranked times; empty when the family marked none. */
  times: Interval[];
  /** A language code, or '' when not given or not recognised. */
  language: string;
  interpreter: boolean | null;
  /** How the family would like to meet; undefined when it did not say. */
  meet?: Meet;
  attending: string;
  /** The stand-in adult's address as typed (checked where it is used), or ''. */
  attendingEmail: string;
}

/** Reads one response (the form-submit event's namedValues) against the times the form offered. */
export function parseAvailabilityResponse(
  named: Record<string, string[] | undefined>,
  choices: TimeChoice[],
): AvailabilityAnswer {
  const times: Interval[] = [];
  for (const c of choices) {
    const given = namedValue(named, `${AVAILABILITY_FORM.times} [${c.label}]`);
    const rank = RANK_CHOICES.indexOf(given as (typeof RANK_CHOICES)[number]);
    if (rank >= 0) times.push({ date: c.date, start: c.start, end: c.end, rank: rank + 1 });
  }
  times.sort((a, b) => a.rank - b.rank || a.date.localeCompare(b.date) || a.start - b.start);
  const languageGiven = namedValue(named, AVAILABILITY_FORM.language);
  const meet = parseMeet(namedValue(named, AVAILABILITY_FORM.meet));
  return {
    ...(meet ? { meet } : {}),
    token: namedValue(named, AVAILABILITY_FORM.token),
    times,
    language: normalizeLanguage(languageGiven) ?? '',
    interpreter: parseYesNo(namedValue(named, AVAILABILITY_FORM.interpreter)),
    attending: namedValue(named, AVAILABILITY_FORM.attending),
    attendingEmail: namedValue(named, AVAILABILITY_FORM.attendingEmail),
  };
}

/** Where a family's answer goes: the Availability columns, by header. */
export interface AvailabilityFamily {
  id: string;
  name: string;
  email: string;
}

/**
 * The family's Availability rows for one answer: one per time marked, or one row without a time
 * when it marked none (so the answer itself is kept). Text is stored so it cannot become a formula.
 */
export function availabilityRows(
  answer: AvailabilityAnswer,
  family: AvailabilityFamily,
  answered: Date,
  dayCell: (day: string) => unknown = (day) => day,
): Record<string, unknown>[] {
  const common = {
    Family: answerText(family.name),
    'Family ID': answerText(family.id),
    Email: answerText(family.email),
    Answered: answered,
    Language: answer.language ? languageName(answer.language) : '',
    Interpreter: answer.interpreter === null ? '' : answer.interpreter ? 'Yes' : 'No',
    Meet: answer.meet ? MEET_WORDS[answer.meet] : '',
    'Who Comes': answerText(answer.attending),
    'Who Comes Email': answerText(answer.attendingEmail),
  };
  if (answer.times.length === 0) return [{ ...common, Date: '', Start: '', End: '', Rank: '' }];
  return answer.times.map((t) => ({
    ...common,
    Date: dayCell(t.date),
    Start: formatMinutes(t.start),
    End: formatMinutes(t.end),
    Rank: t.rank,
  }));
}

/**
 * True when a family's fixed conference (invited or locked) falls in none of the times it now
 * gives: the family is asking for a change a person has to make.
 */
/**
 * The conferences whose family asks for another time: fixed ones (locked, or past scheduled:
 * invited, accepted...) that no longer fall in any time the family gives; not those already held
 * or missed, nor cancelled ones.
 */
export function conferencesAskingForChange<
  R extends {
    familyId: string;
    studentIds?: string[];
    locked: boolean;
    status: string;
    date: string | null;
    start: number | null;
    end: number | null;
  },
>(
  rows: R[],
  times: Map<string, Interval[]>,
  /**
   * The times each family's paper household gave, and its children (roster.ts paperHouseholds):
   * a conference of those children asks for a change by that household's answer only.
   */
  paper?: { times: Map<string, Interval[]>; households: Map<string, Set<string>> },
): R[] {
  return rows.filter((r) => {
    const fixed = r.locked || (r.status !== 'scheduled' && r.status !== 'cancelled');
    if (!fixed || !r.date || r.start === null || r.end === null) return false;
    if (r.status === 'no-show' || r.status === 'attended' || r.status === 'cancelled') return false;
    const own = paper?.households.get(r.familyId);
    const given = own && r.studentIds?.some((id) => own.has(id)) ? paper!.times : times;
    return asksForChange({ date: r.date, start: r.start, end: r.end }, given.get(r.familyId) ?? []);
  });
}

export function asksForChange(
  conference: { date: string; start: number; end: number },
  times: Interval[],
): boolean {
  if (times.length === 0) return false;
  return !times.some(
    (t) => t.date === conference.date && t.start <= conference.start && conference.end <= t.end,
  );
}
