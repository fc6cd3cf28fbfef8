/**
 * Students' preparation for a round, from the Student Prep sheet (one row per student per round,
 * typed by a teacher or a student): what they are proud of, the work they will show, their
 * goal, what they would like their family to ask. A later row for the same student and round
 * replaces an earlier one.
 */
import { cleanText } from './normalize';
import { inRound } from './rounds';
import { STUDENT_PREP } from './schema';
import { readTable } from './table';

export interface PrepAnswer {
  studentId: string;
  round: string;
  proudOf: string;
  learningTargets: string;
  workSample: string;
  goal: string;
  familyQuestion: string;
  /** Who the student said is coming with them (the prep form's last question). */
  coming?: string;
}

/** Every round's preparation on the sheet, rows without a Student ID left out. */
export function readStudentPrep(values: unknown[][] | null): PrepAnswer[] {
  if (!values || values.length < 2) return [];
  return readTable(STUDENT_PREP, values)
    .rows.map((r) => ({
      studentId: cleanText(r.get('Student ID')),
      round: cleanText(r.get('Round')),
      proudOf: cleanText(r.get('Proud Of')),
      learningTargets: cleanText(r.get('Learning Targets')),
      workSample: cleanText(r.get('Work Sample')),
      goal: cleanText(r.get('Goal')),
      familyQuestion: cleanText(r.get('Family Question')),
      coming: cleanText(r.get('Coming With Me')),
    }))
    .filter((a) => a.studentId !== '');
}

/** This round's preparation by student (a blank Round counts for the round being played). */
export function prepForRound(answers: PrepAnswer[], round: string): Map<string, PrepAnswer> {
  return new Map(answers.filter((a) => inRound(a.round, round)).map((a) => [a.studentId, a]));
}

/** Ready to lead the conference: a goal, and something to show or be proud of. */
export function isPrepared(a: PrepAnswer | undefined): boolean {
  return !!a && a.goal !== '' && (a.proudOf !== '' || a.workSample !== '');
}

/** Per teacher, how many of their students are prepared ("18 of 25 ready"), by teacher name. */
export function readinessByTeacher(
  students: { id: string; teacher: string }[],
  prep: Map<string, PrepAnswer>,
): { teacher: string; ready: number; total: number }[] {
  const by = new Map<string, { teacher: string; ready: number; total: number }>();
  for (const s of students) {
    const t = by.get(s.teacher) ?? { teacher: s.teacher, ready: 0, total: 0 };
    t.total++;
    if (isPrepared(prep.get(s.id))) t.ready++;
    by.set(s.teacher, t);
  }
  return [...by.values()].sort((a, b) => a.teacher.localeCompare(b.teacher));
}
