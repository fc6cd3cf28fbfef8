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

  it('does not depend on the order of guardians; an address only one row lists never joins rows', () => {
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
          // A guardian added on some rows, with an address no other row has: it can show that
          // rows sharing a contact are two households (each lists someone the other does not),
          // so it may part rows, never join them: a family after is within one family before.
          const added = familyOf(
            read(rows(reordered, (i) => (flip[i] ? [`only${i}@f.example`] : []))),
          );
          for (const a of Object.keys(added))
            for (const b of Object.keys(added))
              if (added[a] === added[b])
                expect([a, b, before[a] === before[b]]).toEqual([a, b, true]);
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

describe('families generated first, contacts assigned after (property)', () => {
  // Each true family is drawn first: its surname (Smith most often: a common surname), its
  // children, its own guardians (one or two, nobody else's), maybe a caseworker shared with
  // other families, a phone of its own or the agency's, and a Family ID on all, some or none of
  // its rows. Each child's row then lists some of the family's own guardians, and maybe the
  // caseworker. The expected answer is the generated families, not the code's.
  const CASEWORKERS = ['okafor@fostercare.example', 'reyes@agency.example'];
  const trueFamily = fc.record({
    surname: fc.constantFrom('Smith', 'Smith', 'Smith', 'Lee', 'Garcia'),
    caseworker: fc.constantFrom('', ...CASEWORKERS),
    guardians: fc.integer({ min: 1, max: 2 }),
    phone: fc.constantFrom('', 'own', 'agency'),
    familyId: fc.constantFrom('', '', 'first row', 'every row'),
    /** Every row lists all the family's guardians and its caseworker, or each row its own pick. */
    uniform: fc.boolean(),
    rows: fc.array(
      fc.record({ guardians: fc.integer({ min: 1, max: 3 }), caseworker: fc.boolean() }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  });
  type TrueFamily = typeof trueFamily extends fc.Arbitrary<infer T> ? T : never;

  /** The Roster's rows, and the true family of each Student ID. */
  const rosterOf = (families: TrueFamily[]) => {
    const familyOfStudent = new Map<string, number>();
    const body = families.flatMap((f, n) =>
      f.rows.map((pick, c) => {
        const id = String(100 + n * 10 + c);
        familyOfStudent.set(id, n);
        const own = [`g${n}a@home.example`, `g${n}b@home.example`].slice(0, f.guardians);
        // A pick of 1 is the first guardian, 2 the second (the first when there is one), 3 both.
        const picked = f.uniform
          ? own
          : pick.guardians === 3
            ? own
            : [own[Math.min(pick.guardians - 1, own.length - 1)]!];
        const caseworker = f.caseworker && (f.uniform || pick.caseworker) ? [f.caseworker] : [];
        const emails = [...picked, ...caseworker];
        const familyId =
          f.familyId === 'every row' || (f.familyId === 'first row' && c === 0) ? `FH-${n}` : '';
        const phone =
          f.phone === 'own' ? `555-01${n}-000${n}` : f.phone === 'agency' ? '555-010-9000' : '';
        return [
          id,
          'Kid',
          f.surname,
          'Ms. Rivera',
          familyId,
          emails[0]!,
          emails.slice(1).join('; '),
          phone,
        ];
      }),
    );
    return { body, familyOfStudent };
  };

  it('never joins two generated families (each with guardians of its own) by a caseworker, a phone or a surname; keeps a family whose rows agree whole', () => {
    // Broken on purpose: with a shared address's surname and phone confirming it again whatever
    // its rows show (households.has(email) ignored in families.ts), two Smith families sharing
    // Mr. Okafor were joined and this failed.
    checkProperty(
      fc.property(fc.array(trueFamily, { minLength: 1, maxLength: 7 }), (families) => {
        const { body, familyOfStudent } = rosterOf(families);
        const r = read(body);
        expect(r.rowsRejected).toBe(0);
        for (const f of r.families) {
          const trueOnes = [...new Set(f.studentIds.map((s) => familyOfStudent.get(s)))];
          expect([f.rows, trueOnes.length]).toEqual([f.rows, 1]);
        }
        families.forEach((f, n) => {
          if (!f.uniform) return;
          const ids = [...familyOfStudent].filter(([, m]) => m === n).map(([s]) => s);
          const found = r.families.filter((x) => x.studentIds.some((s) => ids.includes(s)));
          expect([n, found.length]).toEqual([n, 1]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
