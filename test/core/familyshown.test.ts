/**
 * A family's id as a person sees it is the Family ID its Roster rows give, never the add-on's
 * own "F-" form; a family without one shows the id the add-on made. A roster export with partial
 * Family IDs, written by hand:
 *
 * - Ana and Luis Garcia, Family ID "F-GARCIA" on Ana's row only, one guardian address.
 * - Kim and Lee Park, Family ID "PARK" on both rows.
 * - Noor Haddad, no Family ID.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { availabilityFamilies, AVAILABILITY_ALIASES } from '../../src/core/availabilityfamily';
import { isPlaceholderFamilyId } from '../../src/core/families';
import { shownFamilyId } from '../../src/core/familyshown';
import { cleanText } from '../../src/core/normalize';
import { parseRoster, type Family } from '../../src/core/roster';
import { AVAILABILITY } from '../../src/core/schema';
import { readTable } from '../../src/core/table';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Teacher',
  'Family ID',
  'Guardian 1 Email',
];
const roster = parseRoster(
  [
    HEADER,
    ['S1', 'Ana', 'Garcia', 'Ms. Rivera', 'F-GARCIA', 'maria@garcia.example'],
    ['S2', 'Luis', 'Garcia', 'Mr. Okafor', '', 'maria@garcia.example'],
    ['S3', 'Kim', 'Park', 'Ms. Rivera', 'PARK', 'jin@park.example'],
    ['S4', 'Lee', 'Park', 'Mr. Okafor', 'PARK', 'jin@park.example'],
    ['S5', 'Noor', 'Haddad', 'Ms. Rivera', '', 'sam@haddad.example'],
  ],
  null,
);
const familyOf = (studentId: string): Family =>
  roster.families.find((f) => f.studentIds.includes(studentId))!;

/** The family an Availability row typed with this Family ID reaches. */
function typedBack(families: readonly Family[], cell: string): string | null {
  const read = availabilityFamilies(families);
  const table = readTable(
    AVAILABILITY,
    [
      ['Family ID', 'Date', 'Start', 'End', 'Rank'],
      [cell, '2026-11-17', '15:00', '15:20', 1],
    ],
    AVAILABILITY_ALIASES,
  );
  return read(table.rows[0]!).familyId;
}

describe('shownFamilyId', () => {
  it('shows the Family ID the Roster gives, with no second "F-", for every sibling', () => {
    expect(shownFamilyId(familyOf('S1'))).toBe('F-GARCIA');
    expect(shownFamilyId(familyOf('S2'))).toBe('F-GARCIA');
    expect(shownFamilyId(familyOf('S3'))).toBe('PARK');
  });

  it('shows the id the add-on made for a family without a Family ID', () => {
    const haddad = familyOf('S5');
    expect(shownFamilyId(haddad)).toBe(haddad.id);
    expect(shownFamilyId(haddad)).toMatch(/^F-/);
  });

  it('reaches the same family when typed back, as shown or in the add-on’s own form', () => {
    for (const id of ['S1', 'S3', 'S5']) {
      const family = familyOf(id);
      expect(typedBack(roster.families, shownFamilyId(family))).toBe(family.id);
      expect(typedBack(roster.families, family.id)).toBe(family.id);
    }
  });

  it('round-trips any Family ID, one that starts with "F-" and hostile text included', () => {
    const given = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 12 }).map((s) => `F-${s}`),
        fc.constantFrom('F-F-GARCIA', '<b>GARCIA</b>', '=HYPERLINK("x")', 'Ñandú & Co'),
      )
      // A placeholder ("0", "N/A", "x") is no Family ID: such rows show the add-on's own id.
      .filter((s) => cleanText(s) !== '' && !isPlaceholderFamilyId(cleanText(s)));
    checkProperty(
      fc.property(given, (typed) => {
        const families = parseRoster(
          [
            HEADER,
            ['S1', 'Ana', 'Garcia', 'Ms. Rivera', typed, 'maria@garcia.example'],
            ['S2', 'Luis', 'Garcia', 'Mr. Okafor', '', 'maria@garcia.example'],
          ],
          null,
        ).families;
        const family = families.find((f) => f.studentIds.includes('S1'))!;
        expect(family.studentIds).toEqual(['S1', 'S2']);
        expect(shownFamilyId(family)).toBe(cleanText(typed));
        expect(typedBack(families, shownFamilyId(family))).toBe(family.id);
      }),
    );
  });
});
