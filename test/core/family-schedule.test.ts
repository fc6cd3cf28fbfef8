import { parseRoster } from '../../src/core/roster';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { problem } from './schedproblem';
import {
  buildProblem,
  familiesOnSchedule,
  readAvailability,
  readScheduleSheet,
  scheduleRows,
} from '../../src/core/schedule/sheet';
import type { Conference, TeacherWindow } from '../../src/core/schedule/types';
import { defaultSettings } from '../../src/core/settings';
import type { WallClockOf } from '../../src/core/normalize';
import { SCHEDULE } from '../../src/core/schema';

const DAY = '2026-11-17';
const win = (teacherEmail: string, start: number, end: number, capacity = 1): TeacherWindow => ({
  teacherEmail,
  teacher: teacherEmail.split('@')[0]!,
  date: DAY,
  start,
  end,
  room: teacherEmail.slice(0, 1),
  capacity,
  videoLink: '',
});
/** Two families (different teachers unless said) whose rows both list a caseworker. */
const caseworker = (teachers: [string, string], capacity = 1) =>
  problem({
    windows: [...new Set(teachers)].map((t) => win(t, 900, 950, capacity)),
    students: [
      { id: 'x', name: 'X', teacherEmail: teachers[0], familyId: 'F1', contacts: ['cw@a.org'] },
      {
        id: 'y',
        name: 'Y',
        teacherEmail: teachers[1],
        familyId: 'F2',
        contacts: ['mum@f.org', 'cw@a.org'],
      },
    ],
    families: [
      { id: 'F1', name: 'Ames', availability: null, interpreter: '', contacts: ['cw@a.org'] },
      {
        id: 'F2',
        name: 'Bell',
        availability: null,
        interpreter: '',
        contacts: ['mum@f.org', 'cw@a.org'],
      },
    ],
  });
const at = (id: string, familyId: string, teacherEmail: string, start: number): Conference => ({
  studentIds: [id],
  familyId,
  teacherEmail,
  date: DAY,
  start,
  end: start + 20,
  fixed: false,
  rank: 0,
});

describe('a contact shared by two families', () => {
  it('is never booked in two rooms at once, and has the buffer between them', () => {
    const p = caseworker(['a@s', 'b@s']);
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.unplaced).toEqual([]);
    const [first, second] = [...r.conferences].sort((a, b) => a.start - b.start);
    expect(second!.start - first!.end).toBeGreaterThanOrEqual(5);
  });

  it('is never in two conferences at once in one simultaneous room either', () => {
    // Both families can come only at 9:00, and the room takes two families at once.
    const only = [{ date: DAY, start: 900, end: 920, rank: 1 }];
    const room = caseworker(['a@s', 'a@s'], 2);
    const p = { ...room, families: room.families.map((f) => ({ ...f, availability: only })) };
    const r = buildSchedule(p);
    expect(checkSchedule(p, r)).toEqual([]);
    expect(r.conferences).toHaveLength(1);
    expect(r.unplaced[0]!.reason).toContain('a contact it shares with another family');
  });

  it('is caught by the independent checker when a schedule double-books it or skips the buffer', () => {
    const p = caseworker(['a@s', 'b@s']);
    const twice = checkSchedule(p, {
      conferences: [at('x', 'F1', 'a@s', 900), at('y', 'F2', 'b@s', 900)],
      unplaced: [],
    });
    expect(twice).toEqual([expect.stringMatching(/contact cw@a\.org in two places at once/)]);
    const rushed = checkSchedule(p, {
      conferences: [at('x', 'F1', 'a@s', 900), at('y', 'F2', 'b@s', 920)],
      unplaced: [],
    });
    expect(rushed).toEqual([
      expect.stringMatching(/contact cw@a\.org has 0 min between rooms \(buffer 5\)/),
    ]);
    // The same times for families with no one in common break nothing.
    const apart = problem({
      ...p,
      families: p.families.map((f) => ({ ...f, contacts: [f.id] })),
    });
    expect(
      checkSchedule(apart, {
        conferences: [at('x', 'F1', 'a@s', 900), at('y', 'F2', 'b@s', 900)],
        unplaced: [],
      }),
    ).toEqual([]);
  });
});

