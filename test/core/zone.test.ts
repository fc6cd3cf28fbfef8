/**
 * Wall-clock time from a zone's rules, as Utilities.formatDate and parseDate give it: the
 * expected values are the zones' published offsets (New York: EST −5, EDT −4 from 8 March to
 * 1 November 2026; Kolkata +5:30 all year).
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import {
  dayIn,
  instantIn,
  minutesIn,
  secondsStampIn,
  stampIn,
  wallClockIn,
} from '../../src/core/zone';

const NY = 'America/New_York';

describe('zone', () => {
  describe('stampIn', () => {
    it('writes an instant as the wall clock of the zone, in winter and in summer', () => {
      expect(stampIn(Date.UTC(2026, 10, 17, 23, 30), NY)).toBe('2026-11-17 18:30');
      expect(stampIn(Date.UTC(2026, 6, 1, 3, 5), NY)).toBe('2026-06-30 23:05');
      expect(stampIn(Date.UTC(2026, 0, 1, 20, 0), 'Asia/Kolkata')).toBe('2026-01-02 01:30');
    });

    it('writes midnight as 00:00 of the new day', () => {
      expect(stampIn(Date.UTC(2026, 10, 18, 5, 0), NY)).toBe('2026-11-18 00:00');
      expect(minutesIn(Date.UTC(2026, 10, 18, 5, 0), NY)).toBe(0);
      expect(dayIn(Date.UTC(2026, 10, 18, 4, 59), NY)).toBe('2026-11-17');
    });

    it('keeps the seconds when asked', () => {
      expect(secondsStampIn(Date.UTC(2026, 10, 17, 23, 30, 7), NY)).toBe('2026-11-17 18:30:07');
    });
  });

  describe('instantIn', () => {
    it('finds the instant of a wall time on either side of a change of offset', () => {
      expect(instantIn('2026-03-08', 12 * 60, NY).toISOString()).toBe('2026-03-08T16:00:00.000Z');
      expect(instantIn('2026-03-07', 12 * 60, NY).toISOString()).toBe('2026-03-07T17:00:00.000Z');
      expect(instantIn('2026-11-01', 17 * 60, NY).toISOString()).toBe('2026-11-01T22:00:00.000Z');
      expect(instantIn('2026-06-30', 23 * 60 + 5, NY).toISOString()).toBe(
        '2026-07-01T03:05:00.000Z',
      );
    });

    it('reads a time the spring change skips in the offset before it, as parseDate does', () => {
      expect(instantIn('2026-03-08', 2 * 60 + 30, NY).toISOString()).toBe(
        '2026-03-08T07:30:00.000Z',
      );
    });

    it('is undone by the wall clock for every minute of a year, in zones with and without daylight saving', () => {
      const zones = [NY, 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
      checkProperty(
        fc.property(
          fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }),
          fc.constantFrom(...zones),
          (minute, zone) => {
            const at = Date.UTC(2026, 0, 1) + minute * 60_000;
            const back = instantIn(dayIn(at, zone), minutesIn(at, zone), zone).getTime();
            // The hour clocks go back is read twice: either reading names the same wall time.
            expect(stampIn(back, zone)).toBe(stampIn(at, zone));
          },
        ),
      );
    });
  });

  describe('wallClockIn', () => {
    it('gives the fields of a cell date in the zone', () => {
      const wall = wallClockIn(NY);
      expect(wall(new Date(Date.UTC(2026, 10, 17, 14, 0)))).toEqual({
        year: 2026,
        month: 11,
        day: 17,
        hour: 9,
        minute: 0,
      });
    });
  });
});
