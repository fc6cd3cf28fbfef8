/**
 * An Availability row reaches the same family in the scheduler and in the stand-in reading,
 * whether the form wrote it (the family's id) or a person typed or pasted it (a guardian's Email,
 * or the Roster's own Family ID). A small roster written by hand:
 *
 * - Roster Family ID "F-BLEND" (the add-on keeps it as "F-F-BLEND"): Amy Adams, listed with Pat
 *   and Xavier; Ben Baker, listed with Pat only.
 * - Lía López, no Family ID, listed with Rosa.
 * - Jay Brooks and Mia Chen, two families sharing their caseworker's address.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { AVAILABILITY_ALIASES, availabilityFamilies } from '../../src/core/availabilityfamily';
import { parseRoster } from '../../src/core/roster';
import { readAvailability } from '../../src/core/schedule/sheet';
import { AVAILABILITY } from '../../src/core/schema';
import { standInsOf } from '../../src/core/standin';
import { readTable } from '../../src/core/table';
import { wallClockIn } from '../../src/core/zone';

const PAT = 'pat@adams.example';
const XAVIER = 'x@cole.example';
const ROSA = 'rosa@lopez.example';
const CASEWORKER = 'cw@agency.example';
const JUNE = 'june@grand.example';
const BLEND = 'F-F-BLEND';

const roster = parseRoster(
  [
    [
      'Student ID',
      'First Name',
      'Last Name',
      'Teacher',
      'Family ID',
      'Guardian 1 Email',
      'Guardian 2 Email',
    ],
    ['S1', 'Amy', 'Adams', 'Ms. Rivera', 'F-BLEND', PAT, XAVIER],
    ['S2', 'Ben', 'Baker', 'Ms. Rivera', 'F-BLEND', PAT, ''],
    ['S3', 'Lía', 'López', 'Ms. Rivera', '', ROSA, ''],
    ['S4', 'Jay', 'Brooks', 'Ms. Rivera', '', CASEWORKER, ''],
    ['S5', 'Mia', 'Chen', 'Ms. Rivera', '', CASEWORKER, ''],
  ],
  null,
);
const familyOfStudent = (id: string) => roster.students.find((s) => s.id === id)!.familyId;

const HEADER = ['Family', 'Family ID', 'Email', 'Date', 'Start', 'End', 'Rank'];
const STAND_IN = ['Who Comes', 'Who Comes Email', 'Round'];

/** Typed rows, each marking a time and naming Grandma June for the Fall round. */
function sheet(...rows: [family: string, familyId: string, email: string][]): unknown[][] {
  return [
    [...HEADER, ...STAND_IN],
    ...rows.map((r) => [...r, '2026-11-17', '15:00', '16:00', 1, 'Grandma June', JUNE, 'Fall']),
  ];
}

const wall = wallClockIn('UTC');

/** The families the scheduler placed times for, and the stand-ins read from the same rows. */
function readBoth(values: unknown[][]) {
  const times = readAvailability(values, roster, wall, 'Fall');
  const rows = readTable(AVAILABILITY, values, AVAILABILITY_ALIASES).rows;
  const { standIns } = standInsOf(rows, 'Fall', availabilityFamilies(roster.families));
  return { timesFor: [...times.byFamily.keys()], standIns };
}

