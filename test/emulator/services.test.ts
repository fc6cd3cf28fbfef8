import { createHtmlService, HtmlFiles } from '../../emulator/html';
import { createLockService, LOCK_TIMEOUT_MESSAGE, LockStore } from '../../emulator/lock';
import { createMailApp, MAIL_QUOTA_MESSAGE, MailOutbox } from '../../emulator/mail';
import { CONSUMER_QUOTAS, Workspace } from '../../emulator/runtime';
import { createScriptApp } from '../../emulator/script';
import { createSpreadsheetApp } from '../../emulator/sheets/app';
import { SpreadsheetStore } from '../../emulator/sheets/model';
import {
  createCacheService,
  createPropertiesService,
  KeyValueStores,
  PROPERTY_VALUE_LIMIT,
} from '../../emulator/storage';
import { TriggerStore } from '../../emulator/triggers';

function base(quotas = CONSUMER_QUOTAS) {
  const ws = new Workspace({ quotas });
  const sheets = new SpreadsheetStore(ws);
  const doc = sheets.create('School', { active: true });
  return { ws, sheets, doc };
}

describe('MailApp (https://developers.google.com/apps-script/reference/mail/mail-app)', () => {
  function mail() {
    const b = base();
    const outbox = new MailOutbox();
    return { ...b, outbox, MailApp: createMailApp(b.ws, outbox) };
  }

  describe('sendEmail', () => {
    it('sends with the (recipient, subject, body, options) form and records name and reply-to', () => {
      const { MailApp, outbox } = mail();
      MailApp.sendEmail('ana@family.example', 'Your conference', 'See you', {
        name: 'Lincoln School',
        replyTo: 'office@school.example',
        htmlBody: '<p>See you</p>',
      });
      expect(outbox.sent[0]).toMatchObject({
        to: ['ana@family.example'],
        subject: 'Your conference',
        name: 'Lincoln School',
        replyTo: 'office@school.example',
        htmlBody: '<p>See you</p>',
      });
    });

    it('sends with the message-object form, counting every to, cc and bcc address against the quota', () => {
      const { MailApp, outbox } = mail();
      MailApp.sendEmail({
        to: 'a@x.example, b@x.example',
        cc: 'c@x.example',
        subject: 's',
        body: 'b',
      });
      expect(outbox.to('b@x.example')).toHaveLength(1);
      expect(MailApp.getRemainingDailyQuota()).toBe(97);
    });

    it('refuses an invalid address and sends nothing', () => {
      const { MailApp, outbox } = mail();
      expect(() => MailApp.sendEmail('not an address', 's', 'b')).toThrow(
        'Invalid email: not an address',
      );
      expect(outbox.sent).toHaveLength(0);
    });

    it("stops at the daily quota with Apps Script's message", () => {
      const { MailApp, outbox } = mail();
      for (let i = 0; i < 100; i++) MailApp.sendEmail(`f${i}@x.example`, 's', 'b');
      expect(MailApp.getRemainingDailyQuota()).toBe(0);
      expect(() => MailApp.sendEmail('late@x.example', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
      expect(outbox.sent).toHaveLength(100);
    });

    it('refuses more than 50 recipients in one message', () => {
      const { MailApp } = mail();
      const many = Array.from({ length: 51 }, (_, i) => `p${i}@x.example`).join(',');
      expect(() => MailApp.sendEmail({ to: many, subject: 's', body: 'b' })).toThrow(
        'Limit Exceeded: Email Recipients Per Message.',
      );
    });
  });
});

describe('ScriptApp (https://developers.google.com/apps-script/reference/script/script-app)', () => {
  function script() {
    const b = base();
    const triggers = new TriggerStore(b.ws);
    return { ...b, triggers, ScriptApp: createScriptApp(b.ws, triggers, b.sheets) };
  }

  describe('newTrigger', () => {
    it('installs a form-submit trigger on the spreadsheet', () => {
      const { ScriptApp, doc } = script();
      const t = ScriptApp.newTrigger('onFamilyAnswer')
        .forSpreadsheet(doc.id)
        .onFormSubmit()
        .create();
      expect(t.getHandlerFunction()).toBe('onFamilyAnswer');
      expect(t.getEventType()).toBe('ON_FORM_SUBMIT');
      expect(t.getTriggerSourceId()).toBe(doc.id);
    });

    // https://developers.google.com/apps-script/add-ons/concepts/triggers#restrictions
    it('allows one trigger of each type per user per document, as for Editor add-ons', () => {
      const { ScriptApp, doc, triggers } = script();
      ScriptApp.newTrigger('a').forSpreadsheet(doc.id).onFormSubmit().create();
      expect(() =>
        ScriptApp.newTrigger('b').forSpreadsheet(doc.id).onFormSubmit().create(),
      ).toThrow(
        'This add-on has created too many form submit triggers in this document for this Google user account.',
      );
      expect(triggers.triggers).toHaveLength(1);
    });

    it('refuses time-driven triggers more often than hourly', () => {
      const { ScriptApp } = script();
      expect(() => ScriptApp.newTrigger('remind').timeBased().everyMinutes(30)).toThrow(
        /once an hour/,
      );
      expect(ScriptApp.newTrigger('remind').timeBased().everyHours(1).create().getEventType()).toBe(
        'CLOCK',
      );
    });
  });

  describe('getUserTriggers / deleteTrigger', () => {
    it("lists only this user's triggers in this document and deletes one", () => {
      const { ScriptApp, doc, ws } = script();
      ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
      ws.execute({ entry: 'other', user: 'teacher@school.example' }, () =>
        ScriptApp.newTrigger('remind').timeBased().everyHours(1).create(),
      );
      const mine = ScriptApp.getUserTriggers(doc.id);
      expect(mine).toHaveLength(1);
      ScriptApp.deleteTrigger(mine[0]!);
      expect(ScriptApp.getUserTriggers(doc.id)).toHaveLength(0);
      expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    });
  });

  describe('time-driven firing', () => {
    it('fires an hourly trigger once per hour as its own execution when the clock moves', () => {
      const { ScriptApp, ws, triggers } = script();
      const ran: number[] = [];
      triggers.runner = (handler, _event, opts) =>
        ws.execute({ entry: handler, user: opts.user }, () => ran.push(ws.clock.now()));
      const start = ws.clock.now();
      ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
      triggers.advanceTo(start + 3.5 * 3600_000);
      expect(ran).toHaveLength(3);
      expect(ws.reports.filter((r) => r.entry === 'remind')).toHaveLength(3);
    });

    // Reported: https://github.com/mogsdad/SheetConverter/issues/2; null document properties and
    // lock outside a document: the PropertiesService and LockService reference pages.
    it.each([false, true])(
      'with clockTriggersHaveNoDocument %s, a time-driven trigger sees the document only when off',
      (noDocument) => {
        const b = base();
        const triggers = new TriggerStore(b.ws, b.sheets);
        triggers.clockTriggersHaveNoDocument = noDocument;
        const ScriptApp = createScriptApp(b.ws, triggers, b.sheets);
        const SpreadsheetApp = createSpreadsheetApp(b.ws, b.sheets);
        const PropertiesService = createPropertiesService(b.ws, new KeyValueStores(), b.sheets);
        const LockService = createLockService(b.ws, new LockStore(b.ws), b.sheets);
        const seen: boolean[][] = [];
        triggers.runner = (handler, _event, opts) =>
          b.ws.execute({ entry: handler, user: opts.user }, () =>
            seen.push([
              SpreadsheetApp.getActiveSpreadsheet() !== null,
              PropertiesService.getDocumentProperties() !== null,
              LockService.getDocumentLock() !== null,
            ]),
          );
        ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
        ScriptApp.newTrigger('answers').forSpreadsheet(b.doc.id).onFormSubmit().create();
        triggers.advanceTo(b.ws.clock.now() + 3600_000);
        triggers.fire('ON_FORM_SUBMIT', b.doc.id, () => ({}));
        expect(seen).toEqual([Array(3).fill(!noDocument), [true, true, true]]);
        expect(b.sheets.active).toBe(b.doc);
      },
    );
  });
});

describe('PropertiesService (https://developers.google.com/apps-script/reference/properties/properties)', () => {
  function props() {
    const b = base();
    const kv = new KeyValueStores();
    return { ...b, PropertiesService: createPropertiesService(b.ws, kv, b.sheets) };
  }

  it('stores strings per document and per user', () => {
    const { PropertiesService, ws } = props();
    PropertiesService.getDocumentProperties()!.setProperty('round', 1);
    expect(PropertiesService.getDocumentProperties()!.getProperty('round')).toBe('1');
    PropertiesService.getUserProperties().setProperty('seen', 'yes');
    ws.execute({ entry: 'x', user: 'someone@else.example' }, () =>
      expect(PropertiesService.getUserProperties().getProperty('seen')).toBeNull(),
    );
  });

  it('refuses a value over 9 KB and keeps the old one', () => {
    const { PropertiesService } = props();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('k', 'old');
    expect(() => p.setProperty('k', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow(
      'Argument too large: value',
    );
    expect(p.getProperty('k')).toBe('old');
  });

  it('setProperties with deleteAllOthers replaces the whole store', () => {
    const { PropertiesService } = props();
    const p = PropertiesService.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    p.deleteProperty('c');
    expect(p.getKeys()).toEqual([]);
  });
});

describe('CacheService (https://developers.google.com/apps-script/reference/cache/cache)', () => {
  it('forgets an entry when it expires on the virtual clock', () => {
    const b = base();
    const CacheService = createCacheService(b.ws, new KeyValueStores(), b.sheets);
    const cache = CacheService.getDocumentCache()!;
    cache.put('progress', '40', 60);
    expect(cache.get('progress')).toBe('40');
    b.ws.clock.advance(61_000);
    expect(cache.get('progress')).toBeNull();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
  });
});

describe('LockService (https://developers.google.com/apps-script/reference/lock/lock)', () => {
  function locks() {
    const b = base();
    const store = new LockStore(b.ws);
    return { ...b, store, LockService: createLockService(b.ws, store, b.sheets) };
  }

  it('gives the lock to one execution and releases it when the execution ends', () => {
    const { ws, LockService, store } = locks();
    ws.execute({ entry: 'first' }, () => {
      expect(LockService.getDocumentLock()!.tryLock(1000)).toBe(true);
      expect(store.held.size).toBe(1);
    });
    expect(store.held.size).toBe(0);
  });

  it('makes a second execution wait its timeout and fail while another holds the lock', () => {
    const { ws, LockService, store, doc } = locks();
    store.holdForAnother(LockStore.documentKey(doc.id), ws.clock.now() + 60_000);
    ws.execute({ entry: 'second' }, () => {
      const before = ws.clock.now();
      expect(LockService.getDocumentLock()!.tryLock(5000)).toBe(false);
      expect(ws.clock.now() - before).toBeGreaterThanOrEqual(5000);
      expect(() => LockService.getDocumentLock()!.waitLock(5000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    });
  });

  it('acquires once the other holder lets go within the timeout', () => {
    const { ws, LockService, store, doc } = locks();
    store.holdForAnother(LockStore.documentKey(doc.id), ws.clock.now() + 2000);
    ws.execute({ entry: 'patient' }, () => {
      LockService.getDocumentLock()!.waitLock(30_000);
      expect(LockService.getDocumentLock()!.hasLock()).toBe(true);
    });
  });

  it('blocks a trigger that fires while the running execution holds the lock', () => {
    const { ws, LockService } = locks();
    let nested: boolean | null = null;
    ws.execute({ entry: 'outer' }, () => {
      LockService.getDocumentLock()!.waitLock(1000);
      ws.execute(
        { entry: 'trigger' },
        () => (nested = LockService.getDocumentLock()!.tryLock(100)),
      );
    });
    expect(nested).toBe(false);
  });
});

describe('HtmlService (https://developers.google.com/apps-script/reference/html/html-service)', () => {
  function html() {
    const b = base();
    const files = new HtmlFiles();
    files.files.set('Sidebar', '<h1>Hello</h1>');
    files.files.set(
      'Letter',
      '<p>Dear <?= name ?>, <?!= raw ?></p><? for (var i = 0; i < 2; i++) { ?>*<? } ?>',
    );
    return { ...b, HtmlService: createHtmlService(b.ws, files) };
  }

  it('creates an output from a project file and sets its title', () => {
    const { HtmlService } = html();
    const out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Student-Led Conferences');
    expect(out.getContent()).toBe('<h1>Hello</h1>');
    expect(out.getTitle()).toBe('Student-Led Conferences');
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  it('evaluates templates: <?= ?> escapes, <?!= ?> does not, <? ?> runs code', () => {
    const { HtmlService } = html();
    const t = HtmlService.createTemplateFromFile('Letter');
    t.name = '<script>alert(1)</script>';
    t.raw = '<b>ok</b>';
    expect((t.evaluate as () => { getContent(): string })().getContent()).toBe(
      '<p>Dear &lt;script&gt;alert(1)&lt;/script&gt;, <b>ok</b></p>**',
    );
  });

  it('escapes text appended as untrusted', () => {
    const { HtmlService } = html();
    expect(HtmlService.createHtmlOutput('<p>').appendUntrusted('<i>x</i>').getContent()).toBe(
      '<p>&lt;i&gt;x&lt;/i&gt;',
    );
  });
});
