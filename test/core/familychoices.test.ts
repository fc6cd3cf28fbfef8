import fc from 'fast-check';
import {
  AVAILABILITY_FORM,
  familyChoices,
  parseAvailabilityResponse,
  timeChoices,
} from '../../src/core/availability';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { TeacherWindow } from '../../src/core/schedule/types';
import { replySlip } from '../../src/core/replyslip';
import { phoneScript } from '../../src/core/phonescript';
import { problem } from './schedproblem';

const TUE = '2026-11-17';
const WED = '2026-11-18';
const window = (
  teacher: string,
  date: string,
  start: number,
  end: number,
): TeacherWindow & { teacher: string } => ({
  teacherEmail: `${teacher.split(' ')[1]!.toLowerCase()}@school.example`,
  teacher,
  date,
  start,
  end,
  room: teacher,
  capacity: 1,
  videoLink: '',
});
/** The tester's Teachers sheet: two 3–6 PM windows and Ms. Patel's 3–5 PM one on Tuesday. */
const WINDOWS = [
  window('Ms. Rivera', TUE, 900, 1080),
  window('Mr. Brooks', TUE, 900, 1080),
  window('Ms. Patel', TUE, 900, 1020),
  window('Ms. Patel', WED, 1080, 1200),
];
const child = (teacher: string, windows = WINDOWS) => ({
  teacher,
  teacherEmail: windows.find((w) => w.teacher === teacher)!.teacherEmail,
});

describe('timeChoices', () => {
  it('offers overlapping windows of a day as one choice, their union', () => {
    expect(timeChoices(WINDOWS).map((c) => c.label)).toEqual([
      'Tue 2026-11-17, 3:00 PM – 6:00 PM',
      'Wed 2026-11-18, 6:00 PM – 8:00 PM',
    ]);
  });

  it('keeps windows that only meet end to start as two choices', () => {
    const choices = timeChoices([
      { date: TUE, start: 900, end: 960 },
      { date: TUE, start: 960, end: 1020 },
    ]);
    expect(choices.map((c) => [c.start, c.end])).toEqual([
      [900, 960],
      [960, 1020],
    ]);
  });

  it('covers every window whole in one choice, and no two choices of a day overlap', () => {
    const span = fc
      .tuple(
        fc.constantFrom(TUE, WED),
        fc.integer({ min: 480, max: 1200 }),
        fc.integer({ min: 5, max: 240 }),
      )
      .map(([date, start, length]) => ({ date, start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 12 }), (windows) => {
        const choices = timeChoices(windows);
        const overlaps = choices.some((c, i) =>
          choices.some(
            (d, j) => i !== j && c.date === d.date && c.start < d.end && d.start < c.end,
          ),
        );
        const covered = windows.every((w) =>
          choices.some((c) => c.date === w.date && c.start <= w.start && w.end <= c.end),
        );
        return !overlaps && covered;
      }),
    );
  });
});

describe('familyChoices', () => {
  const choices = timeChoices(WINDOWS);

  it('offers a family with one child in Ms. Rivera’s class only the Tuesday time', () => {
    expect(familyChoices(choices, WINDOWS, [child('Ms. Rivera')]).map((c) => c.date)).toEqual([
      TUE,
    ]);
  });

  it('offers siblings with Ms. Rivera and Ms. Patel the times of both teachers', () => {
    expect(
      familyChoices(choices, WINDOWS, [child('Ms. Rivera'), child('Ms. Patel')]).map((c) => c.date),
    ).toEqual([TUE, WED]);
  });

  it('finds the teacher by name when the Roster gives no email for the class', () => {
    expect(
      familyChoices(choices, WINDOWS, [{ teacher: 'ms. rivera ', teacherEmail: '' }]).map(
        (c) => c.date,
      ),
    ).toEqual([TUE]);
  });

  it('offers every time when none of the family’s teachers has a window yet', () => {
    const offered = familyChoices(choices, WINDOWS, [{ teacher: 'Mr. Okafor', teacherEmail: '' }]);
    expect(offered.map((c) => c.label)).toEqual([
      'Tue 2026-11-17, 3:00 PM – 6:00 PM',
      'Wed 2026-11-18, 6:00 PM – 8:00 PM',
    ]);
  });
});

