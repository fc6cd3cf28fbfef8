import fc from 'fast-check';
import { checkProperty } from '../core/property';
import {
  createFormApp,
  encodePrefillValue,
  FORM_ERRORS,
  FORMS_CURRENT_SCOPE,
  FORMS_SCOPE,
  FormStore,
  FORMS_UNPUBLISHED_FROM,
  parsePrefilledUrl,
} from '../../emulator/forms';
import { Workspace } from '../../emulator/runtime';
import { SpreadsheetStore } from '../../emulator/sheets/model';
import { TriggerStore } from '../../emulator/triggers';

/** 2026-11-22 14:30 UTC is 9:30 in New York (EST, after daylight saving ended on Nov 1). */
const NOW = Date.UTC(2026, 10, 22, 14, 30, 0);

function setup() {
  const ws = new Workspace({ now: NOW });
  const sheets = new SpreadsheetStore(ws);
  const doc = sheets.create('Student-Led Conferences', {
    active: true,
    timeZone: 'America/New_York',
  });
  const triggers = new TriggerStore(ws);
  const store = new FormStore(ws, sheets, triggers);
  const FormApp = createFormApp(ws, store);
  const captured: Record<string, unknown>[] = [];
  triggers.runner = (_handler, event) => {
    captured.push(event);
  };
  return { ws, sheets, doc, triggers, store, FormApp, captured };
}

type Env = ReturnType<typeof setup>;

/** The sign-up form a school would send families. */
function signupForm(env: Env) {
  const form = env.FormApp.create('Conference sign-up');
  const name = form.addTextItem().setTitle('Student name').setRequired(true);
  const time = form
    .addMultipleChoiceItem()
    .setTitle('Time')
    .setChoiceValues(['4:00 PM', '4:20 PM', '4:40 PM'])
    .setRequired(true);
  const languages = form
    .addCheckboxItem()
    .setTitle('Languages')
    .setChoiceValues(['English', 'Spanish', 'Vietnamese']);
  const notes = form.addParagraphTextItem().setTitle('Notes');
  return { form, name, time, languages, notes, id: form.getId() };
}

function linked(env: Env) {
  const s = signupForm(env);
  s.form.setDestination(env.FormApp.DestinationType.SPREADSHEET, env.doc.id);
  const sheet = env.doc.sheetByName('Form Responses 1')!;
  return { ...s, sheet };
}

function installSheetTrigger(env: Env) {
  return env.triggers.install({
    handler: 'onFormSubmit',
    event: 'ON_FORM_SUBMIT',
    source: 'SPREADSHEETS',
    sourceId: env.doc.id,
    documentId: env.doc.id,
    user: 'x@y',
  });
}

describe('FormApp (https://developers.google.com/apps-script/reference/forms/form-app)', () => {
  describe('create', () => {
    it('creates an empty form with the title, accepting responses, and costs ~1.5 s in an execution', () => {
      const env = setup();
      const form = env.ws.execute({ entry: 'make' }, () =>
        env.FormApp.create('Conference sign-up'),
      );
      expect(form.getTitle()).toBe('Conference sign-up');
      expect(form.getItems()).toHaveLength(0);
      expect(form.isAcceptingResponses()).toBe(true);
      expect(form.collectsEmail()).toBe(false);
      expect(env.ws.callsByMethod()['FormApp.create']).toBe(1);
      expect(env.ws.reports[0]!.elapsedMs).toBe(1500);
      expect(env.store.get(form.getId())).toMatchObject({
        title: 'Conference sign-up',
        owner: 'coordinator@school.example',
      });
    });

    it('throws for an empty title', () => {
      const { FormApp } = setup();
      expect(() => FormApp.create('')).toThrow('Invalid argument: title');
    });

    it('needs the full forms scope; forms.currentonly still works on a form already held', () => {
      const env = setup();
      const form = env.FormApp.create('Held');
      env.ws.grantedScopes = new Set([FORMS_CURRENT_SCOPE]);
      env.ws.execute({ entry: 'x' }, () => {
        expect(() => env.FormApp.create('New')).toThrow(
          `Specified permissions are not sufficient to call FormApp.create. Required permissions: ${FORMS_SCOPE}`,
        );
        expect(() => env.FormApp.openById(form.getId())).toThrow(
          /not sufficient to call FormApp.openById/,
        );
        expect(form.getTitle()).toBe('Held');
      });
    });
  });

  describe('openById / openByUrl', () => {
    it('opens a form by its id and by its editor URL', () => {
      const { FormApp } = setup();
      const form = FormApp.create('Sign-up');
      expect(FormApp.openById(form.getId()).getTitle()).toBe('Sign-up');
      expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    });

    it('throws the not-found message for an unknown id or a published (respondent) URL', () => {
      const { FormApp } = setup();
      const form = FormApp.create('Sign-up');
      expect(() => FormApp.openById('1nope')).toThrow(FORM_ERRORS.notFound);
      expect(() => FormApp.openByUrl(form.getPublishedUrl())).toThrow(FORM_ERRORS.notFound);
    });
  });

  describe('getActiveForm', () => {
    it('is null for a script bound to a spreadsheet, the form when bound to one', () => {
      const { FormApp, store } = setup();
      expect(FormApp.getActiveForm()).toBeNull();
      const form = FormApp.create('Bound');
      store.boundFormId = form.getId();
      expect(FormApp.getActiveForm()!.getTitle()).toBe('Bound');
    });
  });

  it('exposes ItemType and DestinationType enums', () => {
    const { FormApp } = setup();
    expect(FormApp.ItemType.MULTIPLE_CHOICE).toBe('MULTIPLE_CHOICE');
    expect(FormApp.ItemType.FILE_UPLOAD).toBe('FILE_UPLOAD');
    expect(FormApp.DestinationType.SPREADSHEET).toBe('SPREADSHEET');
  });
});

