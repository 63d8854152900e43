/** Runtime schemas for IPC arguments: main validates every call before acting on it. */
import { z } from 'zod';
import { fileNameSchema } from './collaboration';
import { parseAccelerator } from './accelerator';
import { PUSH_TO_TALK_KEY_PATTERN } from './pushToTalkKey';
import { LOCALES } from './i18n/locales';
import { passcodeSchema, roomNameSchema } from './protocol.schemas';

export const hostingStartRequestSchema = z.strictObject({
  room: roomNameSchema,
  port: z.number().int().min(1024, 'Pick a port from 1024 up').max(65535).optional(),
  passcode: z.optional(passcodeSchema),
});

export const mediaDeviceKindSchema = z.enum(['camera', 'microphone', 'screen']);

/** Snapshots, recordings and received files; one gigabyte is hours of a recorded call and the largest file offered. */
export const MAX_SAVE_BYTES = 1024 ** 3;

export const saveFileRequestSchema = z.strictObject({
  // A plain name (no folders, not hidden); the user still picks the place in a save dialog.
  suggestedName: fileNameSchema,
  data: z.instanceof(Uint8Array).refine((data) => data.byteLength <= MAX_SAVE_BYTES, 'The file is larger than 1 GB'),
});

const hostUrlSchema = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/?#\s]+$/, 'An http(s) host address without a path');

export const trustCheckRequestSchema = z.strictObject({
  url: hostUrlSchema,
  expectedFingerprint: z.string().max(128).optional(),
});

export const trustAcceptRequestSchema = z.strictObject({
  url: hostUrlSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 fingerprint in hex'),
});

/** A desktopCapturer source id ("screen:0:0", "window:42:0") or null to cancel. */
export const screenChoiceSchema = z.string().max(128).regex(/^(screen|window):[\w:-]+$/).nullable();

/** What the page reports of its call; bounded, so a page cannot feed main anything odd. */
export const callStateSchema = z.strictObject({
  inCall: z.boolean(),
  room: z.nullable(roomNameSchema),
  microphoneOn: z.boolean(),
  cameraOn: z.boolean(),
  participants: z.number().int().min(0).max(1000),
  unread: z.number().int().min(0).max(100_000),
});

export const appPreferencesSchema = z.strictObject({
  language: z.enum(['system', ...LOCALES]),
  theme: z.enum(['system', 'light', 'dark']),
  closeEndsCall: z.boolean(),
  globalMuteShortcut: z
    .string()
    .max(64)
    .refine((value) => parseAccelerator(value).ok, 'An accelerator with a modifier and one key, like CommandOrControl+Shift+M')
    .nullable(),
  pushToTalkKey: z.string().regex(PUSH_TO_TALK_KEY_PATTERN, 'A key name like F9').nullable(),
});

/** A notification's words come from the page; bounded so a page cannot flood the system's centre. */
export const desktopNotificationSchema = z.strictObject({
  kind: z.enum(['joined', 'left', 'message', 'file']),
  title: z.string().min(1).max(120),
  body: z.string().max(400),
});
