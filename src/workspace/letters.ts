/**
 * The printed letters for families no email reaches (menu: Print letters for families without
 * email): one page per family with a QR code and a short link for each of its forms, and the
 * reply slip, and any of its children on the waiting list. Reads the Roster, the Schedule, the
 * Waitlist and document properties once each; asks Google for
 * each form's short link once per print. Writes nothing, but for the first print of a letter in
 * a language nobody wrote it in: that translates its texts once and adds them to the Letter
 * Texts sheet (src/workspace/lettertexts.ts); and a paper household of a family with email
 * gets its own code (a document property) on its first print.
 */
import { PRINT_CONTROLS } from './printcontrols';
import { familyChoices } from '../core/availability';
import { modeCell, placeFor } from '../core/meeting';
import {
  availabilityRecord,
  FAMILY_CODE_PREFIX,
  PAPER_CODE_PREFIX,
  CODE_MARK,
  linkFor,
  questionnaireRecord,
  readFormsState,
  type FormRecord,
} from '../core/formlinks';
import { formLanguage } from '../core/formtexts';
import { cleanText } from '../core/normalize';
import { paperFamilies, paperHouseholds } from '../core/roster';
import {
  conferenceLines,
  letterChoice,
  waitingLines,
  paperLetterBody,
  paperLetterPage,
  paperPhoneList,
  type PaperConference,
  type PaperForm,
} from '../core/paperletter';
import { phoneScript } from '../core/phonescript';
import { attendedBefore } from '../core/questionnaire';
import { replySlip } from '../core/replyslip';
import { inRound } from '../core/rounds';
import { placedFromWaitlist } from '../core/waitlist';
import { FREEING_STATUSES } from '../core/waitoffers';
import { readScheduleSheet } from '../core/schedule/sheet';
import { SCHEDULE } from '../core/schema';
import { escapeHtml } from '../core/templates';
import { dayIn } from '../core/zone';
import type { PaperLetter } from '../shared/api';
import { familyIds } from '../core/familyshown';
import { cellWallClock, readSchool, readSettings, readSheet, schoolZone } from './data';
import { keptFormTexts } from './formtexts';
import { letterTranslations } from './lettertexts';
import { isTranslated } from '../core/lettertexts';
import { documentProperties } from './props';
import { ensureFamilyCodes } from './forms';
import { readWaitlist } from './waitlist';
import { shortLinks } from './shortlinks';

/** The code in a link made from `record`'s prefilled template, or '' when it is not one. */
function codeIn(record: FormRecord, link: string): string {
  const [before, after] = record.linkTemplate.split(CODE_MARK) as [string, string | undefined];
  if (after === undefined || !link.startsWith(before) || !link.endsWith(after)) return '';
  return link.slice(before.length, link.length - after.length);
}

/**
 * A family's letter before it is a page; `reference` is the family's id as the Roster gives it,
 * the one printed on the letter, its reply slip and the phone list.
 */
type LetterBody = Omit<PaperLetter, 'html'> & { body: string; reference: string };

/**
 * Each family without email's letter, in Roster order; none before the family forms exist. A
 * family whose language has no letter written for it gets the letter machine-translated (once,
 * kept on the Letter Texts sheet); `said` tells the person printing what that did.
 */
