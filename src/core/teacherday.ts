/**
 * Each teacher's day, theirs alone: the email a teacher gets the day before their conferences,
 * listing only their own conferences in time order (student, who is coming, language and
 * interpreter, room, notes). Pure: the workspace reads the sheets and sends (workspace/teacherday.ts).
 */
import { escapeHtml, formatDay, isBareRoom } from './templates';
import type { Meet } from './meeting';
import { formatMinutes } from './normalize';

/** How the teacher's day says each mode, after the room. */
const MODE_WORDS: Record<Meet, string> = {
  'in person': 'in person',
  online: 'online',
  either: 'in person or online',
};

export interface TeacherConference {
  conferenceId: string;
  teacher: string;
  /** yyyy-MM-dd, or null when unreadable. */
  date: string | null;
  start: number | null;
  end: number | null;
  room: string;
  /** In person, online or either, as the Schedule's Mode says; not given: not said. */
  mode?: Meet;
  students: string;
  /** The guardians the Roster lists with the conference's students. */
  coming: string[];
  language: string;
  interpreter: boolean;
  status: string;
  notes: string;
}

export interface TeacherDay {
  teacher: string;
  email: string;
  date: string;
  conferences: TeacherConference[];
}

const NOT_HELD = new Set(['cancelled', 'declined']);

/** Where a teacher's day, as their last email told it, is kept in document properties. */
export function teacherSeenKey(email: string, date: string): string {
  return `slc:teacherseen:${email.toLowerCase()}|${date}`;
}

/** Where a teacher's day-before email is recorded in document properties. */
export function teacherDayKey(email: string, date: string): string {
  return `slc:teacherday:${email.toLowerCase()}|${date}`;
}

/**
 * The day-before emails due now: for each teacher and conference day that is tomorrow (or today,
 * when the day before was missed), the teacher's conferences that will be held, in time order,
 * unless that day's email is already recorded. Teachers the Teachers sheet gives no address are
 * returned by name, for a person to tell.
 */
export function teacherDaysDue(
  conferences: TeacherConference[],
  /** The teacher's address on the Teachers sheet, by the name on the Schedule. */
  emailOf: (teacher: string) => string | undefined,
  days: { today: string; tomorrow: string },
  recorded: (key: string) => boolean,
): { due: TeacherDay[]; noEmail: string[] } {
  const groups = new Map<string, TeacherDay>();
  const noEmail = new Set<string>();
  for (const c of conferences) {
    if (NOT_HELD.has(c.status) || !c.date) continue;
    if (c.date !== days.today && c.date !== days.tomorrow) continue;
    const email = emailOf(c.teacher);
    if (!email) {
      if (c.teacher) noEmail.add(c.teacher);
      continue;
    }
    const key = teacherDayKey(email, c.date);
    if (recorded(key)) continue;
    const day = groups.get(key) ?? { teacher: c.teacher, email, date: c.date, conferences: [] };
    day.conferences.push(c);
    groups.set(key, day);
  }
  const due = [...groups.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.email.localeCompare(b.email),
  );
  for (const d of due) d.conferences.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { due, noEmail: [...noEmail].sort() };
}

function line(c: TeacherConference): string {
  const parts = [whenWhere(c)];
  parts.push(`coming: ${c.coming.length ? c.coming.join(', ') : 'not known'}`);
  if (c.language) parts.push(`${c.language}${c.interpreter ? ', interpreter booked' : ''}`);
  else if (c.interpreter) parts.push('interpreter booked');
  if (c.notes) parts.push(`notes: ${c.notes}`);
  return parts.join(' · ');
}

/**
 * A short email to a member of staff: a greeting, a lead, one line per item, a closing line and
 * the school's name, as text and as HTML with every value escaped.
 */
export function listEmail(parts: {
  subject: string;
  to: string;
  lead: string;
  lines: string[];
  close: string;
  school: string;
}): { subject: string; text: string; html: string } {
  const { to, lead, lines, close, school } = parts;
  const intro = `Dear ${to},`;
  const text = [intro, '', lead, ...lines.map((l) => `- ${l}`), '', close, '', school].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(close)}</p>`,
    `<p>${escapeHtml(school)}</p>`,
  ].join('\n');
  return { subject: parts.subject.replace(/[\r\n]+/g, ' '), text, html };
}

/** The email: a subject, then one line per conference in time order (HTML: every value escaped). */
export function teacherDayMessage(
  day: TeacherDay,
  school: string,
): { subject: string; text: string; html: string } {
  const n = day.conferences.length;
  return listEmail({
    subject: `Your conferences on ${formatDay(day.date, 'en')}: ${n} ${n === 1 ? 'family' : 'families'}`,
    to: day.teacher,
    lead: `Your student-led conferences on ${formatDay(day.date, 'en')}, in time order:`,
    lines: day.conferences.map(line),
    close:
      'After each conference, mark it attended or no-show in the Schedule’s Status column. Only your own conferences are listed here.',
    school,
  });
}

/** A teacher's day as told: each held conference's line, by conference ID. */
export type DayDigest = Record<string, string>;

/** What a teacher was told about each conference of a day that will be held. */
export function dayDigest(conferences: TeacherConference[]): DayDigest {
  const out: DayDigest = {};
  for (const c of [...conferences].sort((a, b) => (a.start ?? 0) - (b.start ?? 0)))
    if (!NOT_HELD.has(c.status)) out[c.conferenceId] = whenWhere(c);
  return out;
}

function whenWhere(c: TeacherConference): string {
  const time =
    c.start === null
      ? '(time not readable)'
      : `${formatMinutes(c.start)}${c.end === null ? '' : `–${formatMinutes(c.end)}`}`;
  // With the mode said, "Video call" in Room says nothing more.
  const room = c.mode && /^video call$/i.test(c.room) ? '' : c.room;
  return [
    time,
    c.students || '(no student named)',
    // A Room cell that already says "Room 101" or "Library" is not prefixed again.
    ...(room ? [isBareRoom(room) ? `room ${room}` : room] : []),
    ...(c.mode ? [MODE_WORDS[c.mode]] : []),
  ].join(' · ');
}

/**
 * What changed in a teacher's day since they were told it: conferences no longer held (cancelled,
 * declined or gone), moved (another time, room or students), and added; one line each.
 */
export function dayChanges(told: DayDigest, now: DayDigest): string[] {
  const lines: string[] = [];
  for (const [id, was] of Object.entries(told)) {
    const is = now[id];
    if (is === undefined) lines.push(`Cancelled: ${was}`);
    else if (is !== was) lines.push(`Changed: ${was} → now ${is}`);
  }
  for (const [id, is] of Object.entries(now)) if (!(id in told)) lines.push(`Added: ${is}`);
  return lines;
}

/** The short note a teacher gets when their day changed after the day-before email. */
export function dayChangeMessage(
  teacher: string,
  date: string,
  changes: string[],
  school: string,
): { subject: string; text: string; html: string } {
  return listEmail({
    subject: `What changed in your conferences on ${formatDay(date, 'en')}`,
    to: teacher,
    lead: `Since your day-before email, your conferences on ${formatDay(date, 'en')} changed:`,
    lines: changes,
    close: 'Only your own conferences are listed here.',
    school,
  });
}
