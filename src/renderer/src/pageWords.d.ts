/** The page's words, made at build time from the catalogs (vite/compiledCatalogs.ts): key → ICU tree. */
declare module 'virtual:parley-words/*' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
  const words: Record<string, MessageFormatElement[]>;
  export default words;
}
