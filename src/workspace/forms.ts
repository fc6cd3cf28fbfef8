/**
 * PLACEHOLDER until this step is built: the sidebar shows it as waiting, and its job refuses
 * to run. Replaced by the module that does the work.
 */
import { UserError } from '../core/errors';
import type { JobSpec } from './jobs';
import { step, type StepContext } from './steps';
import type { StepState } from '../shared/api';

export function questionnaireStep(_ctx: StepContext): StepState {
  return step('questionnaire', { status: 'todo', headline: 'No questionnaire yet.', next: 'Build the schedule first.' });
}

export const FORMS_JOB: JobSpec<null> = {
  name: 'forms',
  label: 'creating the forms',
  start: () => null,
  step() {
    throw new UserError('This step is not available yet.');
  },
};

export const QUESTIONNAIRE_JOB: JobSpec<null> = {
  name: 'questionnaire',
  label: 'sending the questionnaire',
  start: () => null,
  step() {
    throw new UserError('This step is not available yet.');
  },
};
