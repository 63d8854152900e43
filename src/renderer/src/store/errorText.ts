/** The sentence the UI shows for each failure code: what happened and what to do about it. */
import type { CallErrorCode } from '../call/callError';

const TEXT: Partial<Record<CallErrorCode, string>> = {
  ROOM_FULL: 'The room is full. Ask someone to leave, or pick another room.',
  UNREACHABLE: 'Could not reach a Parley host at that address. Check the address and that the host is still hosting.',
  TIMEOUT: 'The host did not answer in time. Check the address and your network, then try again.',
  VERSION_MISMATCH: 'This host runs a different version of Parley. Use the same version on both sides.',
  HOST_LOST: 'The connection to the host was lost, so the call has ended.',
  ALREADY_IN_ROOM: 'You are already in a room.',
};

export function describeError(code: CallErrorCode, detail: string): string {
  return TEXT[code] ?? detail;
}
