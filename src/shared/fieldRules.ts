/**
 * The rules for room names, display names and passcodes, as plain patterns and functions.
 * protocol.fields.ts builds the zod schemas that the form and the server check with from these
 * same patterns and LIMITS. The functions below are for code that must check a field without loading
 * zod: the invite link read on the home screen, which the page draws before zod is fetched (docs/
 * PERFORMANCE.md, "Less to load"). fieldRules.test.ts holds them to the schemas' verdicts.
 */
import { LIMITS } from './protocol';

// Letters, digits and a few separators: readable in a list of rooms, safe in a URL and a DNS-SD name.
export const ROOM_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;
// Any printable text without control characters; names are rendered as text, never as markup.
export const DISPLAY_NAME = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

const withinLimits = (text: string, { min, max }: { min: number; max: number }): boolean => text.length >= min && text.length <= max;

/** The room name as roomNameSchema would return it (trimmed), or undefined where it would refuse it. */
export function readRoomName(text: string): string | undefined {
  const trimmed = text.trim();
  return withinLimits(trimmed, LIMITS.roomName) && ROOM_NAME.test(trimmed) ? trimmed : undefined;
}

/** The passcode as passcodeSchema would return it (as typed), or undefined where it would refuse it. */
export function readPasscode(text: string): string | undefined {
  return withinLimits(text, LIMITS.passcode) ? text : undefined;
}
