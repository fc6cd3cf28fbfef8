/**
 * A tester's walk (session 34): two editors of one spreadsheet, one starting the next round while
 * the other's job of this round is part-way. A reproduction, failing today (it.failing).
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Result, SettingsView } from '../../src/shared/api';
import { parseRoster } from '../../src/core/roster';
import { LockStore } from '../../emulator/lock';
import type { Packet, StudentLink } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;
const A = 'coordinator@lincoln.school.example';
const B = 'rivera@lincoln.school.example';

function chunk(s: School, user: string, job: string): JobProgress {
  const r = s.bundle.callFromClient('runJob', [job], { user }) as Result<JobProgress>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('tester: a round started by B while A asks the families', () => {
  // FAILS today (tester, session 34): A's "Ask families when they can come" stops part-way (first
  // chunk: 56 of 85 families). B saves Settings with the round Spring. A's next click resumes the
  // saved cursor (src/workspace/jobs.ts runChunk keeps it whatever the round) under Spring: the 56
  // families asked minutes before are emailed the same request again (73 addresses twice), the
  // run ends "Asked 141 families" of 85, and fall's asking is left unfinished without a word.
  it.failing(
    'no family is emailed the request twice in one run, and the count is of families',
    () => {
      const s = openSchool({ students: 120 });
      for (const job of ['setup', 'forms']) for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
      const families = parseRoster(
        s.emulator.spreadsheet.sheetByName('Roster')!.values(),
        null,
      ).families.filter((f) => f.rows.length > 0);
      const first = chunk(s, A, 'ask');
      expect(first.done).toBe(false); // the run stops part-way, as on a slow day
      const view = s.bundle.callFromClient('getSettings', [], { user: B }) as Result<SettingsView>;
      if (!view.ok) throw new Error(view.error.message);
      s.bundle.callFromClient('saveSettings', [{ ...view.value.settings, roundName: 'Spring' }], {
        user: B,
      });
      let last = first;
      for (let i = 0; i < 40 && !last.done; i++) last = chunk(s, A, 'ask');
      const to = s.emulator.mail.sent.map((m) => m.to.join());
      expect(to.length - new Set(to).size).toBe(0);
      const asked = Number(/Asked (\d+) famil/.exec(last.message)?.[1] ?? 0);
      expect(asked).toBeLessThanOrEqual(families.length);
    },
  );
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
