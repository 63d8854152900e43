/**
 * The app's quit path: a hosted room lives only as long as the app, so quitting first stops the
 * server (closing every participant's connection, so they are told at once) and only then lets the
 * app exit. A server that does not stop in time does not keep the app from quitting.
 */
import type { App } from 'electron';
import type { HostService } from './hosting';
import type { Log } from './log';

export interface QuitOptions {
  /** How long quitting waits for the server to stop before it exits anyway. */
  stopTimeoutMs?: number;
  log?: Pick<Log, 'warn'>;
}

export function stopHostingOnQuit(app: Pick<App, 'on' | 'quit'>, hosting: Pick<HostService, 'status' | 'stop'>, { stopTimeoutMs = 5000, log }: QuitOptions = {}): void {
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped || !hosting.status().running) return;
    event.preventDefault();
    stopped = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const giveUp = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log?.warn('quit: the hosting server did not stop in time; quitting anyway', { stopTimeoutMs });
        resolve();
      }, stopTimeoutMs);
    });
    const stop = hosting.stop().then(
      () => undefined,
      (error: unknown) => log?.warn('quit: stopping the hosting server failed', { error: String(error) }),
    );
    void Promise.race([stop, giveUp]).finally(() => {
      clearTimeout(timer);
      app.quit();
    });
  });
  // Closing the last window ends the app (and so the room) on every platform: an invisible host
  // that keeps a room open would surprise its user.
  app.on('window-all-closed', () => app.quit());
}
