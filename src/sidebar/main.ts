/**
 * The sidebar: a step-by-step guide through a round of conferences. Each step shows where it
 * stands (a status in words, counts, problems that select their cell when clicked, what to do
 * next) and its action. Long operations run chunk after chunk with a progress bar; closing the
 * sidebar loses nothing (the server keeps the cursor) and the step then offers to continue.
 */
import type {
  JobName,
  JobProgress,
  Overview,
  Problem,
  SchedulePreview,
  SettingsView,
  StepState,
  StepStatus,
} from '../shared/api';
import { el } from './dom';
import { ApiFailure, call } from './rpc';
import { checkInPanel } from './checkin';
import { followUpsPanel } from './followups';
import { settingsForm } from './settings';
import { templatesPanel } from './templates';

const STATUS_TEXT: Record<StepStatus, string> = {
  done: 'Done',
  ready: 'To do',
  todo: 'Later',
  attention: 'Needs attention',
  working: 'In progress',
};
const MAX_PROBLEMS_SHOWN = 8;

interface State {
  overview: Overview | null;
  open: Set<string>;
  busy: JobName | null;
  progress: JobProgress | null;
  /** Problems from the last run of a step's operation, by step. */
  results: Map<string, JobProgress>;
  error: ApiFailure | null;
  notice: string;
  settings: SettingsView | null;
  settingsOpen: boolean;
  preview: SchedulePreview | null;
  previewing: boolean;
  checkInOpen: boolean;
  followUpsOpen: boolean;
  /** What the last "Check again" of a step found, by step. */
  rechecked: Set<string>;
  /** The step whose Check again is reading its sheet. */
  checking: string | null;
}

/** The steps whose sheet a person fixes by hand, each with the sheet its Check again reads. */
const CHECKED_SHEETS: Partial<Record<string, string>> = { roster: 'Roster', days: 'Teachers' };

const state: State = {
  overview: null,
  open: new Set(),
  busy: null,
  progress: null,
  results: new Map(),
  error: null,
  notice: '',
  settings: null,
  settingsOpen: false,
  preview: null,
  previewing: false,
  checkInOpen: false,
  followUpsOpen: false,
  rechecked: new Set(),
  checking: null,
};
const root = document.getElementById('app')!;

/**
 * The list's title, in the words the step's headline uses: "warnings to check" when every one is
 * a warning (a row read one way until a person changes it), "problems to fix" otherwise.
 */
function problemsTitle(problems: Problem[], total: number, errors?: number): string {
  // A step that lists only its first problems says how many errors it has; otherwise the list
  // must be whole to tell.
  const warningsOnly =
    errors !== undefined
      ? errors === 0
      : problems.length === total && problems.every((p) => p.severity === 'warning');
  return warningsOnly
    ? `${total} ${total === 1 ? 'warning' : 'warnings'} to check`
    : `${total} ${total === 1 ? 'problem' : 'problems'} to fix`;
}

function problemList(problems: Problem[], total: number, errors?: number): HTMLElement {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return el(
    'div',
    { class: 'problems' },
    el('p', { class: 'problems-title' }, problemsTitle(problems, total, errors)),
    el(
      'ul',
      {},
      ...shown.map((p) =>
        el(
          'li',
          { class: p.severity },
          p.where
            ? el(
                'button',
                {
                  class: 'link',
                  type: 'button',
                  title: 'Show this cell in the sheet',
                  onclick: () => void select(p),
                },
                p.message,
              )
            : el('span', {}, p.message),
        ),
      ),
    ),
    total > shown.length ? el('p', { class: 'muted' }, `…and ${total - shown.length} more.`) : null,
  );
}

function progressBar(p: JobProgress): HTMLElement {
  const pct = p.total > 0 ? Math.round((100 * p.processed) / p.total) : 0;
  return el(
    'div',
    { class: 'progress' },
    el('label', { for: `progress-${p.job}` }, `${p.label}: ${p.processed} of ${p.total}`),
    el('progress', {
      id: `progress-${p.job}`,
      max: String(Math.max(p.total, 1)),
      value: String(p.processed),
      'aria-valuetext': `${pct}%`,
    }),
  );
}

