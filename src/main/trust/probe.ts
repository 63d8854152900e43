/**
 * What certificate does the host at this address present? A TLS handshake that accepts any
 * certificate (it is compared with a pin afterwards, never trusted by itself), bounded in time.
 * A host that does not speak TLS is reported as such, so a plain-HTTP Parley host still works.
 */
import { bareHost } from '../../shared/hostAddress';
import { connect } from 'node:tls';
import { normalizeFingerprint } from '../../shared/fingerprint';

export const PROBE_TIMEOUT_MS = 8000;

export type ProbeResult =
  | { kind: 'tls'; fingerprint: string }
  | { kind: 'not-tls' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'timeout' };

const IP_ADDRESS = /^[\d.]+$|:/;

export function probeCertificate(hostname: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const host = bareHost(hostname);
    const socket = connect({
      host,
      port,
      // SNI only for names, as TLS requires.
      ...(IP_ADDRESS.test(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    const finish = (result: ProbeResult): void => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(result);
    };
    socket.once('secureConnect', () => {
      const fingerprint = normalizeFingerprint(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
      finish(fingerprint ? { kind: 'tls', fingerprint } : { kind: 'not-tls' });
    });
    socket.once('timeout', () => finish({ kind: 'timeout' }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      // Connected, but the other side does not speak TLS (a plain HTTP server answers garbage or hangs up).
      const spokeSomethingElse = /wrong version number|packet length too long|ECONNRESET|socket hang up|disconnected before secure/i.test(
        `${error.code ?? ''} ${error.message}`,
      );
      finish(spokeSomethingElse ? { kind: 'not-tls' } : { kind: 'unreachable', detail: error.code ?? error.message });
    });
  });
}
