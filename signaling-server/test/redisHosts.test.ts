/**
 * Several hosts, one set of rooms: real host servers sharing a real redis-server (its own, on a
 * free port), real Socket.IO clients connected to one host or the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JoinResult } from '../../src/shared/protocol';
import { createSignalingServer, type SignalingServer } from '../src/index';
import { HEARTBEAT_TTL_MS, SWEEP_INTERVAL_MS } from '../src/redisDirectory';
import { closeAllClients, connect, dropConnection, join, joined, joinWith, nextEvent, OFFER, record } from './helpers';
import { startHostProcess } from './hostProcesses';
import { redisMissing, startRedis } from './redisServer';

const GRACE_MS = 800;
const HOST_KEY = 'host-key-shared-by-both-hosts';

let redis: Awaited<ReturnType<typeof startRedis>>;
const hosts: SignalingServer[] = [];

const startHost = async (options: Parameters<typeof createSignalingServer>[0] = {}): Promise<SignalingServer> => {
  const host = await createSignalingServer({ host: '127.0.0.1', port: 0, redisUrl: redis.url, resumeGraceMs: GRACE_MS, hostKey: HOST_KEY, ...options });
  hosts.push(host);
  return host;
};

/** A host candidate, numbered so the order they arrive in can be checked. */
const candidate = (n: number) =>
  ({ kind: 'candidate', candidate: { candidate: `candidate:${n} 1 udp 1 127.0.0.1 ${5000 + n} typ host`, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' } }) as const;

const data = (result: Awaited<ReturnType<typeof joinWith>>): JoinResult => {
  if (!result.ok) throw new Error(result.error.code);
  return result.data;
};

describe.skipIf(redisMissing !== null)(`hosts sharing Redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeEach(async () => {
    redis = await startRedis();
  });

  afterEach(async () => {
    closeAllClients();
    await Promise.all(hosts.splice(0).map((host) => host.close()));
    await redis.remove();
  });

  it('announce a join on one host to those on the other, and relay signals both ways', async () => {
    const [one, two] = [await startHost(), await startHost()];
    const ada = await joined(one.url, 'team', 'Ada');
    const announced = nextEvent(ada.socket, 'peer-joined');
    const grace = await joined(two.url, 'team', 'Grace');
    expect(grace.self.peers).toEqual([{ id: ada.self.selfId, name: 'Ada' }]);
    expect(await announced).toEqual({ id: grace.self.selfId, name: 'Grace' });

    const atAda = nextEvent(ada.socket, 'signal');
    expect(await grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER })).toEqual({ ok: true, data: null });
    expect(await atAda).toEqual({ from: grace.self.selfId, payload: OFFER });
    const atGrace = nextEvent(grace.socket, 'signal');
    await ada.socket.timeout(2000).emitWithAck('signal', { to: grace.self.selfId, payload: OFFER });
    expect(await atGrace).toEqual({ from: ada.self.selfId, payload: OFFER });

    // And leaving on one host is seen on the other.
    const left = nextEvent(ada.socket, 'peer-left');
    await grace.socket.timeout(2000).emitWithAck('leave');
    expect(await left).toEqual({ id: grace.self.selfId });
  });

  it('admit exactly as many as the room holds when ten join at once across hosts', async () => {
    const [one, two] = [await startHost({ capacity: 8 }), await startHost({ capacity: 8 })];
    const sockets = await Promise.all(Array.from({ length: 10 }, (_, index) => connect((index % 2 ? two : one).url)));
    const results = await Promise.all(sockets.map((socket, index) => join(socket, 'crowd', `Guest ${index}`)));
    expect(results.filter((result) => result.ok)).toHaveLength(8);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual(['ROOM_FULL', 'ROOM_FULL']);
  });

  it('let a participant resume on the other host, with the signals held meanwhile in order', async () => {
    const [one, two] = [await startHost(), await startHost()];
    const ada = await joined(one.url, 'team', 'Ada');
    const grace = await joined(one.url, 'team', 'Grace');
    const departures = record(grace.socket, 'peer-left');
    dropConnection(ada.socket);
    await new Promise((done) => setTimeout(done, 150));
    for (const payload of [OFFER, candidate(1), candidate(2)]) {
      expect(await grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload })).toEqual({ ok: true, data: null });
    }

    const back = await connect(two.url);
    const held = record(back, 'signal');
    const returned = nextEvent(grace.socket, 'peer-returned');
    const result = data(await joinWith(back, { room: 'team', name: 'Ada', resumeToken: ada.self.resumeToken }));
    expect(result).toMatchObject({ selfId: ada.self.selfId, resumed: true, peers: [{ id: grace.self.selfId, name: 'Grace' }] });
    expect(await returned).toEqual({ id: ada.self.selfId });
    await expect.poll(() => held.length).toBe(3);
    expect(held).toEqual([OFFER, candidate(1), candidate(2)].map((payload) => ({ from: grace.self.selfId, payload })));
    await new Promise((done) => setTimeout(done, GRACE_MS + 400));
    expect(departures).toEqual([]);
  });

  it('let the host, connected to one host, remove a participant connected to the other', async () => {
    const [one, two] = [await startHost(), await startHost()];
    const hostSocket = await connect(one.url);
    const host = data(await joinWith(hostSocket, { room: 'team', name: 'Host', hostKey: HOST_KEY }));
    const ada = await joined(two.url, 'team', 'Ada');
    const grace = await joined(one.url, 'team', 'Grace');
    const farewell = nextEvent(ada.socket, 'farewell');
    const left = nextEvent(grace.socket, 'peer-left');
    expect(host.isHost).toBe(true);
    expect(await hostSocket.timeout(2000).emitWithAck('room:remove', { peerId: ada.self.selfId })).toEqual({ ok: true, data: null });
    expect(await farewell).toEqual({ reason: 'removed-by-host' });
    expect(await left).toEqual({ id: ada.self.selfId });
    // Grace (not the host), on the other host, may not.
    expect(await grace.socket.timeout(2000).emitWithAck('room:remove', { peerId: host.selfId })).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
  });

  it('count an address’s joins once across hosts', async () => {
    const limits = { joinsPerMinutePerAddress: 3 };
    const [one, two] = [await startHost({ limits }), await startHost({ limits })];
    const outcomes = [];
    for (const url of [one.url, two.url, one.url, two.url]) outcomes.push(await join(await connect(url), `room-${outcomes.length}`, 'Ada'));
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
  });

  it('lose no signal while Redis restarts mid-call', async () => {
    await redis.remove();
    redis = await startRedis({ persist: true });
    const [one, two] = [await startHost(), await startHost()];
    const ada = await joined(one.url, 'team', 'Ada');
    const grace = await joined(two.url, 'team', 'Grace');
    const arrived = record(ada.socket, 'signal');

    await redis.stop();
    const stoppedAt = Date.now();
    // Sent while Redis is down: each waits for it (the client's 8 s budget), none is refused.
    const sent = [1, 2, 3, 4, 5].map((n) => grace.socket.timeout(8000).emitWithAck('signal', { to: ada.self.selfId, payload: candidate(n) }));
    await new Promise((done) => setTimeout(done, 1000));
    await redis.start();
    expect(await Promise.all(sent)).toEqual(Array(5).fill({ ok: true, data: null }));
    await expect.poll(() => arrived.length, { timeout: 5000 }).toBe(5);
    expect(arrived).toEqual([1, 2, 3, 4, 5].map((n) => ({ from: grace.self.selfId, payload: candidate(n) })));
    console.log(`[redis hosts] Redis down 1 s: the five signals sent meanwhile arrived in order ${Date.now() - stoppedAt} ms after it stopped`);
    // And the room survived: both are still in it, and nobody left.
    expect((await joined(one.url, 'team', 'Linus')).self.peers.map((peer) => peer.name)).toEqual(['Ada', 'Grace']);
  }, 30_000);

  it('refuse to start a host whose capacity, passcode or host key differ from the others’', async () => {
    await startHost({ capacity: 8, passcode: 'sesame' });
    await expect(startHost({ capacity: 8, passcode: 'other' })).rejects.toThrow(/different passcode; start every host with the same/);
    await expect(startHost({ capacity: 12, passcode: 'sesame', hostKey: 'another-host-key-entirely' })).rejects.toThrow(/different capacity, host key/);
    // The secrets are kept only as digests.
    const { Redis } = await import('ioredis');
    const inspector = new Redis(redis.url);
    const recorded = await inspector.get('parley:settings');
    inspector.disconnect();
    expect(recorded).not.toContain('sesame');
    expect(recorded).not.toContain(HOST_KEY);
  });

  it('end, after the grace period, the participants of a host that was killed', async () => {
    const survivor = await startHost();
    const doomed = await startHostProcess({ PARLEY_TEST_REDIS_URL: redis.url, PARLEY_TEST_GRACE_MS: String(GRACE_MS), PARLEY_HOST_KEY: HOST_KEY });
    try {
      const grace = await joined(survivor.url, 'team', 'Grace');
      const ada = await joined(doomed.url, 'team', 'Ada');
      const left = nextEvent(grace.socket, 'peer-left', HEARTBEAT_TTL_MS + GRACE_MS + 3000);
      const killedAt = Date.now();
      doomed.process.kill('SIGKILL');
      expect(await left).toEqual({ id: ada.self.selfId });
      const after = Date.now() - killedAt;
      console.log(`[redis hosts] a killed host's participant left ${after} ms after the kill (heartbeat ${HEARTBEAT_TTL_MS} ms + grace ${GRACE_MS} ms)`);
      // No sooner than the grace period, no later than a lapsed heartbeat, the grace and two sweeps.
      expect(after).toBeGreaterThanOrEqual(GRACE_MS);
      expect(after).toBeLessThanOrEqual(HEARTBEAT_TTL_MS + GRACE_MS + 2 * SWEEP_INTERVAL_MS + 500);
    } finally {
      doomed.process.kill('SIGKILL');
    }
  }, 30_000);
});
