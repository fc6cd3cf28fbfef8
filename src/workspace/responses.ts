/**
 * Recording the family forms' responses (forms.ts makes the forms): what the form-submit trigger
 * does, and what the Schedule and Summary jobs do first. It reads the response sheets and records
 * what is not recorded yet, so a response whose trigger failed (the lock was busy) is picked up by
 * the next one.
 */
import { availabilityRows, parseAvailabilityResponse } from '../core/availability';
import { answerText } from '../core/answers';
import { inFormEnglish } from '../core/formtexts';
import { keptFormTexts } from './formtexts';
import {
  availabilityForms,
  questionnaireForms,
  knownFamilyIds,
  familyOfCode,
  paperHouseholdOfCode,
  readFormsState,
  type FormRecord,
  type FormsState,
} from '../core/formlinks';
import {
  feedbackRow,
  matchConference,
  parseFeedbackResponse,
  rowUnder,
  tokenOfLink,
  type CodedConference,
} from '../core/feedback';
import { UserError } from '../core/errors';
import { cellBlocks } from '../core/blocks';
import { answerStands, replaceOrAdd, responseKey, responseRef } from '../core/recording';
import { familyIds } from '../core/familyshown';
import { paperFamilies, paperHouseholds, parseRoster } from '../core/roster';
import { cleanText } from '../core/normalize';
import { inRound } from '../core/rounds';
import {
  AVAILABILITY,
  FEEDBACK,
  REFLECTIONS,
  SCHEDULE,
  STUDENT_PREP,
  type SheetSpec,
} from '../core/schema';
import {
  prepForms,
  readStudentFormsState,
  answerSheets,
  type AnswerKind,
  studentFormRow,
  studentOfCode,
  type StudentFormKind,
} from '../core/studentforms';
import { readScheduleSheet, type ExistingRow, type ScheduleSheet } from '../core/schedule/sheet';
import type { SettingsWithoutName } from '../core/settings';
import { cellWallClock, readSettings, readSettingsWithoutName, spreadsheetZone } from './data';
import { instantIn } from '../core/zone';
import { documentProperties } from './props';
import { withDocumentLock } from './jobs';
import { placeAtOnce } from './placement';
import { readOfferToken } from '../core/waitoffers';
import { acceptOffers, type Acceptance } from './waitoffers';
import { rebuildSummary } from './summarysheet';
import { ensureRows, kindsOf, putBackHeaders, writeGrid } from './write';
import { sheetMemo, type SheetMemo } from './reads';

interface ResponseRow {
  /** "Form Responses 1!5": the response sheet row, the same for an edit of the response. */
  ref: string;
  at: Date;
  named: Record<string, string[]>;
}

/** The response sheet a form's answers land in, when there is one to read. */
type SheetOf = (record: FormRecord | undefined) => GoogleAppsScript.Spreadsheet.Sheet | undefined;

/** The response sheet's rows as header → value (what namedValues carries), with their time. */
function responseRows(sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined): ResponseRow[] {
  if (!sheet) return [];
  // Read at once, not sized first: a form's sheet holds its header from the start, and once it
  // has answers (every run after the first answer) asking its size first is one call more.
  const [header, ...rows] = sheet.getDataRange().getValues();
  if (rows.length === 0) return [];
  const name = sheet.getName();
  return rows.flatMap((row, i) => {
    const at = row[0];
    if (!(at instanceof Date)) return [];
    const named: Record<string, string[]> = {};
    header!.forEach((h, c) => (named[String(h)] ??= []).push(String(row[c] ?? '')));
    return [{ ref: `${name}!${i + 2}`, at, named }];
  });
}

/** Reads a generated sheet as header + body, for the rows a recording changes. */
function readGenerated(
  memo: SheetMemo,
  spec: SheetSpec,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; header: string[]; body: unknown[][] } {
  const sheet = memo.sheet(spec.name);
  if (!sheet) throw new UserError(`There is no ${spec.name} sheet. Run Set up first.`);
  const values = memo.read(spec.name) ?? [];
  const header = (values[0] ?? []).map(String);
  if (!header.includes('Response'))
    throw new UserError(`The ${spec.name} sheet has no "Response" column. Run Set up to add it.`, {
      sheet: spec.name,
      row: 1,
      column: header.length + 1,
    });
  // A sheet made before one of its columns existed gets it at the end, as Set up adds it: an
  // answer to a newer question is not dropped.
  const missing = spec.columns.map((c) => c.header).filter((h) => !header.includes(h));
  putBackHeaders(sheet, header.length, missing);
  header.push(...missing);
  return { sheet, header, body: values.slice(1) };
}

