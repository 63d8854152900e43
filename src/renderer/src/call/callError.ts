import type { ErrorCode } from '../../../shared/protocol';

/** Failures the client itself detects, before or beside the server's own error codes. */
export type ClientErrorCode =
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'HOST_LOST'
  | 'HOST_ENDED'
  | 'REMOVED'
  | 'INVALID_ADDRESS'
  | 'NOT_PARLEY'
  | 'CERTIFICATE_MISMATCH'
  | 'CERTIFICATE_DECLINED';

export type CallErrorCode = ErrorCode | ClientErrorCode;

/** Every failure the UI may show carries a stable code, so it can pick the right words. */
export class CallError extends Error {
  constructor(
    readonly code: CallErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}
