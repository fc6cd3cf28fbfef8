/**
 * The family forms: the availability form (when a family can come) and one questionnaire per
 * round (how the conference went), both Google Forms writing to this spreadsheet.
 *
 * - FORMS_JOB creates each form once (its id kept in document properties, never a second form),
 *   keeps the availability form's times in step with the Teachers sheet, installs the one
 *   form-submit trigger (found before created), gives every family an unguessable code for its
 *   availability link and every conference one for its questionnaire link (Schedule, Feedback
 *   Link).
 * - The trigger records the responses (responses.ts).
 * - QUESTIONNAIRE_JOB mails each family its link after the conference, once.
 * A link carries only a code: the form shows a family nothing of anyone else's.
 */
import { conferencesAskingForChange, timeChoices, type TimeChoice } from '../core/availability';
import { splitList } from '../core/cells';
import {
  choiceLabelIn,
  FORM_TEXTS,
  formLanguages,
  languagesWithoutForm,
  type FormTexts,
} from '../core/formtexts';
import { translateFormTexts } from './formtexts';
import {
  questionnaireRecord,
  CODE_MARK,
  UNCONFIRMED,
  FAMILY_CODE_PREFIX,
  FORMS_PROP,
  linkFor,
  readFormsState,
  type FormRecord,
  type FormsState,
} from '../core/formlinks';
import { tokenOfLink } from '../core/feedback';
import { answerSheets } from '../core/studentforms';
import {
  dueFamilies,
  dueKeyed,
  filled,
  unmarkedPast,
  inDoubt,
  readSentJournal,
  WAITING,
  type Due,
  type SentJournal,
} from '../core/questionnaire';
import { noShowConferences, offerRecords } from '../core/noshow';
import { inRound } from '../core/rounds';
import { UserError } from '../core/errors';
import { languageName, LANGUAGE_NAMES, cleanText, scheduleLanguage } from '../core/normalize';
import { OWN_LANGUAGE_NAMES } from '../core/ownnames';
import { AVAILABILITY, FEEDBACK, SCHEDULE } from '../core/schema';
import {
  readScheduleSheet,
  readAvailability,
  withRosterFamilies,
  type ExistingRow,
} from '../core/schedule/sheet';
import {
  addressLanguage,
  byRecipient,
  greetingName,
  rosterContacts,
  rowPupils,
  scheduleUnlisted,
  studentNames,
  type Pupil,
} from '../core/recipients';
import { joinNames, labelledLinks, renderMessage, type TemplateSet } from '../core/templates';
import type { Problem, Settings, StepState } from '../shared/api';
import { cellWallClock, readSchool, readSettings, schoolZone, sheetValues } from './data';
import { dayIn } from '../core/zone';
import { type ChunkResult, type JobContext, type JobSpec, QUOTA_RENEWS } from './jobs';
import { askPicture } from './ask';
import {
  availabilityStep,
  questionnaireStep,
  waitsForSetup,
  type FormsPicture,
} from '../core/steps';
import { failureText, mailFailure, mailOne, rosterForMessages } from './mailer';
import { ensureTranslations, storedTemplates } from './messages';
import { newCode } from './codes';
import { paperHouseholds } from '../core/roster';
import { documentProperties, parseJson, PROP } from './props';
import { recordTriggerOwner, runnerEmail, triggerOwner } from './owners';
import { plural, stepReader, type StepContext } from './steps';
import { standInsWithAddresses } from './standin';
import { writeColumnByKey, writeGrid } from './write';

/** The handler Apps Script calls on a form submit (a top-level function of the bundle). */
export const SUBMIT_HANDLER = 'onFormSubmit';

const SENT_JOURNAL = 'slc:questionnaire-sent';
/**
 * Addresses already sent the questionnaire about a conference whose row is not stamped yet (a
 * run stopped between a family's addresses): { conference ID: addresses }.
 */
const SENT_PARTLY = 'slc:questionnaire-partly';
/** The Questionnaire Sent cell of a conference one of whose messages Google refused. */
const REFUSED = 'Refused to ';
/** The cell of a conference no address may be told about (the Roster lists none with its child). */
const NO_ADDRESS =
  'No address listed with this child on the Roster: reach the family by letter or phone.';

function saveFormsState(state: FormsState): void {
  documentProperties().setProperty(FORMS_PROP, JSON.stringify(state));
}

// --- Creating the forms ------------------------------------------------------------------

export type Form = GoogleAppsScript.Forms.Form;

/**
 * The stored form, or null when its owner deleted it (a new one is then made; the old links stop
 * working, as they would anyway). Apps Script gives one message for a deleted form and for one
 * this account may not open, so only the account that made it takes that message for "deleted";
 * anyone else is told whose form it is, and no second form is made. Any other failure is
 * Google's of the moment and is passed on: taking it for a deleted form would make a second form
 * (the fault sweep found exactly that).
 */
function openForm(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  record: FormRecord | undefined,
  name: string,
  /** The forms whoever made this one can make again, named as the sidebar's button names them. */
  forms = 'family forms',
): Form | null {
  if (!record) return null;
  const me = runnerEmail();
  try {
    const form = FormApp.openById(record.formId);
    record.owner ??= me;
    return form;
  } catch (e) {
    if (!/No item with the given ID could be found/i.test(String((e as Error)?.message ?? e)))
      throw e;
    // A form made before its owner was kept: the account holding the form-submit trigger,
    // installed by the same run that made the forms, is the one that made them.
    const owner = record.owner ?? (submitTrigger(ss) ? me : undefined);
    if (owner && owner === me) return null;
    throw new UserError(
      owner
        ? `The ${name} belongs to ${owner}, and your account${me ? ` (${me})` : ''} cannot open it. Nothing was changed. Ask ${owner} to add you as an editor of the form (in Google Forms: Add collaborators), or let them create the ${forms}.`
        : `The ${name} this spreadsheet uses cannot be opened from your account${me ? ` (${me})` : ''}: it was made from another account and not shared with you, or it was deleted. Nothing was changed. Ask whoever created the ${forms} to add you as an editor of the form, or to create the ${forms} again.`,
    );
  }
}

