/**
 * The join prepared before the click (src/renderer/src/call/joinPreparation.ts), in real Chromium.
 *
 * Call layer: a standby connection made with the camera of the moment is adopted by the Mesh for
 * the first peer; its offer leaves at once (no new connection, no new offer), the track chosen
 * since is the one sent, and media and data channels work; the receiver is given one stream for
 * the offer's audio and video together. A standby that cannot be used is
 * closed and the call goes on without it.
 *
 * App: the joiner's offer was made before the click and rides on the join request, and the join
 * uses the connection to the host opened beforehand; a host that dropped that connection (its half-open limit) still gets a join.
 */
import { createSignalingServer } from '../signaling-server/src/index';
import { instrumentAudioGraph } from './audioGraph';
import { withCallModules } from './bundle';
import { countWebSockets, expect, instrumentPeerConnections, joinCall, openParticipant, RENDERER_DIR, test } from './fixtures';
import { expectMediaFlowing } from './media';

type MeshModule = typeof import('../src/renderer/src/call/mesh');
type StandbyModule = typeof import('../src/renderer/src/call/standbyConnection');

test('a standby connection becomes the first peer connection: offer at once, current camera, media and channels', async ({ browser, server }) => {
  await withCallModules(browser, server.url, { ParleyCall: 'mesh.ts', ParleyStandby: 'standbyConnection.ts' }, async (page) => {

    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { ParleyCall: MeshModule; ParleyStandby: StandbyModule };
      const { Mesh } = w.ParleyCall;
      const { prepareStandby, isStandbyUsable } = w.ParleyStandby;
      const camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
      // The standby is made with the first camera; then the user picks "another" (a 400×300 canvas).
      const standby = await prepareStandby({ audio: camera.getAudioTracks()[0]!, video: camera.getVideoTracks()[0]! }, { servers: [], relayOnly: false });
      const canvas = Object.assign(document.createElement('canvas'), { width: 400, height: 300 });
      const painter = setInterval(() => canvas.getContext('2d')!.fillRect(0, 0, Math.random() * 400, 300), 30);
      const otherCamera = canvas.captureStream(30).getVideoTracks()[0]!;
      const usableForOtherSettings = isStandbyUsable(standby, { servers: [{ urls: 'stun:stun.invalid:3478' }], relayOnly: false });

      const sentByA: string[] = [];
      const received: string[] = [];
      type Mesh = InstanceType<typeof Mesh>;
      const a: Mesh = new Mesh({
        selfId: 'a',
        localTracks: { audio: camera.getAudioTracks()[0]!, video: otherCamera },
        standby,
        send: (_to, payload) => {
          sentByA.push(payload.kind === 'description' ? payload.description.type : payload.kind);
          setTimeout(() => b.receive('a', payload), 0);
        },
      });
      const b: Mesh = new Mesh({
        selfId: 'b',
        localTracks: { audio: null, video: null },
        send: (_to, payload) => setTimeout(() => a.receive('b', payload), 0),
      });
      const video = document.createElement('video');
      video.muted = true;
      document.body.append(video);
      const streamsAtB: string[] = [];
      b.on('peer-stream', (_id, stream) => {
        streamsAtB.push(stream.getTracks().map((track) => track.kind).sort().join('+'));
        video.srcObject = stream;
        void video.play();
      });
      b.on('channel-open', (_id, kind) => {
        if (kind === 'chat') b.sendTo('a', 'chat', { hello: 'from b' });
      });
      a.on('channel-data', (_id, kind, data) => received.push(`${kind}:${String(data)}`));

      a.connectTo('b');
      const sentAtOnce = [...sentByA];
      const adopted = a.connections().get('b') === standby.pc;
      const deadline = Date.now() + 10_000;
      while ((video.videoWidth === 0 || received.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const result = {
        usableForOtherSettings,
        sentAtOnce,
        adopted,
        connectionsMadeByA: a.connections().size,
        state: standby.pc.connectionState,
        width: video.videoWidth,
        received,
        streamsAtB,
      };
      clearInterval(painter);
      a.close();
      b.close();
      return result;
    });

    expect(outcome.usableForOtherSettings).toBe(false);
    expect(outcome.sentAtOnce).toEqual(['offer']); // synchronously, inside connectTo
    expect(outcome.adopted).toBe(true);
    expect(outcome.connectionsMadeByA).toBe(1);
    expect(outcome.state).toBe('connected');
    // The camera chosen after the standby was made, at half size while the connection starts, or full.
    expect([200, 400]).toContain(outcome.width);
    expect(outcome.received).toEqual(['chat:{"hello":"from b"}']);
    // One stream for the offer's audio and video together: the player is set up once.
    expect(outcome.streamsAtB).toEqual(['audio+video']);
  });
});

