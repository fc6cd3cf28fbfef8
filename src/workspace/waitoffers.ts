/**
 * Freed times offered to the waiting list, and the first family to accept placed.
 *
 * WAITLIST_OFFER_JOB: for each conference of this round cancelled or declined whose time nobody
 * has taken, each waitlisted family that time fits (core/waitoffers.ts, first listed first) gets
 * one email per address, in its language, naming only the children listed with that address,
 * with its own availability link prefilled with an accept token in place of its code: the family
 * opens it and presses Submit. Once per freed time and address (sendJournaled's record).
 *
 * acceptOffers (from the form-submit handler, under the document lock): the first accepting
 * family is placed at the freed time (the scheduler with every other conference held, the
 * teacher's hours narrowed to that time, so the checker's rules hold), its Waitlist row says so,
 * and the invite sync invites the new row as any other. Who took the time is recorded before the
 * row is written, so a run cut off anywhere finishes that placement and never makes a second; a
 * later accepter is told, in its language, that the time is gone and stays waitlisted.
 */
import { familyIds } from '../core/familyshown';
import { UserError } from '../core/errors';
import { availabilityRecord, familyOfCode, linkFor } from '../core/formlinks';
import { formatMinutes } from '../core/normalize';
import {
  addressLanguage,
  addressLanguages,
  byRecipient,
  familyLanguages,
  greetingName,
  pupilsOf,
} from '../core/recipients';
import type { Family, RosterResult } from '../core/roster';
import { inRound } from '../core/rounds';
import {
  buildProblem,
  readAvailability,
  readScheduleSheet,
  withFamilyAnswers,
} from '../core/schedule/sheet';
import type { Problem as SchedProblem } from '../core/schedule/types';
import { SCHEDULE } from '../core/schema';
import { joinNames, renderMessage, type MessageKind } from '../core/templates';
import {
  FREEING_STATUSES,
  fittingFamilies,
  freedTimes,
  goneKey,
  offerKey,
  offerCounts,
  offerToken,
  phoneGoneNote,
  phoneOffer,
  phoneOfferNote,
  placedNote,
  readOfferToken,
  takenKey,
  type FreedTime,
} from '../core/waitoffers';
import { dayIn, minutesIn, stampIn } from '../core/zone';
import type { Problem, Settings } from '../shared/api';
import { cellWallClock, readSchool, readSettings, readSheet, schoolZone } from './data';
import { ensureFamilyCodes, offerStart } from './forms';
import type { ChunkResult, JobSpec } from './jobs';
import { sendJournaled, type JournaledEmail } from './mailer';
import { ensureTranslations, storedTemplates } from './messages';
import { placeNewcomers } from './placement';
import { documentProperties } from './props';
import { messageSettings } from './reminders';
import { plural } from './steps';
import { addNotesToTold, addToTold, readWaitlist } from './waitlist';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The school's day and minute now: a freed time before it is offered to nobody. */
export function schoolNow(ss: Spreadsheet, settings: Settings): { date: string; minutes: number } {
  const tz = schoolZone(ss, settings);
  const now = new Date();
  return { date: dayIn(now, tz), minutes: minutesIn(now, tz) };
}

/** The document property recording what was done with one accepting form response. */
const ANSWER_PREFIX = 'slc:wait-answer:';

