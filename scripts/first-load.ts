/**
 * What a page loads before it can draw the home screen: the renderer's entry script and every
 * chunk it imports statically (Vite's modulepreload links), after `npm run build`. Prints each
 * file minified and gzip-compressed (as it goes over the LAN, level 9) and the total; chunks
 * fetched later (the call layer, the call screen, the languages, the models) are listed apart.
 * `npm run size`; docs/PERFORMANCE.md "Less to load" has the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ASSETS_DIR = 'out/renderer';

const html = readFileSync(join(ASSETS_DIR, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error(`no entry script in ${ASSETS_DIR}/index.html: run "npm run build" first`);

/** Static imports between chunks: `from"./x.js"` and bare `import"./x.js"` (dynamic ones are `import("./x.js")`). */
const staticImports = (code: string): string[] => [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((match) => `assets/${match[1]}`);

const firstLoad = new Set<string>();
const visit = (file: string): void => {
  if (firstLoad.has(file)) return;
  firstLoad.add(file);
  for (const imported of staticImports(readFileSync(join(ASSETS_DIR, file), 'utf8'))) visit(imported);
};
visit(entry);

const sizeOf = (file: string) => {
  const bytes = readFileSync(join(ASSETS_DIR, file));
  return { file, minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const print = (rows: ReturnType<typeof sizeOf>[]): void => {
  for (const row of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${row.file.padEnd(48)} ${kb(row.minified).padStart(10)} minified ${kb(row.gzip).padStart(10)} gzip`);
};

const first = [...firstLoad].map(sizeOf);
console.log('First load (entry and its static imports):');
print(first);
console.log(`  total: ${kb(first.reduce((sum, row) => sum + row.minified, 0))} minified, ${kb(first.reduce((sum, row) => sum + row.gzip, 0))} gzip`);
const later = readdirSync(join(ASSETS_DIR, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `assets/${name}`)
  .filter((file) => !firstLoad.has(file))
  .map(sizeOf);
console.log('Fetched later:');
print(later);
