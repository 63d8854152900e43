/**
 * BrowserWindow and WebContents as Electron 45 behaves where Parley could get it wrong: no window
 * before `ready`, `send` on a destroyed contents throws, `window-all-closed` when the last window
 * goes (and, with nobody listening for it, the app quits), and no such event while quitting.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { launch, requireReady } from './readiness';

export interface SentMessage {
  channel: string;
  args: unknown[];
}

/** Called when the last window is gone (set by the app stand-in, which owns the quit path). */
export const windowHooks = { lastWindowClosed: (): void => undefined };

let nextId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: SentMessage[] = [];
  private url = '';
  private destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  constructor(readonly owner: StandInBrowserWindow | null) {
    super();
  }

  getURL(): string {
    return this.url;
  }

  /** The top frame, as `event.senderFrame` and `request.frame` give it (a WebFrameMain). */
  get mainFrame(): { url: string; parent: null; origin: string } {
    return { url: this.url, parent: null, origin: this.url ? new URL(this.url).origin : '' };
  }

  navigateTo(url: string): void {
    this.url = url;
  }

  send(channel: string, ...args: unknown[]): void {
    // lib/browser/api/web-contents.ts: using a destroyed WebContents throws "Object has been destroyed".
    if (this.destroyed) throw new Error('Object has been destroyed');
    if (typeof channel !== 'string') throw new Error('Missing required channel argument');
    this.sent.push({ channel, args: structuredClone(args) });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  markDestroyed(): void {
    this.destroyed = true;
  }

  reload(): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.emit('did-start-loading');
    queueMicrotask(() => this.emit('did-finish-load'));
  }

  /** What a renderer crash looks like from main (docs/api/web-contents.md, 'render-process-gone'). */
  crash(reason: 'crashed' | 'oom' | 'killed' | 'abnormal-exit' | 'launch-failed' | 'integrity-failure' = 'crashed'): void {
    this.emit('render-process-gone', { preventDefault: () => undefined }, { reason, exitCode: reason === 'oom' ? -536870904 : 1 });
  }
}

export class StandInBrowserWindow extends EventEmitter {
  private static readonly open = new Set<StandInBrowserWindow>();
  readonly webContents: StandInWebContents;
  readonly options: Record<string, unknown>;
  loaded: string[] = [];
  private visible = false;
  private minimized = false;
  private focused = false;
  private destroyed = false;

  static getAllWindows(): StandInBrowserWindow[] {
    return [...StandInBrowserWindow.open];
  }

  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((window) => window.webContents === contents) ?? null;
  }

  static getFocusedWindow(): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((window) => window.focused) ?? null;
  }

  constructor(options: Record<string, unknown> = {}) {
    super();
    // shell/browser/api/electron_api_browser_window.cc (BrowserWindow::New).
    requireReady('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.visible = options['show'] !== false;
    this.webContents = new StandInWebContents(this);
    StandInBrowserWindow.open.add(this);
  }

  async loadURL(url: string): Promise<void> {
    this.assertAlive();
    this.loaded.push(url);
    this.webContents.navigateTo(url);
    await Promise.resolve();
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }

  loadFile(file: string, options: { query?: Record<string, string>; hash?: string } = {}): Promise<void> {
    const url = pathToFileURL(file);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }

  show(): void {
    this.assertAlive();
    this.visible = true;
    this.minimized = false;
    this.focused = true;
    this.emit('show');
    this.emit('focus');
  }

  hide(): void {
    this.assertAlive();
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  isVisible(): boolean {
    return this.visible && !this.minimized;
  }

  focus(): void {
    this.assertAlive();
    const was = this.focused;
    this.focused = true;
    this.visible = true;
    if (!was) this.emit('focus');
  }

  /** Test control: another program's window comes to the front. */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  isFocused(): boolean {
    return this.focused;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
    this.emit('minimize');
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Whether the taskbar entry is flashing (docs/api/browser-window.md, flashFrame). */
  flashing = false;
  flashFrame(flag: boolean): void {
    this.assertAlive();
    this.flashing = flag;
  }

  alwaysOnTop = false;
  setAlwaysOnTop(flag: boolean): void {
    this.assertAlive();
    this.alwaysOnTop = flag;
  }

  /** Like a click on the window's close button: 'close' can be prevented, then the window goes. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true), get defaultPrevented() { return prevented; } });
    if (!prevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.markDestroyed();
    StandInBrowserWindow.open.delete(this);
    this.emit('closed');
    this.webContents.emit('destroyed');
    if (StandInBrowserWindow.open.size === 0 && !launch.quitting) windowHooks.lastWindowClosed();
  }

  /** Electron throws on almost any call to a destroyed window (gin: "Object has been destroyed"). */
  private assertAlive(): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
  }

  static reset(): void {
    StandInBrowserWindow.open.clear();
  }
}
