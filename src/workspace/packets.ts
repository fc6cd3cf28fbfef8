/**
 * Conference packets for the round being played: one printable page per conference, read from
 * the Schedule, Roster, Teachers, Availability and Feedback sheets (one read each). Teachers print
 * theirs in one go, in time order.
 */
import { PRINT_CONTROLS } from './printcontrols';
import { modeCell, placeFor } from '../core/meeting';
import { inRound } from '../core/rounds';
import { languageName, cleanText, scheduleLanguage } from '../core/normalize';
import { FREEING_STATUSES } from '../core/waitoffers';
import { packetBody, packetHtml, packetPage, type PacketInput } from '../core/packets';
import { escapeHtml } from '../core/templates';
import { readScheduleSheet, type ExistingRow } from '../core/schedule/sheet';
import { prepForRound, readStudentPrep } from '../core/prep';
import { FEEDBACK, SCHEDULE, STUDENT_PREP } from '../core/schema';
import { readTable } from '../core/table';
import type { Packet } from '../shared/api';
import { cellWallClock, readSchool, readSettings, readSheet, schoolZone } from './data';
import { dayIn } from '../core/zone';
import { standInsForRound } from './standin';
import { documentProperties } from './props';
import { recordPending } from './responses';

/** This round's packets, each a page of its own, by teacher, date and start. */
export function roundPackets(): Packet[] {
  return roundPacketInputs().map((p) => ({
    conferenceId: p.conferenceId,
    teacher: p.teacher,
    date: p.date,
    html: packetHtml(p),
  }));
}

/**
 * Every packet of the round in one printable document, teacher by teacher in time order: what
 * a teacher prints in one go (the dialog's Print button).
 */
export function showPackets(): void {
  const inputs = roundPacketInputs();
  const round = readSettings(SpreadsheetApp.getActiveSpreadsheet()).roundName;
  const print = `<p class="noprint">${PRINT_CONTROLS}</p>`;
  const html = inputs.length
    ? packetPage(`${round} conference packets`, [print, ...inputs.map(packetBody)])
    : packetPage(`${round} conference packets`, [
        `<main class="packet"><p>There are no ${escapeHtml(round)} conferences on the Schedule yet: build the schedule first.</p></main>`,
      ]);
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(800).setHeight(600),
    `${round} conference packets`,
  );
}

