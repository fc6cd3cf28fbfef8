/**
 * A cell too long for its column is warned about once, even in a column the Roster reads as
 * two (a combined "Student Name" read as last and first names).
 */
import { parseRoster } from '../../src/core/roster';
import { TEACHERS } from '../fixtures/sis-roster';

describe('a 602-character combined Student Name', () => {
  it('is warned about once, at its cell', () => {
    const name = `Kowalski, ${'Anna'.repeat(148)}`;
    expect(name).toHaveLength(602);
    const r = parseRoster(
      [
        ['Student ID', 'Student Name', 'Teacher', 'Parent Email'],
        ['7', name, 'Ms. Rivera', 'k@family.example'],
      ],
      TEACHERS,
    );
    const long = r.problems.filter((p) => p.message.includes('characters, more than any'));
    expect(long.map((p) => p.where)).toEqual([{ sheet: 'Roster', row: 2, column: 2 }]);
    expect(long[0]!.message).toMatch(/^Roster, row 2, column B \(Student Name\): 602 characters/);
  });
});
