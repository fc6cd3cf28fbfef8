/**
 * Freed times offered to the waiting list, on the built bundle: a cancelled conference's time is
 * offered to the waitlisted families it fits (one email per address, in the family's language,
 * naming only the children listed with it, with the family's own accept link); the first to
 * accept is placed (the checker accepts the whole schedule, one invitation goes out), a later
 * accepter is told the time is gone; cut off at any call of the accept path, one placement only.
 */
import { openSchool } from '../../preview/school';
import { parseRoster } from '../../src/core/roster';
import { checkSchedule } from '../../src/core/schedule/check';
import { buildProblem, readAvailability, readScheduleSheet } from '../../src/core/schedule/sheet';
import { parseTeachers } from '../../src/core/teachers';
import { wallClockIn } from '../../src/core/zone';
import type { Overview, SettingsView } from '../../src/shared/api';
import { ok, props, run } from './calls';
import { cutOffAt } from './cut';

type School = ReturnType<typeof openSchool>;
const wall = wallClockIn('America/New_York');
const values = (s: School, name: string) => s.emulator.spreadsheet.sheetByName(name)!.values();

/** More students than one short evening holds: Ms. Nguyen's one-family room leaves many waiting. */
function overfullSchool(): School {
  const s = openSchool({ students: 120, teachers: 3, days: ['2026-11-17'] });
  run(s, 'setup');
  run(s, 'forms');
  run(s, 'schedule');
  run(s, 'waitlist');
  run(s, 'invites');
  return s;
}

function table(s: School, name: string): Record<string, unknown>[] {
  const [header, ...rows] = values(s, name);
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

/** Per Student ID, from the Roster as pasted: first name, Spanish or not, the addresses on its row. */
function rosterRows(s: School) {
  return new Map(
    table(s, 'Roster').map((r) => [
      String(r['Student ID']),
      {
        first: String(r['Student Name']).split(', ')[1]!.trim(),
        spanish: ['Spanish', 'Español', 'es'].includes(String(r['Home Language'])),
        emails: [r['Parent Email'], r['Guardian 2 Email']]
          .map((e) =>
            String(e ?? '')
              .trim()
              .toLowerCase(),
          )
          .filter(Boolean),
      },
    ]),
  );
}

/** Sets one Schedule cell as a coordinator types it. */
function type(s: School, conferenceId: string, column: string, value: string): void {
  const [header, ...rows] = values(s, 'Schedule');
  const row = rows.findIndex((r) => r[0] === conferenceId) + 2;
  s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!
    .getSheetByName('Schedule')!
    .getRange(row, header!.indexOf(column) + 1)
    .setValue(value);
}

const minutes = (v: unknown) => {
  const t = wall(v as Date);
  return t.hour * 60 + t.minute;
};

/**
 * Cancels the teacher's first conference and returns it with the waitlisted families its time
 * fits, worked out from the sheets: a waitlisted child of that teacher whose family has no
 * conference that day within the buffer of it (none in the teacher's room at once when the room
 * holds one family: Ms. Nguyen's).
 */
function cancelOne(s: School, teacher = 'Ms. Nguyen', how: 'cancelled' | 'declined' = 'cancelled') {
  const schedule = table(s, 'Schedule');
  const freed = schedule.find(
    (r) => r.Teacher === teacher && !['cancelled', 'declined'].includes(String(r.Status)),
  )!;
  const [start, end] = [minutes(freed.Start), minutes(freed.End)];
  const buffer = ok<SettingsView>(s.bundle.callFromClient('getSettings', [])).settings
    .bufferMinutes;
  if (how === 'cancelled') type(s, String(freed['Conference ID']), 'Status', 'cancelled');
  else {
    // The family says NO from its own calendar; the invite sync reads it.
    const event = String(freed['Event ID']);
    for (const e of String(freed.Emails).split(/;\s*/)) s.emulator.calendar.respond(event, e, 'NO');
    // Answers are read back at most hourly.
    s.emulator.ws.clock.advance(2 * 3600_000);
    run(s, 'invites');
    expect(
      table(s, 'Schedule').find((r) => r['Conference ID'] === freed['Conference ID'])!.Status,
    ).toBe('declined');
  }
  const busy = new Set(
    schedule
      .filter((r) => r !== freed)
      .filter((r) => {
        const gap = r.Teacher === teacher ? 0 : buffer;
        return minutes(r.Start) < end + gap && start < minutes(r.End) + gap;
      })
      .map((r) => String(r['Family ID'])),
  );
  const fitting: { familyId: string; studentIds: string[] }[] = [];
  for (const w of table(s, 'Waitlist')) {
    const familyId = String(w['Family ID']);
    if (w.Teacher !== teacher || busy.has(familyId)) continue;
    const known = fitting.find((f) => f.familyId === familyId);
    if (known) known.studentIds.push(String(w['Student ID']));
    else fitting.push({ familyId, studentIds: [String(w['Student ID'])] });
  }
  return { conferenceId: String(freed['Conference ID']), start, fitting };
}

/** The Schedule step as the sidebar shows it: its counts and the operations it offers. */
function scheduleStep(s: School) {
  const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
    (x) => x.id === 'schedule',
  )!;
  return {
    counts: Object.fromEntries(step.counts.map((c) => [c.label, c.value])),
    jobs: (step.more ?? []).map((m) => m.job),
  };
}

