/**
 * The sidebar's steps in words, from sheets written by hand: each figure and sentence below is
 * counted off the fixture by eye, and the counts a step shows must agree with a plain count over
 * the rows for any schedule.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import type { Problem } from '../../src/shared/api';
import type { PrepAnswer } from '../../src/core/prep';
import { parseRoster, type Student } from '../../src/core/roster';
import {
  asShown,
  availabilityStep,
  daysStep,
  questionnaireStep,
  type FormsPicture,
  invitesStep,
  plural,
  rosterStep,
  scheduleNotBuilt,
  scheduleStep,
  setupStep,
  waitsForSetup,
  summaryStep,
  remindersStep,
  type ReminderCounts,
  type ScheduleCounts,
} from '../../src/core/steps';
import type { InviteRow, SyncAction, SyncPlan } from '../../src/core/invites';
import type { ReminderConference } from '../../src/core/reminders';
import { NO_FORMS, SUMMARY_TOTALS } from './stepfixtures';
import { parseTeachers } from '../../src/core/teachers';
import { wallClockIn } from '../../src/core/zone';

/** Times and dates in these sheets are text, so the wall clock never matters. */
const wall = wallClockIn('UTC');

const ROSTER = [
  [
    'Student ID',
    'First Name',
    'Last Name',
    'Grade',
    'Teacher',
    'Guardian 1 Email',
    'Phone',
    'Interpreter',
  ],
  // The Adams siblings share a guardian: one family of two.
  ['S1', 'Ana', 'Adams', '3', 'Ms. Rivera', 'pat@adams.example', '', 'No'],
  ['S2', 'Ben', 'Adams', '5', 'Mr. Chen', 'pat@adams.example', '', 'No'],
  // The Cole family needs an interpreter.
  ['S3', 'Cy', 'Cole', '3', 'Ms. Rivera', 'x@cole.example', '', 'Yes'],
  // The Diaz family has a phone and no email: a printed letter and the phone list.
  ['S4', 'Dee', 'Diaz', '4', 'Mr. Chen', '', '555-0142', 'No'],
];

const TEACHERS = ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'];
const WINDOWS = [
  TEACHERS,
  // 3:00–4:00 holds two 25-minute conferences with a 5-minute changeover (3:00, 3:30).
  ['Ms. Rivera', 'rivera@school.example', '2026-11-18', '3:00 PM', '4:00 PM', '101', 1],
  ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '3:00 PM', '4:00 PM', '101', 1],
  // Two families at once: four places.
  ['Mr. Chen', 'chen@school.example', '2026-11-17', '3:00 PM', '4:00 PM', '102', 2],
];
const LENGTHS = { conferenceMinutes: 25, changeoverMinutes: 5 };
const NOT_ASKED = { conferences: 0, availabilityForm: false, asked: false };

/** The roster read against the Teachers sheet's teachers, as the add-on reads it. */
const roster = (rows: unknown[][]) => parseRoster(rows, parseTeachers(WINDOWS, wall).teachers);

describe('plural', () => {
  it('says one family, two families, no families', () => {
    expect(plural(1, 'family', 'families')).toBe('1 family');
    expect(plural(2, 'family', 'families')).toBe('2 families');
    expect(plural(0, 'student')).toBe('0 students');
  });
});

describe('setupStep', () => {
  it('names the sheets still to create, and is done once none is missing', () => {
    expect(setupStep(['Schedule', 'Summary'], 8)).toMatchObject({
      status: 'ready',
      headline: '2 sheets to create: Schedule, Summary.',
      action: { job: 'setup', label: 'Set up the sheets' },
    });
    expect(setupStep([], 8)).toMatchObject({
      status: 'done',
      headline: 'All 8 sheets are in place.',
      action: { job: 'setup', label: 'Check the sheets again' },
    });
  });
});

describe('rosterStep', () => {
  it('counts four students in three families, one with siblings, one needing an interpreter, one by letter', () => {
    const s = rosterStep(roster(ROSTER));
    expect(s.status).toBe('done');
    expect(s.headline).toBe('4 students in 3 families, ready to schedule.');
    expect(Object.fromEntries(s.counts.map((c) => [c.label, c.value]))).toEqual({
      students: 4,
      families: 3,
      'families with siblings': 1,
      'needing an interpreter': 1,
      'families by letter and phone': 1,
      'rows not imported': 0,
      warnings: 0,
    });
    expect(s.next).toBe(
      'Check the conference days next. 1 family without email gets a printed letter (Letters sheet) and is on the phone list instead of emails and invitations.',
    );
  });

  it('says how many rows cannot be imported, errors listed before warnings', () => {
    const broken = [...ROSTER, ['S5', '', '', '3', 'Ms. Rivera', 'e@x.example', '', 'No']];
    const s = rosterStep(roster(broken));
    expect(s.status).toBe('attention');
    expect(s.headline).toBe('4 students ready; 1 row cannot be imported yet.');
    expect(s.problems[0]).toMatchObject({ severity: 'error', where: { sheet: 'Roster', row: 6 } });
    expect(s.counts.find((c) => c.label === 'rows not imported')?.value).toBe(1);
  });

  it('asks for the export when the sheet has no rows', () => {
    expect(rosterStep(roster([ROSTER[0]!]))).toMatchObject({
      status: 'ready',
      headline: 'The Roster sheet is empty.',
    });
    expect(rosterStep(null).headline).toBe('The Roster sheet is empty.');
  });
});

