/** Certificate pinning against real TLS servers with real generated certificates. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificate, type HostCertificate } from '../../../signaling-server/src/certificate';
import { createSignalingServer, type SignalingServer } from '../../../signaling-server/src/index';
import { createCertificateVerifier, VERIFY } from './certificateVerifier';
import { probeCertificate } from './probe';
import { TrustService } from './trustService';
import { TrustStore } from './trustStore';


let folder: string;
let certificate: HostCertificate;
let impostor: HostCertificate;
let tlsServer: SignalingServer;
let plainServer: SignalingServer;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parley-trust-'));
  [certificate, impostor] = await Promise.all([createCertificate(), createCertificate()]);
  tlsServer = await createSignalingServer({ host: '127.0.0.1', port: 0, tls: certificate });
  plainServer = await createSignalingServer({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all([tlsServer.close(), plainServer.close()]);
  await rm(folder, { recursive: true, force: true });
});

const freshStore = (name: string) => new TrustStore(join(folder, `${name}.json`));
const tlsUrl = () => `https://127.0.0.1:${tlsServer.port}`;

describe('probeCertificate', () => {
  it('reads the fingerprint a TLS host presents, tells a plain host apart, and reports nobody home', async () => {
    expect(await probeCertificate('127.0.0.1', tlsServer.port)).toEqual({ kind: 'tls', fingerprint: certificate.fingerprint });
    expect(await probeCertificate('127.0.0.1', plainServer.port)).toEqual({ kind: 'not-tls' });
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    expect(await probeCertificate('127.0.0.1', closed)).toMatchObject({ kind: 'unreachable', detail: 'ECONNREFUSED' });
  });
});

describe('TrustService', () => {
  it('an invite whose fingerprint matches is trusted and remembered; one that does not is refused', async () => {
    const store = freshStore('invite');
    const trust = new TrustService(store);
    expect(await trust.check({ url: tlsUrl(), expectedFingerprint: impostor.fingerprint })).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_MISMATCH' },
    });
    expect(store.get('127.0.0.1', tlsServer.port)).toBeUndefined();
    expect(await trust.check({ url: tlsUrl(), expectedFingerprint: certificate.fingerprint })).toEqual({
      ok: true,
      data: { url: tlsUrl(), status: 'trusted', fingerprint: certificate.fingerprint },
    });
    expect(store.get('127.0.0.1', tlsServer.port)).toBe(certificate.fingerprint);
  });

  it('a host met for the first time is unknown until accepted, then trusted across restarts', async () => {
    const trust = new TrustService(freshStore('first'));
    expect(await trust.check({ url: tlsUrl() })).toMatchObject({ ok: true, data: { status: 'unknown', fingerprint: certificate.fingerprint } });
    expect(await trust.accept({ url: tlsUrl(), fingerprint: certificate.fingerprint })).toEqual({ ok: true, data: null });

    const afterRestart = freshStore('first');
    await afterRestart.load();
    expect(await new TrustService(afterRestart).check({ url: tlsUrl() })).toMatchObject({ ok: true, data: { status: 'trusted' } });
  });

  it('a remembered host presenting another certificate is refused', async () => {
    const store = freshStore('changed');
    await store.remember('127.0.0.1', tlsServer.port, impostor.fingerprint);
    expect(await new TrustService(store).check({ url: tlsUrl() })).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_MISMATCH' } });
  });

  it('a plain-HTTP host is reported as such, unless an invite promised a certificate', async () => {
    const trust = new TrustService(freshStore('plain'));
    const url = `https://127.0.0.1:${plainServer.port}`;
    expect(await trust.check({ url })).toEqual({ ok: true, data: { url: `http://127.0.0.1:${plainServer.port}`, status: 'plain', fingerprint: null } });
    expect(await trust.check({ url, expectedFingerprint: certificate.fingerprint })).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_MISMATCH' },
    });
  });

  it('a damaged store file means no pins, not a crash', async () => {
    const file = join(folder, 'damaged.json');
    await writeFile(file, '{"version":1,"pins":{"127.0.0.1:1":"not hex"}}');
    const store = new TrustStore(file);
    await store.load();
    expect(store.get('127.0.0.1', 1)).toBeUndefined();
    await store.remember('10.0.0.2', 47100, certificate.fingerprint);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, pins: { '10.0.0.2:47100': certificate.fingerprint } });
  });
});

describe('the certificate hook', () => {
  it('accepts the pinned certificate, rejects another for that host, and leaves other hosts to Chromium', async () => {
    const store = freshStore('hook');
    await store.remember('10.0.0.2', 47100, certificate.fingerprint);
    store.pinForSession('127.0.0.1', 5000, certificate.fingerprint);
    const mismatches: string[] = [];
    const verify = createCertificateVerifier(store, (host) => mismatches.push(host));
    const result = (hostname: string, cert: HostCertificate) =>
      new Promise<number>((resolve) => verify({ hostname, certificate: { data: cert.cert } }, resolve));

    expect(await result('10.0.0.2', certificate)).toBe(VERIFY.accept);
    expect(await result('127.0.0.1', certificate)).toBe(VERIFY.accept);
    expect(await result('10.0.0.2', impostor)).toBe(VERIFY.reject);
    expect(await result('example.org', impostor)).toBe(VERIFY.useChromium);
    expect(mismatches).toEqual(['10.0.0.2']);
  });
});
