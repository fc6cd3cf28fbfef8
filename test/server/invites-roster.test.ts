/**
 * The Schedule's Emails cell names who of the Roster's people are invited: an address typed there
 * that the Roster does not list with the conference's children (another family's, a stranger's)
 * is never a guest and never emailed, and the step that sends and the Schedule step say which
 * cell holds it. The family's own addresses, in whatever case and spacing, still are invited.
 */
import type { Overview, Problem } from '../../src/shared/api';
import {
  addressesIn,
  cellOf,
  col,
  eventOfRow,
  ok,
  replaceOnRoster,
  runJob,
  scheduled,
  type,
} from './invites.fixture';
import type { School } from '../../preview/school';

const STRANGER = 'stranger@evil.example';

const guestsOf = (s: School, row: number) => eventOfRow(s, row).guests.map((g) => g.email);

/** The warning the add-on gives for an address typed in a row's Emails cell, as a person reads it. */
function warning(s: School, row: number, address: string, outcome: string): string {
  const letter = String.fromCharCode(64 + col(s, 'Emails'));
  return `Schedule, row ${row}, column ${letter} (Emails): ${address} is not on the Roster rows of ${String(cellOf(s, row, 'Students'))}: ${outcome}. Add it to the Roster if this person should come.`;
}

function stepProblems(s: School, id: string): string[] {
  const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
    (x) => x.id === id,
  )!;
  return step.problems.map((p: Problem) => p.message);
}

/** Everything addressed to `to` since `from`: invitations Google sent and the add-on's emails. */
function reached(s: School, to: string, mailFrom = 0, invitesFrom = 0) {
  return {
    invitations: s.emulator.calendar.invitations.slice(invitesFrom).filter((i) => i.to === to),
    mail: s.emulator.mail.sent.slice(mailFrom).filter((m) => m.to.includes(to)),
  };
}

describe('Send invites holds the Emails cell to the Roster', () => {
  it("invites neither another family's address nor a stranger typed on a row, still invites the family's own (typed in other case and spaces), and warns naming the cell", () => {
    const s = scheduled(16);
    const own = addressesIn(cellOf(s, 2, 'Emails'))[0]!;
    const other = addressesIn(cellOf(s, 3, 'Emails'))[0]!;
    expect(cellOf(s, 3, 'Family ID')).not.toBe(cellOf(s, 2, 'Family ID'));
    type(s, 2, 'Emails', `  ${own.toUpperCase()} ; ${other}; ${STRANGER}`);
    const steps = runJob(s, 'invites');
    const event = eventOfRow(s, 2);
    expect(guestsOf(s, 2)).toContain(own);
    expect(guestsOf(s, 2)).not.toContain(other);
    expect(guestsOf(s, 2)).not.toContain(STRANGER);
    expect(reached(s, STRANGER)).toEqual({ invitations: [], mail: [] });
    // The other family is invited to its own conference only.
    expect(reached(s, other).invitations.map((i) => i.eventId)).not.toContain(event.id);
    expect(reached(s, own).invitations.map((i) => i.eventId)).toContain(event.id);
    const told = steps.flatMap((p) => p.problems.map((x) => x.message));
    expect(told).toContain(warning(s, 2, STRANGER, 'not invited'));
    expect(told).toContain(warning(s, 2, other, 'not invited'));
    expect(stepProblems(s, 'invites')).toContain(warning(s, 2, STRANGER, 'not invited'));
    expect(stepProblems(s, 'schedule')).toContain(
      warning(s, 2, STRANGER, 'not invited or emailed'),
    );
  });

  it('adds no stranger typed on the row of an event already sent, and emails them nothing', () => {
    const s = scheduled(16);
    runJob(s, 'invites');
    const before = guestsOf(s, 4);
    const mailFrom = s.emulator.mail.sent.length;
    const invitesFrom = s.emulator.calendar.invitations.length;
    type(s, 4, 'Emails', `${String(cellOf(s, 4, 'Emails'))}; ${STRANGER}`);
    runJob(s, 'invites');
    expect(guestsOf(s, 4)).toEqual(before);
    expect(reached(s, STRANGER, mailFrom, invitesFrom)).toEqual({ invitations: [], mail: [] });
  });

  it('takes a guardian off the Roster off the event at the next sync, and says why', () => {
    const s = scheduled(16);
    runJob(s, 'invites');
    // A row with two guardians: the second is taken off the Roster after the invitations went out.
    const row = [...Array(17).keys()]
      .slice(2)
      .find((r) => addressesIn(cellOf(s, r, 'Emails')).length === 2)!;
    const [first, second] = addressesIn(cellOf(s, row, 'Emails')) as [string, string];
    expect(guestsOf(s, row)).toContain(second);
    replaceOnRoster(s, second, '');
    const steps = runJob(s, 'invites');
    expect(guestsOf(s, row)).not.toContain(second);
    expect(guestsOf(s, row)).toContain(first);
    expect(steps.flatMap((p) => p.problems.map((x) => x.message))).toContain(
      warning(s, row, second, 'not invited'),
    );
  });
});
