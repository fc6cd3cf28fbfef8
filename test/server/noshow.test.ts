/**
 * Offering another time to a family marked no-show at check-in, on the built bundle: one email
 * per address the Roster lists with the conference's children, with the family's own
 * availability link, in its language; never twice, also after a run cut off while sending; an
 * attended or unmarked conference gets none.
 */
import { openSchool } from '../../preview/school';
import { ok, props, run } from './calls';
import { cutOffAt, failAt, nthCall } from './cut';
import type { CheckIn, JobProgress, Overview } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

function school(): School {
  const s = openSchool({ students: 40, teachers: 2, days: ['2026-11-17', '2026-11-18'] });
  run(s, 'setup');
  run(s, 'forms');
  run(s, 'schedule');
  // The afternoon of the first day: its conferences are over and can be marked.
  s.emulator.ws.clock.set(Date.parse('2026-11-17T18:00:00-05:00'));
  return s;
}

/** The Roster's addresses and language per Student ID, as the fixture wrote them. */
function rosterOf(s: School): Map<string, { emails: string[]; spanish: boolean }> {
  const [h, ...rows] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
  const at = (r: unknown[], name: string) => String(r[h!.indexOf(name)] ?? '');
  return new Map(
    rows.map((r) => [
      at(r, 'Student ID'),
      {
        emails: [at(r, 'Parent Email'), at(r, 'Guardian 2 Email')]
          .filter(Boolean)
          .map((e) => e.toLowerCase()),
        spanish: at(r, 'Home Language') === 'Español',
      },
    ]),
  );
}

