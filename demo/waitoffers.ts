/**
 * The demo's freed time: once the waitlisted families are told, the office cancels one conference
 * whose time fits a waitlisted family (Status "cancelled", as a coordinator types it), the invites
 * are synced (its event is cancelled), the freed time is offered to the waitlisted families it
 * fits, and the first two offered accept through their links: the first is placed, the second is
 * told the time is gone. waitlist.csv then shows the placed family's Told cell.
 */
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import { knownFamilyIds } from '../src/core/formlinks';
import { parseRoster } from '../src/core/roster';
import { inRound } from '../src/core/rounds';
import {
  buildProblem,
  readAvailability,
  readScheduleSheet,
  withFamilyAnswers,
  type ExistingRow,
} from '../src/core/schedule/sheet';
import { parseTeachers } from '../src/core/teachers';
import { FREEING_STATUSES, fittingFamilies } from '../src/core/waitoffers';
import { wallClockIn } from '../src/core/zone';
import type { Result, Settings } from '../src/shared/api';
import { runJobToEnd } from './events';

const ACCEPT_LINK = /https:\/\/\S*-accept-\S*/;

/** The school as the add-on reads it now: its settings, Teachers and Roster, parsed by the core. */
export function schoolAsRead(emulator: Emulator, bundle: Bundle) {
  const r = bundle.callFromClient('getSettings', []) as Result<{ settings: Settings }>;
  if (!r.ok) throw new Error(r.error.message);
  const { settings } = r.value;
  const doc = emulator.spreadsheet;
  const wall = wallClockIn(doc.timeZone);
  const values = (name: string) => doc.sheetByName(name)?.values() ?? [];
  const round = settings.roundName;
  const teachers = parseTeachers(values('Teachers'), wall, { round });
  const props = Object.fromEntries(emulator.kv.properties.get(`document:${doc.id}`) ?? []);
  const parsed = parseRoster(values('Roster'), teachers.teachers, {
    defaultLanguage: settings.defaultLanguage,
    knownFamilyIds: knownFamilyIds(props),
  });
  return { settings, wall, values, round, teachers, parsed };
}

/**
 * The first of this round's live conferences whose time, once freed, the add-on's own rule
 * (core/waitoffers.ts fittingFamilies) would offer to a waitlisted family; undefined when none.
 */
function conferenceToFree(emulator: Emulator, bundle: Bundle): ExistingRow | undefined {
  const { settings, wall, values, round, teachers, parsed } = schoolAsRead(emulator, bundle);
  const availability = readAvailability(values('Availability'), parsed, wall, round);
  const schedule = readScheduleSheet(values('Schedule'), wall, parsed.families);
  const { problem } = buildProblem({
    roster: withFamilyAnswers(parsed, availability.answers),
    windows: teachers.windows,
    settings,
    availability: availability.byFamily,
    sheet: { ...schedule, rows: [] },
    seed: 1,
  });
  const students = new Map(problem.students.map((s) => [s.id, s]));
  // Each live conference as a booked time: its family, teacher, day and hours.
  const live = schedule.rows.flatMap((row) => {
    const s = row.studentIds.map((id) => students.get(id)).find(Boolean);
    const { date, start, end } = row;
    return inRound(row.round, round) &&
      !FREEING_STATUSES.has(row.status) &&
      s &&
      date !== null &&
      start !== null &&
      end !== null
      ? [
          {
            row,
            familyId: row.familyId || s.familyId,
            teacherEmail: s.teacherEmail,
            date,
            start,
            end,
          },
        ]
      : [];
  });
  const placed = new Set(live.flatMap(({ row }) => row.studentIds));
  const [wHeader, ...wRows] = values('Waitlist');
  const idAt = (wHeader ?? []).indexOf('Student ID');
  const waitlist = wRows
    .map((w) => String(w[idAt] ?? '').trim())
    .filter((id) => id && !placed.has(id));
  return live.find((freed) => {
    const mode = problem.windows.find(
      (w) =>
        w.teacherEmail === freed.teacherEmail &&
        w.date === freed.date &&
        w.start <= freed.start &&
        freed.end <= w.end,
    )?.mode;
    const fitting = fittingFamilies({
      freed: { ...freed, mode },
      waitlist,
      students: problem.students,
      families: problem.families,
      booked: live.filter((b) => b !== freed),
      bufferMinutes: problem.bufferMinutes,
      interpreters: problem.interpreters,
    });
    return fitting.length > 0;
  })?.row;
}

/** Returns the Conference ID cancelled and how many families accepted (none when none fits). */
export function freeOneTime(
  emulator: Emulator,
  bundle: Bundle,
): { cancelled: string; accepted: number } {
  const freed = conferenceToFree(emulator, bundle);
  const schedule =
    emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Schedule');
  if (!freed || !schedule) return { cancelled: '', accepted: 0 };
  const status = schedule
    .getRange(1, 1, 1, schedule.getLastColumn())
    .getValues()[0]!
    .indexOf('Status');
  schedule.getRange(freed.row, status + 1).setValue('cancelled');
  runJobToEnd(bundle, 'invites');
  // The offer's accept link is the family's own availability link: when the families' answers
  // came from a file, no form was made yet, so the office makes them now (a no-op otherwise).
  runJobToEnd(bundle, 'forms');
  const before = emulator.mail.sent.length;
  runJobToEnd(bundle, 'waitlist-offer');
  // One link per family (its addresses' links carry the same code): the first two families.
  const links = [
    ...new Set(
      emulator.mail.sent
        .slice(before)
        .map((m) => ACCEPT_LINK.exec(m.body)?.[0])
        .filter((l): l is string => !!l),
    ),
  ].slice(0, 2);
  for (const link of links) emulator.forms.submitPrefilled(link, {});
  runJobToEnd(bundle, 'invites');
  return { cancelled: freed.conferenceId, accepted: links.length };
}
