/**
 * The Summary compares rounds, so an earlier round keeps its own figures when the Roster changes
 * between rounds: a family that attended in fall and then left still counts in fall, and one
 * that joined in spring is not counted as a fall family nobody placed.
 */
import type { JobProgress } from '../../src/shared/api';
import { ok, pastedSchool, run } from './calls';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Email',
];
const FALL_ROSTER = [
  HEADER,
  ['S1', 'Ana', 'Lopez', '3', 'Ms. Rivera', 'F1', 'maria@f1.example'],
  ['S2', 'Cy', 'Park', '3', 'Ms. Rivera', 'F2', 'jin@f2.example'],
  ['S3', 'Dee', 'Okafor', '3', 'Ms. Rivera', 'F3', 'ngozi@f3.example'],
];
// Spring: the Okafors (F3) have left; the Haddads (F4) and the Mosses (F5) joined.
const SPRING_ROSTER = [
  ...FALL_ROSTER.slice(0, 3),
  ['S4', 'Omar', 'Haddad', '3', 'Ms. Rivera', 'F4', 'samir@f4.example'],
  ['S5', 'Eli', 'Moss', '3', 'Ms. Rivera', 'F5', 'jo@f5.example'],
];
const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity', 'Round'],
  ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '15:00', '17:00', '101', '1', 'Fall'],
  ['Ms. Rivera', 'rivera@school.example', '2027-03-16', '15:00', '17:00', '101', '1', 'Spring'],
];
/** Fall's attendance, as the teacher marked it: the Parks did not come. */
const FALL_STATUS: Record<string, string> = { S1: 'attended', S2: 'no-show', S3: 'attended' };

type School = ReturnType<typeof pastedSchool>;

function participationRow(s: School, round: string): unknown[] {
  const grid = s.emulator.spreadsheet.sheetByName('Summary')!.values();
  const at = grid.findIndex((r) => r[0] === 'Participation');
  const row = grid.slice(at).find((r) => r[0] === round);
  if (!row) throw new Error(`no ${round} row in the Summary's Participation`);
  return row.slice(0, 8);
}

function markFall(s: School): void {
  const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
  const [header = [], ...body] = sheet.values();
  const ids = header.indexOf('Student IDs');
  const status = header.indexOf('Status');
  body.forEach((r, i) => sheet.patch(i + 2, status + 1, { v: FALL_STATUS[String(r[ids])]! }));
}

function newRoster(s: School, rows: unknown[][]): void {
  // Pasted over the old one, as a coordinator pastes the new export.
  const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
  roster.rows = [];
  rows.forEach((r, i) => roster.typeRow(i + 1, r));
}

function startRound(s: School, round: string): void {
  const current = ok<{ settings: Record<string, unknown> }>(
    s.bundle.callFromClient('getSettings', []),
  );
  ok(s.bundle.callFromClient('saveSettings', [{ ...current.settings, roundName: round }]));
}

describe('rounds compared after the Roster changed', () => {
  // By hand, fall: three families, all placed, two attended (Lopez, Okafor), one no-show (Park).
  const FALL = ['Fall', 3, 3, 2, 1, 0, 0, 67];

  it('keeps fall’s figures when a fall family left and a new one joined before spring', () => {
    const s = pastedSchool(FALL_ROSTER, TEACHERS);
    run(s, 'schedule');
    markFall(s);
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    expect(participationRow(s, 'Fall')).toEqual(FALL);

    newRoster(s, SPRING_ROSTER);
    startRound(s, 'Spring');
    run(s, 'schedule');
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    expect(participationRow(s, 'Fall')).toEqual(FALL);
    // Spring: today's four families, all placed, none marked yet.
    expect(participationRow(s, 'Spring')).toEqual(['Spring', 4, 4, 0, 0, 0, 0, 0]);
  });

  it('keeps fall’s figures when the spring Roster is pasted and the Summary rebuilt before the Round is renamed', () => {
    const s = pastedSchool(FALL_ROSTER, TEACHERS);
    run(s, 'schedule');
    markFall(s);
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    // Three weeks on, fall's conferences (17 November) are over; a late answer rebuilds the
    // Summary after the coordinator pasted spring's Roster but before renaming the Round.
    s.emulator.ws.clock.advance(21 * 24 * 3600_000);
    expect(new Date(s.emulator.ws.clock.now()).toISOString().slice(0, 10) > '2026-11-17').toBe(
      true,
    );
    newRoster(s, SPRING_ROSTER);
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    // Still fall's round, and its conferences over: fall is counted over its own families.
    expect(participationRow(s, 'Fall')).toEqual(FALL);
    startRound(s, 'Spring');
    run(s, 'schedule');
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    expect(participationRow(s, 'Fall')).toEqual(FALL);
  });

  it('without a Summary built in fall, still counts the family that left, from its fall rows', () => {
    const s = pastedSchool(FALL_ROSTER, TEACHERS);
    run(s, 'schedule');
    markFall(s);
    newRoster(s, SPRING_ROSTER);
    startRound(s, 'Spring');
    run(s, 'schedule');
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['summary']));
    // Nothing kept from fall: today's Roster (Lopez, Park, Haddad, Moss) and the Okafors from
    // their fall row. The Haddads and Mosses, not on fall's Schedule, read as fall families
    // nobody placed.
    expect(participationRow(s, 'Fall')).toEqual(['Fall', 5, 3, 2, 1, 2, 0, 40]);
  });
});
