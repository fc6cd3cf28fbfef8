/**
 * Settings a person (or a forged request) might send: keys every object inherits, a misspelt
 * time zone, line breaks and control characters in the fields that head every email.
 */
import {
  defaultSettings,
  knownTimeZone,
  settingsErrorText,
  usableSettings,
  validateSettings,
  type Settings,
} from '../../src/core/settings';

const GOOD = defaultSettings('Lincoln Elementary', 'America/New_York');

function check(change: Record<string, unknown>) {
  return validateSettings({ ...GOOD, ...change } as unknown as Record<string, unknown>);
}

/** What the coordinator reads when the change is refused. */
function refusal(change: Record<string, unknown>): string {
  const checked = check(change);
  expect(checked.settings).toBeNull();
  return settingsErrorText(checked.errors);
}

describe('validateSettings', () => {
  describe('keys every object inherits', () => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
      'refuses "%s" as the default language',
      (code) => {
        expect(refusal({ defaultLanguage: code })).toContain(
          `Default language "${code}" is not a language code the add-on knows.`,
        );
      },
    );

    it('refuses them as interpreter languages, naming each, and keeps none', () => {
      const interpreters = JSON.parse('{"es": 2, "__proto__": 1, "constructor": 1, "toString": 3}');
      const text = refusal({ interpreters });
      for (const code of ['__proto__', 'constructor', 'toString'])
        expect(text).toContain(`Interpreters "${code}" is not a language code the add-on knows.`);
      expect(text).not.toContain('"es"');
    });

    it('refuses them as settings, by name (not "[object Object]")', () => {
      // As the request arrives: parsed JSON, where "__proto__" is a key of its own.
      const input = JSON.parse(
        JSON.stringify(GOOD).replace(/^\{/, '{"__proto__": {"x": 1}, "constructor": 1, '),
      ) as Record<string, unknown>;
      const checked = validateSettings(input);
      expect(checked.settings).toBeNull();
      expect(settingsErrorText(checked.errors)).toBe(
        '"__proto__" is not a setting. "constructor" is not a setting.',
      );
    });

    it('does not take a setting from an inherited key', () => {
      const inherited = Object.create({ schoolName: 'Lincoln Elementary' }) as Record<
        string,
        unknown
      >;
      Object.assign(inherited, { ...GOOD });
      delete inherited.schoolName;
      expect(settingsErrorText(validateSettings(inherited).errors)).toBe(
        'School name must be text.',
      );
    });
  });

  describe('the time zone', () => {
    it('refuses a misspelt zone, saying what is wrong and giving an example', () => {
      expect(refusal({ timeZone: 'America/New_Yrok' })).toBe(
        'Time zone "America/New_Yrok" is not a time zone name (check its spelling); choose one from the list, such as America/New_York.',
      );
    });

    it.each(['EST', '+05:00', 'Mars/Olympus_Mons', 'constructor', 'America/New_York/Extra'])(
      'refuses "%s"',
      (zone) => {
        expect(check({ timeZone: zone }).settings).toBeNull();
      },
    );

    it.each([
      ['America/New_York', 'America/New_York'],
      ['america/new_york', 'America/New_York'],
      ['Asia/Kolkata', 'Asia/Kolkata'],
      ['Europe/Kyiv', 'Europe/Kyiv'],
      ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
      ['UTC', 'UTC'],
    ])('accepts %s as %s', (zone, saved) => {
      expect(check({ timeZone: zone }).settings?.timeZone).toBe(saved);
      expect(knownTimeZone(zone)).toBe(saved);
    });
  });

  describe('control characters', () => {
    it.each([
      ['senderName', 'Ms. Rivera\r\nBcc: everyone@evil.example', 'Sender name'],
      ['replyTo', 'office@lincoln.example\nBcc: everyone@evil.example', 'Reply-to'],
      ['schoolName', 'Lincoln\u0000 Elementary', 'School name'],
    ])('refuses a line break or NUL in %s, which heads every email', (field, value, label) => {
      expect(refusal({ [field]: value })).toBe(
        `${label} cannot contain a line break or another control character (it goes in the heading of every email); write it on one line.`,
      );
    });

    it.each([
      ['roundName', 'Fall\t2026', 'Round'],
      ['calendarName', 'Conferences\u001b[31m', 'Calendar'],
      ['roundName', 'Fall\u0085 2026', 'Round'],
    ])('refuses a tab, escape or C1 control in %s', (field, value, label) => {
      expect(refusal({ [field]: value })).toBe(
        `${label} cannot contain a line break, a tab or another control character; write it on one line.`,
      );
    });

    it('keeps names in every script, with their accents and spaces', () => {
      const settings = check({
        schoolName: 'École Saint-Exupéry — 北京 Ñandú',
        senderName: 'Sra. Núñez',
      }).settings;
      expect(settings).toMatchObject({
        schoolName: 'École Saint-Exupéry — 北京 Ñandú',
        senderName: 'Sra. Núñez',
      });
    });
  });
});

describe('usableSettings', () => {
  it('replaces only the field that no longer passes (a zone saved misspelt), keeping the rest', () => {
    const stored: Partial<Settings> = {
      ...GOOD,
      timeZone: 'America/New_Yrok',
      roundName: 'Spring 2027',
      senderName: 'Ms. Rivera',
    };
    const defaults = defaultSettings('Lincoln Elementary', 'America/Chicago');
    expect(usableSettings(stored as Record<string, unknown>, defaults)).toMatchObject({
      timeZone: 'America/Chicago',
      roundName: 'Spring 2027',
      senderName: 'Ms. Rivera',
    });
  });
});
