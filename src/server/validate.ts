/**
 * The browser is not trusted: every argument a google.script.run call brings is checked here
 * before anything runs. A failed check is a UserError naming the argument.
 */
import { UserError } from '../core/errors';
import { CONTROL_CHARS, CONTROL_CHARS_BUT_LINES } from '../core/normalize';
import { hasOwn } from '../core/own';

export type Check<T> = (value: unknown, name: string) => T;

function fail(name: string, expected: string): never {
  throw new UserError(
    `The add-on received an invalid ${name} (expected ${expected}). Reload the sidebar and try again.`,
  );
}

export const v = {
  string:
    (max = 1000): Check<string> =>
    (value, name) =>
      typeof value === 'string' && value.length <= max
        ? value
        : fail(name, `text of at most ${max} characters`),
  /**
   * Text a person typed: at most max characters, no control character (NUL, escape, a line
   * break in a one-line field such as an email subject, where it would start a header of its own).
   * A multi-line text keeps its line breaks and tabs.
   */
  text:
    (max: number, lines: 'one line' | 'lines'): Check<string> =>
    (value, name) => {
      const s = v.string(max)(value, name);
      const control = lines === 'lines' ? CONTROL_CHARS_BUT_LINES : CONTROL_CHARS;
      if (control.test(s))
        throw new UserError(
          lines === 'lines'
            ? `The ${name} contains a control character (such as NUL or escape), often pasted by accident; delete it and save again.`
            : `The ${name} contains a line break, a tab or another control character; write it on one line and save again.`,
        );
      return s;
    },
  integer:
    (min: number, max: number): Check<number> =>
    (value, name) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? value
        : fail(name, `a whole number from ${min} to ${max}`),
  oneOf:
    <T extends string>(options: readonly T[]): Check<T> =>
    (value, name) =>
      typeof value === 'string' && (options as readonly string[]).includes(value)
        ? (value as T)
        : fail(name, `one of ${options.join(', ')}`),
  optional:
    <T>(check: Check<T>): Check<T | undefined> =>
    (value, name) =>
      value === undefined || value === null ? undefined : check(value, name),
  object:
    <T extends Record<string, unknown>>(shape: { [K in keyof T]: Check<T[K]> }): Check<T> =>
    (value, name) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(name, 'an object');
      const input = value as Record<string, unknown>;
      for (const key of Object.keys(input))
        if (!hasOwn(shape, key)) fail(`${name}.${key}`, 'no such field');
      const out = {} as T;
      for (const key of Object.keys(shape) as (keyof T)[])
        out[key] = shape[key](input[key as string], `${name}.${String(key)}`);
      return out;
    },
};

/** Checks a call's whole argument list: no more arguments than the function takes. */
export function args<T extends unknown[]>(
  values: unknown[],
  ...checks: { [K in keyof T]: [string, Check<T[K]>] }
): T {
  if (values.length > checks.length) fail('call', `${checks.length} argument(s)`);
  return checks.map(([name, check], i) => check(values[i], name)) as T;
}
