/**
 * The coordinator's Summary as one grid, from the Schedule and Feedback rows: participation
 * overall, per round, teacher and grade; responses and ratings; the follow-ups to act on; the
 * goals families reported; the interpreter roster. Pure: the workspace reads the sheets, calls
 * this, and writes the grid with one setValues, every string as plain text (core/answers.ts).
 */
import { inRound, roundsInDateOrder } from './rounds';
import { answerText } from './answers';
import type { FeedbackAnswer } from './feedback';
import { FOLLOWUP_KINDS, FOLLOWUP_STATUSES } from './followups';
import { formatMinutes } from './normalize';
import {
  familiesFromSchedule,
  participation,
  PARTICIPATION_HEADER,
  participationCells,
  type RosterFamily,
  type RoundFamilies,
} from './participation';
import type { PrepAnswer } from './prep';
import { goalsMetPerClass, lookedBackOnAGoal, type Reflection } from './goals';
import { unmarkedPast } from './questionnaire';
import { mean, percent, type Cell } from './figures';
import { roundsCompared } from './roundscompared';

export interface SummaryConference {
  conferenceId: string;
  round: string;
  teacher: string;
  family: string;
  familyId: string;
  /** The students of the conference (their grades are `grades`, in the same order). */
  studentIds?: string[];
  grades: string[];
  status: string;
  /** yyyy-MM-dd, or '' when unreadable. */
  date: string;
  start: number | null;
  end: number | null;
  room: string;
  language: string;
  interpreter: boolean;
  emails: string;
  /** The Roster's phone of a family no email reaches, else '' (or absent). */
  phone?: string;
}

/** A Feedback row: the family's answers (without the code) and what they are about. */
export interface SummaryFeedback extends Omit<FeedbackAnswer, 'token'> {
  /** When the family answered on the school's clock, sortable as text (yyyy-MM-dd HH:mm:ss). */
  answered: string;
  conferenceId: string;
  /** Why the answer needs a look ('' when it is counted). */
  flag: string;
}

export interface SummaryInput {
  title: string;
  round: string;
  /** yyyy-MM-dd: conferences before today have taken place. */
  today: string;
  conferences: SummaryConference[];
  feedback: SummaryFeedback[];
  /** Every family on the Roster; without it, the families the Schedule names. */
  families?: RosterFamily[];
  /** An earlier round's families as kept while it was current (null: none kept). */
  roundFamilies?: (round: string) => RoundFamilies | null;
  /** Every conference of this round is on a day before today. */
  roundOver?: boolean;
  /** The students' preparation (the Student Prep sheet), every round. */
  prep?: PrepAnswer[];
  /** The Follow-ups sheet's requests (Kind and Status cells), when it exists. */
  followUps?: { kind: string; status: string }[];
  /** The students' reflections (the Reflections sheet), every round. */
  reflections?: Reflection[];
}

/** A block of the grid a chart is drawn from (1-based, header row included). */
export interface ChartBlock {
  title: string;
  row: number;
  numRows: number;
  /** Columns (1-based): the first is the labels, the others the series. */
  columns: number[];
}

export interface SummaryGrid {
  grid: (string | number)[][];
  charts: ChartBlock[];
  /** Headline figures, for the sidebar. */
  totals: {
    scheduled: number;
    attended: number;
    noShow: number;
    responses: number;
    followUps: number;
    flagged: number;
    /** This round, over every family on the Roster. */
    rosterFamilies: number;
    waitlisted: number;
    participation: number | '';
    /** This round's conferences before today marked neither attended nor no-show (nor called off). */
    unmarked?: number;
  };
}

const NOT_SCHEDULED = new Set(['cancelled', 'declined']);

/** One definition for the school and each teacher: the questionnaire goes to attended conferences. */
const RESPONSE_RATE =
  'response rate = answers ÷ conferences attended (the conferences the questionnaire is sent to).';

interface Tally {
  scheduled: number;
  attended: number;
  noShow: number;
}

