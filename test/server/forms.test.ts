/**
 * Issue 8 on the built bundle: the family forms, the form-submit trigger fired by the emulator's
 * form submissions, the questionnaire emails and the Summary.
 */
import { FORMS_UNPUBLISHED_FROM } from '../../emulator/forms';
import type { FormState } from '../../emulator/forms/state';
import { LockStore } from '../../emulator/lock';
import { openSchool } from '../../preview/school';
import { markAttended, ok, props, run, SCHEDULE_EDITS, sortBackwards } from './calls';
import { callAt, cutOffAt, lastCallBefore, nthCall } from './cut';
import { UNCONFIRMED } from '../../src/core/formlinks';
import type { JobProgress, Overview, Result, Settings } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

const WHO =
  'Who will come? (Another trusted adult, such as a grandparent, may come in your place.)';
const TIMES = 'Which times suit you?';
const Q = {
  rating: 'How did the conference go?',
  goal: 'What did your child share, and what goal did they set?',
  help: 'How will your family help with that goal?',
  followUp: 'Would you like a follow-up meeting with the teacher?',
  when: 'If yes, when would suit you?',
  comments: 'Anything else you would like to tell us?',
  code: 'Conference code',
};
/** The availability form and the questionnaire, in English and in Spanish. */
const FORMS = 4;
const HOSTILE = '=IMPORTXML("https://evil.example","//a")';

interface FormsState {
  availability: {
    formId: string;
    linkTemplate: string;
    choices: { label: string; date: string; start: number; end: number }[];
  };
  questionnaires: Record<string, { formId: string }>;
}

function formsState(s: School): FormsState {
  return JSON.parse(props(s).get('slc:forms')!) as FormsState;
}

/** Each family's availability link, as the messages get them. */
function familyLinks(s: School): Map<string, string> {
  const template = formsState(s).availability.linkTemplate;
  const out = new Map<string, string>();
  for (const [k, code] of props(s))
    if (k.startsWith('slc:family-code:'))
      out.set(
        k.slice('slc:family-code:'.length),
        template.replace('0000000000000000000000000000c0de', code),
      );
  return out;
}

/** A form's questions as a family sees them: title, help, choices, rows, columns, required. */
function questionsOf(form: FormState): unknown[] {
  return form.items.map((i) => [i.title, i.helpText, i.choices, i.rows, i.columns, i.required]);
}

function rows(s: School, sheet: string): Record<string, unknown>[] {
  const [header, ...body] = s.emulator.spreadsheet.sheetByName(sheet)!.values();
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

/** A Schedule row's day and start, as the school's clock reads them. */
function when(row: Record<string, unknown>): { date: string; start: number } {
  const wall = (d: unknown, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', ...o }).format(d as Date);
  const [h, m] = wall(row.Start, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .split(':')
    .map(Number);
  return {
    date: wall(row.Date, { year: 'numeric', month: '2-digit', day: '2-digit' }),
    start: h! * 60 + m!,
  };
}

function within(
  row: Record<string, unknown>,
  choice: { date: string; start: number; end: number },
): boolean {
  const w = when(row);
  return w.date === choice.date && w.start >= choice.start && w.start < choice.end;
}

/** A Schedule row's addresses, as MailApp is given them. */
const addresses = (r: Record<string, unknown>) =>
  String(r.Emails)
    .split(/[;,]/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);

function school(students = 30): School {
  const s = openSchool({ students });
  run(s, 'setup');
  return s;
}

function setSettings(s: School, change: Partial<Settings>): void {
  const view = ok<{ settings: Settings }>(s.bundle.callFromClient('getSettings', []));
  ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, ...change }]));
}

/** A school whose conferences have taken place, with the questionnaire links in the Schedule. */
/** A school after its conferences, each marked attended unless `marked` is false. */
function afterConferences(students = 30, marked = true): School {
  const s = school(students);
  run(s, 'schedule');
  run(s, 'forms');
  s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
  if (marked) markAttended(s);
  return s;
}

