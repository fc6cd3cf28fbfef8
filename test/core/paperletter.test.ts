/**
 * The printed letter for a family without email: a QR code of the family's own link and the
 * form's short link with the code to type, in the family's form language, then its reply slip;
 * every text escaped.
 */
import {
  conferenceLines,
  paperLetterBody,
  paperLetterPage,
  paperPhoneList,
  waitingLines,
} from '../../src/core/paperletter';
import { qrSvg } from '../../src/core/qr';

const LINK =
  'https://docs.google.com/forms/d/e/1FAIpQLSexample/viewform?usp=pp_url&entry.111=5f2b9c0e7a1d4c3b';

const letter = (language: string, school = 'Lincoln Elementary') =>
  paperLetterBody({
    schoolName: school,
    familyId: 'F-7',
    language,
    forms: [
      {
        title: 'When can you come?',
        link: LINK,
        shortLink: 'https://forms.gle/AbC123',
        code: '5f2b9c0e7a1d4c3b',
      },
    ],
    slip: 'Ref. F-7\n[ ] Tue 17 Nov',
  });

describe('paperletter', () => {
  describe('conferenceLines', () => {
    // Two children's conferences on one day, with two teachers.
    const two = [
      {
        date: '2026-11-19',
        start: 500,
        end: 525,
        room: 'Room 105',
        videoLink: '',
        teacher: 'Mr. Okafor',
        students: ['Amy Brown'],
      },
      {
        date: '2026-11-19',
        start: 540,
        end: 565,
        room: '12',
        videoLink: '',
        teacher: 'Ms. Lee',
        students: ['Ben Brown', 'Inés Brown'],
      },
    ];

    it('says whose conference each line is and with which teacher, so two lines differ', () => {
      expect(conferenceLines(two, 'en')).toEqual([
        'Amy Brown’s conference with Mr. Okafor: Thursday, November 19, 8:20 AM–8:45 AM, at Room 105.',
        'Ben Brown and Inés Brown’s conference with Ms. Lee: Thursday, November 19, 9:00 AM–9:25 AM, at Room 12.',
      ]);
      expect(conferenceLines(two, 'es')).toEqual([
        'Conferencia de Amy Brown con Mr. Okafor: jueves 19 de noviembre, 08:20–08:45, en Room 105.',
        'Conferencia de Ben Brown e Inés Brown con Ms. Lee: jueves 19 de noviembre, 09:00–09:25, en el aula 12.',
      ]);
    });
  });

  describe('paperLetterBody', () => {
    it('carries the QR code of the family’s own link and the short link with its code to type', () => {
      const html = letter('en');
      expect(html).toContain(qrSvg(LINK));
      expect(html).toContain('<code>https://forms.gle/AbC123</code>');
      expect(html).toContain('<code>5f2b9c0e7a1d4c3b</code>');
      expect(html).toContain('Ref. F-7\n[ ] Tue 17 Nov');
      expect(html).toContain('Scan the code with a phone camera');
    });

    it('greets the family by its name, in its language', () => {
      const greeted = (language: string) =>
        paperLetterBody({
          schoolName: 'Lincoln Elementary',
          familyId: 'F-7',
          familyName: 'Brown',
          language,
          forms: [],
          slip: '',
        });
      expect(greeted('en')).toContain('<p class="greeting">Dear Brown family,</p>');
      expect(greeted('es')).toContain('<p class="greeting">Estimada familia Brown:</p>');
      expect(letter('en')).toContain('<p class="greeting">Dear family,</p>');
    });

    it('tells a family whose language it has no words for that it is in English, and which', () => {
      expect(letter('so')).toContain(
        '<p class="fallback" lang="en" dir="ltr">This letter’s instructions are in English: we have no Somali text for it yet.',
      );
      expect(letter('en')).not.toContain('class="fallback"');
      expect(letter('es')).not.toContain('class="fallback"');
    });

    it('names the teacher of each questionnaire block, and no child', () => {
      const two = (language: string) =>
        paperLetterBody({
          schoolName: 'Lincoln Elementary',
          familyId: 'F-7',
          language,
          forms: ['Ms. Kowalski', 'Mr. <b>Silva'].map((teacher, i) => ({
            title: 'How did it go?',
            link: `${LINK}${i}`,
            shortLink: '',
            code: `c${i}`,
            teacher,
          })),
          slip: '',
        });
      const en = two('en');
      expect(en).toContain('<p>For the conference with Ms. Kowalski</p>');
      expect(en).toContain('<p>For the conference with Mr. &lt;b&gt;Silva</p>');
      expect(en.indexOf('Ms. Kowalski')).toBeLessThan(en.indexOf(qrSvg(`${LINK}1`)));
      expect(en.indexOf('Mr. &lt;b&gt;Silva')).toBeGreaterThan(en.indexOf(qrSvg(`${LINK}0`)));
      expect(two('es')).toContain('<p>Para la conferencia con Ms. Kowalski</p>');
      // One form with no teacher given: no such line.
      expect(letter('en')).not.toContain('For the conference');
    });

    it('speaks Spanish to a Spanish family and English to a family whose language has no form', () => {
      expect(letter('es')).toContain('Escaneen el código');
      expect(letter('es')).toContain('lang="es"');
      expect(letter('so')).toContain('Scan the code');
      expect(letter('so')).toContain('lang="en"');
    });

    it('leaves out the short link when Google gave none (the QR code still opens the form)', () => {
      const html = paperLetterBody({
        schoolName: 'S',
        familyId: 'F-7',
        language: 'en',
        forms: [{ title: 'T', link: LINK, shortLink: '', code: 'c0de' }],
        slip: '',
      });
      expect(html).toContain(qrSvg(LINK));
      expect(html).not.toContain('Or type this address');
    });

    it('escapes the school’s name and the slip as plain text', () => {
      const html = paperLetterPage('t', [letter('en', '<b>Lincoln</b> & Co')]);
      expect(html).toContain('&lt;b&gt;Lincoln&lt;/b&gt; &amp; Co');
      expect(html).not.toContain('<b>Lincoln');
    });
  });

  describe('paperPhoneList', () => {
    it('lists each family’s number and script, as plain text, and says when there is no number', () => {
      const html = paperPhoneList([
        { familyId: 'F-1', phone: '<b>555</b>', phoneScript: ['Say: <i>hi</i>', 'Ask: A?'] },
        { familyId: 'F-2', phone: '', phoneScript: [] },
      ]);
      expect(html).toContain('Ref. F-1 · &lt;b&gt;555&lt;/b&gt;');
      expect(html).toContain('Say: &lt;i&gt;hi&lt;/i&gt;<br>Ask: A?');
      expect(html).toContain('Ref. F-2 · (no phone on the Roster)');
    });
  });
});

