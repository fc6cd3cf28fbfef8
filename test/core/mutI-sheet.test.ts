/**
 * The Schedule sheet as teachers edit it (src/core/schedule/sheet.ts): which rows a person made
 * unusable are listed, at which cell and with what words, and which are left alone. Cells are
 * typed as a person would, the rest of each row blank.
 */
import { parseRoster } from '../../src/core/roster';
import {
  readScheduleSheet,
  scheduleRowProblems,
  scheduleRows,
} from '../../src/core/schedule/sheet';
import type { Conference } from '../../src/core/schedule/types';
import { SCHEDULE } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';

const HEADER = SCHEDULE.columns.map((c) => c.header);
const wall = (d: Date) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});
const row = (cells: Record<string, string>) => HEADER.map((h) => cells[h] ?? '');
const col = (h: string) => HEADER.indexOf(h) + 1;
const ok = {
  Round: 'Fall',
  Date: '2026-11-17',
  Start: '15:00',
  End: '15:20',
  Teacher: 'Ms. Rivera',
  'Student IDs': '1',
};
const hours = [{ teacher: 'Ms. Rivera', teacherEmail: 'rivera@school.example' }];
/** The problems found on a Schedule of these rows (row 2 onward), as [row, column header]. */
const found = (rows: Record<string, string>[], windows = hours) =>
  scheduleRowProblems(readScheduleSheet([HEADER, ...rows.map(row)], wall, []), 'Fall', windows);
const cells = (rows: Record<string, string>[], windows = hours) =>
  found(rows, windows).map((p) => [p.where?.row, HEADER[p.where!.column - 1]]);

describe('scheduleRowProblems', () => {
  it('leaves alone the rows of conferences that no longer take place, and rows with no student', () => {
    expect(
      cells([
        { ...ok, Start: '25:99', Status: 'declined' },
        { ...ok, Start: '25:99', Status: 'Cancelled' },
        { ...ok, Start: '25:99', 'Student IDs': '' },
        { ...ok, Start: '25:99', Status: 'accepted' },
      ]),
    ).toEqual([[5, 'Start']]);
  });

  it('lists a row of no round as this round’s, and an end that is the start as no end', () => {
    expect(
      cells([
        { ...ok, Round: '', Date: 'someday' },
        { ...ok, End: '15:00' },
        { ...ok, End: '' },
        { ...ok, End: '15:05' },
      ]),
    ).toEqual([
      [2, 'Date'],
      [3, 'End'],
      [4, 'End'],
    ]);
  });

  it('says a blank cell is blank, and what to do about an end', () => {
    const [date, end] = found([
      { ...ok, Date: '' },
      { ...ok, End: '14:00' },
    ]);
    expect(date!.message).toBe(
      `Schedule, row 2, column ${String.fromCharCode(64 + col('Date'))} (Date): blank is not a date this conference can have. Its invitation is not sent or changed, and no reminder goes, until it is fixed.`,
    );
    expect(end!.severity).toBe('warning');
    expect(end!.message).toContain(
      '(End): "14:00" is not a time after the start. Its invitation is not sent or changed until it is fixed.',
    );
  });

  it('names both a bad time and an unknown teacher on one row', () => {
    expect(cells([{ ...ok, Start: 'soon', Teacher: 'Mr. Nobody' }])).toEqual([
      [2, 'Start'],
      [2, 'Teacher'],
    ]);
  });

  it('does not flag a blank Teacher cell, nor any teacher when no window was read', () => {
    expect(cells([{ ...ok, Teacher: '' }])).toEqual([]);
    expect(cells([{ ...ok, Teacher: 'Mr. Nobody' }], [])).toEqual([]);
    expect(cells([{ ...ok, Teacher: 'rivera@school.example' }])).toEqual([]);
    expect(cells([{ ...ok, Teacher: 'MS. RIVERA' }])).toEqual([]);
  });
});

describe('scheduleRows', () => {
  it('names the room of the window each conference falls in, when a teacher has two rooms that evening', () => {
    const roster = parseRoster(
      [
        ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email'],
        ['1', 'Ana', 'Lopez', 'Ms. Rivera', 'rosa@f.example'],
        ['2', 'Chidi', 'Okoro', 'Ms. Rivera', 'ada@f.example'],
        ['3', 'Emma', 'Walsh', 'Ms. Rivera', 'tom@f.example'],
      ],
      [{ name: 'Ms. Rivera', email: 'rivera@school.example' }],
    );
    const window = (start: number, end: number, room: string, row: number) => ({
      teacherEmail: 'rivera@school.example',
      teacher: 'Ms. Rivera',
      date: '2026-11-17',
      start,
      end,
      room,
      capacity: 1,
      videoLink: '',
      row,
    });
    // The Teachers sheet lists her 4 to 5 PM window (Room 202) before her 3 to 4 PM one (101),
    // and her 5 to 6 PM one (303) last.
    const windows = [
      window(960, 1020, '202', 2),
      window(900, 960, '101', 3),
      window(1020, 1080, '303', 4),
    ];
    const conference = (id: string, start: number): Conference => ({
      studentIds: [id],
      familyId: roster.students.find((s) => s.id === id)!.familyId,
      teacherEmail: 'rivera@school.example',
      date: '2026-11-17',
      start,
      end: start + 20,
      fixed: false,
      rank: 0,
    });
    const rows = scheduleRows({
      sheet: readScheduleSheet([HEADER], wall, []),
      frozen: [],
      schedule: {
        conferences: [conference('1', 900), conference('2', 970), conference('3', 1030)],
        unplaced: [],
      },
      roster,
      windows,
      settings: defaultSettings('School', 'UTC'),
      newId: () => 'C',
    });
    const c = (h: string) => HEADER.indexOf(h);
    expect(
      rows.map((r) => [r.cells[c('Student IDs')], r.cells[c('Start')], r.cells[c('Room')]]),
    ).toEqual([
      ['1', '3:00 PM', '101'],
      ['2', '4:10 PM', '202'],
      ['3', '5:10 PM', '303'],
    ]);
  });
});
