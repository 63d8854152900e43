// scripts/ensure-test-tools.sh run for real on a made-up machine: PATH is a temporary folder with the
// few real commands the script uses and fakes for the rest (apt-get only records that it was called),
// so nothing is ever installed, whether or not this runs as root.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOnPath } from './findChromium';

const SCRIPT = resolve(import.meta.dirname, 'ensure-test-tools.sh');
const BASH = findOnPath('bash', process.env['PATH']);

let bin: string;
let aptCalls: string;
beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'parley-test-tools-'));
  aptCalls = join(bin, 'apt-get-calls');
  for (const name of ['id', 'uname', 'env', 'timeout']) {
    const real = findOnPath(name, process.env['PATH']);
    if (real) symlinkSync(real, join(bin, name));
  }
  fake('apt-get', `echo "$@" >> '${aptCalls}'`);
  fake('sudo', 'exit 0'); // "passwordless sudo" for a non-root run; never reached as root
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function fake(name: string, body = 'exit 0'): void {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

function run(env: Record<string, string> = {}): { code: number | null; stderr: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(BASH!, [SCRIPT], { env: { PATH: bin, ...env }, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stderr: result.stderr, ms: Date.now() - started };
}

/** The install command the refusal names here: Ubuntu's Chromium is a snap, Debian's a package. */
function expectedCommand(): string {
  if (process.platform === 'darwin') return 'brew install --cask chromium';
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return /^ID(_LIKE)?=.*\bubuntu\b/m.test(release) ? 'sudo snap install chromium' : 'sudo apt-get install -y --no-install-recommends chromium';
}

describe.skipIf(process.platform === 'win32' || BASH === undefined)('ensure-test-tools.sh', () => {
  it('where it cannot install, stops within seconds with the command to run, installing nothing', () => {
    const { code, stderr, ms } = run({ PARLEY_TEST_TOOLS_NO_INSTALL: '1' });
    expect(code).toBe(1);
    expect(ms).toBeLessThan(5_000);
    expect(stderr).toContain('no Chromium found');
    expect(stderr).toContain(expectedCommand());
    expect(stderr).toContain('network.spec.ts is skipped');
    expect(existsSync(aptCalls)).toBe(false);
  });

  it('where it can install, runs apt-get update and install (printed only, in a dry run)', () => {
    const { code, stderr } = run({ PARLEY_TEST_TOOLS_DRY_RUN: '1' });
    expect(code).toBe(0);
    expect(stderr).toMatch(/would run: (sudo -n )?env DEBIAN_FRONTEND=noninteractive apt-get update\n/);
    expect(stderr).toMatch(/would run: (sudo -n )?env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium\b/);
    expect(existsSync(aptCalls)).toBe(false);
  });

  it('is silent and installs nothing when a Chromium and the network, X, sound, TURN, Redis, HAProxy and Janus tools are there', () => {
    fake('chromium-browser', 'exit 1'); // a snap stub: skipped
    fake('google-chrome-stable');
    for (const tool of ['ip', 'unshare', 'nft', 'Xvfb', 'xdotool', 'espeak-ng', 'sox', 'turnserver', 'redis-server', 'haproxy', 'janus']) fake(tool);
    const { code, stderr } = run();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(existsSync(aptCalls)).toBe(false);
  });

  it('refuses a CHROMIUM_PATH that is not an executable file', () => {
    const { code, stderr } = run({ CHROMIUM_PATH: join(bin, 'no-such-chromium') });
    expect(code).toBe(1);
    expect(stderr).toContain('is not an executable file');
  });
});
