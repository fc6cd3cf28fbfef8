/**
 * The phone list's script: the forms' own questions in the family's form language, the times on
 * offer when the family has not answered yet, and the caller's cues in English. The expected
 * questions are written out by hand.
 */
import { FORM_TEXTS } from '../../src/core/formtexts';
import { englishFormTexts, formTextsFrom } from '../../src/core/formtranslations';
import { phoneScript } from '../../src/core/phonescript';

const CHOICES = [
  { label: 'Tue 2026-11-17, 3:00 PM – 7:30 PM', date: '2026-11-17', start: 900, end: 1170 },
];

describe('phonescript', () => {
  describe('phoneScript', () => {
    it('asks a Spanish family the Spanish form’s questions, with the times and choices it offers', () => {
      const lines = phoneScript({
        language: 'es',
        say: ['Recordatorio: conferencia'],
        choices: CHOICES,
      });
      expect(lines[0]).toBe('Say: Recordatorio: conferencia');
      expect(lines).toContain(
        '  martes 17 de noviembre, 15:00 – 19:30 (1.ª opción / 2.ª opción / 3.ª opción)',
      );
      expect(lines).toContain('Ask: ¿Desean un intérprete en la conferencia? (Sí / No)');
      expect(lines).toContain(
        'Ask: ¿Cómo prefieren reunirse? (En persona / En línea / De cualquier forma)',
      );
      expect(lines).toContain(
        'After the conference, call again and ask: ¿Cómo fue la conferencia? (1 No muy bien – 5 Muy bien)',
      );
      expect(lines).toContain('Ask: ¿Cómo ayudará su familia a lograr esa meta?');
    });

    it('asks a family whose language has no form of its own the English questions', () => {
      const lines = phoneScript({ language: 'so', say: [], choices: CHOICES });
      expect(lines).toContain(
        '  Talaado, 17 Nofembar, 15:00 – 19:30 (1st choice / 2nd choice / 3rd choice)',
      );
      expect(lines).toContain('Ask: Would you like an interpreter at the conference? (Yes / No)');
    });

    it('reads the times to an English family as words, never the form’s ISO row title', () => {
      const lines = phoneScript({ language: 'en', say: [], choices: CHOICES });
      expect(lines).toContain(
        '  Tuesday, November 17, 3:00 PM – 7:30 PM (1st choice / 2nd choice / 3rd choice)',
      );
      expect(lines.join('\n')).not.toContain('2026-11-17');
    });

    it('asks in the translated form’s words when the school has forms in the family’s language', () => {
      const so = formTextsFrom(
        new Map(englishFormTexts().map(([key, english]) => [key, `[so] ${english}`])),
      ).texts;
      const lines = phoneScript({
        language: 'so',
        say: [],
        choices: [],
        texts: { ...FORM_TEXTS, so },
      });
      expect(lines).toContain('Ask: [so] How will your family help with that goal?');
    });

    it('asks no times of a family that already has its conference', () => {
      const lines = phoneScript({ language: 'en', say: ['Reminder'], choices: [] });
      expect(lines.join('\n')).not.toContain('3:00 PM');
      expect(lines).toContain('Ask: What did your child share, and what goal did they set?');
    });
  });
});
