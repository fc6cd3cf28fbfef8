/**
 * Participation over every family on the Roster, not only the families that got a conference:
 * a family whose children could not be placed is a family that did not take part. Each family
 * counts once per group (round, teacher, grade) as scheduled or waitlisted, and a scheduled one
 * as attended, no-show or not yet marked; a family with no email and no phone is also counted as
 * unreachable. Pure: the Summary's rows come from here.
 */
import type { RosterResult } from './roster';

/** A family as the Roster lists it: its students (with host teacher and grade) and contacts. */
export interface RosterFamily {
  familyId: string;
  students: { id: string; teacher: string; grade: string }[];
  /** False when the family has no email address and no phone number of its own. */
  reachable: boolean;
}

/** Every Roster family as participation counts it: its students, and whether it can be reached. */
export function rosterFamilies(roster: RosterResult): RosterFamily[] {
  const students = new Map(roster.students.map((st) => [st.id, st]));
  return roster.families.map((f) => {
    const own = f.studentIds.map((id) => students.get(id)).filter((st) => st !== undefined);
    return {
      familyId: f.id,
      students: own.map((st) => ({ id: st.id, teacher: st.teacher, grade: st.grade })),
      reachable: f.contacts.some((c) => c.email) || Boolean(f.phone),
    };
  });
}

/** A Schedule row as participation needs it. */
export interface ParticipationConference {
  round: string;
  teacher: string;
  familyId: string;
  studentIds?: string[];
  grades: string[];
  status: string;
}

export interface ParticipationRow {
  label: string;
  rosterFamilies: number;
  /** Families with a conference that is not cancelled or declined. */
  scheduled: number;
  attended: number;
  /** Families whose every conference in the group was a no-show. */
  noShow: number;
  /** Families with no conference in the group (could not be placed, or cancelled). */
  waitlisted: number;
  /** Families the school has no email or phone for. */
  unreachable: number;
  /** attended ÷ roster families, as a whole percent ('' when there is no family). */
  participation: number | '';
}

export const PARTICIPATION_HEADER = [
  'Roster families',
  'Scheduled',
  'Attended',
  'No-show',
  'Waitlisted',
  'Unreachable',
  'Participation %',
];

const NOT_HELD = new Set(['cancelled', 'declined']);

export function participationCells(row: ParticipationRow): (string | number)[] {
  return [
    row.rosterFamilies,
    row.scheduled,
    row.attended,
    row.noShow,
    row.waitlisted,
    row.unreachable,
    row.participation,
  ];
}

function tallyFamilies(
  label: string,
  families: RosterFamily[],
  conferencesOf: (f: RosterFamily) => ParticipationConference[],
): ParticipationRow {
  let scheduled = 0;
  let attended = 0;
  let noShow = 0;
  let unreachable = 0;
  for (const f of families) {
    if (!f.reachable) unreachable++;
    const live = conferencesOf(f).filter((c) => !NOT_HELD.has(c.status));
    if (live.length === 0) continue;
    scheduled++;
    if (live.some((c) => c.status === 'attended')) attended++;
    else if (live.every((c) => c.status === 'no-show')) noShow++;
  }
  const n = families.length;
  return {
    label,
    rosterFamilies: n,
    scheduled,
    attended,
    noShow,
    waitlisted: n - scheduled,
    unreachable,
    participation: n > 0 ? Math.round((attended / n) * 100) : '',
  };
}

const byLabel = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The families a Schedule implies, for a Summary built without the Roster: each Family ID on
 * the sheet, with the students and teachers of its rows.
 */
export function familiesFromSchedule(conferences: ParticipationConference[]): RosterFamily[] {
  const out = new Map<string, RosterFamily>();
  for (const c of conferences) {
    const f = out.get(c.familyId) ?? { familyId: c.familyId, students: [], reachable: true };
    const ids = c.studentIds?.length ? c.studentIds : [`${c.familyId}:${c.teacher}`];
    ids.forEach((id, i) => {
      if (!f.students.some((s) => s.id === id))
        f.students.push({ id, teacher: c.teacher, grade: c.grades[i] ?? c.grades[0] ?? '' });
    });
    out.set(c.familyId, f);
  }
  return [...out.values()];
}

/**
 * How many families a round was held for, and how many of them the school could not reach, as
 * the Roster stood when that round was current: kept so that an earlier round keeps its own
 * figures after the Roster changes (a family that left, one that joined).
 */
export interface RoundFamilies {
  families: number;
  unreachable: number;
}

/** The current round's families as `RoundFamilies` keeps them. */
export function roundFamiliesOf(families: RosterFamily[]): RoundFamilies {
  return { families: families.length, unreachable: families.filter((f) => !f.reachable).length };
}

/**
 * The document property keeping a round's `RoundFamilies`, and reading it back (null: none kept,
 * or not two whole numbers).
 */
