/**
 * The execution model of the in-memory Workspace.
 *
 * One call of an entry point (a menu item, a trigger, a google.script.run call) is one
 * Execution. Every service call made during it goes through Workspace.call(): it is counted per
 * service and method, advances the virtual clock by the latency model, may be made to fail on
 * purpose, and is refused once the execution has run past Apps Script's six minutes.
 *
 * Service calls made while no execution is running (a test setting up a sheet, the preview
 * reading state to show it) are "setup" calls: they run, but cost nothing and are not counted.
 */
import { latencyOf } from './latency';

/** Errors raised by Apps Script services print as "Exception: ..." (name Exception). */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown when the execution is cut off (time limit or an injected kill). Later calls fail too. */
export class ExecutionTerminated extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** Apps Script's limit on one execution (https://developers.google.com/apps-script/guides/services/quotas). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXCEEDED_TIME_MESSAGE = 'Exceeded maximum execution time';

export interface ExecutionOptions {
  /** What ran: an entry-point name, shown in reports. */
  entry: string;
  authMode?: AuthMode;
  /** The effective (and active) user's email. */
  user?: string;
  /** Per-execution limit; Apps Script's is six minutes. */
  limitMs?: number;
}

/** What a call needs: the auth mode level, one of these OAuth scopes, and its size for latency. */
export interface Access {
  size?: number;
  auth?: 'none' | 'limited' | 'full';
  scopes?: string[];
}

export interface CallRecord {
  index: number;
  service: string;
  method: string;
  ms: number;
  execution: number;
}

export interface ExecutionReport {
  id: number;
  entry: string;
  authMode: AuthMode;
  startedAt: number;
  /** Modelled Apps Script time spent, in milliseconds. */
  elapsedMs: number;
  calls: number;
  callsByMethod: Record<string, number>;
  /** Set when the execution ended with an error (a thrown one, a time-out, an injected kill). */
  error?: string;
  terminated: boolean;
}

export class Execution {
  readonly startedAt: number;
  calls = 0;
  readonly callsByMethod: Record<string, number> = {};
  /** Set once the execution is cut off: every later service call throws it again. */
  terminatedBy: ExecutionTerminated | null = null;
  readonly heldLocks = new Set<string>();
  readonly limitMs: number;
  readonly authMode: AuthMode;
  readonly user: string;

  constructor(
    readonly id: number,
    readonly entry: string,
    private readonly workspace: Workspace,
    options: ExecutionOptions,
  ) {
    this.startedAt = workspace.clock.now();
    this.limitMs = options.limitMs ?? EXECUTION_LIMIT_MS;
    this.authMode = options.authMode ?? 'FULL';
    this.user = options.user ?? workspace.defaultUser;
  }

  elapsedMs(): number {
    return this.workspace.clock.now() - this.startedAt;
  }

  remainingMs(): number {
    return this.limitMs - this.elapsedMs();
  }
}

/** The virtual clock: milliseconds since the epoch, moved only by service calls and by tests. */
export class VirtualClock {
  private ms: number;
  constructor(start: Date | number) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }
  now(): number {
    return this.ms;
  }
  date(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`The clock only moves forward (asked to move ${ms} ms)`);
    this.ms += ms;
  }
  set(to: Date | number): void {
    const ms = typeof to === 'number' ? to : to.getTime();
    if (ms < this.ms) throw new RangeError('The clock only moves forward');
    this.ms = ms;
  }
}

/** A planned failure: the Nth counted call from now on, or every call of a method. */
export interface FaultRule {
  /** "Service.method", e.g. "CalendarApp.createEvent"; omit to match any call. */
  method?: string;
  /** Fail only the call with this global index (see Workspace.callCount). */
  atIndex?: number;
  /** How many matching calls fail; default 1. Infinity for all. */
  times?: number;
  /**
   * "throw": the service raises an exception the script may catch (as a real service error).
   * "kill": the execution is cut off there, as Apps Script does at its time limit or when a
   * server dies: nothing after it happens, whatever the script catches.
   */
  kind?: 'throw' | 'kill';
  message?: string;
}

