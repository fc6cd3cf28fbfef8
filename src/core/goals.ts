/**
 * The Goals record: each student's goals across rounds, from the student's prep (their goal for
 * the conference), their reflection afterwards (their goal now) and the family questionnaire
 * (the goal the family heard), each with where it came from. A goal's progress is what the
 * student said in the next round's reflection when asked whether last time's goal was met.
 * Pure: the workspace and the demo read the sheets.
 */
import { cleanText } from './normalize';
import type { PrepAnswer } from './prep';
import { REFLECTIONS } from './schema';
import { readTable } from './table';

export interface Reflection {
  studentId: string;
  round: string;
  howItWent: string;
  nextStep: string;
  goalNow: string;
  /** 'Yes', 'Partly', 'Not yet', or '' when not asked or not answered. */
  lastGoalMet: string;
}

/** Every round's reflections on the Reflections sheet, rows without a Student ID left out. */
export function readReflections(values: unknown[][] | null): Reflection[] {
  if (!values || values.length < 2) return [];
  return readTable(REFLECTIONS, values)
    .rows.map((r) => ({
      studentId: cleanText(r.get('Student ID')),
      round: cleanText(r.get('Round')),
      howItWent: cleanText(r.get('How It Went')),
      nextStep: cleanText(r.get('Next Step')),
      goalNow: cleanText(r.get('Goal Now')),
      lastGoalMet: cleanText(r.get('Last Goal Met')),
    }))
    .filter((r) => r.studentId !== '');
}

export type GoalSource = 'student prep' | 'student reflection' | 'family questionnaire';

export interface GoalRecord {
  studentId: string;
  round: string;
  goal: string;
  /** From the next round's reflection: 'Yes', 'Partly', 'Not yet', or ''. */
  progress: string;
  source: GoalSource;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The Goals record of every student: prep goals, then reflection goals, then the families', each
 * in the order given. `rounds` are the rounds in the order they were held.
 */
export function goalsRecord(input: {
  rounds: string[];
  prep: PrepAnswer[];
  reflections: Reflection[];
  familyGoals: { studentId: string; round: string; goal: string }[];
}): GoalRecord[] {
  const next = (round: string) => {
    const i = input.rounds.findIndex((r) => same(r, round));
    return i >= 0 ? input.rounds[i + 1] : undefined;
  };
  const progress = (studentId: string, round: string) => {
    const after = next(round);
    if (!after) return '';
    return (
      input.reflections.find((r) => r.studentId === studentId && same(r.round, after))
        ?.lastGoalMet ?? ''
    );
  };
  const record = (studentId: string, round: string, goal: string, source: GoalSource) => ({
    studentId,
    round,
    goal,
    progress: progress(studentId, round),
    source,
  });
  return [
    ...input.prep
      .filter((p) => p.goal)
      .map((p) => record(p.studentId, p.round, p.goal, 'student prep')),
    ...input.reflections
      .filter((r) => r.goalNow)
      .map((r) => record(r.studentId, r.round, r.goalNow, 'student reflection')),
    ...input.familyGoals
      .filter((g) => g.goal)
      .map((g) => record(g.studentId, g.round, g.goal, 'family questionnaire')),
  ];
}

/**
 * The reflections whose look back counts: those answering "Did I meet the goal I set last time?"
 * whose student had a goal in a round held before the reflection's (their prep's, a reflection's
 * goal now, or their family's from the questionnaire: the goal the next packet looks back on).
 * A "Yes" from a student who set no goal is counted neither as looking back nor as met.
 * `rounds`: the rounds in the order they were held; a round not among them has no earlier one.
 */
export function lookedBackOnAGoal(
  reflections: Reflection[],
  goals: { studentId: string; round: string; goal: string }[],
  rounds: string[],
): Reflection[] {
  const rank = (round: string) => rounds.findIndex((r) => same(r.trim(), round.trim()));
  // Each student's first round with a goal.
  const first = new Map<string, number>();
  for (const g of goals) {
    const i = rank(g.round);
    if (!g.goal.trim() || i < 0) continue;
    first.set(g.studentId, Math.min(first.get(g.studentId) ?? i, i));
  }
  return reflections.filter((r) => {
    const set = first.get(r.studentId);
    return r.lastGoalMet !== '' && set !== undefined && set < rank(r.round);
  });
}

/** One class's look back on last round's goals, in one round. */
export interface GoalsMet {
  round: string;
  teacher: string;
  lookedBack: number;
  met: number;
  partly: number;
  notYet: number;
}

/**
 * Goals met per class and round: of the students whose reflection looked back on last round's
 * goal, how many said Yes, Partly and Not yet, by their teacher. Given the reflections that
 * count (lookedBackOnAGoal).
 */
export function goalsMetPerClass(
  reflections: Reflection[],
  teacherOf: (studentId: string, round: string) => string,
): GoalsMet[] {
  const by = new Map<string, GoalsMet>();
  for (const r of reflections) {
    if (!r.lastGoalMet) continue;
    const teacher = teacherOf(r.studentId, r.round) || '(no class)';
    const key = `${r.round}\u0000${teacher}`;
    const row = by.get(key) ?? {
      round: r.round,
      teacher,
      lookedBack: 0,
      met: 0,
      partly: 0,
      notYet: 0,
    };
    row.lookedBack++;
    if (same(r.lastGoalMet, 'Yes')) row.met++;
    else if (same(r.lastGoalMet, 'Partly')) row.partly++;
    else if (same(r.lastGoalMet, 'Not yet')) row.notYet++;
    by.set(key, row);
  }
  return [...by.values()].sort(
    (a, b) => a.round.localeCompare(b.round) || a.teacher.localeCompare(b.teacher),
  );
}
