/**
 * Operations longer than one execution (docs/DESIGN.md section 6: six minutes per execution, and
 * every google.script.run call is its own execution).
 *
 * A job does a time-budgeted chunk and returns its progress; the sidebar calls again until it
 * is done. Between chunks only a small cursor is kept, in document properties; the truth is in
 * the data itself (a Schedule row's event ID, an invite's sent stamp), so a chunk cut off at any
 * service call repeats nothing when the next one starts. The document lock makes two people
 * (or a trigger) take turns; whoever finds it held is told who holds it and doing what.
 */
import { UserError } from '../core/errors';
import { sameRound } from '../core/rounds';
import { storedRound } from '../core/settings';
import type { JobName, JobProgress, Problem } from '../shared/api';
import { documentProperties, parseJson, PROP } from './props';

/**
 * When Google's daily limits come back, in words: "Quotas are per user and reset 24 hours after
 * the first request" (https://developers.google.com/apps-script/guides/services/quotas), not at
 * midnight (docs/EMULATOR.md row 30).
 */
export const QUOTA_RENEWS =
  'Google renews the limit 24 hours after the first request it counted (by this time tomorrow at the latest)';

/** A chunk stops starting new work after this much time, far from the six-minute limit. */
export const CHUNK_BUDGET_MS = 45_000;
/** How long a second caller waits for the lock before being told who holds it. */
export const LOCK_WAIT_MS = 5_000;

export interface JobContext {
  /** True once the chunk's time budget is spent: finish the current item and return. */
  outOfTime(): boolean;
  /** What is left of the chunk's time budget, in ms (0 once out of time). */
  remainingMs(): number;
  /** Now, on the execution's clock. */
  now(): Date;
  /**
   * The active spreadsheet, opened at the first ask: the code that ran the chunk may go on with
   * the same one after it (each getActiveSpreadsheet is a call).
   */
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export interface ChunkResult<S> {
  state: S;
  done: boolean;
  processed: number;
  total: number;
  message: string;
  problems?: Problem[];
}

export interface JobSpec<S> {
  name: JobName;
  /** Names the work in progress: "setting up the sheets", "sending invitations". */
  label: string;
  /** The state of a fresh run (no cursor saved). */
  start(ctx: JobContext): S;
  /** Does work until done or out of time. */
  step(state: S, ctx: JobContext): ChunkResult<S>;
}

interface Running {
  job: string;
  label: string;
  user: string;
  via: 'sidebar' | 'trigger';
  since: string;
}

interface Cursor<S> {
  job: JobName;
  state: S;
  processed: number;
  total: number;
  message: string;
  user: string;
  at: string;
  /**
   * The round the job was started in (Settings): a part-way job belongs to it. Cursors saved
   * before the field have none, and carry on in whatever round is being played.
   */
  round?: string;
  /** The job's label, for saying which job is part-way. */
  label?: string;
}

/** The round being played, as Settings hold it in the document's properties. */
export function roundOf(props: GoogleAppsScript.Properties.Properties): string {
  return storedRound(parseJson<Record<string, unknown>>(props.getProperty(PROP.settings)));
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The jobs left part-way in round `round`, one sentence each ("asking families when they can
 * come: 56 of 85 done, started by a@school.example 3 minutes ago"), from one read of the
 * properties. Settings refuse a new round while there is any: the job's saved progress counts
 * its own round's work (families asked, emails sent), and would otherwise be carried on in the
 * new round, or its round's work left unfinished without a word.
 */
export function partWayJobs(all: Record<string, string>, round: string, now: Date): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PROP.jobPrefix)) continue;
    const cursor = parseJson<Cursor<unknown>>(value);
    if (!cursor || (cursor.round !== undefined && !sameRound(cursor.round, round))) continue;
    out.push(
      `${cursor.label ?? cursor.job}: ${cursor.processed} of ${cursor.total} done, started by ${cursor.user} ${minutesAgo(cursor.at, now)}`,
    );
  }
  return out;
}

/** Who is running this: an email when Google tells us, else a description. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'someone';
  } catch {
    return 'someone';
  }
}

function minutesAgo(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 60000));
  return minutes < 1
    ? 'less than a minute ago'
    : minutes === 1
      ? 'a minute ago'
      : `${minutes} minutes ago`;
}

export interface RunOptions {
  via?: 'sidebar' | 'trigger';
  budgetMs?: number;
  /** The execution's spreadsheet, when the caller opens it too (see `openedOnce`). */
  spreadsheet?: () => GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** The active spreadsheet, opened at the first call and the same one after. */
