/**
 * What the sidebar sends, as a forged or careless request could send it, on the built bundle:
 * every input is checked before anything is saved, and the refusal names what was wrong.
 */
import { openSchool } from '../../preview/school';
import { ok, run } from './calls';
import type { Result, Settings, SettingsView, TemplateView } from '../../src/shared/api';

type School = ReturnType<typeof openSchool>;

function school(): School {
  const s = openSchool({ students: 12 });
  run(s, 'setup');
  return s;
}

function settingsOf(s: School): Settings {
  return ok<SettingsView>(s.bundle.callFromClient('getSettings', [])).settings;
}

/** The refusal's message; fails the test when the call succeeded. */
function refused(result: unknown): string {
  const r = result as Result<unknown>;
  if (r.ok) throw new Error('expected the call to be refused');
  return r.error.message;
}

describe('saving the settings', () => {
  it('refuses a misspelt time zone with an example, and keeps the zone that works', () => {
    const s = school();
    const before = settingsOf(s);
    const message = refused(
      s.bundle.callFromClient('saveSettings', [{ ...before, timeZone: 'America/New_Yrok' }]),
    );
    expect(message).toContain('"America/New_Yrok" is not a time zone name');
    expect(message).toContain('America/New_York');
    expect(settingsOf(s).timeZone).toBe(before.timeZone);
  });

  it('refuses a sender name that would add a Bcc line to every email', () => {
    const s = school();
    const message = refused(
      s.bundle.callFromClient('saveSettings', [
        { ...settingsOf(s), senderName: 'Ms. Rivera\r\nBcc: everyone@evil.example' },
      ]),
    );
    expect(message).toMatch(/^Sender name cannot contain a line break/);
    expect(settingsOf(s).senderName).toBe('');
  });

  it('names "__proto__" sent as an interpreter language, instead of dropping it', () => {
    const s = school();
    // As the sidebar sends "es: 2, __proto__: 1": a key of its own, not the object's prototype.
    const interpreters = JSON.parse('{"es": 2, "__proto__": 1}') as unknown;
    const message = refused(
      s.bundle.callFromClient('saveSettings', [{ ...settingsOf(s), interpreters }]),
    );
    expect(message).toBe('Interpreters "__proto__" is not a language code the add-on knows.');
    expect(settingsOf(s).interpreters).toEqual({});
  });

  it('names a "__proto__" key sent as a setting', () => {
    const s = school();
    const forged = JSON.parse(
      JSON.stringify(settingsOf(s)).replace(/^\{/, '{"__proto__": {"isAdmin": true}, '),
    ) as unknown;
    expect(refused(s.bundle.callFromClient('saveSettings', [forged]))).toBe(
      '"__proto__" is not a setting.',
    );
  });
});

describe('saving a message template', () => {
  const body = 'Dear {{family}},\n\n\tyour conference is on {{date}} at {{time}}.';

  it('refuses a subject with a line break, which would start a header of its own', () => {
    const s = school();
    const message = refused(
      s.bundle.callFromClient('saveTemplate', [
        'reminder',
        'en',
        { subject: 'Reminder\r\nBcc: everyone@evil.example', body },
      ]),
    );
    expect(message).toContain('template.subject contains a line break');
  });

  it('refuses a NUL in the body, and keeps line breaks and tabs', () => {
    const s = school();
    const message = refused(
      s.bundle.callFromClient('saveTemplate', [
        'reminder',
        'en',
        { subject: 'Reminder for {{family}}', body: `${body}\u0000` },
      ]),
    );
    expect(message).toContain('template.body contains a control character');
    ok(
      s.bundle.callFromClient('saveTemplate', [
        'reminder',
        'en',
        { subject: 'Reminder for {{family}}', body },
      ]),
    );
    const view = ok<TemplateView>(s.bundle.callFromClient('getTemplate', ['reminder', 'en']));
    expect(view.template.body).toBe(body);
  });

  it.each(['__proto__', 'constructor', 'toString'])('refuses "%s" as a language', (language) => {
    const s = school();
    expect(refused(s.bundle.callFromClient('getTemplate', ['reminder', language]))).toContain(
      'invalid language',
    );
  });
});
