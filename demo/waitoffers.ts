/**
 * The demo's freed time: once the waitlisted families are told, the office cancels one conference
 * of a teacher with students waiting (Status "cancelled", as a coordinator types it), the invites
 * are synced (its event is cancelled), the freed time is offered to the waitlisted families it
 * fits, and the first two offered accept through their links: the first is placed, the second is
 * told the time is gone. waitlist.csv then shows the placed family's Told cell.
 */
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import { runJobToEnd } from './events';

const ACCEPT_LINK = /https:\/\/\S*-accept-\S*/;

/** Returns the Conference ID cancelled and how many families accepted (0 when none fits). */
export function freeOneTime(
  emulator: Emulator,
  bundle: Bundle,
): { cancelled: string; accepted: number } {
  const ss = emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!;
  const waitlist = ss.getSheetByName('Waitlist');
  const schedule = ss.getSheetByName('Schedule');
  if (!waitlist || !schedule || waitlist.getLastRow() < 2) return { cancelled: '', accepted: 0 };
  const [wHeader, ...waiting] = waitlist.getDataRange().getValues();
  const teachers = new Set(waiting.map((r) => String(r[wHeader!.indexOf('Teacher')])));
  const [header, ...rows] = schedule.getDataRange().getValues();
  const col = (name: string) => header!.indexOf(name);
  const at = rows.findIndex(
    (r) => teachers.has(String(r[col('Teacher')])) && r[col('Status')] !== 'cancelled',
  );
  if (at < 0) return { cancelled: '', accepted: 0 };
  const cancelled = String(rows[at]![col('Conference ID')]);
  schedule.getRange(at + 2, col('Status') + 1).setValue('cancelled');
  runJobToEnd(bundle, 'invites');
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
  return { cancelled, accepted: links.length };
}
