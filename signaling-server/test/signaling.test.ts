import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROOM_CAPACITY, LIMITS, PROTOCOL_VERSION } from '../../src/shared/protocol';
import { createSignalingServer, type SignalingServer } from '../src/index';
import { closeAllClients, connect, dropConnection, join, joined, joinWith, nextEvent, OFFER, record } from './helpers';

let server: SignalingServer;

beforeEach(async () => {
  server = await createSignalingServer({ host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  closeAllClients();
  await server.close();
});

describe('joining a room', () => {
  it('returns a server-chosen id and the peers already present, with their names', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    expect(ada.self.peers).toEqual([]);
    expect(ada.self.selfId).toMatch(/^[0-9a-f-]{36}$/);

    const announced = nextEvent(ada.socket, 'peer-joined');
    const grace = await joined(server.url, 'team', 'Grace');
    expect(grace.self.peers).toEqual([{ id: ada.self.selfId, name: 'Ada' }]);
    expect(await announced).toEqual({ id: grace.self.selfId, name: 'Grace' });
  });

  it('keeps rooms apart: a join in another room is not announced', async () => {
    const ada = await joined(server.url, 'alpha', 'Ada');
    const seen = record(ada.socket, 'peer-joined');
    const bob = await joined(server.url, 'beta', 'Bob');
    expect(bob.self.peers).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
  });

  it(`answers ROOM_FULL to joiner number ${DEFAULT_ROOM_CAPACITY + 1}`, async () => {
    for (let i = 0; i < DEFAULT_ROOM_CAPACITY; i++) await joined(server.url, 'full', `P${i}`);
    const ninth = await connect(server.url);
    const result = await join(ninth, 'full', 'Late');
    expect(result).toMatchObject({ ok: false, error: { code: 'ROOM_FULL' } });
    // Another room is unaffected.
    expect((await join(ninth, 'other', 'Late')).ok).toBe(true);
  });

  it('refuses a second join on the same connection and a different protocol version', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    expect(await join(ada.socket, 'team', 'Ada')).toMatchObject({ ok: false, error: { code: 'ALREADY_IN_ROOM' } });
    const old = await connect(server.url);
    const result = await old.timeout(2000).emitWithAck('join', { room: 'team', name: 'Old', protocolVersion: PROTOCOL_VERSION + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VERSION_MISMATCH' } });
  });
});

describe('relaying signals', () => {
  it('delivers a signal to the named peer in the same room, with the sender id set by the server', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const arrived = nextEvent(ada.socket, 'signal');
    const ack = await grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER });
    expect(ack).toEqual({ ok: true, data: null });
    expect(await arrived).toEqual({ from: grace.self.selfId, payload: OFFER });
  });

  it('refuses to relay to a peer in another room, and that peer receives nothing', async () => {
    const ada = await joined(server.url, 'alpha', 'Ada');
    const bob = await joined(server.url, 'beta', 'Bob');
    const seen = record(ada.socket, 'signal');
    const ack = await bob.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER });
    expect(ack).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PEER' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
  });

  it('refuses signals before joining and to unknown ids', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const stranger = await connect(server.url);
    expect(await stranger.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_ROOM' },
    });
    expect(await ada.socket.timeout(2000).emitWithAck('signal', { to: 'nobody', payload: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PEER' },
    });
  });
});

describe('an offer on the join', () => {
  const offer = OFFER.description;

  it('goes to the first participant present inside the announcement, and the acknowledgement names them', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const bob = await joined(server.url, 'team', 'Bob');
    const toAda: string[] = [];
    ada.socket.onAny((event: string) => toAda.push(event));
    const bobSignals = record(bob.socket, 'signal');
    const adaSees = nextEvent(ada.socket, 'peer-joined');
    const bobSees = nextEvent(bob.socket, 'peer-joined');

    const grace = await connect(server.url);
    const result = await joinWith(grace, { room: 'team', name: 'Grace', offer });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.data.offeredTo).toBe(ada.self.selfId);
    expect(await adaSees).toEqual({ id: result.data.selfId, name: 'Grace', offer });
    // One offer, one connection: the others get theirs after the acknowledgement.
    expect(await bobSees).toEqual({ id: result.data.selfId, name: 'Grace' });
    await new Promise((r) => setTimeout(r, 100));
    expect(toAda).toEqual(['peer-joined']);
    expect(bobSignals).toEqual([]);
  });

  it('is held for a participant away on its grace period, and delivered as a signal on its return', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    dropConnection(ada.socket);
    await new Promise((r) => setTimeout(r, 100));
    const grace = await joinWith(await connect(server.url), { room: 'team', name: 'Grace', offer });
    if (!grace.ok) throw new Error(grace.error.code);
    expect(grace.data.offeredTo).toBe(ada.self.selfId);

    const back = await connect(server.url);
    const held = nextEvent(back, 'signal');
    expect(await joinWith(back, { room: 'team', name: 'Ada', resumeToken: ada.self.resumeToken })).toMatchObject({ ok: true, data: { resumed: true } });
    expect(await held).toEqual({ from: grace.data.selfId, payload: { kind: 'description', description: offer } });
  });

  it('is offered to nobody in an empty room, and is refused unless it is an offer of a sane size', async () => {
    const alone = await joinWith(await connect(server.url), { room: 'team', name: 'Ada', offer });
    expect(alone).toMatchObject({ ok: true });
    expect(alone.ok && alone.data.offeredTo).toBeUndefined();

    for (const bad of [{ type: 'answer', sdp: 'v=0\r\n' }, { type: 'offer', sdp: 'x'.repeat(LIMITS.sdpBytes + 1) }, { type: 'offer' }]) {
      const socket = await connect(server.url);
      const result = await joinWith(socket, { room: 'team', name: 'Grace', offer: bad as never });
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });
});

