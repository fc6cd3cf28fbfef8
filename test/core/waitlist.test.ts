/**
 * The waiting list: every unplaced student listed with the reason, and the notices telling the
 * families, one per address, naming only the waitlisted children listed with that address.
 */
import fc from 'fast-check';
import { parseRoster } from '../../src/core/roster';
import { addressesTold, addTold, waitlistEntries, waitlistNotices } from '../../src/core/waitlist';

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
    );
    expect(entries.map((e) => [e.studentId, e.student, e.reason, e.told])).toEqual([
      ['S1', 'Amy Adams', 'Ms. Lee is full.', '2026-11-02 09:00 to pat@adams.example'],
      ['S3', 'Cara Brown', 'No time fits the family’s availability.', ''],
    ]);
  });
});

describe('waitlistNotices', () => {
  const entry = (studentId: string, told = '') => ({
    studentId,
    student: '',
    teacher: '',
    familyId: '',
    reason: 'full',
    told,
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
    fc.assert(
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
