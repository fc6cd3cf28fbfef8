/**
 * The stand-in adult a family names on the availability form ("Who will come?", and their
 * address) gets each reminder of their own: one recipient, the family's language, naming only
 * the children the answering guardian is listed with on the Roster. A small roster written by
 * hand, so every expected value is read off the fixture:
 *
 * - Family F1 is two households: Amy Adams (Ms. Rivera, 15:00) is listed with Pat and Xavier;
 *   Ben Baker (Mr. Okafor, 15:40) with Pat only. Xavier answered the form and named June.
 * - Family F2 (Spanish): Lía López (Ms. Chen, 14:00), listed with Rosa. Rosa named Pat, a guardian
 *   of F1, to come in her place.
 *
 * All on 2026-11-17 (EST); the 48-hour reminder is due from 2026-11-15 14:00.
 */
import type { openSchool } from '../../preview/school';
import { cutOffAt, failAt } from './cut';
import { copyWithDocument, runJob, type } from './invites.fixture';
import { EST, markAttended, ok, pastedSchool, ROSTER_HEADER, run } from './calls';
import type { JobProgress, Overview } from '../../src/shared/api';
import type { SentMessage } from '../../emulator/mail';

type School = ReturnType<typeof openSchool>;

const PAT = 'pat@adams.example';
const XAVIER = 'x@cole.example';
const ROSA = 'rosa@lopez.example';
const JUNE = 'june@grand.example';

const ROSTER = [
  ROSTER_HEADER,
  ['S1', 'Amy', 'Adams', '3', 'Ms. Rivera', 'F1', 'Pat Adams', PAT, 'Xavier Cole', XAVIER, 'en'],
  ['S2', 'Ben', 'Baker', '5', 'Mr. Okafor', 'F1', 'Pat Adams', PAT, '', '', 'en'],
  ['S3', 'Lía', 'López', '4', 'Ms. Chen', 'F2', 'Rosa López', ROSA, '', '', 'es'],
];

const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ['Ms. Rivera', 'rivera@lincoln.school.example', '2026-11-17', '15:00', '15:25', '101', '1'],
  ['Mr. Okafor', 'okafor@lincoln.school.example', '2026-11-17', '15:40', '16:05', '102', '1'],
  ['Ms. Chen', 'chen@lincoln.school.example', '2026-11-17', '14:00', '14:25', '103', '1'],
];

/** An Availability row as the form's answer writes it, with the stand-in's name and address. */
function answer(s: School, familyId: string, answeredBy: string, who: string, email: string) {
  const sheet = s.emulator.spreadsheet.sheetByName('Availability')!;
  const header = sheet.values()[0]!.map(String);
  const row: Record<string, unknown> = {
    Family: familyId,
    'Family ID': `F-${familyId}`,
    Email: answeredBy,
    Answered: new Date(EST('2026-11-03', '09:00')),
    'Who Comes': who,
    'Who Comes Email': email,
    Round: 'Fall',
  };
  sheet.appendRow(header.map((h) => row[h] ?? ''));
}

function scheduledWithStandIns(): School {
  const s = pastedSchool(ROSTER, TEACHERS);
  run(s, 'schedule');
  answer(s, 'F1', XAVIER, 'Grandma June', JUNE);
  answer(s, 'F2', ROSA, 'Pat Adams', PAT);
  return s;
}

const reminders = (s: School) => ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
const text = (m: SentMessage) => `${m.subject}\n${m.body}\n${m.htmlBody}`;
const key = (m: SentMessage) => `${m.to.join(',')}|${m.subject}|${m.body}`;

