/**
 * Asking families when they can come, on the built bundle: each family gets one email with its
 * own availability link, in its language; the link it got is the one that records its answer.
 */
import { openSchool } from '../../preview/school';
import { markAttended, ok, opensPerRun, props, run } from './calls';
import { cutOffAt, failAt, lastCallBefore, nthCall } from './cut';
import type {
  Overview,
  Settings,
  StepState,
  TemplatePreview,
  TemplateView,
} from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

const TIMES = 'Which times suit you?';
const LINK = /https:\/\/docs\.google\.com\/forms\/\S+/;

const codeOf = (s: School, familyId: string) => props(s).get(`slc:family-code:${familyId}`);
const step = (s: School): StepState =>
  ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
    (x) => x.id === 'availability',
  )!;
/** The family code a link carries (its one prefilled entry). */
const codeIn = (link: string): string => {
  const entries = [...new URL(link).searchParams].filter(([k]) => k.startsWith('entry.'));
  expect(entries).toHaveLength(1);
  return entries[0]![1];
};
const count = (st: StepState, label: string) => st.counts.find((c) => c.label === label)?.value;

/**
 * The 27 families of the 40-student sample Roster (sample/school.ts), read off the sheet by
 * hand: siblings share a parent address (in any case, with stray spaces), a second guardian's
 * address is the family's too; "Español"/"es" is Spanish, "Arabic" Arabic, anything else or
 * nothing English. Each: its addresses, its language and its students' IDs.
 */
const FAMILIES: { emails: string[]; language: 'en' | 'es' | 'ar'; students: string[] }[] = (
  [
    ['ashley.thomas1', 'en', '10001'],
    ['sarah.johnson2', 'en', '10002'],
    ['chris.carter3 carter.home3', 'en', '10003'],
    ['guadalupe.diaz4 diaz.home4', 'es', '10004 10005'],
    ['miguel.sanchez5', 'es', '10006 10007'],
    ['parent.alhassan6', 'ar', '10008'],
    ['daniel.green7', 'en', '10009 10010'],
    ['jessica.davis8', 'en', '10011 10012 10013'],
    ['amanda.carter9', 'en', '10014'],
    ['sarah.harris10 harris.home10', 'en', '10015 10016'],
    ['daniel.thomas11', 'en', '10017'],
    ['ashley.brown12', 'en', '10018'],
    ['maria.perez13', 'es', '10019 10020'],
    ['matthew.brown14 brown.home14', 'en', '10021 10022'],
    ['chris.johnson15', 'en', '10023'],
    ['chris.nelson16', 'en', '10024 10025'],
    ['jessica.williams17', 'en', '10026'],
    ['michael.thomas18 thomas.home18', 'en', '10027 10028 10029'],
    ['parent.alhassan19', 'ar', '10030 10031'],
    ['michael.brown20 brown.home20', 'en', '10032'],
    ['sarah.young21', 'en', '10033'],
    ['amanda.walker22', 'en', '10034'],
    ['juan.rivera23', 'es', '10035'],
    ['parent.alhassan24', 'ar', '10036'],
    ['daniel.jackson25', 'en', '10037 10038'],
    ['miguel.castillo26 castillo.home26', 'es', '10039'],
    ['david.baker27 baker.home27', 'en', '10040'],
  ] as const
).map(([emails, language, students]) => ({
  emails: emails.split(' ').map((e) => `${e}@family.example`),
  language,
  students: students.split(' '),
}));

/** The family a link code belongs to, as the add-on keeps it (slc:family-code:<Family ID>). */
function familyOfCode(s: School, code: string): string | undefined {
  for (const [k, v] of props(s)) if (k.startsWith('slc:family-code:') && v === code) return k;
  return undefined;
}

