/**
 * Nudging students who have not prepared, on the built bundle: only students' own school accounts
 * (the Roster's Student Email) are emailed, one recipient each, each their own link; at most once
 * a day however often the button is pressed; a cut while sending never sends twice.
 */
import { openSchool } from '../../preview/school';
import { markAttended, ok, run } from './calls';
import { cutOffAt, nthCall } from './cut';
import type { JobProgress, Overview, StudentLink } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

/** A school whose first `withEmail` students have their own school account on the Roster. */
function school(withEmail: number): School {
  const s = openSchool({ students: 12 });
  const sheet = s.emulator.spreadsheet.sheetByName('Roster')!;
  const [header, ...body] = sheet.values();
  const column = header!.length + 1;
  sheet.put(1, column, { v: 'Student Email' });
  body.forEach((r, i) => {
    if (i < withEmail) sheet.put(i + 2, column, { v: `student${r[0]}@students.lincoln.example` });
  });
  run(s, 'setup');
  run(s, 'student-forms');
  return s;
}

function links(s: School): StudentLink[] {
  return ok<StudentLink[]>(s.bundle.callFromClient('getStudentLinks', []));
}

function guardianAddresses(s: School): Set<string> {
  const [header, ...body] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
  const col = header!.map(String).indexOf('Parent Email');
  return new Set(body.map((r) => String(r[col]).toLowerCase()));
}

/** The student prepares through their own link (a goal, and work to show). */
function prepare(s: School, link: StudentLink): void {
  const title = s.emulator.forms.readPrefilled(link.link).form.title;
  const spanish = /me preparo/.test(title);
  s.emulator.forms.submitPrefilled(link.link, {
    [spanish ? 'Mi meta' : 'My goal']: 'Read more',
    [spanish ? '¿De qué estoy orgulloso u orgullosa?' : 'What am I proud of?']: 'My story',
  });
}

