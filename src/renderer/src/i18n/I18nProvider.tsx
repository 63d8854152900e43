/**
 * The page's language: the one chosen in settings, else the first of the browser's (in the desktop
 * app, Chromium's languages follow the system's, as app.getLocale() does) that Parley speaks.
 * Also sets <html lang>, which screen readers and CJK font selection follow, and gives React
 * Aria the same locale for the words its components say themselves.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { ENGLISH_CATALOG, loadCatalog, type CompiledCatalog } from './loadCatalog';
import { DEFAULT_LOCALE, matchLocale, type Locale } from '../../../shared/i18n/locales';
import { PSEUDO_LOCALE, pseudoTreeCatalog } from '../../../shared/i18n/pseudoTree';
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
  const [loaded, setLoaded] = useState<Partial<Record<Locale, CompiledCatalog>>>({ en: ENGLISH_CATALOG });
  const catalog = loaded[locale];
  useEffect(() => {
    if (loaded[locale]) return;
    loadCatalog(locale).then(
      (words) => setLoaded((before) => ({ ...before, [locale]: words })),
      (error: unknown) => {
        console.warn(`Parley: the ${locale} words did not load; showing English`, error);
        setLoaded((before) => ({ ...before, [locale]: ENGLISH_CATALOG }));
      },
    );
  }, [locale, loaded]);
  const messages = useMemo(() => (pseudo ? pseudoTreeCatalog(ENGLISH_CATALOG) : catalog), [pseudo, catalog]);
  useEffect(() => {
    document.documentElement.lang = pseudo ? PSEUDO_LOCALE : locale;
  }, [locale, pseudo]);
  // A language still loading: a few milliseconds of nothing rather than a flash of English.
  if (!messages) return null;
  return (
    <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messages} onError={reportMissing}>
      <AriaI18nProvider locale={locale}>{children}</AriaI18nProvider>
    </IntlProvider>
  );
}

/** A key missing from a catalog fails catalogs.test.ts; at run time the English text is shown. */
function reportMissing(error: Error): void {
  console.warn('Parley: translation problem', error.message);
}
