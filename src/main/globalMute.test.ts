import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_COMMAND_EVENT } from '../shared/ipc';
import { createCommandSender } from './desktopCommands';
import { GlobalMuteShortcut } from './globalMute';
import { globalShortcut, standIn } from './testing/electron';

const DEFAULT = 'CommandOrControl+Shift+M';

function setup() {
  const window = new standIn.Window();
  const onStatus = vi.fn();
  const mute = new GlobalMuteShortcut({ globalShortcut, send: createCommandSender(() => window as never), onStatus });
  const commands = () => window.webContents.sent.filter((sent) => sent.channel === IPC_COMMAND_EVENT).map((sent) => sent.args[0]);
  return { mute, onStatus, commands };
}

describe('the global mute shortcut', () => {
  it('cannot be registered before ready (Electron throws)', () => {
    expect(() => globalShortcut.register(DEFAULT, () => undefined)).toThrow('globalShortcut cannot be used before the app is ready');
  });

  describe('after ready', () => {
    beforeAll(() => standIn.app.finishLaunching());

    it('is held only during a call, toggles mute from anywhere, and is let go after', () => {
      const { mute, commands, onStatus } = setup();
      mute.follow(false, DEFAULT);
      expect(mute.status()).toEqual({ accelerator: DEFAULT, state: 'waiting' });
      expect(globalShortcut.isRegistered(DEFAULT)).toBe(false);

      mute.follow(true, DEFAULT);
      expect(mute.status().state).toBe('active');
      standIn.globalShortcut.press(DEFAULT);
      standIn.globalShortcut.press(DEFAULT);
      expect(commands()).toEqual(['toggle-mute', 'toggle-mute']);

      mute.follow(false, DEFAULT);
      expect(globalShortcut.isRegistered(DEFAULT)).toBe(false);
      expect(onStatus).toHaveBeenCalledTimes(3); // waiting, active, waiting
    });

    it('moves to a newly chosen shortcut, and turning it off frees the keys', () => {
      const { mute } = setup();
      mute.follow(true, DEFAULT);
      mute.follow(true, 'Alt+F9');
      expect(globalShortcut.isRegistered(DEFAULT)).toBe(false);
      expect(globalShortcut.isRegistered('Alt+F9')).toBe(true);
      mute.follow(true, null);
      expect(globalShortcut.isRegistered('Alt+F9')).toBe(false);
      expect(mute.status()).toEqual({ accelerator: null, state: 'off' });
    });

    it('says when another program holds the keys', () => {
      const { mute } = setup();
      standIn.globalShortcut.heldElsewhere.add(DEFAULT);
      mute.follow(true, DEFAULT);
      expect(mute.status()).toEqual({ accelerator: DEFAULT, state: 'taken' });
      standIn.globalShortcut.heldElsewhere.clear();
    });

    it('is unregistered on quit', () => {
      const { mute } = setup();
      mute.follow(true, DEFAULT);
      mute.dispose();
      expect(globalShortcut.isRegistered(DEFAULT)).toBe(false);
    });

    it('an accelerator Electron cannot parse throws there; here it is reported, not thrown', () => {
      expect(() => globalShortcut.register('Ctrl+Banana', () => undefined)).toThrow(TypeError);
      const { mute } = setup();
      expect(() => mute.follow(true, 'Ctrl+Banana')).not.toThrow();
      expect(mute.status().state).toBe('unsupported');
    });
  });
});
