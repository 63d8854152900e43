import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { HostService } from './hosting';

const services: HostService[] = [];
const blockers: Server[] = [];

function service(defaultPort = 0): HostService {
  const created = new HostService({ host: '127.0.0.1', defaultPort });
  services.push(created);
  return created;
}

function occupyPort(): Promise<number> {
  return new Promise((resolve) => {
    const blocker = createServer().listen(0, '127.0.0.1', () => {
      blockers.push(blocker);
      resolve((blocker.address() as { port: number }).port);
    });
  });
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  await Promise.all(blockers.splice(0).map((b) => new Promise((r) => b.close(r))));
});

describe('HostService', () => {
  it('starts a reachable Parley server, lists its addresses, and frees the port on stop', async () => {
    const host = service();
    const started = await host.start({ room: 'team' });
    if (!started.ok) throw new Error(started.error.message);
    const { port, localUrl, addresses } = started.data;
    expect(addresses).toEqual([`127.0.0.1:${port}`]);
    expect(await (await fetch(`${localUrl}/parley.json`)).json()).toEqual({
      app: 'parley',
      protocolVersion: PROTOCOL_VERSION,
      passcodeRequired: false,
    });

    await host.stop();
    expect(host.status()).toMatchObject({ running: false, port: null });
    await expect(fetch(`${localUrl}/parley.json`)).rejects.toThrow();
    // The port is free again: another server can take it.
    const again = await service().start({ room: 'team', port: port! });
    expect(again).toMatchObject({ ok: true, data: { port } });
  });

  it('falls back to a free port when the default one is taken', async () => {
    const taken = await occupyPort();
    const started = await service(taken).start({ room: 'team' });
    expect(started.ok && started.data.port).not.toBe(taken);
    expect(started.ok && started.data.running).toBe(true);
  });

  it('reports PORT_IN_USE when an explicitly chosen port is taken', async () => {
    const taken = await occupyPort();
    expect(await service().start({ room: 'team', port: taken })).toMatchObject({ ok: false, error: { code: 'PORT_IN_USE' } });
  });

  it('replaces a running room when started again', async () => {
    const host = service();
    const first = await host.start({ room: 'one' });
    const second = await host.start({ room: 'two' });
    expect(second).toMatchObject({ ok: true, data: { room: 'two' } });
    await expect(fetch(`${first.ok ? first.data.localUrl : ''}/parley.json`)).rejects.toThrow();
  });

  it('speaks TLS with a kept certificate, and hands out a fresh host key and the passcode', async () => {
    const certificateDir = await mkdtemp(join(tmpdir(), 'parley-host-'));
    try {
      const host = new HostService({ host: '127.0.0.1', defaultPort: 0, certificateDir });
      services.push(host);
      const first = await host.start({ room: 'team', passcode: 'open sesame' });
      if (!first.ok) throw new Error(first.error.message);
      expect(first.data).toMatchObject({ passcode: 'open sesame', localUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:/) });
      expect(first.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(first.data.hostKey).toMatch(/^[\w-]{32}$/);
      expect(await peerFingerprint(first.data.port!)).toBe(first.data.fingerprint);

      // A new run of the app (a new service) keeps the certificate; the host key changes.
      await host.stop();
      const later = new HostService({ host: '127.0.0.1', defaultPort: 0, certificateDir });
      services.push(later);
      const second = await later.start({ room: 'team' });
      expect(second.ok && second.data.fingerprint).toBe(first.data.fingerprint);
      expect(second.ok && second.data.hostKey).not.toBe(first.data.hostKey);
      expect(second.ok && second.data.passcode).toBeNull();
    } finally {
      await rm(certificateDir, { recursive: true, force: true });
    }
  });
});

function peerFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTls({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve((socket.getPeerX509Certificate()?.fingerprint256 ?? '').replace(/:/g, '').toLowerCase());
      socket.end();
    });
    socket.on('error', reject);
  });
}