describe('Form (https://developers.google.com/apps-script/reference/forms/form)', () => {
  // "forms created by the API after June 30, 2026 will be created in an unpublished state"
  // (API changes to Google Forms); FormApp then fails with "Operation not supported on
  // unpublished form" (boilermaker-ben/...-Survivor-Pool#26); setPublished(true) fixes it
  // (brucemcpherson/gas-fakes#105). docs/EMULATOR.md rows 41-42.
  describe('publish state (setPublished / isPublished)', () => {
    it('with the switch on, a form made after 30 June 2026 starts unpublished and takes no answers until published', () => {
      const env = setup();
      env.store.unpublishedFrom = FORMS_UNPUBLISHED_FROM;
      const form = env.FormApp.create('Sign-up');
      form.addTextItem().setTitle('Name');
      expect(form.isPublished()).toBe(false);
      expect(() => form.getPublishedUrl()).toThrow(FORM_ERRORS.unpublished);
      expect(FORM_ERRORS.unpublished).toBe('Operation not supported on unpublished form');
      expect(() => env.store.submit(form.getId(), { Name: 'Ana' })).toThrow(
        FORM_ERRORS.unpublished,
      );
      expect(() =>
        form
          .createResponse()
          .withItemResponse(form.getItems()[0]!.asTextItem().createResponse('Bao'))
          .submit(),
      ).toThrow(FORM_ERRORS.unpublished);
      form.setPublished(true);
      expect(form.isPublished()).toBe(true);
      expect(form.getPublishedUrl()).toMatch(/\/viewform$/);
      env.store.submit(form.getId(), { Name: 'Ana' });
      expect(form.getResponses()).toHaveLength(1);
    });

    it('makes published forms with the switch off, or before the date', () => {
      const env = setup();
      expect(env.FormApp.create('Off').isPublished()).toBe(true);
      env.store.unpublishedFrom = NOW + 1;
      expect(env.FormApp.create('Before').isPublished()).toBe(true);
    });
  });

  describe('settings', () => {
    it('sets and reads title, description, email collection, edits, accepting and confirmation, chaining', () => {
      const { FormApp } = setup();
      const form = FormApp.create('A');
      const same = form
        .setTitle('Conference sign-up')
        .setDescription('Pick a time')
        .setCollectEmail(true)
        .setAllowResponseEdits(true)
        .setAcceptingResponses(false)
        .setConfirmationMessage('Thank you!')
        .setCustomClosedFormMessage('Sign-up has closed.');
      expect(same).toBe(form);
      expect(form.getTitle()).toBe('Conference sign-up');
      expect(form.getDescription()).toBe('Pick a time');
      expect(form.collectsEmail()).toBe(true);
      expect(form.canEditResponse()).toBe(true);
      expect(form.isAcceptingResponses()).toBe(false);
      expect(form.getConfirmationMessage()).toBe('Thank you!');
      expect(form.getCustomClosedFormMessage()).toBe('Sign-up has closed.');
    });

    it("shows respondents no summary of everyone's answers unless setPublishingSummary(true) (form#setPublishingSummary(Boolean))", () => {
      const { FormApp } = setup();
      const form = FormApp.create('A');
      expect(form.publishingSummary()).toBe(false);
      expect(form.setPublishingSummary(true)).toBe(form);
      expect(form.publishingSummary()).toBe(true);
    });

    it('costs ~5 ms per getter and ~300 ms per setter in an execution', () => {
      const env = setup();
      const form = env.FormApp.create('A');
      env.ws.execute({ entry: 'x' }, () => {
        form.getTitle();
        form.setTitle('B');
      });
      expect(env.ws.reports[0]!.elapsedMs).toBe(305);
      expect(env.ws.callsByMethod()).toEqual({
        'FormApp.Form.getTitle': 1,
        'FormApp.Form.setTitle': 1,
      });
    });
  });

  describe('getPublishedUrl / getEditUrl / shortenFormUrl', () => {
    it('gives the respondent URL (its own published id) and the editor URL', () => {
      const { FormApp, store } = setup();
      const form = FormApp.create('A');
      const state = store.get(form.getId())!;
      expect(form.getPublishedUrl()).toBe(
        `https://docs.google.com/forms/d/e/${state.publishedId}/viewform`,
      );
      expect(state.publishedId).not.toBe(form.getId());
      expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    });

    it('shortens a URL of this form to one stable forms.gle link and refuses other URLs', () => {
      const { FormApp } = setup();
      const form = FormApp.create('A');
      const short = form.shortenFormUrl(form.getPublishedUrl());
      expect(short).toMatch(/^https:\/\/forms\.gle\/[\w-]{17}$/);
      expect(form.shortenFormUrl(form.getPublishedUrl())).toBe(short);
      expect(() => form.shortenFormUrl('https://example.com/')).toThrow('Invalid argument: url');
    });
  });

  describe('add...Item / getItems / getItemById / deleteItem', () => {
    it('appends items of each type, each costing ~400 ms', () => {
      const env = setup();
      const form = env.FormApp.create('A');
      const types = env.ws.execute({ entry: 'x' }, () =>
        [
          form.addTextItem(),
          form.addParagraphTextItem(),
          form.addMultipleChoiceItem(),
          form.addListItem(),
          form.addCheckboxItem(),
          form.addScaleItem(),
          form.addDateItem(),
          form.addGridItem(),
          form.addCheckboxGridItem(),
          form.addSectionHeaderItem(),
          form.addPageBreakItem(),
        ].map((i) => i.getType()),
      );
      expect(types).toEqual([
        'TEXT',
        'PARAGRAPH_TEXT',
        'MULTIPLE_CHOICE',
        'LIST',
        'CHECKBOX',
        'SCALE',
        'DATE',
        'GRID',
        'CHECKBOX_GRID',
        'SECTION_HEADER',
        'PAGE_BREAK',
      ]);
      expect(env.ws.reports[0]!.elapsedMs).toBe(11 * 400 + 11 * 5);
    });

    it('lists items in order, filtered by type, and finds one by id (null when absent)', () => {
      const env = setup();
      const { form, time } = signupForm(env);
      expect(form.getItems().map((i) => i.getTitle())).toEqual([
        'Student name',
        'Time',
        'Languages',
        'Notes',
      ]);
      expect(form.getItems(env.FormApp.ItemType.CHECKBOX).map((i) => i.getTitle())).toEqual([
        'Languages',
      ]);
      expect(form.getItemById(time.getId())!.getIndex()).toBe(1);
      expect(form.getItemById(42)).toBeNull();
      expect(() => form.getItems('NOT_A_TYPE')).toThrow('Invalid argument: itemType');
    });

    it('gives item ids that are integers, distinct from the prefill entry ids', () => {
      const env = setup();
      const { form, id } = signupForm(env);
      const ids = form.getItems().map((i) => i.getId());
      expect(ids.every((n) => Number.isInteger(n))).toBe(true);
      const entries = env.store.get(id)!.items.map((i) => i.entryId);
      expect(new Set([...ids, ...entries]).size).toBe(8);
    });

    it('deletes an item by index or by item; a bad index throws; the deleted item is gone', () => {
      const env = setup();
      const { form, notes } = signupForm(env);
      form.deleteItem(0);
      form.deleteItem(notes);
      expect(form.getItems().map((i) => i.getTitle())).toEqual(['Time', 'Languages']);
      expect(() => form.deleteItem(9)).toThrow('Invalid argument: index');
      expect(() => notes.getTitle()).toThrow(FORM_ERRORS.itemDeleted);
      expect(() => form.deleteItem(notes)).toThrow(FORM_ERRORS.itemDeleted);
    });
  });

  describe('setDestination / getDestinationId / getDestinationType / removeDestination', () => {
    it('creates "Form Responses 1" as the first sheet with a frozen header row, in ~1.5 s', () => {
      const env = setup();
      const { form } = signupForm(env);
      env.ws.execute({ entry: 'x' }, () =>
        form.setDestination(env.FormApp.DestinationType.SPREADSHEET, env.doc.id),
      );
      expect(env.ws.reports[0]!.elapsedMs).toBe(1500);
      const sheet = env.doc.sheets[0]!;
      expect(sheet.name).toBe('Form Responses 1');
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.values()).toEqual([['Timestamp', 'Student name', 'Time', 'Languages', 'Notes']]);
      expect(form.getDestinationId()).toBe(env.doc.id);
      expect(form.getDestinationType()).toBe('SPREADSHEET');
    });

    it('gives a second form linked to the same spreadsheet "Form Responses 2", also first', () => {
      const env = setup();
      linked(env);
      const second = env.FormApp.create('Second');
      second.addTextItem().setTitle('Q');
      second.setDestination(env.FormApp.DestinationType.SPREADSHEET, env.doc.id);
      expect(env.doc.sheets.map((s) => s.name)).toEqual([
        'Form Responses 2',
        'Form Responses 1',
        'Sheet1',
      ]);
      expect(env.doc.sheetByName('Form Responses 2')!.values()).toEqual([['Timestamp', 'Q']]);
    });

    it('follows its sheet by id: renaming the tab keeps the link', () => {
      const env = setup();
      const first = linked(env);
      first.sheet.name = 'Sign-ups';
      env.store.submit(first.id, { 'Student name': 'Ana', Time: '4:00 PM' });
      expect(env.doc.sheetByName('Sign-ups')!.lastRow()).toBe(2);
      expect(first.form.getDestinationId()).toBe(env.doc.id);
    });

    it('refuses an unknown spreadsheet id or another destination type', () => {
      const env = setup();
      const { form } = signupForm(env);
      expect(() => form.setDestination('SPREADSHEET', 'no-such-id')).toThrow(FORM_ERRORS.notFound);
      expect(() => form.setDestination('DOCUMENT', env.doc.id)).toThrow('Invalid argument: type');
      expect(() => form.getDestinationId()).toThrow(FORM_ERRORS.noDestination);
      expect(() => form.getDestinationType()).toThrow(FORM_ERRORS.noDestination);
      expect(env.doc.sheets).toHaveLength(1);
    });

    it('extends the header as items are added, renamed, turned on for email; deleted items keep their column', () => {
      const env = setup();
      const { form, notes, sheet } = linked(env);
      form.addScaleItem().setTitle('How ready is your child?');
      notes.setTitle('Anything else?');
      form.setCollectEmail(true);
      form.deleteItem(notes);
      form.addGridItem().setTitle('Availability').setRows(['Mon', 'Tue']).setColumns(['Yes', 'No']);
      expect(sheet.values()[0]).toEqual([
        'Timestamp',
        'Email Address',
        'Student name',
        'Time',
        'Languages',
        'Anything else?',
        'How ready is your child?',
        'Availability [Mon]',
        'Availability [Tue]',
      ]);
    });

    it('pushes columns people added to the right along rather than overwriting them', () => {
      const env = setup();
      const { form, sheet } = linked(env);
      sheet.put(1, 6, { v: 'Processed' });
      form.addTextItem().setTitle('Phone');
      expect(sheet.values()[0]).toEqual([
        'Timestamp',
        'Student name',
        'Time',
        'Languages',
        'Notes',
        'Phone',
        'Processed',
      ]);
    });

    it('writes the responses a form already has into the new sheet', () => {
      const env = setup();
      const { form, id } = signupForm(env);
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
      env.store.submit(id, { 'Student name': 'Bao', Time: '4:20 PM' });
      form.setDestination('SPREADSHEET', env.doc.id);
      const values = env.doc.sheetByName('Form Responses 1')!.values();
      expect(values.map((r) => r[1])).toEqual(['Student name', 'Ana', 'Bao']);
    });

    it('removeDestination unlinks: the sheet stays, new responses are not written', () => {
      const env = setup();
      const { form, id, sheet } = linked(env);
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
      form.removeDestination();
      env.store.submit(id, { 'Student name': 'Bao', Time: '4:00 PM' });
      expect(sheet.lastRow()).toBe(2);
      expect(() => form.getDestinationId()).toThrow(FORM_ERRORS.noDestination);
      expect(form.getResponses()).toHaveLength(2);
    });
  });

  describe('getResponses / getResponse / deleteAllResponses / deleteResponse', () => {
    it('costs ~300 ms plus ~5 ms per response and filters by timestamp', () => {
      const env = setup();
      const { form, id } = signupForm(env);
      for (let i = 0; i < 4; i++) {
        env.store.submit(id, { 'Student name': `S${i}`, Time: '4:00 PM' });
        env.ws.clock.advance(60_000);
      }
      const all = env.ws.execute({ entry: 'x' }, () => form.getResponses());
      expect(all).toHaveLength(4);
      expect(env.ws.reports[0]!.elapsedMs).toBe(320);
      expect(form.getResponses(new Date(NOW + 120_000))).toHaveLength(2);
    });

    it('gets one response by id; an unknown id throws', () => {
      const env = setup();
      const { form, id } = signupForm(env);
      const rid = env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
      expect(form.getResponse(rid).getId()).toBe(rid);
      expect(() => form.getResponse('nope')).toThrow(
        'No response with ID nope exists for this form.',
      );
    });

    it('deletes responses from the form but not rows from the sheet', () => {
      const env = setup();
      const { form, id, sheet } = linked(env);
      const a = env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
      env.store.submit(id, { 'Student name': 'Bao', Time: '4:00 PM' });
      form.deleteResponse(a);
      expect(form.getResponses()).toHaveLength(1);
      expect(form.deleteAllResponses()).toBe(form);
      expect(form.getResponses()).toHaveLength(0);
      expect(sheet.lastRow()).toBe(3);
      expect(() => form.deleteResponse(a)).toThrow(/No response with ID/);
    });
  });
});

