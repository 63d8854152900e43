/**
 * Main's own words (menus, dialogs), from the same catalogs as the page, in the system's language:
 * app.getLocale() and the system's preferred languages, matched to one Parley speaks.
 */
import { createIntl, createIntlCache } from '@formatjs/intl';
import { CATALOGS, type MessageKey, type MessageValues } from '../shared/i18n/catalogs';
import { DEFAULT_LOCALE, matchLocale, type Locale } from '../shared/i18n/locales';

export type MainText = ((key: MessageKey, values?: MessageValues) => string) & { locale: Locale };

const cache = createIntlCache();

export function createMainText(preferred: readonly string[]): MainText {
  const locale = matchLocale(preferred);
  const intl = createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages: CATALOGS[locale] }, cache);
  const text = (key: MessageKey, values?: MessageValues): string => intl.formatMessage({ id: key }, values) as string;
  return Object.assign(text, { locale });
}
