/** The main window, locked down: isolated, sandboxed, no Node, nothing experimental. */
import { BrowserWindow, nativeTheme } from 'electron';
import { hardenWebContents, type OpenExternal } from './security';

export type RendererSource = { url: string } | { file: string };

export function createMainWindow(preload: string, source: RendererSource, openExternal: OpenExternal): BrowserWindow {
  // The preferences are written out here, in the constructor call, so that static checkers
  // (electronegativity) can see every one of them.
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: 'Parley',
    // The page's own background in the system's appearance (styles/tokens.css --bg), so the
    // window does not flash the other colour before the page paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14161a' : '#f4f5f7',
    show: false,
    webPreferences: {
      preload,
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
      // Middle-click must not open anything: new windows are denied anyway, this removes the path.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents, openExternal);
  window.once('ready-to-show', () => window.show());
  if ('url' in source) void window.loadURL(source.url);
  else void window.loadFile(source.file);
  return window;
}
