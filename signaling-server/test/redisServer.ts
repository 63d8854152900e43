/**
 * A real redis-server for a test: its own process on a free loopback port, its own empty folder,
 * no persistence, stopped (by its own pid) and removed after. Debian's package `redis-server`
 * (scripts/ensure-test-tools.sh installs it); tests skip, saying why, where it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';

export const redisMissing: string | null =
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0 ? null : 'redis-server is not installed (apt-get install redis-server; scripts/ensure-test-tools.sh does it as root)';

export interface RedisInstance {
  url: string;
  port: number;
  /** Stops it (SIGTERM), as a restart's first half. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/** `persist`: an append-only file, synced on every write, so a restart keeps what was there. */
export async function startRedis({ persist = false } = {}): Promise<RedisInstance & { remove(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-redis-'));
  let child: ChildProcess | undefined;

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const process = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', persist ? 'yes' : 'no', '--appendfsync', 'always', '--daemonize', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = process;
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      process.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      process.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${output}`));
      });
      process.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });

  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