describe('daysStep', () => {
  const teachers = parseTeachers(WINDOWS, wall);

  it('counts two teachers, three windows on two days in date order, and eight places', () => {
    const s = daysStep(teachers, LENGTHS, NOT_ASKED);
    expect(teachers.problems).toEqual([]);
    expect(s.status).toBe('done');
    expect(s.headline).toBe('2 teachers, 3 windows on 2 days (2026-11-17, 2026-11-18).');
    expect(s.counts).toEqual([
      { label: 'teachers', value: 2 },
      { label: 'windows', value: 3 },
      { label: 'places of 25 min', value: 8 },
    ]);
  });

  it('suggests asking the families before building, then building', () => {
    const next = (asking: typeof NOT_ASKED) => daysStep(teachers, LENGTHS, asking).next;
    expect(next(NOT_ASKED)).toMatch(/^Ask the families when they can come next .* create the/);
    expect(next({ ...NOT_ASKED, availabilityForm: true })).toMatch(
      /^Ask the families when they can come \(step 4/,
    );
    expect(next({ ...NOT_ASKED, availabilityForm: true, asked: true })).toBe(
      'Build the schedule next.',
    );
    expect(next({ conferences: 3, availabilityForm: false, asked: false })).toBe(
      'Build the schedule next.',
    );
  });

  it('asks for windows when the sheet has none', () => {
    expect(daysStep(parseTeachers([TEACHERS], wall), LENGTHS, NOT_ASKED)).toMatchObject({
      status: 'ready',
      headline: 'No teacher windows yet.',
    });
  });
});

describe('scheduleNotBuilt', () => {
  it('waits for the roster and windows, then offers the first build, then steps aside', () => {
    expect(scheduleNotBuilt(0, false)?.headline).toBe('No conferences scheduled yet.');
    expect(scheduleNotBuilt(3, false)).toMatchObject({
      status: 'todo',
      headline: '3 rows on the Schedule.',
    });
    expect(scheduleNotBuilt(0, true)).toMatchObject({
      status: 'ready',
      action: { job: 'schedule', label: 'Build the schedule' },
    });
    expect(scheduleNotBuilt(1, true)).toBeNull();
    // Students can start preparing before any schedule: the prep form is offered until made.
    expect(scheduleNotBuilt(0, true, false)?.more).toEqual([
      { job: 'student-forms', label: 'Create the student prep form' },
    ]);
    // Once made, the students not ready can be sent their link, still before any schedule.
    expect(scheduleNotBuilt(0, true, true)?.more).toEqual([
      { job: 'prep-nudge', label: 'Email the prep link to students not ready' },
    ]);
  });
});

describe('scheduleStep', () => {
  const students = roster(ROSTER).students;
  const conference = (round: string, status: string, ...studentIds: string[]) => ({
    round,
    status,
    studentIds,
  });
  const counts = (rows: ScheduleCounts['rows'], more: Partial<ScheduleCounts> = {}) =>
    scheduleStep({
      students,
      rows,
      roundName: 'Fall',
      freedToOffer: 0,
      offers: { offers: 0, accepted: 0 },
      prep: new Map(),
      prepForm: false,
      ...more,
    });

  it('counts the Fall conferences that stand and names the one student none places', () => {
    const s = counts([
      conference('Fall', 'invited', 'S1', 'S2'),
      conference('Fall', 'scheduled', 'S3'),
      // Cancelled, or another round's: they place nobody this round.
      conference('Fall', 'cancelled', 'S4'),
      conference('Spring', 'scheduled', 'S4'),
    ]);
    expect(s.status).toBe('attention');
    expect(s.headline).toBe('2 conferences in the Fall round; 1 student not placed yet.');
    expect(s.counts).toEqual([
      { label: 'conferences', value: 2 },
      { label: 'students placed', value: 3 },
      { label: 'not placed yet', value: 1 },
    ]);
    expect(s.problems).toEqual([
      {
        severity: 'warning',
        message: 'Dee Diaz (Mr. Chen) has no conference yet. Preview the schedule to see why.',
        where: { sheet: 'Roster', row: 5, column: 1 },
      },
    ]);
    expect(s.more?.map((m) => m.job)).toEqual(['views', 'waitlist', 'student-forms']);
  });

  it('is done when every student is placed, a blank Round counting as this round', () => {
    const s = counts([conference('', 'scheduled', 'S1', 'S2', 'S3'), conference('fall', '', 'S4')]);
    expect(s.status).toBe('done');
    expect(s.headline).toBe('2 conferences in the Fall round, every student placed.');
  });

  it('offers freed times only while someone waits, and shows the offers and prep readiness', () => {
    const ready: PrepAnswer = {
      studentId: 'S1',
      round: 'Fall',
      proudOf: 'my story',
      learningTargets: '',
      workSample: 'essay',
      goal: 'read more',
      familyQuestion: '',
    };
    const s = counts([conference('Fall', 'scheduled', 'S1')], {
      freedToOffer: 2,
      offers: { offers: 3, accepted: 1 },
      prep: new Map([['S1', ready]]),
      prepForm: true,
    });
    expect(s.more).toContainEqual({
      job: 'waitlist-offer',
      label: 'Offer freed times to the waiting list (2)',
    });
    expect(s.more).toContainEqual({
      job: 'prep-nudge',
      label: 'Email the prep link to students not ready',
    });
    expect(s.counts.slice(3)).toEqual([
      { label: 'freed-time offers still open', value: 3 },
      { label: 'accepted from the waiting list', value: 1 },
      { label: 'Mr. Chen: ready to lead (of 2)', value: 0 },
      { label: 'Ms. Rivera: ready to lead (of 2)', value: 1 },
    ]);
    const everyonePlaced = counts([conference('Fall', '', 'S1', 'S2', 'S3', 'S4')], {
      freedToOffer: 2,
    });
    expect(everyonePlaced.more?.map((m) => m.job)).not.toContain('waitlist-offer');
  });

  it('counts placed and waiting students as a plain count over the rows does', () => {
    const ids = students.map((s) => s.id);
    const row = fc.record({
      round: fc.constantFrom('Fall', 'fall ', '', 'Spring'),
      status: fc.constantFrom('', 'scheduled', 'invited', 'cancelled', 'declined'),
      studentIds: fc.subarray(ids),
    });
    checkProperty(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const standing = rows.filter(
          (r) => ['fall', ''].includes(r.round.trim().toLowerCase()) && r.status !== 'cancelled',
        );
        const waiting = students.filter(
          (s: Student) => !standing.some((r) => r.studentIds.includes(s.id)),
        );
        const s = counts(rows);
        const value = (label: string) => s.counts.find((c) => c.label === label)?.value;
        expect(value('conferences')).toBe(standing.length);
        expect(value('not placed yet')).toBe(waiting.length);
        expect(value('students placed')).toBe(students.length - waiting.length);
        expect(s.problemCount).toBe(waiting.length);
        expect(s.status).toBe(waiting.length ? 'attention' : 'done');
      }),
    );
  });
});

describe('summaryStep', () => {
  const totals = SUMMARY_TOTALS;

  it('tells the attended, the answers and the follow-ups in one sentence', () => {
    const s = summaryStep(totals, false);
    expect(s.headline).toBe(
      '9 of 12 conferences attended; 1 questionnaire answer; 2 follow-up requests to act on.',
    );
    expect(s).toMatchObject({ status: 'ready', action: { label: 'Build the summary' } });
    expect(summaryStep(totals, true)).toMatchObject({
      status: 'done',
      action: { label: 'Rebuild the summary' },
    });
  });

  it('waits until attendance is marked, and shows a blank participation as 0', () => {
    const unmarked = summaryStep({ ...totals, attended: 0, noShow: 0, participation: '' }, true);
    expect(unmarked.status).toBe('todo');
    expect(unmarked.next).toMatch(/^After the conferences, mark attended or no-show/);
    expect(unmarked.counts.find((c) => c.label === 'participation %')?.value).toBe(0);
  });
});

