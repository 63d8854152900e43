/**
 * The one Content-Security-Policy for the renderer, wherever it runs: as a header from the host's
 * server, as a header from Electron's session, and mirrored in index.html's meta tag (a test keeps
 * the three equal). Scripts only from the app itself; no eval, no inline script, no plugins;
 * WebAssembly compiled from the app's own bytes only.
 * connect-src stays open to http/ws because the user types the host's address at run time.
 * `npm run dev` alone uses developmentContentSecurityPolicy() below, for the Vite dev server's pages.
 */
const DIRECTIVES: readonly (readonly [name: string, sources: string])[] = [
  ['default-src', "'self'"],
  // WebAssembly may be compiled (the noise-suppression model, call/noiseSuppression.ts); JavaScript
  // still may not be made from strings: 'wasm-unsafe-eval' allows the one, never the other.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['media-src', "'self' blob: mediastream:"],
  ['connect-src', "'self' http: https: ws: wss:"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const serialize = (directives: readonly (readonly [string, string])[]): string =>
  directives.map(([name, sources]) => `${name} ${sources}`).join('; ');

export const CONTENT_SECURITY_POLICY = serialize(DIRECTIVES);

/**
 * The environment variable through which `electron-vite dev` hands the dev server's nonce to the
 * Electron main process it spawns, so main's CSP header matches the page's meta tag.
 */
export const DEV_CSP_NONCE_ENV = 'PARLEY_DEV_CSP_NONCE';

/** The CSP grammar's base64-value, and at least 128 bits of it: nothing that could end the source. */
const NONCE = /^[A-Za-z0-9+/_-]{22,}={0,2}$/;

/**
 * The policy for the Vite dev server's pages only (`npm run dev`): the packaged policy plus one
 * nonce in script-src and style-src, which Vite puts on the tags it writes (plugin-react's inline
 * preamble) and on the <style> elements its client injects for CSS imports. Nothing else is
 * loosened; HMR's WebSocket is already covered by connect-src. Never used for a packaged build.
 */
export function developmentContentSecurityPolicy(nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('The dev server CSP nonce must be at least 22 base64 characters');
  return serialize(
    DIRECTIVES.map(([name, sources]) => [name, name === 'script-src' || name === 'style-src' ? `${sources} 'nonce-${nonce}'` : sources] as const),
  );
}
