/**
 * The languages Parley speaks, and how a list of preferred languages (the system's, the
 * browser's) picks one. Chinese is told apart by script: Traditional for zh-Hant and the regions
 * that write it (Taiwan, Hong Kong, Macau), Simplified for the rest.
 */
export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words: what a settings menu lists, never translated. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
};

export const DEFAULT_LOCALE: Locale = 'en';

/** The pseudo-locale for layout checks (pseudoTree.ts): chosen only by setting the language to it. */
export const PSEUDO_LOCALE = 'en-XA';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first preferred language Parley has, by BCP 47 tag ("zh-Hant-HK", "zh_TW", "en-GB"…). */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const parts = tag.replace(/_/g, '-').toLowerCase().split('-');
    if (parts[0] === 'en') return 'en';
    if (parts[0] !== 'zh') continue;
    if (parts.includes('hant') || parts.some((part) => ['tw', 'hk', 'mo'].includes(part))) return parts.includes('hans') ? 'zh-CN' : 'zh-TW';
    return 'zh-CN';
  }
  return DEFAULT_LOCALE;
}
