/**
 * How our video goes to each peer of the mesh: the camera's encoding for each, from the policy
 * applied to the room as it is now (encodingPolicy.ts: each peer's view, fast start, our
 * encoders' CPU pressure), and a shared screen's bitrate for the room's size. The CPU watch lives
 * here: when its level moves, every peer's encoding is set again.
 */
import { applyEncoding, capSender, screenBitrateFor } from './bandwidth';
import { CpuWatch } from './cpuWatch';
import { cameraEncodings, type CameraEncoding } from './encodingPolicy';
import type { MeshPeer } from './meshPeer';

export class OutgoingVideo {
  private readonly cpu: CpuWatch;

  /**
   * `peers`: the mesh's peers now; `sourceHeight`: our camera's height in lines now;
   * `report`: a sender refused its parameters (by peer id, or 'local').
   */
  constructor(
    private readonly peers: () => ReadonlyMap<string, MeshPeer>,
    private readonly sourceHeight: () => number,
    private readonly report: (peerId: string, error: unknown) => void,
  ) {
    this.cpu = new CpuWatch(
      () => [...peers().values()].flatMap((peer) => (peer.senders?.video?.track ? [peer.senders.video] : [])),
      () => this.applyToAll(),
    );
  }

  /** Sets every video sender for the room as it is now: sizes, views, fast start, CPU. */
  applyToAll(): void {
    const peers = this.peers();
    const screenCap = screenBitrateFor(peers.size);
    // The policy once for the whole room (the peers share one uplink), then each peer's share of it.
    const encodings = this.cameraEncodings();
    for (const [peerId, peer] of peers) {
      const report = (error: unknown): void => this.report(peerId, error);
      this.applyCamera(peer, report, encodings);
      // A shared screen keeps its resolution (text must stay sharp) and gives up frame rate instead.
      const screen = peer.screenTransceiver;
      if (screen && screen.direction === 'sendrecv') capSender(screen.sender, screenCap, 'maintain-resolution').catch(report);
    }
  }

  /** This peer's camera only (its senders were just attached, or its fast start began again). */
  applyTo(peer: MeshPeer): void {
    this.applyCamera(peer, (error: unknown) => this.report('local', error));
  }

  /** The call is over. */
  stop(): void {
    this.cpu.stop();
  }

  /** The camera encoding for every peer, from the policy applied to the room as it is now. */
  private cameraEncodings(): Map<MeshPeer, CameraEncoding> {
    const peers = [...this.peers().values()];
    const encodings = cameraEncodings(peers.map(({ view, fastStart }) => ({ view, fastStart: fastStart.active })), this.sourceHeight(), this.cpu.level());
    return new Map(peers.map((peer, index) => [peer, encodings[index]!]));
  }

  /** This peer's camera encoding (its share of `encodings`, worked out for the room when not given). */
  private applyCamera(peer: MeshPeer, report: (error: unknown) => void, encodings = this.cameraEncodings()): void {
    const camera = peer.senders?.video;
    if (!camera) return;
    const encoding = encodings.get(peer);
    if (encoding) applyEncoding(camera, encoding).catch(report);
    this.cpu.start();
  }
}
