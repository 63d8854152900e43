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

/** The reactions anyone may send: a fixed set, so nothing else can be drawn on others' screens. */
export const REACTIONS = ['👍', '👏', '😂', '❤️', '🎉', '😮'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const peerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('media-state'), state: mediaStateSchema }),
  z.strictObject({ type: z.literal('view'), view: peerViewSchema }),
  /**
   * A hand raised or lowered. `seq` orders the hands the same on every screen whatever the clocks
   * say: one more than the highest the raiser has seen (ties broken by peer id).
   */
  z.strictObject({ type: z.literal('hand'), raised: z.boolean(), seq: z.number().int().min(0).max(1_000_000_000) }),
  /** The host lowers someone's hand; anyone else sending it is ignored. */
  z.strictObject({ type: z.literal('lower-hand'), peerId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('reaction'), emoji: z.enum(REACTIONS) }),
]);
export type PeerMessage = z.infer<typeof peerMessageSchema>;

/** Parses one raw channel message; undefined for anything malformed, oversized or unknown. */
export function parsePeerMessage(raw: unknown): PeerMessage | undefined {
  return parseJsonMessage(raw, peerMessageSchema, MAX_PEER_MESSAGE_BYTES);
}
