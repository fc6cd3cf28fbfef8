/**
 * A school year of two rounds in one spreadsheet: fall, then spring. The Teachers sheet carries
 * each round's windows, the families answer the availability form in each round (differently),
 * and each round's schedule is checked by the independent checker against its own round's
 * availability only. Starting spring never moves a fall conference, and fall's answers stay on
 * the Availability sheet, readable.
 */
import type { openSchool } from '../../preview/school';
import { isAvailabilityRequest } from '../../sample/round';
import { AVAILABILITY_FORM, choiceLabel, RANK_CHOICES } from '../../src/core/availability';
import type { WallClockOf } from '../../src/core/normalize';
import { parseRoster } from '../../src/core/roster';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildProblem, readAvailability, readScheduleSheet } from '../../src/core/schedule/sheet';
import type { Conference } from '../../src/core/schedule/types';
import { defaultSettings } from '../../src/core/settings';
import { parseTeachers } from '../../src/core/teachers';
import type { Overview } from '../../src/shared/api';
import { ok, pastedSchool, run } from './calls';

type School = ReturnType<typeof openSchool>;

const ROSTER = [
  ['Student ID', 'First Name', 'Last Name', 'Grade', 'Teacher', 'Family ID', 'Guardian 1 Email'],
  ['S1', 'Ana', 'Lopez', '3', 'Ms. Rivera', 'F1', 'maria@f1.example'],
  ['S2', 'Ben', 'Lopez', '5', 'Mr. Chen', 'F1', 'maria@f1.example'],
  ['S3', 'Cy', 'Park', '3', 'Ms. Rivera', 'F2', 'jin@f2.example'],
  ['S4', 'Dee', 'Okafor', '5', 'Mr. Chen', 'F3', 'ngozi@f3.example'],
];

const FALL = ['2026-11-17', '2026-11-18'];
const SPRING = ['2027-03-16', '2027-03-17'];
const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity', 'Round'],
  ...[...FALL.map((d) => [d, 'Fall']), ...SPRING.map((d) => [d, 'Spring'])].flatMap(
    ([date, round]) => [
      ['Ms. Rivera', 'rivera@school.example', date!, '15:00', '17:00', '101', '1', round!],
      ['Mr. Chen', 'chen@school.example', date!, '15:00', '17:00', '202', '1', round!],
    ],
  ),
];

/** The day each family marks as its only time, per round; the Okafors answer in fall only. */
const ANSWERS: Record<string, Record<string, string>> = {
  Fall: { 'maria@f1.example': FALL[0]!, 'jin@f2.example': FALL[1]!, 'ngozi@f3.example': FALL[0]! },
  Spring: { 'maria@f1.example': SPRING[1]!, 'jin@f2.example': SPRING[0]! },
};
const FAMILY_OF: Record<string, string> = {
  'maria@f1.example': 'F-F1',
  'jin@f2.example': 'F-F2',
  'ngozi@f3.example': 'F-F3',
};

const TZ = 'America/New_York';
const wall: WallClockOf = (d) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((x) => [x.type, Number(x.value)]),
  );
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute! };
};

function startRound(school: School, round: string): void {
  const current = ok<{ settings: Record<string, unknown> }>(
    school.bundle.callFromClient('getSettings', []),
  );
  ok(school.bundle.callFromClient('saveSettings', [{ ...current.settings, roundName: round }]));
}

/** The round's forms and requests, then each family answers through the link it was sent. */
function familiesAnswer(school: School, round: string): void {
  const before = school.emulator.mail.sent.length;
  run(school, 'forms');
  run(school, 'ask');
  for (const m of school.emulator.mail.sent.slice(before)) {
    if (!isAvailabilityRequest(m.subject)) continue;
    const day = ANSWERS[round]![m.to[0]!];
    if (!day) continue;
    const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(m.body)![0];
    school.emulator.forms.submitPrefilled(link, {
      [`${AVAILABILITY_FORM.times} [${choiceLabel(day, 15 * 60, 17 * 60)}]`]: RANK_CHOICES[0],
    });
  }
}

const values = (school: School, name: string) =>
  school.emulator.spreadsheet.sheetByName(name)!.values();

/** The round's conferences as written on the Schedule sheet, read as the add-on reads them. */
function written(school: School, round: string): Conference[] {
  const families = parseRoster(values(school, 'Roster'), null).families;
  return readScheduleSheet(values(school, 'Schedule'), wall, families)
    .rows.filter((r) => r.round === round)
    .map((r) => ({
      studentIds: r.studentIds,
      familyId: r.familyId,
      teacherEmail: r.teacher === 'Ms. Rivera' ? 'rivera@school.example' : 'chen@school.example',
      date: r.date!,
      start: r.start!,
      end: r.end!,
      fixed: false,
      rank: 0,
    }));
}

/** What the independent checker finds wrong with a schedule, judged by one round's sheets. */
function brokenRules(school: School, schedule: Conference[], round: string): string[] {
  const teachers = parseTeachers(values(school, 'Teachers'), wall, { round });
  const roster = parseRoster(values(school, 'Roster'), teachers.teachers);
  const availability = readAvailability(values(school, 'Availability'), roster, wall, round);
  const settings = { ...defaultSettings('School', TZ), roundName: round };
  const { problem } = buildProblem({
    roster,
    windows: teachers.windows,
    settings,
    availability: availability.byFamily,
    sheet: readScheduleSheet([], wall, []),
    seed: 1,
  });
  return checkSchedule(problem, { conferences: schedule, unplaced: [] });
}

