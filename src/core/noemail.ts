/**
 * What exports write where a family has no email: a word in the cell ("none", "N/A", "-", "no
 * email"), or a made-up address the school's system insists on (noemail@school.org,
 * parent@school.org). Neither is a guardian's address: the cell is read as blank, so the family
 * is reached through its other contacts, or by letter and phone.
 */
import { isPlaceholderFamilyId } from './families';
import { cleanText, splitEmails } from './normalize';

/** Words for "no address" beyond those a Family ID uses for "no ID" (families.ts). */
const NO_ADDRESS_WORDS =
  /^(?:no ?e-?mail(?: address)?|e-?mail not (?:given|provided|available)|not (?:given|provided|available)|declined|refused)$/i;

/** The text of an email cell that means "no address" ("none", "N/A", "-", "no email", "unknown"). */
export function isNoAddressText(text: string): boolean {
  const s = cleanText(text);
  return isPlaceholderFamilyId(s) || NO_ADDRESS_WORDS.test(s);
}

/**
 * Local parts of made-up addresses: an address that starts with one of these (noemail@…,
 * no-reply@…, parent@…) belongs to nobody's family, whatever its domain and however many rows
 * give it.
 */
const PLACEHOLDER_LOCAL =
  /^(?:no[._-]?e?mail|no[._-]?e[._-]?mail|no[._-]?address|none|noreply|no[._-]reply|do[._-]?not[._-]?reply|donotreply|unknown|n[._-]?a|null|nil|placeholder|missing|parents?|guardians?)$/;

/** A made-up address no guardian reads (noemail@school.org, parent@school.org). */
export function isPlaceholderAddress(email: string): boolean {
  return PLACEHOLDER_LOCAL.test(email.slice(0, email.lastIndexOf('@')));
}

/**
 * Local parts of a school's own role addresses (the office, the registrar). Given for a few
 * unrelated children, such an address is where the school's system sent what it could not send
 * to a family, not a caseworker's: a caseworker's address names a person or an agency.
 */
const ROLE_LOCAL =
  /^(?:(?:main|front|school)?[._-]?office|frontdesk|front[._-]desk|reception|info|admin|administration|attendance|registrar|registration|enrol(?:l)?ment|secretary|school)$/;

/** An address of a school role (office@, registrar@), not of a person. */
export function isRoleAddress(email: string): boolean {
  return ROLE_LOCAL.test(email.slice(0, email.lastIndexOf('@')));
}

/**
 * A guardian email cell read: the addresses, the parts that are not addresses, and what stands
 * for "no address" (a word, or a made-up address), which is read as a blank.
 */
export function readGuardianEmails(value: unknown): {
  valid: string[];
  invalid: string[];
  none: string[];
} {
  const text = cleanText(value);
  if (isNoAddressText(text)) return { valid: [], invalid: [], none: [text] };
  const { valid, invalid } = splitEmails(text);
  return {
    valid: valid.filter((e) => !isPlaceholderAddress(e)),
    invalid: invalid.filter((p) => !isNoAddressText(p)),
    none: [...valid.filter(isPlaceholderAddress), ...invalid.filter(isNoAddressText)],
  };
}
