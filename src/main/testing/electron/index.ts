/**
 * The one stand-in for `electron` in every main-process test (vitest aliases `electron` to this
 * file: see vitest.config.ts). It is not a mock written to the code's assumptions: where Parley
 * could get Electron wrong, it behaves as Electron 45 does, and each rule names the doc or source
 * it comes from (the Electron docs of 45.x and electron/electron's shell/ and lib/ folders):
 *
 * - BrowserWindow, Tray, globalShortcut, the default session and dialogs refuse to exist or
 *   work before `ready`; app.enableSandbox() refuses after it.
 * - the display-media callback throws for an answer without video when video was requested;
 *   only null or undefined refuses (session.ts).
 * - a second ipcMain.handle for one channel throws (ipcMain.ts).
 * - permissions are asked with Electron 45's names and details (permissions.ts, session.ts).
 * - a destroyed tray throws; an accelerator Electron cannot parse throws; a notification that was
 *   collected loses its click (desktop.ts).
 * - the quit path runs before-quit, closes windows, will-quit, quit (app.ts); the last window's
 *   closing emits 'window-all-closed', and quits the app when nobody listens for it (windows.ts).
 *
 * Tests drive it through `standIn`: finish the launch, deliver open-url or a second instance,
 * ask permissions, request display media, invoke IPC from a page.
 */
import { StandInApp, electronEvent } from './app';
import { StandInIpcMain } from './ipcMain';
import { launch } from './readiness';
import { session } from './session';
import {
  capturerSource,
  desktopCapturer,
  desktopCapturerState,
  dialog,
  dialogState,
  nativeTheme,
  powerSaveBlocker,
  shell,
  shellState,
  StandInMenu,
  systemPreferences,
  systemPreferencesState,
} from './system';
import { StandInBrowserWindow, StandInWebContents } from './windows';
import { globalShortcut, nativeImage, notificationState, StandInNotification, StandInTray, trays } from './desktop';

export const app = new StandInApp();
export const ipcMain = new StandInIpcMain();
export const BrowserWindow = StandInBrowserWindow;
export const Menu = StandInMenu;
export const Tray = StandInTray;
export const Notification = StandInNotification;
export { desktopCapturer, dialog, globalShortcut, nativeImage, nativeTheme, powerSaveBlocker, session, shell, systemPreferences };

/** What tests use to drive the stand-in and to read what the code did with it. */
export const standIn = {
  launch,
  app,
  ipcMain,
  event: electronEvent,
  get session() {
    return session.defaultSession;
  },
  Window: StandInBrowserWindow,
  windows: () => StandInBrowserWindow.getAllWindows(),
  /** The one window the app shows; fails when there is not exactly one. */
  mainWindow(): StandInBrowserWindow {
    const windows = StandInBrowserWindow.getAllWindows();
    if (windows.length !== 1) throw new Error(`expected one window, found ${windows.length}`);
    return windows[0]!;
  },
  /** A web contents that is not the app's (a foreign page, for the refusals). */
  foreignContents(url: string): StandInWebContents {
    const contents = new StandInWebContents(null);
    contents.navigateTo(url);
    return contents;
  },
  capturer: desktopCapturerState,
  capturerSource,
  dialogs: dialogState,
  shell: shellState,
  systemPreferences: systemPreferencesState,
  globalShortcut,
  powerSaveBlocker,
  nativeTheme,
  Menu: StandInMenu,
  notifications: notificationState,
  /** The tray the app shows now (the newest not destroyed); fails when there is none. */
  tray(): StandInTray {
    const tray = [...trays].reverse().find((candidate) => !candidate.isDestroyed());
    if (!tray) throw new Error('no tray');
    return tray;
  },
  trays,
};

export default { app, ipcMain, BrowserWindow, Menu, Tray, Notification, desktopCapturer, dialog, globalShortcut, nativeImage, nativeTheme, powerSaveBlocker, session, shell, systemPreferences };
