/**
 * The waiting list: every unplaced student listed with the reason, and the notices telling the
 * families, one per address, naming only the waitlisted children listed with that address.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { parseRoster } from '../../src/core/roster';
import { renderMessage } from '../../src/core/templates';
import {
  addToldOnce,
  addressesTold,
  addTold,
  NO_EMAIL,
  toldThisRound,
  WAITLIST_HEADER,
  waitlistEntries,
  waitlistGrid,
  waitlistNotices,
  waitsForWayToMeet,
} from '../../src/core/waitlist';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Email',
  'Guardian 2 Email',
  'Language',
  'Phone',
];
/** Amy and Ben Adams (Pat on both rows, Xavier on Amy's only); Cara Brown (Spanish); Dan Diaz (no email). */
const ROWS = [
  ['S1', 'Amy', 'Adams', '3', 'Ms. Lee', 'A', 'pat@adams.example', 'x@cole.example', '', ''],
  ['S2', 'Ben', 'Adams', '5', 'Mr. Park', 'A', 'pat@adams.example', '', '', ''],
  ['S3', 'Cara', 'Brown', '3', 'Ms. Lee', 'B', 'cb@brown.example', '', 'Spanish', ''],
  ['S4', 'Dan', 'Diaz', '3', 'Ms. Lee', 'D', '', '', '', '555 0100'],
];
const roster = parseRoster([HEADER, ...ROWS], null, { defaultLanguage: 'en' });

describe('waitlistEntries', () => {
  it('lists exactly the unplaced students with their reason, keeping what Told said before', () => {
    const entries = waitlistEntries(
      [
        { studentId: 'S3', reason: 'No time fits the family’s availability.' },
        { studentId: 'S1', reason: 'Ms. Lee is full.' },
      ],
      roster,
      new Map([
        ['S1', '2026-11-02 09:00 to pat@adams.example'],
        ['S2', 'old'],
      ]),
      'Fall',
    );
    expect(entries.map((e) => [e.studentId, e.student, e.reason, e.told, e.round])).toEqual([
      ['S1', 'Amy Adams', 'Ms. Lee is full.', '2026-11-02 09:00 to pat@adams.example', 'Fall'],
      ['S3', 'Cara Brown', 'No time fits the family’s availability.', '', 'Fall'],
    ]);
  });

  it('shows each family by the Family ID its Roster rows give, as people read it there', () => {
    const entries = waitlistEntries(
      ['S1', 'S2', 'S3'].map((studentId) => ({ studentId, reason: 'full' })),
      roster,
      new Map(),
      'Fall',
    );
    expect(entries.map((e) => [e.studentId, e.familyId])).toEqual([
      ['S1', 'A'],
      ['S2', 'A'],
      ['S3', 'B'],
    ]);
  });
});

