/**
 * Acceptance: a family's identity outlives changes to its Roster rows (README, "Who counts as one
 * family": "adding, removing or reordering guardians ... keeps its link and its answers. When a
 * regrouping changes a family (a sibling added, two families found to be one), it keeps the id
 * the document already holds a link for, both old links still reach it, and the Roster step
 * says which rows changed"). On the built bundle: families answer through the link they were
 * emailed, a person edits the Roster, and the link, the answer and the request step are checked.
 * The families are the ones this file writes, read off its own rows.
 */
import { openSchool } from '../../preview/school';
import { ok, run } from './calls';
import type { Problem, SchedulePreview } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

const LINK = /https:\/\/docs\.google\.com\/forms\/\S+/;
const TIMES = 'Which times suit you?';
const ROSTER_HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Teacher',
  'Guardian 1 Email',
  'Guardian 2 Email',
];
/** Columns of the Roster above, 1-based, for sheet.put. */
const G2 = ROSTER_HEADER.indexOf('Guardian 2 Email') + 1;

/**
 * Roster rows 2 to 6. Adams, Baker and Diaz are one-child families; the two Coles are separate
 * families (same surname, nothing in common) until a person adds Eve's address to Dan's row.
 */
const ROWS = [
  ['300', 'Ana', 'Adams', 'Ms. Rivera', 'mom.adams@home.example', ''],
  ['310', 'Ben', 'Baker', 'Ms. Rivera', 'baker@home.example', ''],
  ['320', 'Dan', 'Cole', 'Ms. Rivera', 'dad.cole@home.example', ''],
  ['330', 'Eve', 'Cole', 'Mr. Okafor', 'mum.cole@home.example', ''],
  ['340', 'Fay', 'Diaz', 'Mr. Okafor', 'diaz@home.example', ''],
];
const rowOf = (id: string) => ROWS.findIndex((r) => r[0] === id) + 2;

/** Two windows a day for each teacher: the family's choice is the later one. */
const EARLY = { start: 15 * 60, end: 16 * 60 };
const LATE = { start: 17 * 60, end: 18 * 60 };

function school(): School {
  const s = openSchool({ empty: true });
  const doc = s.emulator.spreadsheet;
  const roster = doc.sheets[0]!;
  roster.name = 'Roster';
  roster.appendRow(ROSTER_HEADER);
  for (const r of ROWS) roster.appendRow(r);
  const teachers = doc.insertSheet('Teachers');
  for (const r of [
    ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
    ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '15:00', '16:00', '101', 1],
    ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '17:00', '18:00', '101', 1],
    ['Mr. Okafor', 'okafor@school.example', '2026-11-17', '15:00', '16:00', '103', 1],
    ['Mr. Okafor', 'okafor@school.example', '2026-11-17', '17:00', '18:00', '103', 1],
  ])
    teachers.appendRow(r);
  run(s, 'setup');
  run(s, 'forms');
  run(s, 'ask');
  return s;
}

const rosterSheet = (s: School) => s.emulator.spreadsheet.sheetByName('Roster')!;

/** The one link emailed to this address (the request to ask families when they can come). */
function linkOf(s: School, address: string): string {
  const mine = s.emulator.mail.sent.filter((m) => m.to.includes(address));
  expect(mine).toHaveLength(1);
  return LINK.exec(mine[0]!.body)![0];
}

/** The labels of the form's time grid, by the window they stand for. */
function choiceLabel(s: School, window: { start: number; end: number }): string {
  const props = s.emulator.kv.properties.get(`document:${s.emulator.spreadsheet.id}`)!;
  const forms = JSON.parse(props.get('slc:forms')!) as {
    availability: { choices: { label: string; start: number; end: number }[] };
  };
  const c = forms.availability.choices.find(
    (x) => x.start === window.start && x.end === window.end,
  );
  expect(c).toBeDefined();
  return c!.label;
}

/** A family answers through its link: only this window, as its first choice. */
function answer(s: School, link: string, window: { start: number; end: number }): void {
  s.emulator.forms.submitPrefilled(link, {
    [`${TIMES} [${choiceLabel(s, window)}]`]: '1st choice',
  });
}