describe('remindersStep', () => {
  /** Reminders Sent cells as a run writes them: cut off while sending, refused, missed. */
  const CUT_OFF = '48h 2026-11-15 09:00 unconfirmed: cut off while sending, check with the family';
  const REFUSED = '48h refused to x@cole.example: Invalid email';
  const MISSED = '2h missed: its time passed while it waited for the daily email quota';
  /** A Schedule row as the reminders read it, with its Reminders Sent cell. */
  const row = (n: number, family: string, sent: string): ReminderConference => ({
    row: n,
    conferenceId: `C${n}`,
    familyKey: `F${n}`,
    family,
    students: 'Ana',
    teacher: 'Ms. Rivera',
    room: '101',
    date: '2026-11-17',
    start: 900,
    end: 925,
    emails: [`f${n}@family.example`],
    language: '',
    interpreter: false,
    status: 'invited',
    sent,
  });
  const reminders = (more: Partial<ReminderCounts> = {}) =>
    remindersStep({
      conferences: [row(2, 'Adams', '')],
      sentColumn: 14,
      channels: { email: 3, letter: 1, phone: 1, families: 4 },
      tally: { sent: 0, due: 0, upcoming: 2, lapsed: 0 },
      hoursBefore: [48, 2],
      runBy: null,
      ...more,
    });

  it('tells the channels, the hours and that hourly reminders are off, and asks to turn them on', () => {
    const s = reminders();
    expect(s.headline).toBe(
      '4 families: 3 by email, 1 by letter (1 also by phone). Reminders go 48 h and 2 h before. Hourly reminders are off.',
    );
    expect(s.status).toBe('ready');
    expect(s.next).toBe('Turn on hourly reminders so each family is reminded on time.');
  });

  it('is done once another editor’s trigger sends them, and names whose account', () => {
    const s = reminders({
      runBy: { owner: 'kim@school.example', mine: false, withoutDocument: false },
    });
    expect(s.status).toBe('done');
    expect(s.headline).toMatch(/Hourly reminders are on, from kim@school\.example's account\.$/);
    expect(s.next).toMatch(/^Reminders go out every hour from kim@school\.example's account;/);
  });

  it('is done with hourly reminders off once no conference is ahead', () => {
    expect(reminders({ tally: { sent: 4, due: 0, upcoming: 0, lapsed: 0 } }).status).toBe('done');
  });

  it('says how many reminders are due now, before anything else', () => {
    const s = reminders({ tally: { sent: 5, due: 3, upcoming: 2, lapsed: 0 } });
    expect(s.status).toBe('ready');
    expect(s.next).toBe('3 reminders due now: send them, or let the hourly reminders do it.');
    expect(s.counts.find((c) => c.label === 'reminders sent (per family and time)')?.value).toBe(5);
  });

  it('flags the unconfirmed, refused and missed reminders on their rows and counts those waiting', () => {
    const s = reminders({
      conferences: [
        row(2, 'Adams', CUT_OFF),
        row(3, 'Cole', REFUSED),
        row(4, '', MISSED),
        row(5, 'Diaz', '2h waiting for quota since 2026-11-17 08:00'),
        row(6, 'Diaz', '2h waiting for quota since 2026-11-17 08:00'),
      ],
      runBy: { owner: 'me@school.example', mine: true, withoutDocument: false },
    });
    expect(s.status).toBe('attention');
    expect(s.problems.map((p) => [p.where?.row, p.message])).toEqual([
      [
        2,
        'Adams: a reminder may not have gone out (the run was cut off while sending it). It is not sent again; check with the family.',
      ],
      [
        3,
        'Cole: Google refused the 48 h reminder (to x@cole.example: Invalid email). Fix the address or the text; tell the family yourself.',
      ],
      [
        4,
        'F4: the 2 h reminder was not sent: the daily email quota ran out and its time passed. Tell the family yourself if it matters.',
      ],
    ]);
    expect(s.problems.every((p) => p.where?.column === 14)).toBe(true);
    const value = (label: string) => s.counts.find((c) => c.label === label)?.value;
    expect([value('waiting for quota'), value('refused by Google'), value('missed')]).toEqual([
      2, 1, 1,
    ]);
  });
  it('with hourly reminders on in this account says they go out on their own', () => {
    const s = reminders({
      runBy: { owner: 'me@school.example', mine: true, withoutDocument: false },
    });
    expect(s.status).toBe('done');
    expect(s.headline).toMatch(/ Hourly reminders are on\.$/);
    expect(s.next).toBe('Reminders go out on their own, every hour as they fall due.');
    expect(s.action).toEqual({ job: 'reminders', label: 'Send due reminders now' });
    expect(s.more).toEqual([
      { job: 'teachers', label: 'Email each teacher their day (the day before)' },
    ]);
  });

  it('run by Google without the spreadsheet says the owner is emailed, and that those emails cost quota', () => {
    const s = reminders({
      conferences: [
        row(2, 'Adams', '48h missed: its time passed while it waited for the daily email quota'),
      ],
      sentColumn: 0,
      runBy: { owner: 'me@school.example', mine: true, withoutDocument: true },
    });
    expect(s.next).toMatch(
      /^Google runs the hourly reminders without this spreadsheet, so they cannot send on their own: you get an email/,
    );
    expect(s.problems).toEqual([
      {
        severity: 'warning',
        // No Reminders Sent column: the problem points at the row's first cell.
        where: { sheet: 'Schedule', row: 2, column: 1 },
        message:
          'Adams: the 48 h reminder was not sent: the daily email quota ran out and its time passed. The emails telling you reminders were due (Google runs the hourly reminders without this spreadsheet) count against the same quota. Tell the family yourself if it matters.',
      },
    ]);
  });

  it('names a family by its key when its name is blank, and says one reminder is due', () => {
    const s = reminders({
      conferences: [row(2, '', CUT_OFF), row(3, '', REFUSED)],
      tally: { sent: 0, due: 1, upcoming: 2, lapsed: 0 },
    });
    expect(s.problems.map((p) => p.message.split(':')[0])).toEqual(['F2', 'F3']);
    // A problem needs a person before a due reminder needs sending.
    expect(s.status).toBe('attention');
    expect(s.next).toBe('1 reminder due now: send them, or let the hourly reminders do it.');
  });

  it('lists 25 of 26 flagged reminders, counting them all, and every channel figure', () => {
    const many = Array.from({ length: 26 }, (_, i) => row(i + 2, `Family${i}`, MISSED));
    const s = reminders({
      conferences: many,
      channels: { email: 1, letter: 2, phone: 3, families: 1 },
    });
    expect(s.problems).toHaveLength(25);
    expect(s.problemCount).toBe(26);
    expect(s.headline).toMatch(/^1 family: 1 by email, 2 by letter \(3 also by phone\)\./);
    expect(s.counts).toEqual([
      { label: 'families by email', value: 1 },
      { label: 'families by letter', value: 2 },
      { label: 'families also by phone', value: 3 },
      { label: 'families', value: 1 },
      { label: 'reminders sent (per family and time)', value: 0 },
      { label: 'due now', value: 0 },
      { label: 'waiting for quota', value: 0 },
      { label: 'refused by Google', value: 0 },
      { label: 'missed', value: 26 },
      { label: 'passed with none sent', value: 0 },
    ]);
  });
});

describe('invitesStep', () => {
  /** A Fall row of the Schedule as the invites read it. */
  const row = (n: number, emails: string[], eventId: string, status = 'invited'): InviteRow => ({
    row: n,
    conferenceId: `C${n}`,
    round: 'Fall',
    date: '2026-11-17',
    start: 900,
    end: 925,
    teacher: 'Ms. Rivera',
    status,
    familyId: `F${n}`,
    studentIds: [`S${n}`],
    room: '101',
    students: ['Ana'],
    family: `Family${n}`,
    emails,
    badEmails: [],
    language: '',
    interpreter: false,
    eventId,
  });
  // Only the kind of each planned action counts here.
  const planned = (...kinds: SyncAction['kind'][]) => kinds.map((kind) => ({ kind }) as SyncAction);
  const invites = (rows: InviteRow[], plan: Partial<SyncPlan> = {}, answersDue = false) =>
    invitesStep({
      invites: { rows, columns: new Map([['Status', 12]]) },
      roundName: 'Fall',
      plan: { actions: [], upToDate: [], problems: [], byLetter: [], ...plan },
      calendarName: 'Lincoln conferences',
      answersDue,
    });

  it('counts invitations to send, events to update (moved or relinked) and to cancel', () => {
    const s = invites([row(2, ['a@x.example'], '')], {
      actions: planned('create', 'create', 'update', 'relink', 'cancel'),
    });
    expect(s.status).toBe('ready');
    expect(s.headline).toBe('2 invitations to send, 2 events to update, 1 event to cancel.');
    expect(s.action).toEqual({ job: 'invites', label: 'Send invites' });
    expect(s.next).toMatch(/one private Calendar invitation on "Lincoln conferences"/);
  });

  it('counts a family with two conferences once, by its guests, and another round’s rows not at all', () => {
    const s = invites([
      row(2, ['pat@adams.example', 'sam@adams.example'], 'e2', 'accepted'),
      row(3, ['sam@adams.example', 'pat@adams.example'], 'e3', 'tentative'),
      row(4, ['x@cole.example'], 'e4'),
      { ...row(5, ['y@diaz.example'], 'e5'), round: 'Spring' },
    ]);
    expect(s.status).toBe('done');
    expect(s.headline).toBe('3 invitations sent to 2 families; every event matches the Schedule.');
    const value = (label: string) => s.counts.find((c) => c.label === label)?.value;
    expect([value('invited'), value('accepted'), value('tentative')]).toEqual([3, 1, 1]);
    expect(s.action).toBeUndefined();
    expect(invites([row(2, ['a@x.example'], 'e2')], {}, true).action).toEqual({
      job: 'invites',
      label: 'Check answers',
    });
  });

  it('counts the conferences reached by letter, and says it counts conferences', () => {
    // One family without email, two children in two classes: two conferences, two letters.
    const twins = [row(2, [], ''), { ...row(3, [], ''), familyId: 'F2' }];
    const s = invites(twins, { byLetter: twins });
    expect(s.counts).toContainEqual({ label: 'conferences by letter (no email)', value: 2 });
  });

  it('lists a declined family on its Status cell, and asks to find it another time', () => {
    const s = invites([row(7, ['d@x.example'], 'e7', 'declined')]);
    expect(s.status).toBe('attention');
    expect(s.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Schedule', row: 7, column: 12 },
        message:
          'Schedule, row 7, column L (Status): the Family7 family declined 2026-11-17; find them another time (move the row, then send invites again).',
      },
    ]);
    expect(s.next).toMatch(/^Some families declined/);
  });
  it('counts a blank Round as this round, and with nothing to do says every event matches', () => {
    const s = invites([{ ...row(2, ['a@x.example'], 'e2'), round: '' }]);
    expect(s.status).toBe('done');
    expect(s.headline).toBe('1 invitation sent to 1 family; every event matches the Schedule.');
    expect(s.next).toBe(
      'Edit the Schedule freely; send invites again to update the events. Answers are read back into Status.',
    );
    expect(s.counts).toEqual([
      { label: 'invited', value: 1 },
      { label: 'to send', value: 0 },
      { label: 'changed since sent', value: 0 },
      { label: 'to cancel', value: 0 },
      { label: 'accepted', value: 0 },
      { label: 'tentative', value: 0 },
      { label: 'declined', value: 0 },
      { label: 'conferences by letter (no email)', value: 0 },
    ]);
  });

  it('with nothing to cancel leaves cancelling out of the headline, and lists the plan’s problems', () => {
    const problem: Problem = { severity: 'warning', message: 'Calendar refused one event' };
    const s = invites([row(2, ['a@x.example'], '')], {
      actions: planned('create'),
      problems: [problem],
    });
    expect(s.status).toBe('ready');
    expect(s.headline).toBe('1 invitation to send, 0 events to update.');
    expect(s.problems).toEqual([problem]);
    const stuck = invites([row(2, ['a@x.example'], 'e2')], { problems: [problem] });
    expect(stuck.status).toBe('attention');
    expect(stuck.problemCount).toBe(1);
  });

  it('names a declined conference by its ID when the family is blank, on a Schedule with no Status column', () => {
    const s = invitesStep({
      invites: {
        rows: [{ ...row(4, ['d@x.example'], 'e4', 'declined'), family: '' }],
        columns: new Map(),
      },
      roundName: 'Fall',
      plan: { actions: [], upToDate: [], problems: [], byLetter: [] },
      calendarName: 'Lincoln conferences',
      answersDue: false,
    });
    expect(s.problems.map((p) => [p.where, p.message])).toEqual([
      [
        { sheet: 'Schedule', row: 4, column: 1 },
        'Schedule, row 4, column A (Status): the C4 family declined 2026-11-17; find them another time (move the row, then send invites again).',
      ],
    ]);
  });
});

