/**
 * Print letters for families without email, on the built bundle: one page per such family with
 * the QR code of its own link, then the office's phone list; nothing about a family with email,
 * and nothing written (printing twice changes nothing).
 */
import { openSchool } from '../../preview/school';
import { qrSvg } from '../../src/core/qr';
import { parseRoster } from '../../src/core/roster';
import type { PaperLetter } from '../../src/shared/api';
import { ok, phoneFamilies, props, run } from './calls';

describe('printing the letters for families without email', () => {
  it('tells a waitlisted phone-only family, on its letter and its call, which of its own children wait, in its language', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const header = roster.values()[0]!.map(String);
    const col = (name: string) => header.indexOf(name);
    const before = parseRoster(roster.values(), null).families;
    // Spanish-speaking siblings in two classes, and an English-speaking family of one child.
    const siblings = before.find((f) => f.language === 'es' && f.studentIds.length === 2)!;
    const single = before.find((f) => f.language !== 'es' && f.studentIds.length === 1)!;
    const withEmail = before.find((f) => f !== siblings && f !== single)!;
    roster.patch(1, header.length + 1, { v: 'Phone' });
    for (const [rows, phone] of [
      [siblings.rows, '555-0142'],
      [single.rows, '555-0199'],
    ] as const)
      for (const row of rows) {
        roster.patch(row, header.length + 1, { v: phone });
        header.forEach((h, i) => {
          if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
        });
      }
    run(s, 'setup');
    run(s, 'forms');
    const values = roster.values();
    const after = parseRoster(values, null).families;
    const idOf = (rows: number[]) => after.find((f) => f.rows[0] === rows[0])!.id;
    const child = (row: number) => {
      const [last, first] = String(values[row - 1]![col('Student Name')]).split(', ');
      return {
        id: String(values[row - 1]![col('Student ID')]),
        name: `${first} ${last}`,
        teacher: String(values[row - 1]![col('Homeroom')]),
      };
    };
    const [ana, luis] = siblings.rows.map(child) as [
      ReturnType<typeof child>,
      ReturnType<typeof child>,
    ];
    const tom = child(single.rows[0]!);
    const stranger = child(withEmail.rows[0]!);
    // The Waitlist as the schedule writes it; the stranger's row wrongly gives the siblings' id.
    const waitlist = s.emulator.spreadsheet.insertSheet('Waitlist');
    [
      ['Student ID', 'Student', 'Teacher', 'Family ID', 'Reason', 'Told'],
      [ana.id, ana.name, ana.teacher, idOf(siblings.rows), 'full', 'no email on the Roster'],
      [luis.id, luis.name, luis.teacher, idOf(siblings.rows), 'full', 'no email on the Roster'],
      [tom.id, tom.name, tom.teacher, idOf(single.rows), 'full', 'no email on the Roster'],
      [stranger.id, stranger.name, stranger.teacher, idOf(siblings.rows), 'full', ''],
    ].forEach((row, r) => row.forEach((v, c) => waitlist.put(r + 1, c + 1, { v })));

    const letters = ok<PaperLetter[]>(s.bundle.callFromClient('getPaperLetters', []));
    const of = (rows: number[]) => letters.find((l) => l.familyId === idOf(rows))!;
    const waitsEs = (who: string, teacher: string) =>
      `${who} está en nuestra lista de espera para una conferencia con ${teacher}: aún no encontramos un horario que les convenga. Cuando se libere un horario, la escuela les llamará o les escribirá para ofrecérselo.`;
    const waitsEn = `${tom.name} is on our waiting list for a conference with ${tom.teacher}: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.`;
    expect(ana.teacher).not.toBe(luis.teacher);
    for (const line of [waitsEs(ana.name, ana.teacher), waitsEs(luis.name, luis.teacher)]) {
      expect(of(siblings.rows).html).toContain(line);
      expect(of(siblings.rows).phoneScript).toContain(`Say: ${line}`);
    }
    expect(of(single.rows).html).toContain(waitsEn);
    expect(of(single.rows).phoneScript).toContain(`Say: ${waitsEn}`);
    for (const l of letters) {
      expect(l.html).not.toContain(stranger.name);
      expect(l.phoneScript.join('\n')).not.toContain(stranger.name);
    }
    expect(of(single.rows).html).not.toContain(ana.name);
  });

  it('offers each paper family, on its slip and its phone script, only the times of its own children’s teachers', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const header = roster.values()[0]!.map(String);
    const teacherOf = (f: { rows: number[] }) =>
      String(roster.values()[f.rows[0]! - 1]![header.indexOf('Homeroom')]);
    const single = parseRoster(roster.values(), null).families.filter(
      (f) => f.studentIds.length === 1,
    );
    const evening = single[0]!;
    const other = single.find((f) => teacherOf(f) !== teacherOf(evening))!;
    roster.patch(1, header.length + 1, { v: 'Phone' });
    for (const [row, phone] of [
      [evening.rows[0]!, '555-0101'],
      [other.rows[0]!, '555-0102'],
    ] as const) {
      roster.patch(row, header.length + 1, { v: phone });
      header.forEach((h, i) => {
        if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
      });
    }
    // One teacher adds a Tuesday evening the next week; no other teacher has a window then.
    const teachers = s.emulator.spreadsheet.sheetByName('Teachers')!;
    const rows = teachers.values();
    const mine = rows.find((r) => r[0] === teacherOf(evening))!;
    [mine[0]!, mine[1]!, '2026-11-24', '18:00', '20:00', 'Library', 1, ''].forEach((v, i) =>
      teachers.put(rows.length + 1, i + 1, { v }),
    );
    run(s, 'setup');
    run(s, 'forms');
    const letters = ok<PaperLetter[]>(s.bundle.callFromClient('getPaperLetters', []));
    const letterOf = (f: { id: string }) => letters.find((l) => l.familyId === f.id)!;
    const has = (l: PaperLetter, text: string) => [
      l.html.includes(text),
      l.phoneScript.join('\n').includes(text),
    ];
    expect(has(letterOf(evening), 'November 24')).toEqual([true, true]);
    expect(has(letterOf(other), 'November 24')).toEqual([false, false]);
    // Both are offered the evening every teacher shares.
    expect(has(letterOf(other), 'November 17')).toEqual([true, true]);
  });

  it('shows each paper family’s letter and the phone list, names no family with email, and writes nothing', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const families = parseRoster(roster.values(), null).families;
    const [paper, other] = families.filter((f) => f.studentIds.length === 1);
    const header = roster.values()[0]!.map(String);
    roster.patch(1, header.length + 1, { v: 'Phone' });
    for (const row of paper!.rows) {
      roster.patch(row, header.length + 1, { v: '555-0199' });
      header.forEach((h, i) => {
        if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
      });
    }
    run(s, 'setup');
    run(s, 'forms');
    const code = props(s).get(`slc:family-code:${paper!.id}`)!;
    const template = (
      JSON.parse(props(s).get('slc:forms')!) as { availability: { linkTemplate: string } }
    ).availability.linkTemplate;

    s.bundle.run('showLetters');
    const dialog = s.emulator.sheets.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Letters for families without email');
    // How to print when the dialog's frame ignores the Print button (docs/EMULATOR.md row 54;
    // test/browser/print.test.ts plays both frames for the packets).
    expect(dialog.html).toMatch(/<p class="noprint">[^]*If no print window opens, [^<]*Ctrl\+P/);
    expect(dialog.html).toContain(
      qrSvg(template.replace('0000000000000000000000000000c0de', code)),
    );
    expect(dialog.html).toContain(`Ref. ${paper!.id} · Family code: ${code}`);
    expect(dialog.html).toContain(`Ref. ${paper!.id} · 555-0199`);
    expect(dialog.html).not.toContain(other!.id);
    const writes = Object.keys(s.emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
      /\.set|insert|append|delete|clear/.test(m),
    );
    expect(writes).toEqual([]);
  });

  it('asks a paper family how the conference went only when it was marked attended, never after a no-show', () => {
    const s = openSchool({ students: 30 });
    const [came, missed] = phoneFamilies(s, [
      { phone: '555-0199', paper: true },
      { phone: '555-0198', paper: true },
    ]);
    run(s, 'setup');
    run(s, 'forms');
    run(s, 'schedule');
    run(s, 'forms');
    s.emulator.ws.clock.set(Date.UTC(2026, 11, 1, 14, 0));
    const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [head, ...rows] = sheet.values();
    const at = (name: string) => head!.map(String).indexOf(name);
    const linkOf = new Map<string, string>();
    rows.forEach((r, i) => {
      const family = String(r[at('Family ID')]);
      const mark = family === came!.id ? 'attended' : family === missed!.id ? 'no-show' : '';
      if (!mark) return;
      sheet.patch(i + 2, at('Status') + 1, { v: mark });
      linkOf.set(family, String(r[at('Feedback Link')]));
    });
    // Both rows carry a questionnaire link: only the conference held is asked about.
    expect(linkOf.get(came!.id)).toMatch(/^https:/);
    expect(linkOf.get(missed!.id)).toMatch(/^https:/);

    s.bundle.run('showLetters');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    const letterOf = (id: string) => html.slice(html.indexOf(`Ref. ${id}`)).split('</main>')[0]!;
    expect(letterOf(came!.id)).toContain(qrSvg(linkOf.get(came!.id)!));
    expect(letterOf(missed!.id)).not.toContain(qrSvg(linkOf.get(missed!.id)!));
    expect(html).not.toContain(qrSvg(linkOf.get(missed!.id)!));
  });

  it('prints the Family ID the Roster gives, not the add-on’s own "F-" form, on the letter, its slip and the phone list', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const siblings = parseRoster(roster.values(), null).families.find(
      (f) => f.studentIds.length === 2,
    )!;
    const header = roster.values()[0]!.map(String);
    roster.patch(1, header.length + 1, { v: 'Phone' });
    roster.patch(1, header.length + 2, { v: 'Family ID' });
    // The first sibling's row gives a Family ID that itself starts with "F-"; the second none.
    roster.patch(siblings.rows[0]!, header.length + 2, { v: 'F-GARCIA' });
    for (const row of siblings.rows) {
      roster.patch(row, header.length + 1, { v: '555-0142' });
      header.forEach((h, i) => {
        if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
      });
    }
    run(s, 'setup');
    run(s, 'forms');
    const code = props(s).get('slc:family-code:F-F-GARCIA')!;
    expect(code).toBeTruthy();

    s.bundle.run('showLetters');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    // The slip's words are in the family's language ("Family code", "Código de la familia").
    expect(html).toMatch(new RegExp(`Ref\\. F-GARCIA · [^<:]+: ${code}`));
    expect(html).toContain('Ref. F-GARCIA · 555-0142');
    expect(html).not.toContain('F-F-GARCIA');
  });

  it('gives a scheduled paper family its conference’s day, time and place in words, and the office the names to ask for', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const families = parseRoster(roster.values(), null).families;
    const paper = families.find((f) => f.studentIds.length === 1)!;
    const header = roster.values()[0]!.map(String);
    const line = roster.values()[paper.rows[0]! - 1]!;
    roster.patch(1, header.length + 1, { v: 'Phone' });
    for (const row of paper.rows) {
      roster.patch(row, header.length + 1, { v: '555-0199' });
      header.forEach((h, i) => {
        if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
      });
    }
    // The family's teacher meets online only: a video link and no room on each of their windows.
    const teachers = s.emulator.spreadsheet.sheetByName('Teachers')!;
    const [top, ...windows] = teachers.values();
    const column = (name: string) => (top as string[]).indexOf(name) + 1;
    const teacher = String(line[header.indexOf('Homeroom')]);
    windows.forEach((w, i) => {
      if (w[0] !== teacher) return;
      teachers.put(i + 2, column('Video Link'), { v: 'https://meet.example/paper' });
      teachers.put(i + 2, column('Room'), { v: '' });
    });
    run(s, 'setup');
    run(s, 'forms');
    run(s, 'schedule');

    // The family's conference as the Schedule holds it (the emulator's school sits at UTC−5).
    const [head, ...rows] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
    const at = (name: string) => (head as string[]).indexOf(name);
    const mine = rows.filter((r) => r[at('Family ID')] === paper.id);
    expect(mine).toHaveLength(1);
    const local = (v: unknown) => new Date((v as Date).getTime() - 5 * 3600_000);
    const day = local(mine[0]![at('Date')]).toISOString().slice(0, 10);
    const days: Record<string, string> = {
      '2026-11-17': 'Tuesday, November 17',
      '2026-11-19': 'Thursday, November 19',
    };
    const clock = (v: unknown) => {
      const d = local(v);
      const h = d.getUTCHours();
      return `${((h + 11) % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
    };
    // The child as the Roster names them ("Thomas, Ethan" is Ethan Thomas), the teacher as the Schedule does.
    const [last, first] = String(line[header.indexOf('Student Name')]).split(', ');
    const teacherName = String(mine[0]![at('Teacher')]);
    const when = `${first} ${last}’s conference with ${teacherName}: ${days[day]}, ${clock(mine[0]![at('Start')])}–${clock(mine[0]![at('End')])}, at the online meeting (link below).`;

    s.bundle.run('showLetters');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    const letter = html.slice(html.indexOf(`Ref. ${paper.id}`)).split('</main>')[0]!;
    expect(letter).toContain(when);
    expect(letter).toContain(`<p class="greeting">Dear ${paper.name} family,</p>`);
    expect(letter).toContain('Join online: https://meet.example/paper');
    const phones = html.slice(html.indexOf('Phone list'));
    expect(phones).toContain(`Say: ${when}`);
    expect(phones).toContain('Say: Join online: https://meet.example/paper');
    expect(phones).not.toContain('We will send you the time');
    // "Thomas, Ethan" on the Roster is asked for as "Ethan Thomas", with the guardian's name.
    expect(phones).toContain(
      `Ask for: ${String(line[header.indexOf('Parent Name')])} (family of ${first} ${last})`,
    );
  });

  it('says nothing of the waiting list for a child with a conference this round, such as one added by hand, or waiting in another round', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const paper = parseRoster(roster.values(), null).families.find(
      (f) => f.studentIds.length === 1,
    )!;
    const header = roster.values()[0]!.map(String);
    for (const row of paper.rows)
      header.forEach((h, i) => {
        if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
      });
    run(s, 'setup');
    run(s, 'forms');
    run(s, 'schedule');
    const line = roster.values()[paper.rows[0]! - 1]!;
    const [last, first] = String(line[header.indexOf('Student Name')]).split(', ');
    const name = `${first} ${last}`;
    const teacher = String(line[header.indexOf('Homeroom')]);
    // The Waitlist still lists the child while the Schedule holds a live conference for it, as
    // when a person adds one by hand before the next build.
    const waitlist =
      s.emulator.spreadsheet.sheetByName('Waitlist') ??
      s.emulator.spreadsheet.insertSheet('Waitlist');
    [
      ['Student ID', 'Student', 'Teacher', 'Family ID', 'Reason', 'Told', 'Round'],
      [paper.studentIds[0]!, name, teacher, paper.id, 'full', 'no email on the Roster', ''],
    ].forEach((row, r) => row.forEach((v, c) => waitlist.put(r + 1, c + 1, { v })));
    const schedule = s.emulator.spreadsheet.sheetByName('Schedule')!;
    const [head, ...rows] = schedule.values();
    const mine = rows.findIndex((r) => r[head!.indexOf('Family ID')] === paper.id);
    expect(mine).toBeGreaterThanOrEqual(0);
    const letter = () => {
      s.bundle.run('showLetters');
      const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
      return {
        page: html.slice(html.indexOf(`Ref. ${paper.id}`)).split('</main>')[0]!,
        phones: html.slice(html.indexOf('Phone list')),
      };
    };
    const waits = `${name} is on our waiting list`;
    const booked = letter();
    expect(booked.page).toContain(`${name}’s conference with`);
    expect(booked.page).not.toContain(waits);
    expect(booked.phones).not.toContain(waits);
    // Its conference cancelled, it waits again, and its letter says so.
    schedule.patch(mine + 2, head!.indexOf('Status') + 1, { v: 'cancelled' });
    const cancelled = letter();
    expect(cancelled.page).toContain(waits);
    expect(cancelled.phones).toContain(`Say: ${waits}`);
    // A Waitlist row of another round (kept until that round's next build) says nothing now.
    const round = String(rows[mine]![head!.indexOf('Round')]);
    waitlist.put(2, 7, { v: `${round} last year` });
    const otherRound = letter();
    expect(otherRound.page).not.toContain(waits);
    expect(otherRound.phones).not.toContain(waits);
  });
});
