/**
 * LockService: mutual exclusion between executions.
 * Reference: https://developers.google.com/apps-script/reference/lock/lock
 *
 * Executions here run one at a time, so contention comes from (a) an execution started inside
 * another one (a trigger fired by a form the script submitted) or (b) a lock a test holds "for
 * another person" until a time on the virtual clock (holdForAnother). Waiting spends virtual
 * time, as a real wait spends the execution's six minutes. Apps Script releases every lock
 * when its execution ends; so does the emulator.
 */
import { registerLatency } from './latency';
import { AppsScriptException, type Workspace } from './runtime';
import type { SpreadsheetStore } from './sheets/model';

registerLatency('LockService', {
  'Lock.tryLock': { base: 50 },
  'Lock.waitLock': { base: 50 },
  'Lock.releaseLock': { base: 30 },
});

export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

interface Holder {
  /** The execution holding it, or 0 for a simulated other person. */
  execution: number;
  /** For a simulated holder: when it lets go (ms on the virtual clock). */
  until?: number;
}

export class LockStore {
  readonly held = new Map<string, Holder>();

  constructor(private readonly ws: Workspace) {
    ws.onExecutionEnd((e) => {
      for (const [key, h] of this.held) if (h.execution === e.id) this.held.delete(key);
    });
  }

  /** Simulates another execution holding the lock until the given time. */
  holdForAnother(key: string, until: number): void {
    this.held.set(key, { execution: 0, until });
  }

  /** Lock keys: "document:<id>", "script", "user:<email>". */
  static documentKey(id: string): string {
    return `document:${id}`;
  }
}

export function createLockService(ws: Workspace, locks: LockStore, sheets: SpreadsheetStore) {
  function lock(key: string) {
    const me = () => ws.current?.id ?? -1;
    const free = () => {
      const h = locks.held.get(key);
      if (h && h.execution === 0 && h.until !== undefined && h.until <= ws.clock.now())
        locks.held.delete(key);
      return !locks.held.has(key) || locks.held.get(key)!.execution === me();
    };
    /** Waits up to timeout ms of virtual time; true when acquired. */
    const acquire = (timeoutMs: number): boolean => {
      if (!(timeoutMs >= 0)) throw new AppsScriptException('Invalid argument: timeoutInMillis');
      if (!free()) {
        const h = locks.held.get(key)!;
        const wait =
          h.execution === 0 && h.until !== undefined ? h.until - ws.clock.now() : Infinity;
        ws.spend(Math.min(timeoutMs, wait));
        if (!free()) return false;
      }
      locks.held.set(key, { execution: me() });
      ws.current?.heldLocks.add(key);
      return true;
    };
    const self = {
      tryLock: (timeoutMs: number) =>
        ws.call('LockService', 'Lock.tryLock', () => acquire(timeoutMs), { auth: 'limited' }),
      waitLock: (timeoutMs: number) =>
        ws.call(
          'LockService',
          'Lock.waitLock',
          () => {
            if (!acquire(timeoutMs)) throw new AppsScriptException(LOCK_TIMEOUT_MESSAGE);
          },
          { auth: 'limited' },
        ),
      hasLock: () => locks.held.get(key)?.execution === me(),
      releaseLock: () =>
        ws.call(
          'LockService',
          'Lock.releaseLock',
          () => {
            if (locks.held.get(key)?.execution === me()) locks.held.delete(key);
          },
          { auth: 'limited' },
        ),
    };
    return self;
  }
  return {
    /** Null when the script runs without a bound document, as Apps Script returns. */
    getDocumentLock: () => (sheets.active ? lock(LockStore.documentKey(sheets.active.id)) : null),
    getScriptLock: () => lock('script'),
    getUserLock: () => lock(`user:${ws.current?.user ?? ws.defaultUser}`),
  };
}
