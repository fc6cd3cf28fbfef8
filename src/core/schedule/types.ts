/**
 * The scheduling problem (docs/DESIGN.md section 5) as plain data. Times are minutes after midnight
 * on a date (yyyy-mm-dd) in the school's time zone.
 */
import type { Meet } from '../meeting';

export interface TeacherWindow {
  teacherEmail: string;
  teacher: string;
  date: string;
  start: number;
  end: number;
  room: string;
  /** Families hosted at once. */
  capacity: number;
  videoLink: string;
  /** In person, online or either; not given: either (no family is kept out). */
  mode?: Meet;
}

export interface Interval {
  date: string;
  start: number;
  end: number;
  /** 1 = first choice. */
  rank: number;
}

export interface SchedStudent {
  id: string;
  name: string;
  teacherEmail: string;
  familyId: string;
  /**
   * The contacts on this student's own roster row. Same-teacher siblings share one conference
   * only when these are the same: every guest of a conference is listed for every student in it.
   */
  contacts?: string[];
  /** The teacher's name as the Roster gives it, to name them when they have no window. */
  teacher?: string;
  /**
   * When this student's own household can come, over its family's: a row reached only on paper
   * in a family with email answers for itself (null: that household has not answered, any time).
   * Not given: the family's availability.
   */
  availability?: Interval[] | null;
}

export interface SchedFamily {
  id: string;
  name: string;
  /** When the family can come; null = any time a teacher is available. */
  availability: Interval[] | null;
  /** Language code needing an interpreter, or '' for none. */
  interpreter: string;
  /** How the family asked to meet; not given: any way. */
  meet?: Meet;
  /**
   * The people who come for this family (guardian addresses). One listed for several families
   * (a caseworker, a parent of children in two families) is never in two places at once, with
   * the buffer between rooms, exactly like a family.
   */
  contacts?: string[];
}

/** A conference: one family, one teacher, one or more students (merged siblings). */
export interface Conference {
  studentIds: string[];
  familyId: string;
  teacherEmail: string;
  date: string;
  start: number;
  end: number;
  /** Locked or already invited: the engine never moves it. */
  fixed: boolean;
  /** The family's availability rank it honours (0 when the family gave none). */
  rank: number;
}

export interface Problem {
  windows: TeacherWindow[];
  students: SchedStudent[];
  families: SchedFamily[];
  /** Interpreters available at once per language; a language not listed is not limited. */
  interpreters: Record<string, number>;
  conferenceMinutes: number;
  /** A family's time between conferences in different rooms (walking from room to room). */
  bufferMinutes: number;
  /**
   * A teacher's time between their own conferences (0 when missing). Each conference holds a
   * place in the teacher's room from its start until this long after its end: in a room for one
   * family, consecutive conferences are at least this far apart; in a simultaneous room, at most
   * `capacity` conferences hold a place at any moment, so a family's place is free again only
   * this long after it left.
   */
  changeoverMinutes?: number;
  /** Same-teacher siblings share one conference (length × number of siblings, capped at 2×). */
  mergeSiblings: boolean;
  /** Conferences that must stay as they are (locked, invited). */
  fixed: Conference[];
  seed: number;
  /** Teachers rows not read (a cell refused), by teacher: their times exist but are not used. */
  refusedWindows?: { teacherEmail: string; teacher: string; row: number }[];
}

export interface Unplaced {
  studentId: string;
  reason: string;
}

export interface Schedule {
  conferences: Conference[];
  unplaced: Unplaced[];
}

/** Minutes the family waits and other quality figures, for the sidebar and the benchmark. */
export interface Quality {
  placed: number;
  students: number;
  rankMet: { first: number; other: number; none: number };
  siblingFamilies: number;
  siblingsBackToBack: number;
  /** Per family with several conferences: minutes between them beyond the buffer. */
  waiting: number[];
  /**
   * Minutes a teacher waits with no family between their first and last conference of a day,
   * summed over teachers and days (the changeover after a conference is not idle).
   */
  idleMinutes: number;
  cost: number;
}
