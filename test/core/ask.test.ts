/**
 * Who is due the request for their availability, read off document properties written by hand:
 * the marks of the Fall round, the journal a cut-off run leaves, and a family's progress between
 * its two addresses.
 */
import { askPicture, type AskPicture } from '../../src/core/ask';
import { parseRoster } from '../../src/core/roster';

// The roster gives each Family ID cell its own id: "FA" is family F-FA.
const ROSTER = parseRoster(
  [
    [
      'Student ID',
      'First Name',
      'Last Name',
      'Teacher',
      'Family ID',
      'Guardian 1 Email',
      'Guardian 2 Email',
      'Phone',
    ],
    ['S1', 'Ana', 'Adams', 'Ms. Rivera', 'FA', 'pat@adams.example', 'sam@adams.example', ''],
    ['S2', 'Cy', 'Cole', 'Ms. Rivera', 'FC', 'x@cole.example', '', ''],
    ['S3', 'Dee', 'Diaz', 'Ms. Rivera', 'FD', '', '', '555-0142'],
    ['S4', 'Eve', 'Evans', 'Ms. Rivera', 'FE', 'e@evans.example', '', ''],
  ],
  null,
);
const STAMP = 'Fall · 2026-11-02 09:00';

/** The picture with family IDs in place of families, for reading at a glance. */
function picture(props: Record<string, string>, answered: string[] = []) {
  const availability = [['Family ID'], ...answered.map((id) => [id])];
  const p: AskPicture = askPicture(ROSTER, props, availability, 'Fall');
  return {
    toAsk: p.toAsk.map((f) => f.id),
    asked: p.asked,
    noEmail: p.noEmail,
    unsure: p.unsure.map((u) => ({
      id: u.family.id,
      ...(u.address ? { address: u.address } : {}),
    })),
    refused: p.refused.map((r) => [r.family.id, r.reason]),
  };
}

describe('askPicture', () => {
  it('asks every family with an address in a round nobody was asked, and counts the one to phone', () => {
    expect(ROSTER.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(picture({})).toEqual({
      toAsk: ['F-FA', 'F-FC', 'F-FE'],
      asked: 0,
      noEmail: 1,
      unsure: [],
      refused: [],
    });
  });

  it('counts the family without email whose answer was typed in (by its Family ID as the sheet shows it, or the add-on’s)', () => {
    const answered = (ids: string[]) =>
      askPicture(ROSTER, {}, [['Family ID'], ...ids.map((id) => [id])], 'Fall').noEmailAnswered;
    expect(answered([])).toBe(0);
    expect(answered(['FD'])).toBe(1);
    expect(answered(['F-FD'])).toBe(1);
    // Families with email that answered are not among them.
    expect(answered(['FA', 'FC'])).toBe(0);
  });

  it('counts a family marked this round as asked, and asks again one marked in an earlier round', () => {
    const p = picture({
      'slc:asked:F-FA': STAMP,
      'slc:asked:F-FC': 'Spring · 2026-03-02 09:00',
    });
    expect(p.toAsk).toEqual(['F-FC', 'F-FE']);
    expect(p.asked).toBe(1);
    // A round whose name only starts like this one's is another round.
    expect(picture({ 'slc:asked:F-FA': 'Fall 2025 · 2025-11-03 09:00' }).toAsk).toContain('F-FA');
  });

  it('does not ask a family that answered before it was ever asked; one asked last round is asked again', () => {
    const p = picture({ 'slc:asked:F-FC': 'Spring · 2026-03-02 09:00' }, ['F-FC', 'F-FE']);
    expect(p.toAsk).toEqual(['F-FA', 'F-FC']);
  });

  it('reads a cut-off run’s journal as if its marks were written: sent is asked, the one being sent is in doubt', () => {
    const journal = {
      sent: ['F-FA'],
      stamp: STAMP,
      sending: 'F-FC',
      props: { 'slc:asked:F-FE': 'Fall · refused to e@evans.example: Invalid email' },
    };
    expect(picture({ 'slc:ask:journal': JSON.stringify(journal) })).toEqual({
      toAsk: [],
      asked: 2,
      noEmail: 1,
      unsure: [{ id: 'F-FC' }],
      refused: [['F-FE', 'e@evans.example: Invalid email']],
    });
  });

  it('asks a family cut off between its addresses for the address not tried, naming the one in doubt', () => {
    const unsure = { 'slc:asked:F-FA': 'Fall · unconfirmed' };
    const progress = (p: object) => ({
      ...unsure,
      'slc:ask:progress:F-FA': JSON.stringify({ round: 'Fall', ...p }),
    });
    const halfway = picture(progress({ sent: [], unsure: 'pat@adams.example' }));
    expect(halfway.toAsk).toContain('F-FA');
    expect(halfway.unsure).toEqual([{ id: 'F-FA', address: 'pat@adams.example' }]);
    // Both addresses accounted for: nothing left to send, the one in doubt still listed.
    const done = picture(progress({ sent: ['sam@adams.example'], unsure: 'pat@adams.example' }));
    expect(done.toAsk).not.toContain('F-FA');
    expect(done.unsure).toEqual([{ id: 'F-FA', address: 'pat@adams.example' }]);
    // Progress left from another round says nothing of this one: the whole family is in doubt.
    const spring = picture({
      ...unsure,
      'slc:ask:progress:F-FA': JSON.stringify({
        round: 'Spring',
        sent: ['sam@adams.example'],
        unsure: 'pat@adams.example',
      }),
    });
    expect(spring.unsure).toEqual([{ id: 'F-FA' }]);
    // A family in doubt that has since answered is not listed for a person to check.
    expect(picture(unsure, ['F-FA']).unsure).toEqual([]);
  });

  it('does not ask again a family marked asked this round, whatever progress a cut left', () => {
    const p = picture({
      'slc:asked:F-FA': STAMP,
      'slc:ask:progress:F-FA': JSON.stringify({ round: 'Fall', sent: ['pat@adams.example'] }),
    });
    expect(p.toAsk).not.toContain('F-FA');
  });

  it('gives no link for a family in doubt before the forms were made', () => {
    const journal = { sent: [], stamp: STAMP, sending: 'F-FC' };
    const p = askPicture(ROSTER, { 'slc:ask:journal': JSON.stringify(journal) }, null, 'Fall');
    expect(p.unsure.map((u) => [u.family.id, u.link])).toEqual([['F-FC', '']]);
  });

  it('treats a journal that no longer parses as absent', () => {
    expect(picture({ 'slc:ask:journal': '{"sent": [' }).toAsk).toEqual(['F-FA', 'F-FC', 'F-FE']);
  });
});
