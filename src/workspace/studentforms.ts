/**
 * The students' prep form for the round being played, made like the family forms (forms.ts):
 * each form once per round and language, its ID kept in document properties before anything else
 * is done with it (a run cut off anywhere finds it again), published, linked to this spreadsheet,
 * answered through the same form-submit trigger (responses.ts writes the Student Prep sheet).
 * Every student gets an unguessable code; their link carries only that code.
 */
import { PRINT_CONTROLS } from './printcontrols';
import { UserError } from '../core/errors';
import { readFormsState } from '../core/formlinks';
import { languageName } from '../core/normalize';
import {
  answerSheets,
  classListHtml,
  prepLanguage,
  PREP_TEXTS,
  readStudentFormsState,
  REFLECTION_TEXTS,
  type StudentFormKind,
  type PrepFormTexts,
  STUDENT_CODE_PREFIX,
  STUDENT_FORMS_PROP,
  studentLinks,
  type StudentFormsState,
} from '../core/studentforms';
import type { Settings, StudentLink } from '../shared/api';
import { cellWallClock, readSettings, readSheet } from './data';
import { readFollowUps } from './followups';
import { debriefClasses, debriefHtml } from '../core/debrief';
import { readReflections } from '../core/goals';
import { prepForRound, readStudentPrep } from '../core/prep';
import { inRound } from '../core/rounds';
import { REFLECTIONS, SCHEDULE, STUDENT_PREP } from '../core/schema';
import { readScheduleSheet } from '../core/schedule/sheet';
import { splitList } from '../core/cells';
import {
  codeQuestion,
  configure,
  ensureFamilyCodes,
  ensureQuestions,
  ensureTrigger,
  linkToSpreadsheet,
  openOrMake,
  prefillTemplate,
  type QuestionSpec,
  type Form,
} from './forms';
import type { ChunkResult, JobSpec } from './jobs';
import { rosterForMessages } from './mailer';
import { documentProperties, PROP } from './props';
import { recordPending } from './responses';
import { shortLinks } from './shortlinks';
import { plural } from './steps';

function saveState(state: StudentFormsState): void {
  documentProperties().setProperty(STUDENT_FORMS_PROP, JSON.stringify(state));
}

/** What every student form says besides its questions. */
type FormWords = Pick<
  PrepFormTexts,
  'title' | 'description' | 'confirmation' | 'token' | 'tokenHelp'
>;

/** The questions of a student form, by kind, in the form's language. */
function questions(
  kind: StudentFormKind,
  language: string,
  askLastGoal: boolean,
): { texts: FormWords; list: QuestionSpec[] } {
  const paragraph = (title: string) => ({
    title,
    add: (f: Form) => f.addParagraphTextItem().setTitle(title),
  });
  if (kind === 'reflection') {
    const t = REFLECTION_TEXTS[language]!;
    return {
      texts: t,
      list: [
        codeQuestion(t.token, t.tokenHelp),
        paragraph(t.howItWent),
        paragraph(t.nextStep),
        paragraph(t.goalNow),
        ...(askLastGoal
          ? [
              {
                title: t.lastGoalMet,
                add: (f: Form) =>
                  f
                    .addMultipleChoiceItem()
                    .setChoiceValues([...t.met])
                    .setTitle(t.lastGoalMet),
              },
            ]
          : []),
      ],
    };
  }
  const t = PREP_TEXTS[language]!;
  return {
    texts: t,
    list: [
      codeQuestion(t.token, t.tokenHelp),
      paragraph(t.proudOf),
      paragraph(t.learningTargets),
      paragraph(t.workSample),
      paragraph(t.goal),
      paragraph(t.familyQuestion),
      { title: t.coming, add: (f) => f.addTextItem().setTitle(t.coming) },
    ],
  };
}

const FORM_NAMES: Record<StudentFormKind, string> = {
  prep: 'student prep form',
  reflection: 'student reflection form',
};