/** What offers and acceptances both read: the school as the scheduler sees it, and the waitlist. */
function readState(ss: Spreadsheet, settings: Settings) {
  const tz = schoolZone(ss, settings);
  const wall = cellWallClock(ss);
  const data = readSchool(ss, settings, dayIn(new Date(), tz));
  if (!data.roster || !data.teachers)
    throw new UserError('The Roster or Teachers sheet is missing. Run Set up first.');
  const schedule = readScheduleSheet(
    readSheet(ss, SCHEDULE.name) ?? [],
    wall,
    data.roster.families,
  );
  const round = settings.roundName;
  const availability = readAvailability(readSheet(ss, 'Availability'), data.roster, wall, round);
  const roster = withFamilyAnswers(data.roster, availability.answers);
  const { problem } = buildProblem({
    roster,
    windows: data.teachers.windows,
    settings,
    availability: availability.byFamily,
    paperAvailability: availability.paper,
    sheet: { ...schedule, rows: [] },
    seed: 1,
  });
  const live = schedule.rows.filter(
    (r) => inRound(r.round, round) && !FREEING_STATUSES.has(r.status),
  );
  const placed = new Set(live.flatMap((r) => r.studentIds));
  // The Waitlist shows each family's Family ID as people read it: back to the Roster's family.
  const ids = familyIds(roster.families);
  const waitlist = readWaitlist(ss)
    .entries.filter((e) => !placed.has(e.studentId))
    .map((e) => ({ ...e, familyId: ids.read(e.familyId) }));
  return { tz, schedule, roster, problem, live, waitlist, windows: data.teachers.windows };
}

type State = ReturnType<typeof readState>;

/** The teacher's address for a freed time: its students' host teacher, else the name's window. */
function teacherEmailOf(freed: FreedTime, state: State): string {
  const row = state.schedule.rows.find((r) => r.conferenceId === freed.conferenceId);
  const student = state.problem.students.find((s) => row?.studentIds.includes(s.id));
  return (
    student?.teacherEmail ??
    state.windows.find((w) => w.teacher.toLowerCase() === freed.teacher.toLowerCase())
      ?.teacherEmail ??
    ''
  );
}

/** The waitlisted families this freed time fits, first listed first. */
function fitting(freed: FreedTime, state: State, problem: SchedProblem = state.problem) {
  const students = new Map(problem.students.map((s) => [s.id, s]));
  const teacherEmail = teacherEmailOf(freed, state);
  // The way the freed time's window meets: a family that asked to meet online is never offered
  // a time in a room, nor one that asked to come in a time online only.
  const mode = problem.windows.find(
    (w) =>
      w.teacherEmail === teacherEmail &&
      w.date === freed.date &&
      w.start <= freed.start &&
      freed.end <= w.end,
  )?.mode;
  return fittingFamilies({
    freed: { ...freed, teacherEmail, mode },
    waitlist: state.waitlist.map((e) => e.studentId),
    students: problem.students,
    families: problem.families,
    booked: state.live.flatMap((r) => {
      const s = r.studentIds.map((id) => students.get(id)).find(Boolean);
      return s && r.date && r.start !== null && r.end !== null
        ? [
            {
              familyId: r.familyId || s.familyId,
              teacherEmail: s.teacherEmail,
              date: r.date,
              start: r.start,
              end: r.end,
            },
          ]
        : [];
    }),
    bufferMinutes: problem.bufferMinutes,
    interpreters: problem.interpreters,
  });
}

/** Each Roster's addresses' languages, worked out once however many offers it sends. */
const LANGUAGES = new WeakMap<RosterResult, Map<string, string>>();
function languagesOf(roster: RosterResult): Map<string, string> {
  let languages = LANGUAGES.get(roster);
  if (!languages) LANGUAGES.set(roster, (languages = addressLanguages(roster.students)));
  return languages;
}

/** One email per address listed with these children, naming only the children its rows list. */
function familyEmails(
  kind: MessageKind,
  family: Family,
  studentIds: string[],
  freed: FreedTime,
  roster: RosterResult,
  settings: Settings,
  /** The link, in the form of the language the address reads ('' for none). */
  linkIn: (language: string) => string,
  keyOf: (to: string) => string,
  stored: ReturnType<typeof storedTemplates>,
): JournaledEmail[] {
  const students = new Map(roster.students.map((s) => [s.id, s]));
  const pupils = pupilsOf(studentIds, students);
  const forText = messageSettings(settings);
  // Each address in its own Roster rows' language: a family's two households may read two.
  const languages = languagesOf(roster);
  return byRecipient([{ pupils }]).map(({ to, items }) => {
    const language = addressLanguage(languages, to, family.language, settings.defaultLanguage);
    const link = linkIn(language);
    const mine = items[0]!.pupils;
    const names = mine.map((p) => p.name);
    return {
      key: keyOf(to),
      to,
      message: renderMessage(
        kind,
        language,
        {
          school: settings.schoolName,
          family: greetingName(mine, language, family.name),
          students: joinNames(names, language),
          children: names.length,
          teacher: freed.teacher,
          date: freed.date,
          start: freed.start,
          end: freed.end,
          room: '',
          videoLink: '',
          link,
          replyTo: forText.replyTo,
          round: settings.roundName,
          interpreter: false,
        },
        stored,
      ),
      refused: (why): Problem => ({
        severity: 'warning',
        where: { sheet: SCHEDULE.name, row: freed.row, column: 1 },
        message: `Google refused the ${kind === 'waitoffer' ? 'offer of the freed time' : 'word that the freed time is gone'} to ${to} (${why}). Check the address on the Roster.`,
      }),
    };
  });
}

