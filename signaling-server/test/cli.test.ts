import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../src/cli.ts');
const children: ChildProcess[] = [];
const folders: string[] = [];

function runCli(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the headless host (npm run host)', () => {
  it('serves the web client and the protocol, prints the addresses to open, and stops on SIGTERM', async () => {
    const web = mkdtempSync(join(tmpdir(), 'parley-web-'));
    folders.push(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Parley</title>');
    const host = runCli(['--port', '0', '--host', '127.0.0.1', '--room', 'team', '--web', web, '--no-tls', '--no-discovery']);

    const url = await new Promise<string>((found, fail) => {
      const timer = setInterval(() => {
        const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?room=team/.exec(host.output());
        if (!match) return;
        clearInterval(timer);
        found(match[1]!);
      }, 50);
      void host.exited.then(() => fail(new Error(`host exited early:\n${host.output()}`)));
    });
    expect(host.output()).toContain('room "team"');
    expect(await (await fetch(`${url}/?room=team`)).text()).toContain('<title>Parley</title>');
    expect(await (await fetch(`${url}/parley.json`)).json()).toMatchObject({ app: 'parley' });

    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    await expect(fetch(`${url}/parley.json`)).rejects.toThrow();
  }, 20_000);

  it.each([
    [['--port', 'abc'], /--port must be 0-65535/],
    [['--room', 'no/slashes'], /--room: Room name may use/],
    [['--tls-key', 'key.pem'], /--tls-key and --tls-cert go together/],
    [['--passcode', 'x'.repeat(65)], /--passcode: Passcode is longer than 64/],
    [['--redis', 'localhost:6379'], /--redis must be a redis:\/\/ or rediss:\/\/ address/],
    // Nothing listens on port 1: the host says so instead of starting without its rooms.
    [['--redis', 'redis://127.0.0.1:1', '--port', '0', '--no-tls', '--no-discovery'], /Cannot reach Redis at redis:\/\/127\.0\.0\.1:1/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const host = runCli(args);
    expect(await host.exited).toBe(2);
    expect(host.output()).toMatch(message);
    expect(host.output()).toContain('Usage: npm run host');
  }, 20_000);

  it('speaks TLS by default with a kept certificate, prints its security code, and asks for the passcode', async () => {
    const tlsDir = mkdtempSync(join(tmpdir(), 'parley-tls-'));
    folders.push(tlsDir);
    const host = runCli(['--port', '0', '--host', '127.0.0.1', '--room', 'team', '--tls-dir', tlsDir, '--passcode', 'sesame', '--no-discovery']);
    const url = await new Promise<string>((found, fail) => {
      const timer = setInterval(() => {
        const match = /(https:\/\/127\.0\.0\.1:\d+)\/\?room=team/.exec(host.output());
        if (!match || !/parley:\/\/join\?\S+/.test(host.output())) return;
        clearInterval(timer);
        found(match[1]!);
      }, 50);
      void host.exited.then(() => fail(new Error(`host exited early:\n${host.output()}`)));
    });
    expect(host.output()).toMatch(/Security code \(joiners compare it\): [0-9A-F]{4}(-[0-9A-F]{4}){3}/);
    const invite = /parley:\/\/join\?\S+/.exec(host.output())![0];
    expect(invite).toMatch(/fp=[0-9a-f]{64}/);
    expect(invite).toContain('passcode=sesame');
    const { parseInvite } = await import('../../src/shared/invite');
    expect(parseInvite(invite)).toMatchObject({ ok: true, invite: { host: '127.0.0.1', room: 'team', passcode: 'sesame' } });
    expect(url).toMatch(/^https:/);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  }, 20_000);
});
