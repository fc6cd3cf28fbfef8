/**
 * Sentences that agree with the number of children a message names: every built-in kind, in
 * English and Spanish, for one, two and three children. The expected fragments are written out
 * by hand, not computed from the templates.
 */
import {
  BUILT_IN,
  joinNames,
  MESSAGE_KINDS,
  protectFields,
  renderMessage,
  unknownFields,
  type MessageFields,
  type MessageKind,
} from '../../src/core/templates';
import { disagreeing } from './agreement';

const NAMES = [['Ana'], ['Ana', 'Luis'], ['Ana', 'Luis', 'Sofía']];

const fields = (names: string[], language: string): MessageFields => ({
  school: 'Lincoln',
  family: 'García',
  students: joinNames(names, language),
  children: names.length,
  teacher: 'Ms. Rivera',
  date: '2026-11-17',
  start: 930,
  end: 955,
  room: '12',
  videoLink: '',
  link: 'https://forms.example/f',
  replyTo: 'office@x.example',
  round: 'Fall',
  interpreter: false,
});

/** Per language, per kind: the fragments for 1, 2 and 3 children (subject and text together). */
const EXPECTED: Record<'en' | 'es', Record<MessageKind, [string[], string[], string[]]>> = {
  en: {
    invite: [
      [
        'Ana leads a conference with Ms. Rivera',
        'Ana invites you to a student-led conference',
        'we welcome you; Ana shares work and reflections',
      ],
      [
        'Ana and Luis lead a conference with Ms. Rivera',
        'Ana and Luis invite you to a student-led conference',
        'we welcome you; Ana and Luis share work and reflections',
      ],
      [
        'Ana, Luis and Sofía lead a conference with Ms. Rivera',
        'Ana, Luis and Sofía invite you to a student-led conference',
        'we welcome you; Ana, Luis and Sofía share work and reflections',
      ],
    ],
    reminder: [
      ['the student-led conference Ana will lead with Ms. Rivera'],
      ['the student-led conference Ana and Luis will lead with Ms. Rivera'],
      ['the student-led conference Ana, Luis and Sofía will lead with Ms. Rivera'],
    ],
    questionnaire: [
      ['the conference Ana led with Ms. Rivera', 'how it went, the goal Ana set, and whether'],
      [
        'the conference Ana and Luis led with Ms. Rivera',
        'how it went, the goals Ana and Luis set, and whether',
      ],
      [
        'the conference Ana, Luis and Sofía led with Ms. Rivera',
        'how it went, the goals Ana, Luis and Sofía set, and whether',
      ],
    ],
    letter: [
      ['Ana invites you to a student-led conference', 'Ana will share work and reflections'],
      [
        'Ana and Luis invite you to a student-led conference',
        'Ana and Luis will share work and reflections',
      ],
      [
        'Ana, Luis and Sofía invite you to a student-led conference',
        'Ana, Luis and Sofía will share work and reflections',
      ],
    ],
    availability: [
      [
        'When can you come to the conference Ana will lead?',
        'Ana will lead a conference with you and the teacher: Ana shares work and reflections',
      ],
      [
        'When can you come to the conferences Ana and Luis will lead?',
        'Ana and Luis will lead a conference with you and the teacher: Ana and Luis share work and reflections',
      ],
      [
        'When can you come to the conferences Ana, Luis and Sofía will lead?',
        'Ana, Luis and Sofía will lead a conference with you and the teacher: Ana, Luis and Sofía share work and reflections',
      ],
    ],
    waitlist: [
      ['No conference time fitted yet for Ana', 'Ana is on our waiting list'],
      ['No conference time fitted yet for Ana and Luis', 'Ana and Luis are on our waiting list'],
      [
        'No conference time fitted yet for Ana, Luis and Sofía',
        'Ana, Luis and Sofía are on our waiting list',
      ],
    ],
    noshow: [
      [
        'Another time for the conference Ana prepared',
        'the conference Ana prepared with Ms. Rivera',
      ],
      [
        'Another time for the conference Ana and Luis prepared',
        'the conference Ana and Luis prepared with Ms. Rivera',
      ],
      [
        'Another time for the conference Ana, Luis and Sofía prepared',
        'the conference Ana, Luis and Sofía prepared with Ms. Rivera',
      ],
    ],
    waitoffer: [
      ['for Ana: Tuesday, November 17', 'Ana stays on our waiting list'],
      ['for Ana and Luis: Tuesday, November 17', 'Ana and Luis stay on our waiting list'],
      [
        'for Ana, Luis and Sofía: Tuesday, November 17',
        'Ana, Luis and Sofía stay on our waiting list',
      ],
    ],
    waitgone: [
      ['Ana stays on the waiting list', 'so Ana stays on our waiting list'],
      ['Ana and Luis stay on the waiting list', 'so Ana and Luis stay on our waiting list'],
      [
        'Ana, Luis and Sofía stay on the waiting list',
        'so Ana, Luis and Sofía stay on our waiting list',
      ],
    ],
  },
  es: {
    invite: [
      [
        'Ana dirige una conferencia con Ms. Rivera',
        'Ana les invita a una conferencia dirigida por el estudiante con Ms. Rivera',
        'les damos la bienvenida; Ana comparte sus trabajos y reflexiones',
      ],
      [
        'Ana y Luis dirigen una conferencia con Ms. Rivera',
        'Ana y Luis les invitan a una conferencia dirigida por los estudiantes con Ms. Rivera',
        'les damos la bienvenida; Ana y Luis comparten sus trabajos y reflexiones',
      ],
      [
        'Ana, Luis y Sofía dirigen una conferencia con Ms. Rivera',
        'Ana, Luis y Sofía les invitan a una conferencia dirigida por los estudiantes con Ms. Rivera',
        'les damos la bienvenida; Ana, Luis y Sofía comparten sus trabajos y reflexiones',
      ],
    ],
    reminder: [
      ['Les recordamos la conferencia que Ana dirigirá con Ms. Rivera'],
      ['Les recordamos la conferencia que Ana y Luis dirigirán con Ms. Rivera'],
      ['Les recordamos la conferencia que Ana, Luis y Sofía dirigirán con Ms. Rivera'],
    ],
    questionnaire: [
      [
        'la conferencia que Ana dirigió con Ms. Rivera',
        'cómo fue, la meta que se propuso Ana y si desean',
      ],
      [
        'la conferencia que Ana y Luis dirigieron con Ms. Rivera',
        'cómo fue, las metas que se propusieron Ana y Luis y si desean',
      ],
      [
        'la conferencia que Ana, Luis y Sofía dirigieron con Ms. Rivera',
        'cómo fue, las metas que se propusieron Ana, Luis y Sofía y si desean',
      ],
    ],
    letter: [
      [
        'Invitación: conferencia dirigida por el estudiante,',
        'Ana les invita a una conferencia dirigida por el estudiante con Ms. Rivera',
        'Ana compartirá sus trabajos y reflexiones; juntos fijarán metas',
      ],
      [
        'Invitación: conferencia dirigida por los estudiantes,',
        'Ana y Luis les invitan a una conferencia dirigida por los estudiantes con Ms. Rivera',
        'Ana y Luis compartirán sus trabajos y reflexiones; juntos fijarán metas',
      ],
      [
        'Invitación: conferencia dirigida por los estudiantes,',
        'Ana, Luis y Sofía les invitan a una conferencia dirigida por los estudiantes con Ms. Rivera',
        'Ana, Luis y Sofía compartirán sus trabajos y reflexiones; juntos fijarán metas',
      ],
    ],
    availability: [
      [
        '¿Cuándo pueden venir a la conferencia que dirigirá Ana?',
        'Ana dirigirá una conferencia con ustedes y el maestro: compartirá sus trabajos y reflexiones',
      ],
      [
        '¿Cuándo pueden venir a las conferencias que dirigirán Ana y Luis?',
        'Ana y Luis dirigirán una conferencia con ustedes y el maestro: compartirán sus trabajos y reflexiones',
      ],
      [
        '¿Cuándo pueden venir a las conferencias que dirigirán Ana, Luis y Sofía?',
        'Ana, Luis y Sofía dirigirán una conferencia con ustedes y el maestro: compartirán sus trabajos y reflexiones',
      ],
    ],
    waitlist: [
      ['horario de conferencia para Ana', 'Ana está en nuestra lista de espera'],
      ['horario de conferencia para Ana y Luis', 'Ana y Luis están en nuestra lista de espera'],
      [
        'horario de conferencia para Ana, Luis y Sofía',
        'Ana, Luis y Sofía están en nuestra lista de espera',
      ],
    ],
    noshow: [
      [
        'Otro horario para la conferencia que preparó Ana',
        'la conferencia que Ana preparó con Ms. Rivera',
      ],
      [
        'Otro horario para la conferencia que prepararon Ana y Luis',
        'la conferencia que Ana y Luis prepararon con Ms. Rivera',
      ],
      [
        'Otro horario para la conferencia que prepararon Ana, Luis y Sofía',
        'la conferencia que Ana, Luis y Sofía prepararon con Ms. Rivera',
      ],
    ],
    waitoffer: [
      ['para Ana: martes 17 de noviembre', 'Ana sigue en nuestra lista de espera'],
      ['para Ana y Luis: martes 17 de noviembre', 'Ana y Luis siguen en nuestra lista de espera'],
      [
        'para Ana, Luis y Sofía: martes 17 de noviembre',
        'Ana, Luis y Sofía siguen en nuestra lista de espera',
      ],
    ],
    waitgone: [
      ['Ana sigue en la lista de espera', 'así que Ana sigue en nuestra lista de espera'],
      [
        'Ana y Luis siguen en la lista de espera',
        'así que Ana y Luis siguen en nuestra lista de espera',
      ],
      [
        'Ana, Luis y Sofía siguen en la lista de espera',
        'así que Ana, Luis y Sofía siguen en nuestra lista de espera',
      ],
    ],
  },
};

