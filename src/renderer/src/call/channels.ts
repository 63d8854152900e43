/**
 * What every peer connection carries, whichever side makes it and whenever: an audio and a video
 * transceiver, and the data channels, each negotiated with a fixed id on both sides (so they ride
 * on the first offer/answer with no extra round trip).
 */
import { CHAT_CHANNEL, FILE_CHANNEL } from '../../../shared/collaboration';
import { CONTROL_CHANNEL } from '../../../shared/peerMessages';
import { FAST_START_ENCODINGS } from './bandwidth';

export type MediaKind = 'audio' | 'video';
export const MEDIA_KINDS: readonly MediaKind[] = ['audio', 'video'];
export type LocalTracks = Record<MediaKind, MediaStreamTrack | null>;

export const CHANNELS = { control: CONTROL_CHANNEL, chat: CHAT_CHANNEL, files: FILE_CHANNEL } as const;
export type ChannelKind = keyof typeof CHANNELS;
export const CHANNEL_KINDS = Object.keys(CHANNELS) as ChannelKind[];

/**
 * Adds our send-and-receive transceiver of this kind (with the track, or empty), in our one
 * outgoing stream; video starts small (fast start, bandwidth.ts).
 */
export function addMediaTransceiver(pc: RTCPeerConnection, kind: MediaKind, track: MediaStreamTrack | null, stream: MediaStream): RTCRtpTransceiver {
  return pc.addTransceiver(track ?? kind, {
    direction: 'sendrecv',
    streams: [stream],
    ...(kind === 'video' ? { sendEncodings: FAST_START_ENCODINGS } : {}),
  });
}

/** Creates the data channels; must happen before any description is applied, on both sides. */
export function createChannels(pc: RTCPeerConnection): Record<ChannelKind, RTCDataChannel> {
  return Object.fromEntries(
    CHANNEL_KINDS.map((kind) => {
      const channel = pc.createDataChannel(CHANNELS[kind].label, { negotiated: true, id: CHANNELS[kind].id, ordered: true });
      channel.binaryType = 'arraybuffer';
      return [kind, channel];
    }),
  ) as Record<ChannelKind, RTCDataChannel>;
}
