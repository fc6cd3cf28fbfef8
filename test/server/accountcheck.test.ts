/**
 * "Check this Google account" on the built bundle: each behaviour it can try, under both
 * settings of every emulator switch that models an unsettled Google behaviour
 * (docs/EMULATOR.md), and nothing left behind but the one closed form it must say it left.
 */
import { FORMS_UNPUBLISHED_FROM } from '../../emulator/forms';
import { openSchool, type School } from '../../preview/school';

const NAME = 'Student-Led Conferences — account check (safe to delete)';
/** Where the check keeps its form's id (src/workspace/accountcheck.ts). */
const CHECK_FORM_KEY = 'slc:accountcheck:form';
const ME = 'coordinator@lincoln.school.example';

interface Switch {
  name: string;
  set: (s: School) => void;
}

const SWITCHES: Switch[] = [
  {
    name: 'addGuestSendsInvite off',
    set: (s) => (s.emulator.calendar.addGuestSendsInvite = false),
  },
  {
    name: 'clockTriggersHaveNoDocument on',
    set: (s) => (s.emulator.triggers.clockTriggersHaveNoDocument = true),
  },
  {
    name: 'forms start unpublished',
    set: (s) => (s.emulator.forms.unpublishedFrom = FORMS_UNPUBLISHED_FROM),
  },
  {
    name: 'Calendar allows 2 writes a minute',
    set: (s) => (s.emulator.calendar.writesPerMinute = 2),
  },
  {
    name: "the script's time zone unlike the spreadsheet's",
    set: (s) => (s.emulator.session.scriptTimeZone = 'Asia/Tokyo'),
  },
  {
    name: 'tab names compare exactly',
    set: (s) => (s.emulator.spreadsheet.sheetNamesIgnoreCase = false),
  },
];

/** What the check must leave as it found it: calendars, live events, triggers, every property. */
function state(s: School) {
  return JSON.stringify({
    calendars: s.emulator.calendar.calendars().map((c) => c.id),
    events: s.emulator.calendar.events().map((e) => e.id),
    triggers: s.emulator.triggers.triggers,
    // The id of the check's own form, kept so the next check uses it again, is the one addition.
    properties: [...s.emulator.kv.properties]
      .map(([k, v]) => [k, [...v].filter(([key]) => key !== CHECK_FORM_KEY)] as const)
      .filter(([, v]) => v.length > 0),
  });
}

function check(prepare: (s: School) => void, quotaReset?: 'pacific-midnight') {
  const s = openSchool({ students: 6, ...(quotaReset ? { quotaReset } : {}) });
  prepare(s);
  // A teacher who already runs hourly reminders (their one clock trigger in this document).
  s.emulator.globals.ScriptApp.newTrigger('sendDueReminders').timeBased().everyHours(1).create();
  const before = state(s);
  const forms = s.emulator.forms.forms().length;
  s.bundle.run('checkThisAccount');
  const dialog = s.emulator.sheets.ui.dialogs.at(-1)!;
  const report = /<textarea id="report" readonly>([\s\S]*?)<\/textarea>/
    .exec(dialog.html)![1]!
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { s, before, forms, dialog, report };
}

interface Setting {
  label: string;
  prepare: (s: School) => void;
  quotaReset?: 'pacific-midnight';
}

