/**
 * The teachers' day-before emails on the built bundle: the hourly trigger sends each teacher
 * one email the day before, to the address on the Teachers sheet, listing exactly that
 * teacher's conferences and naming no other teacher's students; cut off at any service call, a
 * re-run sends no teacher a second one.
 */
import { openSchool } from '../../preview/school';
import { cutOffAt, nthCall } from './cut';
import type { JobProgress, Overview } from '../../src/shared/api';
import { EST, ok } from './calls';

type School = ReturnType<typeof openSchool>;

function scheduledSchool(): School {
  const s = openSchool({ students: 60, teachers: 4, days: ['2026-11-17'] });
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
  return s;
}

/** Each teacher's address (Teachers sheet) and the students of their conferences (Schedule). */
function teachersAndStudents(s: School) {
  const [th, ...trows] = s.emulator.spreadsheet.sheetByName('Teachers')!.values();
  const address = new Map(
    trows.map((r) => [String(r[th!.indexOf('Teacher')]), String(r[th!.indexOf('Email')])]),
  );
  const [sh, ...srows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const students = new Map<string, string[]>();
  for (const r of srows) {
    const t = String(r[sh!.indexOf('Teacher')]);
    students.set(t, [...(students.get(t) ?? []), String(r[sh!.indexOf('Students')])]);
  }
  return { address, students };
}

const teacherMail = (s: School, addresses: Set<string>, from = 0) =>
  s.emulator.mail.sent.slice(from).filter((m) => addresses.has(m.to[0]!));

describe("the teachers' day-before email", () => {
  it("with room in the day's quota for two emails, sends two, says the rest wait, and asks Google for the quota once", () => {
    const s = openSchool({
      students: 60,
      teachers: 4,
      days: ['2026-11-17'],
      quotas: {
        mailRecipientsPerDay: 2,
        eventsCreatedPerDay: 10_000,
        translateCallsPerDay: 20_000,
      },
    });
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
    const { address, students } = teachersAndStudents(s);
    const withConferences = [...students.keys()].filter((t) => address.get(t));
    expect(withConferences.length).toBeGreaterThan(2);
    s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    const p = ok<JobProgress>(s.bundle.callFromClient('runJob', ['teachers']));
    expect(teacherMail(s, new Set(address.values()))).toHaveLength(2);
    expect(p.problems?.map((x) => x.message).join(' ')).toContain(
      `${withConferences.length - 2} teacher's day emails wait for the next run`,
    );
    expect(s.emulator.ws.reports.at(-1)!.callsByMethod['MailApp.getRemainingDailyQuota']).toBe(1);
  });

  it('reaches each teacher once, the day before, with exactly their own conferences', () => {
    const s = scheduledSchool();
    const { address, students } = teachersAndStudents(s);
    const addresses = new Set(address.values());
    const run = () => ok<JobProgress>(s.bundle.callFromClient('runJob', ['teachers']));
    s.emulator.ws.clock.set(EST('2026-11-15', '20:00'));
    run();
    expect(teacherMail(s, addresses)).toEqual([]);
    s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    run();
    run();
    s.emulator.ws.clock.set(EST('2026-11-17', '08:00'));
    run();
    const mail = teacherMail(s, addresses);
    expect(mail.map((m) => m.to[0]).sort()).toEqual(
      [...students.keys()].map((t) => address.get(t)).sort(),
    );
    for (const m of mail) {
      expect(m.to).toHaveLength(1);
      expect(
        new Date(m.sentAt).toISOString() < new Date(EST('2026-11-17', '00:00')).toISOString(),
      ).toBe(true);
      const teacher = [...address].find(([, a]) => a === m.to[0])![0];
      for (const name of students.get(teacher)!) expect(m.body).toContain(name);
      for (const [other, names] of students)
        if (other !== teacher)
          for (const name of names)
            if (!students.get(teacher)!.includes(name)) expect(m.body).not.toContain(name);
    }
  });

  it("counts a conference whose Round cell was cleared, or typed in other case, as this round's: in the teacher's email and among the students placed", () => {
    const s = scheduledSchool();
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const header = sheet.values()[0]!.map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    const waiting = () =>
      ok<Overview>(s.bundle.callFromClient('getOverview', []))
        .steps.find((x) => x.id === 'schedule')!
        .counts.find((c) => c.label === 'not placed yet')?.value ?? 0;
    const before = waiting();
    const round = String(sheet.cell(2, col('Round'))!.v);
    sheet.put(2, col('Round'), { v: '' });
    sheet.put(3, col('Round'), { v: round.toUpperCase() });
    expect(waiting()).toBe(before);
    const { address } = teachersAndStudents(s);
    s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['teachers']));
    for (const row of [2, 3]) {
      const to = address.get(String(sheet.cell(row, col('Teacher'))!.v));
      const mail = s.emulator.mail.sent.filter((m) => m.to[0] === to);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.body).toContain(String(sheet.cell(row, col('Students'))!.v));
    }
  });

  it('names the adult a family said will come instead of its guardians', () => {
    const s = scheduledSchool();
    const [sh, ...srows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const family = String(srows[0]![sh!.indexOf('Family ID')]);
    const teacher = String(srows[0]![sh!.indexOf('Teacher')]);
    const availability = s.emulator.spreadsheet.sheetByName('Availability')!;
    const header = availability.values()[0]!.map(String);
    availability.appendRow(
      header.map((h) =>
        h === 'Family ID'
          ? family
          : h === 'Who Comes'
            ? 'Grandma Ruth'
            : h === 'Round'
              ? 'Fall'
              : '',
      ),
    );
    s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    ok(s.bundle.callFromClient('runJob', ['teachers']));
    const { address } = teachersAndStudents(s);
    const [mail] = s.emulator.mail.to(address.get(teacher)!);
    const line = mail!.body
      .split('\n')
      .find((l) => l.includes(String(srows[0]![sh!.indexOf('Students')])));
    expect(line).toContain('coming: Grandma Ruth');
  });

  it("for a teacher whose email was cleared, points to the Email cell of that teacher's own row", () => {
    const s = scheduledSchool();
    const teachersSheet = s.emulator.spreadsheet.sheetByName('Teachers')!;
    const [th, ...trows] = teachersSheet.values();
    const { students } = teachersAndStudents(s);
    // A teacher with conferences whose first window is not on row 2.
    const at = trows.findIndex((r, i) => i > 0 && students.has(String(r[th!.indexOf('Teacher')])));
    const teacher = String(trows[at]![th!.indexOf('Teacher')]);
    const rows = trows.flatMap((r, i) => (r[th!.indexOf('Teacher')] === teacher ? [i + 2] : []));
    for (const row of rows) teachersSheet.patch(row, th!.indexOf('Email') + 1, { v: '' });
    s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    const p = ok<JobProgress>(s.bundle.callFromClient('runJob', ['teachers']));
    const problem = p.problems!.find((x) => x.message.startsWith(`${teacher} has conferences`));
    expect(problem?.where).toEqual({
      sheet: 'Teachers',
      row: rows[0],
      column: th!.indexOf('Email') + 1,
    });
  });

  it('after the day-before email, a moved and a cancelled conference send that teacher alone one short note, once, even cut off just after it left', () => {
    /** A school told its day, then one teacher's second conference moved and third cancelled. */
    const changed = () => {
      const s = scheduledSchool();
      s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
      ok(s.bundle.callFromClient('runJob', ['teachers']));
      const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
      const [h, ...rows] = sheet.values();
      const teacher = String(rows[0]![h!.indexOf('Teacher')]);
      const mine = rows.flatMap((r, i) => (r[h!.indexOf('Teacher')] === teacher ? [i + 2] : []));
      const cell = (row: number, name: string) => sheet.values()[row - 1]![h!.indexOf(name)];
      const [moved, cancelled] = [mine[1]!, mine[2]!];
      sheet.patch(moved, h!.indexOf('Start') + 1, { v: '7:00 AM' });
      sheet.patch(moved, h!.indexOf('End') + 1, { v: '7:25 AM' });
      sheet.patch(cancelled, h!.indexOf('Status') + 1, { v: 'cancelled' });
      s.emulator.ws.clock.set(EST('2026-11-16', '18:00'));
      const names = (rows: number[]) => rows.map((r) => String(cell(r, 'Students')));
      return { s, teacher, changedNames: names([moved, cancelled]), others: names(mine.slice(3)) };
    };
    const { s, teacher, changedNames, others } = changed();
    const { address, students } = teachersAndStudents(s);
    const addresses = new Set(address.values());
    const before = s.emulator.mail.sent.length;
    ok(s.bundle.callFromClient('runJob', ['teachers']));
    ok(s.bundle.callFromClient('runJob', ['teachers']));
    const notes = teacherMail(s, addresses, before);
    expect(notes.map((m) => m.to)).toEqual([[address.get(teacher)]]);
    expect(notes[0]!.subject).toContain('What changed');
    for (const name of changedNames) expect(notes[0]!.body).toContain(name);
    expect(notes[0]!.body).toMatch(/0?7:00/);
    // Nobody else is named: neither this teacher's unchanged conferences nor another teacher's.
    const unchanged = [...others, ...[...students].flatMap(([t, n]) => (t === teacher ? [] : n))];
    for (const name of unchanged.filter((n) => !changedNames.includes(n)))
      expect(notes[0]!.body).not.toContain(name);

    const cut = changed();
    const mailFrom = cut.s.emulator.mail.sent.length;
    const probe = changed();
    const start = probe.s.emulator.ws.callCount;
    ok(probe.s.bundle.callFromClient('runJob', ['teachers']));
    const k = nthCall(probe.s.emulator.ws, 'MailApp.sendEmail', 1, start) - start + 1;
    cutOffAt(cut.s.emulator.ws, k, () => cut.s.bundle.callFromClient('runJob', ['teachers']));
    const after = ok<JobProgress>(cut.s.bundle.callFromClient('runJob', ['teachers']));
    expect(teacherMail(cut.s, addresses, mailFrom)).toHaveLength(1);
    expect(after.problems!.map((p) => p.message).join(' ')).toContain('"what changed" note');
  });

  it('cut off at any service call, sends no teacher a second email when run again', () => {
    const probe = scheduledSchool();
    probe.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    const from = probe.emulator.ws.callCount;
    ok(probe.bundle.callFromClient('runJob', ['teachers']));
    const n = probe.emulator.ws.callCount - from;
    const { address } = teachersAndStudents(probe);
    const addresses = new Set(address.values());
    const all = teacherMail(probe, addresses).length;
    expect(all).toBeGreaterThan(1);
    // Spread over the run, and just before and just after the first and second emails leave.
    const sends = [1, 2].map(
      (i) => nthCall(probe.emulator.ws, 'MailApp.sendEmail', i, from) - from,
    );
    const cuts = [...sends.flatMap((k) => [k, k + 1])];
    for (let k = 0; k < n; k += Math.max(1, Math.floor(n / 6))) cuts.push(k);
    for (const k of cuts) {
      const s = scheduledSchool();
      s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
      const before = s.emulator.mail.sent.length;
      cutOffAt(s.emulator.ws, k, () => s.bundle.callFromClient('runJob', ['teachers']));
      ok(s.bundle.callFromClient('runJob', ['teachers']));
      ok(s.bundle.callFromClient('runJob', ['teachers']));
      const sent = teacherMail(s, addresses, before).map((m) => m.to[0]);
      expect(new Set(sent).size).toBe(sent.length);
      // At most the one cut off while sending is left for a person to check.
      expect(sent.length).toBeGreaterThanOrEqual(all - 1);
    }
  });
});
