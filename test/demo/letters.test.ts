/**
 * Families without email in the demo: letters.csv gives each its own links, in its language,
 * and a reply slip; the office keys the returned slip in through the family's link, and the
 * family is scheduled in the time it ticked, like a family that answered online.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { qrSvg } from '../../src/core/qr';
import { demoFolder } from './inputs';

jest.setTimeout(240_000);

const { dir, file, read } = demoFolder('slc-letters-');

describe('paper families in the demo', () => {
  const out = join(dir, 'out');
  let report: Record<string, unknown> = {};
  beforeAll(() => {
    const roster = file('roster.csv', [
      'Student ID,First Name,Last Name,Grade,Teacher,Family ID,Guardian 1 Email,Phone,Language,Interpreter',
      '1,Ana,García,3,Ms. Rivera,F1,,555-0101,Spanish,no',
      '2,Tom,Baker,3,Ms. Rivera,F2,,555-0102,en,no',
      '3,Zoe,Smith,3,Ms. Rivera,F3,zoe.smith@family.example,,en,no',
      // Siblings whose teachers are there at different hours of Tuesday; no Vietnamese form.
      '4,Linh,Nguyen,3,Ms. Rivera,F4,,555-0104,vi,no',
      '5,Bao,Nguyen,5,Mr. Okafor,F4,,555-0104,vi,no',
    ]);
    const teachers = file('teachers.csv', [
      'Teacher,Email,Date,Start,End,Room,Capacity',
      'Ms. Rivera,rivera@school.example,2026-11-17,15:00,16:00,101,1',
      'Ms. Rivera,rivera@school.example,2026-11-18,08:00,10:00,101,1',
      // Ms. Patel's 3–6 PM merges Tuesday into one time on the form, 3:00 PM – 6:00 PM.
      'Ms. Patel,patel@school.example,2026-11-17,15:00,18:00,103,1',
      'Mr. Okafor,okafor@school.example,2026-11-17,17:00,18:00,104,1',
      // The form's last time, Ms. Patel's: no use to a family whose only teacher is Ms. Rivera.
      'Ms. Patel,patel@school.example,2026-11-19,18:00,20:00,103,1',
    ]);
    report = runDemo(['--roster', roster, '--teachers', teachers, '--out', out]).report;
  });

  it('lists each family without email in letters.csv with its own links and a slip in its language', () => {
    const letters = read(out, 'letters.csv');
    expect(letters.map((l) => l['Family ID']).sort()).toEqual(['F1', 'F2', 'F4']);
    const forms = JSON.parse(readFileSync(join(out, 'forms.json'), 'utf8')) as {
      kind: string;
      language: string;
      url: string;
    }[];
    const url = (kind: string, language: string) =>
      forms.find((f) => f.kind.startsWith(kind) && f.language === language)!.url;
    const garcia = letters.find((l) => l['Family ID'] === 'F1')!;
    const baker = letters.find((l) => l['Family ID'] === 'F2')!;
    expect(garcia['Availability Link']!.startsWith(`${url('availability', 'es')}?`)).toBe(true);
    expect(baker['Availability Link']!.startsWith(`${url('availability', 'en')}?`)).toBe(true);
    // Only a conference marked attended is asked about: Ana came, Tom's family did not.
    const status = (id: string) =>
      read(out, 'schedule.csv').find((r) => r['Family ID'] === id)!.Status;
    expect([status('F1'), status('F2')]).toEqual(['attended', 'no-show']);
    expect(garcia['Questionnaire Link']!.startsWith(`${url('questionnaire', 'es')}?`)).toBe(true);
    expect(baker['Questionnaire Link']).toBe('');
    expect(garcia['Reply Slip']).toContain('[ ] miércoles 18 de noviembre, 08:00 – 10:00');
    expect(garcia['Reply Slip']).not.toContain('19 de noviembre');
    expect(baker['Reply Slip']).not.toContain('November 19');
    expect(garcia['Reply Slip']).toContain(
      '¿Desean un intérprete en la conferencia? [ ] Sí [ ] No',
    );
    expect(baker['Reply Slip']).toContain('[ ] Wednesday, November 18, 8:00 AM – 10:00 AM');
    // Ms. Rivera is there 3–4 PM of the form's merged Tuesday 3–6 PM: the slip offers only that.
    expect(baker['Reply Slip']).toContain('[ ] Tuesday, November 17, 3:00 PM – 4:00 PM');
    expect(baker['Reply Slip']).not.toContain('6:00 PM');
    // The Vietnamese family reads the English form, so its slip is English throughout, dates too,
    // and offers each sibling's teacher's hours.
    const nguyen = letters.find((l) => l['Family ID'] === 'F4')!;
    expect(nguyen.Language).toBe('vi');
    expect(nguyen['Reply Slip']!.split('\n').filter((l) => l.startsWith('[ ] '))).toEqual([
      '[ ] Tuesday, November 17, 3:00 PM – 4:00 PM',
      '[ ] Tuesday, November 17, 5:00 PM – 6:00 PM',
      '[ ] Wednesday, November 18, 8:00 AM – 10:00 AM',
    ]);
    // The slip comes back without the letter: it carries the family's code for the office.
    const code = (l: Record<string, string>) =>
      [...new URL(l['Availability Link']!).searchParams.values()].at(-1);
    expect(garcia['Reply Slip']!.split('\n')[0]).toBe(
      `Ref. F1 · Código de la familia: ${code(garcia)}`,
    );
    expect(baker['Reply Slip']!.split('\n')[0]).toBe(`Ref. F2 · Family code: ${code(baker)}`);
    // A letter names its own family only.
    expect(garcia['Reply Slip']).not.toContain('F2');
  });

  it('prints each family’s letter with the QR code of its own link and the form’s short link', () => {
    const letters = read(out, 'letters.csv');
    const page = (id: string) => readFileSync(join(out, 'letters', `${id}.html`), 'utf8');
    const shortLink = (html: string) =>
      /<code>(https:\/\/forms\.gle\/[^<]+)<\/code>/.exec(html)?.[1];
    for (const l of letters) {
      const html = page(l['Family ID']!);
      // Both forms: the availability form by the family's code, the questionnaire by its conference's.
      expect(html).toContain(qrSvg(l['Availability Link']!));
      // One questionnaire per conference: the Nguyen siblings have two.
      for (const link of l['Questionnaire Link']!.split(' ').filter(Boolean))
        expect(html).toContain(qrSvg(link));
      const code = new URL(l['Availability Link']!).searchParams;
      expect(html).toContain(`<code>${[...code.values()].at(-1)}</code>`);
      // The CSV's slip is in the forms' words, which the office keys into; the printed slip is the
      // same for a language with forms, and machine-translated for one without (Vietnamese).
      if (l.Language === 'vi') expect(html).toContain('[vi] Which times suit you?');
      else expect(html).toContain(l['Reply Slip']!.split('\n')[1]);
    }
    // The Nguyens' letter is in Vietnamese, its days from the Vietnamese table.
    expect(page('F4')).toContain('<main class="letter" lang="vi">');
    expect(page('F4')).toContain('[vi] Dear \u2068Nguyen\u2069 family,');
    expect(page('F4')).toContain('[ ] Thứ ba, ngày 17 tháng 11, 15:00 – 16:00');
    expect(page('F1')).toContain('Escaneen el código');
    expect(page('F2')).toContain('Scan the code');
    // The no-show family's letter does not ask how the conference went.
    expect(page('F1')).toContain('¿cómo fue la conferencia');
    expect(page('F2')).not.toContain('conference go?');
    // One short link per form: the Spanish family's is the Spanish form's.
    expect(shortLink(page('F1'))).toBeDefined();
    expect(shortLink(page('F1'))).not.toBe(shortLink(page('F2')));
    expect(page('F1')).not.toContain('F2');
  });

  it('lists each family on the office’s phone list with its number and the questions in its language', () => {
    const list = readFileSync(join(out, 'letters', 'phone-list.html'), 'utf8');
    const section = (id: string) => list.slice(list.indexOf(`Ref. ${id}`)).split('</section>')[0]!;
    expect(section('F1')).toContain('Ref. F1 · 555-0101');
    expect(section('F1')).toContain('miércoles 18 de noviembre, 08:00 – 10:00');
    expect(section('F1')).toContain('Ask: ¿Desean un intérprete en la conferencia? (Sí / No)');
    expect(section('F2')).toContain('Ref. F2 · 555-0102');
    expect(section('F2')).toContain(
      'Ask: Would you like an interpreter at the conference? (Yes / No)',
    );
    expect(section('F2')).not.toContain('F1');
  });

  it('gives each scheduled family its conference’s day, time and place, and the office whom to ask for', () => {
    const schedule = read(out, 'schedule.csv');
    const row = (id: string) => schedule.find((r) => r['Family ID'] === id)!;
    // Both conferences fall in one of Ms. Rivera's two windows, in room 101, in words per language.
    const days: Record<string, { es: string; en: string }> = {
      '2026-11-17': { es: 'martes 17 de noviembre', en: 'Tuesday, November 17' },
      '2026-11-18': { es: 'miércoles 18 de noviembre', en: 'Wednesday, November 18' },
    };
    const day = (id: string) => days[row(id).Date!]!;
    expect([row('F1').Room, row('F2').Room]).toEqual(['101', '101']);
    const twelveHour = (t: string) => {
      const [h, m] = t.split(':').map(Number) as [number, number];
      return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
    };
    // Each line names the family's own child and the teacher, from the roster above.
    const spanish = `Conferencia de Ana García con Ms. Rivera: ${day('F1').es}, ${row('F1').Start}–${row('F1').End}, en el aula 101.`;
    const english = `Tom Baker’s conference with Ms. Rivera: ${day('F2').en}, ${twelveHour(row('F2').Start!)}–${twelveHour(row('F2').End!)}, at Room 101.`;
    const page = (id: string) => readFileSync(join(out, 'letters', `${id}.html`), 'utf8');
    expect(page('F1')).toContain(spanish);
    expect(page('F2')).toContain(english);
    expect(page('F1')).toContain('<p class="greeting">Estimada familia García:</p>');
    expect(page('F2')).toContain('<p class="greeting">Dear Baker family,</p>');
    expect(page('F2')).not.toContain('Ana García');
    const list = readFileSync(join(out, 'letters', 'phone-list.html'), 'utf8');
    const section = (id: string) => list.slice(list.indexOf(`Ref. ${id}`)).split('</section>')[0]!;
    expect(section('F1')).toContain(`Say: ${spanish}`);
    expect(section('F2')).toContain(`Say: ${english}`);
    expect(list).not.toContain('We will send you the time');
    // The office asks for the family's children by name (the Roster gives no guardian's name).
    expect(section('F1')).toContain('Ask for: a parent or guardian (family of Ana García)');
    expect(section('F2')).toContain('Ask for: a parent or guardian (family of Tom Baker)');
  });

  it('keys in a time of each child’s own teacher, so siblings whose teachers’ hours differ are both placed', () => {
    expect((report.formAnswers as Record<string, number>).replySlips).toBe(3);
    const nguyen = read(out, 'schedule.csv').filter((r) => r['Family ID'] === 'F4');
    expect(nguyen.map((r) => r['Teacher']).sort()).toEqual(['Mr. Okafor', 'Ms. Rivera']);
    const okafor = nguyen.find((r) => r['Teacher'] === 'Mr. Okafor')!;
    expect(okafor).toMatchObject({ Date: '2026-11-17' });
    expect(okafor['Start']! >= '17:00' && okafor['End']! <= '18:00').toBe(true);
    const schedule = read(out, 'schedule.csv');
    for (const id of ['F1', 'F2']) {
      const mine = schedule.filter((r) => r['Family ID'] === id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ Teacher: 'Ms. Rivera' });
      expect(['2026-11-17', '2026-11-18']).toContain(mine[0]!['Date']);
    }
    expect(read(out, 'waitlist.csv')).toEqual([]);
  });
});
