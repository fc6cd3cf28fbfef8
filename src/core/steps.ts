/**
 * The sidebar's steps in words: what counts as done or pending for each step and the sentence
 * it shows, from what src/workspace has read (no sheet, property or clock is read here).
 */
import { STEPS, type JobProgress, type Problem, type StepId, type StepState } from '../shared/api';
import { conferencesInWindow } from '../shared/windows';
import { refusedProblem, unsureProblem, type AskPicture } from './ask';
import { describeCell } from './errors';
import type { FormsState } from './formlinks';
import type { InviteSheet, SyncAction, SyncPlan } from './invites';
import { inRound } from './rounds';
import { zoneMismatch, zoneWarning } from './zone';
import { readinessByTeacher, type PrepAnswer } from './prep';
import {
  parseMarks,
  UNCONFIRMED_MARK,
  type ChannelCounts,
  type ReminderConference,
} from './reminders';
import { paperFamilies, type RosterResult, type Student } from './roster';
import type { TeachersResult } from './teachers';
import type { SummaryGrid } from './summary';

/** The sidebar shows this many problems per step; the count says how many there are. */
export const PROBLEMS_SHOWN = 25;

export function step(
  id: StepId,
  rest: Omit<StepState, 'id' | 'title' | 'problems' | 'problemCount' | 'counts'> &
    Partial<StepState>,
): StepState {
  const title = STEPS.find((s) => s.id === id)!.title;
  return { id, title, counts: [], problems: [], problemCount: 0, ...rest };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Errors before warnings, each kind in the order found. */
export function errorsFirst(problems: Problem[]): Problem[] {
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
}

/** How many of `problems` are errors (the others are warnings). */
const errorCount = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').length;

/**
 * A step's problems as the sidebar shows them: the first `shown`, how many there are, and how
 * many are errors (so a list cut short can still say "warnings to check").
 */
function listed(
  problems: Problem[],
  shown: number,
): Pick<StepState, 'problems' | 'problemCount' | 'errorCount'> {
  return {
    problems: problems.slice(0, shown),
    problemCount: problems.length,
    errorCount: errorCount(problems),
  };
}

/** A step that reads sheets set-up has not made yet. */
export function waitsForSetup(id: StepId): StepState {
  return step(id, {
    status: 'todo',
    headline: 'Waits for set-up.',
    next: 'Set up the sheets first.',
  });
}

/** Set-up: done once no sheet of the `total` is missing. */
export function setupStep(missing: readonly string[], total: number): StepState {
  return missing.length === 0
    ? step('setup', {
        status: 'done',
        headline: `All ${total} sheets are in place.`,
        next: 'Run it again any time: it only adds what is missing.',
        action: { job: 'setup', label: 'Check the sheets again' },
      })
    : step('setup', {
        status: 'ready',
        headline: `${plural(missing.length, 'sheet')} to create: ${missing.join(', ')}.`,
        next: 'Create the sheets the add-on works from. Nothing you already have is changed.',
        action: { job: 'setup', label: 'Set up the sheets' },
      });
}

/** The Roster step from the roster as parsed (null: the sheet has not been read). */
export function rosterStep(roster: RosterResult | null): StepState {
  if (!roster || roster.rowsRead === 0) {
    return step('roster', {
      status: 'ready',
      headline: 'The Roster sheet is empty.',
      next: 'Paste your student export into the Roster sheet, headers in row 1. Column names such as "Student Name", "Homeroom" and "Parent Email" are understood.',
    });
  }
  const r = roster;
  const errors = errorCount(r.problems);
  const warnings = r.problems.length - errors;
  // Errors on rows imported all the same: an only address mistyped (the household is reached
  // by letter and phone until it is corrected).
  const importedRows = new Set(r.students.map((s) => s.row));
  const mistyped = r.problems.filter(
    (p) => p.severity === 'error' && p.where?.sheet === 'Roster' && importedRows.has(p.where.row),
  ).length;
  const rejectedText = r.rowsRejected
    ? `; ${plural(r.rowsRejected, 'row')} cannot be imported yet`
    : '';
  const mistypedText = mistyped
    ? `; ${plural(mistyped, 'address', 'addresses')} to correct (by letter until then)`
    : '';
  const mistypedNext = mistyped
    ? ' A student whose only address is mistyped is imported all the same: the family is reached by a printed letter and the phone list until the address is corrected, then by email.'
    : '';
  // Households, not families: rows without an address in a family with email count too.
  const byLetter = paperFamilies(r).length;
  const letterNote = byLetter
    ? ` ${plural(byLetter, 'family', 'families')} without email ${byLetter === 1 ? 'gets' : 'get'} a printed letter (Letters sheet) and ${byLetter === 1 ? 'is' : 'are'} on the phone list instead of emails and invitations.`
    : '';
  // A step with problems listed is not done: warnings too are the sidebar's "problems to fix".
  return step('roster', {
    status: r.problems.length > 0 ? 'attention' : 'done',
    headline:
      errors > 0
        ? `${plural(r.students.length, 'student')} ready${rejectedText}${mistypedText}.`
        : `${plural(r.students.length, 'student')} in ${plural(r.families.length, 'family', 'families')}, ready to schedule${warnings ? `; ${plural(warnings, 'warning')} to check` : ''}.`,
    counts: [
      { label: 'students', value: r.students.length },
      { label: 'families', value: r.families.length },
      { label: 'families with siblings', value: r.siblingFamilies },
      { label: 'needing an interpreter', value: r.families.filter((f) => f.interpreter).length },
      { label: 'families by letter and phone', value: byLetter },
      { label: 'rows not imported', value: r.rowsRejected },
      { label: 'warnings', value: warnings },
    ],
    ...listed(errorsFirst(r.problems), PROBLEMS_SHOWN),
    next:
      errors > 0
        ? `Fix the rows listed (click one to go to its cell), then check again. ${r.rowsRejected ? 'Rows with problems are left out until fixed; nothing' : 'Nothing'} in your sheet is changed.${mistypedNext}`
        : `${warnings ? 'Check the warnings listed (click one to go to its cell): each says how the row is read until you change it. ' : ''}Check the conference days next.${letterNote}`,
  });
}

/** Where the school stands with asking families, for the Days step's advice on what comes next. */
export interface AskingSoFar {
  /** Rows on the Schedule sheet. */
  conferences: number;
  /** The availability form exists. */
  availabilityForm: boolean;
  /** Some family has been asked when it can come. */
  asked: boolean;
}

/** The conference-days step from the Teachers sheet as parsed (null: not read). */
export function daysStep(
  teachers: TeachersResult | null,
  lengths: { conferenceMinutes: number; changeoverMinutes?: number },
  asking: AskingSoFar,
): StepState {
  const t = teachers;
  if (!t || t.rowsRead === 0) {
    return step('days', {
      status: 'ready',
      headline: 'No teacher windows yet.',
      next: 'On the Teachers sheet, add one row per teacher, day and time window (with room and how many families at once).',
    });
  }
  const errors = errorCount(t.problems);
  const days = [...new Set(t.windows.map((w) => w.date))].sort();
  const places = t.windows.reduce(
    (n, w) =>
      n +
      w.capacity *
        conferencesInWindow(w, lengths.conferenceMinutes, lengths.changeoverMinutes ?? 0),
    0,
  );
  const warnings = t.problems.length - errors;
  return step('days', {
    status: t.problems.length > 0 ? 'attention' : 'done',
    headline: `${plural(t.teachers.length, 'teacher')}, ${plural(t.windows.length, 'window')} on ${plural(days.length, 'day')}${days.length ? ` (${days.join(', ')})` : ''}${errors === 0 && warnings ? `; ${plural(warnings, 'warning')} to check` : ''}.`,
    counts: [
      { label: 'teachers', value: t.teachers.length },
      { label: 'windows', value: t.windows.length },
      { label: `places of ${lengths.conferenceMinutes} min`, value: places },
    ],
    ...listed(errorsFirst(t.problems), PROBLEMS_SHOWN),
    next:
      errors > 0
        ? 'Fix the windows listed, then check again.'
        : asking.conferences === 0 && !asking.availabilityForm
          ? 'Ask the families when they can come next (step 4, Family availability): create the family forms, email each family its link and give them a few days before you build the schedule.'
          : asking.conferences === 0 && !asking.asked
            ? 'Ask the families when they can come (step 4, Family availability) and give them a few days, then build the schedule.'
            : 'Build the schedule next.',
  });
}

/**
 * The Schedule step before there is anything to count: the roster or the windows missing
 * (`inputsReady` false), or nothing scheduled yet. Null once there are conferences to count.
 */
export function scheduleNotBuilt(
  conferences: number,
  inputsReady: boolean,
  /** Whether this round's student prep form exists (students may prepare before any schedule). */
  prepForm = true,
): StepState | null {
  if (!inputsReady) {
    return step('schedule', {
      status: 'todo',
      headline:
        conferences === 0
          ? 'No conferences scheduled yet.'
          : `${plural(conferences, 'row')} on the Schedule.`,
      next: 'Import the roster and the teachers’ windows first.',
    });
  }
  if (conferences === 0) {
    return step('schedule', {
      status: 'ready',
      headline: 'No conferences scheduled yet.',
      next: 'Preview the schedule to see who fits where and why anyone does not, then build it. Nothing is written until you build.',
      action: { job: 'schedule', label: 'Build the schedule' },
      more: [
        prepForm
          ? ({ job: 'prep-nudge', label: 'Email the prep link to students not ready' } as const)
          : ({ job: 'student-forms', label: 'Create the student prep form' } as const),
      ],
    });
  }
  return null;
}

/** What the Schedule step counts once conferences are on the sheet. */
export interface ScheduleCounts {
  students: Student[];
  /** The Schedule sheet's rows, every round. */
  rows: { round: string; status: string; studentIds: string[] }[];
  roundName: string;
  /** Freed times no waitlisted family has taken yet. */
  freedToOffer: number;
  /** Freed-time offers out this round for times nobody has taken, and the times taken. */
  offers: { offers: number; accepted: number };
  /** This round's student prep answers, by student id. */
  prep: Map<string, PrepAnswer>;
  /** This round's student prep form exists. */
  prepForm: boolean;
  /** This round's rows a person made unusable (a time, a date, a teacher), at their cells. */
  rowProblems?: Problem[];
  /** Addresses typed in the Emails column that the Roster does not list with the children. */
  unlisted?: Problem[];
}

/** The Schedule step: this round's conferences that stand, and the students none places. */
export function scheduleStep(c: ScheduleCounts): StepState {
  const thisRound = c.rows.filter((r) => inRound(r.round, c.roundName) && r.status !== 'cancelled');
  const placed = new Set(thisRound.flatMap((r) => r.studentIds));
  const waiting = c.students.filter((s) => !placed.has(s.id));
  // Once students prepare this round, each teacher's "18 of 25 ready".
  const readiness =
    c.prep.size > 0 || c.prepForm
      ? readinessByTeacher(c.students, c.prep).map((t) => ({
          label: `${t.teacher}: ready to lead (of ${t.total})`,
          value: t.ready,
        }))
      : [];
  const problems = [
    ...(c.rowProblems ?? []),
    ...(c.unlisted ?? []),
    ...waiting.map((s) => ({
      severity: 'warning' as const,
      message: `${s.firstName} ${s.lastName} (${s.teacher}) has no conference yet. Preview the schedule to see why.`,
      where: { sheet: 'Roster', row: s.row, column: 1 },
    })),
  ];
  return step('schedule', {
    status: problems.length > 0 ? 'attention' : 'done',
    headline: `${plural(thisRound.length, 'conference')} in the ${c.roundName} round${waiting.length ? `; ${plural(waiting.length, 'student')} not placed yet` : ', every student placed'}.`,
    counts: [
      { label: 'conferences', value: thisRound.length },
      { label: 'students placed', value: c.students.length - waiting.length },
      { label: 'not placed yet', value: waiting.length },
      ...(c.offers.offers + c.offers.accepted > 0
        ? [
            { label: 'freed-time offers still open', value: c.offers.offers },
            { label: 'accepted from the waiting list', value: c.offers.accepted },
          ]
        : []),
      ...readiness,
    ],
    ...listed(problems, 5),
    next: 'Edit the Schedule sheet freely: move times, tick Locked to keep a conference, mark attendance. Rebuilding keeps locked and invited conferences and your notes.',
    action: { job: 'schedule', label: 'Rebuild the schedule' },
    more: [
      { job: 'views', label: 'Make print views (a tab per teacher)' },
      ...(waiting.length > 0
        ? [{ job: 'waitlist', label: 'Tell the waitlisted families' } as const]
        : []),
      ...(c.freedToOffer > 0 && waiting.length > 0
        ? [
            {
              job: 'waitlist-offer',
              label: `Offer freed times to the waiting list (${c.freedToOffer})`,
            } as const,
          ]
        : []),
      c.prepForm
        ? { job: 'prep-nudge', label: 'Email the prep link to students not ready' }
        : { job: 'student-forms', label: 'Create the student prep form' },
    ],
  });
}

/** The Summary step once conferences exist: its figures, and whether the sheet is built. */
/** Where each teacher's look back on the round is, once attendance is marked. */
export const DEBRIEF_POINTER =
  'Each teacher’s class debrief (who prepared and reflected, their goals, follow-ups) is in the menu: Extensions › Student-Led Conferences › Print class debrief.';

export function summaryStep(t: SummaryGrid['totals'], built: boolean): StepState {
  // Until attendance is marked the Summary has nothing of the conferences to tell, and while a
  // past conference is unmarked it tells only part: later, either way.
  const marked = t.attended + t.noShow > 0;
  const unmarked = t.unmarked ?? 0;
  return step('summary', {
    status: !marked || unmarked > 0 ? 'todo' : built ? 'done' : 'ready',
    headline: `${t.attended} of ${plural(t.scheduled, 'conference')} attended; ${plural(t.responses, 'questionnaire answer')}; ${plural(t.followUps, 'follow-up request')} to act on.${unmarked ? ` ${plural(unmarked, 'past conference is', 'past conferences are')} not marked attended or no-show yet.` : ''}`,
    counts: [
      { label: 'conferences', value: t.scheduled },
      { label: 'attended', value: t.attended },
      { label: 'no-show', value: t.noShow },
      { label: 'roster families', value: t.rosterFamilies },
      { label: 'without a conference', value: t.waitlisted },
      { label: 'participation %', value: t.participation === '' ? 0 : t.participation },
      { label: 'answers', value: t.responses },
      { label: 'follow-up requests', value: t.followUps },
      { label: 'answers to check', value: t.flagged },
    ],
    next: !marked
      ? 'After the conferences, mark attended or no-show in the Schedule’s Status column, then build the Summary.'
      : unmarked
        ? 'Mark the past conferences attended or no-show in the Check-in (below the steps) or the Schedule’s Status, then rebuild the Summary: until then it counts them as neither.'
        : `${
            built
              ? 'The Summary rebuilds itself after each answer; rebuild it after marking attendance.'
              : 'Build the Summary: participation, ratings per teacher, follow-ups, goals and the interpreter roster.'
          } ${DEBRIEF_POINTER}`,
    action: { job: 'summary', label: built ? 'Rebuild the summary' : 'Build the summary' },
    more: [{ job: 'followups', label: 'List follow-up requests and tell their owners' }],
  });
}

/** What the Reminders step counts once conferences are on the Schedule. */
export interface ReminderCounts {
  conferences: ReminderConference[];
  /** The Reminders Sent column (0: the sheet has none). */
  sentColumn: number;
  channels: ChannelCounts;
  tally: { sent: number; due: number; upcoming: number; lapsed: number };
  hoursBefore: number[];
  /** Whose hourly trigger sends the reminders (null: off). */
  runBy: { owner: string; mine: boolean; withoutDocument: boolean } | null;
  /** Addresses typed on the Schedule that the Roster does not list with the children: told nothing. */
  unlisted?: Problem[];
  /** Rows whose Conference ID is blank or on several rows: not reminded until a person fixes them. */
  unkeyed?: Problem[];
}

/** The Reminders step: channels, reminders sent and due, the trigger, what needs a person. */
export function remindersStep(r: ReminderCounts): StepState {
  const { runBy } = r;
  const on = runBy !== null;
  const hours = r.hoursBefore.map((h) => `${h} h`).join(' and ');
  const unconfirmed = r.conferences
    .filter((c) => c.sent.includes(UNCONFIRMED_MARK))
    .map((c): Problem => ({
      severity: 'warning',
      where: { sheet: 'Schedule', row: c.row, column: r.sentColumn || 1 },
      message: `${c.family || c.familyKey}: a reminder may not have gone out (the run was cut off while sending it). It is not sent again; check with the family.`,
    }));
  // Run without this spreadsheet, the trigger emails its owner each time reminders fall due, and
  // on a day the quota binds each of those emails is one reminder fewer.
  const sharedQuota = runBy?.withoutDocument
    ? ' The emails telling you reminders were due (Google runs the hourly reminders without this spreadsheet) count against the same quota.'
    : '';
  // Refused and missed reminders are flagged on their rows; each is a person's to act on.
  const flagged = (kind: 'refused' | 'missed') =>
    r.conferences.flatMap((c) =>
      parseMarks(c.sent)
        .filter((m) => m.kind === kind)
        .map((m): Problem => ({
          severity: 'warning',
          where: { sheet: 'Schedule', row: c.row, column: r.sentColumn || 1 },
          message:
            kind === 'refused'
              ? `${c.family || c.familyKey}: Google refused the ${m.hours} h reminder (${m.text.replace(/^\d+h refused /, '')}). Fix the address or the text; tell the family yourself.`
              : `${c.family || c.familyKey}: the ${m.hours} h reminder was not sent: the daily email quota ran out and its time passed.${sharedQuota} Tell the family yourself if it matters.`,
        })),
    );
  const refused = flagged('refused');
  const missed = flagged('missed');
  const waiting = r.conferences.filter((c) =>
    parseMarks(c.sent).some((m) => m.kind === 'waiting'),
  ).length;
  const problems = [
    ...(r.unkeyed ?? []),
    ...(r.unlisted ?? []),
    ...unconfirmed,
    ...refused,
    ...missed,
  ];
  return step('reminders', {
    // Something due comes first (send it); then times that passed with nothing sent.
    status: problems.length
      ? 'attention'
      : r.tally.due > 0
        ? 'ready'
        : r.tally.lapsed > 0
          ? 'attention'
          : on || r.tally.upcoming === 0
            ? 'done'
            : 'ready',
    ...listed(problems, PROBLEMS_SHOWN),
    headline: `${plural(r.channels.families, 'family', 'families')}: ${r.channels.email} by email, ${r.channels.letter} by letter (${r.channels.phone} also by phone). Reminders go ${hours} before. Hourly reminders are ${!runBy ? 'off' : runBy.mine ? 'on' : `on, from ${runBy.owner}'s account`}.`,
    counts: [
      { label: 'families by email', value: r.channels.email },
      { label: 'families by letter', value: r.channels.letter },
      { label: 'families also by phone', value: r.channels.phone },
      { label: 'families', value: r.channels.families },
      { label: 'reminders sent (per family and time)', value: r.tally.sent },
      { label: 'due now', value: r.tally.due },
      { label: 'waiting for quota', value: waiting },
      { label: 'refused by Google', value: refused.length },
      { label: 'missed', value: missed.length },
      { label: 'passed with none sent', value: r.tally.lapsed },
    ],
    next:
      r.tally.due > 0
        ? `${plural(r.tally.due, 'reminder')} due now: send them, or let the hourly reminders do it.`
        : r.tally.lapsed > 0
          ? `${plural(r.tally.lapsed, 'reminder')} passed with none sent (one per family, day and reminder time)${on ? '' : ': hourly reminders are off'}. They cannot go now; tell those families yourself if it matters${on || r.tally.upcoming === 0 ? '.' : ', and turn on hourly reminders for the rest.'}`
          : !runBy
            ? 'Turn on hourly reminders so each family is reminded on time.'
            : runBy.withoutDocument
              ? 'Google runs the hourly reminders without this spreadsheet, so they cannot send on their own: you get an email when reminders fall due; then click "Send due reminders now".'
              : runBy.mine
                ? 'Reminders go out on their own, every hour as they fall due.'
                : `Reminders go out every hour from ${runBy.owner}'s account; if Google runs them without this spreadsheet, ${runBy.owner} is emailed to send them.`,
    action: { job: 'reminders', label: 'Send due reminders now' },
    more: [{ job: 'teachers', label: 'Email each teacher their day (the day before)' }],
  });
}

/** What the Invites step counts: the Schedule as read, and the plan to bring Calendar to it. */
export interface InviteCounts {
  invites: InviteSheet;
  roundName: string;
  plan: SyncPlan;
  calendarName: string;
  /** Guests' answers have not been read back for a while. */
  answersDue: boolean;
}

/** The Invites step: invitations to send, change or cancel, and the families' answers. */
export function invitesStep(c: InviteCounts): StepState {
  const count = (kind: SyncAction['kind']) => c.plan.actions.filter((a) => a.kind === kind).length;
  const round = c.invites.rows.filter((r) => inRound(r.round, c.roundName));
  const withStatus = (s: string) => round.filter((r) => r.status === s);
  const declined = withStatus('declined');
  const toSend = count('create');
  const changed = count('update') + count('relink');
  const cancels = count('cancel');
  const work = toSend + changed + cancels;
  const statusColumn = c.invites.columns.get('Status') ?? 1;
  const problems: Problem[] = [
    ...declined.map((r): Problem => {
      const where = { sheet: 'Schedule', row: r.row, column: statusColumn };
      return {
        severity: 'warning',
        where,
        message: `${describeCell(where, 'Status')}: the ${r.family || r.conferenceId} family declined ${r.date ?? ''}; find them another time (move the row, then send invites again).`,
      };
    }),
    ...c.plan.problems,
  ];
  const invited = round.filter((r) => r.eventId).length;
  // A family with children in several classes has an invitation per conference: families are
  // counted by their guests, so the headline does not call every invitation a family.
  const invitedFamilies = new Set(
    round.filter((r) => r.eventId).map((r) => [...r.emails].sort().join(';')),
  ).size;
  const counts = [
    { label: 'invited', value: invited },
    { label: 'to send', value: toSend },
    { label: 'changed since sent', value: changed },
    { label: 'to cancel', value: cancels },
    { label: 'accepted', value: withStatus('accepted').length },
    { label: 'tentative', value: withStatus('tentative').length },
    { label: 'declined', value: declined.length },
    { label: 'conferences by letter (no email)', value: c.plan.byLetter.length },
  ];
  return step('invites', {
    status: work > 0 ? 'ready' : problems.length > 0 ? 'attention' : 'done',
    headline:
      work > 0
        ? `${plural(toSend, 'invitation')} to send, ${plural(changed, 'event')} to update${cancels ? `, ${plural(cancels, 'event')} to cancel` : ''}.`
        : `${plural(invited, 'invitation')} sent to ${plural(invitedFamilies, 'family', 'families')}; every event matches the Schedule.`,
    counts,
    ...listed(problems, PROBLEMS_SHOWN),
    next:
      work > 0
        ? `Send invites: each family gets one private Calendar invitation on "${c.calendarName}"; moved or changed conferences update their event, cancelled ones are removed.`
        : declined.length > 0
          ? 'Some families declined: move their rows to another time, then send invites again to update their events.'
          : 'Edit the Schedule freely; send invites again to update the events. Answers are read back into Status.',
    action:
      work > 0
        ? { job: 'invites', label: 'Send invites' }
        : c.answersDue
          ? { job: 'invites', label: 'Check answers' }
          : undefined,
  });
}

/** What the overview reads of the forms and the Schedule for the two family-form steps. */
export interface FormsPicture {
  state: FormsState;
  due: number;
  /** This round's past conferences marked neither attended nor missed: not asked until marked. */
  unmarked: number;
  sent: number;
  answered: number;
  changeRequests: Problem[];
  noShows: Problem[];
  /** No-show conferences whose offer of another time has gone to nobody yet. */
  toOffer: number;
  /** No-show conferences offered another time (an email to at least one address). */
  offered: number;
  /** Families a cut-off run may or may not have emailed. */
  unconfirmed: Problem[];
  /** Conferences whose questionnaire Google refused to send (or no address may be told of). */
  refused: Problem[];
  /** Rows due the questionnaire whose Conference ID is blank or repeated: not sent until fixed. */
  unkeyed?: Problem[];
  /** Who has been asked for their availability (null without a roster). */
  ask: AskPicture | null;
  /** This round's conferences on the Schedule. */
  conferences: number;
}

/** Both forms (availability and questionnaire) are made by one job, offered by both steps. */
const CREATE_FORMS = { job: 'forms', label: 'Create the family forms' } as const;

/**
 * Before the schedule: the family forms made, and each family asked (by email, with its own
 * link) when it can come; answers and later requests for another time land here.
 */
export function availabilityStep(p: FormsPicture, roundName: string): StepState {
  const problems = [
    ...(p.ask?.unsure ?? []).map(unsureProblem),
    ...(p.ask?.refused ?? []).map(refusedProblem),
    ...p.changeRequests,
  ];
  const toAsk = p.ask?.toAsk.length ?? 0;
  const counts = [
    ...(p.ask
      ? [
          { label: 'families asked when they can come', value: p.ask.asked },
          { label: 'families without email (to phone)', value: p.ask.noEmail },
          ...(p.ask.noEmail > 0
            ? [{ label: 'of them, answered', value: p.ask.noEmailAnswered }]
            : []),
        ]
      : []),
    { label: 'change requests', value: p.changeRequests.length },
  ];
  if (!p.state.availability || !p.state.questionnaires?.[roundName]) {
    return step('availability', {
      status: 'ready',
      headline: 'No family forms yet.',
      counts,
      next: 'Create the availability form (families say when they can come; best before you build the schedule) and this round’s questionnaire. Each family gets its own link.',
      action: CREATE_FORMS,
    });
  }
  const ask = { job: 'ask', label: `Ask families when they can come (${toAsk})` } as const;
  const update = { job: 'forms', label: 'Update the forms and links' } as const;
  // Once conferences are scheduled, a family added later is asked from "more", not as the step.
  const asking = toAsk > 0 && p.conferences === 0;
  // Families without email are asked by a person; the step keeps saying so until each answers.
  const toPhone = p.ask ? p.ask.noEmail - p.ask.noEmailAnswered : 0;
  const phone =
    toPhone > 0
      ? ` Phone the ${plural(toPhone, 'family', 'families')} without email that ${toPhone === 1 ? 'has' : 'have'} not answered (the phone list, Letters sheet), and key each answer in through the availability form with the code on the family's letter.`
      : '';
  return step('availability', {
    status: problems.length ? 'attention' : asking ? 'ready' : 'done',
    headline: asking
      ? `${plural(toAsk, 'family', 'families')} can be asked when they can come.`
      : `Every family with email has been asked when it can come; answers arrive in the Availability sheet.`,
    counts,
    ...listed(problems, PROBLEMS_SHOWN),
    next: asking
      ? `Email each family its own availability link (one email per family, in its language), then build the schedule once answers are in.${phone}`
      : p.conferences === 0
        ? `Give families a few days to answer, then build the schedule (step 5): it places each family in the times it chose.${phone}`
        : 'The schedule placed families in the times they chose. A family that asks for another time is listed here.',
    action: asking ? ask : update,
    more: [
      ...(toAsk > 0 && !asking ? [ask] : []),
      ...(p.ask?.unsure.length
        ? [
            {
              job: 'ask-again',
              label: `Send the request again (${p.ask.unsure.length} not confirmed)`,
            } as const,
          ]
        : []),
      ...(asking ? [update] : []),
    ],
  });
}

/** After the conferences: the questionnaire to each family that came, and its answers. */
export function questionnaireStep(p: FormsPicture, roundName: string): StepState {
  const problems = [...(p.unkeyed ?? []), ...p.unconfirmed, ...p.refused, ...p.noShows];
  const counts = [
    { label: 'no-shows to offer a new time', value: p.toOffer },
    { label: 'no-shows offered another time', value: p.offered },
    { label: 'families due the questionnaire', value: p.due },
    { label: 'past conferences not marked attended', value: p.unmarked },
    { label: 'conferences sent the questionnaire', value: p.sent },
    { label: 'questionnaires refused by Google', value: p.refused.length },
    { label: 'conferences answered', value: p.answered },
  ];
  if (!p.state.questionnaires?.[roundName]) {
    return step('questionnaire', {
      status: 'todo',
      headline: 'No questionnaire for this round yet.',
      counts,
      next: 'The questionnaire is made with the availability form (step 4, Family availability) and goes to each family after its conference.',
      action: CREATE_FORMS,
    });
  }
  // Nothing due and nothing sent yet: the questionnaire waits for the conferences.
  return step('questionnaire', {
    // Done only once no past conference waits to be marked: an unmarked one may yet be asked.
    status: problems.length
      ? 'attention'
      : p.due
        ? 'ready'
        : p.sent && !p.unmarked
          ? 'done'
          : 'todo',
    headline: p.due
      ? `${plural(p.due, 'family', 'families')} had their conference and can be sent the questionnaire.`
      : p.sent === 0
        ? 'The questionnaire goes to each family once its conference is marked attended.'
        : `${p.answered} of ${p.conferences} conferences answered the questionnaire.${p.unmarked ? ` ${plural(p.unmarked, 'past conference waits', 'past conferences wait')} to be marked.` : ''}`,
    counts,
    ...listed(problems, PROBLEMS_SHOWN),
    next: `${
      p.due
        ? 'Send each family its questionnaire link (one email per family, in its language).'
        : 'Answers arrive in the Feedback sheet and the Summary by themselves.'
    }${
      p.unmarked
        ? ` ${plural(p.unmarked, 'past conference is', 'past conferences are')} not marked attended yet, so not asked: mark attendance in the Check-in (below the steps) or the Schedule’s Status, and each one marked attended can be asked.`
        : p.due
          ? ''
          : ' Mark attendance in the Check-in (below the steps) or the Schedule’s Status.'
    }`,
    ...(p.due
      ? { action: { job: 'questionnaire', label: `Send the questionnaire (${p.due})` } as const }
      : {}),
    ...(p.toOffer
      ? {
          more: [
            {
              job: 'noshow-offer',
              label: `Offer another time to the no-shows (${p.toOffer})`,
            } as const,
          ],
        }
      : {}),
  });
}

/**
 * The steps as the sidebar shows them: a zone the runtime lacks (worked out in UTC), and Settings'
 * zone unlike the spreadsheet's, named on the first step; a step whose job was left part-way shown
 * as working, with Continue. `school` is Settings' zone ('' when none is set).
 */
export function asShown(
  steps: StepState[],
  zones: { spreadsheet: string; school: string },
  unfinished: JobProgress[],
): StepState[] {
  const zoneProblems = [
    ...[...new Set([zones.spreadsheet, zones.school])].map((zone) =>
      zone ? zoneWarning(zone) : null,
    ),
    zoneMismatch(zones.spreadsheet, zones.school),
  ].flatMap((message) => (message ? [{ message, severity: 'warning' as const }] : []));
  const shown = steps.map((s, i) =>
    i === 0 && zoneProblems.length > 0
      ? {
          ...s,
          // A step listing a problem is not Done (sheets still to create stay the thing to do).
          status: s.status === 'done' ? ('attention' as const) : s.status,
          problems: [...zoneProblems, ...s.problems],
          problemCount: s.problemCount + zoneProblems.length,
        }
      : s,
  );
  // Each job left part-way shows on the first step that offers it (both form steps offer one).
  for (const u of unfinished) {
    const i = shown.findIndex((s) => s.action?.job === u.job);
    if (i >= 0)
      shown[i] = {
        ...shown[i]!,
        status: 'working',
        headline: u.message,
        action: { job: u.job, label: 'Continue' },
      };
  }
  return shown;
}