/** The round's prep or reflection form in one language, made once; returns whether this run made it. */
function ensureStudentForm(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  state: StudentFormsState,
  kind: StudentFormKind,
  language: string,
  props: Record<string, string>,
): boolean {
  const round = settings.roundName;
  // From the second round on, the reflection asks whether last round's goal was met.
  const earlier = Object.keys(state.prep ?? {}).some((r) => r !== round);
  const { texts: t, list } = questions(kind, language, earlier);
  const all = ((state[kind] ??= {})[round] ??= {});
  const name = `${round} ${FORM_NAMES[kind]}${language === 'en' ? '' : ` (${languageName(language)})`}`;
  const { form, created } = openOrMake(
    ss,
    all[language],
    name,
    t.title(settings.schoolName, round),
    (r) => {
      all[language] = r;
      saveState(state);
    },
    'student prep form',
  );
  const record = all[language]!;
  // A round played again (the round set back in Settings) opens its forms again.
  if (record.closed) {
    form.setAcceptingResponses(true);
    delete record.closed;
    saveState(state);
  }
  if (configure(form, record, t.description, t.confirmation)) saveState(state);
  const items = ensureQuestions(form, list, created);
  // Neither a family form's response sheet nor another student form's is taken for this one's.
  const claimed = new Set(answerSheets(readFormsState(props), state).keys());
  claimed.delete(record.sheetId ?? -1);
  linkToSpreadsheet(ss, form, record, t.token, claimed, created);
  if (!record.linkTemplate) record.linkTemplate = prefillTemplate(form, items.get(t.token)!);
  saveState(state);
  return created;
}

/**
 * Closes past rounds' prep and reflection forms, once each: a slip kept from fall and answered in
 * spring would otherwise land in fall (responses.ts keeps fall's row, so it would be lost). The
 * student who opens it reads that it is closed and to ask for this round's link. Returns what
 * to tell the coordinator.
 */
function closePastForms(state: StudentFormsState, round: string): string {
  const closed = new Set<string>();
  const failed: string[] = [];
  for (const kind of ['prep', 'reflection'] as const)
    for (const [past, byLanguage] of Object.entries(state[kind] ?? {})) {
      if (past.toLowerCase() === round.toLowerCase()) continue;
      for (const record of Object.values(byLanguage)) {
        if (record.closed) continue;
        try {
          FormApp.openById(record.formId)
            .setAcceptingResponses(false)
            .setCustomClosedFormMessage(
              `This form was for the ${past} conferences. Ask your teacher for your ${round} link.`,
            );
          record.closed = true;
          saveState(state);
          closed.add(`${past} ${FORM_NAMES[kind]}`);
        } catch {
          failed.push(
            `${past} ${FORM_NAMES[kind]}${record.owner ? ` (made by ${record.owner})` : ''}`,
          );
        }
      }
    }
  return [
    closed.size
      ? `Closed the ${[...closed].join(' and the ')}: last round's slips take no more answers.`
      : '',
    failed.length
      ? `Could not close the ${[...new Set(failed)].join(' or the ')}: close it in Google Forms (Responses: Accepting responses off), or a student answering an old slip is not counted for ${round}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

interface StudentFormsJobState {
  part: number;
  said: string[];
}

/**
 * Makes the round's prep and reflection forms (English, and Spanish when a student's roster
 * language is Spanish), installs the one form-submit trigger if nobody has, and gives every student a code.
 */
export const STUDENT_FORMS_JOB: JobSpec<StudentFormsJobState> = {
  name: 'student-forms',
  label: 'creating the student prep and reflection forms',
  start: () => ({ part: 0, said: [] }),
  step(job, ctx): ChunkResult<StudentFormsJobState> {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // The document's properties are read once a step and handed to all that needs them.
    const props = documentProperties().getProperties();
    const settings = readSettings(ss, props[PROP.settings] ?? null);
    const students = rosterForMessages(ss, settings, props)?.students ?? [];
    if (students.length === 0)
      throw new UserError('The prep form is for the students on the Roster: import it first.', {
        sheet: 'Roster',
        row: 1,
        column: 1,
      });
    const state = readStudentFormsState(props);
    const round = settings.roundName;
    const noEmail = students.filter((s) => !s.email).length;
    const languages = [
      'en',
      ...[...new Set(students.map((s) => prepLanguage(s.language)))].filter((l) => l !== 'en'),
    ];
    const parts: (() => string)[] = [
      ...(['prep', 'reflection'] as const).flatMap((kind) =>
        languages.map(
          (language) => () =>
            ensureStudentForm(ss, settings, state, kind, language, props)
              ? `Created the ${round} ${FORM_NAMES[kind]}${language === 'en' ? '' : ` in ${languageName(language)}`}.`
              : '',
        ),
      ),
      () => {
        const codes = ensureFamilyCodes(
          students.map((s) => s.id),
          props,
          STUDENT_CODE_PREFIX,
        );
        return [
          ensureTrigger(ss, props),
          codes ? `${plural(codes, 'student')} got a personal prep link.` : '',
          codes && noEmail
            ? `${plural(noEmail, 'student')} ${noEmail === 1 ? 'has' : 'have'} no Student Email on the Roster: hand them their slip from the menu's Print student prep links.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
      () => closePastForms(state, round),
    ];
    const said = [...job.said];
    let part = job.part;
    for (; part < parts.length; part++) {
      if (part > job.part && ctx.outOfTime()) break;
      said.push(parts[part]!());
    }
    const done = part === parts.length;
    const message =
      said.filter(Boolean).join(' ') || `The ${round} student prep form was already there.`;
    return {
      state: { part, said },
      done,
      processed: part,
      total: parts.length,
      message: done ? message : `${message} Carrying on…`,
    };
  },
};

