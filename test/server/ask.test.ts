/**
 * Asking families when they can come, on the built bundle: each family gets one email with its
 * own availability link, in its language; the link it got is the one that records its answer.
 */
import { openSchool } from '../../preview/school';
import { ok, props, run } from './calls';
import { cutOffAt } from './cut';
import { parseRoster } from '../../src/core/roster';
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
    (x) => x.id === 'questionnaire',
  )!;
const count = (st: StepState, label: string) => st.counts.find((c) => c.label === label)?.value;

/**
 * The Roster's families as the add-on groups them (by Family ID or shared addresses; the
 * grouping has its own tests): ID → addresses, language code and sheet rows.
 */
function families(s: School): Map<string, { emails: string[]; language: string; rows: number[] }> {
  const roster = parseRoster(s.emulator.spreadsheet.sheetByName('Roster')!.values(), null, {
    defaultLanguage: 'en',
  });
  return new Map(
    roster.families.map((f) => [
      f.id,
      {
        emails: [...new Set(f.contacts.map((c) => c.email).filter(Boolean))],
        language: f.language,
        rows: f.rows,
      },
    ]),
  );
}

function withForms(students = 40): School {
  const s = openSchool({ students });
  run(s, 'setup');
  run(s, 'forms');
  return s;
}

describe('asking families when they can come', () => {
  it('sends each family with email one message, to its own addresses only, carrying its own link', () => {
    const s = withForms();
    const roster = families(s);
    const reachable = [...roster].filter(([, f]) => f.emails.length > 0);
    expect(step(s).action).toEqual({
      job: 'ask',
      label: `Ask families when they can come (${reachable.length})`,
    });

    expect(run(s, 'ask').message).toBe(
      `Asked ${reachable.length} families when they can come, each with its own link.`,
    );
    const sent = s.emulator.mail.sent;
    expect(sent).toHaveLength(reachable.length);
    for (const [id, f] of reachable) {
      const mine = sent.filter((m) => m.to.some((t) => f.emails.includes(t)));
      expect(mine).toHaveLength(1);
      expect([...mine[0]!.to].sort()).toEqual([...f.emails].sort());
      const link = LINK.exec(mine[0]!.body)![0];
      expect(link).toContain(codeOf(s, id));
      // Nobody else's code is in it.
      for (const [other] of roster)
        if (other !== id && codeOf(s, other))
          expect(mine[0]!.body + mine[0]!.htmlBody).not.toContain(codeOf(s, other));
    }
    expect(count(step(s), 'families asked when they can come')).toBe(reachable.length);
  });

  it('reaches Spanish-speaking families in Spanish, the others in English', () => {
    const s = withForms(60);
    run(s, 'ask');
    const roster = [...families(s).values()];
    const spanish = s.emulator.mail.sent.filter((m) =>
      roster.some((f) => f.language === 'es' && f.emails.includes(m.to[0]!)),
    );
    const english = s.emulator.mail.sent.filter((m) =>
      roster.some((f) => (f.language === 'en' || f.language === '') && f.emails.includes(m.to[0]!)),
    );
    expect(spanish.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    for (const m of spanish)
      expect(m.subject).toMatch(/^¿Cuándo pueden venir a la conferencia que dirigirá /);
    for (const m of english)
      expect(m.subject).toMatch(/^When can you come to the conference .+ will lead\?$/);
  });

  it('the link in the email records the answer under that family', () => {
    const s = withForms();
    run(s, 'ask');
    const [id, family] = [...families(s)].find(([, f]) => f.emails.length > 0)!;
    const message = s.emulator.mail.sent.find((m) => m.to.includes(family.emails[0]!))!;
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { choices: { label: string }[] };
    };
    s.emulator.forms.submitPrefilled(LINK.exec(message.body)![0], {
      [`${TIMES} [${forms.availability.choices[0]!.label}]`]: '1st choice',
    });
    const [header = [], ...body] = s.emulator.spreadsheet.sheetByName('Availability')!.values();
    const mine = body.filter((r) => r[header.indexOf('Family ID')] === id);
    expect(mine.map((r) => r[header.indexOf('Rank')])).toEqual([1]);
  });

  it('asks nobody twice, and not a family that has already answered', () => {
    const s = withForms();
    const [answeredId] = [...families(s)].find(([, f]) => f.emails.length > 0)!;
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { linkTemplate: string; choices: { label: string }[] };
    };
    s.emulator.forms.submitPrefilled(
      forms.availability.linkTemplate.replace(
        '0000000000000000000000000000c0de',
        codeOf(s, answeredId)!,
      ),
      { [`${TIMES} [${forms.availability.choices[0]!.label}]`]: '1st choice' },
    );
    const first = run(s, 'ask');
    const sent = s.emulator.mail.sent.length;
    expect(sent).toBe([...families(s).values()].filter((f) => f.emails.length > 0).length - 1);
    expect(first.processed).toBe(sent);
    expect(run(s, 'ask').message).toBe(
      'Every family with an email address has been asked or has answered.',
    );
    expect(s.emulator.mail.sent).toHaveLength(sent);
    expect(step(s).action?.job).toBe('forms');
  });

  it('a family with a phone and no email is not emailed but counted to phone, gets no invitation but a printed letter and a place on the phone list', () => {
    const s = withForms();
    const sheet = s.emulator.spreadsheet.sheetByName('Roster')!;
    const header = sheet.values()[0]!.map(String);
    const [id, family] = [...families(s)].find(
      ([, f]) => f.emails.length > 0 && f.rows.length === 1,
    )!;
    // The school's export has a Phone column; this family gave a number and no address.
    sheet.put(1, header.length + 1, { v: 'Phone' });
    for (const row of family.rows) {
      for (const h of ['Parent Email', 'Guardian 2 Email'])
        sheet.put(row, header.indexOf(h) + 1, { v: '' });
      sheet.put(row, header.length + 1, { v: '(555) 010-0142' });
    }
    const roster = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'roster',
    )!;
    expect(roster.problems.some((p) => p.severity === 'error')).toBe(false);
    expect(roster.problems.some((p) => p.message.includes('printed letter'))).toBe(true);
    expect(count(step(s), 'families without email (to phone)')).toBe(1);
    expect(step(s).next).toContain('Phone the 1 family without email (Roster, Phone).');
    run(s, 'ask');
    expect(s.emulator.mail.sent.some((m) => m.to.some((t) => family.emails.includes(t)))).toBe(
      false,
    );

    // Scheduled like everyone; invited by letter, not by Calendar.
    run(s, 'schedule');
    const [sh = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    // Their conference: the only one without an address (their Family ID now comes from the phone).
    const theirs = rows.filter((r) => String(r[sh.indexOf('Emails')]) === '');
    expect(theirs).toHaveLength(1);
    expect(theirs[0]![sh.indexOf('Family ID')]).not.toBe(id);
    const invites = run(s, 'invites');
    expect(invites.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const invitesStep = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'invites',
    )!;
    expect(count(invitesStep, 'by letter (no email)')).toBe(1);
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
    const [id] = [...families(s)].find(([, f]) => f.emails.includes('newcomer@example.org'))!;
    expect(codeOf(s, id)).toBeUndefined();
    run(s, 'ask');
    const message = s.emulator.mail.sent.find((m) => m.to.includes('newcomer@example.org'))!;
    expect(codeOf(s, id)).toMatch(/^c[0-9a-f]{31}$/);
    expect(LINK.exec(message.body)![0]).toContain(codeOf(s, id));
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
    const today = s.emulator.mail.sent.length;
    expect(today).toBeGreaterThan(0);
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 24 * 3600_000);
    run(s, 'ask');
    const recipients = s.emulator.mail.sent.map((m) => m.to.join());
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.length).toBe(
      [...families(s).values()].filter((f) => f.emails.length > 0).length,
    );
  });

  it('cut off at any service call, asks each family at most once; one being sent at the cut is listed with its link, and sent again when the person says it never came', () => {
    const probe = withForms(20);
    const start = probe.emulator.ws.callCount;
    run(probe, 'ask');
    const total = probe.emulator.ws.callCount - start;
    const everyone = probe.emulator.mail.sent.length;
    expect(everyone).toBeGreaterThan(5);
    let cutWhileSending = 0;
    for (let k = 0; k < total; k++) {
      const s = withForms(20);
      cutOffAt(s.emulator.ws, k, () => s.bundle.callFromClient('runJob', ['ask']));
      run(s, 'ask');
      const recipients = s.emulator.mail.sent.map((m) => m.to.join());
      expect(new Set(recipients).size).toBe(recipients.length);
      const unsure = step(s).problems.filter((p) => p.message.includes('may not have gone out'));
      // Everyone is asked, except perhaps the one family whose email was leaving at the cut.
      expect(recipients.length + unsure.length).toBeGreaterThanOrEqual(everyone);
      expect(unsure.length).toBeLessThanOrEqual(1);
      for (const p of unsure) expect(p.message).toMatch(LINK);
      cutWhileSending += unsure.length;
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
    // Some cuts fell on a send: the case a person has to check did happen.
    expect(cutWhileSending).toBeGreaterThan(0);
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
    const view = ok<{ settings: Settings }>(s.bundle.callFromClient('getSettings', []));
    ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, roundName: 'Spring' }]));
    // The new round's questionnaire first (the step offers it), then the request again.
    expect(step(s).action?.job).toBe('forms');
    run(s, 'forms');
    expect(step(s).action).toEqual({
      job: 'ask',
      label: `Ask families when they can come (${first})`,
    });
    run(s, 'ask');
    expect(s.emulator.mail.sent).toHaveLength(2 * first);
    run(s, 'ask');
    expect(s.emulator.mail.sent).toHaveLength(2 * first);
  });
});
