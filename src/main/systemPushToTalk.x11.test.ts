/**
 * System-wide push-to-talk with the real keyboard hook (uiohook-napi's prebuilt binary) on a real
 * X display of its own (Xvfb), whose keys xdotool presses as a person would, in no window of ours.
 * The hook runs in a process of its own (testing/pushToTalkDriver.ts): libuiohook holds the display
 * for the life of its process, and Xlib ends that process when the display goes.
 * Linux only (xvfb and xdotool come from scripts/ensure-test-tools.sh, as root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findOnPath } from '../../scripts/findChromium';

const tools = process.platform === 'linux' && findOnPath('Xvfb', process.env['PATH']) && findOnPath('xdotool', process.env['PATH']);
const driver = fileURLToPath(new URL('./testing/pushToTalkDriver.ts', import.meta.url));
let xvfb: ChildProcess | undefined;
let display = '';

const stopped = (child: ChildProcess | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });

describe.skipIf(!tools)('push-to-talk from any program, on a real X display (skipped without Linux, Xvfb and xdotool)', () => {
  beforeAll(async () => {
    const number = 90 + Math.floor(Math.random() * 400);
    display = `:${number}`;
    xvfb = spawn('Xvfb', [display, '-screen', '0', '640x480x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await vi.waitFor(() => expect(existsSync(`/tmp/.X11-unix/X${number}`)).toBe(true), { timeout: 10_000 });
  });

  afterAll(() => stopped(xvfb));

  const press = (action: 'keydown' | 'keyup', key: string) => {
    const result = spawnSync('xdotool', [action, key], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 5000 });
    if (result.status !== 0) throw new Error(`xdotool ${action} ${key}: ${result.stderr}`);
  };

  it('hears the chosen key held and released wherever the focus is: talk, then muted again', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', driver, 'F9'], { env: { ...process.env, DISPLAY: display }, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
    try {
      await vi.waitFor(() => expect(lines).toContain('ready'), { timeout: 20_000 });
      const said = () => lines.filter((line) => line !== 'ready');
      press('keydown', 'F9');
      await vi.waitFor(() => expect(said()).toEqual(['unmute']), { timeout: 3000 });
      press('keydown', 'F8'); // another key: nothing
      press('keyup', 'F8');
      press('keyup', 'F9');
      await vi.waitFor(() => expect(said()).toEqual(['unmute', 'mute']), { timeout: 3000 });
    } finally {
      child.stdin!.end();
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 3000))]);
      await stopped(child);
    }
  });
});
