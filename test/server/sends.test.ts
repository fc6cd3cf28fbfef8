/**
 * Who each email goes to and what it may say, on the built bundle, with a small roster written
 * by hand so every expected value below is read off the fixture:
 *
 * - Family F1 (Family ID) holds Amy Adams and Ben and Bo Baker (so the family is "Baker", the
 *   most common surname). Pat Adams is on every row; Xavier Cole only on Amy's: Xavier's
 *   messages name Amy, never Ben or Bo, and greet the Adams family.
 * - Casey (a caseworker, case@agency.example) is on the rows of Cara Brown (F2) and Dan Diaz
 *   (F3), unrelated families: each of Casey's messages names one child, and Bo Brown's and Di
 *   Diaz's messages never name the other family's child.
 * - Each teacher has one window, so the times are fixed: Cara 14:00, Amy 15:00, Ben 15:40 and Bo
 *   16:10 on 2026-11-17, Dan 15:00 on 2026-11-18 (EST).
 *
 * Every message has exactly one recipient.
 */
import type { openSchool } from '../../preview/school';
import { EST, markAttended, ok, pastedSchool, ROSTER_HEADER, props, run } from './calls';
import type { JobProgress, Overview, StepState } from '../../src/shared/api';
import type { SentMessage } from '../../emulator/mail';

type School = ReturnType<typeof openSchool>;

const PAT = 'pat@adams.example';
const XAVIER = 'x@cole.example';
const BO = 'bo@brown.example';
const DI = 'di@diaz.example';
const CASEY = 'case@agency.example';

const ROSTER = [
  ROSTER_HEADER,
  ['S1', 'Amy', 'Adams', '3', 'Ms. Rivera', 'F1', 'Pat Adams', PAT, 'Xavier Cole', XAVIER, 'en'],
  ['S2', 'Ben', 'Baker', '5', 'Mr. Okafor', 'F1', 'Pat Adams', PAT, '', '', 'en'],
  ['S5', 'Bo', 'Baker', '1', 'Mr. Okafor', 'F1', 'Pat Adams', PAT, '', '', 'en'],
  ['S3', 'Cara', 'Brown', '4', 'Ms. Chen', 'F2', 'Bo Brown', BO, 'Casey Worker', CASEY, 'en'],
  ['S4', 'Dan', 'Diaz', '2', 'Mr. Haddad', 'F3', 'Di Diaz', DI, 'Casey Worker', CASEY, 'en'],
];

const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ['Ms. Rivera', 'rivera@lincoln.school.example', '2026-11-17', '15:00', '15:25', '101', '1'],
  ['Mr. Okafor', 'okafor@lincoln.school.example', '2026-11-17', '15:40', '16:35', '102', '1'],
  ['Ms. Chen', 'chen@lincoln.school.example', '2026-11-17', '14:00', '14:25', '103', '1'],
  ['Mr. Haddad', 'haddad@lincoln.school.example', '2026-11-18', '15:00', '15:25', '104', '1'],
];

function school(quotaReset?: 'pacific-midnight'): School {
  return pastedSchool(ROSTER, TEACHERS, quotaReset ? { quotaReset } : {});
}

function scheduled(quotaReset?: 'pacific-midnight'): School {
  const s = school(quotaReset);
  run(s, 'schedule');
  return s;
}

const text = (m: SentMessage) => `${m.subject}\n${m.body}\n${m.htmlBody}`;
const to = (s: School, address: string) => s.emulator.mail.to(address);
const sentSince = (s: School, from: number) => s.emulator.mail.sent.slice(from);

