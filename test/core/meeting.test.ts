/**
 * In person, online or either: the Teachers sheet's Mode column, the family's choice on the
 * availability form and the Availability sheet, and the engine keeping to it (every schedule
 * judged by the independent checker).
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { parseAvailabilityResponse, availabilityRows } from '../../src/core/availability';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { parseRoster } from '../../src/core/roster';
import {
  buildProblem,
  readAvailability,
  readScheduleSheet,
  scheduleRows,
  withFamilyAnswers,
} from '../../src/core/schedule/sheet';
import { desiredEvent, readInviteRows } from '../../src/core/invites';
import { teacherDayMessage } from '../../src/core/teacherday';
import { SCHEDULE } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import type { Problem, SchedFamily, TeacherWindow } from '../../src/core/schedule/types';
import { parseTeachers } from '../../src/core/teachers';
import { inFormEnglish } from '../../src/core/formtexts';
import { replySlip } from '../../src/core/replyslip';
import type { Meet } from '../../src/core/meeting';
import { waitsForWayToMeet } from '../../src/core/waitlist';
import type { WallClockOf } from '../../src/core/normalize';

const wall: WallClockOf = (d) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});

const DAY = '2026-11-17';
const T = ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Video Link', 'Mode'];
const row = (start: string, end: string, room: string, link: string, mode: string) => [
  'Ms. Rivera',
  'rivera@school.example',
  DAY,
  start,
  end,
  room,
  link,
  mode,
];

describe('the Teachers sheet’s Mode column', () => {
  it('reads each window as written, and a blank one from its Room and Video Link', () => {
    const r = parseTeachers(
      [
        T,
        row('1:00 PM', '1:30 PM', '111', 'https://meet.example/a', 'In person'),
        row('1:30 PM', '2:00 PM', '', 'https://meet.example/a', 'online'),
        row('2:00 PM', '2:30 PM', '111', 'https://meet.example/a', 'Either'),
        row('2:30 PM', '3:00 PM', '111', 'https://meet.example/a', ''),
        row('3:00 PM', '3:30 PM', '', 'https://meet.example/a', ''),
        row('3:30 PM', '4:00 PM', '111', '', ''),
      ],
      wall,
    );
    expect(r.problems).toEqual([]);
    expect(r.windows.map((w) => w.mode)).toEqual([
      'in person',
      'online',
      'either',
      'either',
      'online',
      'in person',
    ]);
  });

  it('keeps an old sheet without the column working as before', () => {
    const r = parseTeachers(
      [T.slice(0, 7), row('1:00 PM', '1:30 PM', '111', 'https://meet.example/a', '').slice(0, 7)],
      wall,
    );
    expect(r.problems).toEqual([]);
    expect(r.windows[0]).toMatchObject({ room: '111', mode: 'either' });
  });

  it('names the sheet, row and column of a mode it cannot read, and of an online window without a link', () => {
    const r = parseTeachers(
      [
        T,
        row('1:00 PM', '1:30 PM', '111', '', 'Sometimes'),
        row('1:30 PM', '2:00 PM', '111', '', 'Online'),
      ],
      wall,
    );
    expect(r.problems.map((p) => p.message)).toEqual([
      'Teachers, row 2, column H (Mode): cannot read "Sometimes" as a mode; write In person, Online, Either, or leave it blank.',
      'Teachers, row 3, column H (Mode): this window is Online but has no Video Link. Add the link families join with, or write In person.',
    ]);
    expect(r.windows).toEqual([]);
  });
});

describe('the family’s choice on the availability form', () => {
  const answer = (meet: string) =>
    parseAvailabilityResponse(
      { 'Family code': ['abc'], 'How would you like to meet?': meet ? [meet] : [] },
      [],
    );

  it('is read from the answer and written to the Availability sheet’s Meet column', () => {
    const rows = (meet: string) =>
      availabilityRows(
        answer(meet),
        { id: 'F-1', name: 'Rivera', email: 'a@b.example' },
        new Date(),
      );
    expect(answer('Online').meet).toBe('online');
    expect(rows('Online')[0]!.Meet).toBe('Online');
    expect(rows('In person')[0]!.Meet).toBe('In person');
    expect(rows('Either way')[0]!.Meet).toBe('Either');
    expect(rows('')[0]!.Meet).toBe('');
  });

  it('reads a Spanish family’s choice as the English form’s, so it lands in the same column', () => {
    const named = inFormEnglish(
      { '¿Cómo prefieren reunirse?': ['En persona'] },
      'es',
      'availability',
    );
    expect(parseAvailabilityResponse(named, []).meet).toBe('in person');
  });

  it('is asked on the paper reply slip in the family’s form language', () => {
    expect(replySlip('F-1', 'es', []).split('\n')).toContain(
      '¿Cómo prefieren reunirse? [ ] En persona [ ] En línea [ ] De cualquier forma',
    );
    expect(replySlip('F-1', 'en', []).split('\n')).toContain(
      'How would you like to meet? [ ] In person [ ] Online [ ] Either way',
    );
  });
});

/** Three families of one student each, all with Ms. Rivera. */
const threeFamilies = () =>
  parseRoster(
    [
      ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'],
      ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
      ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example'],
      ['3', 'Emma', 'Walsh', 'Ms. Rivera', 'tom@f.example'],
    ],
    [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
  );

describe('the Availability sheet’s Meet column', () => {
  it('carries each family’s choice to the scheduler, and names a cell it cannot read', () => {
    const roster = threeFamilies();
    const read = readAvailability(
      [
        ['Email', 'Date', 'Start', 'End', 'Rank', 'Meet'],
        ['rosa@f.example', '', '', '', '', 'Online'],
        ['ada@f.example', '', '', '', '', 'In person'],
        ['tom@f.example', '', '', '', '', 'Sometimes'],
      ],
      roster,
      wall,
    );
    expect(read.problems.map((p) => p.message)).toEqual([
      'Availability, row 4, column F (Meet): cannot read "Sometimes" as a way to meet; write In person, Online, Either. The family is placed in any window until then.',
    ]);
    const built = buildProblem({
      roster: withFamilyAnswers(roster, read.answers),
      windows: [],
      settings: defaultSettings('School', 'UTC'),
      availability: read.byFamily,
      sheet: readScheduleSheet([SCHEDULE.columns.map((c) => c.header)], wall, []),
      seed: 1,
    });
    const meetOf = (email: string) =>
      built.problem.families.find((f) => f.contacts?.includes(email))?.meet;
    expect([meetOf('rosa@f.example'), meetOf('ada@f.example'), meetOf('tom@f.example')]).toEqual([
      'online',
      'in person',
      undefined,
    ]);
  });
});

const win = (teacherEmail: string, start: number, mode: Meet): TeacherWindow => ({
  teacherEmail,
  teacher: teacherEmail === 'rivera@s' ? 'Ms. Rivera' : 'Mr. Okafor',
  date: DAY,
  start,
  end: start + 60,
  room: mode === 'online' ? '' : '111',
  capacity: 1,
  videoLink: mode === 'in person' ? '' : 'https://meet.example/a',
  mode,
});

const family = (id: string, meet?: Meet): SchedFamily => ({
  id,
  name: id,
  availability: null,
  interpreter: '',
  ...(meet ? { meet } : {}),
});

function problem(windows: TeacherWindow[], families: SchedFamily[], teacher = 'rivera@s'): Problem {
  return {
    windows,
    students: families.map((f) => ({
      id: `s-${f.id}`,
      name: f.id,
      teacherEmail: teacher,
      familyId: f.id,
    })),
    families,
    interpreters: {},
    conferenceMinutes: 20,
    bufferMinutes: 5,
    mergeSiblings: false,
    fixed: [],
    seed: 1,
  };
}

describe('the scheduler keeps the family’s choice', () => {
  it('places an online family in the online hour and an in-person family in the room’s hour', () => {
    const p = problem(
      [win('rivera@s', 900, 'in person'), win('rivera@s', 960, 'online')],
      [family('Online', 'online'), family('Room', 'in person'), family('Any')],
    );
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    const at = (f: string) => s.conferences.find((c) => c.familyId === f)!.start;
    expect(at('Online')).toBeGreaterThanOrEqual(960);
    expect(at('Room')).toBeLessThan(960);
    expect(s.unplaced).toEqual([]);
  });

  it('leaves a family unplaced, saying why in words, when its teacher has no time its way', () => {
    const p = problem([win('rivera@s', 900, 'in person')], [family('Lee', 'online')]);
    const s = buildSchedule(p);
    expect(s.conferences).toEqual([]);
    expect(s.unplaced).toEqual([
      {
        studentId: 's-Lee',
        reason:
          'The Lee family asked to meet online, and Ms. Rivera has no online time. Ask the family whether another way suits them, or add a window that offers it.',
      },
    ]);
    // The waitlist notice recognises this reason, so it does not blame the family's times.
    expect(waitsForWayToMeet(s.unplaced[0]!.reason)).toBe(true);
  });

  it('makes schedules the checker accepts whatever the windows and families ask (property)', () => {
    const meet = fc.constantFrom<Meet>('in person', 'online', 'either');
    const instance = fc.record({
      windows: fc.array(
        fc.record({ teacher: fc.constantFrom('rivera@s', 'okafor@s'), mode: meet }),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
      families: fc.array(
        fc.record({
          meet: fc.option(meet, { nil: undefined }),
          teacher: fc.constantFrom('rivera@s', 'okafor@s'),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      seed: fc.integer({ min: 1, max: 1e6 }),
    });
    checkProperty(
      fc.property(instance, (x) => {
        const windows = x.windows.map((w, i) => win(w.teacher, 900 + i * 60, w.mode));
        const families = x.families.map((f, i) => family(`f${i}`, f.meet));
        const p: Problem = {
          ...problem(windows, families),
          students: x.families.map((f, i) => ({
            id: `s${i}`,
            name: '',
            teacherEmail: f.teacher,
            familyId: `f${i}`,
          })),
          seed: x.seed,
        };
        const s = buildSchedule(p);
        expect(checkSchedule(p, s)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('what the messages say about a conference of each mode', () => {
  const HEADER = SCHEDULE.columns.map((c) => c.header);
  const invite = (mode: string, language: string) => {
    const base: Record<string, unknown> = {
      'Conference ID': 'C-1',
      Round: 'Fall',
      Date: DAY,
      Start: '15:00',
      End: '15:25',
      Teacher: 'Ms. Rivera',
      Room: mode === 'Online' ? 'Video call' : '111',
      Mode: mode,
      Students: 'Ana García',
      'Student IDs': '1',
      Family: 'García',
      'Family ID': 'F-1',
      Emails: 'ana.mom@family.example',
      Language: language,
      Status: 'scheduled',
    };
    const sheet = readInviteRows([HEADER, HEADER.map((h) => base[h] ?? '')], wall);
    const d = desiredEvent(sheet, sheet.rows[0]!, {
      settings: defaultSettings('Lincoln Elementary', 'America/New_York'),
      placeOf: () => ({ email: 'rivera@school.example', videoLink: 'https://meet.example/abc' }),
    });
    if ('problem' in d) throw new Error(d.problem.message);
    return d.spec;
  };
  // Each built-in language's words, written out here.
  const WORDS = [
    { language: 'English', room: 'Room 111', join: 'Join online: https://meet.example/abc' },
    {
      language: 'Spanish',
      room: 'el aula 111',
      join: 'Conéctense en línea: https://meet.example/abc',
    },
  ];

  for (const w of WORDS)
    it(`an invitation in ${w.language}: the room alone in person, the link alone online, both either way`, () => {
      const inPerson = invite('In person', w.language);
      expect(inPerson.description).toContain(w.room);
      expect(inPerson.description).not.toContain('https://');
      expect(inPerson.location).toBe('111');
      const online = invite('Online', w.language);
      expect(online.description).toContain(w.join);
      expect(online.description).not.toContain('111');
      expect(online.location).toBe('https://meet.example/abc');
      const either = invite('Either', w.language);
      expect(either.description).toContain(w.room);
      expect(either.description).toContain(w.join);
    });

  it('the Schedule records each conference’s mode, and its Room only where the family comes in', () => {
    const roster = threeFamilies();
    const meet = new Map<string, Meet>([
      ['rosa@f.example', 'online'],
      ['ada@f.example', 'in person'],
    ]);
    const answered = {
      ...roster,
      families: roster.families.map((f) => {
        const m = meet.get(f.contacts[0]!.email);
        return m ? { ...f, meet: m } : f;
      }),
    };
    const windows = [
      {
        ...win('rivera@school.example', 900, 'either'),
        end: 1020,
        teacher: 'Ms. Rivera',
        row: 2,
      },
    ];
    const settings = defaultSettings('School', 'UTC');
    const sheet = readScheduleSheet([HEADER], wall, []);
    const built = buildProblem({
      roster: answered,
      windows,
      settings,
      availability: new Map(),
      sheet,
      seed: 1,
    });
    const schedule = buildSchedule(built.problem);
    expect(checkSchedule(built.problem, schedule)).toEqual([]);
    let n = 0;
    const rows = scheduleRows({
      sheet,
      frozen: [],
      schedule,
      roster: answered,
      windows,
      settings,
      newId: () => `C${++n}`,
    });
    const cell = (r: unknown[], h: string) => r[HEADER.indexOf(h)];
    const byEmail = new Map(rows.map(({ cells }) => [cell(cells, 'Emails'), cells]));
    const shown = (email: string) => [
      cell(byEmail.get(email)!, 'Mode'),
      cell(byEmail.get(email)!, 'Room'),
    ];
    expect(shown('rosa@f.example')).toEqual(['Online', 'Video call']);
    expect(shown('ada@f.example')).toEqual(['In person', '111']);
    expect(shown('tom@f.example')).toEqual(['Either', '111']);
  });

  it('the teacher’s day says how each family meets', () => {
    const conference = (mode: Meet, room: string) => ({
      conferenceId: `C-${mode}`,
      teacher: 'Ms. Rivera',
      date: DAY,
      start: mode === 'online' ? 930 : 900,
      end: mode === 'online' ? 950 : 920,
      room,
      mode,
      students: mode === 'online' ? 'Ben' : 'Ana',
      coming: [],
      language: '',
      interpreter: false,
      status: 'scheduled',
      notes: '',
    });
    const text = teacherDayMessage(
      {
        teacher: 'Ms. Rivera',
        email: 'rivera@school.example',
        date: DAY,
        conferences: [conference('in person', '111'), conference('online', 'Video call')],
      },
      'School',
    ).text;
    expect(text).toContain('- 3:00 PM–3:20 PM · Ana · room 111 · in person');
    expect(text).toContain('- 3:30 PM–3:50 PM · Ben · online');
  });
});

describe('the reason a teacher’s students wait', () => {
  const RH = ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'];
  const waiting = (teachers: unknown[][], students = [['Ana', 'Lee']]) => {
    const t = parseTeachers([T, ...teachers], wall);
    const roster = parseRoster(
      [
        RH,
        ...students.map(([first, last], i) => [
          String(i + 1),
          first,
          last,
          'Mr. Bad',
          `${last!.toLowerCase()}@f.example`,
        ]),
      ],
      t.teachers,
    );
    const built = buildProblem({
      roster,
      windows: t.windows,
      refused: t.refused,
      settings: defaultSettings('School', 'UTC'),
      availability: new Map(),
      sheet: readScheduleSheet([], wall, []),
      seed: 1,
    });
    return buildSchedule(built.problem).unplaced.map((u) => u.reason);
  };

  it('points at the Teachers row whose window was refused, naming the teacher by name', () => {
    const bad = [
      'Mr. Bad',
      'bad@school.example',
      DAY,
      '1:00 PM',
      '1:30 PM',
      '111',
      '',
      'Sometimes',
    ];
    expect(waiting([bad])).toEqual([
      "Mr. Bad's conference times could not be read: see Teachers row 2.",
    ]);
  });

  it('says a full teacher has a window the sheet could not read, pointing at its row', () => {
    const good = ['Mr. Bad', 'bad@school.example', DAY, '1:00 PM', '1:25 PM', '111', '', ''];
    const reversed = ['Mr. Bad', 'bad@school.example', DAY, '12:00 PM', '11:00 AM', '111', '', ''];
    expect(
      waiting(
        [good, reversed],
        [
          ['Ana', 'Lee'],
          ['Ben', 'Ortiz'],
        ],
      ),
    ).toEqual([
      "Mr. Bad's windows are full: 2 conferences for 1 place. Teachers row 3 could not be read, so its time is not counted: fix it first.",
    ]);
  });

  it('names a teacher without any window by the Roster’s name, never by the address', () => {
    const p = problem([win('rivera@s', 900, 'in person')], [family('Lee')]);
    const reasons = buildSchedule({
      ...p,
      students: p.students.map((s) => ({ ...s, teacherEmail: 'bad@s', teacher: 'Mr. Bad' })),
    }).unplaced.map((u) => u.reason);
    expect(reasons).toEqual([
      'Mr. Bad has no windows on the Teachers sheet. Add their conference times.',
    ]);
  });
});