function stepView(step: StepState, index: number): HTMLElement {
  const open = state.open.has(step.id);
  const panelId = `panel-${step.id}`;
  const result = state.results.get(step.id);
  const problems = result && result.problems.length > 0 ? result.problems : step.problems;
  const problemCount =
    result && result.problems.length > 0 ? result.problems.length : step.problemCount;
  const running =
    state.busy !== null &&
    (step.action?.job === state.busy || (step.more ?? []).some((a) => a.job === state.busy));
  return el(
    'li',
    { class: `step status-${step.status}`, 'data-step': step.id },
    el(
      'h2',
      {},
      el(
        'button',
        {
          type: 'button',
          class: 'step-toggle',
          'aria-expanded': open ? 'true' : 'false',
          'aria-controls': panelId,
          onclick: () => toggle(step.id),
        },
        el('span', { class: 'step-number', 'aria-hidden': 'true' }, String(index + 1)),
        el('span', { class: 'step-title' }, step.title),
        el('span', { class: 'badge' }, STATUS_TEXT[step.status]),
      ),
    ),
    el(
      'div',
      { id: panelId, class: 'panel', hidden: !open },
      el('p', { class: 'headline' }, step.headline),
      step.counts.length > 0
        ? el(
            'dl',
            { class: 'counts' },
            ...step.counts.flatMap((c) => [el('dt', {}, c.label), el('dd', {}, String(c.value))]),
          )
        : null,
      problemCount > 0 ? problemList(problems, problemCount, step.errorCount) : null,
      result ? el('p', { class: 'result', role: 'status' }, result.message) : null,
      state.rechecked.has(step.id)
        ? el('p', { class: 'result', role: 'status' }, recheckedText(step.id, step.problemCount))
        : null,
      el('p', { class: 'next' }, el('strong', {}, 'Next: '), step.next),
      step.id === 'schedule' && step.action ? previewView() : null,
      step.id === 'reminders' && step.status !== 'todo' ? remindersPanel() : null,
      running && state.progress ? progressBar(state.progress) : null,
      step.action
        ? el(
            'button',
            {
              type: 'button',
              class: 'primary',
              disabled: state.busy !== null,
              onclick: () => void runJob(step.id, step.action!.job),
            },
            running ? 'Working…' : step.action.label,
          )
        : null,
      CHECKED_SHEETS[step.id] && step.status !== 'todo'
        ? el(
            'button',
            {
              type: 'button',
              class: 'secondary',
              disabled: state.busy !== null || state.checking !== null,
              onclick: () => void checkAgain(step.id),
            },
            state.checking === step.id ? 'Reading…' : 'Check again',
          )
        : null,
      ...(step.more ?? []).map((a) =>
        el(
          'button',
          {
            type: 'button',
            class: 'secondary',
            disabled: state.busy !== null,
            onclick: () => void runJob(step.id, a.job),
          },
          a.label,
        ),
      ),
    ),
  );
}

/** Reminders on/off and the Templates panel (src/sidebar/templates.ts), built once and kept. */
let remindersNode: HTMLElement | null = null;
function remindersPanel(): HTMLElement {
  return (remindersNode ??= templatesPanel({
    load: (kind, language) => call('getTemplate', kind, language),
    preview: (kind, language, template, conferenceId) =>
      call('previewTemplate', kind, language, template, conferenceId),
    save: async (kind, language, template) =>
      void (await call('saveTemplate', kind, language, template)),
    setReminders: async (on) => {
      const now = await call('setReminders', on);
      void refresh();
      return now;
    },
  }));
}

function previewView(): HTMLElement {
  const p = state.preview;
  const button = el(
    'button',
    {
      type: 'button',
      disabled: state.previewing || state.busy !== null,
      onclick: () => void loadPreview(),
    },
    state.previewing ? 'Working out the schedule…' : p ? 'Preview again' : 'Preview the schedule',
  );
  if (!p) return el('div', { class: 'preview' }, button);
  const pct = (a: number, b: number) => (b > 0 ? `${Math.round((100 * a) / b)}%` : '—');
  return el(
    'div',
    { class: 'preview', 'aria-label': 'Schedule preview' },
    el(
      'p',
      { class: 'headline' },
      `${p.placed} of ${p.students} students placed in ${p.conferences} conferences${p.kept ? `, ${p.kept} kept as locked or invited` : ''}.`,
    ),
    el(
      'dl',
      { class: 'counts' },
      el('dt', {}, 'siblings back to back'),
      el(
        'dd',
        {},
        `${p.siblingsBackToBack} of ${p.siblingFamilies} families (${pct(p.siblingsBackToBack, p.siblingFamilies)})`,
      ),
      el('dt', {}, 'first choice met'),
      el('dd', {}, `${p.firstChoice} of ${p.withPreferences}`),
      el('dt', {}, 'family waiting'),
      el('dd', {}, `mean ${p.meanWaitMinutes} min, max ${p.maxWaitMinutes} min`),
    ),
    p.unplaced.length > 0
      ? problemList(
          p.unplaced.map((u) => ({
            severity: 'error' as const,
            message: `${u.name} (${u.teacher}): ${u.reason}`,
            where: u.where,
          })),
          p.unplaced.length,
        )
      : el('p', {}, 'Everyone fits.'),
    p.problems.length > 0 ? problemList(p.problems, p.problems.length) : null,
    el(
      'table',
      { class: 'per-teacher' },
      el('caption', {}, 'Per teacher'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Teacher'),
          el('th', { scope: 'col' }, 'Conferences'),
          el('th', { scope: 'col' }, 'Places'),
        ),
      ),
      el(
        'tbody',
        {},
        ...p.perTeacher.map((t) =>
          el(
            'tr',
            {},
            el('td', {}, t.teacher),
            el('td', {}, String(t.conferences)),
            el('td', {}, String(t.places)),
          ),
        ),
      ),
    ),
    button,
  );
}