export function openedOnce(): () => GoogleAppsScript.Spreadsheet.Spreadsheet {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  return () => (ss ??= SpreadsheetApp.getActiveSpreadsheet());
}

/**
 * Runs fn holding the document lock, with a note of who holds it and doing what, so whoever
 * comes second is told. Every writer the add-on has (the sidebar's operations, trigger
 * handlers) goes through here.
 */
export function withDocumentLock<T>(
  job: string,
  label: string,
  via: 'sidebar' | 'trigger',
  fn: (user: string) => T,
  waitMs = LOCK_WAIT_MS,
): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('The add-on must run inside a spreadsheet.');
  const props = documentProperties();
  if (!lock.tryLock(waitMs)) {
    const holder = parseJson<Running>(props.getProperty(PROP.running));
    const who = holder
      ? `${holder.via === 'trigger' ? `A scheduled task (set up by ${holder.user})` : holder.user} is ${holder.label}, started ${minutesAgo(holder.since, new Date())}`
      : 'Someone else is changing this spreadsheet with the add-on';
    throw new UserError(`${who}. Nothing was changed; try again when that has finished.`);
  }
  const user = currentUser();
  try {
    props.setProperty(
      PROP.running,
      JSON.stringify({ job, label, user, via, since: new Date().toISOString() } as Running),
    );
    const result = fn(user);
    props.deleteProperty(PROP.running);
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Runs one chunk of a job under the document lock. */
export function runChunk<S>(spec: JobSpec<S>, options: RunOptions = {}): JobProgress {
  const startedAt = Date.now();
  const budget = options.budgetMs ?? CHUNK_BUDGET_MS;
  const ctx: JobContext = {
    outOfTime: () => Date.now() - startedAt >= budget,
    remainingMs: () => Math.max(0, budget - (Date.now() - startedAt)),
    now: () => new Date(),
    spreadsheet: options.spreadsheet ?? openedOnce(),
  };
  return withDocumentLock(spec.name, spec.label, options.via ?? 'sidebar', (user) => {
    const props = documentProperties();
    const key = PROP.jobPrefix + spec.name;
    const saved = parseJson<Cursor<S>>(props.getProperty(key));
    const round = roundOf(props);
    if (saved && saved.round !== undefined && !sameRound(saved.round, round)) {
      // Left part-way in another round (Settings refuse a new round while a job is part-way;
      // this is a cursor from before that check): carried on, it would count and send as if
      // its round's work were this round's. It stops here, and says so.
      props.deleteProperty(key);
      const message = `${capital(spec.label)} was left part-way in round ${saved.round} (${saved.processed} of ${saved.total} done, started by ${saved.user}); the round is now ${round}, so it was stopped and nothing more was done. Run it again to start it for ${round}.`;
      return {
        job: spec.name,
        label: spec.label,
        done: true,
        processed: saved.processed,
        total: saved.total,
        message,
        problems: [{ severity: 'warning', message }],
      };
    }
    const state = saved && saved.job === spec.name ? saved.state : spec.start(ctx);
    const result = spec.step(state, ctx);
    if (result.done) {
      if (saved) props.deleteProperty(key);
    } else {
      const cursor: Cursor<S> = {
        job: spec.name,
        state: result.state,
        processed: result.processed,
        total: result.total,
        message: result.message,
        user,
        at: ctx.now().toISOString(),
        round: saved?.round ?? round,
        label: spec.label,
      };
      props.setProperty(key, JSON.stringify(cursor));
    }
    return {
      job: spec.name,
      label: spec.label,
      done: result.done,
      processed: result.processed,
      total: result.total,
      message: result.message,
      problems: result.problems ?? [],
    };
  });
}

/** Jobs left part-way (sidebar closed, quota reached), from one read of the properties. */
export function unfinishedJobs(
  all: Record<string, string>,
  labels: Record<string, string>,
): JobProgress[] {
  const out: JobProgress[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PROP.jobPrefix)) continue;
    const cursor = parseJson<Cursor<unknown>>(value);
    if (!cursor) continue;
    out.push({
      job: cursor.job,
      label: labels[cursor.job] ?? cursor.job,
      done: false,
      processed: cursor.processed,
      total: cursor.total,
      message: `${cursor.message} Paused; continue to finish (started by ${cursor.user}).`,
      problems: [],
    });
  }
  return out;
}
