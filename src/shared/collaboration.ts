/**
 * Chat and file transfer between participants, peer to peer over their own data channels (never
 * through the server). Both channels are negotiated out of band, like the control channel, so they
 * open with the first offer/answer. Every inbound message is validated before use.
 */
import { z } from 'zod';
import { parseJsonMessage } from './parseMessage';

export const CHAT_CHANNEL = { label: 'parley-chat', id: 1 } as const;
export const FILE_CHANNEL = { label: 'parley-files', id: 2 } as const;

export const CHAT_LIMITS = { textChars: 4000 } as const;

export const FILE_LIMITS = {
  /** Bytes per chunk: small enough for every browser's SCTP message limit. */
  chunkBytes: 16 * 1024,
  /** Bytes per chunk where the connection's max-message-size allows (Chromium takes 256 KB). */
  largeChunkBytes: 64 * 1024,
  /**
   * Bytes read from the file at a time (then sent as chunks), and kept per Blob as they arrive.
   * Large, because in Chromium each Blob made or sliced waits on the browser process: 6–7 ms each
   * in a profile of a transfer at full speed, when these were 1 MB.
   */
  readBytes: 4 * 1024 * 1024,
  /**
   * The file's digest is the SHA-256 of the SHA-256s of its blocks of this many bytes, in order
   * (fileAssembly.ts). Part of the protocol: both sides must cut the file the same way.
   */
  digestBlockBytes: 1024 * 1024,
  /**
   * Stop queueing above this many buffered bytes, resume below the low mark (back-pressure). Deep
   * enough that the channel never runs dry while we wait (1 MB / 256 KB gave 5.0 MB/s on loopback
   * here, 4 MB / 1 MB 7.3 MB/s), well under the 16 MB at which Chromium closes the channel.
   */
  highWaterBytes: 4 * 1024 * 1024,
  lowWaterBytes: 1024 * 1024,
  /** The largest file offered at all; the receiver sees the size before accepting. */
  maxFileBytes: 1024 * 1024 * 1024,
  nameChars: 200,
} as const;

const id = z.string().min(8).max(64).regex(/^[\w-]+$/);
const MAX_JSON_BYTES = 16 * 1024;

export const chatMessageSchema = z.strictObject({
  type: z.literal('chat'),
  id,
  text: z.string().min(1).max(CHAT_LIMITS.textChars),
  /** The sender's clock; shown as sent time, never used for ordering. */
  sentAt: z.number().int().nonnegative(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A plain file name: no folders, no control characters, not hidden. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(FILE_LIMITS.nameChars)
  .regex(/^[^/\\:*?"<>|\p{Cc}]+$/u, 'A plain file name')
  .refine((name) => !name.startsWith('.') && name.trim() === name, 'A plain file name');

export const fileControlSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('file-offer'),
    id,
    name: fileNameSchema,
    size: z.number().int().min(0).max(FILE_LIMITS.maxFileBytes),
    mime: z.string().max(128),
    /** The SHA-256 of the SHA-256s of the file's digest blocks (FILE_LIMITS.digestBlockBytes), in order. */
    sha256Blocks: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.strictObject({ type: z.literal('file-accept'), id }),
  z.strictObject({ type: z.literal('file-decline'), id }),
  /** The sender starts streaming this file: binary chunks that follow belong to it, until file-end. */
  z.strictObject({ type: z.literal('file-begin'), id }),
  /** Either side gives up; the receiver discards what it has. */
  z.strictObject({ type: z.literal('file-cancel'), id }),
  /** The sender has sent every chunk. */
  z.strictObject({ type: z.literal('file-end'), id }),
  /** The receiver checked size and digest. */
  z.strictObject({ type: z.literal('file-received'), id, verified: z.boolean() }),
]);
export type FileControl = z.infer<typeof fileControlSchema>;
export type FileOffer = Extract<FileControl, { type: 'file-offer' }>;

export const parseChatMessage = (raw: unknown): ChatMessage | undefined => parseJsonMessage(raw, chatMessageSchema, MAX_JSON_BYTES);
export const parseFileControl = (raw: unknown): FileControl | undefined => parseJsonMessage(raw, fileControlSchema, MAX_JSON_BYTES);

/** Links in chat text, found for display; whether one may be opened is `isSafeExternalUrl`'s call. */
export function splitLinks(text: string): { text: string; link: boolean }[] {
  const parts: { text: string; link: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/gi)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), link: false });
    parts.push({ text: match[0], link: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), link: false });
  return parts;
}
