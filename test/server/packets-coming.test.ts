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