const acceptLink = (body: string) => /https:\/\/\S*-accept-\S*/.exec(body)?.[0];

/** The offers sent, by address. */
function offers(s: School, from: number) {
  return s.emulator.mail.sent.slice(from).filter((m) => acceptLink(m.body));
}

/** What the independent checker finds wrong with the round as the Schedule sheet now has it. */
function brokenRules(s: School): string[] {
  const { settings } = ok<SettingsView>(s.bundle.callFromClient('getSettings', []));
  const teachers = parseTeachers(values(s, 'Teachers'), wall, { round: settings.roundName });
  const roster = parseRoster(values(s, 'Roster'), teachers.teachers);
  const availability = readAvailability(values(s, 'Availability'), roster, wall);
  const { problem } = buildProblem({
    roster,
    windows: teachers.windows,
    settings,
    availability: availability.byFamily,
    sheet: readScheduleSheet([], wall, []),
    seed: 1,
  });
  const emailOf = new Map(teachers.windows.map((w) => [w.teacher, w.teacherEmail]));
  const conferences = readScheduleSheet(values(s, 'Schedule'), wall, [])
    .rows.filter((r) => r.status !== 'cancelled')
    .map((r) => ({
      studentIds: r.studentIds,
      familyId: r.familyId,
      teacherEmail: emailOf.get(r.teacher)!,
      date: r.date!,
      start: r.start!,
      end: r.end!,
      fixed: false,
      rank: 0,
    }));
  const placed = new Set(conferences.flatMap((c) => c.studentIds));
  const unplaced = roster.students
    .filter((x) => !placed.has(x.id))
    .map((x) => ({ studentId: x.id, reason: 'waitlisted' }));
  return checkSchedule(problem, { conferences, unplaced });
}