function sheetRows(s: School, name: string): Record<string, unknown>[] {
  const [header = [], ...body] = s.emulator.spreadsheet.sheetByName(name)?.values() ?? [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** The Availability rows, as (Family, Family ID, Rank) and the window's start minute. */
const answers = (s: School) =>
  sheetRows(s, 'Availability').map((r) => ({
    family: String(r.Family),
    familyId: String(r['Family ID']),
    start: minutes(r.Start),
  }));

/** Minutes after midnight, school time, of a Sheets time or date-time cell. */
function minutes(v: unknown): number {
  if (!(v instanceof Date)) return NaN;
  const [h, m] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(v)
    .split(':')
    .map(Number);
  return h! * 60 + m!;
}

/** The Schedule's conferences of these students once the schedule is built. */
function conferencesOf(s: School, ids: string[]) {
  return sheetRows(s, 'Schedule')
    .filter((r) =>
      String(r['Student IDs'])
        .split(/[;,]\s*/)
        .some((id) => ids.includes(id.trim())),
    )
    .map((r) => ({ familyId: String(r['Family ID']), start: minutes(r.Start) }));
}

const rosterProblems = (s: School) =>
  ok<Problem[]>(s.bundle.callFromClient('getProblems', ['roster']));

/** Messages sent to any of these addresses since `from`. */
const mailTo = (s: School, addresses: string[], from: number) =>
  s.emulator.mail.sent.slice(from).filter((m) => m.to.some((t) => addresses.includes(t)));

/**
 * The three checks of a family whose rows a person changed after it answered: not asked again;
 * the schedule honours the answer it gave; answering again through its old link is recorded
 * under the family the schedule knows, replacing its answer, with no "Unknown family code".
 */
function stillTheSameFamily(
  s: School,
  family: { students: string[]; addresses: string[]; links: string[] },
) {
  const before = s.emulator.mail.sent.length;
  run(s, 'ask');
  expect(mailTo(s, family.addresses, before)).toEqual([]);

  // The family's answer is the one the schedule plans with: its students are the only ones
  // with preferences, and each gets its first choice.
  const preview = ok<SchedulePreview>(s.bundle.callFromClient('previewSchedule', []));
  expect({ withPreferences: preview.withPreferences, firstChoice: preview.firstChoice }).toEqual({
    withPreferences: family.students.length,
    firstChoice: family.students.length,
  });
  run(s, 'schedule');
  const conferences = conferencesOf(s, family.students);
  expect(conferences.length).toBeGreaterThan(0);
  for (const c of conferences) {
    expect(c.start).toBeGreaterThanOrEqual(LATE.start);
    expect(c.start).toBeLessThan(LATE.end);
  }
  const familyIds = new Set(conferences.map((c) => c.familyId));
  expect(familyIds.size).toBe(1);
  const familyId = [...familyIds][0]!;

  for (const link of family.links) {
    answer(s, link, EARLY);
    const all = answers(s);
    expect(all.filter((a) => /unknown family code/i.test(a.family))).toEqual([]);
    // The answer replaces the family's earlier one, under the id the schedule uses.
    expect(all.filter((a) => a.familyId === familyId).map((a) => a.start)).toEqual([EARLY.start]);
  }
}

describe('a family keeps its link and its answers when its Roster rows change', () => {
  it('(a) a guardian whose address sorts first is added to its row', () => {
    const s = school();
    const link = linkOf(s, 'mom.adams@home.example');
    answer(s, link, LATE);
    expect(answers(s).map((a) => a.start)).toEqual([LATE.start]);

    rosterSheet(s).put(rowOf('300'), G2, { v: 'aaa.adams@home.example' });
    expect(rosterProblems(s).filter((p) => p.severity === 'error')).toEqual([]);
    stillTheSameFamily(s, {
      students: ['300'],
      addresses: ['mom.adams@home.example', 'aaa.adams@home.example'],
      links: [link],
    });
  });

  it('(b) a sibling whose Student ID sorts first is added (same surname, same address)', () => {
    const s = school();
    const link = linkOf(s, 'baker@home.example');
    answer(s, link, LATE);

    rosterSheet(s).appendRow(['305', 'Cal', 'Baker', 'Mr. Okafor', 'baker@home.example', '']);
    // Nothing alarming: no error on any row.
    expect(rosterProblems(s).filter((p) => p.severity === 'error')).toEqual([]);
    stillTheSameFamily(s, {
      students: ['305', '310'],
      addresses: ['baker@home.example'],
      links: [link],
    });
    // The sibling is in the family: both conferences carry one Family ID (checked above) and
    // both are at the time the family chose.
    expect(conferencesOf(s, ['305', '310'])).toHaveLength(2);
  });

  it('(c) two families that answered are found to be one: both links reach it, and the Roster step names the rows', () => {
    const s = school();
    const dan = linkOf(s, 'dad.cole@home.example');
    const eve = linkOf(s, 'mum.cole@home.example');
    expect(dan).not.toBe(eve);
    answer(s, dan, LATE);
    answer(s, eve, LATE);
    expect(new Set(answers(s).map((a) => a.familyId)).size).toBe(2);

    rosterSheet(s).put(rowOf('320'), G2, { v: 'mum.cole@home.example' });
    const problems = rosterProblems(s);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const named = problems.filter(
      (p) =>
        p.severity === 'warning' && p.message.includes(`rows ${rowOf('320')} and ${rowOf('330')}`),
    );
    expect(named).toHaveLength(1);

    stillTheSameFamily(s, {
      students: ['320', '330'],
      addresses: ['dad.cole@home.example', 'mum.cole@home.example'],
      links: [dan, eve],
    });
  });
});
