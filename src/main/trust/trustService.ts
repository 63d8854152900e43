/**
 * Decides whether the app may talk to a host, before the renderer connects:
 *
 * - an invite link's fingerprint must match what the host presents (and is then remembered);
 * - a remembered host must present the same certificate as before;
 * - a host seen for the first time is "unknown": the renderer shows its short security code to
 *   compare with the host's screen, and `accept` remembers it.
 *
 * Pins are enforced for every connection the renderer makes by the certificate hook
 * (certificateVerifier.ts), so a check here cannot be bypassed by connecting anyway.
 */
import { bareHost } from '../../shared/hostAddress';
import type { IpcResult, TrustCheck, TrustCheckRequest } from '../../shared/ipc';
import { normalizeFingerprint } from '../../shared/fingerprint';
import { probeCertificate, type ProbeResult } from './probe';
import type { TrustStore } from './trustStore';

type Probe = (hostname: string, port: number) => Promise<ProbeResult>;

const fail = (code: 'CERTIFICATE_MISMATCH' | 'UNREACHABLE' | 'TIMEOUT' | 'BAD_REQUEST', message: string) =>
  ({ ok: false, error: { code, message } }) as const;

export class TrustService {
  constructor(
    private readonly store: TrustStore,
    private readonly probe: Probe = probeCertificate,
  ) {}

  async check({ url, expectedFingerprint }: TrustCheckRequest): Promise<IpcResult<TrustCheck>> {
    const target = parseTarget(url);
    if (!target) return fail('BAD_REQUEST', 'Not a host address');
    const { hostname, port } = target;
    const probed = await this.probe(hostname, port);
    if (probed.kind === 'timeout') return fail('TIMEOUT', `The host at ${hostname}:${port} did not answer in time`);
    if (probed.kind === 'unreachable') return fail('UNREACHABLE', `Could not reach ${hostname}:${port} (${probed.detail})`);
    if (probed.kind === 'not-tls') {
      // A host without TLS cannot prove who it is; an invite that promised a certificate is not met.
      if (expectedFingerprint) return fail('CERTIFICATE_MISMATCH', 'The host does not present the certificate of the invite');
      return { ok: true, data: { url: `http://${formatHost(hostname)}:${port}`, status: 'plain', fingerprint: null } };
    }

    const seen = probed.fingerprint;
    const httpsUrl = `https://${formatHost(hostname)}:${port}`;
    const expected = expectedFingerprint === undefined ? undefined : normalizeFingerprint(expectedFingerprint);
    if (expectedFingerprint !== undefined && !expected) return fail('BAD_REQUEST', 'The expected fingerprint is malformed');
    if (expected) {
      if (expected !== seen) return fail('CERTIFICATE_MISMATCH', 'The host presents a different certificate than the invite says');
      await this.store.remember(hostname, port, seen);
      return { ok: true, data: { url: httpsUrl, status: 'trusted', fingerprint: seen } };
    }
    const known = this.store.get(hostname, port);
    if (known && known !== seen) return fail('CERTIFICATE_MISMATCH', 'The host presents a different certificate than last time');
    return { ok: true, data: { url: httpsUrl, status: known ? 'trusted' : 'unknown', fingerprint: seen } };
  }

  /** The user compared the security code and trusts this host from now on. */
  async accept({ url, fingerprint }: { url: string; fingerprint: string }): Promise<IpcResult<null>> {
    const target = parseTarget(url);
    const normalized = normalizeFingerprint(fingerprint);
    if (!target || !normalized) return fail('BAD_REQUEST', 'Not a host address and fingerprint');
    await this.store.remember(target.hostname, target.port, normalized);
    return { ok: true, data: null };
  }
}

function parseTarget(url: string): { hostname: string; port: number } | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    return { hostname: bareHost(parsed.hostname), port };
  } catch {
    return undefined;
  }
}

const formatHost = (hostname: string): string => (hostname.includes(':') ? `[${hostname}]` : hostname);
