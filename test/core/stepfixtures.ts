/** What the steps are drawn from, for the step tests to change a field or two of. */
import type { FormsPicture } from '../../src/core/steps';
import type { SummaryGrid } from '../../src/core/summary';

/** What the overview reads of the forms before any is made, and nothing else. */
export const NO_FORMS: FormsPicture = {
  state: {},
  due: 0,
  unmarked: 0,
  sent: 0,
  answered: 0,
  changeRequests: [],
  noShows: [],
  toOffer: 0,
  offered: 0,
  unconfirmed: [],
  refused: [],
  ask: null,
  conferences: 0,
};

/** A round's Summary figures: twelve conferences, nine attended, every past one marked. */
export const SUMMARY_TOTALS: SummaryGrid['totals'] = {
  scheduled: 12,
  attended: 9,
  noShow: 1,
  responses: 1,
  followUps: 2,
  flagged: 0,
  rosterFamilies: 14,
  waitlisted: 2,
  participation: 64,
};
