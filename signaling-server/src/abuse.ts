/**
 * The server's defences against abuse: which origins may connect, how many connections an address
 * may hold, how fast a connection may join and signal, how long a connection may stay without
 * joining, and when a misbehaving connection is dropped. Rate limits use rate-limiter-flexible;
 * with several hosts sharing Redis, the join and per-address signal limits are counted in Redis,
 * so an address gets one budget across all hosts (with an in-memory limiter standing in while
 * Redis is away). Connection counts stay per host: they guard this process's own sockets.
 *
 * Honest clients never come near these limits: a join is one request, and a call's negotiation is
 * a few dozen signals per peer.
 */
import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface AbuseLimits {
  /** Open connections from one address (a machine with several tabs and the app). */
  maxConnectionsPerAddress: number;
  maxConnections: number;
  /** A connection that has not joined a room by then is closed (half-open joins). */
  joinTimeoutMs: number;
  joinsPerMinutePerAddress: number;
  signalsPerSecondPerConnection: number;
  signalsPerSecondPerAddress: number;
  /** Consecutive refused requests (malformed, limited, unknown) before the connection is dropped. */
  strikesBeforeDisconnect: number;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  maxConnectionsPerAddress: 32,
  maxConnections: 1024,
  joinTimeoutMs: 15_000,
  joinsPerMinutePerAddress: 30,
  signalsPerSecondPerConnection: 200,
  signalsPerSecondPerAddress: 1000,
  strikesBeforeDisconnect: 50,
};

/**
 * Browsers always send Origin; other clients (Node, tests) send none. Allowed: no Origin; the
 * desktop app's own page (file://, which browsers report as "null" or "file://"); a page this
 * host served itself (its origin's host is the Host header); and origins configured explicitly
 * (the renderer's dev server). A page on any other site cannot open a connection.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, extraOrigins: readonly string[] = []): boolean {
  if (origin === undefined) return true;
  if (origin === 'null' || origin === 'file://') return true;
  if (extraOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The client's address, for the per-address limits. Behind a proxy every connection comes from
 * the proxy, so with `trustProxy` the address is the last one in X-Forwarded-For: the one the
 * proxy itself appended (HAProxy's `option forwardfor`); earlier entries are whatever the client
 * claimed and are ignored. Only for hosts reachable through the proxy alone.
 */
export function addressOf(req: IncomingMessage, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

type AllowRequest = (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => void;

/** One per server: counts connections and holds the per-address limiters. */
export class AbuseGuard {
  readonly limits: AbuseLimits;
  private readonly connectionsByAddress = new Map<string, number>();
  private total = 0;
  private readonly joinsPerAddress: RateLimiterAbstract;
  private readonly signalsPerAddress: RateLimiterAbstract;
  private readonly signalsPerConnection: RateLimiterMemory;

  constructor(
    limits: Partial<AbuseLimits> = {},
    private readonly extraOrigins: readonly string[] = [],
    redis?: Redis,
    /** Take the client's address from X-Forwarded-For (see addressOf). */
    readonly trustProxy = false,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    const shared = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const local = new RateLimiterMemory({ points, duration, keyPrefix });
      // While Redis is away the in-memory limiter counts instead, at once (rejectIfRedisNotReady).
      return redis
        ? new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix: `parley:limit:${keyPrefix}`, insuranceLimiter: local, rejectIfRedisNotReady: true })
        : local;
    };
    this.joinsPerAddress = shared('joins', this.limits.joinsPerMinutePerAddress, 60);
    this.signalsPerAddress = shared('signals', this.limits.signalsPerSecondPerAddress, 1);
    // A connection lives on one host: its own budget needs no sharing.
    this.signalsPerConnection = new RateLimiterMemory({ points: this.limits.signalsPerSecondPerConnection, duration: 1 });
  }

  /** engine.io calls this for the polling handshake and for the WebSocket upgrade alike. */
  readonly allowRequest: AllowRequest = (req, callback) => {
    if (!isOriginAllowed(req.headers.origin, req.headers.host, this.extraOrigins)) return callback('Origin not allowed', false);
    const address = addressOf(req, this.trustProxy);
    if (this.total >= this.limits.maxConnections) return callback('Too many connections', false);
    if ((this.connectionsByAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
      return callback('Too many connections from this address', false);
    }
    callback(null, true);
  };

  /** Counts a new connection; the returned function uncounts it. */
  opened(address: string): () => void {
    this.total++;
    this.connectionsByAddress.set(address, (this.connectionsByAddress.get(address) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.total--;
      const left = (this.connectionsByAddress.get(address) ?? 1) - 1;
      if (left === 0) this.connectionsByAddress.delete(address);
      else this.connectionsByAddress.set(address, left);
    };
  }

  async mayJoin(address: string): Promise<boolean> {
    return consumed(this.joinsPerAddress, address);
  }

  async maySignal(address: string, connectionId: string): Promise<boolean> {
    // The connection's own budget first, so one flooding tab does not use up its neighbours'.
    return (await consumed(this.signalsPerConnection, connectionId)) && consumed(this.signalsPerAddress, address);
  }
}

async function consumed(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch {
    return false;
  }
}

/** Per connection: consecutive refusals lead to a disconnect; any success forgives them. */
export class StrikeCounter {
  private strikes = 0;

  constructor(
    private readonly limit: number,
    private readonly drop: () => void,
  ) {}

  strike(): void {
    if (++this.strikes >= this.limit) this.drop();
  }

  forgive(): void {
    this.strikes = 0;
  }
}
