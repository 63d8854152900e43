/**
 * System-wide push-to-talk with the real keyboard hook (uiohook-napi's prebuilt binary) on a real
 * X display of its own (Xvfb), whose keys xdotool presses as a person would, in no window of ours.
 * Linux only (xvfb and xdotool come from scripts/ensure-test-tools.sh, as root); elsewhere the
 * hook's own platforms are not reachable from here, and this says so rather than pass.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopCommand } from '../shared/ipc';
import { findOnPath } from '../../scripts/findChromium';
import { loadUiohook, pushToTalkUnavailable, SystemPushToTalk } from './systemPushToTalk';

const tools = process.platform === 'linux' && findOnPath('Xvfb', process.env['PATH']) && findOnPath('xdotool', process.env['PATH']);
let xvfb: ChildProcess | undefined;
let display = '';
const previousDisplay = process.env['DISPLAY'];

describe.skipIf(!tools)('push-to-talk from any program, on a real X display (skipped without Linux, Xvfb and xdotool)', () => {
  beforeAll(async () => {
    const number = 90 + Math.floor(Math.random() * 400);
    display = `:${number}`;
    xvfb = spawn('Xvfb', [display, '-screen', '0', '640x480x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await vi.waitFor(() => expect(existsSync(`/tmp/.X11-unix/X${number}`)).toBe(true), { timeout: 10_000 });
    // libuiohook opens the display named by DISPLAY when the hook starts.
    process.env['DISPLAY'] = display;
  });

  afterAll(() => {
    xvfb?.kill();
    if (previousDisplay === undefined) delete process.env['DISPLAY'];
    else process.env['DISPLAY'] = previousDisplay;
  });

  const press = (action: 'keydown' | 'keyup', key: string) => {
    const result = spawnSync('xdotool', [action, key], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 5000 });
    if (result.status !== 0) throw new Error(`xdotool ${action} ${key}: ${result.stderr}`);
  };

  it('hears the chosen key held and released wherever the focus is: talk, then muted again', async () => {
    const sent: DesktopCommand[] = [];
    const ptt = new SystemPushToTalk({
      load: loadUiohook,
      send: (command) => (sent.push(command), true),
      unavailableReason: () => pushToTalkUnavailable({ platform: process.platform, env: process.env, accessibilityTrusted: () => true }),
      onStatus: () => undefined,
    });
    try {
      await ptt.follow(true, false, 'F9');
      expect(ptt.status()).toEqual({ key: 'F9', state: 'active' });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the hook's thread is listening
      press('keydown', 'F9');
      await vi.waitFor(() => expect(sent).toEqual(['unmute']), { timeout: 3000 });
      press('keydown', 'F8'); // another key: nothing
      press('keyup', 'F8');
      press('keyup', 'F9');
      await vi.waitFor(() => expect(sent).toEqual(['unmute', 'mute']), { timeout: 3000 });
    } finally {
      ptt.dispose();
    }
    press('keydown', 'F9'); // no longer listening
    press('keyup', 'F9');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toEqual(['unmute', 'mute']);
  });
});