describe('a freed time offered to the waiting list', () => {
  it('goes to the waitlisted families it fits only, one email per address, in its language, naming only the children listed with it', () => {
    const s = overfullSchool();
    const { fitting } = cancelOne(s);
    expect(fitting.length).toBeGreaterThan(2);
    expect(scheduleStep(s).jobs).toContain('waitlist-offer');
    const before = s.emulator.mail.sent.length;
    run(s, 'waitlist-offer');
    const sent = offers(s, before);
    expect(scheduleStep(s).counts['freed-time offers still open']).toBe(sent.length);
    const roster = rosterRows(s);
    const expected = new Map<string, string[]>();
    for (const f of fitting)
      for (const id of f.studentIds)
        for (const e of roster.get(id)!.emails) expected.set(e, [...(expected.get(e) ?? []), id]);
    expect(sent.every((m) => m.to.length === 1 && m.cc.length + m.bcc.length === 0)).toBe(true);
    expect(sent.map((m) => m.to[0]).sort()).toEqual([...expected.keys()].sort());
    for (const m of sent) {
      const mine = expected.get(m.to[0]!)!;
      for (const id of mine) expect(m.body).toContain(roster.get(id)!.first);
      const names = mine.map((id) => roster.get(id)!.first);
      for (const [id, r] of roster)
        if (!mine.includes(id) && !names.includes(r.first))
          expect(m.body).not.toMatch(new RegExp(`(^|[^\\p{L}])${r.first}([^\\p{L}]|$)`, 'u'));
      if (roster.get(mine[0]!)!.spanish) expect(m.subject).toMatch(/^Se liberó un horario/);
      else expect(m.subject).not.toMatch(/^Se liberó/);
    }
    expect(sent.some((m) => roster.get(expected.get(m.to[0]!)![0]!)!.spanish)).toBe(true);
    // Pressed again, nobody is offered it twice.
    const after = s.emulator.mail.sent.length;
    run(s, 'waitlist-offer');
    expect(s.emulator.mail.sent.length).toBe(after);
  });

  it('names to each address only the waitlisted children whose Roster rows list it', () => {
    const s = overfullSchool();
    // A waitlisted child of Ms. Nguyen with no conference at all gets a brother, also waiting,
    // whose row lists the same parent and a second address of his own only.
    const booked = new Set(table(s, 'Schedule').map((r) => String(r['Family ID'])));
    const w = table(s, 'Waitlist').find(
      (x) => x.Teacher === 'Ms. Nguyen' && !booked.has(String(x['Family ID'])),
    )!;
    const rosterSheet =
      s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Roster')!;
    const [header, ...rows] = values(s, 'Roster');
    const sister = rows.find((r) => String(r[0]) === String(w['Student ID']))!;
    const brother = [...sister];
    brother[header!.indexOf('Student ID')] = '99999';
    brother[header!.indexOf('Student Name')] = `${String(sister[1]).split(', ')[0]}, Zebulon`;
    brother[header!.indexOf('Guardian 2 Email')] = 'zebulon.only@family.example';
    rosterSheet.appendRow(brother);
    run(s, 'schedule');
    const { fitting } = cancelOne(s);
    const family = fitting.find((f) => f.studentIds.includes('99999'))!;
    expect(family.studentIds).toContain(String(w['Student ID']));
    const before = s.emulator.mail.sent.length;
    run(s, 'waitlist-offer');
    const sent = offers(s, before);
    const roster = rosterRows(s);
    const sisterName = roster.get(String(w['Student ID']))!.first;
    const own = sent.filter((m) => m.to[0] === 'zebulon.only@family.example');
    expect(own).toHaveLength(1);
    expect(own[0]!.body).toContain('Zebulon');
    expect(own[0]!.body).not.toContain(sisterName);
    const shared = sent.filter((m) => m.to[0] === roster.get('99999')!.emails[0]);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.body).toContain('Zebulon');
    expect(shared[0]!.body).toContain(sisterName);
  });

  it('offers the time of a conference the family declined from its calendar, like a cancelled one', () => {
    const s = overfullSchool();
    const { conferenceId, fitting } = cancelOne(s, 'Ms. Nguyen', 'declined');
    const before = s.emulator.mail.sent.length;
    run(s, 'waitlist-offer');
    const roster = rosterRows(s);
    const expected = new Set(
      fitting.flatMap((f) => f.studentIds.flatMap((id) => roster.get(id)!.emails)),
    );
    const sent = offers(s, before);
    expect(sent.map((m) => m.to[0]).sort()).toEqual([...expected].sort());
    for (const m of sent) expect(acceptLink(m.body)).toContain(`-accept-${conferenceId}`);
  });

  it('cancels a declined conference whose time a waitlisted family takes, so a later yes from the family that declined cannot double-book it', () => {
    const s = overfullSchool();
    const { conferenceId, fitting } = cancelOne(s, 'Ms. Nguyen', 'declined');
    run(s, 'waitlist-offer');
    const roster = rosterRows(s);
    const address = roster.get(fitting[0]!.studentIds[0]!)!.emails[0]!;
    const link = acceptLink(
      s.emulator.mail.sent.find((m) => m.to[0] === address && acceptLink(m.body))!.body,
    )!;
    s.emulator.forms.submitPrefilled(link, {});
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();
    const row = () => table(s, 'Schedule').find((r) => r['Conference ID'] === conferenceId)!;
    expect(row().Status).toBe('cancelled');
    // The family that declined changes its mind in Calendar; the sync reads it.
    const declined = row();
    for (const e of String(declined.Emails).split(/;\s*/))
      s.emulator.calendar.respond(String(declined['Event ID']), e, 'YES');
    s.emulator.ws.clock.advance(2 * 3600_000);
    run(s, 'invites');
    expect(row().Status).toBe('cancelled');
    expect(brokenRules(s)).toEqual([]);
  });

  it('places the first family to accept (the checker accepts the schedule, one invitation), and tells the next it is gone, in its language', () => {
    const s = overfullSchool();
    // Ms. Rivera's room holds three families at once: the time freed is one place of three, and
    // only the first to accept gets it although the room would take another.
    const { conferenceId, start, fitting } = cancelOne(s, 'Ms. Rivera');
    run(s, 'waitlist-offer');
    const roster = rosterRows(s);
    const linkOf = (familyId: string) => {
      const address = roster.get(fitting.find((f) => f.familyId === familyId)!.studentIds[0]!)!
        .emails[0]!;
      return acceptLink(
        s.emulator.mail.sent.find((m) => m.to[0] === address && acceptLink(m.body))!.body,
      )!;
    };
    // A Spanish-speaking family second, when there is one, to hear the time is gone in Spanish.
    const spanish = fitting.find((f) => roster.get(f.studentIds[0]!)!.spanish);
    const first = fitting.find((f) => f !== spanish)!;
    const second = spanish ?? fitting.find((f) => f !== first)!;
    const rowsBefore = table(s, 'Schedule').length;
    s.emulator.forms.submitPrefilled(linkOf(first.familyId), {});
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();
    const mailBefore = s.emulator.mail.sent.length;
    s.emulator.forms.submitPrefilled(linkOf(second.familyId), {});
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();

    const schedule = table(s, 'Schedule');
    expect(schedule.length).toBe(rowsBefore + 1);
    const placed = schedule.at(-1)!;
    expect(String(placed['Student IDs']).split(/;\s*/)).toEqual(first.studentIds);
    expect([placed.Teacher, minutes(placed.Start), placed.Status]).toEqual([
      'Ms. Rivera',
      start,
      'scheduled',
    ]);
    expect(placed['Conference ID']).not.toBe(conferenceId);
    expect(brokenRules(s)).toEqual([]);
    expect(scheduleStep(s).counts['accepted from the waiting list']).toBe(1);
    // The one freed time is taken: none of the offers made for it is still open.
    expect(scheduleStep(s).counts['freed-time offers still open']).toBe(0);
    expect(scheduleStep(s).jobs).not.toContain('waitlist-offer');
    const waitlist = table(s, 'Waitlist');
    for (const id of first.studentIds)
      expect(String(waitlist.find((w) => w['Student ID'] === id)!.Told)).toMatch(
        /placed .*accepted the freed time/,
      );

    // The second hears, once per address, that the time is gone; nothing is placed for it.
    const gone = s.emulator.mail.sent.slice(mailBefore);
    const secondAddresses = [...new Set(second.studentIds.flatMap((id) => roster.get(id)!.emails))];
    expect(gone.map((m) => m.to[0]).sort()).toEqual(secondAddresses.sort());
    for (const m of gone)
      expect(m.subject).toMatch(
        roster.get(second.studentIds[0]!)!.spanish ? /sigue|siguen/ : /on the waiting list$/,
      );
    expect(schedule.some((r) => String(r['Student IDs']).includes(second.studentIds[0]!))).toBe(
      false,
    );

    // The invite sync invites the new row as any other, once.
    const events = s.emulator.calendar.events().length;
    run(s, 'invites');
    const invited = s.emulator.calendar
      .events()
      .filter((e) =>
        e.guests.some((g) =>
          roster.get(first.studentIds[0]!)!.emails.includes(g.email.toLowerCase()),
        ),
      );
    expect(invited).toHaveLength(1);
    expect(s.emulator.calendar.events().length).toBe(events);
    run(s, 'invites');
    expect(s.emulator.calendar.events().length).toBe(events);

    // The next freed time is offered to the family that was too late.
    const next = cancelOne(s, 'Ms. Rivera');
    expect(next.fitting.map((f) => f.familyId)).toContain(second.familyId);
    const offeredBefore = s.emulator.mail.sent.length;
    run(s, 'waitlist-offer');
    const again = offers(s, offeredBefore).filter((m) => secondAddresses.includes(m.to[0]!));
    expect(again.map((m) => m.to[0]).sort()).toEqual(secondAddresses.sort());
    for (const m of again) expect(acceptLink(m.body)).toContain(`-accept-${next.conferenceId}`);
  });

  /**
   * A waitlisted child of Ms. Nguyen with no conference, alone on the Roster (no sibling shares
   * its address), whose row now gives no email and a phone number in a Phone column.
   */
  function phoneOnlyWaiting(s: School, phone: string) {
    const booked = new Set(table(s, 'Schedule').map((r) => String(r['Family ID'])));
    const roster = rosterRows(s);
    const alone = (id: string) =>
      roster
        .get(id)!
        .emails.every((e) =>
          [...roster].every(([other, r]) => other === id || !r.emails.includes(e)),
        );
    const w = table(s, 'Waitlist').find(
      (x) =>
        x.Teacher === 'Ms. Nguyen' &&
        !booked.has(String(x['Family ID'])) &&
        alone(String(x['Student ID'])),
    )!;
    const id = String(w['Student ID']);
    const sheet =
      s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Roster')!;
    const [header, ...rows] = values(s, 'Roster');
    const row = rows.findIndex((r) => String(r[0]) === id) + 2;
    const phoneColumn = header!.length + 1;
    sheet.getRange(1, phoneColumn).setValue('Phone');
    sheet.getRange(row, phoneColumn).setValue(phone);
    for (const h of ['Parent Email', 'Guardian 2 Email'])
      sheet.getRange(row, header!.indexOf(h) + 1).setValue('');
    return id;
  }
  const toldOf = (s: School, id: string) =>
    String(table(s, 'Waitlist').find((w) => w['Student ID'] === id)!.Told);
  const clock = (m: number) =>
    `${Math.floor(m / 60) % 12 || 12}:${String(m % 60).padStart(2, '0')} ${m < 720 ? 'AM' : 'PM'}`;
  /** What the office types in the availability form's code field, as the Told cell gives it. */
  const typedCode = (told: string) => /type (\S+-accept-\S+) as the family code/.exec(told)?.[1];
  const keyIn = (s: School, code: string) => {
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { linkTemplate: string };
    };
    s.emulator.forms.submitPrefilled(
      forms.availability.linkTemplate.replace('0000000000000000000000000000c0de', code),
      {},
    );
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();
  };

  it('to a waitlisted family without email: its Told cell tells the office whom to call about which time, once, and the code it gives places the family', () => {
    const s = overfullSchool();
    const id = phoneOnlyWaiting(s, '(555) 010-7788');
    const { conferenceId, start, fitting } = cancelOne(s);
    expect(fitting.some((f) => f.studentIds.includes(id))).toBe(true);
    const before = s.emulator.mail.sent.length;
    const done = run(s, 'waitlist-offer');
    expect(done.message).toContain('1 waitlisted family without email to call');
    expect(s.emulator.mail.sent.length).toBeGreaterThan(before);
    const told = toldOf(s, id);
    expect(told).toContain(
      `freed time 2026-11-17 ${clock(start)} with Ms. Nguyen fits: phone (555) 010-7788 to offer it`,
    );
    const code = typedCode(told)!;
    expect(code).toMatch(new RegExp(`-accept-${conferenceId}$`));
    // Pressed again, the note is not written twice.
    run(s, 'waitlist-offer');
    expect(toldOf(s, id)).toBe(told);

    // The family says yes on the phone; the office types the code in the availability form.
    keyIn(s, code);
    const placed = table(s, 'Schedule').find((r) => String(r['Student IDs']) === id)!;
    expect([placed.Teacher, minutes(placed.Start), placed.Status]).toEqual([
      'Ms. Nguyen',
      start,
      'scheduled',
    ]);
    expect(toldOf(s, id)).toMatch(/placed .*accepted the freed time/);
    expect(brokenRules(s)).toEqual([]);
  });

  it('to a waitlisted family without email, cut off at each write of its note and record, is noted once, and a code the office types straight after the cut is accepted', () => {
    const probe = overfullSchool();
    phoneOnlyWaiting(probe, '(555) 010-7711');
    cancelOne(probe);
    const from = probe.emulator.ws.callCount;
    run(probe, 'waitlist-offer');
    // The writes of the phone note (the Waitlist's Told cell) and of its record (a property),
    // and the call after each.
    const writes = probe.emulator.ws.callLog
      .filter((c) => c.index >= from && /set(Values|Value|Propert)/.test(c.method))
      .map((c) => c.index - from);
    expect(writes.length).toBeGreaterThan(1);
    for (const k of [...new Set(writes.slice(0, 3).flatMap((w) => [w, w + 1]))]) {
      const s = overfullSchool();
      const id = phoneOnlyWaiting(s, '(555) 010-7711');
      cancelOne(s);
      cutOffAt(s.emulator.ws, k, () => s.bundle.callFromClient('runJob', ['waitlist-offer']));
      // The office may read the note and type the code before the offers run again.
      const early = typedCode(toldOf(s, id));
      if (early) {
        keyIn(s, early);
        expect(table(s, 'Schedule').some((r) => String(r['Student IDs']) === id)).toBe(true);
        continue;
      }
      run(s, 'waitlist-offer');
      const told = toldOf(s, id);
      expect(told.split('fits: phone (555) 010-7711').length).toBe(2);
      keyIn(s, typedCode(told)!);
      expect(table(s, 'Schedule').some((r) => String(r['Student IDs']) === id)).toBe(true);
    }
  });

  it('to a waitlisted family without email not yet told it waits: the note keeps the mark that it is still to be told', () => {
    const s = overfullSchool();
    const id = phoneOnlyWaiting(s, '(555) 010-7722');
    // The family was told by email before its addresses went: its Told cell is cleared, as for
    // a family that came in without email.
    const [header, ...rows] = values(s, 'Waitlist');
    s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!
      .getSheetByName('Waitlist')!
      .getRange(rows.findIndex((r) => String(r[0]) === id) + 2, header!.indexOf('Told') + 1)
      .setValue('');
    run(s, 'waitlist');
    expect(toldOf(s, id)).toBe('no email on the Roster: tell the family by phone or letter');
    cancelOne(s);
    run(s, 'waitlist-offer');
    expect(toldOf(s, id)).toMatch(
      /^no email on the Roster: tell the family by phone or letter; freed time .* fits: phone \(555\) 010-7722/,
    );
  });

  it('to a waitlisted family without email that says yes after an emailed family took the time: its Told cell says so, nothing is placed for it', () => {
    const s = overfullSchool();
    const id = phoneOnlyWaiting(s, '(555) 010-7799');
    const { start, fitting } = cancelOne(s);
    run(s, 'waitlist-offer');
    const roster = rosterRows(s);
    const other = fitting.find((f) => !f.studentIds.includes(id))!;
    const address = roster.get(other.studentIds[0]!)!.emails[0]!;
    s.emulator.forms.submitPrefilled(
      acceptLink(
        s.emulator.mail.sent.find((m) => m.to[0] === address && acceptLink(m.body))!.body,
      )!,
      {},
    );
    const rowsBefore = table(s, 'Schedule').length;
    keyIn(s, typedCode(toldOf(s, id))!);
    expect(table(s, 'Schedule').length).toBe(rowsBefore);
    expect(toldOf(s, id)).toContain(
      `freed time 2026-11-17 ${clock(start)} with Ms. Nguyen was taken by another family first`,
    );
  });

  it('cut off at any call while offering, never emails an offer twice and reaches every fitting address', () => {
    const probe = overfullSchool();
    cancelOne(probe);
    const from = probe.emulator.ws.callCount;
    run(probe, 'waitlist-offer');
    const n = probe.emulator.ws.callCount - from;
    // The offers go out after the reads: cuts spread over the run, each on a fresh school.
    for (let k = 1; k < n; k += Math.max(1, Math.floor(n / 6))) {
      const s = overfullSchool();
      const { fitting } = cancelOne(s);
      const before = s.emulator.mail.sent.length;
      cutOffAt(s.emulator.ws, k, () => s.bundle.callFromClient('runJob', ['waitlist-offer']));
      run(s, 'waitlist-offer');
      const sent = offers(s, before).map((m) => m.to[0]!);
      expect(new Set(sent).size).toBe(sent.length);
      // Each address got its offer, or is recorded as being sent when the cut came (a person checks).
      const roster = rosterRows(s);
      const recorded = [...props(s).keys()];
      for (const e of new Set(
        fitting.flatMap((f) => f.studentIds.flatMap((id) => roster.get(id)!.emails)),
      ))
        expect(
          sent.includes(e) ||
            recorded.some((key) => key.startsWith('slc:wait-offer:') && key.endsWith(`|${e}`)),
        ).toBe(true);
    }
  });

  it('cut off at any call while placing an accepting family, never makes two rows and never sends twice', () => {
    const probe = overfullSchool();
    const { fitting: probeFit } = cancelOne(probe);
    run(probe, 'waitlist-offer');
    const linkFor = (s: School, familyId: string, fitting: typeof probeFit) => {
      const roster = rosterRows(s);
      const address = roster.get(fitting.find((f) => f.familyId === familyId)!.studentIds[0]!)!
        .emails[0]!;
      return acceptLink(
        s.emulator.mail.sent.find((m) => m.to[0] === address && acceptLink(m.body))!.body,
      )!;
    };
    const from = probe.emulator.ws.callCount;
    probe.emulator.forms.submitPrefilled(linkFor(probe, probeFit[0]!.familyId, probeFit), {});
    const n = probe.emulator.ws.callCount - from;
    // Every write of the accept path (a property, a sheet, an email) and the call after it.
    const writes = probe.emulator.ws.callLog
      .filter((c) => c.index >= from && /set|send|delete|insert/i.test(c.method))
      .map((c) => c.index - from);
    expect(writes.length).toBeGreaterThan(3);
    const cuts = [...new Set(writes.flatMap((k) => [k, k + 1]))].filter((k) => k > 0 && k < n);
    for (const k of cuts) {
      const s = overfullSchool();
      const { fitting } = cancelOne(s);
      run(s, 'waitlist-offer');
      const [a, b] = fitting;
      const rowsBefore = table(s, 'Schedule').length;
      const at = s.emulator.ws.callCount + k;
      s.emulator.ws.injectFault({ atIndex: at, kind: 'kill' });
      s.emulator.forms.submitPrefilled(linkFor(s, a!.familyId, fitting), {});
      s.emulator.ws.clearFaults();
      expect(s.emulator.triggers.firings.at(-1)!.error).toContain(
        `Injected failure at call #${at}`,
      );
      const mailBefore = s.emulator.mail.sent.length;
      // The next accept (another family's) runs the handler again, then the Summary does.
      s.emulator.forms.submitPrefilled(linkFor(s, b!.familyId, fitting), {});
      run(s, 'summary');
      const schedule = table(s, 'Schedule');
      expect(schedule.length).toBe(rowsBefore + 1);
      expect(String(schedule.at(-1)!['Student IDs']).split(/;\s*/)).toEqual(a!.studentIds);
      const to = s.emulator.mail.sent.slice(mailBefore).map((m) => m.to[0]);
      expect(new Set(to).size).toBe(to.length);
      // The family placed is not told the time is gone, and its Waitlist row says placed.
      const roster = rosterRows(s);
      const mine = new Set(a!.studentIds.flatMap((id) => roster.get(id)!.emails));
      expect(to.filter((e) => mine.has(e!))).toEqual([]);
      for (const id of a!.studentIds)
        expect(String(table(s, 'Waitlist').find((w) => w['Student ID'] === id)!.Told)).toMatch(
          /placed .*accepted the freed time/,
        );
      expect(brokenRules(s)).toEqual([]);
    }
  });
});
