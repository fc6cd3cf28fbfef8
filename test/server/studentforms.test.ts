/**
 * The students' prep form on the built bundle: made once per round and language, found again after
 * a cut at any call, answered through each student's own link (the form-submit trigger writes one
 * Student Prep row per student per round), and handed out on a printable class list per teacher.
 */
import { openSchool } from '../../preview/school';
import { ok, run } from './calls';
import { cutOffAt } from './cut';
import type { JobProgress, Problem, StudentLink } from '../../src/shared/api';
import { escapeHtml } from '../../src/core/templates';

type School = ReturnType<typeof openSchool>;

const EN = {
  proud: 'What am I proud of?',
  targets: 'Which learning targets will I show?',
  work: 'Which work will I show? (a link, or a few words about it)',
  goal: 'My goal',
  ask: 'What would I like my family to ask me?',
  coming: 'Who is coming with me?',
};
const ES = { proud: '¿De qué estoy orgulloso u orgullosa?', goal: 'Mi meta' };
const HOSTILE = '=IMPORTXML("https://evil.example","//a")';
const PREP_FORM = /getting ready for my Fall conference|me preparo para mi conferencia \(Fall\)/;
const R = {
  went: 'How did my conference go?',
  next: 'What will I do next?',
  goal: 'My goal now',
  met: 'Did I meet the goal I set last time?',
};

function school(students = 30): School {
  const s = openSchool({ students });
  run(s, 'setup');
  return s;
}

function links(s: School): StudentLink[] {
  return ok<StudentLink[]>(s.bundle.callFromClient('getStudentLinks', []));
}