/**
 * Thrown between two questions when the execution's time is up: the job stops and its next
 * execution finds the form by its saved ID and adds the questions still missing. On a slow day
 * one form's questions can take longer than an execution may run.
 */
class CarryOn extends Error {}

/** Whether this execution should stop and carry on in the next (set by the forms job). */
let timeIsUp: () => boolean = () => false;
/** Whether the part running now made a new form (so a part carried on still says it did). */
let madeAForm = false;

/** A question as the add…Item call that made it returns it (each setter returns the same item). */
export type MadeItem =
  | GoogleAppsScript.Forms.TextItem
  | GoogleAppsScript.Forms.GridItem
  | GoogleAppsScript.Forms.ListItem
  | GoogleAppsScript.Forms.MultipleChoiceItem
  | GoogleAppsScript.Forms.ParagraphTextItem
  | GoogleAppsScript.Forms.ScaleItem;

/**
 * A question of a form: as getItems lists it (an Item, read through as…Item), or as this run made
 * it (its own class already: no call needed to use it).
 */
export type Question = { listed: GoogleAppsScript.Forms.Item } | { made: MadeItem };

/** One question a form must have, and how to make it (titled last, see ensureQuestions). */
export interface QuestionSpec {
  title: string;
  add: (form: Form) => MadeItem;
}

/**
 * Adds the questions a form lacks, by title: a re-run after an interruption completes it. A form
 * this run just made (`fresh`) has no question yet, so it is not listed.
 */
export function ensureQuestions(
  form: Form,
  questions: QuestionSpec[],
  fresh = false,
): Map<string, Question> {
  const items = fresh ? [] : form.getItems().map((i) => ({ item: i, title: i.getTitle() }));
  // Each question is titled last, after its rows, choices and settings: an untitled question is
  // what a run cut off while making one left behind. It goes, and the question is made again.
  for (const { item, title } of items) if (title === '') form.deleteItem(item);
  const have = new Map<string, Question>(
    items.filter(({ title }) => title !== '').map(({ item, title }) => [title, { listed: item }]),
  );
  let added = 0;
  for (const q of questions) {
    if (have.has(q.title)) continue;
    // At least one question each execution, so a slow day still moves on.
    if (added > 0 && timeIsUp()) throw new CarryOn();
    // The add…Item call and its setters return the question made: nothing to list again.
    have.set(q.title, { made: q.add(form) });
    added++;
  }
  return have;
}

/** The question as a TextItem (the code question is always made by addTextItem, codeQuestion). */
export function asText(q: Question): GoogleAppsScript.Forms.TextItem {
  return 'listed' in q ? q.listed.asTextItem() : (q.made as GoogleAppsScript.Forms.TextItem);
}

/**
 * Links the form to this spreadsheet once, remembering which sheet the responses land in. A run
 * cut off after linking finds that sheet again (the one, not yet claimed, whose header has the
 * form's code question) instead of linking twice. `fresh`: the form was made by this run.
 */
export function linkToSpreadsheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  form: Form,
  record: FormRecord,
  codeTitle: string,
  claimed: Set<number>,
  fresh = false,
): void {
  const sheets = ss.getSheets();
  if (record.sheetId !== null && sheets.some((s) => s.getSheetId() === record.sheetId)) return;
  let linked = false;
  // A form this run just made has no destination yet (docs/EMULATOR.md row 60): not asked.
  if (!fresh)
    try {
      linked = form.getDestinationId() === ss.getId();
    } catch {
      // No destination yet: the reference says getDestinationId throws then.
    }
  if (linked) {
    const found = sheets.find(
      (s) =>
        !claimed.has(s.getSheetId()) &&
        s.getLastColumn() > 0 &&
        s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String).includes(codeTitle),
    );
    if (found) {
      record.sheetId = found.getSheetId();
      return;
    }
  }
  const before = new Set(sheets.map((s) => s.getSheetId()));
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  const made = ss.getSheets().find((s) => !before.has(s.getSheetId()));
  record.sheetId = made ? made.getSheetId() : null;
}

export function prefillTemplate(form: Form, codeItem: Question): string {
  return form
    .createResponse()
    .withItemResponse(asText(codeItem).createResponse(CODE_MARK))
    .toPrefilledUrl();
}

/**
 * A new form whose ID is saved at once (the next two calls), so that a run cut off after this
 * finds the form again. Only a cut in those two calls leaves an empty, unlinked form behind:
 * finding it would need the Drive scope, which the add-on does not ask for.
 */
function newForm(title: string, save: (record: FormRecord) => void): Form {
  const form = FormApp.create(title);
  madeAForm = true;
  save({
    formId: form.getId(),
    sheetId: null,
    publishedUrl: '',
    linkTemplate: '',
    configured: false,
    owner: runnerEmail(),
  });
  return form;
}

/**
 * The stored form when it opens, else a new one whose record `keep` saves at once (newForm);
 * `created` says which, so a form just made is not listed or asked its destination.
 */
export function openOrMake(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  existing: FormRecord | undefined,
  name: string,
  title: string,
  keep: (record: FormRecord) => void,
  forms?: string,
): { form: Form; created: boolean } {
  const form = openForm(ss, existing, name, forms);
  if (form && existing) return { form, created: false };
  return { form: newForm(title, keep), created: true };
}

/**
 * Form.setPublished exists in Apps Script but not in @types/google-apps-script 2.0.13 (DESIGN.md
 * section 5). Forms made after 30 June 2026 start unpublished and take no answers, and FormApp
 * then fails with "Operation not supported on unpublished form" (docs/EMULATOR.md rows 41-42).
 */
type Publishable = Form & { setPublished?: (enabled: boolean) => unknown };

/** Publishes the form (where Apps Script has setPublished; harmless on an already published one). */
function publish(form: Form): void {
  const f = form as Publishable;
  if (typeof f.setPublished === 'function') f.setPublished(true);
}

