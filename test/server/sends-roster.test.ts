/**
 * Reminders and questionnaires go only to the addresses the Roster lists with a conference's
 * children: an address typed in the Schedule's Emails cell that the Roster does not list with
 * them (a stranger's, another family's) gets no email naming them, the family's own addresses
 * still get theirs, and the run says which cell holds the address.
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Overview } from '../../src/shared/api';
import { EST, markAttended, ok, run } from './calls';
import { addressesIn, cellOf, col, type } from './invites.fixture';

type School = ReturnType<typeof openSchool>;

const STRANGER = 'stranger2@evil.example';

/** The warning for an address typed on a row the Roster does not list with its children. */
function warning(s: School, row: number, address: string, outcome: string): string {
  const letter = String.fromCharCode(64 + col(s, 'Emails'));
  return `Schedule, row ${row}, column ${letter} (Emails): ${address} is not on the Roster rows of ${String(cellOf(s, row, 'Students'))}: ${outcome}. Add it to the Roster if this person should come.`;
}

/** Row 2's family's first address, and another family's, both typed into row 2 with a stranger's. */
function typeForeign(s: School): { own: string; other: string } {
  const own = addressesIn(cellOf(s, 2, 'Emails'))[0]!;
  const row = [...Array(40).keys()].find(
    (r) => r > 2 && cellOf(s, r, 'Family ID') !== cellOf(s, 2, 'Family ID'),
  )!;
  const other = addressesIn(cellOf(s, row, 'Emails'))[0]!;
  type(s, 2, 'Emails', `${String(cellOf(s, 2, 'Emails'))}; ${other}; ${STRANGER}`);
  return { own, other };
}

/** Each email sent since `from` to `to` that names a child of Schedule row 2. */
function aboutRow2(s: School, to: string, from = 0) {
  const child = String(cellOf(s, 2, 'Students'));
  return s.emulator.mail.sent
    .slice(from)
    .filter((m) => m.to.includes(to) && (m.body.includes(child) || m.subject.includes(child)));
}

function stepProblems(s: School, id: string): string[] {
  const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
    (x) => x.id === id,
  )!;
  return step.problems.map((p) => p.message);
}

describe('who is emailed about a conference', () => {
  it("reminds no stranger and no other family typed on a row, still reminds the family's own, and says which cell", () => {
    const s = openSchool({ students: 30, days: ['2026-11-17'] });
    run(s, 'setup');
    run(s, 'schedule');
    const { own, other } = typeForeign(s);
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    const done = ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
    expect(s.emulator.mail.to(STRANGER)).toEqual([]);
    expect(aboutRow2(s, other)).toEqual([]);
    expect(aboutRow2(s, own)).toHaveLength(1);
    const told = done.problems.map((p) => p.message);
    expect(told).toContain(warning(s, 2, STRANGER, 'sent no reminder'));
    expect(told).toContain(warning(s, 2, other, 'sent no reminder'));
    expect(stepProblems(s, 'reminders')).toContain(warning(s, 2, STRANGER, 'sent no reminder'));
  });

  it("sends the questionnaire to no stranger and no other family typed on a row, still to the family's own, and says which cell", () => {
    const s = openSchool({ students: 30 });
    run(s, 'setup');
    run(s, 'schedule');
    run(s, 'forms');
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    markAttended(s);
    const { own, other } = typeForeign(s);
    const done = run(s, 'questionnaire');
    expect(s.emulator.mail.to(STRANGER)).toEqual([]);
    expect(aboutRow2(s, other)).toEqual([]);
    expect(aboutRow2(s, own)).toHaveLength(1);
    expect(done.problems.map((p) => p.message)).toContain(
      warning(s, 2, STRANGER, 'sent no questionnaire'),
    );
  });
});
