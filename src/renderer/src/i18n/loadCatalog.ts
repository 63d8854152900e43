/**
 * The page's words, one language at a time: English is in the first chunk (it is also every
 * other language's fallback), 简体中文 and 繁體中文 are chunks of their own, fetched when chosen
 * (from the app's own files or the host, a few milliseconds). Each message comes as its ICU tree,
 * parsed when the page was built (vite/compiledCatalogs.ts), so the page never parses one.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { EN } from '../../../shared/i18n/catalogs/en';
import type { Locale } from '../../../shared/i18n/locales';

/** Message key → its ICU tree, as react-intl takes it. */
export type CompiledCatalog = Record<string, MessageFormatElement[]>;

// The catalogs' modules are typed from their JSON text; the build hands over the trees instead.
const compiled = (catalog: Record<string, string>): CompiledCatalog => catalog as unknown as CompiledCatalog;

export const ENGLISH_CATALOG = compiled(EN);

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<CompiledCatalog>> = {
  'zh-CN': () => import('../../../shared/i18n/catalogs/zh-CN').then((module) => compiled(module.ZH_CN)),
  'zh-TW': () => import('../../../shared/i18n/catalogs/zh-TW').then((module) => compiled(module.ZH_TW)),
};

export function loadCatalog(locale: Locale): Promise<CompiledCatalog> {
  return locale === 'en' ? Promise.resolve(ENGLISH_CATALOG) : LOADERS[locale]();
}
