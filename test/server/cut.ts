/**
 * Cutting an execution off at one service call, and proving that it was: a test whose fault
 * stopped firing (a call moved, a count changed) would otherwise pass without testing anything.
 */
import { ExecutionTerminated, type Workspace } from '../../emulator/runtime';

/** "Service.method" of the call with this global index, as the emulator logged it. */
export function callAt(ws: Workspace, index: number): string {
  const call = ws.callLog[index];
  if (!call) throw new Error(`no call #${index} was made (${ws.callLog.length} calls so far)`);
  return `${call.service}.${call.method}`;
}

/**
 * Cuts off the execution at its k-th service call from now (0 = the next one), as Apps Script
 * does at six minutes or when a server dies. `run` must end with that cut-off, at that call;
 * returns the call that was cut ("Service.method"), for the test to name in its failure.
 */
export function cutOffAt(ws: Workspace, k: number, run: () => unknown): string {
  const index = ws.callCount + k;
  ws.injectFault({ atIndex: index, kind: 'kill' });
  let error: unknown = null;
  try {
    run();
  } catch (e) {
    error = e;
  }
  ws.clearFaults();
  if (!(error instanceof ExecutionTerminated))
    throw new Error(
      `expected the run to be cut off at call #${index}, but it ${error ? `failed otherwise: ${String(error)}` : 'ended normally'}`,
    );
  expect(error.message).toBe(`Injected failure at call #${index} (${callAt(ws, index)})`);
  expect(ws.reports.at(-1)).toMatchObject({ terminated: true });
  return callAt(ws, index);
}

/**
 * A Google error the script may catch, at the k-th service call from now. Returns the call it
 * failed; throws when the run never reached it.
 */
export function failAt(ws: Workspace, k: number, message: string, run: () => unknown): string {
  const index = ws.callCount + k;
  ws.injectFault({ atIndex: index, kind: 'throw', message });
  run();
  ws.clearFaults();
  return callAt(ws, index);
}

/** The global index of the n-th call (1 = first) of a method made since `from`. */
export function nthCall(ws: Workspace, method: string, n: number, from = 0): number {
  const calls = ws.callLog.filter((c) => c.index >= from && `${c.service}.${c.method}` === method);
  const call = calls[n - 1];
  if (!call) throw new Error(`only ${calls.length} calls of ${method}, not ${n}`);
  return call.index;
}

/** The global index of the last call of a method made after `from` and before `before`. */
export function lastCallBefore(ws: Workspace, method: string, before: number, from = 0): number {
  const call = ws.callLog
    .filter((c) => c.index > from && c.index < before && `${c.service}.${c.method}` === method)
    .at(-1);
  if (!call) throw new Error(`no call of ${method} between ${from} and ${before}`);
  return call.index;
}
