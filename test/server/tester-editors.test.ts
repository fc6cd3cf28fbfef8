/**
 * A tester's walk (session 34): two editors of one spreadsheet, one starting the next round while
 * the other's job of this round is part-way. A reproduction, failing today (it.failing).
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Result, SettingsView } from '../../src/shared/api';
import { LockStore } from '../../emulator/lock';
import type { Packet, StudentLink } from '../../src/shared/api';
import { EST, ok, props } from './calls';

type School = ReturnType<typeof openSchool>;
const A = 'coordinator@lincoln.school.example';
const B = 'rivera@lincoln.school.example';

/**
 * The Roster's addresses, and its families: rows that share an address are one family (the
 * sample's Roster has no Family ID column). Read from the sheet, not by the add-on's parser.
 */
function householdsOf(values: unknown[][]): { addresses: Set<string>; families: number } {
  const [header, ...rows] = values.map((r) => r.map(String));
  const cols = header!.flatMap((h, i) => (/email/i.test(h) ? [i] : []));
  const parent = new Map<string, string>();
  const root = (x: string): string => (parent.get(x) === x ? x : root(parent.get(x)!));
  for (const row of rows) {
    const emails = cols.map((i) => row[i]!.trim().toLowerCase()).filter(Boolean);
    for (const e of emails) if (!parent.has(e)) parent.set(e, e);
    for (const e of emails.slice(1)) parent.set(root(e), root(emails[0]!));
  }
  const addresses = new Set(parent.keys());
  return { addresses, families: new Set([...addresses].map(root)).size };
}

function chunk(s: School, user: string, job: string): JobProgress {
  const r = s.bundle.callFromClient('runJob', [job], { user }) as Result<JobProgress>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('tester: a round started by B while A asks the families', () => {
  // Was failing (tester, session 34): A's "Ask families when they can come" stops part-way (first
  // chunk: 56 of 85 families). B saved Settings with the round Spring, and A's next click resumed
  // the saved cursor under Spring: the 56 families asked minutes before were emailed the same
  // request again (73 addresses twice), the run ended "Asked 141 families" of 85, and fall's asking
  // was left unfinished without a word. Now B's save is refused, naming the job and its count, until
  // A's job is done. (Seen failing with saveSettings' part-way check removed: 73 addresses twice.)
  it('no family is emailed the request twice in one run, and the count is of families', () => {
    const s = openSchool({ students: 120 });
    for (const job of ['setup', 'forms']) for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
    const { addresses, families } = householdsOf(
      s.emulator.spreadsheet.sheetByName('Roster')!.values(),
    );
    const first = chunk(s, A, 'ask');
    expect(first.done).toBe(false); // the run stops part-way, as on a slow day
    const view = s.bundle.callFromClient('getSettings', [], { user: B }) as Result<SettingsView>;
    if (!view.ok) throw new Error(view.error.message);
    const spring = { ...view.value.settings, roundName: 'Spring' };
    const refused = s.bundle.callFromClient('saveSettings', [spring], {
      user: B,
    }) as Result<unknown>;
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toContain('the round is still Fall');
      expect(refused.error.message).toContain(
        `asking families when they can come: ${first.processed} of ${first.total} done, started by ${A}`,
      );
    }
    let last = first;
    for (let i = 0; i < 40 && !last.done; i++) last = chunk(s, A, 'ask');
    const to = s.emulator.mail.sent.map((m) => m.to.join());
    expect(to.length - new Set(to).size).toBe(0);
    // Every address of the Roster asked once, and the count is of its families (85 of them).
    expect(new Set(to.map((t) => t.toLowerCase()))).toEqual(addresses);
    expect(last.message).toContain(`Asked ${families} families`);
    // Once fall's asking is done, B starts spring.
    ok(s.bundle.callFromClient('saveSettings', [spring], { user: B }));
  });
});

describe('a part-way job finds the round changed under it', () => {
  // Settings refuse a new round while a job is part-way, but the round can still change under one
  // (the settings written by a copy of the add-on from before that check). The job's saved
  // progress belongs to its round: it is stopped, saying so, not carried on in the new round.
  // (Seen failing with runChunk's round check removed: the next click emailed 86 more addresses.)
  it('is stopped with the round and count it reached, and sends nothing more', () => {
    const s = openSchool({ students: 120 });
    for (const job of ['setup', 'forms']) for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
    const first = chunk(s, A, 'ask');
    expect(first.done).toBe(false);
    const view = s.bundle.callFromClient('getSettings', [], { user: B }) as Result<SettingsView>;
    if (!view.ok) throw new Error(view.error.message);
    props(s).set('slc:settings', JSON.stringify({ ...view.value.settings, roundName: 'Spring' }));
    const before = s.emulator.mail.sent.length;
    const next = chunk(s, A, 'ask');
    expect(s.emulator.mail.sent.length).toBe(before);
    expect(next.done).toBe(true);
    expect(next.message).toContain(
      `left part-way in round Fall (${first.processed} of ${first.total} done, started by ${A}); the round is now Spring`,
    );
  });
});