/**
 * Writes the rows of the new body that differ from the body read (a row kept on its sheet row is
 * not written, so a person's note typed in it meanwhile stays), blank rows where rows went away;
 * one setValues per run of adjacent rows written.
 */
function writeBody(
  memo: SheetMemo,
  spec: SheetSpec,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: string[],
  body: unknown[][],
  read: unknown[][],
): void {
  const rows = body.map((r) => header.map((_, i) => r[i] ?? ''));
  while (rows.length < read.length) rows.push(header.map(() => ''));
  const changed = new Map<number, Map<number, unknown>>();
  rows.forEach((row, i) => {
    if (body[i] !== read[i]) changed.set(i + 2, new Map(row.map((v, c) => [c + 1, v])));
  });
  if (changed.size === 0) return;
  ensureRows(sheet, rows.length + 1);
  for (const b of cellBlocks(changed))
    writeGrid(
      sheet.getRange(b.row, 1, b.values.length, header.length),
      b.values,
      kindsOf(spec, header),
    );
  memo.wrote(spec.name, [header, ...rows]);
}

/** New availability answers into the Availability sheet; returns the families that answered. */
function recordAvailability(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  memo: SheetMemo,
  sheetOf: SheetOf,
  state: FormsState,
  props: Record<string, string>,
  settings: SettingsWithoutName,
  /** Collects the answers that accept an offered freed time: they are not availability. */
  accepts: Acceptance[] = [],
): string[] {
  // Every language's form, each response read back into the English form's words.
  const forms = availabilityForms(state).filter((f) => sheetOf(f.record));
  const texts = keptFormTexts(
    ss,
    forms.map((f) => f.language),
  );
  const responses = forms.flatMap(({ language, record }) =>
    responseRows(sheetOf(record)).map((r) => ({
      ...r,
      named: inFormEnglish(r.named, language, 'availability', record.choices, texts),
      choices: record.choices,
    })),
  );
  if (responses.length === 0) return [];
  const { sheet, header, body } = readGenerated(memo, AVAILABILITY);
  const col = (h: string) => header.indexOf(h);
  const seen = new Set(body.map((r) => String(r[col('Response')] ?? '')));
  const round = settings.roundName;
  // Only this round's rows give way to a new answer; last round's stay readable as they were.
  const thisRound = (r: unknown[]) => inRound(col('Round') < 0 ? '' : r[col('Round')], round);
  // Families group by Family ID or shared emails, whatever the teachers: no need to read the Teachers sheet.
  // A family regrouped since it was given its code is found by its earlier id too.
  const parsed = parseRoster(memo.read('Roster') ?? [], null, {
    defaultLanguage: settings.defaultLanguage,
    knownFamilyIds: knownFamilyIds(props),
  });
  const roster = parsed.families;
  // A family with email whose some rows list no address has a paper household: its answer (keyed
  // in with its own code) is written with no Email, under its own surname, and stands beside
  // the emailed household's; each replaces only its own earlier answer.
  const households = paperHouseholds(parsed);
  const paperNames = new Map(paperFamilies(parsed).map((f) => [f.id, f.name]));
  const families = new Map(
    roster.flatMap((f) => [f.id, ...(f.aliases ?? [])].map((id) => [id, f] as const)),
  );
  // A row's Family ID as written may be any form of the family's id (a paper answer typed with
  // the Family ID people read): each is read back to the family's. Rows are written with the
  // Family ID people read on the Roster, as the Schedule shows it.
  const ids = familyIds(roster);
  const familyOf = ids.read;
  /** Whose answer a row is: its family's, or (no Email, the family has one) its paper household's. */
  const householdOf = (id: string, r: unknown[]) =>
    households.has(id) && cleanText(r[col('Email')]) === '' ? `${id}|paper` : id;
  const latest = new Map<string, number>();
  for (const r of body.filter(thisRound)) {
    const id = familyOf(r[col('Family ID')]);
    const at = r[col('Answered')];
    if (id && at instanceof Date) {
      const who = householdOf(id, r);
      latest.set(who, Math.max(latest.get(who) ?? 0, at.getTime()));
    }
  }
  const codes = familyOfCode(props);
  const paperCodes = paperHouseholdOfCode(props);
  let rows = body;
  const answered: string[] = [];
  for (const response of [...responses].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const key = responseKey(response.ref, response.at);
    if (seen.has(key)) continue;
    const answer = parseAvailabilityResponse(response.named, response.choices);
    if (readOfferToken(answer.token)) {
      accepts.push({ key, at: response.at, token: answer.token });
      continue;
    }
    const token = answer.token.toLowerCase();
    const familyId = codes.get(token) ?? paperCodes.get(token);
    const family = familyId ? families.get(familyId) : undefined;
    // The paper household's own code, while the family still has one (else the family's answer).
    const paper = !codes.has(token) && !!family && households.has(family.id);
    // An older answer of a family (household) that has answered again since: the later stands.
    const answerer = family ? (paper ? `${family.id}|paper` : family.id) : familyId;
    if (answerer && !answerStands(latest.get(answerer), response.at.getTime())) continue;
    const target = family
      ? paper
        ? { id: ids.shown(family.id), name: paperNames.get(family.id) ?? family.name, email: '' }
        : { id: ids.shown(family.id), name: family.name, email: family.contacts[0]?.email ?? '' }
      : { id: '', name: `Unknown family code "${answer.token.slice(0, 40)}"`, email: '' };
    if (family) {
      rows = rows.filter(
        (r) =>
          familyOf(r[col('Family ID')]) !== family.id ||
          !thisRound(r) ||
          householdOf(family.id, r) !== answerer,
      );
      latest.set(answerer!, response.at.getTime());
      answered.push(family.id);
    }
    rows = [
      ...rows,
      ...availabilityRows(answer, target, response.at, (day) =>
        instantIn(day, 0, spreadsheetZone(ss)),
      ).map((r) => rowUnder(header, { ...r, Response: answerText(key), Round: answerText(round) })),
    ];
  }
  if (rows !== body) writeBody(memo, AVAILABILITY, sheet, header, rows, body);
  return answered;
}

