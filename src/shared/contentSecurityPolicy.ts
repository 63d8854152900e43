/**
 * The one Content-Security-Policy for the renderer, wherever it runs: as a header from the host's
 * server, as a header from Electron's session, and mirrored in index.html's meta tag (a test keeps
 * the three equal). Scripts only from the app itself; no eval, no inline script, no plugins.
 * connect-src stays open to http/ws because the user types the host's address at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' http: https: ws: wss:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
