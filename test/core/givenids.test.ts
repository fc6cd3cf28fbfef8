/**
 * Family IDs the Roster gives that a person would misread are warned about on the Roster step,
 * naming the cells: an ID equal to the add-on's own id for another family (so the Roster's ID
 * cannot be shown for it), and IDs that differ only in case (two families that look like one).
 */
import { parseRoster } from '../../src/core/roster';

const header = ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Email', 'Family ID'];
const familyIdWarnings = (rows: unknown[][]) =>
  parseRoster([header, ...rows], null).problems.filter((p) => /Family IDs? "/.test(p.message));

describe('a Family ID equal to the id the add-on keeps for another family', () => {
  it('is named with its cell, says how the family is shown instead and what to do', () => {
    // Dale's Family ID GARCIA makes the add-on's id F-GARCIA, which Fox's row types as its own.
    const warnings = familyIdWarnings([
      ['S1', 'Ana', 'Dale', 'Ms. Rivera', 'dale@home.example', 'GARCIA'],
      ['S2', 'Max', 'Fox', 'Ms. Rivera', 'fox@home.example', 'F-GARCIA'],
    ]);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 3, column: 6 },
        message:
          'Roster, row 3, column F (Family ID): Family ID "F-GARCIA" (the Fox family) is already the add-on\'s own id for the Dale family (row 2), so wherever a Family ID is shown (Schedule, Waitlist, Follow-ups, letters, files) this family is shown as "F-F-GARCIA", and "F-GARCIA" there means the Dale family. Give this family a different Family ID.',
      },
    ]);
  });

  it('is named when it equals the id made for a family without a Family ID', () => {
    const sun = ['S7', 'Mei', 'Sun', 'Ms. Rivera', 'sun@home.example', ''];
    const sunId = parseRoster([header, sun], null).families[0]!.id;
    const warnings = familyIdWarnings([
      sun,
      ['S8', 'Bao', 'Vu', 'Ms. Rivera', 'vu@home.example', sunId],
    ]);
    expect(warnings.map((w) => [w.where, w.message.slice(0, 80)])).toEqual([
      [
        { sheet: 'Roster', row: 3, column: 6 },
        `Roster, row 3, column F (Family ID): Family ID "${sunId}" (the Vu family) is already`.slice(
          0,
          80,
        ),
      ],
    ]);
    expect(warnings[0]!.message).toContain(`own id for the Sun family (row 2)`);
  });

  it('is not warned about when no other family has that id', () => {
    expect(
      familyIdWarnings([
        ['S1', 'Ana', 'Dale', 'Ms. Rivera', 'dale@home.example', 'GARCIA'],
        ['S2', 'Max', 'Fox', 'Ms. Rivera', 'fox@home.example', 'F-FOX'],
      ]),
    ).toEqual([]);
  });
});

describe('Family IDs that differ only in case', () => {
  it('stay two families, with one warning naming both cells', () => {
    const rows = [
      ['S1', 'Ana', 'Lee', 'Ms. Rivera', 'lee1@home.example', 'lee'],
      ['S2', 'Kim', 'Park', 'Ms. Rivera', 'park@home.example', 'PARK'],
      ['S3', 'Bo', 'Lee', 'Ms. Rivera', 'lee2@home.example', 'LEE'],
    ];
    expect(parseRoster([header, ...rows], null).families.map((f) => f.studentIds)).toEqual([
      ['S1'],
      ['S2'],
      ['S3'],
    ]);
    expect(familyIdWarnings(rows)).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Roster', row: 2, column: 6 },
        message:
          'Roster, row 2, column F (Family ID): Family IDs "lee" (Roster, row 2, column F (Family ID)) and "LEE" (Roster, row 4, column F (Family ID)) differ only in case: they are 2 families; type the same ID if they are one.',
      },
    ]);
  });
});
