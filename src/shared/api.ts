/**
 * What crosses google.script.run, shared by the server and the sidebar. Only plain JSON:
 * Apps Script refuses Dates (times travel as ISO strings).
 */
export const ADDON_TITLE = 'Student-Led Conferences';

/** The steps of the sidebar, in the order a school works through a round. */
export const STEPS = [
  { id: 'setup', title: 'Set up' },
  { id: 'roster', title: 'Roster' },
  { id: 'days', title: 'Conference days' },
  { id: 'schedule', title: 'Schedule' },
  { id: 'invites', title: 'Invites' },
  { id: 'reminders', title: 'Reminders' },
  { id: 'questionnaire', title: 'Questionnaire' },
  { id: 'summary', title: 'Summary' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];