/** The event of the conference of this student, with its guests. */
function eventOf(s: School, studentId: string) {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const row = rows.find(
    (r) => String(r[header!.indexOf('Student IDs')]).replace(/^'/, '') === studentId,
  )!;
  const id = String(row[header!.indexOf('Event ID')]);
  return s.emulator.calendar.events().find((e) => e.id === id)!;
}
const guests = (s: School, studentId: string) =>
  eventOf(s, studentId).guests.map((g) => g.email.toLowerCase());

const WAVES = [EST('2026-11-15', '16:00'), EST('2026-11-17', '13:00')];

describe('the stand-in adult’s own reminders', () => {
  it('gets one reminder per reminder time, alone on it, naming only the child the answering guardian is listed with', () => {
    const s = scheduledWithStandIns();
    for (const at of WAVES) {
      s.emulator.ws.clock.set(at);
      reminders(s);
      reminders(s);
    }
    const june = s.emulator.mail.to(JUNE);
    expect(june).toHaveLength(2);
    for (const m of june) {
      expect(m.to).toEqual([JUNE]);
      expect(text(m)).toContain('Amy');
      // Ben is listed with Pat only, not with Xavier who answered: never named to June.
      expect(text(m)).not.toMatch(/Ben|Baker/);
    }
    // The family's own reminders are as before: Pat and Xavier once per reminder time.
    expect(s.emulator.mail.to(XAVIER)).toHaveLength(2);
    for (const m of s.emulator.mail.sent) expect(m.to).toHaveLength(1);
  });

  it('writes to a Spanish family’s stand-in in Spanish, apart from their own family’s reminder', () => {
    const s = scheduledWithStandIns();
    s.emulator.ws.clock.set(WAVES[0]!);
    reminders(s);
    const pat = s.emulator.mail.to(PAT);
    // Pat's own family's reminder (Amy and Ben), and Rosa's family's, in Spanish, naming Lía.
    expect(pat).toHaveLength(2);
    const asStandIn = pat.find((m) => /Lía/.test(text(m)))!;
    expect(asStandIn.subject).toMatch(/^Recordatorio: /);
    expect(asStandIn.body).toContain('Les recordamos la conferencia que Lía López dirigirá');
    expect(text(asStandIn)).not.toMatch(/Amy|Ben|Adams|Baker/);
    const own = pat.find((m) => m !== asStandIn)!;
    expect(text(own)).not.toMatch(/Lía|López/);
  });

  it('stops when the family clears the address, and never writes to one that is not an address', () => {
    const s = scheduledWithStandIns();
    s.emulator.ws.clock.set(WAVES[0]!);
    reminders(s);
    expect(s.emulator.mail.to(JUNE)).toHaveLength(1);
    const sheet = s.emulator.spreadsheet.sheetByName('Availability')!;
    const header = sheet.values()[0]!.map(String);
    const column = header.indexOf('Who Comes Email') + 1;
    const rows = sheet.values();
    const juneRow = rows.findIndex((r) => r[column - 1] === JUNE) + 1;
    const patRow = rows.findIndex((r) => r[column - 1] === PAT) + 1;
    sheet.patch(juneRow, column, { v: '' });
    sheet.patch(patRow, column, { v: 'pat at adams' });
    const before = s.emulator.mail.sent.length;
    s.emulator.ws.clock.set(WAVES[1]!);
    const progress = reminders(s);
    const second = s.emulator.mail.sent.slice(before);
    expect(second.map((m) => m.to[0])).not.toContain(JUNE);
    // Lía's 2-hour reminder goes to Rosa alone: the address that is not one is never tried.
    expect(second.filter((m) => /Lía/.test(text(m))).map((m) => m.to[0])).toEqual([ROSA]);
    const letter = String.fromCharCode(64 + column);
    expect(progress.problems).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining(
          `Availability, row ${patRow}, column ${letter} (Who Comes Email): "pat at adams" is not an email address`,
        ),
      }),
    );
  });

  /**
   * An uninterrupted run's outbox, then one run per service call with that call faulted (on a
   * copy of one scheduled school) and re-run to its end; `check` judges each outbox.
   */
  function faultRuns(
    kind: 'kill' | 'throw',
    check: (got: SentMessage[], expected: string[], at: string) => void,
  ): Set<string> {
    const template = scheduledWithStandIns();
    const clean = copyWithDocument(template);
    clean.emulator.ws.clock.set(WAVES[0]!);
    const before = clean.emulator.ws.callCount;
    reminders(clean);
    const calls = clean.emulator.ws.callCount - before;
    const expected = clean.emulator.mail.sent.map(key).sort();
    expect(clean.emulator.mail.to(JUNE)).toHaveLength(1);
    const faulted = new Set<string>();
    for (let k = 0; k < calls; k++) {
      const s = copyWithDocument(template);
      s.emulator.ws.clock.set(WAVES[0]!);
      const run = () => s.bundle.callFromClient('runJob', ['reminders']);
      const call =
        kind === 'kill'
          ? cutOffAt(s.emulator.ws, k, run)
          : failAt(s.emulator.ws, k, `Injected failure at ${k}`, run);
      faulted.add(call);
      for (let i = 0; i < 3; i++) if (reminders(s).done) break;
      check(s.emulator.mail.sent, expected, `call ${k} (${call})`);
    }
    return faulted;
  }

  it('cut off at any service call of the run, a re-run sends the stand-in nothing twice', () => {
    const faulted = faultRuns('kill', (sent, expected) => {
      const got = sent.map(key);
      expect(new Set(got).size).toBe(got.length);
      for (const m of got) expect(expected).toContain(m);
      expect(sent.filter((m) => m.to[0] === JUNE).length).toBeLessThanOrEqual(1);
    });
    expect(faulted).toContain('MailApp.sendEmail');
  }, 300_000);

  it('a Google error at any service call of the run: a re-run sends exactly what an uninterrupted run sends, the stand-in’s included', () => {
    faultRuns('throw', (sent, expected, at) => {
      const got = sent.map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected))
        throw new Error(`failed at ${at}: ${got.length} messages, expected ${expected.length}`);
    });
  }, 300_000);
});

