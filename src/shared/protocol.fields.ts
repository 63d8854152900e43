/**
 * The join form's fields (room, display name, passcode), checked the same way by the page before
 * it sends and by the server when the join arrives (protocol.schemas.ts builds its messages from
 * these). Written with zod/mini, whose checks are tree-shaken, because the home screen needs these
 * and should not load all of zod to draw (docs/PERFORMANCE.md, "Less to load").
 */
import { z } from 'zod/mini';
import { LIMITS } from './protocol';

// Letters, digits and a few separators: readable in a list of rooms, safe in a URL and a DNS-SD name.
const ROOM_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;
// Any printable text without control characters; names are rendered as text, never as markup.
const DISPLAY_NAME = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

export const roomNameSchema = z.string().check(
  z.trim(),
  z.minLength(LIMITS.roomName.min, 'Room name is empty'),
  z.maxLength(LIMITS.roomName.max, `Room name is longer than ${LIMITS.roomName.max} characters`),
  z.regex(ROOM_NAME, 'Room name may use letters, digits, spaces, dots, dashes and underscores'),
);

export const displayNameSchema = z.string().check(
  z.trim(),
  z.minLength(LIMITS.displayName.min, 'Display name is empty'),
  z.maxLength(LIMITS.displayName.max, `Display name is longer than ${LIMITS.displayName.max} characters`),
  z.regex(DISPLAY_NAME, 'Display name contains control characters'),
);

export const passcodeSchema = z.string().check(
  z.minLength(LIMITS.passcode.min, 'Passcode is empty'),
  z.maxLength(LIMITS.passcode.max, `Passcode is longer than ${LIMITS.passcode.max} characters`),
);
