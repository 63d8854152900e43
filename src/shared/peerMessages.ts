/**
 * Messages participants send each other directly over the peer connection's control data channel
 * (never through the server). Every inbound message is validated before use.
 */
import { z } from 'zod';
import { parseJsonMessage } from './parseMessage';

/** The control channel is negotiated out of band with this id on both sides: no extra round trip. */
export const CONTROL_CHANNEL = { label: 'parley-control', id: 0 } as const;

export const MAX_PEER_MESSAGE_BYTES = 16 * 1024;

export const mediaStateSchema = z.strictObject({
  audioMuted: z.boolean(),
  videoOff: z.boolean(),
  /** Sending a shared screen as an extra video track (the camera stays). */
  screenSharing: z.boolean().optional(),
});
export type MediaState = z.infer<typeof mediaStateSchema>;

/**
 * How a receiver shows our camera, so we send what it needs and no more: featured (large, its
 * size), a thumbnail (its size), or not shown at all (scrolled away, its window hidden). Sizes in
 * device pixels, bounded.
 */
export const peerViewSchema = z.strictObject({
  shown: z.enum(['featured', 'thumbnail', 'hidden']),
  width: z.number().int().min(0).max(8192),
  height: z.number().int().min(0).max(8192),
});
export type PeerView = z.infer<typeof peerViewSchema>;

export const peerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('media-state'), state: mediaStateSchema }),
  z.strictObject({ type: z.literal('view'), view: peerViewSchema }),
]);
export type PeerMessage = z.infer<typeof peerMessageSchema>;

/** Parses one raw channel message; undefined for anything malformed, oversized or unknown. */
export function parsePeerMessage(raw: unknown): PeerMessage | undefined {
  return parseJsonMessage(raw, peerMessageSchema, MAX_PEER_MESSAGE_BYTES);
}