describe('Items (https://developers.google.com/apps-script/reference/forms/item)', () => {
  it('sets title, help text and required, counted per item class', () => {
    const env = setup();
    const form = env.FormApp.create('A');
    const item = form.addTextItem();
    env.ws.execute({ entry: 'x' }, () =>
      item.setTitle('Student name').setHelpText('First and last').setRequired(true),
    );
    expect(item.getTitle()).toBe('Student name');
    expect(item.getHelpText()).toBe('First and last');
    expect(item.isRequired()).toBe(true);
    expect(env.ws.callsByMethod()['FormApp.TextItem.setRequired']).toBe(1);
  });

  describe('as...Item casts (https://developers.google.com/apps-script/reference/forms/item#asTextItem())', () => {
    it("casts a generic item to its own type, with that type's methods", () => {
      const env = setup();
      const { form } = signupForm(env);
      const time = form.getItems(env.FormApp.ItemType.MULTIPLE_CHOICE)[0]!.asMultipleChoiceItem();
      expect(time.getChoices().map((c) => c.getValue())).toEqual(['4:00 PM', '4:20 PM', '4:40 PM']);
      expect(form.getItems()[0]!.asTextItem().isRequired()).toBe(true);
    });

    it('throws on the wrong type, and a generic Item has no type-specific methods', () => {
      const env = setup();
      const { form } = signupForm(env);
      const generic = form.getItems()[0]!;
      expect(() => generic.asMultipleChoiceItem()).toThrow(
        'Invalid conversion for item type: TEXT',
      );
      expect(() => generic.asDateTimeItem()).toThrow('Invalid conversion for item type: TEXT');
      expect((generic as unknown as Record<string, unknown>).setChoiceValues).toBeUndefined();
      form.addPageBreakItem().setTitle('Page 2');
      expect(() => form.getItems()[4]!.asListItem()).toThrow(
        'Invalid conversion for item type: PAGE_BREAK',
      );
    });
  });

  describe('choices (https://developers.google.com/apps-script/reference/forms/multiple-choice-item)', () => {
    it('sets choice values or Choice objects and reads them back', () => {
      const env = setup();
      const form = env.FormApp.create('A');
      const list = form.addListItem().setTitle('Teacher');
      list.setChoices([list.createChoice('Ms. Rivera'), list.createChoice('Mr. Okafor')]);
      expect(list.getChoices().map((c) => c.getValue())).toEqual(['Ms. Rivera', 'Mr. Okafor']);
      expect(list.getChoices()[0]!.isCorrectAnswer()).toBe(false);
    });

    it('refuses blank or repeated choices', () => {
      const env = setup();
      const item = env.FormApp.create('A').addCheckboxItem();
      expect(() => item.setChoiceValues(['A', 'A'])).toThrow(FORM_ERRORS.invalidData);
      expect(() => item.setChoiceValues(['A', ' '])).toThrow(FORM_ERRORS.invalidData);
    });

    it('shows an "Other" option on multiple-choice and checkbox items', () => {
      const env = setup();
      const { time } = signupForm(env);
      expect(time.hasOtherOption()).toBe(false);
      expect(time.showOtherOption(true).hasOtherOption()).toBe(true);
    });
  });

  describe('ScaleItem (https://developers.google.com/apps-script/reference/forms/scale-item)', () => {
    it('defaults to 1..5, sets bounds and labels, refuses bounds outside 0|1 .. 3-10', () => {
      const env = setup();
      const scale = env.FormApp.create('A').addScaleItem();
      expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([1, 5]);
      scale.setBounds(0, 10).setLabels('Not at all', 'Very');
      expect([
        scale.getLowerBound(),
        scale.getUpperBound(),
        scale.getLeftLabel(),
        scale.getRightLabel(),
      ]).toEqual([0, 10, 'Not at all', 'Very']);
      expect(() => scale.setBounds(2, 5)).toThrow('Invalid argument: lower');
      expect(() => scale.setBounds(1, 11)).toThrow('Invalid argument: upper');
      expect(() => scale.setBounds(1, 2)).toThrow('Invalid argument: upper');
    });
  });

  describe('GridItem / CheckboxGridItem (https://developers.google.com/apps-script/reference/forms/grid-item)', () => {
    it('sets rows and columns', () => {
      const env = setup();
      const grid = env.FormApp.create('A')
        .addGridItem()
        .setRows(['Mon', 'Tue'])
        .setColumns(['Yes', 'No']);
      expect(grid.getRows()).toEqual(['Mon', 'Tue']);
      expect(grid.getColumns()).toEqual(['Yes', 'No']);
      expect(() => grid.setRows(['Mon', 'Mon'])).toThrow(FORM_ERRORS.invalidData);
    });
  });

  describe('DateItem (https://developers.google.com/apps-script/reference/forms/date-item)', () => {
    it('includes the year by default and can be told not to', () => {
      const env = setup();
      const date = env.FormApp.create('A').addDateItem();
      expect(date.includesYear()).toBe(true);
      expect(date.setIncludesYear(false).includesYear()).toBe(false);
    });
  });

  describe('createResponse (https://developers.google.com/apps-script/reference/forms/item-response)', () => {
    it('makes ItemResponses whose getItem and getResponse read back', () => {
      const env = setup();
      const { name, languages } = signupForm(env);
      const r = name.createResponse('Ana Lima');
      expect(r.getResponse()).toBe('Ana Lima');
      expect(r.getItem().getTitle()).toBe('Student name');
      expect(languages.createResponse(['Vietnamese', 'English']).getResponse()).toEqual([
        'English',
        'Vietnamese',
      ]);
    });

    it('refuses a value that is not a choice, unless the item has an "Other" option', () => {
      const env = setup();
      const { time, languages } = signupForm(env);
      expect(() => time.createResponse('5:00 PM')).toThrow('Invalid argument: response');
      expect(() => languages.createResponse(['Klingon'])).toThrow('Invalid argument: response');
      expect(time.showOtherOption(true).createResponse('5:00 PM').getResponse()).toBe('5:00 PM');
    });

    it('checks scale bounds and reads dates in the script time zone as yyyy-MM-dd', () => {
      const env = setup();
      const form = env.FormApp.create('A');
      const scale = form.addScaleItem();
      expect(scale.createResponse(4).getResponse()).toBe('4');
      expect(() => scale.createResponse(6)).toThrow('Invalid argument: response');
      const date = form.addDateItem();
      // 03:00 UTC on the 23rd is still the 22nd in New York.
      expect(date.createResponse(new Date(Date.UTC(2026, 10, 23, 3))).getResponse()).toBe(
        '2026-11-22',
      );
      expect(() => date.createResponse(new Date(NaN))).toThrow('Invalid argument: response');
    });

    it('takes one column per row for a grid', () => {
      const env = setup();
      const grid = env.FormApp.create('A')
        .addGridItem()
        .setRows(['Mon', 'Tue'])
        .setColumns(['Yes', 'No']);
      expect(grid.createResponse(['Yes', '']).getResponse()).toEqual(['Yes', '']);
      expect(() => grid.createResponse(['Maybe', 'No'])).toThrow('Invalid argument: response');
    });
  });
});

