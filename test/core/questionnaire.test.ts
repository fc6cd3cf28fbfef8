/**
 * Who is due the questionnaire, read off a Schedule written by hand: the Fall round's
 * conferences on 2026-11-17 and 2026-11-18, asked on the 19th.
 */
import {
  attendedBefore,
  nothingAhead,
  dueFamilies,
  filled,
  unmarkedPast,
  inDoubt,
  readSentJournal,
  WAITING,
} from '../../src/core/questionnaire';
import type { ExistingRow } from '../../src/core/schedule/sheet';

const HEADER = ['Conference ID', 'Emails', 'Feedback Link', 'Questionnaire Sent'];
const columns = new Map(HEADER.map((h, i) => [h, i + 1]));
const LINK = `https://docs.google.com/forms/d/e/x/viewform?entry.1=${'ab12'.repeat(8)}`;
const TODAY = '2026-11-19';

/** A Schedule row: a conference of family `familyId` on `date`, with an address and its link. */
function row(
  n: number,
  familyId: string,
  cells: Partial<Record<(typeof HEADER)[number], unknown>> = {},
  fields: Partial<ExistingRow> = {},
): ExistingRow {
  const conferenceId = `C${n}`;
  const byHeader: Record<string, unknown> = {
    'Conference ID': conferenceId,
    Emails: `${familyId.toLowerCase()}@family.example`,
    'Feedback Link': LINK,
    'Questionnaire Sent': '',
    ...cells,
  };
  return {
    row: n,
    conferenceId,
    round: 'Fall',
    date: '2026-11-17',
    start: 900,
    end: 925,
    teacher: 'Ms. Rivera',
    studentIds: [`S${n}`],
    familyId,
    status: 'attended',
    locked: false,
    values: HEADER.map((h) => byHeader[h]),
    ...fields,
  };
}

const due = (rows: ExistingRow[], linkOnSend = false) =>
  dueFamilies({ rows, columns }, 'Fall', TODAY, linkOnSend).map((d) => ({
    family: d.familyId,
    rows: d.rows.map((r) => r.row),
  }));

describe('unmarkedPast', () => {
  it('lists the round’s past conferences whose Status says neither attended nor missed', () => {
    const rows = [
      row(2, 'F1', {}, { status: '' }),
      row(3, 'F2', {}, { status: 'accepted' }),
      row(4, 'F3', {}, { status: 'attended' }),
      row(5, 'F4', {}, { status: 'no-show' }),
      row(6, 'F5', {}, { status: 'rescheduled' }),
      row(7, 'F6', {}, { status: '', date: TODAY }),
      row(8, 'F7', {}, { status: '', round: 'Spring' }),
      row(9, 'F8', {}, { status: 'invited', date: null }),
    ];
    expect(unmarkedPast(rows, 'Fall', TODAY).map((r) => r.row)).toEqual([2, 3]);
  });
});

describe('nothingAhead', () => {
  const row = (id: string, date: string | null, status: string, round = 'Fall') => ({
    round,
    date,
    status,
    studentIds: [id],
  });
  it('names the students whose conferences this round are all behind them and none held', () => {
    const today = '2026-11-20';
    const rows = [
      row('noshow', '2026-11-17', 'no-show'),
      row('declined', '2026-11-25', 'declined'),
      row('unmarked', '2026-11-17', 'scheduled'),
      // Missed, then given a new time next week: something ahead again.
      row('again', '2026-11-17', 'no-show'),
      row('again', '2026-11-27', 'scheduled'),
      row('held', '2026-11-17', 'attended'),
      row('today', today, 'scheduled'),
      row('undated', null, 'scheduled'),
      // Another round's missed conference says nothing of this one.
      row('spring', '2026-03-17', 'no-show', 'Spring'),
    ];
    expect([...nothingAhead(rows, 'Fall', today)].sort()).toEqual([
      'declined',
      'noshow',
      'unmarked',
    ]);
  });
});

describe('attendedBefore', () => {
  it('is true only of this round’s conference held before today and marked attended', () => {
    const rows = [
      row(2, 'F1', {}, { status: 'attended' }),
      row(3, 'F2', {}, { status: 'no-show' }),
      row(4, 'F3', {}, { status: 'declined' }),
      row(5, 'F4', {}, { status: 'rescheduled' }),
      row(6, 'F5', {}, { status: 'cancelled' }),
      row(7, 'F6', {}, { status: '' }),
      row(8, 'F7', {}, { status: 'attended', date: TODAY }),
      row(9, 'F8', {}, { status: 'attended', round: 'Spring' }),
      row(10, 'F9', {}, { status: 'attended', date: null }),
      row(11, 'F10', {}, { status: 'attended', round: '' }),
    ];
    expect(rows.filter((r) => attendedBefore(r, 'Fall', TODAY)).map((r) => r.row)).toEqual([2, 11]);
  });
});

