import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shortCode } from '../../src/shared/fingerprint';
import { loadOrCreateCertificate } from '../src/certificate';
import { createSignalingServer } from '../src/index';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the host certificate', () => {
  it('is made once and kept: the same fingerprint on the next run, the key private to this user', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-cert-'));
    dirs.push(dir);
    const first = await loadOrCreateCertificate(dir);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(shortCode(first.fingerprint)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const again = await loadOrCreateCertificate(dir);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect((await stat(join(dir, 'host-key.pem'))).mode & 0o077).toBe(0);
  });

  it('serves TLS whose peer certificate has that fingerprint', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-cert-'));
    dirs.push(dir);
    const certificate = await loadOrCreateCertificate(dir);
    const server = await createSignalingServer({ host: '127.0.0.1', port: 0, tls: certificate });
    try {
      expect(server.url).toMatch(/^https:/);
      const { connect } = await import('node:tls');
      const seen = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
          socket.end();
        });
        socket.on('error', reject);
      });
      expect(seen.replace(/:/g, '').toLowerCase()).toBe(certificate.fingerprint);
    } finally {
      await server.close();
    }
  });
});