describe('FormResponse (https://developers.google.com/apps-script/reference/forms/form-response)', () => {
  it('builds, submits and reads back a response', () => {
    const env = setup();
    const { form, name, time, languages } = signupForm(env);
    const draft = form.createResponse();
    expect(draft.getId()).toBeNull();
    expect(() => draft.getEditResponseUrl()).toThrow(FORM_ERRORS.notSubmitted);
    const submitted = draft
      .withItemResponse(name.createResponse('Ana'))
      .withItemResponse(time.createResponse('4:20 PM'))
      .withItemResponse(languages.createResponse(['Spanish']))
      .submit();
    const [only] = form.getResponses();
    expect(only!.getId()).toBe(submitted.getId());
    expect(only!.getTimestamp()).toEqual(new Date(NOW));
    expect(only!.getRespondentEmail()).toBe('');
    expect(only!.getEditResponseUrl()).toBe(`${form.getPublishedUrl()}?edit2=${submitted.getId()}`);
  });

  it('lists item responses in item order: unanswered text as "", other unanswered questions left out', () => {
    const env = setup();
    const { form, time, languages, notes } = signupForm(env);
    const r = form.createResponse().withItemResponse(time.createResponse('4:00 PM')).submit();
    expect(r.getItemResponses().map((ir) => [ir.getItem().getTitle(), ir.getResponse()])).toEqual([
      ['Student name', ''],
      ['Time', '4:00 PM'],
      ['Notes', ''],
    ]);
    expect(r.getResponseForItem(time)!.getResponse()).toBe('4:00 PM');
    expect(r.getResponseForItem(languages)).toBeNull();
    expect(r.getResponseForItem(notes)).toBeNull();
  });

  it('refuses a second submit of the same response', () => {
    const env = setup();
    const { form, name } = signupForm(env);
    const draft = form.createResponse().withItemResponse(name.createResponse('Ana'));
    draft.submit();
    expect(() => draft.submit()).toThrow(FORM_ERRORS.alreadySubmitted);
    expect(() => form.getResponses()[0]!.submit()).toThrow(FORM_ERRORS.alreadySubmitted);
  });

  it('refuses an ItemResponse of another form', () => {
    const env = setup();
    const a = signupForm(env);
    const b = signupForm(env);
    expect(() => a.form.createResponse().withItemResponse(b.name.createResponse('x'))).toThrow(
      'Invalid argument: response',
    );
  });

  it('submitting writes the sheet row and fires the trigger; a fetched response given new answers becomes an edit', () => {
    const env = setup();
    installSheetTrigger(env);
    const { form, name, time, sheet } = linked(env);
    form
      .createResponse()
      .withItemResponse(name.createResponse('Ana'))
      .withItemResponse(time.createResponse('4:00 PM'))
      .submit();
    expect(sheet.values()[1]!.slice(1, 3)).toEqual(['Ana', '4:00 PM']);
    env.ws.clock.advance(3_600_000);
    const fetched = form.getResponses()[0]!;
    const edited = fetched.withItemResponse(time.createResponse('4:40 PM')).submit();
    expect(edited.getId()).toBe(fetched.getId());
    expect(sheet.lastRow()).toBe(2);
    expect(sheet.values()[1]!.slice(1, 3)).toEqual(['Ana', '4:40 PM']);
    expect(env.captured).toHaveLength(2);
    expect(form.getResponses()).toHaveLength(1);
  });

  it('refuses to submit once the form stops accepting responses', () => {
    const env = setup();
    const { form, name } = signupForm(env);
    form.setAcceptingResponses(false);
    expect(() =>
      form.createResponse().withItemResponse(name.createResponse('Ana')).submit(),
    ).toThrow(FORM_ERRORS.closed('Conference sign-up'));
    expect(form.getResponses()).toHaveLength(0);
  });

  it("toPrefilledUrl follows Google's format: /viewform?usp=pp_url&entry.<entryId>=<value>", () => {
    const env = setup();
    const { form, id, name, languages } = signupForm(env);
    const url = form
      .createResponse()
      .withItemResponse(name.createResponse('Ana Lima & Co'))
      .withItemResponse(languages.createResponse(['English', 'Spanish']))
      .toPrefilledUrl();
    const items = env.store.get(id)!.items;
    expect(url).toBe(
      `${form.getPublishedUrl()}?usp=pp_url&entry.${items[0]!.entryId}=Ana+Lima+%26+Co&entry.${items[2]!.entryId}=English&entry.${items[2]!.entryId}=Spanish`,
    );
  });
});

