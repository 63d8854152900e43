/**
 * `app` as Electron 45 runs it (docs/api/app.md): 'will-finish-launching' then 'ready' (and
 * whenReady()), 'open-url' that macOS may deliver before 'ready', a quit that asks 'before-quit',
 * closes every window (any of which may refuse), asks 'will-quit' and only then exits; and, with
 * nobody listening for 'window-all-closed', the app quits when its last window closes.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './readiness';
import { StandInMenu } from './system';
import { StandInBrowserWindow, windowHooks } from './windows';

/** An Electron event: preventDefault() cancels what the event announces. */
export function electronEvent(): { preventDefault: () => void; readonly defaultPrevented: boolean } {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

// docs/api/app.md, app.getPath(name): the names Electron knows; any other throws.
const PATH_NAMES = ['home', 'appData', 'assets', 'userData', 'sessionData', 'temp', 'exe', 'module', 'desktop', 'documents', 'downloads', 'music', 'pictures', 'videos', 'recent', 'logs', 'crashDumps'];

class CommandLine {
  private readonly switches = new Map<string, string>();
  appendSwitch(name: string, value = ''): void {
    this.switches.set(name, value);
  }
  hasSwitch(name: string): boolean {
    return this.switches.has(name);
  }
  getSwitchValue(name: string): string {
    return this.switches.get(name) ?? '';
  }
  removeSwitch(name: string): void {
    this.switches.delete(name);
  }
}

export class StandInApp extends EventEmitter {
  isPackaged = true;
  commandLine = new CommandLine();
  /** Whether another instance holds the lock (then requestSingleInstanceLock() answers false). */
  anotherInstanceRunning = false;
  readonly protocolClients: { protocol: string; path?: string; args?: string[] }[] = [];
  sandboxEnabled = false;
  /** The dock badge / taskbar overlay count (shell/browser/browser_{mac,win,linux}: app.setBadgeCount). */
  badgeCount = 0;
  /** Linux shows a badge only where the desktop speaks the LauncherEntry D-Bus API. */
  badgeSupported = true;
  private readonly root = mkdtempSync(join(tmpdir(), 'parley-electron-'));
  private readonly paths = new Map<string, string>();
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor() {
    super();
    windowHooks.lastWindowClosed = () => {
      this.emit('window-all-closed');
      if (this.listenerCount('window-all-closed') === 0) this.quit();
    };
  }

  getName(): string {
    return 'Parley';
  }

  getVersion(): string {
    return '0.0.0-test';
  }

  /** Test control: the system's language (app.getLocale() and getPreferredSystemLanguages()). */
  systemLanguages = ['en-US'];

  getLocale(): string {
    return this.systemLanguages[0] ?? 'en-US';
  }

  getPreferredSystemLanguages(): string[] {
    return [...this.systemLanguages];
  }

  isReady(): boolean {
    return launch.ready;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  getPath(name: string): string {
    if (!PATH_NAMES.includes(name)) throw new Error(`Failed to get '${name}' path`);
    return this.paths.get(name) ?? join(this.root, name);
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  /** browser_linux.cc: without a count, or without a launcher that takes it, the call fails (false). */
  setBadgeCount(count?: number): boolean {
    if (count !== undefined && (!Number.isInteger(count) || count < 0)) throw new TypeError('Error processing argument at index 0, conversion failure');
    if (count === undefined || !this.badgeSupported) return false;
    this.badgeCount = count;
    return true;
  }

  getBadgeCount(): number {
    return this.badgeCount;
  }

  enableSandbox(): void {
    // shell/browser/api/electron_api_app.cc (App::EnableSandbox).
    if (launch.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  requestSingleInstanceLock(): boolean {
    return !this.anotherInstanceRunning;
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.protocolClients.push({ protocol, ...(path === undefined ? {} : { path }), ...(args === undefined ? {} : { args }) });
    return true;
  }

  focus(): void {}

  /** Test control: the launch finishes ('will-finish-launching', then 'ready', then whenReady()). */
  async finishLaunching(): Promise<void> {
    this.emit('will-finish-launching');
    launch.ready = true;
    this.emit('ready', electronEvent(), {});
    StandInMenu.setDefaultApplicationMenu();
    this.resolveReady();
    await this.readyPromise;
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** docs/api/app.md, app.quit(): 'before-quit', every window closed, 'will-quit', 'quit', exit. */
  quit(): void {
    if (launch.exitCode !== null) return;
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    launch.quitting = true;
    for (const window of StandInBrowserWindow.getAllWindows()) {
      window.close();
      if (!window.isDestroyed()) {
        // A window that refused to close cancels the quit.
        launch.quitting = false;
        return;
      }
    }
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      launch.quitting = false;
      return;
    }
    this.emit('quit', electronEvent(), 0);
    launch.exitCode = 0;
  }

  /** docs/api/app.md, app.exit(): no events, windows closed at once. */
  exit(code = 0): void {
    launch.quitting = true;
    for (const window of StandInBrowserWindow.getAllWindows()) window.destroy();
    launch.exitCode = code;
  }
}
