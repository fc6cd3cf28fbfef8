/**
 * Issue 8: the coordinator's Summary, as a pure function from Schedule and Feedback rows to one grid.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
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

  it('compares the rounds: answers, average rating, students prepared and goals set', () => {
    const spring = { round: 'Spring', date: '2027-03-16' };
    const { grid } = buildSummary({
      ...input(
        [conference('1'), conference('2'), conference('3', spring)],
        [
          answer('1', { rating: 4, goal: 'Read every night' }),
          answer('2', { rating: 2 }),
          answer('3', { rating: 5 }),
        ],
      ),
      round: 'Spring',
      today: '2027-03-20',
      prep: [
        prep('S1', 'Fall', { proudOf: 'My poster', goal: 'Times tables' }),
        prep('S2', 'Fall', { goal: 'Spelling' }),
        prep('S1', 'Spring', { workSample: 'Book review', goal: 'Chapter books' }),
        prep('S2', 'Spring', { proudOf: 'My bridge' }),
      ],
    });
    // The grid is as wide as its widest section: the first five columns are this one's.
    expect(section(grid, 'Rounds compared').map((r) => r.slice(0, 5))).toEqual([
      ['Round', 'Answers', 'Average rating', 'Students prepared', 'Goals set'],
      // Fall: ratings 4 and 2; S1 prepared (S2 has a goal but nothing to show); one
      // questionnaire goal and two of the students' own.
      ['Fall', 2, 3, 1, 3],
      // Spring: one rating of 5; S1 prepared (S2 has no goal); S1's goal.
      ['Spring', 1, 5, 1, 1],
    ]);
  });
});