describe('the stand-in adult’s invitation', () => {
  it('is a hidden-list guest of the conferences of the children the answering guardian is listed with, invited once, and taken off when the family clears the answer', () => {
    const s = scheduledWithStandIns();
    runJob(s, 'invites');
    expect(guests(s, 'S1')).toContain(JUNE);
    expect(eventOf(s, 'S1').guestsCanSeeGuests).toBe(false);
    // Ben's event names Ben, whom Xavier (who answered) is not listed with.
    expect(guests(s, 'S2')).not.toContain(JUNE);
    // Rosa's stand-in is Pat: a guest of Lía's event, which names Lía only.
    expect(guests(s, 'S3')).toContain(PAT);
    const invitedJune = () =>
      s.emulator.calendar.invitations.filter((i) => i.to === JUNE && i.kind === 'invite');
    expect(invitedJune()).toHaveLength(1);
    // The stand-in is on no Roster row: no invitation shows their address to a guardian, nor
    // any guardian's to them (Google's creation-time invitation may list every guest).
    const lias = eventOf(s, 'S3').id;
    for (const i of s.emulator.calendar.invitations) {
      const standIns = i.eventId === lias ? [PAT] : [JUNE];
      if (standIns.includes(i.to)) expect(i.shows.filter((a) => a !== i.to)).toEqual([]);
      else for (const who of standIns) expect(i.shows).not.toContain(who);
    }
    // And the add-on's own email tells June, once.
    const toldJune = () => s.emulator.mail.sent.filter((m) => m.to.includes(JUNE)).length;
    expect(toldJune()).toBe(1);
    runJob(s, 'invites');
    expect(invitedJune()).toHaveLength(1);
    expect(toldJune()).toBe(1);

    const sheet = s.emulator.spreadsheet.sheetByName('Availability')!;
    const column = sheet.values()[0]!.map(String).indexOf('Who Comes Email') + 1;
    const juneRow = sheet.values().findIndex((r) => r[column - 1] === JUNE) + 1;
    sheet.patch(juneRow, column, { v: '' });
    runJob(s, 'invites');
    expect(guests(s, 'S1')).not.toContain(JUNE);
    expect(guests(s, 'S1')).toEqual(expect.arrayContaining([PAT, XAVIER]));
  });
});

