/**
 * Electron's certificate hook (`session.setCertificateVerifyProc`): a host we pinned must present
 * exactly the pinned certificate, whatever Chromium thinks of it (self-signed is expected); any
 * other host gets Chromium's normal verification. Electron gives no port here, so a host name with
 * pins on several ports accepts any of those certificates.
 */
import { X509Certificate } from 'node:crypto';
import { normalizeFingerprint } from '../../shared/fingerprint';
import type { TrustStore } from './trustStore';

/** Results Electron understands: accept, reject, or "use Chromium's own verdict". */
export const VERIFY = { accept: 0, reject: -2, useChromium: -3 } as const;

export interface VerifyRequest {
  hostname: string;
  certificate: { data: string };
}

export function createCertificateVerifier(store: Pick<TrustStore, 'fingerprintsFor'>, onMismatch?: (hostname: string) => void) {
  return (request: VerifyRequest, callback: (result: number) => void): void => {
    const pins = store.fingerprintsFor(request.hostname);
    if (pins.size === 0) return callback(VERIFY.useChromium);
    let presented: string | undefined;
    try {
      presented = normalizeFingerprint(new X509Certificate(request.certificate.data).fingerprint256);
    } catch {
      presented = undefined;
    }
    if (presented && pins.has(presented)) return callback(VERIFY.accept);
    onMismatch?.(request.hostname);
    callback(VERIFY.reject);
  };
}