describe('same-teacher siblings', () => {
  const siblings = (yContacts: string[]) =>
    problem({
      windows: [win('a@s', 900, 1100)],
      mergeSiblings: true,
      students: [
        { id: 'x', name: 'X', teacherEmail: 'a@s', familyId: 'F', contacts: ['mum@f.org'] },
        { id: 'y', name: 'Y', teacherEmail: 'a@s', familyId: 'F', contacts: yContacts },
      ],
      families: [
        {
          id: 'F',
          name: 'Lopez',
          availability: null,
          interpreter: '',
          contacts: ['mum@f.org', 'dad@f.org'],
        },
      ],
    });

  it('share one conference only when the same people are listed on their rows', () => {
    const same = siblings(['mum@f.org']);
    const one = buildSchedule(same);
    expect(checkSchedule(same, one)).toEqual([]);
    expect(one.conferences.map((c) => c.studentIds.length)).toEqual([2]);
    const different = siblings(['mum@f.org', 'dad@f.org']);
    const two = buildSchedule(different);
    expect(checkSchedule(different, two)).toEqual([]);
    expect(two.conferences.map((c) => c.studentIds.length)).toEqual([1, 1]);
  });

  it('are caught by the checker when merged though their rows list different people', () => {
    const p = siblings(['mum@f.org', 'dad@f.org']);
    const merged: Conference = { ...at('x', 'F', 'a@s', 900), studentIds: ['x', 'y'], end: 940 };
    expect(checkSchedule(p, { conferences: [merged], unplaced: [] })).toEqual([
      expect.stringMatching(/joins students whose rows list different contacts/),
    ]);
  });
});

const wall: WallClockOf = (d) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});

/** A build from the Schedule sheet's values: the problem, the schedule, and the rows written. */
function rebuilt(
  input: Pick<Parameters<typeof buildProblem>[0], 'roster' | 'windows' | 'settings'>,
  values: unknown[][],
  newId: () => string,
) {
  const sheet = readScheduleSheet(values, wall, []);
  const built = buildProblem({ ...input, availability: new Map(), sheet, seed: 1 });
  const schedule = buildSchedule(built.problem);
  const rows = scheduleRows({ ...input, sheet, frozen: built.frozen, schedule, newId });
  return { problem: built.problem, schedule, rows };
}

