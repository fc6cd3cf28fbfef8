/**
 * Families without email in the demo: letters.csv gives each its own links (the forms in its
 * language) and the reply slip printed under its letter; the office keys each returned slip in
 * through the family's own availability link, so the answer is recorded as the family's and
 * scheduled like anyone's.
 */
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import { familyChoices, type FamilyChoice, type TimeChoice } from '../src/core/availability';
import { availabilityLinks, FAMILY_CODE_PREFIX, readFormsState } from '../src/core/formlinks';
import { choiceLabelIn, formLanguage, type FormTexts } from '../src/core/formtexts';
import { allFormTexts, FORM_TEXTS_SHEET, readFormTextRows } from '../src/core/formtranslations';
import { replySlip } from '../src/core/replyslip';
import { familyIds, type FamilyIds } from '../src/core/familyshown';
import { cleanText } from '../src/core/normalize';
import { attendedBefore } from '../src/core/questionnaire';
import { parseRoster } from '../src/core/roster';
import { readScheduleSheet } from '../src/core/schedule/sheet';
import { parseTeachers } from '../src/core/teachers';
import { dayIn, wallClockIn } from '../src/core/zone';
import { pick } from './families';
import { schoolAsRead } from './waitoffers';

export const LETTERS_CSV_HEADER = [
  'Family ID',
  'Language',
  'Availability Link',
  'Questionnaire Link',
  'Reply Slip',
];

function documentProps(emulator: Emulator): Record<string, string> {
  return Object.fromEntries(
    emulator.kv.properties.get(`document:${emulator.spreadsheet.id}`) ?? [],
  );
}

/** A family no email reaches, in the language of its forms, and the times its slip offers. */
interface PaperFamily {
  id: string;
  /** The language the Roster gives it. */
  rosterLanguage: string;
  /** Its forms' language: the Roster's, or English when no form is in that language. */
  language: string;
  choices: FamilyChoice[];
  /** For each of its children's teachers, the slip's times that teacher is there. */
  byTeacher: FamilyChoice[][];
}

/**
 * The Roster's families that no email reaches, with the forms' words in every language (the
 * translated ones from the Form Texts sheet, as the printed letter reads them); and the
 * Roster's ids.
 */
function paperFamilies(
  emulator: Emulator,
  choices: TimeChoice[],
): { paper: PaperFamily[]; ids: FamilyIds; texts: Record<string, FormTexts> } {
  const sheet = (name: string) => emulator.spreadsheet.sheetByName(name)?.values() ?? null;
  const values = (name: string) => sheet(name) ?? [];
  const teachers = parseTeachers(values('Teachers'), wallClockIn(emulator.spreadsheet.timeZone));
  const roster = parseRoster(values('Roster'), teachers.teachers);
  const families = roster.families.filter((f) => f.contacts.every((c) => !c.email));
  const texts = allFormTexts(
    readFormTextRows(sheet(FORM_TEXTS_SHEET)),
    families.map((f) => f.language),
  );
  return {
    paper: families.map((f) => {
      const children = roster.students.filter((s) => s.familyId === f.id);
      const teachersOf = [...new Map(children.map((c) => [c.teacher, c])).values()];
      return {
        id: f.id,
        rosterLanguage: f.language,
        language: formLanguage(f.language, texts),
        choices: familyChoices(choices, teachers.windows, children),
        byTeacher: teachersOf.map((c) => familyChoices(choices, teachers.windows, [c])),
      };
    }),
    ids: familyIds(roster.families),
    texts,
  };
}

/**
 * One row per family without email: its links (the questionnaire's only for this round's
 * conferences marked attended, as the printed letter asks) and its reply slip.
 */
export function lettersCsv(emulator: Emulator, bundle: Bundle): string[][] {
  const props = documentProps(emulator);
  const { settings, wall, round } = schoolAsRead(emulator, bundle);
  const today = dayIn(emulator.ws.clock.now(), settings.timeZone || emulator.spreadsheet.timeZone);
  const {
    paper: families,
    ids,
    texts,
  } = paperFamilies(emulator, readFormsState(props).availability?.choices ?? []);
  const language = new Map(families.map((f) => [f.id, f.language]));
  const links = availabilityLinks(props, (id) => language.get(id) ?? '');
  const schedule = readScheduleSheet(
    emulator.spreadsheet.sheetByName('Schedule')?.values() ?? [],
    wall,
    [],
  );
  const linkColumn = schedule.columns.get('Feedback Link') ?? 0;
  const feedback = (id: string) =>
    schedule.rows
      .filter((r) => ids.resolve(r.familyId) === id && attendedBefore(r, round, today))
      .map((r) => cleanText(r.values[linkColumn - 1]))
      .filter(Boolean)
      .join(' ');
  return [
    LETTERS_CSV_HEADER,
    ...families.map((f) => [
      ids.shown(f.id),
      f.rosterLanguage || 'en',
      links.get(f.id) ?? '',
      feedback(f.id),
      replySlip(
        ids.shown(f.id),
        f.language,
        f.choices,
        props[FAMILY_CODE_PREFIX + f.id] ?? '',
        texts,
      ),
    ]),
  ];
}

/**
 * The office keys in each paper family's returned slip through the family's own link, in the
 * words of the form that link opens: for each of its children's teachers one of the slip's times
 * that teacher is there (siblings whose teachers' hours do not meet need one each), picked the
 * same way on every run, ranked in that order, each ticked on the form's row that holds it.
 * Returns how many were keyed in.
 */
export function keyInReplySlips(emulator: Emulator): number {
  const props = documentProps(emulator);
  const { paper: families, texts } = paperFamilies(
    emulator,
    readFormsState(props).availability?.choices ?? [],
  );
  const language = new Map(families.map((f) => [f.id, f.language]));
  const links = availabilityLinks(props, (id) => language.get(id) ?? 'en');
  let keyed = 0;
  families.forEach((f, n) => {
    const link = links.get(f.id);
    const ticked = f.byTeacher.flatMap(
      (own, k) => own[pick(n + k, 9) % Math.max(1, own.length)] ?? [],
    );
    const rows = [...new Map(ticked.map((t) => [t.row.label, t.row])).values()];
    if (!link || !rows.length) return;
    const { availability: a, ranks } = texts[f.language]!;
    emulator.forms.submitPrefilled(
      link,
      Object.fromEntries(
        rows.map((row, i) => [
          `${a.times} [${choiceLabelIn(row, f.language, texts)}]`,
          ranks[Math.min(i, ranks.length - 1)]!,
        ]),
      ),
    );
    keyed++;
  });
  return keyed;
}
