import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Electron.BrowserWindowConstructorOptions; loaded: string[]; webContents: { on: ReturnType<typeof vi.fn>; setWindowOpenHandler: ReturnType<typeof vi.fn> } }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    private readonly record: (typeof created)[number];
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], webContents: this.webContents };
      created.push(this.record);
    }
    once = vi.fn();
    loadURL = (url: string) => Promise.resolve(void this.record.loaded.push(url));
    loadFile = (file: string) => Promise.resolve(void this.record.loaded.push(file));
  }
  return { BrowserWindow };
});

const { createMainWindow } = await import('./window');
const openExternal = vi.fn(async () => undefined);

beforeEach(() => {
  created.length = 0;
  openExternal.mockClear();
});

describe('the main window', () => {
  it('is isolated, sandboxed, has no Node integration and nothing experimental', () => {
    createMainWindow('/app/out/preload/index.cjs', { file: '/app/out/renderer/index.html' }, openExternal);
    const prefs = created[0]?.options.webPreferences;
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(created[0]?.loaded).toEqual(['/app/out/renderer/index.html']);
  });

  it('is hardened as soon as it exists: navigation prevented, new windows denied', () => {
    createMainWindow('/p.cjs', { url: 'http://localhost:5173/' }, openExternal);
    const contents = created[0]!.webContents;
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => { action: string };
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(handler({ url: 'https://example.org/docs' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/docs');
  });
});
