/**
 * Rows with no email joined by a phone number: siblings (one surname) are one family; children
 * of different surnames whose rows give one number and nothing else in common (a caseworker's,
 * a grandparent raising cousins) are not, as an address on their rows would not make them one.
 * Each gets its own letter, and the scheduler never gives that number's holder two conferences
 * at once. Expected values are read off the rows by hand.
 */
import { familyPhones, phoneAbout } from '../../src/core/reminders';
import { contactsOf, paperFamilies, parseRoster } from '../../src/core/roster';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { buildProblem, readScheduleSheet } from '../../src/core/schedule/sheet';
import { defaultSettings } from '../../src/core/settings';
import { SCHEDULE } from '../../src/core/schema';
import { TEACHERS } from '../fixtures/sis-roster';
import { win } from './schedproblem';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Name',
  'Guardian 1 Email',
  'Phone',
];
const kid = (id: string, first: string, last: string, phone: string, familyId = '', email = '') => [
  id,
  first,
  last,
  '3',
  'Ms. Rivera',
  familyId,
  '',
  email,
  phone,
];

describe('a phone number on rows with no email', () => {
  it('joins siblings of one surname, however the number is written', () => {
    const r = parseRoster(
      [HEADER, kid('1', 'Ana', 'Kaya', '(555) 010-0142'), kid('2', 'Can', 'Kaya', '555.010.0142')],
      TEACHERS,
    );
    expect(r.families.map((f) => f.studentIds)).toEqual([['1', '2']]);
    expect(r.problems).toEqual([]);
  });

  it('keeps children of different surnames apart (a caseworker’s number on four rows), saying so at each row after the first', () => {
    const rows = [
      kid('11', 'Vera', 'Bocase', '555-9999'),
      kid('12', 'Yuri', 'Ecase', '555-9999'),
      kid('13', 'Bria', 'Hcase', '(555) 9999'),
      kid('14', 'Emry', 'Kcase', '555 9999'),
    ];
    const r = parseRoster([HEADER, ...rows], TEACHERS);
    expect(r.families.map((f) => f.studentIds)).toEqual([['11'], ['12'], ['13'], ['14']]);
    expect(r.problems.map((p) => [p.severity, p.where?.row, p.where?.column])).toEqual([
      ['warning', 3, 9],
      ['warning', 4, 9],
      ['warning', 5, 9],
    ]);
    expect(r.problems[0]!.message).toBe(
      'Roster, row 3, column I (Phone): 555-9999 is also the number of Vera Bocase (row 2), whose surname differs, and neither row has an email, so they are kept as separate families: a letter each, and the person on that number is never given two conferences at once. If they are one family, give their rows the same Family ID.',
    );
  });

  it('joins them when their rows give one Family ID, with no warning', () => {
    const r = parseRoster(
      [
        HEADER,
        kid('21', 'Ana', 'Reyes', '555-0101', 'H9'),
        kid('22', 'Ben', 'Cole', '555-0101', 'H9'),
      ],
      TEACHERS,
    );
    expect(r.families.map((f) => f.studentIds)).toEqual([['21', '22']]);
    expect(r.problems.filter((p) => p.message.includes('is also the number of'))).toEqual([]);
  });

  // Session 33 (tester finding 1): the join is for the schedule only. Ben's row lists no
  // address, so Maria is never told about him (contactsOf), his own household gets a letter
  // naming only him and is on the phone list (paperFamilies), and the step says so at his Phone
  // cell. Before, Maria's address was lent to his row and no letter or warning came.
  it('puts a child without email into the one family with email that has the number, whatever the surname, for the schedule only', () => {
    const r = parseRoster(
      [
        HEADER,
        kid('31', 'Ana', 'Lopez', '555-0142', '', 'maria@f.example'),
        kid('32', 'Ben', 'Smith', '555-0142'),
      ],
      TEACHERS,
    );
    expect(r.families.map((f) => f.studentIds)).toEqual([['31', '32']]);
    expect(r.families[0]!.contacts.map((g) => g.email)).toEqual(['maria@f.example']);
    const ben = r.students.find((s) => s.id === '32')!;
    expect(contactsOf(ben, r.families[0])).toEqual([]);
    expect(
      paperFamilies(r).map((f) => ({ name: f.name, ids: f.studentIds, phone: f.phone })),
    ).toEqual([{ name: 'Smith', ids: ['32'], phone: '555-0142' }]);
    const column = HEADER.indexOf('Phone') + 1;
    const warned = r.problems.filter((p) => p.message.includes('is also the number of'));
    expect(warned.map((p) => p.where)).toEqual([{ sheet: 'Roster', row: 3, column }]);
    expect(warned[0]!.message).toContain('Ana Lopez');
    expect(warned[0]!.message).toContain('gets a printed letter');
    expect(warned[0]!.message).toContain('phone list');
  });

  // Tester finding 1, inside one Family ID: two Stone households (the mother's with an address,
  // the father's with a phone of its own and no address) are one family for the schedule; the
  // father's was never contacted (no letter, not on the phone list: the family "had email").
  it('writes on paper to a household of a Family ID whose row lists no address, at its own number', () => {
    const r = parseRoster(
      [
        HEADER,
        kid('51', 'Eve', 'Stone', '555-1000', 'K7', 'dana@stone.example'),
        kid('52', 'Max', 'Stone', '555-2000', 'K7'),
      ],
      TEACHERS,
    );
    expect(r.families.map((f) => f.studentIds)).toEqual([['51', '52']]);
    const max = r.students.find((s) => s.id === '52')!;
    expect(contactsOf(max, r.families[0])).toEqual([]);
    expect(
      paperFamilies(r).map((f) => ({ name: f.name, ids: f.studentIds, phone: f.phone })),
    ).toEqual([{ name: 'Stone', ids: ['52'], phone: '555-2000' }]);
    // The phone list, the Letters sheet and a follow-up's Contact call the father's number about
    // Max, and nobody's about Eve (her mother is emailed).
    const id = r.families[0]!.id;
    expect(familyPhones(r, true)).toEqual(new Map([[id, '555-2000']]));
    expect(familyPhones(r)).toEqual(new Map([[id, '555-2000']]));
    expect([phoneAbout(r)(id, ['52']), phoneAbout(r)(id, ['51'])]).toEqual(['555-2000', '']);
  });

  it('never gives the number’s holder two conferences at once, though the children are separate families', () => {
    // Two children of different surnames, one number, two teachers, one short afternoon: both
    // could be seen at 3:00 PM if nothing kept them apart.
    const roster = parseRoster(
      [
        HEADER,
        kid('41', 'Ana', 'Moss', '555-7777'),
        [...kid('42', 'Ben', 'Pike', '555-7777').slice(0, 4), 'Mr. Okafor', '', '', '', '555-7777'],
      ],
      TEACHERS,
    );
    expect(roster.families).toHaveLength(2);
    const windows = roster.students.map((s, i) => ({
      ...win(s.teacherEmail, 900, 1000),
      teacher: s.teacher,
      row: i + 2,
    }));
    const settings = defaultSettings('School', 'UTC');
    const { problem } = buildProblem({
      roster,
      windows,
      settings,
      availability: new Map(),
      sheet: readScheduleSheet(
        [SCHEDULE.columns.map((c) => c.header)],
        () => ({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }),
        [],
      ),
      seed: 1,
    });
    const schedule = buildSchedule(problem);
    expect(checkSchedule(problem, schedule)).toEqual([]);
    expect(schedule.conferences).toHaveLength(2);
    const [a, b] = schedule.conferences;
    const apart =
      a!.end + settings.bufferMinutes <= b!.start || b!.end + settings.bufferMinutes <= a!.start;
    expect(apart).toBe(true);
  });
});

