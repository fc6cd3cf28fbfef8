/**
 * The Reminders step's own controls: hourly reminders on or off, and the message
 * templates: pick a kind and a language, edit subject and body, preview on a real family from
 * the Schedule (rendered by the server, shown as text: never as HTML), save. A template naming a
 * field that does not exist is shown as an error and the save is refused (the server refuses too).
 */
import type {
  MessageKindName,
  MessageTemplate,
  TemplatePreview,
  TemplateView,
} from '../shared/api';
import { el } from './dom';

export interface TemplatesHandlers {
  load(kind: MessageKindName, language: string): Promise<TemplateView>;
  preview(
    kind: MessageKindName,
    language: string,
    template: MessageTemplate,
    conferenceId: string,
  ): Promise<TemplatePreview>;
  save(kind: MessageKindName, language: string, template: MessageTemplate): Promise<void>;
  setReminders(on: boolean): Promise<boolean>;
}

const KINDS: { kind: MessageKindName; label: string }[] = [
  { kind: 'reminder', label: 'Reminder' },
  { kind: 'invite', label: 'Invitation' },
  { kind: 'questionnaire', label: 'Questionnaire request' },
  { kind: 'letter', label: 'Printed letter' },
  { kind: 'availability', label: 'Availability request' },
  { kind: 'waitlist', label: 'Waiting list notice' },
  { kind: 'noshow', label: 'Another time, after a no-show' },
  { kind: 'waitoffer', label: 'Freed time offered to the waiting list' },
  { kind: 'waitgone', label: 'Freed time already taken' },
];

const FIELD = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function templatesPanel(handlers: TemplatesHandlers): HTMLElement {
  let view: TemplateView | null = null;
  const status = el('p', { class: 'form-status', role: 'status' });
  const error = el('p', { class: 'error-text', role: 'alert' });
  const toggle = el('button', { type: 'button', class: 'secondary' }, 'Hourly reminders: …');
  const kind = el(
    'select',
    { id: 'tpl-kind' },
    ...KINDS.map((k) => el('option', { value: k.kind }, k.label)),
  );
  const language = el(
    'select',
    { id: 'tpl-language' },
    el('option', { value: 'en' }, 'English (en)'),
    el('option', { value: 'es' }, 'Spanish (es)'),
  );
  const family = el('select', { id: 'tpl-family' });
  const subject = el('input', { id: 'tpl-subject', type: 'text', maxlength: '250' });
  const body = el('textarea', { id: 'tpl-body', rows: '10', maxlength: '5000' });
  const fields = el('p', { class: 'hint', id: 'tpl-fields' });
  const out = el('div', { class: 'template-preview', 'aria-live': 'polite' });
  const source = el('p', { class: 'hint' });

  const template = (): MessageTemplate => ({ subject: subject.value, body: body.value });
  const unknown = (): string[] => {
    const known = new Set(view?.fields ?? []);
    const names = `${subject.value}\n${body.value}`.match(FIELD) ?? [];
    return [...new Set(names.map((n) => n.replace(/[{}\s]/g, '')).filter((n) => !known.has(n)))];
  };
  const checkFields = (): boolean => {
    const bad = unknown();
    error.textContent = bad.length
      ? `Unknown field${bad.length > 1 ? 's' : ''}: ${bad.map((f) => `{{${f}}}`).join(', ')}. Use one of the fields listed below.`
      : '';
    return bad.length === 0;
  };

  async function load(): Promise<void> {
    status.textContent = 'Loading…';
    try {
      view = await handlers.load(kind.value as MessageKindName, language.value);
      if (language.options.length <= 2) {
        language.replaceChildren(
          ...view.languages.map((l) =>
            el(
              'option',
              { value: l.code, selected: l.code === view!.language },
              `${l.name} (${l.code})`,
            ),
          ),
        );
      }
      subject.value = view.template.subject;
      body.value = view.template.body;
      fields.textContent = `Fields: ${view.fields.map((f) => `{{${f}}}`).join(' ')}. For one child or several: {{leads|lead}}, {{dirige|dirigen}}.`;
      source.textContent = {
        edited: 'Edited in this spreadsheet (or translated and kept).',
        'built-in': 'The built-in text.',
        english:
          'No text in this language yet: families get the English one until it is translated (on the first send) or written here.',
      }[view.source];
      family.replaceChildren(
        ...view.families.map((f) => el('option', { value: f.conferenceId }, f.label)),
      );
      toggle.textContent = view.remindersOn
        ? 'Turn hourly reminders off'
        : 'Turn hourly reminders on';
      toggle.setAttribute('aria-pressed', view.remindersOn ? 'true' : 'false');
      status.textContent = '';
      checkFields();
    } catch (e) {
      status.textContent = (e as Error).message;
    }
  }

  async function preview(): Promise<void> {
    if (!family.value) {
      status.textContent = 'Build the schedule first: the preview uses a real family from it.';
      return;
    }
    checkFields();
    try {
      const p = await handlers.preview(
        kind.value as MessageKindName,
        language.value,
        template(),
        family.value,
      );
      out.replaceChildren(
        el('p', {}, el('strong', {}, 'Subject: '), p.subject),
        el('pre', { class: 'preview-text' }, p.text),
      );
    } catch (e) {
      status.textContent = (e as Error).message;
    }
  }

  async function save(): Promise<void> {
    if (!checkFields()) {
      status.textContent = 'Not saved: fix the unknown fields first.';
      return;
    }
    try {
      await handlers.save(kind.value as MessageKindName, language.value, template());
      status.textContent = 'Saved. Messages from now on use this text.';
      source.textContent = 'Edited in this spreadsheet (or translated and kept).';
    } catch (e) {
      status.textContent = (e as Error).message;
    }
  }

  toggle.addEventListener('click', () => {
    void (async () => {
      try {
        const on = await handlers.setReminders(!(view?.remindersOn ?? false));
        if (view) view.remindersOn = on;
        toggle.textContent = on ? 'Turn hourly reminders off' : 'Turn hourly reminders on';
        toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
        status.textContent = on
          ? 'Hourly reminders are on: each family is reminded once, at the times in Settings.'
          : 'Hourly reminders are off.';
      } catch (e) {
        status.textContent = (e as Error).message;
      }
    })();
  });
  kind.addEventListener('change', () => void load());
  language.addEventListener('change', () => void load());
  subject.addEventListener('input', checkFields);
  body.addEventListener('input', checkFields);

  const row = (id: string, label: string, input: HTMLElement) =>
    el('div', { class: 'field' }, el('label', { for: id }, label), input);
  const panel = el(
    'div',
    { class: 'templates', 'aria-label': 'Reminders and message templates' },
    toggle,
    el('h3', {}, 'Message templates'),
    row('tpl-kind', 'Message', kind),
    row('tpl-language', 'Language', language),
    source,
    row('tpl-subject', 'Subject', subject),
    row('tpl-body', 'Body', body),
    fields,
    error,
    row('tpl-family', 'Preview for', family),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', onclick: () => void preview() }, 'Preview'),
      el(
        'button',
        { type: 'button', class: 'primary', onclick: () => void save() },
        'Save template',
      ),
    ),
    status,
    out,
  );
  void load();
  return panel;
}
