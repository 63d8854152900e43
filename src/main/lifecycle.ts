/**
 * The app's quit path: a hosted room lives only as long as the app, so quitting first stops the
 * server (closing every participant's connection cleanly) and only then lets the app exit.
 */
import type { App } from 'electron';
import type { HostService } from './hosting';

export function stopHostingOnQuit(app: Pick<App, 'on' | 'quit'>, hosting: Pick<HostService, 'status' | 'stop'>): void {
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped || !hosting.status().running) return;
    event.preventDefault();
    stopped = true;
    void hosting.stop().finally(() => app.quit());
  });
  // Closing the last window ends the app (and so the room) on every platform: an invisible host
  // that keeps a room open would surprise its user.
  app.on('window-all-closed', () => app.quit());
}