describe('the forms job', () => {
  it('creates each form once and installs one form-submit trigger, however often it runs', () => {
    const s = school();
    const first = run(s, 'forms');
    expect(first.message).toContain('Created the availability form');
    run(s, 'forms');
    run(s, 'forms');
    // Both forms in English, and again in Spanish: the sample Roster has Spanish-speaking families.
    expect(s.emulator.forms.forms()).toHaveLength(FORMS);
    expect(s.emulator.triggers.triggers.filter((t) => t.event === 'ON_FORM_SUBMIT')).toHaveLength(
      1,
    );
    expect(
      s.emulator.spreadsheet.sheets.filter((x) => x.name.startsWith('Form Responses')),
    ).toHaveLength(FORMS);
    // Families never see a summary of other families' answers; they may edit their own.
    for (const f of s.emulator.forms.forms())
      expect(f).toMatchObject({
        publishingSummary: false,
        allowResponseEdits: true,
        collectEmail: false,
      });
  });

  // Forms made after 30 June 2026 start unpublished ("API changes to Google Forms"); FormApp
  // then fails with "Operation not supported on unpublished form" (docs/EMULATOR.md rows 41-42).
  it('publishes the forms it makes, so that families can answer them now that new forms start unpublished', () => {
    const s = school();
    s.emulator.forms.unpublishedFrom = FORMS_UNPUBLISHED_FROM;
    expect(s.emulator.ws.clock.now()).toBeGreaterThan(FORMS_UNPUBLISHED_FROM);
    const done = run(s, 'forms');
    expect(done.done).toBe(true);
    expect(s.emulator.forms.forms()).toHaveLength(FORMS);
    for (const f of s.emulator.forms.forms()) expect(f.published).toBe(true);
    const [familyId, link] = [...familyLinks(s)][0]!;
    const [first] = formsState(s).availability.choices;
    s.emulator.forms.submitPrefilled(link, { [`${TIMES} [${first!.label}]`]: '1st choice' });
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();
    expect(rows(s, 'Availability').some((r) => r['Family ID'] === familyId)).toBe(true);
  });

  it('offers the teachers’ windows and gives every family a link carrying only its own unguessable code', () => {
    const s = school();
    run(s, 'forms');
    const links = familyLinks(s);
    expect(links.size).toBeGreaterThan(10);
    const codes = [...links.values()].map((l) => new URL(l).searchParams);
    for (const params of codes) {
      const entries = [...params.keys()].filter((k) => k.startsWith('entry.'));
      expect(entries).toHaveLength(1);
      // A letter first: Forms would store a digits-only code as a number.
      expect(params.get(entries[0]!)).toMatch(/^[a-f][0-9a-f]{31}$/);
    }
    expect(new Set(codes.map((p) => [...p.values()].join())).size).toBe(links.size);
    const form = s.emulator.forms.get(formsState(s).availability.formId)!;
    expect(form.items.find((i) => i.title === TIMES)!.rows).toEqual(
      formsState(s).availability.choices.map((c) => c.label),
    );
  });

  it('tells families on the shared form that each time is checked against their child’s own teacher', () => {
    const s = school();
    run(s, 'forms');
    const form = s.emulator.forms.get(formsState(s).availability.formId)!;
    // Every teacher's overlapping windows of a day are one row: the family cannot tell whose it is.
    expect(form.items.find((i) => i.title === TIMES)!.helpText).toContain(
      'We check each time against your child’s own teacher and find the conference within it.',
    );
  });

  it('cut off at any service call, a second run completes with one linked form each, one response sheet each and one trigger', () => {
    const probe = school();
    const start = probe.emulator.ws.callCount;
    run(probe, 'forms');
    const total = probe.emulator.ws.callCount - start;
    for (let k = 0; k < total; k += 2) {
      const s = school();
      // The job takes several executions (a form per language): the cut may fall in any.
      cutOffAt(s.emulator.ws, k, () => {
        for (let i = 0; i < 20; i++)
          if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['forms'])).done) break;
      });
      run(s, 'forms');
      const linked = s.emulator.forms.forms().filter((f) => f.destination);
      expect(linked.map((f) => f.title.replace(/.*: /, '')).sort()).toEqual([
        'how did the Fall conference go?',
        'when can you come to the student-led conference?',
        '¿cuándo pueden venir a la conferencia dirigida por su hijo?',
        '¿cómo fue la conferencia (Fall)?',
      ]);
      // Apps Script has no transaction: cut between FormApp.create and saving its id, that form is left empty and unlinked.
      expect(s.emulator.forms.forms().length).toBeLessThanOrEqual(FORMS + 1);
      expect(
        s.emulator.spreadsheet.sheets.filter((x) => x.name.startsWith('Form Responses')),
      ).toHaveLength(FORMS);
      expect(s.emulator.triggers.triggers).toHaveLength(1);
      expect(familyLinks(s).size).toBe(familyLinks(probe).size);
      // Each linked form asks what the uncut run's form of the same title asks, each question
      // once and whole (a form just made is not listed, so a cut mid-question is mended later).
      for (const form of linked)
        expect(questionsOf(form)).toEqual(
          questionsOf(probe.emulator.forms.forms().find((f) => f.title === form.title)!),
        );
    }
  });

  it('a passing Google error when opening a form stops the run; it never makes a second form', () => {
    const s = school();
    run(s, 'forms');
    s.emulator.ws.injectFault({
      method: 'FormApp.openById',
      kind: 'throw',
      message: 'Service error: Forms',
    });
    const failed = s.bundle.callFromClient('runJob', ['forms']) as Result<JobProgress>;
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toContain('Service error: Forms');
    run(s, 'forms');
    expect(s.emulator.forms.forms()).toHaveLength(FORMS);
    expect(
      s.emulator.spreadsheet.sheets.filter((x) => x.name.startsWith('Form Responses')),
    ).toHaveLength(FORMS);
  });

  it('a form deleted in Drive is made again, once', () => {
    const s = school();
    run(s, 'forms');
    const gone = formsState(s).availability.formId;
    s.emulator.forms.delete(gone);
    run(s, 'forms');
    run(s, 'forms');
    expect(formsState(s).availability.formId).not.toBe(gone);
    expect(s.emulator.forms.forms().filter((f) => f.id !== gone)).toHaveLength(FORMS);
  });

  it('on a day Google is twenty times slower, stops in time and finishes in the next executions, each under six minutes', () => {
    const s = openSchool({ students: 30, latencyFactor: 20 });
    run(s, 'setup');
    const before = s.emulator.ws.reports.length;
    const done = run(s, 'forms');
    const runs = s.emulator.ws.reports.slice(before);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.every((r) => !r.terminated && r.elapsedMs < 6 * 60_000)).toBe(true);
    expect(done.message).toContain('Created the availability form.');
    expect(done.message).toContain('Created the Fall questionnaire.');
    expect(s.emulator.forms.forms()).toHaveLength(FORMS);
    expect(s.emulator.triggers.triggers.filter((t) => t.event === 'ON_FORM_SUBMIT')).toHaveLength(
      1,
    );
  });

  it('offers the times the Teachers sheet has now when run again, on the same form', () => {
    const s = school();
    run(s, 'forms');
    const before = formsState(s).availability;
    s.emulator.spreadsheet
      .sheetByName('Teachers')!
      .appendRow([
        'Ms. Rivera',
        'rivera@lincoln.school.example',
        '2026-11-24',
        '7:00 AM',
        '8:00 AM',
        '12',
        1,
      ]);
    run(s, 'forms');
    const after = formsState(s).availability;
    expect(after.formId).toBe(before.formId);
    expect(after.choices.map((c) => c.label)).toContain('Tue 2026-11-24, 7:00 AM – 8:00 AM');
    expect(s.emulator.forms.get(after.formId)!.items.find((i) => i.title === TIMES)!.rows).toEqual(
      after.choices.map((c) => c.label),
    );
  });

  it('refuses with the sheet to fix when there are no teacher windows', () => {
    const s = openSchool({ empty: true });
    run(s, 'setup');
    const r = s.bundle.callFromClient('runJob', ['forms']) as Result<JobProgress>;
    expect(r).toMatchObject({ ok: false, error: { where: { sheet: 'Teachers' } } });
    expect(s.emulator.forms.forms()).toHaveLength(0);
  });
});

describe('the forms job on a slow day', () => {
  it('on a day Google is forty times slower, makes every form over several executions, none cut off by the six-minute limit', () => {
    const normal = school();
    run(normal, 'forms');
    const s = openSchool({ students: 30, latencyFactor: 40 });
    run(s, 'setup');
    const before = s.emulator.ws.reports.length;
    let last: JobProgress | null = null;
    for (let i = 0; i < 100 && !last?.done; i++)
      last = ok<JobProgress>(s.bundle.callFromClient('runJob', ['forms']));
    expect(last?.done).toBe(true);
    // What the step says is still true: the forms were made by this job.
    expect(last?.message).toContain('Created the availability form.');
    expect(last?.message).toContain('Created the Fall questionnaire.');
    const runs = s.emulator.ws.reports.slice(before);
    // One form's questions alone take longer than an execution may run: several were needed,
    // and each stopped in time.
    expect(runs.length).toBeGreaterThan(4);
    expect(runs.filter((r) => r.terminated)).toEqual([]);
    const questions = (x: School) =>
      x.emulator.forms
        .forms()
        .map((f) => [f.title, f.items.map((i) => i.title)])
        .sort();
    expect(questions(s)).toEqual(questions(normal));
    expect(s.emulator.forms.forms().every((f) => f.destination)).toBe(true);
  });
});