describe('dueFamilies', () => {
  it('asks each family once, with all its conferences of the round that have taken place', () => {
    const rows = [row(2, 'F1'), row(3, 'F2'), row(4, 'F1', {}, { teacher: 'Mr. Okafor' })];
    expect(due(rows)).toEqual([
      { family: 'F1', rows: [2, 4] },
      { family: 'F2', rows: [3] },
    ]);
  });

  it('waits until the day after the conference', () => {
    expect(
      due([row(2, 'F1', {}, { date: TODAY }), row(3, 'F2', {}, { date: '2026-11-20' })]),
    ).toEqual([]);
    expect(due([row(2, 'F1', {}, { date: '2026-11-18' })])).toEqual([{ family: 'F1', rows: [2] }]);
  });

  it('asks nobody about a conference with no date', () => {
    expect(due([row(2, 'F1', {}, { date: null })])).toEqual([]);
  });

  it('asks only about a conference marked attended: not one missed, moved, or left unmarked', () => {
    const statuses = ['cancelled', 'declined', 'no-show', 'rescheduled', 'accepted', 'invited', ''];
    const rows = [...statuses, 'attended'].map((status, i) =>
      row(i + 2, `F${i + 2}`, {}, { status }),
    );
    expect(due(rows)).toEqual([{ family: 'F9', rows: [9] }]);
  });

  it('asks a family once: a stamped conference is not due again, one left waiting for the quota is', () => {
    const rows = [
      row(2, 'F1', { 'Questionnaire Sent': new Date('2026-11-19T14:00:00Z') }),
      row(3, 'F2', { 'Questionnaire Sent': 'Refused to f2@family.example (Invalid email)' }),
      row(4, 'F3', { 'Questionnaire Sent': WAITING }),
      row(5, 'F4', { 'Questionnaire Sent': '  ' }),
    ];
    expect(due(rows)).toEqual([
      { family: 'F3', rows: [4] },
      { family: 'F4', rows: [5] },
    ]);
  });

  it('needs a link to send unless told that sending will make it', () => {
    expect(
      dueFamilies({ rows: [row(2, 'F1', { 'Feedback Link': '' })], columns }, 'Fall', TODAY),
    ).toEqual([]);
  });

  it('needs a link to send, unless sending will make it', () => {
    const rows = [row(2, 'F1', { 'Feedback Link': '' }), row(3, 'F2', { 'Feedback Link': 'n/a' })];
    expect(due(rows)).toEqual([]);
    expect(due(rows, true)).toEqual([
      { family: 'F1', rows: [2] },
      { family: 'F2', rows: [3] },
    ]);
  });

  it('leaves out a family without an email address (reached by letter and phone)', () => {
    expect(due([row(2, 'F1', { Emails: ' ' })])).toEqual([]);
  });

  it('asks about this round only; a blank Round is this round’s, as for the invitations', () => {
    expect(due([row(2, 'F1', {}, { round: 'Spring' })])).toEqual([]);
    expect(due([row(2, 'F1', {}, { round: '' }), row(3, 'F2', {}, { round: 'fall' })])).toEqual([
      { family: 'F1', rows: [2] },
      { family: 'F2', rows: [3] },
    ]);
  });

  it('keeps a conference without a Family ID apart, under its conference', () => {
    expect(due([row(2, ''), row(3, '')])).toEqual([
      { family: 'C2', rows: [2] },
      { family: 'C3', rows: [3] },
    ]);
  });
});

describe('filled', () => {
  it('is true of a stamp (a date, or text Sheets kept as text) and false of a blank or waiting cell', () => {
    expect(filled(new Date('2026-11-19T14:00:00Z'))).toBe(true);
    expect(filled('2026-11-19 09:00')).toBe(true);
    expect(filled('')).toBe(false);
    expect(filled('   ')).toBe(false);
    expect(filled(null)).toBe(false);
    expect(filled(WAITING)).toBe(false);
    expect(filled(` ${WAITING} `)).toBe(false);
    // The words as an earlier run wrote them in the cell, not the constant: a cell keeps them.
    expect(filled('Waiting for the daily email quota')).toBe(false);
  });
});

describe('readSentJournal', () => {
  const plain = (r: ReturnType<typeof readSentJournal>) => ({
    sent: [...r.sent].sort(),
    unsure: [...r.unsure].sort(),
    partly: r.partly,
  });

  it('reads nothing from no journal', () => {
    expect(plain(readSentJournal(null, null))).toEqual({ sent: [], unsure: [], partly: {} });
  });

  it('reads an older run’s journal, a plain list of the conferences sent', () => {
    expect(plain(readSentJournal(['C1', 'C2'], null))).toEqual({
      sent: ['C1', 'C2'],
      unsure: [],
      partly: {},
    });
  });

  it('leaves the whole message in doubt when the journal does not name the address being sent', () => {
    expect(plain(readSentJournal({ sent: ['C1'], sending: ['C2', 'C3'] }, null))).toEqual({
      sent: ['C1'],
      unsure: ['C2', 'C3'],
      partly: {},
    });
  });

  it('leaves only the address being sent in doubt when the journal names it, keeping those already sent', () => {
    const r = readSentJournal(
      {
        sent: ['C1'],
        sending: ['C1', 'C2'],
        to: 'b@family.example',
        partly: { C2: ['a@family.example'] },
      },
      { C9: ['z@family.example'] },
    );
    expect(plain(r)).toEqual({
      sent: ['C1'],
      unsure: [],
      partly: {
        C2: ['a@family.example', '?b@family.example'],
        C9: ['z@family.example'],
      },
    });
    expect(inDoubt(r.partly, 'C2')).toBe(true);
    expect(inDoubt(r.partly, 'C9')).toBe(false);
    expect(inDoubt(r.partly, 'C1')).toBe(false);
  });

  it('puts the address being sent in doubt for a conference nothing was sent about yet', () => {
    const r = readSentJournal({ sent: [], sending: ['C4'], to: 'c@family.example' }, null);
    expect(r.partly).toEqual({ C4: ['?c@family.example'] });
    expect(inDoubt(r.partly, 'C4')).toBe(true);
  });

  it('takes the journal’s addresses over those kept before for the same conference', () => {
    const r = readSentJournal(
      { sent: [], sending: [], partly: { C2: ['a@family.example', 'b@family.example'] } },
      { C2: ['a@family.example'] },
    );
    expect(r.partly).toEqual({ C2: ['a@family.example', 'b@family.example'] });
  });
});