describe('waitlistGrid', () => {
  it('rewrites only the build’s cells: people’s columns stay with their student, their typed rows and their layout stay', () => {
    const ids = ['S1', 'S2', 'S3', 'S4', 'S5'];
    const text = fc.constantFrom('', 'x', 'called Monday', '=1+1', 'S1');
    const sheet = fc
      .tuple(
        fc.shuffledSubarray([...WAITLIST_HEADER, 'Notes', 'Called by', ''], { minLength: 1 }),
        fc.shuffledSubarray(ids),
        fc.array(fc.array(text, { minLength: 10, maxLength: 10 }), { maxLength: 6 }),
      )
      .map(([header, listedIds, cells]) => {
        const idAt = header.indexOf('Student ID');
        // Rows the build listed (when the sheet has the column), then rows people typed.
        const rows = [
          ...(idAt < 0 ? [] : listedIds).map((id, i) =>
            header.map((_, c) => (c === idAt ? id : (cells[i]?.[c] ?? `${id}-${c}`))),
          ),
          ...cells.map((r) => header.map((_, c) => (c === idAt ? '' : r[c]!))),
        ];
        return [header, ...rows];
      });
    const entries = fc.shuffledSubarray(ids).map((chosen) =>
      chosen.map((id) => ({
        studentId: id,
        student: `name ${id}`,
        teacher: 'Ms. Lee',
        familyId: `F-${id}`,
        reason: `full ${id}`,
        told: '',
        round: 'Fall',
      })),
    );
    checkProperty(
      fc.property(sheet, entries, (values, listed) => {
        const grid = waitlistGrid(values, listed);
        const [header, ...old] = values as string[][];
        const at = (h: string) => grid.header.indexOf(h);
        expect(grid.header.slice(0, header!.length)).toEqual(header);
        expect([...grid.header].filter((h) => WAITLIST_HEADER.includes(h)).sort()).toEqual(
          [...WAITLIST_HEADER].sort(),
        );
        const idAt = header!.indexOf('Student ID');
        const before = new Map(old.filter((r) => idAt >= 0 && r[idAt]).map((r) => [r[idAt]!, r]));
        for (const e of listed) {
          const rows = grid.rows.filter((r) => r[at('Student ID')] === e.studentId);
          expect(rows).toHaveLength(1);
          const row = rows[0]!;
          expect([row[at('Student')], row[at('Reason')], row[at('Round')]]).toEqual([
            e.student,
            e.reason,
            e.round,
          ]);
          header!.forEach((h, c) => {
            if (!WAITLIST_HEADER.includes(h))
              expect(row[c]).toBe(before.get(e.studentId)?.[c] ?? '');
          });
        }
        const typed = old.filter((r) => (idAt < 0 || !r[idAt]) && r.some((v) => v !== ''));
        const kept = grid.rows.map((r) => r.slice(0, header!.length));
        for (const r of typed) expect(kept).toContainEqual(r);
        expect(grid.rows.length).toBeGreaterThanOrEqual(old.length);
      }),
    );
  });
});

describe('toldThisRound', () => {
  const row = (studentId: string, told: string, round: string) => ({
    studentId,
    student: '',
    teacher: '',
    familyId: '',
    reason: 'full',
    told,
    round,
  });

  it("keeps the Told cells of this round's rows and of rows written before the Round column, not another round's", () => {
    const told = toldThisRound(
      [
        row('S1', '2026-11-02 09:00 to pat@adams.example', 'Fall'),
        row('S2', 'placed 2026-11-03 10:00 Ms. Lee: accepted the freed time', 'Fall'),
        row('S3', '2027-03-02 09:00 to cb@brown.example', ' spring '),
        row('S4', NO_EMAIL, ''),
      ],
      'Spring',
    );
    expect([...told]).toEqual([
      ['S3', '2027-03-02 09:00 to cb@brown.example'],
      ['S4', NO_EMAIL],
    ]);
  });
});

