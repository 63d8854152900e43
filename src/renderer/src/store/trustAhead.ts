/**
 * Desktop: the host's certificate checked while the user is still on the home screen, so the click
 * does not wait for the check (an IPC round trip and a TLS handshake with the host). The click reuses
 * a check for the same address and invite made moments before, if it succeeded; anything else is
 * checked again. The check only reads the certificate; the pin itself is enforced by main's
 * certificate hook on every connection, whenever the check was made.
 */
import type { IpcResult, ParleyBridge, TrustCheck, TrustCheckRequest } from '../../../shared/ipc';
import { WARM_HOST_MAX_AGE_MS } from '../call/warmHostAge';

/** As long as a warm connection is used: a check older than that is made again. */
export const TRUST_CHECK_MAX_AGE_MS = WARM_HOST_MAX_AGE_MS;

type Check = ParleyBridge['trust']['check'];

export class TrustAhead {
  private ahead: { key: string; at: number; result: Promise<IpcResult<TrustCheck>> } | undefined;

  constructor(private readonly check: Check) {}

  /** Checks ahead (once per address and invite while fresh); resolves with that check. */
  prepare(request: TrustCheckRequest, now = Date.now()): Promise<IpcResult<TrustCheck>> {
    const key = keyOf(request);
    if (!this.ahead || this.ahead.key !== key || now - this.ahead.at >= TRUST_CHECK_MAX_AGE_MS) {
      this.ahead = { key, at: now, result: this.check(request) };
    }
    return this.ahead.result;
  }

  /** For the click: the check made ahead if it fits and succeeded, else a new one. Used once. */
  async take(request: TrustCheckRequest, now = Date.now()): Promise<IpcResult<TrustCheck>> {
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead && ahead.key === keyOf(request) && now - ahead.at < TRUST_CHECK_MAX_AGE_MS) {
      const result = await ahead.result;
      if (result.ok) return result;
    }
    return this.check(request);
  }
}

const keyOf = (request: TrustCheckRequest): string => `${request.url} ${request.expectedFingerprint ?? ''}`;
