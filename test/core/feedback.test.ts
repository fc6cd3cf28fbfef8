/**
 * Issue 8: families' form answers, normalised. The availability form's times and ranks, the
 * questionnaire's answers and the code that ties them to a conference.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { answerText, cellFormats, MAX_ANSWER } from '../../src/core/answers';
import {
  AVAILABILITY_FORM,
  asksForChange,
  availabilityRows,
  parseAvailabilityResponse,
  timeChoices,
} from '../../src/core/availability';
import {
  matchConference,
  parseFeedbackResponse,
  QUESTIONNAIRE_FORM,
  tokenOfLink,
  type CodedConference,
} from '../../src/core/feedback';

const T1 = 'a1c62e88040547d18b825d63a5e04d37';
const T2 = 'b2c62e88040547d18b825d63a5e04d37';

describe('timeChoices', () => {
  it('offers each distinct window once, in time order, named with its weekday', () => {
    const choices = timeChoices([
      { date: '2026-11-19', start: 480, end: 600 },
      { date: '2026-11-17', start: 930, end: 1080 },
      { date: '2026-11-17', start: 930, end: 1080 },
    ]);
    expect(choices.map((c) => c.label)).toEqual([
      'Tue 2026-11-17, 3:30 PM – 6:00 PM',
      'Thu 2026-11-19, 8:00 AM – 10:00 AM',
    ]);
  });

  it('offers one span per day when the teachers have many different windows', () => {
    const windows = Array.from({ length: 40 }, (_, i) => ({
      date: i < 20 ? '2026-11-17' : '2026-11-18',
      start: 900 + i,
      end: 1000 + i,
    }));
    const choices = timeChoices(windows);
    expect(choices).toHaveLength(2);
    expect(choices[0]).toMatchObject({ date: '2026-11-17', start: 900, end: 1019 });
  });
});

describe('parseAvailabilityResponse', () => {
  const choices = timeChoices([
    { date: '2026-11-17', start: 930, end: 1080 },
    { date: '2026-11-19', start: 480, end: 600 },
  ]);
  const named = (answers: Record<string, string>) =>
    Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, [v]]));

  it('turns the grid into ranked times, best first, and leaves out times left blank', () => {
    const a = parseAvailabilityResponse(
      named({
        [AVAILABILITY_FORM.token]: T1,
        [`${AVAILABILITY_FORM.times} [${choices[0]!.label}]`]: 'Also possible',
        [`${AVAILABILITY_FORM.times} [${choices[1]!.label}]`]: '1st choice',
        [AVAILABILITY_FORM.language]: 'Español',
        [AVAILABILITY_FORM.interpreter]: 'Yes',
      }),
      choices,
    );
    expect(a.token).toBe(T1);
    expect(a.times).toEqual([
      { date: '2026-11-19', start: 480, end: 600, rank: 1 },
      { date: '2026-11-17', start: 930, end: 1080, rank: 4 },
    ]);
    expect(a.language).toBe('es');
    expect(a.interpreter).toBe(true);
  });

  it('keeps an answer that marks no time as one row, so its other answers are not lost', () => {
    const a = parseAvailabilityResponse(
      named({ [AVAILABILITY_FORM.token]: T1, [AVAILABILITY_FORM.attending]: 'Grandma Rosa' }),
      choices,
    );
    const rows = availabilityRows(a, { id: 'F-1', name: 'Rivera', email: 'r@x.org' }, new Date(0));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Family ID': 'F-1', Date: '', 'Who Comes': 'Grandma Rosa' });
  });

  it('sees a change request when a fixed conference falls outside every time the family now gives', () => {
    const times = [{ date: '2026-11-19', start: 480, end: 600, rank: 1 }];
    expect(asksForChange({ date: '2026-11-17', start: 930, end: 955 }, times)).toBe(true);
    expect(asksForChange({ date: '2026-11-19', start: 500, end: 525 }, times)).toBe(false);
    expect(asksForChange({ date: '2026-11-17', start: 930, end: 955 }, [])).toBe(false);
  });
});

describe('parseFeedbackResponse and matchConference', () => {
  const conferences: CodedConference[] = [
    {
      token: T1,
      conferenceId: 'C-1',
      round: 'Fall',
      teacher: 'Ms. Rivera',
      family: 'Lopez',
      language: 'Spanish',
      status: 'attended',
    },
    {
      token: T2,
      conferenceId: 'C-2',
      round: 'Spring',
      teacher: 'Mr. Silva',
      family: 'Kim',
      language: '',
      status: 'scheduled',
    },
  ];

  it('reads the rating only from 1 to 5, the follow-up wish and the code', () => {
    const a = parseFeedbackResponse({
      [QUESTIONNAIRE_FORM.token]: [T1.toUpperCase()],
      [QUESTIONNAIRE_FORM.rating]: ['9'],
      [QUESTIONNAIRE_FORM.followUp]: ['Yes'],
    });
    expect(a).toMatchObject({ token: T1, rating: null, followUp: true });
  });

  it('ties a code to its conference and flags unknown codes and codes of another round', () => {
    expect(matchConference(T1, 'Fall', conferences)).toEqual({
      conference: conferences[0],
      flag: '',
    });
    expect(matchConference(T2, 'Fall', conferences).flag).toMatch(
      /Spring conference, answered on the Fall questionnaire/,
    );
    expect(matchConference('f'.repeat(32), 'Fall', conferences)).toMatchObject({
      conference: null,
      flag: expect.stringMatching(/Unknown/),
    });
    expect(matchConference('=IMPORTXML("x")', 'Fall', conferences).conference).toBeNull();
  });

  it('counts the answer about a conference with a blank Round in this round, as its family was asked', () => {
    const blank = { ...conferences[0]!, round: '' };
    expect(matchConference(T1, 'Fall', [blank])).toEqual({ conference: blank, flag: '' });
  });

  it('finds the code in a prefilled link and nothing in anything else', () => {
    expect(
      tokenOfLink(`https://docs.google.com/forms/d/e/X/viewform?usp=pp_url&entry.5=${T1}`),
    ).toBe(T1);
    expect(tokenOfLink('https://example.org/?a=1')).toBe('');
    expect(tokenOfLink(new Date(0))).toBe('');
  });
});

describe('answers on their way into cells', () => {
  it('formats every string cell as plain text, whatever it says', () => {
    checkProperty(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '=IMPORTXML("http://x","//a")',
              '+15551234',
              '3:30 PM',
              'TRUE',
              '<script>x</script>',
            ),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (row) => {
          expect(cellFormats([row]).flat()).toEqual(row.map(() => '@'));
        },
      ),
    );
  });

  it('keeps dates and numbers as dates and numbers', () => {
    expect(
      cellFormats([[new Date(0), 4, 4.5, '3:30 PM']], ['datetime', 'integer', undefined, 'time']),
    ).toEqual([['yyyy-mm-dd h:mm am/pm', '0', '0.0', 'h:mm am/pm']]);
  });

  it('caps very long answers and trims them', () => {
    checkProperty(
      fc.property(fc.string({ maxLength: 12000 }), (s) => {
        const out = answerText(s);
        expect(out.length).toBeLessThanOrEqual(MAX_ANSWER);
        if (s.trim().length <= MAX_ANSWER) expect(out).toBe(s.trim());
      }),
    );
  });
});
