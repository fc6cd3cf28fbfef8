/**
 * A step's status agrees with what it says: a step listing problems is not Done, and the
 * Questionnaire and the Summary say Later while a past conference waits to be marked.
 */
import { parseRoster } from '../../src/core/roster';
import {
  asShown,
  daysStep,
  questionnaireStep,
  rosterStep,
  setupStep,
  summaryStep,
} from '../../src/core/steps';
import type { FormsPicture } from '../../src/core/steps';
import { NO_FORMS, SUMMARY_TOTALS } from './stepfixtures';
import { parseTeachers } from '../../src/core/teachers';
import { wallClockIn } from '../../src/core/zone';

describe('a step with problems listed', () => {
  it('is not Done on the Roster step when the problems are warnings, and says how many', () => {
    const header = ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Email'];
    // Two surnames share one address (a warning), and without the Teachers sheet's teachers the
    // roster's teachers cannot be checked (another): two warnings, no error.
    const roster = parseRoster(
      [
        header,
        ['S1', 'Ana', 'Adams', 'Ms. Rivera', 'office@school.example'],
        ['S2', 'Ben', 'Baker', 'Ms. Rivera', 'office@school.example'],
      ],
      null,
    );
    const s = rosterStep(roster);
    expect(s).toMatchObject({
      status: 'attention',
      problemCount: 2,
      headline: '2 students in 2 families, ready to schedule; 2 warnings to check.',
    });
    expect(s.next).toMatch(/^Check the warnings listed \(click one to go to its cell\)/);
  });

  it('is not Done on the Conference days step when a window is in the past', () => {
    const teachers = parseTeachers(
      [
        ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
        ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '3:00 PM', '4:00 PM', '101', 1],
      ],
      wallClockIn('UTC'),
      { today: '2026-11-20' },
    );
    const s = daysStep(
      teachers,
      { conferenceMinutes: 25, changeoverMinutes: 5 },
      {
        conferences: 0,
        availabilityForm: false,
        asked: false,
      },
    );
    expect(s.status).toBe('attention');
    expect(s.headline).toBe('1 teacher, 1 window on 1 day (2026-11-17); 1 warning to check.');
  });

  it("is not Done on the Set-up step when it lists Settings' zone unlike the spreadsheet's", () => {
    const zones = { spreadsheet: 'America/New_York', school: 'Europe/London' };
    const [s] = asShown([setupStep([], 8)], zones, []);
    expect(s).toMatchObject({ status: 'attention', problemCount: 1 });
    // Sheets still to create stay the thing to do: the step keeps offering set-up.
    const [missing] = asShown([setupStep(['Roster'], 8)], zones, []);
    expect(missing).toMatchObject({ status: 'ready', problemCount: 1 });
  });
});

describe('steps that wait for attendance', () => {
  // Seventy conferences, twelve marked, fifty-eight past and not marked.
  const totals = {
    ...SUMMARY_TOTALS,
    scheduled: 70,
    attended: 10,
    noShow: 2,
    responses: 3,
    followUps: 0,
    unmarked: 58,
  };

  it('leave the built Summary at Later while past conferences are not marked, and say so', () => {
    const s = summaryStep(totals, true);
    expect(s.status).toBe('todo');
    expect(s.headline).toBe(
      '10 of 70 conferences attended; 3 questionnaire answers; 0 follow-up requests to act on. 58 past conferences are not marked attended or no-show yet.',
    );
    expect(s.next).toMatch(/^Mark the past conferences attended or no-show/);
    expect(summaryStep({ ...totals, unmarked: 0 }, true).status).toBe('done');
  });

  it('leave the questionnaire sent at Later while past conferences are not marked', () => {
    const picture: FormsPicture = {
      ...NO_FORMS,
      state: {
        questionnaires: { Fall: { formId: 'q', sheetId: 1, publishedUrl: '', linkTemplate: '' } },
      },
      unmarked: 58,
      sent: 10,
      answered: 3,
      conferences: 70,
    };
    const s = questionnaireStep(picture, 'Fall');
    expect(s.status).toBe('todo');
    expect(s.headline).toBe(
      '3 of 70 conferences answered the questionnaire. 58 past conferences wait to be marked.',
    );
    expect(questionnaireStep({ ...picture, unmarked: 0 }, 'Fall').status).toBe('done');
  });
});