function rows(s: School, sheet: string): Record<string, unknown>[] {
  const [header, ...body] = s.emulator.spreadsheet.sheetByName(sheet)!.values();
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

/** The Roster as the sample wrote it: header, then one row per student. */
function roster(s: School): { header: string[]; body: unknown[][] } {
  const [header, ...body] = s.emulator.spreadsheet.sheetByName('Roster')!.values();
  return { header: header!.map(String), body };
}

describe('the student prep form', () => {
  it('is made once per round and language, published, asking nothing about other students', () => {
    const s = school();
    const first = run(s, 'student-forms');
    expect(first.message).toContain('Created the Fall student prep form');
    run(s, 'student-forms');
    run(s, 'student-forms');
    const made = s.emulator.forms.forms().filter((f) => PREP_FORM.test(f.title));
    // English, and Spanish: the sample Roster has students whose language is Spanish.
    expect(made.map((f) => f.title.replace(/.*: /, '')).sort()).toEqual([
      'getting ready for my Fall conference',
      'me preparo para mi conferencia (Fall)',
    ]);
    expect(s.emulator.triggers.triggers.filter((t) => t.event === 'ON_FORM_SUBMIT')).toHaveLength(
      1,
    );
    const names = roster(s).body.flatMap((r) => [String(r[1]), String(r[2])]);
    for (const f of made) {
      expect(f.published).toBe(true);
      expect(f.collectEmail).toBe(false);
      expect(f.publishingSummary).toBe(false);
      expect(f.destination).not.toBeNull();
      // Only questions a student writes in: no list of names to choose from.
      expect(new Set(f.items.map((i) => i.type))).toEqual(new Set(['TEXT', 'PARAGRAPH_TEXT']));
      for (const i of f.items) for (const n of names) expect(i.title).not.toContain(n);
    }
    // Every student has their own code and link, none shared.
    const all = links(s);
    expect(all).toHaveLength(roster(s).body.length);
    expect(new Set(all.map((l) => l.code)).size).toBe(all.length);
    expect(new Set(all.map((l) => l.link)).size).toBe(all.length);
  });

  it('reads the document properties once an execution, not again per form, for the settings or for the trigger owner', () => {
    const s = school();
    let from = s.emulator.ws.callCount;
    for (let i = 0; i < 20; i++) {
      const done = ok<JobProgress>(s.bundle.callFromClient('runJob', ['student-forms'])).done;
      const reads = s.emulator.ws.callLog
        .filter((c) => c.index >= from)
        .map((c) => `${c.service}.${c.method}`)
        .filter((m) => /^PropertiesService\.Properties\.getPropert(y|ies)$/.test(m));
      // The job's own record and the round it runs in (a part-way job belongs to its round:
      // src/workspace/jobs.ts), one getProperty each, and all the step needs (one getProperties).
      expect(reads.sort()).toEqual([
        'PropertiesService.Properties.getProperties',
        'PropertiesService.Properties.getProperty',
        'PropertiesService.Properties.getProperty',
      ]);
      from = s.emulator.ws.callCount;
      if (done) return;
    }
    throw new Error('the student forms job did not finish in 20 executions');
  });

  it('cut off at any call, a re-run makes no second form, trigger or code', () => {
    const probe = school();
    const from = probe.emulator.ws.callCount;
    run(probe, 'student-forms');
    const total = probe.emulator.ws.callCount - from;
    const codes = links(probe).length;
    for (let k = 0; k < total; k += 3) {
      const s = school();
      cutOffAt(s.emulator.ws, k, () => {
        for (let i = 0; i < 20; i++)
          if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['student-forms'])).done) break;
      });
      run(s, 'student-forms');
      // The prep and reflection forms, in English and in Spanish.
      const linked = s.emulator.forms.forms().filter((f) => f.destination);
      expect(linked).toHaveLength(4);
      // Cut between FormApp.create and saving its id, that one form is left empty and unlinked.
      expect(s.emulator.forms.forms().length).toBeLessThanOrEqual(5);
      expect(
        s.emulator.spreadsheet.sheets.filter((x) => x.name.startsWith('Form Responses')),
      ).toHaveLength(4);
      expect(s.emulator.triggers.triggers).toHaveLength(1);
      expect(links(s)).toHaveLength(codes);
    }
  });

  it("records a student's answers on Student Prep, one row per student per round, the latest answer winning", () => {
    const s = school();
    run(s, 'student-forms');
    const english = links(s).find((l) => /getting ready/.test(formTitle(s, l)))!;
    s.emulator.forms.submitPrefilled(english.link, {
      [EN.proud]: 'My fractions poster',
      [EN.targets]: 'I can compare fractions',
      [EN.work]: 'https://drive.example/poster',
      [EN.goal]: '<b>Read</b> every night',
      [EN.ask]: HOSTILE,
      [EN.coming]: 'Mum and Grandpa',
    });
    expect(s.emulator.ws.reports.at(-1)!.entry).toContain('onFormSubmit');
    expect(rows(s, 'Student Prep')).toEqual([
      expect.objectContaining({
        'Student ID': english.studentId,
        Round: 'Fall',
        'Proud Of': 'My fractions poster',
        'Learning Targets': 'I can compare fractions',
        'Work Sample': 'https://drive.example/poster',
        Goal: '<b>Read</b> every night',
        'Family Question': HOSTILE,
        'Coming With Me': 'Mum and Grandpa',
      }),
    ]);
    // The student changes their mind: still one row, now the later answer.
    s.emulator.forms.submitPrefilled(english.link, { [EN.goal]: 'Read twenty minutes a night' });
    const after = rows(s, 'Student Prep');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      'Student ID': english.studentId,
      Goal: 'Read twenty minutes a night',
    });
    // The trigger running again records nothing twice.
    s.bundle.run('onFormSubmit', [{}]);
    expect(rows(s, 'Student Prep')).toHaveLength(1);
  });

  it('records a Spanish answer in the same columns, and a typed row is replaced by the student’s own', () => {
    const s = school();
    run(s, 'student-forms');
    const spanish = links(s).find((l) => /me preparo/.test(formTitle(s, l)))!;
    const sheet = s.emulator.spreadsheet.sheetByName('Student Prep')!;
    const header = sheet.values()[0]!.map(String);
    sheet.appendRow(
      header.map((h) =>
        h === 'Student ID' ? spanish.studentId : h === 'Round' ? 'Fall' : h === 'Goal' ? 'x' : '',
      ),
    );
    s.emulator.forms.submitPrefilled(spanish.link, {
      [ES.proud]: 'Mi cuento',
      [ES.goal]: 'Leer más',
    });
    expect(rows(s, 'Student Prep')).toEqual([
      expect.objectContaining({
        'Student ID': spanish.studentId,
        Round: 'Fall',
        'Proud Of': 'Mi cuento',
        Goal: 'Leer más',
      }),
    ]);
  });

  it('keeps an answer with a code nobody has on a row of its own, naming the code', () => {
    const s = school();
    run(s, 'student-forms');
    const [one] = links(s);
    const form = s.emulator.forms.forms().find((f) => /getting ready/.test(f.title))!;
    s.emulator.forms.submit(form.id, {
      'Your student code': 'not-a-code',
      [EN.goal]: 'Read',
    });
    expect(rows(s, 'Student Prep').map((r) => r['Student ID'])).toEqual([
      'Unknown student code "not-a-code"',
    ]);
    expect(one).toBeDefined();
  });

  it('prints one class list page per teacher naming only that teacher’s students', () => {
    const s = school();
    run(s, 'student-forms');
    s.bundle.run('showClassLists');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    const pages = html.split('<section class="teacher">').slice(1);
    const byTeacher = new Map<string, StudentLink[]>();
    for (const l of links(s)) byTeacher.set(l.teacher, [...(byTeacher.get(l.teacher) ?? []), l]);
    expect(pages).toHaveLength(byTeacher.size);
    for (const page of pages) {
      const teacher = [...byTeacher.keys()].find((t) => page.includes(`<h1>${t}:`))!;
      expect(teacher).toBeDefined();
      for (const [other, theirs] of byTeacher)
        for (const l of theirs) expect(page.includes(l.code)).toBe(other === teacher);
    }
  });

  it("reads a Student Email column, and never takes a guardian's address for the student's", () => {
    const s = school(6);
    const sheet = s.emulator.spreadsheet.sheetByName('Roster')!;
    const { header, body } = roster(s);
    const column = header.length + 1;
    // The sample Roster is an SIS export: its guardian address is under "Parent Email".
    const guardian = String(body[1]![header.indexOf('Parent Email')]);
    expect(guardian).toMatch(/@/);
    sheet.put(1, column, { v: 'Student Email' });
    sheet.put(2, column, { v: 'ana.student@lincoln.school.example' });
    sheet.put(3, column, { v: guardian });
    sheet.put(4, column, { v: 'not an address' });
    run(s, 'student-forms');
    const emails = links(s).map((l) => l.email);
    expect(emails.slice(0, 4)).toEqual(['ana.student@lincoln.school.example', '', '', '']);
    const problems = ok<Problem[]>(s.bundle.callFromClient('getProblems', ['roster']));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          where: expect.objectContaining({ sheet: 'Roster', row: 3, column }),
          message: expect.stringContaining("is also a guardian's address"),
        }),
        expect.objectContaining({
          severity: 'warning',
          where: expect.objectContaining({ sheet: 'Roster', row: 4, column }),
          message: expect.stringContaining('is not one email address'),
        }),
      ]),
    );
  });
});

