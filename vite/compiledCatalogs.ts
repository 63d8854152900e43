/**
 * The page's words, as modules made at build time from the catalogs
 * (src/shared/i18n/catalogs/<language>/<area>.json):
 *
 * - `virtual:parley-words/en/home`: the English the home screen shows, for the first script;
 * - `virtual:parley-words/en/later`: the rest of the page's English, a chunk of its own;
 * - `virtual:parley-words/zh-CN`, `virtual:parley-words/zh-TW`: all of the page's words in that language.
 *
 * Which word goes where is src/shared/i18n/pageWords.ts; the main process's own words are left out.
 * Each message arrives as its ICU tree, which react-intl formats as it would the text, so the page
 * does not parse messages as it runs and the ICU parser does not ship (rendererConfig.ts points it
 * at formatjs's `no-parser` build; formatjs documents the pair:
 * https://formatjs.github.io/docs/guides/advanced-usage). The main process formats its menu words
 * from the text, as before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { isLocale } from '../src/shared/i18n/locales.ts';
import { pageWordsPart, type PageWordsPart } from '../src/shared/i18n/pageWords.ts';

const PREFIX = 'virtual:parley-words/';
/** Rollup's convention for a module no file holds: other plugins leave it alone. */
const RESOLVED_PREFIX = `\0${PREFIX}`;
const CATALOGS_DIR = fileURLToPath(new URL('../src/shared/i18n/catalogs', import.meta.url));

/** `en/home` → English, home part; `zh-CN` → all of the page's zh-CN. */
function parseWordsId(id: string): { locale: string; part: PageWordsPart | 'page' } | null {
  const [locale, part = 'page', ...rest] = id.split('/');
  if (!locale || !isLocale(locale) || rest.length > 0) return null;
  if (locale === 'en' ? part !== 'home' && part !== 'later' : part !== 'page') return null;
  return { locale, part: part as PageWordsPart | 'page' };
}

/** One part of one language: `<area>.<name>` → ICU tree. A broken message fails the build, naming it. */
export function compilePageWords(catalogsDir: string, locale: string, part: PageWordsPart | 'page'): { words: Record<string, MessageFormatElement[]>; files: string[] } {
  const words: Record<string, MessageFormatElement[]> = {};
  const files: string[] = [];
  const localeDir = join(catalogsDir, locale);
  for (const name of readdirSync(localeDir).filter((file) => file.endsWith('.json')).sort()) {
    const file = join(localeDir, name);
    files.push(file);
    const area = name.slice(0, -'.json'.length);
    for (const [messageName, text] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) {
      const key = `${area}.${messageName}`;
      const goesTo = pageWordsPart(key);
      if (goesTo === null || (part !== 'page' && goesTo !== part)) continue;
      try {
        words[key] = parse(text);
      } catch (error) {
        // catalogs.test.ts catches it earlier.
        throw new Error(`${file}: "${messageName}" is not a valid ICU message: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  return { words, files };
}

export function compiledCatalogs(catalogsDir = CATALOGS_DIR): Plugin {
  return {
    name: 'parley:compiled-catalogs',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return null;
      const wanted = parseWordsId(id.slice(RESOLVED_PREFIX.length));
      if (!wanted) throw new Error(`${id.slice(1)}: no such words module (see vite/compiledCatalogs.ts)`);
      const { words, files } = compilePageWords(catalogsDir, wanted.locale, wanted.part);
      // The dev server reloads the words when a catalog changes.
      for (const file of files) this.addWatchFile(file);
      return { code: `export default ${JSON.stringify(words)};`, map: null };
    },
  };
}
