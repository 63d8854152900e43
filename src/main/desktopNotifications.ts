/**
 * System notifications and the unread badge, for a call going on while the window is not in
 * front: someone joined or left, a message, a file offered. The page writes the words (in its
 * language) and asks; main shows a notification only while the window is not focused, and a
 * click brings the window forward on the right panel (chat for messages and files, people for
 * joins and leaves). A message also flashes the taskbar entry until the window is focused.
 *
 * Electron drops a notification's click when the object has been garbage-collected
 * (docs/api/notification.md), so each is kept until it is closed or clicked.
 * The unread count goes to app.setBadgeCount: the Dock badge on macOS, the taskbar overlay on
 * Windows (Electron draws it, shell/browser/browser_win.cc), Linux launchers that speak the
 * LauncherEntry API; elsewhere the call fails quietly (it answers false).
 */
import type { App, BrowserWindow, Notification, NotificationConstructorOptions } from 'electron';
import type { DesktopCommand, DesktopNotification } from '../shared/ipc';
import type { CommandSender } from './desktopCommands';

export interface DesktopNotificationsDeps {
  Notification: { new (options: NotificationConstructorOptions): Notification; isSupported(): boolean };
  app: Pick<App, 'setBadgeCount'>;
  window: () => Pick<BrowserWindow, 'isDestroyed' | 'isFocused' | 'flashFrame' | 'once'> | undefined;
  showWindow: () => void;
  send: CommandSender;
}

const PANEL_FOR: Record<DesktopNotification['kind'], DesktopCommand> = { joined: 'open-people', left: 'open-people', message: 'open-chat', file: 'open-chat' };

export class DesktopNotifications {
  private readonly kept = new Set<Notification>();
  private badge = 0;

  constructor(private readonly deps: DesktopNotificationsDeps) {}

  /** Shows it unless the window is in front (there the page shows its own cues); true when shown. */
  show(notification: DesktopNotification): boolean {
    const window = this.deps.window();
    const inFront = window !== undefined && !window.isDestroyed() && window.isFocused();
    if (inFront) return false;
    if (window && !window.isDestroyed() && (notification.kind === 'message' || notification.kind === 'file')) {
      window.flashFrame(true);
      window.once('focus', () => {
        if (!window.isDestroyed()) window.flashFrame(false);
      });
    }
    if (!this.deps.Notification.isSupported()) return false;
    // Parley plays its own sounds (each can be switched off), so the system's stays quiet.
    const shown = new this.deps.Notification({ title: notification.title, body: notification.body, silent: true });
    this.keep(shown, () => {
      this.deps.showWindow();
      this.deps.send(PANEL_FOR[notification.kind]);
    });
    shown.show();
    return true;
  }

  /** Held until closed or clicked, so the click still reaches us. */
  private keep(shown: Notification, onClick: () => void): void {
    this.kept.add(shown);
    const forget = (): void => void this.kept.delete(shown);
    shown.on('click', () => {
      forget();
      onClick();
    });
    shown.on('close', forget);
    shown.on('failed', forget);
  }

  /** A notice from main itself (where the window went): shown whatever has focus; a click shows the window. */
  announce(title: string, body: string): void {
    if (!this.deps.Notification.isSupported()) return;
    const shown = new this.deps.Notification({ title, body });
    this.keep(shown, () => this.deps.showWindow());
    shown.show();
  }

  /** How many notifications are waiting for a click (kept alive for it). */
  pending(): number {
    return this.kept.size;
  }

  /** The unread count on the Dock, taskbar or launcher; 0 clears it. */
  setUnread(count: number): void {
    if (count === this.badge) return;
    this.badge = count;
    this.deps.app.setBadgeCount(count);
  }
}
