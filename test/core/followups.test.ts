/**
 * Follow-ups with an owner: every follow-up request from the questionnaire gets one row, owned by
 * the host teacher, status new, due a week later; people's edits are kept; each owner is told of
 * the requests not yet told.
 */
import {
  overdue,
  requestChildren,
  syncFollowUps,
  untoldByOwner,
  type FollowUpAnswer,
} from '../../src/core/followups';

const conferences = [
  { conferenceId: 'C1', teacher: 'Ms. Lee', familyId: 'F1', studentIds: ['S1', 'S2'] },
  { conferenceId: 'C2', teacher: 'Mr. Park', familyId: 'F2', studentIds: ['S3'] },
];
const emailOf = (t: string) =>
  ({ 'Ms. Lee': 'lee@school.example', 'Mr. Park': 'park@school.example' })[t] ?? '';

const answer = (over: Partial<FollowUpAnswer>): FollowUpAnswer => ({
  conferenceId: 'C1',
  answered: '2026-11-18 10:00:00',
  followUp: true,
  privateTalk: false,
  followUpWhen: 'Tuesday after 4',
  comments: '',
  flag: '',
  ...over,
  answeredAtSchool: over.answeredAtSchool ?? over.answered ?? '2026-11-18 10:00:00',
});

describe('syncFollowUps', () => {
  it('lists each follow-up request once, owned by the host teacher, new and due in a week', () => {
    const rows = syncFollowUps(
      [],
      [
        answer({}),
        answer({ conferenceId: 'C2', answered: '2026-11-19 09:00:00', followUpWhen: '' }),
        answer({ conferenceId: 'C2', followUp: false }),
        answer({ conferenceId: 'C9' }),
        answer({ flag: 'Unknown conference code', answered: '2026-11-20 09:00:00' }),
      ],
      conferences,
      emailOf,
    );
    expect(
      rows.map((f) => [
        f.studentIds,
        f.familyId,
        f.owner,
        f.ownerEmail,
        f.kind,
        f.asked,
        f.status,
        f.due,
      ]),
    ).toEqual([
      [
        'S1; S2',
        'F1',
        'Ms. Lee',
        'lee@school.example',
        'follow-up meeting',
        'Tuesday after 4',
        'new',
        '2026-11-25',
      ],
      ['S3', 'F2', 'Mr. Park', 'park@school.example', 'follow-up meeting', '', 'new', '2026-11-26'],
    ]);
  });

  it('keeps what people changed and adds only requests not yet listed', () => {
    const first = syncFollowUps([], [answer({})], conferences, emailOf);
    const edited = [
      { ...first[0]!, owner: 'Counselor', ownerEmail: 'c@school.example', status: 'contacted' },
    ];
    const again = syncFollowUps(
      edited,
      [answer({}), answer({ answered: '2026-11-21 08:00:00' })],
      conferences,
      emailOf,
    );
    expect(again).toHaveLength(2);
    expect(again[0]).toEqual(edited[0]);
    expect(again[1]!.owner).toBe('Ms. Lee');
  });
});

describe('syncFollowUps: two clocks', () => {
  it("keys a request by the answer's time as the sheet shows it, and dates it on the school's clock", () => {
    // 21:00 in the spreadsheet's New York is 02:00 the next day in the school's London.
    const [row] = syncFollowUps(
      [],
      [answer({ answered: '2026-11-18 21:00:00', answeredAtSchool: '2026-11-19 02:00:00' })],
      conferences,
      emailOf,
    );
    expect([row!.request, row!.askedOn, row!.due]).toEqual([
      'C1 2026-11-18 21:00:00',
      '2026-11-19 02:00:00',
      '2026-11-26',
    ]);
  });
});