describe('A family submitting the form (FormStore.submit) and the spreadsheet form-submit event (https://developers.google.com/apps-script/guides/triggers/events#form-submit)', () => {
  it('appends a row with a Date timestamp and the answers in item order, checkboxes joined with ", "', () => {
    const env = setup();
    const { id, sheet } = linked(env);
    const rid = env.store.submit(id, {
      'Student name': 'Ana Lima',
      Time: '4:20 PM',
      Languages: ['Vietnamese', 'English'],
    });
    const row = sheet.values()[1]!;
    expect(row[0]).toBeInstanceOf(Date);
    expect((row[0] as Date).getTime()).toBe(NOW);
    expect(row.slice(1)).toEqual(['Ana Lima', '4:20 PM', 'English, Vietnamese', '']);
    expect(sheet.displayValues()[1]![0]).toBe('11/22/2026 9:30:00');
    expect(env.store.get(id)!.responses[0]).toMatchObject({
      id: rid,
      timestamp: NOW,
      answers: expect.any(Object),
      row: { row: 2 },
    });
  });

  it('fires the trigger with values, namedValues, range and triggerUid', () => {
    const env = setup();
    const trigger = installSheetTrigger(env);
    const { id } = linked(env);
    env.store.submit(id, {
      'Student name': 'Ana Lima',
      Time: '4:20 PM',
      Languages: ['English', 'Spanish'],
    });
    expect(env.captured).toHaveLength(1);
    expect(env.captured[0]).toEqual({
      values: ['11/22/2026 9:30:00', 'Ana Lima', '4:20 PM', 'English, Spanish', ''],
      namedValues: {
        Timestamp: ['11/22/2026 9:30:00'],
        'Student name': ['Ana Lima'],
        Time: ['4:20 PM'],
        Languages: ['English, Spanish'],
        Notes: [''],
      },
      range: { sheetName: 'Form Responses 1', row: 2, column: 1, numRows: 1, numColumns: 5 },
      triggerUid: trigger.uid,
      authMode: 'FULL',
    });
  });

  it('builds the range with rangeFactory when one is set', () => {
    const env = setup();
    installSheetTrigger(env);
    const { id } = linked(env);
    env.store.rangeFactory = (sheetName, row, numColumns, spreadsheetId) => ({
      a1: `'${sheetName}'!A${row}:E${row}`,
      numColumns,
      spreadsheetId,
    });
    env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
    expect(env.captured[0]!.range).toEqual({
      a1: "'Form Responses 1'!A2:E2",
      numColumns: 5,
      spreadsheetId: env.doc.id,
    });
  });

  it('does not fire triggers of other spreadsheets, and fires form triggers with FormApp objects', () => {
    const env = setup();
    const other = env.sheets.create('Other');
    env.triggers.install({
      handler: 'elsewhere',
      event: 'ON_FORM_SUBMIT',
      source: 'SPREADSHEETS',
      sourceId: other.id,
      documentId: other.id,
      user: 'x@y',
    });
    const { id } = linked(env);
    env.triggers.install({
      handler: 'onForm',
      event: 'ON_FORM_SUBMIT',
      source: 'FORMS',
      sourceId: id,
      documentId: env.doc.id,
      user: 'x@y',
    });
    env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
    expect(env.captured).toHaveLength(1);
    const event = env.captured[0] as {
      source: { getTitle(): string };
      response: { getItemResponses(): { getResponse(): unknown }[] };
    };
    expect(event.source.getTitle()).toBe('Conference sign-up');
    expect(event.response.getItemResponses()[0]!.getResponse()).toBe('Ana');
  });

  it('records the email in "Email Address" when the form collects emails, and requires one', () => {
    const env = setup();
    installSheetTrigger(env);
    const { form, id, sheet } = linked(env);
    form.setCollectEmail(true);
    expect(() => env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' })).toThrow(
      /collects email addresses/,
    );
    env.store.submit(
      id,
      { 'Student name': 'Ana', Time: '4:00 PM' },
      { email: 'parent@family.example' },
    );
    expect(sheet.values()[1]!.slice(0, 3)).toEqual([
      expect.any(Date),
      'parent@family.example',
      'Ana',
    ]);
    expect((env.captured[0]!.namedValues as Record<string, string[]>)['Email Address']).toEqual([
      'parent@family.example',
    ]);
    expect(form.getResponses()[0]!.getRespondentEmail()).toBe('parent@family.example');
  });

  it('throws a clear Error for a missing required answer, an unknown question, a bad choice or a closed form', () => {
    const env = setup();
    const { form, id } = linked(env);
    expect(() => env.store.submit(id, { Time: '4:00 PM' })).toThrow(
      '"Student name" is a required question',
    );
    expect(() =>
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM', Teacher: 'X' }),
    ).toThrow('has no question titled "Teacher"');
    expect(() => env.store.submit(id, { 'Student name': 'Ana', Time: '5:00 PM' })).toThrow(
      '"5:00 PM" is not a choice of "Time"',
    );
    expect(() =>
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM', Languages: ['Klingon'] }),
    ).toThrow('"Klingon" is not a choice of "Languages"');
    expect(() => env.store.submit(id, { 'Student name': ['A', 'B'], Time: '4:00 PM' })).toThrow(
      'takes one answer',
    );
    form.addSectionHeaderItem().setTitle('About you');
    expect(() =>
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM', 'About you': 'x' }),
    ).toThrow('takes no answer');
    form.setAcceptingResponses(false);
    expect(() => env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' })).toThrow(
      'The form Conference sign-up is no longer accepting responses.',
    );
    expect(env.store.get(id)!.responses).toHaveLength(0);
  });

  it('stores hostile text exactly, as text: never a formula', () => {
    const env = setup();
    const { form, id, sheet } = linked(env);
    form.addTextItem().setTitle('Extra');
    const hostile = [
      '=HYPERLINK("http://evil.example","click")',
      '<script>alert(1)</script>',
      '+A1',
      "'quoted",
    ];
    env.store.submit(id, {
      'Student name': hostile[0]!,
      Time: '4:00 PM',
      Notes: hostile[1]!,
      Extra: hostile[2]!,
    });
    env.store.submit(id, { 'Student name': hostile[3]!, Time: '4:00 PM' });
    const cells = [sheet.cell(2, 2), sheet.cell(2, 5), sheet.cell(2, 6), sheet.cell(3, 2)];
    expect(cells.map((c) => c!.v)).toEqual(hostile);
    expect(cells.every((c) => c!.f === undefined)).toBe(true);
    expect(sheet.displayValues()[1]![1]).toBe(hostile[0]);
  });

  it('stores numeric-looking text as a number (leading zeros go, as in Forms) unless told not to or the column is plain text', () => {
    const env = setup();
    const { id, sheet } = linked(env);
    env.store.submit(id, { 'Student name': '0123', Time: '4:00 PM' });
    expect(sheet.cell(2, 2)!.v).toBe(123);
    sheet.patch(3, 2, { nf: '@' });
    env.store.submit(id, { 'Student name': '0123', Time: '4:00 PM' });
    expect(sheet.cell(3, 2)!.v).toBe('0123');
    env.store.coerceNumericAnswers = false;
    env.store.submit(id, { 'Student name': '42', Time: '4:00 PM' });
    expect(sheet.cell(4, 2)!.v).toBe('42');
  });

  it('writes scale answers as numbers, dates as dates, grids one column per row', () => {
    const env = setup();
    const { form, id, sheet } = linked(env);
    form.addScaleItem().setTitle('Readiness').setBounds(1, 5);
    form.addDateItem().setTitle('Other day');
    form.addGridItem().setTitle('Availability').setRows(['Mon', 'Tue']).setColumns(['Yes', 'No']);
    form.addCheckboxGridItem().setTitle('Rooms').setRows(['AM', 'PM']).setColumns(['101', '102']);
    env.store.submit(id, {
      'Student name': 'Ana',
      Time: '4:00 PM',
      Readiness: '4',
      'Other day': '2026-12-01',
      Availability: ['Yes', 'No'],
      'Rooms [PM]': ['102', '101'],
    });
    const row = sheet.values()[1]!;
    expect(row.slice(5, 7)).toEqual([4, expect.any(Date)]);
    expect(sheet.displayValues()[1]!.slice(5)).toEqual([
      '4',
      '12/1/2026',
      'Yes',
      'No',
      '',
      '101, 102',
    ]);
    expect(() =>
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM', Readiness: '9' }),
    ).toThrow('not on the scale');
    expect(() =>
      env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM', 'Other day': '12/01/2026' }),
    ).toThrow('yyyy-mm-dd');
    expect(() =>
      env.store.submit(id, {
        'Student name': 'Ana',
        Time: '4:00 PM',
        'Availability [Mon]': 'Maybe',
      }),
    ).toThrow('not a column');
  });

  it('requires every row of a required grid', () => {
    const env = setup();
    const form = env.FormApp.create('Grid');
    form
      .addGridItem()
      .setTitle('Availability')
      .setRows(['Mon', 'Tue'])
      .setColumns(['Yes', 'No'])
      .setRequired(true);
    expect(() => env.store.submit(form.getId(), { 'Availability [Mon]': 'Yes' })).toThrow(
      'required',
    );
    expect(env.store.submit(form.getId(), { Availability: ['Yes', 'No'] })).toMatch(/^2_/);
  });

  describe('editing a response (editOf)', () => {
    it('rewrites the same row with the edit time, keeps earlier answers, and fires again', () => {
      const env = setup();
      installSheetTrigger(env);
      const { form, id, sheet } = linked(env);
      form.setAllowResponseEdits(true);
      const rid = env.store.submit(id, {
        'Student name': 'Ana',
        Time: '4:00 PM',
        Notes: 'Bring report card',
      });
      env.store.submit(id, { 'Student name': 'Bao', Time: '4:20 PM' });
      env.ws.clock.advance(86_400_000);
      expect(env.store.submit(id, { Time: '4:40 PM', Notes: '' }, { editOf: rid })).toBe(rid);
      expect(sheet.lastRow()).toBe(3);
      expect(sheet.values()[1]!.slice(1)).toEqual(['Ana', '4:40 PM', '', '']);
      expect((sheet.values()[1]![0] as Date).getTime()).toBe(NOW + 86_400_000);
      expect(env.captured).toHaveLength(3);
      expect(env.captured[2]!.values).toEqual(['11/23/2026 9:30:00', 'Ana', '4:40 PM', '', '']);
      expect((env.captured[2]!.range as { row: number }).row).toBe(2);
      expect(env.store.get(id)!.responses[0]!.edits).toBe(1);
    });

    it('can model an edit event carrying only the changed answers', () => {
      const env = setup();
      installSheetTrigger(env);
      const { form, id } = linked(env);
      form.setAllowResponseEdits(true);
      env.store.editEventValues = 'changed';
      const rid = env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
      env.store.submit(id, { Time: '4:20 PM' }, { editOf: rid });
      expect(env.captured[1]!.values).toEqual(['11/22/2026 9:30:00', '', '4:20 PM', '', '']);
    });

    it('refuses edits when the form does not allow them, or of an unknown response', () => {
      const env = setup();
      const { id } = linked(env);
      const rid = env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
      expect(() => env.store.submit(id, { Time: '4:20 PM' }, { editOf: rid })).toThrow(
        /does not let respondents edit/,
      );
      expect(() => env.store.submit(id, { Time: '4:20 PM' }, { editOf: 'nope' })).toThrow(
        /no response nope/,
      );
    });
  });

  it('serialises to JSON for the preview', () => {
    const env = setup();
    const { id } = linked(env);
    env.store.submit(id, { 'Student name': 'Ana', Time: '4:00 PM' });
    const json = JSON.parse(JSON.stringify(env.store)) as {
      forms: {
        title: string;
        destination: unknown;
        responses: { timestamp: string; row: number }[];
      }[];
    };
    expect(json.forms[0]).toMatchObject({
      title: 'Conference sign-up',
      destination: { spreadsheetId: env.doc.id, sheetName: 'Form Responses 1' },
      responses: [{ timestamp: new Date(NOW).toISOString(), row: 2 }],
    });
    expect(env.store.forms()).toHaveLength(1);
  });
});

