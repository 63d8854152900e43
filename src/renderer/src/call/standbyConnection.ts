/**
 * A peer connection made ahead of time, while the user is still on the home screen: our audio and
 * video transceivers and the data channels are in place, the offer is set and ICE has gathered, so
 * the first peer the host names gets an offer the moment the join is acknowledged. It depends on
 * nothing about the host (only on the STUN/TURN settings), and makes the join as fast as the
 * network allows: creating a connection, making an offer and gathering candidates all happen
 * before the click instead of after it.
 *
 * The ids it will carry are unknown until the join; the Mesh adopts it for one peer (see
 * Mesh.connectTo). One that waited too long, or outlived a network change, is not used.
 */
import type { IceConfig } from '../../../shared/iceServers';
import { addMediaTransceiver, createChannels, MEDIA_KINDS, type ChannelKind, type LocalTracks, type MediaKind } from './channels';
import { iceKey, rtcConfiguration } from './iceConfig';

/** Older than this, candidates (reflexive ones especially) may no longer be valid: make a new one. */
export const STANDBY_MAX_AGE_MS = 60_000;

export interface StandbyConnection {
  readonly pc: RTCPeerConnection;
  readonly channels: Record<ChannelKind, RTCDataChannel>;
  readonly transceivers: Record<MediaKind, RTCRtpTransceiver>;
  /** The ICE settings it was made with (iceConfig.ts's iceKey). */
  readonly iceKey: string;
  readonly createdAt: number;
}

/**
 * Makes the connection and sets its offer; ICE gathers from then on. The offer is sent as the
 * local description reads when the peer is known, so it carries every candidate gathered by then
 * (later ones trickle as usual). Rejects if the browser refuses; the join then simply goes without.
 */
export async function prepareStandby(
  localTracks: LocalTracks,
  ice: IceConfig | undefined,
  createPeerConnection: () => RTCPeerConnection = () => new RTCPeerConnection(rtcConfiguration(ice)),
): Promise<StandbyConnection> {
  const pc = createPeerConnection();
  try {
    // One stream for our audio and video, so the receiver keeps them in lip sync.
    const stream = new MediaStream();
    const channels = createChannels(pc);
    const transceivers = Object.fromEntries(
      MEDIA_KINDS.map((kind) => [kind, addMediaTransceiver(pc, kind, localTracks[kind], stream)]),
    ) as Record<MediaKind, RTCRtpTransceiver>;
    await pc.setLocalDescription();
    return { pc, channels, transceivers, iceKey: iceKey(ice), createdAt: Date.now() };
  } catch (error) {
    pc.close();
    throw error;
  }
}

/** Its offer is set and nobody answered it yet (not closed, not renegotiated): it can still be sent. */
export function hasUnansweredOffer(standby: StandbyConnection): boolean {
  return standby.pc.signalingState === 'have-local-offer';
}

/** Whether a standby may still be used for a call with these STUN/TURN settings. */
export function isStandbyUsable(standby: StandbyConnection, ice: IceConfig | undefined, now = Date.now()): boolean {
  return (
    hasUnansweredOffer(standby) &&
    standby.iceKey === iceKey(ice) &&
    now - standby.createdAt < STANDBY_MAX_AGE_MS
  );
}

export function closeStandby(standby: StandbyConnection): void {
  for (const channel of Object.values(standby.channels)) channel.close();
  standby.pc.close();
}
