/**
 * Text Sheets turned into a formula when it was pasted: a name exported as "=Rosa" or "+Lee, Sam"
 * becomes a cell that shows #NAME? or #ERROR!, while the cell's formula still holds what was
 * pasted ("=Rosa", "=+Lee, Sam").
 */

/**
 * The error values Sheets shows (and getValues returns as text) where a formula fails: "=Rosa"
 * or "-Ann" reads as #NAME? or #ERROR!.
 */
const SHEET_ERROR = /^#(NAME\?|REF!|N\/A|VALUE!|ERROR!|DIV\/0!|NUM!|NULL!)$/i;

/** Whether a cell shows a Sheets error rather than a value. */
export function isSheetError(value: unknown): value is string {
  return typeof value === 'string' && SHEET_ERROR.test(value);
}

/**
 * A sheet's values and, when some cell shows an error, the formulas of the same cells (as
 * Range.getFormulas gives them, '' where there is none), so what was pasted can be read back.
 */
export type PastedGrid = unknown[][] & { formulas?: readonly (readonly string[])[] };

/**
 * What a person pasted, with the signs that made Sheets read it as a formula taken off: "=Rosa"
 * is "Rosa", "=+Lee, Sam" (Sheets stores a pasted "+Lee, Sam" so) is "Lee, Sam". Null for a
 * formula that computes something (a function call, another sheet's cell, a quoted string):
 * that is not a pasted name, nor is '' (no formula). The caller trims.
 */
export function pastedText(formula: string): string | null {
  const text = formula.replace(/^[=+\-@\s]+/, '');
  if (!/\p{L}/u.test(text) || /[()!"]/.test(text)) return null;
  return text;
}
