/**
 * The Reminders step's own controls: hourly reminders on or off, and the message
 * templates: pick a kind and a language, edit subject and body, preview on a real family from
 * the Schedule (rendered by the server, shown as text: never as HTML), save. A template naming a
 * field that does not exist is shown as an error and the save is refused (the server refuses too).
 * Text typed and not saved is kept per message and language while the sidebar is open: switching
 * away and back brings it back, marked unsaved, until it is saved or discarded.
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

const UNSAVED = ' (unsaved)';
const draftKey = (kind: string, language: string) => `${kind}|${language}`;

export function templatesPanel(handlers: TemplatesHandlers): HTMLElement {
  let view: TemplateView | null = null;
  /** The message and language the subject and body show (those of `view`), once loaded. */
  let shown: { kind: string; language: string } | null = null;
  /** Text typed and not saved, by message and language, other than the one shown. */
  const drafts = new Map<string, MessageTemplate>();
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
  const unsaved = el('p', { class: 'unsaved', id: 'tpl-unsaved', role: 'status' });
  const discard = el(
    'button',
    { type: 'button', class: 'secondary', id: 'tpl-discard' },
    'Discard',
  );

  const template = (): MessageTemplate => ({ subject: subject.value, body: body.value });
  /** Whether the subject or body differs from the saved text of the message shown. */
  const edited = (): boolean =>
    !!view && (subject.value !== view.template.subject || body.value !== view.template.body);
  /** An option's own label, then "(unsaved)" when that message in that language has a draft. */
  const labelOption = (option: HTMLOptionElement, draft: boolean) => {
    option.dataset['label'] ??= option.text;
    option.text = `${option.dataset['label']}${draft ? UNSAVED : ''}`;
  };
  /** Shows which messages and languages hold text not saved, the one shown included. */
  const markUnsaved = (): void => {
    const here = edited();
    const hasDraft = (k: string, l: string) =>
      (here && k === shown?.kind && l === shown?.language) || drafts.has(draftKey(k, l));
    for (const o of kind.options) labelOption(o, hasDraft(o.value, language.value));
    for (const o of language.options) labelOption(o, hasDraft(kind.value, o.value));
    unsaved.textContent = here
      ? 'Unsaved changes: Save template keeps them; Discard goes back to the saved text.'
      : '';
    discard.disabled = !here;
  };
  /** Keeps what the subject and body hold for the message shown before another is loaded. */
  const keepDraft = (): void => {
    if (!shown) return;
    const key = draftKey(shown.kind, shown.language);
    if (edited()) drafts.set(key, template());
    else drafts.delete(key);
  };
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
    // Nothing is typed while the text is on its way: it would be replaced.
    subject.readOnly = body.readOnly = true;
    try {
      const asked = { kind: kind.value, language: language.value };
      view = await handlers.load(asked.kind as MessageKindName, asked.language);
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
      const draft = drafts.get(draftKey(asked.kind, asked.language));
      drafts.delete(draftKey(asked.kind, asked.language));
      subject.value = draft?.subject ?? view.template.subject;
      body.value = draft?.body ?? view.template.body;
      shown = asked;
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
      // The pickers go back to the message still shown, so a save cannot file it under another.
      if (shown) {
        kind.value = shown.kind;
        language.value = shown.language;
      }
    }
    subject.readOnly = body.readOnly = false;
    markUnsaved();
  }

  /** Another message or language: what was typed in this one is kept, then the other loaded. */
  function switchTo(): void {
    keepDraft();
    void load();
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
    const saving = template();
    const saved = view;
    const key = draftKey(kind.value, language.value);
    try {
      await handlers.save(kind.value as MessageKindName, language.value, saving);
      if (saved) saved.template = saving;
      // Switched away meanwhile: the text kept as a draft is the text now saved.
      const kept = drafts.get(key);
      if (kept?.subject === saving.subject && kept.body === saving.body) drafts.delete(key);
      status.textContent = 'Saved. Messages from now on use this text.';
      source.textContent = 'Edited in this spreadsheet (or translated and kept).';
      markUnsaved();
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
  kind.addEventListener('change', switchTo);
  language.addEventListener('change', switchTo);
  for (const input of [subject, body])
    input.addEventListener('input', () => {
      checkFields();
      markUnsaved();
    });
  discard.addEventListener('click', () => {
    if (!view) return;
    subject.value = view.template.subject;
    body.value = view.template.body;
    checkFields();
    markUnsaved();
    status.textContent = 'Discarded: the saved text is back.';
  });

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
    unsaved,
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
      discard,
    ),
    status,
    out,
  );
  void load();
  return panel;
}
