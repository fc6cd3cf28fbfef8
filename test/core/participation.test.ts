/**
 * Participation over every family on the Roster: the families the schedule could not place
 * count as families that did not take part, per round, per teacher and per grade.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import {
  participation,
  readRoundFamilies,
  roundOver,
  writeRoundFamilies,
  type RosterFamily,
} from '../../src/core/participation';
import { buildSummary, type SummaryConference } from '../../src/core/summary';

const family = (
  id: string,
  students: [string, string, string][],
  reachable = true,
): RosterFamily => ({
  familyId: id,
  students: students.map(([sid, teacher, grade]) => ({ id: sid, teacher, grade })),
  reachable,
});

/** Five families: Rivera (siblings with two teachers), Silva, Chen, Okafor (no contact), Haddad. */
const roster: RosterFamily[] = [
  family('F1', [
    ['S1', 'Ms. Lee', '3'],
    ['S2', 'Mr. Park', '5'],
  ]),
  family('F2', [['S3', 'Ms. Lee', '3']]),
  family('F3', [['S4', 'Mr. Park', '5']]),
  family('F4', [['S5', 'Ms. Lee', '3']], false),
  family('F5', [['S6', 'Mr. Park', '5']]),
];

function conference(
  familyId: string,
  teacher: string,
  studentIds: string[],
  grades: string[],
  status: string,
  round = 'Fall',
): SummaryConference {
  return {
    conferenceId: `${familyId}-${teacher}`,
    round,
    teacher,
    family: familyId,
    familyId,
    studentIds,
    grades,
    status,
    date: '2026-11-17',
    start: 930,
    end: 955,
    room: '1',
    language: '',
    interpreter: false,
    emails: '',
  };
}

// Rivera came to Ms. Lee and missed Mr. Park; Silva did not come; Chen cancelled; Okafor and
// Haddad could not be placed.
const schedule = [
  conference('F1', 'Ms. Lee', ['S1'], ['3'], 'attended'),
  conference('F1', 'Mr. Park', ['S2'], ['5'], 'no-show'),
  conference('F2', 'Ms. Lee', ['S3'], ['3'], 'no-show'),
  conference('F3', 'Mr. Park', ['S4'], ['5'], 'cancelled'),
];

describe('participation', () => {
  const rowOf = (rows: { label: string }[], label: string) => rows.find((r) => r.label === label);

  it('divides attended families by every family on the Roster, the unplaced ones included', () => {
    const p = participation(roster, schedule, 'Fall');
    expect(p.rounds).toEqual([
      {
        label: 'Fall',
        rosterFamilies: 5,
        scheduled: 2,
        attended: 1,
        noShow: 1,
        waitlisted: 3,
        unreachable: 1,
        participation: 20,
      },
    ]);
  });

  it('counts a family for each teacher with that teacher’s conferences only', () => {
    const p = participation(roster, schedule, 'Fall');
    expect(rowOf(p.teachers, 'Ms. Lee')).toMatchObject({
      rosterFamilies: 3,
      scheduled: 2,
      attended: 1,
      noShow: 1,
      waitlisted: 1,
      unreachable: 1,
      participation: 33,
    });
    // Rivera missed Mr. Park: a no-show there although it attended Ms. Lee's conference.
    expect(rowOf(p.teachers, 'Mr. Park')).toMatchObject({
      rosterFamilies: 3,
      scheduled: 1,
      attended: 0,
      noShow: 1,
      waitlisted: 2,
      participation: 0,
    });
  });

  it('counts a family for each grade with the conferences of that grade’s students', () => {
    const p = participation(roster, schedule, 'Fall');
    expect(rowOf(p.grades, '3')).toMatchObject({ rosterFamilies: 3, attended: 1, noShow: 1 });
    expect(rowOf(p.grades, '5')).toMatchObject({ rosterFamilies: 3, attended: 0, noShow: 1 });
  });

  it('shows a round with no conference yet as every family waitlisted', () => {
    const p = participation(roster, schedule, 'Spring');
    expect(rowOf(p.rounds, 'Spring')).toMatchObject({
      rosterFamilies: 5,
      scheduled: 0,
      waitlisted: 5,
      participation: 0,
    });
    expect(rowOf(p.rounds, 'Fall')).toMatchObject({ attended: 1 });
  });

  it('counts an earlier round over the families kept for it, its own rows deciding who came', () => {
    // Spring's Roster: the Haddads (F5) and Okafors (F4) are still there; the Silvas (F2) left
    // after fall, where they were a no-show. Fall kept 6 families, 2 of them unreachable.
    const spring = roster.filter((f) => f.familyId !== 'F2');
    const kept = (round: string) => (round === 'Fall' ? { families: 6, unreachable: 2 } : null);
    const p = participation(spring, schedule, 'Spring', kept);
    expect(rowOf(p.rounds, 'Fall')).toEqual({
      label: 'Fall',
      rosterFamilies: 6,
      scheduled: 2,
      attended: 1,
      noShow: 1,
      waitlisted: 4,
      unreachable: 2,
      participation: 17,
    });
    // Nothing kept: today's families and the Silvas from their fall row.
    expect(rowOf(participation(spring, schedule, 'Spring').rounds, 'Fall')).toMatchObject({
      rosterFamilies: 5,
      scheduled: 2,
      noShow: 1,
      waitlisted: 3,
    });
    // The current round is always today's Roster, whatever was kept for it.
    expect(
      rowOf(
        participation(roster, schedule, 'Fall', () => ({ families: 9, unreachable: 0 })).rounds,
        'Fall',
      ),
    ).toMatchObject({ rosterFamilies: 5, unreachable: 1 });
  });

  it('calls a round over only once it has conferences and every one is on a day gone by', () => {
    const row = (round: string, date: string | null) => ({ round, date });
    const fall = [
      row('Fall', '2026-11-17'),
      row('Fall', '2026-11-18'),
      row('Spring', '2027-03-16'),
    ];
    expect(roundOver(fall, 'Fall', '2026-11-19')).toBe(true);
    // The last day not yet past, a row with no date, or no row at all: not over.
    expect(roundOver(fall, 'Fall', '2026-11-18')).toBe(false);
    expect(roundOver([...fall, row('Fall', null)], 'Fall', '2026-11-19')).toBe(false);
    expect(roundOver(fall, 'Winter', '2027-12-01')).toBe(false);
  });

  it('reads back the families kept for a round as written, and nothing from a damaged value', () => {
    expect(readRoundFamilies(writeRoundFamilies({ families: 412, unreachable: 7 }))).toEqual({
      families: 412,
      unreachable: 7,
    });
    for (const bad of [undefined, '', '412', '412,x', '-1,2', '{"families":4}'])
      expect(readRoundFamilies(bad)).toBeNull();
  });

  it('always splits the Roster into scheduled and waitlisted, and attended never exceeds scheduled', () => {
    const statuses = fc.constantFrom('scheduled', 'attended', 'no-show', 'cancelled', 'declined');
    checkProperty(
      fc.property(
        fc.array(fc.record({ f: fc.integer({ min: 1, max: 5 }), status: statuses }), {
          maxLength: 10,
        }),
        (cs) => {
          const list = cs.map((c, i) =>
            conference(`F${c.f}`, i % 2 ? 'Ms. Lee' : 'Mr. Park', [], ['3'], c.status),
          );
          for (const r of Object.values(participation(roster, list, 'Fall')).flat()) {
            expect(r.scheduled + r.waitlisted).toBe(r.rosterFamilies);
            expect(r.attended + r.noShow).toBeLessThanOrEqual(r.scheduled);
          }
        },
      ),
    );
  });
});