interface OfferState {
  sent: number;
}

export const WAITLIST_OFFER_JOB: JobSpec<OfferState> = {
  name: 'waitlist-offer',
  label: 'offering freed times to the waiting list',
  start: () => ({ sent: 0 }),
  step(state, ctx): ChunkResult<OfferState> {
    const start = offerStart('; the offer’s accept link is the family’s own availability link.');
    const { ss, settings, round, props, forms } = start;
    let { recorded } = start;
    const school = readState(ss, settings);
    const families = new Map(school.roster.families.map((f) => [f.id, f]));
    const onPaper = paperRows(school.roster);
    const offers = freedTimes(school.schedule.rows, round, schoolNow(ss, settings))
      .filter((freed) => !(takenKey(round, freed.conferenceId) in recorded))
      .flatMap((freed) => fitting(freed, school).map((fit) => ({ freed, fit })));
    const ids = [...new Set(offers.map((o) => o.fit.familyId))];
    // A family added to the Roster since the forms were made gets its code now, before any link.
    if (ensureFamilyCodes(ids, recorded)) recorded = props.getProperties();
    const { stored } = ensureTranslations(
      ids.flatMap((id) =>
        familyLanguages(languagesOf(school.roster), families.get(id), settings.defaultLanguage),
      ),
      storedTemplates(recorded),
      ['waitoffer'],
    );
    const codes = new Map([...familyOfCode(recorded)].map(([code, id]) => [id, code]));
    const emails = offers.flatMap(({ freed, fit }) => {
      const family = families.get(fit.familyId);
      const code = codes.get(fit.familyId);
      if (!family || !code) return [];
      // The accept link opens the availability form in the language the address reads.
      const link = (language: string) =>
        linkFor(
          availabilityRecord(forms, language) ?? forms.availability!,
          offerToken(code, freed.conferenceId),
        );
      const keyOf = (to: string) => offerKey(round, freed.conferenceId, to);
      return familyEmails(
        'waitoffer',
        family,
        fit.studentIds,
        freed,
        school.roster,
        settings,
        link,
        keyOf,
        stored,
      ).filter((e) => !(e.key in recorded));
    });
    // A family with no email that the time fits is phoned (or written to): its Told cell says
    // which time and what the office types when the family takes it, once per freed time. The
    // offer is recorded first, as to an address, so the code the office may type as soon as it
    // reads the note is accepted as an emailed one is; each run writes any recorded offer's note
    // a cut left unwritten (a note already in the cell is not added again).
    // A child whose row lists no address is phoned too when its family has email: the family's
    // emails never name it (roster.ts contactsOf).
    const calls = offers.filter(
      ({ fit }) => families.has(fit.familyId) && onPaper(fit.studentIds) && codes.has(fit.familyId),
    );
    const toRecord = calls.filter(
      ({ freed, fit }) =>
        !(offerKey(round, freed.conferenceId, phoneOffer(fit.familyId)) in recorded),
    );
    if (toRecord.length)
      props.setProperties(
        Object.fromEntries(
          toRecord.map(({ freed, fit }) => [
            offerKey(round, freed.conferenceId, phoneOffer(fit.familyId)),
            'phone',
          ]),
        ),
      );
    addNotesToTold(
      ss,
      calls.map(({ freed, fit }) => ({
        studentIds: fit.studentIds,
        entry: phoneOfferNote(
          freed.date,
          formatMinutes(freed.start),
          freed.teacher,
          families.get(fit.familyId)!.phone,
          offerToken(codes.get(fit.familyId)!, freed.conferenceId),
        ),
        keepNoEmail: true,
      })),
    );
    const run = sendJournaled(emails, stampIn(ctx.now(), school.tz), settings, ctx.outOfTime);
    const total = state.sent + run.sent;
    const waiting: Problem[] = run.waiting
      ? [
          {
            severity: 'warning',
            message: `Google's daily email limit is reached: ${plural(run.waiting, 'offer')} wait for the next run.`,
          },
        ]
      : [];
    const freedCount = new Set(offers.map((o) => o.freed.conferenceId)).size;
    const phoned = toRecord.length
      ? ` ${plural(new Set(toRecord.map((c) => c.fit.familyId)).size, 'waitlisted family', 'waitlisted families')} without email to call: the Waitlist’s Told column says which time, and what to type in the availability form if they take it.`
      : '';
    const said =
      (total
        ? `Offered ${plural(freedCount, 'freed time')} to the waitlisted families they fit: ${plural(total, 'email')}, each with the family’s own accept link.`
        : toRecord.length
          ? `Offered ${plural(freedCount, 'freed time')} to the waitlisted families they fit.`
          : `No freed time is due an offer (each is offered once to each family it fits; ${plural(offerCounts(recorded, round).offers, 'offer')} out).`) +
      phoned;
    return {
      state: { sent: total },
      done: !run.outOfTime,
      processed: total,
      total: run.outOfTime ? state.sent + emails.length : total,
      message: run.outOfTime ? `${said} More to go…` : said,
      problems: [...waiting, ...run.problems],
    };
  },
};