export interface Quotas {
  /** Email recipients per day (MailApp): 100 consumer, 1,500 Google Workspace. */
  mailRecipientsPerDay: number;
  /** Calendar events created per day: 5,000 consumer, 10,000 Workspace. */
  eventsCreatedPerDay: number;
  /** LanguageApp.translate calls per day ("Translate calls"): 5,000 consumer, 20,000 Workspace. */
  translateCallsPerDay: number;
}

export const CONSUMER_QUOTAS: Quotas = {
  mailRecipientsPerDay: 100,
  eventsCreatedPerDay: 5000,
  translateCallsPerDay: 5000,
};
export const WORKSPACE_QUOTAS: Quotas = {
  mailRecipientsPerDay: 1500,
  eventsCreatedPerDay: 10000,
  translateCallsPerDay: 20000,
};

/**
 * When daily quotas renew. Google: "Quotas are per user and reset 24 hours after the first
 * request" (https://developers.google.com/apps-script/guides/services/quotas): 'after-first-use'
 * (the default) models that, each quota's day starting at its first counted use.
 * 'pacific-midnight' renews every quota at midnight Pacific time, which Google does not document
 * (docs/EMULATOR.md row 30).
 */
export type QuotaReset = 'pacific-midnight' | 'after-first-use';

const DAY_MS = 24 * 3600_000;

export class QuotaLedger {
  private day = '';
  private used: Record<string, number> = {};
  /** For 'after-first-use': when each quota's current day began (its first counted use). */
  private since: Record<string, number> = {};
  constructor(
    readonly limits: Quotas,
    private readonly clock: VirtualClock,
    readonly reset: QuotaReset = 'pacific-midnight',
  ) {}

  private roll(): void {
    if (this.reset === 'after-first-use') {
      const now = this.clock.now();
      for (const [name, start] of Object.entries(this.since)) {
        if (now >= start + DAY_MS) {
          delete this.since[name];
          delete this.used[name];
        }
      }
      return;
    }
    const day = this.dayOf(this.clock.now());
    if (day !== this.day) {
      this.day = day;
      this.used = {};
    }
  }

  /**
   * When every quota used so far (or each of `names` used so far) has renewed (ms): 24 hours
   * after the latest first use, or the next midnight Pacific. A person told "try again once it
   * renews" waits until then.
   */
  renewsAt(...names: (keyof Quotas)[]): number {
    this.roll();
    const now = this.clock.now();
    if (this.reset === 'after-first-use')
      return Math.max(
        now,
        ...Object.entries(this.since)
          .filter(([name]) => names.length === 0 || names.includes(name as keyof Quotas))
          .map(([, start]) => start + DAY_MS),
      );
    const hour = 3600_000;
    const today = this.dayOf(now);
    let next = Math.floor(now / hour) * hour + hour;
    while (this.dayOf(next) === today) next += hour;
    return next;
  }

  private dayOf(ms: number): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
      new Date(ms),
    );
  }

  usedToday(name: keyof Quotas): number {
    this.roll();
    return this.used[name] ?? 0;
  }

  remaining(name: keyof Quotas): number {
    return Math.max(0, this.limits[name] - this.usedToday(name));
  }

  /** Takes n units, or throws the given message when fewer than n remain (nothing is taken). */
  take(name: keyof Quotas, n: number, message: string): void {
    this.roll();
    if ((this.used[name] ?? 0) + n > this.limits[name]) throw new AppsScriptException(message);
    if (!this.used[name] && n > 0) this.since[name] = this.clock.now();
    this.used[name] = (this.used[name] ?? 0) + n;
  }
}

