/**
 * A real Janus (Debian's package `janus`) for a test: its own configuration folder written from
 * janus/configuration.ts (VideoRoom and the WebSocket transport on a free loopback port, fresh
 * secrets), its own process, stopped by its own pid and its folder removed after. Tests skip,
 * saying why, where Janus is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { janusConfiguration } from '../src/janus/configuration';
import type { JanusOptions } from '../src/index';
import { freePort } from './freePort';

// `janus -V` prints its version and exits 1, so what tells is whether it could be run at all.
export const janusMissing: string | null =
  spawnSync('janus', ['-V'], { stdio: 'ignore' }).error === undefined ? null : 'janus is not installed (apt-get install janus; scripts/ensure-test-tools.sh does it as root)';

export interface JanusInstance extends JanusOptions {
  pid: number;
  /** What Janus printed, for a test that fails to say why. */
  output(): string;
  stop(): Promise<void>;
}

export async function startJanus(): Promise<JanusInstance> {
  const wsPort = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'parley-janus-'));
  const secrets = { apiSecret: randomBytes(18).toString('base64url'), adminKey: randomBytes(18).toString('base64url') };
  // Media ports near the WebSocket's, so two instances (one test after another) do not share them.
  const rtpBase = 20_000 + (wsPort % 200) * 100;
  const files = janusConfiguration({ wsPort, rtpPorts: `${rtpBase}-${rtpBase + 99}`, ...secrets });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const child = spawn('janus', ['-F', folder, '-C', join(folder, 'janus.jcfg'), '--disable-colors'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        rmSync(folder, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });
  try {
    await listening(wsPort, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `ws://127.0.0.1:${wsPort}`, ...secrets, pid: child.pid!, output: () => output, stop };
}

/** Janus is up once its WebSocket port takes connections (it says so only at a chattier log level). */
async function listening(port: number, child: ReturnType<typeof spawn>, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`janus exited (${child.exitCode}):\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.once('connect', () => {
        probe.destroy();
        resolve(true);
      });
      probe.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`janus did not start within 15 s:\n${output()}`);
}
