/**
 * The day-before email a teacher reads, whole, and the order of the emails due (mutation run
 * mutT-3, issue 23). Expected text is written from the fixture: the greeting, the lead, one line
 * per conference, the closing line and the school, as text and as HTML.
 */
import {
  listEmail,
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
    room: '',
    students: `Student ${id}`,
    coming: [],
    language: '',
    interpreter: false,
    status: 'invited',
    notes: '',
    ...over,
  };
}

describe('listEmail', () => {
  it('writes the greeting, lead, items, closing line and school as text and as HTML, the subject on one line', () => {
    const email = listEmail({
      subject: 'Two\nlines',
      to: 'Ms. Lee',
      lead: 'Your list:',
      lines: ['one', 'two'],
      close: 'Thanks.',
      school: 'Lincoln',
    });
    expect(email.subject).toBe('Two lines');
    expect(email.text).toBe('Dear Ms. Lee,\n\nYour list:\n- one\n- two\n\nThanks.\n\nLincoln');
    expect(email.html.split('\n')).toEqual([
      '<p>Dear Ms. Lee,</p>',
      '<p>Your list:</p>',
      '<ul><li>one</li><li>two</li></ul>',
      '<p>Thanks.</p>',
      '<p>Lincoln</p>',
    ]);
  });
});

describe('teacherDayMessage', () => {
  const day = (conferences: TeacherConference[]) => ({
    teacher: 'Ms. Lee',
    email: 'lee@school.example',
    date: '2026-11-17',
    conferences,
  });

  it('counts one family as "1 family" and two as "2 families"', () => {
    expect(teacherDayMessage(day([conference('C1')]), 'Lincoln').subject).toMatch(/: 1 family$/);
    expect(teacherDayMessage(day([conference('C1'), conference('C2')]), 'Lincoln').subject).toMatch(
      /: 2 families$/,
    );
  });

  it('says "not known" when no one is named as coming, and an interpreter booked with no language named', () => {
    const text = teacherDayMessage(day([conference('C1', { interpreter: true })]), 'Lincoln').text;
    const item = text.split('\n').find((l) => l.startsWith('- '))!;
    expect(item.split(' · ').slice(-2)).toEqual(['coming: not known', 'interpreter booked']);
    // No interpreter: the line ends with who is coming, or with the language alone.
    const items = teacherDayMessage(
      day([
        conference('C1', { start: 930 }),
        conference('C2', { start: 960, language: 'Spanish' }),
      ]),
      'Lincoln',
    )
      .text.split('\n')
      .filter((l) => l.startsWith('- '));
    expect(items.map((l) => l.split(' · ').slice(-1)[0])).toEqual(['coming: not known', 'Spanish']);
  });
});

describe('teacherDaysDue', () => {
  it('orders the emails by day, then by address, and names teachers without an address once, sorted', () => {
    const emails = new Map([
      ['Ms. Lee', 'lee@school.example'],
      ['Mr. Park', 'park@school.example'],
      ['Ms. Abe', 'abe@school.example'],
    ]);
    const { due, noEmail } = teacherDaysDue(
      [
        conference('C1', { teacher: 'Mr. Park', date: '2026-11-17' }),
        conference('C2', { teacher: 'Ms. Lee', date: '2026-11-16' }),
        conference('C3', { teacher: 'Ms. Abe', date: '2026-11-17' }),
        conference('C4', { teacher: 'Mr. Zed' }),
        conference('C5', { teacher: 'Mr. Bo' }),
        conference('C6', { teacher: 'Mr. Zed' }),
        conference('C7', { teacher: '' }),
      ],
      (t) => emails.get(t),
      { today: '2026-11-16', tomorrow: '2026-11-17' },
      () => false,
    );
    expect(due.map((d) => `${d.date} ${d.email}`)).toEqual([
      '2026-11-16 lee@school.example',
      '2026-11-17 abe@school.example',
      '2026-11-17 park@school.example',
    ]);
    expect(noEmail).toEqual(['Mr. Bo', 'Mr. Zed']);
  });
});
