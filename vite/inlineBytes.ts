/**
 * `import bytes from './model.wasm?bytes'` gives the file's contents as a base64 string inside the
 * importing chunk. Vite's own `?inline` does not cover .wasm, and `?url` would need a fetch at run
 * time, which the desktop app cannot do from its file:// page. Used for the noise-suppression
 * model (src/renderer/src/call/noiseSuppression.ts), which is imported lazily, so its bytes load
 * with the feature and not with the first screen.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const SUFFIX = '?bytes';

export function inlineBytes(): Plugin {
  return {
    name: 'parley:inline-bytes',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${SUFFIX}` : null;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify((await readFile(file)).toString('base64'))};`;
    },
  };
}