/** Each student's prep link for the round being played, in Roster order. */
export function roundStudentLinks(
  ss = SpreadsheetApp.getActiveSpreadsheet(),
  settings = readSettings(ss),
  props = documentProperties().getProperties(),
): StudentLink[] {
  const students = rosterForMessages(ss, settings, props)?.students ?? [];
  return studentLinks(
    props,
    settings.roundName,
    students.map((s) => ({
      id: s.id,
      name: `${s.firstName} ${s.lastName}`.trim(),
      teacher: s.teacher,
      language: s.language,
      email: s.email ?? '',
    })),
  );
}

/** The class lists of codes and links, one page per teacher, in a dialog to print. */
export function showClassLists(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const props = documentProperties().getProperties();
  // Each form of the round by its address, for its short link (asked once per form).
  const state = readStudentFormsState(props);
  const records = new Map(
    [state.prep?.[settings.roundName], state.reflection?.[settings.roundName]]
      .flatMap((forms) => Object.values(forms ?? {}))
      .map((r) => [r.publishedUrl, r]),
  );
  const short = shortLinks();
  const html = classListHtml(
    settings.schoolName,
    settings.roundName,
    roundStudentLinks(ss, settings, props),
    PRINT_CONTROLS,
    (url) => {
      const record = records.get(url);
      return record ? short(record) : '';
    },
  );
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(800).setHeight(600),
    `${settings.roundName} student prep links`,
  );
}

/** The round's debrief per class, in a dialog to print: who prepared, who reflected, goals, follow-ups. */
export function showDebrief(): void {
  // An answer whose trigger could not record it (the document was busy) is counted all the same.
  recordPending(documentProperties().getProperties(), { locked: false });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const round = settings.roundName;
  const wall = cellWallClock(ss);
  // Each student's conference: no Family ID is read.
  const schedule = readScheduleSheet(readSheet(ss, SCHEDULE.name) ?? [], wall, []);
  const conferenceOf = new Map(
    schedule.rows
      .filter((r) => inRound(r.round, round))
      .flatMap((r) => r.studentIds.map((id) => [id, r.conferenceId])),
  );
  // A follow-up request names the conference it came from first.
  const followUps = new Map<string, string>();
  for (const f of readFollowUps(ss))
    for (const id of splitList(f.studentIds))
      if (conferenceOf.has(id) && f.request.startsWith(`${conferenceOf.get(id)} `))
        followUps.set(id, f.status || 'new');
  // Only the students' names and classes are read here, not their families: no codes needed.
  const students = rosterForMessages(ss, settings, {})?.students ?? [];
  const html = debriefHtml(
    settings.schoolName,
    round,
    debriefClasses({
      students: students.map((s) => ({
        id: s.id,
        name: `${s.firstName} ${s.lastName}`.trim(),
        teacher: s.teacher,
      })),
      prep: prepForRound(readStudentPrep(readSheet(ss, STUDENT_PREP.name)), round),
      reflections: new Map(
        readReflections(readSheet(ss, REFLECTIONS.name))
          .filter((r) => inRound(r.round, round))
          .map((r) => [r.studentId, r]),
      ),
      followUps,
    }),
    PRINT_CONTROLS,
  );
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(900).setHeight(600),
    `${round} debrief`,
  );
}
