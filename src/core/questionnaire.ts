/**
 * Who is due the questionnaire after the round's conferences, and what a run's send journal
 * says was sent: pure rules over the Schedule and the journal as read (src/workspace/forms.ts
 * sends the emails, keeps the journal and writes the stamps).
 */
import type { Problem } from '../shared/api';
import { unkeyedRows } from './blocks';
import { tokenOfLink } from './feedback';
import { cleanText } from './normalize';
import { inRound } from './rounds';
import type { ExistingRow } from './schedule/sheet';

/** The cell of a conference the day's email quota left for another day: still due. */
export const WAITING = 'Waiting for the daily email quota';

/**
 * Only a conference marked attended is asked how it went: one left unmarked may have been a
 * no-show, and a family that did not come must not be asked "how did it go?".
 */
const ASKED = 'attended';
/** Statuses that say what became of a conference; any other past conference is unmarked. */
const MARKED = new Set([ASKED, 'cancelled', 'declined', 'no-show', 'rescheduled']);

/**
 * A stamp cell holds something (Sheets may have turned the text into a date); a conference left
 * waiting for the quota is still due.
 */
export function filled(value: unknown): boolean {
  return value instanceof Date || (cleanText(value) !== '' && cleanText(value) !== WAITING);
}

/** A family due the questionnaire, with its conferences of the round. */
export interface Due {
  familyId: string;
  rows: ExistingRow[];
}

/** Whether a Status says what became of a conference (attended, missed, called off or moved). */
export function isMarked(status: string): boolean {
  return MARKED.has(status);
}

/**
 * This round's conferences before `today` whose Status says neither attended nor missed (the
 * Questionnaire step and the Summary both count them, so one rule). A row with no date is none.
 */
export function unmarkedPast<R extends { round: string; date: string | null; status: string }>(
  rows: R[],
  round: string,
  today: string,
): R[] {
  return rows.filter(
    (r) => inRound(r.round, round) && !!r.date && r.date < today && !isMarked(r.status),
  );
}

/**
 * True when a conference of `round` was held before `today` ("YYYY-MM-DD") and marked attended:
 * the one its family is asked how it went, by email or letter, and its student asked to reflect
 * on. A no-show, declined, moved or unmarked conference did not happen as far as anyone knows.
 */
export function attendedBefore(
  r: { round: string; date: string | null; status: string },
  round: string,
  today: string,
): boolean {
  return inRound(r.round, round) && r.status === ASKED && !!r.date && r.date < today;
}

/** Statuses of a conference that is not ahead of its student, whatever its date. */
const NOT_AHEAD = new Set(['cancelled', 'declined', 'no-show', 'rescheduled', 'attended']);

/**
 * The students with conferences of `round` on the Schedule none of which is still ahead of them
 * (each before `today` or not to be held at its time: a no-show, a declined or moved one) and
 * none held before today: until given a new time they have nothing to prepare for, and a prep
 * email would say the conference "is coming". A student with no conference yet is not one.
 */
export function nothingAhead(
  rows: { round: string; date: string | null; status: string; studentIds: string[] }[],
  round: string,
  today: string,
): Set<string> {
  const seen = new Set<string>();
  const keep = new Set<string>();
  for (const r of rows) {
    if (!inRound(r.round, round)) continue;
    const ahead = !NOT_AHEAD.has(r.status) && (!r.date || r.date >= today);
    for (const id of r.studentIds) {
      seen.add(id);
      if (ahead || attendedBefore(r, round, today)) keep.add(id);
    }
  }
  return new Set([...seen].filter((id) => !keep.has(id)));
}

/**
 * Families whose conferences this round were marked attended (held before `today`,
 * "YYYY-MM-DD") and who have not been sent the questionnaire. A conference with a blank Round is this round's, as it is
 * for the invitations (`inRound`): a family invited is a family asked. Sending gives a conference
 * without a link its link first; the step, which only reads, counts those too (`linkOnSend`) when
 * the round's questionnaire exists.
 */
