/**
 * The forms in a language nobody wrote them in: machine-translated texts kept on the Form Texts
 * sheet, each checked against its English words: a translation that changed a {{field}}, or
 * made two choices alike, is replaced by the English. English words are written out here.
 */
import { FORM_TEXTS, inFormEnglish } from '../../src/core/formtexts';
import { englishFormTexts, formTextsFrom, readFormTextRows } from '../../src/core/formtranslations';

/** Every text "translated" as the emulator's LanguageApp does: marked, fields kept. */
const marked = (language: string) =>
  new Map(englishFormTexts().map(([key, english]) => [key, `[${language}] ${english}`]));

describe('formtranslations', () => {
  describe('englishFormTexts', () => {
    it('gives the titles with their fields, and every question, rank and yes/no', () => {
      const texts = new Map(englishFormTexts());
      expect(texts.get('availability.title')).toBe(
        '{{school}}: when can you come to the student-led conference?',
      );
      expect(texts.get('questionnaire.title')).toBe(
        '{{school}}: how did the {{round}} conference go?',
      );
      expect(texts.get('availability.times')).toBe('Which times suit you?');
      expect(texts.get('questionnaire.followUpWhen')).toBe('If yes, when would suit you?');
      expect(texts.get('ranks.3')).toBe('Also possible');
      expect(texts.get('no')).toBe('No');
    });
  });

  describe('formTextsFrom', () => {
    it('builds the forms from the translated rows, the school’s name and round put in', () => {
      const { texts, kept } = formTextsFrom(marked('so'));
      expect(kept).toEqual([]);
      expect(texts.availability.title('Lincoln')).toBe(
        '[so] Lincoln: when can you come to the student-led conference?',
      );
      expect(texts.questionnaire.title('Lincoln', 'Fall')).toBe(
        '[so] Lincoln: how did the Fall conference go?',
      );
      expect(texts.availability.interpreter).toBe(
        '[so] Would you like an interpreter at the conference?',
      );
      expect(texts.ranks[0]).toBe('[so] 1st choice');
    });

    it('keeps the English words of a text whose {{fields}} the translation broke, naming it', () => {
      const rows = marked('so');
      rows.set('availability.title', '[so] {{dugsiga}}: goorma ayaad iman kartaan?');
      rows.set('questionnaire.title', '[so] {{school}}: sidee bay u dhacday?');
      const { texts, kept } = formTextsFrom(rows);
      expect(kept).toEqual(['availability.title', 'questionnaire.title']);
      expect(texts.availability.title('Lincoln')).toBe(
        'Lincoln: when can you come to the student-led conference?',
      );
      expect(texts.questionnaire.title('Lincoln', 'Fall')).toBe(
        'Lincoln: how did the Fall conference go?',
      );
      expect(texts.availability.times).toBe('[so] Which times suit you?');
    });

    it('keeps a missing or empty text in English', () => {
      const rows = marked('so');
      rows.delete('availability.times');
      rows.set('yes', '');
      const { texts, kept } = formTextsFrom(rows);
      expect(texts.availability.times).toBe('Which times suit you?');
      expect(kept).toContain('availability.times');
      expect(kept).toContain('yes');
    });

    it('keeps all ranks in English when two came out alike, since an answer could not say which', () => {
      const rows = marked('so');
      rows.set('ranks.1', '[so] 1st choice');
      const { texts, kept } = formTextsFrom(rows);
      expect(texts.ranks).toEqual(['1st choice', '2nd choice', '3rd choice', 'Also possible']);
      expect(kept).toEqual(['ranks.0', 'ranks.1', 'ranks.2', 'ranks.3']);
    });
  });

  describe('readFormTextRows', () => {
    it('reads the sheet by its headers, in any order, skipping rows without key or language', () => {
      const rows = readFormTextRows([
        ['Text', 'Language', 'Key'],
        ['Waa maxay?', 'so', 'questionnaire.comments'],
        ['', '', ''],
        ['Orphan', '', 'yes'],
      ]);
      expect([...rows.keys()]).toEqual(['so']);
      expect(rows.get('so')!.get('questionnaire.comments')).toBe('Waa maxay?');
    });

    it('reads nothing from a sheet without its three headers', () => {
      expect(
        readFormTextRows([
          ['Key', 'Text'],
          ['yes', 'Haa'],
        ]).size,
      ).toBe(0);
      expect(readFormTextRows(null).size).toBe(0);
    });
  });

  describe('inFormEnglish with translated forms', () => {
    it('reads a Somali answer back into the English form’s words', () => {
      const texts = { ...FORM_TEXTS, so: formTextsFrom(marked('so')).texts };
      const english = inFormEnglish(
        {
          '[so] Family code': ['abc'],
          '[so] Would you like an interpreter at the conference?': ['[so] Yes'],
          '[so] Anything else?': ['kept out'],
        },
        'so',
        'availability',
        [],
        texts,
      );
      expect(english).toEqual({
        'Family code': ['abc'],
        'Would you like an interpreter at the conference?': ['Yes'],
      });
    });
  });
});