describe('an answer given in a merged choice', () => {
  it('places each family in its own teacher’s window inside the time it chose', () => {
    const choices = timeChoices(WINDOWS);
    const tuesday = `${AVAILABILITY_FORM.times} [${choices[0]!.label}]`;
    const answer = parseAvailabilityResponse({ [tuesday]: ['1st choice'] }, choices);
    expect(answer.times).toEqual([{ date: TUE, start: 900, end: 1080, rank: 1 }]);
    const p = problem({
      windows: WINDOWS,
      students: [
        { id: 's1', name: 'Ana', teacherEmail: child('Ms. Patel').teacherEmail, familyId: 'F1' },
        { id: 's2', name: 'Tom', teacherEmail: child('Ms. Rivera').teacherEmail, familyId: 'F2' },
      ],
      families: [
        { id: 'F1', name: 'Garcia', availability: answer.times, interpreter: '' },
        { id: 'F2', name: 'Smith', availability: answer.times, interpreter: '' },
      ],
    });
    const schedule = buildSchedule(p);
    expect(checkSchedule(p, schedule)).toEqual([]);
    expect(schedule.unplaced).toEqual([]);
    const ana = schedule.conferences.find((c) => c.familyId === 'F1')!;
    // Ms. Patel's Tuesday window ends at 5 PM, an hour before the merged choice does.
    expect(ana).toMatchObject({ date: TUE, rank: 1 });
    expect(ana.start).toBeGreaterThanOrEqual(900);
    expect(ana.end).toBeLessThanOrEqual(1020);
  });
});

/**
 * The tester's Tuesday: Ms. Rivera there 3–6 PM, Ms. Patel 3–7 PM, Mr. Okafor 3–4 PM and Mr. Chen
 * 5–6 PM, so the shared form offers one merged time, 3–7 PM.
 */
const EVENING = [
  window('Ms. Rivera', TUE, 900, 1080),
  window('Ms. Patel', TUE, 900, 1140),
  window('Mr. Okafor', TUE, 900, 960),
  window('Mr. Chen', TUE, 1020, 1080),
];
const teacherOf = (teacher: string) => child(teacher, EVENING);

describe('a family’s slip offers only the hours its own teachers are there', () => {
  const form = timeChoices(EVENING);

  it('the form itself offers the merged 3–7 PM', () => {
    expect(form.map((c) => c.label)).toEqual(['Tue 2026-11-17, 3:00 PM – 7:00 PM']);
  });

  it('offers a Ms. Rivera family 3–6 PM on its slip and in its phone call, not 3–7 PM', () => {
    const choices = familyChoices(form, EVENING, [teacherOf('Ms. Rivera')]);
    const slip = replySlip('F-1', 'en', choices).split('\n');
    expect(slip).toContain('[ ] Tuesday, November 17, 3:00 PM – 6:00 PM');
    expect(slip.filter((l) => l.startsWith('[ ] Tuesday'))).toHaveLength(1);
    expect(phoneScript({ language: 'en', say: [], choices })).toContain(
      '  Tuesday, November 17, 3:00 PM – 6:00 PM (1st choice / 2nd choice / 3rd choice)',
    );
  });

  it('offers a Mr. Okafor family 3–4 PM', () => {
    const choices = familyChoices(form, EVENING, [teacherOf('Mr. Okafor')]);
    expect(choices.map((c) => [c.start, c.end])).toEqual([[900, 960]]);
  });

  it('offers siblings with Mr. Okafor and Mr. Chen each teacher’s hours, keyed in as the form’s row', () => {
    const choices = familyChoices(form, EVENING, [teacherOf('Mr. Okafor'), teacherOf('Mr. Chen')]);
    expect(choices.map((c) => [c.start, c.end, c.label])).toEqual([
      [900, 960, 'Tue 2026-11-17, 3:00 PM – 7:00 PM'],
      [1020, 1080, 'Tue 2026-11-17, 3:00 PM – 7:00 PM'],
    ]);
  });

  it('places a Ms. Rivera child inside the 3–6 PM its slip showed, once the office keys it in', () => {
    const [ticked] = familyChoices(form, EVENING, [teacherOf('Ms. Rivera')]);
    const keyed = { [`${AVAILABILITY_FORM.times} [${ticked!.label}]`]: ['1st choice'] };
    const answer = parseAvailabilityResponse(keyed, form);
    expect(answer.times).toEqual([{ date: TUE, start: 900, end: 1140, rank: 1 }]);
    const p = problem({
      windows: EVENING,
      students: [
        {
          id: 's1',
          name: 'Tom',
          teacherEmail: teacherOf('Ms. Rivera').teacherEmail,
          familyId: 'F1',
        },
      ],
      families: [{ id: 'F1', name: 'Smith', availability: answer.times, interpreter: '' }],
    });
    const schedule = buildSchedule(p);
    expect(checkSchedule(p, schedule)).toEqual([]);
    expect(schedule.unplaced).toEqual([]);
    const tom = schedule.conferences.find((c) => c.familyId === 'F1')!;
    expect(tom).toMatchObject({ date: TUE, rank: 1, teacherEmail: 'rivera@school.example' });
    expect(tom.start).toBeGreaterThanOrEqual(ticked!.start);
    expect(tom.end).toBeLessThanOrEqual(ticked!.end);
  });
});
