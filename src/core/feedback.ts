/**
 * The feedback questionnaire: its questions, a family's response normalised into a Feedback row
 * keyed by conference, and the checks on the conference code a link carries. Pure.
 */
import { answerText, namedValue } from './answers';
import { inRound } from './rounds';

export const QUESTIONNAIRE_FORM = {
  token: 'Conference code',
  tokenHelp: 'Filled in for you by your personal link. Please leave it as it is.',
  rating: 'How did the conference go?',
  ratingLow: 'Not well',
  ratingHigh: 'Very well',
  goal: 'What did your child share, and what goal did they set?',
  help: 'How will your family help with that goal?',
  followUp: 'Would you like a follow-up meeting with the teacher?',
  followUpWhen: 'If yes, when would suit you?',
  privateTalk: 'Would you like to talk with the teacher privately?',
  comments: 'Anything else you would like to tell us?',
} as const;

/** A conference code: 32 hex digits, a UUID the workspace layer makes (what a link carries, nothing else). */
const TOKEN = /^[0-9a-f]{32}$/;

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** The code in a prefilled link (the Schedule's Feedback Link), or ''. */
export function tokenOfLink(link: unknown): string {
  const m = /=([0-9a-f]{32})(?:&|$)/.exec(String(link ?? ''));
  return m ? m[1]! : '';
}

export interface FeedbackAnswer {
  token: string;
  rating: number | null;
  goal: string;
  help: string;
  followUp: boolean;
  followUpWhen: string;
  privateTalk: boolean;
  comments: string;
}

/** A yes in either hand-written form's words. */
const YES = /^(yes|sí|si)\b/i;

export function parseFeedbackResponse(named: Record<string, string[] | undefined>): FeedbackAnswer {
  const rating = Number(namedValue(named, QUESTIONNAIRE_FORM.rating));
  return {
    token: namedValue(named, QUESTIONNAIRE_FORM.token).toLowerCase(),
    rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
    goal: namedValue(named, QUESTIONNAIRE_FORM.goal),
    help: namedValue(named, QUESTIONNAIRE_FORM.help),
    followUp: YES.test(namedValue(named, QUESTIONNAIRE_FORM.followUp)),
    followUpWhen: namedValue(named, QUESTIONNAIRE_FORM.followUpWhen),
    privateTalk: YES.test(namedValue(named, QUESTIONNAIRE_FORM.privateTalk)),
    comments: namedValue(named, QUESTIONNAIRE_FORM.comments),
  };
}

/** The conference a code opens, as the Schedule sheet has it. */
export interface CodedConference {
  token: string;
  conferenceId: string;
  round: string;
  teacher: string;
  family: string;
  language: string;
  status: string;
}

/**
 * Which conference an answer is about, and why it needs a person's look when it does: an
 * unknown code, a code of another round's conference, or of a cancelled one. Flagged answers are
 * kept (nothing a family wrote is dropped) but not counted in the Summary.
 */
export function matchConference(
  token: string,
  round: string,
  conferences: CodedConference[],
): { conference: CodedConference | null; flag: string } {
  if (!isToken(token))
    return {
      conference: null,
      flag: token
        ? 'Unknown conference code (changed or mistyped link).'
        : 'No conference code (the link was not used).',
    };
  const conference = conferences.find((c) => c.token === token) ?? null;
  if (!conference)
    return { conference: null, flag: 'Unknown conference code (changed or mistyped link).' };
  if (!inRound(conference.round, round))
    return {
      conference,
      flag: `Code of a ${conference.round} conference, answered on the ${round} questionnaire.`,
    };
  if (conference.status === 'cancelled')
    return { conference, flag: 'Code of a cancelled conference.' };
  return { conference, flag: '' };
}

/** The Feedback row for one answer, by header; `response` names the response-sheet row it came from. */
export function feedbackRow(
  answer: FeedbackAnswer,
  match: { conference: CodedConference | null; flag: string },
  answered: Date,
  response: string,
): Record<string, unknown> {
  const c = match.conference;
  return {
    Answered: answered,
    'Conference ID': c ? answerText(c.conferenceId) : '',
    Round: c ? answerText(c.round) : '',
    Teacher: c ? answerText(c.teacher) : '',
    Family: c ? answerText(c.family) : '',
    Rating: answer.rating ?? '',
    Goal: answerText(answer.goal),
    'How We Help': answerText(answer.help),
    'Follow-up': answer.followUp ? 'Yes' : 'No',
    'Follow-up When': answerText(answer.followUpWhen),
    'Private Talk': answer.privateTalk ? 'Yes' : 'No',
    Comments: answerText(answer.comments),
    Language: c ? answerText(c.language) : '',
    Flag: answerText(match.flag),
    Code: answerText(answer.token),
    Response: answerText(response),
  };
}

/** A row laid out under a sheet's header (columns it does not name, such as people's own, blank). */
export function rowUnder(header: string[], byHeader: Record<string, unknown>): unknown[] {
  return header.map((h) => (h in byHeader ? byHeader[h] : ''));
}