export function dueFamilies(
  read: { rows: ExistingRow[]; columns: ReadonlyMap<string, number> },
  round: string,
  today: string,
  linkOnSend = false,
): Due[] {
  const sentCol = read.columns.get('Questionnaire Sent');
  const linkCol = read.columns.get('Feedback Link');
  const emailsCol = read.columns.get('Emails');
  const byFamily = new Map<string, ExistingRow[]>();
  for (const r of read.rows) {
    if (!attendedBefore(r, round, today)) continue;
    if (sentCol && filled(r.values[sentCol - 1])) continue;
    if (!linkOnSend && (!linkCol || !tokenOfLink(r.values[linkCol - 1]))) continue;
    // A family without email cannot be mailed its link (it is reached by letter and phone).
    if (emailsCol && !cleanText(r.values[emailsCol - 1])) continue;
    const key = r.familyId || r.conferenceId;
    byFamily.set(key, [...(byFamily.get(key) ?? []), r]);
  }
  return [...byFamily].map(([familyId, rows]) => ({ familyId, rows }));
}

/**
 * The families due the questionnaire (`dueFamilies`) without the rows no write could find again
 * (`unkeyedRows`: a Conference ID blank or on several rows), which are not sent to, and a problem
 * at each of those rows that would otherwise be due. The run and the step both read it.
 */
export function dueKeyed(
  read: { rows: ExistingRow[]; columns: ReadonlyMap<string, number> },
  round: string,
  today: string,
  linkOnSend = false,
): { due: Due[]; problems: Problem[] } {
  const unkeyed = unkeyedRows(
    read.rows,
    'Schedule',
    read.columns.get('Conference ID') ?? 1,
    'sent the questionnaire',
  );
  const dueNow = dueFamilies(read, round, today, linkOnSend);
  const skipped = new Set(
    dueNow.flatMap((d) => d.rows.filter((r) => unkeyed.rows.has(r.row)).map((r) => r.row)),
  );
  return {
    due: dueNow
      .map((d) => ({ ...d, rows: d.rows.filter((r) => !skipped.has(r.row)) }))
      .filter((d) => d.rows.length),
    problems: unkeyed.problems.filter((x) => skipped.has(x.where?.row ?? 0)),
  };
}

/** The send journal, kept before each email and cleared once the stamps are written. */
export interface SentJournal {
  /** Conferences whose every address was sent to (stamped on the next run). */
  sent: string[];
  /** The conferences of the message being sent. */
  sending: string[];
  /**
   * Addresses sent to about conferences not yet complete; "?address" for one a cut-off run was
   * sending to (never sent again, and the row is flagged for a person once the rest are sent).
   */
  partly?: Record<string, string[]>;
  /** The address of the message being sent. */
  to?: string;
}

/** What the journal a run left says, for the next run. */
export interface JournalReading {
  /** Conferences sent: stamped now, never sent again. */
  sent: Set<string>;
  /**
   * Conferences whose message was being sent when the run was cut off, by a journal that did not
   * name its address: MailApp cannot tell whether it left, so they are flagged for a person.
   */
  unsure: Set<string>;
  /** Addresses sent to, and ("?address") in doubt, by conference. */
  partly: Record<string, string[]>;
}

/**
 * Decodes the journal (`saved`; an older run kept only the list of conferences sent) and the
 * addresses kept since an earlier run (`partlyBefore`). A journal that names the address being
 * sent leaves only that address in doubt: the family's other addresses are still sent to.
 */
export function readSentJournal(
  saved: string[] | SentJournal | null,
  partlyBefore: Record<string, string[]> | null,
): JournalReading {
  const journal = Array.isArray(saved) ? { sent: saved, sending: [] } : saved;
  const sent = new Set(journal?.sent ?? []);
  const doubtful = journal?.to ?? '';
  const partly: Record<string, string[]> = { ...(partlyBefore ?? {}), ...(journal?.partly ?? {}) };
  if (doubtful)
    for (const id of journal?.sending ?? [])
      if (!sent.has(id)) partly[id] = [...(partly[id] ?? []), `?${doubtful}`];
  return { sent, unsure: new Set(doubtful ? [] : (journal?.sending ?? [])), partly };
}

/** True when an address of the conference is in doubt (a cut-off run was sending to it). */
export function inDoubt(partly: Record<string, string[]>, conferenceId: string): boolean {
  // Stryker disable next-line ArrayDeclaration: a made-up address is not in doubt either
  return (partly[conferenceId] ?? []).some((e) => e.startsWith('?'));
}
