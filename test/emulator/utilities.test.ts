import fc from 'fast-check';
import { checkProperty } from '../core/property';
import { createLanguageApp, pseudoTranslate } from '../../emulator/language';
import { AppsScriptException, CONSUMER_QUOTAS, Workspace } from '../../emulator/runtime';
import { createSession } from '../../emulator/session';
import { createUtilities, formatDate, parseDate } from '../../emulator/utilities';

const NY = 'America/New_York';

describe('Utilities (https://developers.google.com/apps-script/reference/utilities/utilities)', () => {
  const ws = new Workspace({ seed: 7 });
  const U = createUtilities(ws);

  describe('formatDate with SimpleDateFormat patterns', () => {
    it('formats a date in the given zone, not the machine zone', () => {
      const d = new Date(Date.UTC(2026, 10, 3, 0, 30));
      expect(U.formatDate(d, NY, 'yyyy-MM-dd HH:mm')).toBe('2026-11-02 19:30');
      expect(U.formatDate(d, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')).toBe('2026-11-03 09:30');
    });

    it('writes month and day names, 12-hour clocks and quoted literals', () => {
      const d = new Date(Date.UTC(2026, 10, 17, 20, 5));
      expect(U.formatDate(d, NY, "EEEE, MMMM d 'at' h:mm a")).toBe(
        'Tuesday, November 17 at 3:05 PM',
      );
      expect(U.formatDate(d, NY, "EEE MMM dd ''yy")).toBe("Tue Nov 17 '26");
    });

    it('prints the offset that holds on that day across daylight saving', () => {
      expect(U.formatDate(new Date(Date.UTC(2026, 2, 7, 12)), NY, 'Z')).toBe('-0500');
      expect(U.formatDate(new Date(Date.UTC(2026, 2, 9, 12)), NY, 'Z')).toBe('-0400');
      expect(U.formatDate(new Date(Date.UTC(2026, 2, 9, 12)), NY, 'XXX')).toBe('-04:00');
      expect(U.formatDate(new Date(Date.UTC(2026, 2, 9, 12)), 'UTC', 'X')).toBe('Z');
    });

    it('refuses an unknown time zone, an invalid date and an illegal pattern letter', () => {
      expect(() => U.formatDate(new Date(), 'Mars/Olympus', 'yyyy')).toThrow(
        'Invalid argument: timeZone',
      );
      expect(() => U.formatDate(new Date(NaN), NY, 'yyyy')).toThrow('Invalid argument: date');
      expect(() => U.formatDate(new Date(), NY, 'yyyy-bb')).toThrow(
        "Illegal pattern character 'b'",
      );
    });
  });

  describe('parseDate', () => {
    it('reads wall time in the zone it is given', () => {
      expect(U.parseDate('2026-11-17 15:30', NY, 'yyyy-MM-dd HH:mm').toISOString()).toBe(
        '2026-11-17T20:30:00.000Z',
      );
      expect(
        U.parseDate('11/17/2026 3:30 PM', 'America/Los_Angeles', 'MM/dd/yyyy h:mm a').toISOString(),
      ).toBe('2026-11-17T23:30:00.000Z');
    });

    it('uses an offset carried by the text over the zone', () => {
      expect(
        U.parseDate('2026-11-17T15:30:00+01:00', NY, "yyyy-MM-dd'T'HH:mm:ssXXX").toISOString(),
      ).toBe('2026-11-17T14:30:00.000Z');
    });

    it('moves a wall time skipped by the spring-forward jump an hour later, as Java does', () => {
      // 2026-03-08 02:30 does not exist in New York; it is read as 03:30 EDT.
      expect(U.parseDate('2026-03-08 02:30', NY, 'yyyy-MM-dd HH:mm').toISOString()).toBe(
        '2026-03-08T07:30:00.000Z',
      );
    });

    it('reads month names and two-digit years', () => {
      expect(U.parseDate('Nov 17, 26', 'UTC', 'MMM d, yy').toISOString()).toBe(
        '2026-11-17T00:00:00.000Z',
      );
    });

    it('throws "Unparseable date" on text that does not fit the pattern', () => {
      expect(() => U.parseDate('next Tuesday', NY, 'yyyy-MM-dd')).toThrow(AppsScriptException);
      expect(() => U.parseDate('next Tuesday', NY, 'yyyy-MM-dd')).toThrow(
        'Unparseable date: "next Tuesday"',
      );
    });

    it('round-trips formatDate for any minute in any of several zones (property)', () => {
      const zones = [
        NY,
        'America/Los_Angeles',
        'Europe/Berlin',
        'Asia/Kolkata',
        'Australia/Lord_Howe',
        'UTC',
      ];
      checkProperty(
        fc.property(
          fc.integer({ min: Date.UTC(2000, 0, 1) / 60000, max: Date.UTC(2040, 0, 1) / 60000 }),
          fc.constantFrom(...zones),
          (minute, zone) => {
            const d = new Date(minute * 60000);
            const text = formatDate(d, zone, "yyyy-MM-dd'T'HH:mm:ssXXX");
            expect(parseDate(text, zone, "yyyy-MM-dd'T'HH:mm:ssXXX").getTime()).toBe(d.getTime());
          },
        ),
      );
    });

    it('maps every wall time that exists back to itself (property)', () => {
      checkProperty(
        fc.property(
          fc.integer({ min: Date.UTC(2020, 0, 1) / 60000, max: Date.UTC(2030, 0, 1) / 60000 }),
          (minute) => {
            const d = new Date(minute * 60000);
            const wall = formatDate(d, NY, 'yyyy-MM-dd HH:mm');
            expect(
              formatDate(parseDate(wall, NY, 'yyyy-MM-dd HH:mm'), NY, 'yyyy-MM-dd HH:mm'),
            ).toBe(wall);
          },
        ),
      );
    });
  });

  describe('getUuid, digests, HMAC, base64', () => {
    it('gives version-4 UUIDs, different each time and the same for the same seed', () => {
      const a = U.getUuid();
      expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(U.getUuid()).not.toBe(a);
      expect(createUtilities(new Workspace({ seed: 7 })).getUuid()).toBe(a);
    });

    it('returns HMAC-SHA256 as signed Java bytes', () => {
      // RFC 4231 test case 2.
      const sig = U.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
      const hex = sig.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
      expect(hex).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
      expect(Math.min(...sig)).toBeLessThan(0);
      expect(sig.every((b) => b >= -128 && b <= 127)).toBe(true);
    });

    it('computes digests by algorithm and refuses an unknown one', () => {
      const md5 = U.computeDigest(U.DigestAlgorithm.MD5!, 'abc')
        .map((b) => (b & 0xff).toString(16).padStart(2, '0'))
        .join('');
      expect(md5).toBe('900150983cd24fb0d6963f7d28e17f72');
      expect(() => U.computeDigest('CRC', 'abc')).toThrow('Invalid argument: algorithm');
    });

    it('base64 round-trips text and bytes, web-safe alphabet included', () => {
      const text = 'Año ✓ /+?';
      expect(U.newBlob(U.base64Decode(U.base64Encode(text))).getDataAsString()).toBe(text);
      const safe = U.base64EncodeWebSafe(text);
      expect(safe).not.toMatch(/[+/]/);
      expect(U.newBlob(U.base64DecodeWebSafe(safe)).getDataAsString()).toBe(text);
      expect(() => U.base64Decode('not base64!')).toThrow('Could not decode string.');
    });
  });

  describe('sleep', () => {
    it('advances the virtual clock inside an execution and refuses more than five minutes', () => {
      const w = new Workspace();
      const u = createUtilities(w);
      const t0 = w.clock.now();
      w.execute({ entry: 'sleepy' }, () => u.sleep(1500));
      expect(w.clock.now() - t0).toBeGreaterThanOrEqual(1500);
      expect(w.reports[0]!.callsByMethod['Utilities.sleep']).toBe(1);
      expect(() => u.sleep(300_001)).toThrow('Invalid argument: milliseconds');
    });

    it('runs an execution past six minutes into the time limit', () => {
      const w = new Workspace();
      const u = createUtilities(w);
      expect(() =>
        w.execute({ entry: 'slow' }, () => {
          for (let i = 0; i < 3; i++) u.sleep(150_000);
        }),
      ).toThrow('Exceeded maximum execution time');
      expect(w.reports[0]!.terminated).toBe(true);
    });
  });
});

describe('Session (https://developers.google.com/apps-script/reference/base/session)', () => {
  it('names the user running the execution and the script time zone', () => {
    const ws = new Workspace({ defaultUser: 'owner@school.example' });
    const S = createSession(ws, { timeZone: () => 'America/Chicago' });
    const email = ws.execute({ entry: 'x', user: 'teacher@school.example' }, () =>
      S.getActiveUser().getEmail(),
    );
    expect(email).toBe('teacher@school.example');
    expect(S.getEffectiveUser().getEmail()).toBe('owner@school.example');
    expect(S.getScriptTimeZone()).toBe('America/Chicago');
  });

  it('hides the active user of another domain, as for consumer accounts', () => {
    const ws = new Workspace();
    const S = createSession(ws, { timeZone: () => 'UTC', sameDomainOnly: 'school.example' });
    expect(
      ws.execute({ entry: 'x', user: 'parent@gmail.example' }, () => S.getActiveUser().getEmail()),
    ).toBe('');
  });

  it('needs the userinfo.email scope to read an email', () => {
    const ws = new Workspace();
    ws.grantedScopes = new Set(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    const S = createSession(ws, { timeZone: () => 'UTC' });
    expect(() => ws.execute({ entry: 'x' }, () => S.getActiveUser().getEmail())).toThrow(
      'Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(ws.execute({ entry: 'y' }, () => S.getScriptTimeZone())).toBe('UTC');
  });

  it('gives a stable temporary key per user', () => {
    const ws = new Workspace();
    const S = createSession(ws, { timeZone: () => 'UTC' });
    const a = ws.execute({ entry: 'x', user: 'a@x.example' }, () => S.getTemporaryActiveUserKey());
    expect(
      ws.execute({ entry: 'x', user: 'a@x.example' }, () => S.getTemporaryActiveUserKey()),
    ).toBe(a);
    expect(
      ws.execute({ entry: 'x', user: 'b@x.example' }, () => S.getTemporaryActiveUserKey()),
    ).not.toBe(a);
  });
});

describe('LanguageApp (https://developers.google.com/apps-script/reference/language/language-app)', () => {
  const L = createLanguageApp(new Workspace());

  it('marks text with the target language and keeps it when source and target agree', () => {
    expect(L.translate('Your conference is on Tuesday', 'en', 'es')).toBe(
      '[es] Your conference is on Tuesday',
    );
    expect(L.translate('Hola', 'es', 'es')).toBe('Hola');
  });

  it('leaves placeholders, HTML, URLs and addresses byte for byte', () => {
    const text =
      '<p>Dear {{family}},</p> see https://school.example/a?b=1&c=2 or write office@school.example';
    const out = L.translate(text, 'en', 'vi');
    for (const piece of [
      '<p>',
      '{{family}}',
      '</p>',
      'https://school.example/a?b=1&c=2',
      'office@school.example',
    ])
      expect(out).toContain(piece);
  });

  it('never alters a protected piece, whatever the text (property)', () => {
    checkProperty(
      fc.property(fc.string(), fc.stringMatching(/^[a-z]{1,8}$/), fc.string(), (a, name, b) => {
        const out = pseudoTranslate(`${a}{{${name}}}${b}`, 'es');
        expect(out).toContain(`{{${name}}}`);
      }),
    );
  });

  it('refuses an unknown language code', () => {
    expect(() => L.translate('Hi', 'en', 'xx')).toThrow('Invalid argument: target');
    expect(() => L.translate('Hi', 'qq', 'es')).toThrow('Invalid argument: source');
  });

  // Google: "Translate calls 5,000 / day" (consumer), and past a quota "your script throws an
  // exception" (https://developers.google.com/apps-script/guides/services/quotas). Broken on
  // purpose once: without the quota's take in translate, the 5,001st call went through.
  it('throws once the day’s 5,000 translate calls of a consumer account are spent, and translates again a day later', () => {
    const ws = new Workspace({ quotas: CONSUMER_QUOTAS });
    const C = createLanguageApp(ws);
    for (let i = 0; i < 5000; i++) C.translate('Hi', 'en', 'es');
    expect(() => C.translate('Hi', 'en', 'es')).toThrow(
      'Service invoked too many times for one day: translate.',
    );
    ws.clock.advance(24 * 3600_000);
    expect(C.translate('Hi', 'en', 'es')).toBe('[es] Hi');
  });
});