describe('three children of three surnames on one number, each with another teacher', () => {
  // Vera (Ms. Rivera), Yuri (Mr. Okafor) and Bria (Ms. Chen) give one number and no email;
  // Mia Lee (Ms. Rivera) has email, her half-brother Tom Park (Mr. Okafor) only her number, and
  // Zed (Ms. Chen) a number of his own. Every teacher is there 3:00 to 5:00 PM: two hours for
  // two conferences each, with no family giving times (a one-evening plan; a tester found Yuri
  // waitlisted).
  const roster = parseRoster(
    [
      HEADER,
      kid('11', 'Vera', 'Bocase', '555-9999'),
      [...kid('12', 'Yuri', 'Ecase', '555-9999').slice(0, 4), 'Mr. Okafor', '', '', '', '555-9999'],
      [...kid('13', 'Bria', 'Hcase', '555-9999').slice(0, 4), 'Ms. Chen', '', '', '', '555-9999'],
      kid('21', 'Mia', 'Lee', '555-4242', '', 'ann@lee.example'),
      [...kid('22', 'Tom', 'Park', '555.4242').slice(0, 4), 'Mr. Okafor', '', '', '', '555.4242'],
      [...kid('31', 'Zed', 'Other', '').slice(0, 4), 'Ms. Chen', '', '', '', '555-7777'],
    ],
    [...TEACHERS, { name: 'Ms. Chen', email: 'chen@school.example' }],
  );

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'are all placed, never two at once for that number (seed %i)',
    (seed) => {
      const teachers = [...new Set(roster.students.map((s) => s.teacherEmail))];
      expect(teachers).toHaveLength(3);
      const windows = teachers.map((t, i) => ({
        ...win(t, 900, 1020),
        teacher: roster.students.find((s) => s.teacherEmail === t)!.teacher,
        row: i + 2,
      }));
      const { problem } = buildProblem({
        roster,
        windows,
        settings: { ...defaultSettings('School', 'UTC'), conferenceMinutes: 25 },
        availability: new Map(),
        sheet: readScheduleSheet(
          [SCHEDULE.columns.map((c) => c.header)],
          () => ({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }),
          [],
        ),
        seed,
      });
      const schedule = buildSchedule(problem);
      expect(checkSchedule(problem, schedule)).toEqual([]);
      expect(schedule.unplaced).toEqual([]);
    },
  );
});
