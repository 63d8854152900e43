/**
 * The signaling server: introduces peers in a room and relays their negotiation messages.
 * Plain Node + Socket.IO, no Electron, so the desktop app embeds it and `cli.ts` runs it headless.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { DEFAULT_ROOM_CAPACITY, LIMITS, RESUME_GRACE_MS } from '../../src/shared/protocol';
import { AbuseGuard, type AbuseLimits } from './abuse';
import { Gatekeeper } from './admission';
import { formatHostPort, listHostAddresses } from './addresses';
import { MemoryDirectory, type Directory } from './directory';
import { createConnectionHandler, type ParleyServer } from './handlers';
import { createRequestHandler } from './staticFiles';

export interface TlsOptions {
  key: string | Buffer;
  cert: string | Buffer;
}

export interface SignalingServerOptions {
  /** Interface to listen on; all interfaces by default, so others on the network can join. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  capacity?: number;
  /** A folder with the built renderer, served on the same port for browsers. */
  staticDir?: string;
  tls?: TlsOptions;
  /** Overrides of the abuse limits (tests use small ones). */
  limits?: Partial<AbuseLimits>;
  /** Browser origins allowed besides this host's own pages and the desktop app (e.g. a dev server). */
  allowedOrigins?: string[];
  /** Every join must present it (except the host's, which presents `hostKey`). */
  passcode?: string;
  /** The hosting app's secret: a join presenting it may lock the room and remove participants. */
  hostKey?: string;
  /** How long a dropped participant keeps its place; RESUME_GRACE_MS unless a test needs less. */
  resumeGraceMs?: number;
}

export interface SignalingServer {
  /** Where this machine reaches the server itself (loopback). */
  url: string;
  port: number;
  /** Addresses others can type, best first, as `host:port`. */
  addresses: string[];
  close(): Promise<void>;
}

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

export async function createSignalingServer(options: SignalingServerOptions = {}): Promise<SignalingServer> {
  const host = options.host ?? '0.0.0.0';
  // Expiries come from grace timers, long after `handler` below exists.
  const directory: Directory = new MemoryDirectory(options.capacity ?? DEFAULT_ROOM_CAPACITY, options.resumeGraceMs ?? RESUME_GRACE_MS, (peerId) => handler.expired(peerId));
  const guard = new AbuseGuard(options.limits, options.allowedOrigins);
  const gatekeeper = new Gatekeeper({ passcode: options.passcode, hostKey: options.hostKey });
  const onRequest = createRequestHandler(options.staticDir, { passcodeRequired: gatekeeper.passcodeRequired });
  const httpServer: HttpServer = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
    : createHttpServer(onRequest);

  const io: ParleyServer = new Server(httpServer, {
    serveClient: false,
    // Clients connect with WebSocket straight away: one round trip fewer than polling-then-upgrade.
    transports: ['websocket'],
    maxHttpBufferSize: LIMITS.packetBytes,
    // Both ends notice a dead connection within ~10 s instead of Socket.IO's default ~45 s: the
    // client then reconnects and resumes, the server starts the participant's grace period.
    pingInterval: 5_000,
    pingTimeout: 5_000,
    // Origin and connection limits, for the polling handshake and the WebSocket upgrade alike.
    allowRequest: guard.allowRequest,
    // The protocol needs no cookies; do not set any.
    cookie: false,
  });
  const handler = createConnectionHandler({ io, directory, guard, gatekeeper });
  io.on('connection', handler.onConnection);

  await listen(httpServer, options.port ?? 0, host);
  const { port } = httpServer.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  const onAllInterfaces = ALL_INTERFACES.has(host);
  const selfHost = onAllInterfaces ? '127.0.0.1' : host;
  const reachable = onAllInterfaces ? listHostAddresses() : [host];

  let closing: Promise<void> | undefined;
  return {
    url: `${scheme}://${formatHostPort(selfHost, port)}`,
    port,
    addresses: reachable.map((address) => formatHostPort(address, port)),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        // Everyone learns why before the connections go, so nobody waits to reconnect.
        io.emit('farewell', { reason: 'host-ended' });
        void directory.close();
        // io.close() disconnects every socket and closes the HTTP server; idle keep-alive
        // connections from page loads would otherwise hold the port open.
        void io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export { listHostAddresses, formatHostPort } from './addresses';
export { DEFAULT_LIMITS, type AbuseLimits } from './abuse';