describe.each<Setting>([
  { label: 'as the emulator runs by default', prepare: () => undefined },
  ...SWITCHES.map((w) => ({ label: `with ${w.name}`, prepare: w.set })),
  {
    label: 'with quotas renewing at midnight Pacific',
    prepare: () => undefined,
    quotaReset: 'pacific-midnight' as const,
  },
])('Check this Google account, $label', ({ prepare, label, quotaReset }) => {
  it('reports each check in plain words, in a dialog with a copyable plain-text report, and leaves nothing behind but one closed, empty form it names and uses again next time', () => {
    const { s, before, forms, dialog, report } = check(prepare, quotaReset);
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Check this Google account' });
    expect(dialog.html).toContain('Copy report');
    for (const line of [
      `[OK] Account: Running as ${ME}.`,
      '[OK] This spreadsheet:',
      '[OK] Email: Google lets this account email 1500 more recipients now',
      '[OK] Triggers: A trigger was installed, listed and removed.',
      '[OK] Google Calendar: A calendar and a private event were made and read back.',
      '[OK] A deleted event: Once deleted, an event is no longer found by its ID',
      `[LOOK] Invitations: Look in your inbox`,
      '[OK] Google Forms: ',
      `[LOOK] Left behind: One empty, closed form named "${NAME}"`,
    ])
      expect(report).toContain(line);
    expect(report).not.toContain('[PROBLEM]');
    // Stamped in the spreadsheet's zone (the school's), whatever the script's own zone is.
    const stamp = new Intl.DateTimeFormat('sv-SE', {
      timeZone: s.emulator.spreadsheet.timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(s.emulator.ws.clock.now()));
    expect(report.split('\n')[0]).toBe(`Student-Led Conferences: account check, ${stamp}`);
    expect(report).toContain(
      label.includes('unpublished')
        ? 'A new form starts unpublished'
        : 'A new form starts published',
    );
    // Nothing left behind: calendars, events, triggers and properties as before.
    expect(state(s)).toBe(before);
    const made = s.emulator.forms.forms().slice(forms);
    expect(made.map((f) => [f.title, f.acceptingResponses, f.responses.length])).toEqual([
      [NAME, false, 0],
    ]);
    // The question only a mailbox answers: Google's invitation to the "+added" alias, or none.
    const added = s.emulator.calendar.invitations.filter(
      (i) => i.to === 'coordinator+slc-added@lincoln.school.example' && i.kind === 'invite',
    );
    expect(added).toHaveLength(label.includes('addGuestSendsInvite off') ? 0 : 1);
    expect(s.emulator.mail.sent).toEqual([]);

    // Checked again (the IT person runs it after a fix): the same form is used, nothing more is
    // left, and the finding about new forms is still reported.
    s.bundle.run('checkThisAccount');
    const again = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    expect(again).not.toContain('[PROBLEM]');
    expect(again).toContain('[OK] Google Forms: ');
    expect(again).toContain(
      label.includes('unpublished')
        ? 'A new form starts unpublished'
        : 'A new form starts published',
    );
    expect(state(s)).toBe(before);
    expect(
      s.emulator.forms
        .forms()
        .slice(forms)
        .map((f) => [f.title, f.acceptingResponses, f.responses.length]),
    ).toEqual([[NAME, false, 0]]);
  });
});

describe('Check this Google account after its form was deleted in Drive', () => {
  it('makes one new form and reports as before (a form still in the trash, if Google opens it, is simply used again)', () => {
    const { s, forms } = check(() => undefined);
    const first = s.emulator.forms.forms().slice(forms);
    expect(first).toHaveLength(1);
    // The person deletes it in Drive, as the report asks.
    s.emulator.forms.delete(first[0]!.id);
    s.bundle.run('checkThisAccount');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    expect(html).not.toContain('[PROBLEM]');
    expect(html).toContain('[OK] Google Forms: A new form starts published, and once published');
    const now = s.emulator.forms.forms().slice(forms);
    expect(now.map((f) => [f.title, f.acceptingResponses, f.responses.length])).toEqual([
      [NAME, false, 0],
    ]);
    expect(now[0]!.id).not.toBe(first[0]!.id);
  });
});

describe('Check this Google account when Google refuses', () => {
  it('says what failed, and still removes the calendar and the trigger it made', () => {
    const s = openSchool({ students: 6 });
    const before = state(s);
    s.emulator.ws.injectFault({ method: 'CalendarApp.CalendarEvent.deleteEvent', kind: 'throw' });
    s.emulator.ws.injectFault({ method: 'ScriptApp.getUserTriggers', kind: 'throw' });
    s.bundle.run('checkThisAccount');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    expect(html).toContain('[PROBLEM] Google Calendar: Calendar refused a step');
    expect(html).toContain('[PROBLEM] Triggers: Installing a test trigger failed');
    expect(state(s)).toBe(before);
  });
});