describe('the family-form steps', () => {
  const form = {
    formId: 'f1',
    sheetId: 1,
    publishedUrl: 'https://forms.example/f1',
    linkTemplate: '',
  };
  const MADE = { availability: { ...form, choices: [] }, questionnaires: { Fall: form } };
  const family = (id: string, name: string, row: number) => ({
    id,
    name,
    contacts: [{ name: '', email: `${id}@x.example` }],
    studentIds: [`S${row}`],
    language: '',
    interpreter: false,
    rows: [row],
  });
  const warning = (message: string): Problem => ({ severity: 'warning', message });
  const forms = (more: Partial<FormsPicture> = {}): FormsPicture => ({
    ...NO_FORMS,
    state: MADE,
    ask: { toAsk: [], asked: 0, noEmail: 0, noEmailAnswered: 0, unsure: [], refused: [] },
    ...more,
  });

  it('offers to make the forms until this round’s questionnaire exists', () => {
    const s = availabilityStep(forms({ state: { availability: MADE.availability } }), 'Fall');
    expect(s).toMatchObject({
      status: 'ready',
      headline: 'No family forms yet.',
      action: { job: 'forms', label: 'Create the family forms' },
    });
    expect(questionnaireStep(forms({ state: {} }), 'Fall')).toMatchObject({
      status: 'todo',
      headline: 'No questionnaire for this round yet.',
    });
  });

  it('asks the families not asked before the schedule, and names the ones to phone', () => {
    const ask = {
      toAsk: [family('F1', 'Adams', 2), family('F2', 'Cole', 3)],
      asked: 1,
      noEmail: 1,
      noEmailAnswered: 0,
      unsure: [],
      refused: [],
    };
    const s = availabilityStep(forms({ ask }), 'Fall');
    expect(s.status).toBe('ready');
    expect(s.headline).toBe('2 families can be asked when they can come.');
    expect(s.action).toEqual({ job: 'ask', label: 'Ask families when they can come (2)' });
    expect(s.next).toMatch(
      /Phone the 1 family without email that has not answered \(the phone list, Letters sheet\), and key each answer in through the availability form with the code on the family's letter\.$/,
    );
    expect(s.counts.slice(0, 2)).toEqual([
      { label: 'families asked when they can come', value: 1 },
      { label: 'families without email (to phone)', value: 1 },
    ]);
    // Once conferences are scheduled, a family added later is asked from "more".
    const later = availabilityStep(forms({ ask, conferences: 5 }), 'Fall');
    expect(later.status).toBe('done');
    expect(later.action?.job).toBe('forms');
    expect(later.more?.[0]).toEqual({ job: 'ask', label: 'Ask families when they can come (2)' });
  });

  it('after asking, keeps naming the families without email that have not answered, until each has', () => {
    const ask = (answered: number) => ({
      toAsk: [],
      asked: 4,
      noEmail: 3,
      noEmailAnswered: answered,
      unsure: [],
      refused: [],
    });
    const s = availabilityStep(forms({ ask: ask(1) }), 'Fall');
    expect(s.status).toBe('done');
    expect(s.next).toMatch(
      /^Give families a few days to answer.* Phone the 2 families without email that have not answered/,
    );
    expect(s.counts).toContainEqual({ label: 'of them, answered', value: 1 });
    expect(availabilityStep(forms({ ask: ask(3) }), 'Fall').next).not.toContain('Phone');
  });

  it('lists a family a cut-off run may not have asked, with its link, and offers to send again', () => {
    const ask = {
      toAsk: [],
      asked: 3,
      noEmail: 0,
      noEmailAnswered: 0,
      unsure: [{ family: family('F1', 'Adams', 2), link: 'https://forms.example/F1' }],
      refused: [],
    };
    const s = availabilityStep(forms({ ask, changeRequests: [warning('another time')] }), 'Fall');
    expect(s.status).toBe('attention');
    expect(s.problemCount).toBe(2);
    expect(s.problems[0]!.where).toEqual({ sheet: 'Roster', row: 2, column: 1 });
    expect(s.problems[0]!.message).toMatch(/^Adams family: .* https:\/\/forms\.example\/F1\.$/);
    expect(s.more).toContainEqual({
      job: 'ask-again',
      label: 'Send the request again (1 not confirmed)',
    });
  });

  it('sends the questionnaire to the families due, and counts the answers once sent', () => {
    const due = questionnaireStep(forms({ due: 4, unmarked: 2, toOffer: 1 }), 'Fall');
    expect(due.status).toBe('ready');
    expect(due.headline).toBe('4 families had their conference and can be sent the questionnaire.');
    expect(due.action).toEqual({ job: 'questionnaire', label: 'Send the questionnaire (4)' });
    expect(due.next).toMatch(/ 2 past conferences are not marked attended yet, so not asked:/);
    expect(due.more).toEqual([
      { job: 'noshow-offer', label: 'Offer another time to the no-shows (1)' },
    ]);
    const waiting = questionnaireStep(forms(), 'Fall');
    expect(waiting.status).toBe('todo');
    expect(waiting.action).toBeUndefined();
    expect(waiting.headline).toBe(
      'The questionnaire goes to each family once its conference is marked attended.',
    );
    const sent = questionnaireStep(forms({ sent: 6, answered: 2, conferences: 6 }), 'Fall');
    expect(sent).toMatchObject({
      status: 'done',
      headline: '2 of 6 conferences answered the questionnaire.',
    });
    const flagged = questionnaireStep(forms({ sent: 6, refused: [warning('refused')] }), 'Fall');
    expect(flagged.status).toBe('attention');
  });
  it('waits for the availability form even when this round’s questionnaire exists', () => {
    const s = availabilityStep(
      forms({ state: { questionnaires: MADE.questionnaires }, ask: null }),
      'Fall',
    );
    expect(s.headline).toBe('No family forms yet.');
    // Without a roster, only the change requests are counted.
    expect(s.counts).toEqual([{ label: 'change requests', value: 0 }]);
  });

  it('once everyone is asked says to wait for answers, then that the schedule placed them', () => {
    const asked = { toAsk: [], asked: 3, noEmail: 0, noEmailAnswered: 0, unsure: [], refused: [] };
    const before = availabilityStep(forms({ ask: asked }), 'Fall');
    expect(before).toMatchObject({
      status: 'done',
      headline:
        'Every family with email has been asked when it can come; answers arrive in the Availability sheet.',
      next: 'Give families a few days to answer, then build the schedule (step 5): it places each family in the times it chose.',
      action: { job: 'forms', label: 'Update the forms and links' },
      more: [],
    });
    const after = availabilityStep(forms({ ask: asked, conferences: 4 }), 'Fall');
    expect(after.next).toBe(
      'The schedule placed families in the times they chose. A family that asks for another time is listed here.',
    );
  });

  it('asking, names no families to phone when every one has email, and offers to update the forms besides', () => {
    const ask = {
      toAsk: [family('F1', 'Adams', 2)],
      asked: 0,
      noEmail: 0,
      noEmailAnswered: 0,
      unsure: [],
      refused: [],
    };
    const s = availabilityStep(forms({ ask }), 'Fall');
    expect(s.headline).toBe('1 family can be asked when they can come.');
    expect(s.next).toBe(
      'Email each family its own availability link (one email per family, in its language), then build the schedule once answers are in.',
    );
    expect(s.more).toEqual([{ job: 'forms', label: 'Update the forms and links' }]);
  });

  it('lists a family whose request Google refused, on its Roster row', () => {
    const ask = {
      toAsk: [],
      asked: 1,
      noEmail: 0,
      noEmailAnswered: 0,
      unsure: [],
      refused: [{ family: family('F3', 'Cole', 4), reason: 'x@cole.example: Invalid email' }],
    };
    const s = availabilityStep(forms({ ask }), 'Fall');
    expect(s.status).toBe('attention');
    expect(s.problems.map((p) => [p.where, p.message.split(':')[0]])).toEqual([
      [{ sheet: 'Roster', row: 4, column: 1 }, 'Cole family'],
    ]);
  });

  it('counts each questionnaire figure, and waits for past conferences to be marked before it is done', () => {
    const s = questionnaireStep(
      forms({ sent: 6, answered: 2, conferences: 7, unmarked: 1, offered: 3, refused: [] }),
      'Fall',
    );
    expect(s.status).toBe('todo');
    expect(s.headline).toBe(
      '2 of 7 conferences answered the questionnaire. 1 past conference waits to be marked.',
    );
    expect(s.next).toMatch(
      /^Answers arrive in the Feedback sheet and the Summary by themselves\. 1 past conference is not marked attended yet, so not asked: /,
    );
    expect(s.more).toBeUndefined();
    expect(s.counts).toEqual([
      { label: 'no-shows to offer a new time', value: 0 },
      { label: 'no-shows offered another time', value: 3 },
      { label: 'families due the questionnaire', value: 0 },
      { label: 'past conferences not marked attended', value: 1 },
      { label: 'conferences sent the questionnaire', value: 6 },
      { label: 'questionnaires refused by Google', value: 0 },
      { label: 'conferences answered', value: 2 },
    ]);
    const two = questionnaireStep(forms({ sent: 6, conferences: 7, unmarked: 2 }), 'Fall');
    expect(two.headline).toMatch(/ 2 past conferences wait to be marked\.$/);
  });

  it('with every conference marked and none due asks only to mark attendance as it happens', () => {
    const s = questionnaireStep(forms({ sent: 6, answered: 6, conferences: 6 }), 'Fall');
    expect(s.next).toBe(
      'Answers arrive in the Feedback sheet and the Summary by themselves. Mark attendance in the Check-in (below the steps) or the Schedule’s Status.',
    );
    const due = questionnaireStep(forms({ due: 1 }), 'Fall');
    expect(due.next).toBe(
      'Send each family its questionnaire link (one email per family, in its language).',
    );
    expect(due.headline).toBe('1 family had their conference and can be sent the questionnaire.');
  });

  it('lists the families in doubt, then the refused, then the no-shows', () => {
    const s = questionnaireStep(
      forms({
        noShows: [warning('no-show')],
        refused: [warning('refused')],
        unconfirmed: [warning('in doubt')],
        due: 2,
      }),
      'Fall',
    );
    expect(s.status).toBe('attention');
    expect(s.problems.map((p) => p.message)).toEqual(['in doubt', 'refused', 'no-show']);
    expect(s.counts.find((c) => c.label === 'questionnaires refused by Google')?.value).toBe(1);
  });
});

