/**
 * A family's id as a person sees it is the Family ID its Roster rows give, never the add-on's
 * own "F-" form; a family without one shows the id the add-on made; and whatever form a cell
 * holds (as shown, the add-on's own as older Schedules hold it, typed with other case and
 * spaces) reads back to the family. A roster export with partial Family IDs, written by hand:
 *
 * - Ana and Luis Garcia, Family ID "F-GARCIA" on Ana's row only, one guardian address.
 * - Kim and Lee Park, Family ID "PARK" on both rows.
 * - Noor Haddad, no Family ID.
 * - Kofi Osei, Family ID "OSEI-MENSAH", a guardian in each of two households.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { availabilityFamilies, AVAILABILITY_ALIASES } from '../../src/core/availabilityfamily';
import { isPlaceholderFamilyId } from '../../src/core/families';
import { familyIds } from '../../src/core/familyshown';
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
  'Guardian 2 Email',
];
const roster = parseRoster(
  [
    HEADER,
    ['S1', 'Ana', 'Garcia', 'Ms. Rivera', 'F-GARCIA', 'maria@garcia.example', ''],
    ['S2', 'Luis', 'Garcia', 'Mr. Okafor', '', 'maria@garcia.example', ''],
    ['S3', 'Kim', 'Park', 'Ms. Rivera', 'PARK', 'jin@park.example', ''],
    ['S4', 'Lee', 'Park', 'Mr. Okafor', 'PARK', 'jin@park.example', ''],
    ['S5', 'Noor', 'Haddad', 'Ms. Rivera', '', 'sam@haddad.example', ''],
    ['S6', 'Kofi', 'Osei', 'Mr. Okafor', 'OSEI-MENSAH', 'ama@osei.example', 'kwame@mensah.example'],
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

const ids = familyIds(roster.families);

describe('familyIds', () => {
  describe('shown', () => {
    it('shows the Family ID the Roster gives, with no second "F-", for every sibling', () => {
      expect(ids.shown(familyOf('S1').id)).toBe('F-GARCIA');
      expect(ids.shown(familyOf('S2').id)).toBe('F-GARCIA');
      expect(ids.shown(familyOf('S3').id)).toBe('PARK');
      expect(ids.shown(familyOf('S6').id)).toBe('OSEI-MENSAH');
    });

    it('shows the id the add-on made for a family without a Family ID', () => {
      const haddad = familyOf('S5');
      expect(ids.shown(haddad.id)).toBe(haddad.id);
      expect(ids.shown(haddad.id)).toMatch(/^F-/);
    });

    it('shows the add-on’s own id when the Family ID typed is another family’s id', () => {
      const made = familyOf('S5').id;
      const families = parseRoster(
        [
          HEADER,
          ['S1', 'Ana', 'Garcia', 'Ms. Rivera', made, 'maria@garcia.example', ''],
          ['S5', 'Noor', 'Haddad', 'Ms. Rivera', '', 'sam@haddad.example', ''],
        ],
        null,
      ).families;
      const garcia = families.find((f) => f.studentIds.includes('S1'))!;
      const haddad = families.find((f) => f.studentIds.includes('S5'))!;
      const both = familyIds(families);
      expect(haddad.id).toBe(made);
      expect(both.shown(haddad.id)).toBe(made);
      expect(both.shown(garcia.id)).toBe(`F-${made}`);
      expect(both.resolve(both.shown(garcia.id))).toBe(garcia.id);
      expect(both.resolve(made)).toBe(haddad.id);
    });
  });

  describe('resolve', () => {
    it('reads the shown form, the add-on’s own form and an older Schedule’s "F-F-" form', () => {
      const garcia = familyOf('S1').id;
      expect(ids.resolve('F-GARCIA')).toBe(garcia);
      expect(ids.resolve('F-F-GARCIA')).toBe(garcia);
      expect(ids.resolve('PARK')).toBe(familyOf('S3').id);
      expect(ids.resolve('F-PARK')).toBe(familyOf('S3').id);
    });

    it('reads the ID as people type it: other case, spaces around and inside', () => {
      expect(ids.resolve('  f-garcia ')).toBe(familyOf('S1').id);
      expect(ids.resolve('Park')).toBe(familyOf('S3').id);
      expect(ids.resolve('osei - mensah')).toBe(familyOf('S6').id);
    });

    it('reaches no family for a blank cell or an ID no family has', () => {
      expect(ids.resolve('')).toBeNull();
      expect(ids.resolve('GARCIA')).toBeNull();
      expect(ids.resolve('F-F-PARK')).toBeNull();
    });

    it('reads a former id of a family regrouped since (its old links and rows) back to it', () => {
      const regrouped = familyIds([
        { id: 'F-ADAMS', givenId: 'ADAMS', aliases: ['F-0Q3XK2M'] },
        { id: 'F-1ABCDEF' },
      ]);
      expect(regrouped.resolve('F-0Q3XK2M')).toBe('F-ADAMS');
      expect(regrouped.resolve('f-0q3xk2m')).toBe('F-ADAMS');
      expect(regrouped.shown('F-ADAMS')).toBe('ADAMS');
    });

    it('keeps a cell no family matches as written, for a family since gone from the Roster', () => {
      expect(ids.read(' F-GONE ')).toBe('F-GONE');
      expect(ids.read('f-f-garcia')).toBe(familyOf('S1').id);
    });

    it('reaches no family when the typed form fits two families that differ only in case', () => {
      const families = parseRoster(
        [
          HEADER,
          ['S1', 'Ana', 'Garcia', 'Ms. Rivera', 'Garcia', 'maria@garcia.example', ''],
          ['S3', 'Kim', 'Park', 'Ms. Rivera', 'GARCIA', 'jin@park.example', ''],
        ],
        null,
      ).families;
      const two = familyIds(families);
      expect(two.resolve('Garcia')).toBe(families.find((f) => f.givenId === 'Garcia')!.id);
      expect(two.resolve('GARCIA')).toBe(families.find((f) => f.givenId === 'GARCIA')!.id);
      expect(two.resolve('garcia')).toBeNull();
      expect(two.resolve('F-Garcia')).toBe(families.find((f) => f.givenId === 'Garcia')!.id);
      expect(two.resolve('F-GARCIA')).toBe(families.find((f) => f.givenId === 'GARCIA')!.id);
    });
  });

  it('reaches the same family when typed on the Availability sheet, in either form', () => {
    for (const id of ['S1', 'S3', 'S5']) {
      const family = familyOf(id);
      expect(typedBack(roster.families, ids.shown(family.id))).toBe(family.id);
      expect(typedBack(roster.families, family.id)).toBe(family.id);
    }
  });

  /** A Family ID as a person may type it into a Roster export. */
  const typedId = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.string({ minLength: 1, maxLength: 12 }).map((s) => `F-${s}`),
      fc.string({ minLength: 200, maxLength: 400 }),
      fc.constantFrom(
        'F-F-GARCIA',
        '<b>GARCIA</b>',
        '=HYPERLINK("x")',
        "=cmd|' /C calc'!A0",
        '"GARCIA"',
        "O'Brien",
        '\u202eAICRAG',
        'غارسيا',
        'Ñandú & Co',
      ),
    )
    // A placeholder ("0", "N/A", "x") is no Family ID: such rows show the add-on's own id.
    .filter((s) => cleanText(s) !== '' && !isPlaceholderFamilyId(cleanText(s)));
  /** The text as typed again: other case, spaces around and between its words. */
  const retyped = (text: string, upper: boolean, pad: string) =>
    `${pad}${(upper ? text.toUpperCase() : text.toLowerCase()).replace(/ /g, `${pad} `)}${pad}`;

  it('round-trips any Family ID, one that starts with "F-", collides or is hostile included', () => {
    const madeForS5 = familyOf('S5').id;
    checkProperty(
      fc.property(
        typedId,
        typedId,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '  '),
        (first, second, collide, upper, pad) => {
          const garciaId = collide ? madeForS5 : first;
          const families = parseRoster(
            [
              HEADER,
              ['S1', 'Ana', 'Garcia', 'Ms. Rivera', garciaId, 'maria@garcia.example', ''],
              ['S2', 'Luis', 'Garcia', 'Mr. Okafor', '', 'maria@garcia.example', ''],
              ['S3', 'Kim', 'Park', 'Ms. Rivera', second, 'jin@park.example', ''],
              ['S5', 'Noor', 'Haddad', 'Ms. Rivera', '', 'sam@haddad.example', ''],
            ],
            null,
          ).families;
          const mine = familyIds(families);
          const garcia = families.find((f) => f.studentIds.includes('S1'))!;
          expect(garcia.studentIds).toEqual(['S1', 'S2']);
          const shownTexts = families.map((f) => mine.shown(f.id));
          expect(new Set(shownTexts).size).toBe(families.length);
          for (const f of families) {
            expect(mine.resolve(mine.shown(f.id))).toBe(f.id);
            expect(mine.resolve(f.id)).toBe(f.id);
            // Typed with other case and spaces: that family, or none when it fits two.
            expect([f.id, null]).toContain(mine.resolve(retyped(mine.shown(f.id), upper, pad)));
          }
          if (!collide && cleanText(first) !== cleanText(second))
            expect(mine.shown(garcia.id)).toBe(cleanText(first));
          if (collide) expect(mine.shown(garcia.id)).not.toBe(madeForS5);
        },
      ),
    );
  });
});
