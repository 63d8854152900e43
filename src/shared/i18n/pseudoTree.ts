/**
 * A pseudo-locale for layout checks: English with every letter accented, each message 40% longer
 * and in brackets ("[Ĵóíñ ~~]"), so text that is cut off, overflows or was never translated shows
 * at a glance. Placeholders, plurals and tags stay intact: the ICU tree is rewritten, not the
 * string. Chosen only by setting the language to `en-XA` (e2e/pseudoLocale.spec.ts does). The page
 * gets its catalogs as trees already (vite/compiledCatalogs.ts) and uses this module alone;
 * pseudo.ts does the same for message text.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';


const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdeghijklnorstuwyzABCDEGHIJKLNORSTUWYZ'].map((letter, index) => [letter, [...'áƀçđéĝĥíĵķĺñóŕšţúŵýžÁƁÇĐÉĜĤÍĴĶĹÑÓŔŠŢÚŴÝŽ'][index]!]),
);
const GROWTH = 0.4;

function accent(text: string): string {
  return [...text].map((character) => ACCENTED[character] ?? character).join('');
}

/** Accents every literal (nested ones too); returns how many characters of text there were. */
function rewrite(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) {
      length += element.value.length;
      element.value = accent(element.value);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) length = Math.max(length, rewrite(option.value));
    } else if (element.type === TYPE.tag) {
      length += rewrite(element.children);
    }
  }
  return length;
}

/** The message's tree in the pseudo-locale (a new tree; the one given is left as it was). */
export function pseudoElements(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  const copy = structuredClone(elements) as MessageFormatElement[];
  const length = rewrite(copy);
  const padding = '~'.repeat(Math.max(1, Math.ceil(length * GROWTH)));
  return [{ type: TYPE.literal, value: '[' }, ...copy, { type: TYPE.literal, value: ` ${padding}]` }];
}

/** A whole catalog of message trees in the pseudo-locale. */
export function pseudoTreeCatalog<K extends string>(catalog: Readonly<Record<K, MessageFormatElement[]>>): Record<K, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries<MessageFormatElement[]>(catalog).map(([key, elements]) => [key, pseudoElements(elements)])) as Record<K, MessageFormatElement[]>;
}