/** The one request sent to exactly these addresses (throws when there is not exactly one). */
/** A family's request: one message per address, each to that address alone, all with one link. */
function requestTo(s: School, emails: string[]) {
  const mine = s.emulator.mail.sent.filter((m) => m.to.some((t) => emails.includes(t)));
  expect(mine).toHaveLength(emails.length);
  for (const m of mine) expect(m.to).toHaveLength(1);
  expect(mine.map((m) => m.to[0]).sort()).toEqual([...emails].sort());
  expect(new Set(mine.map((m) => LINK.exec(m.body)![0])).size).toBe(1);
  return mine[0]!;
}

/** Messages for these families: one per address. */
const addresses = (families: { emails: string[] }[]) =>
  families.reduce((n, f) => n + f.emails.length, 0);

function withForms(students = 40): School {
  const s = openSchool({ students });
  run(s, 'setup');
  run(s, 'forms');
  return s;
}

describe('asking families when they can come', () => {
  it('sends each address of a family with email one message, to that address only, carrying the family’s own link', () => {
    const s = withForms();
    expect(step(s).action).toEqual({ job: 'ask', label: 'Ask families when they can come (27)' });
    expect(run(s, 'ask').message).toBe(
      'Asked 27 families when they can come, each with its own link.',
    );
    expect(s.emulator.mail.sent).toHaveLength(addresses(FAMILIES));
    const codes = FAMILIES.map((f) => codeIn(LINK.exec(requestTo(s, f.emails).body)![0]));
    // Each link carries a code the add-on knows, a different one per family ...
    for (const code of codes) expect(familyOfCode(s, code)).toBeDefined();
    expect(new Set(codes).size).toBe(FAMILIES.length);
    // ... and nobody else's code is in a family's message.
    FAMILIES.forEach((f, n) => {
      const m = requestTo(s, f.emails);
      for (const other of codes.filter((_, o) => o !== n))
        expect(m.body + m.htmlBody).not.toContain(other);
    });
    expect(count(step(s), 'families asked when they can come')).toBe(27);
  });

  it('asking every family opens the spreadsheet once a run', () => {
    const s = withForms();
    const before = s.emulator.ws.reports.length;
    run(s, 'ask');
    expect(s.emulator.mail.sent).toHaveLength(addresses(FAMILIES));
    const opens = opensPerRun(s, before);
    expect(opens.length).toBeGreaterThan(0);
    expect(opens).toEqual(opens.map(() => 1));
  });

  it('reaches Spanish-speaking families in Spanish, the others in English', () => {
    const s = withForms();
    run(s, 'ask');
    const subjects = (language: string) =>
      FAMILIES.filter((f) => f.language === language).map((f) => requestTo(s, f.emails).subject);
    expect(subjects('es')).toHaveLength(5);
    for (const subject of subjects('es'))
      expect(subject).toMatch(
        /^¿Cuándo pueden venir a (la conferencia que dirigirá|las conferencias que dirigirán) /,
      );
    expect(subjects('en')).toHaveLength(19);
    for (const subject of subjects('en'))
      expect(subject).toMatch(/^When can you come to the conferences? .+ will lead\?$/);
  });

  it('the link in the email records the answer under that family', () => {
    const s = withForms();
    run(s, 'ask');
    const message = requestTo(s, FAMILIES[0]!.emails);
    const link = LINK.exec(message.body)![0];
    const id = familyOfCode(s, codeIn(link))!.slice('slc:family-code:'.length);
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { choices: { label: string }[] };
    };
    s.emulator.forms.submitPrefilled(link, {
      [`${TIMES} [${forms.availability.choices[0]!.label}]`]: '1st choice',
    });
    const [header = [], ...body] = s.emulator.spreadsheet.sheetByName('Availability')!.values();
    const mine = body.filter((r) => r[header.indexOf('Family ID')] === id);
    expect(mine.map((r) => r[header.indexOf('Rank')])).toEqual([1]);
  });

  it('asks nobody twice, and not a family that has already answered', () => {
    const s = withForms();
    const codes = [...props(s)].filter(([k]) => k.startsWith('slc:family-code:'));
    expect(codes).toHaveLength(FAMILIES.length);
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { linkTemplate: string; choices: { label: string }[] };
    };
    // One family answers before being asked (the form's link, given out at school).
    s.emulator.forms.submitPrefilled(
      forms.availability.linkTemplate.replace('0000000000000000000000000000c0de', codes[0]![1]),
      { [`${TIMES} [${forms.availability.choices[0]!.label}]`]: '1st choice' },
    );
    const first = run(s, 'ask');
    const sent = s.emulator.mail.sent;
    expect(sent).toHaveLength(addresses(FAMILIES) - FAMILIES[0]!.emails.length);
    expect(first.processed).toBe(FAMILIES.length - 1);
    const asked = FAMILIES.filter((f) => sent.some((m) => m.to.some((t) => f.emails.includes(t))));
    expect(asked).toHaveLength(FAMILIES.length - 1);
    // The one not asked is the one that answered: its code is in no message.
    for (const f of asked) expect(requestTo(s, f.emails).body).not.toContain(codes[0]![1]);
    expect(run(s, 'ask').message).toBe(
      'Every family with an email address has been asked or has answered.',
    );
    expect(s.emulator.mail.sent).toHaveLength(addresses(FAMILIES) - FAMILIES[0]!.emails.length);
    expect(step(s).action?.job).toBe('forms');
  });

  it('a family with a phone and no email is not emailed but counted to phone, gets no invitation but a printed letter and a place on the phone list', () => {
    const s = withForms();
    const sheet = s.emulator.spreadsheet.sheetByName('Roster')!;
    const header = sheet.values()[0]!.map(String);
    // The Thomas family of student 10001 (one child, one address, Roster row 2).
    const family = FAMILIES[0]!;
    expect(family.students).toEqual(['10001']);
    expect(String(sheet.values()[1]![header.indexOf('Student ID')])).toBe('10001');
    // The school's export has a Phone column; this family gave a number and no address.
    sheet.put(1, header.length + 1, { v: 'Phone' });
    for (const h of ['Parent Email', 'Guardian 2 Email'])
      sheet.put(2, header.indexOf(h) + 1, { v: '' });
    sheet.put(2, header.length + 1, { v: '(555) 010-0142' });
    const roster = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'roster',
    )!;
    expect(roster.problems.some((p) => p.severity === 'error')).toBe(false);
    // Not a problem to fix: the Roster step counts the family and says how it is reached.
    expect(roster.problems).toEqual([]);
    expect(count(roster, 'families by letter and phone')).toBe(1);
    expect(roster.next).toContain(
      '1 family without email gets a printed letter (Letters sheet) and is on the phone list',
    );
    expect(count(step(s), 'families without email (to phone)')).toBe(1);
    expect(step(s).next).toContain(
      'Phone the 1 family without email that has not answered (the phone list, Letters sheet)',
    );
    run(s, 'ask');
    // Asked by email, the others; the family without email is still to phone.
    expect(step(s).next).toContain('Phone the 1 family without email that has not answered');
    expect(s.emulator.mail.sent.some((m) => m.to.some((t) => family.emails.includes(t)))).toBe(
      false,
    );

    // Scheduled like everyone; invited by letter, not by Calendar.
    run(s, 'schedule');
    const [sh = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    // Their conference: the only one without an address.
    const theirs = rows.filter((r) => String(r[sh.indexOf('Emails')]) === '');
    expect(theirs).toHaveLength(1);
    expect(String(theirs[0]![sh.indexOf('Student IDs')])).toContain('10001');
    const invites = run(s, 'invites');
    expect(invites.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const invitesStep = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'invites',
    )!;
    expect(count(invitesStep, 'conferences by letter (no email)')).toBe(1);
    expect(invitesStep.status).toBe('done');
    expect(s.emulator.calendar.events()).toHaveLength(rows.length - 1);
    s.emulator.ws.clock.set(Date.UTC(2026, 10, 16, 17, 0));
    run(s, 'reminders');
    const letters = s.emulator.spreadsheet
      .sheetByName('Letters')!
      .values()
      .map((r) => r.join(' '))
      .join('\n');
    expect(letters).toContain('(555) 010-0142');
  });

  it('gives a family added to the Roster after the forms were made its own code and link', () => {
    const s = withForms();
    const sheet = s.emulator.spreadsheet.sheetByName('Roster')!;
    const [header = [], first = []] = sheet.values();
    const col = (h: string) => header.map(String).indexOf(h);
    const added = [...first];
    added[col('Student ID')] = 'NEW-1';
    added[col('Student Name')] = 'Newcomer, Sam';
    added[col('Parent Email')] = 'newcomer@example.org';
    added[col('Guardian 2 Email')] = '';
    const row = sheet.values().length + 1;
    added.forEach((v, c) => sheet.put(row, c + 1, { v }));
    const codesBefore = new Set(
      [...props(s)].filter(([k]) => k.startsWith('slc:family-code:')).map(([, v]) => v),
    );
    expect(codesBefore.size).toBe(FAMILIES.length);
    run(s, 'ask');
    const code = codeIn(LINK.exec(requestTo(s, ['newcomer@example.org']).body)![0]);
    expect(code).toMatch(/^c[0-9a-f]{31}$/);
    expect(codesBefore.has(code)).toBe(false);
    expect(familyOfCode(s, code)).toBeDefined();
  });

  it('the Templates panel previews the request on a real family with that family’s own link', () => {
    const s = withForms();
    run(s, 'schedule');
    const view = ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['availability', 'es']));
    expect(view.source).toBe('built-in');
    const family = view.families[0]!;
    const preview = ok<TemplatePreview>(
      s.bundle.callFromClient('previewTemplate', [
        'availability',
        'es',
        view.template,
        family.conferenceId,
      ]),
    );
    expect(preview.subject).toMatch(/^¿Cuándo pueden venir/);
    const [header = [], ...body] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const familyId = String(
      body.find((r) => r[header.indexOf('Conference ID')] === family.conferenceId)![
        header.indexOf('Family ID')
      ],
    );
    expect(LINK.exec(preview.text)![0]).toContain(codeOf(s, familyId));
  });

  it('keeps a hostile family name as text: escaped in the HTML, one line in the subject', () => {
    const s = withForms();
    const sheet = s.emulator.spreadsheet.sheetByName('Roster')!;
    const header = sheet.values()[0]!.map(String);
    const hostile = '<script>alert(1)</script>\nBcc: x@evil.example';
    sheet.put(2, header.indexOf('Student Name') + 1, { v: `${hostile}, Ana` });
    run(s, 'ask');
    for (const m of s.emulator.mail.sent) {
      expect(m.htmlBody).not.toContain('<script>');
      expect(m.subject).not.toMatch(/[\r\n]/);
    }
    expect(s.emulator.mail.sent.some((m) => m.htmlBody.includes('&lt;script&gt;'))).toBe(true);
  });

  it('stops at Google’s daily email limit and finishes the next day, each family once', () => {
    const s = withForms();
    const quota = s.emulator.ws.quota;
    quota.take(
      'mailRecipientsPerDay',
      quota.remaining('mailRecipientsPerDay') - 5,
      'used by something else',
    );
    const first = run(s, 'ask');
    expect(first.message).toContain("Google's daily email limit is reached");
    expect(first.message).toContain('24 hours after the first request');
    const today = s.emulator.mail.sent.length;
    expect(today).toBeGreaterThan(0);
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 24 * 3600_000);
    run(s, 'ask');
    const recipients = s.emulator.mail.sent.map((m) => m.to.join());
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.length).toBe(addresses(FAMILIES));
  });

  it('a passing Google error while writing the journal between two addresses of one family sends neither address twice', () => {
    const probe = withForms(20);
    const start = probe.emulator.ws.callCount;
    run(probe, 'ask');
    // The first family with two addresses in the fixture: its second address's journal write.
    const two = FAMILIES.slice(0, 13).find((f) => f.emails.length === 2)!;
    const n = probe.emulator.mail.sent.findIndex((m) => two.emails.includes(m.to[0]!)) + 2;
    // The journal is written just before each email: the last write before the n-th email.
    const send = nthCall(probe.emulator.ws, 'MailApp.sendEmail', n, start);
    const journal = lastCallBefore(
      probe.emulator.ws,
      'PropertiesService.Properties.setProperty',
      send,
      start,
    );

    const s = withForms(20);
    const at = s.emulator.ws.callCount;
    expect(
      failAt(s.emulator.ws, journal - start, 'Service error: Properties', () =>
        s.bundle.callFromClient('runJob', ['ask']),
      ),
    ).toBe('PropertiesService.Properties.setProperty');
    // The family's first address was emailed before the failure, its second was not.
    const before = s.emulator.mail.sent.map((m) => m.to[0]!);
    expect(before.filter((a) => two.emails.includes(a))).toHaveLength(1);
    expect(s.emulator.ws.callCount).toBeGreaterThan(at);
    run(s, 'ask');
    const all = s.emulator.mail.sent.map((m) => m.to[0]!);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((a) => two.emails.includes(a)).sort()).toEqual([...two.emails].sort());
    expect(all.sort()).toEqual(
      FAMILIES.slice(0, 13)
        .flatMap((f) => f.emails)
        .sort(),
    );
  });

  it('cut off at any service call, asks each family at most once; one being sent at the cut is listed with its link, and sent again when the person says it never came', () => {
    const probe = withForms(20);
    const start = probe.emulator.ws.callCount;
    run(probe, 'ask');
    const total = probe.emulator.ws.callCount - start;
    const everyone = probe.emulator.mail.sent.length;
    // The 20-student Roster is the first 20 rows of the 40-student one: its first 13 families.
    // One message per address, each to that address alone.
    const due = FAMILIES.slice(0, 13).flatMap((f) => f.emails);
    for (const m of probe.emulator.mail.sent) expect(m.to).toHaveLength(1);
    expect(probe.emulator.mail.sent.map((m) => m.to[0]!).sort()).toEqual([...due].sort());
    let cutWhileSending = 0;
    let cutBetweenAddresses = 0;
    for (let k = 0; k < total; k++) {
      const s = withForms(20);
      cutOffAt(s.emulator.ws, k, () => s.bundle.callFromClient('runJob', ['ask']));
      run(s, 'ask');
      const recipients = s.emulator.mail.sent.map((m) => m.to.join());
      expect(new Set(recipients).size).toBe(recipients.length);
      for (const r of recipients) expect(due).toContain(r);
      const unsure = step(s).problems.filter((p) => p.message.includes('may not have gone out'));
      // Everyone is asked, except perhaps the one family whose email was leaving at the cut.
      expect(recipients.length + unsure.length).toBeGreaterThanOrEqual(everyone);
      expect(unsure.length).toBeLessThanOrEqual(1);
      for (const p of unsure) expect(p.message).toMatch(LINK);
      cutWhileSending += unsure.length;
      // Cut between a family's addresses: the one in doubt is named, so the person asks about
      // that address (the family's other addresses surely have theirs).
      const missing = due.filter((a) => !recipients.includes(a));
      const family = FAMILIES.find((f) => f.emails.includes(missing[0] ?? ''));
      if (unsure.length && missing.length === 1 && family && family.emails.length > 1) {
        const others = family.emails.filter((a) => a !== missing[0]);
        if (others.every((a) => recipients.includes(a))) {
          expect(unsure[0]!.message).toContain(`to ${missing[0]} may not have gone out`);
          cutBetweenAddresses++;
        }
      }
      if (unsure.length === 0) continue;
      // The person asks the family; when the email never came, the step sends it again.
      expect(step(s).more).toContainEqual({
        job: 'ask-again',
        label: 'Send the request again (1 not confirmed)',
      });
      if (recipients.length < everyone) {
        run(s, 'ask-again');
        const after = s.emulator.mail.sent.map((m) => m.to.join());
        expect(new Set(after).size).toBe(everyone);
        expect(after).toHaveLength(everyone);
        expect(step(s).problems.filter((p) => p.message.includes('may not have gone out'))).toEqual(
          [],
        );
      }
    }
    // Some cuts fell on a send, and some on a family's second address: the cases a person has
    // to check did happen.
    expect(cutWhileSending).toBeGreaterThan(0);
    expect(cutBetweenAddresses).toBeGreaterThan(0);
  });
});