function codedConferences(read: Pick<ScheduleSheet, 'rows' | 'columns'>): CodedConference[] {
  const link = read.columns.get('Feedback Link');
  const cell = (r: ExistingRow, h: string) => cleanText(r.values[(read.columns.get(h) ?? 0) - 1]);
  return read.rows.flatMap((r) => {
    const token = link ? tokenOfLink(r.values[link - 1]) : '';
    return token
      ? [
          {
            token,
            conferenceId: r.conferenceId,
            round: r.round,
            teacher: r.teacher,
            family: cell(r, 'Family'),
            language: cell(r, 'Language'),
            status: r.status,
          },
        ]
      : [];
  });
}

/** New questionnaire answers into the Feedback sheet: an edit replaces its row, a second answer is kept beside the first. */
function recordFeedback(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  memo: SheetMemo,
  sheetOf: SheetOf,
  state: FormsState,
): number {
  const forms = questionnaireForms(state).filter((f) => sheetOf(f.record));
  const texts = keptFormTexts(
    ss,
    forms.map((f) => f.language),
  );
  const rounds = forms.map(({ round, language, record }) => ({
    round,
    responses: responseRows(sheetOf(record)).map((r) => ({
      ...r,
      named: inFormEnglish(r.named, language, 'questionnaire', [], texts),
    })),
  }));
  if (rounds.every((r) => r.responses.length === 0)) return 0;
  const { sheet, header, body } = readGenerated(memo, FEEDBACK);
  const col = header.indexOf('Response');
  const refOf = (r: unknown[]) => responseRef(String(r[col] ?? ''));
  const seen = new Set(body.map((r) => String(r[col] ?? '')));
  const conferences = codedConferences(
    // An answer reaches its conference by the link's token: no Family ID is read.
    readScheduleSheet(memo.read(SCHEDULE.name) ?? [], cellWallClock(ss), []),
  );
  let rows = body;
  let recorded = 0;
  for (const { round, responses } of rounds) {
    for (const response of responses) {
      const key = responseKey(response.ref, response.at);
      if (seen.has(key)) continue;
      const answer = parseFeedbackResponse(response.named);
      const cells = rowUnder(
        header,
        feedbackRow(answer, matchConference(answer.token, round, conferences), response.at, key),
      );
      rows = replaceOrAdd(rows, (r) => refOf(r) === response.ref, cells);
      recorded++;
    }
  }
  if (recorded) writeBody(memo, FEEDBACK, sheet, header, rows, body);
  return recorded;
}

