/**
 * The printed letter in a language nobody wrote it in (Arabic, Persian): its words come from the
 * Letter Texts sheet's rows, a row is used only when its {{fields}} are the English text's, the
 * page reads right to left for Arabic, and every value is escaped. The Arabic rows below are
 * written by hand, as a school's corrected sheet would hold them; expected lines are written out
 * from them, never taken from the code.
 */
import {
  englishLetterTexts,
  fillLetterText,
  LETTER_ENGLISH,
  letterTextsFrom,
  SLIP_KEYS,
} from '../../src/core/lettertexts';
import {
  conferenceLines,
  letterChoice,
  paperLetterBody,
  waitingLines,
} from '../../src/core/paperletter';
import { replySlip } from '../../src/core/replyslip';

const ARABIC: Record<string, string> = {
  'letter.greet': 'عائلة {{family}} العزيزة،',
  'letter.greetNone': 'العائلة العزيزة،',
  'letter.scan': 'امسحوا الرمز بكاميرا الهاتف لفتح النموذج.',
  'letter.type': 'أو اكتبوا هذا العنوان:',
  'letter.code': 'واكتبوا هذا الرمز في السؤال الأول:',
  'letter.slip': 'لا يوجد هاتف أو حاسوب؟ املؤوا هذه القسيمة وأعيدوها إلى معلم طفلكم.',
  'letter.cut': 'قص هنا',
  'letter.conference': 'مؤتمر {{students}} مع {{teacher}}: {{day}}، {{time}}.',
  'letter.conferenceYours': 'مؤتمركم مع {{teacher}}: {{day}}، {{time}}.',
  'letter.place': 'المكان: {{place}}',
  'letter.room': 'الغرفة',
  'letter.online': 'الاجتماع عبر الإنترنت (الرابط أدناه)',
  'letter.orOnline': 'أو عبر الإنترنت (الرابط أدناه)',
  'letter.join': 'انضموا عبر الإنترنت:',
  'letter.waiting': '{{students}} على قائمة الانتظار لمؤتمر مع {{teacher}}.',
  'letter.waitingMany': 'الأطفال {{students}} على قائمة الانتظار لمؤتمر مع {{teacher}}.',
  'letter.forConference': 'للمؤتمر مع {{teacher}}',
  'letter.and': 'و',
  'letter.machine': 'تُرجمت هذه الرسالة آليًا.',
  'availability.token': 'رمز العائلة',
  'availability.times': 'ما الأوقات المناسبة لكم؟',
  'availability.timesHelp': 'اختاروا الأول والثاني والثالث.',
  'availability.interpreter': 'هل تريدون مترجمًا؟',
  'availability.meet': 'كيف تفضلون الاجتماع؟',
  'availability.attending': 'من سيحضر؟',
  'ranks.0': 'الخيار الأول',
  'ranks.1': 'الخيار الثاني',
  'ranks.2': 'الخيار الثالث',
  'ranks.3': 'ممكن أيضًا',
  'meets.0': 'حضوريًا',
  'meets.1': 'عبر الإنترنت',
  'meets.2': 'أي طريقة',
  yes: 'نعم',
  no: 'لا',
};

const rows = (changes: Record<string, string | undefined> = {}) => {
  const out = new Map(Object.entries({ ...ARABIC, ...changes }));
  for (const [key, value] of Object.entries(changes)) if (value === undefined) out.delete(key);
  return out as Map<string, string>;
};

const FSI = '\u2068';
const PDI = '\u2069';
const iso = (s: string) => `${FSI}${s}${PDI}`;

const CONFERENCE = {
  date: '2026-11-19',
  start: 500,
  end: 525,
  room: '12',
  videoLink: '',
  teacher: 'Mr. Okafor',
  students: ['Amal Haddad', 'Omar Haddad'],
};

