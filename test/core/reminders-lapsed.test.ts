/**
 * Reminders whose time passed with nothing sent (hourly reminders off, nobody pressing Send):
 * counted, once per family, day and reminder time, and the Reminders step needs attention
 * instead of saying Done. Rows and times are written by hand; García's Ana is at 3:00 PM on
 * 2026-11-17, reminders go 48 h and 2 h before.
 */
import { markSent, reminderTally } from '../../src/core/reminders';
import { remindersStep } from '../../src/core/steps';
import { conf } from './reminderconf';

const HOURS = [48, 2];
const after = { date: '2026-11-20', minutes: 9 * 60 };

describe('reminders whose time passed with none sent', () => {
  it('are counted per family, day and reminder time, for families with an address only', () => {
    const list = [
      conf({ row: 2 }),
      // García's second child the same afternoon: one family, one day.
      conf({ row: 3, conferenceId: 'C-2', students: 'Luis', start: 16 * 60 }),
      // A family reached by letter: no email reminder was ever to go.
      conf({ row: 4, conferenceId: 'C-3', familyKey: 'F-2', emails: [] }),
    ];
    expect(reminderTally(list, HOURS, after).lapsed).toBe(2);
  });

  it('are not counted once a later reminder of that day went, nor before their time', () => {
    const twoHours = markSent('', 2, '2026-11-17 13:00');
    expect(reminderTally([conf({ sent: twoHours })], HOURS, after).lapsed).toBe(0);
    // Only the 48 h one went: the 2 h one passed unsent.
    const fortyEight = markSent('', 48, '2026-11-15 15:00');
    expect(reminderTally([conf({ sent: fortyEight })], HOURS, after).lapsed).toBe(1);
    // A week before, nothing has passed; in the 2 h window, the 48 h one has.
    expect(reminderTally([conf({})], HOURS, { date: '2026-11-10', minutes: 9 * 60 }).lapsed).toBe(
      0,
    );
    expect(reminderTally([conf({})], HOURS, { date: '2026-11-17', minutes: 14 * 60 }).lapsed).toBe(
      1,
    );
  });

  it('make the Reminders step need attention, not Done, and say what to do', () => {
    const list = [conf({ row: 2 }), conf({ row: 3, conferenceId: 'C-2', familyKey: 'F-9' })];
    const step = remindersStep({
      conferences: list,
      sentColumn: 14,
      channels: { email: 2, letter: 0, phone: 0, families: 2 },
      tally: reminderTally(list, HOURS, after),
      hoursBefore: HOURS,
      runBy: null,
    });
    expect(step.status).toBe('attention');
    expect(step.counts.find((c) => c.label === 'passed with none sent')?.value).toBe(4);
    expect(step.next).toBe(
      '4 reminders passed with none sent (one per family, day and reminder time): hourly reminders are off. They cannot go now; tell those families yourself if it matters.',
    );
  });
});
