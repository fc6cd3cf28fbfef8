import fc from 'fast-check';
import { checkProperty } from './property';
import {
  familyPhones,
  channelCounts,
  collapseSent,
  dueReminders,
  markRefused,
  markSent,
  markSentTo,
  markWaiting,
  missedWhileWaiting,
  reminderTally,
  sentHours,
  settleWaiting,
  windowAt,
} from '../../src/core/reminders';
import { conf } from './reminderconf';
import { parseRoster } from '../../src/core/roster';

describe('reminder windows', () => {
  it('puts a moment in the window of the nearest reminder time ahead of it', () => {
    expect(windowAt(47 * 60, [48, 2])).toBe(48);
    expect(windowAt(2 * 60 + 1, [48, 2])).toBe(48);
    expect(windowAt(2 * 60, [48, 2])).toBe(2);
    expect(windowAt(60, [2, 48])).toBe(2);
    expect(windowAt(49 * 60, [48, 2])).toBeNull();
    expect(windowAt(0, [48, 2])).toBeNull();
  });

  it('sends a missed 48-hour reminder as the 2-hour one, not late as the wrong one', () => {
    const due = dueReminders([conf({})], [48, 2], { date: '2026-11-17', minutes: 14 * 60 });
    expect(due.map((d) => d.hours)).toEqual([2]);
  });

  it('gives cancelled, declined, attended and no-show conferences nothing', () => {
    for (const status of ['cancelled', 'declined', 'attended', 'no-show']) {
      expect(
        dueReminders([conf({ status })], [48, 2], { date: '2026-11-16', minutes: 12 * 60 }),
      ).toEqual([]);
    }
    for (const status of ['scheduled', 'invited', 'accepted', 'tentative']) {
      expect(
        dueReminders([conf({ status })], [48, 2], { date: '2026-11-16', minutes: 12 * 60 }),
      ).toHaveLength(1);
    }
  });

  it('reminds a family once per day, listing siblings, counting from the first conference', () => {
    const list = [
      conf({ row: 3, start: 16 * 60, students: 'Luis' }),
      conf({ row: 2, emails: ['g@x.example', 'h@x.example'] }),
      conf({ row: 4, familyKey: 'F-2', emails: ['o@x.example'], start: 17 * 60 }),
    ];
    const due = dueReminders(list, [48, 2], { date: '2026-11-17', minutes: 13 * 60 + 30 });
    expect(due.map((d) => [d.familyKey, d.hours])).toEqual([
      ['F-1', 2],
      ['F-2', 48],
    ]);
    expect(due[0]!.conferences.map((c) => c.students)).toEqual(['Ana', 'Luis']);
    expect(due[0]!.emails).toEqual(['g@x.example', 'h@x.example']);
  });

  it('still counts the reminders sent once the conferences are marked attended or no-show, once per family, day and time', () => {
    const cell = markSent(markSent('', 48, '2026-11-15 16:00'), 2, '2026-11-17 13:00');
    const list = [
      conf({ row: 2, sent: cell, status: 'attended' }),
      conf({ row: 3, sent: cell, status: 'attended', start: 16 * 60 }),
      conf({ row: 4, familyKey: 'F-2', sent: cell, status: 'no-show' }),
    ];
    const after = { date: '2026-11-20', minutes: 9 * 60 };
    expect(reminderTally(list, [48, 2], after)).toEqual({
      sent: 4,
      due: 0,
      upcoming: 0,
      lapsed: 0,
    });
    expect(
      reminderTally(
        list.map((c) => ({ ...c, status: 'invited' })),
        [48, 2],
        after,
      ).sent,
    ).toBe(4);
  });

  it('reads back what it records', () => {
    const cell = markSent(markSent('', 48, '2026-11-15 16:00'), 2, '2026-11-17 13:00');
    expect(cell).toBe('48h 2026-11-15 16:00; 2h 2026-11-17 13:00');
    expect([...sentHours(cell)]).toEqual([48, 2]);
  });

  it('property: run hourly from a week before, each family gets each reminder time at most once, in its window, and the last one always', () => {
    checkProperty(
      fc.property(
        fc.array(
          fc.record({
            family: fc.integer({ min: 1, max: 8 }),
            day: fc.integer({ min: 16, max: 19 }),
            start: fc.integer({ min: 8 * 60, max: 19 * 60 }),
            status: fc.constantFrom('scheduled', 'invited', 'cancelled', 'declined'),
          }),
          { maxLength: 20 },
        ),
        fc.uniqueArray(fc.integer({ min: 1, max: 72 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 59 }),
        (specs, hours, minute) => {
          const rows = specs.map((s, i) =>
            conf({
              row: i + 2,
              familyKey: `F-${s.family}`,
              emails: [`f${s.family}@x.example`],
              date: `2026-11-${s.day}`,
              start: s.start,
              end: s.start + 20,
              status: s.status,
            }),
          );
          const sent: { key: string; hours: number }[] = [];
          for (let h = 0; h < 24 * 8; h++) {
            const at = Date.UTC(2026, 10, 12, 0, minute) + h * 3600_000;
            const d = new Date(at);
            const now = {
              date: d.toISOString().slice(0, 10),
              minutes: d.getUTCHours() * 60 + d.getUTCMinutes(),
            };
            for (const due of dueReminders(rows, hours, now)) {
              sent.push({ key: `${due.familyKey}|${due.date}`, hours: due.hours });
              for (const c of due.conferences)
                c.sent = markSent(c.sent, due.hours, `${now.date} ${now.minutes}`);
            }
          }
          const seen = new Set(sent.map((s) => `${s.key}|${s.hours}`));
          expect(seen.size).toBe(sent.length);
          const units = new Set(
            rows
              .filter((r) => ['scheduled', 'invited'].includes(r.status))
              .map((r) => `${r.familyKey}|${r.date}`),
          );
          const smallest = Math.min(...hours);
          for (const u of units) expect(seen.has(`${u}|${smallest}`)).toBe(true);
          for (const s of sent) expect(units.has(s.key)).toBe(true);
        },
      ),
    );
  });

  it('counts every family in exactly one of email or letter', () => {
    const list = [
      conf({}),
      conf({ row: 3, familyKey: 'F-2', emails: [] }),
      conf({ row: 4, familyKey: 'F-3', emails: [] }),
    ];
    expect(channelCounts(list, (k) => (k === 'F-2' ? '555-0100' : ''))).toEqual({
      email: 1,
      letter: 2,
      phone: 1,
      families: 3,
    });
  });

  it('sends one message per address, each naming only the children listed with it', () => {
    const amy = { name: 'Amy', lastName: 'Adams', emails: ['pat@x.example', 'xav@x.example'] };
    const ben = { name: 'Ben', lastName: 'Adams', emails: ['pat@x.example'] };
    const list = [
      conf({ row: 2, students: 'Amy', pupils: [amy] }),
      conf({ row: 3, students: 'Ben', start: 16 * 60, pupils: [ben] }),
    ];
    const [due] = dueReminders(list, [48, 2], { date: '2026-11-16', minutes: 12 * 60 });
    expect(due!.emails).toEqual(['pat@x.example', 'xav@x.example']);
    expect(
      due!.messages.map((m) => [m.to, m.conferences.map((c) => c.pupils.map((p) => p.name))]),
    ).toEqual([
      ['pat@x.example', [['Amy'], ['Ben']]],
      ['xav@x.example', [['Amy']]],
    ]);
  });

  it('reminds only the addresses of a row not yet reminded in this window', () => {
    const sent = markSentTo('', 48, '2026-11-15 20:00', 'g@x.example');
    const list = [conf({ emails: ['g@x.example', 'h@x.example'], sent })];
    const due = dueReminders(list, [48, 2], { date: '2026-11-16', minutes: 4 * 60 });
    expect(due.map((d) => d.emails)).toEqual([['h@x.example']]);
  });

  it('does not try a refused address again in its window, but does in the next', () => {
    const sent = markRefused('', 48, 'g@x.example', 'Invalid email: g@x.example; really');
    expect(sent).toBe('48h refused to g@x.example: Invalid email: g@x.example, really');
    const list = [conf({ sent })];
    expect(dueReminders(list, [48, 2], { date: '2026-11-16', minutes: 12 * 60 })).toEqual([]);
    expect(
      dueReminders(list, [48, 2], { date: '2026-11-17', minutes: 14 * 60 }).map((d) => d.hours),
    ).toEqual([2]);
  });

  it('keeps a reminder waiting for the quota due while its window lasts, and calls it missed after', () => {
    const sent = markWaiting('', 48, '2026-11-15 20:00');
    expect(sent).toBe('48h waiting for quota since 2026-11-15 20:00');
    expect(markWaiting(sent, 48, '2026-11-15 21:00')).toBe(sent);
    const list = [conf({ sent })];
    const stillIn = { date: '2026-11-16', minutes: 4 * 60 };
    expect(dueReminders(list, [48, 2], stillIn).map((d) => d.hours)).toEqual([48]);
    expect(missedWhileWaiting(list, [48, 2], stillIn)).toEqual([]);
    const passed = { date: '2026-11-17', minutes: 14 * 60 };
    expect(missedWhileWaiting(list, [48, 2], passed)).toEqual([{ row: 2, hours: 48 }]);
    const missed = settleWaiting(sent, 48, true);
    expect(missed).toBe('48h missed: its time passed while it waited for the daily email quota');
    expect(sentHours(missed)).toEqual(new Set());
    expect(dueReminders([conf({ sent: missed })], [48, 2], passed).map((d) => d.hours)).toEqual([
      2,
    ]);
    expect(settleWaiting(`${sent}; 2h 2026-11-17 13:00`, 48)).toBe('2h 2026-11-17 13:00');
  });

  it('writes one entry for a row every address of which was reminded at once', () => {
    const both = markSentTo(
      markSentTo('', 48, '2026-11-15 20:00', 'g@x.example'),
      48,
      '2026-11-15 20:00',
      'h@x.example',
    );
    expect(collapseSent(both, 48, '2026-11-15 20:00', ['g@x.example', 'h@x.example'])).toBe(
      '48h 2026-11-15 20:00',
    );
    const one = markSentTo('', 48, '2026-11-15 20:00', 'g@x.example');
    expect(collapseSent(one, 48, '2026-11-15 20:00', ['g@x.example', 'h@x.example'])).toBe(one);
  });
});

describe('familyPhones', () => {
  it('gives each family the first phone its children’s rows list, and none to a family without one', () => {
    const roster = parseRoster(
      [
        [
          'Student ID',
          'First Name',
          'Last Name',
          'Teacher',
          'Family ID',
          'Guardian 1 Email',
          'Phone',
        ],
        ['S1', 'Ana', 'Adams', 'Ms. Rivera', 'A', 'pat@adams.example', ''],
        ['S2', 'Ben', 'Adams', 'Mr. Chen', 'A', 'pat@adams.example', '555-0101'],
        ['S3', 'Cy', 'Cole', 'Ms. Rivera', 'C', 'x@cole.example', ''],
      ],
      null,
    );
    expect([...familyPhones(roster)]).toEqual([['F-A', '555-0101']]);
    expect(familyPhones(null).size).toBe(0);
  });
});
