/**
 * The dev server's side of the renderer's CSP (`npm run dev` only). Vite's own `html.cspNonce`
 * puts one nonce on the <script>/<style> tags it writes (plugin-react's inline preamble among them)
 * and in a `<meta property="csp-nonce">` its client reads for the <style> elements it injects for
 * CSS imports. This plugin makes index.html's CSP meta tag allow exactly that nonce, so the dev
 * server's pages are styled without 'unsafe-inline'. A build never sees it: the packaged meta tag
 * and CONTENT_SECURITY_POLICY stay as they are.
 */
import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';
import { developmentContentSecurityPolicy } from '../src/shared/contentSecurityPolicy';

/** A fresh nonce for one run of the dev server: 128 random bits, base64. */
export function createDevCspNonce(): string {
  return randomBytes(16).toString('base64');
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/gi;

/** index.html with its one CSP meta tag's policy replaced; throws if there is not exactly one. */
export function withContentSecurityPolicy(html: string, policy: string): string {
  const found = html.match(CSP_META)?.length ?? 0;
  if (found !== 1) throw new Error(`index.html must have exactly one Content-Security-Policy meta tag (found ${found})`);
  return html.replace(CSP_META, (_tag, start: string, _old: string, end: string) => `${start}${policy}${end}`);
}

export function devContentSecurityPolicy(nonce: string): Plugin {
  // Validates the nonce before anything is served with it.
  const policy = developmentContentSecurityPolicy(nonce);
  return {
    name: 'parley:dev-content-security-policy',
    apply: 'serve',
    configResolved(config) {
      // A policy naming a nonce that Vite does not put on its tags would block them all.
      if (config.html?.cspNonce !== nonce) throw new Error('parley:dev-content-security-policy needs html.cspNonce set to the same nonce');
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => withContentSecurityPolicy(html, policy),
    },
  };
}
