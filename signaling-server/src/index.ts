/**
 * The signaling server: introduces peers in a room and relays their negotiation messages.
 * Plain Node + Socket.IO, no Electron, so the desktop app embeds it and `cli.ts` runs it headless.
 */
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { DEFAULT_ROOM_CAPACITY, LIMITS, RESUME_GRACE_MS } from '../../src/shared/protocol';
import { AbuseGuard, type AbuseLimits } from './abuse';
import { Gatekeeper } from './admission';
import { formatHostPort, listHostAddresses } from './addresses';
import { MemoryDirectory, type Directory } from './directory';
import { createConnectionHandler, type ParleyServer } from './handlers';
import { RedisDirectory } from './redisDirectory';
import { createRequestHandler } from './staticFiles';
import { JanusConnection } from './janus/janusConnection';
import { attachJanusProxy } from './janus/janusProxy';
import { JanusRooms } from './janus/janusRooms';

export interface JanusOptions {
  /** `ws://127.0.0.1:8188`: the Janus WebSocket transport. */
  url: string;
  /** Janus's `api_secret` and VideoRoom's `admin_key` (janus/configuration.ts). */
  apiSecret: string;
  adminKey: string;
}

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
  /**
   * A Redis (`redis://host:port`) that several hosts share: rooms, sessions and rate limits live
   * there and messages travel between hosts through it (redisDirectory.ts). Without it, this
   * process alone holds everything, in memory.
   */
  redisUrl?: string;
  /** Behind a proxy (HAProxy): the client's address comes from X-Forwarded-For, for the per-address limits. */
  trustProxy?: boolean;
  /**
   * SFU mode: media goes through this Janus (its WebSocket API, on loopback) instead of from each
   * participant to each other; the host keeps admission and proxies participants to it.
   */
  janus?: JanusOptions;
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
  const capacity = options.capacity ?? DEFAULT_ROOM_CAPACITY;
  const graceMs = options.resumeGraceMs ?? RESUME_GRACE_MS;
  // The commands connection; the adapter makes its own for reading streams (and closes them).
  // Janus rooms and tokens live in this process: one host drives one Janus.
  if (options.janus && options.redisUrl !== undefined) throw new Error('SFU mode (Janus) runs on one host: it cannot be combined with Redis');
  const janusRooms = options.janus ? new JanusRooms(await JanusConnection.open(options.janus.url, options.janus.apiSecret), options.janus.adminKey, capacity) : undefined;
  const redis = options.redisUrl === undefined ? undefined : await connectRedis(options.redisUrl);
  const quitRedis = (): Promise<unknown> => redis?.quit().catch(() => undefined) ?? Promise.resolve();
  // Expiries come from grace timers or sweeps, long after `handler` below exists.
  const onExpired = (peerId: string): void => handler.expired(peerId);
  const directory: Directory = redis
    ? new RedisDirectory(redis, { capacity, graceMs, onExpired, sharedSettings: sharedSettingsOf(capacity, options.passcode, options.hostKey) })
    : new MemoryDirectory(capacity, graceMs, onExpired);
  const guard = new AbuseGuard(options.limits, options.allowedOrigins, redis, options.trustProxy);
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
    ...(redis ? { adapter: createAdapter(redis) } : {}),
  });
  const handler = createConnectionHandler({ io, directory, guard, gatekeeper, sfu: janusRooms });
  const janusProxy = options.janus && janusRooms ? attachJanusProxy(httpServer, { janusUrl: options.janus.url, apiSecret: options.janus.apiSecret, rooms: janusRooms, guard }) : undefined;
  io.on('connection', handler.onConnection);

  try {
    await directory.start();
  } catch (error) {
    // Nothing listens yet; the adapter's own Redis connections go with the Socket.IO server.
    await new Promise<void>((done) => void io.close(() => done()));
    await directory.close();
    await quitRedis();
    janusProxy?.close();
    await janusRooms?.close();
    throw error;
  }
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
        handler.stop();
        // Alone, this host ends the rooms: everyone learns why before the connections go, so
        // nobody waits to reconnect. One of several sharing Redis ends nothing: its participants
        // reconnect (through the proxy) to another host and resume there.
        if (!redis) io.emit('farewell', { reason: 'host-ended' });
        const directoryClosed = directory.close();
        janusProxy?.close();
        // io.close() disconnects every socket and closes the HTTP server; idle keep-alive
        // connections from page loads would otherwise hold the port open.
        void io.close(() => {
          void Promise.all([directoryClosed, handler.settled()])
            .then(quitRedis)
            .then(() => janusRooms?.close())
            .then(() => resolve());
        });
        httpServer.closeAllConnections();
      });
      return closing;
    },
  };
}

/** What hosts sharing one Redis must agree on; secrets only as digests, never themselves. */
function sharedSettingsOf(capacity: number, passcode: string | undefined, hostKey: string | undefined): Record<string, string> {
  const digest = (secret: string | undefined) => (secret === undefined ? 'none' : createHash('sha256').update(`parley-shared-setting:${secret}`).digest('hex'));
  return { capacity: String(capacity), passcode: digest(passcode), 'host key': digest(hostKey) };
}

/** Connects, or fails with a message that names the address (an unreachable Redis is a setup error). */
async function connectRedis(url: string): Promise<Redis> {
  // While Redis restarts, commands wait for it (no retry limit) instead of failing: a signal sent
  // meanwhile is relayed late, not lost. Requests time out at the client after 8 s.
  // Auto-pipelining sends the commands of one tick (many signals' lookups) in one write.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, enableAutoPipelining: true });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Cannot reach Redis at ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // Once running, a lost connection is retried by ioredis; say so rather than crash.
  redis.on('error', (error: Error) => console.error(`parley host: Redis: ${error.message}`));
  return redis;
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
