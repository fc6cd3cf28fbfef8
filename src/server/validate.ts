/**
 * The browser is not trusted: every argument a google.script.run call brings is checked here
 * before anything runs. A failed check is a UserError naming the argument.
 */
import { UserError } from '../core/errors';

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
        if (!(key in shape)) fail(`${name}.${key}`, 'no such field');
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
