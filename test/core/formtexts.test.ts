/**
 * The family forms' words per language, and a Spanish response read back into the English
 * form's words. Spanish titles and choices are written out by hand here.
 */
import {
  choiceLabelIn,
  formLanguage,
  formLanguages,
  inFormEnglish,
  languagesWithoutForm,
} from '../../src/core/formtexts';

const CHOICES = [
  { label: 'Tue 2026-11-17, 3:00 PM – 7:30 PM', date: '2026-11-17', start: 900, end: 1170 },
  { label: 'Wed 2026-11-18, 8:00 AM – 12:00 PM', date: '2026-11-18', start: 480, end: 720 },
];

describe('formtexts', () => {
  describe('formLanguage', () => {
    it('gives Spanish families the Spanish form and every other language the English one', () => {
      expect(formLanguage('es')).toBe('es');
      expect(formLanguage('so')).toBe('en');
      expect(formLanguage('')).toBe('en');
      expect(formLanguages(['en', 'es', 'vi', 'es', ''])).toEqual(['es']);
      expect(languagesWithoutForm(['en', 'es', 'vi', 'so', ''])).toEqual(['so', 'vi']);
    });
  });

  describe('choiceLabelIn', () => {
    it('writes a Spanish time the Spanish way, never ISO, and keeps the English label', () => {
      expect(choiceLabelIn(CHOICES[0]!, 'es')).toBe('martes 17 de noviembre, 15:00 – 19:30');
      expect(choiceLabelIn(CHOICES[0]!, 'en')).toBe(CHOICES[0]!.label);
      expect(choiceLabelIn(CHOICES[0]!, 'so')).toBe(CHOICES[0]!.label);
    });
  });

  describe('inFormEnglish', () => {
    it('reads a Spanish availability answer as the English form would have given it', () => {
      const named = {
        Timestamp: ['11/3/2026 9:00:00'],
        'Código de la familia': ['abc'],
        '¿Qué horarios les convienen? [miércoles 18 de noviembre, 08:00 – 12:00]': ['1.ª opción'],
        '¿Qué horarios les convienen? [martes 17 de noviembre, 15:00 – 19:30]': [
          'También es posible',
        ],
        '¿Desean un intérprete en la conferencia?': ['Sí'],
        '¿Cómo prefieren reunirse?': ['En línea'],
        '¿Quién vendrá? (Otro adulto de confianza, como un abuelo, puede venir en su lugar.)': [
          'La tía Rosa',
        ],
      };
      expect(inFormEnglish(named, 'es', 'availability', CHOICES)).toEqual({
        'Family code': ['abc'],
        'Which times suit you? [Wed 2026-11-18, 8:00 AM – 12:00 PM]': ['1st choice'],
        'Which times suit you? [Tue 2026-11-17, 3:00 PM – 7:30 PM]': ['Also possible'],
        'Would you like an interpreter at the conference?': ['Yes'],
        'How would you like to meet?': ['Online'],
        'Who will come? (Another trusted adult, such as a grandparent, may come in your place.)': [
          'La tía Rosa',
        ],
      });
    });

    it('reads a Spanish questionnaire answer in the English form’s words', () => {
      expect(
        inFormEnglish(
          {
            'Código de la conferencia': ['c0de'],
            '¿Cómo fue la conferencia?': ['5'],
            '¿Desean una reunión de seguimiento con el maestro?': ['No'],
          },
          'es',
          'questionnaire',
        ),
      ).toEqual({
        'Conference code': ['c0de'],
        'How did the conference go?': ['5'],
        'Would you like a follow-up meeting with the teacher?': ['No'],
      });
    });

    it('leaves an English answer as it is', () => {
      const named = { 'Family code': ['abc'] };
      expect(inFormEnglish(named, 'en', 'availability', CHOICES)).toBe(named);
    });
  });
});