describe('messages agree with the number of children', () => {
  for (const language of ['en', 'es'] as const)
    for (const kind of MESSAGE_KINDS)
      NAMES.forEach((names, i) =>
        it(`${language} ${kind}, ${names.length} ${names.length === 1 ? 'child' : 'children'}`, () => {
          const m = renderMessage(kind, language, fields(names, language));
          const all = `${m.subject}\n${m.text}`;
          for (const fragment of EXPECTED[language][kind][i]!) expect(all).toContain(fragment);
        }),
      );

  const SIBLINGS = [
    ['Ana', 'Luis'],
    ['Ana', 'Luis', 'Sofía'],
    ['Ella', 'Elijah', 'Mason'],
    ['Renata', 'Sofía'],
    ['Ana', 'Inés'],
    ['María José', 'Luis'],
  ];

  it('never puts a verb for one child after (or before) a list of names', () => {
    const bad: string[] = [];
    for (const language of ['en', 'es'] as const) {
      for (const kind of MESSAGE_KINDS)
        for (const names of SIBLINGS) {
          const m = renderMessage(kind, language, fields(names, language));
          for (const line of disagreeing(`${m.subject}\n${m.text}`, language))
            bad.push(`${language} ${kind}: ${line}`);
        }
    }
    expect(bad).toEqual([]);
  });

  it('the check itself catches the sentences families used to get', () => {
    expect(disagreeing('we welcome you; Ella, Elijah and Mason shares work', 'en')).toHaveLength(1);
    expect(disagreeing('Renata y Sofía dirigirá una conferencia', 'es')).toHaveLength(1);
    expect(disagreeing('¿…la conferencia que dirigirá Renata y Sofía?', 'es')).toHaveLength(1);
    expect(disagreeing('la conferencia que Sofía Díaz y Renata Díaz dirigió', 'es')).toHaveLength(
      1,
    );
    expect(disagreeing('Ella leads a conference', 'en')).toEqual([]);
    expect(disagreeing('Ella Moore and Mason Moore lead a conference', 'en')).toEqual([]);
  });
});