describe('asShown', () => {
  it('names a zone the runtime lacks once, on the first step only', () => {
    const steps = [setupStep([], 8), scheduleNotBuilt(0, true)!];
    const shown = asShown(steps, { spreadsheet: 'Mars/Olympus', school: 'Mars/Olympus' }, []);
    expect(shown[0]!.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Google's script runtime does not know the time zone "Mars\/Olympus"/),
    ]);
    expect(shown[0]!.problemCount).toBe(1);
    expect(shown[1]).toEqual(steps[1]);
    expect(asShown(steps, { spreadsheet: 'America/New_York', school: '' }, [])).toEqual(steps);
    expect(
      asShown(steps, { spreadsheet: 'America/New_York', school: 'America/New_York' }, []),
    ).toEqual(steps);
  });

  it("warns on the first step only when Settings' zone is not the spreadsheet's, naming both", () => {
    const steps = [setupStep([], 8), scheduleNotBuilt(0, true)!];
    const shown = asShown(steps, { spreadsheet: 'America/New_York', school: 'Europe/London' }, []);
    expect(shown[0]!.problems).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(
          /^Conference times, reminders and stamps follow the time zone in Settings \(Europe\/London\), but this spreadsheet's own zone is America\/New_York/,
        ),
      },
    ]);
    // Which to change depends on where the school is: each fix is tied to its case.
    expect(shown[0]!.problems[0]!.message).toMatch(
      /If your school is in Europe\/London, set the spreadsheet's zone \(File > Settings\) to Europe\/London so that dates typed in cells mean the same; if it is in America\/New_York, choose America\/New_York in Settings\.$/,
    );
    expect(shown[0]!.problemCount).toBe(1);
    expect(shown[1]).toEqual(steps[1]);
  });

  it('shows a job left part-way on the first step that offers it, as working, with Continue', () => {
    // Before the forms exist, both form steps offer the one job that makes them.
    const steps = [availabilityStep(NO_FORMS, 'Fall'), questionnaireStep(NO_FORMS, 'Fall')];
    expect(steps.map((x) => x.action?.job)).toEqual(['forms', 'forms']);
    const left = {
      job: 'forms' as const,
      label: 'Creating the forms',
      done: false,
      processed: 1,
      total: 4,
      message: 'Made 1 of 4. Paused; continue to finish (started by kim@school.example).',
      problems: [],
    };
    const shown = asShown(steps, { spreadsheet: '', school: '' }, [left]);
    expect(shown[0]).toMatchObject({
      status: 'working',
      headline: left.message,
      action: { job: 'forms', label: 'Continue' },
    });
    expect(shown[1]).toEqual(steps[1]);
  });
  it('marks a step that was done as needing attention when a zone warning lands on it, keeping any other status', () => {
    const done = setupStep([], 8);
    expect(done.status).toBe('done');
    const zones = { spreadsheet: 'America/New_York', school: 'Europe/London' };
    const [shown] = asShown([done], zones, []);
    expect(shown!.status).toBe('attention');
    const ready = { ...done, status: 'ready' as const, problemCount: 2 };
    const [kept] = asShown([ready], zones, []);
    expect(kept).toMatchObject({ status: 'ready', problemCount: 3 });
  });

  it('leaves the steps as they are for a job left part-way that no step offers', () => {
    const steps = [setupStep([], 8)];
    const left = {
      job: 'noshow-offer' as const,
      label: 'Offering times',
      done: false,
      processed: 1,
      total: 2,
      message: 'Paused.',
      problems: [],
    };
    expect(asShown(steps, { spreadsheet: '', school: '' }, [left])).toEqual(steps);
  });
});