function tally(list: SummaryConference[]): Tally {
  const live = list.filter((c) => !NOT_SCHEDULED.has(c.status));
  return {
    scheduled: live.length,
    attended: live.filter((c) => c.status === 'attended').length,
    noShow: live.filter((c) => c.status === 'no-show').length,
  };
}

function groupBy<T>(items: T[], keys: (t: T) => string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) for (const k of keys(item)) out.set(k, [...(out.get(k) ?? []), item]);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

/** The answers that count: one per conference (the latest), unflagged. */
export function countedAnswers(feedback: SummaryFeedback[]): Map<string, SummaryFeedback> {
  const latest = new Map<string, SummaryFeedback>();
  for (const f of feedback) {
    if (f.flag || !f.conferenceId) continue;
    const seen = latest.get(f.conferenceId);
    if (!seen || seen.answered <= f.answered) latest.set(f.conferenceId, f);
  }
  return latest;
}

/**
 * Every row of the round being played under that round's name: a blank Round, or the name in
 * other case ("fall"), is this round's for the Summary as for every step (`inRound`), so the
 * Rounds compared and participation count it where the sidebar does, not apart.
 */
function asPlayed(input: SummaryInput): SummaryInput {
  const named = <T extends { round: string }>(rows: T[] | undefined): T[] | undefined =>
    rows?.map((r) => (inRound(r.round, input.round) ? { ...r, round: input.round } : r));
  return {
    ...input,
    conferences: named(input.conferences)!,
    prep: named(input.prep),
    reflections: named(input.reflections),
  };
}

