/**
 * What a whole round costs in calls that only format time: the time zone is read once per run and
 * dates are worked out in the core, so neither Utilities nor getSpreadsheetTimeZone grows with
 * the cells and hours a round goes through, only (at most) with the messages it sends.
 */
import { openSchool } from '../../preview/school';
import { play, round, tomorrowMorning } from '../../sample/round';

jest.setTimeout(900_000);

const STUDENTS = Number(process.env.ROUND_CALLS_STUDENTS ?? 120);

describe('a whole round', () => {
  it(`of ${STUDENTS} students makes at most two Utilities and two time-zone calls per message sent, plus a constant`, () => {
    const s = openSchool({ students: STUDENTS, teachers: Math.ceil(STUDENTS / 30) });
    play(s, round(), 0, tomorrowMorning);
    const calls = (match: (method: string) => boolean) =>
      s.emulator.ws.reports.reduce(
        (n, r) =>
          n + Object.entries(r.callsByMethod).reduce((k, [m, c]) => (match(m) ? k + c : k), 0),
        0,
      );
    const messages = s.emulator.mail.sent.length;
    // Every family is asked, reminded twice and sent the questionnaire: the round did send.
    expect(messages).toBeGreaterThan(STUDENTS);
    const CONSTANT = 50;
    expect(calls((m) => m.startsWith('Utilities.'))).toBeLessThanOrEqual(2 * messages + CONSTANT);
    expect(calls((m) => m.endsWith('.getSpreadsheetTimeZone'))).toBeLessThanOrEqual(
      2 * messages + CONSTANT,
    );
  });
});
