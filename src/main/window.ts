/** The main window, locked down: isolated, sandboxed, no Node, nothing experimental. */
import { BrowserWindow, type WebPreferences } from 'electron';
import { hardenWebContents } from './security';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
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
  };
}

export type RendererSource = { url: string } | { file: string };

export function createMainWindow(preload: string, source: RendererSource): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: 'Parley',
    backgroundColor: '#14161a',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  if ('url' in source) void window.loadURL(source.url);
  else void window.loadFile(source.file);
  return window;
}