describe('the Schedule sheet', () => {
  const H = [
    'Student ID',
    'First Name',
    'Last Name',
    'Teacher',
    'Guardian 1 Email',
    'Guardian 2 Email',
  ];

  it('lists on each conference only the contacts on the rows of all its students', () => {
    const roster = parseRoster(
      [
        H,
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example', 'juan@other.example'],
        ['2', 'Luis', 'Lopez', 'Ms. Rivera', 'rosa@f.example', ''],
        ['3', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example', 'tom@f.example'],
        ['4', 'Emma', 'Walsh', 'Ms. Rivera', 'tom@f.example', 'ada@f.example'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    expect(roster.families).toHaveLength(2);
    const windows = [{ ...win('rivera@school.example', 900, 1100), teacher: 'Ms. Rivera', row: 2 }];
    const settings = { ...defaultSettings('School', 'UTC'), mergeSameTeacherSiblings: true };
    let n = 0;
    const { problem, schedule, rows } = rebuilt(
      { roster, windows, settings },
      [SCHEDULE.columns.map((c) => c.header)],
      () => `C${++n}`,
    );
    expect(checkSchedule(problem, schedule)).toEqual([]);
    const col = (h: string) => SCHEDULE.columns.findIndex((c) => c.header === h);
    const emails = Object.fromEntries(
      rows.map((r) => [String(r.cells[col('Student IDs')]), r.cells[col('Emails')]]),
    );
    expect(emails).toEqual({
      '1': 'rosa@f.example; juan@other.example',
      '2': 'rosa@f.example',
      '3; 4': 'ada@f.example; tom@f.example',
    });
  });

  it('does not reach a sibling whose row has no address (joined by phone) through the other row’s address, nor join the two in one conference', () => {
    // Can's row lists no address: elif@ is on Ana's row only, so a conference naming Can is not
    // sent to it (the disclosure rule); Can's household gets a letter. Before the rule, the two
    // were one conference with Elif's address.
    const roster = parseRoster(
      [
        [...H, 'Phone'],
        ['1', 'Ana', 'Kaya', 'Ms. Rivera', 'elif@f.example', '', '555 010 0142'],
        ['2', 'Can', 'Kaya', 'Ms. Rivera', '', '', '(555) 010-0142'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    const windows = [{ ...win('rivera@school.example', 900, 1100), teacher: 'Ms. Rivera', row: 2 }];
    const settings = { ...defaultSettings('School', 'UTC'), mergeSameTeacherSiblings: true };
    const sheet = readScheduleSheet([SCHEDULE.columns.map((c) => c.header)], wall, []);
    const built = buildProblem({
      roster,
      windows,
      settings,
      availability: new Map(),
      sheet,
      seed: 1,
    });
    const schedule = buildSchedule(built.problem);
    const rows = scheduleRows({
      sheet,
      frozen: [],
      schedule,
      roster,
      windows,
      settings,
      newId: () => 'C1',
    });
    const col = (h: string) => SCHEDULE.columns.findIndex((c) => c.header === h);
    expect(rows.map((r) => [r.cells[col('Student IDs')], r.cells[col('Emails')]])).toEqual([
      ['1', 'elif@f.example'],
      ['2', ''],
    ]);
  });

  it('gives the roster each student’s previous family, so a regrouped family keeps its id', () => {
    const header = SCHEDULE.columns.map((c) => c.header);
    const line = (ids: string, familyId: string) =>
      header.map((h) => (h === 'Student IDs' ? ids : h === 'Family ID' ? familyId : ''));
    const sheet = readScheduleSheet(
      [header, line('1; 2', 'F-OLD'), line('3', 'F-GONE'), line('3', 'F-LATER'), line('3', '')],
      wall,
      [],
    );
    // A later row with its Family ID left blank says nothing about the family: F-LATER stands.
    const previous = familiesOnSchedule(sheet);
    expect([...previous]).toEqual([
      ['1', 'F-OLD'],
      ['2', 'F-OLD'],
      ['3', 'F-LATER'],
    ]);
    // Student 3 has joined the family of 1 and 2 (the same address): it keeps F-OLD.
    const roster = parseRoster(
      [
        H,
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example', ''],
        ['2', 'Luis', 'Lopez', 'Ms. Rivera', 'rosa@f.example', ''],
        ['3', 'Eva', 'Lopez', 'Ms. Rivera', 'rosa@f.example', ''],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
      { previousFamilies: previous },
    );
    expect(roster.families.map((f) => f.id)).toEqual(['F-OLD']);
    expect(roster.problems.map((p) => p.message)).toEqual([
      'Roster, row 2, column A (Student ID): rows 2, 3 and 4 now form one family; their answers and links were kept from F-OLD (the links of F-LATER reach the family too).',
    ]);
  });

  it('does not guess which family a typed availability row of a shared contact is for', () => {
    const roster = parseRoster(
      [
        H,
        ['1', 'Jay', 'Brooks', 'Ms. Rivera', 'cw@agency.example', ''],
        ['2', 'Mia', 'Chen', 'Ms. Rivera', 'li@f.example', 'cw@agency.example'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    const r = readAvailability(
      [
        ['Rank', 'Guardian Email', 'Date', 'Start', 'End'],
        [1, 'cw@agency.example', DAY, '15:00', '16:00'],
        [1, 'li@f.example', DAY, '15:00', '16:00'],
      ],
      roster,
      wall,
    );
    expect([...r.byFamily.keys()]).toEqual([roster.students[1]!.familyId]);
    // The Email column second, so that the warning is seen to point at it.
    expect(r.problems.map((p) => [p.where, p.message])).toEqual([
      [
        { sheet: 'Availability', row: 2, column: 2 },
        "Availability, row 2, column B (Email): cw@agency.example is a contact of several families; write the family's Family ID on this row to say which one. This availability is ignored until then.",
      ],
    ]);
  });
});

describe('the rows a build writes', () => {
  const roster = () =>
    parseRoster(
      [
        [
          'Student ID',
          'First Name',
          'Last Name',
          'Teacher',
          'Guardian 1 Email',
          'Language',
          'Interpreter',
        ],
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example', 'es', 'yes'],
        ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example', '', ''],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
  const settings = { ...defaultSettings('School', 'UTC'), roundName: 'Fall' };
  const header = [...SCHEDULE.columns.map((c) => c.header), 'Notes of my own'];
  const cellsOf = (rows: { cells: unknown[] }[], id: string) => {
    const r = rows.find((x) => x.cells[header.indexOf('Student IDs')] === id)!;
    return Object.fromEntries(header.map((h, i) => [h, r.cells[i]]));
  };

  it('fills every column the build owns on a new conference, from the Roster and the window', () => {
    const windows = [
      {
        ...win('rivera@school.example', 540, 600),
        teacher: 'Ms. Rivera',
        room: '',
        videoLink: 'https://meet.example/x',
        row: 2,
      },
    ];
    let n = 0;
    const { rows } = rebuilt({ roster: roster(), windows, settings }, [header], () => `C${++n}`);
    expect(rows.map((r) => [r.from, r.built, r.cells.length])).toEqual([
      [null, true, header.length],
      [null, true, header.length],
    ]);
    expect(cellsOf(rows, '1')).toMatchObject({
      Round: 'Fall',
      Date: DAY,
      Teacher: 'Ms. Rivera',
      Room: 'Video call',
      Students: 'Ana Lopez',
      Family: 'Lopez',
      Emails: 'rosa@f.example',
      Language: 'Spanish',
      Interpreter: 'Yes',
      Status: 'scheduled',
      Locked: false,
      'Notes of my own': '',
    });
    expect(cellsOf(rows, '2')).toMatchObject({ Language: '', Interpreter: 'No' });
    expect(new Set(rows.map((r) => r.cells[0]))).toEqual(new Set(['C1', 'C2']));
    const times = rows.map((r) => [
      r.cells[header.indexOf('Start')],
      r.cells[header.indexOf('End')],
    ]);
    for (const [start, end] of times) expect(String(start) < String(end)).toBe(true);
  });

  it("keeps a rebuilt conference's ID and a person's own cells, and writes another round's row as it was", () => {
    const windows = [{ ...win('rivera@school.example', 540, 600), teacher: 'Ms. Rivera', row: 2 }];
    const line = (cells: Record<string, unknown>) => header.map((h) => cells[h] ?? '');
    const old = line({
      'Conference ID': 'C-OLD',
      Round: 'Fall',
      'Student IDs': '1',
      Status: 'scheduled',
      'Notes of my own': 'Grandmother comes',
      'Reminders Sent': '48h',
    });
    const spring = line({ 'Conference ID': 'C-SPRING', Round: 'Spring', 'Student IDs': '2' });
    // A stray cell beyond the header on Ana's row is not carried into the rows written.
    old.push('stray');
    const { rows } = rebuilt(
      { roster: roster(), windows, settings },
      [header, old, spring.slice(0, 3)],
      () => 'C-NEW',
    );
    expect(rows[0]).toEqual({
      cells: [...spring.slice(0, 3), ...new Array(header.length - 3).fill('')],
      from: 3,
      built: false,
    });
    const ana = rows.find((r) => r.cells[header.indexOf('Student IDs')] === '1')!;
    expect([ana.from, ana.built, ana.cells.length]).toEqual([2, true, header.length]);
    expect(cellsOf(rows, '1')).toMatchObject({
      'Conference ID': 'C-OLD',
      'Notes of my own': 'Grandmother comes',
      'Reminders Sent': '48h',
      Locked: '',
      Room: 'r',
      Teacher: 'Ms. Rivera',
    });
  });
});

describe('the rows a build writes, from the Roster and the windows', () => {
  const teacher = [{ name: 'Ms. Rivera', email: 'rivera@school.example' }];
  const H5 = ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'];

  it("name each conference's room after the window that holds it, and its students in full", () => {
    const roster = parseRoster(
      [
        H5,
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
        ['2', 'Cher', '', 'Ms. Rivera', 'c@f.example'],
      ],
      teacher,
    );
    const settings = {
      ...defaultSettings('School', 'UTC'),
      roundName: 'Fall',
      conferenceMinutes: 20,
    };
    // Ms. Rivera's day: room 101 until 9:20, then room 202 (and another day in room 303); Mr.
    // Chen, listed first, hosts in room 404 at the same time.
    const windows = [
      { ...win('chen@school.example', 540, 580), room: '404', teacher: 'Mr. Chen', row: 5 },
      { ...win('rivera@school.example', 560, 580), room: '202', teacher: 'Ms. Rivera', row: 3 },
      { ...win('rivera@school.example', 540, 560), room: '101', teacher: 'Ms. Rivera', row: 2 },
      {
        ...win('rivera@school.example', 540, 580),
        date: '2026-11-18',
        room: '303',
        teacher: 'Ms. Rivera',
        row: 4,
      },
    ];
    const header = SCHEDULE.columns.map((c) => c.header);
    const { schedule, rows } = rebuilt({ roster, windows, settings }, [], () => 'C');
    const at = (h: string) => header.indexOf(h);
    for (const c of schedule.conferences) {
      const row = rows.find((r) => r.cells[at('Student IDs')] === c.studentIds.join('; '))!;
      const hours = windows.find(
        (w) =>
          w.teacherEmail === c.teacherEmail &&
          w.date === c.date &&
          w.start <= c.start &&
          c.end <= w.end,
      )!;
      expect(row.cells[at('Room')]).toBe(hours.room);
    }
    expect(rows.map((r) => r.cells[at('Students')]).sort()).toEqual(['Ana Lopez', 'Cher']);
    // An empty sheet is written under the set-up header.
    expect(
      rows.every((r) => r.cells.length === header.length && r.cells[at('Round')] === 'Fall'),
    ).toBe(true);
  });

  it('write no cell beyond the header of a sheet that lacks the later columns', () => {
    const roster = parseRoster(
      [H5, ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example']],
      teacher,
    );
    const settings = { ...defaultSettings('School', 'UTC'), roundName: 'Fall' };
    const windows = [{ ...win('rivera@school.example', 540, 600), teacher: 'Ms. Rivera', row: 2 }];
    const header = SCHEDULE.columns.slice(0, 12).map((c) => c.header);
    const { rows } = rebuilt({ roster, windows, settings }, [header], () => 'C1');
    expect(rows.map((r) => r.cells.length)).toEqual([12]);
    expect(rows[0]!.cells[header.indexOf('Emails')]).toBe('rosa@f.example');
  });

  it('keep the ID of a rebuilt conference of two siblings, and list both in it', () => {
    const roster = parseRoster(
      [
        H5,
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
        ['23', 'Luis', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
      ],
      teacher,
    );
    const settings = {
      ...defaultSettings('School', 'UTC'),
      roundName: 'Fall',
      mergeSameTeacherSiblings: true,
    };
    const windows = [{ ...win('rivera@school.example', 540, 600), teacher: 'Ms. Rivera', row: 2 }];
    const header = SCHEDULE.columns.map((c) => c.header);
    const first = rebuilt({ roster, windows, settings }, [header], () => 'C-FIRST');
    expect(first.rows.map((r) => r.cells[header.indexOf('Students')])).toEqual([
      'Ana Lopez, Luis Lopez',
    ]);
    const again = rebuilt(
      { roster, windows, settings },
      [header, first.rows[0]!.cells],
      () => 'C-NEW',
    );
    expect(
      again.rows.map((r) => [r.cells[0], r.from, r.cells[header.indexOf('Student IDs')]]),
    ).toEqual([['C-FIRST', 2, '1; 23']]);
  });
});

describe('a Schedule row whose Round is blank or written in other case', () => {
  // Parsed in each test, not when the file loads: code run at load is "static" to Stryker, and
  // each of its mutants then costs a run of every test.
  const roster = () =>
    parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
        ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
  const windows = [{ ...win('rivera@school.example', 540, 600), teacher: 'Ms. Rivera', row: 2 }];
  const settings = { ...defaultSettings('School', 'UTC'), roundName: 'Fall' };
  const header = SCHEDULE.columns.map((c) => c.header);
  /** A row typed by hand: Ana at 9:00, with the Round and Locked cells given. */
  const typed = (round: string, locked: boolean) =>
    header.map(
      (h) =>
        ({
          'Conference ID': 'C-HAND',
          Round: round,
          Date: DAY,
          Start: '09:00',
          End: '09:20',
          Teacher: 'Ms. Rivera',
          'Student IDs': '1',
          Status: 'scheduled',
          Locked: locked,
        })[h] ?? '',
    );
  const rebuild = (row: unknown[]) => {
    const { problem, schedule, rows } = rebuilt(
      { roster: roster(), windows, settings },
      [header, row],
      () => 'C-NEW',
    );
    const col = (h: string) => header.indexOf(h);
    return {
      problem,
      schedule,
      rows: rows.map((r) => ({
        id: r.cells[col('Conference ID')],
        round: r.cells[col('Round')],
        students: r.cells[col('Student IDs')],
      })),
    };
  };

  it.each(['', 'fall', ' FALL '])(
    "is this round's conference (Round %j): rebuilt in place, its student never placed twice",
    (round) => {
      const { rows } = rebuild(typed(round, false));
      expect(rows.filter((r) => r.students === '1')).toEqual([
        { id: 'C-HAND', round: 'Fall', students: '1' },
      ]);
      expect(rows.map((r) => r.students).sort()).toEqual(['1', '2']);
    },
  );

  it.each(['', 'fall'])(
    'locked (Round %j), holds its time: no one else is placed then',
    (round) => {
      const { problem, schedule, rows } = rebuild(typed(round, true));
      expect(problem.fixed.map((c) => [c.studentIds, c.start])).toEqual([[['1'], 540]]);
      // Written once, as it was: a locked row is kept, never built again beside itself.
      expect(rows.filter((r) => r.students === '1')).toEqual([
        { id: 'C-HAND', round, students: '1' },
      ]);
      expect(checkSchedule(problem, schedule)).toEqual([]);
      expect(schedule.conferences.filter((c) => !c.fixed).map((c) => c.studentIds)).toEqual([
        ['2'],
      ]);
    },
  );

  it('of another round stays as it was, and its student is placed in this round too', () => {
    const { rows } = rebuild(typed('Spring', false));
    expect(rows.filter((r) => r.students === '1')).toEqual([
      { id: 'C-HAND', round: 'Spring', students: '1' },
      { id: 'C-NEW', round: 'Fall', students: '1' },
    ]);
  });
});

describe('the Availability sheet as families and staff fill it', () => {
  const rivera = [{ name: 'Ms. Rivera', email: 'rivera@school.example' }];
  const roster = () =>
    parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
        ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example'],
      ],
      rivera,
    );
  const H = ['Email', 'Date', 'Start', 'End', 'Rank'];

  it('reads each time with its rank (a blank one is a first choice) and names each row it ignores', () => {
    const r = readAvailability(
      [
        H,
        ['rosa@f.example', DAY, '15:00', '16:00', ''],
        ['rosa@f.example', DAY, '16:00', '17:00', '2'],
        ['ada@f.example', DAY, '17:00', '16:00', 1],
        ['ada@f.example', DAY, '15:00', '15:00', 1],
        ['ada@f.example', DAY, '15:00', '16:00', 0],
        ['ada@f.example', DAY, '15:00', '16:00', 1.5],
        ['ada@f.example', 'someday', '15:00', '16:00', 1],
        ['ada@f.example', DAY, '', '16:00', 1],
        ['ada@f.example', DAY, '15:00', '', 1],
        ['nobody@x.example', DAY, '15:00', '16:00', 1],
      ],
      roster(),
      wall,
    );
    const rosa = roster().students[0]!.familyId;
    expect([...r.byFamily]).toEqual([
      [
        rosa,
        [
          { date: DAY, start: 900, end: 960, rank: 1 },
          { date: DAY, start: 960, end: 1020, rank: 2 },
        ],
      ],
    ]);
    const unread = (row: number) =>
      `Availability, row ${row}, column B (Date): cannot read this availability (date, start, end and rank); it is ignored.`;
    expect(r.problems.map((p) => p.message)).toEqual([
      ...[4, 5, 6, 7, 8, 9, 10].map(unread),
      'Availability, row 11, column A (Email): nobody@x.example is not a guardian on the Roster; this availability is ignored.',
    ]);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('keeps a row that only answers the language and interpreter questions, limiting no time', () => {
    const r = readAvailability(
      [
        [...H, 'Language', 'Interpreter'],
        ['rosa@f.example', '', '', '', '', 'es', 'yes'],
        ['ada@f.example', '', '', '', '', '', ''],
      ],
      roster(),
      wall,
    );
    const [rosa, ada] = roster().students.map((s) => s.familyId);
    expect(r.byFamily.size).toBe(0);
    expect(r.problems).toEqual([]);
    expect(r.answers.get(rosa!)).toEqual({ language: 'es', interpreter: true });
    // A blank Interpreter cell says nothing, rather than "no".
    expect(r.answers.has(ada!)).toBe(false);
    const no = readAvailability(
      [
        [...H, 'Interpreter'],
        ['ada@f.example', '', '', '', '', 'no'],
      ],
      roster(),
      wall,
    );
    expect(no.answers.get(ada!)).toEqual({ interpreter: false });
  });

  it('points each warning at the cell to fix, wherever the columns stand, and quotes the address as written', () => {
    const r = readAvailability(
      [
        ['Rank', 'Email', 'Date', 'Start', 'End', 'Meet'],
        [1, 'rosa@f.example', DAY, '16:00', '15:00', ''],
        [1, ' Nobody@X.Example ', DAY, '15:00', '16:00', ''],
        [1, 'rosa at home', DAY, '15:00', '16:00', ''],
        [1, 'ada@f.example', '', '', '', 'by pigeon'],
      ],
      roster(),
      wall,
    );
    expect(r.problems.map((p) => [p.where, p.message])).toEqual([
      [
        { sheet: 'Availability', row: 2, column: 3 },
        'Availability, row 2, column C (Date): cannot read this availability (date, start, end and rank); it is ignored.',
      ],
      [
        { sheet: 'Availability', row: 3, column: 2 },
        'Availability, row 3, column B (Email): nobody@x.example is not a guardian on the Roster; this availability is ignored.',
      ],
      [
        { sheet: 'Availability', row: 4, column: 2 },
        'Availability, row 4, column B (Email): rosa at home is not a guardian on the Roster; this availability is ignored.',
      ],
      [
        { sheet: 'Availability', row: 5, column: 6 },
        'Availability, row 5, column F (Meet): cannot read "by pigeon" as a way to meet; write In person, Online, Either. The family is placed in any window until then.',
      ],
    ]);
  });

  it('reads a row with a date or a start but not both as a time to fix, and cells of spaces as blank', () => {
    const r = readAvailability(
      [
        [...H, 'Language'],
        ['rosa@f.example', '', '15:00', '16:00', 1, ''],
        ['rosa@f.example', DAY, '', '16:00', 1, ''],
        ['rosa@f.example', '  ', ' ', '', '', 'es'],
        ['ada@f.example'],
      ],
      roster(),
      wall,
    );
    expect(r.problems.map((p) => p.where?.row)).toEqual([2, 3]);
    expect(r.byFamily.size).toBe(0);
    expect(r.answers.get(roster().students[0]!.familyId)).toEqual({ language: 'es' });
  });

  it('reads only this round’s rows and those with no round, and nothing from an empty sheet', () => {
    const rows = [
      [...H, 'Round'],
      ['rosa@f.example', DAY, '15:00', '16:00', 1, 'fall'],
      ['rosa@f.example', DAY, '16:00', '17:00', 2, ''],
      ['rosa@f.example', DAY, '17:00', '18:00', 3, 'Spring'],
      ['ada@f.example', 'someday', '', '', '', 'Spring'],
    ];
    const r = readAvailability(rows, roster(), wall, 'Fall');
    expect(r.byFamily.get(roster().students[0]!.familyId)!.map((i) => i.rank)).toEqual([1, 2]);
    expect(r.problems).toEqual([]);
    // Every row, when no round is asked for.
    expect(readAvailability(rows, roster(), wall).problems).toHaveLength(1);
    for (const values of [null, [], [[...H, 'Round']]]) {
      const none = readAvailability(values, roster(), wall, 'Fall');
      expect([none.byFamily.size, none.answers.size, none.problems.length]).toEqual([0, 0, 0]);
    }
  });
});

describe('conferences kept from the Schedule sheet', () => {
  const roster = () =>
    parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
        ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example'],
        ['3', 'Emma', 'Walsh', 'Ms. Rivera', 'tom@f.example'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
  const windows = [{ ...win('rivera@school.example', 900, 1100), teacher: 'Ms. Rivera', row: 2 }];
  const settings = { ...defaultSettings('School', 'UTC'), roundName: 'Fall' };
  const header = SCHEDULE.columns.map((c) => c.header);
  const line = (cells: Record<string, unknown>) => header.map((h) => cells[h] ?? '');
  const built = (...lines: Record<string, unknown>[]) =>
    buildProblem({
      roster: roster(),
      windows,
      settings,
      availability: new Map(),
      sheet: readScheduleSheet([header, ...lines.map(line)], wall, []),
      seed: 1,
    });
  const kept = (ids: string, start: string, end: string, over: Record<string, unknown> = {}) => ({
    'Student IDs': ids,
    Round: 'Fall',
    Date: DAY,
    Start: start,
    End: end,
    Teacher: 'Ms. Rivera',
    ...over,
  });

  it('keeps locked and told conferences of this round in place, and only those', () => {
    const b = built(
      kept('1', '15:00', '15:20', { Locked: 'Yes', Status: 'Scheduled' }),
      kept('2', '15:30', '15:50', { Status: 'Invited' }),
      kept('3', '16:00', '16:20', { Status: 'Scheduled' }),
      kept('3', '16:30', '16:50', { Status: 'Invited', Round: 'Spring' }),
      kept('99', '16:00', '16:20', { Status: 'Accepted' }),
    );
    const family = (i: number) => roster().students[i]!.familyId;
    const fixed = (id: string, i: number, start: number) => ({
      studentIds: [id],
      familyId: family(i),
      teacherEmail: 'rivera@school.example',
      date: DAY,
      start,
      end: start + 20,
      fixed: true,
      rank: 0,
    });
    expect(b.problem.fixed).toEqual([fixed('1', 0, 900), fixed('2', 1, 930)]);
    // The row of a student no longer on the Roster stays as it was, scheduling nobody.
    expect(b.frozen.map((r) => r.row)).toEqual([2, 3, 6]);
    expect(b.problems).toEqual([]);
  });

  it('keeps a conference the family has answered, or that has taken place, whatever the answer', () => {
    for (const status of ['Declined', 'Tentative', 'Attended', 'No-show']) {
      const b = built(kept('1', '15:00', '15:20', { Status: status }));
      expect([status, b.problem.fixed.map((c) => [c.studentIds, c.start])]).toEqual([
        status,
        [[['1'], 900]],
      ]);
    }
    expect(built(kept('1', '15:00', '15:20', { Status: 'Cancelled' })).problem.fixed).toEqual([]);
  });

  it('tells of a second Status column someone added, and reads the first', () => {
    const sheet = readScheduleSheet(
      [
        [...header, 'Status'],
        [...line(kept('1', '15:00', '15:20', { Status: 'Invited' })), 'Scheduled'],
      ],
      wall,
      [],
    );
    expect(sheet.problems.map((p) => p.message)).toEqual([
      'Schedule, row 1, column X: a second "Status" column; only column 15 is read.',
    ]);
    expect(sheet.rows.map((r) => r.status)).toEqual(['invited']);
  });

  it('names a kept conference whose times cannot be read, keeps its row as it is and does not place its students again', () => {
    const b = built(
      kept('1', '15:00', '', { Locked: 'Yes', Status: 'Scheduled' }),
      kept('2', '15:30', '15:10', { Status: 'accepted' }),
      kept('3', '15:00', '15:20', { Date: 'someday', Status: 'Invited' }),
      kept('1', '16:00', '16:00', { Status: 'Declined' }),
    );
    expect(b.problem.fixed).toEqual([]);
    expect(b.frozen.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    const unread = (row: number, what: string) => ({
      severity: 'error',
      where: { sheet: 'Schedule', row, column: 3 },
      message: `Schedule, row ${row}, column C (Date): this ${what} conference has no readable date, start and end. Fix them: until then the row is kept as it is and its students are not placed again, but its time, which cannot be read, is not held, so another family may be given it.`,
    });
    expect(b.problems).toEqual([
      unread(2, 'locked'),
      unread(3, 'accepted'),
      unread(4, 'invited'),
      unread(5, 'declined'),
    ]);
    // Students 1, 2 and 3 have a conference their families were told of: none is placed again.
    const ids = b.problem.students.map((st) => st.id);
    for (const id of ['1', '2', '3']) expect([id, ids.includes(id)]).toEqual([id, false]);
    // The others are placed as usual.
    const one = built(kept('2', '25:99', '15:25', { Status: 'Invited' }));
    expect(one.problem.students.map((st) => st.id)).toEqual(['1', '3']);
    expect(
      buildSchedule(one.problem)
        .conferences.flatMap((c) => c.studentIds)
        .sort(),
    ).toEqual(['1', '3']);
  });

  it('warns, at the Start of the later one, of kept conferences that clash, and keeps them as they are', () => {
    const b = built(
      kept('1', '15:00', '15:20', { Locked: 'Yes' }),
      kept('2', '15:10', '15:30', { Locked: 'Yes' }),
    );
    expect(b.problem.fixed.map((c) => c.start)).toEqual([900, 910]);
    const clash = (row: number, ids: string, time: string) => ({
      severity: 'warning',
      where: { sheet: 'Schedule', row, column: 4 },
      message: `Schedule, row ${row}, column D (Start): a locked or invited conference breaks a rule ((${ids} with rivera@school.example on ${DAY} ${time}): rivera@school.example hosts 2 families at once (capacity 1)). It is kept as it is; change it by hand if it should move.`,
    });
    expect(b.problems).toEqual([clash(3, '2', '910-930')]);
  });

  it('warns at the right row of a clash among more than ten kept conferences', () => {
    const many = Array.from({ length: 11 }, (_, i) => [
      String(i + 1),
      `Kid${i + 1}`,
      '',
      'Ms. Rivera',
      `g${i + 1}@f.example`,
    ]);
    const big = parseRoster(
      [['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'], ...many],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    // Ten conferences one after another from 3:00 to 6:20, then an eleventh at 6:10 over the last.
    const hhmm = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
    const lines = many.map(([id], i) => {
      const start = i < 10 ? 900 + 20 * i : 1090;
      return line(kept(id!, hhmm(start), hhmm(start + 20), { Locked: 'Yes' }));
    });
    const b = buildProblem({
      roster: big,
      windows: [{ ...windows[0]!, end: 1120 }],
      settings,
      availability: new Map(),
      sheet: readScheduleSheet([header, ...lines], wall, []),
      seed: 1,
    });
    expect(b.problem.fixed).toHaveLength(11);
    expect(b.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Schedule', row: 12, column: 4 },
        message: `Schedule, row 12, column D (Start): a locked or invited conference breaks a rule ((11 with rivera@school.example on ${DAY} 1090-1110): rivera@school.example hosts 2 families at once (capacity 1)). It is kept as it is; change it by hand if it should move.`,
      },
    ]);
  });

  it('hands the engine each window’s way of meeting, the changeover, and names without a stray space', () => {
    const r = parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ana', '', 'Ms. Rivera', 'rosa@f.example'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    const build = (over: Partial<typeof settings>) =>
      buildProblem({
        roster: r,
        windows: [{ ...windows[0]!, mode: 'online' as const }, windows[0]!],
        settings: { ...settings, ...over },
        availability: new Map(),
        sheet: readScheduleSheet([], wall, []),
        seed: 1,
      }).problem;
    const p = build({ changeoverMinutes: 5 });
    expect(p.windows.map((w) => w.mode)).toEqual(['online', undefined]);
    expect(p.changeoverMinutes).toBe(5);
    expect(p.students.map((s) => s.name)).toEqual(['Ana']);
    // Settings saved before the changeover existed: none.
    expect(build({ changeoverMinutes: undefined }).changeoverMinutes).toBe(0);
  });

  it('gives an interpreter in the school’s language to a family that asks for one without naming a language', () => {
    const r = parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email', 'Interpreter'],
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example', 'yes'],
        ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example', ''],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    const b = buildProblem({
      roster: r,
      windows,
      settings: { ...settings, defaultLanguage: 'ht' },
      availability: new Map(),
      sheet: readScheduleSheet([], wall, []),
      seed: 7,
    });
    expect(b.problem.families.map((f) => f.interpreter)).toEqual(['ht', '']);
    expect(b.problem.students.map((s) => s.name)).toEqual(['Ana Lopez', 'Chidi Okoro']);
    expect(b.problem.seed).toBe(7);
    expect(b.problem.refusedWindows).toBeUndefined();
  });
});
