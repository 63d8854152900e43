/**
 * Serves the built renderer (so a browser can join from the host's address) and a small identity
 * document that lets a client tell a Parley host from some other server on the same port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { PROTOCOL_VERSION, type ServerIdentity } from '../../src/shared/protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/contentSecurityPolicy';

export const IDENTITY_PATH = '/parley.json';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function createRequestHandler(staticDir: string | undefined, { passcodeRequired }: { passcodeRequired: boolean }) {
  const identity: ServerIdentity = { app: 'parley', protocolVersion: PROTOCOL_VERSION, passcodeRequired };
  const identityJson = JSON.stringify(identity);
  const serveStatic = staticDir
    ? sirv(staticDir, { single: true, etag: true, setHeaders: (res) => applyHeaders(res) })
    : undefined;

  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === IDENTITY_PATH) {
      // Public facts, readable from any page: a joiner checks what it is talking to before joining.
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(identityJson);
      return;
    }
    if (serveStatic) {
      serveStatic(req, res, () => notFound(res));
      return;
    }
    notFound(res);
  };
}

function applyHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