/**
 * New prep (or reflection) form answers into the Student Prep (or Reflections) sheet, one row per
 * student per round: a student's later answer (or an edit of it) replaces their row for that
 * round, whoever wrote it before, while that round is being played; a past round's row is kept. An unknown code is kept on a row of its own for a person to
 * look at.
 */
function recordStudentAnswers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  memo: SheetMemo,
  sheetOf: SheetOf,
  props: Record<string, string>,
  kind: StudentFormKind,
  /** The round being played: an answer through another round's form is a late one. */
  playing: string,
): number {
  const spec = kind === 'prep' ? STUDENT_PREP : REFLECTIONS;
  const responses = prepForms(readStudentFormsState(props), kind).flatMap(
    ({ round, language, record }) =>
      responseRows(sheetOf(record)).map((r) => ({
        ...r,
        round,
        ...studentFormRow(kind, r.named, language),
      })),
  );
  if (responses.length === 0) return 0;
  const { sheet, header, body } = readGenerated(memo, spec);
  const col = (h: string) => header.indexOf(h);
  const seen = new Set(body.map((r) => String(r[col('Response')] ?? '')));
  const codes = studentOfCode(props);
  let rows = body;
  let recorded = 0;
  for (const response of [...responses].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const key = responseKey(response.ref, response.at);
    if (seen.has(key)) continue;
    const studentId =
      codes.get(response.code) ?? `Unknown student code "${response.code.slice(0, 40)}"`;
    const own = (r: unknown[]) =>
      cleanText(r[col('Student ID')]) === studentId &&
      cleanText(r[col('Round')]).toLowerCase() === response.round.toLowerCase();
    const row = rows.find(own);
    // A slip kept from a past round and answered now (a fall slip in spring) never replaces
    // what that round recorded: last round's goal is looked back on. Where the student has no
    // row of that round, it is recorded for that round, as a late answer.
    if (row && response.round.toLowerCase() !== playing.toLowerCase()) continue;
    const before = row?.[col('Answered')];
    if (before instanceof Date && !answerStands(before.getTime(), response.at.getTime())) continue;
    const cells = rowUnder(header, {
      'Student ID': answerText(studentId),
      Round: answerText(response.round),
      ...Object.fromEntries(Object.entries(response.cells).map(([h, v]) => [h, answerText(v)])),
      Answered: response.at,
      Response: answerText(key),
    });
    rows = replaceOrAdd(rows, own, cells);
    recorded++;
  }
  if (recorded) writeBody(memo, spec, sheet, header, rows, body);
  return recorded;
}

/** The response sheet a form-submit event's range is on, or null without a range. */
export function answeredSheet(event: unknown): GoogleAppsScript.Spreadsheet.Sheet | null {
  const range = (event as { range?: GoogleAppsScript.Spreadsheet.Range } | null | undefined)?.range;
  return range ? range.getSheet() : null;
}

interface Recorded {
  availability: number;
  feedback: number;
  placed: number;
  totals: ReturnType<typeof rebuildSummary> | null;
}

/**
 * What the form-submit trigger does (under the document lock): records the answers not yet
 * recorded, places newly answering families at once when the settings say so, and rebuilds the
 * Summary. Given the response sheet the answer landed on (`answeredIn`, from the event's range),
 * it reads that sheet only: no sheet list, no other language's or round's sheet. An answer whose
 * trigger failed is recorded by its sheet's next answer, the Schedule build or the Summary job,
 * which read every form's sheet.
 */
