/**
 * The sample schools the preview opens by name: the default one fits (a first look shows a round
 * that works), the messy one has a problem on each step that a person fixes in the sheet, as the
 * sidebar's hint says, until nothing is left.
 */
import { openSchool, type School } from '../../preview/school';
import { runJob } from '../../sample/round';
import { SAMPLES } from '../../sample/school';
import type { Overview, Result, SchedulePreview, StepState } from '../../src/shared/api';

function steps(s: School): Record<string, StepState> {
  const r = s.bundle.callFromClient('getOverview', []) as Result<Overview>;
  if (!r.ok) throw new Error(r.error.message);
  return Object.fromEntries(r.value.steps.map((step) => [step.id, step]));
}

const count = (step: StepState | undefined, label: string) =>
  step?.counts.find((c) => c.label === label)?.value;

/** The Roster as pasted, one record per student. */
function roster(s: School): Record<string, string>[] {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), String(r[i])])));
}

/** A cell typed as a person types it in Sheets (no execution of the add-on). */
function type(s: School, sheet: string, row: number, column: number, value: string): void {
  const doc = s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!;
  doc.getSheetByName(sheet)!.getRange(row, column).setValue(value);
}

describe('the default sample school', () => {
  it('places every student, and has Spanish-speaking families and one family reached by phone only', () => {
    const s = openSchool(SAMPLES.lincoln);
    const students = roster(s);
    expect(students).toHaveLength(SAMPLES.lincoln.students);
    expect(students.some((r) => /^(spanish|español|es)$/i.test(r['Home Language']!))).toBe(true);
    const phoneOnly = students.filter((r) => r['Parent Phone'] && !r['Parent Email']);
    expect(phoneOnly.length).toBeGreaterThan(0);
    expect(new Set(phoneOnly.map((r) => r['Parent Phone'])).size).toBe(1);

    runJob(s, 'setup');
    expect(runJob(s, 'schedule').message).toBe(
      `Scheduled ${students.length} of ${students.length} students in ${students.length} conferences.`,
    );
    const now = steps(s);
    expect(count(now.schedule, 'not placed yet')).toBe(0);
    expect(now.schedule!.status).toBe('done');
    expect(now.days!.problemCount).toBe(0);
    // The family reached by phone is no problem: counted, and told how it is reached.
    expect(now.roster!.problems).toEqual([]);
    expect(count(now.roster, 'families by letter and phone')).toBe(1);
    expect(now.roster!.next).toContain('gets a printed letter (Letters sheet)');
  });

  it('after the conference days, with attendance marked, leaves no problem and no step that says Done too early', () => {
    const s = openSchool(SAMPLES.lincoln);
    runJob(s, 'setup');
    runJob(s, 'forms');
    runJob(s, 'ask');
    runJob(s, 'schedule');
    let now = steps(s);
    // Built, before the conferences: the questionnaire and the Summary wait for them.
    expect(now.questionnaire!.status).toBe('todo');
    expect(now.summary!.status).toBe('todo');

    // The conference days are over (the Teachers sheet's dates are now past), all came.
    const days = s.emulator.spreadsheet
      .sheetByName('Teachers')!
      .values()
      .slice(1)
      .map((r) => (r[2] as Date).getTime());
    s.emulator.ws.clock.set(Math.max(...days) + 2 * 86_400_000);
    const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const status = schedule.values()[0]!.indexOf('Status') + 1;
    for (let row = 2; row <= schedule.lastRow(); row++)
      type(s, 'Schedule', row, status, 'attended');
    runJob(s, 'questionnaire');
    runJob(s, 'summary');
    now = steps(s);
    for (const step of Object.values(now)) {
      expect([step.id, step.problems]).toEqual([step.id, []]);
      expect([step.id, step.status]).not.toEqual([step.id, 'attention']);
    }
    expect(now.questionnaire!.status).toBe('done');
    expect(now.summary!.status).toBe('done');
  });
});

describe('the messy sample school', () => {
  it('points to each mistake at its cell; fixed in the sheet as the hints say, every student is placed', () => {
    const s = openSchool(SAMPLES.messy);
    runJob(s, 'setup');
    runJob(s, 'schedule');
    let now = steps(s);
    const errors = [...now.roster!.problems, ...now.days!.problems].filter(
      // A mistyped address beside a good one keeps the student: a warning that names the cell.
      (p) => p.severity === 'error' || /neither yes nor no|will not be emailed/.test(p.message),
    );
    expect(
      errors.map((p) => `${p.where!.sheet}!${p.where!.row}:${p.where!.column}`).sort(),
    ).toEqual(['Roster!22:6', 'Roster!5:9', 'Teachers!7:5']);
    expect(count(now.schedule, 'not placed yet')).toBeGreaterThan(0);

    // Each fix typed where the problem points.
    const teachers = s.emulator.spreadsheet.sheetByName('Teachers')!;
    type(s, 'Roster', 22, 6, String(roster(s)[20]!['Parent Email']).replace('family', '@family'));
    type(s, 'Roster', 5, 9, 'Yes');
    type(s, 'Teachers', 7, 4, '8:00 AM');
    // Full windows: "Add a window or raise the capacity": every window of a teacher named gets
    // three families at once.
    const preview = s.bundle.callFromClient('previewSchedule', []) as Result<SchedulePreview>;
    if (!preview.ok) throw new Error(preview.error.message);
    const full = new Set(preview.value.unplaced.map((u) => u.teacher));
    expect(full.size).toBeGreaterThan(0);
    teachers.values().forEach((row, i) => {
      if (full.has(String(row[0]))) type(s, 'Teachers', i + 1, 7, '3');
    });

    runJob(s, 'schedule');
    now = steps(s);
    expect(now.roster!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(now.roster!.problems.some((p) => /neither yes nor no/.test(p.message))).toBe(false);
    expect(now.days!.problemCount).toBe(0);
    expect(count(now.schedule, 'not placed yet')).toBe(0);
    expect(count(now.schedule, 'students placed')).toBe(SAMPLES.messy.students);
  });
});
