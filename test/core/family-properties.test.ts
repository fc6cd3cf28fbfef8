import fc from 'fast-check';
import { checkProperty } from './property';
import { parseRoster } from '../../src/core/roster';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Teacher',
  'Family ID',
  'Guardian 1 Email',
  'Guardian 2 Email',
  'Phone',
];

interface Kid {
  last: string;
  familyId: string;
  emails: string[];
  phone: string;
}

const kid = fc.record({
  last: fc.constantFrom('Ames', 'Bell', 'Cruz', 'Diaz'),
  familyId: fc.constantFrom('', '', '', 'A', 'B', 'C', '0', 'N/A', 'tbd'),
  emails: fc.uniqueArray(
    fc.constantFrom(
      'p@f.example',
      'q@f.example',
      'r@f.example',
      'cw@agency.example',
      's@f.example',
    ),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  phone: fc.constantFrom('', '', '555-0100-111', '555-0100-222'),
});

/** A roster row: emails split over the two guardian columns (the rest in Guardian 2, as a list). */
const rows = (kids: Kid[], fresh: (i: number) => string[] = () => []) =>
  kids.map((k, i) => {
    const emails = [...k.emails, ...fresh(i)];
    return [
      String(100 + i),
      'Kid',
      k.last,
      'Ms. Rivera',
      k.familyId,
      emails[0] ?? '',
      emails.slice(1).join('; '),
      k.phone,
    ];
  });
const read = (body: unknown[][]) =>
  parseRoster([HEADER, ...body], [{ name: 'Ms. Rivera', email: 'rivera@school.example' }]);
/** Each student's family id: equal maps mean the same grouping with the same ids. */
const familyOf = (r: ReturnType<typeof read>) =>
  Object.fromEntries(r.families.flatMap((f) => f.studentIds.map((s) => [s, f.id] as const)).sort());

describe('the family grouping (property)', () => {
  const roster = fc.array(kid, { minLength: 1, maxLength: 12 });

  it('puts every student in exactly one family, each with its own id', () => {
    checkProperty(
      fc.property(roster, (kids) => {
        const r = read(rows(kids));
        const all = r.families.flatMap((f) => f.studentIds).sort();
        expect(all).toEqual(r.students.map((s) => s.id).sort());
        expect(new Set(r.families.map((f) => f.id)).size).toBe(r.families.length);
        for (const s of r.students)
          expect(r.families.find((f) => f.studentIds.includes(s.id))!.id).toBe(s.familyId);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the rows', () => {
    checkProperty(
      fc.property(
        roster.chain((kids) =>
          fc.tuple(fc.constant(kids), fc.shuffledSubarray(rows(kids), { minLength: kids.length })),
        ),
        ([kids, shuffled]) => {
          expect(familyOf(read(shuffled))).toEqual(familyOf(read(rows(kids))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of guardians, nor on an address only one row lists', () => {
    // Under six rows no address is a placeholder, so every row keeps its own addresses.
    checkProperty(
      fc.property(
        fc.array(kid, { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (kids, flip) => {
          const before = familyOf(read(rows(kids)));
          const reordered = kids.map((k, i) => ({
            ...k,
            emails: flip[i] ? [...k.emails].reverse() : k.emails,
          }));
          expect(familyOf(read(rows(reordered)))).toEqual(before);
          // A guardian added on some rows, with an address no other row has.
          const added = rows(reordered, (i) => (flip[i] ? [`only${i}@f.example`] : []));
          expect(familyOf(read(added))).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on row order where rows without a usable address meet different Family IDs (found by the property above)', () => {
    // Four addresses are on 6+ students of 3+ surnames (placeholders), so 104 and 111 are
    // reached only by the phone number that families A and C both have.
    const body = [
      [
        '111',
        'Kid',
        'Bell',
        'Ms. Rivera',
        'C',
        'r@f.example',
        's@f.example; cw@agency.example',
        '555-0100-222',
      ],
      ['109', 'Kid', 'Ames', 'Ms. Rivera', 'tbd', 'r@f.example', 'q@f.example; s@f.example', ''],
      ['103', 'Kid', 'Diaz', 'Ms. Rivera', 'A', 'p@f.example', 'q@f.example', '555-0100-222'],
      ['105', 'Kid', 'Diaz', 'Ms. Rivera', '', 'p@f.example', 's@f.example; cw@agency.example', ''],
      ['104', 'Kid', 'Diaz', 'Ms. Rivera', 'B', 'q@f.example', 'r@f.example', '555-0100-222'],
      [
        '106',
        'Kid',
        'Diaz',
        'Ms. Rivera',
        'A',
        'r@f.example',
        'q@f.example; cw@agency.example',
        '555-0100-222',
      ],
      ['110', 'Kid', 'Bell', 'Ms. Rivera', '', 'cw@agency.example', 'q@f.example', ''],
      ['101', 'Kid', 'Cruz', 'Ms. Rivera', '', 'r@f.example', 'q@f.example; s@f.example', ''],
      [
        '108',
        'Kid',
        'Bell',
        'Ms. Rivera',
        'B',
        'cw@agency.example',
        'p@f.example; s@f.example',
        '555-0100-111',
      ],
      ['107', 'Kid', 'Ames', 'Ms. Rivera', '', 's@f.example', 'p@f.example', ''],
      [
        '100',
        'Kid',
        'Cruz',
        'Ms. Rivera',
        'N/A',
        'r@f.example',
        'p@f.example; cw@agency.example',
        '',
      ],
      ['102', 'Kid', 'Diaz', 'Ms. Rivera', '0', 'r@f.example', 'q@f.example', ''],
    ];
    const sorted = [...body].sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(familyOf(read(body))).toEqual(familyOf(read(sorted)));
  });
});
