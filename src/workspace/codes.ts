/** The codes in families' links. */

/**
 * A code nobody can guess: a UUID's random bits as 32 hex digits, the first one a letter so that
 * Forms never stores the code as a number (it does so with digit-only answers, losing digits).
 */
export function newCode(): string {
  return `c${Utilities.getUuid().replace(/-/g, '').toLowerCase().slice(1)}`;
}

/** A conference ID nobody can guess (it appears in links families get). */
export function newConferenceId(): string {
  return `C-${Utilities.getUuid().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