/** An accepting form response: its response key, its time and the token its link carried. */
export interface Acceptance {
  key: string;
  at: Date;
  token: string;
}

/**
 * Places the first family to accept each freed time and tells each later one that it is gone.
 * Runs under the document lock (the form-submit handler). Returns the families placed.
 */
export function acceptOffers(accepts: Acceptance[]): number {
  const props = documentProperties();
  let recorded = props.getProperties();
  const pending = accepts
    .filter((a) => !(ANSWER_PREFIX + a.key in recorded))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (pending.length === 0) return 0;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const round = settings.roundName;
  const codes = familyOfCode(recorded);
  let placedCount = 0;
  for (const accept of pending) {
    const offer = readOfferToken(accept.token);
    const familyId = offer ? codes.get(offer.code) : undefined;
    const school = readState(ss, settings);
    const family = school.roster.families.find((f) => f.id === familyId);
    const freed = offer
      ? freedTimes(school.schedule.rows, round, schoolNow(ss, settings)).find(
          (f) => f.conferenceId === offer.conferenceId,
        )
      : undefined;
    const offered =
      family &&
      freed &&
      [...family.contacts.map((g) => g.email), phoneOffer(family.id)].some(
        (to) => offerKey(round, freed.conferenceId, to) in recorded,
      );
    const done = (what: string) => props.setProperty(ANSWER_PREFIX + accept.key, what);
    if (!offer || !family || !freed || !offered) {
      done('not an offer this family was sent');
      continue;
    }
    const taken = takenKey(round, freed.conferenceId);
    const mine = new Set(
      school.waitlist.filter((e) => e.familyId === family.id).map((e) => e.studentId),
    );
    if (recorded[taken] === undefined && mine.size > 0) {
      const fit = fitting(freed, school).find((f) => f.familyId === family.id);
      if (fit) {
        props.setProperty(taken, `${family.id} ${fit.studentIds.join(';')}`);
        recorded = props.getProperties();
      }
    }
    const takenBy = recorded[taken]?.split(' ') ?? [];
    if (takenBy[0] === family.id) {
      const ids = (takenBy[1] ?? '').split(';').filter(Boolean);
      if (placeAt(freed, ids, school)) {
        placedCount++;
        done('placed');
        continue;
      }
      // The scheduler found no room there after all (a conference moved in by hand): the time
      // is free for the next to accept, and this family hears it is gone.
      props.deleteProperty(taken);
      recorded = props.getProperties();
    }
    tellGone(freed, family, [...mine], school, settings, recorded);
    recorded = props.getProperties();
    done('told the time is gone');
  }
  return placedCount;
}

