/**
 * The host's TLS certificate: generated on first use (selfsigned, EC P-256) and kept in a folder,
 * so the fingerprint in invite links and in joiners' memories stays the same across runs.
 */
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { normalizeFingerprint } from '../../src/shared/fingerprint';

export interface HostCertificate {
  key: string;
  cert: string;
  /** SHA-256, 64 hex digits (see shared/fingerprint.ts). */
  fingerprint: string;
}

const KEY_FILE = 'host-key.pem';
const CERT_FILE = 'host-cert.pem';
const VALID_YEARS = 10;

export function fingerprintOf(certPem: string | Buffer): string {
  const fingerprint = normalizeFingerprint(new X509Certificate(certPem).fingerprint256);
  if (!fingerprint) throw new Error('Certificate has no SHA-256 fingerprint');
  return fingerprint;
}

/** Reads the certificate from `dir`, or makes one there (key readable by this user only). */
export async function loadOrCreateCertificate(dir: string): Promise<HostCertificate> {
  try {
    const [key, cert] = await Promise.all([readFile(join(dir, KEY_FILE), 'utf8'), readFile(join(dir, CERT_FILE), 'utf8')]);
    return { key, cert, fingerprint: fingerprintOf(cert) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created = await createCertificate();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, KEY_FILE), created.key, { mode: 0o600 });
  await writeFile(join(dir, CERT_FILE), created.cert, { mode: 0o644 });
  return created;
}

/** A fresh self-signed certificate. Trust comes from the pinned fingerprint, not from names in it. */
export async function createCertificate(): Promise<HostCertificate> {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + VALID_YEARS);
  const pems = await generate([{ name: 'commonName', value: 'Parley host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
  });
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}