export function recordResponses(options?: {
  answeredIn?: GoogleAppsScript.Spreadsheet.Sheet | null;
}): Recorded & { totals: ReturnType<typeof rebuildSummary> };
export function recordResponses(options: { rebuild: 'if-recorded'; memo?: SheetMemo }): Recorded;
/** Records every response not yet recorded; rebuilds the Summary always, or only when something was recorded. */
export function recordResponses(
  options: {
    rebuild?: 'always' | 'if-recorded';
    memo?: SheetMemo;
    answeredIn?: GoogleAppsScript.Spreadsheet.Sheet | null;
  } = {},
): Recorded {
  const memo = options.memo ?? sheetMemo(SpreadsheetApp.getActiveSpreadsheet());
  const ss = memo.spreadsheet;
  const props = documentProperties().getProperties();
  const state = readFormsState(props);
  // The school's name is the Summary's alone: asked (when none is saved) only to rebuild it.
  const settings = readSettingsWithoutName(ss, props['slc:settings'] ?? null);
  const answeredIn = options.answeredIn ?? null;
  const answeredId = answeredIn ? answeredIn.getSheetId() : null;
  // The kind of the form answered, or null (no sheet given, or none of the add-on's): every form.
  const only =
    answeredId === null
      ? null
      : (answerSheets(state, readStudentFormsState(props)).get(answeredId) ?? null);
  const sheetOf: SheetOf =
    only !== null
      ? (record) => (record?.sheetId === answeredId ? answeredIn! : undefined)
      : (record) =>
          record && record.sheetId !== null
            ? memo.sheets().find((s) => s.getSheetId() === record.sheetId)
            : undefined;
  const checks = (kind: AnswerKind) => only === null || only === kind;
  // A trigger's mark that it could not record (cleared below once every form's sheet is read).
  const pending = only === null ? props[PENDING] : undefined;
  const accepts: Acceptance[] = [];
  const answered = checks('availability')
    ? recordAvailability(ss, memo, sheetOf, state, props, settings, accepts)
    : [];
  const feedback = checks('questionnaire') ? recordFeedback(ss, memo, sheetOf, state) : 0;
  const playing = settings.roundName;
  const prepared =
    (checks('prep') ? recordStudentAnswers(ss, memo, sheetOf, props, 'prep', playing) : 0) +
    (checks('reflection')
      ? recordStudentAnswers(ss, memo, sheetOf, props, 'reflection', playing)
      : 0);
  const placed =
    settings.placeResponses === 'at-once' && answered.length ? placeAtOnce(answered) : 0;
  // A family accepting a freed time it was offered: the first is placed, the others are told.
  const fromWaitlist = accepts.length ? acceptOffers(accepts) : 0;
  if (placed || fromWaitlist) memo.forget(SCHEDULE.name);
  const recorded = answered.length + feedback + prepared > 0;
  const totals =
    options.rebuild === 'if-recorded' && !recorded
      ? null
      : rebuildSummary(memo, {
          ss,
          settings: readSettings(ss, props['slc:settings'] ?? null),
          props,
        });
  // Cleared only when no trigger marked again meanwhile (its answer may be past what was read).
  if (pending !== undefined) {
    const now = documentProperties();
    if (now.getProperty(PENDING) === pending) now.deleteProperty(PENDING);
  }
  return { availability: answered.length, feedback, placed, totals };
}

/**
 * The document property a form-submit trigger sets when it could not record its answer (another
 * editor's job held the document lock past the trigger's wait, or recording failed): the answer
 * waits on its Form Responses sheet, and the next reader of the answers records it first.
 */
export const PENDING = 'slc:responses:pending';

/** The form-submit trigger's: records the answer, or marks it pending when it cannot. */
export function recordFromTrigger(event: unknown): void {
  try {
    withDocumentLock('form-response', 'recording a family’s form answers', 'trigger', () =>
      recordResponses({ answeredIn: answeredSheet(event) }),
    );
  } catch (e) {
    try {
      documentProperties().setProperty(PENDING, new Date().toISOString());
    } catch {
      // The trigger's own failure is the one to report.
    }
    throw e;
  }
}

/**
 * Before the students' or families' answers are read (the prep nudge, the packets, the sidebar's
 * steps, the debrief, the prep links): records those a trigger could not. Costs one look at the
 * properties the caller has read already, and no sheet call, unless a trigger marked answers
 * pending. A caller holding the document lock (a job) records at once; any other takes the lock
 * briefly and, when another editor's job holds it, reads the sheets as they are (the mark stays
 * for the next reader). True when answers were recorded.
 */
export function recordPending(
  props: Record<string, string>,
  options: { locked: boolean; memo?: SheetMemo },
): boolean {
  if (!(PENDING in props)) return false;
  const record = () => {
    const r = recordResponses({
      rebuild: 'if-recorded',
      ...(options.memo ? { memo: options.memo } : {}),
    });
    return r.totals !== null;
  };
  try {
    return options.locked
      ? record()
      : withDocumentLock(
          'form-response',
          'recording form answers',
          'sidebar',
          record,
          PENDING_WAIT_MS,
        );
  } catch (e) {
    // The lock still busy, or a sheet to record into missing (Set up says so): the reader goes on
    // with the sheets as they are, as before, and the mark stays for the next one.
    if (e instanceof UserError) return false;
    throw e;
  }
}

/** How long a reader waits for another editor's job to let go before reading as things are. */
const PENDING_WAIT_MS = 1_000;
