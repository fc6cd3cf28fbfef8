/**
 * The check-in, from a Schedule written by hand: conferences on the 17th and the 19th, checked in
 * on various days.
 */
import { checkInOf } from '../../src/core/checkin';
import { readScheduleSheet } from '../../src/core/schedule/sheet';
import { wallClockIn } from '../../src/core/zone';

const HEADER = [
  'Conference ID',
  'Round',
  'Date',
  'Start',
  'End',
  'Teacher',
  'Room',
  'Students',
  'Student IDs',
  'Status',
];
const ROWS = [
  [
    'C1',
    'Fall',
    '2026-11-17',
    '3:30 PM',
    '3:55 PM',
    'Ms. Rivera',
    '101',
    'Ana Adams',
    'S1',
    'invited',
  ],
  [
    'C2',
    'Fall',
    '2026-11-17',
    '3:00 PM',
    '3:25 PM',
    'Ms. Rivera',
    '101',
    'Cy Cole',
    'S2',
    'attended',
  ],
  [
    'C3',
    'Fall',
    '2026-11-17',
    '3:00 PM',
    '3:25 PM',
    'Mr. Chen',
    '102',
    'Dee Diaz',
    'S3',
    'invited',
  ],
  ['C4', 'Fall', '2026-11-19', 'soon', '', 'Ms. Rivera', 'Gym', 'Eve Evans', 'S4', 'invited'],
];
const SCHEDULE = readScheduleSheet([HEADER, ...ROWS], wallClockIn('UTC'), []);

