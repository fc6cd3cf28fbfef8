/** A stored JSON value, or null when it is absent or no longer parses (never a reason to fail). */
export function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
