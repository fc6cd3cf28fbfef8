/**
 * The family forms in the family's language, on the built bundle: a Spanish-speaking family's
 * link opens a Spanish form, and its answers land on the same sheets, in the same columns, as an
 * English-speaking family's. The Spanish words below are written out by hand, not taken from the
 * add-on's source.
 */
import { LockStore } from '../../emulator/lock';
import { openSchool } from '../../preview/school';
import { props, run } from './calls';

type School = ReturnType<typeof openSchool>;

interface Record {
  formId: string;
  linkTemplate: string;
  choices: { label: string; date: string; start: number; end: number }[];
}
interface State {
  availability: Record;
  availabilityIn?: { [language: string]: Record };
  questionnaires: { [round: string]: Record };
  questionnairesIn?: { [round: string]: { [language: string]: Record } };
}

const state = (s: School) => JSON.parse(props(s).get('slc:forms')!) as State;

function rows(s: School, sheet: string): { [header: string]: unknown }[] {
  const [header, ...body] = s.emulator.spreadsheet.sheetByName(sheet)!.values();
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

/** Family ID → the language the Roster gives it, as the Schedule names it. */
function rosterLanguages(s: School): Map<string, string> {
  run(s, 'schedule');
  return new Map(rows(s, 'Schedule').map((r) => [String(r['Family ID']), String(r.Language)]));
}

const SPANISH_DAY =
  /^(lunes|martes|miércoles|jueves|viernes) \d+ de noviembre, \d\d:\d\d – \d\d:\d\d$/;

/** A school asked in both languages: each family's link, and one Spanish- and one English-speaking family. */
function askedInBoth() {
  const s = openSchool({ students: 60 });
  run(s, 'setup');
  const language = rosterLanguages(s);
  run(s, 'forms');
  run(s, 'ask');
  const es = state(s).availabilityIn!.es!;
  const en = state(s).availability;
  const esPrefix = es.linkTemplate.split('?')[0]!;
  const enPrefix = en.linkTemplate.split('?')[0]!;
  const linkOf = new Map<string, string>();
  for (const m of s.emulator.mail.sent) {
    const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(m.body)![0];
    const family = rows(s, 'Schedule').find((r) =>
      String(r.Emails).toLowerCase().includes(m.to[0]!),
    );
    if (!family) continue;
    const spanish = language.get(String(family['Family ID'])) === 'Spanish';
    expect(link.startsWith(spanish ? esPrefix : enPrefix)).toBe(true);
    linkOf.set(String(family['Family ID']), link);
  }
  const spanishFamily = [...linkOf.keys()].find((id) => language.get(id) === 'Spanish')!;
  const englishFamily = [...linkOf.keys()].find((id) => language.get(id) === '')!;
  expect(spanishFamily).toBeDefined();
  const esLabel = (c: { date: string }) =>
    s.emulator.forms
      .toJSON()
      .forms.find((f) => f.id === es.formId)!
      .items.flatMap((i) => (i as unknown as { rows?: string[] }).rows ?? [])[
      en.choices.indexOf(c as (typeof en.choices)[number])
    ]!;
  return { s, en, es, linkOf, spanishFamily, englishFamily, esLabel };
}

describe('forms in the family’s language', () => {
  it('makes the availability form and the questionnaire once in English and once in Spanish, the Spanish one in Spanish', () => {
    const s = openSchool({ students: 60 });
    run(s, 'setup');
    run(s, 'forms');
    run(s, 'forms');
    const forms = s.emulator.forms.toJSON().forms;
    expect(forms).toHaveLength(4);
    const es = state(s).availabilityIn!.es!;
    const form = forms.find((f) => f.id === es.formId)!;
    const titles = form.items.map((i) => i.title);
    expect(titles).toEqual([
      'Código de la familia',
      '¿Qué horarios les convienen?',
      '¿En qué idioma prefieren que les escribamos?',
      '¿Desean un intérprete en la conferencia?',
      '¿Cómo prefieren reunirse?',
      expect.stringMatching(/^¿Quién vendrá\?/),
      expect.stringMatching(/^Si otro adulto viene en su lugar: su correo electrónico/),
    ]);
    const grid = form.items[1] as unknown as { rows: string[]; columns: string[] };
    for (const row of grid.rows) expect(row).toMatch(SPANISH_DAY);
    // Each language by its own name, never by its English one.
    const languages = (form.items[2] as unknown as { choices: string[] }).choices;
    expect(languages.slice(0, 3)).toEqual(['English', 'Español', 'Français']);
    expect(languages).not.toContain('Spanish');
    expect(grid.columns[0]).toBe('1.ª opción');
    const questionnaire = forms.find(
      (f) => f.id === Object.values(state(s).questionnairesIn!)[0]!.es!.formId,
    )!;
    expect(questionnaire.items.map((i) => i.title)).toContain('¿Cómo fue la conferencia?');
    // Every form writes to its own response sheet of this spreadsheet.
    expect(new Set(forms.map((f) => f.destination?.sheetName)).size).toBe(4);
  });

  it('sends each Spanish-speaking family the Spanish form, and its answers land on Availability like an English family’s', () => {
    const { s, linkOf, spanishFamily, englishFamily, en, esLabel } = askedInBoth();
    const [first, second] = en.choices;
    s.emulator.forms.submitPrefilled(linkOf.get(spanishFamily)!, {
      [`¿Qué horarios les convienen? [${esLabel(second!)}]`]: '1.ª opción',
      [`¿Qué horarios les convienen? [${esLabel(first!)}]`]: '2.ª opción',
      '¿Desean un intérprete en la conferencia?': 'Sí',
      '¿Cómo prefieren reunirse?': 'En línea',
      '¿Quién vendrá? (Otro adulto de confianza, como un abuelo, puede venir en su lugar.)':
        'La abuela',
      'Si otro adulto viene en su lugar: su correo electrónico, para que también reciba la invitación y los recordatorios (opcional).':
        'abuela@ejemplo.example',
    });
    s.emulator.forms.submitPrefilled(linkOf.get(englishFamily)!, {
      [`Which times suit you? [${second!.label}]`]: '1st choice',
      [`Which times suit you? [${first!.label}]`]: '2nd choice',
      'Would you like an interpreter at the conference?': 'Yes',
      'How would you like to meet?': 'Online',
      'Who will come? (Another trusted adult, such as a grandparent, may come in your place.)':
        'Grandmother',
    });
    const answers = rows(s, 'Availability');
    const shape = (id: string) =>
      answers
        .filter((r) => r['Family ID'] === id)
        .map((r) => [r.Rank, r.Start, r.End, r.Interpreter, r.Meet]);
    expect(shape(spanishFamily)).toHaveLength(2);
    expect(shape(spanishFamily)).toEqual(shape(englishFamily));
    expect(shape(spanishFamily)[0]).toEqual([
      1,
      expect.anything(),
      expect.anything(),
      'Yes',
      'Online',
    ]);
    expect(answers.find((r) => r['Family ID'] === spanishFamily)!['Who Comes']).toBe('La abuela');
    expect(answers.find((r) => r['Family ID'] === spanishFamily)!['Who Comes Email']).toBe(
      'abuela@ejemplo.example',
    );
  });

  it('an English answer’s trigger reads only the English response sheet: a Spanish answer whose trigger gave up is recorded by the Schedule build', () => {
    const { s, linkOf, spanishFamily, englishFamily, en, esLabel } = askedInBoth();
    const [first] = en.choices;
    const key = LockStore.documentKey(s.emulator.spreadsheet.id);
    s.emulator.locks.holdForAnother(key, s.emulator.ws.clock.now() + 600_000);
    s.emulator.forms.submitPrefilled(linkOf.get(spanishFamily)!, {
      [`¿Qué horarios les convienen? [${esLabel(first!)}]`]: '1.ª opción',
    });
    expect(s.emulator.triggers.firings.at(-1)!.error).toMatch(
      /recording a family’s form answers|changing this spreadsheet/,
    );
    s.emulator.locks.held.delete(key);
    s.emulator.forms.submitPrefilled(linkOf.get(englishFamily)!, {
      [`Which times suit you? [${first!.label}]`]: '1st choice',
    });
    const trigger = s.emulator.ws.reports.at(-1)!;
    expect(trigger.entry).toContain('onFormSubmit');
    // The event's range names the sheet: no sheet list to find it, and the Spanish sheet unread.
    expect(trigger.callsByMethod['SpreadsheetApp.Spreadsheet.getSheets']).toBeUndefined();
    const families = () => [...new Set(rows(s, 'Availability').map((r) => r['Family ID']))];
    expect(families()).toEqual([englishFamily]);
    run(s, 'schedule');
    expect(families().sort()).toEqual([englishFamily, spanishFamily].sort());
  });

  it('gives a Spanish-speaking family’s conference the Spanish questionnaire, whose answer lands on Feedback', () => {
    const s = openSchool({ students: 60 });
    run(s, 'setup');
    run(s, 'schedule');
    run(s, 'forms');
    const es = Object.values(state(s).questionnairesIn!)[0]!.es!;
    const schedule = rows(s, 'Schedule');
    const spanish = schedule.filter((r) => r.Language === 'Spanish');
    expect(spanish.length).toBeGreaterThan(0);
    const prefix = es.linkTemplate.split('?')[0]!;
    for (const r of schedule)
      expect(String(r['Feedback Link']).startsWith(prefix)).toBe(r.Language === 'Spanish');
    s.emulator.forms.submitPrefilled(String(spanish[0]!['Feedback Link']), {
      '¿Cómo fue la conferencia?': '4',
      '¿Desean una reunión de seguimiento con el maestro?': 'Sí',
      '¿Qué compartió su hijo y qué meta se propuso?': 'Leer cada noche',
    });
    const feedback = rows(s, 'Feedback');
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({
      'Conference ID': spanish[0]!['Conference ID'],
      Rating: 4,
      Goal: 'Leer cada noche',
      'Follow-up': 'Yes',
    });
  });
});