/** The form's settings, made once (again after a cut-off: each setter is idempotent). */
export function configure(
  form: Form,
  record: FormRecord,
  description: string,
  confirmation: string,
): boolean {
  if (record.configured !== false) return false;
  // No summary of everyone's answers for respondents: a family sees only what it wrote.
  form
    .setDescription(description)
    .setCollectEmail(false)
    .setAllowResponseEdits(true)
    .setPublishingSummary(false)
    .setConfirmationMessage(confirmation);
  publish(form);
  record.publishedUrl = form.getPublishedUrl();
  record.configured = true;
  return true;
}

export function codeQuestion(title: string, help: string): QuestionSpec {
  return {
    title,
    add: (f: Form) => f.addTextItem().setHelpText(help).setRequired(true).setTitle(title),
  };
}

/** The availability form in one language (English: `state.availability`), made once and kept in step. */
function ensureAvailabilityForm(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  state: FormsState,
  choices: TimeChoice[],
  language = 'en',
  all: Record<string, FormTexts> = FORM_TEXTS,
): boolean {
  const texts = all[language]!.availability;
  const { ranks, meets, yes, no } = all[language]!;
  const existing = language === 'en' ? state.availability : state.availabilityIn?.[language];
  const keep = (r: FormRecord & { choices: TimeChoice[] }) => {
    if (language === 'en') state.availability = r;
    else (state.availabilityIn ??= {})[language] = r;
  };
  const name =
    language === 'en' ? 'availability form' : `availability form (${languageName(language)})`;
  const { form, created } = openOrMake(
    ss,
    existing,
    name,
    texts.title(settings.schoolName),
    (r) => {
      keep({ ...r, choices: [] });
      saveFormsState(state);
    },
  );
  const record = (language === 'en' ? state.availability : state.availabilityIn?.[language])!;
  // Kept with the questions (or by the job when it carries on): each setter is idempotent.
  configure(form, record, texts.description, texts.confirmation);
  const rows = (list: TimeChoice[]) => list.map((c) => choiceLabelIn(c, language, all));
  const items = ensureQuestions(
    form,
    [
      codeQuestion(texts.token, texts.tokenHelp),
      {
        title: texts.times,
        add: (f) => {
          const grid = f
            .addGridItem()
            .setHelpText(texts.timesHelp)
            .setRows(rows(choices))
            .setColumns([...ranks])
            .setTitle(texts.times);
          // Kept with the form's record (also when the job carries on), so not set again.
          record.choices = choices;
          return grid;
        },
      },
      {
        title: texts.language,
        add: (f) =>
          f
            .addListItem()
            .setChoiceValues(
              Object.keys(LANGUAGE_NAMES).map((code) =>
                language === 'en'
                  ? languageName(code)
                  : (OWN_LANGUAGE_NAMES[code] ?? languageName(code)),
              ),
            )
            .setTitle(texts.language),
      },
      {
        title: texts.interpreter,
        add: (f) =>
          f.addMultipleChoiceItem().setChoiceValues([no, yes]).setTitle(texts.interpreter),
      },
      {
        title: texts.meet,
        add: (f) =>
          f
            .addMultipleChoiceItem()
            .setChoiceValues([...meets])
            .setTitle(texts.meet),
      },
      {
        title: texts.attending,
        add: (f) => f.addParagraphTextItem().setTitle(texts.attending),
      },
      {
        title: texts.attendingEmail,
        add: (f) => f.addTextItem().setTitle(texts.attendingEmail),
      },
    ],
    created,
  );
  const times = items.get(texts.times)!;
  // The teachers' windows changed since the form was made: offer the times there are now.
  if ('listed' in times && JSON.stringify(rows(record.choices)) !== JSON.stringify(rows(choices))) {
    times.listed.asGridItem().setRows(rows(choices));
    record.choices = choices;
  }
  linkToSpreadsheet(ss, form, record, texts.token, new Set(answerSheets(state).keys()), created);
  if (!record.linkTemplate) record.linkTemplate = prefillTemplate(form, items.get(texts.token)!);
  saveFormsState(state);
  return created;
}

/** The round's questionnaire in one language (English: `state.questionnaires`). */
function ensureQuestionnaire(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  state: FormsState,
  language = 'en',
  texts: Record<string, FormTexts> = FORM_TEXTS,
): boolean {
  const round = settings.roundName;
  const q = texts[language]!.questionnaire;
  const { yes, no } = texts[language]!;
  const all =
    language === 'en'
      ? (state.questionnaires ??= {})
      : ((state.questionnairesIn ??= {})[round] ??= {});
  const key = language === 'en' ? round : language;
  const name =
    language === 'en'
      ? `${round} questionnaire`
      : `${round} questionnaire (${languageName(language)})`;
  const { form, created } = openOrMake(
    ss,
    all[key],
    name,
    q.title(settings.schoolName, round),
    (r) => {
      all[key] = r;
      saveFormsState(state);
    },
  );
  const record = all[key]!;
  configure(form, record, q.description, q.confirmation);
  const items = ensureQuestions(
    form,
    [
      codeQuestion(q.token, q.tokenHelp),
      {
        title: q.rating,
        add: (f) =>
          f
            .addScaleItem()
            .setBounds(1, 5)
            .setLabels(q.ratingLow, q.ratingHigh)
            .setRequired(true)
            .setTitle(q.rating),
      },
      { title: q.goal, add: (f) => f.addParagraphTextItem().setTitle(q.goal) },
      { title: q.help, add: (f) => f.addParagraphTextItem().setTitle(q.help) },
      {
        title: q.followUp,
        add: (f) => f.addMultipleChoiceItem().setChoiceValues([no, yes]).setTitle(q.followUp),
      },
      { title: q.followUpWhen, add: (f) => f.addTextItem().setTitle(q.followUpWhen) },
      {
        title: q.privateTalk,
        add: (f) => f.addMultipleChoiceItem().setChoiceValues([no, yes]).setTitle(q.privateTalk),
      },
      { title: q.comments, add: (f) => f.addParagraphTextItem().setTitle(q.comments) },
    ],
    created,
  );
  linkToSpreadsheet(ss, form, record, q.token, new Set(answerSheets(state).keys()), created);
  if (!record.linkTemplate) record.linkTemplate = prefillTemplate(form, items.get(q.token)!);
  saveFormsState(state);
  return created;
}

