import { dateOrderOf, readSlashDate } from '../../src/core/dates';
import type { WallClockOf } from '../../src/core/normalize';
import { parseTeachers } from '../../src/core/teachers';

const wall: WallClockOf = (d) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});
const T = ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'];
const window = (date: string) => [
  'Ms. Rivera',
  'rivera@school.example',
  date,
  '15:00',
  '16:00',
  '101',
  1,
];

describe('dates written with slashes', () => {
  describe('dateOrderOf', () => {
    it('reads month first in a United States spreadsheet and day first in a British one', () => {
      expect(dateOrderOf('en_US')).toBe('month-first');
      expect(dateOrderOf('en_GB')).toBe('day-first');
      expect(dateOrderOf('fr_FR')).toBe('day-first');
    });
  });

  describe('readSlashDate', () => {
    it('reads 4/3/2027 in the order asked, and gives the other reading', () => {
      expect(readSlashDate('4/3/2027', 'month-first')).toEqual({
        iso: '2027-04-03',
        otherReading: '2027-03-04',
      });
      expect(readSlashDate('4/3/2027', 'day-first')).toEqual({
        iso: '2027-03-04',
        otherReading: '2027-04-03',
      });
    });

    it('sees no doubt when only one order makes a day, or both make the same', () => {
      expect(readSlashDate('11/17/2026', 'month-first')).toEqual({
        iso: '2026-11-17',
        otherReading: null,
      });
      expect(readSlashDate('17/11/2026', 'month-first')).toEqual({
        iso: null,
        otherReading: null,
      });
      expect(readSlashDate('5/5/2027', 'day-first')).toEqual({
        iso: '2027-05-05',
        otherReading: null,
      });
      expect(readSlashDate('2027-04-03', 'month-first')).toBeNull();
    });
  });
});

describe('the Teachers sheet with dates that read two ways', () => {
  const rows = [T, window('4/3/2027'), window('4/5/2027'), window('4/20/2027')];

  it('warns once, at the first such date, naming its cell and the reading taken', () => {
    const r = parseTeachers(rows, wall);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        where: { sheet: 'Teachers', row: 2, column: 3 },
        message:
          'Teachers, row 2, column C (Date): "4/3/2027" could be 3 April 2027 or 4 March 2027; ' +
          "read as 3 April 2027 (month first, as this spreadsheet's locale writes dates), and " +
          'later dates the same way. If you meant 4 March 2027, write 2027-03-04; writing dates ' +
          'as 2027-04-03 leaves no doubt.',
      },
    ]);
    expect(r.windows.map((w) => w.date)).toEqual(['2027-04-03', '2027-04-05', '2027-04-20']);
  });

  it('reads them day first for a day-first school', () => {
    const r = parseTeachers(rows.slice(0, 3), wall, { dateOrder: 'day-first' });
    expect(r.windows.map((w) => w.date)).toEqual(['2027-03-04', '2027-05-04']);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('read as 4 March 2027 (day first'),
    ]);
  });

  it('says nothing about dates that read one way only', () => {
    const r = parseTeachers([T, window('2027-04-03'), window('4/20/2027')], wall);
    expect(r.problems).toEqual([]);
  });
});
