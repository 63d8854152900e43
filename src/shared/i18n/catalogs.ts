/**
 * Every word a user sees, in each language Parley speaks: one ICU MessageFormat catalog per
 * language and area (catalogs/<locale>/<area>.json), read by the renderer (intl-messageformat) and by
 * main (@formatjs/intl) alike. A key is `<area>.<name>`; English is the reference, and
 * catalogs.test.ts holds the other languages to exactly its keys and placeholders.
 */
import { AREAS as ENGLISH, EN } from './catalogs/en';
import { ZH_CN } from './catalogs/zh-CN';
import { ZH_TW } from './catalogs/zh-TW';
import type { Locale } from './locales';

type Areas = typeof ENGLISH;
/** Every message's key, `<area>.<name>`, checked by the compiler wherever one is used. */
export type MessageKey = { [A in keyof Areas & string]: `${A}.${keyof Areas[A] & string}` }[keyof Areas & string];
/** Values an ICU message takes: `{name}`, `{count, plural, …}`. */
export type MessageValues = Record<string, string | number | Date>;
/** A message to show later (a notice, an error): kept as its key and values, worded when shown. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}
export type Catalog = Readonly<Record<MessageKey, string>>;

/** Every language at once, for main and the tests. The page loads one at a time (renderer i18n/loadCatalog.ts). */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
  en: EN as Catalog,
  'zh-CN': ZH_CN as Catalog,
  'zh-TW': ZH_TW as Catalog,
};