function letterBodies(): { letters: LetterBody[]; said: string[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const round = settings.roundName;
  const tz = schoolZone(ss, settings);
  const today = dayIn(new Date(), tz);
  const school = readSchool(ss, settings, today);
  const roster = school.roster;
  const windows = school.teachers?.windows ?? [];
  let props = documentProperties().getProperties();
  const state = readFormsState(props);
  const short = shortLinks();
  // This round's questionnaire links by Family ID, from the Schedule's Feedback Link column.
  const feedback = new Map<string, { link: string; teacher: string; ids: string[] }[]>();
  const schedule = readSheet(ss, SCHEDULE.name);
  // This round's conferences by Family ID: when and where, the video link from the teacher's window.
  const conferences = new Map<string, (Omit<PaperConference, 'students'> & { ids: string[] })[]>();
  const students = new Map((roster?.students ?? []).map((s) => [s.id, s]));
  const ids = familyIds(roster?.families ?? []);
  const sheet = readScheduleSheet(schedule ?? [], cellWallClock(ss), roster?.families ?? []);
  for (const r of sheet.rows)
    if (
      inRound(r.round, round) &&
      !FREEING_STATUSES.has(r.status) &&
      r.date &&
      r.start !== null &&
      r.end !== null
    ) {
      const window = windows.find(
        (w) =>
          w.teacher === r.teacher && w.date === r.date && w.start <= r.start! && r.end! <= w.end,
      );
      const at = (h: string) => r.values[(sheet.columns.get(h) ?? 0) - 1];
      const place = placeFor(modeCell(at('Mode')), cleanText(at('Room')), window?.videoLink ?? '');
      conferences.set(r.familyId, [
        ...(conferences.get(r.familyId) ?? []),
        {
          date: r.date,
          start: r.start,
          end: r.end,
          ...place,
          teacher: r.teacher,
          // Only the row's children of this family: a letter names no other family's child
          // (and, below, only the children of the rows it is written to).
          ids: r.studentIds.filter((id) => students.get(id)?.familyId === r.familyId),
        },
      ]);
    }
  // Only a conference held and marked attended is asked how it went, as by email: a no-show
  // family's row has a link too, and must not be asked.
  const linkColumn = sheet.columns.get('Feedback Link');
  for (const r of sheet.rows) {
    const link = linkColumn ? cleanText(r.values[linkColumn - 1]) : '';
    if (link && r.familyId && attendedBefore(r, round, today))
      feedback.set(r.familyId, [
        ...(feedback.get(r.familyId) ?? []),
        { link, teacher: r.teacher, ids: r.studentIds },
      ]);
  }
  // The Waitlist's children by their Roster family (never the sheet's Family ID cell alone: a
  // letter names only the family's own children), teacher by teacher; none placed since.
  // A child with a live conference this round (one added by hand too) waits for nothing.
  const booked = new Set(
    sheet.rows
      .filter((r) => inRound(r.round, round) && !FREEING_STATUSES.has(r.status))
      .flatMap((r) => r.studentIds),
  );
  const waiting = new Map<string, Map<string, string[]>>();
  for (const e of readWaitlist(ss).entries) {
    const s = students.get(e.studentId);
    // A row of another round (kept until that round's next build) tells nothing about this one.
    if (!inRound(e.round, round)) continue;
    if (!s || booked.has(s.id) || placedFromWaitlist(e.told)) continue;
    const byTeacher = waiting.get(s.familyId) ?? new Map<string, string[]>();
    byTeacher.set(s.teacher, [
      ...(byTeacher.get(s.teacher) ?? []),
      `${s.firstName} ${s.lastName}`.trim(),
    ]);
    waiting.set(s.familyId, byTeacher);
  }
  const letters: LetterBody[] = [];
  // The rows no email reaches, by family: a row without an address in a family with email gets
  // its own letter, naming only its own children (the family's emails never name them).
  const paper = roster ? paperFamilies(roster) : [];
  // Such a household has a code of its own (made on its first print): the slip the office keys
  // in with it, and the form it opens, answer for its children only, never for the emailed
  // household's (nor the emailed household's answer for its).
  const households = roster ? paperHouseholds(roster) : new Map<string, Set<string>>();
  const split = paper.filter((f) => households.has(f.id) && props[FAMILY_CODE_PREFIX + f.id]);
  if (
    ensureFamilyCodes(
      split.map((f) => f.id),
      props,
      PAPER_CODE_PREFIX,
    )
  )
    props = documentProperties().getProperties();
  const codeOf = (id: string) =>
    props[(households.has(id) ? PAPER_CODE_PREFIX : FAMILY_CODE_PREFIX) + id];
  // The forms' words in each language, the machine-translated ones from the Form Texts sheet.
  const all = keptFormTexts(
    ss,
    paper.map((f) => f.language),
  );
  // Only the families that get a letter have it translated: none before the forms exist.
  const printed = paper.filter(
    (f) => codeOf(f.id) && availabilityRecord(state, formLanguage(f.language, all))?.linkTemplate,
  );
  const { letters: translations, said } = letterTranslations(
    ss,
    printed.map((f) => f.language),
  );
  for (const family of printed) {
    const code = codeOf(family.id)!;
    const language = formLanguage(family.language, all);
    const availability = availabilityRecord(state, language)!;
    // The letter's own words in the family's language when nobody wrote them (machine-translated).
    const ownWords = translations.get(family.language);
    const translated = isTranslated(ownWords) ? ownWords : undefined;
    const texts = all[language]!;
    const forms: PaperForm[] = [
      {
        title: texts.availability.title(settings.schoolName),
        link: linkFor(availability, code),
        shortLink: short(availability),
        code,
      },
    ];
    const questionnaire = questionnaireRecord(state, round, language);
    const own = (ids: string[]) => ids.some((id) => family.studentIds.includes(id));
    const links = [
      ...new Map(
        (feedback.get(family.id) ?? []).filter((f) => own(f.ids)).map((f) => [f.link, f]),
      ).values(),
    ];
    for (const { link, teacher } of links)
      if (questionnaire)
        forms.push({
          title: texts.questionnaire.title(settings.schoolName, round),
          // Which conference each block is for, when there are several.
          ...(links.length > 1 && teacher ? { teacher } : {}),
          link,
          shortLink: short(questionnaire),
          code: codeIn(questionnaire, link),
        });
    const mine = family.studentIds.flatMap((id) => students.get(id) ?? []);
    const guardians = [
      ...new Set(
        mine.flatMap((s) => [...s.guardians.map((g) => g.name), ...(s.phoneGuardians ?? [])]),
      ),
    ].filter(Boolean);
    const children = mine.map((s) => `${s.firstName} ${s.lastName}`.trim()).filter(Boolean);
    // Its own children's conferences only (a joined family's emailed rows are told by email).
    const held = (conferences.get(family.id) ?? [])
      .filter((c) => own(c.ids))
      .map(({ ids, ...c }) => ({
        ...c,
        students: ids
          .filter((id) => family.studentIds.includes(id))
          .flatMap((id) => {
            const s = students.get(id);
            return s ? [`${s.firstName} ${s.lastName}`.trim()] : [];
          }),
      }));
    // The call's script in the forms' language (the caller reads it); the letter in the family's.
    const when = conferenceLines(held, language);
    // Only the times of its own children's teachers: another class's evening cannot work.
    const choices = familyChoices(availability.choices, windows, mine);
    const waitingFor = [...(waiting.get(family.id) ?? [])]
      .map(([teacher, names]) => ({
        teacher,
        students: names.filter((n) => children.includes(n)),
      }))
      .filter((w) => w.students.length > 0);
    const waits = waitingLines(waitingFor, language);
    // The slip in its form's words when the family has a form in its language (the office keys
    // the slip into that form); else in the letter's translated words.
    const slipIn = translated && language !== family.language ? translated : undefined;
    const reference = ids.shown(family.id);
    letters.push({
      familyId: family.id,
      reference,
      language,
      phone: family.phone ?? '',
      askFor: `Ask for: ${guardians.join(', ') || 'a parent or guardian'}${children.length ? ` (family of ${children.join(', ')})` : ''}`,
      phoneScript: phoneScript({
        language,
        say: when.length || waits.length ? [...when, ...waits] : [texts.availability.description],
        choices,
        texts: all,
      }),
      body: paperLetterBody({
        schoolName: settings.schoolName,
        familyId: reference,
        language: family.language || language,
        conferences: translated ? conferenceLines(held, family.language, translated) : when,
        waiting: translated ? waitingLines(waitingFor, family.language, translated) : waits,
        familyName: family.name,
        forms,
        slip: slipIn
          ? replySlip(
              reference,
              family.language,
              choices,
              code,
              { ...all, [family.language]: slipIn.slip },
              letterChoice,
            )
          : replySlip(reference, language, choices, code, all),
        ...(translated ? { translated } : {}),
      }),
    });
  }
  return { letters, said };
}

const TITLE = 'Letters for families without email';

/** Each family without email's letter as a page of its own, in Roster order. */
export function paperLetters(): PaperLetter[] {
  return letterBodies().letters.map(({ body, reference, ...l }) => ({
    ...l,
    familyId: reference,
    html: paperLetterPage(`${TITLE}: ${reference}`, [body]),
  }));
}

/** Every letter in one printable document (the dialog's Print button). */
export function showLetters(): void {
  const { letters, said } = letterBodies();
  const title = TITLE;
  const print = `<p class="noprint">${PRINT_CONTROLS}</p>${said.map((line) => `\n<p class="noprint">${escapeHtml(line)}</p>`).join('')}`;
  const html = paperLetterPage(
    title,
    letters.length
      ? [
          print,
          ...letters.map((l) => l.body),
          paperPhoneList(letters.map((l) => ({ ...l, familyId: l.reference }))),
        ]
      : [
          `<main class="letter"><p>${escapeHtml('Every family on the Roster has an email address, or the family forms are not made yet (Forms step).')}</p></main>`,
        ],
  );
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(800).setHeight(600),
    title,
  );
}
