/**
 * What families read, checked where the first mutation run of src/core/templates.ts found no test
 * looking (reports/mutS-templates.json): each value a family would see is written out here from
 * the fixture and the language's own spelling, never from the code's output.
 */
import {
  BUILT_IN,
  formatDay,
  formatDayAndTimes,
  formatTime,
  hasChoice,
  labelledLinks,
  placeInWords,
  protectFields,
  renderMessage,
  restoreFields,
  type MessageFields,
  type TemplateSet,
} from '../../src/core/templates';

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

/** A school's own text for one kind in one language (the stored set a person edits). */
const own = (subject: string, body: string, language = 'en'): Record<string, TemplateSet> => ({
  [language]: { invite: { subject, body } },
});

describe('what a family reads (mutS)', () => {
  it('escapes every character HTML gives a meaning to in a name, and keeps the name readable', () => {
    // escapeHtml's table emptied or one entry blanked: the name loses characters or breaks the page.
    const m = renderMessage('invite', 'en', fields({ family: `O'Neil <b>"Jr" & co` }));
    expect(m.html).toContain('Dear O&#39;Neil &lt;b&gt;&quot;Jr&quot; &amp; co family,');
    expect(m.text).toContain(`Dear O'Neil <b>"Jr" & co family,`);
  });

  it('writes the day in each language with tables in that language’s order', () => {
    // 17 November 2026 is a Tuesday. Each case mutated away fell back to English (or to nothing).
    const expected: Record<string, string> = {
      pt: 'terça-feira 17 de novembro',
      it: 'martedì 17 novembre',
      ro: 'marți 17 noiembrie',
      ht: 'madi 17 novanm',
      tr: '17 Kasım Salı',
      tl: 'Martes, Nobyembre 17',
      sw: 'Jumanne, 17 Novemba',
      ja: '11月17日 火曜日',
      ko: '11월 17일 화요일',
    };
    for (const [language, day] of Object.entries(expected))
      expect({ language, day: formatDay('2026-11-17', language) }).toEqual({ language, day });
    // A language without tables reads the English day, not ISO.
    expect(formatDay('2026-11-17', 'pl')).toBe('Tuesday, November 17');
  });

  it('writes times on a 12-hour clock where families read one, with morning and noon right', () => {
    for (const language of ['en', 'tl', 'hi', 'ur', 'bn'])
      expect({ language, time: formatTime(15 * 60 + 30, language) }).toEqual({
        language,
        time: '3:30 PM',
      });
    expect(formatTime(8 * 60 + 5, 'en')).toBe('8:05 AM');
    expect(formatTime(12 * 60 + 30, 'en')).toBe('12:30 PM');
    expect(formatTime(0, 'en')).toBe('12:00 AM');
    // 24-hour languages pad the hour.
    expect(formatTime(8 * 60 + 5, 'de')).toBe('08:05');
    expect(formatDayAndTimes('2026-11-17', 15 * 60, 19 * 60 + 30, 'en')).toBe(
      'Tuesday, November 17, 3:00 PM – 7:30 PM',
    );
  });

  it('puts the time of the conference in the subject and the body', () => {
    // 930 and 955 minutes after midnight: 3:30 PM and 3:55 PM.
    const m = renderMessage('reminder', 'en', fields());
    expect(m.subject).toBe(
      'Reminder: conference with Ms. Rivera, Tuesday, November 17, 3:30 PM–3:55 PM',
    );
    expect(m.text).toContain('on Tuesday, November 17, 3:30 PM–3:55 PM, at Room 12.');
  });

  it('falls back to English with English times for a language with no text of its own', () => {
    // templateFor's language 'en' blanked: the English text got 24-hour times ("15:30").
    const m = renderMessage('reminder', 'de', fields());
    expect(m.subject).toBe(
      'Reminder: conference with Ms. Rivera, Tuesday, November 17, 3:30 PM–3:55 PM',
    );
  });

  it('names a room as a family reads it', () => {
    expect(placeInWords('B-2', '', 'en')).toBe('Room B-2');
    expect(placeInWords(' 111 ', '', 'en')).toBe('Room 111');
    // Words that start with a number are a place's own name, not a room number.
    expect(placeInWords('2nd floor library', '', 'en')).toBe('2nd floor library');
    // A name that ends in a number is a name too.
    expect(placeInWords('Library 2', '', 'en')).toBe('Library 2');
    // Only "Video call" alone is the Schedule's word for no room.
    expect(placeInWords(' Video call ', 'https://meet.example/x', 'en')).toBe(
      'the online meeting (link below)',
    );
    expect(placeInWords('Video call lab', 'https://meet.example/x', 'en')).toBe(
      'Video call lab, or online (link below)',
    );
    expect(placeInWords('Library video call', 'https://meet.example/x', 'en')).toBe(
      'Library video call, or online (link below)',
    );
  });

  it('lists siblings’ conferences one line each, with their place, and nothing for a single one', () => {
    const two = renderMessage(
      'reminder',
      'en',
      fields({
        students: 'Ana and Luis',
        children: 2,
        conferences: [
          { students: 'Ana', teacher: 'Ms. Rivera', start: 930, end: 955, room: '12' },
          { students: 'Luis', teacher: 'Mr. Okafor', start: 960, end: 985, room: 'Library' },
        ],
      }),
    );
    expect(two.text).toContain(
      [
        '3:30 PM–3:55 PM: Ana, Ms. Rivera',
        'Room 12',
        '4:00 PM–4:25 PM: Luis, Mr. Okafor',
        'Library',
      ].join('\n'),
    );
    // One conference in the list: the wording for one conference, no list.
    const one = renderMessage(
      'reminder',
      'en',
      fields({
        conferences: [{ students: 'Ana', teacher: 'Ms. Rivera', start: 930, end: 955, room: '12' }],
      }),
    );
    expect(one.subject).toBe(
      'Reminder: conference with Ms. Rivera, Tuesday, November 17, 3:30 PM–3:55 PM',
    );
    const bare = own('{{students}}', '{{students}}{{schedule}}{{interpreter}}');
    expect(renderMessage('invite', 'en', fields(), bare).text).toBe('Ana');
    expect(
      renderMessage(
        'invite',
        'en',
        fields({
          conferences: [
            { students: 'Ana', teacher: 'Ms. Rivera', start: 930, end: 955, room: '12' },
          ],
        }),
        bare,
      ).text,
    ).toBe('Ana');
  });

  it('gives the online link once, whatever else the text names', () => {
    const m = renderMessage('invite', 'en', fields({ videoLink: 'https://meet.example/abc' }));
    expect(m.text.split('Join online: https://meet.example/abc').length - 1).toBe(1);
    // A school's text that names {{ online }} with spaces keeps it where it is, once.
    const spaced = own('Hi', 'Link: {{ online }}\nBye');
    const s = renderMessage(
      'invite',
      'en',
      fields({ videoLink: 'https://meet.example/abc' }),
      spaced,
    );
    expect(s.text).toBe('Link: Join online: https://meet.example/abc\nBye');
  });

  it('leaves no empty brackets for a reply-to with nothing in it, however the brackets are written', () => {
    const texts = ['Call us({{replyTo}}).', 'Call us ({{ replyTo }}).'];
    for (const body of texts) {
      for (const replyTo of ['', '  '])
        expect({
          body,
          replyTo,
          text: renderMessage('invite', 'en', fields({ replyTo }), own('Hi', body)).text,
        }).toEqual({
          body,
          replyTo,
          text: 'Call us.',
        });
    }
  });

  it('makes each web address a link, http or https, whole', () => {
    const m = renderMessage(
      'invite',
      'en',
      fields(),
      own('Hi', 'Form: https://forms.example/f?id=1&x=2\nOld: http://old.example/a'),
    );
    expect(m.html).toBe(
      [
        '<p>Form: <a href="https://forms.example/f?id=1&amp;x=2">https://forms.example/f?id=1&amp;x=2</a></p>',
        '<p>Old: <a href="http://old.example/a">http://old.example/a</a></p>',
      ].join('\n'),
    );
  });

  it('writes one paragraph per line of text, none empty', () => {
    // An empty field on a line of its own with a space after it leaves no empty paragraph.
    const m = renderMessage('invite', 'en', fields(), own('Hi', 'Hello\n{{interpreter}} \nBye'));
    expect(m.html).toBe('<p>Hello</p>\n<p>Bye</p>');
  });

  it('uses a translated text’s wording for several children only for several', () => {
    const stored: Record<string, TemplateSet> = {
      fr: {
        invite: {
          subject: 'Un enfant',
          body: 'un',
          several: { subject: 'Plusieurs enfants', body: 'plusieurs' },
        },
      },
    };
    expect(renderMessage('invite', 'fr', fields({ children: 1 }), stored).subject).toBe(
      'Un enfant',
    );
    expect(renderMessage('invite', 'fr', fields({ children: 2 }), stored).subject).toBe(
      'Plusieurs enfants',
    );
  });

  it('keeps the subject one trimmed line of at most 250 characters', () => {
    const subject = (students: string) =>
      renderMessage('invite', 'en', fields({ students }), own('{{students}}', 'x')).subject;
    expect(subject('Ana\r\nLuis')).toBe('Ana Luis');
    expect(subject('Ana\n')).toBe('Ana');
    expect(subject('A'.repeat(300))).toBe('A'.repeat(250));
  });

  it('tells whether a text reads differently for several children', () => {
    expect(hasChoice(BUILT_IN.en!.invite)).toBe(true);
    expect(hasChoice({ subject: 'Hello', body: '{{students}} {{leads|lead}}' })).toBe(true);
    expect(hasChoice({ subject: 'Hello', body: '{{students}}' })).toBe(false);
  });

  it('labels each of a family’s form links with its conference when there are several', () => {
    expect(labelledLinks([], 'en')).toBe('');
    expect(labelledLinks([{ teacher: 'Mr. Okafor', students: ['Amy'], link: 'L1' }], 'en')).toBe(
      'L1',
    );
    const two = [
      { teacher: 'Mr. Okafor', students: ['Amy'], link: 'L1' },
      { teacher: 'Ms. Rivera', students: [], link: 'L2' },
    ];
    expect(labelledLinks(two, 'en')).toBe(
      'For the conference with Mr. Okafor (Amy): L1\nFor the conference with Ms. Rivera: L2',
    );
    expect(labelledLinks(two, 'es')).toBe(
      'Para la conferencia con Mr. Okafor (Amy): L1\nPara la conferencia con Ms. Rivera: L2',
    );
    // A language without its own words reads English.
    expect(labelledLinks(two, 'pl').split('\n')[0]).toBe(
      'For the conference with Mr. Okafor (Amy): L1',
    );
  });

  it('puts back every field of a text with more than ten after translation', () => {
    const text = Array.from({ length: 12 }, () => '{{teacher}}').join(' ');
    const { text: sent, fields: kept } = protectFields(text);
    expect(restoreFields(sent, kept)).toBe(text);
  });
});
