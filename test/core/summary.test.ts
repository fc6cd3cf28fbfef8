/**
 * Issue 8: the coordinator's Summary, as a pure function from Schedule and Feedback rows to one grid.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import type { Reflection } from '../../src/core/goals';
import type { RosterFamily } from '../../src/core/participation';
import type { PrepAnswer } from '../../src/core/prep';
import {
  buildSummary,
  type SummaryConference,
  type SummaryFeedback,
  type SummaryInput,
} from '../../src/core/summary';

function conference(id: string, over: Partial<SummaryConference> = {}): SummaryConference {
  return {
    conferenceId: id,
    round: 'Fall',
    teacher: 'Ms. Rivera',
    family: `Family ${id}`,
    familyId: `F-${id}`,
    grades: ['3'],
    status: 'attended',
    date: '2026-11-17',
    start: 930,
    end: 955,
    room: '12',
    language: '',
    interpreter: false,
    emails: `${id}@family.example`,
    ...over,
  };
}

function answer(conferenceId: string, over: Partial<SummaryFeedback> = {}): SummaryFeedback {
  return {
    answered: '2026-11-18T10:00',
    conferenceId,
    rating: 4,
    goal: '',
    help: '',
    followUp: false,
    followUpWhen: '',
    privateTalk: false,
    comments: '',
    flag: '',
    ...over,
  };
}

function input(conferences: SummaryConference[], feedback: SummaryFeedback[]): SummaryInput {
  return { title: 'Lincoln', round: 'Fall', today: '2026-11-20', conferences, feedback };
}

/** The rows of a section, from its title to the next blank row. */
function section(grid: (string | number)[][], title: string): (string | number)[][] {
  const start = grid.findIndex((r) => r[0] === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = grid.findIndex((r, i) => i > start && r.every((c) => c === ''));
  return grid.slice(start + 1, end < 0 ? undefined : end);
}

describe('buildSummary', () => {
  it('counts participation overall, per teacher and per grade', () => {
    const s = buildSummary(
      input(
        [
          conference('1'),
          conference('2', { status: 'no-show', grades: ['4'] }),
          conference('3', { teacher: 'Mr. Silva', status: 'scheduled' }),
          conference('4', { status: 'cancelled' }),
        ],
        [],
      ),
    );
    // Without the Roster, the families on the Schedule: the cancelled one has no conference.
    expect(section(s.grid, 'Participation')[1]!.slice(0, 8)).toEqual([
      'Fall',
      4,
      3,
      1,
      1,
      1,
      0,
      25,
    ]);
    const teachers = section(s.grid, 'Per teacher');
    expect(teachers.find((r) => r[0] === 'Ms. Rivera')!.slice(0, 5)).toEqual([
      'Ms. Rivera',
      1,
      1,
      2,
      50,
    ]);
    expect(
      section(s.grid, 'Per grade')
        .find((r) => r[0] === '4')!
        .slice(0, 4),
    ).toEqual(['4', 0, 1, 1]);
    expect(s.totals).toMatchObject({ scheduled: 3, attended: 1, noShow: 1 });
  });

  it("counts a conference whose Round is blank or in other case as this round's, another round's not", () => {
    const s = buildSummary(
      input(
        [
          conference('1'),
          conference('2', { round: '' }),
          conference('3', { round: 'FALL', status: 'no-show' }),
          conference('4', { round: 'Spring' }),
        ],
        [],
      ),
    );
    expect(s.totals).toMatchObject({ scheduled: 3, attended: 2, noShow: 1 });
  });

  it('counts the latest answer per conference, lists its follow-up with the contact, and leaves flagged answers out', () => {
    const s = buildSummary(
      input(
        [conference('1'), conference('2')],
        [
          answer('1', { rating: 2, answered: '2026-11-18T09:00' }),
          answer('1', {
            rating: 5,
            answered: '2026-11-19T09:00',
            followUp: true,
            followUpWhen: 'Tuesday after 3',
            goal: 'Read 20 minutes a day',
          }),
          answer('', { flag: 'Unknown conference code', rating: 1 }),
        ],
      ),
    );
    expect(s.totals).toMatchObject({ responses: 1, followUps: 1, flagged: 1 });
    expect(section(s.grid, 'Per teacher')[1]!.slice(5, 8)).toEqual([1, 50, 5]);
    expect(section(s.grid, 'Follow-up requests')[1]!.slice(0, 4)).toEqual([
      'Family 1',
      'Ms. Rivera',
      'Tuesday after 3',
      '1@family.example',
    ]);
    expect(section(s.grid, 'Goals families reported')[1]![2]).toBe('Read 20 minutes a day');
  });

  it('lists the interpreter roster by language and time', () => {
    const s = buildSummary(
      input(
        [
          conference('1', { interpreter: true, language: 'Spanish', start: 1000, end: 1025 }),
          conference('2', { interpreter: true, language: 'Arabic' }),
          conference('3', {
            interpreter: true,
            language: 'Spanish',
            start: 930,
            end: 955,
            status: 'cancelled',
          }),
        ],
        [],
      ),
    );
    expect(
      section(s.grid, 'Interpreter roster')
        .slice(1)
        .map((r) => [r[0], r[2]]),
    ).toEqual([
      ['Arabic', '3:30 PM'],
      ['Spanish', '4:40 PM'],
    ]);
  });

  it('points its charts at the per-teacher table', () => {
    const s = buildSummary(input([conference('1'), conference('2', { teacher: 'Mr. Silva' })], []));
    const [participation, ratings] = s.charts;
    expect(s.grid[participation!.row - 1]![0]).toBe('Teacher');
    expect(participation!.numRows).toBe(3);
    expect(s.grid[ratings!.row - 1]![ratings!.columns[1]! - 1]).toBe('Average rating');
  });

  it('is a rectangle that does not depend on the order rows were read in', () => {
    const statuses = fc.constantFrom('scheduled', 'invited', 'attended', 'no-show', 'cancelled');
    checkProperty(
      fc.property(
        fc.array(
          fc.record({
            teacher: fc.constantFrom('A', 'B', '=cmd'),
            status: statuses,
            grade: fc.constantFrom('K', '1', '2'),
          }),
          { maxLength: 12 },
        ),
        fc.array(
          fc.record({
            i: fc.nat(11),
            rating: fc.integer({ min: 1, max: 5 }),
            day: fc.integer({ min: 10, max: 28 }),
          }),
          { maxLength: 12 },
        ),
        (cs, fs) => {
          const conferences = cs.map((c, i) =>
            conference(String(i), { teacher: c.teacher, status: c.status, grades: [c.grade] }),
          );
          const feedback = fs
            .filter((f) => f.i < cs.length)
            .map((f, k) =>
              answer(String(f.i), {
                rating: f.rating,
                answered: `2026-11-${f.day}T09:${String(k).padStart(2, '0')}`,
              }),
            );
          const a = buildSummary(input(conferences, feedback));
          const b = buildSummary(input([...conferences].reverse(), [...feedback].reverse()));
          expect(b.grid).toEqual(a.grid);
          expect(new Set(a.grid.map((r) => r.length)).size).toBe(1);
        },
      ),
    );
  });
});

describe('buildSummary over a year', () => {
  const prep = (studentId: string, round: string, over: Partial<PrepAnswer>): PrepAnswer => ({
    studentId,
    round,
    proudOf: '',
    learningTargets: '',
    workSample: '',
    goal: '',
    familyQuestion: '',
    ...over,
  });

  const reflection = (studentId: string, lastGoalMet: string, goalNow = ''): Reflection => ({
    studentId,
    round: 'Spring',
    howItWent: '',
    nextStep: '',
    goalNow,
    lastGoalMet,
  });
  // Five families of one child each; D's child (Ms. Rivera's class) is waitlisted in Spring, and
  // E's Spring conference is past but not marked.
  const family = (id: string, teacher: string): RosterFamily => ({
    familyId: `F${id}`,
    students: [{ id: `S${id}`, teacher, grade: teacher === 'Ms. Rivera' ? '3' : '4' }],
    reachable: true,
  });
  const families = [
    family('A', 'Ms. Rivera'),
    family('B', 'Ms. Rivera'),
    family('C', 'Mr. Silva'),
    family('D', 'Ms. Rivera'),
    family('E', 'Mr. Silva'),
  ];
  const held = (id: string, f: string, status: string, round = 'Fall') =>
    conference(id, {
      familyId: `F${f}`,
      studentIds: [`S${f}`],
      teacher: families.find((x) => x.familyId === `F${f}`)!.students[0]!.teacher,
      status,
      round,
      date: round === 'Fall' ? '2026-11-17' : '2027-03-16',
    });
  const year: SummaryInput = {
    ...input(
      [
        held('f1', 'A', 'attended'),
        held('f2', 'B', 'no-show'),
        held('f3', 'C', 'no-show'),
        held('f4', 'D', 'no-show'),
        held('f5', 'E', 'attended'),
        held('s1', 'A', 'attended', 'Spring'),
        held('s2', 'B', 'attended', 'Spring'),
        held('s3', 'C', 'attended', 'Spring'),
        held('s5', 'E', 'scheduled', 'Spring'),
      ],
      [
        answer('f1', { rating: 4, goal: 'Read every night' }),
        answer('f5', { rating: 2 }),
        answer('s1', { rating: 5 }),
        answer('s2', { rating: 4, goal: 'Times tables' }),
        answer('s3', { rating: 4 }),
      ],
    ),
    round: 'Spring',
    today: '2027-03-20',
    families,
    prep: [
      prep('SA', 'Fall', { proudOf: 'My poster', goal: 'Times tables' }),
      prep('SB', 'Fall', { goal: 'Spelling' }),
      prep('SD', 'Fall', { goal: 'Read aloud' }),
      prep('SA', 'Spring', { workSample: 'Book review', goal: 'Chapter books' }),
      prep('SB', 'Spring', { proudOf: 'My bridge', goal: 'Neater work' }),
      prep('SC', 'Spring', { goal: 'Finish homework' }),
    ],
    reflections: [
      { ...reflection('SC', '', 'Neater handwriting'), round: 'Fall' },
      reflection('SA', 'Yes', 'Longer books'),
      reflection('SB', 'Partly'),
      reflection('SC', 'Not yet'),
      reflection('SD', 'Yes'),
      // E's child set no goal in Fall (the family's answer has none): a "Yes" to "Did I meet the
      // goal I set last time?" is not a goal met, nor a look back (fixG, session 34).
      reflection('SE', 'Yes'),
    ],
  };

  it('compares each figure of the latest round with the round before, families and students apart', () => {
    const { grid } = buildSummary(year);
    // The grid is as wide as its widest section: the first four columns are this one's.
    expect(section(grid, 'Rounds compared').map((r) => r.slice(0, 4))).toEqual([
      ['Measure', 'Fall', 'Spring', 'Change (Spring − Fall)'],
      ['Roster families', 5, 5, 0],
      // Fall: A and E came; Spring: A, B and C (D waitlisted, E not marked).
      ['Families who came', 2, 3, 1],
      ['Participation % (families who came ÷ roster families)', 40, 60, 20],
      // Fall: SA (SB has a goal but nothing to show); Spring: SA and SB (SC has only a goal).
      ['Students prepared (Student Prep)', 1, 2, 1],
      // Fall: SA, SB, SD by prep and SC by reflection; Spring: SA, SB, SC (SA twice, counted once).
      ['Students who set their own goal (Student Prep or reflection)', 4, 3, -1],
      // SA, SB, SC and SD, who set a goal in Fall; not SE, who set none.
      ["Students who looked back on last round's goal", 0, 4, 4],
      // SA and SD (waitlisted, but still a student who reflected); not SE.
      ["Students who met last round's goal", 0, 2, 2],
      ["Families' goals (questionnaire)", 1, 1, 0],
      ['Questionnaire answers', 2, 3, 1],
      // Fall 2 of 2 attended; Spring 3 of 3 attended (E's unmarked conference is not counted).
      ['Response rate % (answers ÷ conferences attended)', 100, 100, 0],
      // Fall (4 + 2) / 2; Spring (5 + 4 + 4) / 3 = 4.33.
      ['Average rating (1–5)', 3, 4.3, 1.3],
    ]);
  });

  it('orders the rounds by when they were held and says when there is no earlier round', () => {
    const winter = (id: string) => conference(id, { round: 'Winter', date: '2027-01-20' });
    const spring = conference('2', { round: 'Spring', date: '2027-03-16' });
    const both = buildSummary({ ...input([spring, winter('1')], []), round: 'Spring' });
    expect(section(both.grid, 'Rounds compared')[0]!.slice(0, 4)).toEqual([
      'Measure',
      'Winter',
      'Spring',
      'Change (Spring − Winter)',
    ]);
    const one = buildSummary({ ...input([winter('1')], []), round: 'Winter' });
    const rows = section(one.grid, 'Rounds compared');
    expect(rows[0]!.slice(0, 3)).toEqual(['Measure', 'Winter', 'Change']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(new Array(11).fill('No earlier round'));
  });

  // A blank Round, or the round's name in other case, is the round being played for every step
  // (inRound, src/core/rounds.ts): the Summary counts it there too, not apart under "(no round)"
  // (tester, session 34: the sidebar and the Summary disagreed). Seen failing without asPlayed.
  it('compares a conference with a blank or lower-case Round under the round being played, with its answers', () => {
    const s = buildSummary(
      input(
        [conference('1', { round: '' }), conference('2', { round: 'fall' }), conference('3')],
        [answer('1', { rating: 5 }), answer('2', { rating: 2 })],
      ),
    );
    const rows = section(s.grid, 'Rounds compared');
    expect(rows[0]!.slice(0, 3)).toEqual(['Measure', 'Fall', 'Change']);
    expect(rows.find((r) => r[0] === 'Questionnaire answers')![1]).toBe(2);
    expect(rows.find((r) => r[0] === 'Average rating (1–5)')![1]).toBe(3.5);
    // Families who came: all three conferences are Fall's, each its own family.
    expect(rows.find((r) => r[0] === 'Families who came')![1]).toBe(3);
  });

  it('counts Student Prep and reflections with a blank Round under the round being played, as the sidebar does', () => {
    const prep: PrepAnswer = {
      studentId: 'S1',
      round: '',
      proudOf: 'My reading log',
      learningTargets: 'Fractions',
      workSample: 'Essay',
      goal: 'Read every night',
      familyQuestion: '',
    };
    const reflection: Reflection = {
      studentId: 'S2',
      round: ' ',
      howItWent: 'Well',
      nextStep: 'Practise',
      goalNow: 'Finish the book',
      lastGoalMet: 'Yes',
    };
    const s = buildSummary({
      ...input(
        [
          conference('1', { round: '', date: '2027-03-17' }),
          conference('2', { round: 'Spring', date: '2027-03-16' }),
          conference('3'),
        ],
        [],
      ),
      round: 'Spring',
      prep: [prep, { ...prep, studentId: 'S3', round: 'Fall' }],
      reflections: [reflection],
    });
    const rows = section(s.grid, 'Rounds compared');
    expect(rows[0]!.slice(0, 2)).toEqual(['Measure', 'Fall']);
    const spring = rows[0]!.indexOf('Spring');
    const figure = (label: string) => rows.find((r) => r[0] === label)!.slice(1, spring + 1);
    // Fall, Spring: S3's Fall prep under Fall; S1's blank-Round prep (something to show and a
    // goal) and S2's reflection (a goal) under Spring, the round being played. S2's "Yes" to last
    // round's goal is not counted: S2 set no goal in a round held before (fixG).
    expect(figure('Students prepared (Student Prep)')).toEqual([1, 1]);
    expect(figure('Students who set their own goal (Student Prep or reflection)')).toEqual([1, 2]);
    expect(figure("Students who looked back on last round's goal")).toEqual([0, 0]);
    expect(figure("Students who met last round's goal")).toEqual([0, 0]);
  });

  it('divides answers by conferences attended, for the school and each teacher alike', () => {
    const { grid, totals } = buildSummary(year);
    // Spring: Ms. Rivera 2 answers of 2 attended; Mr. Silva 1 of 1 (E's is past but not marked).
    const teachers = section(grid, 'Per teacher');
    expect(teachers.find((r) => r[0] === 'Ms. Rivera')!.slice(5, 7)).toEqual([2, 100]);
    expect(teachers.find((r) => r[0] === 'Mr. Silva')!.slice(5, 7)).toEqual([1, 100]);
    expect(section(grid, 'Questionnaire')[1]!.slice(0, 2)).toEqual([3, 100]);
    expect(grid.flat()).toContain(
      'Spring; the latest answer per conference counts; response rate = answers ÷ conferences attended (the conferences the questionnaire is sent to).',
    );
    // Each section of this round alone says which round; the follow-ups of every round say so.
    const note = (title: string) => grid.find((r) => r[0] === title)![1];
    for (const title of [
      'Per teacher',
      'Per grade',
      'Follow-up requests',
      'Goals families reported',
      'Interpreter roster',
    ])
      expect(note(title)).toMatch(/^Spring\b/);
    expect(totals.unmarked).toBe(1);
  });

  it("counts a waitlisted student's look back in the class the Roster gives", () => {
    const rows = section(buildSummary(year).grid, 'Goals met per class');
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['Spring', 'Mr. Silva', 1, 0, 0, 1],
      ['Spring', 'Ms. Rivera', 3, 2, 1, 0],
    ]);
  });
});
