/**
 * Whether Calendar emails a guest that a script adds with addGuest is not settled (reported not
 * to: docs/EMULATOR.md row 34). Every family must get its invitation either way, and no
 * invitation may show one family another's address.
 */
import {
  cellOf,
  col,
  body,
  eventOfRow,
  events,
  guestsOfRow,
  listOnRoster,
  ok,
  runJob,
  scheduled,
  type,
} from './invites.fixture';

const addresses = (cell: unknown) =>
  String(cell)
    .split(/;\s*/)
    .map((s) => s.toLowerCase())
    .sort();

function setSettings(s: ReturnType<typeof scheduled>, change: Record<string, unknown>): void {
  const view = ok<{ settings: Record<string, unknown> }>(
    s.bundle.callFromClient('getSettings', []),
  );
  ok(s.bundle.callFromClient('saveSettings', [{ ...view.settings, ...change }]));
}

describe.each([
  { addGuestSendsInvite: true, label: 'addGuest sends an invitation' },
  { addGuestSendsInvite: false, label: 'addGuest adds the guest silently' },
])('Send invites when $label', ({ addGuestSendsInvite }) => {
  function school(settings: Record<string, unknown> = {}) {
    const s = scheduled(16);
    s.emulator.calendar.addGuestSendsInvite = addGuestSendsInvite;
    setSettings(s, settings);
    runJob(s, 'invites');
    return s;
  }

  it("emails every guardian of every family, and the host teacher, their conference's invitation, once", () => {
    const s = school();
    const rows = body(s).length;
    expect(events(s)).toHaveLength(rows);
    for (let row = 2; row <= rows + 1; row++) {
      const e = eventOfRow(s, row);
      const invited = s.emulator.calendar.invitations
        .filter((i) => i.eventId === e.id && i.kind === 'invite')
        .map((i) => i.to)
        .sort();
      expect(invited).toEqual(guestsOfRow(s, body(s)[row - 2]!));
    }
  });

  it("shows no guardian another family's address, and hides the guest list on every event", () => {
    const s = school();
    const familyOf = new Map<string, string>();
    for (const r of body(s))
      for (const email of addresses(r[col(s, 'Emails') - 1]))
        familyOf.set(email, String(r[col(s, 'Family ID') - 1]));
    const guestsOf = new Map(
      body(s).map((r) => [String(r[col(s, 'Event ID') - 1]), guestsOfRow(s, r)]),
    );
    for (const mail of s.emulator.calendar.invitations)
      for (const shown of mail.shows) {
        // What an invitation shows is its own event's guests: one family and its host teacher.
        expect(guestsOf.get(mail.eventId)).toContain(shown);
        if (familyOf.has(mail.to) && familyOf.has(shown))
          expect(familyOf.get(shown)).toBe(familyOf.get(mail.to));
      }
    for (const e of events(s)) expect(e.guestsCanSeeGuests).toBe(false);
  });

  it('tells a guardian added to an existing event, by the invitation text from the user, to that address only', () => {
    const s = school();
    const e0 = eventOfRow(s, 3);
    const before = addresses(cellOf(s, 3, 'Emails'));
    listOnRoster(s, 3, 'second.guardian@family.example');
    type(s, 3, 'Emails', [...before, 'second.guardian@family.example'].join('; '));
    const mailBefore = s.emulator.mail.sent.length;
    runJob(s, 'invites');
    const e1 = eventOfRow(s, 3);
    expect(e1.id).toBe(e0.id);
    const told = s.emulator.mail.sent.slice(mailBefore);
    expect(told.map((m) => m.to)).toEqual([['second.guardian@family.example']]);
    expect(told[0]!.subject).toBe(e1.title);
    expect(told[0]!.body).toBe(e1.description);
    const invites = s.emulator.calendar.invitations.filter(
      (i) => i.eventId === e0.id && i.to === 'second.guardian@family.example',
    );
    expect(invites).toHaveLength(addGuestSendsInvite ? 1 : 0);
    // Guardians already invited are not invited again.
    for (const g of before)
      expect(
        s.emulator.calendar.invitations.filter(
          (i) => i.eventId === e0.id && i.to === g && i.kind === 'invite',
        ),
      ).toHaveLength(1);
  });

  it('adds the host teacher to existing events when "Invite teachers" is turned on, without an email from the add-on per conference', () => {
    const s = school({ inviteTeachers: false });
    for (let row = 2; row <= body(s).length + 1; row++)
      expect(eventOfRow(s, row).guests).toHaveLength(addresses(cellOf(s, row, 'Emails')).length);
    setSettings(s, { inviteTeachers: true });
    const mailBefore = s.emulator.mail.sent.length;
    runJob(s, 'invites');
    for (let row = 2; row <= body(s).length + 1; row++)
      expect(eventOfRow(s, row).guests).toHaveLength(
        addresses(cellOf(s, row, 'Emails')).length + 1,
      );
    expect(s.emulator.mail.sent.length).toBe(mailBefore);
  });
});
