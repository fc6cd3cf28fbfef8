/**
 * The session-33 tester's finding 1, through the whole round on the built bundle: a row that
 * lists no email address is never told through another row's address, even when the Roster
 * joins it to a family with email for the schedule. Its own household gets a letter naming only
 * its children and is on the phone list. A small roster written by hand, shaped like the
 * tester's, so every expected value is read off the fixture:
 *
 * - Tyler Brown (Mr. Okafor): guardian Pat Brown, no email, phone 555-0101. Ana Garcia
 *   (Ms. Rivera): Maria Garcia, maria.garcia@..., the same phone. The number joins Tyler to the
 *   Garcias (one family with email that has it), for the schedule.
 * - Family ID K7, two Stone households: Eve (Ms. Chen) with Dana's address and 555-1000; Max
 *   (Mr. Okafor) with Rob Stone, no email, his own 555-2000.
 *
 * Before this fix (main at 8a41500) Maria was a guest of Tyler's event and was reminded of and
 * asked about it, Dana likewise of Max's, and neither paper household got a letter or a line on
 * the phone list.
 */
import type { openSchool } from '../../preview/school';
import type { SentMessage } from '../../emulator/mail';
import type { Overview, PaperLetter } from '../../src/shared/api';
import { EST, markAttended, ok, pastedSchool, run } from './calls';
import { runJob } from './invites.fixture';

type School = ReturnType<typeof openSchool>;

const MARIA = 'maria.garcia@mail.example';
const DANA = 'dana@stone.example';

const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Grade',
  'Teacher',
  'Family ID',
  'Guardian 1 Name',
  'Guardian 1 Email',
  'Phone',
];
const ROSTER = [
  HEADER,
  ['2003', 'Tyler', 'Brown', '3', 'Mr. Okafor', '', 'Pat Brown', '', '555-0101'],
  ['2004', 'Ana', 'Garcia', '4', 'Ms. Rivera', '', 'Maria Garcia', MARIA, '555-0101'],
  ['3001', 'Eve', 'Stone', '2', 'Ms. Chen', 'K7', 'Dana Stone', DANA, '555-1000'],
  ['3002', 'Max', 'Stone', '5', 'Mr. Okafor', 'K7', 'Rob Stone', '', '555-2000'],
];
const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ['Ms. Rivera', 'rivera@lincoln.school.example', '2026-11-17', '14:00', '16:00', '101', '1'],
  ['Mr. Okafor', 'okafor@lincoln.school.example', '2026-11-17', '14:00', '16:00', '102', '1'],
  ['Ms. Chen', 'chen@lincoln.school.example', '2026-11-17', '14:00', '16:00', '103', '1'],
];

const text = (m: SentMessage) => `${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`;

/** The Schedule row of this student's conference, as a record by header. */
function rowOf(s: School, studentId: string): Record<string, string> {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
  const row = rows.find((r) =>
    String(r[header.indexOf('Student IDs')]).replace(/^'/, '').split(/;\s*/).includes(studentId),
  )!;
  return Object.fromEntries(header.map((h, i) => [String(h), String(row[i] ?? '')]));
}

/** A school taken through the round: forms, availability requests, schedule, invitations,
 * the 48-hour reminders, and the questionnaire once every conference is marked attended. */
function wholeRound(): School {
  const s = pastedSchool(ROSTER, TEACHERS);
  run(s, 'forms');
  runJob(s, 'ask');
  run(s, 'schedule');
  runJob(s, 'invites');
  s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
  runJob(s, 'reminders');
  s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
  markAttended(s);
  runJob(s, 'questionnaire');
  return s;
}

describe('a row with no email joined to a family with email (tester finding 1)', () => {
  let s: School;
  beforeAll(() => {
    s = wholeRound();
  });

  it('sends the other household nothing naming the child, and no Calendar event of its', () => {
    for (const [to, own, other, otherId] of [
      [MARIA, 'Ana', 'Tyler', '2003'],
      [DANA, 'Eve', 'Max', '3002'],
    ] as const) {
      const mail = s.emulator.mail.to(to);
      // The household's own child is still told about (the round reached it)...
      expect(mail.some((m) => text(m).includes(own))).toBe(true);
      // ...and nothing addressed to it names the other row's child.
      expect(mail.filter((m) => text(m).includes(other)).map((m) => m.subject)).toEqual([]);
      const event = s.emulator.calendar
        .events()
        .find((e) => e.id === rowOf(s, otherId)['Event ID']);
      expect(event?.guests.map((g) => g.email.toLowerCase()) ?? []).not.toContain(to);
      expect(
        s.emulator.calendar.invitations.filter((i) => i.to === to && i.eventId === event?.id),
      ).toEqual([]);
      // The Schedule's Emails cell of that conference lists nobody's address.
      expect(rowOf(s, otherId)['Emails']).toBe('');
    }
  });

  it('writes to each paper household a letter naming only its own children, at its own number, and puts it on the phone list', () => {
    const letters = ok<PaperLetter[]>(s.bundle.callFromClient('getPaperLetters', []));
    const of = (child: string) => letters.filter((l) => l.html.includes(child));
    for (const [child, sibling, phone, guardian] of [
      ['Tyler Brown', 'Ana', '555-0101', 'Pat Brown'],
      ['Max Stone', 'Eve', '555-2000', 'Rob Stone'],
    ] as const) {
      expect(of(child)).toHaveLength(1);
      const letter = of(child)[0]!;
      expect(letter.html).not.toContain(sibling);
      expect(letter.phoneScript.join('\n')).not.toContain(sibling);
      expect(letter.phone).toBe(phone);
      expect(letter.askFor).toContain(guardian);
      expect(letter.askFor).not.toContain(sibling);
    }
    // The Letters sheet's phone list (written by the reminders run) holds both numbers.
    const sheet = s.emulator.spreadsheet.sheetByName('Letters')!.values().flat().map(String);
    const list = sheet.slice(sheet.indexOf('Phone list: families without email'));
    expect(list).toContain('555-0101');
    expect(list).toContain('555-2000');
  });

  it('warns at Tyler’s Phone cell that his household gets a letter, not the Garcias’ emails', () => {
    const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'roster',
    )!;
    const column = HEADER.indexOf('Phone') + 1;
    const warned = step.problems.filter(
      (p) => p.where?.row === 2 && p.where.column === column && p.where.sheet === 'Roster',
    );
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toContain('Ana Garcia');
    expect(warned[0]!.message).toContain('printed letter');
  });
});
