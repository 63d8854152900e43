/** The sentence the UI shows for each failure code: what happened and what to do about it. */
import type { IpcErrorCode } from '../../../shared/ipc';
import type { CallErrorCode } from '../call/callError';

/** Why a join, a host attempt or a call failed: a stable code and the sentence shown for it. */
export interface CallFailure {
  code: CallErrorCode | IpcErrorCode;
  message: string;
}

const TEXT: Partial<Record<CallErrorCode, string>> = {
  ROOM_FULL: 'The room is full. Ask someone to leave, or pick another room.',
  UNREACHABLE: 'Could not reach a Parley host at that address. Check the address and that the host is still hosting.',
  TIMEOUT: 'The host did not answer in time. Check the address and your network, then try again.',
  VERSION_MISMATCH: 'This host runs a different version of Parley. Use the same version on both sides.',
  HOST_LOST: 'The connection to the host was lost and did not come back, so the call has ended.',
  HOST_ENDED: 'The host ended the room.',
  REMOVED: 'The host removed you from the room.',
  NOT_PARLEY: 'Something answers at that address, but it is not a Parley host. Check the address and port on the host’s screen.',
  PASSCODE_REQUIRED: 'This room needs a passcode. Ask the host for it and enter it below.',
  WRONG_PASSCODE: 'That passcode is not right. Check it with the host and try again.',
  ROOM_LOCKED: 'The host has locked this room. Ask the host to unlock it.',
  CERTIFICATE_MISMATCH: 'This is not the host you were invited to: its security certificate is different. Do not join unless the host confirms it changed.',
  CERTIFICATE_DECLINED: 'You did not confirm the host’s security code, so Parley did not connect.',
  RATE_LIMITED: 'Too many attempts in a short time. Wait a minute, then try again.',
  ALREADY_IN_ROOM: 'You are already in a room.',
};

export function describeError(code: CallErrorCode, detail: string): string {
  return TEXT[code] ?? detail;
}

/** The state after a join or host attempt that did not go ahead: the home screen, saying why. */
export function failedAttempt(code: CallFailure['code'], detail: string): { phase: 'idle'; error: CallFailure } {
  return { phase: 'idle', error: { code, message: describeError(code as CallErrorCode, detail) } };
}
