/**
 * OutgoingVideo sets each peer's camera encoding from the policy worked out for the whole room,
 * caps a shared screen for the room's size, and reports a sender's refusal under that peer's id.
 * Senders are stand-ins keeping RTCRtpSender's parameter contract: getParameters hands out a copy,
 * setParameters takes it back (or refuses).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeerView } from '../../../shared/peerMessages';
import { screenBitrateFor } from './bandwidth';
import { cameraEncodings } from './encodingPolicy';
import type { MeshPeer } from './meshPeer';
import { OutgoingVideo } from './outgoingVideo';

afterEach(() => vi.useRealTimers());

function standInSender(refuse = false) {
  let parameters = { encodings: [{}] as RTCRtpEncodingParameters[], degradationPreference: undefined as RTCDegradationPreference | undefined };
  return {
    track: {} as MediaStreamTrack,
    getParameters: () => structuredClone(parameters),
    setParameters: vi.fn(async (next: typeof parameters) => {
      if (refuse) throw new Error('InvalidModificationError');
      parameters = structuredClone(next);
    }),
    /** What the encoder was last told. */
    get applied() {
      return { ...parameters.encodings[0], degradationPreference: parameters.degradationPreference };
    },
  };
}
type StandIn = ReturnType<typeof standInSender>;

function peer(view: PeerView | null, camera: StandIn, screen?: { sender: StandIn; direction: RTCRtpTransceiverDirection }): MeshPeer {
  return { view, senders: { video: camera as unknown as RTCRtpSender }, screenTransceiver: (screen ?? null) as unknown as RTCRtpTransceiver, fastStart: { active: false } } as unknown as MeshPeer;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OutgoingVideo', () => {
  it('gives each peer its share of the policy for the whole room: featured, thumbnail, hidden', async () => {
    const cameras = { ada: standInSender(), grace: standInSender(), linus: standInSender() };
    const views: Record<keyof typeof cameras, PeerView> = {
      ada: { shown: 'featured', width: 640, height: 480 },
      grace: { shown: 'thumbnail', width: 160, height: 120 },
      linus: { shown: 'hidden', width: 0, height: 0 },
    };
    const peers = new Map(Object.entries(cameras).map(([id, camera]) => [id, peer(views[id as keyof typeof cameras], camera)]));
    const video = new OutgoingVideo(() => peers, () => 480, vi.fn());
    video.applyToAll();
    await settle();
    video.stop();

    const expected = cameraEncodings(Object.values(views).map((view) => ({ view, fastStart: false })), 480, 0);
    // No frame rate cap is no maxFramerate at all on the encoding (JSON drops the undefined).
    Object.values(cameras).forEach((camera, index) => expect(camera.applied).toMatchObject(JSON.parse(JSON.stringify(expected[index]))));
    expect(cameras.grace.applied.scaleResolutionDownBy).toBe(4); // 480 lines to a 120-line thumbnail
    expect(cameras.linus.applied.active).toBe(false);
  });

  it('caps a shared screen for the room and keeps its resolution; a screen no longer shared is left alone', async () => {
    const sharing = standInSender();
    const stopped = standInSender();
    const peers = new Map([
      ['ada', peer(null, standInSender(), { sender: sharing, direction: 'sendrecv' })],
      ['grace', peer(null, standInSender(), { sender: stopped, direction: 'recvonly' })],
    ]);
    const video = new OutgoingVideo(() => peers, () => 480, vi.fn());
    video.applyToAll();
    await settle();
    video.stop();
    expect(sharing.applied).toMatchObject({ maxBitrate: screenBitrateFor(2), degradationPreference: 'maintain-resolution' });
    expect(stopped.setParameters).not.toHaveBeenCalled();
  });

  it('reports a refusal under the peer it concerns, or as local for a single peer just attached', async () => {
    const report = vi.fn();
    const refusing = peer({ shown: 'featured', width: 640, height: 480 }, standInSender(true));
    const peers = new Map([['ada', refusing]]);
    const video = new OutgoingVideo(() => peers, () => 480, report);
    video.applyToAll();
    await settle();
    expect(report).toHaveBeenCalledWith('ada', expect.any(Error));
    video.applyTo(refusing);
    await settle();
    expect(report).toHaveBeenLastCalledWith('local', expect.any(Error));
    video.stop();
  });

  it('asks the encoders about CPU once a camera is sending, and no longer once stopped', () => {
    vi.useFakeTimers();
    const peers = new Map([['ada', peer(null, standInSender())]]);
    const video = new OutgoingVideo(() => peers, () => 480, vi.fn());
    expect(vi.getTimerCount()).toBe(0);
    video.applyToAll();
    expect(vi.getTimerCount()).toBe(1);
    video.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
