/**
 * Two things the core tests did not reach (mutation run mutT-2, issue 23): the conferences a
 * coordinator is told a family asks to move (a time the family's new answer no longer gives),
 * and the Feedback sheet's row for one questionnaire answer, as a person reads it. Expected
 * values come from the fixtures.
 */
import { answerText, MAX_ANSWER } from '../../src/core/answers';
import { conferencesAskingForChange } from '../../src/core/availability';
import { feedbackRow, rowUnder, type FeedbackAnswer } from '../../src/core/feedback';

describe('conferencesAskingForChange', () => {
  // The Lees now give Tuesday 3:00 to 4:00 PM and Wednesday 3:00 to 3:30 PM.
  const times = new Map([
    [
      'LEE',
      [
        { date: '2026-11-17', start: 900, end: 960, rank: 1 },
        { date: '2026-11-18', start: 900, end: 930, rank: 2 },
      ],
    ],
  ]);
  const row = (id: string, over: Partial<Row> = {}): Row => ({
    id,
    familyId: 'LEE',
    locked: false,
    status: 'invited',
    date: '2026-11-17',
    start: 1000,
    end: 1020,
    ...over,
  });
  interface Row {
    id: string;
    familyId: string;
    locked: boolean;
    status: string;
    date: string | null;
    start: number | null;
    end: number | null;
  }

  it('names the fixed conferences the family’s times no longer hold, and no other', () => {
    const rows = [
      row('invited, outside'), // asks
      row('accepted, outside', { status: 'accepted' }), // asks
      row('locked and scheduled, outside', { locked: true, status: 'scheduled' }), // asks
      row('on another day', { date: '2026-11-19', start: 900, end: 920 }), // asks
      row('inside the second time', { date: '2026-11-18', start: 905, end: 925 }),
      row('scheduled, not locked', { status: 'scheduled' }), // the engine moves it itself
      row('cancelled', { status: 'cancelled' }),
      row('cancelled and locked', { locked: true, status: 'cancelled' }),
      row('held', { status: 'attended' }),
      row('missed', { status: 'no-show' }),
      row('no date', { date: null }),
      row('no start', { start: null }),
      row('no end', { end: null }),
      row('inside, to the minute at both ends', { start: 900, end: 960 }),
      row('another family without times', { familyId: 'KIM' }),
      row('ends a minute late', { start: 941, end: 961 }),
      row('starts a minute early', { start: 899, end: 919 }),
    ];
    expect(conferencesAskingForChange(rows, times).map((r) => r.id)).toEqual([
      'invited, outside',
      'accepted, outside',
      'locked and scheduled, outside',
      'on another day',
      'ends a minute late',
      'starts a minute early',
    ]);
  });
});

describe('feedbackRow', () => {
  const answer: FeedbackAnswer = {
    token: 'abc123',
    rating: 4,
    goal: '  Read every night \u0007',
    help: 'Library visits',
    followUp: true,
    followUpWhen: 'In January',
    privateTalk: false,
    comments: 'x'.repeat(MAX_ANSWER + 10),
  };
  const conference = {
    token: 'abc123',
    conferenceId: 'C-7',
    round: 'Fall',
    teacher: 'Ms. Rivera',
    family: 'Lee',
    language: 'es',
    status: 'attended',
  };
  const answered = new Date('2026-11-20T18:00:00Z');

  it('lays out an answer about a known conference under the Feedback sheet’s headers, the family’s words cleaned and capped', () => {
    const row = feedbackRow(answer, { conference, flag: '' }, answered, 'Form Responses 2!5');
    expect(row).toEqual({
      Answered: answered,
      'Conference ID': 'C-7',
      Round: 'Fall',
      Teacher: 'Ms. Rivera',
      Family: 'Lee',
      Rating: 4,
      Goal: 'Read every night',
      'How We Help': 'Library visits',
      'Follow-up': 'Yes',
      'Follow-up When': 'In January',
      'Private Talk': 'No',
      Comments: answerText(answer.comments),
      Language: 'es',
      Flag: '',
      Code: 'abc123',
      Response: 'Form Responses 2!5',
    });
    expect(String(row.Comments).length).toBe(MAX_ANSWER);
    // A column a person added to the sheet stays blank.
    expect(rowUnder(['Code', 'My notes', 'Rating'], row)).toEqual(['abc123', '', 4]);
  });

  it('keeps an answer with an unknown code, flagged, with no conference’s details', () => {
    const row = feedbackRow(
      { ...answer, rating: null, followUp: false, privateTalk: true },
      { conference: null, flag: 'Unknown code.' },
      answered,
      'Form Responses 2!6',
    );
    expect([row['Conference ID'], row.Round, row.Teacher, row.Family, row.Language]).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);
    expect([row.Rating, row['Follow-up'], row['Private Talk'], row.Flag]).toEqual([
      '',
      'No',
      'Yes',
      'Unknown code.',
    ]);
  });
});
