/**
 * A paper household answers for its own children. A blended family as an SIS exports it (one
 * Household ID on every row): household A, María García with an address, and her two children
 * Ana and Leo; household B, Rob O'Brien with a phone only, on Leo's row by name (Guardian 2,
 * no address, his number in Home Phone) and on his son Max's row. Max's row lists no address,
 * so B is reached on paper (its own letter, slip and code); Leo's row lists María's address, so
 * Leo is A's child: A's answer sets his time, and B's slip (whose letter never names him) does
 * not. Each household's answer sets only its own children's times, and neither replaces the
 * other's. Expected values are read off the rows and the typed answers below.
 */
import { answeredFamilies } from '../../src/core/ask';
import { conferencesAskingForChange } from '../../src/core/availability';
import { familyIds } from '../../src/core/familyshown';
import { paperFamilies, paperHouseholds, parseRoster } from '../../src/core/roster';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { buildProblem, readAvailability, readScheduleSheet } from '../../src/core/schedule/sheet';
import { defaultSettings } from '../../src/core/settings';
import { AVAILABILITY, SCHEDULE } from '../../src/core/schema';
import { fittingFamilies } from '../../src/core/waitoffers';
import { AVAILABILITY_ALIASES, availabilityFamilies } from '../../src/core/availabilityfamily';
import { standInsOf } from '../../src/core/standin';
import { readTable } from '../../src/core/table';
import { wallClockIn } from '../../src/core/zone';
import { SIS_HEADER, TEACHERS } from '../fixtures/sis-roster';
import { DAY, win } from './schedproblem';

const MARIA = 'maria.garcia@mail.example';
const ROB = 'Rob "Bobby" O\'Brien <script>alert(1)</script>';
const MARIA_NAME = 'María "Mari" García';
const ROWS = [
  SIS_HEADER,
  [
    4101,
    'Garcia',
    'Ana',
    4,
    'Ms. Rivera',
    'HH-2207',
    MARIA_NAME,
    MARIA,
    '',
    '',
    '(555) 010-0147',
    'English',
  ],
  [
    4102,
    'Garcia',
    'Leo',
    2,
    'Mr. Okafor',
    'HH-2207',
    MARIA_NAME,
    MARIA,
    ROB,
    '',
    '(555) 010-0199',
    'English',
  ],
  [
    4103,
    "O'Brien",
    'Max',
    5,
    'Mr. Okafor',
    'HH-2207',
    ROB,
    '',
    '',
    '',
    '(555) 010-0199',
    'Spanish',
  ],
];
const roster = parseRoster(ROWS, TEACHERS);
const ANA = '4101';
const LEO = '4102';
const MAX = '4103';
const family = roster.families.find((f) => f.studentIds.includes(MAX))!;

/** The Availability sheet with these answers: [Email, start, end] on the conference day. */
function answers(...rows: [email: string, start: string, end: string][]): unknown[][] {
  const header = AVAILABILITY.columns.map((c) => c.header);
  return [
    header,
    ...rows.map(([email, start, end]) => {
      const cells: Record<string, unknown> = {
        Family: email ? 'Garcia' : "O'Brien",
        'Family ID': 'HH-2207',
        Email: email,
        Date: DAY,
        Start: start,
        End: end,
        Rank: 1,
        // B's slip asks for Spanish and an interpreter: not the García household's wish.
        Language: email ? '' : 'Spanish',
        Interpreter: email ? '' : 'Yes',
      };
      return header.map((h) => cells[h] ?? '');
    }),
  ];
}

const A_TIMES: [string, string, string] = [MARIA, '15:00', '16:00'];
const B_TIMES: [string, string, string] = ['', '17:00', '18:00'];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** The schedule built from these windows (minutes, per teacher) and answers. */
function scheduled(sheet: unknown[][], windows: Record<string, [number, number]>) {
  const read = readAvailability(sheet, roster, wallClockIn('UTC'));
  const { problem } = buildProblem({
    roster,
    windows: TEACHERS.map((t, i) => ({
      ...win(t.email, ...windows[t.name]!),
      teacher: t.name,
      row: i + 2,
    })),
    settings: defaultSettings('School', 'UTC'),
    availability: read.byFamily,
    paperAvailability: read.paper,
    sheet: readScheduleSheet(
      [SCHEDULE.columns.map((c) => c.header)],
      () => ({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }),
      [],
    ),
    seed: 1,
  });
  const schedule = buildSchedule(problem);
  expect(checkSchedule(problem, schedule)).toEqual([]);
  const at = (id: string) => schedule.conferences.find((c) => c.studentIds.includes(id));
  return { read, problem, schedule, at };
}

