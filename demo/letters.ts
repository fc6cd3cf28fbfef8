/**
 * Families without email in the demo: letters.csv gives each its own links (the forms in its
 * language) and the reply slip printed under its letter; the office keys each returned slip in
 * through the family's own availability link, so the answer is recorded as the family's and
 * scheduled like anyone's.
 */
import type { Emulator } from '../emulator/index';
import { familyChoices, type TimeChoice } from '../src/core/availability';
import { availabilityLinks, FAMILY_CODE_PREFIX, readFormsState } from '../src/core/formlinks';
import { choiceLabelIn, FORM_TEXTS, formLanguage } from '../src/core/formtexts';
import { replySlip } from '../src/core/replyslip';
import { familyIds, type FamilyIds } from '../src/core/familyshown';
import { parseRoster } from '../src/core/roster';
import { parseTeachers } from '../src/core/teachers';
import { wallClockIn } from '../src/core/zone';
import { pick } from './families';

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

/**
 * The Roster's families that no email reaches, with their language and the form's times their
 * slip offers (those of their own children's teachers); and the Roster's ids.
 */
function paperFamilies(
  emulator: Emulator,
  choices: TimeChoice[],
): { paper: { id: string; language: string; choices: TimeChoice[] }[]; ids: FamilyIds } {
  const values = (name: string) => emulator.spreadsheet.sheetByName(name)?.values() ?? [];
  const teachers = parseTeachers(values('Teachers'), wallClockIn(emulator.spreadsheet.timeZone));
  const roster = parseRoster(values('Roster'), teachers.teachers);
  return {
    paper: roster.families
      .filter((f) => f.contacts.every((c) => !c.email))
      .map((f) => ({
        id: f.id,
        language: f.language,
        choices: familyChoices(
          choices,
          teachers.windows,
          roster.students.filter((s) => s.familyId === f.id),
        ),
      })),
    ids: familyIds(roster.families),
  };
}

/** One row per family without email: its links and its reply slip. */
export function lettersCsv(emulator: Emulator): string[][] {
  const props = documentProps(emulator);
  const { paper: families, ids } = paperFamilies(
    emulator,
    readFormsState(props).availability?.choices ?? [],
  );
  const language = new Map(families.map((f) => [f.id, f.language]));
  const links = availabilityLinks(props, (id) => language.get(id) ?? '');
  const schedule = emulator.spreadsheet.sheetByName('Schedule')?.values() ?? [];
  const header = (schedule[0] ?? []).map(String);
  const col = (h: string) => header.indexOf(h);
  const feedback = (id: string) =>
    schedule
      .slice(1)
      .filter((r) => ids.resolve(r[col('Family ID')]) === id && r[col('Feedback Link')])
      .map((r) => String(r[col('Feedback Link')]))
      .join(' ');
  return [
    LETTERS_CSV_HEADER,
    ...families.map((f) => [
      ids.shown(f.id),
      f.language || 'en',
      links.get(f.id) ?? '',
      feedback(f.id),
      replySlip(ids.shown(f.id), f.language, f.choices, props[FAMILY_CODE_PREFIX + f.id] ?? ''),
    ]),
  ];
}

/**
 * The office keys in each paper family's returned slip through the family's own link, in the
 * words of the form that link opens: one of the times its slip offers (its own teachers'),
 * picked the same way on every run, ticked as the first choice. Returns how many were keyed in.
 */
export function keyInReplySlips(emulator: Emulator): number {
  const props = documentProps(emulator);
  const families = paperFamilies(emulator, readFormsState(props).availability?.choices ?? []).paper;
  const language = new Map(families.map((f) => [f.id, formLanguage(f.language)]));
  const links = availabilityLinks(props, (id) => language.get(id) ?? 'en');
  let keyed = 0;
  families.forEach((f, n) => {
    const link = links.get(f.id);
    const ticked = f.choices[pick(n, 9) % Math.max(1, f.choices.length)];
    if (!link || !ticked) return;
    const own = language.get(f.id)!;
    const { availability: a, ranks } = FORM_TEXTS[own]!;
    emulator.forms.submitPrefilled(link, {
      [`${a.times} [${choiceLabelIn(ticked, own)}]`]: ranks[0],
    });
    keyed++;
  });
  return keyed;
}
