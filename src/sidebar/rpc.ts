/**
 * The typed, promise-based wrapper over google.script.run. The server answers every call with a
 * Result envelope; a user-facing error rejects with an ApiFailure that keeps its cell reference.
 * A failure before the server could answer (network, time limit, authorisation) rejects too.
 */
import type { ApiError, ApiName, Result, ServerApi } from '../shared/api';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: Runner; host?: { close(): void } } };
  }
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export function call<K extends ApiName>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(
        new ApiFailure({
          message: 'This page must be opened from the add-on menu in Google Sheets.',
        }),
      );
      return;
    }
    const runner = run
      .withSuccessHandler((value) => {
        const result = value as Result<ReturnType<ServerApi[K]>> | null;
        if (result && result.ok) resolve(result.value);
        else if (result) reject(new ApiFailure(result.error));
        else
          reject(
            new ApiFailure({
              message: 'The add-on sent back an empty answer. Reload the sidebar and try again.',
            }),
          );
      })
      .withFailureHandler((error) => {
        const text = error && error.message ? error.message : String(error);
        reject(
          new ApiFailure({
            message: /maximum execution time/i.test(text)
              ? 'Google stopped the operation at its time limit. Everything done so far is saved; press Continue.'
              : `Could not reach the add-on: ${text}`,
          }),
        );
      });
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