/** This user's form-submit trigger on the spreadsheet (Apps Script lists only the user's own). */
function submitTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  return ScriptApp.getUserTriggers(ss).some(
    (t) =>
      t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT &&
      t.getHandlerFunction() === SUBMIT_HANDLER,
  );
}

/**
 * One form-submit trigger for the spreadsheet, whoever runs this: found before created, and
 * another editor's (which this user cannot see) known from the document's record (`props`: the
 * document's properties as this execution read them). Returns what to tell the user.
 */
export function ensureTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props?: Record<string, string>,
): string {
  const me = runnerEmail();
  const owner = triggerOwner('form-submit', props);
  if (submitTrigger(ss)) {
    if (owner !== me) recordTriggerOwner('form-submit', me);
    return '';
  }
  if (owner && owner !== me)
    return `Answers are recorded by the trigger set up from ${owner}'s account.`;
  ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
  recordTriggerOwner('form-submit', me);
  return 'Responses are now recorded as they arrive.';
}

/**
 * What a job offering families a time through their own availability link starts from: the
 * spreadsheet, its settings and round, the document's properties read once, and the forms.
 * With no availability form yet there is no link to offer: `missing` ends the message saying so.
 */
export function offerStart(missing: string) {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const props = documentProperties();
  const recorded = props.getProperties();
  const forms = readFormsState(recorded);
  if (!forms.availability)
    throw new UserError(
      `There is no availability form yet: create the family forms first (Family availability step)${missing}`,
    );
  return {
    ss,
    settings,
    round: settings.roundName,
    props,
    recorded,
    forms,
    availability: forms.availability,
  };
}

/** Codes for families (or, with a prefix, students) that have none yet, in one write of the properties. */
export function ensureFamilyCodes(
  familyIds: string[],
  props: Record<string, string>,
  prefix = FAMILY_CODE_PREFIX,
): number {
  const fresh: Record<string, string> = {};
  for (const id of familyIds) if (!props[prefix + id]) fresh[prefix + id] = newCode();
  if (Object.keys(fresh).length) documentProperties().setProperties(fresh);
  return Object.keys(fresh).length;
}

interface ScheduleRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  values: unknown[][];
  rows: ExistingRow[];
  columns: Map<string, number>;
}

/** The Schedule, each row's Family ID read back to its family among these (familyshown.ts). */
function readSchedule(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  families: Parameters<typeof readScheduleSheet>[2],
): ScheduleRead {
  const sheet = ss.getSheetByName(SCHEDULE.name);
  if (!sheet) throw new UserError('There is no Schedule sheet. Run Set up first.');
  const values = sheetValues(sheet);
  const read = readScheduleSheet(values, cellWallClock(ss), families);
  return { sheet, values, rows: read.rows, columns: read.columns };
}

/**
 * Writes the given cells of one column of the Schedule (row as read → value), and only those, each
 * on the row holding its Conference ID just before the write: a person may sort, add or delete
 * rows while the run goes on, and a cell the run did not compute keeps what they typed there. A
 * conference deleted meanwhile gets no cell.
 */
function writeScheduleColumn(
  read: ScheduleRead,
  header: string,
  cells: Map<number, unknown>,
): number[] {
  const column = read.columns.get(header);
  if (!column)
    throw new UserError(`The Schedule sheet has no "${header}" column. Run Set up to add it.`, {
      sheet: SCHEDULE.name,
      row: 1,
      column: read.values[0]?.length ?? 1,
    });
  const kind = SCHEDULE.columns.find((c) => c.header === header)?.kind;
  const ids = new Map(read.rows.map((r) => [r.row, r.conferenceId]));
  const lost = writeColumnByKey(
    read.sheet,
    column,
    read.columns.get('Conference ID') ?? 0,
    cells,
    (row) => ids.get(row) ?? '',
    (range, values) => writeGrid(range, values, [kind]),
  );
  // The rows read (shared with each ExistingRow's values) now say what the sheet says; a row
  // not found to write (deleted, or its Conference ID repeated) keeps what it had.
  const gone = new Set(lost);
  for (const [row, value] of cells) {
    if (gone.has(row)) continue;
    const cellsOfRow = read.values[row - 1];
    if (cellsOfRow) cellsOfRow[column - 1] = value;
  }
  return lost;
}

/**
 * Gives this round's conferences without one a questionnaire link: to the questionnaire in the
 * conference's language (the Schedule's Language), else the English one. Returns how many it gave.
 */
function ensureFeedbackLinks(read: ScheduleRead, state: FormsState, round: string): number {
  const links = new Map<number, unknown>();
  const language = read.columns.get('Language');
  for (const r of read.rows) {
    if (!inRound(r.round, round) || !r.conferenceId) continue;
    const column = read.columns.get('Feedback Link');
    if (column && tokenOfLink(r.values[column - 1])) continue;
    const record = questionnaireRecord(
      state,
      round,
      (language && scheduleLanguage(r.values[language - 1])) || 'en',
    );
    if (record) links.set(r.row, linkFor(record, newCode()));
  }
  writeScheduleColumn(read, 'Feedback Link', links);
  return links.size;
}

/**
 * The forms job in three parts, each safe to repeat: the availability form, the questionnaire,
 * then the trigger, the families' codes and the questionnaire links. Making a form is a few
 * dozen Forms calls; on a slow day that is minutes, so the chunk stops between parts when its
 * time is spent and the next execution carries on (the sidebar calls again).
 */
interface FormsJobState {
  part: number;
  said: string[];
  /** The part whose form this job made, when that part had to carry on in a later execution. */
  made?: number;
}

