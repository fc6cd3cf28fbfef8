/**
 * The Summary's job and sidebar step: SUMMARY_JOB records the answers a trigger missed, then
 * rebuilds the sheet (summarysheet.ts); the step shows its figures. The sheet is also rebuilt
 * after each form response.
 */
import { SUMMARY } from '../core/schema';
import type { StepState } from '../shared/api';
import type { ChunkResult, JobSpec } from './jobs';
import { plural, step, stepReader, type StepContext } from './steps';
import { recordResponses } from './responses';
import { summaryOf } from './summarysheet';

export const SUMMARY_JOB: JobSpec<null> = {
  name: 'summary',
  label: 'rebuilding the summary',
  start: () => null,
  step(): ChunkResult<null> {
    // Answers a form-submit trigger could not record (it found the lock busy, or was cut off)
    // are recorded first, then the Summary is rebuilt from everything.
    const t = recordResponses().totals;
    return {
      state: null,
      done: true,
      processed: 1,
      total: 1,
      message: `Summary rebuilt: ${plural(t.scheduled, 'conference')}, ${t.attended} attended, ${t.noShow} no-show, ${plural(t.responses, 'response')}, ${plural(t.followUps, 'follow-up request')}.`,
    };
  },
};

export function summaryStep(ctx: StepContext): StepState {
  if (!ctx.data || !ctx.present.has(SUMMARY.name))
    return step('summary', {
      status: 'todo',
      headline: 'Waits for set-up.',
      next: 'Set up the sheets first.',
    });
  if (ctx.conferences === 0)
    return step('summary', {
      status: 'todo',
      headline: 'Nothing to summarise yet.',
      next: 'Build the schedule; attendance and families’ answers fill the Summary.',
    });
  const t = summaryOf(ctx.ss, ctx.settings, ctx.today, stepReader(ctx), ctx.data.roster).totals;
  const built = (ctx.present.get(SUMMARY.name)?.getLastRow() ?? 0) > 1;
  // Until attendance is marked the Summary has nothing of the conferences to tell: later.
  const marked = t.attended + t.noShow > 0;
  return step('summary', {
    status: !marked ? 'todo' : built ? 'done' : 'ready',
    headline: `${t.attended} of ${plural(t.scheduled, 'conference')} attended; ${plural(t.responses, 'questionnaire answer')}; ${plural(t.followUps, 'follow-up request')} to act on.`,
    counts: [
      { label: 'conferences', value: t.scheduled },
      { label: 'attended', value: t.attended },
      { label: 'no-show', value: t.noShow },
      { label: 'roster families', value: t.rosterFamilies },
      { label: 'without a conference', value: t.waitlisted },
      { label: 'participation %', value: t.participation === '' ? 0 : t.participation },
      { label: 'answers', value: t.responses },
      { label: 'follow-up requests', value: t.followUps },
      { label: 'answers to check', value: t.flagged },
    ],
    next: !marked
      ? 'After the conferences, mark attended or no-show in the Schedule’s Status column, then build the Summary.'
      : built
        ? 'The Summary rebuilds itself after each answer; rebuild it after marking attendance.'
        : 'Build the Summary: participation, ratings per teacher, follow-ups, goals and the interpreter roster.',
    action: { job: 'summary', label: built ? 'Rebuild the summary' : 'Build the summary' },
  });
}