test('a standby that can no longer be used is closed, and the first peer gets a connection of its own', async ({ browser, server }) => {
  await withCallModules(browser, server.url, { ParleyCall: 'mesh.ts', ParleyStandby: 'standbyConnection.ts' }, async (page) => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { ParleyCall: MeshModule; ParleyStandby: StandbyModule };
      const { Mesh } = w.ParleyCall;
      const camera = await navigator.mediaDevices.getUserMedia({ video: true });
      const standby = await w.ParleyStandby.prepareStandby({ audio: null, video: camera.getVideoTracks()[0]! }, { servers: [], relayOnly: false });
      standby.pc.close(); // e.g. the page dropped it after a network change
      type Mesh = InstanceType<typeof Mesh>;
      const a: Mesh = new Mesh({ selfId: 'a', localTracks: { audio: null, video: camera.getVideoTracks()[0]! }, standby, send: (_to, p) => setTimeout(() => b.receive('a', p), 0) });
      const b: Mesh = new Mesh({ selfId: 'b', localTracks: { audio: null, video: null }, send: (_to, p) => setTimeout(() => a.receive('b', p), 0) });
      a.connectTo('b');
      const pc = a.connections().get('b')!;
      const deadline = Date.now() + 10_000;
      while (pc.connectionState !== 'connected' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const result = { sameAsStandby: pc === standby.pc, state: pc.connectionState };
      a.close();
      b.close();
      return result;
    });
    expect(outcome).toEqual({ sameAsStandby: false, state: 'connected' });
  });
});

/** The Socket.IO events the page sends, by name, with whether each carries an SDP offer. */
function recordSentEvents(): void {
  const sent: { event: string; offer: boolean }[] = [];
  (window as unknown as { __sentEvents: typeof sent }).__sentEvents = sent;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    // An event packet is "42" (message, event), an optional ack id, then a JSON array [name, payload].
    const packet = typeof data === 'string' ? /^42\d*(\[.*)$/s.exec(data) : null;
    if (packet) {
      const [event, payload] = JSON.parse(packet[1]!) as [string, unknown];
      sent.push({ event, offer: JSON.stringify(payload).includes('"type":"offer"') });
    }
    return send.call(this, data);
  };
}

/** When the page's first offer was set, and when Join was clicked. */
function instrumentJoin(): void {
  const w = window as unknown as { __firstOfferAt: number; __clickAt: number };
  const setLocal = RTCPeerConnection.prototype.setLocalDescription;
  RTCPeerConnection.prototype.setLocalDescription = function (this: RTCPeerConnection, ...args: unknown[]) {
    w.__firstOfferAt ??= performance.now();
    return (setLocal as (...a: unknown[]) => Promise<void>).apply(this, args);
  } as typeof setLocal;
  document.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('button')?.textContent === 'Join') w.__clickAt ??= performance.now();
  }, true);
}

test('the app joins with the offer and the host connection it prepared before the click', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  await joinCall(ada);

  const context = await browser.newContext();
  const page = await context.newPage();
  participants.push({ name: 'Grace', page, context });
  await page.addInitScript(instrumentPeerConnections);
  await page.addInitScript(instrumentAudioGraph);
  await page.addInitScript(countWebSockets);
  await page.addInitScript(instrumentJoin);
  await page.addInitScript(recordSentEvents);
  await page.goto(`${server.url}/?room=team`);
  await page.getByLabel('Display name').fill('Grace');
  await page.getByRole('button', { name: 'Join' }).hover();
  // Prepared: one connection with its offer set, one WebSocket to the host.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __firstOfferAt?: number }).__firstOfferAt !== undefined)).toBe(true);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __sockets: number }).__sockets)).toBe(1);

  await joinCall({ name: 'Grace', page, context });
  await expectMediaFlowing(page, 1);
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __sockets: number; __firstOfferAt: number; __clickAt: number; __parleyPeerConnections: RTCPeerConnection[] };
    return { sockets: w.__sockets, offerBeforeClick: w.__firstOfferAt < w.__clickAt, connections: w.__parleyPeerConnections.length };
  });
  expect(seen).toEqual({ sockets: 1, offerBeforeClick: true, connections: 1 });
  // The offer rode on the join; it was not signalled again.
  const offers = await page.evaluate(() => (window as unknown as { __sentEvents: { event: string; offer: boolean }[] }).__sentEvents.filter((e) => e.offer));
  expect(offers).toEqual([{ event: 'join', offer: true }]);
  await expectMediaFlowing(ada.page, 1);
});

test('a host that dropped the prepared connection (half-open limit) still gets a join', async ({ browser, participants }) => {
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR, limits: { joinTimeoutMs: 500 } });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    participants.push({ name: 'Grace', page, context });
    await page.addInitScript(countWebSockets);
    await page.addInitScript(instrumentJoin);
    await page.goto(`${server.url}/?room=team`);
    await page.getByLabel('Display name').fill('Grace');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sockets: number }).__sockets)).toBe(1);
    await page.waitForTimeout(1000); // the host has closed it by now
    await joinCall({ name: 'Grace', page, context });
    await expect(page.getByText('Waiting for others to join…')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sockets: number }).__sockets)).toBeGreaterThanOrEqual(2);
  } finally {
    await server.close();
  }
});
