/**
 * FormApp: forms, their items and responses, the linked response sheet and the form-submit
 * triggers a submission fires.
 *
 * References:
 *  - https://developers.google.com/apps-script/reference/forms/form-app
 *  - https://developers.google.com/apps-script/reference/forms/form
 *  - https://developers.google.com/apps-script/reference/forms/item (and the typed items:
 *    text-item, multiple-choice-item, checkbox-item, list-item, scale-item, grid-item, ...)
 *  - https://developers.google.com/apps-script/reference/forms/form-response
 *  - https://developers.google.com/apps-script/reference/forms/item-response
 *  - https://developers.google.com/apps-script/reference/forms/destination-type
 *  - https://developers.google.com/apps-script/guides/triggers/events#form-submit (the
 *    spreadsheet form-submit event: authMode, namedValues, range, triggerUid, values)
 *
 * Two halves, as for the other services:
 *  - FormStore is plain state and costs nothing. Tests and the preview use it to set forms up
 *    and, above all, to play a family filling the published form in (`submit`,
 *    `submitPrefilled`): that is not a script call, it is a person in a browser.
 *  - createFormApp is the FormApp global a script sees. Every method passes ws.call() as
 *    "FormApp.<Class>.<method>" ("FormApp.create", "FormApp.Form.setDestination",
 *    "FormApp.TextItem.setTitle", "FormApp.FormResponse.toPrefilledUrl", ...).
 *
 * Scopes (decided here, following the Authorization sections of the reference pages):
 * FormApp.create / openById / openByUrl need https://www.googleapis.com/auth/forms: the
 * forms.currentonly scope only reaches the form a script is bound to, which a Sheets add-on
 * has none of. Everything done on a Form (and its items and responses) accepts either scope,
 * as the reference lists both for those methods.
 *
 * What is an assumption (not documented by Google; chosen from widely reported behaviour):
 *  - The response sheet is inserted as the first tab, named "Form Responses N" with the
 *    smallest free N, with its header row frozen. Its columns: "Timestamp", "Email Address"
 *    (when collecting emails; inserted as column B if switched on later), then one column per
 *    question in item order ("Title [Row]" per grid row). Questions added later get new columns
 *    after the form's last one; a deleted question keeps its column; a renamed one has its
 *    header renamed. Linking a form that already has responses writes them all to the new sheet.
 *  - Answers are written as values, never as formulas: a text answer "=HYPERLINK(...)" is
 *    stored as that text. A text or choice answer that reads as a number ("0123", "42",
 *    "+15551234567") is stored as a number, as Forms users see leading zeros dropped, unless
 *    the column is formatted as plain text ('@'); set `coerceNumericAnswers = false` to keep
 *    them all as text. Scale answers are numbers, dates are dates, checkbox answers are the
 *    chosen values joined with ", " in the order of the choices.
 *  - The event `values` are the row's display values (timestamp as "11/22/2026 9:30:00" in the
 *    spreadsheet's time zone); `namedValues` maps each header to [display value] (a repeated
 *    header collects every value, which is why they are arrays).
 *  - An edited response keeps its id, takes the edit time as its timestamp, rewrites its own
 *    row and fires the triggers again. People report that the event of an edit carries only the
 *    changed answers; set `editEventValues = 'changed'` to model that (default: all values).
 *  - Responses submitted by a script (FormResponse.submit) do not check required questions and
 *    record no respondent email; the form must be accepting responses, or submit throws.
 *  - Error messages not quoted from Google are marked where they are thrown.
 *
 * Several users: a form is its creator's Drive file. openById and openByUrl by anyone who is
 * neither its owner nor an editor (FormStore.share: "Add collaborators") fail with the message
 * a missing form gives, which itself says "or you do not have permission to access it"
 * (stevenschmatz/export-google-form#5, "formapp.openbyurl error",
 * https://github.com/stevenschmatz/export-google-form/issues/5): a script cannot tell a deleted
 * form from one it may not open.
 *
 * The code, by what it models: forms/state.ts (forms, items, responses), forms/answers.ts,
 * forms/store.ts (FormStore), forms/app.ts (the FormApp facade).
 */
export {
  FORM_ERRORS,
  FORMS_UNPUBLISHED_FROM,
  ITEM_TYPES,
  type ItemType,
  type SupportedItemType,
  isQuestion,
  type FormItemState,
  type Answer,
  type FormResponseState,
  type DestinationState,
  type FormState,
  formEditUrl,
  formPublishedUrl,
  type SubmitOptions,
  type RangeFactory,
} from './forms/state';
export {
  normalizeAnswer,
  encodePrefillValue,
  type PrefilledUrl,
  parsePrefilledUrl,
} from './forms/answers';
export { FormStore } from './forms/store';
export { FORMS_SCOPE, FORMS_CURRENT_SCOPE, createFormApp, type FormAppGlobal } from './forms/app';
