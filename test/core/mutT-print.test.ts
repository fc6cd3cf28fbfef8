/**
 * What a family reads on the printed pages, as text: the conference packet and the letter for a
 * family without email, every line of a full English packet and of a bare letter (nothing
 * printed where a part is empty), the agenda's minutes for the conference's own length, and the
 * conference and waiting lines in date order and in Spanish. Written for the survivors of
 * mutation run mutT-1 (issue 23).
 */
import {
  AGENDA_PARTS,
  FAMILY_QUESTIONS,
  agendaMinutes,
  packetHtml,
  type PacketInput,
} from '../../src/core/packets';
import {
  conferenceLines,
  paperLetterBody,
  paperLetterPage,
  paperPhoneList,
  waitingLines,
} from '../../src/core/paperletter';
import { formatDay, formatDayAndTimes, formatTime } from '../../src/core/templates';

/** The page's text as a reader sees it: one entry per block or cell, markup and blank lines gone. */
function linesOf(html: string): string[] {
  const body = html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
  return body
    .split(/<[^>]+>/)
    .map((s) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const PACKET: PacketInput = {
  schoolName: 'Lincoln Elementary',
  conferenceId: 'C-1',
  round: 'Spring',
  date: '2027-03-16',
  start: 15 * 60,
  end: 15 * 60 + 25,
  teacher: 'Ms. Rivera',
  room: '',
  videoLink: '',
  students: ['Ana Lopez', 'Ben Lopez'],
  coming: ['María Lopez', 'José Lopez'],
  interpreter: 'Spanish',
  interpreterCode: 'es',
  goal: '',
  prep: [
    {
      proudOf: 'My volcano',
      learningTargets: 'I can explain erosion',
      workSample: '',
      familyQuestion: '',
      coming: 'Mom',
    },
    {
      proudOf: '',
      learningTargets: '',
      workSample: 'Reading log',
      familyQuestion: 'Is Ben reading at home?',
      coming: 'Grandpa',
    },
    // A third student's preparation with nothing written and no one named: it adds nothing.
    { proudOf: '', learningTargets: '', workSample: '', familyQuestion: '' },
  ],
  lastGoals: [],
};

describe('the conference packet as a family reads it', () => {
  it('prints every part of a full English packet and nothing where a part is empty', () => {
    const html = packetHtml(PACKET);
    const agenda = agendaMinutes(25);
    expect(linesOf(html)).toEqual([
      'Ana Lopez & Ben Lopez: student-led conference',
      'Lincoln Elementary · Spring · C-1',
      'When:',
      formatDayAndTimes('2027-03-16', 900, 925, 'en'),
      'Teacher:',
      'Ms. Rivera',
      'Coming:',
      'María Lopez, José Lopez',
      'Who I said is coming:',
      'Mom; Grandpa',
      // An English packet names the language in English, not as its speakers write it.
      'Interpreter:',
      'Spanish',
      'Agenda (25 minutes, led by Ana Lopez & Ben Lopez)',
      ...agenda.flatMap((a) => [`${a.minutes} min`, a.part]),
      'What I am proud of',
      'My volcano',
      'Work I will show',
      'Learning targets: I can explain erosion',
      'Reading log',
      'My goal for Spring',
      'How my family can help',
      'Questions families may ask',
      'Is Ben reading at home?',
      ...FAMILY_QUESTIONS,
    ]);
    // Its title, as the browser's tab and the printed page's header show it.
    expect(html).toContain('<title>Ana Lopez &amp; Ben Lopez – Spring conference</title>');
  });

  it('leaves lines to write on where the students wrote nothing, even a blank answer', () => {
    const html = packetHtml({
      ...PACKET,
      prep: [{ proudOf: '', learningTargets: '', workSample: '', familyQuestion: '' }],
    });
    const proud = html.slice(html.indexOf('What I am proud of'), html.indexOf('Work I will show'));
    expect(proud.match(/class="write"/g)).toHaveLength(2);
    // A blank family question is no bullet.
    expect(html.match(/<li/g)).toHaveLength(FAMILY_QUESTIONS.length);
  });

  it('gives every part a minute when the conference has exactly one minute per part', () => {
    expect(agendaMinutes(AGENDA_PARTS.length).map((a) => a.minutes)).toEqual(
      AGENDA_PARTS.map(() => 1),
    );
  });

  it('never gives a part less time than a later part of equal weight', () => {
    for (let length = 0; length <= 120; length++) {
      const minutes = agendaMinutes(length);
      AGENDA_PARTS.forEach((p, i) =>
        AGENDA_PARTS.forEach((q, j) => {
          if (i < j && p.weight === q.weight)
            expect(minutes[i]!.minutes).toBeGreaterThanOrEqual(minutes[j]!.minutes);
        }),
      );
    }
  });

  it('is titled and headed in Spanish for a Spanish-speaking family, last round’s goal among them', () => {
    const lines = linesOf(
      packetHtml({
        ...PACKET,
        language: 'es',
        lastGoals: [
          { round: 'Fall', goal: 'Leer 20 minutos', students: ['Ana Lopez', 'Ben Lopez'] },
        ],
      }),
    );
    expect(lines[0]).toBe('Conferencia dirigida por Ana Lopez & Ben Lopez');
    expect(lines).toContain('La meta de la conferencia anterior (Fall)');
    expect(lines).toContain('Mi meta para Spring');
  });
});

describe('the letter for a family without email as it reads', () => {
  it('prints nothing where the letter has no conference, wait, teacher or short link', () => {
    const html = paperLetterPage('Letters', [
      paperLetterBody({
        schoolName: 'Lincoln Elementary',
        familyId: 'F-7',
        language: 'en',
        forms: [
          {
            title: 'When can you come?',
            link: 'https://example.org/f',
            shortLink: '',
            code: 'abc',
          },
        ],
        slip: 'Ref. F-7',
      }),
    ]);
    const lines = linesOf(html).filter((l) => !/^[█▀▄ ]*$/.test(l));
    expect(lines).toEqual([
      'Lincoln Elementary · Ref. F-7',
      'Dear family,',
      'When can you come?',
      'Scan the code with a phone camera to open the form with your family’s code filled in.',
      '✂ Cut here',
      'No phone or computer? Fill in this slip and give it back to your child’s teacher; the school will enter it for you.',
      'Ref. F-7',
    ]);
  });

  it('prints the conference and waiting lines it is given, in order, each once', () => {
    const lines = linesOf(
      paperLetterBody({
        schoolName: 'L',
        familyId: 'F-7',
        language: 'en',
        forms: [],
        slip: '',
        conferences: ['First conference.', 'Second conference.'],
        waiting: ['Amy waits.'],
      }),
    );
    expect(lines.slice(2, 5)).toEqual(['First conference.', 'Second conference.', 'Amy waits.']);
  });

  it('says "Your conference" when no child is named, and leaves out a teacher and place not known, in English, Spanish and English for a language it has no words for', () => {
    const bare = [
      {
        date: '2026-11-19',
        start: 500,
        end: 520,
        room: '',
        videoLink: '',
        teacher: '',
        students: [],
      },
    ];
    const when = (language: string) =>
      `${formatDay('2026-11-19', language)}, ${formatTime(500, language)}–${formatTime(520, language)}`;
    expect(conferenceLines(bare, 'en')).toEqual([`Your conference: ${when('en')}.`]);
    expect(conferenceLines(bare, 'es')).toEqual([`Su conferencia: ${when('es')}.`]);
    expect(conferenceLines(bare, 'so')).toEqual([`Your conference: ${when('en')}.`]);
  });

  it('greets a Spanish family with no name on the Roster in Spanish', () => {
    const html = paperLetterBody({
      schoolName: 'L',
      familyId: 'F-7',
      language: 'es',
      forms: [],
      slip: '',
    });
    expect(html).toContain('Estimada familia:');
  });

  it('lists the family’s conferences in date and time order whatever order they come in, and no teacher without a waiting child', () => {
    const conference = (date: string, start: number, teacher: string) => ({
      date,
      start,
      end: start + 20,
      room: '',
      videoLink: '',
      teacher,
      students: ['Amy Brown'],
    });
    const lines = conferenceLines(
      [
        conference('2026-11-20', 500, 'Ms. C'),
        conference('2026-11-19', 540, 'Mr. B'),
        conference('2026-11-19', 500, 'Ms. A'),
      ],
      'en',
    );
    expect(lines.map((l) => /with (\S+ \S)/.exec(l)?.[1])).toEqual(['Ms. A', 'Mr. B', 'Ms. C']);
    expect(
      waitingLines(
        [
          { teacher: 'Mr. B', students: [] },
          { teacher: 'Ms. A', students: ['Amy'] },
        ],
        'en',
      ),
    ).toHaveLength(1);
  });

  it('prints the office’s phone list: whom to ask for where known, no stray line where not', () => {
    const lines = linesOf(
      paperPhoneList([
        { familyId: 'F-1', phone: '555-0101', phoneScript: ['Say hello.'] },
        {
          familyId: 'F-2',
          phone: '555-0102',
          askFor: 'Ask for Mrs. Ali',
          phoneScript: ['Say hola.'],
        },
      ]),
    );
    expect(lines).toEqual([
      'Phone list: families without email (for the office)',
      'Ref. F-1 · 555-0101',
      'Say hello.',
      'Ref. F-2 · 555-0102',
      'Ask for Mrs. Ali',
      'Say hola.',
    ]);
  });
});
