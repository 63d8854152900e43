/**
 * Main's half of the mini window (see shared/miniWindow.ts): the window-open handler's answer.
 * Only the app's own page may open it, only as about:blank under its fixed name; everything else
 * is refused as before. An about:blank child copies its opener's webPreferences (docs/api/
 * window-open.md: Chromium skips browser-side navigation), so it is as locked down as the main
 * window; its preload's bridge answers nobody, since main trusts only the app's own URL.
 */
import type { BrowserWindowConstructorOptions, HandlerDetails } from 'electron';
import { MINI_WINDOW_NAME, MINI_WINDOW_SIZE, MINI_WINDOW_URL } from '../shared/miniWindow';

export function miniWindowOptions(details: Pick<HandlerDetails, 'url' | 'frameName'>, openerIsApp: boolean): BrowserWindowConstructorOptions | null {
  if (!openerIsApp || details.url !== MINI_WINDOW_URL || details.frameName !== MINI_WINDOW_NAME) return null;
  return {
    ...MINI_WINDOW_SIZE,
    minWidth: 200,
    minHeight: 150,
    alwaysOnTop: true,
    fullscreenable: false,
    autoHideMenuBar: true,
    title: 'Parley',
    backgroundColor: '#111318',
  };
}
