/**
 * PLACEHOLDER until this step is built: the sidebar shows it as waiting, and its job refuses
 * to run. Replaced by the module that does the work.
 */
import { UserError } from '../core/errors';
import type { JobSpec } from './jobs';
import { step, type StepContext } from './steps';
import type { StepState } from '../shared/api';

export function summaryStep(_ctx: StepContext): StepState {
  return step('summary', { status: 'todo', headline: 'Nothing to summarise yet.', next: 'Conferences and feedback fill the Summary.' });
}

export const SUMMARY_JOB: JobSpec<null> = {
  name: 'summary',
  label: 'rebuilding the summary',
  start: () => null,
  step() {
    throw new UserError('This step is not available yet.');
  },
};