describe('waitlistNotices', () => {
  const entry = (studentId: string, told = '', reason = 'full') => ({
    studentId,
    student: '',
    teacher: '',
    familyId: '',
    reason,
    told,
    round: '',
  });
  /** The schedule's reason when no window offers the family's way to meet. */
  const WAY =
    'The Brown family asked to meet in person, and Ms. Lee has no in person time. Ask the family whether another way suits them, or add a window that offers it.';

  it('tells nothing to the addresses of a student placed through a freed time since the Waitlist was built', () => {
    const placed = entry(
      'S1',
      'placed 2026-11-17 15:02: accepted the freed time 2026-11-18 3:00 PM with Ms. Lee',
    );
    const { notices } = waitlistNotices([placed, entry('S2')], roster, 'en');
    expect(notices.flatMap((n) => n.studentIds)).not.toContain('S1');
    expect(notices.flatMap((n) => n.studentIds)).toContain('S2');
  });

  it('tells a family waiting for its way to meet about that way, not about its times, in English and Spanish', () => {
    const { notices } = waitlistNotices(
      [entry('S1', '', WAY), entry('S2'), entry('S3', '', WAY)],
      roster,
      'en',
    );
    const of = (to: string) => notices.find((n) => n.to === to)!;
    // Pat's notice names Ben too, who waits for a time: it still speaks of times.
    expect(
      [of('x@cole.example'), of('pat@adams.example'), of('cb@brown.example')].map(
        (n) => n.waitsForWay,
      ),
    ).toEqual([true, false, true]);
    const text = (language: string, waitsForWay: boolean) =>
      renderMessage('waitlist', language, {
        school: 'Lincoln',
        family: 'Brown',
        students: 'Cara',
        children: 1,
        teacher: 'Ms. Lee',
        date: '',
        start: 0,
        end: 0,
        room: '',
        videoLink: '',
        link: '',
        replyTo: 'office@school.example',
        round: '',
        interpreter: false,
        waitsForWay,
      }).text;
    expect(text('en', true)).toContain(
      'for Cara in the way you asked to meet: Ms. Lee has no time that way yet.',
    );
    expect(text('en', true)).not.toContain('times you gave us');
    expect(text('es', true)).toContain(
      'para Cara en la forma de reunión que pidieron: Ms. Lee aún no tiene horarios de esa forma.',
    );
    expect(text('es', true)).not.toContain('horarios que nos dieron');
    expect(text('en', false)).toContain('that fits the times you gave us');
    expect(waitsForWayToMeet('Ms. Lee’s windows are full: 9 conferences for 8 places.')).toBe(
      false,
    );
  });

  it('sends one notice per address, naming only the waitlisted children its rows list, in the family’s language', () => {
    const { notices, noEmail } = waitlistNotices(
      [entry('S1'), entry('S2'), entry('S3'), entry('S4')],
      roster,
      'en',
    );
    expect(
      notices
        .map((n) => [n.to, n.studentIds, n.language])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['cb@brown.example', ['S3'], 'es'],
      ['pat@adams.example', ['S1', 'S2'], 'en'],
      ['x@cole.example', ['S1'], 'en'],
    ]);
    expect(noEmail).toEqual(['S4']);
  });

  it('never tells an address its Told cell names again, sent, refused or unconfirmed', () => {
    const { notices } = waitlistNotices(
      [
        entry('S1', '2026-11-02 09:00 to pat@adams.example; refused x@cole.example: Invalid email'),
        entry('S2'),
        entry('S3', '2026-11-02 09:00 to cb@brown.example (unconfirmed: cut off while sending)'),
      ],
      roster,
      'en',
    );
    expect(notices.map((n) => [n.to, n.studentIds])).toEqual([['pat@adams.example', ['S2']]]);
  });

  it('reads back every address it wrote into a Told cell', () => {
    const address = fc
      .tuple(fc.stringMatching(/^[a-z0-9.]{1,8}$/), fc.stringMatching(/^[a-z]{1,8}$/))
      .map(([a, b]) => `${a}@${b}.example`);
    checkProperty(
      fc.property(
        fc.array(fc.tuple(address, fc.boolean(), fc.string({ maxLength: 30 })), { maxLength: 5 }),
        (sends) => {
          let told = '';
          for (const [to, ok, why] of sends)
            told = addTold(told, ok ? `2026-11-02 09:00 to ${to}` : `refused ${to}: ${why}`);
          for (const [to] of sends) expect(addressesTold(told).has(to)).toBe(true);
        },
      ),
    );
  });
});

describe('a note the office acts on, written again after a cut', () => {
  const note = 'freed time 2026-11-17 3:00 PM with Ms. Nguyen fits; phone (555) 010-4321';

  it('is added once, its semicolon read as the comma the cell holds', () => {
    const once = addToldOnce('2026-11-02 09:01 to ann@family.example', note);
    expect(once).toBe(
      '2026-11-02 09:01 to ann@family.example; freed time 2026-11-17 3:00 PM with Ms. Nguyen fits, phone (555) 010-4321',
    );
    expect(addToldOnce(once, note)).toBe(once);
  });

  it('keeps the no-email mark when asked to, and replaces it otherwise', () => {
    expect(addToldOnce(NO_EMAIL, 'x', true)).toBe(`${NO_EMAIL}; x`);
    expect(addToldOnce(NO_EMAIL, 'x')).toBe('x');
  });
});