/** The packets' contents for the round being played, by teacher, date and start. */
function roundPacketInputs(): PacketInput[] {
  // A student's answer whose trigger could not record it is on their packet all the same.
  recordPending(documentProperties().getProperties(), { locked: false });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const wall = cellWallClock(ss);
  const data = readSchool(ss, settings, dayIn(new Date(), schoolZone(ss, settings)));
  const schedule = readScheduleSheet(
    readSheet(ss, SCHEDULE.name) ?? [],
    wall,
    data.roster?.families ?? [],
  );
  const round = settings.roundName;
  const cell = (r: ExistingRow, h: string) =>
    cleanText(r.values[(schedule.columns.get(h) ?? 0) - 1]);
  const students = new Map((data.roster?.students ?? []).map((s) => [s.id, s]));
  const windows = data.teachers?.windows ?? [];

  // The adult a family named on this round's availability form, instead of its guardians.
  const standIn = standInsForRound(ss, round, () => data.roster);

  // Each student's goals by conference date: the family questionnaire's, then the student's own
  // (which wins at the same conference, being later in the list).
  const byId = new Map(schedule.rows.map((r) => [r.conferenceId, r]));
  const goals: { studentIds: string[]; date: string; round: string; goal: string }[] = [];
  const allPrep = readStudentPrep(readSheet(ss, STUDENT_PREP.name));
  const prep = prepForRound(allPrep, round);
  const feedback = readSheet(ss, FEEDBACK.name);
  if (feedback && feedback.length > 1)
    for (const r of readTable(FEEDBACK, feedback).rows) {
      const conference = byId.get(cleanText(r.get('Conference ID')));
      const goal = cleanText(r.get('Goal'));
      if (conference?.date && goal && !cleanText(r.get('Flag')))
        goals.push({ ...conference, date: conference.date, goal });
    }
  for (const a of allPrep) {
    const conference = schedule.rows.find(
      (r) => inRound(r.round, a.round) && r.date && r.studentIds.includes(a.studentId),
    );
    if (conference?.date && a.goal)
      goals.push({
        studentIds: [a.studentId],
        date: conference.date,
        round: a.round,
        goal: a.goal,
      });
  }

  const live = schedule.rows.filter(
    (r) =>
      inRound(r.round, round) &&
      !FREEING_STATUSES.has(r.status) &&
      r.date !== null &&
      r.start !== null &&
      r.end !== null,
  );
  const packets = live.map((r): PacketInput => {
    const mine = r.studentIds.flatMap((id) => students.get(id) ?? []);
    // The guardians by name, those reached by phone included; an address is not a name, and
    // a guardian the Roster names nowhere is left for the family to fill in.
    const guardians = [
      ...new Set(
        mine.flatMap((s) => [...s.guardians.map((g) => g.name), ...(s.phoneGuardians ?? [])]),
      ),
    ].filter(Boolean);
    const window = windows.find(
      (w) => w.teacher === r.teacher && w.date === r.date && w.start <= r.start! && r.end! <= w.end,
    );
    const nameOf = (id: string) => {
      const s = students.get(id);
      return s ? `${s.firstName} ${s.lastName}`.trim() : id;
    };
    // Each student's own latest goal of an earlier round (merged siblings each have theirs); a
    // family's goal for the whole conference is shown once, with the students it was for.
    const earlier = new Map<(typeof goals)[number], string[]>();
    for (const id of r.studentIds) {
      const g = goals
        .filter((g) => !inRound(g.round, round) && g.date < r.date! && g.studentIds.includes(id))
        .reduce<(typeof goals)[number] | undefined>(
          (best, g) => (!best || g.date >= best.date ? g : best),
          undefined,
        );
      if (g) earlier.set(g, [...(earlier.get(g) ?? []), nameOf(id)]);
    }
    const prepared = r.studentIds.flatMap((id) => prep.get(id) ?? []);
    const several = r.studentIds.length > 1;
    return {
      schoolName: settings.schoolName,
      conferenceId: r.conferenceId,
      round,
      date: r.date!,
      start: r.start!,
      end: r.end!,
      teacher: r.teacher,
      ...placeFor(modeCell(cell(r, 'Mode')), cell(r, 'Room'), window?.videoLink ?? ''),
      students: mine.length
        ? mine.map((s) => `${s.firstName} ${s.lastName}`.trim())
        : [cell(r, 'Students')],
      coming: standIn.has(r.familyId) ? [standIn.get(r.familyId)!] : guardians,
      interpreter: /^(yes|true)$/i.test(cell(r, 'Interpreter'))
        ? languageName(scheduleLanguage(cell(r, 'Language'))) || cell(r, 'Language')
        : '',
      interpreterCode: scheduleLanguage(cell(r, 'Language')),
      // Merged siblings' goals, each named: whose goal is whose.
      goal: prepared
        .filter((a) => a.goal)
        .map((a) => (several ? `${nameOf(a.studentId)}: ${a.goal}` : a.goal))
        .join(' · '),
      prep: prepared,
      lastGoals: [...earlier].map(([g, names]) => ({
        round: g.round,
        goal: g.goal,
        students: names,
      })),
      // The conference's language, as its invitation and reminders use it.
      language: scheduleLanguage(cell(r, 'Language')) || settings.defaultLanguage,
    };
  });
  return packets.sort(
    (a, b) =>
      a.teacher.localeCompare(b.teacher) || a.date.localeCompare(b.date) || a.start - b.start,
  );
}
