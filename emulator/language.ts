/**
 * LanguageApp: a deterministic stand-in for Google Translate.
 * Reference: https://developers.google.com/apps-script/reference/language/language-app
 *
 * Real translation is not reproducible offline, so "translating" marks the first run of prose
 * with the target language, e.g. "[es] Your conference" — enough for a test or the preview to see
 * which language a family's message went out in. What must survive translation does: HTML tags
 * and entities, URLs, e-mail addresses and {{placeholders}} come back byte for byte, because
 * code that translates templates relies on that. Unknown language codes fail as the real
 * service does ("Invalid argument"). Calls count against the daily quota of "Translate calls"
 * (https://developers.google.com/apps-script/guides/services/quotas: 5,000 a day consumer,
 * 20,000 Workspace); past it every call throws, as Apps Script does for a spent quota.
 */
import { registerLatency } from './latency';
import { AppsScriptException, type Workspace } from './runtime';

registerLatency('LanguageApp', { translate: { base: 300, perUnit: 0.05 } });

/**
 * What a call past the day's quota throws: Apps Script's wording for a spent daily quota
 * ("Service invoked too many times for one day: email." for MailApp); the service's own word
 * here is assumed (docs/EMULATOR.md row 45).
 */
export const TRANSLATE_QUOTA_MESSAGE = 'Service invoked too many times for one day: translate.';

/** Codes Google Translate accepts that matter to schools (plus a few more). */
export const LANGUAGES = new Set([
  'af',
  'am',
  'ar',
  'bn',
  'bs',
  'de',
  'en',
  'es',
  'fa',
  'fr',
  'gu',
  'ha',
  'hi',
  'hmn',
  'ht',
  'id',
  'it',
  'ja',
  'km',
  'ko',
  'lo',
  'ml',
  'mr',
  'my',
  'ne',
  'nl',
  'pa',
  'pl',
  'ps',
  'pt',
  'ro',
  'ru',
  'sm',
  'so',
  'sq',
  'sw',
  'ta',
  'te',
  'th',
  'tl',
  'to',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'yo',
  'zh',
  'zh-CN',
  'zh-TW',
  'zu',
]);

/** Pieces that are never translated. */
const PROTECTED =
  /(<[^>]*>|&[#a-zA-Z0-9]+;|\{\{[^}]*\}\}|https?:\/\/[^\s<>"]+|[^\s<>@"]+@[^\s<>@"]+\.[a-z]{2,})/g;

/** Marks the first run of prose with "[target] "; every protected piece is left as it was. */
export function pseudoTranslate(text: string, target: string): string {
  let marked = false;
  return text
    .split(PROTECTED)
    .map((piece, i) => {
      if (marked || i % 2 === 1 || !/\p{L}/u.test(piece)) return piece;
      marked = true;
      return piece.replace(/^(\s*)/, `$1[${target}] `);
    })
    .join('');
}

/**
 * What Google Translate is not promised to do (docs/EMULATOR.md row 45): keep tokens it does
 * not know as they were. Off (the default), the stand-in keeps the add-on's "[#n]" field
 * tokens; on, it rewrites them as a translator may ("[# 0]" becomes "# 0"), so a template
 * whose fields do not come back must fall back to English.
 */
export class LanguageSettings {
  losesFieldTokens = false;
}

export function createLanguageApp(ws: Workspace, settings = new LanguageSettings()) {
  return {
    translate: (
      text: string,
      sourceLanguage: string,
      targetLanguage: string,
      _options?: { contentType?: 'text' | 'html' },
    ) =>
      ws.call(
        'LanguageApp',
        'translate',
        () => {
          ws.quota.take('translateCallsPerDay', 1, TRANSLATE_QUOTA_MESSAGE);
          if (sourceLanguage !== '' && !LANGUAGES.has(sourceLanguage))
            throw new AppsScriptException('Invalid argument: source');
          if (!LANGUAGES.has(targetLanguage))
            throw new AppsScriptException('Invalid argument: target');
          const value = String(text);
          if (sourceLanguage === targetLanguage) return value;
          const out = pseudoTranslate(value, targetLanguage);
          return settings.losesFieldTokens ? out.replace(/\[#(\d+)\]/g, '# $1') : out;
        },
        { auth: 'full', size: String(text).length },
      ),
  };
}
