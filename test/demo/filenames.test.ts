/**
 * The demo names a paper family's letter after its Family ID and a packet after its Conference
 * ID, text that comes from the school's export. An ID with a slash or dots must not put a file
 * outside the output folder, or over another family's letter.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { demoFolder } from './inputs';

jest.setTimeout(240_000);

const { dir, file } = demoFolder('slc-filenames-');

/** The device names Windows refuses as a file's name, with any extension. */
const DEVICES = [
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...Array.from({ length: 10 }, (_, i) => `COM${i}`),
  ...Array.from({ length: 10 }, (_, i) => `LPT${i}`),
];

describe('file names the demo makes from a school’s IDs', () => {
  const out = join(dir, 'out');
  beforeAll(() => {
    const roster = file('roster.csv', [
      'Student ID,First Name,Last Name,Grade,Teacher,Family ID,Guardian 1 Email,Phone,Language',
      '1,Ana,García,3,Ms. Rivera,../../escaped,,555-0101,en',
      '2,Tom,Baker,3,Ms. Rivera,a/b,,555-0102,en',
      '3,Zoe,Smith,3,Ms. Rivera,a:b,,555-0103,en',
      '4,Ida,Lund,3,Ms. Rivera,.hidden,,555-0104,en',
      '5,Max,Ode,3,Ms. Rivera,CON,,555-0105,en',
      '6,Lia,Vos,3,Ms. Rivera,nul.1,,555-0106,en',
      '7,Kai,Ito,3,Ms. Rivera,COM0,,555-0107,en',
      '8,Bo,Lee,3,Ms. Rivera,lpt9,,555-0108,en',
    ]);
    const teachers = file('teachers.csv', [
      'Teacher,Email,Date,Start,End,Room,Capacity',
      'Ms. Rivera,rivera@school.example,2026-11-17,15:00,17:00,101,1',
    ]);
    runDemo(['--roster', roster, '--teachers', teachers, '--out', out]);
  });

  it('writes every letter inside letters/, one file per family, none hidden', () => {
    // Nothing escaped the output folder: not beside it, not in the folder above.
    expect(existsSync(join(dir, 'escaped.html'))).toBe(false);
    expect(existsSync(join(out, 'escaped.html'))).toBe(false);
    expect(existsSync(join(dir, '..', 'escaped.html'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.html'))).toEqual([]);
    const letters = readdirSync(join(out, 'letters')).filter((f) => f !== 'phone-list.html');
    // Eight families without email, eight letters: none written over another's, none in a folder.
    expect(letters).toHaveLength(8);
    for (const name of letters) {
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.html$/);
      // None a name Windows keeps for a device, whatever follows its first dot (Microsoft's
      // "Naming Files, Paths, and Namespaces" lists them).
      expect(DEVICES).not.toContain(name.split('.')[0]!.toUpperCase());
    }
    expect(
      readdirSync(join(out, 'letters'), { withFileTypes: true }).every((e) => e.isFile()),
    ).toBe(true);
  });
});
