/**
 * The Summary compares the rounds of a year side by side: questionnaire answers and ratings,
 * students prepared and goals set, each round from its own conferences and preparation.
 */
import type { PrepAnswer } from '../../src/core/prep';
import { buildSummary, type SummaryConference, type SummaryFeedback } from '../../src/core/summary';

const conference = (id: string, round: string): SummaryConference => ({
  conferenceId: id,
  round,
  teacher: 'Ms. Rivera',
  family: `Family ${id}`,
  familyId: `F-${id}`,
  grades: ['3'],
  status: 'attended',
  date: round === 'Fall' ? '2026-11-17' : '2027-03-16',
  start: 930,
  end: 955,
  room: '12',
  language: '',
  interpreter: false,
  emails: `${id}@family.example`,
});

const answer = (conferenceId: string, rating: number, goal = ''): SummaryFeedback => ({
  answered: '2026-11-18T10:00',
  conferenceId,
  rating,
  goal,
  help: '',
  followUp: false,
  followUpWhen: '',
  comments: '',
  flag: '',
});

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

describe('buildSummary over a year', () => {
  it('compares the rounds: answers, average rating, students prepared and goals set', () => {
    const { grid } = buildSummary({
      title: 'Lincoln',
      round: 'Spring',
      today: '2027-03-20',
      conferences: [conference('1', 'Fall'), conference('2', 'Fall'), conference('3', 'Spring')],
      feedback: [answer('1', 4, 'Read every night'), answer('2', 2), answer('3', 5)],
      prep: [
        prep('S1', 'Fall', { proudOf: 'My poster', goal: 'Times tables' }),
        prep('S2', 'Fall', { goal: 'Spelling' }),
        prep('S1', 'Spring', { workSample: 'Book review', goal: 'Chapter books' }),
        prep('S2', 'Spring', { proudOf: 'My bridge' }),
      ],
    });
    const start = grid.findIndex((r) => r[0] === 'Rounds compared');
    // The grid is as wide as its widest section: the first five columns are this one's.
    expect(grid.slice(start + 1, start + 4).map((r) => r.slice(0, 5))).toEqual([
      ['Round', 'Answers', 'Average rating', 'Students prepared', 'Goals set'],
      // Fall: ratings 4 and 2; S1 prepared (S2 has a goal but nothing to show); one
      // questionnaire goal and two of the students' own.
      ['Fall', 2, 3, 1, 3],
      // Spring: one rating of 5; S1 prepared (S2 has no goal); S1's goal.
      ['Spring', 1, 5, 1, 1],
    ]);
  });
});