describe('a stand-in on an Availability row typed or pasted with an Email only', () => {
  /** A row as a person types it: who answered, whom they name, no Family or Family ID. */
  function typed(s: School, answeredBy: string, who: string, email: string) {
    const sheet = s.emulator.spreadsheet.sheetByName('Availability')!;
    const row: Record<string, unknown> = {
      Email: answeredBy,
      'Who Comes': who,
      'Who Comes Email': email,
      Round: 'Fall',
    };
    sheet.appendRow(sheet.values()[0]!.map((h) => row[String(h)] ?? ''));
  }

  function typedSchool(): School {
    const s = pastedSchool(ROSTER, TEACHERS);
    run(s, 'schedule');
    typed(s, XAVIER, 'Grandma June', JUNE);
    typed(s, ROSA, 'Tío Juan', 'juan at tio');
    return s;
  }

  it('gets their reminder, alone on it, naming only the children listed with that Email, and a bad address is reported', () => {
    const s = typedSchool();
    s.emulator.ws.clock.set(WAVES[0]!);
    const progress = reminders(s);
    const june = s.emulator.mail.to(JUNE);
    expect(june).toHaveLength(1);
    expect(june[0]!.to).toEqual([JUNE]);
    expect(text(june[0]!)).toContain('Amy');
    expect(text(june[0]!)).not.toMatch(/Ben|Baker/);
    expect(progress.problems).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('"juan at tio" is not an email address'),
      }),
    );
  });

  it('is a guest of the event of the child listed with that Email, not of the other child’s', () => {
    const s = typedSchool();
    runJob(s, 'invites');
    expect(guests(s, 'S1')).toContain(JUNE);
    expect(guests(s, 'S2')).not.toContain(JUNE);
  });
});

/** Types an address after the others in the Emails cell of this student's Schedule row. */
function typeBeside(s: School, studentId: string, address: string): void {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const at = (h: string) => header!.map(String).indexOf(h);
  const i = rows.findIndex((r) => String(r[at('Student IDs')]).replace(/^'/, '') === studentId);
  type(s, i + 2, 'Emails', `${String(rows[i]![at('Emails')])}; ${address}`);
}

describe('the stand-in typed in the family’s Emails cell on the Schedule', () => {
  it('is reached as the stand-in, and not warned of as an address the Roster does not list', () => {
    const s = scheduledWithStandIns();
    typeBeside(s, 'S1', JUNE);
    const told = (p: JobProgress[]) => p.flatMap((x) => x.problems.map((q) => q.message));
    const invites = runJob(s, 'invites');
    expect(guests(s, 'S1')).toContain(JUNE);
    s.emulator.ws.clock.set(WAVES[0]!);
    const reminded = reminders(s);
    expect(s.emulator.mail.to(JUNE).filter((m) => /Amy/.test(text(m)))).not.toEqual([]);
    const overview = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const warned = [
      ...told(invites),
      ...told([reminded]),
      ...overview.steps.flatMap((x) => x.problems.map((q) => q.message)),
    ];
    expect(warned.filter((m) => m.includes(JUNE))).toEqual([]);
    // After the conferences, the questionnaire run says nothing of her either.
    run(s, 'forms');
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    markAttended(s);
    const asked = run(s, 'questionnaire');
    expect(asked.problems.map((p) => p.message).filter((m) => m.includes(JUNE))).toEqual([]);
  });

  it('but an address the family did not name, typed beside it, is warned of and reached by nothing', () => {
    const s = scheduledWithStandIns();
    typeBeside(s, 'S1', ROSA);
    const invites = runJob(s, 'invites');
    expect(guests(s, 'S1')).not.toContain(ROSA);
    expect(invites.flatMap((x) => x.problems.map((q) => q.message))).toContainEqual(
      expect.stringContaining(`${ROSA} is not on the Roster rows of Amy Adams: not invited.`),
    );
  });
});