describe('an availability answer', () => {
  function answer(s: School, familyId: string, overrides: Record<string, string>): string {
    return s.emulator.forms.submitPrefilled(familyLinks(s).get(familyId)!, overrides);
  }

  it('lands in the Availability sheet under the family its code names, ranked, with hostile text kept as text', () => {
    const s = school();
    run(s, 'forms');
    const [familyId] = familyLinks(s).keys();
    const [first, second] = formsState(s).availability.choices;
    answer(s, familyId!, {
      [`${TIMES} [${second!.label}]`]: '1st choice',
      [`${TIMES} [${first!.label}]`]: '2nd choice',
      [WHO]: HOSTILE,
      'Would you like an interpreter at the conference?': 'Yes',
    });
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();
    const mine = rows(s, 'Availability').filter((r) => r['Family ID'] === familyId);
    expect(mine.map((r) => r.Rank)).toEqual([1, 2]);
    expect(mine[0]!['Who Comes']).toBe(HOSTILE);
    expect(mine[0]!.Interpreter).toBe('Yes');
    const sheet = s.emulator.spreadsheet.sheetByName('Availability')!;
    const who = sheet.values()[0]!.indexOf('Who Comes') + 1;
    expect(sheet.cell(2, who)!.f).toBeUndefined();
  });

  it('is replaced by the family’s edited response, not added to', () => {
    const s = school();
    run(s, 'forms');
    const [familyId] = familyLinks(s).keys();
    const [first, second] = formsState(s).availability.choices;
    const id = answer(s, familyId!, {
      [`${TIMES} [${first!.label}]`]: '1st choice',
      [`${TIMES} [${second!.label}]`]: '2nd choice',
    });
    s.emulator.forms.submit(
      formsState(s).availability.formId,
      { [`${TIMES} [${first!.label}]`]: '', [WHO]: 'Grandpa Joe' },
      { editOf: id },
    );
    const mine = rows(s, 'Availability').filter((r) => r['Family ID'] === familyId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ Rank: 2, Date: expect.any(Date), 'Who Comes': 'Grandpa Joe' });
  });

  it('with an unknown code is kept and shown as a problem, never given to a family', () => {
    const s = school();
    run(s, 'forms');
    const link = [...familyLinks(s).values()][0]!.replace(/=[0-9a-f]{32}/, `=${'f'.repeat(32)}`);
    s.emulator.forms.submitPrefilled(link, {
      [`${TIMES} [${formsState(s).availability.choices[0]!.label}]`]: '1st choice',
    });
    const written = rows(s, 'Availability');
    expect(written).toHaveLength(1);
    expect(written[0]!['Family ID']).toBe('');
    expect(String(written[0]!.Family)).toContain('Unknown family code');
  });

  /** A school placing answers at once, where family a has answered and family b not yet. */
  function placingAtOnce() {
    const s = school();
    setSettings(s, { placeResponses: 'at-once' });
    run(s, 'forms');
    const [a, b] = [...familyLinks(s).keys()];
    const choice = formsState(s).availability.choices[0]!;
    answer(s, a!, { [`${TIMES} [${choice.label}]`]: '1st choice' });
    return { s, a, b, choice };
  }

  it('places the family at once in a free place of its first choice when the settings say so, moving nobody', () => {
    const { s, a, b, choice } = placingAtOnce();
    const placedA = rows(s, 'Schedule').filter((r) => r['Family ID'] === a);
    expect(placedA.length).toBeGreaterThan(0);
    for (const r of placedA) expect(within(r, choice)).toBe(true);
    const before = JSON.stringify(rows(s, 'Schedule'));
    answer(s, b!, { [`${TIMES} [${choice.label}]`]: '1st choice' });
    const after = rows(s, 'Schedule');
    expect(JSON.stringify(after.slice(0, placedA.length))).toBe(JSON.stringify(JSON.parse(before)));
    expect(after.some((r) => r['Family ID'] === b)).toBe(true);
    expect(after.filter((r) => r['Family ID'] === a)).toHaveLength(placedA.length);
  });

  it('places a family at once below a row a person added to the Schedule meanwhile, which stays', () => {
    const { s, b, choice } = placingAtOnce();
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const notes = sheet.values()[0]!.map(String).indexOf('Notes') + 1;
    const byHand = sheet.values().length + 1;
    // Typed while the placement has read the Schedule and is about to write below it.
    const typed = s.emulator.ws.interruptAt('SpreadsheetApp.Range.getNumberFormats', 1, () =>
      sheet.patch(byHand, notes, { v: 'Call the Okafors about Thursday' }),
    );
    answer(s, b!, { [`${TIMES} [${choice.label}]`]: '1st choice' });
    expect(typed()).toBe(true);
    expect(sheet.cell(byHand, notes)?.v).toBe('Call the Okafors about Thursday');
    const after = rows(s, 'Schedule');
    expect(after.slice(byHand - 1).some((r) => r['Family ID'] === b)).toBe(true);
  });

  it('waits for the next build by default, which places the family in the time it chose', () => {
    const s = school();
    run(s, 'forms');
    const families = [...familyLinks(s).keys()];
    const choices = formsState(s).availability.choices;
    const chosen = choices[choices.length - 1]!;
    for (const f of families.slice(0, 3))
      answer(s, f, { [`${TIMES} [${chosen.label}]`]: '1st choice' });
    expect(rows(s, 'Schedule')).toHaveLength(0);
    run(s, 'schedule');
    const placed = rows(s, 'Schedule').filter((r) =>
      families.slice(0, 3).includes(String(r['Family ID'])),
    );
    expect(placed.length).toBeGreaterThanOrEqual(3);
    for (const r of placed) expect(within(r, chosen)).toBe(true);
  });

  it('brings the family’s language and interpreter wish into the next schedule and the interpreter roster', () => {
    const s = school();
    run(s, 'forms');
    const [familyId] = familyLinks(s).keys();
    answer(s, familyId!, {
      [`${TIMES} [${formsState(s).availability.choices[0]!.label}]`]: '1st choice',
      'Which language would you like us to use?': 'Vietnamese',
      'Would you like an interpreter at the conference?': 'Yes',
    });
    run(s, 'schedule');
    const mine = rows(s, 'Schedule').filter((r) => r['Family ID'] === familyId);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r).toMatchObject({ Language: 'Vietnamese', Interpreter: 'Yes' });
    run(s, 'summary');
    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const roster = grid.slice(grid.findIndex((r) => r[0] === 'Interpreter roster') + 2);
    expect(roster.some((r) => r[0] === 'Vietnamese' && r[6] === mine[0]!.Family)).toBe(true);
  });

  it('waits for a trigger holding the lock, and one that gave up is recorded by the next response', () => {
    const s = school();
    run(s, 'forms');
    const [a, b, c] = [...familyLinks(s).keys()];
    const label = `${TIMES} [${formsState(s).availability.choices[0]!.label}]`;
    const key = LockStore.documentKey(s.emulator.spreadsheet.id);
    s.emulator.locks.holdForAnother(key, s.emulator.ws.clock.now() + 3_000);
    answer(s, a!, { [label]: '1st choice' });
    expect(rows(s, 'Availability').map((r) => r['Family ID'])).toEqual([a]);
    s.emulator.locks.holdForAnother(key, s.emulator.ws.clock.now() + 600_000);
    answer(s, b!, { [label]: '1st choice' });
    expect(s.emulator.triggers.firings.at(-1)!.error).toMatch(
      /recording a family’s form answers|changing this spreadsheet/,
    );
    expect(rows(s, 'Availability').map((r) => r['Family ID'])).toEqual([a]);
    s.emulator.locks.held.delete(key);
    answer(s, c!, { [label]: '1st choice' });
    expect(
      rows(s, 'Availability')
        .map((r) => r['Family ID'])
        .sort(),
    ).toEqual([a, b, c].sort());
  });

  it('that gave up is not read by a questionnaire answer’s trigger, and is recorded by the Summary job', () => {
    const s = afterConferences();
    const [family] = [...familyLinks(s).keys()];
    const label = `${TIMES} [${formsState(s).availability.choices[0]!.label}]`;
    const key = LockStore.documentKey(s.emulator.spreadsheet.id);
    s.emulator.locks.holdForAnother(key, s.emulator.ws.clock.now() + 600_000);
    answer(s, family!, { [label]: '1st choice' });
    expect(s.emulator.triggers.firings.at(-1)!.error).toMatch(
      /recording a family’s form answers|changing this spreadsheet/,
    );
    s.emulator.locks.held.delete(key);
    const conf = rows(s, 'Schedule')[0]!;
    s.emulator.forms.submitPrefilled(String(conf['Feedback Link']), { [Q.rating]: '4' });
    // The trigger reads the one response sheet its event's range is on; the other form's answers
    // wait for their own sheet's next answer, the Schedule build or the Summary job.
    expect(rows(s, 'Feedback').map((r) => r['Conference ID'])).toEqual([conf['Conference ID']]);
    expect(rows(s, 'Availability')).toEqual([]);
    run(s, 'summary');
    expect(rows(s, 'Availability').map((r) => r['Family ID'])).toEqual([family]);
  });

  it('cut off in its trigger, is recorded when the coordinator next rebuilds the Summary', () => {
    const s = school();
    run(s, 'forms');
    const [a] = [...familyLinks(s).keys()];
    const label = `${TIMES} [${formsState(s).availability.choices[0]!.label}]`;
    // Cut at the trigger's second call (who is running it), before it reads or writes anything.
    const at = s.emulator.ws.callCount + 1;
    s.emulator.ws.injectFault({ atIndex: at, kind: 'kill' });
    answer(s, a!, { [label]: '1st choice' });
    expect(s.emulator.triggers.firings.at(-1)!.error).toContain(
      `Injected failure at call #${at} (${callAt(s.emulator.ws, at)})`,
    );
    expect(callAt(s.emulator.ws, at)).toBe('Session.getActiveUser');
    expect(rows(s, 'Availability')).toEqual([]);
    run(s, 'summary');
    expect(rows(s, 'Availability').map((r) => r['Family ID'])).toEqual([a]);
  });
});