/** The title of the form a student's link opens. */
function formTitle(s: School, l: StudentLink): string {
  return s.emulator.forms.readPrefilled(l.link).form.title;
}

describe('the student reflection form', () => {
  /** A school whose Fall round is over and whose Spring round has begun, forms made in both. */
  function twoRounds(): School {
    const s = school();
    run(s, 'student-forms');
    run(s, 'schedule');
    const view = ok<{ settings: Record<string, unknown> }>(
      s.bundle.callFromClient('getSettings', []),
    );
    ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, roundName: 'Spring' }]));
    run(s, 'student-forms');
    run(s, 'schedule');
    return s;
  }

  it('asks how it went, what next and the goal now; from the second round on, whether last goal was met', () => {
    const s = twoRounds();
    const items = (title: RegExp) =>
      s.emulator.forms
        .forms()
        .find((f) => title.test(f.title))!
        .items.map((i) => i.title);
    expect(items(/looking back on my Fall conference/)).toEqual([
      'Your student code',
      R.went,
      R.next,
      R.goal,
    ]);
    expect(items(/looking back on my Spring conference/)).toEqual([
      'Your student code',
      R.went,
      R.next,
      R.goal,
      R.met,
    ]);
    expect(items(/miro atrás a mi conferencia \(Spring\)/)).toContain(
      '¿Logré la meta que me propuse la última vez?',
    );
  });

  it("records a reflection on Reflections, a Spanish 'Sí' as Yes, and the Summary counts goals met per class", () => {
    const s = twoRounds();
    const all = links(s);
    const english = all.find((l) => /looking back/.test(formTitleOf(s, l.reflectionLink)))!;
    const spanish = all.find((l) => /miro atrás/.test(formTitleOf(s, l.reflectionLink)))!;
    // Their teacher typed each one's Fall goal on Student Prep (a look back counts only on a goal
    // set in an earlier round: session 34, fixG).
    const prep = s.emulator.spreadsheet.sheetByName('Student Prep')!;
    const header = prep.values()[0]!.map(String);
    for (const id of [english.studentId, spanish.studentId]) {
      const typed: Record<string, string> = { 'Student ID': id, Round: 'Fall', Goal: 'Read more' };
      prep.appendRow(header.map((h) => typed[h] ?? ''));
    }
    // A third student, who set no goal in Fall, answers Yes: not a goal met, nor a look back.
    const noGoal = all.find(
      (l) => l !== english && /looking back/.test(formTitleOf(s, l.reflectionLink)),
    )!;
    s.emulator.forms.submitPrefilled(noGoal.reflectionLink, { [R.met]: 'Yes' });
    s.emulator.forms.submitPrefilled(english.reflectionLink, {
      [R.went]: 'Good',
      [R.next]: 'Practise',
      [R.goal]: 'Read two books',
      [R.met]: 'Partly',
    });
    s.emulator.forms.submitPrefilled(spanish.reflectionLink, {
      '¿Logré la meta que me propuse la última vez?': 'Sí',
    });
    const reflections = rows(s, 'Reflections');
    expect(reflections).toEqual([
      expect.objectContaining({ 'Student ID': noGoal.studentId, 'Last Goal Met': 'Yes' }),
      expect.objectContaining({
        'Student ID': english.studentId,
        Round: 'Spring',
        'How It Went': 'Good',
        'Next Step': 'Practise',
        'Goal Now': 'Read two books',
        'Last Goal Met': 'Partly',
      }),
      expect.objectContaining({ 'Student ID': spanish.studentId, 'Last Goal Met': 'Yes' }),
    ]);
    // Each student counts for the class of their Spring conference.
    const teacherOf = (id: string) =>
      rows(s, 'Schedule').find(
        (r) =>
          r.Round === 'Spring' &&
          String(r['Student IDs'])
            .split(/[;,]\s*/)
            .includes(id),
      )!.Teacher;
    const expected = new Map<unknown, { met: number; partly: number }>();
    for (const [id, met, partly] of [
      [english.studentId, 0, 1],
      [spanish.studentId, 1, 0],
    ] as const) {
      const t = expected.get(teacherOf(id)) ?? { met: 0, partly: 0 };
      expected.set(teacherOf(id), { met: t.met + met, partly: t.partly + partly });
    }
    const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
    const at = grid.findIndex((r) => r[0] === 'Goals met per class');
    expect(grid[at + 1]!.slice(0, 6)).toEqual([
      'Round',
      'Teacher',
      'Looked back',
      'Met',
      'Partly',
      'Not yet',
    ]);
    const body = grid.slice(at + 2).filter((r) => r[0] === 'Spring');
    expect(new Map(body.map((r) => [r[1], { met: Number(r[3]), partly: Number(r[4]) }]))).toEqual(
      expected,
    );
  });
});

