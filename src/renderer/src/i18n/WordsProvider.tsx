/**
 * The page's words in its language: each ICU message formatted by intl-messageformat, formatjs's
 * engine (the one react-intl wraps), behind a provider of our own. react-intl's provider builds
 * every formatter formatjs has (dates, lists, relative times, display names, plurals) to offer
 * formatMessage; the page uses formatMessage alone (i18n/format.ts calls Intl itself), and
 * without them the first script is about 4 KB gzip smaller (docs/PERFORMANCE.md, "Less to load").
 *
 * As react-intl does: a missing key or a message that cannot be formatted is reported and shows
 * its key; the parts of a message with markup get React keys.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { Children, createContext, Fragment, isValidElement, useContext, useMemo, type ReactNode } from 'react';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A message as the page holds it, its ICU tree (as built); tests may give the text. */
export type WordsCatalog = Readonly<Record<string, MessageFormatElement[] | string>>;

/** A value for a placeholder, or a function for a tag (`<b>{room}</b>`), given the tag's contents. */
export type WordValue = string | number | Date | ((chunks: ReactNode[]) => ReactNode);

export interface Words {
  locale: string;
  /** The message in the page's language: a string, or React nodes when a tag made some. */
  format(key: string, values?: Readonly<Record<string, WordValue>>): string | ReactNode[];
}

const WordsContext = createContext<Words | null>(null);

/** The parts a tag or a message made, each element keyed (React asks it of arrays). */
const keyed = (parts: ReactNode[]): ReactNode[] => Children.toArray(parts).map((part, index) => (isValidElement(part) ? <Fragment key={index}>{part}</Fragment> : part));

function keyedTags(values: Readonly<Record<string, WordValue>> | undefined): Record<string, unknown> | undefined {
  if (!values) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) out[name] = typeof value === 'function' ? (chunks: ReactNode[]) => value(keyed(chunks)) : value;
  return out;
}

export function makeWords(locale: string, messages: WordsCatalog, onError: (error: Error) => void): Words {
  // One formatter per message, made when first shown: making one costs more than using it.
  const formatters = new Map<string, IntlMessageFormat>();
  return {
    locale,
    format(key, values) {
      const message = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
      if (message === undefined) {
        onError(new Error(`Missing message: "${key}" for locale "${locale}", using id as fallback.`));
        return key;
      }
      // The usual case, a plain sentence: no formatter needed.
      if (typeof message !== 'string' && message.length === 1 && message[0]!.type === 0) return message[0]!.value;
      try {
        let formatter = formatters.get(key);
        if (!formatter) formatters.set(key, (formatter = new IntlMessageFormat(message, locale)));
        const result = formatter.format(keyedTags(values) as Parameters<IntlMessageFormat['format']>[0]) as string | ReactNode | ReactNode[];
        if (Array.isArray(result)) return keyed(result);
        return typeof result === 'string' ? result : [result];
      } catch (error) {
        onError(new Error(`Error formatting message: "${key}" for locale "${locale}", using id as fallback: ${(error as Error).message}`, { cause: error }));
        return key;
      }
    },
  };
}

export function WordsProvider({ locale, messages, onError, children }: { locale: string; messages: WordsCatalog; onError: (error: Error) => void; children: ReactNode }) {
  const words = useMemo(() => makeWords(locale, messages, onError), [locale, messages, onError]);
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

export function useWords(): Words {
  const words = useContext(WordsContext);
  if (!words) throw new Error('useWords outside a WordsProvider (i18n/I18nProvider.tsx)');
  return words;
}