export const roundFamiliesKey = (round: string) => `slc:round-families:${round}`;

export function readRoundFamilies(value: string | undefined): RoundFamilies | null {
  const m = /^(\d+),(\d+)$/.exec(value ?? '');
  return m ? { families: Number(m[1]), unreachable: Number(m[2]) } : null;
}

export const writeRoundFamilies = (r: RoundFamilies) => `${r.families},${r.unreachable}`;

/**
 * Whether a round has conferences on the Schedule and every one is on a day before `today`
 * (yyyy-mm-dd): its families, once kept, are no longer rewritten.
 */
export function roundOver(
  conferences: { round: string; date: string | null }[],
  round: string,
  today: string,
): boolean {
  const mine = conferences.filter((c) => c.round === round);
  return mine.length > 0 && mine.every((c) => !!c.date && c.date < today);
}

/**
 * An earlier round's row. Scheduled, attended and no-show come from that round's own Schedule
 * rows, every family on them counted (one that has left the Roster since included). Its families
 * and unreachable ones are those kept while it was current; where none were kept (a Summary never
 * built in that round), today's Roster families plus the families on its rows that left since,
 * so a family that joined later counts as not placed then.
 */
function earlierRound(
  label: string,
  rows: ParticipationConference[],
  byFamily: (f: RosterFamily) => ParticipationConference[],
  kept: RoundFamilies | null,
  families: RosterFamily[],
): ParticipationRow {
  const onRows = new Map<string, RosterFamily>();
  for (const c of rows)
    onRows.set(c.familyId, { familyId: c.familyId, students: [], reachable: true });
  if (!kept) {
    const listed = new Set(families.map((f) => f.familyId));
    const left = [...onRows.values()].filter((f) => !listed.has(f.familyId));
    return tallyFamilies(label, [...families, ...left], byFamily);
  }
  const t = tallyFamilies(label, [...onRows.values()], byFamily);
  const n = Math.max(kept.families, t.scheduled);
  return {
    ...t,
    rosterFamilies: n,
    waitlisted: n - t.scheduled,
    unreachable: kept.unreachable,
    participation: n > 0 ? Math.round((t.attended / n) * 100) : '',
  };
}

/**
 * Participation per round (every round on the Schedule, and the current one), per teacher and
 * per grade of the current round. The current round counts today's Roster families; an earlier
 * round its own (`kept`, by round; see `earlierRound`). A family counts for each teacher who
 * hosts one of its students, with that teacher's conferences; for each grade among its
 * students, with the conferences of that grade's students.
 */
export function participation(
  families: RosterFamily[],
  conferences: ParticipationConference[],
  currentRound: string,
  kept: (round: string) => RoundFamilies | null = () => null,
  /**
   * The current round's conferences are all past: its families are those kept for it, when
   * there are, as an earlier round's (a Roster pasted for the next round before the Round is
   * renamed is not this round's).
   */
  currentOver = false,
): { rounds: ParticipationRow[]; teachers: ParticipationRow[]; grades: ParticipationRow[] } {
  const rounds = [...new Set([currentRound, ...conferences.map((c) => c.round)])].sort(byLabel);
  const ofFamily = (round: string) => {
    const map = new Map<string, ParticipationConference[]>();
    for (const c of conferences)
      if (c.round === round) map.set(c.familyId, [...(map.get(c.familyId) ?? []), c]);
    return (f: RosterFamily) => map.get(f.familyId) ?? [];
  };
  const current = ofFamily(currentRound);
  const studentsIn = (c: ParticipationConference, f: RosterFamily) =>
    f.students.filter((s) => c.studentIds?.includes(s.id));

  const teachers = [...new Set(families.flatMap((f) => f.students.map((s) => s.teacher)))]
    .filter(Boolean)
    .sort(byLabel);
  const grades = [...new Set(families.flatMap((f) => f.students.map((s) => s.grade)))].sort(
    byLabel,
  );
  return {
    rounds: rounds.map((r) =>
      r === currentRound && !(currentOver && kept(r))
        ? tallyFamilies(r || '(no round)', families, ofFamily(r))
        : earlierRound(
            r || '(no round)',
            conferences.filter((c) => c.round === r),
            ofFamily(r),
            kept(r),
            families,
          ),
    ),
    teachers: teachers.map((t) =>
      tallyFamilies(
        t,
        families.filter((f) => f.students.some((s) => s.teacher === t)),
        (f) => current(f).filter((c) => c.teacher === t),
      ),
    ),
    grades: grades.map((g) =>
      tallyFamilies(
        g || '(no grade)',
        families.filter((f) => f.students.some((s) => s.grade === g)),
        (f) =>
          current(f).filter((c) =>
            c.studentIds?.length
              ? studentsIn(c, f).some((s) => s.grade === g)
              : c.grades.includes(g),
          ),
      ),
    ),
  };
}
