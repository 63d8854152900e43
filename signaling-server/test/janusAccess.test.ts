/**
 * SFU mode's admission, against a real Janus and real sockets: a participant reaches the media
 * server only through the host, only with the access it was given at join, only in its own Janus
 * room, under its own id; leaving or being removed ends that access.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SFU_PATH, type JoinResult } from '../../src/shared/protocol';
import { createSignalingServer, type SignalingServer } from '../src/index';
import { closeAllClients, connect, joinWith } from './helpers';
import { janusMissing, startJanus, type JanusInstance } from './janusServer';

const HOST_KEY = 'host-key-0123456789abcdef';
let janus: JanusInstance;
let server: SignalingServer;

beforeAll(async () => {
  if (janusMissing) return;
  janus = await startJanus();
  server = await createSignalingServer({ host: '127.0.0.1', port: 0, hostKey: HOST_KEY, janus });
}, 30_000);

afterAll(async () => {
  await server?.close();
  await janus?.stop();
});

afterEach(() => closeAllClients());

async function participant(name: string, room = 'all-hands', hostKey?: string): Promise<{ socket: Awaited<ReturnType<typeof connect>>; self: JoinResult }> {
  const socket = await connect(server.url);
  const result = await joinWith(socket, { room, name, hostKey });
  if (!result.ok) throw new Error(result.error.message);
  return { socket, self: result.data };
}

/** A page's connection to the host's /janus, answering request → reply by transaction. */
async function janusThroughHost(access: string): Promise<{ ask: (message: Record<string, unknown>) => Promise<Record<string, unknown>>; events: Record<string, unknown>[]; closed: Promise<number>; socket: WebSocket }> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}${SFU_PATH}?access=${encodeURIComponent(access)}`, 'janus-protocol');
  const events: Record<string, unknown>[] = [];
  const waiting = new Map<string, (message: Record<string, unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    if (message['janus'] === 'ack') return;
    // A request's answer ("success", "error", or the event that ends an asynchronous one).
    const resolve = waiting.get(String(message['transaction']));
    if (!resolve) return void events.push(message);
    waiting.delete(String(message['transaction']));
    resolve(message);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let counter = 0;
  const ask = (message: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const transaction = `t${++counter}`;
      waiting.set(transaction, resolve);
      socket.send(JSON.stringify({ ...message, transaction }));
    });
  return { ask, events, closed, socket };
}

/** A session and a VideoRoom handle on it. */
async function videoRoomHandle(janusSocket: Awaited<ReturnType<typeof janusThroughHost>>): Promise<{ session_id: unknown; handle_id: unknown }> {
  const session = await janusSocket.ask({ janus: 'create' });
  const session_id = (session['data'] as { id: number }).id;
  const handle = await janusSocket.ask({ janus: 'attach', session_id, plugin: 'janus.plugin.videoroom' });
  return { session_id, handle_id: (handle['data'] as { id: number }).id };
}

/** As the host would: straight to Janus, with its API secret, on a session and handle of its own. */
async function askJanusDirectly(message: Record<string, unknown>): Promise<Record<string, unknown>> {
  const direct = new WebSocket(janus.url, 'janus-protocol');
  await new Promise((resolve) => direct.once('open', resolve));
  let counter = 0;
  const ask = (request: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const transaction = `d${++counter}`;
      const onMessage = (data: WebSocket.RawData): void => {
        const answer = JSON.parse(String(data)) as Record<string, unknown>;
        if (answer['transaction'] !== transaction || answer['janus'] === 'ack') return;
        direct.off('message', onMessage);
        resolve(answer);
      };
      direct.on('message', onMessage);
      direct.send(JSON.stringify({ ...request, transaction, apisecret: janus.apiSecret }));
    });
  const session_id = ((await ask({ janus: 'create' }))['data'] as { id: number }).id;
  const handle_id = ((await ask({ janus: 'attach', session_id, plugin: 'janus.plugin.videoroom' }))['data'] as { id: number }).id;
  const answer = await ask({ ...message, session_id, handle_id });
  direct.close();
  return answer;
}

const pluginData = (message: Record<string, unknown>) => (message['plugindata'] as { data: Record<string, unknown> }).data;

describe.skipIf(janusMissing)('SFU mode: who may use the host\'s Janus', () => {
  it('a join carries a Janus room and a token; a publisher joins there under its own Parley id, whatever name it asked for', async () => {
    const ada = await participant('Ada');
    expect(ada.self.sfu).toEqual({ janusRoom: expect.any(Number), token: expect.any(String) });
    const grace = await participant('Grace');
    expect(grace.self.sfu!.janusRoom).toBe(ada.self.sfu!.janusRoom);
    expect(grace.self.sfu!.token).not.toBe(ada.self.sfu!.token);

    const link = await janusThroughHost(ada.self.sfu!.token);
    const handle = await videoRoomHandle(link);
    const joined = await link.ask({ janus: 'message', ...handle, body: { request: 'join', ptype: 'publisher', room: ada.self.sfu!.janusRoom, display: 'Grace, honestly' } });
    expect(pluginData(joined)).toMatchObject({ videoroom: 'joined', room: ada.self.sfu!.janusRoom });
    // Asked of Janus itself, with the host's API secret: who is in that room, under what name.
    const participants = await askJanusDirectly({ janus: 'message', body: { request: 'listparticipants', room: ada.self.sfu!.janusRoom } });
    expect(pluginData(participants)['participants']).toEqual([expect.objectContaining({ display: ada.self.selfId })]);
    link.socket.close();
  });

  it('no access, someone else\'s room, listing, creating, other plugins: all refused, and Janus is never asked', async () => {
    await expect(janusThroughHost('not-a-token')).rejects.toThrow(/403/);
    const ada = await participant('Ada');
    const other = await participant('Linus', 'other-room');
    const link = await janusThroughHost(ada.self.sfu!.token);
    const handle = await videoRoomHandle(link);
    const refused = (message: Record<string, unknown>) => expect(message).toMatchObject({ janus: 'error', error: { code: 403 } });
    refused(await link.ask({ janus: 'message', ...handle, body: { request: 'join', ptype: 'publisher', room: other.self.sfu!.janusRoom } }));
    refused(await link.ask({ janus: 'message', ...handle, body: { request: 'list' } }));
    refused(await link.ask({ janus: 'message', ...handle, body: { request: 'create', room: 1234 } }));
    refused(await link.ask({ janus: 'message', ...handle, body: { request: 'listparticipants', room: other.self.sfu!.janusRoom } }));
    refused(await link.ask({ janus: 'message', ...handle, body: { request: 'kick', room: ada.self.sfu!.janusRoom, id: 1 } }));
    refused(await link.ask({ janus: 'attach', session_id: handle.session_id, plugin: 'janus.plugin.streaming' }));
    refused(await link.ask({ janus: 'info' }));
    // Its own room still works after all that.
    const joined = await link.ask({ janus: 'message', ...handle, body: { request: 'join', ptype: 'publisher', room: ada.self.sfu!.janusRoom } });
    expect(pluginData(joined)).toMatchObject({ videoroom: 'joined' });
    link.socket.close();
  });

  it('Janus itself refuses what does not carry the host\'s API secret', async () => {
    const direct = new WebSocket(janus.url, 'janus-protocol');
    await new Promise((resolve) => direct.once('open', resolve));
    const answer = await new Promise<Record<string, unknown>>((resolve) => {
      direct.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>));
      direct.send(JSON.stringify({ janus: 'create', transaction: 'x' }));
    });
    expect(answer).toMatchObject({ janus: 'error', error: { code: 403 } });
    direct.close();
  });

  it('a second connection with the same access (a page back after an outage) replaces the first', async () => {
    const ada = await participant('Ada');
    const first = await janusThroughHost(ada.self.sfu!.token);
    const second = await janusThroughHost(ada.self.sfu!.token);
    expect(await first.closed).toBe(4001);
    const handle = await videoRoomHandle(second);
    const joined = await second.ask({ janus: 'message', ...handle, body: { request: 'join', ptype: 'publisher', room: ada.self.sfu!.janusRoom } });
    expect(pluginData(joined)).toMatchObject({ videoroom: 'joined' });
    second.socket.close();
  });

  it('removed by the host: its Janus connection closes, and its token no longer opens one', async () => {
    const host = await participant('Host', 'all-hands', HOST_KEY);
    const grace = await participant('Grace');
    const link = await janusThroughHost(grace.self.sfu!.token);
    const handle = await videoRoomHandle(link);
    await link.ask({ janus: 'message', ...handle, body: { request: 'join', ptype: 'publisher', room: grace.self.sfu!.janusRoom } });
    const removed = await new Promise((resolve) => host.socket.emit('room:remove', { peerId: grace.self.selfId }, resolve));
    expect(removed).toEqual({ ok: true, data: null });
    expect(await link.closed).toBe(4003);
    await expect(janusThroughHost(grace.self.sfu!.token)).rejects.toThrow(/403/);
    // The host's own access is untouched.
    const hostLink = await janusThroughHost(host.self.sfu!.token);
    const hostHandle = await videoRoomHandle(hostLink);
    const joined = await hostLink.ask({ janus: 'message', ...hostHandle, body: { request: 'join', ptype: 'publisher', room: host.self.sfu!.janusRoom } });
    expect(pluginData(joined)).toMatchObject({ videoroom: 'joined' });
    hostLink.socket.close();
  });
});
