/**
 * The page's words, one language at a time: English is in the first chunk (it is also every
 * other language's fallback), 简体中文 and 繁體中文 are chunks of their own, fetched when chosen
 * (from the app's own files or the host, a few milliseconds).
 */
import type { Catalog } from '../../../shared/i18n/catalogs';
import { EN } from '../../../shared/i18n/catalogs/en';
import type { Locale } from '../../../shared/i18n/locales';

export const ENGLISH_CATALOG = EN as Catalog;

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  'zh-CN': () => import('../../../shared/i18n/catalogs/zh-CN').then((module) => module.ZH_CN as Catalog),
  'zh-TW': () => import('../../../shared/i18n/catalogs/zh-TW').then((module) => module.ZH_TW as Catalog),
};

export function loadCatalog(locale: Locale): Promise<Catalog> {
  return locale === 'en' ? Promise.resolve(ENGLISH_CATALOG) : LOADERS[locale]();
}
