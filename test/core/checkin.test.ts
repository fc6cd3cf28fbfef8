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
const SCHEDULE = readScheduleSheet(
  [
    HEADER,
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
  ],
  wallClockIn('UTC'),
  [],
);

describe('checkInOf', () => {
  it('lists the teacher’s conferences of today in time order, with the day’s teachers in name order', () => {
    expect(checkInOf(SCHEDULE, '2026-11-17', 'Ms. Rivera')).toEqual({
      date: '2026-11-17',
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

  it('checks in the latest day before when none is today, and the first to come before any', () => {
    expect(checkInOf(SCHEDULE, '2026-11-18', 'Mr. Chen').date).toBe('2026-11-17');
    expect(checkInOf(SCHEDULE, '2026-11-25', 'Mr. Chen').date).toBe('2026-11-19');
    expect(checkInOf(SCHEDULE, '2026-11-01', 'Mr. Chen').date).toBe('2026-11-17');
  });

  it('shows the first teacher of the day to one who has no conference that day', () => {
    const view = checkInOf(SCHEDULE, '2026-11-17', 'Ms. Park');
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
    const view = checkInOf(sheet, '2026-11-18', 'Ms. Rivera');
    expect(view.date).toBe('2026-11-17');
    expect(view.conferences.map((c) => [c.conferenceId, c.time])).toEqual([['C7', '3:00 PM']]);
    // Nothing on the Schedule: today, and nobody to show.
    expect(checkInOf(rows(), '2026-11-18', 'Ms. Rivera')).toEqual({
      date: '2026-11-18',
      teachers: [],
      teacher: '',
      conferences: [],
    });
  });

  it('says so when a conference’s time cannot be read', () => {
    const [c4] = checkInOf(SCHEDULE, '2026-11-19', 'Ms. Rivera').conferences;
    expect(c4).toMatchObject({ conferenceId: 'C4', time: '(time not readable)', room: 'Gym' });
  });
});
