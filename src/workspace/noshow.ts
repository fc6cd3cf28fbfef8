/**
 * Offering another time to the families who did not come: each address the Roster lists with a
 * child of a conference marked no-show gets one email, in the family's language, with the
 * family's own availability link (so it can give new times), naming only the children whose
 * Roster rows list that address. Once per conference and address, however often the button is
 * pressed and across a run cut off while sending (sendJournaled's record).
 */
import { UserError } from '../core/errors';
import { availabilityRecord, FAMILY_CODE_PREFIX, linkFor } from '../core/formlinks';
import { noShowConferences, noShowOfferKey, noShowOfferPrefix } from '../core/noshow';
import {
  addressLanguage,
  addressLanguages,
  byRecipient,
  familyLanguages,
  greetingName,
  pupilsOf,
} from '../core/recipients';
import { readScheduleSheet } from '../core/schedule/sheet';
import { SCHEDULE } from '../core/schema';
import { joinNames, renderMessage } from '../core/templates';
import { stampIn } from '../core/zone';
import type { Problem } from '../shared/api';
import { cellWallClock, readSheet, schoolZone } from './data';
import { ensureFamilyCodes, offerStart } from './forms';
import type { ChunkResult, JobSpec } from './jobs';
import { rosterForMessages, sendJournaled, type JournaledEmail } from './mailer';
import { ensureTranslations, storedTemplates } from './messages';
import { messageSettings } from './reminders';
import { plural } from './steps';

interface OfferState {
  sent: number;
}

export const NOSHOW_OFFER_JOB: JobSpec<OfferState> = {
  name: 'noshow-offer',
  label: 'offering another time to families who did not come',
  start: () => ({ sent: 0 }),
  step(state, ctx): ChunkResult<OfferState> {
    const start = offerStart(', then offer another time.');
    const { ss, settings, round, props, forms, availability } = start;
    let { recorded } = start;
    const tz = schoolZone(ss, settings);
    const roster = rosterForMessages(ss, settings, recorded);
    if (!roster) throw new UserError('There is no Roster sheet. Run Set up first.');
    const schedule = readScheduleSheet(
      readSheet(ss, SCHEDULE.name) ?? [],
      cellWallClock(ss),
      roster.families,
    );
    const conferences = noShowConferences(schedule.rows, round);
    const families = new Map(roster.families.map((f) => [f.id, f]));
    const ids = [...new Set(conferences.map((c) => c.familyId).filter((id) => families.has(id)))];
    // A family added to the Roster since the forms were made gets its code now, before any link.
    if (ensureFamilyCodes(ids, recorded)) recorded = props.getProperties();
    const students = new Map(roster.students.map((s) => [s.id, s]));
    const forText = messageSettings(settings);
    // Each address in its own Roster rows' language: a family's two households may read two.
    const languages = addressLanguages(roster.students);
    const { stored } = ensureTranslations(
      ids.flatMap((id) => familyLanguages(languages, families.get(id), settings.defaultLanguage)),
      storedTemplates(recorded),
    );
    const statusColumn = schedule.columns.get('Status') ?? 1;
    const emails: JournaledEmail[] = [];
    for (const c of conferences) {
      const family = families.get(c.familyId);
      if (!family) continue;
      const pupils = pupilsOf(c.studentIds, students);
      for (const { to, items } of byRecipient([{ pupils }])) {
        const key = noShowOfferKey(round, c.conferenceId, to);
        if (key in recorded) continue;
        const language = addressLanguage(languages, to, family.language, settings.defaultLanguage);
        const link = linkFor(
          availabilityRecord(forms, language) ?? availability,
          recorded[FAMILY_CODE_PREFIX + family.id]!,
        );
        const mine = items[0]!.pupils;
        const names = mine.map((p) => p.name);
        emails.push({
          key,
          to,
          message: renderMessage(
            'noshow',
            language,
            {
              school: settings.schoolName,
              family: greetingName(mine, language, family.name),
              students: joinNames(names, language),
              children: names.length,
              teacher: c.teacher,
              date: c.date ?? '',
              start: c.start ?? 0,
              end: c.end ?? 0,
              room: '',
              videoLink: '',
              link,
              replyTo: forText.replyTo,
              round,
              interpreter: false,
            },
            stored,
          ),
          refused: (why): Problem => ({
            severity: 'warning',
            where: { sheet: SCHEDULE.name, row: c.row, column: statusColumn },
            message: `Google refused the offer of another time to ${to} (${why}). Check the address on the Roster.`,
          }),
        });
      }
    }
    // An offer a cut-off run was sending is never sent again: a person checks with the family.
    const unsure = Object.keys(recorded)
      .filter((k) => k.startsWith(noShowOfferPrefix(round)) && recorded[k]!.startsWith('sending'))
      .map((k): Problem => ({
        severity: 'warning',
        message: `The offer of another time to ${k.split('|').pop()} may not have gone out (the run was cut off while sending it). It is not sent again; check with the family.`,
      }));
    const run = sendJournaled(emails, stampIn(ctx.now(), tz), settings, ctx.outOfTime);
    const total = state.sent + run.sent;
    const waiting: Problem[] = run.waiting
      ? [
          {
            severity: 'warning',
            message: `Google's daily email limit is reached: ${plural(run.waiting, 'offer')} wait for the next run.`,
          },
        ]
      : [];
    const said = total
      ? `Offered another time to ${plural(total, 'address', 'addresses')} of families who did not come, each with its own availability link.`
      : `No family is due an offer of another time (${plural(conferences.length, 'conference')} marked no-show; each address is offered once).`;
    return {
      state: { sent: total },
      done: !run.outOfTime,
      processed: total,
      total: run.outOfTime ? state.sent + emails.length : total,
      message: run.outOfTime ? `${said} More to go…` : said,
      problems: [...waiting, ...unsure, ...run.problems],
    };
  },
};