describe('syncFollowUps: every kind of request', () => {
  const kinds = (answers: FollowUpAnswer[]) =>
    syncFollowUps([], answers, conferences, emailOf).map((f) => [f.request, f.kind, f.asked]);

  it('lists a private talk as its own request, beside a follow-up meeting asked in the same answer', () => {
    expect(kinds([answer({ privateTalk: true, comments: 'About his friends' })])).toEqual([
      ['C1 2026-11-18 10:00:00', 'follow-up meeting', 'Tuesday after 4 — About his friends'],
      [
        'C1 2026-11-18 10:00:00 private talk',
        'private talk',
        'Tuesday after 4 — About his friends',
      ],
    ]);
    expect(kinds([answer({ followUp: false, privateTalk: true, followUpWhen: '' })])).toEqual([
      ['C1 2026-11-18 10:00:00 private talk', 'private talk', ''],
    ]);
  });

  it('lists a comment asking for contact when nothing was ticked, owned like the others', () => {
    const rows = syncFollowUps(
      [],
      [
        answer({ followUp: false, comments: 'Llámeme por favor, 555-0134' }),
        answer({ conferenceId: 'C2', followUp: false, comments: 'Thanks, all good' }),
        answer({ conferenceId: 'C2', answered: '2026-11-19 08:00:00', comments: 'Call me' }),
      ],
      conferences,
      emailOf,
    );
    expect(rows.map((f) => [f.request, f.kind, f.asked, f.owner, f.ownerEmail, f.due])).toEqual([
      [
        'C1 2026-11-18 10:00:00 contact',
        'contact',
        'Llámeme por favor, 555-0134',
        'Ms. Lee',
        'lee@school.example',
        '2026-11-25',
      ],
      // Asked for a meeting too: the comment travels with that request, not as a second one.
      [
        'C2 2026-11-19 08:00:00',
        'follow-up meeting',
        'Tuesday after 4 — Call me',
        'Mr. Park',
        'park@school.example',
        '2026-11-26',
      ],
    ]);
  });

  it('lists each kind once however often the answers are read again', () => {
    const answers = [
      answer({ privateTalk: true }),
      answer({ conferenceId: 'C2', followUp: false, comments: 'can we talk?' }),
    ];
    const first = syncFollowUps([], answers, conferences, emailOf);
    expect(first).toHaveLength(3);
    expect(syncFollowUps(first, answers, conferences, emailOf)).toEqual(first);
  });
});

describe('untoldByOwner and overdue', () => {
  it('groups the requests whose owner was not told by owner, and finds open ones past due', () => {
    const rows = syncFollowUps(
      [],
      [answer({}), answer({ conferenceId: 'C2' }), answer({ answered: '2026-11-01 09:00:00' })],
      conferences,
      emailOf,
    );
    // Rows come in the order asked: C1 on 11-01, then C1 and C2 on 11-18.
    rows[0]!.ownerTold = 'sending 2026-11-01 09:05';
    const byOwner = untoldByOwner(rows);
    expect([...byOwner].map(([e, l]) => [e, l.map((f) => f.request)])).toEqual([
      ['lee@school.example', ['C1 2026-11-18 10:00:00']],
      ['park@school.example', ['C2 2026-11-18 10:00:00']],
    ]);
    rows[2]!.status = 'done';
    // Due a week after asking; the one marked done is not overdue.
    expect(overdue(rows, '2026-11-26').map((f) => f.request)).toEqual([
      'C1 2026-11-01 09:00:00',
      'C1 2026-11-18 10:00:00',
    ]);
  });
});

describe('requestChildren', () => {
  const names: Record<string, string> = { S1: 'Ana García', S2: 'Luis García' };
  const nameOf = (id: string) => names[id] ?? '';

  it('names one child, or several, by the Roster’s names', () => {
    expect(requestChildren(['S2'], nameOf)).toBe('Luis García');
    expect(requestChildren(['S1', 'S2'], nameOf)).toBe('Ana García and Luis García');
  });

  it('falls back to Student IDs, singular or plural, for a child no longer on the Roster', () => {
    expect(requestChildren(['S9'], nameOf)).toBe('Student S9');
    expect(requestChildren(['S1', 'S9'], nameOf)).toBe('Students Ana García (S1), S9');
  });
});
