/**
 * The sidebar's Templates panel: a template as stored or built in, and rendered for a real family
 * from the Schedule as a reminder would be. Above both the stored templates (messages.ts) and the
 * reminders' reading of the Schedule, which itself uses the stored templates.
 */
import { UserError } from '../core/errors';
import {
  FIELD_NAMES,
  renderMessage,
  templateFor,
  type MessageKind,
  type Template,
  unknownFields,
} from '../core/templates';
import type { TemplatePreview, TemplateView } from '../shared/api';
import { availabilityLinks } from '../core/formlinks';
import { LANGUAGE_NAMES, languageName } from '../core/normalize';
import { readSettings } from './data';
import { documentProperties } from './props';
import { rosterForMessages } from './mailer';
import { storedTemplates } from './messages';
import { messageSettings, readConferences, remindersRunBy, unitFields } from './reminders';

/** What the sidebar's Templates panel shows for one kind and language. */
export function templateView(kind: MessageKind, language: string): TemplateView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  const stored = storedTemplates();
  const { template, language: used } = templateFor(kind, language, stored);
  const source: TemplateView['source'] = stored[language]?.[kind]
    ? 'edited'
    : used === language
      ? 'built-in'
      : 'english';
  const seen = new Set<string>();
  const families: TemplateView['families'] = [];
  const rowOf = new Map<string, number>();
  for (const c of readConferences(ss, settings).conferences) {
    if (seen.has(c.familyKey) || !c.conferenceId) continue;
    seen.add(c.familyKey);
    rowOf.set(c.conferenceId, c.row);
    families.push({
      conferenceId: c.conferenceId,
      label: `${c.family} (${c.students}) with ${c.teacher}, ${c.language}`,
      language: c.language,
    });
  }
  // Two families can share a surname and a child's first name: the Schedule row tells them apart.
  const alike = new Map<string, number>();
  for (const f of families) alike.set(f.label, (alike.get(f.label) ?? 0) + 1);
  for (const f of families)
    if (alike.get(f.label)! > 1) f.label += ` (Schedule row ${rowOf.get(f.conferenceId)})`;
  families.sort((a, b) => Number(b.language === language) - Number(a.language === language));
  return {
    kind,
    language,
    template,
    source,
    fields: [...FIELD_NAMES],
    families: families.slice(0, 200),
    languages: Object.keys(LANGUAGE_NAMES).map((code) => ({ code, name: languageName(code) })),
    remindersOn: remindersRunBy(ss) !== null,
  };
}

/** A template rendered for a real family: the family's conferences that day, as a reminder would list them. */
export function previewFor(
  kind: MessageKind,
  language: string,
  template: Template,
  conferenceId: string,
): TemplatePreview {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  // Greeted as the family would be: by the surnames the Roster gives its children.
  const props = documentProperties().getProperties();
  const roster = rosterForMessages(ss, settings, props);
  const { conferences } = readConferences(ss, settings, undefined, roster);
  const chosen = conferences.find((c) => c.conferenceId === conferenceId);
  if (!chosen)
    throw new UserError(
      `No conference ${conferenceId} on the Schedule sheet any more; pick another family.`,
    );
  const sameDay = conferences
    .filter((c) => c.familyKey === chosen.familyKey && c.date === chosen.date)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const fields = unitFields(sameDay, messageSettings(settings), language);
  // The availability request shows the family's own link, as it would be sent.
  if (kind === 'availability')
    fields.link =
      availabilityLinks(props, () => language).get(chosen.familyKey) ??
      '(the family’s own link, once the family forms are made)';
  const message = renderMessage(kind, language, fields, { [language]: { [kind]: template } });
  return { ...message, unknown: unknownFields(template) };
}
