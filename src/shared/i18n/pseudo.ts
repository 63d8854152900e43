/** The pseudo-locale (pseudoTree.ts) for message text: parsed, rewritten, printed again. */
import { parse } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { pseudoElements } from './pseudoTree';

export { PSEUDO_LOCALE } from './locales';

export function pseudoLocalize(message: string): string {
  return printAST(pseudoElements(parse(message)));
}

export function pseudoCatalog<K extends string>(catalog: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(catalog).map(([key, text]) => [key, pseudoLocalize(text)])) as Record<K, string>;
}
