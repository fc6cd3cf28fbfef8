/**
 * The Summary's "Rounds compared" table: one row per figure a coordinator follows from round to
 * round, one column per round in the order the rounds were held, and a last column with the
 * change from the round before the latest to the latest. Students' own goals (Student Prep and
 * reflection) and the goals families wrote in the questionnaire are counted apart. Pure.
 */
import type { ParticipationRow } from './participation';
import { isPrepared, type PrepAnswer } from './prep';
import type { Reflection } from './goals';
import { mean, percent, tenth, type Cell } from './figures';
import { roundsInDateOrder } from './rounds';

const NO_EARLIER_ROUND = 'No earlier round';

/** Conferences and answers as the comparison needs them. */
export interface RoundsInput {
  /** Participation of every round (participation.ts), one row each. */
  rounds: ParticipationRow[];
  conferences: { conferenceId: string; round: string; status: string; date: string }[];
  /** The answers that count, by conference ID (one each). */
  answers: Map<string, { rating: number | null; goal: string }>;
  prep: PrepAnswer[];
  reflections: Reflection[];
  /** The reflections whose look back on last round's goal counts (goals.ts lookedBackOnAGoal). */
  lookedBack: Reflection[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A row's round as participation labels it. The Summary (buildSummary) has already named the
 * round being played on its rows with a blank Round (`inRound`: one definition, the sidebar's);
 * a blank Round reaching here otherwise is "(no round)", for conferences, Student Prep and
 * reflections alike.
 */
const roundOf = (c: { round: string }) => (c.round.trim() === '' ? '(no round)' : c.round);

/** The figures of one round, in the table's row order. */
function figures(row: ParticipationRow, input: RoundsInput): [string, Cell][] {
  const name = row.label;
  const mine = input.conferences.filter((c) => roundOf(c) === name);
  const answers = mine.flatMap((c) => {
    const a = input.answers.get(c.conferenceId);
    return a ? [a] : [];
  });
  const attended = mine.filter((c) => c.status === 'attended').length;
  const prep = input.prep.filter((p) => same(roundOf(p), name));
  const reflections = input.reflections.filter((r) => same(roundOf(r), name));
  const ownGoals = new Set([
    ...prep.filter((p) => p.goal).map((p) => p.studentId),
    ...reflections.filter((r) => r.goalNow).map((r) => r.studentId),
  ]);
  const lookedBack = input.lookedBack.filter((r) => same(roundOf(r), name));
  return [
    ['Roster families', row.rosterFamilies],
    ['Families who came', row.attended],
    ['Participation % (families who came ÷ roster families)', row.participation],
    ['Students prepared (Student Prep)', prep.filter(isPrepared).length],
    ['Students who set their own goal (Student Prep or reflection)', ownGoals.size],
    ["Students who looked back on last round's goal", lookedBack.length],
    [
      "Students who met last round's goal",
      lookedBack.filter((r) => same(r.lastGoalMet, 'Yes')).length,
    ],
    ["Families' goals (questionnaire)", answers.filter((a) => a.goal).length],
    ['Questionnaire answers', answers.length],
    ['Response rate % (answers ÷ conferences attended)', percent(answers.length, attended)],
    [
      'Average rating (1–5)',
      mean(answers.map((a) => a.rating).filter((r): r is number => r !== null)),
    ],
  ];
}

/** The rounds in the order they were held: by their earliest dated conference, undated last. */
function heldOrder(input: RoundsInput): ParticipationRow[] {
  const order = roundsInDateOrder(
    input.conferences
      .filter((c) => c.date !== '')
      .map((c) => ({ round: roundOf(c), date: c.date })),
  );
  const rank = (label: string) => {
    const i = order.findIndex((name) => same(name, label));
    return i < 0 ? order.length : i;
  };
  return [...input.rounds].sort(
    (a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label),
  );
}

/**
 * The table, header first: Measure, each round, and the change from the round before the latest
 * (a number, in points for a percentage; blank when either round has no figure), or words saying
 * there is no earlier round.
 */
export function roundsCompared(input: RoundsInput): Cell[][] {
  const rounds = heldOrder(input);
  const columns = rounds.map((r) => figures(r, input));
  const latest = rounds.length - 1;
  const header: Cell[] = [
    'Measure',
    ...rounds.map((r) => r.label),
    latest > 0 ? `Change (${rounds[latest]!.label} − ${rounds[latest - 1]!.label})` : 'Change',
  ];
  const change = (i: number): Cell => {
    if (latest < 1) return NO_EARLIER_ROUND;
    const now = columns[latest]![i]![1];
    const before = columns[latest - 1]![i]![1];
    return typeof now === 'number' && typeof before === 'number' ? tenth(now - before) : '';
  };
  return [
    header,
    ...(columns[0] ?? []).map(([label], i) => [label, ...columns.map((c) => c[i]![1]), change(i)]),
  ];
}
