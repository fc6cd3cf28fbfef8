/**
 * Short forms.gle links for printed pages (family letters, students' slips): a form's published
 * URL shortened once per form per print. A prefilled link is never shortened: its short link
 * would carry one person's code to everyone, so the page prints the code beside it.
 */
import type { FormRecord } from '../core/formlinks';

/**
 * The form's forms.gle link, from Form.shortenFormUrl on its published URL (docs/EMULATOR.md
 * row 55), or '' when this account cannot open the form or Google refuses.
 */
export function shortLink(record: FormRecord): string {
  try {
    return FormApp.openById(record.formId).shortenFormUrl(record.publishedUrl);
  } catch {
    return '';
  }
}

/** `shortLink`, asked of Google once per form however many pages print it. */
export function shortLinks(): (record: FormRecord) => string {
  const known = new Map<string, string>();
  return (record) => {
    if (!known.has(record.formId)) known.set(record.formId, shortLink(record));
    return known.get(record.formId)!;
  };
}
