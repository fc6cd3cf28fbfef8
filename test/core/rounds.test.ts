/**
 * Round membership, one definition for every step (src/core/rounds.ts): a named Round is its
 * round, whatever its case; a dated row with a blank Round takes the round whose days hold its
 * date; any other blank Round is the round being played.
 */
import { inRound, roundsByDate, sameRound } from '../../src/core/rounds';

// A school year as its Schedule holds it: fall on 17-18 November, spring on 16-17 March.
const YEAR = [
  { round: 'Fall', date: '2026-11-17' },
  { round: 'Fall', date: '2026-11-18' },
  { round: 'Spring', date: '2027-03-16' },
  { round: 'spring ', date: '2027-03-17' },
];

describe('inRound and sameRound', () => {
  it('compares names as the school writes them, and a blank Round is the round being played', () => {
    expect(inRound(' fall', 'Fall')).toBe(true);
    expect(inRound('Spring', 'Fall')).toBe(false);
    expect(inRound('', 'Spring')).toBe(true);
    expect(inRound(null, 'Spring')).toBe(true);
    expect(sameRound('SPRING ', 'Spring')).toBe(true);
    expect(sameRound('Fall', 'Spring')).toBe(false);
    expect(sameRound('Fall 2', 'Fall')).toBe(false);
  });
});

describe('roundsByDate', () => {
  it('gives a blank-Round row the round whose days hold its date, first and last day included', () => {
    const rows = [
      ...YEAR,
      { round: '', date: '2026-11-17' },
      { round: ' ', date: '2026-11-18' },
      { round: '', date: '2027-03-16' },
      { round: '', date: '2027-03-17' },
    ];
    expect(roundsByDate(rows).slice(YEAR.length)).toEqual(['Fall', 'Fall', 'Spring', 'Spring']);
    // Named rows keep their own Round, as written (cleaned).
    expect(roundsByDate(rows).slice(0, YEAR.length)).toEqual(['Fall', 'Fall', 'Spring', 'spring']);
  });

  it('leaves blank a row on no round’s days, one without a date, and one two rounds’ days hold', () => {
    expect(
      roundsByDate([...YEAR, { round: '', date: '2026-12-01' }, { round: '', date: null }]).slice(
        YEAR.length,
      ),
    ).toEqual(['', '']);
    // Winter's conferences run from November 18 to March 16, overlapping Fall's and Spring's days.
    const winter = [
      ...YEAR,
      { round: 'Winter', date: '2026-11-18' },
      { round: 'Winter', date: '2027-03-16' },
      { round: '', date: '2027-01-10' },
      { round: '', date: '2026-11-18' },
    ];
    expect(roundsByDate(winter).slice(YEAR.length + 2)).toEqual(['Winter', '']);
  });

  it('reads dates given as ms as well, and changes nothing when no row names a round', () => {
    const ms = (d: string) => Date.parse(d);
    expect(
      roundsByDate([
        { round: 'Fall', date: ms('2026-11-17') },
        { round: 'Fall', date: ms('2026-11-19') },
        { round: '', date: ms('2026-11-18') },
      ]),
    ).toEqual(['Fall', 'Fall', 'Fall']);
    expect(
      roundsByDate([
        { round: '', date: '2026-11-17' },
        { round: '', date: '2027-03-16' },
      ]),
    ).toEqual(['', '']);
  });
});
