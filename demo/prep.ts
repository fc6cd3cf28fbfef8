/**
 * The demo's students preparing for a round: the round's prep form is made, and each student's
 * answers go in through their own link, as a student submits the form (the add-on's trigger
 * writes the Student Prep sheet). The answers come from --student-prep's rows for the round (a
 * blank Round counts for every round); without that file, about a third of the students make
 * up a few words of their own.
 */
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import { inRound } from '../src/core/rounds';
import { headerKey } from '../src/core/schema';
import { PREP_TEXTS, REFLECTION_TEXTS, type PrepFormTexts } from '../src/core/studentforms';
import type { Problem, Result, StudentLink } from '../src/shared/api';
import { pick, roundOdds, runJob } from './families';

/** The CSV's columns, by the prep form's question each one answers. */
const COLUMNS: [string, keyof PrepFormTexts][] = [
  ['Proud Of', 'proudOf'],
  ['Learning Targets', 'learningTargets'],
  ['Work Sample', 'workSample'],
  ['Goal', 'goal'],
  ['Family Question', 'familyQuestion'],
  ['Coming With Me', 'coming'],
];

const MADE_UP = {
  en: ['My story about the river', 'My science notebook', 'Finish a chapter book a month'],
  es: ['Mi cuento sobre el río', 'Mi cuaderno de ciencias', 'Terminar un libro al mes'],
};

/**
 * Plays the students' preparation for `round`; returns how many students prepared and the
 * rows of `csv` (header first) that name no student on the Roster.
 */
export function prepareStudents(
  emulator: Emulator,
  bundle: Bundle,
  round: string,
  /** The round's place in the year (0: the first): how likely a student is to prepare. */
  nth: number,
  csv: string[][] | null,
  /** The file's name as given, for the messages. */
  file = 'student-prep.csv',
): { prepared: number; studentIds: string[]; problems: Problem[] } {
  runJob(bundle, 'student-forms');
  const r = bundle.callFromClient('getStudentLinks', []) as Result<StudentLink[]>;
  if (!r.ok) throw new Error(r.error.message);
  const links = new Map(r.value.map((l) => [l.studentId, l]));
  // Each student answers the form their link opens, in that form's words.
  const spanish = (link: StudentLink) =>
    emulator.forms.readPrefilled(link.link).form.items.some((i) => i.title === PREP_TEXTS.es!.goal);
  const submit = (link: StudentLink, answers: Partial<Record<keyof PrepFormTexts, string>>) => {
    const words = spanish(link) ? PREP_TEXTS.es! : PREP_TEXTS.en!;
    const given = Object.entries(answers).filter(([, v]) => v);
    emulator.forms.submitPrefilled(
      link.link,
      Object.fromEntries(given.map(([k, v]) => [words[k as keyof PrepFormTexts] as string, v!])),
    );
  };
  const problems: Problem[] = [];
  const studentIds: string[] = [];
  if (csv) {
    const header = (csv[0] ?? []).map(headerKey);
    const at = (row: string[], column: string) => {
      const i = header.indexOf(headerKey(column));
      return i < 0 ? '' : (row[i] ?? '').trim();
    };
    csv.slice(1).forEach((row, i) => {
      if (row.every((cell) => cell.trim() === '') || !inRound(at(row, 'Round'), round)) return;
      const id = at(row, 'Student ID');
      const link = links.get(id);
      if (!link) {
        const column = Math.max(1, header.indexOf(headerKey('Student ID')) + 1);
        problems.push({
          severity: 'warning',
          where: { sheet: 'Student Prep', row: i + 2, column },
          message: `${file}, row ${i + 2}: "${id}" is not a Student ID on the Roster; that row was not submitted.`,
        });
        return;
      }
      submit(link, Object.fromEntries(COLUMNS.map(([column, key]) => [key, at(row, column)])));
      studentIds.push(id);
    });
    return { prepared: studentIds.length, studentIds, problems };
  }
  [...links.values()].forEach((link, n) => {
    if (!roundOdds(nth).prepares(n)) return;
    const [proudOf, workSample, goal] = MADE_UP[spanish(link) ? 'es' : 'en'];
    submit(link, { proudOf, workSample, goal });
    studentIds.push(link.studentId);
  });
  return { prepared: studentIds.length, studentIds, problems };
}

/**
 * After the conferences: every student who prepared this round reflects through their own link
 * (how it went, what next, their goal now) and, where the form asks and the student set a goal
 * last round, says whether that goal was met. Returns how many reflected.
 */
export function reflectStudents(
  emulator: Emulator,
  bundle: Bundle,
  studentIds: string[],
  /** The students who set a goal last round (none in the first). */
  hadGoal: ReadonlySet<string>,
): number {
  const r = bundle.callFromClient('getStudentLinks', []) as Result<StudentLink[]>;
  if (!r.ok) throw new Error(r.error.message);
  let reflected = 0;
  for (const [n, link] of r.value.entries()) {
    if (!studentIds.includes(link.studentId) || !link.reflectionLink) continue;
    const form = emulator.forms.readPrefilled(link.reflectionLink).form;
    const t = form.items.some((i) => i.title === REFLECTION_TEXTS.es!.goalNow)
      ? REFLECTION_TEXTS.es!
      : REFLECTION_TEXTS.en!;
    const answers: Record<string, string> = {
      [t.howItWent]:
        t === REFLECTION_TEXTS.es ? 'Bien, mostré mi cuento' : 'Good, I showed my story',
      [t.nextStep]: t === REFLECTION_TEXTS.es ? 'Leer cada noche' : 'Read every night',
      [t.goalNow]: t === REFLECTION_TEXTS.es ? 'Leer dos libros' : 'Read two books',
    };
    if (hadGoal.has(link.studentId) && form.items.some((i) => i.title === t.lastGoalMet))
      answers[t.lastGoalMet] = t.met[pick(n, 8) % 3]!;
    emulator.forms.submitPrefilled(link.reflectionLink, answers);
    reflected++;
  }
  return reflected;
}
