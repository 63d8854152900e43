/**
 * A pseudo-locale for layout checks: English with every letter accented, each message 40% longer
 * and in brackets ("[Ĵóíñ ~~]"), so text that is cut off, overflows or was never translated shows
 * at a glance. Placeholders, plurals and tags stay intact (the ICU tree is rewritten, not the
 * string). Chosen only by setting the language to `en-XA` (e2e/pseudoLocale.spec.ts does).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

export const PSEUDO_LOCALE = 'en-XA';

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

export function pseudoLocalize(message: string): string {
  const ast = parse(message);
  const length = rewrite(ast);
  const padding = '~'.repeat(Math.max(1, Math.ceil(length * GROWTH)));
  return `[${printAST(ast)} ${padding}]`;
}

export function pseudoCatalog<K extends string>(catalog: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(catalog).map(([key, text]) => [key, pseudoLocalize(text)])) as Record<K, string>;
}