describe('tester: a student prepares while another editor’s job holds the document', () => {
  // FAILS today (tester, session 34): the form-submit trigger waits 5 s for the document lock and
  // gives up while another editor's job runs (jobs run for minutes). The answer stays on its Form
  // Responses sheet until the next answer on that sheet, a Schedule build or the Summary job; the
  // prep nudge (src/workspace/prepnudge.ts) and the packets (src/workspace/packets.ts) do not
  // record it first, so the student who prepared is emailed to get ready and their packet is blank.
  it('the student who prepared is not nudged, and their packet has their goal', () => {
    const s = openSchool({ students: 12, teachers: 2 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const [header, ...body] = roster.values();
    roster.put(1, header!.length + 1, { v: 'Student Email' });
    body.forEach((r, i) =>
      roster.put(i + 2, header!.length + 1, { v: `student${r[0]}@students.lincoln.example` }),
    );
    for (const job of ['setup', 'forms', 'schedule', 'student-forms'])
      for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
    const links = s.bundle.callFromClient('getStudentLinks', []) as Result<StudentLink[]>;
    if (!links.ok) throw new Error(links.error.message);
    const ana = links.value.find((l) =>
      /getting ready/.test(s.emulator.forms.readPrefilled(l.link).form.title),
    )!;
    const key = LockStore.documentKey(s.emulator.spreadsheet.id);
    s.emulator.locks.holdForAnother(key, s.emulator.ws.clock.now() + 600_000);
    s.emulator.forms.submitPrefilled(ana.link, {
      'My goal': 'Read a chapter book',
      'Which work will I show? (a link, or a few words about it)': 'My poster',
    });
    expect(String(s.emulator.triggers.firings.at(-1)!.error)).toMatch(/changing this spreadsheet/);
    s.emulator.locks.held.delete(key);
    const before = s.emulator.mail.sent.length;
    for (let i = 0; i < 40 && !chunk(s, B, 'prep-nudge').done; i++);
    expect(s.emulator.mail.sent.slice(before).filter((m) => m.to.includes(ana.email))).toEqual([]);
    const packets = s.bundle.callFromClient('getPackets', []) as Result<Packet[]>;
    if (!packets.ok) throw new Error(packets.error.message);
    expect(packets.value.find((p) => p.html.includes(ana.name))!.html).toContain(
      'Read a chapter book',
    );
  });
});

describe('an answer its trigger could not record, read by the sidebar and the packets', () => {
  // Fixed in session 34 (fixG): the sidebar's steps and the packets record answers a trigger
  // marked pending before reading them. Checked: without the overview's recordPending the
  // "ready to lead" count stays 0, and without the packets' the second packet prints blank lines.
  it('counts the student as ready and prints their own words, escaped', () => {
    const s = openSchool({ students: 12, teachers: 2 });
    for (const job of ['setup', 'forms', 'schedule', 'student-forms'])
      for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
    const links = s.bundle.callFromClient('getStudentLinks', []) as Result<StudentLink[]>;
    if (!links.ok) throw new Error(links.error.message);
    const [first, second] = links.value.filter((l) =>
      /getting ready/.test(s.emulator.forms.readPrefilled(l.link).form.title),
    );
    const key = LockStore.documentKey(s.emulator.spreadsheet.id);
    const answerWhileBusy = (link: StudentLink, goal: string) => {
      s.emulator.locks.holdForAnother(key, s.emulator.ws.clock.now() + 600_000);
      s.emulator.forms.submitPrefilled(link.link, {
        'My goal': goal,
        'Which work will I show? (a link, or a few words about it)': 'My poster',
      });
      expect(String(s.emulator.triggers.firings.at(-1)!.error)).toMatch(
        /changing this spreadsheet/,
      );
    };
    const ready = () => {
      const overview = s.bundle.callFromClient('getOverview', [], { user: B }) as Result<{
        steps: { id: string; counts: { label: string; value: number }[] }[];
      }>;
      if (!overview.ok) throw new Error(overview.error.message);
      return overview.value.steps
        .find((x) => x.id === 'schedule')!
        .counts.filter((c) => /ready to lead/.test(c.label))
        .reduce((n, c) => n + c.value, 0);
    };
    answerWhileBusy(first!, 'Read two books');
    // While the other job still holds the document, the sidebar reads the sheets as they are.
    expect(ready()).toBe(0);
    const pending = () =>
      s.emulator.kv.properties
        .get(`document:${s.emulator.spreadsheet.id}`)
        ?.has('slc:responses:pending');
    expect(pending()).toBe(true);
    s.emulator.locks.held.delete(key);
    expect(ready()).toBe(1);
    // Recorded once: the mark is gone, and the next look costs nothing more.
    expect(pending()).toBe(false);

    const goal = '<b>Read</b> "two" books & <script>x()</script>';
    answerWhileBusy(second!, goal);
    s.emulator.locks.held.delete(key);
    const packets = s.bundle.callFromClient('getPackets', []) as Result<Packet[]>;
    if (!packets.ok) throw new Error(packets.error.message);
    const html = packets.value.find((p) => p.html.includes(second!.name))!.html;
    expect(html).toContain('&lt;b&gt;Read&lt;/b&gt; &quot;two&quot; books &amp; &lt;script&gt;');
    expect(html).not.toContain('<script>x()');
    const prep = s.emulator.spreadsheet.sheetByName('Student Prep')!.values();
    expect(prep.filter((r) => r[prep[0]!.indexOf('Goal')] === goal)).toHaveLength(1);
  });
});

describe('the student forms made by another editor (session 34, fixG)', () => {
  // The tester read "…or let them create the family forms" about the student forms. Checked:
  // with openOrMake's form name left out, this fails on "family forms".
  it('B, not shared on A’s student forms, is told to ask A about the student prep form', () => {
    const s = openSchool({ students: 12, teachers: 2 });
    for (const job of ['setup', 'forms', 'schedule', 'student-forms'])
      for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
    const forms = s.emulator.forms.forms().length;
    const r = s.bundle.callFromClient('runJob', ['student-forms'], {
      user: B,
    }) as Result<JobProgress>;
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.error.message;
    expect(message).toContain(`student prep form belongs to ${A}`);
    expect(message).toContain(`or let them create the student prep form.`);
    expect(message).not.toContain('family forms');
    expect(s.emulator.forms.forms()).toHaveLength(forms);
  });
});

describe('every chunked job left part-way holds the round', () => {
  // Each job that works in chunks keeps its progress between them (src/workspace/jobs.ts), and
  // counts and sends for the round it was started in. Left part-way on a slow day, it holds the
  // round: Settings refuse Spring, naming the job and how far it got, until it is done. None of
  // them sends anyone the same email twice. (Seen failing with saveSettings' part-way check
  // removed: every save below went through.)
  it('family forms, invitations, student forms, prep nudges, reminders and the questionnaire', () => {
    const s = openSchool({ students: 40, days: ['2026-11-17'], latencyFactor: 10 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const [header, ...body] = roster.values();
    roster.put(1, header!.length + 1, { v: 'Student Email' });
    body.forEach((r, i) =>
      roster.put(i + 2, header!.length + 1, { v: `student${r[0]}@students.lincoln.example` }),
    );
    const finish = (job: string) => {
      for (let i = 0; i < 60; i++) if (chunk(s, A, job).done) return;
      throw new Error(`${job} never finished`);
    };
    for (const job of ['setup', 'schedule']) finish(job);
    const view = s.bundle.callFromClient('getSettings', [], { user: B }) as Result<SettingsView>;
    if (!view.ok) throw new Error(view.error.message);
    const spring = { ...view.value.settings, roundName: 'Spring' };
    const seen: string[] = [];
    const holds = (job: string, label: string, when?: number) => {
      if (when !== undefined) s.emulator.ws.clock.set(when);
      const before = s.emulator.mail.sent.length;
      const first = chunk(s, A, job);
      seen.push(`${job}: ${first.done ? 'done in one chunk' : 'part-way'}`);
      if (first.done) return;
      const r = s.bundle.callFromClient('saveSettings', [spring], { user: B }) as Result<unknown>;
      expect(r.ok ? `${job}: saved` : r.error.message).toContain(
        `${label}: ${first.processed} of ${first.total} done, started by ${A}`,
      );
      finish(job);
      const sent = s.emulator.mail.sent.slice(before).map((m) => `${m.to.join()} ${m.subject}`);
      expect(sent.length - new Set(sent).size).toBe(0);
    };
    holds('forms', 'creating the family forms');
    holds('invites', 'sending the invitations');
    holds('student-forms', 'creating the student prep and reflection forms');
    holds('prep-nudge', 'emailing the prep link to students who have not prepared');
    holds('reminders', 'sending reminders', EST('2026-11-16', '08:00'));
    // The conferences held: each marked attended, as teachers mark them.
    const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const status = schedule.values()[0]!.map(String).indexOf('Status') + 1;
    for (let row = 2; row <= schedule.values().length; row++)
      schedule.patch(row, status, { v: 'attended' });
    holds('questionnaire', 'sending the questionnaire', EST('2026-11-18', '08:00'));
    expect(seen).toEqual([
      'forms: part-way',
      'invites: part-way',
      'student-forms: part-way',
      'prep-nudge: part-way',
      'reminders: part-way',
      'questionnaire: part-way',
    ]);
    // All done: Spring can start.
    ok(s.bundle.callFromClient('saveSettings', [spring], { user: B }));
  });
});
