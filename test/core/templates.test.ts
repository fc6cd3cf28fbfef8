import fc from 'fast-check';
import { checkProperty } from './property';
import {
  BUILT_IN,
  formatDay,
  formatTime,
  MESSAGE_KINDS,
  protectFields,
  renderMessage,
  restoreFields,
  unknownFields,
  type MessageFields,
} from '../../src/core/templates';
import { LANGUAGE_NAMES } from '../../src/core/normalize';

const fields = (over: Partial<MessageFields> = {}): MessageFields => ({
  school: 'Lincoln',
  family: 'García',
  students: 'Ana',
  children: 1,
  teacher: 'Ms. Rivera',
  date: '2026-11-17',
  start: 930,
  end: 955,
  room: '12',
  videoLink: '',
  link: '',
  replyTo: 'office@x.example',
  round: 'Fall',
  interpreter: false,
  ...over,
});

describe('templates', () => {
  it('reports unknown fields', () => {
    expect(
      unknownFields({ subject: '{{family}} {{famly}}', body: '{{ teacher }} {{when}}' }),
    ).toEqual(['famly', 'when']);
    for (const lang of Object.keys(BUILT_IN))
      for (const kind of MESSAGE_KINDS) expect(unknownFields(BUILT_IN[lang]![kind])).toEqual([]);
  });

  it('tells a paper family to contact the school without empty brackets when Settings has no reply-to, in every language', () => {
    for (const lang of Object.keys(BUILT_IN)) {
      const without = renderMessage('letter', lang, fields({ replyTo: '' })).text;
      expect({ lang, empty: /[(（]\s*[)）]/.test(without) }).toEqual({ lang, empty: false });
      expect(renderMessage('letter', lang, fields()).text).toContain('(office@x.example).');
    }
    expect(renderMessage('letter', 'en', fields({ replyTo: '' })).text).toContain(
      'To ask for another time, contact the school.',
    );
    expect(renderMessage('letter', 'es', fields({ replyTo: '' })).text).toContain(
      'Para pedir otro horario, comuníquense con la escuela.',
    );
    // A translated or edited text keeps its own brackets around a field that has something to say.
    const arabic = {
      ar: {
        letter: {
          subject: 'دعوة ({{teacher}})',
          body: 'اتصلوا بالمدرسة ( {{replyTo}} ). {{students}} ({{teacher}})',
        },
      },
    };
    const ar = renderMessage('letter', 'ar', fields({ replyTo: '' }), arabic);
    expect(ar.text).toBe('اتصلوا بالمدرسة. Ana (Ms. Rivera)');
    expect(ar.subject).toBe('دعوة (Ms. Rivera)');
  });

  it('gives the family its own link wherever a message asks it to answer a form', () => {
    for (const lang of Object.keys(BUILT_IN))
      for (const kind of ['availability', 'questionnaire'] as const)
        expect({ lang, kind, link: BUILT_IN[lang]![kind].body.includes('{{link}}') }).toEqual({
          lang,
          kind,
          link: true,
        });
  });

  it('thanks a family for two conferences with one teacher as two conferences, in English and Spanish', () => {
    // Amy and Ben Brown, each with their own conference (and link) with Mr. Okafor.
    const two = (language: string) =>
      renderMessage(
        'questionnaire',
        language,
        fields({
          family: 'Brown',
          students: language === 'es' ? 'Amy Brown y Ben Brown' : 'Amy Brown and Ben Brown',
          children: 2,
          teacher: 'Mr. Okafor',
          conferences: ['Amy Brown', 'Ben Brown'].map((students, i) => ({
            students,
            teacher: 'Mr. Okafor',
            start: 930 + 30 * i,
            end: 955 + 30 * i,
            room: '12',
          })),
        }),
      );
    expect(two('en').subject).toBe('How did the conferences with Mr. Okafor go?');
    expect(two('en').text).toContain(
      'Thank you for coming to the conferences Amy Brown and Ben Brown led with Mr. Okafor.',
    );
    expect(two('es').subject).toBe('¿Cómo fueron las conferencias con Mr. Okafor?');
    expect(two('es').text).toContain(
      'Gracias por venir a las conferencias que Amy Brown y Ben Brown dirigieron con Mr. Okafor.',
    );
    expect(two('es').text).not.toContain('la conferencia que');
    // One conference the two children led together stays one conference.
    expect(
      renderMessage('questionnaire', 'es', fields({ students: 'Amy y Ben', children: 2 })).text,
    ).toContain('Gracias por venir a la conferencia que Amy y Ben dirigieron con Ms. Rivera.');
  });

  it('property: any name stays text: escaped in HTML, one line in the subject, no field left', () => {
    checkProperty(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom(...MESSAGE_KINDS),
        fc.constantFrom('en', 'es', 'vi'),
        (family, teacher, kind, language) => {
          const m = renderMessage(
            kind,
            language,
            fields({ family: `<script>${family}`, teacher: `=IMPORTXML("x")\n${teacher}` }),
          );
          expect(m.subject).not.toMatch(/[\r\n]/);
          expect(m.html).not.toMatch(/<script/i);
          expect(m.html.replace(/<\/?p>|<a href="[^"<>]*">|<\/a>/g, '')).not.toMatch(/[<>]/);
          expect(m.text + m.subject).not.toMatch(/\{\{\s*[a-zA-Z]+\s*\}\}/);
        },
      ),
    );
  });

  it('lists siblings’ conferences in a reminder', () => {
    const m = renderMessage(
      'reminder',
      'es',
      fields({
        students: 'Ana y Luis',
        children: 2,
        conferences: [
          { students: 'Ana', teacher: 'Ms. Rivera', start: 930, end: 955, room: '12' },
          { students: 'Luis', teacher: 'Mr. Okafor', start: 960, end: 985, room: '14' },
        ],
      }),
    );
    expect(m.text).toContain('15:30–15:55: Ana, Ms. Rivera\nel aula 12');
    expect(m.text).toContain('16:00–16:25: Luis, Mr. Okafor\nel aula 14');
    expect(renderMessage('reminder', 'en', fields()).text).not.toContain('\n\n\n');
  });

  it('says "the conferences" in a reminder that lists several, in every built-in language', () => {
    const siblings = (language: string, students: string, teacher: string) =>
      renderMessage(
        'reminder',
        language,
        fields({
          students,
          teacher,
          children: 2,
          conferences: [
            { students: 'Ana', teacher: 'Ms. Rivera', start: 930, end: 955, room: '12' },
            { students: 'Luis', teacher: 'Mr. Okafor', start: 960, end: 985, room: '14' },
          ],
        }),
      );
    const en = siblings('en', 'Ana and Luis', 'Ms. Rivera and Mr. Okafor');
    expect(en.subject).toMatch(/^Reminder: conferences with Ms\. Rivera and Mr\. Okafor, /);
    expect(en.text).toContain('reminder of the student-led conferences Ana and Luis will lead on');
    expect(en.text).not.toMatch(/\bthe (student-led )?conference\b/);
    const es = siblings('es', 'Ana y Luis', 'Ms. Rivera y Mr. Okafor');
    expect(es.subject).toMatch(/^Recordatorio: conferencias con Ms\. Rivera y Mr\. Okafor, /);
    expect(es.text).toContain('Les recordamos las conferencias que Ana y Luis dirigirán el');
    expect(es.text).not.toMatch(/\bla conferencia\b/);
    // Two children leading one conference together still read "the conference".
    expect(
      renderMessage('reminder', 'en', fields({ students: 'Ana and Luis', children: 2 })).text,
    ).toContain('reminder of the student-led conference Ana and Luis will lead');
  });

  it('writes dates and times as the family reads them', () => {
    expect(formatDay('2026-11-17', 'en')).toBe('Tuesday, November 17');
    expect(formatDay('2026-11-17', 'es')).toBe('martes 17 de noviembre');
    expect(formatDay('2026-11-17', 'fr')).toBe('mardi 17 novembre');
    expect(formatDay('2026-11-17', 'de')).toBe('Dienstag, 17. November');
    expect(formatDay('2026-11-17', 'vi')).toBe('Thứ ba, ngày 17 tháng 11');
    expect(formatDay('2026-11-17', 'zh')).toBe('11月17日 星期二');
    expect(formatTime(930, 'en')).toBe('3:30 PM');
    expect(formatTime(930, 'es')).toBe('15:30');
    expect(formatTime(930, 'fr')).toBe('15 h 30');
    expect(formatDay('2026-11-17', 'ru')).toBe('вторник, 17 ноября');
    expect(formatDay('2026-11-17', 'so')).toBe('Talaado, 17 Nofembar');
    expect(formatDay('2026-11-17', 'ar')).toBe('الثلاثاء 17 نوفمبر');
    // Every language the add-on knows gives something readable, never ISO and never "undefined".
    for (const lang of Object.keys(LANGUAGE_NAMES)) {
      expect(formatDay('2026-11-17', lang)).not.toContain('undefined');
      expect(formatDay('2026-11-17', lang)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('property: fields survive translation as tokens, and a lost token is noticed', () => {
    checkProperty(
      fc.property(
        fc.array(fc.constantFrom('{{family}}', '{{ date }}', 'hello', ' ', 'é', '[x]', '#1'), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.join('');
          const { text: safe, fields: names } = protectFields(text);
          expect(safe).not.toContain('{{');
          expect(restoreFields(safe, names)).toBe(text.replace(/\{\{\s*(\w+)\s*\}\}/g, '{{$1}}'));
          if (names.length) expect(restoreFields(safe.replace('[#0]', ''), names)).toBeNull();
        },
      ),
    );
  });
});