describe('Prefilled links (https://developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl())', () => {
  it('round-trips answers: toPrefilledUrl → a family opens it → submitPrefilled with their changes', () => {
    const env = setup();
    const { form, id, name, time, sheet } = linked(env);
    const url = form
      .createResponse()
      .withItemResponse(name.createResponse('Ana Lima'))
      .withItemResponse(time.createResponse('4:20 PM'))
      .toPrefilledUrl();
    const rid = env.store.submitPrefilled(url, { Languages: ['Spanish'] });
    expect(sheet.values()[1]!.slice(1, 4)).toEqual(['Ana Lima', '4:20 PM', 'Spanish']);
    expect(form.getResponse(rid).toPrefilledUrl()).toBe(
      env.store.prefilledUrl(id, {
        'Student name': 'Ana Lima',
        Time: '4:20 PM',
        Languages: 'Spanish',
      }),
    );
  });

  it('carries "Other" answers and grid rows', () => {
    const env = setup();
    const { form, id, time } = signupForm(env);
    time.showOtherOption(true);
    form.addGridItem().setTitle('Availability').setRows(['Mon', 'Tue']).setColumns(['Yes', 'No']);
    const url = env.store.prefilledUrl(id, {
      'Student name': 'Ana',
      Time: 'Any evening',
      'Availability [Tue]': 'No',
    });
    expect(url).toContain('=__other_option__&entry.');
    expect(url).toContain('.other_option_response=Any+evening');
    const { answers } = env.store.readPrefilled(url);
    const items = env.store.get(id)!.items;
    expect(answers[String(items[1]!.id)]).toBe('Any evening');
    expect(answers[String(items[4]!.id)]).toEqual(['', 'No']);
  });

  it('parses links: "+" is a space, %2B a plus; checkboxes repeat; /d/<formId>/ links give the form id', () => {
    expect(
      parsePrefilledUrl(
        'https://docs.google.com/forms/d/e/1FAIpQLSabc/viewform?usp=pp_url&entry.11=a+b%2Bc&entry.22=x&entry.22=y&emailAddress=p%40f.example',
      ),
    ).toEqual({
      publishedId: '1FAIpQLSabc',
      entries: { '11': ['a b+c'], '22': ['x', 'y'] },
      email: 'p@f.example',
    });
    expect(parsePrefilledUrl('https://docs.google.com/forms/d/1abc/viewform?entry.5=z')).toEqual({
      formId: '1abc',
      publishedId: '',
      entries: { '5': ['z'] },
    });
    expect(() => parsePrefilledUrl('https://example.com/forms/d/e/x/viewform')).toThrow(
      'Not a Google Forms link',
    );
    expect(() => parsePrefilledUrl('not a url')).toThrow('Not a URL');
  });

  it('refuses a link with a value the question does not offer, and a link to no known form', () => {
    const env = setup();
    const { form, id } = signupForm(env);
    const entry = env.store.get(id)!.items[1]!.entryId;
    expect(() =>
      env.store.submitPrefilled(`${form.getPublishedUrl()}?usp=pp_url&entry.${entry}=9:00+PM`),
    ).toThrow(/Prefilled link for "Conference sign-up": "9:00 PM" is not a choice/);
    expect(() =>
      env.store.submitPrefilled(
        'https://docs.google.com/forms/d/e/1FAIpQLSnothing/viewform?usp=pp_url',
      ),
    ).toThrow('No form has the link');
  });

  it('replaces unpaired surrogates, which cannot be URL-encoded, with U+FFFD', () => {
    expect(encodePrefillValue('a\uD800b')).toBe('a%EF%BF%BDb');
  });

  it('keeps any text through toPrefilledUrl → parsePrefilledUrl, including & = + % and newlines (property)', () => {
    const env = setup();
    const form = env.FormApp.create('Round trip');
    const short = form.addTextItem().setTitle('Short');
    const long = form.addParagraphTextItem().setTitle('Long');
    const [shortState, longState] = env.store.get(form.getId())!.items;
    const tricky = fc.string({
      unit: fc.constantFrom(
        '&',
        '=',
        '+',
        '%',
        '%20',
        '\n',
        '\r\n',
        ' ',
        '#',
        '?',
        '/',
        'é',
        '😀',
        '漢',
        'a',
      ),
      minLength: 1,
    });
    const text = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1 }), tricky);
    checkProperty(
      fc.property(text, text, (a, b) => {
        const url = form
          .createResponse()
          .withItemResponse(short.createResponse(a))
          .withItemResponse(long.createResponse(b))
          .toPrefilledUrl();
        const parsed = parsePrefilledUrl(url);
        expect(parsed.entries[String(shortState!.entryId)]).toEqual([a]);
        expect(parsed.entries[String(longState!.entryId)]).toEqual([b]);
        const { answers } = env.store.readPrefilled(url);
        expect([answers[String(shortState!.id)], answers[String(longState!.id)]]).toEqual([a, b]);
      }),
      { numRuns: 300 },
    );
  });
});
