/**
 * The tear-off reply slip: the times a family ticks are printed in its language's own day
 * format, never the English form's ISO row titles. Expected lines are written out by hand.
 */
import { replySlip } from '../../src/core/replyslip';

const CHOICES = [
  { label: 'Tue 2026-11-17, 3:00 PM – 7:30 PM', date: '2026-11-17', start: 900, end: 1170 },
  { label: 'Wed 2026-11-18, 8:00 AM – 10:00 AM', date: '2026-11-18', start: 480, end: 600 },
];

describe('replyslip', () => {
  describe('replySlip', () => {
    it('prints an English family’s times as words', () => {
      const lines = replySlip('F-1', 'en', CHOICES).split('\n');
      expect(lines).toContain('[ ] Tuesday, November 17, 3:00 PM – 7:30 PM');
      expect(lines).toContain('[ ] Wednesday, November 18, 8:00 AM – 10:00 AM');
      expect(lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });

    it('prints the times in English for a family with no language on the Roster', () => {
      expect(replySlip('F-4', '', CHOICES)).toContain(
        '[ ] Tuesday, November 17, 3:00 PM – 7:30 PM',
      );
    });

    it('prints a Spanish family’s times the Spanish way', () => {
      expect(replySlip('F-2', 'es', CHOICES)).toContain(
        '[ ] martes 17 de noviembre, 15:00 – 19:30',
      );
    });

    it('prints the day in the family’s language even where its questions fall back to English', () => {
      const slip = replySlip('F-3', 'ru', CHOICES);
      expect(slip).toContain('[ ] вторник, 17 ноября, 15:00 – 19:30');
      expect(slip).toContain('Would you like an interpreter');
    });
  });
});
