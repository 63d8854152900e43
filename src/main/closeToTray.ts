/**
 * Closing the window during a call or while hosting hides it instead: the call and the room go
 * on, and the tray brings the window back (people close windows by reflex; jitsi-meet-electron
 * #970 is years of "I ended the meeting by clicking X"). The first time, a notification says where
 * Parley went and how to quit. The setting "Closing the window ends the call" turns this off.
 *
 * Electron's quit closes every window, and a 'close' prevented during a quit cancels the quit
 * (docs/api/browser-window.md, 'close'): so while quitting, closing is never refused.
 */
import type { App, BrowserWindow } from 'electron';

export interface CloseToTrayDeps {
  app: Pick<App, 'on'>;
  /** Whether closing should hide now: a call or a hosted room, and the setting not turned off. */
  keepRunning: () => boolean;
  /** The window went to the tray; `first` is true the first time ever (say where it went). */
  onHidden: (first: boolean) => void;
  /** Whether the hint was already shown (kept across runs), and remembering that it was. */
  hint: { shown(): boolean; markShown(): void };
}

export function closeToTray(window: Pick<BrowserWindow, 'on' | 'hide'>, { app, keepRunning, onHidden, hint }: CloseToTrayDeps): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting || !keepRunning()) return;
    event.preventDefault();
    window.hide();
    const first = !hint.shown();
    if (first) hint.markShown();
    onHidden(first);
  });
}