describe('a choice between the wording for one child and for several', () => {
  it('leaves a template without choices (one a school edited before) rendering as it did', () => {
    const old = {
      subject: '{{students}} leads a conference with {{teacher}}',
      body: 'Dear {{family}} family,\n{{students}} shares work | reflections {a|b}.',
    };
    expect(unknownFields(old)).toEqual([]);
    for (const children of [1, 2, 3]) {
      const m = renderMessage(
        'invite',
        'en',
        { ...fields(['Ana', 'Luis'], 'en'), children },
        {
          en: { invite: old },
        },
      );
      expect(m.subject).toBe('Ana and Luis leads a conference with Ms. Rivera');
      expect(m.text).toBe('Dear García family,\nAna and Luis shares work | reflections {a|b}.');
    }
  });

  it('works in a school’s own template, in any language, and never reads a name as a choice', () => {
    const own = {
      subject: '{{students}} {{vient|viennent}}',
      body: '{{students}} {{a|ont}} {{ son | leurs }} travail',
    };
    expect(unknownFields(own)).toEqual([]);
    const render = (students: string, children: number) =>
      renderMessage(
        'invite',
        'fr',
        { ...fields([], 'fr'), students, children },
        { fr: { invite: own } },
      );
    expect(render('Léa', 1).subject).toBe('Léa vient');
    expect(render('Léa', 0).subject).toBe('Léa vient');
    expect(render('Léa and Tom', 2).text).toBe('Léa and Tom ont  leurs  travail');
    expect(render('{{x|y}}', 2).subject).toBe('{{x|y}} viennent');
  });

  it('reports a choice that is not two-sided', () => {
    expect(unknownFields({ subject: '{{a|b|c}}', body: '{{leads|lead}}' })).toEqual(['a|b|c']);
  });

  it('gives the translator the wording for one child, its fields protected', () => {
    expect(protectFields('{{students}} {{leads|lead}} a conference').text).toBe(
      '[#0] leads a conference',
    );
    for (const kind of MESSAGE_KINDS) {
      const { text } = protectFields(BUILT_IN.en![kind].body);
      expect(text).not.toMatch(/[{}|]/);
    }
  });
});