async function loadPreview(): Promise<void> {
  state.previewing = true;
  render();
  try {
    state.preview = await call('previewSchedule');
  } catch (e) {
    state.error = e instanceof ApiFailure ? e : new ApiFailure({ message: String(e) });
  }
  state.previewing = false;
  render();
}

function render(): void {
  const o = state.overview;
  const focused = document.activeElement?.closest('[data-step]')?.getAttribute('data-step');
  const focusedClass = document.activeElement?.className;
  const parts: (HTMLElement | null)[] = [
    el(
      'header',
      {},
      el('h1', {}, o?.title ?? 'Student-Led Conferences'),
      o ? el('p', { class: 'muted school' }, o.schoolName) : null,
    ),
    state.error
      ? el(
          'div',
          { class: 'error', role: 'alert' },
          el('p', {}, state.error.message),
          state.error.error.where
            ? el(
                'button',
                {
                  type: 'button',
                  onclick: () =>
                    void select({
                      message: state.error!.message,
                      where: state.error!.error.where,
                      severity: 'error',
                    }),
                },
                'Show in sheet',
              )
            : null,
          el(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => {
                state.error = null;
                render();
              },
            },
            'Dismiss',
          ),
        )
      : null,
    el('p', { class: 'sr-status', role: 'status', 'aria-live': 'polite' }, state.notice),
    o
      ? el('ol', { class: 'steps', 'aria-label': 'Steps' }, ...o.steps.map(stepView))
      : el('p', { class: 'muted' }, 'Loading…'),
    o ? checkInSection() : null,
    o ? followUpsSection() : null,
    o ? settingsSection() : null,
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  // Re-rendering replaces nodes: keep keyboard focus where it was.
  if (focused && focusedClass) {
    const again = root.querySelector<HTMLElement>(
      `[data-step="${focused}"] .${focusedClass.split(' ')[0]}`,
    );
    again?.focus();
  }
}

/** Built once and kept across re-renders, so what someone is typing is never lost. */
let settingsNode: HTMLElement | null = null;

/** The check-in view (src/sidebar/checkin.ts), built once and kept; loaded each time it opens. */
const checkIn = checkInPanel({
  load: (teacher, day) => call('getCheckIn', teacher, day),
  mark: (conferenceId, status) => call('markAttendance', conferenceId, status),
});

/** A section below the steps that opens and closes: its toggle heading, then its panel. */
function foldingSection(
  id: string,
  icon: string,
  title: string,
  open: boolean,
  onToggle: () => void,
  ...content: (HTMLElement | null)[]
): HTMLElement {
  return el(
    'section',
    { class: 'settings-section', 'data-step': id },
    el(
      'h2',
      {},
      el(
        'button',
        {
          type: 'button',
          class: 'step-toggle',
          'aria-expanded': open ? 'true' : 'false',
          'aria-controls': `panel-${id}`,
          onclick: onToggle,
        },
        el('span', { class: 'step-number', 'aria-hidden': 'true' }, icon),
        el('span', { class: 'step-title' }, title),
      ),
    ),
    el('div', { id: `panel-${id}`, class: 'panel', hidden: !open }, ...content),
  );
}

/** A section below the steps holding a panel that loads itself each time it is opened. */
function loadingSection(
  id: string,
  icon: string,
  title: string,
  open: 'checkInOpen' | 'followUpsOpen',
  panel: { node: HTMLElement; load(): Promise<void> },
  blurb: string,
): HTMLElement {
  return foldingSection(
    id,
    icon,
    title,
    state[open],
    () => {
      state[open] = !state[open];
      render();
      if (state[open]) void panel.load();
    },
    el('p', { class: 'muted' }, blurb),
    panel.node,
  );
}

/** Open follow-up requests (src/sidebar/followups.ts), built once and kept; loaded on opening. */
const followUps = followUpsPanel({
  load: () => call('getFollowUps'),
  set: (request, status) => call('setFollowUpStatus', request, status),
});