describe('nudging students who have not prepared', () => {
  it('emails each unprepared student with a school account their own link, and nobody else', () => {
    const s = school(6);
    const all = links(s);
    prepare(s, all[0]!);
    const progress = run(s, 'prep-nudge');
    const sent = s.emulator.mail.sent;
    // Students 2 to 6 have an account and have not prepared; 7 to 12 have none.
    expect(sent.map((m) => m.to).sort()).toEqual(
      all
        .slice(1, 6)
        .map((l) => [l.email])
        .sort(),
    );
    expect(progress.message).toContain('Emailed 5 students');
    expect(progress.message).toContain(
      '6 students not prepared (or, after the conference, not reflected) have no Student Email',
    );
    const families = guardianAddresses(s);
    for (const m of sent) {
      expect(m.to).toHaveLength(1);
      expect(m.cc ?? []).toEqual([]);
      expect(m.bcc ?? []).toEqual([]);
      expect(families.has(m.to[0]!)).toBe(false);
      const mine = all.find((l) => l.email === m.to[0])!;
      expect(m.body).toContain(mine.link);
      // No other student's link, code or name.
      for (const other of all.filter((l) => l !== mine)) {
        expect(m.body).not.toContain(other.code);
        expect(m.htmlBody ?? '').not.toContain(other.code);
        expect(m.body).not.toContain(other.name);
      }
    }
  });

  it('sends at most once a day, however often it is pressed, then again the next day to those still not ready', () => {
    const s = school(4);
    run(s, 'prep-nudge');
    expect(s.emulator.mail.sent).toHaveLength(4);
    run(s, 'prep-nudge');
    const again = run(s, 'prep-nudge');
    expect(s.emulator.mail.sent).toHaveLength(4);
    expect(again.message).toContain('No student is due a prep or reflection link email now');
    prepare(s, links(s)[1]!);
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 24 * 3600_000);
    run(s, 'prep-nudge');
    expect(s.emulator.mail.sent).toHaveLength(7);
    expect(s.emulator.mail.sent.slice(4).map((m) => m.to[0])).not.toContain(links(s)[1]!.email);
  });

  it('cut off while sending, a re-run sends nobody twice and names the student to check', () => {
    // The same school twice: the probe finds the call that sends the second email.
    const s = school(4);
    const probe = school(4);
    const start = probe.emulator.ws.callCount;
    run(probe, 'prep-nudge');
    const second = nthCall(probe.emulator.ws, 'MailApp.sendEmail', 2, start) - start;
    expect(
      cutOffAt(s.emulator.ws, second, () => s.bundle.callFromClient('runJob', ['prep-nudge'])),
    ).toBe('MailApp.sendEmail');
    const after = ok<JobProgress>(s.bundle.callFromClient('runJob', ['prep-nudge']));
    const to = s.emulator.mail.sent.map((m) => m.to[0]);
    expect(new Set(to).size).toBe(to.length);
    // The one cut mid-send is not sent again: three of the four got theirs.
    expect(to).toHaveLength(3);
    expect(after.problems?.map((p) => p.message).join(' ')).toMatch(
      /may not have gone out .* check with the student/,
    );
  });

  it('after a student’s conference, sends their reflection link instead, until they have reflected', () => {
    const s = school(4);
    run(s, 'schedule');
    markAttended(s);
    // The day after the last conference of the round.
    const [header, ...body] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const date = header!.map(String).indexOf('Date');
    const dates = body.flatMap((r) => (r[date] instanceof Date ? [r[date].getTime()] : []));
    expect(dates.length).toBeGreaterThan(0);
    s.emulator.ws.clock.set(Math.max(...dates) + 2 * 24 * 3600_000);
    const all = links(s);
    const reflectedAlready = all[0]!;
    s.emulator.forms.submitPrefilled(reflectedAlready.reflectionLink, {
      [/miro atrás/.test(s.emulator.forms.readPrefilled(reflectedAlready.reflectionLink).form.title)
        ? 'Mi meta ahora'
        : 'My goal now']: 'Read more',
    });
    run(s, 'prep-nudge');
    const sent = s.emulator.mail.sent;
    expect(sent.map((m) => m.to[0]).sort()).toEqual(
      all
        .slice(1, 4)
        .map((l) => l.email)
        .sort(),
    );
    for (const m of sent) {
      const mine = all.find((l) => l.email === m.to[0])!;
      expect(m.body).toContain(mine.reflectionLink);
      expect(m.body).not.toContain(mine.link);
    }
  });

  it('asks to reflect only a student whose conference was attended; one whose conference did not happen, and has no new time, is sent nothing', () => {
    const s = school(4);
    run(s, 'schedule');
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [header, ...body] = sheet.values();
    const col = (h: string) => header!.map(String).indexOf(h);
    const all = links(s);
    // The four students with an account: their conferences marked as the teachers found them.
    const marks = ['attended', 'no-show', 'declined', 'rescheduled'];
    const statusOf = new Map(all.slice(0, 4).map((l, i) => [l.studentId, marks[i]!]));
    const dates: number[] = [];
    body.forEach((r, i) => {
      const ids = String(r[col('Student IDs')]).split(/[,\s]+/);
      const mark = ids.map((id) => statusOf.get(id)).find(Boolean);
      if (mark) sheet.patch(i + 2, col('Status') + 1, { v: mark });
      if (r[col('Date')] instanceof Date) dates.push((r[col('Date')] as Date).getTime());
    });
    s.emulator.ws.clock.set(Math.max(...dates) + 2 * 24 * 3600_000);
    run(s, 'prep-nudge');
    const sent = s.emulator.mail.sent;
    // Two days after: the no-show, declined and moved students have no conference ahead (the
    // prep email would say it "is coming"), so only the one who attended hears, to reflect.
    const to = (id: string) => all.find((l) => l.studentId === id)!;
    const attended = [...statusOf].find(([, mark]) => mark === 'attended')![0];
    expect(
      sent.filter((m) => all.slice(0, 4).some((l) => l.email === m.to[0])).map((m) => m.to[0]),
    ).toEqual([to(attended).email]);
    expect(sent.find((m) => m.to[0] === to(attended).email)!.body).toContain(
      to(attended).reflectionLink,
    );
    expect(
      /Thank you for leading|Gracias por dirigir/.test(
        sent.find((m) => m.to[0] === to(attended).email)!.body,
      ),
    ).toBe(true);
    for (const m of sent) expect(m.body).not.toMatch(/is coming|se acerca/i);
  });

  it('writes to a Spanish-speaking student in Spanish', () => {
    const s = school(12);
    run(s, 'prep-nudge');
    const spanish = links(s).filter((l) =>
      /me preparo/.test(s.emulator.forms.readPrefilled(l.link).form.title),
    );
    expect(spanish.length).toBeGreaterThan(0);
    for (const l of spanish) {
      const m = s.emulator.mail.sent.find((x) => x.to[0] === l.email)!;
      expect(m.subject).toContain('Prepárate para tu conferencia (Fall)');
    }
  });

  it("shows each teacher's readiness and offers the nudge once the prep form exists", () => {
    const s = school(2);
    prepare(s, links(s)[0]!);
    run(s, 'schedule');
    const overview = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const step = overview.steps.find((x) => x.id === 'schedule')!;
    const ready = step.counts.filter((c) => /ready to lead/.test(c.label));
    const perTeacher = new Map<string, number>();
    for (const l of links(s)) perTeacher.set(l.teacher, (perTeacher.get(l.teacher) ?? 0) + 1);
    expect(ready.map((c) => c.label).sort()).toEqual(
      [...perTeacher].map(([t, n]) => `${t}: ready to lead (of ${n})`).sort(),
    );
    expect(ready.reduce((n, c) => n + c.value, 0)).toBe(1);
    expect(step.more?.map((a) => a.job)).toContain('prep-nudge');
  });
});
