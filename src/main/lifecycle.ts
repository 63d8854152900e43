/**
 * The app's quit path, from the tray, the menu, Cmd/Ctrl+Q or the last window closing: a call is
 * ended cleanly first (the page is asked to leave, so the others are told at once rather than
 * after the resume grace period), then a hosted room is stopped (closing every participant's
 * connection, so they are told at once too), and only then the app exits. Neither a page that
 * does not answer nor a server that does not stop keeps the app from quitting.
 */
import type { App } from 'electron';
import type { CallState } from '../shared/ipc';
import type { CommandSender } from './desktopCommands';
import type { HostService } from './hosting';
import type { Log } from './log';

export interface QuitOptions {
  /** How long quitting waits for the server to stop before it exits anyway. */
  stopTimeoutMs?: number;
  /** How long quitting waits for the page to say it has left the call. */
  leaveTimeoutMs?: number;
  log?: Pick<Log, 'warn'>;
  /** The page's call, as it reports it, and how to ask it to leave. */
  call?: { current(): CallState; onChange(listener: (state: CallState) => void): () => void };
  send?: CommandSender;
}

/** Resolves when `done` does, or after `ms` (then `onTimeout` says so); never rejects. */
function within(done: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
  });
  return Promise.race([done.then(() => undefined), giveUp]).finally(() => clearTimeout(timer));
}

export function endCallAndHostingOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  hosting: Pick<HostService, 'status' | 'stop'>,
  { stopTimeoutMs = 5000, leaveTimeoutMs = 2000, log, call, send }: QuitOptions = {},
): void {
  let finished = false;
  app.on('before-quit', (event) => {
    if (finished) return;
    const inCall = call?.current().inCall === true;
    if (!inCall && !hosting.status().running) return;
    event.preventDefault();
    finished = true;
    void (async () => {
      if (inCall && call && send?.('leave')) {
        const left = new Promise<void>((resolve) => {
          const stop = call.onChange((state) => {
            if (state.inCall) return;
            stop();
            resolve();
          });
        });
        await within(left, leaveTimeoutMs, () => log?.warn('quit: the page did not leave its call in time; quitting anyway', { leaveTimeoutMs }));
      }
      if (hosting.status().running) {
        const stopped = hosting.stop().catch((error: unknown) => log?.warn('quit: stopping the hosting server failed', { error: String(error) }));
        await within(stopped, stopTimeoutMs, () => log?.warn('quit: the hosting server did not stop in time; quitting anyway', { stopTimeoutMs }));
      }
      app.quit();
    })();
  });
  // The last window closing ends the app (and so the call and the room): the window only closes
  // for real when nothing is going on, or when the user chose "closing the window ends the call"
  // (see closeToTray.ts); otherwise it hides.
  app.on('window-all-closed', () => app.quit());
}