/** The Schedule row of a conference: its family and students. */
function conference(s: School, id: string): { familyId: string; studentIds: string[] } {
  const [h, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const row = rows.find((r) => r[h!.indexOf('Conference ID')] === id)!;
  return {
    familyId: String(row[h!.indexOf('Family ID')]),
    studentIds: String(row[h!.indexOf('Student IDs')]).split(/\s*,\s*/),
  };
}

function addressesOf(s: School, id: string): string[] {
  const roster = rosterOf(s);
  return [...new Set(conference(s, id).studentIds.flatMap((sid) => roster.get(sid)!.emails))];
}

const codeOf = (s: School, familyId: string) => props(s).get(`slc:family-code:${familyId}`)!;

function markedDay(s: School): CheckIn {
  const view = ok<CheckIn>(s.bundle.callFromClient('getCheckIn', ['']));
  expect(view.date).toBe('2026-11-17');
  expect(view.conferences.length).toBeGreaterThan(2);
  return view;
}

const mark = (s: School, id: string, status: string) =>
  ok(s.bundle.callFromClient('markAttendance', [id, status]));

describe('offering another time to a family that did not come', () => {
  it('emails each address listed with the no-show’s children once, with the family’s own link, and nobody else', () => {
    const s = school();
    const [missed, came] = markedDay(s).conferences;
    mark(s, missed!.conferenceId, 'no-show');
    mark(s, came!.conferenceId, 'attended');
    const progress = run(s, 'noshow-offer');
    const sent = s.emulator.mail.sent;
    const expected = addressesOf(s, missed!.conferenceId);
    expect(sent.map((m) => m.to[0]).sort()).toEqual([...expected].sort());
    const code = codeOf(s, conference(s, missed!.conferenceId).familyId);
    const otherCode = codeOf(s, conference(s, came!.conferenceId).familyId);
    for (const m of sent) {
      expect(m.to).toHaveLength(1);
      expect(m.cc ?? []).toEqual([]);
      expect(m.bcc ?? []).toEqual([]);
      expect(m.body).toContain(code);
      expect(m.body).not.toContain(otherCode);
    }
    expect(progress.message).toContain(`Offered another time to ${expected.length} address`);
    // Pressed again: nobody is offered twice.
    const again = run(s, 'noshow-offer');
    expect(s.emulator.mail.sent).toHaveLength(expected.length);
    expect(again.message).toContain('No family is due an offer of another time');
    const overview = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const step = overview.steps.find((x) => x.id === 'questionnaire')!;
    expect(step.counts.find((c) => c.label === 'no-shows offered another time')?.value).toBe(1);
    expect(step.counts.find((c) => c.label === 'no-shows to offer a new time')?.value).toBe(0);
  });

  it('offers nothing to attended or unmarked conferences', () => {
    const s = school();
    const [first] = markedDay(s).conferences;
    mark(s, first!.conferenceId, 'attended');
    const progress = run(s, 'noshow-offer');
    expect(s.emulator.mail.sent).toEqual([]);
    expect(progress.message).toContain('0 conferences marked no-show');
  });

  it('cut off while sending, a re-run never sends the same offer twice and names the address to check', () => {
    const prepare = () => {
      const s = school();
      const conferences = markedDay(s).conferences;
      for (const c of conferences.slice(0, 3)) mark(s, c.conferenceId, 'no-show');
      return { s, ids: conferences.slice(0, 3).map((c) => c.conferenceId) };
    };
    const { s, ids } = prepare();
    const { s: probe } = prepare();
    const start = probe.emulator.ws.callCount;
    run(probe, 'noshow-offer');
    const all = probe.emulator.mail.sent.map((m) => m.to[0]);
    expect(all.length).toBeGreaterThan(1);
    const second = nthCall(probe.emulator.ws, 'MailApp.sendEmail', 2, start) - start;
    expect(
      cutOffAt(s.emulator.ws, second, () => s.bundle.callFromClient('runJob', ['noshow-offer'])),
    ).toBe('MailApp.sendEmail');
    const after = ok<JobProgress>(s.bundle.callFromClient('runJob', ['noshow-offer']));
    run(s, 'noshow-offer');
    const to = s.emulator.mail.sent.map((m) => m.to[0]);
    expect(new Set(to).size).toBe(to.length);
    // The one cut mid-send is not sent again; every other address got its offer.
    expect(to).toHaveLength(all.length - 1);
    expect(to).not.toContain(all[1]);
    expect(new Set(ids.flatMap((id) => addressesOf(s, id))).size).toBe(all.length);
    expect(after.problems?.map((p) => p.message).join(' ')).toContain(
      `The offer of another time to ${all[1]} may not have gone out`,
    );
  });

  it('flags an offer Google refuses on the Questionnaire step with the address, and goes on with the others', () => {
    const prepare = () => {
      const s = school();
      const conferences = markedDay(s).conferences;
      for (const c of conferences.slice(0, 2)) mark(s, c.conferenceId, 'no-show');
      return s;
    };
    const s = prepare();
    const probe = prepare();
    const start = probe.emulator.ws.callCount;
    run(probe, 'noshow-offer');
    const all = probe.emulator.mail.sent.map((m) => m.to[0]);
    const first = nthCall(probe.emulator.ws, 'MailApp.sendEmail', 1, start) - start;
    expect(
      failAt(s.emulator.ws, first, 'Invalid email: ' + all[0], () =>
        s.bundle.callFromClient('runJob', ['noshow-offer']),
      ),
    ).toBe('MailApp.sendEmail');
    run(s, 'noshow-offer');
    expect(s.emulator.mail.sent.map((m) => m.to[0])).toEqual(all.slice(1));
    const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'questionnaire',
    )!;
    expect(step.problems.map((p) => p.message).join(' ')).toContain(
      `Google refused the offer of another time to ${all[0]} (Invalid email: ${all[0]})`,
    );
  });

  it('names to an address only the children whose Roster rows list it', () => {
    const s = school();
    // Two siblings, each with their own conference, both missed.
    const [h, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const family = (r: unknown[]) => String(r[h!.indexOf('Family ID')]);
    const a = rows.find((r) => rows.some((o) => o !== r && family(o) === family(r)))!;
    expect(a).toBeDefined();
    const b = rows.find((o) => o !== a && family(o) === family(a))!;
    const ids = [a, b].map((r) => String(r[h!.indexOf('Conference ID')]));
    const [first] = conference(s, ids[0]!).studentIds;
    const [second] = conference(s, ids[1]!).studentIds;
    // A second guardian (a stepparent, say) listed on the first child's row only.
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const [rh, ...rr] = roster.values();
    const rowOf = (sid: string) => rr.findIndex((r) => String(r[0]) === sid) + 2;
    const g2 = rh!.indexOf('Guardian 2 Email') + 1;
    roster.put(rowOf(first!), g2, { v: 'only.first@family.example' });
    roster.put(rowOf(second!), g2, { v: '' });
    const name = (sid: string) => String(rr[rowOf(sid) - 2]![1]).split(', ')[1]!;
    for (const id of ids) mark(s, id, 'no-show');
    run(s, 'noshow-offer');
    const mine = s.emulator.mail.sent.filter((m) => m.to[0] === 'only.first@family.example');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain(name(first!));
    expect(mine[0]!.body).not.toContain(name(second!));
    // The address on both rows is offered a time for each child.
    const shared = s.emulator.mail.sent.filter((m) => m.to[0] !== 'only.first@family.example');
    expect(shared.some((m) => m.body.includes(name(second!)))).toBe(true);
  });

  it('writes to a Spanish-speaking family in Spanish', () => {
    const s = school();
    const roster = rosterOf(s);
    const spanish = markedDay(s).conferences.find((c) =>
      conference(s, c.conferenceId).studentIds.every((id) => roster.get(id)?.spanish),
    );
    expect(spanish).toBeDefined();
    mark(s, spanish!.conferenceId, 'no-show');
    run(s, 'noshow-offer');
    const sent = s.emulator.mail.sent;
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) {
      expect(m.subject).toContain('Otro horario para la conferencia');
      expect(m.body).toContain('queremos ofrecerles otro horario');
    }
  });
});

describe('an offer with no availability form to link to', () => {
  it.each([
    ['noshow-offer', 'then offer another time'],
    ['waitlist-offer', 'accept link is the family’s own availability link'],
  ])('%s says to make the family forms first, and sends nothing', (job, why) => {
    const s = openSchool({ students: 12, teachers: 1, days: ['2026-11-17'] });
    run(s, 'setup');
    run(s, 'schedule');
    const r = s.bundle.callFromClient('runJob', [job]) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(r.ok).toBe(false);
    expect(r.error!.message).toContain('There is no availability form yet');
    expect(r.error!.message).toContain(why);
    expect(s.emulator.mail.sent).toHaveLength(0);
  });
});
