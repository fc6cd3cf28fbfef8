import { carryFamilyIds } from '../../src/core/familyids';
import { childrenListing, isPlaceholderFamilyId, parseRoster } from '../../src/core/roster';
import { SIS_FAMILIES, SIS_SHARED_CONTACTS, sisRoster, TEACHERS } from '../fixtures/sis-roster';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Teacher',
  'Family ID',
  'Guardian 1 Email',
  'Guardian 2 Email',
];
/** A row: id, last name, Family ID, guardian emails. */
const row = (id: string, last: string, familyId: string, g1: string, g2 = '') => [
  id,
  'Kid',
  last,
  'Ms. Rivera',
  familyId,
  g1,
  g2,
];
const groups = (r: ReturnType<typeof parseRoster>) =>
  r.families.map((f) => [...f.studentIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
const warnings = (r: ReturnType<typeof parseRoster>) =>
  r.problems.filter((p) => p.severity === 'warning').map((p) => p.message);

describe('families', () => {
  describe('on a roster shaped like a real export', () => {
    const r = parseRoster(sisRoster(), TEACHERS);

    it('finds the families a person reading the rows would find', () => {
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(groups(r)).toEqual(SIS_FAMILIES);
      expect(r.students).toHaveLength(24);
    });

    it('lists each shared contact on every child whose row names it, and no one else', () => {
      for (const [email, ids] of Object.entries(SIS_SHARED_CONTACTS))
        expect(childrenListing(r, email).sort()).toEqual(ids);
      expect(childrenListing(r, ' Juan.Perez@other.example')).toEqual(['1030']);
      expect(childrenListing(r, 'nobody@home.example')).toEqual([]);
    });

    it('asks a person to confirm every grouping it was not sure of, naming the rows', () => {
      const w = warnings(r);
      expect(w).toContainEqual(
        expect.stringMatching(
          /Household ID\): Family ID "0" on rows 5, 6, 7, 8, 9, 10 and 11 looks like a placeholder/,
        ),
      );
      expect(w).toContainEqual(
        expect.stringMatching(
          /casework@agency\.example is listed for Jaylen Brooks \(row 2\), Mia Chen \(row 3\) and Awa Diallo \(row 4\).*a contact they share, not one family/,
        ),
      );
      expect(w).toContainEqual(
        expect.stringMatching(
          /sun@home\.example is listed for Jin Park \(row 22\) and Luz Reyes \(row 23\)/,
        ),
      );
      expect(w).toContainEqual(
        expect.stringMatching(
          /Family ID "H-77" makes rows 15 and 17 one family, though they list different contacts/,
        ),
      );
      expect(w).toContainEqual(
        expect.stringMatching(
          /Family ID "F1234" is on rows 24 and 25, whose students have different surnames and no contact in common/,
        ),
      );
      // Nothing to confirm where the rows agree: the blended family, the Lopez households.
      expect(w.filter((m) => /row(s)? (13|18)\b/.test(m))).toEqual([]);
    });

    it('keeps hostile names as written', () => {
      expect(r.students.find((s) => s.id === '1060')).toMatchObject({
        firstName: '=HYPERLINK("http://evil.example","x")',
        lastName: '<img src=x onerror=alert(1)>',
      });
    });
  });

  it('joins a sibling row without a Family ID to the family its guardian email belongs to', () => {
    const r = parseRoster(
      [HEADER, row('1', 'Ng', 'H-9', 'mai@f.example'), row('2', 'Ng', '', 'mai@f.example')],
      TEACHERS,
    );
    expect(groups(r)).toEqual([['1', '2']]);
    expect(r.families[0]!.id).toBe('F-H-9');
  });

  it('does not make one family of unrelated children who share a caseworker', () => {
    const r = parseRoster(
      [
        HEADER,
        row('1', 'Ames', '', 'cw@agency.example'),
        row('2', 'Bell', '', 'bell@f.example', 'cw@agency.example'),
        row('3', 'Cruz', '', 'cw@agency.example'),
      ],
      TEACHERS,
    );
    expect(groups(r)).toEqual([['1'], ['2'], ['3']]);
    expect(
      r.families.find((f) => f.studentIds.includes('2'))!.contacts.map((c) => c.email),
    ).toEqual(['bell@f.example', 'cw@agency.example']);
  });

  it('ignores a placeholder Family ID on unrelated rows, written any way exports write it', () => {
    for (const token of ['0', '00', 'N/A', 'na', 'None', 'NULL', 'tbd', 'Unknown', '-', '?'])
      expect(isPlaceholderFamilyId(token)).toBe(true);
    for (const real of ['H-9', '1234', '0A', 'F0']) expect(isPlaceholderFamilyId(real)).toBe(false);
    const names = ['Ames', 'Bell', 'Cruz', 'Diaz', 'Egan', 'Ford', 'Gray'];
    const r = parseRoster(
      [HEADER, ...names.map((n, i) => row(String(i + 1), n, '0', `${n.toLowerCase()}@f.example`))],
      TEACHERS,
    );
    expect(r.families).toHaveLength(7);
  });

  it('keeps one family: a blended family whose two guardians are on both rows, and same-surname siblings sharing one guardian', () => {
    const r = parseRoster(
      [
        HEADER,
        row('1', 'Okoro', '', 'ada@f.example', 'tom@f.example'),
        row('2', 'Walsh', '', 'tom@f.example', 'ada@f.example'),
        row('3', 'Lee', '', 'kim@f.example', 'sam@f.example'),
        row('4', 'Lee', '', 'kim@f.example'),
      ],
      TEACHERS,
    );
    expect(groups(r)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(warnings(r)).toEqual([]);
  });

  it('treats one parent on two children of different surnames as a shared contact, one family once their rows share a Family ID', () => {
    const apart = parseRoster(
      [HEADER, row('1', 'Park', '', 'sun@f.example'), row('2', 'Reyes', '', 'sun@f.example')],
      TEACHERS,
    );
    expect(groups(apart)).toEqual([['1'], ['2']]);
    expect(warnings(apart).join()).toContain('give their rows the same Family ID');
    const together = parseRoster(
      [HEADER, row('1', 'Park', 'P1', 'sun@f.example'), row('2', 'Reyes', 'P1', 'sun@f.example')],
      TEACHERS,
    );
    expect(groups(together)).toEqual([['1', '2']]);
  });

  it('never joins rows whose Family IDs differ: a contact they share is a shared contact', () => {
    const r = parseRoster(
      [
        HEADER,
        row('1', 'Ruiz', 'A', 'mom@f.example'),
        row('2', 'Ruiz', 'B', 'mom@f.example'),
        row('3', 'Ruiz', '', 'mom@f.example'),
      ],
      TEACHERS,
    );
    expect(r.families.map((f) => f.id).sort()).toEqual(['F-A', 'F-B']);
    expect(groups(r)).toEqual([['1', '3'], ['2']]);
  });

  describe('family ids', () => {
    const ids = (values: unknown[][]) =>
      Object.fromEntries(
        parseRoster(values, TEACHERS).families.map((f) => [
          [...f.studentIds].sort().join('+'),
          f.id,
        ]),
      );
    const before = [
      HEADER,
      row('7', 'Lopez', '', 'rosa@f.example'),
      row('9', 'Lopez', '', 'rosa@f.example', 'juan@f.example'),
      row('4', 'Ames', '', 'zed@f.example'),
    ];

    it('do not change when a guardian is added, removed or reordered, or the rows are re-pasted in another order', () => {
      const first = ids(before);
      expect(
        ids([
          HEADER,
          row('4', 'Ames', '', 'zed@f.example', 'aaron@f.example'),
          row('9', 'Lopez', '', 'juan@f.example', 'rosa@f.example'),
          // Juan added to row 7 too (a guardian only row 7 listed would make the rows two
          // households: see the shared contacts below).
          row('7', 'Lopez', '', 'rosa@f.example', 'juan@f.example'),
        ]),
      ).toEqual(first);
      expect(ids([HEADER, before[3]!, before[1]!, before[2]!])).toEqual(first);
    });

    it('carry a family’s old id to its new grouping, with a note when students were regrouped', () => {
      const old = new Map([
        ['7', 'F-OLD'],
        ['9', 'F-OLD'],
        ['4', 'F-AMES'],
        ['5', 'F-KIM'],
      ]);
      const carried = carryFamilyIds(old, [
        { id: 'F-x', studentIds: ['7', '9'], rows: [2, 3] },
        { id: 'F-y', studentIds: ['4', '5'], rows: [4, 6] },
        { id: 'F-z', studentIds: ['8'], rows: [5] },
      ]);
      expect(carried.ids).toEqual(['F-OLD', 'F-AMES', 'F-z']);
      expect(carried.notes).toEqual([
        'Rows 4 and 6 now form one family; their answers and links were kept from F-AMES (the links of F-KIM reach the family too).',
      ]);
      // A family split in two: the larger part keeps the id, the other gets its own.
      const split = carryFamilyIds(
        new Map([
          ['1', 'F-A'],
          ['2', 'F-A'],
          ['3', 'F-A'],
        ]),
        [
          { id: 'F-n1', studentIds: ['3'], rows: [4] },
          { id: 'F-n2', studentIds: ['1', '2'], rows: [2, 3] },
        ],
      );
      expect(split.ids).toEqual(['F-n1', 'F-A']);
      expect(split.notes).toEqual([
        'Row 4 is no longer in the family of rows 2 and 3 (F-A); it starts with no answers of its own.',
      ]);
    });

    it('keep the id the document holds a code for when a sibling with a smaller Student ID is added', () => {
      // The Lopez family (students 7 and 9) was given its link before student 3 joined it.
      const lopez = parseRoster(before, TEACHERS).families.find((f) => f.studentIds.includes('7'))!;
      const known = new Set([lopez.id]);
      const after = [...before, row('3', 'Lopez', '', 'rosa@f.example')];
      // Without what the document knows, the family's id moves to student 3's.
      const fresh = parseRoster(after, TEACHERS).families.find((f) => f.studentIds.includes('3'))!;
      expect(fresh.id).not.toBe(lopez.id);
      const kept = parseRoster(after, TEACHERS, { knownFamilyIds: known });
      const family = kept.families.find((f) => f.studentIds.includes('3'))!;
      expect(family.id).toBe(lopez.id);
      expect([...family.studentIds].sort()).toEqual(['3', '7', '9']);
      // One family kept its id: nothing was regrouped that a person must confirm.
      expect(warnings(kept).filter((w) => w.includes('now form one family'))).toEqual([]);
    });

    it('let the links of two families found to be one still reach the merged family', () => {
      // Two rows with one surname and one address each, until the school adds the second
      // guardian's address to row 4: they are then one family.
      const apart = [
        HEADER,
        row('4', 'Ames', '', 'zed@f.example'),
        row('6', 'Ames', '', 'amy@f.example'),
      ];
      const ids = parseRoster(apart, TEACHERS).families.map((f) => f.id);
      expect(ids).toHaveLength(2);
      const together = [
        HEADER,
        row('4', 'Ames', '', 'zed@f.example', 'amy@f.example'),
        row('6', 'Ames', '', 'amy@f.example'),
      ];
      const merged = parseRoster(together, TEACHERS, { knownFamilyIds: new Set(ids) });
      expect(merged.families).toHaveLength(1);
      const family = merged.families[0]!;
      expect([family.id, ...(family.aliases ?? [])].sort()).toEqual([...ids].sort());
      expect(warnings(merged).join()).toContain('rows 2 and 3 now form one family');
    });

    it('are carried over by the roster when the previous families are given', () => {
      const r = parseRoster(before, TEACHERS, {
        previousFamilies: new Map([
          ['7', 'F-KEEP'],
          ['9', 'F-KEEP'],
        ]),
      });
      expect(r.families.find((f) => f.studentIds.includes('7'))!.id).toBe('F-KEEP');
      expect(r.students.find((s) => s.id === '9')!.familyId).toBe('F-KEEP');
    });
  });
});