describe('the questionnaire', () => {
  it.each(['blank', 'repeated'])(
    'is not sent for a row whose Conference ID is %s, which is named; a sort during the run sends nothing twice',
    (how) => {
      const s = afterConferences();
      const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
      const header = sheet.values()[0]!.map(String);
      const c = (h: string) => header.indexOf(h) + 1;
      // A row typed by hand without an ID, or a copied row keeping another row's ID.
      sheet.put(5, c('Conference ID'), {
        v: how === 'blank' ? '' : sheet.cell(6, c('Conference ID'))!.v,
      });
      const unkeyed = [5, ...(how === 'blank' ? [] : [6])].map((r) =>
        String(sheet.cell(r, c('Feedback Link'))!.v),
      );
      const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 3, () => sortBackwards(sheet));
      const p = run(s, 'questionnaire');
      expect(edited()).toBe(true);
      expect(p.problems?.map((x) => x.where?.row).sort()).toEqual(how === 'blank' ? [5] : [5, 6]);
      expect(p.problems?.[0]?.message).toMatch(/^Schedule, row 5, column \w+ \(Conference ID\)/);
      s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 15, 0));
      run(s, 'questionnaire');
      const sent = s.emulator.mail.sent.map((m) => m.to.join().toLowerCase());
      expect(sent.length).toBeGreaterThan(5);
      expect(sent.filter((to, i) => sent.indexOf(to) !== i)).toEqual([]);
      // No email carries those rows' questionnaire links.
      for (const m of s.emulator.mail.sent)
        for (const link of unkeyed) expect(m.body).not.toContain(link);
    },
  );

  it('is not sent again to a row deleted while it was sent and brought back with Undo', () => {
    const s = afterConferences();
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    let saved: unknown[] = [];
    // Row 3 deleted at the 2nd email: its family is sent to in this run, its stamp cannot be.
    const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 2, () => {
      saved = sheet.rows[2]!;
      sheet.rows = [...sheet.rows.slice(0, 2), ...sheet.rows.slice(3)];
    });
    run(s, 'questionnaire');
    expect(edited()).toBe(true);
    // Undo: the row is back where it was, as it was (not stamped).
    sheet.rows = [...sheet.rows.slice(0, 2), saved as never, ...sheet.rows.slice(2)];
    const first = s.emulator.mail.sent.length;
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 15, 0));
    run(s, 'questionnaire');
    expect(s.emulator.mail.sent).toHaveLength(first);
    expect(rows(s, 'Schedule')[1]!['Questionnaire Sent']).toBeInstanceOf(Date);
  });

  it('mails no questionnaire link that no Schedule row holds: a row deleted as its new link is written gets none', () => {
    const clearLink = (s: School) => {
      const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
      const col = sheet.values()[0]!.map(String).indexOf('Feedback Link') + 1;
      sheet.patch(3, col, { v: '' });
      return sheet;
    };
    // Where the run reads the Schedule again just before writing the new link (a clean copy).
    const probe = afterConferences();
    clearLink(probe);
    const start = probe.emulator.ws.callCount;
    run(probe, 'questionnaire');
    const write = nthCall(probe.emulator.ws, 'SpreadsheetApp.Range.setValues', 1, start);
    const reread = lastCallBefore(
      probe.emulator.ws,
      'SpreadsheetApp.Sheet.getDataRange',
      write,
      start,
    );
    const nth = probe.emulator.ws.callLog.filter(
      (c) =>
        c.index >= start &&
        c.index <= reread &&
        `${c.service}.${c.method}` === 'SpreadsheetApp.Sheet.getDataRange',
    ).length;

    const s = afterConferences();
    const sheet = clearLink(s);
    const edited = s.emulator.ws.interruptAt('SpreadsheetApp.Sheet.getDataRange', nth, () => {
      sheet.rows = [...sheet.rows.slice(0, 2), ...sheet.rows.slice(3)];
    });
    expect(nth).toBeGreaterThan(0);
    run(s, 'questionnaire');
    expect(edited()).toBe(true);
    expect(sheet.rows).toHaveLength(
      probe.emulator.spreadsheet.sheetByName('Schedule')!.rows.length - 1,
    );
    const held = new Set(rows(s, 'Schedule').map((r) => String(r['Feedback Link'])));
    for (const m of s.emulator.mail.sent)
      for (const link of m.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/g) ?? [])
        expect(held.has(link)).toBe(true);
  });

  it('keeps a conference an older run was cut off sending in doubt when its row is deleted meanwhile, and does not send it again once the row is back', () => {
    const s = afterConferences();
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const doubtful = rows(s, 'Schedule')[1]!;
    // An older run's journal: the conference it was sending when cut off, no address named.
    props(s).set(
      'slc:questionnaire-sent',
      JSON.stringify({ sent: [], sending: [doubtful['Conference ID']] }),
    );
    let saved: unknown[] = [];
    const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 1, () => {
      saved = sheet.rows[2]!;
      sheet.rows = [...sheet.rows.slice(0, 2), ...sheet.rows.slice(3)];
    });
    run(s, 'questionnaire');
    expect(edited()).toBe(true);
    sheet.rows = [...sheet.rows.slice(0, 2), saved as never, ...sheet.rows.slice(2)];
    const first = s.emulator.mail.sent.length;
    run(s, 'questionnaire');
    const again = s.emulator.mail.sent.slice(first).flatMap((m) => m.to);
    expect(again.filter((to) => addresses(doubtful).includes(to.toLowerCase()))).toEqual([]);
    expect(rows(s, 'Schedule')[1]!['Questionnaire Sent']).toBe(UNCONFIRMED);
  });

  it('is sent once per family after its conference, one email per address carrying only its own links', () => {
    const s = afterConferences();
    const first = run(s, 'questionnaire');
    const calls = s.emulator.ws.reports.at(-1)!.callsByMethod;
    // One read of the Schedule and one of the Roster (who is listed with which child), one write
    // of its Questionnaire Sent column after the Schedule's rows are read again to find each
    // row by Conference ID, one email per address.
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(3);
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(1);
    const sent = s.emulator.mail.sent.length;
    expect(calls['MailApp.sendEmail']).toBe(sent);
    expect(sent).toBeGreaterThan(5);
    for (const m of s.emulator.mail.sent) expect(m.to).toHaveLength(1);
    const families = new Set(rows(s, 'Schedule').map((r) => String(r['Family ID']))).size;
    expect(first.message).toContain(`to ${families} famil`);
    expect(run(s, 'questionnaire').message).toContain('to 0 families');
    expect(s.emulator.mail.sent).toHaveLength(sent);
    const schedule = rows(s, 'Schedule');
    for (const m of s.emulator.mail.sent) {
      const own = schedule.filter((r) => m.to.some((t) => String(r.Emails).includes(t)));
      const links = m.body.match(/https:\/\/docs\.google\.com\/forms\/\S+/g) ?? [];
      expect(links.sort()).toEqual(own.map((r) => String(r['Feedback Link'])).sort());
    }
    expect(schedule.every((r) => r['Questionnaire Sent'] instanceof Date)).toBe(true);
  });

  it('is not sent to a family whose conference was checked in as no-show or rescheduled', () => {
    const s = afterConferences();
    const schedule = rows(s, 'Schedule');
    const once = schedule.filter(
      (r) => schedule.filter((x) => x['Family ID'] === r['Family ID']).length === 1,
    );
    const [noShow, moved] = once;
    for (const [r, mark] of [
      [noShow!, 'no-show'],
      [moved!, 'rescheduled'],
    ] as const)
      expect(
        (s.bundle.callFromClient('markAttendance', [r['Conference ID'], mark]) as { ok: boolean })
          .ok,
      ).toBe(true);
    run(s, 'questionnaire');
    const told = new Set(s.emulator.mail.sent.map((m) => m.to[0]!.toLowerCase()));
    expect(told.size).toBeGreaterThan(5);
    for (const r of [noShow!, moved!])
      for (const address of String(r.Emails).split(/;\s*/))
        expect(told.has(address.toLowerCase())).toBe(false);
    const after = rows(s, 'Schedule');
    for (const r of [noShow!, moved!])
      expect(
        after.find((x) => x['Conference ID'] === r['Conference ID'])!['Questionnaire Sent'],
      ).toBe('');
  });

  it('reaches each family in its own language: Spanish for the families the Roster says speak Spanish', () => {
    const s = afterConferences(60);
    run(s, 'questionnaire');
    const schedule = rows(s, 'Schedule');
    const spanish = s.emulator.mail.sent.filter((m) =>
      schedule.some(
        (r) => r.Language === 'Spanish' && m.to.some((t) => String(r.Emails).includes(t)),
      ),
    );
    const english = s.emulator.mail.sent.filter((m) =>
      schedule.some((r) => r.Language === '' && m.to.some((t) => String(r.Emails).includes(t))),
    );
    expect(spanish.length).toBeGreaterThan(0);
    for (const m of spanish)
      expect(m.subject).toMatch(/^¿Cómo (fue la conferencia|fueron las conferencias) /);
    for (const m of english) expect(m.subject).toMatch(/^How did the conferences? /);
  });

  it('stops at Google’s daily email limit and finishes the next day, each family once', () => {
    const s = afterConferences();
    const quota = s.emulator.ws.quota;
    quota.take(
      'mailRecipientsPerDay',
      quota.remaining('mailRecipientsPerDay') - 4,
      'used by something else',
    );
    const first = run(s, 'questionnaire');
    expect(first.message).toContain('daily email limit');
    expect(first.message).toContain('24 hours after the first request');
    const today = s.emulator.mail.sent.length;
    expect(today).toBeGreaterThan(0);
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 24 * 3600_000);
    run(s, 'questionnaire');
    const recipients = s.emulator.mail.sent.map((m) => m.to.join());
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.length).toBeGreaterThan(today);
    expect(rows(s, 'Schedule').every((r) => r['Questionnaire Sent'] instanceof Date)).toBe(true);
  });

  it.each(SCHEDULE_EDITS)(
    'a person %s while it goes out: the next day it reaches each address left, and none twice',
    (_, edit) => {
      const s = afterConferences();
      const due = new Set(rows(s, 'Schedule').flatMap((r) => addresses(r)));
      const quota = s.emulator.ws.quota;
      quota.take(
        'mailRecipientsPerDay',
        quota.remaining('mailRecipientsPerDay') - 12,
        'used by something else',
      );
      const edited = s.emulator.ws.interruptAt('MailApp.sendEmail', 3, () => edit(s));
      expect(run(s, 'questionnaire').message).toContain('daily email limit');
      expect(edited()).toBe(true);
      s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 24 * 3600_000);
      run(s, 'questionnaire');
      const sent = s.emulator.mail.sent.map((m) => m.to.join().toLowerCase());
      expect(sent.filter((to, i) => sent.indexOf(to) !== i)).toEqual([]);
      // Every address still on the Schedule reached; one on a row deleted maybe already.
      const left = rows(s, 'Schedule').flatMap((r) => addresses(r));
      expect(left.filter((to) => !sent.includes(to))).toEqual([]);
      expect(sent.filter((to) => !due.has(to))).toEqual([]);
      expect(rows(s, 'Schedule').every((r) => r['Questionnaire Sent'] instanceof Date)).toBe(true);
    },
  );

  it('cut off before recording what it sent, sends nothing twice when run again', () => {
    const s = afterConferences();
    s.emulator.ws.injectFault({ method: 'SpreadsheetApp.Range.setValues', kind: 'kill' });
    expect(() => s.bundle.callFromClient('runJob', ['questionnaire'])).toThrow(
      /^Injected failure at call #\d+ \(SpreadsheetApp\.Range\.setValues\)$/,
    );
    const sent = s.emulator.mail.sent.length;
    expect(sent).toBeGreaterThan(0);
    run(s, 'questionnaire');
    expect(s.emulator.mail.sent).toHaveLength(sent);
    expect(rows(s, 'Schedule').every((r) => r['Questionnaire Sent'] instanceof Date)).toBe(true);
  });

  /** The families the Schedule says are due the questionnaire: each with an address, its addresses. */
  /** Each address due the questionnaire, by the family it belongs to (from the Schedule). */
  function dueByHand(s: School): Map<string, string> {
    const familyOf = new Map<string, string>();
    for (const r of rows(s, 'Schedule'))
      for (const e of String(r.Emails)
        .split(/[;,]/)
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean))
        familyOf.set(e, String(r['Family ID']));
    return familyOf;
  }

  it.each([
    ['just before the first email leaves', 1, 0],
    ['just before the third email leaves', 3, 0],
    ['just after the first email left', 1, 1],
    ['just after the third email left', 3, 1],
  ])(
    'cut off %s, emails no address twice and flags the family it was sending to',
    (_when, n, after) => {
      const probe = afterConferences();
      const start = probe.emulator.ws.callCount;
      run(probe, 'questionnaire');
      const due = dueByHand(probe);
      // One message per address, each to that address alone, every address due reached once.
      for (const m of probe.emulator.mail.sent) expect(m.to).toHaveLength(1);
      expect(probe.emulator.mail.sent.map((m) => m.to[0]!).sort()).toEqual([...due.keys()].sort());
      // The n-th email's call, or the call after it, counted from the start of the run.
      const k = nthCall(probe.emulator.ws, 'MailApp.sendEmail', n, start) - start + after;
      const atCut = due.get(probe.emulator.mail.sent[n - 1]!.to[0]!)!;

      const s = afterConferences();
      const cut = cutOffAt(s.emulator.ws, k, () =>
        s.bundle.callFromClient('runJob', ['questionnaire']),
      );
      expect(s.emulator.mail.sent).toHaveLength(n - 1 + after);
      run(s, 'questionnaire');
      run(s, 'questionnaire');

      const reached = s.emulator.mail.sent.map((m) => m.to.join(','));
      expect(new Set(reached).size).toBe(reached.length);
      // Everyone due was emailed, except addresses of the family being sent to at the cut.
      const missing = [...due.keys()].filter((a) => !reached.includes(a));
      for (const a of missing) expect(due.get(a)).toBe(atCut);
      if (!after) expect(missing).toContain(probe.emulator.mail.sent[n - 1]!.to[0]!);
      // That family's rows are flagged for a person to check, and no other's.
      const flagged = rows(s, 'Schedule').filter((r) => r['Questionnaire Sent'] === UNCONFIRMED);
      expect(flagged.length).toBeGreaterThan(0);
      expect(new Set(flagged.map((r) => String(r['Family ID'])))).toEqual(new Set([atCut]));
      // Before: the journal names the family, the email never left. After: the email left, and
      // the cut falls on the journal entry written next.
      expect(cut).toBe(after ? 'PropertiesService.Properties.setProperty' : 'MailApp.sendEmail');
    },
  );

  it('says which conference each link is for when a family has several', () => {
    const s = afterConferences(80);
    run(s, 'questionnaire');
    const schedule = rows(s, 'Schedule');
    const rowsOf = (address: string) =>
      schedule.filter((r) =>
        String(r.Emails)
          .split(/[;,]/)
          .map((x) => x.trim().toLowerCase())
          .includes(address),
      );
    let several = 0;
    for (const m of s.emulator.mail.sent) {
      const own = rowsOf(m.to[0]!.toLowerCase()).filter((r) => String(r['Feedback Link']));
      const lines = m.body.split('\n');
      const spanish = m.body.startsWith('Estimada');
      // The built-in texts (a machine-translated text is translated from the one-conference wording).
      const builtIn = spanish || m.body.startsWith('Dear');
      if (own.length < 2) {
        if (own.length === 1) {
          expect(lines).toContain(String(own[0]!['Feedback Link']));
          if (builtIn)
            expect(m.body).toContain(
              spanish
                ? 'Gracias por venir a la conferencia que'
                : 'Thank you for coming to the conference ',
            );
        }
        continue;
      }
      several++;
      // Several conferences are thanked for as several, even with one teacher.
      if (builtIn)
        expect(m.body).toContain(
          spanish
            ? 'Gracias por venir a las conferencias que'
            : 'Thank you for coming to the conferences ',
        );
      const words = spanish ? 'Para la conferencia con' : 'For the conference with';
      for (const r of own) {
        const line = lines.find((l) => l.endsWith(`: ${String(r['Feedback Link'])}`));
        expect(line).toBeDefined();
        expect(line!.startsWith(`${words} ${String(r.Teacher)} (`)).toBe(true);
        // The children named are that conference's own.
        const named = line!.slice(line!.indexOf('(') + 1, line!.lastIndexOf(')'));
        for (const name of named.split(/, | and | y | e /))
          expect(String(r.Students)).toContain(name);
      }
      // No bare link left: every link in the message is on a labelled line.
      for (const l of lines.filter((x) => x.startsWith('http'))) expect(l).toBe('');
    }
    expect(several).toBeGreaterThan(0);
  });

  /**
   * A clean questionnaire run, and a family it sent to at two addresses (as the fixture's
   * Schedule gives it) with the position of each of its emails among those sent.
   */
  function twoAddressFamily() {
    const probe = afterConferences();
    const start = probe.emulator.ws.callCount;
    run(probe, 'questionnaire');
    const due = dueByHand(probe);
    const sent = probe.emulator.mail.sent.map((m) => m.to[0]!);
    const family = [...new Set(due.values())].find(
      (f) => [...due.values()].filter((g) => g === f).length === 2,
    )!;
    const emails = sent.map((a, i) => ({ a, i })).filter(({ a }) => due.get(a) === family);
    return { probe, start, due, family, emails };
  }

  it('cut off between the two addresses of one family, sends the second guardian theirs and neither twice', () => {
    const { probe, start, due, family, emails } = twoAddressFamily();
    const second = emails[1]!;
    const send = nthCall(probe.emulator.ws, 'MailApp.sendEmail', second.i + 1, start);
    // The journal write just before that email.
    const journal = lastCallBefore(
      probe.emulator.ws,
      'PropertiesService.Properties.setProperty',
      send,
      start,
    );

    const s = afterConferences();
    expect(
      cutOffAt(s.emulator.ws, journal - start, () =>
        s.bundle.callFromClient('runJob', ['questionnaire']),
      ),
    ).toBe('PropertiesService.Properties.setProperty');
    run(s, 'questionnaire');
    run(s, 'questionnaire');
    const reached = s.emulator.mail.sent.map((m) => m.to[0]!);
    expect(new Set(reached).size).toBe(reached.length);
    expect(reached.sort()).toEqual([...due.keys()].sort());
    // The first address's email may or may not have left when the run was cut: flagged.
    const flagged = rows(s, 'Schedule').filter((r) => r['Questionnaire Sent'] === UNCONFIRMED);
    expect(new Set(flagged.map((r) => String(r['Family ID'])))).toEqual(new Set([family]));
  });

  it("cut off while sending a family's first address, and the person then clears the flagged cell: only that address is sent again, the second guardian's not twice", () => {
    const { probe, start, due, emails } = twoAddressFamily();
    const k = nthCall(probe.emulator.ws, 'MailApp.sendEmail', emails[0]!.i + 1, start) - start;

    const s = afterConferences();
    expect(
      cutOffAt(s.emulator.ws, k, () => s.bundle.callFromClient('runJob', ['questionnaire'])),
    ).toBe('MailApp.sendEmail');
    run(s, 'questionnaire');
    // The first address is in doubt (the email never left), the second was sent: flagged.
    const [header = [], ...body] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const col = header.map(String).indexOf('Questionnaire Sent');
    const flagged = body
      .map((r, i) => ({ r, row: i + 2 }))
      .filter(({ r }) => r[col] === UNCONFIRMED);
    expect(flagged.length).toBeGreaterThan(0);
    // The step names the address in doubt, so the person asks that guardian, not the other.
    const told = ok<Overview>(s.bundle.callFromClient('getOverview', []))
      .steps.flatMap((st) => st.problems.map((p) => p.message))
      .filter((m) => m.includes('questionnaire email to'));
    expect(told).toHaveLength(flagged.length);
    for (const m of told) {
      expect(m).toContain(emails[0]!.a);
      expect(m).not.toContain(emails[1]!.a);
    }
    // The person asks, hears it never came, and clears the cell as the step says.
    for (const { row } of flagged)
      s.emulator.spreadsheet.sheetByName('Schedule')!.put(row, col + 1, { v: '' });
    run(s, 'questionnaire');
    const reached = s.emulator.mail.sent.map((m) => m.to[0]!);
    expect(new Set(reached).size).toBe(reached.length);
    expect(reached.sort()).toEqual([...due.keys()].sort());
    expect(rows(s, 'Schedule').filter((r) => r['Questionnaire Sent'] === UNCONFIRMED)).toEqual([]);
  });

  it('is not sent before the conference', () => {
    const s = school();
    run(s, 'schedule');
    run(s, 'forms');
    run(s, 'questionnaire');
    expect(s.emulator.mail.sent).toHaveLength(0);
  });

  it('records an answer against its conference, keeps hostile text as text, and the Summary shows it with the follow-up and two charts', () => {
    const s = afterConferences();
    const conf = rows(s, 'Schedule')[0]!;
    const long = 'x'.repeat(20_000);
    s.emulator.forms.submitPrefilled(String(conf['Feedback Link']), {
      [Q.rating]: '4',
      [Q.goal]: '<script>alert(1)</script>',
      [Q.help]: HOSTILE,
      [Q.followUp]: 'Yes',
      [Q.when]: '+1 Tuesday 3:30 PM',
      [Q.comments]: long,
    });
    const trigger = s.emulator.ws.reports.at(-1)!;
    expect(trigger.entry).toContain('onFormSubmit');
    // Each sheet read once (the questionnaire's two response sheets, Feedback, Schedule, and for
    // the Summary Roster, Teachers and Student Prep; no Follow-ups sheet exists yet, and the
    // availability form's answers are not this trigger's); Feedback and Summary written once each.
    expect(trigger.callsByMethod['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(7);
    expect(trigger.callsByMethod['SpreadsheetApp.Range.setValues']).toBe(2);
    const [fb] = rows(s, 'Feedback');
    expect(fb).toMatchObject({
      'Conference ID': conf['Conference ID'],
      Teacher: conf.Teacher,
      Rating: 4,
      Goal: '<script>alert(1)</script>',
      'How We Help': HOSTILE,
      'Follow-up': 'Yes',
      'Follow-up When': '+1 Tuesday 3:30 PM',
      Flag: '',
    });
    expect(String(fb!.Comments).length).toBeLessThanOrEqual(5000);
    const summary = s.emulator.spreadsheet.sheetByName('Summary')!;
    const grid = summary.values();
    const follow = grid.findIndex((r) => r[0] === 'Follow-up requests');
    expect(grid[follow + 2]!.slice(0, 3)).toEqual([
      conf.Family,
      conf.Teacher,
      '+1 Tuesday 3:30 PM',
    ]);
    expect(grid.flat()).toContain(HOSTILE);
    expect(summary.rows.flat().filter((c) => c?.f !== undefined)).toEqual([]);
    expect(summary.charts.map((c) => c.options.title)).toEqual([
      'Participation per teacher',
      'Average rating per teacher (1–5)',
    ]);
  });

  it('flags a code that is unknown or of another round’s conference, and does not count it', () => {
    const s = afterConferences();
    const conf = rows(s, 'Schedule')[0]!;
    const link = String(conf['Feedback Link']);
    s.emulator.forms.submitPrefilled(link.replace(/=[0-9a-f]{32}/, `=${'0'.repeat(32)}`), {
      [Q.rating]: '1',
    });
    setSettings(s, { roundName: 'Spring' });
    run(s, 'forms');
    const spring = s.emulator.forms.get(formsState(s).questionnaires.Spring!.formId)!;
    const code = /=([0-9a-f]{32})/.exec(link)![1]!;
    s.emulator.forms.submit(spring.id, { [Q.code]: code, [Q.rating]: '1' });
    const flags = rows(s, 'Feedback').map((r) => String(r.Flag));
    expect(flags).toEqual([
      expect.stringMatching(/Unknown conference code/),
      expect.stringMatching(/Fall conference, answered on the Spring questionnaire/),
    ]);
    setSettings(s, { roundName: 'Fall' });
    run(s, 'summary');
    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const q = grid.findIndex((r) => r[0] === 'Questionnaire');
    expect(grid[q + 2]!.slice(0, 4)).toEqual([0, 0, '', 2]);
  });

  it('keeps a family’s second answer beside the first and counts the latest; an edited answer replaces its own row', () => {
    const s = afterConferences();
    const conf = rows(s, 'Schedule')[0]!;
    const link = String(conf['Feedback Link']);
    s.emulator.forms.submitPrefilled(link, { [Q.rating]: '2' });
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 3600_000);
    const second = s.emulator.forms.submitPrefilled(link, { [Q.rating]: '5' });
    expect(rows(s, 'Feedback').map((r) => r.Rating)).toEqual([2, 5]);
    const teacherRow = () => {
      const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
      return grid.find(
        (r, i) => i > grid.findIndex((x) => x[0] === 'Per teacher') && r[0] === conf.Teacher,
      )!;
    };
    expect(teacherRow()[7]).toBe(5);
    const form = formsState(s).questionnaires.Fall!.formId;
    s.emulator.forms.submit(form, { [Q.rating]: '3' }, { editOf: second });
    expect(rows(s, 'Feedback').map((r) => r.Rating)).toEqual([2, 3]);
    expect(teacherRow()[7]).toBe(3);
  });

  it('keeps what a person types in another Feedback row while an answer is being recorded', () => {
    const s = afterConferences();
    const [first, second] = rows(s, 'Schedule');
    s.emulator.forms.submitPrefilled(String(first!['Feedback Link']), { [Q.rating]: '2' });
    const feedback = s.emulator.spreadsheet.sheetByName('Feedback')!;
    // A column of the coordinator's own, beside the add-on's.
    const calledBack = feedback.values()[0]!.length + 1;
    feedback.put(1, calledBack, { v: 'Called back' });
    const typed = s.emulator.ws.interruptAt('SpreadsheetApp.Range.setNumberFormats', 1, () =>
      feedback.put(2, calledBack, { v: 'yes, Tuesday' }),
    );
    s.emulator.forms.submitPrefilled(String(second!['Feedback Link']), { [Q.rating]: '5' });
    expect(typed()).toBe(true);
    expect(feedback.cell(2, calledBack)?.v).toBe('yes, Tuesday');
    expect(rows(s, 'Feedback').map((r) => [r['Conference ID'], r.Rating])).toEqual([
      [first!['Conference ID'], 2],
      [second!['Conference ID'], 5],
    ]);
  });
});