describe('checkInOf', () => {
  it('lists the teacher’s conferences of today in time order, with the day’s teachers in name order', () => {
    expect(checkInOf(SCHEDULE, '2026-11-17', 'Ms. Rivera', 'Fall')).toEqual({
      date: '2026-11-17',
      days: ['2026-11-17', '2026-11-19'],
      teachers: ['Mr. Chen', 'Ms. Rivera'],
      teacher: 'Ms. Rivera',
      conferences: [
        {
          conferenceId: 'C2',
          time: '3:00 PM–3:25 PM',
          students: 'Cy Cole',
          room: '101',
          status: 'attended',
        },
        {
          conferenceId: 'C1',
          time: '3:30 PM–3:55 PM',
          students: 'Ana Adams',
          room: '101',
          status: 'invited',
        },
      ],
    });
  });

  it('checks in the latest day before with a conference unmarked when none is today, and the first to come before any', () => {
    expect(checkInOf(SCHEDULE, '2026-11-18', 'Mr. Chen', 'Fall').date).toBe('2026-11-17');
    expect(checkInOf(SCHEDULE, '2026-11-25', 'Mr. Chen', 'Fall').date).toBe('2026-11-19');
    expect(checkInOf(SCHEDULE, '2026-11-01', 'Mr. Chen', 'Fall').date).toBe('2026-11-17');
  });

  it('after both days, opens on the 17th while a conference there is unmarked and the 19th is all marked', () => {
    const marked = readScheduleSheet(
      [HEADER, ...ROWS.map((r) => (r[0] === 'C4' ? [...r.slice(0, 9), 'attended'] : r))],
      wallClockIn('UTC'),
      [],
    );
    const view = checkInOf(marked, '2026-11-25', 'Mr. Chen', 'Fall');
    expect(view.date).toBe('2026-11-17');
    expect(view.conferences.map((c) => c.conferenceId)).toEqual(['C3']);
    // Every conference marked: the latest day, as before.
    const all = readScheduleSheet(
      [HEADER, ...ROWS.map((r) => [...r.slice(0, 9), 'attended'])],
      wallClockIn('UTC'),
      [],
    );
    expect(checkInOf(all, '2026-11-25', 'Mr. Chen', 'Fall').date).toBe('2026-11-19');
  });

  it('offers both of the round’s days, and the day picked lists every teacher with conferences then', () => {
    const view = checkInOf(SCHEDULE, '2026-11-25', 'Mr. Chen', 'Fall', '2026-11-17');
    expect(view).toMatchObject({
      date: '2026-11-17',
      days: ['2026-11-17', '2026-11-19'],
      teachers: ['Mr. Chen', 'Ms. Rivera'],
      teacher: 'Mr. Chen',
    });
    expect(view.conferences.map((c) => c.conferenceId)).toEqual(['C3']);
    // The 19th picked: Mr. Chen has nothing then, so the day's first teacher is shown.
    const later = checkInOf(SCHEDULE, '2026-11-25', 'Mr. Chen', 'Fall', '2026-11-19');
    expect([later.date, later.teachers, later.teacher]).toEqual([
      '2026-11-19',
      ['Ms. Rivera'],
      'Ms. Rivera',
    ]);
    // A day that is not a conference day (a stale picker) is the day to check in.
    expect(checkInOf(SCHEDULE, '2026-11-17', 'Mr. Chen', 'Fall', '2026-11-18').date).toBe(
      '2026-11-17',
    );
  });

  it('offers only the round’s days: another round’s conferences are left out, a blank Round is every round’s', () => {
    const spring = (id: string, round: string, date: string) => [
      id,
      round,
      date,
      '3:00 PM',
      '3:25 PM',
      'Mr. Chen',
      '102',
      `Child ${id}`,
      id,
      'invited',
    ];
    const sheet = readScheduleSheet(
      [HEADER, ...ROWS, spring('C5', 'Spring', '2027-03-02'), spring('C6', '', '2027-03-04')],
      wallClockIn('UTC'),
      [],
    );
    expect(checkInOf(sheet, '2027-03-02', 'Mr. Chen', 'Fall').days).toEqual([
      '2026-11-17',
      '2026-11-19',
      '2027-03-04',
    ]);
    const view = checkInOf(sheet, '2026-11-17', 'Mr. Chen', 'spring');
    expect([view.days, view.date]).toEqual([['2027-03-02', '2027-03-04'], '2027-03-02']);
  });

  it('shows the first teacher of the day to one who has no conference that day', () => {
    const view = checkInOf(SCHEDULE, '2026-11-17', 'Ms. Park', 'Fall');
    expect(view.teacher).toBe('Mr. Chen');
    expect(view.conferences.map((c) => c.conferenceId)).toEqual(['C3']);
  });

  it('leaves out rows with no Conference ID or date, and reads the days in date order however the rows lie', () => {
    const rows = (...lines: string[][]) =>
      readScheduleSheet([HEADER, ...lines], wallClockIn('UTC'), []);
    const line = (id: string, date: string, start: string, end: string, students: string) => [
      id,
      'Fall',
      date,
      start,
      end,
      'Ms. Rivera',
      '101',
      students,
      '',
      'invited',
    ];
    const sheet = rows(
      line('C7', '2026-11-17', '3:00 PM', '', 'Ana Adams'),
      line('', '2026-11-17', '4:00 PM', '4:25 PM', 'a note typed below'),
      line('C8', 'someday', '3:00 PM', '3:25 PM', 'Cy Cole'),
      line('C9', '2026-11-15', '3:00 PM', '3:25 PM', 'Dee Diaz'),
    );
    const view = checkInOf(sheet, '2026-11-18', 'Ms. Rivera', 'Fall');
    expect(view.date).toBe('2026-11-17');
    expect(view.conferences.map((c) => [c.conferenceId, c.time])).toEqual([['C7', '3:00 PM']]);
    // Nothing on the Schedule: today, and nobody to show.
    expect(checkInOf(rows(), '2026-11-18', 'Ms. Rivera', 'Fall')).toEqual({
      date: '2026-11-18',
      days: [],
      teachers: [],
      teacher: '',
      conferences: [],
    });
  });

  it('says so when a conference’s time cannot be read', () => {
    const [c4] = checkInOf(SCHEDULE, '2026-11-19', 'Ms. Rivera', 'Fall').conferences;
    expect(c4).toMatchObject({ conferenceId: 'C4', time: '(time not readable)', room: 'Gym' });
  });
});
