/**
 * A full mesh: one PeerSession per remote participant, with our camera and microphone on each.
 *
 * Who offers: the newcomer, at once, to everyone already in the room (it learned them from its join
 * acknowledgement). Those already present create their side when the offer arrives and attach their
 * tracks to the offer's transceivers before answering, so one offer/answer carries media both ways.
 * Politeness is decided from the two ids, so both ends agree without a round trip.
 */
import type { SignalPayload } from '../../../shared/protocol';
import { Emitter } from './emitter';
import { PeerSession } from './peerSession';

export type MeshEvents = {
  /** A new stream object each time the peer's set of tracks changes. */
  'peer-stream': (peerId: string, stream: MediaStream) => void;
  'peer-connection-state': (peerId: string, state: RTCPeerConnectionState) => void;
  error: (peerId: string, error: unknown) => void;
};

export interface MeshOptions {
  selfId: string;
  localStream: MediaStream | null;
  send: (to: string, payload: SignalPayload) => void;
  createPeerConnection?: () => RTCPeerConnection;
}

/** The side whose id sorts first yields in glare. Any rule works if both ends compute the same. */
export function isPolite(selfId: string, peerId: string): boolean {
  return selfId < peerId;
}

const MEDIA_KINDS = ['audio', 'video'] as const;

interface PeerEntry {
  session: PeerSession;
  stream: MediaStream;
  tracksAttached: boolean;
}

export class Mesh extends Emitter<MeshEvents> {
  private readonly peers = new Map<string, PeerEntry>();
  private readonly createPeerConnection: () => RTCPeerConnection;

  constructor(private readonly options: MeshOptions) {
    super();
    // No STUN/TURN unless configured: a LAN call sends nothing to third parties.
    this.createPeerConnection = options.createPeerConnection ?? (() => new RTCPeerConnection({ iceServers: [] }));
  }

  /** As the newcomer: open a session to an existing peer and offer right away. */
  connectTo(peerId: string): void {
    const entry = this.ensure(peerId);
    if (entry.tracksAttached) return;
    entry.tracksAttached = true;
    const { pc } = entry.session;
    const local = this.options.localStream;
    // Always offer an audio and a video section, receive-only where we have no device, so the
    // other side can answer with its media even when we send none.
    for (const kind of MEDIA_KINDS) {
      const track = local?.getTracks().find((t) => t.kind === kind);
      if (track && local) pc.addTransceiver(track, { direction: 'sendrecv', streams: [local] });
      else pc.addTransceiver(kind, { direction: 'recvonly' });
    }
  }

  receive(from: string, payload: SignalPayload): void {
    void this.ensure(from).session.receive(payload);
  }

  remove(peerId: string): void {
    const entry = this.peers.get(peerId);
    if (!entry) return;
    this.peers.delete(peerId);
    entry.session.close();
  }

  close(): void {
    for (const peerId of [...this.peers.keys()]) this.remove(peerId);
    this.removeAllListeners();
  }

  session(peerId: string): PeerSession | undefined {
    return this.peers.get(peerId)?.session;
  }

  private ensure(peerId: string): PeerEntry {
    const existing = this.peers.get(peerId);
    if (existing) return existing;

    const pc = this.createPeerConnection();
    const entry: PeerEntry = {
      stream: new MediaStream(),
      tracksAttached: false,
      session: new PeerSession({
        pc,
        polite: isPolite(this.options.selfId, peerId),
        send: (payload) => this.options.send(peerId, payload),
        onRemoteOffer: () => this.attachToOffer(entry),
        onError: (error) => this.emit('error', peerId, error),
      }),
    };
    // Our own stream per peer, built from `track` events: it works whether or not the sender
    // associated its tracks with a stream (a track without one arrives with `streams` empty).
    pc.ontrack = ({ track }) => {
      entry.stream = new MediaStream([...entry.stream.getTracks().filter((t) => t.kind !== track.kind), track]);
      this.emit('peer-stream', peerId, entry.stream);
    };
    pc.onconnectionstatechange = () => this.emit('peer-connection-state', peerId, pc.connectionState);
    this.peers.set(peerId, entry);
    return entry;
  }

  /** As the one answering: put our tracks on the transceivers the remote offer created. */
  private attachToOffer(entry: PeerEntry): void {
    if (entry.tracksAttached) return;
    entry.tracksAttached = true;
    const local = this.options.localStream;
    if (!local) return;
    for (const track of local.getTracks()) entry.session.pc.addTrack(track, local);
  }
}