describe('buildSummary with the Roster', () => {
  it('shows participation over roster families beside the other counts, and in its totals', () => {
    const s = buildSummary({
      title: 'Lincoln',
      round: 'Fall',
      today: '2026-11-20',
      conferences: schedule,
      feedback: [],
      families: roster,
    });
    const at = s.grid.findIndex((r) => r[0] === 'Participation');
    expect(s.grid[at + 1]!.slice(0, 8)).toEqual([
      'Round',
      'Roster families',
      'Scheduled',
      'Attended',
      'No-show',
      'Waitlisted',
      'Unreachable',
      'Participation %',
    ]);
    expect(s.grid[at + 2]!.slice(0, 8)).toEqual(['Fall', 5, 2, 1, 1, 3, 1, 20]);
    expect(s.totals).toMatchObject({ rosterFamilies: 5, waitlisted: 3, participation: 20 });
    const perTeacher = s.grid.findIndex((r) => r[0] === 'Families per teacher (Fall)');
    expect(s.grid[perTeacher + 1]!.slice(0, 8)).toEqual(['Mr. Park', 3, 1, 0, 1, 2, 0, 0]);
  });
});

describe('buildSummary with the Follow-ups sheet', () => {
  it('counts the follow-up requests by kind and status, a blank status as new', () => {
    const s = buildSummary({
      title: 'Lincoln',
      round: 'Fall',
      today: '2026-11-20',
      conferences: schedule,
      feedback: [],
      families: roster,
      followUps: [
        { kind: 'follow-up meeting', status: 'new' },
        { kind: 'follow-up meeting', status: 'contacted' },
        { kind: 'private talk', status: '' },
        { kind: 'contact', status: 'done' },
        { kind: 'Contact', status: 'Contacted' },
        { kind: 'change of time', status: 'waiting on family' },
        { kind: 'phone call', status: 'new' },
      ],
    });
    const at = s.grid.findIndex((r) => r[0] === 'Follow-ups by kind and status');
    expect(s.grid.slice(at + 1, at + 8).map((r) => r.slice(0, 6))).toEqual([
      ['Kind', 'new', 'contacted', 'done', 'waiting on family', 'All'],
      ['follow-up meeting', 1, 1, 0, 0, 2],
      ['private talk', 1, 0, 0, 0, 1],
      ['change of time', 0, 0, 0, 1, 1],
      ['contact', 0, 1, 1, 0, 2],
      ['phone call', 1, 0, 0, 0, 1],
      ['All', 3, 2, 1, 1, 7],
    ]);
  });

  it('has no follow-ups section without the sheet', () => {
    const s = buildSummary({
      title: 'Lincoln',
      round: 'Fall',
      today: '2026-11-20',
      conferences: schedule,
      feedback: [],
    });
    expect(s.grid.some((r) => r[0] === 'Follow-ups by kind and status')).toBe(false);
  });
});
