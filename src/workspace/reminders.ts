/**
 * PLACEHOLDER until this step is built: the sidebar shows it as waiting, and its job refuses
 * to run. Replaced by the module that does the work.
 */
import { UserError } from '../core/errors';
import type { JobSpec } from './jobs';
import { step, type StepContext } from './steps';
import type { StepState } from '../shared/api';

export function remindersStep(_ctx: StepContext): StepState {
  return step('reminders', { status: 'todo', headline: 'No reminders planned.', next: 'Send the invitations first.' });
}

export const REMINDERS_JOB: JobSpec<null> = {
  name: 'reminders',
  label: 'sending reminders',
  start: () => null,
  step() {
    throw new UserError('This step is not available yet.');
  },
};
