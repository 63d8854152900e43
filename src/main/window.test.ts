import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Electron.BrowserWindowConstructorOptions; loaded: string[] }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    private readonly record: (typeof created)[number];
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once = vi.fn();
    loadURL = (url: string) => Promise.resolve(void this.record.loaded.push(url));
    loadFile = (file: string) => Promise.resolve(void this.record.loaded.push(file));
  }
  return { BrowserWindow };
});

const { createMainWindow, secureWebPreferences } = await import('./window');

beforeEach(() => {
  created.length = 0;
});

describe('the main window', () => {
  it('is isolated, sandboxed and has no Node integration', () => {
    createMainWindow('/app/out/preload/index.cjs', { file: '/app/out/renderer/index.html' });
    const prefs = created[0]?.options.webPreferences;
    expect(prefs).toMatchObject({
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
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(created[0]?.loaded).toEqual(['/app/out/renderer/index.html']);
  });

  it('is hardened as soon as it exists (navigation and window.open handled)', () => {
    const window = createMainWindow('/p.cjs', { url: 'http://localhost:5173/' });
    expect(window.webContents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('exposes the same preferences for every window', () => {
    expect(secureWebPreferences('/x')).toEqual(secureWebPreferences('/x'));
  });
});
