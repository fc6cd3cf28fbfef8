/**
 * Edges the measured tests of the small core files did not reach, each a thing a person would
 * notice: a property value's size at the code points where UTF-8 takes one more byte, the hourly
 * reminder run waking at the earliest window whatever order the hours are listed in. Written for
 * the survivors of the mutation runs mutT-1 onwards (issue 23).
 */
import { utf8Bytes } from '../../src/core/bytes';
import { nextWindowOpening } from '../../src/core/idle';
import { wallMinutes, type ReminderConference } from '../../src/core/reminders';

describe('utf8Bytes at the edges of each length', () => {
  it('counts each code point on either side of 0x80, 0x800 and 0x10000 as Node encodes it', () => {
    for (const c of [0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000]) {
      const text = String.fromCodePoint(c);
      expect([c, utf8Bytes(text)]).toEqual([c, Buffer.byteLength(text, 'utf8')]);
    }
  });
});

describe('nextWindowOpening, the hours listed in any order', () => {
  const conference = (familyKey: string, start: number): ReminderConference => ({
    row: 2,
    conferenceId: `C-${familyKey}`,
    familyKey,
    family: familyKey,
    students: 'Ana',
    teacher: 'Ms. Rivera',
    room: '101',
    date: '2026-11-17',
    start,
    end: start + 20,
    emails: [`${familyKey}@example.com`],
    language: 'en',
    interpreter: false,
    status: 'scheduled',
    sent: '',
  });
  const at = (day: string, minutes: number) => wallMinutes(day, minutes)!;

  it('wakes at the earliest opening: the 48-hour window listed after the 2-hour one, a later family listed first', () => {
    const now = at('2026-11-02', 9 * 60);
    // One family at 3:00 PM: its 48-hour window opens first, whichever hour is listed first.
    expect(nextWindowOpening([conference('F1', 15 * 60)], [2, 48], now)).toBe(
      at('2026-11-15', 15 * 60),
    );
    // Two families, the one at 5:00 PM listed first: the 3:00 PM family's window opens first.
    expect(
      nextWindowOpening(
        [conference('F2', 17 * 60), conference('F1', 15 * 60)],
        [2],
        at('2026-11-17', 9 * 60),
      ),
    ).toBe(at('2026-11-17', 13 * 60));
  });
});