/** The Schedule's Reminders Sent cell of the conference of this student. */
function remindersSent(s: School, studentId: string): string {
  const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const ids = header!.indexOf('Student IDs');
  const sent = header!.indexOf('Reminders Sent');
  const row = rows.find((r) => String(r[ids]).replace(/^'/, '') === studentId)!;
  return String(row[sent]);
}

function reminders(s: School): JobProgress {
  return ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
}

function step(s: School, id: string): StepState {
  return ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find((x) => x.id === id)!;
}
const count = (st: StepState, label: string) => st.counts.find((c) => c.label === label)?.value;

/** Spends the rest of today's email recipients. */
function spendQuota(s: School): void {
  const q = s.emulator.ws.quota;
  q.take('mailRecipientsPerDay', q.remaining('mailRecipientsPerDay'), 'test');
}

describe('one recipient per email, naming only the children listed with that recipient', () => {
  it('reminders: a guardian on one child’s row hears of that child only; a caseworker gets one message per child, naming that child only', () => {
    const s = scheduled();
    // 2026-11-16 16:00: F1 and F2 (the 17th) and F3 (the 18th, 47 h away) are in the 48-hour window.
    s.emulator.ws.clock.set(EST('2026-11-16', '16:00'));
    reminders(s);
    const sent = s.emulator.mail.sent;
    for (const m of sent) expect(m.to).toHaveLength(1);
    // Pat (F1, both rows), Xavier (F1, Amy), Bo (F2), Casey for F2, Di (F3), Casey for F3.
    expect(sent.map((m) => m.to[0]).sort()).toEqual([BO, CASEY, CASEY, DI, PAT, XAVIER].sort());

    const [x] = to(s, XAVIER);
    expect(text(x!)).toContain('Amy');
    expect(text(x!)).not.toMatch(/Ben|Bo\b|Baker/);
    expect(x!.body).toContain('Dear Adams family');

    const [pat] = to(s, PAT);
    expect(pat!.body).toContain('Amy Adams');
    expect(pat!.body).toContain('Ben Baker');
    expect(pat!.body).toContain('Bo Baker');
    expect(pat!.body).toContain('Dear Adams and Baker family');

    const casey = to(s, CASEY);
    expect(casey).toHaveLength(2);
    const aboutCara = casey.find((m) => m.body.includes('Cara'))!;
    const aboutDan = casey.find((m) => m.body.includes('Dan'))!;
    expect(aboutCara.body).toContain('Dear Brown family');
    expect(text(aboutCara)).not.toMatch(/Dan|Diaz/);
    expect(aboutDan.body).toContain('Dear Diaz family');
    expect(text(aboutDan)).not.toMatch(/Cara|Brown/);
    for (const m of to(s, BO)) expect(text(m)).not.toMatch(/Dan|Diaz/);
    for (const m of to(s, DI)) expect(text(m)).not.toMatch(/Cara|Brown/);
    // Every address of a row reminded: the cell reads as one entry, as before.
    expect(remindersSent(s, 'S1')).toMatch(/^48h 2026-11-16 16:00$/);
  });

  it('the request for availability and the questionnaire follow the same rule', () => {
    const s = school();
    run(s, 'forms');
    run(s, 'ask');
    const asked = s.emulator.mail.sent;
    for (const m of asked) expect(m.to).toHaveLength(1);
    expect(asked.map((m) => m.to[0]).sort()).toEqual([BO, CASEY, CASEY, DI, PAT, XAVIER].sort());
    const [x] = to(s, XAVIER);
    expect(text(x!)).toContain('Amy');
    expect(text(x!)).not.toMatch(/Ben|Bo\b|Baker/);
    expect(x!.body).toContain('Dear Adams family');
    expect(to(s, PAT)[0]!.body).toContain('Amy, Ben and Bo');
    const casey = to(s, CASEY);
    expect(casey.filter((m) => /Cara/.test(text(m)) && !/Dan|Diaz/.test(text(m)))).toHaveLength(1);
    expect(casey.filter((m) => /Dan/.test(text(m)) && !/Cara|Brown/.test(text(m)))).toHaveLength(1);
    // Each family is marked asked once, whatever its number of addresses (the add-on keeps a
    // school's Family ID as "F-" and the ID).
    for (const id of ['F-F1', 'F-F2', 'F-F3'])
      expect(props(s).get(`slc:asked:${id}`)).toMatch(/^Fall · 2026-11-02 \d\d:\d\d$/);

    run(s, 'schedule');
    markAttended(s);
    // After every conference: each address gets the links of its own children's conferences only.
    s.emulator.ws.clock.set(EST('2026-11-19', '09:00'));
    const before = s.emulator.mail.sent.length;
    run(s, 'questionnaire');
    const sent = sentSince(s, before);
    for (const m of sent) expect(m.to).toHaveLength(1);
    expect(sent.map((m) => m.to[0]).sort()).toEqual([BO, CASEY, CASEY, DI, PAT, XAVIER].sort());
    const [header, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const link = (id: string) =>
      String(
        rows.find((r) => String(r[header!.indexOf('Student IDs')]).replace(/^'/, '') === id)![
          header!.indexOf('Feedback Link')
        ],
      );
    const xq = sent.find((m) => m.to[0] === XAVIER)!;
    expect(xq.body).toContain(link('S1'));
    expect(xq.body).not.toContain(link('S2'));
    expect(xq.body).not.toContain(link('S5'));
    expect(text(xq)).not.toMatch(/Ben|Bo\b|Baker/);
    expect(xq.body).toContain('Dear Adams family');
    const pq = sent.find((m) => m.to[0] === PAT)!;
    expect(pq.body).toContain(link('S1'));
    expect(pq.body).toContain(link('S2'));
    expect(pq.body).toContain(link('S5'));
    const bq = sent.find((m) => m.to[0] === BO)!;
    expect(text(bq)).not.toMatch(/Dan|Diaz/);
    expect(bq.body).not.toContain(link('S4'));
  });
});

describe('the daily quota spent in the middle of the reminders', () => {
  it('loses nothing: what is left is marked waiting, the next run with quota sends it, and one whose window passed is reported missed', () => {
    // When the quota renews is not what this test is about: with it renewing at midnight Pacific
    // the days below read plainly (Google's own 24 hours after first use is the default and is
    // tested with the reminders' quota stop).
    const s = scheduled('pacific-midnight');
    // 2026-11-15 20:00: F2 (Cara 14:00) and F1 (Amy 15:00, Ben 15:40, Bo 16:10) are due their 48-hour
    // reminders, F2 first; F3 (the 18th) is not yet. One recipient left today.
    s.emulator.ws.clock.set(EST('2026-11-15', '20:00'));
    const q = s.emulator.ws.quota;
    q.take('mailRecipientsPerDay', q.remaining('mailRecipientsPerDay') - 1, 'test');
    const first = reminders(s);
    expect(first.message).toContain('daily email limit');
    expect(s.emulator.mail.sent.map((m) => m.to[0])).toEqual([BO]);
    expect(remindersSent(s, 'S3')).toBe(
      '48h 2026-11-15 20:00 to bo@brown.example; 48h waiting for quota since 2026-11-15 20:00',
    );
    expect(remindersSent(s, 'S1')).toBe('48h waiting for quota since 2026-11-15 20:00');
    expect(remindersSent(s, 'S2')).toBe('48h waiting for quota since 2026-11-15 20:00');
    expect(remindersSent(s, 'S5')).toBe('48h waiting for quota since 2026-11-15 20:00');
    expect(count(step(s, 'reminders'), 'waiting for quota')).toBe(4);

    // An hour later, still no quota: nothing sent, nothing lost, the same marks.
    s.emulator.ws.clock.set(EST('2026-11-15', '21:00'));
    expect(reminders(s).message).toContain('daily email limit');
    expect(s.emulator.mail.sent).toHaveLength(1);

    // After midnight Pacific, a new day's quota: Casey (F2), Pat and Xavier (F1), nobody twice.
    s.emulator.ws.clock.set(EST('2026-11-16', '04:00'));
    reminders(s);
    expect(
      s.emulator.mail.sent
        .slice(1)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([CASEY, PAT, XAVIER].sort());
    expect(remindersSent(s, 'S3')).toBe(
      '48h 2026-11-15 20:00 to bo@brown.example; 48h 2026-11-16 04:00 to case@agency.example',
    );
    expect(remindersSent(s, 'S1')).toBe('48h 2026-11-16 04:00');
    expect(count(step(s, 'reminders'), 'waiting for quota')).toBe(0);

    // 2026-11-16 16:00: F3's 48-hour reminder is due and the day's quota is spent again.
    s.emulator.ws.clock.set(EST('2026-11-16', '16:00'));
    spendQuota(s);
    reminders(s);
    expect(remindersSent(s, 'S4')).toBe('48h waiting for quota since 2026-11-16 16:00');
    const beforeMissed = s.emulator.mail.sent.length;

    // The next run with quota is at 13:30 on the 18th, inside Dan's 2-hour window: the 48-hour
    // one is reported missed (not sent late), the 2-hour one goes out to both addresses.
    s.emulator.ws.clock.set(EST('2026-11-18', '13:30'));
    reminders(s);
    const late = sentSince(s, beforeMissed);
    expect(late.map((m) => m.to[0]).sort()).toEqual([CASEY, DI].sort());
    expect(remindersSent(s, 'S4')).toBe(
      '48h missed: its time passed while it waited for the daily email quota; 2h 2026-11-18 13:30',
    );
    const st = step(s, 'reminders');
    expect(count(st, 'missed')).toBe(1);
    expect(st.problems.some((p) => p.message.includes('48 h reminder was not sent'))).toBe(true);
    // Nobody got the same reminder twice.
    const keys = s.emulator.mail.sent.map((m) => `${m.to[0]}|${m.subject}|${m.body}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('a message Google refuses among many', () => {
  it('is flagged on its row with the reason, the others are sent, the step counts it, and the next hourly run does not stop there', () => {
    const s = scheduled();
    s.emulator.ws.clock.set(EST('2026-11-16', '16:00'));
    // The first reminder of the run (Bo Brown's: F2 comes first) is refused as MailApp refuses
    // an address it cannot send to.
    s.emulator.ws.injectFault({
      method: 'MailApp.sendEmail',
      kind: 'throw',
      message: `Invalid email: ${BO}`,
    });
    const progress = reminders(s);
    expect(progress.done).toBe(true);
    expect(progress.message).toContain('1 reminder refused');
    // The five others went out.
    expect(s.emulator.mail.sent.map((m) => m.to[0]).sort()).toEqual(
      [CASEY, CASEY, DI, PAT, XAVIER].sort(),
    );
    expect(remindersSent(s, 'S3')).toBe(
      '48h refused to bo@brown.example: Invalid email: bo@brown.example; 48h 2026-11-16 16:00 to case@agency.example',
    );
    const st = step(s, 'reminders');
    expect(count(st, 'refused by Google')).toBe(1);
    expect(st.status).toBe('attention');
    expect(st.problems.some((p) => p.message.includes('Google refused the 48 h reminder'))).toBe(
      true,
    );
    // The next hourly run: nothing is tried again in this window, and it does not fail.
    s.emulator.ws.clock.set(EST('2026-11-16', '17:00'));
    expect(reminders(s).message).toBe('No reminder is due now.');
    expect(s.emulator.mail.sent).toHaveLength(5);
  });

  it('a body over MailApp’s size limit is refused by the emulator as by Google, and only that family’s messages are flagged', () => {
    const s = scheduled();
    // A Spanish text naming the child 400 times, and a child's name of 400 characters on the
    // Schedule: about 160 KB of text and as much HTML, over the 200 KB a message may hold.
    ok(
      s.bundle.callFromClient('saveTemplate', [
        'reminder',
        'es',
        { subject: 'Recordatorio: {{date}}', body: '{{students}}'.repeat(400) },
      ]),
    );
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [header, ...rows] = sheet.values();
    const row =
      rows.findIndex((r) => String(r[header!.indexOf('Student IDs')]).replace(/^'/, '') === 'S4') +
      2;
    sheet.patch(row, header!.indexOf('Language') + 1, { v: 'Spanish' });
    sheet.patch(row, header!.indexOf('Students') + 1, { v: `Dan ${'Alejandro '.repeat(40)}` });
    s.emulator.ws.clock.set(EST('2026-11-16', '16:00'));
    const progress = reminders(s);
    expect(progress.message).toContain('2 reminders refused');
    expect(s.emulator.mail.sent.map((m) => m.to[0]).sort()).toEqual(
      [BO, CASEY, PAT, XAVIER].sort(),
    );
    expect(remindersSent(s, 'S4')).toBe(
      '48h refused to di@diaz.example: Limit Exceeded: Email Body Size.; ' +
        '48h refused to case@agency.example: Limit Exceeded: Email Body Size.',
    );
  });

  it('the questionnaire and the request go on past a refused message too, and flag it', () => {
    const s = school();
    run(s, 'forms');
    s.emulator.ws.injectFault({
      method: 'MailApp.sendEmail',
      kind: 'throw',
      message: 'Limit Exceeded: Email Body Size.',
    });
    const asked = run(s, 'ask');
    expect(asked.done).toBe(true);
    expect(s.emulator.mail.sent).toHaveLength(5);
    const refused = step(s, 'availability').problems.filter((p) =>
      p.message.includes('Google refused the request'),
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain('Limit Exceeded: Email Body Size.');
    // Not asked again.
    run(s, 'ask');
    expect(s.emulator.mail.sent).toHaveLength(5);

    run(s, 'schedule');
    markAttended(s);
    s.emulator.ws.clock.set(EST('2026-11-19', '09:00'));
    s.emulator.ws.injectFault({
      method: 'MailApp.sendEmail',
      kind: 'throw',
      message: `Invalid email: ${BO}`,
    });
    const before = s.emulator.mail.sent.length;
    const q = run(s, 'questionnaire');
    expect(q.message).toContain('Google refused 1 message');
    expect(sentSince(s, before)).toHaveLength(5);
    const st = step(s, 'questionnaire');
    expect(count(st, 'questionnaires refused by Google')).toBe(1);
    expect(st.problems.some((p) => p.message.includes('did not reach everyone'))).toBe(true);
    // Sent again to nobody.
    run(s, 'questionnaire');
    expect(sentSince(s, before)).toHaveLength(5);
  });
});

describe('a note a person types while a send runs', () => {
  /** The Schedule's body rows (sheet row numbers), and a cell by header. */
  function schedule(s: School) {
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const header = sheet.values()[0]!.map(String);
    const column = (name: string) => header.indexOf(name) + 1;
    return {
      rows: sheet.values().length - 1,
      get: (row: number, name: string) => sheet.values()[row - 1]![column(name) - 1],
      type: (row: number, name: string, value: string) =>
        sheet.patch(row, column(name), { v: value }),
    };
  }

  // Row 3 lies between rows the run stamps (rows 2 and 4 onwards): its conference is cancelled
  // before the run, and its cell gets a coordinator's note while the first email goes out.
  const NOTE = 'phoned the family 11/16';

  it('reminders: the note in a cancelled conference’s Reminders Sent cell is kept, and the rows sent to are marked', () => {
    const s = scheduled();
    const sheet = schedule(s);
    expect(sheet.rows).toBe(5);
    sheet.type(3, 'Status', 'cancelled');
    s.emulator.ws.clock.set(EST('2026-11-16', '16:00'));
    const typed = s.emulator.ws.interruptAt('MailApp.sendEmail', 1, () =>
      sheet.type(3, 'Reminders Sent', NOTE),
    );
    reminders(s);
    expect(typed()).toBe(true);
    expect(sheet.get(3, 'Reminders Sent')).toBe(NOTE);
    for (const row of [2, 4, 5, 6])
      expect(String(sheet.get(row, 'Reminders Sent'))).toMatch(/^48h /);
  });

  it('questionnaire: the note in a cancelled conference’s Questionnaire Sent cell is kept, and the rows sent to are stamped', () => {
    const s = school();
    run(s, 'forms');
    run(s, 'schedule');
    markAttended(s);
    const sheet = schedule(s);
    expect(sheet.rows).toBe(5);
    sheet.type(3, 'Status', 'cancelled');
    s.emulator.ws.clock.set(EST('2026-11-19', '09:00'));
    const typed = s.emulator.ws.interruptAt('MailApp.sendEmail', 1, () =>
      sheet.type(3, 'Questionnaire Sent', NOTE),
    );
    run(s, 'questionnaire');
    expect(typed()).toBe(true);
    expect(sheet.get(3, 'Questionnaire Sent')).toBe(NOTE);
    for (const row of [2, 4, 5, 6])
      expect(sheet.get(row, 'Questionnaire Sent')).toBeInstanceOf(Date);
  });
});
