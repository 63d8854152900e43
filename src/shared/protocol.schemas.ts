/**
 * Runtime schemas for every payload the server accepts. The server parses each inbound event with
 * these before touching it; a payload that does not parse is answered with `BAD_REQUEST`.
 */
import { z } from 'zod';
import { LIMITS, PROTOCOL_VERSION } from './protocol';
import { displayNameSchema, passcodeSchema, roomNameSchema } from './protocol.fields';

export { displayNameSchema, passcodeSchema, roomNameSchema };

const utf8Bytes = (value: string): number => new TextEncoder().encode(value).length;

const secretSchema = z.string().min(16).max(128);

const sessionDescriptionSchema = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z
    .string()
    .refine((sdp) => utf8Bytes(sdp) <= LIMITS.sdpBytes, `SDP is larger than ${LIMITS.sdpBytes} bytes`),
});

/** Only an offer can open a connection, so only an offer may ride on a join. */
const offerSchema = sessionDescriptionSchema.extend({ type: z.literal('offer') });

export const joinRequestSchema = z.strictObject({
  room: roomNameSchema,
  name: displayNameSchema,
  protocolVersion: z.number().int(),
  passcode: z.optional(passcodeSchema),
  hostKey: secretSchema.optional(),
  resumeToken: secretSchema.optional(),
  offer: offerSchema.optional(),
});

const peerIdSchema = z.string().min(1).max(64);

export const roomLockSchema = z.strictObject({ locked: z.boolean() });
export const roomRemoveSchema = z.strictObject({ peerId: peerIdSchema });

const iceCandidateSchema = z.strictObject({
  candidate: z.string().max(LIMITS.candidateBytes),
  sdpMid: z.string().max(64).nullable(),
  sdpMLineIndex: z.number().int().min(0).max(1024).nullable(),
  usernameFragment: z.string().max(256).nullable(),
});

export const signalPayloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('description'), description: sessionDescriptionSchema }),
  z.strictObject({ kind: z.literal('candidate'), candidate: iceCandidateSchema.nullable() }),
  z.strictObject({ kind: z.literal('restart-ice') }),
]);

export const signalRequestSchema = z.strictObject({
  to: peerIdSchema,
  payload: signalPayloadSchema,
});

export { PROTOCOL_VERSION };

/** The first issue found, as one sentence for an error message. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
