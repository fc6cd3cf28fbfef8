/**
 * Each language as its speakers write it ("Español", "Français", "العربية"): what a form in a
 * language other than English lists, since a family looks for its own language by its own name,
 * and an English name on a Spanish form is a word the family may not read. Each name is also one
 * the Roster and the forms' answers read back (LANGUAGE_NAMES), so an answer is never lost.
 */
export const OWN_LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
  vi: 'Tiếng Việt',
  zh: '中文',
  ar: 'العربية',
  so: 'Soomaali',
  ht: 'Kreyòl',
  ru: 'Русский',
  uk: 'Українська',
  ko: '한국어',
  tl: 'Filipino',
  hmn: 'Hmoob',
  ne: 'नेपाली',
  sw: 'Kiswahili',
  ps: 'پښتو',
  fa: 'فارسی',
  ur: 'اردو',
  hi: 'हिन्दी',
  bn: 'বাংলা',
  pl: 'Polski',
  de: 'Deutsch',
  it: 'Italiano',
  ja: '日本語',
  am: 'አማርኛ',
  ti: 'ትግርኛ',
  my: 'မြန်မာ',
  km: 'ខ្មែរ',
  ro: 'Română',
  tr: 'Türkçe',
};
