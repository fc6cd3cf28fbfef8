/**
 * The Summary's job and sidebar step: SUMMARY_JOB records the answers a trigger missed, then
 * rebuilds the sheet (summarysheet.ts); the step shows its figures. The sheet is also rebuilt
 * after each form response.
 */
import { SUMMARY } from '../core/schema';
import type { StepState } from '../shared/api';
import type { ChunkResult, JobSpec } from './jobs';
import { plural, step, stepReader, type StepContext } from './steps';
import { DEBRIEF_POINTER, summaryStep, waitsForSetup } from '../core/steps';
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
      message: `Summary rebuilt: ${plural(t.scheduled, 'conference')}, ${t.attended} attended, ${t.noShow} no-show, ${plural(t.responses, 'response')}, ${plural(t.followUps, 'follow-up request')}.${t.attended + t.noShow > 0 ? ` ${DEBRIEF_POINTER}` : ''}`,
    };
  },
};

export function summaryState(ctx: StepContext): StepState {
  if (!ctx.data || !ctx.present.has(SUMMARY.name)) return waitsForSetup('summary');
  if (ctx.conferences === 0)
    return step('summary', {
      status: 'todo',
      headline: 'Nothing to summarise yet.',
      next: 'Build the schedule; attendance and families’ answers fill the Summary.',
    });
  const t = summaryOf(
    ctx.ss,
    ctx.settings,
    ctx.today,
    stepReader(ctx),
    ctx.data.roster,
    ctx.props,
  ).totals;
  return summaryStep(t, (ctx.present.get(SUMMARY.name)?.getLastRow() ?? 0) > 1);
}
