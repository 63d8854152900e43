/**
 * What happens when a page or a helper process of the app dies: every death goes to the log; a
 * crashed window page is loaded again (the hosted room lives in main and goes on), and if it keeps
 * crashing — three times in a minute — the user is told instead of being shown a reload loop.
 * Electron 45: 'render-process-gone' on the WebContents and 'child-process-gone' on the app, both
 * with `details.reason` (docs/api/web-contents.md, docs/api/app.md); 'clean-exit' is no crash.
 */
import type { App, RenderProcessGoneDetails, WebContents } from 'electron';
import type { Log } from './log';

export interface CrashRecoveryDeps {
  log: Pick<Log, 'warn' | 'error'>;
  /** Loads the app's page again in a new renderer. */
  reload: () => void;
  /** Tells the user the window keeps failing (after too many crashes). */
  giveUp: () => void;
  now?: () => number;
  maxCrashes?: number;
  windowMs?: number;
}

export function recoverFromRendererCrashes(contents: Pick<WebContents, 'on'>, { log, reload, giveUp, now = Date.now, maxCrashes = 3, windowMs = 60_000 }: CrashRecoveryDeps): void {
  let crashes: number[] = [];
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    log.error('the window\'s page stopped', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit') return;
    const at = now();
    crashes = [...crashes.filter((time) => at - time < windowMs), at];
    if (crashes.length >= maxCrashes) return giveUp();
    reload();
  });
  contents.on('unresponsive', () => log.warn('the window\'s page is not responding'));
  contents.on('responsive', () => log.warn('the window\'s page responds again'));
}

/** GPU, network, audio and utility processes: Chromium restarts most of them; the log keeps the story. */
export function logChildProcessDeaths(app: Pick<App, 'on'>, log: Pick<Log, 'warn'>): void {
  app.on('child-process-gone', (_event, details) => {
    log.warn('a helper process stopped', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name, serviceName: details.serviceName });
  });
}
