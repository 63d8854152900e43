/** A dropped connection comes back as the same participant, and the others never see it leave. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, type JoinResult } from '../../src/shared/protocol';
import { createSignalingServer, type SignalingServer } from '../src/index';
import { closeAllClients, connect, dropConnection, joined, joinWith, nextEvent, OFFER, record } from './helpers';

let server: SignalingServer;
const GRACE_MS = 600;

beforeEach(async () => {
  server = await createSignalingServer({ host: '127.0.0.1', port: 0, resumeGraceMs: GRACE_MS });
});

afterEach(async () => {
  closeAllClients();
  await server.close();
});

const data = (result: Awaited<ReturnType<typeof joinWith>>): JoinResult => {
  if (!result.ok) throw new Error(result.error.code);
  return result.data;
};

describe('resuming after a dropped connection', () => {
  it('keeps the id and the place, delivers what was sent meanwhile, and nobody sees a departure', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const departures = record(grace.socket, 'peer-left');
    const rejoins = record(grace.socket, 'peer-joined');

    dropConnection(ada.socket);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Grace signals Ada while Ada is away: held, not refused.
    const sent = await grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER });
    expect(sent).toEqual({ ok: true, data: null });

    const back = await connect(server.url);
    const held = nextEvent(back, 'signal');
    const returned = nextEvent(grace.socket, 'peer-returned');
    const result = data(await joinWith(back, { room: 'team', name: 'Ada', resumeToken: ada.self.resumeToken }));
    expect(result).toMatchObject({ selfId: ada.self.selfId, resumed: true, peers: [{ id: grace.self.selfId, name: 'Grace' }] });
    expect(await held).toEqual({ from: grace.self.selfId, payload: OFFER });
    expect(await returned).toEqual({ id: ada.self.selfId });

    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 200));
    expect(departures).toEqual([]);
    expect(rejoins).toEqual([]);
    // And the returned connection relays both ways.
    const arrived = nextEvent(grace.socket, 'signal');
    await back.timeout(2000).emitWithAck('signal', { to: grace.self.selfId, payload: OFFER });
    expect(await arrived).toEqual({ from: ada.self.selfId, payload: OFFER });
  });

  it('after the grace period the others see the departure and the token gets a fresh join', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const left = nextEvent(grace.socket, 'peer-left', GRACE_MS + 2000);
    dropConnection(ada.socket);
    expect(await left).toEqual({ id: ada.self.selfId });

    const back = await connect(server.url);
    const result = data(await joinWith(back, { room: 'team', name: 'Ada', resumeToken: ada.self.resumeToken }));
    expect(result.resumed).toBe(false);
    expect(result.selfId).not.toBe(ada.self.selfId);
  });

  it('a token is worth nothing in another room, and a leave ends it', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    dropConnection(ada.socket);
    const elsewhere = await connect(server.url);
    expect(data(await joinWith(elsewhere, { room: 'other', name: 'Ada', resumeToken: ada.self.resumeToken })).resumed).toBe(false);

    const bob = await joined(server.url, 'team', 'Bob');
    await bob.socket.timeout(2000).emitWithAck('leave');
    const again = await connect(server.url);
    expect(data(await joinWith(again, { room: 'team', name: 'Bob', resumeToken: bob.self.resumeToken })).resumed).toBe(false);
  });

  it('a resume while the server still holds the old connection takes over from it', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const departures = record(grace.socket, 'peer-left');
    const second = await connect(server.url);
    const result = data(await joinWith(second, { room: 'team', name: 'Ada', resumeToken: ada.self.resumeToken }));
    expect(result).toMatchObject({ selfId: ada.self.selfId, resumed: true });
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 200));
    expect(ada.socket.connected).toBe(false);
    expect(departures).toEqual([]);
  });

  it('keeps no place for a connection the server dropped for misbehaving', async () => {
    const strict = await createSignalingServer({ host: '127.0.0.1', port: 0, resumeGraceMs: 60_000, limits: { strikesBeforeDisconnect: 2 } });
    try {
      const ada = await joined(strict.url, 'team', 'Ada');
      const mallory = await joined(strict.url, 'team', 'Mallory');
      const left = nextEvent(ada.socket, 'peer-left');
      for (let i = 0; i < 2; i++) mallory.socket.emit('signal', { to: 'nobody', payload: OFFER }, () => undefined);
      expect(await left).toEqual({ id: mallory.self.selfId });
    } finally {
      await strict.close();
    }
  });

  it('keeps no place for a connection that sent an oversized packet', async () => {
    const strict = await createSignalingServer({ host: '127.0.0.1', port: 0, resumeGraceMs: 60_000 });
    try {
      const ada = await joined(strict.url, 'team', 'Ada');
      const mallory = await joined(strict.url, 'team', 'Mallory');
      const left = nextEvent(ada.socket, 'peer-left');
      const huge = { kind: 'description', description: { type: 'offer', sdp: 'x'.repeat(LIMITS.packetBytes + 1) } } as const;
      mallory.socket.emit('signal', { to: ada.self.selfId, payload: huge }, () => undefined);
      expect(await left).toEqual({ id: mallory.self.selfId });
    } finally {
      await strict.close();
    }
  });
});
