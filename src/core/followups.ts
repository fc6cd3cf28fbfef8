/**
 * Follow-ups with an owner: one row per request a family made (in the questionnaire, a follow-up
 * meeting, a private talk, or a comment asking to be contacted; on the availability form, a
 * change of time to a conference already fixed), with the students, family, owner (the host
 * teacher), what was asked and when, a status (new, contacted, done) and a due date. People edit Owner, Status and Due; a sync keeps
 * their edits and adds only requests not yet listed. Pure: workspace/followups.ts reads, writes
 * and emails the owners.
 */

import { asksForContact } from './contact';
import { joinNames } from './templates';

export const FOLLOWUPS_SHEET = 'Follow-ups';
export const FOLLOWUP_HEADER = [
  'Request',
  'Student IDs',
  'Family ID',
  'Family Phone',
  'Owner',
  'Owner Email',
  'Kind',
  'Asked',
  'Asked On',
  'Status',
  'Due',
  'Owner Told',
];
export const FOLLOWUP_STATUSES = ['new', 'contacted', 'done'];
/** What a family asked for, as the Kind column says it. */
export const FOLLOWUP_KINDS = ['follow-up meeting', 'private talk', 'change of time', 'contact'];
/** Days from the request to its due date. */
export const DUE_DAYS = 7;

export interface FollowUp {
  /** The conference and the time of the answer: one request per answer. */
  request: string;
  studentIds: string;
  familyId: string;
  /** The Roster's phone of a family no email reaches (as on the phone list), else ''. */
  familyPhone: string;
  owner: string;
  ownerEmail: string;
  kind: string;
  asked: string;
  /** yyyy-MM-dd HH:mm:ss */
  askedOn: string;
  status: string;
  /** yyyy-MM-dd */
  due: string;
  ownerTold: string;
}

export interface FollowUpAnswer {
  conferenceId: string;
  /**
   * When the family answered, as the Feedback cell shows it (yyyy-MM-dd HH:mm:ss in the
   * spreadsheet's zone): part of the request's key, so a request already listed stays listed.
   */
  answered: string;
  /** The same instant on the school's clock (yyyy-MM-dd HH:mm:ss): Asked On, and Due from it. */
  answeredAtSchool: string;
  followUp: boolean;
  /** The family would like to talk with the teacher privately. */
  privateTalk: boolean;
  followUpWhen: string;
  comments: string;
  flag: string;
}

export interface FollowUpConference {
  conferenceId: string;
  teacher: string;
  familyId: string;
  studentIds: string[];
  /** The family's own phone when no email reaches it: its owner calls instead. */
  familyPhone?: string;
}

function addDays(day: string, days: number): string {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? '' : new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What one answer asks for, each with the key that lists it once: a follow-up meeting and a
 * private talk as ticked; a comment asking to be contacted (core/contact.ts) only when neither
 * was ticked, since the comment then travels with that request already.
 */
function requestsOf(a: FollowUpAnswer): { request: string; kind: string }[] {
  const base = `${a.conferenceId} ${a.answered}`;
  const out = [
    ...(a.followUp ? [{ request: base, kind: 'follow-up meeting' }] : []),
    ...(a.privateTalk ? [{ request: `${base} private talk`, kind: 'private talk' }] : []),
  ];
  if (out.length === 0 && asksForContact(a.comments))
    out.push({ request: `${base} contact`, kind: 'contact' });
  return out;
}

/**
 * The Follow-ups rows: those already on the sheet as people left them, then one new row per
 * request not yet listed (its owner the host teacher, status new, due in DUE_DAYS).
 */
export function syncFollowUps(
  existing: FollowUp[],
  answers: FollowUpAnswer[],
  conferences: FollowUpConference[],
  emailOf: (teacher: string) => string,
): FollowUp[] {
  const byId = new Map(conferences.map((c) => [c.conferenceId, c]));
  const listed = new Set(existing.map((f) => f.request));
  const added: FollowUp[] = [];
  for (const a of [...answers].sort((x, y) => x.answered.localeCompare(y.answered))) {
    const c = byId.get(a.conferenceId);
    if (a.flag || !c) continue;
    for (const { request, kind } of requestsOf(a)) {
      if (listed.has(request)) continue;
      listed.add(request);
      added.push({
        request,
        studentIds: c.studentIds.join('; '),
        familyId: c.familyId,
        familyPhone: c.familyPhone ?? '',
        owner: c.teacher,
        ownerEmail: emailOf(c.teacher),
        kind,
        asked: (kind === 'contact' ? [a.comments] : [a.followUpWhen, a.comments])
          .filter(Boolean)
          .join(' — '),
        askedOn: a.answeredAtSchool,
        status: 'new',
        due: addDays(a.answeredAtSchool, DUE_DAYS),
        ownerTold: '',
      });
    }
  }
  return [...existing, ...added];
}

/** Requests whose owner has not been told, by owner address; a run cut off mid-send ("sending") is never repeated. */
export function untoldByOwner(rows: FollowUp[]): Map<string, FollowUp[]> {
  const out = new Map<string, FollowUp[]>();
  for (const f of rows) {
    if (f.ownerTold || !f.ownerEmail) continue;
    out.set(f.ownerEmail, [...(out.get(f.ownerEmail) ?? []), f]);
  }
  return out;
}

/**
 * A request's children as the sidebar names them: by the Roster's names ("Luis García", "Ana
 * García and Luis García"); when one is not on the Roster, by Student ID, a name beside it where
 * there is one ("Student 102", "Students Ana García (101), 102").
 */
export function requestChildren(ids: string[], nameOf: (id: string) => string): string {
  const names = ids.map(nameOf);
  if (ids.length > 0 && names.every(Boolean)) return joinNames(names, 'en');
  const each = ids.map((id, i) => (names[i] ? `${names[i]} (${id})` : id));
  return `${ids.length === 1 ? 'Student' : 'Students'} ${each.join(', ')}`;
}

/** Open requests past their due date (for the sidebar, in red). */
export function overdue(rows: FollowUp[], today: string): FollowUp[] {
  return rows.filter((f) => f.status !== 'done' && f.due !== '' && f.due < today);
}

/**
 * Adds a "change of time" request per conference whose family's availability answer now leaves it
 * out (availability.ts conferencesAskingForChange), once per conference, owned by the host
 * teacher, asked on `now` (yyyy-MM-dd HH:mm:ss) and due DUE_DAYS later.
 */
export function addTimeChanges(
  rows: FollowUp[],
  changes: (FollowUpConference & { date: string })[],
  emailOf: (teacher: string) => string,
  now: string,
): FollowUp[] {
  const listed = new Set(rows.map((f) => f.request));
  const added = changes
    .map((c) => ({ c, request: `${c.conferenceId} change of time` }))
    .filter(({ request }) => !listed.has(request))
    .map(({ c, request }): FollowUp => ({
      request,
      studentIds: c.studentIds.join('; '),
      familyId: c.familyId,
      familyPhone: c.familyPhone ?? '',
      owner: c.teacher,
      ownerEmail: emailOf(c.teacher),
      kind: 'change of time',
      asked: `Their availability answer no longer includes ${c.date}.`,
      askedOn: now,
      status: 'new',
      due: addDays(now, DUE_DAYS),
      ownerTold: '',
    }));
  return [...rows, ...added];
}
