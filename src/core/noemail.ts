/**
 * What exports write where a family has no email: a word in the cell ("none", "N/A", "-", "no
 * email"), or a made-up address the school's system insists on (noemail@school.org,
 * no-reply@school.org). Neither is a guardian's address: the cell is read as blank, so the family
 * is reached through its other contacts, or by letter and phone. A role address (office@,
 * parent@) is a placeholder only when shared: see isSharedPlaceholder.
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
 * Local parts that can only mean "no address": an address that starts with one of these
 * (noemail@…, no-reply@…, unknown@…) belongs to nobody's family, whatever its domain and however
 * many rows give it. Words that can be a person's or a family's (nil, a Turkish given name; na;
 * parents@ at a family's own domain) are not here: see GENERIC_LOCAL.
 */
const PLACEHOLDER_LOCAL =
  /^(?:no[._-]?e?[._-]?mail|no[._-]?address|none|no[._-]?reply|do[._-]?not[._-]?reply|unknown|null|placeholder|missing)$/;

/** A made-up address no guardian reads (noemail@school.org, no-reply@school.org). */
export function isPlaceholderAddress(email: string): boolean {
  return PLACEHOLDER_LOCAL.test(localPart(email));
}

function localPart(email: string): string {
  return email.slice(0, email.lastIndexOf('@'));
}

/**
 * Local parts that name a role, not a person: a school's own role addresses (the office, the
 * registrar), and words a clerk types for "the family" (parent@, guardian@, na@, nil@). Each is
 * also a real address somewhere (an agency's info@, a family's parents@ at its own domain), so
 * such an address is a placeholder only when it is shared: see isSharedPlaceholder.
 */
const GENERIC_LOCAL =
  /^(?:(?:main|front|school)?[._-]?office|frontdesk|front[._-]desk|reception|info|admin|administration|attendance|registrar|registration|enrol(?:l)?ment|secretary|school|parents?|guardians?|n[._-]?a|nil)$/;

/** An address of a role or of "the family" (office@, registrar@, parent@), not of a person. */
export function isRoleAddress(email: string): boolean {
  return GENERIC_LOCAL.test(localPart(email));
}

/** Any address on this many students, of three surnames or more, is a placeholder. */
const SHARED_PLACEHOLDER_STUDENTS = 6;
/** A role address (office@, info@, parents@) on this many students of three surnames or more. */
const ROLE_PLACEHOLDER_STUDENTS = 3;

/** One address as the Roster gives it: on which students, and what their rows say. */
export interface SharedAddress {
  email: string;
  /** How many students' rows list it. */
  students: number;
  /** The different surnames of those students. */
  surnames: number;
  /** The Family ID on each of those rows ('' when blank or a placeholder ID). */
  familyIds: string[];
}

/**
 * Whether an address given for unrelated students is a placeholder (gets nothing, groups
 * nobody): a role address on 3 or more students of 3 or more surnames, or any address on 6 or
 * more of 3 or more surnames. It is decided from the Roster's rows alone, at any domain: the
 * Roster is read without the Teachers sheet where mail is sent, and both reads must agree on
 * who is emailed. A coordinator says it is one family's real address (a foster agency's info@)
 * by giving every one of those rows the same Family ID.
 */
export function isSharedPlaceholder(address: SharedAddress): boolean {
  const [first, ...rest] = address.familyIds;
  if (first && rest.every((id) => id === first)) return false;
  if (address.surnames < 3) return false;
  const least = isRoleAddress(address.email)
    ? ROLE_PLACEHOLDER_STUDENTS
    : SHARED_PLACEHOLDER_STUDENTS;
  return address.students >= least;
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