export interface WorkspaceOptions {
  /** Where the virtual clock starts. */
  now?: Date | number;
  quotas?: Quotas;
  /** When daily quotas renew; see QuotaReset. Default 'after-first-use'. */
  quotaReset?: QuotaReset;
  defaultUser?: string;
  seed?: number;
  /**
   * Multiplies every modelled call's cost: a slow day at Google (or a school on a slow
   * domain). Benchmarks use it to push executions against the six-minute limit.
   */
  latencyFactor?: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per-service state lives in the service modules; they register here under their own name. */
export class Workspace {
  readonly clock: VirtualClock;
  readonly quota: QuotaLedger;
  readonly defaultUser: string;
  readonly latencyFactor: number;
  /** The manifest's oauthScopes once a bundle is loaded with its manifest; null grants all. */
  grantedScopes: Set<string> | null = null;
  /** Every counted call since the workspace was made (or since resetCallLog). */
  callLog: CallRecord[] = [];
  readonly reports: ExecutionReport[] = [];
  private faults: (FaultRule & { left: number })[] = [];
  private interruptions: { method: string; left: number; action: () => void }[] = [];
  private executionSeq = 0;
  private stack: Execution[] = [];
  /** Seeded randomness (ids, uuids): the same workspace seed gives the same run. */
  readonly random: () => number;
  /** Hooks run when an execution ends (locks are released there). */
  private readonly endHooks: ((e: Execution) => void)[] = [];

  constructor(options: WorkspaceOptions = {}) {
    this.clock = new VirtualClock(options.now ?? Date.UTC(2026, 9, 1, 15, 0, 0));
    this.quota = new QuotaLedger(
      options.quotas ?? WORKSPACE_QUOTAS,
      this.clock,
      options.quotaReset ?? 'after-first-use',
    );
    this.defaultUser = options.defaultUser ?? 'coordinator@school.example';
    this.latencyFactor = options.latencyFactor ?? 1;
    this.random = mulberry32(options.seed ?? 20261122);
  }

