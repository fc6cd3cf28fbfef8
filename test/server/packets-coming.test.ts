/**
 * Who is coming, on the packet a student leads from: the guardians by name (those reached by
 * phone too), never an email address in place of a name, and who the student said is coming on
 * the prep form.
 */
import { pastedSchool, run } from './calls';

const ROSTER = [
  [
    'Student ID',
    'First Name',
    'Last Name',
    'Grade',
    'Teacher',
    'Guardian 1 Name',
    'Guardian 1 Email',
    'Guardian 2 Name',
    'Guardian 2 Email',
    'Phone',
    'Language',
  ],
  // Two guardians with email, the second with no name on the Roster.
  [
    'S1',
    'Renata',
    'Díaz',
    '4',
    'Ms. Rivera',
    'Guadalupe Díaz',
    'g.diaz@family.example',
    '',
    'diaz.home4@family.example',
    '',
    'Spanish',
  ],
  // No email: reached by letter and phone.
  ['S2', 'Sofía', 'Ruiz', '4', 'Ms. Rivera', 'Rosa Ruiz', '', '', '', '555-0104', ''],
];
const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '15:00', '17:00', '101', '1'],
];

describe('who is coming, on the packet', () => {
  const s = pastedSchool(ROSTER, TEACHERS);
  run(s, 'schedule');
  const prep = s.emulator.spreadsheet.sheetByName('Student Prep')!;
  const header = prep.values()[0]!.map(String);
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
  prep.appendRow(
    row({ 'Student ID': 'S1', Round: 'Fall', Goal: 'Read', 'Coming With Me': 'Mi mamá y mi tía' }),
  );
  s.bundle.run('showPackets');
  const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
  const packets = html.split('<main class="packet"').slice(1);
  const of = (name: string) => packets.find((p) => p.includes(name))!;

  it('is in the family’s language: Spanish for the Díaz family, English for the Ruiz family', () => {
    expect(packets.find((p) => p.includes('Renata Díaz'))).toMatch(/^ lang="es"/);
    expect(packets.find((p) => p.includes('Sofía Ruiz'))).toMatch(/^ lang="en"/);
  });

  it('names the guardians, never an address in place of a name', () => {
    expect(of('Renata Díaz')).toMatch(/Acompañantes:<\/strong> Guadalupe Díaz<\/p>/);
    expect(html).not.toContain('diaz.home4@family.example');
    expect(html).not.toContain('g.diaz@family.example');
  });

  it('names the guardian of a family reached only by phone', () => {
    expect(of('Sofía Ruiz')).toMatch(/Coming:<\/strong> Rosa Ruiz<\/p>/);
  });

  it('prints who the student said is coming, on that student’s packet only', () => {
    expect(of('Renata Díaz')).toContain('Mi mamá y mi tía');
    expect(of('Sofía Ruiz')).not.toContain('Mi mamá y mi tía');
  });
});

describe('a conference the family declined', () => {
  it('gets no packet, and its paper letter gives no time for it', () => {
    const s = pastedSchool(ROSTER, TEACHERS);
    // The family forms first: a letter is printed once there is a form to send families to.
    run(s, 'forms');
    run(s, 'schedule');
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [header = [], ...body] = sheet.values();
    const ruiz = body.findIndex((r) => String(r[header.indexOf('Student IDs')]) === 'S2');
    const start = body[ruiz]![header.indexOf('Start')];
    sheet.patch(ruiz + 2, header.indexOf('Status') + 1, { v: 'declined' });
    s.bundle.run('showPackets');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    expect(html).toContain('Renata Díaz');
    expect(html).not.toContain('Sofía Ruiz');
    s.bundle.run('showLetters');
    const letters = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    // The Ruiz family's letter is still printed (its availability form), without the time.
    expect(letters).toContain('Ruiz');
    const time = start instanceof Date ? '' : String(start);
    expect(letters).not.toMatch(/Sofía Ruiz’s conference|Sofía Ruiz's conference/);
    if (time) expect(letters).not.toContain(time);
  });
});