describe('names joined', () => {
  it('in English and Spanish, with "e" before the sound i', () => {
    expect(joinNames(['Ana'], 'en')).toBe('Ana');
    expect(joinNames(['Ana', 'Luis'], 'en')).toBe('Ana and Luis');
    expect(joinNames(['Ana', 'Luis', 'Sofía'], 'en')).toBe('Ana, Luis and Sofía');
    expect(joinNames(['Ana', 'Luis'], 'es')).toBe('Ana y Luis');
    expect(joinNames(['Ana', 'Luis', 'Sofía'], 'es')).toBe('Ana, Luis y Sofía');
    expect(joinNames(['Ana', 'Inés'], 'es')).toBe('Ana e Inés');
    expect(joinNames(['Luis', 'Ana', 'Hilda'], 'es')).toBe('Luis, Ana e Hilda');
    expect(joinNames(['Ana', 'Íñigo'], 'es')).toBe('Ana e Íñigo');
    expect(joinNames(['Ana', 'Iago'], 'es')).toBe('Ana y Iago');
    expect(joinNames(['Ana', 'Inés'], 'en')).toBe('Ana and Inés');
  });
});

describe('the place, said plainly', () => {
  const at = (room: string, videoLink: string, language: 'en' | 'es', kind: MessageKind) =>
    renderMessage(kind, language, { ...fields(['Ana'], language), room, videoLink }).text;

  it('names a room in words, and a conference online by its link on a line of its own', () => {
    for (const kind of ['invite', 'reminder', 'letter'] as const) {
      expect(at('111', '', 'en', kind)).toContain('at Room 111.');
      expect(at('Library', '', 'en', kind)).toContain('at Library.');
      expect(at('111', '', 'es', kind)).toContain('en el aula 111.');
      expect(at('111', '', 'en', kind)).not.toContain('online');
      expect(at('', 'https://meet.example/a', 'en', kind)).toContain(
        'at the online meeting (link below).\nJoin online: https://meet.example/a\n',
      );
      expect(at('Video call', 'https://meet.example/a', 'es', kind)).toContain(
        'en la reunión en línea (enlace abajo).\nConéctense en línea: https://meet.example/a\n',
      );
      expect(at('111', 'https://meet.example/a', 'en', kind)).toContain(
        'at Room 111, or online (link below).\nJoin online: https://meet.example/a\n',
      );
      expect(at('111', 'https://meet.example/a', 'en', kind)).not.toContain('111 (https');
    }
  });

  it('keeps the link in a text a school edited before the link had its own field', () => {
    const edited = { subject: 'See you', body: 'Dear {{family}} family, come to {{where}}.' };
    const m = renderMessage(
      'reminder',
      'en',
      { ...fields(['Ana'], 'en'), room: '12', videoLink: 'https://meet.example/b' },
      { en: { reminder: edited } },
    );
    expect(m.text).toBe(
      'Dear García family, come to Room 12, or online (link below).\nJoin online: https://meet.example/b',
    );
    expect(unknownFields({ subject: '', body: '{{online}}' })).toEqual([]);
  });
});