  /** A random id of the given length from [A-Za-z0-9_-], as Google's ids look. */
  randomId(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * 64)];
    return out;
  }

  /** The execution running now, or null during setup. */
  get current(): Execution | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** Global index of the next counted call. */
  get callCount(): number {
    return this.callLog.length;
  }

  onExecutionEnd(hook: (e: Execution) => void): void {
    this.endHooks.push(hook);
  }

  /**
   * Runs fn as one Apps Script execution. Errors propagate as they would to the caller of
   * google.script.run (the failure handler) after the execution's report is recorded.
   */
  execute<T>(options: ExecutionOptions, fn: (execution: Execution) => T): T {
    const execution = new Execution(++this.executionSeq, options.entry, this, options);
    this.stack.push(execution);
    let error: unknown = null;
    try {
      const result = fn(execution);
      if (execution.terminatedBy) throw execution.terminatedBy;
      return result;
    } catch (e) {
      error = execution.terminatedBy ?? e;
      throw error;
    } finally {
      this.stack.pop();
      for (const hook of this.endHooks) hook(execution);
      this.reports.push({
        id: execution.id,
        entry: execution.entry,
        authMode: execution.authMode,
        startedAt: execution.startedAt,
        elapsedMs: execution.elapsedMs(),
        calls: execution.calls,
        callsByMethod: { ...execution.callsByMethod },
        error: error === null ? undefined : String(error),
        terminated: execution.terminatedBy !== null,
      });
    }
  }

  /** Fail calls on purpose; see FaultRule. */
  injectFault(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /**
   * Something a person does while a script runs (another editor typing in a cell): `action` runs
   * just before the `nth` call of `method` from now (1 = the next), outside the execution, so it
   * costs no call. Returns a function telling whether it has happened.
   */
  interruptAt(method: string, nth: number, action: () => void): () => boolean {
    const entry = { method, left: nth, action };
    this.interruptions.push(entry);
    return () => entry.left === 0;
  }

  /** Runs `action` as no execution: a person's edit, uncounted and unfaulted. */
  private outside(action: () => void): void {
    const running = this.stack;
    this.stack = [];
    try {
      action();
    } finally {
      this.stack = running;
    }
  }

  resetCallLog(): void {
    this.callLog = [];
  }

  /** Counts per "Service.method" over the whole log. */
  callsByMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.callLog) {
      const key = `${c.service}.${c.method}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  callsByService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.callLog) out[c.service] = (out[c.service] ?? 0) + 1;
    return out;
  }

  /**
   * The gate every service method passes. `size` feeds the latency model (cells written,
   * recipients, ...). Outside an execution the call is free and uncounted.
   */
  call<T>(service: string, method: string, body: () => T, access: Access = {}): T {
    const execution = this.current;
    if (!execution) return body();
    if (execution.terminatedBy) throw execution.terminatedBy;
    this.checkAccess(execution, service, method, access);
    const size = access.size ?? 0;

    const key = `${service}.${method}`;
    const index = this.callLog.length;
    const ms = latencyOf(service, method, size) * this.latencyFactor;
    this.callLog.push({ index, service, method, ms, execution: execution.id });
    execution.calls++;
    execution.callsByMethod[key] = (execution.callsByMethod[key] ?? 0) + 1;

    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (f.method === undefined || f.method === key) &&
        (f.atIndex === undefined || f.atIndex === index),
    );
    if (fault) {
      fault.left--;
      const message = fault.message ?? `Injected failure at call #${index} (${key})`;
      if (fault.kind === 'kill') {
        execution.terminatedBy = new ExecutionTerminated(message);
        throw execution.terminatedBy;
      }
      throw new AppsScriptException(message);
    }

    this.clock.advance(ms);
    if (execution.elapsedMs() > execution.limitMs) {
      execution.terminatedBy = new ExecutionTerminated(EXCEEDED_TIME_MESSAGE);
      throw execution.terminatedBy;
    }
    for (const i of this.interruptions)
      if (i.left > 0 && i.method === key && --i.left === 0) this.outside(i.action);
    return body();
  }

  /** Script-side time that is not a service call (Utilities.sleep, modelled computation). */
  spend(ms: number): void {
    const execution = this.current;
    this.clock.advance(ms);
    if (execution && execution.elapsedMs() > execution.limitMs) {
      execution.terminatedBy = new ExecutionTerminated(EXCEEDED_TIME_MESSAGE);
      throw execution.terminatedBy;
    }
  }

  /**
   * Auth modes (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle):
   * in NONE only the menu-building Ui calls work; in LIMITED also the bound document; FULL all.
   * Scopes: a call needs one of its scopes in the manifest's oauthScopes (when a manifest is
   * loaded); Apps Script's message is "Specified permissions are not sufficient to call X.
   * Required permissions: scope".
   */
  private checkAccess(execution: Execution, service: string, method: string, access: Access) {
    const needs = access.auth ?? 'full';
    const mode = execution.authMode;
    const allowed =
      mode === 'FULL' || needs === 'none' || (needs === 'limited' && mode === 'LIMITED');
    if (!allowed) {
      throw new AppsScriptException(
        `You do not have permission to call ${service}.${method} in AuthMode.${mode}. ` +
          'Only the add-on menu can be built before the add-on is authorized for this document.',
      );
    }
    const scopes = access.scopes ?? [];
    if (
      this.grantedScopes &&
      scopes.length > 0 &&
      !scopes.some((s) => this.grantedScopes!.has(s))
    ) {
      throw new AppsScriptException(
        `Specified permissions are not sufficient to call ${service}.${method}. ` +
          `Required permissions: ${scopes.join(' || ')}`,
      );
    }
  }

  /** Total modelled time of every recorded execution. */
  modelledMs(): number {
    return this.reports.reduce((sum, r) => sum + r.elapsedMs, 0);
  }
}