describe('malformed input', () => {
  const badJoins: [string, unknown][] = [
    ['not an object', 'hello'],
    ['missing name', { room: 'team', protocolVersion: PROTOCOL_VERSION }],
    ['empty room', { room: '', name: 'Ada', protocolVersion: PROTOCOL_VERSION }],
    ['room with markup', { room: '<script>', name: 'Ada', protocolVersion: PROTOCOL_VERSION }],
    ['overlong room', { room: 'r'.repeat(LIMITS.roomName.max + 1), name: 'Ada', protocolVersion: PROTOCOL_VERSION }],
    ['overlong name', { room: 'team', name: 'n'.repeat(LIMITS.displayName.max + 1), protocolVersion: PROTOCOL_VERSION }],
    ['control characters in name', { room: 'team', name: 'A\u0000da', protocolVersion: PROTOCOL_VERSION }],
    ['extra fields', { room: 'team', name: 'Ada', protocolVersion: PROTOCOL_VERSION, admin: true }],
  ];

  it.each(badJoins)('answers BAD_REQUEST to a join with %s', async (_label, payload) => {
    const socket = await connect(server.url);
    const result = await (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } })
      .timeout(2000)
      .emitWithAck('join', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers BAD_REQUEST to bad signals, including an oversized SDP, and keeps serving', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const raw = grace.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } };
    const bigSdp = 'a'.repeat(LIMITS.sdpBytes + 1);
    const badSignals: unknown[] = [
      null,
      { to: ada.self.selfId },
      { to: ada.self.selfId, payload: { kind: 'telepathy' } },
      { to: ada.self.selfId, payload: { kind: 'description', description: { type: 'offer', sdp: bigSdp } } },
      { to: ada.self.selfId, payload: { kind: 'candidate', candidate: { candidate: 1 } } },
    ];
    for (const payload of badSignals) {
      expect(await raw.timeout(2000).emitWithAck('signal', payload)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    // The server is still up and the honest pair still talks.
    const arrived = nextEvent(ada.socket, 'signal');
    expect(await grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER })).toEqual({ ok: true, data: null });
    expect((await arrived).from).toBe(grace.self.selfId);
  });

  it('drops a connection whose packet exceeds the buffer limit, and nobody else is disturbed', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const flooder = await connect(server.url);
    const dropped = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    flooder.emit('signal', { to: 'x', payload: 'z'.repeat(LIMITS.packetBytes + 10) } as never, () => undefined);
    expect(await dropped).toBe('transport close');
    const arrived = nextEvent(ada.socket, 'signal');
    await grace.socket.timeout(2000).emitWithAck('signal', { to: ada.self.selfId, payload: OFFER });
    expect((await arrived).from).toBe(grace.self.selfId);
  });
});

describe('leaving', () => {
  it('announces peer-left on leave and on a deliberate disconnect, and frees the slot', async () => {
    const ada = await joined(server.url, 'team', 'Ada');
    const grace = await joined(server.url, 'team', 'Grace');
    const left = nextEvent(ada.socket, 'peer-left');
    expect(await grace.socket.timeout(2000).emitWithAck('leave')).toEqual({ ok: true, data: null });
    expect(await left).toEqual({ id: grace.self.selfId });

    const linus = await joined(server.url, 'team', 'Linus');
    const gone = nextEvent(ada.socket, 'peer-left');
    linus.socket.disconnect();
    expect(await gone).toEqual({ id: linus.self.selfId });

    const next = await joined(server.url, 'team', 'Ken');
    expect(next.self.peers).toEqual([{ id: ada.self.selfId, name: 'Ada' }]);
  });
});

describe('serving', () => {
  it('identifies itself as a Parley host and frees its port on close', async () => {
    const response = await fetch(`${server.url}/parley.json`);
    expect(await response.json()).toEqual({ app: 'parley', protocolVersion: PROTOCOL_VERSION, passcodeRequired: false });
    const { port } = server;
    await server.close();
    const again = await createSignalingServer({ host: '127.0.0.1', port });
    expect(again.port).toBe(port);
    await again.close();
  });
});
