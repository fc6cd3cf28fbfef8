/**
 * A locked conference whose Start a person made unreadable, on the built bundle: the build keeps
 * the row as it is and does not place its student again (the family was told of that
 * conference; buildProblem). Before, the student was placed again and the new conference took
 * the kept row's Conference ID and Locked box, so the Schedule held two locked rows of one
 * Conference ID (sheet.ts, scheduleRows' rows of this round, which no longer lend a kept row's
 * cells to a conference built now).
 */
import { openSchool } from '../../preview/school';
import { run } from './calls';

describe('a locked Schedule row whose Start cannot be read', () => {
  it('stays as it is, its student is not placed again, and no Conference ID is on two rows', () => {
    const school = openSchool({ students: 20 });
    run(school, 'setup');
    run(school, 'schedule');
    const sheet = school.emulator.spreadsheet.sheetByName('Schedule')!;
    const header = sheet.values()[0]!.map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    sheet.put(2, col('Start'), { v: '25:99' });
    sheet.put(2, col('Locked'), { v: true });
    const kept = sheet.values()[1]!;
    const id = kept[col('Conference ID') - 1];
    const student = kept[col('Student IDs') - 1];
    run(school, 'schedule');
    const rows = sheet.values().slice(1);
    expect(rows.filter((r) => r[col('Conference ID') - 1] === id)).toEqual([kept]);
    const again = rows.filter(
      (r) => r[col('Student IDs') - 1] === student && r[col('Conference ID') - 1] !== id,
    );
    expect(again).toEqual([]);
    const ids = rows.map((r) => r[col('Conference ID') - 1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