function checkInSection(): HTMLElement {
  return loadingSection(
    'checkin',
    '✓',
    'Check-in: mark attendance',
    'checkInOpen',
    checkIn,
    'Choose the teacher, then mark each conference. Only its Status cell on the Schedule changes. Conferences marked no-show or rescheduled are not sent the questionnaire.',
  );
}

function followUpsSection(): HTMLElement {
  return loadingSection(
    'followups',
    '✉',
    'Follow-ups: open requests',
    'followUpsOpen',
    followUps,
    'Each teacher’s open requests from the questionnaire; overdue ones in red. Marking one changes only its Status on the Follow-ups sheet.',
  );
}

function settingsSection(): HTMLElement {
  return foldingSection(
    'settings',
    '⚙',
    'Settings',
    state.settingsOpen,
    () => void toggleSettings(),
    state.settings
      ? (settingsNode ??= settingsForm(state.settings, {
          save: async (settings) => {
            try {
              const saved = await call('saveSettings', settings);
              if (state.settings) state.settings = { ...state.settings, settings: saved };
              void refresh();
              return null;
            } catch (e) {
              return e instanceof Error ? e.message : String(e);
            }
          },
        }))
      : el('p', { class: 'muted' }, 'Loading…'),
  );
}

async function toggleSettings(): Promise<void> {
  state.settingsOpen = !state.settingsOpen;
  render();
  if (state.settingsOpen && !state.settings) {
    try {
      state.settings = await call('getSettings');
    } catch (e) {
      state.error = e instanceof ApiFailure ? e : new ApiFailure({ message: String(e) });
    }
    render();
  }
}

/** One step open at a time, brought into sight: opened steps piled up below the fold. */
function toggle(id: string): void {
  const opening = !state.open.has(id);
  state.open.clear();
  if (opening) state.open.add(id);
  render();
  if (opening) document.querySelector(`li[data-step="${id}"]`)?.scrollIntoView({ block: 'start' });
}

async function select(p: Problem): Promise<void> {
  if (!p.where) return;
  try {
    const where = await call('selectCell', p.where);
    state.notice = `Selected ${where.sheet}, row ${where.row}, column ${where.column}.`;
  } catch (e) {
    state.error = e instanceof ApiFailure ? e : new ApiFailure({ message: String(e) });
  }
  render();
}

/** The error of the last overview that could not be read, until an overview is read again. */
let overviewFailure: ApiFailure | null = null;

/** Reads the overview again; false when it could not be read (the error shown, the old one kept). */
async function refresh(): Promise<boolean> {
  let read = false;
  try {
    const overview = await call('getOverview');
    const first = state.overview === null;
    state.overview = overview;
    if (first) {
      const current = overview.steps.find((s) => s.status !== 'done') ?? overview.steps[0];
      if (current) state.open.add(current.id);
    }
    // A read that failed before is answered by this one; another operation's error stays.
    if (state.error === overviewFailure) state.error = null;
    overviewFailure = null;
    read = true;
  } catch (e) {
    state.error = overviewFailure =
      e instanceof ApiFailure ? e : new ApiFailure({ message: String(e) });
  }
  render();
  return read;
}

/** Reads the step's sheet again after a fix in it: the problems listed are the sheet's as it is now. */
async function checkAgain(stepId: string): Promise<void> {
  state.results.delete(stepId);
  state.rechecked.delete(stepId);
  state.checking = stepId;
  render();
  const read = await refresh().finally(() => (state.checking = null));
  const now = state.overview?.steps.find((s) => s.id === stepId);
  // The overview kept from before a failed read is not what the sheet holds now.
  if (!read || !now) return render();
  state.rechecked.add(stepId);
  render();
}

/** What Check again found, from the step as the sidebar last read it (a later read updates it). */
function recheckedText(stepId: string, left: number): string {
  const found =
    left === 0 ? 'no problem left' : `${left} ${left === 1 ? 'problem' : 'problems'} to fix`;
  return `Read the ${CHECKED_SHEETS[stepId]} sheet again: ${found}.`;
}

async function runJob(stepId: string, job: JobName): Promise<void> {
  state.busy = job;
  state.error = null;
  state.progress = null;
  state.results.delete(stepId);
  state.rechecked.delete(stepId);
  render();
  try {
    for (;;) {
      const progress = await call('runJob', job);
      state.progress = progress;
      state.notice = `${progress.label}: ${progress.processed} of ${progress.total}.`;
      render();
      if (progress.done) {
        state.results.set(stepId, progress);
        state.notice = progress.message;
        break;
      }
    }
  } catch (e) {
    state.error = e instanceof ApiFailure ? e : new ApiFailure({ message: String(e) });
  } finally {
    state.busy = null;
    state.progress = null;
    if (job === 'schedule') state.preview = null;
  }
  await refresh();
}

render();
void refresh();
