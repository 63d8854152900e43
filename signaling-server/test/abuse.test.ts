import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import type { IncomingMessage } from 'node:http';
import { addressOf, isOriginAllowed } from '../src/abuse';
import { createSignalingServer, type AbuseLimits, type SignalingServer } from '../src/index';
import { closeAllClients, connect, join, joined, nextEvent, OFFER, type TestClient } from './helpers';

let server: SignalingServer | undefined;

async function start(limits: Partial<AbuseLimits> = {}, allowedOrigins: string[] = []): Promise<SignalingServer> {
  server = await createSignalingServer({ host: '127.0.0.1', port: 0, limits, allowedOrigins });
  return server;
}

afterEach(async () => {
  closeAllClients();
  await server?.close();
  server = undefined;
});

const disconnected = (socket: TestClient) => new Promise<void>((resolve) => (socket.disconnected ? resolve() : socket.once('disconnect', () => resolve())));
const raw = (socket: TestClient) => socket as unknown as { timeout(ms: number): { emitWithAck(e: string, ...p: unknown[]): Promise<unknown> }; emit(e: string, ...p: unknown[]): void };

describe('the client address the limits count', () => {
  const requestFrom = (remoteAddress: string, forwardedFor?: string) =>
    ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

  it('is the connection’s own, unless the host sits behind a proxy it trusts', () => {
    expect(addressOf(requestFrom('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
    expect(addressOf(requestFrom('10.0.0.5', '203.0.113.9'), true)).toBe('203.0.113.9');
  });

  it('behind the proxy, is the entry the proxy appended, not what the client claimed before it', () => {
    expect(addressOf(requestFrom('10.0.0.5', '198.51.100.1, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(addressOf(requestFrom('10.0.0.5'), true)).toBe('10.0.0.5');
  });
});

describe('origin checks', () => {
  it.each([
    ['no Origin (a non-browser client)', undefined, true],
    ['the desktop app (file://)', 'file://', true],
    ['the desktop app (null)', 'null', true],
    ['a page served by this host', 'http://192.168.1.20:47100', true],
    ['another site', 'https://evil.example', false],
    ['this host on another port', 'http://192.168.1.20:8080', false],
    ['garbage', 'not a url', false],
  ])('%s → %s', (_label, origin, allowed) => {
    expect(isOriginAllowed(origin, '192.168.1.20:47100')).toBe(allowed);
  });

  it('refuses a WebSocket from a foreign page and accepts one from its own pages and configured origins', async () => {
    const { url } = await start({}, ['http://localhost:5173']);
    await expect(connect(url, { origin: 'https://evil.example' })).rejects.toThrow();
    await expect(connect(url, { origin: url })).resolves.toBeTruthy();
    await expect(connect(url, { origin: 'http://localhost:5173' })).resolves.toBeTruthy();
  });

  it('refuses the long-polling handshake from a foreign page too', async () => {
    const { port } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: `/socket.io/?EIO=4&transport=polling`, headers: { Origin: 'https://evil.example' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBeGreaterThanOrEqual(400);
  });
});

describe('connection limits', () => {
  it('caps connections per address and frees the slot on disconnect, without touching other addresses', async () => {
    const { url } = await start({ maxConnectionsPerAddress: 3 });
    const first = await connect(url, { localAddress: '127.0.0.2' });
    await connect(url, { localAddress: '127.0.0.2' });
    await connect(url, { localAddress: '127.0.0.2' });
    await expect(connect(url, { localAddress: '127.0.0.2' })).rejects.toThrow();
    await expect(connect(url, { localAddress: '127.0.0.3' })).resolves.toBeTruthy();
    first.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    await expect(connect(url, { localAddress: '127.0.0.2' })).resolves.toBeTruthy();
  });

  it('closes a connection that does not join in time, and leaves joined ones alone', async () => {
    const { url } = await start({ joinTimeoutMs: 300 });
    const idle = await connect(url);
    const ada = await joined(url, 'team', 'Ada');
    await disconnected(idle);
    await new Promise((r) => setTimeout(r, 400));
    expect(ada.socket.connected).toBe(true);
  });
});

describe('rate limits', () => {
  it('answers RATE_LIMITED past the signal budget, keeps order, and does not slow anyone else', async () => {
    const { url } = await start({ signalsPerSecondPerConnection: 50, strikesBeforeDisconnect: 1000 });
    const ada = await joined(url, 'team', 'Ada');
    const grace = await joined(url, 'team', 'Grace');
    const bob = await joined(url, 'team', 'Bob');

    const received: string[] = [];
    ada.socket.on('signal', ({ from, payload }) => {
      if (from === grace.self.selfId && payload.kind === 'description') received.push(payload.description.sdp);
    });
    const flood = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: { kind: 'description', description: { type: 'offer', sdp: `v=${i}` } } }),
      ),
    );
    const limited = flood.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
    expect(limited).toBe(30);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual(Array.from({ length: 50 }, (_, i) => `v=${i}`));

    // Bob, a different connection, still has his whole budget.
    expect(await bob.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER })).toEqual({ ok: true, data: null });
  });

  it('limits join attempts per address (no guessing room names at speed)', async () => {
    const { url } = await start({ joinsPerMinutePerAddress: 3 });
    const results = [];
    for (let i = 0; i < 4; i++) {
      const socket = await connect(url, { localAddress: '127.0.0.4' });
      results.push(await join(socket, `room-${i}`, 'Scout'));
    }
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    expect((await join(await connect(url, { localAddress: '127.0.0.5' }), 'room-9', 'Other')).ok).toBe(true);
  });
});

describe('dropping offenders', () => {
  it('drops a connection after repeated bad requests, unknown events and requests without acknowledgement', async () => {
    const { url } = await start({ strikesBeforeDisconnect: 6 });
    const offender = await connect(url);
    const gone = disconnected(offender);
    for (let i = 0; i < 3; i++) expect(await raw(offender).timeout(1000).emitWithAck('join', { junk: i })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    raw(offender).emit('take-over', {});
    raw(offender).emit('join', { room: 'team', name: 'x', protocolVersion: PROTOCOL_VERSION }); // no ack
    raw(offender).emit('rooms?');
    await gone;
  });

  it('forgives a mistake followed by a success', async () => {
    const { url } = await start({ strikesBeforeDisconnect: 3 });
    const ada = await joined(url, 'team', 'Ada');
    const grace = await joined(url, 'team', 'Grace');
    for (let round = 0; round < 3; round++) {
      await raw(grace.socket).timeout(1000).emitWithAck('signal', { to: 'nobody', payload: OFFER });
      await raw(grace.socket).timeout(1000).emitWithAck('signal', { to: 'nobody', payload: OFFER });
      const arrived = nextEvent(ada.socket, 'signal');
      expect(await grace.socket.timeout(1000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER })).toEqual({ ok: true, data: null });
      await arrived;
    }
    expect(grace.socket.connected).toBe(true);
  });
});