describe('lettertexts', () => {
  it('asks the translator for every text the letter and its slip print, each field in braces', () => {
    const keys = englishLetterTexts().map(([k]) => k);
    expect(keys).toEqual([...Object.keys(LETTER_ENGLISH), ...SLIP_KEYS]);
    expect(new Set(keys).size).toBe(keys.length);
    // Every fixture row answers one of them: the fixture is a whole language.
    expect(Object.keys(ARABIC).sort()).toEqual([...keys].sort());
  });

  it('uses every row that keeps its fields, and keeps nothing in English', () => {
    const t = letterTextsFrom('ar', rows());
    expect(t.kept).toEqual([]);
    expect(t.texts['letter.greet']).toBe(ARABIC['letter.greet']);
    expect(t.slip.ranks).toEqual([
      ARABIC['ranks.0'],
      ARABIC['ranks.1'],
      ARABIC['ranks.2'],
      ARABIC['ranks.3'],
    ]);
  });

  // Broken on purpose once: with the fields check dropped (`usable = text !== ''`), the lost
  // {{teacher}} row was used and this failed.
  it('prints in English a text whose fields the translation lost, an empty one and a missing one', () => {
    const t = letterTextsFrom(
      'ar',
      rows({
        'letter.conference': 'مؤتمر {{students}} مع المعلم: {{day}}، {{time}}.',
        'letter.cut': '',
        'letter.join': undefined,
      }),
    );
    expect(t.kept.sort()).toEqual(['letter.conference', 'letter.cut', 'letter.join']);
    expect(t.texts['letter.conference']).toBe(LETTER_ENGLISH['letter.conference']);
    expect(t.texts['letter.cut']).toBe('Cut here');
    expect(t.texts['letter.join']).toBe('Join online:');
    expect(t.texts['letter.scan']).toBe(ARABIC['letter.scan']);
  });

  it('keeps the slip’s ranks in English when two came out alike (the tick would not say which)', () => {
    const t = letterTextsFrom('ar', rows({ 'ranks.1': ARABIC['ranks.0'] }));
    expect(t.slip.ranks).toEqual(['1st choice', '2nd choice', '3rd choice', 'Also possible']);
    expect(t.kept.sort()).toEqual(['ranks.0', 'ranks.1', 'ranks.2', 'ranks.3']);
    expect(t.slip.yes).toBe('نعم');
  });

  // Broken on purpose once: without cleanText on the rows, the override stayed in the text.
  it('drops a right-to-left override typed into a row, which would turn the rest of its line around', () => {
    const t = letterTextsFrom('ar', rows({ 'letter.cut': 'قص\u202E هنا' }));
    expect(t.texts['letter.cut']).toBe('قص هنا');
  });

  it('fills each field once: a value that holds a field’s name stays text', () => {
    expect(
      fillLetterText('{{students}} / {{teacher}}', { students: '{{teacher}}', teacher: 'X' }),
    ).toBe('{{teacher}} / X');
  });
});

