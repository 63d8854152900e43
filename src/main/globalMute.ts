/**
 * The system-wide mute shortcut (default CommandOrControl+Shift+M, chosen in settings): toggles
 * the microphone while Parley is in the background. It is registered only while a call is on, so
 * the keys are not taken from other programs the rest of the time, and always released on quit.
 * When another program holds the keys, Electron's register() answers false: settings say so.
 * (Wayland binds through the desktop portal; the README says what that means.)
 */
import type { GlobalShortcut } from 'electron';
import type { GlobalShortcutStatus } from '../shared/ipc';
import type { CommandSender } from './desktopCommands';
import type { Log } from './log';

export interface GlobalMuteDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  send: CommandSender;
  /** The status changed: tell the page (it reads it with shortcut:status). */
  onStatus: () => void;
  log?: Pick<Log, 'info' | 'warn'>;
}

export class GlobalMuteShortcut {
  private registered: string | null = null;
  private current: GlobalShortcutStatus = { accelerator: null, state: 'off' };

  constructor(private readonly deps: GlobalMuteDeps) {}

  status(): GlobalShortcutStatus {
    return this.current;
  }

  /** Holds the shortcut while `inCall` and one is chosen; lets it go otherwise. Call after `ready`. */
  follow(inCall: boolean, accelerator: string | null): void {
    if (this.registered !== null && (!inCall || accelerator !== this.registered)) this.release();
    if (accelerator === null) return this.set({ accelerator: null, state: 'off' });
    if (!inCall) return this.set({ accelerator, state: 'waiting' });
    if (this.registered === accelerator) return;
    let ok: boolean;
    try {
      ok = this.deps.globalShortcut.register(accelerator, () => void this.deps.send('toggle-mute'));
    } catch (error) {
      // Only an accelerator Electron cannot parse throws; the IPC schema should have refused it.
      this.deps.log?.warn('global mute: the shortcut could not be registered', { accelerator, error: String(error) });
      return this.set({ accelerator, state: 'unsupported' });
    }
    if (!ok) {
      this.deps.log?.warn('global mute: another program holds the shortcut', { accelerator });
      return this.set({ accelerator, state: 'taken' });
    }
    this.registered = accelerator;
    this.set({ accelerator, state: 'active' });
  }

  /** On quit: the keys go back to the system. */
  dispose(): void {
    this.release();
  }

  private release(): void {
    if (this.registered === null) return;
    this.deps.globalShortcut.unregister(this.registered);
    this.registered = null;
  }

  private set(next: GlobalShortcutStatus): void {
    if (next.accelerator === this.current.accelerator && next.state === this.current.state) return;
    this.current = next;
    this.deps.onStatus();
  }
}
