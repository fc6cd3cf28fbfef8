/**
 * The adult a family named on a round's availability form ("Who will come?") instead of its
 * guardians, read from the Availability sheet: the packets and the teacher's day name them.
 */
import { cleanText } from '../core/normalize';
import { inRound } from '../core/rounds';
import { AVAILABILITY } from '../core/schema';
import { readTable } from '../core/table';
import { readSheet } from './data';

/** By Family ID, the adult each family named for the round (the last answer wins). */
export function standInsForRound(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  round: string,
): Map<string, string> {
  const standIn = new Map<string, string>();
  const availability = readSheet(ss, AVAILABILITY.name);
  if (availability && availability.length > 1)
    for (const r of readTable(AVAILABILITY, availability).rows) {
      const who = cleanText(r.get('Who Comes'));
      if (who && inRound(r.get('Round'), round)) standIn.set(cleanText(r.get('Family ID')), who);
    }
  return standIn;
}
