import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopCommand } from '../shared/ipc';
import { pushToTalkUnavailable, SystemPushToTalk, type KeyboardHook } from './systemPushToTalk';

/** A keyboard hook whose keys the test presses (the real one, uiohook-napi, is in the .x11 test). */
class Keys extends EventEmitter implements KeyboardHook {
  started = 0;
  stopped = 0;
  start(): void {
    this.started += 1;
  }
  stop(): void {
    this.stopped += 1;
  }
  down(keycode: number): void {
    this.emit('keydown', { keycode });
  }
  up(keycode: number): void {
    this.emit('keyup', { keycode });
  }
}

const F9 = 67;
function setup({ unavailable = null as ReturnType<typeof pushToTalkUnavailable>, load = true } = {}) {
  const keys = new Keys();
  const sent: DesktopCommand[] = [];
  const onStatus = vi.fn();
  const ptt = new SystemPushToTalk({
    load: async () => (load ? { hook: keys, keys: { F9, Space: 57 } } : Promise.reject(new Error('No native build was found'))),
    send: (command) => (sent.push(command), true),
    unavailableReason: () => unavailable,
    onStatus,
  });
  return { keys, sent, ptt, onStatus };
}

describe('push-to-talk from any program', () => {
  it('held while muted in a call: talks; released: muted again; its repeats count once', async () => {
    const { keys, sent, ptt } = setup();
    await ptt.follow(true, false, 'F9');
    expect(ptt.status()).toEqual({ key: 'F9', state: 'active' });
    keys.down(F9);
    keys.down(F9); // auto-repeat while held
    await ptt.follow(true, true, 'F9'); // the page reports the microphone on: that is us
    keys.up(F9);
    await ptt.follow(true, false, 'F9');
    keys.down(57); // another key: nothing
    expect(sent).toEqual(['unmute', 'mute']);
  });

  it('does nothing while the microphone is already on', async () => {
    const { keys, sent, ptt } = setup();
    await ptt.follow(true, true, 'F9');
    keys.down(F9);
    keys.up(F9);
    expect(sent).toEqual([]);
  });

  it('listens only during a call, and a call that ends mid-talk ends muted', async () => {
    const { keys, sent, ptt } = setup();
    await ptt.follow(false, false, 'F9');
    expect(keys.started).toBe(0);
    expect(ptt.status().state).toBe('waiting');
    await ptt.follow(true, false, 'F9');
    keys.down(F9);
    await ptt.follow(false, false, 'F9');
    expect(keys.stopped).toBe(1);
    expect(sent).toEqual(['unmute', 'mute']);
    keys.down(F9);
    expect(sent).toHaveLength(2);
  });

  it('says why where it cannot work, and never throws', async () => {
    const wayland = setup({ unavailable: 'wayland' });
    await wayland.ptt.follow(true, false, 'F9');
    expect(wayland.ptt.status()).toEqual({ key: 'F9', state: 'unavailable', reason: 'wayland' });
    expect(wayland.keys.started).toBe(0);
    const noBinary = setup({ load: false });
    await noBinary.ptt.follow(true, false, 'F9');
    expect(noBinary.ptt.status()).toEqual({ key: 'F9', state: 'unavailable', reason: 'no-hook' });
    const { ptt } = setup();
    await ptt.follow(true, false, 'Banana');
    expect(ptt.status()).toEqual({ key: 'Banana', state: 'unavailable', reason: 'unknown-key' });
  });

  it('knows Wayland and macOS without the Accessibility permission', () => {
    expect(pushToTalkUnavailable({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, accessibilityTrusted: () => true })).toBe('wayland');
    expect(pushToTalkUnavailable({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, accessibilityTrusted: () => true })).toBeNull();
    expect(pushToTalkUnavailable({ platform: 'darwin', env: {}, accessibilityTrusted: () => false })).toBe('accessibility');
    expect(pushToTalkUnavailable({ platform: 'win32', env: {}, accessibilityTrusted: () => false })).toBeNull();
  });
});