describe('availabilityfamily', () => {
  describe('a row reaches the same family in the scheduler and the stand-in reading', () => {
    it('by a guardian’s Email alone, what a typed or pasted row carries', () => {
      const { timesFor, standIns } = readBoth(sheet(['', '', 'X@Cole.example']));
      expect(timesFor).toEqual([BLEND]);
      expect([...standIns.entries()]).toEqual([
        [BLEND, { name: 'Grandma June', email: JUNE, answeredBy: XAVIER }],
      ]);
    });

    it('by the Roster’s own Family ID, typed in the Family ID column', () => {
      // Rosa's address, on a row that says it is for the blended family, does not move it to hers.
      const { timesFor, standIns } = readBoth(sheet(['', 'F-BLEND', ROSA]));
      expect(timesFor).toEqual([BLEND]);
      expect([...standIns.keys()]).toEqual([BLEND]);
    });

    it('by the id the form writes (the Schedule’s Family ID)', () => {
      const lia = familyOfStudent('S3');
      const { timesFor, standIns } = readBoth(sheet(['', lia, ROSA], ['', BLEND, PAT]));
      expect(timesFor).toEqual([lia, BLEND]);
      expect([...standIns.keys()]).toEqual([lia, BLEND]);
    });

    it('by the Family column when the Family ID is blank', () => {
      const { timesFor, standIns } = readBoth(sheet(['F-BLEND', '', '']));
      expect(timesFor).toEqual([BLEND]);
      expect(standIns.get(BLEND)?.email).toBe(JUNE);
    });

    it('by neither when the row gives only the family’s name, which two families may share', () => {
      const { timesFor, standIns } = readBoth(sheet(['Adams', '', ''], ['López', '', '']));
      expect(timesFor).toEqual([]);
      expect(standIns.size).toBe(0);
    });

    it('by neither for a contact several families share, until the row says which family', () => {
      const jay = familyOfStudent('S4');
      expect(readBoth(sheet(['', '', CASEWORKER]))).toEqual({ timesFor: [], standIns: new Map() });
      const { timesFor, standIns } = readBoth(sheet(['', jay, CASEWORKER]));
      expect(timesFor).toEqual([jay]);
      expect(standIns.get(jay)?.answeredBy).toBe(CASEWORKER);
    });
  });

  describe('any row, as a person may type it', () => {
    /** Who is listed with each family on the roster above. */
    const listed = new Map([
      [BLEND, [PAT, XAVIER]],
      [familyOfStudent('S3'), [ROSA]],
      [familyOfStudent('S4'), [CASEWORKER]],
      [familyOfStudent('S5'), [CASEWORKER]],
    ]);
    const ids = [...listed.keys()];
    const cell = fc.constantFrom(
      '',
      ...ids,
      'F-BLEND',
      ' f-blend ',
      'BLEND',
      'Adams',
      'F-NOPE',
      PAT,
      XAVIER.toUpperCase(),
      ROSA,
      CASEWORKER,
      'stranger@else.example',
      'not an address',
    );

    it('reaches the same family for its times and its stand-in, who is told only of a guardian’s children', () => {
      checkProperty(
        fc.property(fc.tuple(cell, cell, cell), ([family, familyId, email]) => {
          const { timesFor, standIns } = readBoth(sheet([family, familyId, email]));
          expect([...standIns.keys()]).toEqual(timesFor);
          for (const [id, s] of standIns)
            if (s.answeredBy) expect(listed.get(id)).toContain(s.answeredBy);
        }),
      );
    });
  });

  describe('availabilityFamilies', () => {
    const familyOf = availabilityFamilies(roster.families);
    const row = (cells: Record<string, string>) => ({
      row: 2,
      get: (h: string) => cells[h] ?? '',
      where: (h: string) => ({ sheet: 'Availability', row: 2, column: HEADER.indexOf(h) + 1 }),
    });

    it('names who answered only when they are a guardian of the family found', () => {
      expect(familyOf(row({ 'Family ID': 'F-BLEND', Email: ROSA }))).toEqual({
        familyId: BLEND,
        email: ROSA,
        sharedContact: false,
        answeredBy: '',
        paper: false,
      });
      expect(familyOf(row({ 'Family ID': 'F-BLEND', Email: ` ${XAVIER.toUpperCase()} ` }))).toEqual(
        {
          familyId: BLEND,
          email: XAVIER,
          sharedContact: false,
          answeredBy: XAVIER,
          paper: false,
        },
      );
    });

    it('prefers the Family ID over the Email, as a form answer names its family by its link', () => {
      expect(familyOf(row({ 'Family ID': familyOfStudent('S3'), Email: PAT })).familyId).toBe(
        familyOfStudent('S3'),
      );
    });
  });
});
