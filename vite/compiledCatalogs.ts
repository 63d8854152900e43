/**
 * The page's words arrive already parsed: each message of the catalogs
 * (src/shared/i18n/catalogs/<language>/*.json) is turned into its ICU message tree at build time,
 * which react-intl formats as it would the text. So the page does not parse messages as it runs,
 * and the ICU parser does not ship (rendererConfig.ts points it at formatjs's `no-parser` build;
 * formatjs documents the pair: https://formatjs.github.io/docs/guides/advanced-usage).
 * The main process formats its few menu words from the text as before.
 */
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const CATALOG_FILE = /[\\/]src[\\/]shared[\\/]i18n[\\/]catalogs[\\/][^\\/]+[\\/][^\\/]+\.json$/;

export function compiledCatalogs(): Plugin {
  return {
    name: 'parley:compiled-catalogs',
    // Before Vite's own JSON plugin, which then makes the (still JSON) result a module.
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG_FILE.test(id.split('?')[0]!)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(
        Object.entries(messages).map(([name, text]) => {
          try {
            return [name, parse(text)];
          } catch (error) {
            // A broken message fails the build, naming it (catalogs.test.ts catches it earlier).
            throw new Error(`${id}: "${name}" is not a valid ICU message: ${(error as Error).message}`, { cause: error });
          }
        }),
      );
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