describe('a year of two rounds', () => {
  const school = pastedSchool(ROSTER, TEACHERS);
  familiesAnswer(school, 'Fall');
  run(school, 'schedule');
  const fall = written(school, 'Fall');
  const fallRows = JSON.stringify(values(school, 'Schedule').filter((r) => r[1] === 'Fall'));
  startRound(school, 'Spring');
  familiesAnswer(school, 'Spring');
  run(school, 'schedule');
  const spring = written(school, 'Spring');

  it('schedules every student in each round, on that round’s days only', () => {
    expect(fall.flatMap((c) => c.studentIds).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(spring.flatMap((c) => c.studentIds).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(fall.every((c) => FALL.includes(c.date))).toBe(true);
    expect(spring.every((c) => SPRING.includes(c.date))).toBe(true);
  });

  it('meets each round’s own availability, and spring’s schedule would break fall’s answers', () => {
    expect(brokenRules(school, fall, 'Fall')).toEqual([]);
    expect(brokenRules(school, spring, 'Spring')).toEqual([]);
    // The families' spring days are not their fall days: judged by fall's answers, spring fails.
    expect(brokenRules(school, spring, 'Fall').length).toBeGreaterThan(0);
    for (const [email, day] of Object.entries(ANSWERS.Spring!))
      expect(spring.filter((c) => c.familyId === FAMILY_OF[email]).map((c) => c.date)).toEqual(
        spring.filter((c) => c.familyId === FAMILY_OF[email]).map(() => day),
      );
  });

  it('places a family that answered in fall but not in spring at any spring time', () => {
    expect(spring.filter((c) => c.familyId === 'F-F3').map((c) => c.studentIds)).toEqual([['S4']]);
  });

  it('leaves last round’s conferences and answers as they were, readable', () => {
    expect(JSON.stringify(values(school, 'Schedule').filter((r) => r[1] === 'Fall'))).toBe(
      fallRows,
    );
    const [header, ...rows] = values(school, 'Availability');
    const round = header!.indexOf('Round');
    const answered = (r: string) =>
      new Set(rows.filter((x) => x[round] === r).map((x) => x[header!.indexOf('Family ID')]));
    // Each row shows the Family ID the Roster gives.
    expect([...answered('Fall')].sort()).toEqual(['F1', 'F2', 'F3']);
    expect([...answered('Spring')].sort()).toEqual(['F1', 'F2']);
  });

  it('makes a print view of this round’s conferences only', () => {
    run(school, 'views');
    const view = school.emulator.spreadsheet.sheetByName('Ms. Rivera – schedule')!.values();
    const dates = view.slice(1).map((r) => wall(r[0] as Date));
    expect(dates.map((d) => `${d.year}`)).toEqual(['2027', '2027']);
  });

  it('shows each teacher how many of their students are ready to lead this round', () => {
    const prep = school.emulator.spreadsheet.sheetByName('Student Prep')!;
    const header = prep.values()[0]!.map(String);
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
    // Ana is ready (a goal and work to show); Cy has a goal only; Ben was ready in fall only.
    prep.appendRow(row({ 'Student ID': 'S1', Round: 'Spring', Goal: 'Read', 'Work Sample': 'A' }));
    prep.appendRow(row({ 'Student ID': 'S3', Round: 'Spring', Goal: 'Draw' }));
    prep.appendRow(row({ 'Student ID': 'S2', Round: 'Fall', Goal: 'Add', 'Proud Of': 'Maths' }));
    const overview = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    const counts = overview.steps.find((s) => s.id === 'schedule')!.counts;
    expect(counts.filter((c) => /ready to lead/.test(c.label))).toEqual([
      { label: 'Mr. Chen: ready to lead (of 2)', value: 0 },
      { label: 'Ms. Rivera: ready to lead (of 2)', value: 1 },
    ]);
  });
});

describe('a student who leaves between rounds', () => {
  it('keeps no warning about their last-round conference in this round’s Schedule and Reminders steps', () => {
    const school = pastedSchool(ROSTER, TEACHERS);
    familiesAnswer(school, 'Fall');
    run(school, 'schedule');
    // Dee Okafor (S4, F3) leaves over the winter: her row goes from the Roster.
    const roster = school.emulator.spreadsheet.sheetByName('Roster')!;
    const row = roster.values().findIndex((r) => r[0] === 'S4') + 1;
    roster.deleteRows(row, 1);
    startRound(school, 'Spring');
    familiesAnswer(school, 'Spring');
    run(school, 'schedule');
    const warnings = (id: string) =>
      ok<Overview>(school.bundle.callFromClient('getOverview', []))
        .steps.find((s) => s.id === id)!
        .problems.map((p) => p.message)
        .filter((m) => m.includes('ngozi@f3.example'));
    expect(warnings('schedule')).toEqual([]);
    expect(warnings('reminders')).toEqual([]);
    // Her fall conference is still on the Schedule, as it was.
    const fall = values(school, 'Schedule').filter((r) => r[1] === 'Fall');
    expect(fall.some((r) => r.map(String).includes('S4'))).toBe(true);
  });
});