describe('the texts a school edits and the translations it keeps reach every message', () => {
  it('invitations and the questionnaire use the edited English text, and families in a translated language get the translation', () => {
    const s = withForms(60);
    const edited = {
      subject: 'Conference for {{students}} with {{teacher}} ({{date}})',
      body: 'Dear {{family}} family, see you on {{date}} at {{time}} in {{where}}. {{school}}',
    };
    ok(s.bundle.callFromClient('saveTemplate', ['invite', 'en', edited]));
    ok(
      s.bundle.callFromClient('saveTemplate', [
        'questionnaire',
        'en',
        {
          subject: 'Tell us about {{students}}’s conference',
          body: 'Dear {{family}} family: {{link}}',
        },
      ]),
    );
    run(s, 'schedule');
    run(s, 'invites');
    const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const language = (r: unknown[]) => String(r[header.indexOf('Language')]);
    const events = s.emulator.calendar.events();
    const titleOf = (r: unknown[]) =>
      events.find((e) => e.tags['slc-conference'] === r[header.indexOf('Conference ID')])?.title ??
      '';
    const english = rows.filter((r) => language(r) === '' || language(r) === 'English');
    const arabic = rows.filter((r) => language(r) === 'Arabic');
    expect(english.length).toBeGreaterThan(0);
    expect(arabic.length).toBeGreaterThan(0);
    for (const r of english) expect(titleOf(r)).toMatch(/^Conference for .+ with /);
    // The translator's stand-in marks its work: Arabic families get the translation, not English.
    for (const r of arabic) expect(titleOf(r)).toMatch(/^\[ar\] /);

    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    markAttended(s);
    run(s, 'questionnaire');
    const subjects = s.emulator.mail.sent
      .filter((m) => m.sentAt >= '2026-12')
      .map((m) => m.subject);
    expect(subjects.some((x) => x.startsWith('Tell us about '))).toBe(true);
    expect(subjects.some((x) => x.startsWith('[ar] '))).toBe(true);
    expect(subjects.some((x) => x.startsWith('How did the conference'))).toBe(false);
    // Each language kept in its own document property (a value may hold 9 KB).
    expect([...props(s).keys()].filter((k) => k.startsWith('slc:templates:')).sort()).toEqual(
      expect.arrayContaining(['slc:templates:ar', 'slc:templates:en']),
    );
  });

  it('texts kept by an earlier version in one property are still used, and moved to one property per language on the next save', () => {
    const s = withForms();
    const reminder = {
      subject: 'Soon: {{students}} with {{teacher}}',
      body: 'Dear {{family}} family, {{date}} {{time}}, {{where}}.',
    };
    props(s).set(
      'slc:templates',
      JSON.stringify({
        en: { reminder },
        vi: { reminder: { subject: '[vi] {{students}}', body: '[vi] {{family}}' } },
      }),
    );
    expect(
      ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'en'])).template,
    ).toEqual(reminder);
    ok(
      s.bundle.callFromClient('saveTemplate', [
        'invite',
        'en',
        { subject: 'Invitation for {{students}}', body: 'Dear {{family}} family, {{date}}.' },
      ]),
    );
    expect(props(s).has('slc:templates')).toBe(false);
    expect(JSON.parse(props(s).get('slc:templates:en')!)).toMatchObject({
      reminder,
      invite: { subject: 'Invitation for {{students}}' },
    });
    expect(JSON.parse(props(s).get('slc:templates:vi')!)).toMatchObject({
      reminder: { subject: '[vi] {{students}}' },
    });
    expect(
      ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'en'])).source,
    ).toBe('edited');
  });

  it('in the next round, every family is asked again', () => {
    const s = withForms();
    run(s, 'ask');
    const first = s.emulator.mail.sent.length;
    const asked = FAMILIES.length;
    const view = ok<{ settings: Settings }>(s.bundle.callFromClient('getSettings', []));
    ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, roundName: 'Spring' }]));
    // The new round's questionnaire first (the step offers it), then the request again.
    expect(step(s).action?.job).toBe('forms');
    run(s, 'forms');
    expect(step(s).action).toEqual({
      job: 'ask',
      label: `Ask families when they can come (${asked})`,
    });
    run(s, 'ask');
    expect(s.emulator.mail.sent).toHaveLength(2 * first);
    run(s, 'ask');
    expect(s.emulator.mail.sent).toHaveLength(2 * first);
  });
});