export const FORMS_JOB: JobSpec<FormsJobState> = {
  name: 'forms',
  label: 'creating the family forms',
  start: () => ({ part: 0, said: [] }),
  step(job, ctx): ChunkResult<FormsJobState> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // The document's properties read once: settings, family codes, forms, the trigger's owner.
    const props = documentProperties().getProperties();
    const settings = readSettings(ss, props[PROP.settings] ?? null);
    const today = dayIn(new Date(), schoolZone(ss, settings));
    const data = readSchool(ss, settings, today, undefined, props);
    const windows = data.teachers?.windows ?? [];
    if (windows.length === 0)
      throw new UserError(
        'The availability form offers the teachers’ conference times: fill in the Teachers sheet (step 3) first.',
        { sheet: 'Teachers', row: 1, column: 1 },
      );
    const state = readFormsState(props);
    const families = data.roster?.families ?? [];
    // Every language a household reads (a family's two households may read two): each gets its
    // forms when it has texts, so each address's link opens its own.
    const spoken = families.flatMap((f) => f.languages ?? [f.language]);
    // Translated once when the school asks for forms in every language; kept on the Form Texts sheet.
    const translation = settings.translateForms
      ? translateFormTexts(ss, spoken)
      : { texts: FORM_TEXTS, said: [] };
    const texts = translation.texts;
    const said = [...job.said, ...translation.said];
    // Each part is told whether an earlier execution of this job made its form already.
    const parts: ((made: boolean) => string)[] = [
      (made) =>
        ensureAvailabilityForm(ss, settings, state, timeChoices(windows)) || made
          ? 'Created the availability form.'
          : 'The availability form was already there (its times follow the Teachers sheet).',
      (made) =>
        ensureQuestionnaire(ss, settings, state) || made
          ? `Created the ${settings.roundName} questionnaire.`
          : `The ${settings.roundName} questionnaire was already there.`,
      // Each other language the families speak that has forms written for it gets its own.
      ...formLanguages(spoken, texts).flatMap((language) => [
        (made: boolean) =>
          ensureAvailabilityForm(ss, settings, state, timeChoices(windows), language, texts) || made
            ? `Created the availability form in ${languageName(language)}.`
            : '',
        (made: boolean) =>
          ensureQuestionnaire(ss, settings, state, language, texts) || made
            ? `Created the ${settings.roundName} questionnaire in ${languageName(language)}.`
            : '',
      ]),
      () => {
        const record = state.questionnaires?.[settings.roundName];
        if (!record)
          throw new UserError(
            `There is no ${settings.roundName} questionnaire yet: create the family forms again.`,
          );
        const recording = ensureTrigger(ss, props);
        const codes = ensureFamilyCodes(
          families.map((f) => f.id),
          props,
        );
        const english = languagesWithoutForm(spoken, texts).filter((l) => l !== 'en');
        const links = ensureFeedbackLinks(readSchedule(ss, families), state, settings.roundName);
        return [
          recording,
          codes ? `${plural(codes, 'family', 'families')} got a personal availability link.` : '',
          links
            ? `${plural(links, 'conference')} got a questionnaire link (Schedule, Feedback Link).`
            : '',
          english.length
            ? `Families speaking ${english.map(languageName).join(', ')} get the English forms: there are no forms written in their language yet (their emails are in their language).`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    ];
    let part = job.part;
    let made: number | undefined;
    timeIsUp = ctx.outOfTime;
    try {
      for (; part < parts.length; part++) {
        if (part > job.part && ctx.outOfTime()) break;
        madeAForm = false;
        said.push(parts[part]!(job.made === part));
      }
    } catch (e) {
      // A form's questions not all made in time: this part goes on in the next execution.
      if (!(e instanceof CarryOn)) throw e;
      // What this part made so far (the form's settings among it) is kept for the next.
      saveFormsState(state);
      if (madeAForm || job.made === part) made = part;
    } finally {
      timeIsUp = () => false;
    }
    const done = part === parts.length;
    const message = said.filter(Boolean).join(' ');
    return {
      state: { part, said, ...(made === undefined ? {} : { made }) },
      done,
      processed: part,
      total: parts.length,
      message: done ? message : `${message} Carrying on…`,
    };
  },
};

// --- Sending the questionnaire -------------------------------------------------------------

/** The family's language code: the Schedule shows it by name ("Spanish"); templates are keyed by code. */
function languageOf(due: Due, read: Pick<ScheduleRead, 'columns'>, settings: Settings): string {
  return (
    scheduleLanguage(due.rows[0]!.values[(read.columns.get('Language') ?? 0) - 1]) ||
    settings.defaultLanguage
  );
}

/** One conference of a family, with its children and who may be told about them. */
interface Addressed {
  row: ExistingRow;
  pupils: Pupil[];
}

/** The questionnaire to one address, about the conferences of the children listed with it. */
function sendQuestionnaire(
  to: string,
  items: Addressed[],
  language: string,
  read: ScheduleRead,
  settings: Settings,
  stored: Record<string, TemplateSet>,
  feedbackLink: (row: ExistingRow) => string,
): void {
  const cell = (r: ExistingRow, h: string) => cleanText(r.values[(read.columns.get(h) ?? 0) - 1]);
  const first = items[0]!.row;
  const pupils = items.flatMap((i) => i.pupils);
  const names = [...new Set(pupils.map((p) => p.name))];
  const namesIn = (i: Addressed) => joinNames([...new Set(i.pupils.map((p) => p.name))], language);
  const message = renderMessage(
    'questionnaire',
    language,
    {
      school: settings.schoolName,
      family: greetingName(pupils, language, cell(first, 'Family')),
      students: joinNames(names, language),
      children: names.length,
      teacher: joinNames([...new Set(items.map((i) => i.row.teacher))], language),
      date: first.date ?? '',
      start: first.start ?? 0,
      end: first.end ?? 0,
      room: cell(first, 'Room'),
      videoLink: '',
      link: labelledLinks(
        items.map((i) => ({
          teacher: i.row.teacher,
          students: [...new Set(i.pupils.map((p) => p.name))],
          link: feedbackLink(i.row),
        })),
        language,
      ),
      replyTo: settings.replyTo,
      round: settings.roundName,
      interpreter: false,
      // Several conferences (even with one teacher) are thanked for as several, not as one.
      ...(items.length > 1
        ? {
            conferences: items.map((i) => ({
              students: namesIn(i),
              teacher: i.row.teacher,
              start: i.row.start ?? 0,
              end: i.row.end ?? 0,
              room: cell(i.row, 'Room'),
            })),
          }
        : {}),
    },
    stored,
  );
  mailOne(to, message, { ...settings, senderName: settings.senderName || settings.schoolName });
}

interface SendState {
  sent: number;
  refused?: number;
}

export const QUESTIONNAIRE_JOB: JobSpec<SendState> = {
  name: 'questionnaire',
  label: 'sending the questionnaire',
  start: () => ({ sent: 0 }),
  step(state: SendState, ctx: JobContext): ChunkResult<SendState> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = readSettings(ss);
    const props = documentProperties();
    const all = props.getProperties();
    const forms = readFormsState(all);
    if (!forms.questionnaires?.[settings.roundName])
      throw new UserError(
        `There is no ${settings.roundName} questionnaire yet: create the family forms first.`,
      );
    // The Roster is read only once someone may be due (most runs find no one); until then the
    // Family IDs are as written, and no one is due by them that is not due by the family's.
    const written = readSchedule(ss, []);
    ensureFeedbackLinks(written, forms, settings.roundName);
    const today = dayIn(ctx.now(), schoolZone(ss, settings));
    const stamp = ctx.now();
    // Who may be told about which child, and each row's family whatever form its Family ID cell
    // holds (an older Schedule's rows kept beside new ones): one family, one questionnaire.
    const roster = dueFamilies(written, settings.roundName, today).length
      ? rosterForMessages(ss, settings, all)
      : null;
    const fresh = roster
      ? { ...written, rows: withRosterFamilies(written.rows, roster.families) }
      : written;
    // The journal names what was sent and what was being sent when a chunk stopped. Sent:
    // stamped now, never sent twice. Being sent when the run was cut off: MailApp cannot tell
    // whether it left, so it is not sent again (no family gets it twice) but marked for a
    // person to check (they clear the cell to send it again).
    const {
      sent: journal,
      unsure,
      partly,
    } = readSentJournal(
      parseJson<string[] | SentJournal>(all[SENT_JOURNAL] ?? null),
      parseJson<Record<string, string[]>>(all[SENT_PARTLY] ?? null),
    );
    // A row flagged for a person because one address is in doubt keeps the addresses that surely
    // have theirs: when the person clears the cell, only the doubtful one is sent again. Once the
    // cell holds anything else (a date, a refusal), the record has served.
    const settle = (id: string, flagged: boolean) => {
      const sure = (partly[id] ?? []).filter((e) => !e.startsWith('?'));
      if (flagged && sure.length) partly[id] = sure;
      else delete partly[id];
    };
    const sentCol = fresh.columns.get('Questionnaire Sent');
    const stamps = new Map<number, unknown>();
    for (const r of fresh.rows) {
      if (journal.has(r.conferenceId))
        stamps.set(r.row, inDoubt(partly, r.conferenceId) ? UNCONFIRMED : stamp);
      else if (unsure.has(r.conferenceId)) stamps.set(r.row, UNCONFIRMED);
      const cell = stamps.get(r.row) ?? (sentCol ? r.values[sentCol - 1] : '');
      if (stamps.has(r.row) || (filled(cell) && cell !== UNCONFIRMED))
        settle(r.conferenceId, cell === UNCONFIRMED);
    }
    // A row no write could find again (its Conference ID blank or repeated) is not sent to.
    const keyed = dueKeyed(fresh, settings.roundName, today);
    const problems = keyed.problems;
    const due = keyed.due.filter(
      (d) => !d.rows.some((r) => journal.has(r.conferenceId) || unsure.has(r.conferenceId)),
    );
    const contacts = rosterContacts(roster?.students ?? []);
    // The texts as edited in the sidebar; languages without built-in texts translated once:
    // each family's, and each of its addresses' own (a family's households may read two).
    const { stored } = due.length
      ? ensureTranslations(
          due.flatMap((d) => {
            const own = languageOf(d, fresh, settings);
            return [
              own,
              ...d.rows.flatMap((r) =>
                splitList(r.values[(fresh.columns.get('Emails') ?? 0) - 1]).map((e) =>
                  addressLanguage(contacts.languages, e, own, settings.defaultLanguage),
                ),
              ),
            ];
          }),
          storedTemplates(all),
        )
      : { stored: {} };
    // Each address in its own Roster rows' language, with the questionnaire's link in it (the
    // conference's one code, in that language's form when there is one): a family's two
    // households may read two languages.
    const languageTo = (to: string, conference: string) =>
      addressLanguage(contacts.languages, to, conference, settings.defaultLanguage);
    const feedbackIn = (language: string) => (row: ExistingRow) => {
      const link = column(row, 'Feedback Link');
      const token = tokenOfLink(link);
      // The cell's link opens the form in the conference's language (ensureFeedbackLinks).
      const made = scheduleLanguage(row.values[(fresh.columns.get('Language') ?? 0) - 1]) || 'en';
      if (!token || language === made) return link;
      const record = questionnaireRecord(forms, settings.roundName, language);
      return record ? linkFor(record, token) : link;
    };
    const dueRows = { rows: due.flatMap((d) => d.rows), columns: fresh.columns };
    // A family's stand-in adult typed in its Emails cell is no stranger (as for reminders): the
    // stand-ins are read only when some address is not the Roster's.
    const unlisted = scheduleUnlisted(
      dueRows,
      settings.roundName,
      contacts,
      'sent no questionnaire',
    );
    if (unlisted.length) {
      const { standIns } = standInsWithAddresses(ss, settings.roundName, () => roster ?? null);
      problems.push(
        ...scheduleUnlisted(
          dueRows,
          settings.roundName,
          contacts,
          'sent no questionnaire',
          (id) => standIns.get(id)?.email ?? '',
        ),
      );
    }
    const column = (r: ExistingRow, h: string) =>
      cleanText(r.values[(fresh.columns.get(h) ?? 0) - 1]);
    let quota = MailApp.getRemainingDailyQuota();
    let sent = 0;
    let refusedNow = 0;
    let stopped = false;
    const save = (sending: string[], to?: string) =>
      props.setProperty(
        SENT_JOURNAL,
        JSON.stringify({
          sent: [...journal],
          sending,
          partly,
          ...(to ? { to } : {}),
        } satisfies SentJournal),
      );
    try {
      for (const family of due) {
        if (ctx.outOfTime()) break;
        const language = languageOf(family, fresh, settings);
        // One message per address, naming only the children the Roster lists with it, about
        // those children's conferences; addresses already sent to are left out.
        const items: Addressed[] = family.rows.map((row) => ({
          row,
          pupils: rowPupils(
            row.studentIds,
            studentNames(column(row, 'Students'), row.studentIds.length),
            splitList(column(row, 'Emails')),
            contacts,
          ).map((p) => ({
            ...p,
            emails: p.emails.filter(
              (e) =>
                !(partly[row.conferenceId] ?? []).includes(e) &&
                !(partly[row.conferenceId] ?? []).includes(`?${e}`),
            ),
          })),
        }));
        const messages = byRecipient(items);
        if (messages.length > quota) {
          stopped = true;
          break;
        }
        const refusals = new Map<number, string[]>();
        let failed: unknown = null;
        for (const m of messages) {
          save(
            m.items.map((i) => i.row.conferenceId),
            m.to,
          );
          try {
            const own = languageTo(m.to, language);
            sendQuestionnaire(m.to, m.items, own, fresh, settings, stored, feedbackIn(own));
          } catch (e) {
            const failure = mailFailure(e);
            if (failure === 'refused') {
              refusedNow++;
              for (const i of m.items)
                refusals.set(i.row.row, [
                  ...(refusals.get(i.row.row) ?? []),
                  `${m.to} (${failureText(e).replace(/\s+/g, ' ')})`,
                ]);
              continue;
            }
            // This one did not go out; what went to the family's other addresses is kept.
            save([]);
            if (failure === 'quota') stopped = true;
            else failed = e;
            break;
          }
          quota--;
          for (const i of m.items)
            partly[i.row.conferenceId] = [...(partly[i.row.conferenceId] ?? []), m.to];
        }
        if (stopped || failed) {
          if (failed) throw failed;
          break;
        }
        for (const r of family.rows) {
          const refused = refusals.get(r.row);
          const reached = (partly[r.conferenceId] ?? []).length > 0;
          stamps.set(
            r.row,
            refused
              ? `${REFUSED}${refused.join(', ')}`
              : inDoubt(partly, r.conferenceId)
                ? UNCONFIRMED
                : reached
                  ? stamp
                  : NO_ADDRESS,
          );
          journal.add(r.conferenceId);
          settle(r.conferenceId, !refused && inDoubt(partly, r.conferenceId));
        }
        sent++;
      }
    } finally {
      // The last email is confirmed before the stamps are written; a stop for the quota marks
      // the families left waiting (still due).
      if (stopped)
        for (const family of due.slice(sent))
          for (const r of family.rows) if (!stamps.has(r.row)) stamps.set(r.row, WAITING);
      if (sent > 0 || Object.keys(partly).length) save([]);
      const lost = writeScheduleColumn(fresh, 'Questionnaire Sent', stamps);
      if (Object.keys(partly).length) props.setProperty(SENT_PARTLY, JSON.stringify(partly));
      else if (all[SENT_PARTLY] !== undefined) props.deleteProperty(SENT_PARTLY);
      // A sent conference whose row was not found to stamp (deleted, or its Conference ID on
      // two rows just then) stays in the journal: a row that comes back is stamped by the next
      // run, never sent again. One still gone then is dropped: no run sees its row.
      const ids = new Map(fresh.rows.map((r) => [r.row, r.conferenceId]));
      const lostIds = lost.map((row) => ids.get(row) ?? '');
      const kept = lostIds.filter((id) => journal.has(id));
      // One whose email may have left (cut off mid-send) is kept as in doubt, never sent again.
      const doubtful = lostIds.filter((id) => unsure.has(id) && !journal.has(id));
      if (kept.length || doubtful.length)
        props.setProperty(
          SENT_JOURNAL,
          JSON.stringify({ sent: kept, sending: doubtful } satisfies SentJournal),
        );
      else props.deleteProperty(SENT_JOURNAL);
    }
    const total = state.sent + sent;
    const refused = (state.refused ?? 0) + refusedNow;
    const left = due.length - sent;
    const finished = left === 0 || stopped;
    const stoppedText = stopped
      ? ` Google's daily email limit is reached; ${plural(left, 'family', 'families')} still to send, marked "${WAITING}". ${QUOTA_RENEWS}: continue then.`
      : '';
    const refusedText = refused
      ? ` Google refused ${plural(refused, 'message')}: flagged in Questionnaire Sent with the reason.`
      : '';
    return {
      state: { sent: total, refused },
      done: finished,
      processed: total,
      total: total + left,
      message: finished
        ? `Sent the questionnaire to ${plural(total, 'family', 'families')}.${stoppedText}${refusedText}`
        : `Sent ${total} so far.`,
      ...(problems.length ? { problems } : {}),
    };
  },
};

