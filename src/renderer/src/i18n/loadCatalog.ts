/**
 * The page's words, in parts (src/shared/i18n/pageWords.ts says which word goes where): the
 * English the home screen shows is in the first script; the rest of the English is a chunk of its
 * own, which the call screen and the desktop settings wait for before they are drawn
 * (`loadLaterEnglish`); 简体中文 and 繁體中文 are a chunk each, all their words at once, fetched
 * when chosen. Each message comes as its ICU tree, parsed when the page was built
 * (vite/compiledCatalogs.ts), so the page never parses one.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import HOME_ENGLISH from 'virtual:parley-words/en/home';
import type { Locale } from '../../../shared/i18n/locales';

/** Message key → its ICU tree, as WordsProvider.tsx takes it. */
export type CompiledCatalog = Record<string, MessageFormatElement[]>;

/** The English loaded so far: replaced (never changed in place) when the rest arrives. */
let english: CompiledCatalog = HOME_ENGLISH;
const englishListeners = new Set<() => void>();
let laterEnglish: Promise<void> | undefined;

/** The English loaded so far (for useSyncExternalStore). */
export const englishWords = (): CompiledCatalog => english;

/** Calls `listener` when more English arrives; returns how to stop. */
export function onMoreEnglish(listener: () => void): () => void {
  englishListeners.add(listener);
  return () => englishListeners.delete(listener);
}

/** The rest of the page's English, fetched once; a failed fetch is tried again by the next call. */
export function loadLaterEnglish(): Promise<void> {
  laterEnglish ??= import('virtual:parley-words/en/later').then(
    (module) => {
      english = { ...english, ...module.default };
      for (const listener of englishListeners) listener();
    },
    (error: unknown) => {
      laterEnglish = undefined;
      throw error;
    },
  );
  return laterEnglish;
}

/** `loading`, resolved once the rest of the page's English has arrived too: for a part drawn with those words. */
export function withLaterEnglish<T>(loading: Promise<T>): Promise<T> {
  return Promise.all([loading, loadLaterEnglish()]).then(([loaded]) => loaded);
}

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<CompiledCatalog>> = {
  'zh-CN': () => import('virtual:parley-words/zh-CN').then((module) => module.default),
  'zh-TW': () => import('virtual:parley-words/zh-TW').then((module) => module.default),
};

/** All of the page's words in a language other than English. */
export function loadCatalog(locale: Exclude<Locale, 'en'>): Promise<CompiledCatalog> {
  return LOADERS[locale]();
}
