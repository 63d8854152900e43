/**
 * Words for components: `const t = useText(); t('call.leave')`, with values for ICU placeholders
 * and plurals (`t('call.people', { count })`). Keys are checked by the compiler (MessageKey).
 */
import { useCallback, type ReactNode } from 'react';
import { useWords } from './WordsProvider';
import type { Message, MessageKey, MessageValues } from '../../../shared/i18n/catalogs';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function useText(): Translate {
  const words = useWords();
  // Plain values make plain text.
  return useCallback((key, values) => words.format(key, values) as string, [words]);
}

/** Words a message kept by the store (a notice, an error) as its key and values. */
export function useMessageText(): (message: Message) => string {
  const t = useText();
  return useCallback((message) => t(message.key, message.values), [t]);
}

/** Values of a message with markup: plain values, and a function per tag (`<b>{room}</b>`). */
export type RichValues = Record<string, string | number | Date | ((chunks: ReactNode[]) => ReactNode)>;

/**
 * Words with markup inside (a name in bold, a number in its own element): the translator moves the
 * tags with the words, so no sentence is ever cut into pieces that only fit English word order.
 */
export function useRichText(): (key: MessageKey, values: RichValues) => ReactNode {
  const words = useWords();
  return useCallback((key, values) => words.format(key, values), [words]);
}
