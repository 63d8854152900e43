/**
 * The join form's fields (room, display name, passcode), checked the same way by the page before
 * it sends and by the server when the join arrives (protocol.schemas.ts builds its messages from
 * these). Written with zod/mini, whose checks are tree-shaken. Their patterns are fieldRules.ts's,
 * which code that must not load zod (the home screen's invite link) checks with.
 */
import { z } from 'zod/mini';
import { DISPLAY_NAME, ROOM_NAME } from './fieldRules';
import { LIMITS } from './protocol';

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
