/**
 * The renderer's Vite config, shared by electron.vite.config.ts and the dev-mode end-to-end test
 * (which starts the same dev server with Vite's createServer), so the test serves what
 * `npm run dev` serves.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { compiledCatalogs } from './compiledCatalogs';
import { devContentSecurityPolicy } from './devContentSecurityPolicy';
import { inlineBytes } from './inlineBytes';

// From this file, not the working directory: electron-vite bundles the config but keeps each
// module's own import.meta.url.
const RENDERER_ROOT = fileURLToPath(new URL('../src/renderer', import.meta.url));
/** The catalogs come parsed (compiledCatalogs.ts), so the page gets formatjs's parser without the parsing. */
const ICU_PARSER_WITHOUT_PARSING = fileURLToPath(new URL('../node_modules/@formatjs/icu-messageformat-parser/no-parser.js', import.meta.url));

export interface RendererConfigOptions {
  /** Set for the dev server only (`command === 'serve'`); a build gets none. */
  devCspNonce?: string | undefined;
}

export function rendererConfig({ devCspNonce }: RendererConfigOptions = {}): UserConfig {
  return {
    root: RENDERER_ROOT,
    plugins: [react(), inlineBytes(), compiledCatalogs(), ...(devCspNonce === undefined ? [] : [devContentSecurityPolicy(devCspNonce)])],
    resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: ICU_PARSER_WITHOUT_PARSING }] },
    ...(devCspNonce === undefined ? {} : { html: { cspNonce: devCspNonce } }),
    build: {
      // Served over the LAN to browsers as well as loaded by the app: keep it small.
      // PARLEY_NO_MINIFY=1 keeps the names, for a readable CPU profile (docs/PERFORMANCE.md).
      minify: process.env['PARLEY_NO_MINIFY'] !== '1',
      sourcemap: process.env['PARLEY_SOURCEMAP'] === '1',
      rollupOptions: {
        input: `${RENDERER_ROOT}/index.html`,
        // Everything the first paint needs in one chunk: left to itself the bundler splits the
        // modules the lazy parts share with the home screen into several small chunks, each
        // compressed (and fetched) on its own, about 2 KB gzip more in all.
        output: { codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] } },
      },
    },
    // Workers (the background effect's) are ES modules, bundled with the same byte inlining.
    worker: { format: 'es', plugins: () => [inlineBytes()] },
  };
}
