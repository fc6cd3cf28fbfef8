/**
 * Where a reminder says the conference is: a room in words, a conference online with its link
 * on a line of its own, never a link in brackets after a room number. The place and link come
 * from the Teachers sheet as a coordinator types it.
 */
import { openSchool } from '../../preview/school';
import type { JobProgress } from '../../src/shared/api';
import { EST, ok } from './calls';

/** The sample school's Teachers sheet as a coordinator edits it. */
function teachersOf(s: ReturnType<typeof openSchool>) {
  const teachers = s.emulator.spreadsheet.sheetByName('Teachers')!;
  const [header, ...rows] = teachers.values();
  const column = (name: string) => (header as string[]).indexOf(name) + 1;
  const names = [...new Set(rows.map((r) => String(r[0])))];
  const roomOf = (name: string) => String(rows.find((r) => r[0] === name)![column('Room') - 1]);
  return { teachers, rows, column, names, roomOf };
}

/** Sets up, schedules and sends the reminders due the day before the conferences. */
function remind(s: ReturnType<typeof openSchool>): void {
  for (let i = 0; i < 10; i++)
    if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
  ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
  s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
  ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));
}

describe('a reminder names the place in words', () => {
  it('gives "Room 101" in person, the link on its own line online, and both when either', () => {
    const s = openSchool({ students: 60, days: ['2026-11-17'] });
    const { teachers, rows, column, names, roomOf } = teachersOf(s);
    const [either, online, inPerson] = names as [string, string, string];
    rows.forEach((r, i) => {
      if (r[0] === either)
        teachers.put(i + 2, column('Video Link'), { v: 'https://meet.example/either' });
      if (r[0] === online) {
        teachers.put(i + 2, column('Video Link'), { v: 'https://meet.example/online' });
        teachers.put(i + 2, column('Room'), { v: '' });
      }
    });
    remind(s);

    const about = (teacher: string) =>
      s.emulator.mail.sent.filter(
        (m) =>
          m.subject.includes(teacher) && !names.some((n) => n !== teacher && m.subject.includes(n)),
      );
    for (const teacher of [either, online, inPerson])
      expect(about(teacher).length).toBeGreaterThan(0);
    // The words each built-in language uses, written out here (Spanish families get Spanish).
    const words = (m: { body: string }) =>
      m.body.startsWith('Estimada')
        ? {
            at: 'en',
            room: 'el aula',
            or: ', o en línea (enlace abajo).',
            online: 'la reunión en línea (enlace abajo).',
            join: 'Conéctense en línea:',
          }
        : {
            at: 'at',
            room: 'Room',
            or: ', or online (link below).',
            online: 'the online meeting (link below).',
            join: 'Join online:',
          };
    for (const m of about(either)) {
      const w = words(m);
      expect(m.body).toContain(`${w.at} ${w.room} ${roomOf(either)}${w.or}`);
      expect(m.body).toContain(`\n${w.join} https://meet.example/either\n`);
      expect(m.htmlBody).toContain('<a href="https://meet.example/either">');
    }
    for (const m of about(online)) {
      const w = words(m);
      expect(m.body).toContain(`${w.at} ${w.online}`);
      expect(m.body).toContain(`\n${w.join} https://meet.example/online\n`);
    }
    for (const m of about(inPerson)) {
      const w = words(m);
      expect(m.body).toContain(`${w.at} ${w.room} ${roomOf(inPerson)}.`);
      expect(m.body).not.toContain('https://');
    }
    for (const m of s.emulator.mail.sent) expect(m.body).not.toMatch(/\d \(https?:/);
  });

  it('puts each conference of a combined reminder in its own place, with its own link', () => {
    const s = openSchool({ students: 120, days: ['2026-11-17'] });
    const { teachers, rows, column, names, roomOf } = teachersOf(s);
    // Every other teacher meets online only, each with a link of their own.
    const linkOf = new Map(
      names.filter((_, i) => i % 2 === 0).map((n, i) => [n, `https://meet.example/t${i}`]),
    );
    rows.forEach((r, i) => {
      const link = linkOf.get(String(r[0]));
      if (!link) return;
      teachers.put(i + 2, column('Video Link'), { v: link });
      teachers.put(i + 2, column('Room'), { v: '' });
    });
    remind(s);

    // A combined reminder lists each conference as "time: children, teacher".
    const entry = /^\d{1,2}:\d\d(?: [AP]M)?–\d{1,2}:\d\d(?: [AP]M)?: .+, (.+)$/;
    const combined = s.emulator.mail.sent.filter(
      (m) => m.body.split('\n').filter((l) => entry.test(l)).length > 1,
    );
    expect(combined.length).toBeGreaterThan(0);
    for (const m of combined) {
      const lines = m.body.split('\n');
      const spanish = m.body.startsWith('Estimada');
      const room = spanish ? 'el aula' : 'Room';
      const join = spanish ? 'Conéctense en línea:' : 'Join online:';
      lines.forEach((line, at) => {
        const teacher = entry.exec(line)?.[1];
        if (!teacher) return;
        const link = linkOf.get(teacher);
        expect(lines[at + 1]).toBe(link ? `${join} ${link}` : `${room} ${roomOf(teacher)}`);
      });
      // No list of rooms or of links for the whole day: the sentence names no place of its own.
      expect(m.body).not.toMatch(/\b\d{3}, \d{3}\b|\(link below\)|\(enlace abajo\)/);
    }
  });
});

describe('a reminder says only what applies to the way the family chose to meet', () => {
  it('an online choice gets the link and no room, in person the room and no link, either both', () => {
    const s = openSchool({ students: 60, days: ['2026-11-17'] });
    for (let i = 0; i < 10; i++)
      if (ok<JobProgress>(s.bundle.callFromClient('runJob', ['setup'])).done) break;
    // The coordinator adds the Mode column the sample's Teachers sheet lacks.
    const sheet = s.emulator.spreadsheet.sheetByName('Teachers')!;
    sheet.put(1, (sheet.values()[0] as string[]).length + 1, { v: 'Mode' });
    const { teachers, rows, column, names, roomOf } = teachersOf(s);
    const [either, inPerson] = names as [string, string];
    rows.forEach((r, i) => {
      if (r[0] === either)
        teachers.put(i + 2, column('Video Link'), { v: 'https://meet.example/either' });
      // In person only: its link is not for families.
      if (r[0] === inPerson) {
        teachers.put(i + 2, column('Video Link'), { v: 'https://meet.example/not-used' });
        teachers.put(i + 2, column('Mode'), { v: 'In person' });
      }
    });
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
    const schedule = () => {
      const [header, ...body] = s.emulator.spreadsheet.sheetByName('Schedule')!.values();
      const at = (name: string) => (header as string[]).indexOf(name);
      return body.map((r) => ({
        teacher: String(r[at('Teacher')]),
        family: String(r[at('Family ID')]),
        emails: String(r[at('Emails')]).toLowerCase(),
        mode: String(r[at('Mode')]),
        room: String(r[at('Room')]),
      }));
    };
    // Two families with one conference each (a family with a child in another class gets one
    // reminder naming both teachers, which is not what this test reads).
    const once = (c: { family: string }) =>
      schedule().filter((x) => x.family === c.family).length === 1;
    const [online, person] = schedule().filter((c) => c.teacher === either && once(c));
    // The families' answers, as the availability form writes them (no time: any time).
    const availability = s.emulator.spreadsheet.sheetByName('Availability')!;
    const header = availability.values()[0] as string[];
    (
      [
        [online!.family, 'Online'],
        [person!.family, 'In person'],
      ] as const
    ).forEach(([family, meet], i) => {
      availability.put(i + 2, header.indexOf('Family ID') + 1, { v: family });
      availability.put(i + 2, header.indexOf('Meet') + 1, { v: meet });
    });
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['schedule']));
    const modeOf = new Map(schedule().map((c) => [c.family + c.teacher, c]));
    expect(modeOf.get(online!.family + either)).toMatchObject({
      mode: 'Online',
      room: 'Video call',
    });
    expect(modeOf.get(person!.family + either)).toMatchObject({
      mode: 'In person',
      room: roomOf(either),
    });
    expect(
      schedule()
        .filter((c) => c.teacher === inPerson)
        .map((c) => c.mode),
    ).toEqual(
      schedule()
        .filter((c) => c.teacher === inPerson)
        .map(() => 'In person'),
    );
    s.emulator.ws.clock.set(EST('2026-11-16', '12:00'));
    ok<JobProgress>(s.bundle.callFromClient('runJob', ['reminders']));

    const about = (teacher: string, family?: { emails: string }) =>
      s.emulator.mail.sent.filter(
        (m) =>
          m.subject.includes(teacher) &&
          !names.some((n) => n !== teacher && m.subject.includes(n)) &&
          (!family || family.emails.includes(m.to[0]!.toLowerCase())),
      );
    const link = 'https://meet.example/either';
    const room = (m: { body: string }) =>
      `${m.body.startsWith('Estimada') ? 'el aula' : 'Room'} ${roomOf(either)}`;
    expect(about(either, online).length).toBeGreaterThan(0);
    for (const m of about(either, online)) {
      expect(m.body).toContain(link);
      expect(m.body).not.toContain(room(m));
    }
    expect(about(either, person).length).toBeGreaterThan(0);
    for (const m of about(either, person)) {
      expect(m.body).toContain(room(m));
      expect(m.body).not.toContain('https://');
    }
    const others = about(either).filter(
      (m) => !`${online!.emails};${person!.emails}`.includes(m.to[0]!.toLowerCase()),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const m of others) expect(m.body).toContain(link);
    expect(about(inPerson).length).toBeGreaterThan(0);
    for (const m of about(inPerson)) expect(m.body).not.toContain('https://');
  });
});