const ALL_DAY: Record<string, [number, number]> = {
  'Ms. Rivera': [840, 1080],
  'Mr. Okafor': [840, 1080],
};

describe('a paper household of a joined family answers for its own children', () => {
  it('is the rows listing no address, in one family with the emailed rows', () => {
    // The fixture is what the task describes: one family, Max alone on paper, under B's surname.
    expect(family.studentIds.sort()).toEqual([ANA, LEO, MAX]);
    expect(paperHouseholds(roster)).toEqual(new Map([[family.id, new Set([MAX])]]));
    // A family no email reaches at all is not split (it answers for itself with its own code),
    // nor is a family whose every row lists an address.
    const withPhoneFamily = parseRoster(
      [
        ...ROWS,
        [
          4104,
          'Nguyen',
          'Bao',
          3,
          'Ms. Rivera',
          '',
          'Thu Nguyen',
          '',
          '',
          '',
          '(555) 010-0123',
          'English',
        ],
        [
          4105,
          'Kaya',
          'Ece',
          1,
          'Mr. Okafor',
          '',
          'Deniz Kaya',
          'deniz@kaya.example',
          '',
          '',
          '',
          '',
        ],
      ],
      TEACHERS,
    );
    expect(paperHouseholds(withPhoneFamily)).toEqual(paperHouseholds(roster));
    expect(paperFamilies(roster).map((f) => [f.name, f.studentIds])).toEqual([["O'Brien", [MAX]]]);
  });

  it('keeps each household’s times apart: B’s slip never moves Ana’s or Leo’s time, nor María’s answer Max’s', () => {
    // Fails when readAvailability puts a blank-Email row among the family's times (every child
    // of the family may then be placed in B's evening, and Max beside Leo in A's afternoon).
    const { read, at } = scheduled(answers(A_TIMES, B_TIMES), ALL_DAY);
    const a = [minutes(A_TIMES[1]), minutes(A_TIMES[2])];
    const b = [minutes(B_TIMES[1]), minutes(B_TIMES[2])];
    expect(read.byFamily.get(family.id)!.map((t) => [t.start, t.end])).toEqual([a]);
    expect(read.paper.get(family.id)!.map((t) => [t.start, t.end])).toEqual([b]);
    for (const id of [ANA, LEO]) {
      expect(at(id)!.start).toBeGreaterThanOrEqual(a[0]!);
      expect(at(id)!.end).toBeLessThanOrEqual(a[1]!);
    }
    expect(at(MAX)!.start).toBeGreaterThanOrEqual(b[0]!);
    expect(at(MAX)!.end).toBeLessThanOrEqual(b[1]!);
  });

  it('leaves the emailed household’s children free when only the paper household has answered', () => {
    // Ms. Rivera is there only before B's evening: with B's times taken for the whole family,
    // Ana could not be placed at all (fails when buildProblem gives B's times to the family).
    const { problem, at, schedule } = scheduled(answers(B_TIMES), {
      'Ms. Rivera': [840, 960],
      'Mr. Okafor': [840, 1080],
    });
    expect(problem.families.find((f) => f.id === family.id)!.availability).toBeNull();
    expect(schedule.unplaced).toEqual([]);
    expect(at(ANA)!.end).toBeLessThanOrEqual(960);
    expect(at(MAX)!.start).toBeGreaterThanOrEqual(minutes(B_TIMES[1]));
    // Only Max's conference honours an answer (B's first choice); Ana's and Leo's none.
    expect(schedule.quality.rankMet).toEqual({ first: 1, other: 0, none: 2 });
  });

  it('says B’s answer misses Mr. Okafor’s hours when Max cannot be placed, not that his windows are short', () => {
    const { schedule } = scheduled(answers(B_TIMES), {
      'Ms. Rivera': [840, 960],
      'Mr. Okafor': [840, 960],
    });
    expect(schedule.unplaced.map((u) => u.studentId)).toEqual([MAX]);
    expect(schedule.unplaced[0]!.reason).toContain(
      'availability misses every window of Mr. Okafor',
    );
  });

  it('offers a freed time to a waiting child by its own household’s answer', () => {
    // Leo and Max both wait for Mr. Okafor; a time frees in B's evening: it fits Max (B's
    // answer) and not Leo (María's). Fails when the waitlist reads the family's times for Max.
    const { problem } = scheduled(answers(A_TIMES, B_TIMES), ALL_DAY);
    const okafor = TEACHERS.find((t) => t.name === 'Mr. Okafor')!.email;
    const freed = (start: string) => ({
      teacherEmail: okafor,
      date: DAY,
      start: minutes(start),
      end: minutes(start) + 25,
    });
    const fitting = (start: string) =>
      fittingFamilies({
        freed: freed(start),
        waitlist: [LEO, MAX],
        students: problem.students,
        families: problem.families,
        booked: [],
        bufferMinutes: 5,
        interpreters: {},
      }).map((f) => [f.familyId, f.studentIds]);
    expect(fitting('17:00')).toEqual([[family.id, [MAX]]]);
    expect(fitting('15:00')).toEqual([[family.id, [LEO]]]);
  });

  it('keeps the family’s language and interpreter its emailed household’s, whatever B’s slip asks', () => {
    const { read } = scheduled(answers(A_TIMES, B_TIMES), ALL_DAY);
    // Only María's row speaks for the family, and it asks for nothing.
    expect(read.answers.get(family.id)).toBeUndefined();
  });

  it('does not take the adult B’s slip names as the family’s stand-in (shown on Ana’s and Leo’s packets)', () => {
    const sheet = answers(B_TIMES);
    const header = sheet[0]!.map(String);
    sheet[1]![header.indexOf('Who Comes')] = 'Aunt "Bea" <b>Bold</b>';
    sheet[1]![header.indexOf('Round')] = 'Fall';
    const rows = readTable(AVAILABILITY, sheet, AVAILABILITY_ALIASES).rows;
    const of = (households: Map<string, Set<string>>) =>
      standInsOf(rows, 'Fall', availabilityFamilies(roster.families, households)).standIns;
    expect([...of(paperHouseholds(roster)).keys()]).toEqual([]);
    // The same row read without the households is the family's (what the fix stops).
    expect([...of(new Map()).keys()]).toEqual([family.id]);
  });

  it('does not count B’s answer as María’s: her household is still asked', () => {
    const ids = familyIds(roster.families);
    expect([...answeredFamilies(answers(B_TIMES), ids, paperHouseholds(roster))]).toEqual([]);
    expect([...answeredFamilies(answers(A_TIMES), ids, paperHouseholds(roster))]).toEqual([
      family.id,
    ]);
    // Typed by hand with the Email column first, María's answer is still hers.
    const typed = [
      ['Email', 'Family ID'],
      [MARIA, 'HH-2207'],
    ];
    expect([...answeredFamilies(typed, ids, paperHouseholds(roster))]).toEqual([family.id]);
  });

  it('asks for another time only by the answer of the household whose child the conference is', () => {
    // Leo invited in A's afternoon, Max in B's evening: each stands by its own household's
    // answer; moved into the other household's times, each asks for a change.
    const row = (id: string, start: string) => ({
      familyId: family.id,
      studentIds: [id],
      locked: false,
      status: 'invited',
      date: DAY,
      start: minutes(start),
      end: minutes(start) + 25,
    });
    const read = readAvailability(answers(A_TIMES, B_TIMES), roster, wallClockIn('UTC'));
    const paper = { times: read.paper, households: paperHouseholds(roster) };
    const asking = (rows: ReturnType<typeof row>[]) =>
      conferencesAskingForChange(rows, read.byFamily, paper).map((r) => r.studentIds[0]);
    expect(asking([row(LEO, '15:00'), row(MAX, '17:00')])).toEqual([]);
    expect(asking([row(LEO, '17:00'), row(MAX, '15:00')])).toEqual([LEO, MAX]);
  });
});
