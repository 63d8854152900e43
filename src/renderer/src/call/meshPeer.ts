/**
 * What the mesh (mesh.ts) keeps for each remote participant: its session, the stream built from its
 * tracks, our senders and data channels to it, how it shows our camera, and the watches on its path.
 */
import type { PeerView } from '../../../shared/peerMessages';
import type { ChannelKind, MediaKind } from './channels';
import type { FastStart } from './fastStart';
import type { PeerSession } from './peerSession';

export interface MeshPeer {
  session: PeerSession;
  stream: MediaStream;
  channels: Record<ChannelKind, RTCDataChannel>;
  /** Set once our tracks are attached (as offerer at once, as answerer when the offer arrives). */
  senders: Partial<Record<MediaKind, RTCRtpSender>> | null;
  /** Made the first time we share with this peer; kept (send direction off) while not sharing. */
  screenTransceiver: RTCRtpTransceiver | null;
  /** `stream` has tracks the owner has not been told of yet (see the mesh's `track` handler). */
  streamChanged: boolean;
  /** The camera goes at reduced resolution until shortly after connecting, and after a path change (fastStart.ts). */
  fastStart: FastStart;
  /** How this peer shows our camera (its view request); null until it says. */
  view: PeerView | null;
  stopPathWatch: () => void;
  stopPathChanges: () => void;
}

/** The participant left, or the call is over: stop its watches and close its channels and connection. */
export function closeMeshPeer(peer: MeshPeer): void {
  peer.fastStart.stop();
  for (const channel of Object.values(peer.channels)) channel.close();
  peer.stopPathWatch();
  peer.stopPathChanges();
  peer.session.close();
}

/** The camera's: the first video transceiver (made with the first offer); any later one carries a shared screen. */
export function firstVideoTransceiver(pc: RTCPeerConnection): RTCRtpTransceiver | undefined {
  return pc.getTransceivers().find((transceiver) => transceiver.receiver.track.kind === 'video');
}