function formTitleOf(s: School, link: string): string {
  return s.emulator.forms.readPrefilled(link).form.title;
}

describe('the class debrief', () => {
  it('prints per class who prepared and who reflected, with their goals, naming only that class', () => {
    const s = school();
    run(s, 'student-forms');
    run(s, 'schedule');
    const all = links(s);
    const prepared = all.find((l) => /getting ready/.test(formTitleOf(s, l.link)))!;
    const reflected = all.find(
      (l) => l !== prepared && /looking back/.test(formTitleOf(s, l.reflectionLink)),
    )!;
    s.emulator.forms.submitPrefilled(prepared.link, {
      [EN.goal]: 'Read <every> night',
      [EN.proud]: 'My poster',
    });
    s.emulator.forms.submitPrefilled(reflected.reflectionLink, { [R.goal]: 'Two books' });
    s.bundle.run('showDebrief');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    const pages = html.split('<section class="teacher">').slice(1);
    const teachers = [...new Set(all.map((l) => l.teacher))];
    expect(pages).toHaveLength(teachers.length);
    for (const page of pages) {
      const teacher = teachers.find((t) => page.includes(`<h1>${t}: Fall debrief</h1>`))!;
      const mine = all.filter((l) => l.teacher === teacher);
      const rowOf = (name: string) =>
        page.split('<tr>').find((r) => r.includes(`<td>${name}</td>`));
      // Exactly this class's students (two children may share a name across classes).
      const listed = [...page.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(listed.sort()).toEqual(mine.map((l) => escapeHtml(l.name)).sort());
      const wasPrepared = mine.includes(prepared) ? 1 : 0;
      const wasReflected = mine.includes(reflected) ? 1 : 0;
      expect(page).toContain(
        `${wasPrepared} of ${mine.length} prepared · ${wasReflected} of ${mine.length} reflected`,
      );
      if (wasPrepared)
        expect(rowOf(prepared.name)).toContain(
          '<td>✓</td><td>—</td><td>Read &lt;every&gt; night</td>',
        );
      if (wasReflected)
        expect(rowOf(reflected.name)).toContain('<td>—</td><td>✓</td><td></td><td>Two books</td>');
    }
  });
});

describe('the class debrief’s follow-ups', () => {
  it("shows the status of a family's follow-up request on its student's row, in their class only", () => {
    const s = school();
    run(s, 'schedule');
    run(s, 'forms');
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    const conference = rows(s, 'Schedule')[0]!;
    s.emulator.forms.submitPrefilled(String(conference['Feedback Link']), {
      'How did the conference go?': '4',
      'Would you like a follow-up meeting with the teacher?': 'Yes',
    });
    run(s, 'followups');
    expect(rows(s, 'Follow-ups')).toHaveLength(1);
    const ids = String(conference['Student IDs']).split(/[;,]\s*/);
    run(s, 'student-forms');
    const names = links(s)
      .filter((l) => ids.includes(l.studentId))
      .map((l) => escapeHtml(l.name));
    expect(names).toHaveLength(ids.length);
    s.bundle.run('showDebrief');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    const page = html
      .split('<section class="teacher">')
      .find((p) => p.includes(`<h1>${escapeHtml(String(conference.Teacher))}: Fall debrief</h1>`))!;
    expect(page).toContain(
      `· ${ids.length === 1 ? '1 follow-up request' : `${ids.length} follow-up requests`}`,
    );
    const withFollowUp = [
      ...page.matchAll(/<tr><td>([^<]*)<\/td>(?:<td>[^<]*<\/td>){5}<td>new<\/td>/g),
    ].map((m) => m[1]);
    expect(withFollowUp.sort()).toEqual(names.sort());
    // Nobody in another class is shown with it.
    expect(html.split('<td>new</td>').length - 1).toBe(ids.length);
  });
});
