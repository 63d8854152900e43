/**
 * The page's language: the one chosen in settings, else the first of the browser's (in the desktop
 * app, Chromium's languages follow the system's, as app.getLocale() does) that Parley speaks.
 * Also sets <html lang>, which screen readers and CJK font selection follow, and gives React
 * Aria the same locale for the words its components say themselves.
 */
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { englishWords, loadCatalog, onMoreEnglish, type CompiledCatalog } from './loadCatalog';
import { WordsProvider } from './WordsProvider';
import { DEFAULT_LOCALE, matchLocale, PSEUDO_LOCALE, type Locale } from '../../../shared/i18n/locales';
import { useParley } from '../store';

export function systemLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Locale {
  return matchLocale(languages);
}

export function useLocale(): Locale {
  const chosen = useParley((state) => state.language);
  if (chosen === PSEUDO_LOCALE) return DEFAULT_LOCALE;
  return chosen === 'system' ? systemLocale() : chosen;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const pseudo = useParley((state) => state.language === PSEUDO_LOCALE);
  // English grows when its later part arrives; a synchronous store, so the screens waiting for
  // those words (loadLaterEnglish) are drawn with them.
  const english = useSyncExternalStore(onMoreEnglish, englishWords);
  const [loaded, setLoaded] = useState<Partial<Record<Exclude<Locale, 'en'>, CompiledCatalog | 'failed'>>>({});
  useEffect(() => {
    if (locale === 'en' || loaded[locale]) return;
    loadCatalog(locale).then(
      (words) => setLoaded((before) => ({ ...before, [locale]: words })),
      (error: unknown) => {
        console.warn(`Parley: the ${locale} words did not load; showing English`, error);
        setLoaded((before) => ({ ...before, [locale]: 'failed' }));
      },
    );
  }, [locale, loaded]);
  const other = locale === 'en' ? english : loaded[locale];
  const catalog = other === 'failed' ? english : other;
  const pseudoTree = usePseudoTree(pseudo);
  const messages = useMemo(() => (pseudo ? pseudoTree?.pseudoTreeCatalog(english) : catalog), [pseudo, pseudoTree, english, catalog]);
  useEffect(() => {
    document.documentElement.lang = pseudo ? PSEUDO_LOCALE : locale;
  }, [locale, pseudo]);
  // A language still loading: a few milliseconds of nothing rather than a flash of English.
  if (!messages) return null;
  return (
    <WordsProvider locale={locale} messages={messages} onError={reportMissing}>
      <AriaI18nProvider locale={locale}>{children}</AriaI18nProvider>
    </WordsProvider>
  );
}

type PseudoTree = typeof import('../../../shared/i18n/pseudoTree');

/**
 * The pseudo-locale's rewriting, fetched when that language is chosen (only layout checks choose
 * it); once here, the words are rewritten in the same render as English grows.
 */
function usePseudoTree(pseudo: boolean): PseudoTree | null {
  const [module, setModule] = useState<PseudoTree | null>(null);
  useEffect(() => {
    if (!pseudo || module) return;
    let current = true;
    import('../../../shared/i18n/pseudoTree').then(
      (loaded) => current && setModule(loaded),
      (error: unknown) => console.warn('Parley: the pseudo-locale did not load', error),
    );
    return () => {
      current = false;
    };
  }, [pseudo, module]);
  return module;
}

/** A key missing from a catalog fails catalogs.test.ts; at run time the key is shown (and e2e tests fail on this warning). */
function reportMissing(error: Error): void {
  console.warn('Parley: translation problem', error.message);
}
