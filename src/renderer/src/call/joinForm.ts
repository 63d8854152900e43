/**
 * The join form checked before any network: room, name, passcode and STUN/TURN servers. Each
 * problem comes back as the user's words (a catalog message), told apart by the schema's issue
 * code, never by its English text; the schema's own sentence stays as the technical detail.
 *
 * Part of the call layer's chunk (callLayer.ts), with zod: the home screen draws without either,
 * and the check runs when Join is clicked, by when the home screen has long fetched the chunk
 * (docs/PERFORMANCE.md, "Less to load").
 */
import type { core } from 'zod/mini';
import type { Message, MessageKey } from '../../../shared/i18n/catalogs';
import { parseIceServers, type IceConfig } from '../../../shared/iceServers';
import { LIMITS } from '../../../shared/protocol';
import { displayNameSchema, passcodeSchema, roomNameSchema } from '../../../shared/protocol.fields';

/** The form as typed: the settings' own fields (store/settingsSlice.ts extends this). */
export interface JoinFormInput {
  room: string;
  displayName: string;
  /** Typed per call, never stored. */
  passcode: string;
  /** STUN/TURN server URLs, one per line; empty (the default) keeps calls on the local network. */
  iceServersText: string;
  turnUsername: string;
  turnCredential: string;
  /** Relay only: peer connections use TURN-relayed candidates alone, so nobody learns our addresses. */
  relayOnly: boolean;
}

export interface JoinForm {
  room: string;
  name: string;
  passcode: string | undefined;
  ice: IceConfig;
}

export type FormCheck = { ok: true; form: JoinForm } | { ok: false; detail: string; message: Message };

type Field = 'roomName' | 'displayName' | 'passcode';

/** zod's issue codes: `too_small` (min), `too_big` (max), `invalid_format` (the pattern). */
const PROBLEM_TEXT: Record<Field, Readonly<Record<string, MessageKey>>> = {
  roomName: { too_small: 'errors.form.roomEmpty', too_big: 'errors.form.roomTooLong', invalid_format: 'errors.form.roomCharacters' },
  displayName: { too_small: 'errors.form.nameEmpty', too_big: 'errors.form.nameTooLong', invalid_format: 'errors.form.nameCharacters' },
  // An empty passcode field means "no passcode", so only a too long one is a problem.
  passcode: { too_big: 'errors.form.passcodeTooLong' },
};

function problem(field: Field, error: core.$ZodError): FormCheck {
  const issue = error.issues[0];
  const detail = issue?.message ?? `Invalid ${field}`;
  const key = issue ? PROBLEM_TEXT[field][issue.code] : undefined;
  return { ok: false, detail, message: key ? { key, values: { max: LIMITS[field].max } } : { key: 'errors.unknown', values: { detail } } };
}

export function checkJoinForm(state: JoinFormInput): FormCheck {
  const room = roomNameSchema.safeParse(state.room);
  if (!room.success) return problem('roomName', room.error);
  const name = displayNameSchema.safeParse(state.displayName);
  if (!name.success) return problem('displayName', name.error);
  const passcode = state.passcode === '' ? undefined : passcodeSchema.safeParse(state.passcode);
  if (passcode && !passcode.success) return problem('passcode', passcode.error);
  const ice = parseIceServers(state.iceServersText, state.turnUsername, state.turnCredential, state.relayOnly);
  // The check's sentences are English (src/shared): shown inside the catalog's sentence.
  if (!ice.ok) return { ok: false, detail: ice.message, message: { key: 'errors.iceServers', values: { detail: ice.message } } };
  return { ok: true, form: { room: room.data, name: name.data, passcode: passcode?.data, ice: { servers: ice.servers, relayOnly: ice.relayOnly } } };
}