// --- The sidebar's Family availability and Questionnaire steps -----------------------------

function picture(ctx: StepContext): FormsPicture | null {
  const state = readFormsState(ctx.props);
  if (!ctx.data || !ctx.present.has(SCHEDULE.name)) return null;
  const wall = cellWallClock(ctx.ss);
  const sheets = stepReader(ctx);
  const read = readScheduleSheet(
    sheets(SCHEDULE.name) ?? [],
    wall,
    ctx.data.roster?.families ?? [],
  );
  const round = ctx.settings.roundName;
  const sentCol = read.columns.get('Questionnaire Sent');
  const rows = read.rows.filter((r) => inRound(r.round, round));
  // A row whose Conference ID is blank or repeated is not sent to (the run's dueKeyed): not
  // counted as due, and named, so the step waits for a person rather than offering to send.
  const keyed = dueKeyed(read, round, ctx.today, Boolean(state.questionnaires?.[round]));
  const due = keyed.due.length;
  const sent = rows.filter((r) => sentCol && filled(r.values[sentCol - 1])).length;
  const feedback = sheets(FEEDBACK.name) ?? [];
  const conferenceCol = (feedback[0] ?? []).map(String).indexOf('Conference ID');
  const ids = new Set(rows.map((r) => r.conferenceId));
  const answered = new Set(
    feedback
      .slice(1)
      .map((r) => cleanText(r[conferenceCol]))
      .filter((id) => ids.has(id)),
  ).size;
  const where = (r: ExistingRow, h: string) => ({
    sheet: SCHEDULE.name,
    row: r.row,
    column: read.columns.get(h) ?? 1,
  });
  const offers = offerRecords(ctx.props, round);
  const familyOf = (r: ExistingRow) =>
    cleanText(r.values[(read.columns.get('Family') ?? 0) - 1]) || r.familyId;
  const noShowRows = noShowConferences(rows, round);
  const offersOf = (r: ExistingRow) => offers.filter((o) => o.conferenceId === r.conferenceId);
  const offered = noShowRows.filter((r) =>
    offersOf(r).some((o) => /^(sent|sending)/.test(o.record)),
  ).length;
  const noShows = noShowRows.flatMap((r): Problem[] =>
    offersOf(r).length === 0
      ? [
          {
            severity: 'warning',
            where: where(r, 'Status'),
            message: `${familyOf(r)} did not come (${r.date}). Offer them another time (below): they get their own availability link to give new times.`,
          },
        ]
      : offersOf(r)
          .filter((o) => o.record.startsWith('refused'))
          .map((o) => ({
            severity: 'warning',
            where: where(r, 'Status'),
            message: `${familyOf(r)}: Google refused the offer of another time to ${o.address} (${o.record.replace(/^refused .*?\d\d:\d\d: /, '')}). Fix the address on the Roster, then offer again.`,
          })),
  );
  const changeRequests: Problem[] = [];
  const roster = ctx.data.roster;
  if (roster) {
    const availability = readAvailability(sheets(AVAILABILITY.name), roster, wall, round);
    for (const r of conferencesAskingForChange(rows, availability.byFamily, {
      times: availability.paper,
      households: paperHouseholds(roster),
    }))
      changeRequests.push({
        severity: 'warning',
        where: where(r, 'Start'),
        message: `${cleanText(r.values[(read.columns.get('Family') ?? 0) - 1]) || r.familyId} asks for another time: their answer no longer includes ${r.date}. Move the conference by hand (it is invited or locked).`,
      });
  }
  const refused = rows
    .filter((r) => {
      const text = sentCol ? cleanText(r.values[sentCol - 1]) : '';
      return text.startsWith(REFUSED) || text === NO_ADDRESS;
    })
    .map((r): Problem => ({
      severity: 'warning',
      where: where(r, 'Questionnaire Sent'),
      message: `${cleanText(r.values[(read.columns.get('Family') ?? 0) - 1]) || r.familyId}: the questionnaire did not reach everyone: ${cleanText(r.values[sentCol! - 1])} Fix the address on the Roster and clear the cell to send it again.`,
    }));
  // On a row whose other addresses surely have theirs (kept when it was flagged), the addresses
  // a cut left in doubt: the row's own but for those.
  const partly = parseJson<Record<string, string[]>>(ctx.props[SENT_PARTLY] ?? null) ?? {};
  const emailsCol = read.columns.get('Emails');
  const doubtful = (r: ExistingRow) => {
    const sure = (partly[r.conferenceId] ?? []).filter((e) => !e.startsWith('?'));
    if (sure.length === 0 || !emailsCol) return [];
    return splitList(r.values[emailsCol - 1])
      .map((e) => e.toLowerCase())
      .filter((e) => !sure.includes(e));
  };
  const unconfirmed = rows
    .filter((r) => sentCol && r.values[sentCol - 1] === UNCONFIRMED)
    .map((r): Problem => {
      const family = cleanText(r.values[(read.columns.get('Family') ?? 0) - 1]) || r.familyId;
      const those = doubtful(r);
      return {
        severity: 'warning',
        where: where(r, 'Questionnaire Sent'),
        message: those.length
          ? `${family}: the questionnaire email to ${those.join(' and ')} may not have gone out (the run was cut off while sending it); the others on this row have theirs. Ask ${those.join(' and ')}; clear the Questionnaire Sent cell to send it again to ${those.length === 1 ? 'that address' : 'those addresses'} only.`
          : `${family}: the questionnaire email may not have gone out (the run was cut off while sending). Ask the family; clear the Questionnaire Sent cell to send it again.`,
      };
    });
  const ask = roster ? askPicture(roster, ctx.props, sheets(AVAILABILITY.name), round) : null;
  return {
    state,
    due,
    unmarked: unmarkedPast(rows, round, ctx.today).length,
    sent,
    answered,
    changeRequests,
    noShows,
    // A no-show whose every offer Google refused is offered again once its address is fixed.
    toOffer: noShowRows.length - offered,
    offered,
    unconfirmed,
    refused,
    unkeyed: keyed.problems,
    ask,
    conferences: rows.length,
  };
}

/** Both steps read one picture of the forms per overview. */
const pictures = new WeakMap<StepContext, ReturnType<typeof picture>>();
function pictureOf(ctx: StepContext): ReturnType<typeof picture> {
  if (!pictures.has(ctx)) pictures.set(ctx, picture(ctx));
  return pictures.get(ctx)!;
}

/** Before the schedule: the family forms made, and each family asked when it can come. */
export function availabilityState(ctx: StepContext): StepState {
  const p = pictureOf(ctx);
  return p ? availabilityStep(p, ctx.settings.roundName) : waitsForSetup('availability');
}

/** After the conferences: the questionnaire to each family that came, and its answers. */
export function questionnaireState(ctx: StepContext): StepState {
  const p = pictureOf(ctx);
  return p ? questionnaireStep(p, ctx.settings.roundName) : waitsForSetup('questionnaire');
}