describe('a translated letter', () => {
  const arabic = letterTextsFrom('ar', rows());

  it('says each conference in the family’s language, the day from the Arabic table, each name set apart', () => {
    expect(
      conferenceLines([{ ...CONFERENCE, videoLink: 'https://meet.example/x' }], 'ar', arabic),
    ).toEqual([
      `مؤتمر ${iso('Amal Haddad')} و ${iso('Omar Haddad')} مع ${iso('Mr. Okafor')}: ${iso('الخميس 19 نوفمبر')}، ${iso('08:20–08:45')}.`,
      `المكان: الغرفة ${iso('12')}, أو عبر الإنترنت (الرابط أدناه)`,
      'انضموا عبر الإنترنت: https://meet.example/x',
    ]);
  });

  // Broken on purpose once: letterDay returning formatDay for every language gave "Thursday,
  // November 19" here.
  it('writes the day in numbers for a language with no table (Persian), never English words', () => {
    const persian = letterTextsFrom(
      'fa',
      new Map([['letter.conference', 'کنفرانس {{students}} با {{teacher}}: {{day}}، {{time}}.']]),
    );
    const [line] = conferenceLines([CONFERENCE], 'fa', persian);
    expect(line).toBe(
      `کنفرانس ${iso('Amal Haddad')} and ${iso('Omar Haddad')} با ${iso('Mr. Okafor')}: ${iso('2026-11-19')}، ${iso('08:20–08:45')}.`,
    );
    expect(letterChoice({ date: '2026-11-17', start: 900, end: 1170 }, 'fa')).toBe(
      '2026-11-17, 15:00 – 19:30',
    );
  });

  it('tells a family which of its children wait, in the translated words for one and for several', () => {
    expect(
      waitingLines(
        [
          { teacher: 'Ms. Rivera', students: ['Amal Haddad'] },
          { teacher: 'Mr. Brooks', students: ['Omar Haddad', 'Huda Haddad'] },
        ],
        'ar',
        arabic,
      ),
    ).toEqual([
      `${iso('Amal Haddad')} على قائمة الانتظار لمؤتمر مع ${iso('Ms. Rivera')}.`,
      `الأطفال ${iso('Omar Haddad')} و ${iso('Huda Haddad')} على قائمة الانتظار لمؤتمر مع ${iso('Mr. Brooks')}.`,
    ]);
  });

  const body = (translated = arabic, familyName = 'حداد') =>
    paperLetterBody({
      schoolName: 'Lincoln Elementary',
      familyId: 'F-9',
      language: 'ar',
      familyName,
      forms: [
        {
          title: 'When can you come?',
          link: 'https://docs.google.com/forms/d/e/x/viewform?entry.1=abc',
          shortLink: 'https://forms.gle/AbC123',
          code: 'abc',
          teacher: 'Ms. Lee',
        },
      ],
      slip: replySlip(
        'F-9',
        'ar',
        [{ label: 'Tue 2026-11-17, 3:00 PM – 7:30 PM', date: '2026-11-17', start: 900, end: 1170 }],
        'abc',
        { ar: translated.slip },
        letterChoice,
      ),
      translated,
    });

  // Broken on purpose once: without the dir attribute this failed.
  it('prints an Arabic letter right to left, in Arabic, saying it was translated by machine', () => {
    const html = body();
    expect(html).toContain('<main class="letter" lang="ar" dir="rtl">');
    expect(html).toContain(`<p class="greeting">عائلة ${iso('حداد')} العزيزة،</p>`);
    expect(html).toContain('<p class="machine">تُرجمت هذه الرسالة آليًا.</p>');
    expect(html).toContain(`<p>للمؤتمر مع ${iso('Ms. Lee')}</p>`);
    expect(html).toContain('<p>✂ قص هنا</p>');
    expect(html).toContain('رمز العائلة: abc');
    expect(html).toContain('[ ] الثلاثاء 17 نوفمبر, 15:00 – 19:30');
    expect(html).toContain('هل تريدون مترجمًا؟ [ ] نعم [ ] لا');
    expect(html).not.toContain('class="fallback"');
    expect(html).not.toContain('Scan the code');
  });

  it('says in English which part is English when some texts were kept', () => {
    const html = body(letterTextsFrom('ar', rows({ 'letter.scan': '' })));
    expect(html).toContain(
      '<p class="fallback" lang="en" dir="ltr">Some of this letter’s words are in English: we have no Arabic text for them yet.',
    );
    expect(html).toContain('Scan the code with a phone camera');
    expect(html).toContain('dir="rtl"');
  });

  it('is the English letter with its note when nothing was translated (Google refused the language)', () => {
    const html = body(letterTextsFrom('ar', new Map()));
    expect(html).toContain('<main class="letter" lang="en">');
    expect(html).toContain(
      'This letter’s instructions are in English: we have no Arabic text for it yet.',
    );
    expect(html).toContain('Dear حداد family,');
    expect(html).not.toContain('class="machine"');
  });

  it('escapes a hostile name in Arabic script as plain text and keeps braces in it as text', () => {
    const html = body(arabic, '<img src=x onerror=alert(1)>حداد{{family}}');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      `عائلة ${iso('&lt;img src=x onerror=alert(1)&gt;حداد{{family}}')} العزيزة،`,
    );
  });
});
