/**
 * The waiting list on the built bundle: every student the schedule could not place is on the
 * Waitlist sheet with the reason; each address listed with one is told once, in the family's
 * language, naming only the waitlisted children its rows list, and gets no invitation; cut off
 * at any service call, a re-run tells nobody twice.
 */
import { openSchool } from '../../preview/school';
import { cutOffAt } from './cut';
import type { JobProgress, SchedulePreview } from '../../src/shared/api';
import { ok, opensPerRun } from './calls';

type School = ReturnType<typeof openSchool>;

const run = (s: School, job: string) => ok<JobProgress>(s.bundle.callFromClient('runJob', [job]));

/** More students than one short evening holds: some cannot be placed. */
function overfullSchool(): { s: School; unplaced: SchedulePreview['unplaced'] } {
  const s = openSchool({ students: 120, teachers: 3, days: ['2026-11-17'] });
  for (let i = 0; i < 10; i++) if (run(s, 'setup').done) break;
  const preview = ok<SchedulePreview>(s.bundle.callFromClient('previewSchedule', []));
  run(s, 'schedule');
  return { s, unplaced: preview.unplaced };
}

/** From the Roster as pasted: each student's name, language and the addresses on its row. */
function rosterRows(s: School) {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
  const at = (h: string) => header!.indexOf(h);
  return new Map(
    rows.map((r) => [
      String(r[at('Student ID')]),
      {
        // "Last, First", as the SIS exports it.
        first: String(r[at('Student Name')]).split(', ')[1]!.trim(),
        language: ['Spanish', 'Español', 'es'].includes(String(r[at('Home Language')]))
          ? 'es'
          : ['English', 'en', ''].includes(String(r[at('Home Language')]))
            ? 'en'
            : 'other',
        emails: [r[at('Parent Email')], r[at('Guardian 2 Email')]]
          .map((e) => String(e).trim().toLowerCase())
          .filter(Boolean),
      },
    ]),
  );
}

/** A new round begins: the round's name in the settings, as the sidebar saves it. */
function startRound(s: School, round: string): void {
  const current = ok<{ settings: Record<string, unknown> }>(
    s.bundle.callFromClient('getSettings', []),
  );
  ok(s.bundle.callFromClient('saveSettings', [{ ...current.settings, roundName: round }]));
}

function waitlist(s: School): Record<string, string>[] {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Waitlist')!.values();
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), String(r[i])])));
}