export function buildSummary(given: SummaryInput): SummaryGrid {
  const input = asPlayed(given);
  const rows: Cell[][] = [];
  const charts: ChartBlock[] = [];
  const text = (s: string) => answerText(s);
  const add = (...cells: Cell[]) => rows.push(cells);
  const section = (title: string, note = '') => {
    if (rows.length) add('');
    add(text(title), text(note));
  };
  const round = input.conferences.filter((c) => inRound(c.round, input.round));
  const counted = countedAnswers(input.feedback);
  const roundIds = new Set(round.map((c) => c.conferenceId));
  const answers = [...counted.values()].filter((f) => roundIds.has(f.conferenceId));
  const byId = new Map(round.map((c) => [c.conferenceId, c]));
  const answered = (list: SummaryConference[]) => list.filter((c) => counted.has(c.conferenceId));

  // 'Summary' in A1 is the header set-up checks for: a rebuild and a set-up never fight over row 1.
  add('Summary', text(input.title), text(`${input.round} round`));

  const families = input.families ?? familiesFromSchedule(input.conferences);
  const share = participation(
    families,
    input.conferences,
    input.round,
    input.roundFamilies,
    input.roundOver,
  );
  section(
    'Participation',
    'Families on the Roster; participation = attended ÷ roster families. Waitlisted: no conference; unreachable: no email or phone. An earlier round keeps its own families: those on the Roster when its Summary was last built, and its own Schedule rows.',
  );
  add('Round', ...PARTICIPATION_HEADER);
  for (const r of share.rounds) add(text(r.label), ...participationCells(r));
  add('');
  add(`Families per teacher (${text(input.round)})`, ...PARTICIPATION_HEADER);
  for (const r of share.teachers) add(text(r.label), ...participationCells(r));
  add('');
  add(`Families per grade (${text(input.round)})`, ...PARTICIPATION_HEADER);
  for (const r of share.grades) add(text(r.label), ...participationCells(r));

  section(
    'Rounds compared',
    'Each round in the order held; the last column is the latest round less the one before (points for a %). Students’ own goals and families’ questionnaire goals are counted apart.',
  );
  // A look back counts only where the student had a goal in an earlier round: their own (prep,
  // reflection) or their family's from the questionnaire, as the packet shows it.
  const conferenceOf = new Map(input.conferences.map((c) => [c.conferenceId, c]));
  const lookedBack = lookedBackOnAGoal(
    input.reflections ?? [],
    [
      ...(input.prep ?? []),
      ...(input.reflections ?? []).map((r) => ({ ...r, goal: r.goalNow })),
      ...[...counted].flatMap(([id, a]) => {
        const c = conferenceOf.get(id);
        return c
          ? (c.studentIds ?? []).map((studentId) => ({ studentId, round: c.round, goal: a.goal }))
          : [];
      }),
    ],
    roundsInDateOrder(input.conferences.filter((c) => c.date !== '')),
  );
  for (const r of roundsCompared({
    rounds: share.rounds,
    conferences: input.conferences,
    answers: counted,
    prep: input.prep ?? [],
    reflections: input.reflections ?? [],
    lookedBack,
  }))
    add(...r.map((c) => (typeof c === 'string' ? text(c) : c)));

  const feedbackHeader = ['Responses', 'Response rate %', 'Average rating'];
  section('Per teacher', `${input.round}; ${RESPONSE_RATE}`);
  const teacherTop = rows.length + 1;
  add('Teacher', 'Attended', 'No-show', 'Scheduled', 'Attended % of scheduled', ...feedbackHeader);
  const teachers = groupBy(round, (c) => [c.teacher || '(no teacher)']);
  for (const [name, list] of teachers) {
    const t = tally(list);
    const ratings = answered(list)
      .map((c) => counted.get(c.conferenceId)!.rating)
      .filter((r): r is number => r !== null);
    add(
      text(name),
      t.attended,
      t.noShow,
      t.scheduled,
      percent(t.attended, t.scheduled),
      answered(list).length,
      percent(answered(list).length, t.attended),
      mean(ratings),
    );
  }
  if (teachers.size > 0) {
    charts.push({
      title: 'Participation per teacher',
      row: teacherTop,
      numRows: teachers.size + 1,
      columns: [1, 2, 3],
    });
    charts.push({
      title: 'Average rating per teacher (1–5)',
      row: teacherTop,
      numRows: teachers.size + 1,
      columns: [1, 8],
    });
  } else add(text('No conferences in this round yet.'));

  section('Per grade', `${input.round}; a conference counts for each grade among its students.`);
  add('Grade', 'Attended', 'No-show', 'Scheduled', 'Attended % of scheduled');
  for (const [grade, list] of groupBy(round, (c) =>
    c.grades.length ? [...new Set(c.grades)] : ['(no grade)'],
  )) {
    const t = tally(list);
    add(text(grade), t.attended, t.noShow, t.scheduled, percent(t.attended, t.scheduled));
  }

  const flagged = input.feedback.filter((f) => f.flag);
  const ratings = answers.map((f) => f.rating).filter((r): r is number => r !== null);
  const t = tally(round);
  section(
    'Questionnaire',
    `${input.round}; the latest answer per conference counts; ${RESPONSE_RATE}`,
  );
  add(...feedbackHeader, 'Answers to check');
  add(answers.length, percent(answers.length, t.attended), mean(ratings), flagged.length);

  const followUps = answers
    .filter((f) => f.followUp)
    .sort((a, b) => a.answered.localeCompare(b.answered));
  section(
    'Follow-up requests',
    `${input.round} round: ${followUps.length ? 'families asking to meet the teacher again.' : 'none yet.'}`,
  );
  add('Family', 'Teacher', 'When', 'Contact', 'Conference ID', 'Answered');
  for (const f of followUps) {
    const c = byId.get(f.conferenceId)!;
    add(
      text(c.family),
      text(c.teacher),
      text(f.followUpWhen),
      text(c.emails || c.phone || ''),
      text(c.conferenceId),
      text(f.answered),
    );
  }

  if (input.followUps) {
    // A blank Status is new; a Kind or Status people typed their own way gets its own row or column.
    const rows = input.followUps.map((f) => ({
      kind: f.kind.trim().toLowerCase() || '(no kind)',
      status: f.status.trim().toLowerCase() || 'new',
    }));
    const statuses = [...new Set([...FOLLOWUP_STATUSES, ...rows.map((r) => r.status)])];
    const kinds = [...new Set([...FOLLOWUP_KINDS, ...rows.map((r) => r.kind)])];
    section(
      'Follow-ups by kind and status',
      'From the Follow-ups sheet: every request of every round, with its owner.',
    );
    add('Kind', ...statuses.map(text), 'All');
    for (const kind of [...kinds, 'all']) {
      const mine = kind === 'all' ? rows : rows.filter((r) => r.kind === kind);
      add(
        kind === 'all' ? 'All' : text(kind),
        ...statuses.map((s) => mine.filter((r) => r.status === s).length),
        mine.length,
      );
    }
  }

  const goals = answers
    .filter((f) => f.goal || f.help)
    .sort((a, b) =>
      byId.get(a.conferenceId)!.teacher.localeCompare(byId.get(b.conferenceId)!.teacher),
    );
  section('Goals families reported', `${input.round} round (the family questionnaire).`);
  add('Teacher', 'Family', 'Goal', 'How the family will help', 'Comments');
  for (const f of goals) {
    const c = byId.get(f.conferenceId)!;
    add(text(c.teacher), text(c.family), text(f.goal), text(f.help), text(f.comments));
  }

  const interpreted = round
    .filter((c) => c.interpreter && !NOT_SCHEDULED.has(c.status))
    .sort(
      (a, b) =>
        a.language.localeCompare(b.language) ||
        a.date.localeCompare(b.date) ||
        (a.start ?? 0) - (b.start ?? 0),
    );
  section(
    'Interpreter roster',
    `${input.round} round: ${interpreted.length ? 'per language and time.' : 'no conference needs an interpreter.'}`,
  );
  add('Language', 'Date', 'Start', 'End', 'Teacher', 'Room', 'Family');
  for (const c of interpreted) {
    add(
      text(c.language || '(not given)'),
      text(c.date),
      text(c.start === null ? '' : formatMinutes(c.start)),
      text(c.end === null ? '' : formatMinutes(c.end)),
      text(c.teacher),
      text(c.room),
      text(c.family),
    );
  }

  if (flagged.length) {
    section(
      'Answers to check',
      'Kept, not counted: the code in the link did not match a conference of this round.',
    );
    add('Answered', 'Why', 'Conference ID');
    for (const f of flagged) add(text(f.answered), text(f.flag), text(f.conferenceId));
  }

  // From the second round on, each class's students say whether last round's goal was met. A
  // student is in the class the Roster gives, with a conference or without (waitlisted); a student
  // no longer on the Roster, in the class of their conference that round.
  const rosterClass = new Map(families.flatMap((f) => f.students.map((s) => [s.id, s.teacher])));
  const teacherOf = (studentId: string, round: string) =>
    rosterClass.get(studentId) ||
    (input.conferences.find(
      (c) => c.round === round && c.status !== 'cancelled' && c.studentIds?.includes(studentId),
    )?.teacher ??
      '');
  const goalsMet = goalsMetPerClass(lookedBack, teacherOf);
  if (goalsMet.length) {
    section(
      'Goals met per class',
      'Students looking back in their reflection on the goal they set last round.',
    );
    add('Round', 'Teacher', 'Looked back', 'Met', 'Partly', 'Not yet');
    for (const g of goalsMet)
      add(text(g.round), text(g.teacher), g.lookedBack, g.met, g.partly, g.notYet);
  }

  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...new Array<Cell>(width - r.length).fill('')]);
  const now = share.rounds.find((r) => r.label === (input.round || '(no round)'));
  return {
    grid,
    charts,
    totals: {
      scheduled: t.scheduled,
      attended: t.attended,
      noShow: t.noShow,
      responses: answers.length,
      followUps: followUps.length,
      flagged: flagged.length,
      rosterFamilies: now?.rosterFamilies ?? 0,
      waitlisted: now?.waitlisted ?? 0,
      participation: now?.participation ?? '',
      unmarked: unmarkedPast(input.conferences, input.round, input.today).length,
    },
  };
}
