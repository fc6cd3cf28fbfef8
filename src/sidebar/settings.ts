/**
 * The settings form: every field labelled, checked again on the server (which names each
 * wrong field), saved all at once for everyone who edits the spreadsheet.
 */
import type { Settings, SettingsView } from '../shared/api';
import { windowEffect } from '../shared/windows';
import { el } from './dom';

export interface SettingsFormHandlers {
  save(settings: Settings): Promise<string | null>;
}

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    input,
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
  );
}

/**
 * "es: 2, vi 1" → { es: 2, vi: 1 } (the server checks codes and numbers). Built from entries so
 * that whatever was typed, "__proto__" included, reaches the server as a key it can name.
 */
export function parseInterpreters(text: string): Record<string, number> {
  const entries: [string, number][] = [];
  for (const part of text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-zA-Z_-]+)\s*[:=]?\s*(\d+)$/.exec(part);
    entries.push(m ? [m[1]!.toLowerCase(), Number(m[2])] : [part, NaN]);
  }
  return Object.fromEntries(entries);
}

function check(id: string, label: string, checked: boolean): HTMLElement {
  return el(
    'div',
    { class: 'field check' },
    el('input', { id, name: id, type: 'checkbox', checked }),
    el('label', { for: id }, label),
  );
}

export function settingsForm(view: SettingsView, handlers: SettingsFormHandlers): HTMLElement {
  const s = view.settings;
  const input = (id: string, value: string, attrs: Record<string, string> = {}) =>
    el('input', { id, name: id, value, type: 'text', ...attrs });
  const zone = el(
    'select',
    { id: 'set-timeZone', name: 'timeZone' },
    ...view.timeZones.map((z) => el('option', { value: z, selected: z === s.timeZone }, z)),
  );
  const language = el(
    'select',
    { id: 'set-defaultLanguage', name: 'defaultLanguage' },
    ...view.languages.map((l) =>
      el(
        'option',
        { value: l.code, selected: l.code === s.defaultLanguage },
        `${l.name} (${l.code})`,
      ),
    ),
  );
  const status = el('p', { class: 'form-status', role: 'status' });
  const form = el(
    'form',
    { class: 'settings', 'aria-label': 'Settings' },
    field(
      'set-schoolName',
      'School name',
      input('set-schoolName', s.schoolName, { maxlength: '100', required: 'true' }),
    ),
    field(
      'set-roundName',
      'Round',
      input('set-roundName', s.roundName, { maxlength: '40' }),
      'E.g. Fall 2026. Each round keeps its own schedule.',
    ),
    field('set-timeZone', 'Time zone', zone),
    field(
      'set-conferenceMinutes',
      'Conference length (minutes)',
      input('set-conferenceMinutes', String(s.conferenceMinutes), {
        type: 'number',
        min: '5',
        max: '120',
      }),
    ),
    field(
      'set-bufferMinutes',
      'Buffer between rooms (minutes)',
      input('set-bufferMinutes', String(s.bufferMinutes), { type: 'number', min: '0', max: '60' }),
      'A family’s time to walk from one child’s room to the next.',
    ),
    field(
      'set-changeoverMinutes',
      'Teacher’s changeover (minutes)',
      input('set-changeoverMinutes', String(s.changeoverMinutes ?? 0), {
        type: 'number',
        min: '0',
        max: '60',
      }),
      windowEffect(s.conferenceMinutes, s.changeoverMinutes ?? 0),
    ),
    field(
      'set-reminderHoursBefore',
      'Reminders (hours before)',
      input('set-reminderHoursBefore', s.reminderHoursBefore.join(', ')),
      'E.g. 48, 2',
    ),
    field(
      'set-senderName',
      'Sender name',
      input('set-senderName', s.senderName, { maxlength: '100' }),
      'Shown as the sender of invitations and reminders.',
    ),
    field(
      'set-replyTo',
      'Reply-to email',
      input('set-replyTo', s.replyTo, { type: 'email' }),
      'Where families’ replies go.',
    ),
    field('set-defaultLanguage', 'Default language', language),
    field(
      'set-interpreters',
      'Interpreters at once, per language',
      input(
        'set-interpreters',
        Object.entries(s.interpreters)
          .map(([c, n]) => `${c}: ${n}`)
          .join(', '),
      ),
      'E.g. es: 2, vi: 1',
    ),
    field(
      'set-calendarName',
      'Calendar for invitations',
      input('set-calendarName', s.calendarName, { maxlength: '100' }),
      'Created once under this name if you do not have it.',
    ),
    check('set-inviteTeachers', 'Invite the teacher too', s.inviteTeachers),
    check(
      'set-mergeSameTeacherSiblings',
      'Siblings with the same teacher share one longer conference',
      s.mergeSameTeacherSiblings,
    ),
    check(
      'set-translateForms',
      'Forms in every language the Roster uses (machine-translated once, on the Form Texts sheet)',
      s.translateForms,
    ),
    field(
      'set-placeResponses',
      'When a family answers the availability form',
      el(
        'select',
        { id: 'set-placeResponses', name: 'placeResponses' },
        el(
          'option',
          { value: 'next-build', selected: s.placeResponses === 'next-build' },
          'Wait for the next “Build schedule”',
        ),
        el(
          'option',
          { value: 'at-once', selected: s.placeResponses === 'at-once' },
          'Place them at once and invite them',
        ),
      ),
    ),
    el('button', { type: 'submit', class: 'primary' }, 'Save settings'),
    status,
  );
  // The changeover's hint follows the length and changeover as they are typed.
  form.addEventListener('input', () => {
    const number = (name: string) =>
      Number((form.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.value);
    const hint = form.querySelector('#set-changeoverMinutes-hint');
    const minutes = number('set-conferenceMinutes');
    const changeover = number('set-changeoverMinutes');
    if (hint && minutes > 0 && changeover >= 0)
      hint.textContent = windowEffect(minutes, changeover);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (name: string) =>
      (form.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement).value;
    const settings: Settings = {
      schoolName: value('set-schoolName'),
      roundName: value('set-roundName'),
      timeZone: value('timeZone'),
      conferenceMinutes: Number(value('set-conferenceMinutes')),
      bufferMinutes: Number(value('set-bufferMinutes')),
      changeoverMinutes: Number(value('set-changeoverMinutes')),
      reminderHoursBefore: value('set-reminderHoursBefore')
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number),
      senderName: value('set-senderName'),
      replyTo: value('set-replyTo'),
      defaultLanguage: value('defaultLanguage'),
      interpreters: parseInterpreters(value('set-interpreters')),
      calendarName: value('set-calendarName'),
      inviteTeachers: (form.querySelector('[name="set-inviteTeachers"]') as HTMLInputElement)
        .checked,
      mergeSameTeacherSiblings: (
        form.querySelector('[name="set-mergeSameTeacherSiblings"]') as HTMLInputElement
      ).checked,
      placeResponses: value('placeResponses') === 'at-once' ? 'at-once' : 'next-build',
      translateForms: (form.querySelector('[name="set-translateForms"]') as HTMLInputElement)
        .checked,
    };
    status.textContent = 'Saving…';
    void handlers.save(settings).then((error) => {
      status.textContent =
        error ?? 'Saved. Everyone who edits this spreadsheet now uses these settings.';
      status.className = error ? 'form-status error-text' : 'form-status';
    });
  });
  return form;
}