describe('the waiting list', () => {
  it('lists every unplaced student with the reason, tells each of its addresses once in its language, and invites none', () => {
    const { s, unplaced } = overfullSchool();
    expect(unplaced.length).toBeGreaterThan(0);
    expect(waitlist(s).map((w) => [w['Student ID'], w.Reason])).toEqual(
      unplaced.map((u) => [u.studentId, u.reason]),
    );
    run(s, 'invites');
    const before = s.emulator.mail.sent.length;
    expect(run(s, 'waitlist').done).toBe(true);
    const notices = s.emulator.mail.sent.slice(before);
    expect(run(s, 'waitlist').processed).toBe(0);
    expect(s.emulator.mail.sent.length).toBe(before + notices.length);

    const roster = rosterRows(s);
    const waiting = new Set(unplaced.map((u) => u.studentId));
    const expected = new Map<string, string[]>();
    for (const id of waiting)
      for (const e of roster.get(id)!.emails) expected.set(e, [...(expected.get(e) ?? []), id]);
    expect(notices.every((m) => m.to.length === 1 && m.cc.length + m.bcc.length === 0)).toBe(true);
    expect(notices.map((m) => m.to[0]).sort()).toEqual([...expected.keys()].sort());
    for (const m of notices) {
      const mine = expected.get(m.to[0]!)!;
      // Names its waitlisted children, and no other student on the Roster.
      for (const id of mine) expect(m.body).toContain(roster.get(id)!.first);
      const names = mine.map((id) => roster.get(id)!.first);
      for (const [id, r] of roster)
        if (!mine.includes(id) && !names.includes(r.first))
          expect(m.body).not.toMatch(new RegExp(`\\b${r.first}\\b`));
      const language = roster.get(mine[0]!)!.language;
      if (language === 'es') expect(m.subject).toMatch(/^Aún no encontramos/);
      else if (language === 'en') expect(m.subject).toMatch(/^No conference time fitted yet/);
      else expect(m.subject).not.toMatch(/^No conference time fitted yet/);
    }
    // No invitation to a family whose every child is waitlisted.
    const guests = new Set(
      s.emulator.calendar.events().flatMap((e) => e.guests.map((g) => g.email.toLowerCase())),
    );
    const allWaiting = [...expected.keys()].filter((e) =>
      [...roster].every(([id, r]) => !r.emails.includes(e) || waiting.has(id)),
    );
    expect(allWaiting.length).toBeGreaterThan(0);
    for (const e of allWaiting) expect(guests.has(e)).toBe(false);
    // Told records each address.
    for (const w of waitlist(s))
      for (const e of roster.get(w['Student ID']!)!.emails) expect(w.Told).toContain(`to ${e}`);
  });

  it('keeps a Reason corrected and a row added by hand while families are told, writing only Told cells', () => {
    const { s } = overfullSchool();
    const sheet = s.emulator.spreadsheet.sheetByName('Waitlist')!;
    const [header, ...rows] = sheet.values();
    const col = (h: string) => header!.map(String).indexOf(h) + 1;
    const last = rows.length + 1;
    const added = ['by hand', 'Kim Lee', 'Ms. Ortiz', '', 'asked to wait for spring', 'phoned', ''];
    const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 1, () => {
      sheet.patch(2, col('Reason'), { v: 'Mother works evenings' });
      added.forEach((v, i) => sheet.patch(last + 1, i + 1, { v }));
    });
    let progress = run(s, 'waitlist');
    for (let i = 0; i < 10 && !progress.done; i++) progress = run(s, 'waitlist');
    expect(progress.message).toMatch(/^Told \d+ addresses on the waiting list|^Every waitlisted/);
    expect(edited()).toBe(true);
    expect(sheet.cell(2, col('Reason'))?.v).toBe('Mother works evenings');
    expect(sheet.values()[last]).toEqual(added);
    const roster = rosterRows(s);
    for (const w of waitlist(s).slice(0, rows.length))
      for (const e of roster.get(w['Student ID']!)!.emails) expect(w.Told).toContain(`to ${e}`);
  });

  it('a rebuild keeps the Waitlist as people arranged it: columns moved, their own column on its student’s row, a row typed by hand', () => {
    const { s } = overfullSchool();
    const sheet = s.emulator.spreadsheet.sheetByName('Waitlist')!;
    const built = sheet.values();
    const col = (h: string) => built[0]!.map(String).indexOf(h) + 1;
    // Reason moved before Teacher, as a person drags the columns.
    const [teacher, reason] = [col('Teacher'), col('Reason')];
    built.forEach((r, i) => {
      sheet.patch(i + 1, teacher, { v: r[reason - 1] });
      sheet.patch(i + 1, reason, { v: r[teacher - 1] });
    });
    const width = built[0]!.length;
    sheet.patch(1, width + 1, { v: 'Called by' });
    sheet.patch(3, width + 1, { v: 'Ms. Diaz' });
    const typed = ['', 'Kim Lee', 'asked to wait for spring', 'Ms. Ortiz', '', '', '', ''];
    typed.forEach((v, i) => sheet.patch(built.length + 1, i + 1, { v }));
    const arranged = sheet.values();
    // Someone overwrote a reason: the build writes its own back, and only that.
    sheet.patch(2, teacher, { v: 'not sure why' });

    run(s, 'schedule');
    const after = sheet.values();
    expect(after[0]).toEqual(arranged[0]);
    const byId = (grid: unknown[][]) =>
      new Map(
        grid
          .slice(1)
          .filter((r) => r[0] !== '')
          .map((r) => [String(r[0]), r]),
      );
    expect(byId(after)).toEqual(byId(arranged));
    expect(after.slice(1).filter((r) => r[0] === '')).toContainEqual(typed);
  });

  it('the warning about a waitlisted student with no email points at the Told column where it came back', () => {
    const { s } = overfullSchool();
    const sheet = s.emulator.spreadsheet.sheetByName('Waitlist')!;
    const waiting = String(sheet.values()[1]![0]);
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const [header, ...rows] = roster.values();
    const row = rows.findIndex((r) => String(r[header!.indexOf('Student ID')]) === waiting) + 2;
    header!.forEach((h, c) => {
      if (/email/i.test(String(h))) roster.patch(row, c + 1, { v: '' });
    });
    sheet.deleteColumns(sheet.values()[0]!.map(String).indexOf('Told') + 1, 1);

    const progress = run(s, 'waitlist');
    const told = sheet.values()[0]!.map(String).indexOf('Told') + 1;
    const warning = progress.problems.find((p) => /no email on the Roster/.test(p.message));
    expect(warning?.where).toEqual({ sheet: 'Waitlist', row: 1, column: told });
    expect(told).toBe(sheet.values()[0]!.length);
  });

  it('inviting the families placed and telling the waiting list each open the spreadsheet once a run', () => {
    const { s } = overfullSchool();
    const before = s.emulator.ws.reports.length;
    run(s, 'invites');
    run(s, 'waitlist');
    expect(opensPerRun(s, before)).toEqual([1, 1]);
  });

  it('a Waitlist whose Told column people removed gets it back past their own column and note, losing nothing they typed', () => {
    const { s } = overfullSchool();
    const sheet = s.emulator.spreadsheet.sheetByName('Waitlist')!;
    sheet.deleteColumns(sheet.values()[0]!.map(String).indexOf('Told') + 1, 1);
    const width = sheet.values()[0]!.length;
    const last = sheet.values().length;
    // A column of their own, a row typed without a Student ID, and a note two columns beside.
    sheet.patch(1, width + 1, { v: 'Called by' });
    sheet.patch(2, width + 1, { v: 'Ms. Diaz' });
    ['', 'Kim Lee', 'Ms. Ortiz', '', 'asked to wait for spring', ''].forEach((v, i) =>
      sheet.patch(last + 1, i + 1, { v }),
    );
    sheet.patch(3, width + 3, { v: 'ask the office about the Lee family' });
    const typed = sheet.values();

    let progress = run(s, 'waitlist');
    for (let i = 0; i < 10 && !progress.done; i++) progress = run(s, 'waitlist');
    const after = sheet.values();
    // Every cell people had is where it was; the Told column comes back after the note.
    expect(after.map((r) => r.slice(0, typed[0]!.length))).toEqual(typed);
    expect(after[0]![typed[0]!.length]).toBe('Told');
    const roster = rosterRows(s);
    const listed = waitlist(s).filter((w) => w['Student ID']);
    expect(listed.length).toBe(last - 1);
    for (const w of listed)
      for (const e of roster.get(w['Student ID']!)!.emails) expect(w.Told).toContain(`to ${e}`);
    // The next run reads the column back: nobody is told twice.
    const sent = s.emulator.mail.sent.length;
    expect(run(s, 'waitlist').done).toBe(true);
    expect(s.emulator.mail.sent.length).toBe(sent);
  });

  it.each([
    ['before any Told cell is written', 1],
    ['after the first Told cells were written', 12],
  ])(
    'records each address in its own student’s Told cell when the Waitlist is sorted while families are told, %s',
    (_, email) => {
      const { s } = overfullSchool();
      const sheet = s.emulator.spreadsheet.sheetByName('Waitlist')!;
      const [header, ...rows] = sheet.values();
      // Someone sorts the list Z to A by Student ID after the run read it.
      const sorted = [...rows].sort((a, b) => String(b[0]).localeCompare(String(a[0])));
      // Sorted by hand: the Told cells already written move with their rows.
      const moved = s.emulator.ws.interruptAt('MailApp.sendEmail', email, () => {
        const now = sheet.values().slice(1);
        const byId = new Map(now.map((r) => [String(r[0]), r]));
        sorted.forEach((r, i) =>
          byId.get(String(r[0]))!.forEach((v, c) => sheet.patch(i + 2, c + 1, { v })),
        );
      });
      let progress = run(s, 'waitlist');
      for (let i = 0; i < 10 && !progress.done; i++) progress = run(s, 'waitlist');
      expect(moved()).toBe(true);
      expect(sheet.values()[0]).toEqual(header);
      const roster = rosterRows(s);
      const told = waitlist(s);
      expect(told.map((w) => w['Student ID'])).toEqual(sorted.map((r) => String(r[0])));
      for (const w of told) {
        const mine = roster.get(w['Student ID']!)!.emails;
        for (const e of mine) expect(w.Told).toContain(`to ${e}`);
        // No other student's address.
        const named = [...w.Told!.matchAll(/to ([^\s;]+@[^\s;]+)/g)].map((m) => m[1]);
        for (const e of named) expect(mine).toContain(e);
      }
    },
  );

  it('cut off at any service call while telling families, tells every address exactly once when run again', () => {
    const { s } = overfullSchool();
    const calls: number[] = [];
    {
      const probe = overfullSchool().s;
      const from = probe.emulator.ws.callCount;
      run(probe, 'waitlist');
      const n = probe.emulator.ws.callCount - from;
      for (let k = 0; k < n; k += Math.max(1, Math.floor(n / 12))) calls.push(k);
    }
    const before = s.emulator.mail.sent.length;
    for (const k of calls.slice(0, 6)) {
      cutOffAt(s.emulator.ws, k, () => run(s, 'waitlist'));
    }
    run(s, 'waitlist');
    const sent = s.emulator.mail.sent.slice(before).map((m) => m.to[0]!);
    expect(new Set(sent).size).toBe(sent.length);
    const roster = rosterRows(s);
    const all = new Set(waitlist(s).flatMap((w) => roster.get(w['Student ID']!)!.emails));
    // Every address was sent its notice, or is flagged as unconfirmed for a person to check.
    for (const e of all)
      expect(
        sent.includes(e) || waitlist(s).some((w) => w.Told!.includes(`to ${e} (unconfirmed`)),
      ).toBe(true);
  });

  it('tells a family waitlisted again in a new round once in that round, however often it is built', () => {
    const { s } = overfullSchool();
    // Fall's invitations sent to the end: a new round is refused while a job is part-way.
    for (let i = 0; i < 20 && !run(s, 'invites').done; i++);
    run(s, 'waitlist');
    const sheet = s.emulator.spreadsheet.sheetByName('Waitlist')!;
    const [header] = sheet.values();
    // The first waitlisted student took a freed time in that round.
    sheet.patch(2, header!.map(String).indexOf('Told') + 1, {
      v: 'placed 2026-11-17 16:00 Ms. Lee: accepted the freed time',
    });
    startRound(s, 'Spring');
    run(s, 'schedule');
    expect(waitlist(s).length).toBeGreaterThan(0);
    expect(waitlist(s).every((w) => w.Round === 'Spring' && w.Told === '')).toBe(true);
    run(s, 'invites');
    const notices = () => {
      const from = s.emulator.mail.sent.length;
      let progress = run(s, 'waitlist');
      for (let i = 0; i < 10 && !progress.done; i++) progress = run(s, 'waitlist');
      return s.emulator.mail.sent.slice(from);
    };
    const waiting = new Set(waitlist(s).map((w) => w['Student ID']!));
    const sent = notices();
    // Built again in the same round: those still waiting are not told twice.
    run(s, 'schedule');
    for (const w of waitlist(s)) waiting.add(w['Student ID']!);
    sent.push(...notices());
    const roster = rosterRows(s);
    // Each address told once of each of its children waiting this round, in Spring.
    const told = sent.flatMap((m) =>
      [...waiting]
        .filter((id) => roster.get(id)!.emails.includes(m.to[0]!))
        .filter((id) => m.body.includes(roster.get(id)!.first))
        .map((id) => `${m.to[0]} ${id}`),
    );
    const expected = [...waiting].flatMap((id) => roster.get(id)!.emails.map((e) => `${e} ${id}`));
    expect(told.sort()).toEqual(expected.sort());
    for (const w of waitlist(s))
      for (const e of roster.get(w['Student ID']!)!.emails) expect(w.Told).toContain(`to ${e}`);
  });
});
