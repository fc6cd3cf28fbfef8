/**
 * PLACEHOLDER until this step is built: the sidebar shows it as waiting, and its job refuses
 * to run. Replaced by the module that does the work.
 */
import { UserError } from '../core/errors';
import type { JobSpec } from './jobs';
import { step, type StepContext } from './steps';
import type { StepState } from '../shared/api';

export function invitesStep(_ctx: StepContext): StepState {
  return step('invites', { status: 'todo', headline: 'No invitations sent.', next: 'Build the schedule first.' });
}

export const INVITES_JOB: JobSpec<null> = {
  name: 'invites',
  label: 'sending the invitations',
  start: () => null,
  step() {
    throw new UserError('This step is not available yet.');
  },
};
