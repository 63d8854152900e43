/**
 * Component tests render inside the same providers the app uses (the words' own, WordsProvider.tsx,
 * and React Aria's for the words its components say), with a catalog chosen by the test (English
 * unless it tests a language). A missing key or a broken message fails the test instead of quietly showing the key.
 */
import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { WordsProvider } from './WordsProvider';
import { CATALOGS } from '../../../shared/i18n/catalogs';
import { DEFAULT_LOCALE, type Locale } from '../../../shared/i18n/locales';

const throwError = (error: Error): never => {
  throw error;
};

export function IntlForTests({ locale = DEFAULT_LOCALE, children }: { locale?: Locale; children: ReactNode }) {
  return (
    <WordsProvider locale={locale} messages={CATALOGS[locale]} onError={throwError}>
      <AriaI18nProvider locale={locale}>{children}</AriaI18nProvider>
    </WordsProvider>
  );
}

/** `render`, inside the provider; `rerender` keeps it (it is the wrapper). */
export function renderWithIntl(ui: ReactElement, { locale, ...options }: { locale?: Locale } & Omit<RenderOptions, 'wrapper'> = {}): RenderResult {
  return render(ui, { ...options, wrapper: ({ children }) => <IntlForTests locale={locale}>{children}</IntlForTests> });
}
