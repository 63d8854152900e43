/**
 * Push-to-talk from any program: hold the chosen key while muted in a call and the microphone is
 * on; release it and it is muted again. Electron's globalShortcut only reports presses, never
 * releases, so this listens to the keyboard through uiohook-napi (libuiohook, with prebuilt
 * binaries for Windows, macOS and Linux in its npm package). It only observes: the key still
 * reaches the program in front, which is why settings suggest a key nothing types (F9).
 *
 * Loaded only once the user turns it on, and listening only during a call. Where it cannot work
 * it says so: Wayland sessions (libuiohook reads X11; it would hear only XWayland windows), and
 * macOS until Parley is allowed under Privacy & Security → Accessibility.
 */
import type { PushToTalkStatus } from '../shared/ipc';
import type { CommandSender } from './desktopCommands';
import type { Log } from './log';

/** The part of uiohook-napi's `uIOhook` Parley uses, and its key map. */
export interface KeyboardHook {
  on(event: 'keydown' | 'keyup', listener: (event: { keycode: number }) => void): unknown;
  removeAllListeners(event?: string): unknown;
  start(): void;
  stop(): void;
}
export interface LoadedHook {
  hook: KeyboardHook;
  keys: Record<string, number>;
}

export interface SystemPushToTalkDeps {
  /** Loads uiohook-napi (or throws: no binary for this machine). */
  load: () => Promise<LoadedHook>;
  send: CommandSender;
  /** Why it cannot work here, or null (Wayland; macOS without the Accessibility permission). */
  unavailableReason: () => PushToTalkStatus['reason'] | null;
  onStatus: () => void;
  log?: Pick<Log, 'info' | 'warn'>;
}

export class SystemPushToTalk {
  private loaded: Promise<LoadedHook | null> | null = null;
  private listening: KeyboardHook | null = null;
  private key: string | null = null;
  private muted = false;
  private talking = false;
  private current: PushToTalkStatus = { key: null, state: 'off' };
  /** Only the latest follow() acts (loading is asynchronous). */
  private generation = 0;

  constructor(private readonly deps: SystemPushToTalkDeps) {}

  status(): PushToTalkStatus {
    return this.current;
  }

  /** Listens while `inCall` and a key is chosen; `microphoneOn` is what the page last reported. */
  async follow(inCall: boolean, microphoneOn: boolean, key: string | null): Promise<void> {
    const generation = ++this.generation;
    // The page's own report: while the key is held we unmuted it, so a report of "on" is ours.
    if (!this.talking) this.muted = !microphoneOn;
    if (key === null) return this.stop({ key: null, state: 'off' });
    if (!inCall) return this.stop({ key, state: 'waiting' });
    const reason = this.deps.unavailableReason();
    if (reason) return this.stop({ key, state: 'unavailable', reason });
    const loaded = await this.load();
    if (generation !== this.generation) return;
    const keycode = loaded?.keys[key];
    if (!loaded) return this.stop({ key, state: 'unavailable', reason: 'no-hook' });
    if (keycode === undefined) return this.stop({ key, state: 'unavailable', reason: 'unknown-key' });
    if (this.listening && this.key === key) return;
    this.stop(null);
    const { hook } = loaded;
    hook.on('keydown', ({ keycode: pressed }) => {
      // Held keys repeat their keydown: only the first one counts.
      if (pressed !== keycode || this.talking || !this.muted) return;
      this.talking = true;
      this.deps.send('unmute');
    });
    hook.on('keyup', ({ keycode: released }) => {
      if (released !== keycode || !this.talking) return;
      this.talking = false;
      this.deps.send('mute');
    });
    try {
      hook.start();
    } catch (error) {
      this.deps.log?.warn('push-to-talk: the keyboard hook did not start', { error: String(error) });
      hook.removeAllListeners();
      return this.stop({ key, state: 'unavailable', reason: 'no-hook' });
    }
    this.listening = hook;
    this.key = key;
    this.set({ key, state: 'active' });
  }

  /** On quit: stop listening to the keyboard. */
  dispose(): void {
    this.generation++;
    this.stop(null);
  }

  private async load(): Promise<LoadedHook | null> {
    this.loaded ??= this.deps.load().catch((error: unknown) => {
      this.deps.log?.warn('push-to-talk: uiohook-napi could not be loaded', { error: String(error) });
      return null;
    });
    return this.loaded;
  }

  private stop(next: PushToTalkStatus | null): void {
    if (this.listening) {
      if (this.talking) this.deps.send('mute');
      this.talking = false;
      this.listening.removeAllListeners('keydown');
      this.listening.removeAllListeners('keyup');
      this.listening.stop();
      this.listening = null;
      this.key = null;
    }
    if (next) this.set(next);
  }

  private set(next: PushToTalkStatus): void {
    if (next.key === this.current.key && next.state === this.current.state && next.reason === this.current.reason) return;
    this.current = next;
    this.deps.onStatus();
  }
}

/** uiohook-napi itself, loaded on first use (its prebuilt binary is picked for this machine). */
export async function loadUiohook(): Promise<LoadedHook> {
  const { uIOhook, UiohookKey } = await import('uiohook-napi');
  return { hook: uIOhook, keys: UiohookKey as unknown as Record<string, number> };
}

/** Why system-wide push-to-talk cannot work on this desktop, or null. */
export function pushToTalkUnavailable({ platform, env, accessibilityTrusted }: { platform: string; env: Record<string, string | undefined>; accessibilityTrusted: () => boolean }): PushToTalkStatus['reason'] | null {
  if (platform === 'linux' && (env['XDG_SESSION_TYPE'] === 'wayland' || (env['WAYLAND_DISPLAY'] && !env['DISPLAY']))) return 'wayland';
  if (platform === 'darwin' && !accessibilityTrusted()) return 'accessibility';
  return null;
}
