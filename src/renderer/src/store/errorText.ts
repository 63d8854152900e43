/** The sentence the UI shows for each failure code: what happened and what to do about it. */
import type { Message, MessageKey } from '../../../shared/i18n/catalogs';
import type { IpcErrorCode } from '../../../shared/ipc';
import type { CallErrorCode } from '../call/callError';

export type FailureCode = CallErrorCode | IpcErrorCode;

/** Why a join, a host attempt or a call failed. */
export interface CallFailure {
  /** Stable: what the UI decides on (retry, focus the passcode) and tests match. */
  code: FailureCode;
  /** What the failing part said, in English and technical: shown only inside a sentence with {detail}. */
  detail: string;
  /** What the user reads, worded by the view in the page's language. */
  message: Message;
}

/**
 * The codes with a sentence of their own. Keys are written out in full (the catalogs test finds
 * each one used); a code missing here is shown as the generic sentence with its detail.
 */
const FAILURE_TEXT: Partial<Record<FailureCode, MessageKey>> = {
  ROOM_FULL: 'errors.roomFull',
  UNREACHABLE: 'errors.unreachable',
  TIMEOUT: 'errors.timeout',
  VERSION_MISMATCH: 'errors.versionMismatch',
  HOST_LOST: 'errors.hostLost',
  HOST_ENDED: 'errors.hostEnded',
  REMOVED: 'errors.removed',
  NOT_PARLEY: 'errors.notParley',
  PASSCODE_REQUIRED: 'errors.passcodeRequired',
  WRONG_PASSCODE: 'errors.wrongPasscode',
  ROOM_LOCKED: 'errors.roomLocked',
  CERTIFICATE_MISMATCH: 'errors.certificateMismatch',
  CERTIFICATE_DECLINED: 'errors.certificateDeclined',
  RATE_LIMITED: 'errors.rateLimited',
  ALREADY_IN_ROOM: 'errors.alreadyInRoom',
  // The detail says why and carries what only the failing part knows (the port, the typed text).
  PORT_IN_USE: 'errors.portInUse',
  INVALID_ADDRESS: 'errors.invalidAddress',
};

export function describeFailure(code: FailureCode, detail: string): Message {
  return { key: FAILURE_TEXT[code] ?? 'errors.unknown', values: { detail } };
}

/**
 * The state after a join or host attempt that did not go ahead: the home screen, saying why. An
 * attempt that knows better words than its code's (which form field is wrong) passes them.
 */
export function failedAttempt(code: FailureCode, detail: string, message: Message = describeFailure(code, detail)): { phase: 'idle'; error: CallFailure } {
  return { phase: 'idle', error: { code, detail, message } };
}
