/** Passcode, host key, lock and remove, against a real server with real sockets. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import { createSignalingServer, type SignalingServer } from '../src/index';
import { closeAllClients, connect, joinWith, nextEvent, record } from './helpers';

const HOST_KEY = 'host-key-0123456789abcdef';
let server: SignalingServer;

beforeEach(async () => {
  server = await createSignalingServer({ host: '127.0.0.1', port: 0, passcode: 'tea for two', hostKey: HOST_KEY });
});

afterEach(async () => {
  closeAllClients();
  await server.close();
});

async function joinAs(request: Parameters<typeof joinWith>[1]) {
  const socket = await connect(server.url);
  return { socket, result: await joinWith(socket, request) };
}

describe('passcode', () => {
  it('says the room needs one, refuses a wrong one, admits the right one', async () => {
    expect((await joinAs({ room: 'team', name: 'Ada' })).result).toMatchObject({ ok: false, error: { code: 'PASSCODE_REQUIRED' } });
    expect((await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for three' })).result).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSCODE' },
    });
    expect((await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for two' })).result).toMatchObject({ ok: true, data: { isHost: false } });
  });

  it('is announced by /parley.json, readable from any page', async () => {
    const response = await fetch(`${server.url}/parley.json`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ app: 'parley', protocolVersion: PROTOCOL_VERSION, passcodeRequired: true });
  });

  it('is not needed by the host, whose key makes it the host', async () => {
    expect((await joinAs({ room: 'team', name: 'Host', hostKey: HOST_KEY })).result).toMatchObject({ ok: true, data: { isHost: true } });
    expect((await joinAs({ room: 'team', name: 'Mallory', hostKey: 'not-the-host-key-at-all' })).result).toMatchObject({
      ok: false,
      error: { code: 'PASSCODE_REQUIRED' },
    });
  });
});

describe('who hosts', () => {
  it('is marked in the peer lists and announcements others get, and nobody else is', async () => {
    const host = await joinAs({ room: 'team', name: 'Host', hostKey: HOST_KEY });
    const arriving = nextEvent(host.socket, 'peer-joined');
    const ada = await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for two' });
    expect(ada.result).toMatchObject({ ok: true, data: { peers: [{ name: 'Host', isHost: true }] } });
    expect(await arriving).not.toHaveProperty('isHost');
    const announced = nextEvent(ada.socket, 'peer-joined');
    const late = await joinAs({ room: 'team', name: 'Grace', passcode: 'tea for two' });
    const peers = late.result.ok ? late.result.data.peers : [];
    expect(peers.map(({ name, isHost }) => [name, isHost ?? false])).toEqual([
      ['Host', true],
      ['Ada', false],
    ]);
    expect(await announced).not.toHaveProperty('isHost');
  });

  it('is marked when the host arrives after others', async () => {
    const ada = await joinAs({ room: 'later', name: 'Ada', passcode: 'tea for two' });
    const arriving = nextEvent(ada.socket, 'peer-joined');
    await joinAs({ room: 'later', name: 'Host', hostKey: HOST_KEY });
    expect(await arriving).toMatchObject({ name: 'Host', isHost: true });
  });
});

describe('host controls', () => {
  it('a locked room refuses newcomers with ROOM_LOCKED, tells those inside, and opens again', async () => {
    const host = await joinAs({ room: 'team', name: 'Host', hostKey: HOST_KEY });
    const ada = await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for two' });
    const told = nextEvent(ada.socket, 'room-state');
    expect(await host.socket.timeout(2000).emitWithAck('room:lock', { locked: true })).toEqual({ ok: true, data: { locked: true } });
    expect(await told).toEqual({ locked: true });
    expect((await joinAs({ room: 'team', name: 'Late', passcode: 'tea for two' })).result).toMatchObject({
      ok: false,
      error: { code: 'ROOM_LOCKED' },
    });
    // Other rooms on the server are not affected.
    expect((await joinAs({ room: 'other', name: 'Late', passcode: 'tea for two' })).result.ok).toBe(true);
    await host.socket.timeout(2000).emitWithAck('room:lock', { locked: false });
    expect((await joinAs({ room: 'team', name: 'Late', passcode: 'tea for two' })).result.ok).toBe(true);
  });

  it('only the host may lock or remove', async () => {
    await joinAs({ room: 'team', name: 'Host', hostKey: HOST_KEY });
    const ada = await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for two' });
    expect(await ada.socket.timeout(2000).emitWithAck('room:lock', { locked: true })).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
    const grace = await joinAs({ room: 'team', name: 'Grace', passcode: 'tea for two' });
    const graceId = grace.result.ok ? grace.result.data.selfId : '';
    expect(await ada.socket.timeout(2000).emitWithAck('room:remove', { peerId: graceId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_HOST' },
    });
  });

  it('removing a participant says goodbye to them, tells the others, and cannot reach other rooms', async () => {
    const host = await joinAs({ room: 'team', name: 'Host', hostKey: HOST_KEY });
    const ada = await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for two' });
    const adaId = ada.result.ok ? ada.result.data.selfId : '';
    const grace = await joinAs({ room: 'team', name: 'Grace', passcode: 'tea for two' });
    const outsider = await joinAs({ room: 'elsewhere', name: 'Out', passcode: 'tea for two' });
    const outsiderId = outsider.result.ok ? outsider.result.data.selfId : '';

    const farewell = nextEvent(ada.socket, 'farewell');
    const left = nextEvent(grace.socket, 'peer-left');
    expect(await host.socket.timeout(2000).emitWithAck('room:remove', { peerId: adaId })).toEqual({ ok: true, data: null });
    expect(await farewell).toEqual({ reason: 'removed-by-host' });
    expect(await left).toEqual({ id: adaId });
    expect(await host.socket.timeout(2000).emitWithAck('room:remove', { peerId: outsiderId })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PEER' },
    });
    expect(outsider.socket.connected).toBe(true);
  });
});

describe('closing the server', () => {
  it('tells everyone the host ended the room', async () => {
    const ada = await joinAs({ room: 'team', name: 'Ada', passcode: 'tea for two' });
    const seen = record(ada.socket, 'farewell');
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([{ reason: 'host-ended' }]);
  });
});
