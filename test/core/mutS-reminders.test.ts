/**
 * Reminders, checked where the first mutation run of src/core/reminders.ts found no test looking
 * (reports/mutS-reminders.json). The fixture is García's Ana at 15:00 on 2026-11-17
 * (test/core/reminderconf.ts); reminder times 48 h and 2 h, so the 48 h window opens on the 15th
 * at 15:00 and the 2 h window on the 17th at 13:00.
 */
import {
  channelCounts,
  collapseSent,
  dueReminders,
  familyPhones,
  markMissed,
  markRefused,
  markWaiting,
  planForQuota,
  pupilsOf,
  missedUntried,
  missedWhileWaiting,
  reminderTally,
  settleWaiting,
  wallMinutes,
} from '../../src/core/reminders';
import { greetingName } from '../../src/core/recipients';
import type { RosterResult } from '../../src/core/roster';
import { conf } from './reminderconf';

const HOURS = [48, 2];
const at = (date: string, h: number, m = 0) => ({ date, minutes: h * 60 + m });

describe('reminders (mutS)', () => {
  it('marks a reminder nobody tried missed once its window has passed, only if it opened after the trigger went quiet', () => {
    const since = wallMinutes('2026-11-15', 12 * 60)!;
    // In the 2 h window: the 48 h one passed untried; the 2 h one is still open.
    expect(missedUntried([conf({})], HOURS, at('2026-11-17', 14), since)).toEqual([
      { row: 2, hours: 48 },
    ]);
    // The conference has begun: both passed.
    expect(missedUntried([conf({})], HOURS, at('2026-11-17', 15, 30), since)).toEqual([
      { row: 2, hours: 48 },
      { row: 2, hours: 2 },
    ]);
    // The 48 h window opened at or before `since` (15th, 15:00): not this gap's to mark.
    const opened = wallMinutes('2026-11-15', 15 * 60)!;
    expect(missedUntried([conf({})], HOURS, at('2026-11-17', 14), opened)).toEqual([]);
    // Anything recorded for that window or a later one: not missed.
    const sent48 = conf({ sent: '48h 2026-11-15 16:00' });
    expect(missedUntried([sent48], HOURS, at('2026-11-17', 14), since)).toEqual([]);
    const sent2 = conf({ sent: '2h 2026-11-17 13:00' });
    expect(missedUntried([sent2], HOURS, at('2026-11-17', 15, 30), since)).toEqual([]);
    // The 48 h reminder went, the 2 h one was never tried: only the 2 h one is missed.
    expect(missedUntried([sent48], HOURS, at('2026-11-17', 15, 30), since)).toEqual([
      { row: 2, hours: 2 },
    ]);
    expect(markMissed('48h 2026-11-15 16:00', 2)).toBe(
      '48h 2026-11-15 16:00; 2h missed: its time passed while it waited for the daily email quota',
    );
  });

  it('names each child of a Students cell however the list is punctuated', () => {
    for (const students of [
      'Ana, Luis, Sofía,',
      'Ana,Luis;Sofía',
      'Ana , Luis ; Sofía',
      'Ana, Luis; Sofía',
    ]) {
      const [due] = dueReminders([conf({ students })], HOURS, at('2026-11-16', 12));
      expect({
        students,
        names: due!.messages[0]!.conferences[0]!.pupils.map((p) => p.name),
      }).toEqual({
        students,
        names: ['Ana', 'Luis', 'Sofía'],
      });
    }
  });

  it('greets a family whose row has no Roster children by the Schedule’s family name', () => {
    // pupilsOf's blank last name made up: "Dear Stryker was here! family".
    expect(greetingName(pupilsOf(conf({})), 'en', 'García')).toBe('García');
  });

  it('reads a cell whose entries a person joined without a space after the semicolon', () => {
    const sent = '48h 2026-11-15 16:00;2h 2026-11-17 13:00';
    expect(dueReminders([conf({ sent })], HOURS, at('2026-11-17', 14))).toEqual([]);
  });

  it('keeps MailApp’s reason on one line of at most 200 characters', () => {
    expect(markRefused('', 48, 'g@x.example', 'Bad\r\n\r\naddress;;try')).toBe(
      '48h refused to g@x.example: Bad, address, try',
    );
    const long = markRefused('', 48, 'g@x.example', 'x'.repeat(300));
    expect(long).toBe(`48h refused to g@x.example: ${'x'.repeat(200)}`);
  });

  it('records a wait for the quota per reminder time, beside other marks of that time', () => {
    // One guardian refused, the other waits: the wait is recorded.
    const refused = '2h refused to a@x.example: Invalid email';
    expect(markWaiting(refused, 2, '2026-11-17 13:00')).toBe(
      `${refused}; 2h waiting for quota since 2026-11-17 13:00`,
    );
    // The 48 h reminder waiting says nothing about the 2 h one.
    const waiting48 = '48h waiting for quota since 2026-11-15 20:00';
    expect(markWaiting(waiting48, 2, '2026-11-17 13:00')).toBe(
      `${waiting48}; 2h waiting for quota since 2026-11-17 13:00`,
    );
  });

  it('settles only the wait of its own reminder time', () => {
    const cell = [
      '2h refused to a@x.example: Invalid email',
      '48h waiting for quota since 2026-11-15 20:00',
      '2h waiting for quota since 2026-11-17 13:00',
    ].join('; ');
    expect(settleWaiting(cell, 2)).toBe(
      '2h refused to a@x.example: Invalid email; 48h waiting for quota since 2026-11-15 20:00',
    );
    // Nothing waiting for that time: nothing marked missed.
    expect(settleWaiting('48h 2026-11-15 16:00', 2, true)).toBe('48h 2026-11-15 16:00');
  });

  it('collapses one run’s per-address marks where the first stood, keeping the others', () => {
    const cell = '2h old mark; 48h X to a@x.example; 48h X to b@x.example; 2h later';
    expect(collapseSent(cell, 48, 'X', ['a@x.example', 'b@x.example'])).toBe(
      '2h old mark; 48h X; 2h later',
    );
    const first = '48h X to a@x.example; 2h refused to b@x.example: full; 2h later';
    expect(collapseSent(first, 48, 'X', ['a@x.example'])).toBe(
      '48h X; 2h refused to b@x.example: full; 2h later',
    );
  });

  it('gives a row with a date but no start time no reminder', () => {
    expect(dueReminders([conf({ start: null })], HOURS, at('2026-11-15', 12))).toEqual([]);
  });

  it('lists a family’s conferences of a day earliest first, then by row, and counts from the earliest', () => {
    const list = [
      conf({ row: 3, start: 16 * 60, students: 'Luis' }),
      conf({ row: 5, start: 15 * 60, students: 'Ana' }),
      conf({ row: 4, start: 15 * 60, students: 'Sofía' }),
    ];
    const [due] = dueReminders(list, HOURS, at('2026-11-17', 13, 30));
    expect(due!.conferences.map((c) => c.row)).toEqual([4, 5, 3]);
    // 13:30 is within 2 h of 15:00 (not of 16:00, which would still be the 48 h window).
    expect(due!.hours).toBe(2);
  });

  it('orders due reminders by day, then time, then row', () => {
    const list = [
      conf({ row: 2, familyKey: 'B', date: '2026-11-18', start: 15 * 60 }),
      conf({ row: 9, familyKey: 'A', start: 16 * 60 }),
      conf({ row: 4, familyKey: 'C', start: 16 * 60 }),
      conf({ row: 7, familyKey: 'D', start: 15 * 60 + 30 }),
    ];
    const due = dueReminders(list, [48], at('2026-11-16', 17));
    expect(due.map((d) => d.familyKey)).toEqual(['D', 'C', 'A', 'B']);
  });

  it('marks a wait missed when the conference begins, and never a reminder that went', () => {
    const waiting = conf({ sent: '2h waiting for quota since 2026-11-17 13:00' });
    expect(missedWhileWaiting([waiting], HOURS, at('2026-11-17', 15))).toEqual([
      { row: 2, hours: 2 },
    ]);
    const went = conf({ sent: '48h 2026-11-15 16:00' });
    expect(missedWhileWaiting([went], HOURS, at('2026-11-17', 15, 30))).toEqual([]);
  });

  it('counts a family by email when any of its rows has an address, and only remindable rows', () => {
    const list = [
      conf({ row: 2, familyKey: 'F-1' }),
      conf({ row: 3, familyKey: 'F-1', emails: [] }),
      conf({ row: 4, familyKey: 'F-9', emails: [], status: 'cancelled' }),
      // A row with no date yet is not a conference to remind of.
      conf({ row: 5, familyKey: 'F-8', emails: [], date: null }),
    ];
    expect(channelCounts(list, () => '')).toEqual({ email: 1, letter: 0, phone: 0, families: 1 });
  });

  it('tallies families with reminders ahead and reminder times that lapsed', () => {
    const list = [
      conf({ row: 2, familyKey: 'F-1' }),
      conf({ row: 3, familyKey: 'F-2', emails: [] }),
      conf({ row: 9, familyKey: 'F-3', emails: ['f3@x.example'] }),
      conf({ row: 4, familyKey: 'F-4', emails: [] }),
      conf({ row: 5, familyKey: 'F-4', start: 16 * 60 }),
      // Starts as the tally is taken: not ahead.
      conf({ row: 6, familyKey: 'F-5', date: '2026-11-16', start: 12 * 60 }),
      // Passed, nothing sent, one of its two rows with an address: two reminder times lapsed.
      conf({ row: 7, familyKey: 'F-6', date: '2026-11-16', start: 10 * 60, emails: [] }),
      conf({ row: 8, familyKey: 'F-6', date: '2026-11-16', start: 11 * 60 }),
    ];
    const tally = reminderTally(list, HOURS, at('2026-11-16', 12));
    expect(tally.upcoming).toBe(3);
    // F-6: 48 h and 2 h; F-5, which begins now: 48 h and 2 h too.
    expect(tally.lapsed).toBe(4);
  });

  it('gives the phone list only the families no email reaches', () => {
    const roster = {
      families: [
        { id: 'F-1', phone: '555-0101', contacts: [{ email: 'a@x.example' }] },
        { id: 'F-2', phone: '555-0102', contacts: [{ email: '' }] },
        { id: 'F-3', phone: '', contacts: [] },
        // One guardian with an address, one without: email reaches the family.
        { id: 'F-4', phone: '555-0104', contacts: [{ email: 'd@x.example' }, { email: '' }] },
      ],
    } as unknown as RosterResult;
    expect([...familyPhones(roster)]).toEqual([
      ['F-1', '555-0101'],
      ['F-2', '555-0102'],
      ['F-4', '555-0104'],
    ]);
    expect([...familyPhones(roster, true)]).toEqual([['F-2', '555-0102']]);
  });

  it('sends in the usual order when the quota is just enough, and soonest closing first when it is not', () => {
    // Now 08:00 on the 16th. Y at 09:30 is in its 2 h window (closes 09:30); X at 10:30 is still
    // in its 48 h window, which closes when the 2 h one opens, at 08:30.
    const list = [
      conf({
        row: 2,
        familyKey: 'Y',
        emails: ['y@x.example'],
        date: '2026-11-16',
        start: 9 * 60 + 30,
      }),
      conf({
        row: 3,
        familyKey: 'X',
        emails: ['x@x.example'],
        date: '2026-11-16',
        start: 10 * 60 + 30,
      }),
    ];
    const now = at('2026-11-16', 8);
    const renews = wallMinutes('2026-11-17', 8 * 60)!;
    const due = dueReminders(list, HOURS, now);
    const keys = (l: typeof due) => l.map((d) => `${d.familyKey} ${d.hours}h`);
    expect(keys(due)).toEqual(['Y 2h', 'X 48h']);
    // X's 2 h window (opening at 08:30, closing at 10:30) needs one more before the renewal: 3.
    expect(keys(planForQuota(due, list, HOURS, now, 3, renews).send)).toEqual(['Y 2h', 'X 48h']);
    expect(keys(planForQuota(due, list, HOURS, now, 1, renews).send)).toEqual(['X 48h', 'Y 2h']);
  });
});
