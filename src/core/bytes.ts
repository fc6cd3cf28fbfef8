/** Sizes as Google counts them: a property value's limit is in bytes of UTF-8, not characters. */

/** How many bytes a text takes in UTF-8. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