describe('waitingLines', () => {
  it('tells a family, per teacher, which of its children wait, in English or Spanish', () => {
    const waiting = [
      { teacher: 'Ms. Rivera', students: ['Ana García'] },
      { teacher: 'Mr. Brooks', students: ['Luis García', 'Iris García'] },
    ];
    expect(waitingLines(waiting, 'en')).toEqual([
      'Ana García is on our waiting list for a conference with Ms. Rivera: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.',
      'Luis García and Iris García are on our waiting list for a conference with Mr. Brooks: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.',
    ]);
    expect(waitingLines(waiting, 'es')).toEqual([
      'Ana García está en nuestra lista de espera para una conferencia con Ms. Rivera: aún no encontramos un horario que les convenga. Cuando se libere un horario, la escuela les llamará o les escribirá para ofrecérselo.',
      'Luis García e Iris García están en nuestra lista de espera para una conferencia con Mr. Brooks: aún no encontramos un horario que les convenga. Cuando se libere un horario, la escuela les llamará o les escribirá para ofrecérselo.',
    ]);
  });

  it('falls back to English for a language it has no words for', () => {
    expect(waitingLines([{ teacher: 'Ms. Patel', students: ['Hodan Ali'] }], 'so')).toEqual([
      'Hodan Ali is on our waiting list for a conference with Ms. Patel: no time that fits has been found yet. When a time frees up, the school will call you or write to you to offer it.',
    ]);
  });

  it('prints the notice on the letter as text, a hostile name escaped', () => {
    const html = paperLetterBody({
      schoolName: 'Lincoln Elementary',
      familyId: 'F-7',
      language: 'en',
      forms: [],
      slip: '',
      waiting: waitingLines(
        [{ teacher: 'Ms. Rivera', students: ['<img src=x onerror=alert(1)>'] }],
        'en',
      ),
    });
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<p class="waitlist"><strong>&lt;img src=x onerror=alert(1)&gt; is on our waiting list',
    );
  });
});