/**
 * The taker's children at the freed time: a new Schedule row unless a run cut off after writing
 * it already made one, then the Waitlist's Told cell. True when placed.
 */
function placeAt(freed: FreedTime, studentIds: string[], school: State): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const onSchedule = school.live.some((r) => r.studentIds.some((id) => studentIds.includes(id)));
  const teacherEmail = teacherEmailOf(freed, school);
  const wanted = new Set(studentIds);
  if (!onSchedule) settleDeclined(ss, freed, school);
  const added = onSchedule
    ? [{ conferenceId: '', studentIds }]
    : placeNewcomers({
        newcomer: (s) => wanted.has(s.id),
        freeing: FREEING_STATUSES,
        // Only the freed time: the teacher's window narrowed to it.
        windows: (windows) =>
          windows
            .filter(
              (w) =>
                w.teacherEmail === teacherEmail &&
                w.date === freed.date &&
                w.start <= freed.start &&
                freed.end <= w.end,
            )
            .slice(0, 1)
            .map((w) => ({ ...w, start: freed.start, end: freed.end })),
      });
  if (added.length === 0) return false;
  const note = placedNote(
    stampIn(new Date(), school.tz),
    freed.date,
    formatMinutes(freed.start),
    freed.teacher,
  );
  addToTold(ss, studentIds, note);
  return true;
}

/**
 * A declined conference whose time is being given away becomes cancelled first: the invite sync
 * sets a declined row back to accepted when a guardian later says yes, and would double-book the
 * time; it never changes a cancelled one. Written in the Status cell only, after checking the row
 * still holds that conference.
 */
function settleDeclined(ss: Spreadsheet, freed: FreedTime, school: State): void {
  const row = school.schedule.rows.find((r) => r.conferenceId === freed.conferenceId);
  const idColumn = school.schedule.columns.get('Conference ID');
  const statusColumn = school.schedule.columns.get('Status');
  if (row?.status !== 'declined' || !idColumn || !statusColumn) return;
  const sheet = ss.getSheetByName(SCHEDULE.name);
  if (!sheet || sheet.getRange(freed.row, idColumn).getValue() !== freed.conferenceId) return;
  sheet.getRange(freed.row, statusColumn).setValue('cancelled');
}

/** Whether some of these children's Roster rows list no address (they are told on paper). */
function paperRows(roster: RosterResult): (studentIds: string[]) => boolean {
  const bare = new Set(roster.students.filter((s) => !s.guardians.length).map((s) => s.id));
  return (studentIds) => studentIds.some((id) => bare.has(id));
}

function tellGone(
  freed: FreedTime,
  family: Family,
  studentIds: string[],
  school: State,
  settings: Settings,
  recorded: Record<string, string>,
): void {
  const round = settings.roundName;
  if (paperRows(school.roster)(studentIds)) {
    // No address to email (for one of these children at least): the office tells the family, as
    // it offered the time.
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    addNotesToTold(ss, [
      {
        studentIds,
        entry: phoneGoneNote(freed.date, formatMinutes(freed.start), freed.teacher),
        keepNoEmail: true,
      },
    ]);
    return;
  }
  const { stored } = ensureTranslations(
    familyLanguages(languagesOf(school.roster), family, settings.defaultLanguage),
    storedTemplates(recorded),
    ['waitgone'],
  );
  const emails = familyEmails(
    'waitgone',
    family,
    studentIds,
    freed,
    school.roster,
    settings,
    () => '',
    (to) => goneKey(round, freed.conferenceId, to),
    stored,
  ).filter((e) => !(e.key in recorded));
  sendJournaled(emails, stampIn(new Date(), school.tz), settings, () => false);
}
