/**
 * The hosts this app trusts, by the fingerprint of their certificate: pinned from an invite link
 * or after the user compared the security code, and remembered on disk (host:port → fingerprint).
 * Session pins (this app's own hosting server) are kept in memory only.
 */
import { bareHost } from '../../shared/hostAddress';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { normalizeFingerprint } from '../../shared/fingerprint';

const fileSchema = z.object({ version: z.literal(1), pins: z.record(z.string().max(300), z.string()) });

/** `host:port` as the store keys it; IPv6 hosts without brackets. */
export const pinKey = (hostname: string, port: number): string => `${bareHost(hostname)}:${port}`;

export class TrustStore {
  private readonly remembered = new Map<string, string>();
  private readonly session = new Map<string, string>();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** Reads the remembered pins; a missing or damaged file means none (and is replaced on the next save). */
  async load(): Promise<void> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (!parsed.success) return;
      for (const [key, value] of Object.entries(parsed.data.pins)) {
        const fingerprint = normalizeFingerprint(value);
        if (fingerprint) this.remembered.set(key, fingerprint);
      }
    } catch {
      // First run, or unreadable: start with no pins.
    }
  }

  get(hostname: string, port: number): string | undefined {
    const key = pinKey(hostname, port);
    return this.session.get(key) ?? this.remembered.get(key);
  }

  /** Every fingerprint pinned for this host name on any port (the certificate hook sees no port). */
  fingerprintsFor(hostname: string): Set<string> {
    const host = bareHost(hostname);
    const found = new Set<string>();
    for (const pins of [this.session, this.remembered]) {
      for (const [key, fingerprint] of pins) if (key.slice(0, key.lastIndexOf(':')) === host) found.add(fingerprint);
    }
    return found;
  }

  async remember(hostname: string, port: number, fingerprint: string): Promise<void> {
    this.remembered.set(pinKey(hostname, port), fingerprint);
    const snapshot = JSON.stringify({ version: 1, pins: Object.fromEntries(this.remembered) }, null, 2);
    // Saves in order, each through a temporary file, so a crash never leaves half a file.
    this.saving = this.saving.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(`${this.file}.tmp`, snapshot, { mode: 0o600 });
      await rename(`${this.file}.tmp`, this.file);
    });
    await this.saving;
  }

  pinForSession(hostname: string, port: number, fingerprint: string): void {
    this.session.set(pinKey(hostname, port), fingerprint);
  }
}