/*
 * The cases the first tests above pass by: a step waiting for set-up, singular and plural
 * wording, the advice once something is wrong, and the limits on what a step lists. Every
 * sentence and figure below is counted off ROSTER, WINDOWS and SUMMARY_TOTALS by hand.
 */
describe('what a step shows off the usual path', () => {
  it('waits for set-up under its own title, with nothing counted or listed', () => {
    expect(waitsForSetup('days')).toEqual({
      id: 'days',
      title: 'Conference days',
      status: 'todo',
      headline: 'Waits for set-up.',
      next: 'Set up the sheets first.',
      counts: [],
      problems: [],
      problemCount: 0,
    });
  });

  it('says one sheet to create, and what set-up does and does not change', () => {
    const s = setupStep(['Roster'], 8);
    expect(s.title).toBe('Set up');
    expect(s.headline).toBe('1 sheet to create: Roster.');
    expect(s.next).toBe(
      'Create the sheets the add-on works from. Nothing you already have is changed.',
    );
    expect(setupStep([], 8).next).toBe('Run it again any time: it only adds what is missing.');
  });

  it('names two families by letter in the plural, and says how the sheet is read', () => {
    // Eve Evans, like the Diaz family, has a phone and no email: two families by letter.
    const s = rosterStep(
      roster([...ROSTER, ['S5', 'Eve', 'Evans', '4', 'Mr. Chen', '', '555-0199', 'No']]),
    );
    expect(s.headline).toBe('5 students in 4 families, ready to schedule.');
    expect(s.next).toBe(
      'Check the conference days next. 2 families without email get a printed letter (Letters sheet) and are on the phone list instead of emails and invitations.',
    );
    expect(s.counts.find((c) => c.label === 'families by letter and phone')?.value).toBe(2);
    expect(s.problems).toEqual([]);
    expect(s.problemCount).toBe(0);
  });

  it('asks to fix the rows that cannot be imported, errors before the warning found first', () => {
    // Two rows without a name (errors); the Adams guardian's address also given for a Baker
    // child (a warning: one address for two surnames).
    const s = rosterStep(
      roster([
        ...ROSTER,
        ['S5', '', '', '3', 'Ms. Rivera', 'e@x.example', '', 'No'],
        ['S6', 'Bo', 'Baker', '4', 'Mr. Chen', 'pat@adams.example', '', 'No'],
        ['S7', '', '', '4', 'Mr. Chen', 'f@x.example', '', 'No'],
      ]),
    );
    expect(s.status).toBe('attention');
    expect(s.headline).toBe('5 students ready; 2 rows cannot be imported yet.');
    expect(s.next).toBe(
      'Fix the rows listed (click one to go to its cell), then check again. Rows with problems are left out until fixed; nothing in your sheet is changed.',
    );
    expect(s.problemCount).toBe(3);
    expect(s.problems.map((p) => p.severity)).toEqual(['error', 'error', 'warning']);
    expect(s.counts.find((c) => c.label === 'warnings')?.value).toBe(1);
  });

  it('counts places without a changeover, and asks to fix a window it cannot read', () => {
    // Twenty-minute conferences back to back: three an hour, Mr. Chen's two at once.
    const plain = daysStep(parseTeachers(WINDOWS, wall), { conferenceMinutes: 20 }, NOT_ASKED);
    expect(plain.counts[2]).toEqual({ label: 'places of 20 min', value: 12 });
    const broken = parseTeachers(
      [...WINDOWS, ['Mr. Chen', 'chen@school.example', 'someday', '3:00 PM', '4:00 PM', '102', 2]],
      wall,
    );
    const s = daysStep(broken, LENGTHS, NOT_ASKED);
    expect(s.status).toBe('attention');
    expect(s.problems[0]).toMatchObject({
      severity: 'error',
      where: { sheet: 'Teachers', row: 5 },
    });
    expect(s.headline).not.toMatch(/warning/);
    expect(s.next).toBe('Fix the windows listed, then check again.');
  });

  it('says what the Schedule waits for, and how to build it the first time', () => {
    expect(scheduleNotBuilt(0, false)).toMatchObject({
      title: 'Schedule',
      status: 'todo',
      next: 'Import the roster and the teachers’ windows first.',
    });
    expect(scheduleNotBuilt(0, true)).toMatchObject({
      headline: 'No conferences scheduled yet.',
      next: 'Preview the schedule to see who fits where and why anyone does not, then build it. Nothing is written until you build.',
    });
  });

  it('lists five of seven students not placed, and shows readiness once the prep form exists', () => {
    const seven = roster([
      ...ROSTER,
      ['S5', 'Eli', 'Ford', '3', 'Ms. Rivera', 'a@ford.example', '', 'No'],
      ['S6', 'Fay', 'Gray', '3', 'Ms. Rivera', 'b@gray.example', '', 'No'],
      ['S7', 'Gus', 'Hill', '5', 'Mr. Chen', 'c@hill.example', '', 'No'],
    ]).students;
    const s = scheduleStep({
      students: seven,
      rows: [],
      roundName: 'Fall',
      freedToOffer: 3,
      offers: { offers: 0, accepted: 0 },
      prep: new Map(),
      prepForm: true,
    });
    expect(s.headline).toBe('0 conferences in the Fall round; 7 students not placed yet.');
    expect(s.problemCount).toBe(7);
    expect(s.problems.map((p) => p.where?.row)).toEqual([2, 3, 4, 5, 6]);
    // No offer sent: no offer counts; the form exists, so each teacher's readiness, none ready.
    expect(s.counts.slice(3)).toEqual([
      { label: 'Mr. Chen: ready to lead (of 3)', value: 0 },
      { label: 'Ms. Rivera: ready to lead (of 4)', value: 0 },
    ]);
    expect(s.action).toEqual({ job: 'schedule', label: 'Rebuild the schedule' });
    expect(s.next).toMatch(/^Edit the Schedule sheet freely/);
    expect(s.more).toEqual([
      { job: 'views', label: 'Make print views (a tab per teacher)' },
      { job: 'waitlist', label: 'Tell the waitlisted families' },
      { job: 'waitlist-offer', label: 'Offer freed times to the waiting list (3)' },
      { job: 'prep-nudge', label: 'Email the prep link to students not ready' },
    ]);
  });

  it('lists 25 of 26 problems, and counts them all', () => {
    // Twenty-six rows without a name: twenty-six errors, rows 2 to 27.
    const nameless = Array.from({ length: 26 }, (_, i) => [
      `S${i + 1}`,
      '',
      '',
      '3',
      'Ms. Rivera',
      `p${i}@x.example`,
      '',
      'No',
    ]);
    const s = rosterStep(roster([ROSTER[0]!, ...nameless]));
    expect(s.problemCount).toBe(26);
    expect(s.errorCount).toBe(26);
    expect(s.problems.map((p) => p.where?.row)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 2),
    );
    // Thirty interpreter cells read as no: warnings only, though only 25 are listed, so the
    // sidebar can say "30 warnings to check" as the headline does.
    const maybes = Array.from({ length: 30 }, (_, i) => [
      `S${i + 1}`,
      'Ana',
      `Lee${i}`,
      '3',
      'Ms. Rivera',
      `p${i}@x.example`,
      '',
      'Maybe',
    ]);
    const w = rosterStep(roster([ROSTER[0]!, ...maybes]));
    expect([w.problemCount, w.problems.length, w.errorCount]).toEqual([30, 25, 0]);
    expect(w.headline).toMatch(/30 warnings to check/);
  });

  it('says one family, no letter note when every family has email, and what an empty sheet needs', () => {
    const adams = rosterStep(roster(ROSTER.slice(0, 3)));
    expect(adams.headline).toBe('2 students in 1 family, ready to schedule.');
    expect(adams.next).toBe('Check the conference days next.');
    expect(rosterStep(null).next).toBe(
      'Paste your student export into the Roster sheet, headers in row 1. Column names such as "Student Name", "Homeroom" and "Parent Email" are understood.',
    );
    expect(daysStep(parseTeachers([TEACHERS], wall), LENGTHS, NOT_ASKED).next).toBe(
      'On the Teachers sheet, add one row per teacher, day and time window (with room and how many families at once).',
    );
  });

  it('leaves the warnings out of the Days headline while a window has an error', () => {
    // Seen on 2026-11-20 every window is past (three warnings); the fourth has no date (an error).
    const teachers = parseTeachers(
      [...WINDOWS, ['Mr. Chen', 'chen@school.example', 'someday', '3:00 PM', '4:00 PM', '102', 2]],
      wall,
      { today: '2026-11-20' },
    );
    const s = daysStep(teachers, LENGTHS, NOT_ASKED);
    expect(s.problems.map((p) => p.severity)).toEqual(['error', 'warning', 'warning', 'warning']);
    expect(s.headline).toBe('2 teachers, 3 windows on 2 days (2026-11-17, 2026-11-18).');
  });

  it('offers the print views and the prep form, and no waiting-list job, once everyone is placed', () => {
    const s = scheduleStep({
      students: roster(ROSTER).students,
      rows: [{ round: 'Fall', status: 'scheduled', studentIds: ['S1', 'S2', 'S3', 'S4'] }],
      roundName: 'Fall',
      freedToOffer: 2,
      offers: { offers: 0, accepted: 0 },
      prep: new Map(),
      prepForm: false,
    });
    expect(s.more).toEqual([
      { job: 'views', label: 'Make print views (a tab per teacher)' },
      { job: 'student-forms', label: 'Create the student prep form' },
    ]);
  });

  it('shows every Summary figure, says one past conference is unmarked, and what to do next', () => {
    const built = summaryStep(SUMMARY_TOTALS, true);
    expect(built.counts).toEqual([
      { label: 'conferences', value: 12 },
      { label: 'attended', value: 9 },
      { label: 'no-show', value: 1 },
      { label: 'roster families', value: 14 },
      { label: 'without a conference', value: 2 },
      { label: 'participation %', value: 64 },
      { label: 'answers', value: 1 },
      { label: 'follow-up requests', value: 2 },
      { label: 'answers to check', value: 0 },
    ]);
    // Session 34 (fixG): after the conferences the step points to the class debrief, which no
    // step or result named before.
    const debrief =
      'Each teacher’s class debrief (who prepared and reflected, their goals, follow-ups) is in the menu: Extensions › Student-Led Conferences › Print class debrief.';
    expect(built.next).toBe(
      `The Summary rebuilds itself after each answer; rebuild it after marking attendance. ${debrief}`,
    );
    expect(built.more).toEqual([
      { job: 'followups', label: 'List follow-up requests and tell their owners' },
    ]);
    expect(summaryStep(SUMMARY_TOTALS, false).next).toBe(
      `Build the Summary: participation, ratings per teacher, follow-ups, goals and the interpreter roster. ${debrief}`,
    );
    const one = summaryStep({ ...SUMMARY_TOTALS, unmarked: 1 }, false);
    expect(one.status).toBe('todo');
    expect(one.headline).toBe(
      '9 of 12 conferences attended; 1 questionnaire answer; 2 follow-up requests to act on. 1 past conference is not marked attended or no-show yet.',
    );
    // Only no-shows marked: attendance is marked, so the Summary can be built.
    expect(summaryStep({ ...SUMMARY_TOTALS, attended: 0 }, false).status).toBe('ready');
  });
});