describe('the summary', () => {
  /** The rows of the Summary's Per teacher block (its header first), 1-based, from the grid. */
  function teacherBlock(s: School, teachers: number): { row: number; numRows: number } {
    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const top = grid.findIndex((r, i) => r[0] === 'Teacher' && grid[i - 1]?.[0] === 'Per teacher');
    return { row: top + 1, numRows: teachers + 1 };
  }
  const teachersOf = (s: School) => new Set(rows(s, 'Schedule').map((r) => r.Teacher)).size;

  it('leaves both charts as they are when an answer moves none of them, and their ranges hold the new rating', () => {
    const s = afterConferences();
    const [first, second] = rows(s, 'Schedule');
    s.emulator.forms.submitPrefilled(String(first!['Feedback Link']), { [Q.rating]: '2' });
    const sheet = s.emulator.spreadsheet.sheetByName('Summary')!;
    const charts = JSON.stringify(sheet.charts);
    s.emulator.forms.submitPrefilled(String(second!['Feedback Link']), { [Q.rating]: '4' });
    const trigger = s.emulator.ws.reports.at(-1)!;
    expect(trigger.entry).toContain('onFormSubmit');
    expect(trigger.callsByMethod['SpreadsheetApp.Sheet.updateChart']).toBeUndefined();
    expect(JSON.stringify(sheet.charts)).toBe(charts);
    // The rating chart's series is the Average rating column over the Per teacher block, where
    // the second answer's teacher now shows its rating: the chart draws it from there.
    const block = teacherBlock(s, teachersOf(s));
    const rating = sheet.charts.find((c) => String(c.options.title).startsWith('Average rating'))!;
    const series = rating.ranges[1]!;
    expect(series).toMatchObject({ row: block.row, numRows: block.numRows, numColumns: 1 });
    const grid = sheet.values();
    const at = grid.findIndex(
      (r, i) => i >= block.row && i < block.row - 1 + block.numRows && r[0] === second!.Teacher,
    );
    expect(at).toBeGreaterThan(0);
    expect(grid[block.row - 1]![series.column - 1]).toBe('Average rating');
    expect(grid[at]![series.column - 1]).toBe(first!.Teacher === second!.Teacher ? 3 : 4);
  });

  it('puts a chart back over its block when its ranges or place were changed by hand', () => {
    const s = afterConferences();
    const conf = rows(s, 'Schedule')[0]!;
    s.emulator.forms.submitPrefilled(String(conf['Feedback Link']), { [Q.rating]: '5' });
    const sheet = s.emulator.spreadsheet.sheetByName('Summary')!;
    const charts = JSON.stringify(sheet.charts);
    sheet.charts[0]!.ranges = sheet.charts[0]!.ranges.slice(0, 2).map((r) => ({
      ...r,
      numRows: 2,
    }));
    sheet.charts[1]!.position = { row: 40, column: 2, offsetX: 0, offsetY: 0 };
    run(s, 'summary');
    expect(JSON.stringify(sheet.charts)).toBe(charts);
    const block = teacherBlock(s, teachersOf(s));
    for (const chart of sheet.charts)
      for (const r of chart.ranges)
        expect(r).toMatchObject({ row: block.row, numRows: block.numRows });
  });

  it('is titled with the school name the settings hold, asking the spreadsheet its name only when none is saved', () => {
    const s = afterConferences();
    setSettings(s, { schoolName: 'Maple Elementary' });
    run(s, 'summary');
    const title = () => String(s.emulator.spreadsheet.sheetByName('Summary')!.values()[0]![1]);
    expect(title()).toContain('Maple Elementary');
    expect(s.emulator.ws.reports.at(-1)!.callsByMethod['SpreadsheetApp.Spreadsheet.getName']).toBe(
      undefined,
    );
    props(s).delete('slc:settings');
    run(s, 'summary');
    expect(title()).toContain(s.emulator.spreadsheet.name);
    expect(s.emulator.ws.reports.at(-1)!.callsByMethod['SpreadsheetApp.Spreadsheet.getName']).toBe(
      1,
    );
  });

  it('blanks what a longer Summary left below it, and keeps a note beside it on that row', () => {
    const s = afterConferences();
    run(s, 'summary');
    const sheet = s.emulator.spreadsheet.sheetByName('Summary')!;
    const [first] = sheet.values();
    const below = sheet.values().length + 3;
    const beside = first!.length + 2;
    sheet.put(below, 1, { v: 'A figure of a longer Summary' });
    sheet.put(below, beside, { v: 'Ask the office' });
    run(s, 'summary');
    expect(sheet.cell(below, 1)?.v ?? '').toBe('');
    expect(sheet.cell(below, beside)?.v).toBe('Ask the office');
  });

  it('is the same grid with the same two charts when rebuilt again', () => {
    const s = afterConferences();
    const conf = rows(s, 'Schedule')[0]!;
    s.emulator.forms.submitPrefilled(String(conf['Feedback Link']), { [Q.rating]: '5' });
    run(s, 'summary');
    const sheet = s.emulator.spreadsheet.sheetByName('Summary')!;
    const grid = JSON.stringify(sheet.values());
    const charts = JSON.stringify(sheet.charts);
    run(s, 'summary');
    expect(JSON.stringify(sheet.values())).toBe(grid);
    expect(JSON.stringify(sheet.charts)).toBe(charts);
    expect(sheet.charts).toHaveLength(2);
  });

  it('keeps the notes a coordinator writes beside it, before a rebuild and while one runs', () => {
    const s = afterConferences();
    run(s, 'summary');
    const sheet = s.emulator.spreadsheet.sheetByName('Summary')!;
    const beside = sheet.values()[0]!.length + 1;
    sheet.put(1, beside, { v: 'Share with the board on Monday' });
    const typed = s.emulator.ws.interruptAt('SpreadsheetApp.Range.setNumberFormats', 1, () =>
      sheet.put(3, beside, { v: 'Grade 4 rates low: ask why' }),
    );
    run(s, 'summary');
    expect(typed()).toBe(true);
    expect(sheet.cell(1, beside)?.v).toBe('Share with the board on Monday');
    expect(sheet.cell(3, beside)?.v).toBe('Grade 4 rates low: ask why');
    expect(sheet.values()[0]![1]).toContain('student-led conferences');
  });

  it('counts attendance teachers mark in the Schedule, and the sidebar lists no-shows to offer a new time', () => {
    const s = afterConferences(30, false);
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const status = sheet.values()[0]!.indexOf('Status') + 1;
    sheet.put(2, status, { v: 'attended' });
    sheet.put(3, status, { v: 'no-show' });
    run(s, 'summary');
    const o = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const summary = o.steps.find((x) => x.id === 'summary')!;
    expect(summary.counts).toEqual(
      expect.arrayContaining([
        { label: 'attended', value: 1 },
        { label: 'no-show', value: 1 },
      ]),
    );
    const questionnaire = o.steps.find((x) => x.id === 'questionnaire')!;
    expect(questionnaire.problems.find((p) => /did not come/.test(p.message))).toMatchObject({
      where: { sheet: 'Schedule', row: 3, column: status },
    });
  });
});

