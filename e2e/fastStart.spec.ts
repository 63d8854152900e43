/**
 * Fast start (bandwidth.ts): a new connection's camera goes at half resolution, so the first picture
 * arrives sooner, and at full resolution a second after connecting. Two real Meshes (bundled from
 * source) in Chromium with the fake 640×480 camera: B answers A's offer, as everyone already in a
 * room answers a newcomer, and the newcomer A watches B's video.
 */
import { withCallModules } from './bundle';
import { expect, test } from './fixtures';

type MeshModule = typeof import('../src/renderer/src/call/mesh');

test('the camera reaches a new peer at half resolution first, then at full resolution', async ({ browser, server }) => {
  await withCallModules(browser, server.url, { ParleyCall: 'mesh.ts' }, async (page) => {

    const outcome = await page.evaluate(async () => {
      const { Mesh } = (window as unknown as { ParleyCall: MeshModule }).ParleyCall;
      const camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
      const tracks = { audio: camera.getAudioTracks()[0]!, video: camera.getVideoTracks()[0]! };
      type Mesh = InstanceType<typeof Mesh>;
      const a: Mesh = new Mesh({ selfId: 'a', localTracks: tracks, send: (_to, payload) => setTimeout(() => b.receive('a', payload), 0) });
      const b: Mesh = new Mesh({ selfId: 'b', localTracks: tracks, send: (_to, payload) => setTimeout(() => a.receive('b', payload), 0) });

      // Widths of the frames A is shown of B, in order of arrival.
      const widths: number[] = [];
      const video = document.createElement('video');
      video.muted = true;
      document.body.append(video);
      const watch = (): void => void video.requestVideoFrameCallback((_now, frame) => (widths.push(frame.width), watch()));
      a.on('peer-stream', (_id, stream) => {
        video.srcObject = stream;
        void video.play();
        watch();
      });
      const scaleOfB = () => b.connections().get('a')?.getSenders().find((s) => s.track?.kind === 'video')?.getParameters().encodings[0]?.scaleResolutionDownBy;

      a.connectTo('b');
      const deadline = Date.now() + 10_000;
      while (widths.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const scaleAtFirstFrame = scaleOfB();
      while (!widths.includes(640) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const result = { first: widths[0], last: widths.at(-1), scaleAtFirstFrame, scaleAfter: scaleOfB() };
      a.close();
      b.close();
      return result;
    });

    expect(outcome).toEqual({ first: 320, last: 640, scaleAtFirstFrame: 2, scaleAfter: 1 });
  });
});
