/**
 * Where a failed join or host attempt is shown on the home screen: next to the field it is about
 * (the address that did not answer, the passcode that was wrong, the room that is full), or, when
 * it concerns none of them, under the buttons.
 */
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import type { CallFailure, FailureCode } from '../../store/errorText';

export type ErrorPlace = 'displayName' | 'room' | 'hostAddress' | 'passcode' | 'host' | 'general';

const BY_CODE: Partial<Record<FailureCode, ErrorPlace>> = {
  UNREACHABLE: 'hostAddress',
  TIMEOUT: 'hostAddress',
  NOT_PARLEY: 'hostAddress',
  VERSION_MISMATCH: 'hostAddress',
  INVALID_ADDRESS: 'hostAddress',
  CERTIFICATE_MISMATCH: 'hostAddress',
  PASSCODE_REQUIRED: 'passcode',
  WRONG_PASSCODE: 'passcode',
  ROOM_FULL: 'room',
  ROOM_LOCKED: 'room',
  PORT_IN_USE: 'host',
  HOSTING_FAILED: 'host',
};

/** The form's own checks name their field through their message (see call/joinForm.ts). */
const BY_MESSAGE: Partial<Record<MessageKey, ErrorPlace>> = {
  'errors.form.roomEmpty': 'room',
  'errors.form.roomTooLong': 'room',
  'errors.form.roomCharacters': 'room',
  'errors.form.nameEmpty': 'displayName',
  'errors.form.nameTooLong': 'displayName',
  'errors.form.nameCharacters': 'displayName',
  'errors.form.passcodeTooLong': 'passcode',
  'errors.addressMissing': 'hostAddress',
  'errors.iceServers': 'general',
};

export function errorPlace(error: CallFailure): ErrorPlace {
  return BY_MESSAGE[error.message.key] ?? BY_CODE[error.code] ?? 'general';
}
