/**
 * Each teacher's day-before email: only that teacher's conferences, in time order, once per
 * teacher and day; cancelled and declined conferences left out; hostile text escaped.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import {
  dayChanges,
  dayDigest,
  teacherDayKey,
  teacherDayMessage,
  teacherDaysDue,
  type TeacherConference,
} from '../../src/core/teacherday';

function conference(id: string, over: Partial<TeacherConference> = {}): TeacherConference {
  return {
    conferenceId: id,
    teacher: 'Ms. Lee',
    date: '2026-11-17',
    start: 930,
    end: 955,
    room: '12',
    students: `Student ${id}`,
    coming: [`Guardian ${id}`],
    language: '',
    interpreter: false,
    status: 'invited',
    notes: '',
    ...over,
  };
}

const addresses = new Map([
  ['Ms. Lee', 'lee@school.example'],
  ['Mr. Park', 'park@school.example'],
]);
const emails = (teacher: string) => addresses.get(teacher);
const days = { today: '2026-11-16', tomorrow: '2026-11-17' };

describe('teacherDaysDue', () => {
  it('gives each teacher tomorrow’s own conferences in time order, without cancelled or declined ones', () => {
    const { due } = teacherDaysDue(
      [
        conference('3', { start: 1000, end: 1025 }),
        conference('1', { start: 900, end: 925 }),
        conference('2', { teacher: 'Mr. Park' }),
        conference('4', { status: 'cancelled' }),
        conference('5', { status: 'declined' }),
        conference('6', { date: '2026-11-19' }),
      ],
      emails,
      days,
      () => false,
    );
    expect(due.map((d) => [d.email, d.date, d.conferences.map((c) => c.conferenceId)])).toEqual([
      ['lee@school.example', '2026-11-17', ['1', '3']],
      ['park@school.example', '2026-11-17', ['2']],
    ]);
  });

  it('skips a day already recorded, and names a teacher with no address', () => {
    const { due, noEmail } = teacherDaysDue(
      [
        conference('1'),
        conference('2', { teacher: 'Mr. Park' }),
        conference('3', { teacher: 'Ms. Ode' }),
      ],
      emails,
      days,
      (k) => k === teacherDayKey('lee@school.example', '2026-11-17'),
    );
    expect(due.map((d) => d.email)).toEqual(['park@school.example']);
    expect(noEmail).toEqual(['Ms. Ode']);
  });

  it('never puts one teacher’s conference in another teacher’s email', () => {
    checkProperty(
      fc.property(
        fc.array(
          fc.record({
            teacher: fc.constantFrom('Ms. Lee', 'Mr. Park'),
            start: fc.integer({ min: 480, max: 1200 }),
            date: fc.constantFrom('2026-11-16', '2026-11-17', '2026-11-18'),
          }),
          { maxLength: 15 },
        ),
        (cs) => {
          const list = cs.map((c, i) => conference(String(i), c));
          const { due } = teacherDaysDue(list, emails, days, () => false);
          for (const d of due) {
            expect(d.conferences.every((c) => c.teacher === d.teacher && c.date === d.date)).toBe(
              true,
            );
            const starts = d.conferences.map((c) => c.start ?? 0);
            expect(starts).toEqual([...starts].sort((a, b) => a - b));
          }
          const listed = due.flatMap((d) => d.conferences.map((c) => c.conferenceId)).sort();
          const expected = list
            .filter((c) => c.date === days.today || c.date === days.tomorrow)
            .map((c) => c.conferenceId)
            .sort();
          expect(listed).toEqual(expected);
        },
      ),
    );
  });
});

describe('teacherDayMessage', () => {
  it('lists who is coming, the language and interpreter and the notes, and escapes people’s text', () => {
    const m = teacherDayMessage(
      {
        teacher: 'Ms. Lee',
        email: 'lee@school.example',
        date: '2026-11-17',
        conferences: [
          conference('1', {
            students: 'Ana <b>García</b>',
            coming: ['Rosa García', 'Abuela Carmen'],
            language: 'Spanish',
            interpreter: true,
            notes: 'Bring the reading log',
          }),
        ],
      },
      'Lincoln',
    );
    expect(m.subject).toBe('Your conferences on Tuesday, November 17: 1 family');
    expect(m.text).toContain(
      '3:30 PM–3:55 PM · Ana <b>García</b> · room 12 · coming: Rosa García, Abuela Carmen · Spanish, interpreter booked · notes: Bring the reading log',
    );
    expect(m.html).toContain('Ana &lt;b&gt;García&lt;/b&gt;');
    expect(m.html).not.toContain('<b>');
  });
  it('says a Room cell that already names itself as written, without "room" before it', () => {
    const m = teacherDayMessage(
      {
        teacher: 'Ms. Lee',
        email: 'lee@school.example',
        date: '2026-11-17',
        conferences: [
          conference('1', { room: 'Room 101' }),
          conference('2', { room: 'Library', start: 960, end: 985 }),
        ],
      },
      'Lincoln',
    );
    expect(m.text).toContain('3:30 PM–3:55 PM · Student 1 · Room 101');
    expect(m.text).toContain('4:00 PM–4:25 PM · Student 2 · Library');
    expect(m.text).not.toMatch(/room Room|room Library/);
  });
});

describe('dayChanges', () => {
  const told = dayDigest([conference('C1'), conference('C2', { start: 960, end: 985 })]);

  it('finds nothing when the day is as told, whatever else changed (notes, who is coming)', () => {
    const same = [
      conference('C1', { notes: 'new note' }),
      conference('C2', { start: 960, end: 985 }),
    ];
    expect(dayChanges(told, dayDigest(same))).toEqual([]);
  });

  it('names each moved, cancelled, declined and added conference once, by time and student', () => {
    const now = dayDigest([
      conference('C1', { start: 1000, end: 1025 }),
      conference('C2', { start: 960, end: 985, status: 'declined' }),
      conference('C3', { start: 1030, end: 1055 }),
    ]);
    const changes = dayChanges(told, now);
    expect(changes).toHaveLength(3);
    expect(changes[0]).toMatch(/^Changed: .*Student C1.* → now .*Student C1/);
    expect(changes[0]).toContain('4:40 PM');
    expect(changes[1]).toMatch(/^Cancelled: .*Student C2/);
    expect(changes[2]).toMatch(/^Added: .*Student C3/);
  });
});
