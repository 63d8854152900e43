import { beforeAll, describe, expect, it, vi } from 'vitest';
import { standIn } from './testing/electron';
import { createMainWindow } from './window';

const openExternal = vi.fn(async () => undefined);

describe('the main window', () => {
  it('cannot exist before the app is ready (Electron throws; index.ts waits for ready)', () => {
    expect(() => createMainWindow('/p.cjs', { file: '/app/out/renderer/index.html' }, openExternal)).toThrow('Cannot create BrowserWindow before app is ready');
  });

  describe('once ready', () => {
    beforeAll(() => standIn.app.finishLaunching());

    it('is isolated, sandboxed, has no Node integration and nothing experimental', async () => {
      createMainWindow('/app/out/preload/index.cjs', { file: '/app/out/renderer/index.html' }, openExternal);
      const prefs = standIn.windows().at(-1)!.options['webPreferences'] as Record<string, unknown>;
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
      const shown = standIn.windows().at(-1)!;
      await vi.waitFor(() => expect(shown.isVisible()).toBe(true)); // shown once ready to show, not blank before
      expect(shown.loaded).toEqual(['file:///app/out/renderer/index.html']);
    });

    it('opens in the system\'s appearance, so it never flashes the other colour', () => {
      standIn.nativeTheme.shouldUseDarkColors = false;
      createMainWindow('/p.cjs', { file: '/app/out/renderer/index.html' }, openExternal);
      expect(standIn.windows().at(-1)!.options['backgroundColor']).toBe('#f4f5f7');
      standIn.nativeTheme.shouldUseDarkColors = true;
      createMainWindow('/p.cjs', { file: '/app/out/renderer/index.html' }, openExternal);
      expect(standIn.windows().at(-1)!.options['backgroundColor']).toBe('#14161a');
    });

    it('is hardened as soon as it exists: navigation prevented, new windows denied', () => {
      createMainWindow('/p.cjs', { url: 'http://localhost:5173/' }, openExternal);
      const contents = standIn.windows().at(-1)!.webContents;
      expect(contents.listenerCount('will-navigate')).toBe(1);
      const handler = contents.windowOpenHandler!;
      expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
      expect(handler({ url: 'https://example.org/docs' })).toEqual({ action: 'deny' });
      expect(openExternal).toHaveBeenCalledWith('https://example.org/docs');
    });
  });
});