describe('a machine-translated language, for one child and for several', () => {
  it('asks an Arabic family of two in the wording for several children, and a family of one in the wording for one', () => {
    const s = withForms();
    run(s, 'ask');
    const arabic = FAMILIES.filter((f) => f.language === 'ar');
    const two = arabic.find((f) => f.students.length === 2)!;
    const one = arabic.find((f) => f.students.length === 1)!;
    // The English text: "{{students}} {{shares|share}} work and reflections".
    const twoBody = requestTo(s, two.emails).body;
    expect(twoBody).toContain('[ar]');
    expect(twoBody).toMatch(/ share work and reflections/);
    expect(twoBody).not.toMatch(/ shares work/);
    const oneBody = requestTo(s, one.emails).body;
    expect(oneBody).toContain('[ar]');
    expect(oneBody).toMatch(/ shares work and reflections/);
  });
});

describe('a translation stored before each count had its own', () => {
  /** The Arabic texts as an earlier version kept them: the one-child wording only. */
  function oneWordingOnly(): Record<string, { subject: string; body: string }> {
    const earlier = withForms();
    run(earlier, 'ask');
    const set = JSON.parse(props(earlier).get('slc:templates:ar')!) as Record<string, unknown>;
    for (const t of Object.values(set)) if (typeof t === 'object') delete (t as never)['several'];
    return set as never;
  }
  const arabic = FAMILIES.filter((f) => f.language === 'ar');
  const two = arabic.find((f) => f.students.length === 2)!;

  it('is translated again once, so a family of two reads the wording for several children', () => {
    const old = oneWordingOnly();
    const s = withForms();
    props(s).set('slc:templates:ar', JSON.stringify(old));
    run(s, 'ask');
    expect(requestTo(s, two.emails).body).toMatch(/ share work and reflections/);
    expect(JSON.parse(props(s).get('slc:templates:ar')!).availability.several.body).toContain(
      'share work',
    );
  });

  it('is kept for every count when a person corrected it', () => {
    const old = oneWordingOnly();
    old.availability!.body = old.availability!.body.replace('[ar]', '[ar] (corrected)');
    const s = withForms();
    props(s).set('slc:templates:ar', JSON.stringify(old));
    run(s, 'ask');
    expect(requestTo(s, two.emails).body).toContain('[ar] (corrected)');
  });
});