describe('the Family availability and Questionnaire steps', () => {
  it('shows a family’s request for another time when its invited conference no longer fits its answer', () => {
    const s = school();
    run(s, 'schedule');
    run(s, 'forms');
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const header = sheet.values()[0]!;
    const conf = rows(s, 'Schedule')[0]!;
    sheet.put(2, header.indexOf('Status') + 1, { v: 'invited' });
    const other = formsState(s).availability.choices.find(
      (c) => c.date !== (conf.Date as Date).toISOString().slice(0, 10),
    )!;
    s.emulator.forms.submitPrefilled(familyLinks(s).get(String(conf['Family ID']))!, {
      [`${TIMES} [${other.label}]`]: '1st choice',
    });
    const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'availability',
    )!;
    expect(step.status).toBe('attention');
    expect(step.counts).toContainEqual({ label: 'change requests', value: 1 });
    expect(step.problems[0]).toMatchObject({
      where: { sheet: 'Schedule', row: 2 },
      message: expect.stringContaining('asks for another time'),
    });
  });

  it('is read with one read of each sheet and no write', () => {
    const s = afterConferences(120);
    s.bundle.callFromClient('getOverview', []);
    const calls = s.emulator.ws.reports.at(-1)!.callsByMethod;
    // Roster, Teachers, Schedule, Availability, Feedback and Student Prep, once each.
    expect(calls['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(6);
    expect(Object.keys(calls).filter((m) => /\.set|insert|append|delete|send/.test(m))).toEqual([]);
  });

  it('offers to create the forms before the schedule, then to send the questionnaire once conferences have passed', () => {
    const s = school();
    const steps = () => ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps;
    const step = () => steps().find((x) => x.id === 'questionnaire')!;
    // The forms are made in the step before the schedule; the questionnaire waits till after.
    const ids = steps().map((x) => x.id);
    expect(ids.indexOf('availability')).toBe(ids.indexOf('schedule') - 1);
    expect(steps().find((x) => x.id === 'availability')).toMatchObject({
      status: 'ready',
      action: { job: 'forms' },
    });
    expect(step()).toMatchObject({ status: 'todo', action: { job: 'forms' } });
    run(s, 'schedule');
    run(s, 'forms');
    expect(step()).toMatchObject({ status: 'todo' });
    expect(step().action).toBeUndefined();
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    // Past, but nobody marked attended yet: nobody is asked, and the step says how to change that.
    const conferences = rows(s, 'Schedule').length;
    expect(step()).toMatchObject({ status: 'todo' });
    expect(step().action).toBeUndefined();
    expect(step().counts).toContainEqual({
      label: 'past conferences not marked attended',
      value: conferences,
    });
    expect(step().next).toContain(
      `${conferences} past conferences are not marked attended yet, so not asked: mark attendance in the Check-in`,
    );
    markAttended(s);
    expect(step()).toMatchObject({ status: 'ready', action: { job: 'questionnaire' } });
    expect(step().counts).toContainEqual({
      label: 'past conferences not marked attended',
      value: 0,
    });
    expect(step().next).not.toContain('not marked attended');
    run(s, 'questionnaire');
    expect(step()).toMatchObject({ status: 'done' });
  });

  it('the Conference days step points to the availability form (made in the Family availability step) before the schedule is built', () => {
    const s = school();
    const days = () =>
      ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find((x) => x.id === 'days')!;
    expect(days().next).toBe(
      'Ask the families when they can come next (step 4, Family availability): create the family forms, email each family its link and give them a few days before you build the schedule.',
    );
    run(s, 'forms');
    expect(days().next).toBe(
      'Ask the families when they can come (step 4, Family availability) and give them a few days, then build the schedule.',
    );
    run(s, 'ask');
    expect(days().next).toBe('Build the schedule next.');
  });

  it('offers to send the questionnaire, with the families due, when the forms were made before the schedule', () => {
    // As the step advises: the availability form first, so the Schedule has no questionnaire
    // links yet; sending makes them, so the families are due all the same.
    const s = school();
    run(s, 'forms');
    run(s, 'schedule');
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    markAttended(s);
    const families = new Set(rows(s, 'Schedule').map((r) => r['Family ID'])).size;
    const step = () =>
      ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
        (x) => x.id === 'questionnaire',
      )!;
    expect(step()).toMatchObject({
      status: 'ready',
      action: { job: 'questionnaire', label: `Send the questionnaire (${families})` },
    });
    expect(step().counts).toContainEqual({
      label: 'families due the questionnaire',
      value: families,
    });
    expect(run(s, 'questionnaire').message).toBe(`Sent the questionnaire to ${families} families.`);
    expect(step()).toMatchObject({ status: 'done' });
  });
});
